//! A store whose values are sealed (the lock, issue 18): wraps any [`KeyValueStore`] so
//! that everything above it (records, months, the archive, text in progress) is kept as
//! it is and stored sealed, each value under its own key's name. Keys stay plain (they
//! hold no words: a kind and an id), and so do the values `plain` names (the format record
//! and the lock's own record).
//!
//! What seals is a [`Sealer`], set while the journal is unlocked and taken away when it
//! locks or the lock is turned off: without one the store writes plain, as a journal
//! without a lock is kept. The browser's sealer (AES-GCM, [`AesSealer`]) is made by the
//! lock's chunk, so the first screen carries no cipher.
//!
//! - A value that is not sealed reads as it is: a journal half-way through being locked,
//!   or written before, stays readable.
//! - A value that does not open (changed, damaged, moved from another key, or no sealer)
//!   reads as it is stored, still sealed: the reader above cannot decode it and sets it
//!   aside like any unreadable value, so the rest loads and nothing is lost.
//! - Packed text (a closed month) is sealed as the bytes it packs, not as its UTF-8 (three
//!   bytes a character), so a sealed month costs its size and about 20 units, not 1.6
//!   times its size.
//!
//! Must never write a value of a non-plain key unsealed while a sealer is set, and never
//! hand back a value that did not authenticate as if it had.

use super::pack;
use super::seal::{self, SealKey, NONCE_BYTES};
use super::{KeyValueStore, StorageError};
use std::cell::RefCell;

/// The first byte inside a seal: how the value was written.
const TEXT: u8 = 0;
const PACKED: u8 = 1;

/// Seals and opens stored values with the journal's data key.
pub trait Sealer {
    /// `bytes` sealed under `name`, as stored text (a fresh nonce each time).
    fn seal(&self, name: &str, bytes: &[u8]) -> String;
    /// A value sealed under `name`, opened; `None` unless it authenticates.
    fn open(&self, name: &str, stored: &str) -> Option<Vec<u8>>;
}

/// AES-256-GCM with the data key ([`seal`]), a nonce drawn for every value.
pub struct AesSealer {
    key: SealKey,
    nonce: Box<dyn Fn() -> [u8; NONCE_BYTES]>,
}

impl AesSealer {
    /// Seals with `key`; `nonce` draws a fresh nonce (random in the browser).
    pub fn new(key: SealKey, nonce: Box<dyn Fn() -> [u8; NONCE_BYTES]>) -> Self {
        AesSealer { key, nonce }
    }
}

impl Sealer for AesSealer {
    fn seal(&self, name: &str, bytes: &[u8]) -> String {
        seal::seal_bytes(&self.key, name, bytes, &(self.nonce)())
    }

    fn open(&self, name: &str, stored: &str) -> Option<Vec<u8>> {
        seal::open_bytes(&self.key, name, stored).ok()
    }
}

/// A store that seals what it keeps while it has a sealer.
pub struct SealedStore<S> {
    inner: S,
    sealer: RefCell<Option<Box<dyn Sealer>>>,
    plain: Box<dyn Fn(&str) -> bool>,
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
        let store = Self::unsealed(inner, plain);
        store.set_sealer(Some(Box::new(AesSealer::new(key, nonce))));
        store
    }

    /// A store over `inner` with no sealer yet: it writes plain until one is set.
    pub fn unsealed(inner: S, plain: Box<dyn Fn(&str) -> bool>) -> Self {
        SealedStore { inner, sealer: RefCell::new(None), plain }
    }

    /// Seals from now on with `sealer`, or (`None`) writes plain and opens nothing.
    pub fn set_sealer(&self, sealer: Option<Box<dyn Sealer>>) {
        *self.sealer.borrow_mut() = sealer;
    }

    /// Whether values are sealed as they are written.
    pub fn is_sealing(&self) -> bool {
        self.sealer.borrow().is_some()
    }

    /// The store underneath, as it holds the sealed values.
    pub fn inner(&self) -> &S {
        &self.inner
    }

    /// Whether `key` keeps its value plain.
    pub fn is_plain(&self, key: &str) -> bool {
        (self.plain)(key)
    }

    /// The value as stored: sealed when a sealer is set and the key is not a plain one.
    fn stored_form(&self, key: &str, value: &str) -> Option<String> {
        let sealer = self.sealer.borrow();
        let sealer = sealer.as_ref().filter(|_| !(self.plain)(key))?;
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
        Some(sealer.seal(key, &plain))
    }

    fn open_value(&self, key: &str, stored: String) -> String {
        if (self.plain)(key) || !seal::is_sealed(&stored) {
            return stored;
        }
        let sealer = self.sealer.borrow();
        let opened =
            sealer.as_ref().and_then(|s| s.open(key, &stored)).and_then(|bytes| match bytes.split_first() {
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
        match self.stored_form(key, value) {
            Some(sealed) => self.inner.set(key, &sealed),
            None => self.inner.set(key, value),
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
