//! This tab's own corner of the browser (wasm32 only): its id, kept in `sessionStorage`
//! so a reload finds its own text in progress; a Web Lock held for the page's life, so
//! other tabs can tell which tabs are still open; and a last-resort copy of unsaved text
//! in `sessionStorage`, whose quota is separate from `localStorage`'s.
//!
//! The only code that touches `sessionStorage` or `navigator.locks`. Every call is
//! caught: where either is missing or blocked, the answer is `None` and nothing panics.

use super::in_progress::TabWork;
use super::keys::is_tab;
use super::record::{to_json, DraftRecord, EditDraftRecord, FormsRecord};
use super::Namespace;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const TAB_KEY: &str = "afterglow-tab";
const LOCK_PREFIX: &str = "afterglow-tab:";

thread_local! {
    static TAB: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether this page already holds its tab's lock (several widgets share one tab).
    static HELD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

const SWITCHED_KEY: &str = "afterglow-lang-switched";

/// Notes, for the page about to load in this tab, that the patient has just switched
/// language (so it can put them back on the choice and say so).
pub fn mark_switched() {
    if let Some(s) = session() {
        let _ = s.set_item(SWITCHED_KEY, "1");
    }
}

/// Whether the patient switched language just before this page loaded (true once).
pub fn take_switched() -> bool {
    let Some(s) = session() else { return false };
    let switched = s.get_item(SWITCHED_KEY).ok().flatten().is_some();
    if switched {
        let _ = s.remove_item(SWITCHED_KEY);
    }
    switched
}

/// Whether this page already holds its tab's lock.
pub fn held_here() -> bool {
    HELD.with(std::cell::Cell::get)
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// A fresh random tab id.
pub fn new_id() -> String {
    let n = (js_sys::Math::random() * 2f64.powi(52)) as u64;
    let mut s = String::new();
    let mut n = n.max(1);
    while n > 0 && s.len() < 12 {
        let d = (n % 36) as u32;
        s.push(char::from_digit(d, 36).unwrap_or('0'));
        n /= 36;
    }
    s
}

/// This tab's id: the one this tab had before a reload, else a new one (kept for the
/// next reload where `sessionStorage` works). The same for every widget on the page.
pub fn id() -> String {
    TAB.with(|t| {
        t.borrow_mut()
            .get_or_insert_with(|| {
                let stored = session().and_then(|s| s.get_item(TAB_KEY).ok().flatten()).filter(|t| is_tab(t));
                stored.unwrap_or_else(|| {
                    let fresh = new_id();
                    if let Some(s) = session() {
                        let _ = s.set_item(TAB_KEY, &fresh);
                    }
                    fresh
                })
            })
            .clone()
    })
}

/// Gives this tab a new id (a duplicated tab starts with its original's).
pub fn renew() -> String {
    let fresh = new_id();
    if let Some(s) = session() {
        let _ = s.set_item(TAB_KEY, &fresh);
    }
    TAB.with(|t| *t.borrow_mut() = Some(fresh.clone()));
    fresh
}

fn locks() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok().filter(|l| l.is_object())
}

fn method(target: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).ok()?.dyn_into().ok()
}

/// The ids of the tabs open now (each holds its lock), or `None` where the browser has
/// no Web Locks.
pub async fn open_tabs() -> Option<Vec<String>> {
    let locks = locks()?;
    let promise: js_sys::Promise = method(&locks, "query")?.call0(&locks).ok()?.dyn_into().ok()?;
    let snapshot = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let held: js_sys::Array =
        js_sys::Reflect::get(&snapshot, &JsValue::from_str("held")).ok()?.dyn_into().ok()?;
    Some(
        held.iter()
            .filter_map(|lock| js_sys::Reflect::get(&lock, &JsValue::from_str("name")).ok()?.as_string())
            .filter_map(|name| name.strip_prefix(LOCK_PREFIX).map(str::to_owned))
            .collect(),
    )
}

/// Holds this tab's lock until the page goes away (once per page).
pub fn hold(tab: &str) {
    if HELD.with(|h| h.replace(true)) {
        return;
    }
    let Some(locks) = locks() else { return };
    let Some(request) = method(&locks, "request") else { return };
    // The lock is held while the callback's promise is pending: it never settles.
    let forever = Closure::<dyn FnMut(JsValue) -> JsValue>::new(|_| {
        js_sys::Promise::new(&mut |_resolve, _reject| {}).into()
    });
    let _ = request.call2(&locks, &JsValue::from_str(&format!("{LOCK_PREFIX}{tab}")), forever.as_ref());
    forever.forget();
}

fn rescue_key(ns: &Namespace) -> String {
    format!("afterglow-rescue:{ns}")
}

/// Keeps a copy of text `localStorage` could not hold, in this tab's `sessionStorage`
/// (it lasts through reloads and a discarded tab, not a closed one). Returns whether the
/// copy is kept; an empty `work` removes it.
pub fn rescue(ns: &Namespace, work: &TabWork) -> bool {
    let Some(s) = session() else { return false };
    let empty = work.draft.as_ref().is_none_or(|d| d.text.trim().is_empty())
        && work.edits.is_empty()
        && work.forms.values().all(|f| f.is_blank());
    if empty {
        return s.remove_item(&rescue_key(ns)).is_ok();
    }
    // Written from each part's own JSON (the encoders the journal's keys use): a
    // `json!` value had the first screen carry a second encoder of each.
    let draft = work.draft.as_ref().map_or_else(|| "null".to_owned(), to_json);
    let text =
        format!(r#"{{"draft":{draft},"edits":{},"forms":{}}}"#, to_json(&work.edits), to_json(&work.forms));
    s.set_item(&rescue_key(ns), &text).is_ok()
}

/// The copy [`rescue`] kept, if any.
pub fn rescued(ns: &Namespace) -> Option<TabWork> {
    let raw = session()?.get_item(&rescue_key(ns)).ok()??;
    let value: serde_json::Value = serde_json::from_str(&raw).ok()?;
    // Each part goes back through the text decoders the journal's own keys use: with
    // `from_value`, every one of them had a second copy on the first screen (8 KB).
    let draft = match value.get("draft")? {
        serde_json::Value::Null => None,
        draft => Some(DraftRecord::read(&to_json(draft)).ok()?),
    };
    let edits = EditDraftRecord::read_list(&to_json(value.get("edits")?)).unwrap_or_default();
    let forms: FormsRecord =
        value.get("forms").and_then(|f| serde_json::from_str(&to_json(f)).ok()).unwrap_or_default();
    Some(TabWork { tab: String::new(), draft, edits, forms })
}

/// Runs `work` holding the Web Lock `name`, unless another tab holds it now (then `work`
/// is dropped unrun and the answer is `false`). Where the browser has no Web Locks,
/// `work` runs unguarded: what it does must be safe then too (the archive's folding
/// checks every value before it writes).
pub async fn exclusive<F: std::future::Future<Output = ()> + 'static>(name: &str, work: F) -> bool {
    let Some((locks, request)) = locks().and_then(|l| method(&l, "request").map(|r| (l, r))) else {
        work.await;
        return true;
    };
    let work = std::cell::RefCell::new(Some(work));
    let callback = Closure::once(move |lock: JsValue| -> js_sys::Promise {
        match work.borrow_mut().take() {
            Some(work) if !lock.is_null() => wasm_bindgen_futures::future_to_promise(async move {
                work.await;
                Ok(JsValue::TRUE)
            }),
            _ => js_sys::Promise::resolve(&JsValue::FALSE),
        }
    });
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("ifAvailable"), &JsValue::TRUE);
    let Ok(promise) = request
        .call3(&locks, &JsValue::from_str(name), &options, callback.as_ref())
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return false;
    };
    let ran = wasm_bindgen_futures::JsFuture::from(promise).await;
    drop(callback);
    ran.is_ok_and(|v| v.is_truthy())
}

/// Lets the browser handle input and paint before the next slice of background work
/// (a macrotask, not a microtask: `setTimeout(0)`).
pub async fn next_slice() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
