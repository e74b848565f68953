//! The page around the widgets: mounts Afterglow into every `[data-afterglow]` host, and
//! follows the page afterwards, as single-page clinic sites add and remove content. A
//! host added later gets a widget; a host taken out of the document has its widget
//! unmounted, which removes every listener and timer it had. Watches only for hosts:
//! never reads or changes anything else of the page.

use super::{frame, parts, perf};
use crate::ui::shell::mount::{mount_host, Mounted, HOST_SELECTOR, MOUNTED};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The running widgets and their hosts.
    static LIVE: RefCell<Vec<(web_sys::HtmlElement, Mounted)>> = const { RefCell::new(Vec::new()) };
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Mounts every host on the page, then follows the page for hosts coming and going.
pub fn start() {
    // The first widget's language is the page's (see `lang`): Spanish waits for its table.
    let first = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(HOST_SELECTOR).ok().flatten());
    super::lang::start(super::lang::wanted(first.as_ref()), mount_and_follow);
}

fn mount_and_follow() {
    mount_new_hosts();
    // Every widget has rendered and its listeners are attached: the journal is usable.
    perf::mark("ag:mounted");
    frame::report_height_when_framed();
    watch();
    // After the first screen has had its turn: every chunk, in one fixed order.
    leptos::prelude::set_timeout(parts::prefetch, std::time::Duration::ZERO);
}

/// Mounts Afterglow into every `[data-afterglow]` element not yet mounted.
fn mount_new_hosts() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all(HOST_SELECTOR) else { return };
    for i in 0..hosts.length() {
        let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else {
            continue;
        };
        if host.has_attribute(MOUNTED) {
            continue;
        }
        let _ = host.set_attribute(MOUNTED, "");
        let mounted = mount_host(host.clone());
        LIVE.with(|live| live.borrow_mut().push((host, mounted)));
    }
}

/// Unmounts the widgets whose hosts have left the document. (A host moved elsewhere is
/// back in the document by the time this runs, and keeps its widget.)
fn unmount_removed_hosts() {
    let gone: Vec<(web_sys::HtmlElement, Mounted)> = LIVE.with(|live| {
        let mut live = live.borrow_mut();
        let (stay, gone) = std::mem::take(&mut *live).into_iter().partition(|(host, _)| host.is_connected());
        *live = stay;
        gone
    });
    for (host, mounted) in gone {
        drop(mounted);
        let _ = host.remove_attribute(MOUNTED);
    }
}

/// One MutationObserver on the document's element tree, for the page's lifetime.
fn watch() {
    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let changed = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        let (mut added, mut removed) = (false, false);
        for record in records.iter() {
            let record: web_sys::MutationRecord = record.unchecked_into();
            added |= record.added_nodes().length() > 0;
            removed |= record.removed_nodes().length() > 0;
        }
        if removed {
            unmount_removed_hosts();
        }
        if added {
            mount_new_hosts();
        }
    });
    let Ok(observer) = web_sys::MutationObserver::new(changed.as_ref().unchecked_ref()) else { return };
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    if observer.observe_with_options(&root, &options).is_ok() {
        // Both live as long as the page.
        std::mem::forget(observer);
        changed.forget();
    }
}
