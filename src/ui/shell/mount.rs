//! Mounts one app into a host element, inside an open shadow root that carries the
//! widget's own stylesheet (`ui::page` finds the hosts and follows the page). Reads the
//! host's attributes and its JSON child, nothing else of the page; leaves no globals behind and never writes
//! outside the shadow root but for the `data-afterglow-mounted` marker on the host.
//!
//! Why a shadow root: a clinic page's CSS cannot be prefixed away. Rules like
//! `button { … !important }`, `#content div { … }` or `* { all: revert }` outrank or
//! outlast any class rule; inside a shadow root they match nothing. What still crosses
//! (inherited properties, the root font size behind `rem`) is cut off by `.ag-root` and
//! `--ag-rem` in `style/tokens.css`.

use crate::config::{RawConfig, ATTRIBUTES};
use crate::ui::shell::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The attribute that marks a host element.
pub const HOST_SELECTOR: &str = "[data-afterglow]";
/// Set on a host while a widget runs in it.
pub const MOUNTED: &str = "data-afterglow-mounted";
/// The JSON child with larger configuration (crisis resources, prompts).
const JSON_CHILD: &str = "script[type=\"application/json\"][data-afterglow-config]";
/// The widget's stylesheet, minified by build.rs and compiled in: one request fewer, and nothing for a strict
/// `style-src` to refuse (an adopted stylesheet is not inline markup).
const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/afterglow.min.css"));

/// What [`mount_host`] leaves running; dropping it unmounts the widget and removes every
/// listener it added (hashchange, storage, pagehide, timers).
pub struct Mounted {
    _app: Box<dyn std::any::Any>,
}

/// Mounts one app into `host`, configured from its attributes. The caller keeps the
/// returned handle for as long as the widget should live.
pub fn mount_host(host: web_sys::HtmlElement) -> Mounted {
    let raw = read_config(&host);
    let root = shadow_mount_point(&host).unwrap_or_else(|why| {
        // An element that cannot hold a shadow root (a <ul>, or a custom element with a
        // shadow root of its own): the widget still runs, in the light DOM with its
        // prefixed stylesheet on the document, and the console says why host CSS may reach it.
        leptos::logging::warn!("Afterglow: {why}; mounting without style isolation");
        light_mount_point(&host).unwrap_or_else(|| host.clone())
    });
    measure_rem(&root);
    let app = mount_to(root, move || view! { <App raw=raw /> });
    Mounted { _app: Box::new(app) }
}

/// Attaches an open shadow root with the stylesheet and returns the element to mount in.
/// A host mounted before (removed from the page, then put back) keeps its shadow root,
/// which is used again.
fn shadow_mount_point(host: &web_sys::HtmlElement) -> Result<web_sys::HtmlElement, String> {
    if let Some(earlier) = host.shadow_root().and_then(|s| s.query_selector(".ag-root").ok().flatten()) {
        earlier.set_text_content(None);
        return earlier
            .dyn_into::<web_sys::HtmlElement>()
            .map_err(|_| "the old mount point is not HTML".to_owned());
    }
    // The sheet first: a browser without constructable stylesheets must not be left with
    // an empty shadow root, which would hide a light-DOM fallback from view.
    let sheet = stylesheet(STYLESHEET).ok_or("no constructable stylesheets")?;
    let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
    let shadow =
        host.attach_shadow(&init).map_err(|_| "the host element cannot hold a shadow root".to_owned())?;
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let document = host.owner_document().ok_or("the host is not in a document")?;
    let root = document
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .ok_or("cannot create the mount point")?;
    root.set_class_name("ag-root");
    shadow.append_child(&root).map_err(|_| "cannot fill the shadow root".to_owned())?;
    Ok(root)
}

/// A `.ag-root` child of `host`, with the stylesheet adopted by the document (every rule
/// is `ag-` prefixed, so it styles nothing of the page's own).
fn light_mount_point(host: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    let document = host.owner_document()?;
    let sheets = document.adopted_style_sheets();
    if !LIGHT_SHEET_ADOPTED.with(std::cell::Cell::get) {
        let sheet = stylesheet(STYLESHEET)?;
        sheets.push(&sheet);
        document.set_adopted_style_sheets(&sheets);
        LIGHT_SHEET_ADOPTED.with(|a| a.set(true));
    }
    let root = document.create_element("div").ok()?.dyn_into::<web_sys::HtmlElement>().ok()?;
    root.set_class_name("ag-root");
    host.append_child(&root).ok()?;
    Some(root)
}

thread_local! {
    static LIGHT_SHEET_ADOPTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A constructed stylesheet holding `css`: what a strict `style-src 'self'` allows, where
/// a `<style>` element would be refused. `None` where the browser cannot construct one.
pub fn stylesheet(css: &str) -> Option<web_sys::CssStyleSheet> {
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet.replace_sync(css).ok()?;
    Some(sheet)
}

/// Sets `--ag-rem` to the reader's default font size, which `.ag-root`
/// (`font-size: medium`) has whatever the host page's root font size.
fn measure_rem(root: &web_sys::HtmlElement) {
    let size = web_sys::window()
        .and_then(|w| w.get_computed_style(root).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        .filter(|v| crate::config::look::css_pixels(v).is_some_and(|px| px >= 8));
    if let Some(size) = size {
        let _ = root.style().set_property("--ag-rem", &size);
    }
}

/// The host element's configuration: its attributes and its JSON child.
pub fn read_config(host: &web_sys::Element) -> RawConfig {
    let attr = |name: &str| host.get_attribute(name);
    let json = host
        .query_selector(&format!(":scope > {JSON_CHILD}"))
        .ok()
        .flatten()
        .and_then(|script| script.text_content());
    let names = host.get_attribute_names();
    let unknown = (0..names.length())
        .filter_map(|i| names.get(i).as_string())
        .filter(|n| {
            n.starts_with("data-")
                && n != "data-afterglow"
                && n != MOUNTED
                && !ATTRIBUTES.contains(&n.as_str())
        })
        .collect();
    RawConfig {
        namespace: attr("data-namespace"),
        stage: attr("data-stage"),
        questionnaires: attr("data-questionnaires"),
        questionnaire_days: attr("data-questionnaire-days"),
        review_days: attr("data-review-days"),
        backup_days: attr("data-backup-days"),
        vitals: attr("data-vitals"),
        clinic: attr("data-clinic"),
        theme: attr("data-theme"),
        lang: attr("data-lang"),
        accent: attr("data-accent"),
        accent_dark: attr("data-accent-dark"),
        font: attr("data-font"),
        radius: attr("data-radius"),
        json,
        unknown,
    }
}
