//! Turning the lock on or off: every value of the journal sealed, or opened for good, a
//! slice at a time between frames with progress; the lock record written first when
//! turning on and removed last when turning off, so a stop anywhere (a closed tab, a full
//! quota) leaves every value readable with the passphrase.
//!
//! Must never count a value as converted that was not written, and never remove the lock
//! record while a value is still sealed for want of a slice.

use super::{clock, Local, Lock, State};
use crate::storage::lock::{stays_plain, LockRecord};
use crate::storage::sealed_store::Sealer;
use crate::storage::{KeyValueStore, Keys, StorageError};
use leptos::prelude::*;

impl Lock {
    /// Seals (`seal`) or opens for good every value of the journal, a slice at a time
    /// between frames, showing progress; then `done` runs with what was refused, if
    /// anything (a full quota: what is done stays done, the rest is still readable).
    pub(crate) fn convert(&self, seal: bool, done: Option<Box<dyn FnOnce(Option<StorageError>)>>) {
        let Some(store) = self.sealed() else { return };
        let keys = self.keys.with_value(|k| {
            store
                .inner()
                .keys_with_prefix(k.prefix())
                .unwrap_or_default()
                .into_iter()
                .filter(|key| !stays_plain(k, key))
                .collect::<Vec<_>>()
        });
        let total = keys.len();
        let lock = *self;
        lock.progress.set(Some((0, total)));
        convert_slice(lock, store, keys, 0, seal, done);
    }

    /// Keeps `record` as the lock's (its minutes, or a key wrapped anew).
    pub(crate) fn keep_record(&self, record: &LockRecord) -> Result<(), StorageError> {
        let store = self.sealed().ok_or_else(|| StorageError::Unavailable("no storage".into()))?;
        store.inner().set(&self.keys.with_value(Keys::lock), &record.to_json())?;
        self.state.update(|s| {
            if let State::Open(r) = s {
                *r = record.clone();
            }
        });
        Ok(())
    }

    /// The lock turned on: the record is stored, the journal seals from now on, and its
    /// values are sealed in slices.
    pub(crate) fn turned_on(
        &self,
        record: LockRecord,
        sealer: Box<dyn Sealer>,
        done: Box<dyn FnOnce(Option<StorageError>)>,
    ) -> Result<(), StorageError> {
        let store = self.sealed().ok_or_else(|| StorageError::Unavailable("no storage".into()))?;
        // The record first: a tab closed half-way then still asks for the passphrase,
        // and reads what was sealed and what was not.
        store.inner().set(&self.keys.with_value(Keys::lock), &record.to_json())?;
        store.set_sealer(Some(sealer));
        self.active.set_value(clock());
        self.state.set(State::Open(record));
        self.convert(true, Some(done));
        Ok(())
    }

    /// The lock turned off: every value opened in slices, then the record removed (last,
    /// so a stop half-way still asks for the passphrase and reads everything).
    pub(crate) fn turn_off(&self, done: Box<dyn FnOnce(Option<StorageError>)>) {
        let lock = *self;
        self.convert(
            false,
            Some(Box::new(move |refused| {
                if refused.is_none() {
                    lock.forget_lock();
                }
                done(refused);
            })),
        );
    }

    /// Everything was erased, the lock's record too: the journal is kept plain again.
    pub fn erased(&self) {
        if let Some(store) = self.sealed() {
            store.set_sealer(None);
        }
        self.state.set(State::Off);
    }

    fn forget_lock(&self) {
        let Some(store) = self.sealed() else { return };
        if store.inner().remove(&self.keys.with_value(Keys::lock)).is_ok() {
            store.set_sealer(None);
            self.state.set(State::Off);
        }
    }
}

fn convert_slice(
    lock: Lock,
    store: Local,
    keys: Vec<String>,
    from: usize,
    seal: bool,
    done: Option<Box<dyn FnOnce(Option<StorageError>)>>,
) {
    /// Values a slice converts: a few milliseconds, so typing stays smooth.
    const SLICE: usize = 40;
    let total = keys.len();
    let upto = (from + SLICE).min(total);
    let slice = keys.get(from..upto).unwrap_or_default();
    let result = if seal { store.seal_values(slice) } else { store.open_values(slice) };
    if let Err((_, refused)) = result {
        lock.progress.set(None);
        if let Some(done) = done {
            done(Some(refused));
        }
        return;
    }
    if upto >= total {
        lock.progress.set(None);
        if let Some(done) = done {
            done(None);
        }
        return;
    }
    lock.progress.set(Some((upto, total)));
    set_timeout(move || convert_slice(lock, store, keys, upto, seal, done), std::time::Duration::ZERO);
}
