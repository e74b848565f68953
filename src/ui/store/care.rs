//! Looking after the journal itself: how much storage it takes, whether the browser has
//! promised to keep it, when it was last backed up, and erasing it. Reads and writes only
//! through the repository (and `navigator.storage` for persistence).

use super::{now, JournalStore};
use crate::domain::Journal;
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

impl JournalStore {
    /// Measures, now, this journal's storage and the whole site's, in UTF-16 units.
    pub fn measure_usage(&self) {
        let units = self.repo.with_value(|r| r.usage_and_site().ok());
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

    /// Checks whether storage is persistent, and asks for it once there is something
    /// worth keeping (Chromium decides silently; Firefox may ask the patient).
    pub fn check_persistence(&self, request: bool) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let mut kept = ask(false).await;
            if kept == Kept::MayBeCleared && request {
                kept = ask(true).await;
            }
            store.kept.set(kept);
        });
    }

    /// Days between suggested backups.
    pub fn backup_days(&self) -> i64 {
        self.config.with_value(|c| c.backup_days)
    }

    /// Whether a backup reminder is due: never backed up (once there is something to
    /// keep), or the last one is older than the configured days.
    pub fn backup_due(&self) -> bool {
        let days = self.backup_days();
        self.journal.with(|j| {
            let has_data = !j.is_empty() || !j.check_ins().is_empty() || !j.sessions().is_empty();
            has_data && j.last_backup.is_none_or(|t| now() - t >= chrono::Duration::days(days))
        })
    }

    /// Notes that a full backup was just downloaded.
    pub fn mark_backup(&self) {
        let at = now().timestamp_millis();
        self.set_settings(|p| p.last_backup = Some(at));
    }

    /// Sets the colour scheme.
    pub fn set_theme(&self, theme: crate::domain::Theme) {
        self.set_settings(|p| p.theme = theme);
    }

    /// Ends the first-run welcome: the chosen stage and, if given, the last session
    /// (recorded as a dosing session on that day). Returns whether it was stored; if not,
    /// the welcome stays and says why.
    pub fn finish_welcome(
        &self,
        stage: crate::domain::Stage,
        last_session: Option<chrono::DateTime<chrono::Utc>>,
    ) -> bool {
        let session = last_session
            .map(|at| crate::domain::DosingSession::starting(super::new_id(at), at, 1, Default::default()));
        let result = self.change(|repo, j| crate::storage::changes::finish_welcome(repo, j, stage, session));
        self.told(result).is_some()
    }

    /// Whether to show the welcome: a journal with nothing in it that has not had it.
    pub fn needs_welcome(&self) -> bool {
        self.journal
            .with(|j| !j.welcomed && j.is_empty() && j.sessions().is_empty() && j.check_ins().is_empty())
    }

    /// Removes every key of this journal from the browser, and nothing of the host page.
    pub fn erase_everything(&self) -> bool {
        if self.refuse_if_read_only("it cannot be erased from this version") {
            return false;
        }
        match self.repo.with_value(|r| r.erase_all()) {
            Ok(_) => {
                let stage = self.config.with_value(|c| c.default_stage);
                self.journal.set(Journal::new(stage));
                self.quarantined.set(Vec::new());
                self.unreadable.set(Vec::new());
                self.measure_usage();
                self.say("Everything was erased from this browser.", false);
                true
            }
            Err(e) => {
                self.say(format!("Erasing failed: {e}. Some of the journal may remain."), true);
                self.reload();
                false
            }
        }
    }
}
