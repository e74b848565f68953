//! The iframe option: when Afterglow's page is framed by a clinic page, it tells the
//! parent its height so the frame fits the content without a scrollbar. The message is
//! `{type: "afterglow:height", height: <pixels>}` and nothing else: no journal data ever
//! crosses to the parent. Never listens to messages from the parent.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The message type the parent's `afterglow-frame.js` listens for.
const MESSAGE_TYPE: &str = "afterglow:height";

/// Starts reporting the document's height to the parent window, if there is one.
pub fn report_height_when_framed() {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else { return };
    let measured = root.clone();
    let mut last = -1;
    let report = Closure::<dyn FnMut()>::new(move || {
        let height = measured.scroll_height();
        if height == last {
            return;
        }
        last = height;
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &MESSAGE_TYPE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // Any origin may learn a height; frame-ancestors decides who may frame at all.
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = window.document().and_then(|d| d.body()) {
            observer.observe(&body);
        }
        // Both live as long as the framed page.
        std::mem::forget(observer);
        report.forget();
    }
}
