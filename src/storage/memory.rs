//! An in-memory [`KeyValueStore`]: the test double for `localStorage`, and what the app
//! runs on when the browser blocks storage. Can simulate a quota. Never persists.

use super::{KeyValueStore, StorageError};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Keys and values in a map, with an optional size limit in UTF-16 code units (how
/// browsers count localStorage quota).
#[derive(Debug, Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    quota_units: Option<usize>,
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl MemoryStore {
    /// An empty store without a limit.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty store that refuses writes past `quota_units` UTF-16 code units of keys
    /// and values together.
    pub fn with_quota(quota_units: usize) -> Self {
        MemoryStore { map: RefCell::default(), quota_units: Some(quota_units) }
    }

    /// A copy of everything stored, for assertions.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.map.borrow().clone()
    }

    fn used_units(&self) -> usize {
        self.map.borrow().iter().map(|(k, v)| units(k) + units(v)).sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota_units {
            let old = self.map.borrow().get(key).map(|v| units(key) + units(v)).unwrap_or(0);
            if self.used_units() - old + units(key) + units(value) > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.map.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        Ok(self.map.borrow().keys().filter(|k| k.starts_with(prefix)).cloned().collect())
    }
}
