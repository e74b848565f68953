//! Printing one part of the widget alone (the therapist summary, the safety plan) from a
//! clinic page. The widget's own print rules (in its shadow root) leave only the part
//! marked `ag-printable` (or the summary), but they cannot hide the
//! clinic's page around it. For the length of one print, the host is marked
//! `data-afterglow-printing` and the document gets a print-only sheet that hides every
//! element that neither is nor contains that host; `afterprint` removes both. Never
//! changes anything of the page outside a print started from the widget.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const PRINTING: &str = "data-afterglow-printing";
const RULES: &str =
    "@media print { body *:not([data-afterglow-printing]):not(:has([data-afterglow-printing])) \
                     { display: none !important; } }";

/// Prints the widget's printable part alone. `from` is any element of the widget (the
/// button clicked).
pub fn print_alone(from: &web_sys::Element) {
    let Some(window) = web_sys::window() else { return };
    let host = host_of(from);
    let sheet = host.as_ref().and_then(isolate);
    let cleanup = {
        let host = host.clone();
        let sheet = sheet.clone();
        move || {
            if let Some(host) = &host {
                let _ = host.remove_attribute(PRINTING);
            }
            if let (Some(sheet), Some(document)) = (&sheet, web_sys::window().and_then(|w| w.document())) {
                let kept = js_sys::Array::new();
                for s in document.adopted_style_sheets().iter() {
                    if !js_sys::Object::is(&s, sheet) {
                        kept.push(&s);
                    }
                }
                document.set_adopted_style_sheets(&kept);
            }
        }
    };
    if sheet.is_some() {
        // `print()` returns before the dialog closes in some browsers: undo on afterprint.
        let once = Closure::once_into_js(cleanup);
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            "afterprint",
            once.unchecked_ref(),
            &options,
        );
    }
    let _ = window.print();
}

/// Prints the widget's printable part alone from a click on one of its buttons.
pub fn print_from_click(ev: &web_sys::MouseEvent) {
    if let Some(button) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        print_alone(&button);
    }
}

/// The `[data-afterglow]` host of `from`, across its shadow root.
fn host_of(from: &web_sys::Element) -> Option<web_sys::Element> {
    let root = from.get_root_node();
    let start = match root.dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.host(),
        Err(_) => from.clone(),
    };
    start.closest("[data-afterglow]").ok().flatten()
}

/// Marks `host` and adopts the print-only sheet on its document; returns the sheet.
fn isolate(host: &web_sys::Element) -> Option<web_sys::CssStyleSheet> {
    let document = host.owner_document()?;
    let sheet = crate::ui::shell::mount::stylesheet(RULES)?;
    host.set_attribute(PRINTING, "").ok()?;
    let sheets = document.adopted_style_sheets();
    sheets.push(&sheet);
    document.set_adopted_style_sheets(&sheets);
    Some(sheet)
}
