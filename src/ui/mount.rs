//! Finds the host elements on the page and mounts one app into each. Reads the host's
//! attributes and nothing else of the page; leaves no globals behind.

use super::app::App;
use crate::config::RawConfig;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The attribute that marks a host element.
pub const HOST_SELECTOR: &str = "[data-afterglow]";
const MOUNTED: &str = "data-afterglow-mounted";

/// Mounts Afterglow into every `[data-afterglow]` element not yet mounted.
pub fn start() {
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
        mount_host(host);
    }
}

/// Mounts one app into `host`, configured from its attributes, for the page's lifetime.
pub fn mount_host(host: web_sys::HtmlElement) {
    let raw = read_config(&host);
    mount_to(host, move || view! { <App raw=raw /> }).forget();
}

/// The host element's configuration attributes.
pub fn read_config(host: &web_sys::Element) -> RawConfig {
    RawConfig {
        namespace: host.get_attribute("data-namespace"),
        stage: host.get_attribute("data-stage"),
        questionnaire_days: host.get_attribute("data-questionnaire-days"),
        backup_days: host.get_attribute("data-backup-days"),
    }
}
