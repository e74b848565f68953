//! The live preview: the journal itself, mounted with the form's configuration in a
//! throwaway namespace, light or dark, phone or desktop width, mounted again as the form
//! changes. Must never write outside [`NAMESPACE`]; that namespace is cleared when the page
//! opens, when the welcome is replayed, and when the page closes.

use crate::config::setup::SetupForm;
use crate::ui::shell::mount::{mount_host, Mounted};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The preview journal's storage namespace.
pub const NAMESPACE: &str = "setup-preview";

/// Removes every key of the preview's namespace.
pub fn clear() {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else { return };
    let prefix = format!("{NAMESPACE}:");
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

/// The preview and its controls.
#[component]
pub fn Preview(form: RwSignal<SetupForm>) -> impl IntoView {
    let frame = NodeRef::<leptos::html::Div>::new();
    let scheme = RwSignal::new(String::new());
    let wide = RwSignal::new(false);
    let mounted = StoredValue::new_local(None::<Mounted>);
    // What a new journal takes from the configuration (theme, stage): when it changes,
    // the practice journal starts again so the preview shows it.
    let last_start = StoredValue::new_local(None::<(String, String)>);
    let timer = StoredValue::new_local(None::<TimeoutHandle>);

    let remount = move |fresh: bool| {
        let Some(container) = frame.get_untracked() else { return };
        mounted.set_value(None);
        let (host, start) = form.with_untracked(|f| host_for(f, &scheme.get_untracked()));
        if fresh || last_start.with_value(|l| l.as_ref() != Some(&start)) {
            clear();
        }
        last_start.set_value(Some(start));
        container.set_inner_html("");
        let Some(host) = host else { return };
        // The journal moves focus to its welcome's heading; in the preview that must not
        // take the focus from the field the clinic is typing in.
        let before = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        if container.append_child(&host).is_ok() {
            mounted.set_value(Some(mount_host(host)));
        }
        // Nothing focused yet (the page has just opened): the page's title, so the first
        // Tab goes to the form, not into the preview.
        let title = || web_sys::window()?.document()?.get_element_by_id("setup-title");
        let outside =
            before.filter(|e| !container.contains(Some(e)) && e.tag_name() != "BODY").or_else(title);
        if let Some(element) = outside.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            set_timeout(move || drop(element.focus()), std::time::Duration::ZERO);
        }
    };
    Effect::new(move |first: Option<()>| {
        form.track();
        scheme.track();
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if first.is_none() {
            remount(true);
        } else {
            let handle =
                set_timeout_with_handle(move || remount(false), std::time::Duration::from_millis(350));
            timer.set_value(handle.ok());
        }
    });
    // The journal flushes what is in progress when it is unmounted; only then is its
    // namespace cleared, so nothing is written after the clearing.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| {
        mounted.set_value(None);
        clear();
    });
    let width = move || {
        if wide.get() {
            "setup-preview__frame setup-preview__frame--desktop"
        } else {
            "setup-preview__frame"
        }
    };
    view! {
        <section class="setup-preview" aria-labelledby="setup-preview-title">
            <h2 id="setup-preview-title">"Preview"</h2>
            <p class="setup-rule">
                "The journal as your patients will see it, with a practice journal that is cleared when you close this page."
            </p>
            <div class="setup-toolbar">
                <label>
                    "Theme "
                    <select on:change=move |ev| scheme.set(event_target_value(&ev))>
                        <option value="">"As set in the form"</option>
                        <option value="light">"Light"</option>
                        <option value="dark">"Dark"</option>
                    </select>
                </label>
                <label>
                    "Width "
                    <select on:change=move |ev| wide.set(event_target_value(&ev) == "desktop")>
                        <option value="phone">"Phone (360 px)"</option>
                        <option value="desktop">"Desktop"</option>
                    </select>
                </label>
                <button type="button" class="setup-button" on:click=move |_| remount(true)>
                    "Replay the welcome"
                </button>
            </div>
            <div class=width node_ref=frame data-testid="setup-preview"></div>
        </section>
    }
}

/// A host element for `form` (its namespace replaced by [`NAMESPACE`], its theme by
/// `scheme` when one is chosen), and what a new journal takes from it.
fn host_for(form: &SetupForm, scheme: &str) -> (Option<web_sys::HtmlElement>, (String, String)) {
    let theme =
        if scheme.is_empty() { form.attribute("data-theme").trim().to_owned() } else { scheme.to_owned() };
    let start = (theme.clone(), form.attribute("data-stage").trim().to_owned());
    let build = || -> Option<web_sys::HtmlElement> {
        let document = web_sys::window()?.document()?;
        let host = document.create_element("div").ok()?.dyn_into::<web_sys::HtmlElement>().ok()?;
        host.set_attribute("data-afterglow", "").ok()?;
        for (name, value) in form.attributes.iter().filter(|(_, v)| !v.trim().is_empty()) {
            host.set_attribute(name, value.trim()).ok()?;
        }
        host.set_attribute("data-namespace", NAMESPACE).ok()?;
        if !theme.is_empty() {
            host.set_attribute("data-theme", &theme).ok()?;
        }
        if let Some(json) = form.json() {
            let script = document.create_element("script").ok()?;
            script.set_attribute("type", "application/json").ok()?;
            script.set_attribute("data-afterglow-config", "").ok()?;
            script.set_text_content(Some(&json));
            host.append_child(&script).ok()?;
        }
        Some(host)
    };
    (build(), start)
}
