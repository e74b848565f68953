//! The lock (issue 18): whether this journal is locked, the screen that unlocks it, and
//! what locks it again (the patient, minutes idle or hidden, another tab turning it on).
//!
//! The gate runs before the journal is read: it probes this browser's storage once and
//! reads the lock's plain record (`{ns}:lock`). With no record the journal opens as it
//! always has (through a [`SealedStore`] with no sealer, which writes plain). With one,
//! only the lock screen shows (Afterglow's name, the unlock field and "Get help now")
//! until a passphrase or the recovery key unwraps the data key; the journal is then read
//! through the same store, now sealing. Locking takes the sealer away and unmounts the
//! journal's views, so nothing of it is on screen or in this page's state.
//!
//! Key derivation is WebCrypto's (`storage::derive`); the cipher ([`steps`]) and the lock
//! screen ([`screen::LockScreen`], a part: `ui::shell::parts`) are in the lock's chunk. The
//! first screen carries only this gate: a locked start shows "Loading this part of
//! Afterglow…" under the header
//! until the prefetch has brought the chunk, which unlocking needs anyway.
//!
//! Must never read the journal while it is locked, never write the data key or the
//! passphrase anywhere, and never lock out: a wrong passphrase is said and nothing changes.

pub mod attempt;
mod change;
mod convert;
pub mod screen;
pub mod settings;
pub mod steps;
mod watch;

use crate::i18n::{tr, T};
use crate::storage::local::LocalStore;
use crate::storage::lock::{stays_plain, unhex, LockRecord};
use crate::storage::sealed_store::SealedStore;
use crate::storage::{derive, local, KeyValueStore, Keys, StorageError};
use crate::ui::shell::perf;
use crate::ui::store::ConfigContext;
use leptos::prelude::*;
use std::rc::Rc;

/// Where the lock stands in this tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    /// No lock: the journal is kept plain.
    Off,
    /// Locked: only the lock screen shows. The lock record as stored: it is read in the
    /// lock's chunk at unlock (one this version cannot read keeps the journal closed and
    /// says so), so the first screen carries no decoder for it.
    Locked(String),
    /// Unlocked: the journal is open and sealed as it is kept.
    Open(LockRecord),
}

/// This browser's storage as the gate found it.
type Local = Rc<SealedStore<LocalStore>>;

/// The lock's handle, `Copy`, provided by the app root.
#[derive(Clone, Copy)]
pub struct Lock {
    state: RwSignal<State>,
    store: StoredValue<Result<Local, StorageError>, LocalStorage>,
    keys: StoredValue<Keys>,
    /// When the patient last did something on the page (ms since the epoch).
    active: StoredValue<f64>,
    /// Values sealed or opened so far by a conversion in progress, and of how many.
    progress: RwSignal<Option<(usize, usize)>>,
    /// Whether it was locked since the page opened (then the lock screen takes focus).
    locked_here: StoredValue<bool>,
    /// Set by an unlock until the journal's first screen has been built.
    unlocking: StoredValue<bool>,
}

fn clock() -> f64 {
    js_sys::Date::now()
}

impl Lock {
    /// The gate: probes storage, reads the lock record, and follows the patient's
    /// activity and other tabs for as long as the app lives.
    pub fn provide(config: ConfigContext) -> Self {
        let keys = Keys::new(&config.namespace());
        let plain_keys = keys.clone();
        let store = local::probe()
            .map(|l| Rc::new(SealedStore::unsealed(l, Box::new(move |k: &str| stays_plain(&plain_keys, k)))));
        let state = match &store {
            Ok(s) => read_state(s.inner().get(&keys.lock()).ok().flatten()),
            Err(_) => State::Off,
        };
        let lock = Lock {
            state: RwSignal::new(state),
            store: StoredValue::new_local(store),
            keys: StoredValue::new(keys),
            active: StoredValue::new(clock()),
            progress: RwSignal::new(None),
            locked_here: StoredValue::new(false),
            unlocking: StoredValue::new(false),
        };
        provide_context(lock);
        lock.follow_activity();
        lock.follow_other_tabs();
        lock
    }

    /// The store the journal is read from and written to (an error when storage is
    /// blocked: the journal is then kept in memory only).
    pub fn storage(&self) -> Result<Rc<dyn KeyValueStore>, StorageError> {
        self.store.with_value(|s| s.clone().map(|s| s as Rc<dyn KeyValueStore>))
    }

    /// Whether the widget that provided the lock is still mounted: work left in a timer
    /// when a clinic page takes the widget away (the lock's second sealing pass, a slice
    /// of a conversion) asks this first, and stops quietly if not. The values not yet
    /// sealed then stay readable, and are sealed at the next unlock.
    pub(crate) fn alive(&self) -> bool {
        !self.state.is_disposed() && !self.store.is_disposed() && !self.keys.is_disposed()
    }

    fn sealed(&self) -> Option<Local> {
        self.store.with_value(|s| s.as_ref().ok().cloned())
    }

    /// Where the lock stands (reactive).
    pub fn state(&self) -> State {
        self.state.get()
    }

    /// Whether only the lock screen shows (reactive).
    pub fn is_closed(&self) -> bool {
        self.state.with(|s| matches!(s, State::Locked(_)))
    }

    /// Whether the lock is on and the journal open (reactive).
    pub fn is_open(&self) -> bool {
        self.state.with(|s| matches!(s, State::Open(_)))
    }

    /// Whether a lock can be set here (storage is this browser's, not memory).
    pub fn is_available(&self) -> bool {
        self.store.with_value(Result::is_ok)
    }

    /// Whether the journal was locked since the page opened (not locked at its start).
    pub fn locked_during_visit(&self) -> bool {
        self.locked_here.get_value()
    }

    /// Whether the journal opens from an unlock (asked once: the answer is then reset).
    pub fn take_unlocking(&self) -> bool {
        self.unlocking.try_update_value(std::mem::take).unwrap_or(false)
    }

    /// A conversion in progress: values done, of how many (reactive).
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.progress.get()
    }

    /// Locks now: the journal's views close (saving text in progress as they do), then
    /// the sealer goes, once they have.
    pub fn lock_now(&self) {
        // Never half-way through turning the lock on or off: that finishes first.
        if !self.state.with_untracked(|s| matches!(s, State::Open(_)))
            || self.progress.get_untracked().is_some()
        {
            return;
        }
        let stored =
            self.sealed().and_then(|s| s.inner().get(&self.keys.with_value(Keys::lock)).ok().flatten());
        self.locked_here.set_value(true);
        self.state.set(State::Locked(stored.unwrap_or_default()));
        let lock = *self;
        // After the views' cleanup (reactive updates run before a timeout), which still
        // writes drafts sealed.
        set_timeout(
            move || {
                if lock.alive() && lock.state.with_untracked(|s| !matches!(s, State::Open(_))) {
                    if let Some(s) = lock.sealed() {
                        s.set_sealer(None);
                    }
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Unlocks with what the patient typed (the passphrase, or the recovery key with
    /// `recovery`). `Err` says why in words; nothing is changed either way but this tab.
    pub async fn unlock(&self, typed: &str, recovery: bool) -> Result<(), String> {
        let State::Locked(stored) = self.state.get_untracked() else { return Ok(()) };
        let secret = secret_of(typed, recovery)?;
        steps::lock_loaded().await?;
        let record = steps::read_record(&stored).ok_or_else(not_loaded)?.ok_or_else(|| tr(T::lock_newer))?;
        // The benchmark's `ag:unlock` ends when the journal's first screen is built
        // (`ui::shell`); `ag:unlock-derive` is the key derivation's share.
        perf::begin("ag:unlock");
        perf::begin("ag:unlock-derive");
        let kek = self.derive(&secret, &record).await?;
        perf::end("ag:unlock-derive");
        let sealer = steps::open_sealer(&record, kek, recovery).ok_or_else(not_loaded)?;
        let Some(sealer) = sealer else {
            return Err(
                if recovery { tr(T::lock_wrong_key) } else { tr(T::lock_wrong_passphrase) }.to_owned()
            );
        };
        let Some(store) = self.sealed() else { return Err(tr(T::lock_no_storage).to_owned()) };
        // The lock may have changed in another tab while the key was derived.
        if self.state.with_untracked(|s| *s != State::Locked(stored.clone())) {
            return Err(tr(T::lock_changed_elsewhere).to_owned());
        }
        store.set_sealer(Some(sealer));
        self.active.set_value(clock());
        self.unlocking.set_value(true);
        self.state.set(State::Open(record));
        // Values another tab wrote plain as this journal was being locked are sealed now.
        let lock = *self;
        crate::ui::shell::parts::after_prefetch(move || lock.convert(true, None));
        Ok(())
    }

    /// The key derived from `secret` with the lock's salt and iterations.
    pub(crate) async fn derive(&self, secret: &str, record: &LockRecord) -> Result<[u8; 32], String> {
        let salt = unhex(&record.salt).ok_or_else(|| tr(T::lock_damaged))?;
        derive::derive_key(secret, &salt, record.iterations).await.map_err(|e| e.to_string())
    }
}

/// What the unlocking steps say when the lock's chunk did not load.
fn not_loaded() -> &'static str {
    tr(T::lock_not_loaded)
}

fn read_state(stored: Option<String>) -> State {
    stored.map_or(State::Off, State::Locked)
}

/// What is derived from: the passphrase as typed, or the recovery key in its one written
/// form (however it was typed: spaces, dashes, lower case).
pub(crate) fn secret_of(typed: &str, recovery: bool) -> Result<String, String> {
    use crate::domain::lock::{parse_recovery_key, recovery_key_text};
    if recovery {
        return parse_recovery_key(typed).map(|bytes| recovery_key_text(&bytes)).map_err(|e| e.to_string());
    }
    if typed.is_empty() {
        return Err(tr(T::lock_type_first).to_owned());
    }
    Ok(typed.to_owned())
}

/// The lock, as provided by the app root.
pub fn use_lock() -> Lock {
    expect_context::<Lock>()
}
