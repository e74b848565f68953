//! Persistence: the key layout, the stored record shapes, and the repository that turns
//! key-value pairs into a [`Journal`](crate::domain::Journal) and back.
//!
//! Only this module touches `localStorage`, and only its `local` and `tab` submodules
//! (wasm32) name a browser API (`tab`: `sessionStorage` and Web Locks, for this tab's own
//! id and rescue copy); everything else here is pure and tested natively against
//! [`MemoryStore`]. It must never panic on stored data: anything unreadable is reported
//! and left where it is.

use crate::i18n::{tr, tr_with, T};
use std::rc::Rc;

pub mod apply;
pub mod archive;
pub mod changes;
pub mod codec;
#[cfg(target_arch = "wasm32")]
pub mod derive;
pub mod in_progress;
pub mod keys;
mod later;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod lock;
pub mod memory;
pub mod migrate;
pub mod months;
pub mod pack;
pub mod record;
pub mod repo;
pub mod seal;
pub mod sealed_store;
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod tab;
mod upkeep;

pub use apply::{ApplyError, QUOTA_UNITS};
pub use keys::{Keys, Namespace, DEFAULT_NAMESPACE};
pub use memory::MemoryStore;
pub use record::Stored;
pub use repo::{JournalRepo, Loaded, Unreadable};

/// Why a storage operation failed, in words a patient can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refuses storage here (blocked cookies, a sandboxed frame, some private
    /// modes).
    Unavailable(String),
    /// The browser's storage quota for this site is used up.
    QuotaExceeded,
    /// The stored journal was written by a newer version of Afterglow.
    NewerSchema(u32),
    /// Anything else the browser reported.
    Failed(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            StorageError::Unavailable(why) => tr_with(T::store_unavailable, &[("why", why)]),
            StorageError::QuotaExceeded => tr(T::store_full).to_owned(),
            StorageError::NewerSchema(version) => read_only_reason(*version),
            StorageError::Failed(why) => tr_with(T::store_failed, &[("why", why)]),
        })
    }
}

impl std::error::Error for StorageError {}

/// The schema a journal whose format record cannot be read is treated as: newer than any.
pub const UNREADABLE_SCHEMA: u32 = u32::MAX;

/// Why a journal is open read-only, in words: a newer version wrote it, or its format
/// record cannot be read (then no number is shown, since none was read).
pub fn read_only_reason(version: u32) -> String {
    if version == UNREADABLE_SCHEMA {
        tr(T::store_ro_unreadable).to_owned()
    } else {
        tr_with(T::store_ro_newer, &[("version", &version.to_string())])
    }
}

/// The minimal key-value interface Afterglow needs. `localStorage` implements it in the
/// browser; [`MemoryStore`] everywhere (tests, and the fallback when storage is blocked).
pub trait KeyValueStore {
    /// The value under `key`.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key`; removing a missing key is not an error.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key that starts with `prefix`.
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError>;
    /// Every `(key, value)` whose key starts with `prefix`, as loading reads them. A store
    /// may do this in one pass (localStorage does: 15,000 calls fewer for ten years).
    fn entries_with_prefix(&self, prefix: &str) -> Result<Vec<(String, String)>, StorageError> {
        self.entries_where(prefix, &|_| true)
    }
    /// Like [`Self::entries_with_prefix`], but the value of a key `wanted` refuses is not
    /// read (it is returned empty): the first screen does not copy the archive's months.
    fn entries_where(
        &self,
        prefix: &str,
        wanted: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<(String, String)>, StorageError> {
        let mut out = Vec::new();
        for key in self.keys_with_prefix(prefix)? {
            if !wanted(&key) {
                out.push((key, String::new()));
            } else if let Some(value) = self.get(&key)? {
                out.push((key, value));
            }
        }
        Ok(out)
    }
}

/// A shared store is a store: the app and its tests hand one `Rc` to several users.
impl<T: KeyValueStore + ?Sized> KeyValueStore for Rc<T> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        (**self).keys_with_prefix(prefix)
    }
    fn entries_with_prefix(&self, prefix: &str) -> Result<Vec<(String, String)>, StorageError> {
        (**self).entries_with_prefix(prefix)
    }
    fn entries_where(
        &self,
        prefix: &str,
        wanted: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<(String, String)>, StorageError> {
        (**self).entries_where(prefix, wanted)
    }
}
