//! A backup locked with a passphrase (issue 18): the backup's
//! text deflated, sealed ([`crate::storage::seal`], AES-256-GCM) with a key derived from
//! the passphrase, and written in base64 inside a small JSON envelope that says how to
//! derive the key again:
//!
//! `{"format":"afterglow-backup","version":2,"kdf":"PBKDF2-SHA256","salt":"<hex>",
//! "iterations":600000,"sealed":"<base64>"}`
//!
//! Deflating first makes a sealed backup smaller than a plain one. The key is derived by
//! the caller (WebCrypto in the browser), so this stays pure and tested natively.
//!
//! Must never return text that did not authenticate, and never put a word of the journal
//! in the envelope.

use super::backup::{BackupError, FORMAT, MAX_BYTES};
use crate::storage::lock::{hex, unhex};
use crate::storage::seal::{self, SealKey, NONCE_BYTES};
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use serde::{Deserialize, Serialize};

/// The backup format's version for a sealed backup.
pub const SEALED_VERSION: u32 = 2;
/// The key derivation a sealed backup names.
pub const KDF: &str = "PBKDF2-SHA256";
/// The additional data the backup is sealed with.
const NAME: &str = "afterglow-backup";

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    kdf: String,
    salt: String,
    iterations: u32,
    sealed: String,
}

/// A sealed backup as read from its file, before the passphrase is asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedBackup {
    /// The salt to derive the key with.
    pub salt: Vec<u8>,
    /// PBKDF2 iterations.
    pub iterations: u32,
    sealed: String,
}

/// The wrong passphrase (or a changed file): nothing opened, nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrongPassphrase;

impl std::fmt::Display for WrongPassphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::i18n::tr(crate::i18n::T::backup_wrong_passphrase))
    }
}

impl std::error::Error for WrongPassphrase {}

/// Seals the text of a backup (as [`super::backup::write`] makes it).
pub fn seal_backup(
    text: &str,
    key: &SealKey,
    salt: &[u8],
    iterations: u32,
    nonce: &[u8; NONCE_BYTES],
) -> String {
    // Base64, not packed text: the file is UTF-8, where packed text would cost 1.6 bytes
    // a byte and base64 costs 1.33.
    let bytes = seal::seal_raw(key, NAME, &compress_to_vec(text.as_bytes(), 9), nonce);
    let envelope = Envelope {
        format: FORMAT.to_owned(),
        version: SEALED_VERSION,
        kdf: KDF.to_owned(),
        salt: hex(salt),
        iterations,
        sealed: base64(&bytes),
    };
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads a file as a sealed backup: `None` when it is not one (a plain backup, or not a
/// backup: [`super::backup::read`] says which), an error when it is one but damaged.
pub fn read_sealed(text: &str) -> Option<Result<SealedBackup, BackupError>> {
    if text.len() > MAX_BYTES {
        return None;
    }
    let envelope: Envelope = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    if envelope.format != FORMAT || envelope.version != SEALED_VERSION {
        return None;
    }
    let damaged = |what: &str| Some(Err(BackupError::Damaged(what.to_owned())));
    if envelope.kdf != KDF || envelope.iterations == 0 {
        return damaged("it names a way to unlock it that Afterglow does not know");
    }
    let Some(salt) = unhex(&envelope.salt) else { return damaged("its salt is not readable") };
    if unbase64(&envelope.sealed).is_none() {
        return damaged("its sealed text is not readable");
    }
    Some(Ok(SealedBackup { salt, iterations: envelope.iterations, sealed: envelope.sealed }))
}

impl SealedBackup {
    /// The backup's text, opened with the key derived from the passphrase.
    pub fn open(&self, key: &SealKey) -> Result<String, WrongPassphrase> {
        let bytes = unbase64(&self.sealed).ok_or(WrongPassphrase)?;
        let deflated = seal::open_raw(key, NAME, &bytes).map_err(|_| WrongPassphrase)?;
        let text = decompress_to_vec_with_limit(&deflated, MAX_BYTES).map_err(|_| WrongPassphrase)?;
        String::from_utf8(text).map_err(|_| WrongPassphrase)
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(B64.get(((n >> (18 - 6 * i)) & 63) as usize).copied().unwrap_or(b'A')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn unbase64(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        let mut pad = 0;
        for &c in chunk {
            let v = match c {
                b'=' => {
                    pad += 1;
                    0
                }
                _ if pad > 0 => return None,
                _ => B64.iter().position(|&a| a == c)? as u32,
            };
            n = (n << 6) | v;
        }
        if pad > 2 {
            return None;
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(bytes.get(..3 - pad).unwrap_or_default());
    }
    Some(out)
}

#[cfg(test)]
mod tests;
