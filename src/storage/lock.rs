//! The lock's stored record and the journal's conversion (issue 18). The record `{ns}:lock` is plain, like the format record: it holds what unlocking
//! needs and no word of the journal (the salt, the iterations, the data key wrapped once
//! by the passphrase's key and once by the recovery key's). Turning the lock on seals
//! every value in slices; turning it off opens them again. Either can stop anywhere (a
//! full quota, a closed tab) and leaves every value readable: a sealed store reads an
//! unsealed value as it is.
//!
//! Must never write the data key unwrapped, and never count a value as converted that
//! was not written.

use super::seal::{self, SealKey};
use super::sealed_store::SealedStore;
use super::{KeyValueStore, Keys, StorageError};
use serde::{Deserialize, Serialize};

/// The lock record's version this build writes.
pub const LOCK_VERSION: u32 = 1;

/// `{ns}:lock`, as stored (JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    /// The record's version.
    #[serde(rename = "v")]
    pub version: u32,
    /// The PBKDF2 salt, hex.
    #[serde(rename = "s")]
    pub salt: String,
    /// PBKDF2 iterations for the passphrase.
    #[serde(rename = "i")]
    pub iterations: u32,
    /// The data key wrapped by the passphrase's key ([`seal::wrap`]).
    #[serde(rename = "p")]
    pub by_passphrase: String,
    /// The data key wrapped by the recovery key's key.
    #[serde(rename = "r")]
    pub by_recovery: String,
    /// Minutes idle or hidden after which the journal locks itself.
    #[serde(rename = "m", default = "default_minutes")]
    pub minutes: u32,
}

/// Minutes idle or hidden before the journal locks itself, unless the patient chose.
pub const DEFAULT_MINUTES: u32 = 5;

/// The choices of minutes offered.
pub const MINUTES: [u32; 6] = [1, 2, 5, 10, 15, 30];

fn default_minutes() -> u32 {
    DEFAULT_MINUTES
}

/// Bytes as lowercase hex (a salt in a record or a file).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex back to bytes (at most 64); `None` for anything else.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || text.len() > 128 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| text.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
}

impl LockRecord {
    /// The record as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The record read back; `None` for anything else (then the journal is not locked by
    /// this build's rules, and is opened read-only by the caller, never overwritten).
    pub fn from_json(json: &str) -> Option<Self> {
        serde_json::from_str::<LockRecord>(json)
            .ok()
            .filter(|r| r.version == LOCK_VERSION && r.iterations > 0 && seal::is_sealed(&r.by_passphrase))
    }

    /// A new lock: `data_key` wrapped by the passphrase's key and by the recovery key's,
    /// both derived with `salt` (hex) and `iterations`.
    pub fn new(
        data_key: &[u8; seal::KEY_BYTES],
        passphrase: &SealKey,
        recovery: &SealKey,
        salt: String,
        iterations: u32,
        nonces: [[u8; seal::NONCE_BYTES]; 2],
    ) -> Self {
        let [first, second] = nonces;
        LockRecord {
            version: LOCK_VERSION,
            salt,
            iterations,
            by_passphrase: seal::wrap(passphrase, data_key, &first),
            by_recovery: seal::wrap(recovery, data_key, &second),
            minutes: DEFAULT_MINUTES,
        }
    }

    /// The data key, unwrapped by the key derived from the passphrase (or the recovery
    /// key, with `recovery`): `None` for a wrong one, and nothing is changed.
    pub fn unwrap(&self, kek: &SealKey, recovery: bool) -> Option<[u8; seal::KEY_BYTES]> {
        seal::unwrap(kek, if recovery { &self.by_recovery } else { &self.by_passphrase }).ok()
    }

    /// The record with the data key wrapped anew for a new passphrase (or, with
    /// `new_recovery`, a new recovery key): unwrapped first with `kek` (the passphrase's
    /// key, or with `recovery` the recovery key's). `None` when `kek` does not open it.
    /// The journal is never sealed again: only the wrapped key changes.
    pub fn rewrapped(
        &self,
        kek: &SealKey,
        recovery: bool,
        new_kek: &SealKey,
        new_recovery: bool,
        nonce: &[u8; seal::NONCE_BYTES],
    ) -> Option<Self> {
        let data_key = self.unwrap(kek, recovery)?;
        let wrapped = seal::wrap(new_kek, &data_key, nonce);
        let mut record = self.clone();
        if new_recovery {
            record.by_recovery = wrapped;
        } else {
            record.by_passphrase = wrapped;
        }
        Some(record)
    }
}

impl Keys {
    /// The lock record's key.
    pub fn lock(&self) -> String {
        format!("{}lock", self.prefix())
    }
}

/// Whether a key of the namespace keeps its value plain under the lock: the format record,
/// the lock record and the language (the lock screen speaks it).
pub fn stays_plain(keys: &Keys, key: &str) -> bool {
    key == keys.meta() || key == keys.lock() || key == keys.lang()
}

impl<S: KeyValueStore> SealedStore<S> {
    /// Seals the values of `keys` that are not sealed yet, in this order, and says how many
    /// it wrote. Stops at the first refusal (a full quota): what is done stays done, the
    /// rest is still readable as it is.
    pub fn seal_values(&self, keys: &[String]) -> Result<usize, (usize, StorageError)> {
        let mut done = 0;
        if !self.is_sealing() {
            return Ok(0);
        }
        for key in keys {
            match self.inner().get(key) {
                Ok(Some(v)) if !seal::is_sealed(&v) && !self.is_plain(key) => {
                    self.set(key, &v).map_err(|e| (done, e))?;
                    done += 1;
                }
                Ok(_) => {}
                Err(e) => return Err((done, e)),
            }
        }
        Ok(done)
    }

    /// Opens the sealed values of `keys` for good (the lock turned off), and says how many
    /// it wrote. A value that does not open is left sealed, as it is.
    pub fn open_values(&self, keys: &[String]) -> Result<usize, (usize, StorageError)> {
        let mut done = 0;
        for key in keys {
            let raw = self.inner().get(key).map_err(|e| (done, e))?;
            let Some(raw) = raw.filter(|v| seal::is_sealed(v)) else { continue };
            let opened = self.get(key).map_err(|e| (done, e))?;
            if let Some(text) = opened.filter(|t| !seal::is_sealed(t)) {
                self.inner().set(key, &text).map_err(|e| (done, e))?;
                done += 1;
            } else {
                let _ = raw;
            }
        }
        Ok(done)
    }
}

#[cfg(test)]
mod tests;
