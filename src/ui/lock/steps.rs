//! The lock's cipher work as steps of the lock's own chunk (`lock_part`): unwrapping the
//! data key into the journal's sealer, making a new lock, wrapping the key anew for a new
//! passphrase or recovery key, and sealing or opening a backup. AES-GCM is reached only
//! from here, so the first screen carries no cipher. The lock screen is in this chunk
//! too (the part `Unlock`): a locked start shows it once the prefetch has brought the
//! chunk, so no passphrase is typed before these steps can run.
//!
//! Must never keep a key beyond the call (the sealer holds the data key's cipher, never
//! its bytes), and never be called before [`lock_loaded`] has succeeded.

use crate::export::sealed_backup::{self, SealedBackup, WrongPassphrase};
use crate::storage::derive;
use crate::storage::lock::LockRecord;
use crate::storage::seal::{SealKey, KEY_BYTES, NONCE_BYTES};
use crate::storage::sealed_store::{AesSealer, Sealer};
use crate::storage::StorageError;

type Key = [u8; KEY_BYTES];

thread_local! {
    static DRAWN: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A fresh nonce from the browser's generator. Where that fails (it does not once a key
/// was derived), a count of this page's nonces and the clock, never a repeat in a page.
fn nonce() -> [u8; NONCE_BYTES] {
    derive::random::<NONCE_BYTES>().unwrap_or_else(|_| {
        let count = DRAWN.with(|d| {
            d.set(d.get() + 1);
            d.get()
        });
        let mut bytes = [0u8; NONCE_BYTES];
        let clock = (js_sys::Date::now() as u32).to_le_bytes();
        for (slot, byte) in bytes.iter_mut().zip(count.to_le_bytes().into_iter().chain(clock)) {
            *slot = byte;
        }
        bytes
    })
}

fn sealer(data_key: &Key) -> Box<dyn Sealer> {
    Box::new(AesSealer::new(SealKey::new(data_key), Box::new(nonce)))
}

crate::ui::shell::parts::split_steps! { lock_part, lock_split, preload_lock;
    /// The lock record read from its stored JSON; `None` for one this version cannot read.
    fn read_record(stored: &str) -> Option<LockRecord>, preload preload_read {
        LockRecord::from_json(stored)
    }

    /// The journal's sealer, if `kek` (from the passphrase, or the recovery key with
    /// `recovery`) opens the lock.
    fn open_sealer(record: &LockRecord, kek: Key, recovery: bool) -> Option<Box<dyn Sealer>>, preload preload_open {
        record.unwrap(&SealKey::new(&kek), recovery).map(|key| sealer(&key))
    }

    /// A new lock for `data_key`, and the sealer that keeps the journal with it.
    fn new_lock(data_key: Key, passphrase: Key, recovery: Key, salt: String, iterations: u32) -> (LockRecord, Box<dyn Sealer>), preload preload_new {
        let record = LockRecord::new(
            &data_key,
            &SealKey::new(&passphrase),
            &SealKey::new(&recovery),
            salt,
            iterations,
            [nonce(), nonce()],
        );
        (record, sealer(&data_key))
    }

    /// The lock with its data key wrapped for a new passphrase (or recovery key); `None`
    /// when `kek` does not open it.
    fn rewrap(record: &LockRecord, kek: Key, recovery: bool, new_kek: Key, new_recovery: bool) -> Option<LockRecord>, preload preload_rewrap {
        record.rewrapped(&SealKey::new(&kek), recovery, &SealKey::new(&new_kek), new_recovery, &nonce())
    }

    /// A backup's text sealed with `kek`, derived from its passphrase with `salt`.
    fn seal_backup(text: &str, kek: Key, salt: &[u8], iterations: u32) -> String, preload preload_seal_backup {
        sealed_backup::seal_backup(text, &SealKey::new(&kek), salt, iterations, &nonce())
    }

    /// Seals or opens every value of the journal in slices ([`super::Lock::convert`]).
    fn convert(lock: crate::ui::lock::Lock, seal: bool, done: Option<Box<dyn FnOnce(Option<StorageError>)>>) -> (), preload preload_convert {
        lock.convert_now(seal, done)
    }

    /// A sealed backup's text, if `kek` opens it.
    fn open_backup(backup: &SealedBackup, kek: Key) -> Result<String, WrongPassphrase>, preload preload_open_backup {
        backup.open(&SealKey::new(&kek))
    }
}

/// Waits until the lock's chunk is in (or could not load: `Err` says so in words).
pub async fn lock_loaded() -> Result<(), String> {
    preload_lock().await.map_err(|_| crate::i18n::tr(crate::i18n::T::lock_not_loaded).to_owned())
}
