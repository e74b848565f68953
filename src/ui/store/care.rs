//! Care of the storage, as a context ([`use_care`]): how much storage the journal takes,
//! whether the browser has promised to keep it, when it was last backed up, the theme,
//! and erasing it. Reads and writes only through the store's repository (and
//! `navigator.storage` for persistence).
//!
//! Must never remove a key outside the journal's namespace.

use super::{now, JournalStore};
use crate::domain::Journal;
use crate::domain::Theme;
use crate::i18n::{tr, tr_with, T};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

pub use crate::storage::QUOTA_UNITS;
/// Warn from this share of the quota.
pub const WARN_AT: f64 = 0.8;

/// What the browser says about keeping the journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Not known yet, or the browser cannot say.
    Unknown,
    /// The browser will not clear it under storage pressure.
    Persistent,
    /// The browser may clear it (Safari after 7 days without a visit).
    MayBeCleared,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Not every browser has navigator.storage; reading it through Reflect avoids a throw.
    js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok().filter(|v| !v.is_undefined())?;
    Some(navigator.storage())
}

async fn ask(persist: bool) -> Kept {
    let Some(manager) = storage_manager() else { return Kept::Unknown };
    let promise = if persist { manager.persist() } else { manager.persisted() };
    match promise.map(wasm_bindgen_futures::JsFuture::from) {
        Ok(f) => match f.await.ok().and_then(|v| v.as_bool()) {
            Some(true) => Kept::Persistent,
            Some(false) => Kept::MayBeCleared,
            None => Kept::Unknown,
        },
        Err(_) => Kept::Unknown,
    }
}

/// A handle to the care of the storage; `Copy`.
#[derive(Clone, Copy)]
pub struct Care {
    store: JournalStore,
    usage: RwSignal<Option<(usize, usize)>>,
    kept: RwSignal<Kept>,
}

impl Care {
    /// Care of `store`'s journal, provided to every component below.
    pub fn provide(store: JournalStore) -> Self {
        let care = Care { store, usage: RwSignal::new(None), kept: RwSignal::new(Kept::Unknown) };
        provide_context(care);
        care
    }

    /// Measures, now, this journal's storage and the whole site's, in UTF-16 units.
    pub fn measure_usage(&self) {
        let units = self.store.repo.with_value(|r| r.usage_and_site().ok());
        self.usage.set(units);
    }

    /// The last measured (journal, site) usage.
    pub fn usage(&self) -> ReadSignal<Option<(usize, usize)>> {
        self.usage.read_only()
    }

    /// Whether the browser keeps the journal.
    pub fn kept(&self) -> ReadSignal<Kept> {
        self.kept.read_only()
    }

    /// Once the archive's work of this visit is over (after the first render, and after a
    /// migration has packed the months): measuring reads every stored value again and only
    /// feeds the 80% warning, so it counts what is there then; and whether there is
    /// something worth keeping is known only once the archived months are read (a journal
    /// of only closed months has no loose record at all). Called from the archive's chunk.
    pub fn settled(&self) {
        self.measure_usage();
        let has_data = self.store.journal.with_untracked(|j| !j.is_empty() || !j.check_ins().is_empty());
        self.check_persistence(has_data);
    }

    /// Checks whether storage is persistent, and asks for it once there is something
    /// worth keeping (Chromium decides silently; Firefox may ask the patient).
    pub fn check_persistence(&self, request: bool) {
        let kept_signal = self.kept;
        leptos::task::spawn_local(async move {
            let mut kept = ask(false).await;
            if kept == Kept::MayBeCleared && request {
                kept = ask(true).await;
            }
            kept_signal.try_set(kept);
        });
    }

    /// Whether a backup reminder is due: never backed up (once there is something to
    /// keep), or the last one is older than the configured days.
    pub fn backup_due(&self) -> bool {
        let days = self.store.config.backup_days();
        self.store.journal.with(|j| {
            let has_data = !j.is_empty() || !j.check_ins().is_empty() || !j.sessions().is_empty();
            has_data && j.last_backup.is_none_or(|t| now() - t >= chrono::Duration::days(days))
        })
    }

    /// Notes that a full backup was just downloaded.
    pub fn mark_backup(&self) {
        let at = now().timestamp_millis();
        self.store.set_settings(|p| p.last_backup = Some(at));
    }

    /// Sets the colour scheme.
    pub fn set_theme(&self, theme: Theme) {
        self.store.set_settings(|p| p.theme = theme);
    }

    /// Removes every key of this journal from the browser, and nothing of the host page.
    pub fn erase_everything(&self) -> bool {
        let store = self.store;
        if store.refuse_if_read_only(T::store_ro_erase) {
            return false;
        }
        match store.repo.with_value(|r| r.erase_all()) {
            Ok(_) => {
                store.journal.set(Journal::new(store.config.default_stage()));
                store.archive.set(super::ArchiveState::Ready);
                store.quarantined.set(Vec::new());
                store.unreadable.set(Vec::new());
                self.measure_usage();
                store.say(tr(T::store_erased), false);
                true
            }
            Err(e) => {
                store.say(tr_with(T::store_erase_failed, &[("why", &e.to_string())]), true);
                store.reload();
                false
            }
        }
    }
}

/// The care of the storage provided by the app root.
pub fn use_care() -> Care {
    expect_context::<Care>()
}
