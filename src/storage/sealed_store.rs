//! A store whose values are sealed (the lock, issue 18; not yet used by the app): wraps
//! any [`KeyValueStore`] so that everything above it (records, months, the archive, text
//! in progress) is kept as it is and stored sealed ([`super::seal`]), each value under its
//! own key's name. Keys stay plain (they hold no words: a kind and an id), and so do the
//! values `plain` names (the format record and the lock's own record).
//!
//! - A value that is not sealed reads as it is: a journal half-way through being locked,
//!   or written before, stays readable.
//! - A value that does not open (changed, damaged, moved from another key) reads as it is
//!   stored, still sealed: the reader above cannot decode it and sets it aside like any
//!   unreadable value, so the rest loads and nothing is lost.
//! - Packed text (a closed month) is sealed as the bytes it packs, not as its UTF-8 (three
//!   bytes a character), so a sealed month costs its size and about 20 units, not 1.6
//!   times its size.
//!
//! Must never write a value of a non-plain key unsealed, and never hand back a value that
//! did not authenticate as if it had.

use super::pack;
use super::seal::{self, SealKey, NONCE_BYTES};
use super::{KeyValueStore, StorageError};

/// The first byte inside a seal: how the value was written.
const TEXT: u8 = 0;
const PACKED: u8 = 1;

/// A store that seals what it keeps.
pub struct SealedStore<S> {
    inner: S,
    key: SealKey,
    plain: Box<dyn Fn(&str) -> bool>,
    nonce: Box<dyn Fn() -> [u8; NONCE_BYTES]>,
}

impl<S: KeyValueStore> SealedStore<S> {
    /// Seals into `inner` with `key`; `plain` names the keys kept unsealed; `nonce` draws
    /// a fresh nonce (random in the browser).
    pub fn new(
        inner: S,
        key: SealKey,
        plain: Box<dyn Fn(&str) -> bool>,
        nonce: Box<dyn Fn() -> [u8; NONCE_BYTES]>,
    ) -> Self {
        SealedStore { inner, key, plain, nonce }
    }

    /// The store underneath, as it holds the sealed values.
    pub fn inner(&self) -> &S {
        &self.inner
    }

    /// Whether `key` keeps its value plain.
    pub fn is_plain(&self, key: &str) -> bool {
        (self.plain)(key)
    }

    fn seal_value(&self, key: &str, value: &str) -> String {
        // Packed text is sealed as its bytes when it packs back exactly the same.
        let packed = pack::unpack(value).ok().filter(|bytes| !value.is_empty() && pack::pack(bytes) == value);
        let mut plain = Vec::with_capacity(value.len() + 1);
        match packed {
            Some(bytes) => {
                plain.push(PACKED);
                plain.extend_from_slice(&bytes);
            }
            None => {
                plain.push(TEXT);
                plain.extend_from_slice(value.as_bytes());
            }
        }
        seal::seal_bytes(&self.key, key, &plain, &(self.nonce)())
    }

    fn open_value(&self, key: &str, stored: String) -> String {
        if (self.plain)(key) || !seal::is_sealed(&stored) {
            return stored;
        }
        let opened =
            seal::open_bytes(&self.key, key, &stored).ok().and_then(|bytes| match bytes.split_first() {
                Some((&TEXT, text)) => String::from_utf8(text.to_vec()).ok(),
                Some((&PACKED, bytes)) => Some(pack::pack(bytes)),
                _ => None,
            });
        opened.unwrap_or(stored)
    }
}

impl<S: KeyValueStore> KeyValueStore for SealedStore<S> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.inner.get(key)?.map(|v| self.open_value(key, v)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if (self.plain)(key) {
            self.inner.set(key, value)
        } else {
            self.inner.set(key, &self.seal_value(key, value))
        }
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        self.inner.keys_with_prefix(prefix)
    }

    fn entries_where(
        &self,
        prefix: &str,
        wanted: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<(String, String)>, StorageError> {
        let entries = self.inner.entries_where(prefix, wanted)?;
        Ok(entries
            .into_iter()
            .map(|(k, v)| {
                let v = if v.is_empty() { v } else { self.open_value(&k, v) };
                (k, v)
            })
            .collect())
    }
}

/// A nonce source for tests: a counter, so every nonce differs (never for real data).
#[cfg(test)]
pub(crate) fn counting_nonces() -> Box<dyn Fn() -> [u8; NONCE_BYTES]> {
    let count = std::cell::Cell::new(0u64);
    Box::new(move || {
        count.set(count.get() + 1);
        let mut bytes = [0u8; NONCE_BYTES];
        if let Some(head) = bytes.get_mut(..8) {
            head.copy_from_slice(&count.get().to_le_bytes());
        }
        bytes
    })
}

#[cfg(test)]
mod tests;
