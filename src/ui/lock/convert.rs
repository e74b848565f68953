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
    /// The work is a step of the lock's chunk, in whenever the journal is open with a
    /// lock (it was unlocked, or locked, with that chunk's cipher).
    pub(crate) fn convert(&self, seal: bool, done: Option<Box<dyn FnOnce(Option<StorageError>)>>) {
        if super::steps::convert(*self, seal, done).is_none() {
            leptos::logging::warn!(
                "Afterglow: the lock's part did not load, so the journal's values were left as they are"
            );
        }
    }

    /// [`Lock::convert`]'s work. Called only from the lock's chunk (`steps::convert`), so
    /// its code is there, not on the first screen.
    pub(crate) fn convert_now(&self, seal: bool, done: Option<Box<dyn FnOnce(Option<StorageError>)>>) {
        if !self.alive() {
            return;
        }
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
        let stored =
            store.inner().get(&self.keys.with_value(Keys::lock))?.and_then(|j| LockRecord::from_json(&j));
        let held = self.state.with_untracked(|s| match s {
            State::Open(r) => Some(r.clone()),
            _ => None,
        });
        if stored.is_none() || stored != held {
            return Err(changed_elsewhere());
        }
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
        // Another tab may have turned it on while the keys were being derived.
        if store.inner().get(&self.keys.with_value(Keys::lock))?.is_some()
            || !self.state.with_untracked(|s| *s == State::Off)
        {
            return Err(changed_elsewhere());
        }
        // The record first: a tab closed half-way then still asks for the passphrase,
        // and reads what was sealed and what was not.
        store.inner().set(&self.keys.with_value(Keys::lock), &record.to_json())?;
        store.set_sealer(Some(sealer));
        self.active.set_value(clock());
        self.state.set(State::Open(record));
        let lock = *self;
        self.convert(
            true,
            Some(Box::new(move |refused| {
                // Other tabs lock as they see the record, saving what they had in progress
                // plain (they hold no key): a second pass a moment later seals that too.
                if refused.is_none() {
                    // (`convert` itself stops if the widget is gone by then.)
                    set_timeout(move || lock.convert(true, None), std::time::Duration::from_secs(3));
                }
                done(refused);
            })),
        );
        Ok(())
    }

    /// The lock turned off: every value opened in slices, then the record removed (last,
    /// so a stop half-way still asks for the passphrase and reads everything).
    pub(crate) fn turn_off(&self, done: Box<dyn FnOnce(Option<StorageError>)>) {
        let lock = *self;
        self.convert(
            false,
            Some(Box::new(move |refused| match refused {
                None if !lock.forget_lock() => done(Some(StorageError::Failed(
                    "some values were still locked at the end, so the lock stays on; try again".to_owned(),
                ))),
                refused => done(refused),
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

    /// Removes the lock record once no value the key opens is still sealed; says whether
    /// it did.
    fn forget_lock(&self) -> bool {
        let Some(store) = self.sealed() else { return false };
        // Never while a value is still sealed (one that did not open stays so: it was
        // unreadable with the key too, and is set aside like any unreadable value).
        let left = self.keys.with_value(|k| {
            store.inner().entries_where(k.prefix(), &|key| !stays_plain(k, key)).map(|entries| {
                entries
                    .iter()
                    .filter(|(key, v)| {
                        crate::storage::seal::is_sealed(v)
                            && store.get(key).ok().flatten().as_deref() != Some(v.as_str())
                    })
                    .count()
            })
        });
        if left != Ok(0) {
            return false;
        }
        if store.inner().remove(&self.keys.with_value(Keys::lock)).is_err() {
            return false;
        }
        store.set_sealer(None);
        self.state.set(State::Off);
        true
    }
}

/// The words for a lock changed by another tab meanwhile.
fn changed_elsewhere() -> StorageError {
    StorageError::Failed(
        "the lock was changed in another tab meanwhile; nothing was changed here, reload to see it"
            .to_owned(),
    )
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
    // The widget was taken off the page meanwhile: nothing here can be read any more, and
    // `done` would read it too. What is sealed stays sealed, the rest plain and readable.
    if !lock.alive() {
        return;
    }
    let total = keys.len();
    let upto = (from + SLICE).min(total);
    let slice = keys.get(from..upto).unwrap_or_default();
    // Without the key (locked meanwhile, or the lock changed in another tab) nothing can be
    // sealed or opened: stop, and say so, rather than count the rest as done.
    let result = if !store.is_sealing() || !lock.state.with_untracked(|s| matches!(s, State::Open(_))) {
        Err((0, StorageError::Failed("the journal was locked before this finished".to_owned())))
    } else if seal {
        store.seal_values(slice)
    } else {
        store.open_values(slice)
    };
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
