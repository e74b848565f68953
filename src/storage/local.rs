//! The `localStorage` adapter (wasm32 only): the one place Afterglow calls the Storage API.
//!
//! [`probe`] first asks through web-sys, whose calls return a `Result`, because a blocked
//! storage (sandboxed frame, blocked site data, some private modes) throws on access and
//! gloo-storage's `raw()` would panic there. Once the probe has passed, the handle is
//! gloo-storage's. Values are read and written as the text they are, through that
//! handle's `Result`-returning methods: gloo's typed `get`/`set` store every value as
//! JSON of it (a record's JSON would be stored as a quoted string, and a packed month is
//! not JSON), which would change the stored layout every schema promises. Browser errors,
//! web-sys's or gloo's, become [`StorageError`]s by their DOMException name.

use super::{KeyValueStore, StorageError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
extern "C" {
    /// `Object.entries(storage)`: every stored `[key, value]` in one call. Caught, like
    /// every other call here: it throws where storage is blocked.
    #[wasm_bindgen(js_namespace = Object, js_name = entries, catch)]
    fn object_entries(object: &JsValue) -> Result<js_sys::Array, JsValue>;
}

/// A working `localStorage`.
pub struct LocalStore {
    storage: web_sys::Storage,
}

fn error_name(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

fn error_text(error: &JsValue) -> String {
    let message = js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    match (error_name(error), message) {
        (name, m) if m.is_empty() => {
            if name.is_empty() {
                "unknown error".to_owned()
            } else {
                name
            }
        }
        (name, m) if name.is_empty() => m,
        (name, m) => format!("{name}: {m}"),
    }
}

/// Maps a thrown browser error to a [`StorageError`].
pub fn classify(error: &JsValue) -> StorageError {
    match error_name(error).as_str() {
        // Chromium and Safari, then Firefox's historical name.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::QuotaExceeded,
        "SecurityError" => StorageError::Unavailable(error_text(error)),
        _ => StorageError::Failed(error_text(error)),
    }
}

/// Gets a usable `localStorage`, or says why there is none. Reading `window.localStorage`
/// itself throws where storage is blocked, so this is the only safe way in.
pub fn probe() -> Result<LocalStore, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    let storage = window
        .local_storage()
        .map_err(|e| StorageError::Unavailable(error_text(&e)))?
        .ok_or_else(|| StorageError::Unavailable("storage is switched off".into()))?;
    // Some browsers hand out a handle that throws on first use.
    storage.length().map_err(|e| StorageError::Unavailable(error_text(&e)))?;
    drop(storage);
    // Proven to work: gloo's accessor cannot panic now.
    Ok(LocalStore { storage: <gloo_storage::LocalStorage as gloo_storage::Storage>::raw() })
}

/// Maps an error gloo-storage reports to a [`StorageError`]: its `JsError` carries the
/// DOMException's name, so a full quota is recognised as such.
pub fn from_gloo(error: &gloo_storage::errors::StorageError) -> StorageError {
    use gloo_storage::errors::StorageError as Gloo;
    match error {
        Gloo::JsError(e) => match e.name.as_str() {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::QuotaExceeded,
            "SecurityError" => StorageError::Unavailable(format!("{}: {}", e.name, e.message)),
            _ => StorageError::Failed(format!("{}: {}", e.name, e.message)),
        },
        other => StorageError::Failed(other.to_string()),
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(|e| classify(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(|e| classify(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(|e| classify(&e))
    }

    fn entries_where(
        &self,
        prefix: &str,
        wanted: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<(String, String)>, StorageError> {
        let all = object_entries(&self.storage).map_err(|e| classify(&e))?;
        let mut out = Vec::new();
        for pair in all.iter() {
            let pair: js_sys::Array = pair.unchecked_into();
            let Some(key) = pair.get(0).as_string() else { continue };
            if !key.starts_with(prefix) {
                continue;
            }
            if !wanted(&key) {
                // Left in JavaScript: a month is not copied into the wasm at start-up.
                out.push((key, String::new()));
            } else if let Some(value) = pair.get(1).as_string() {
                out.push((key, value));
            }
        }
        Ok(out)
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        let count = self.storage.length().map_err(|e| classify(&e))?;
        let mut keys = Vec::new();
        for i in 0..count {
            if let Some(key) = self.storage.key(i).map_err(|e| classify(&e))? {
                if key.starts_with(prefix) {
                    keys.push(key);
                }
            }
        }
        Ok(keys)
    }
}
