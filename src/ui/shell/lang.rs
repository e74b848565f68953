//! The language a page shows: chosen once for the page, before any widget mounts, from
//! the first widget's stored choice (`{ns}:lang`), else its `data-lang`, else the
//! browser's languages, else English. The Spanish table (see `crate::i18n`) is fetched by
//! every visit at start, whatever the language, so the network never learns which one the
//! patient reads; a page in Spanish mounts once it is in. Switching loads the page again
//! in the new language; what the patient wrote is not touched.
//!
//! Must never leave a page blank: a table that does not arrive, or does not fit this
//! version, shows the journal in English with a note in both languages.

use crate::i18n::{self, Lang};
use crate::storage::{KeyValueStore, Keys, Namespace};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The URL of wasm-bindgen's glue module, which sits beside the journal's other files.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

thread_local! {
    /// Spanish was wanted and could not be shown.
    static FAILED: Cell<bool> = const { Cell::new(false) };
    /// The Spanish texts as fetched by a page shown in English, read only if the patient
    /// writes a summary in Spanish.
    static KEPT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// The Spanish texts, once read.
    static SPANISH: Cell<Option<&'static [String]>> = const { Cell::new(None) };
}

/// `lang`'s words, to write a summary in it whatever the page shows; `None` for Spanish
/// when its texts did not arrive or do not fit this version.
pub fn words(lang: Lang) -> Option<i18n::Words> {
    let texts = match lang {
        Lang::En => None,
        Lang::Es => Some(spanish()?),
    };
    Some(i18n::Words { lang, texts })
}

fn spanish() -> Option<&'static [String]> {
    if let Some(table) = SPANISH.with(Cell::get) {
        return Some(table);
    }
    let text = KEPT.with(|k| k.borrow_mut().take())?;
    let table: &'static [String] = Box::leak(i18n::read_table(&text).ok()?.into_boxed_slice());
    SPANISH.with(|s| s.set(Some(table)));
    Some(table)
}

/// The language `host`'s widget asks for: the patient's stored choice, the clinic's
/// `data-lang`, the browser's languages, English.
pub fn wanted(host: Option<&web_sys::Element>) -> Lang {
    let namespace = host
        .and_then(|h| h.get_attribute("data-namespace"))
        .and_then(|n| Namespace::parse(&n).ok())
        .unwrap_or_default();
    let stored = crate::storage::local::probe()
        .ok()
        .and_then(|store| store.get(&Keys::new(&namespace).lang()).ok().flatten())
        .and_then(|tag| Lang::parse(&tag));
    let clinic = host.and_then(|h| h.get_attribute("data-lang")).and_then(|tag| Lang::parse(&tag));
    stored.or(clinic).or_else(browser).unwrap_or_default()
}

fn browser() -> Option<Lang> {
    let languages = web_sys::window()?.navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|t| t.as_string()).collect();
    Lang::first_spoken(tags.iter().map(String::as_str))
}

/// Fetches the Spanish texts (every visit, whatever the language) and runs `then` once
/// the page can render in `lang`: at once for English, once the texts are in for Spanish.
/// A page lives in one language (switching reloads it), so only a Spanish page reads them.
pub fn start(lang: Lang, then: impl FnOnce() + 'static) {
    let mut later = None;
    if lang == Lang::En {
        then();
    } else {
        later = Some(then);
    }
    wasm_bindgen_futures::spawn_local(async move {
        let texts = fetch_texts().await;
        let Some(then) = later else {
            match texts {
                Ok(text) => KEPT.with(|k| *k.borrow_mut() = Some(text)),
                Err(why) => {
                    leptos::logging::warn!("Afterglow: the Spanish texts could not be fetched: {why}")
                }
            }
            return;
        };
        let table = match texts.and_then(|text| i18n::read_table(&text).map_err(|bad| bad.0)) {
            Ok(table) => Some(&*Box::leak(table.into_boxed_slice())),
            Err(why) => {
                leptos::logging::warn!("Afterglow: the Spanish texts could not be read: {why}");
                None
            }
        };
        FAILED.with(|f| f.set(table.is_none()));
        SPANISH.with(|s| s.set(table));
        i18n::use_table(lang, table);
        then();
    });
}

/// Whether Spanish was asked for and could not be shown (the shell says so).
pub fn failed() -> bool {
    FAILED.with(Cell::get)
}

/// Keeps `lang` for the widget of `namespace` and loads the page again in it: a reload,
/// not a remount, so nothing scheduled by the widgets as they were (a timer, a frame)
/// can run against a widget that is gone. Text in progress is kept as on any reload.
/// Returns false, changing nothing, when the choice cannot be stored.
pub fn switch(namespace: &Namespace, lang: Lang) -> bool {
    let stored = crate::storage::local::probe()
        .map(|store| store.set(&Keys::new(namespace).lang(), lang.code()).is_ok())
        .unwrap_or(false);
    if stored {
        crate::storage::tab::mark_switched();
        if let Some(location) = web_sys::window().map(|w| w.location()) {
            let _ = location.reload();
        }
    }
    stored
}

/// Whether this page was loaded by a switch of language (true once).
pub fn take_just_switched() -> bool {
    crate::storage::tab::take_switched()
}

/// The Spanish texts as served, beside the journal's other files.
async fn fetch_texts() -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let base = GLUE_URL.with(String::clone);
    let url =
        web_sys::Url::new_with_base(env!("AFTERGLOW_ES_FILE"), &base).map_err(|_| "no URL for the texts")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&url.href()))
        .await
        .map_err(|_| "the request failed")?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(|_| "no text")?)
        .await
        .map_err(|_| "the text did not arrive")?
        .as_string()
        .ok_or("not text")?;
    Ok(text)
}
