//! Values sealed with the journal's data key, for the lock (issue 18): AES-256-GCM with a
//! fresh 96-bit nonce per value and the value's storage key as additional data, so a
//! value copied under another key does not open. Stored as text: `agx1`, then the nonce
//! and the ciphertext with its tag packed 15 bits a UTF-16 unit ([`super::pack`]): a byte
//! costs 8/15 of a unit, where base64 would cost 4/3.
//!
//! Pure Rust (RustCrypto's `aes-gcm`: software AES in constant time on wasm32), so
//! sealing is synchronous like every save, and tested natively. WebCrypto would make every
//! save asynchronous; it is kept for deriving the key from the passphrase, done once at
//! unlock. The caller passes each nonce (random in the browser).
//!
//! Must never return a value that did not authenticate, and never log a key or a value.

use super::pack;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use thiserror::Error;

/// What a sealed value starts with (a stored JSON value starts with `{` or `[`, a packed
/// month with a CJK character).
pub const SEALED: &str = "agx1";
/// The bytes of a nonce.
pub const NONCE_BYTES: usize = 12;
/// The bytes of a key.
pub const KEY_BYTES: usize = 32;
/// The additional data a wrapped data key is sealed with.
const DATA_KEY_NAME: &str = "afterglow:data-key";

/// A key in memory, ready to seal and open. Its bytes are not kept beside it.
pub struct SealKey {
    cipher: Aes256Gcm,
}

impl SealKey {
    /// The key made of `bytes` (a data key, or a key derived from a passphrase or the
    /// recovery key).
    pub fn new(bytes: &[u8; KEY_BYTES]) -> Self {
        SealKey { cipher: Aes256Gcm::new(bytes.into()) }
    }
}

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealKey(…)")
    }
}

/// Why a stored value did not open.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SealError {
    /// The value is not sealed (plain text where a sealed value belongs).
    #[error("this value is not sealed")]
    NotSealed,
    /// Cut short or not text a seal writes.
    #[error("this value is damaged")]
    Damaged,
    /// It did not authenticate: another key, another name, or changed.
    #[error("this value does not open with this key")]
    Refused,
}

/// Whether `stored` is a sealed value.
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(SEALED)
}

/// Seals `bytes` under `name` with `key` and `nonce`: the nonce, then the ciphertext and
/// its tag, as bytes (for a file; [`seal_bytes`] makes stored text of them).
pub fn seal_raw(key: &SealKey, name: &str, bytes: &[u8], nonce: &[u8; NONCE_BYTES]) -> Vec<u8> {
    let sealed = key.cipher.encrypt(Nonce::from_slice(nonce), Payload { msg: bytes, aad: name.as_bytes() });
    // AES-GCM refuses only a message over 64 GiB: no stored value comes near it.
    let mut out = Vec::with_capacity(NONCE_BYTES + bytes.len() + 16);
    out.extend_from_slice(nonce);
    out.extend_from_slice(&sealed.unwrap_or_default());
    out
}

/// Opens what [`seal_raw`] made under `name` with `key`.
pub fn open_raw(key: &SealKey, name: &str, bytes: &[u8]) -> Result<Vec<u8>, SealError> {
    // A nonce and at least the 16-byte tag.
    if bytes.len() < NONCE_BYTES + 16 {
        return Err(SealError::Damaged);
    }
    let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
    key.cipher
        .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad: name.as_bytes() })
        .map_err(|_| SealError::Refused)
}

/// Seals `bytes` under `name` with `key` and `nonce`, as stored text.
pub fn seal_bytes(key: &SealKey, name: &str, bytes: &[u8], nonce: &[u8; NONCE_BYTES]) -> String {
    format!("{SEALED}{}", pack::pack(&seal_raw(key, name, bytes, nonce)))
}

/// Opens a value sealed under `name` with `key`.
pub fn open_bytes(key: &SealKey, name: &str, stored: &str) -> Result<Vec<u8>, SealError> {
    let packed = stored.strip_prefix(SEALED).ok_or(SealError::NotSealed)?;
    open_raw(key, name, &pack::unpack(packed).map_err(|_| SealError::Damaged)?)
}

/// Seals a stored value (its text) under its storage key `name`.
pub fn seal(key: &SealKey, name: &str, value: &str, nonce: &[u8; NONCE_BYTES]) -> String {
    seal_bytes(key, name, value.as_bytes(), nonce)
}

/// Opens a stored value sealed under its storage key `name`.
pub fn open(key: &SealKey, name: &str, stored: &str) -> Result<String, SealError> {
    String::from_utf8(open_bytes(key, name, stored)?).map_err(|_| SealError::Damaged)
}

/// The data key wrapped by a key-encryption key (from the passphrase or the recovery key).
pub fn wrap(kek: &SealKey, data_key: &[u8; KEY_BYTES], nonce: &[u8; NONCE_BYTES]) -> String {
    seal_bytes(kek, DATA_KEY_NAME, data_key, nonce)
}

/// The data key, unwrapped: [`SealError::Refused`] for a wrong passphrase or recovery key.
pub fn unwrap(kek: &SealKey, wrapped: &str) -> Result<[u8; KEY_BYTES], SealError> {
    let bytes = open_bytes(kek, DATA_KEY_NAME, wrapped)?;
    <[u8; KEY_BYTES]>::try_from(bytes.as_slice()).map_err(|_| SealError::Damaged)
}

#[cfg(test)]
mod tests;
