//! The lock's stored record and the journal's conversion (issue 18; not yet used by the
//! app). The record `{ns}:lock` is plain, like the format record: it holds what unlocking
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

    /// The data key, unwrapped by the key derived from the passphrase (or the recovery
    /// key, with `recovery`): `None` for a wrong one, and nothing is changed.
    pub fn unwrap(&self, kek: &SealKey, recovery: bool) -> Option<[u8; seal::KEY_BYTES]> {
        seal::unwrap(kek, if recovery { &self.by_recovery } else { &self.by_passphrase }).ok()
    }
}

impl Keys {
    /// The lock record's key.
    pub fn lock(&self) -> String {
        format!("{}lock", self.prefix())
    }
}

/// Whether a key of the namespace keeps its value plain under the lock: the format record
/// and the lock record.
pub fn stays_plain(keys: &Keys, key: &str) -> bool {
    key == keys.meta() || key == keys.lock()
}

impl<S: KeyValueStore> SealedStore<S> {
    /// Seals the values of `keys` that are not sealed yet, in this order, and says how many
    /// it wrote. Stops at the first refusal (a full quota): what is done stays done, the
    /// rest is still readable as it is.
    pub fn seal_values(&self, keys: &[String]) -> Result<usize, (usize, StorageError)> {
        let mut done = 0;
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
