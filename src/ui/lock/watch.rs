//! What locks an open journal without the patient asking: the minutes without use or
//! hidden, and another tab turning the lock on (or off, or changing the passphrase).
//!
//! Must never lock a journal that has no lock, and never keep a listener past the app.

use super::{clock, read_state, Lock, State};
use crate::storage::{KeyValueStore, Keys};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

impl Lock {
    /// Follows the patient's activity on the page: each key, click or wheel counts, and
    /// the minutes are checked then, when the page is shown again, and every 15 seconds.
    pub(super) fn follow_activity(&self) {
        let lock = *self;
        let seen = move |_: web_sys::Event| {
            lock.lock_if_idle();
            lock.active.set_value(clock());
        };
        let handles: Vec<_> = ["pointerdown", "keydown", "wheel"]
            .into_iter()
            .map(|name| window_event_listener_untyped(name, seen))
            .collect();
        // Hidden and back: the idle minutes count from the last thing done here.
        let shown = window_event_listener_untyped("visibilitychange", move |_| lock.lock_if_idle());
        let tick =
            set_interval_with_handle(move || lock.lock_if_idle(), std::time::Duration::from_secs(15)).ok();
        on_cleanup(move || {
            for h in handles {
                h.remove();
            }
            shown.remove();
            if let Some(t) = tick {
                t.clear();
            }
        });
    }

    pub(super) fn lock_if_idle(&self) {
        let minutes = match self.state.get_untracked() {
            State::Open(record) => record.minutes,
            _ => return,
        };
        if clock() - self.active.get_value() >= f64::from(minutes) * 60_000.0 {
            self.lock_now();
        }
    }

    /// Follows the lock record as other tabs change it.
    pub(super) fn follow_other_tabs(&self) {
        let lock = *self;
        let listener = window_event_listener_untyped("storage", move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else { return };
            let lock_key = lock.keys.with_value(Keys::lock);
            let Some(store) = lock.sealed() else { return };
            if ev.key().is_some_and(|k| k != lock_key) {
                return;
            }
            let now = read_state(store.inner().get(&lock_key).ok().flatten());
            match (lock.state.get_untracked(), now) {
                // Turned off elsewhere while open here: what this tab sealed meanwhile is
                // opened too, then it writes plain.
                (State::Open(_), State::Off) => {
                    lock.convert(
                        false,
                        Some(Box::new(move |_| {
                            // Turned on again meanwhile (with a new key): this tab locks.
                            let now = store.inner().get(&lock.keys.with_value(Keys::lock)).ok().flatten();
                            store.set_sealer(None);
                            lock.state.set(read_state(now));
                        })),
                    );
                }
                // A new passphrase or minutes elsewhere: the same data key, this tab stays
                // open (the lock's chunk is in: this tab unlocked with it). A record it
                // cannot read locks it.
                (State::Open(held), State::Locked(stored)) => match super::steps::read_record(&stored)
                    .flatten()
                {
                    Some(record) if record.salt == held.salt && record.by_recovery == held.by_recovery => {
                        lock.state.set(State::Open(record))
                    }
                    // Another lock (turned off and on again): this tab's key is not its key.
                    _ => lock.lock_now(),
                },
                // Turned on elsewhere: this tab has no key, so it locks.
                (_, now) => lock.state.set(now),
            }
        });
        on_cleanup(move || listener.remove());
    }
}
