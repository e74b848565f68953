//! A region that scrolls (a table wider than a phone, or taller than its box) is a
//! keyboard stop while it scrolls, so it can be scrolled without a pointer, and no stop
//! at all while everything in it is in view. `use:scroll_stop` on a region written with
//! `tabindex="0"`: a `ResizeObserver` watches the region and its content and sets or
//! takes away that `tabindex` as the region starts or stops scrolling.
//!
//! Touches only the region's own `tabindex`. Must never leave a region that scrolls out
//! of the keyboard's reach: where the observer cannot start, the markup's `tabindex="0"`
//! stays.

use leptos::prelude::*;
use std::cell::OnceCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The observer and its callback, kept as long as the region's view: dropping them
/// disconnects the observer first, so the callback is never called once freed.
struct Watch {
    region: web_sys::Element,
    observer: web_sys::ResizeObserver,
    _check: Closure<dyn FnMut()>,
    left: Closure<dyn FnMut()>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        if let Some(disconnect) = property(&self.observer, "disconnect").dyn_ref::<js_sys::Function>() {
            let _ = disconnect.call0(&self.observer);
        }
        let _ =
            self.region.remove_event_listener_with_callback("focusout", self.left.as_ref().unchecked_ref());
    }
}

/// A property of a DOM object, read through `Reflect` (already in the first screen's
/// glue): the typed getters would each add an import to the script every visit loads.
fn property(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn number(object: &JsValue, name: &str) -> f64 {
    property(object, name).as_f64().unwrap_or(0.0)
}

/// Whether `region` has the focus (`matches(":focus")`, through `Reflect` like the rest).
fn focused(region: &web_sys::Element) -> bool {
    property(region, "matches")
        .dyn_ref::<js_sys::Function>()
        .and_then(|matches| matches.call1(region, &JsValue::from_str(":focus")).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Whether `region` has more than it shows, across or down.
fn scrolls(region: &web_sys::Element) -> bool {
    number(region, "scrollWidth") > number(region, "clientWidth")
        || number(region, "scrollHeight") > number(region, "clientHeight")
}

/// The directive (`<div class="ag-table-wrap" tabindex="0" role="region" use:scroll_stop>`).
pub fn scroll_stop(region: web_sys::Element) {
    let watched = region.clone();
    // The observer, for the callback to watch the content with (set just below).
    let own: Rc<OnceCell<web_sys::ResizeObserver>> = Rc::default();
    let observer_here = own.clone();
    let mut content_watched = false;
    let check = Closure::<dyn FnMut()>::new(move || {
        // The content too (its rows and columns, not the region's box, say what scrolls),
        // once it is in: the first call comes after the region is laid out.
        if !content_watched {
            let content = property(&watched, "firstElementChild");
            if let (Some(observer), true) = (observer_here.get(), content.is_object()) {
                observer.observe(content.unchecked_ref());
                content_watched = true;
            }
        }
        update(&watched);
    });
    let Ok(observer) = web_sys::ResizeObserver::new(check.as_ref().unchecked_ref()) else { return };
    observer.observe(&region);
    let _ = own.set(observer.clone());
    // A region keeps its stop while it has the focus; once the focus has moved on (a
    // task later), it is looked at again.
    let after = region.clone();
    let left = Closure::<dyn FnMut()>::new(move || {
        let after = after.clone();
        set_timeout(move || update(&after), std::time::Duration::ZERO);
    });
    let _ = region.add_event_listener_with_callback("focusout", left.as_ref().unchecked_ref());
    StoredValue::new_local(Watch { region, observer, _check: check, left });
}

/// Gives the region its stop while it scrolls, and takes it away while everything is in
/// view, unless it has the focus (taking the stop away would drop the focus to the page).
fn update(region: &web_sys::Element) {
    let _ = if scrolls(region) {
        region.set_attribute("tabindex", "0")
    } else if !focused(region) {
        region.remove_attribute("tabindex")
    } else {
        Ok(())
    };
}
