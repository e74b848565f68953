//! The app's one owner of state: the journal signal, the repository behind it, and how
//! (or whether) it persists. Components reach it through [`use_store`] and change the
//! journal only through its methods, which save first and update the signal on success.
//!
//! Must never hold signals inside domain values, nor write storage anywhere but here.

use crate::config::Config;
use crate::domain::{EntryId, Journal, JournalEntry, PromptLibrary, PromptRef, Stage};
use crate::storage::local;
use crate::storage::record::DraftRecord;
use crate::storage::{JournalRepo, KeyValueStore, Loaded, MemoryStore, StorageError, Unreadable};
use leptos::prelude::*;
use std::rc::Rc;

/// How the journal is being kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// In this browser's localStorage.
    Saved,
    /// In memory only, because storage is unavailable; the reason is shown.
    MemoryOnly(String),
    /// Saved data is from a newer version: shown, never written.
    ReadOnly(u32),
}

/// A message for the live region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The words to show and announce.
    pub text: String,
    /// Errors are announced assertively.
    pub is_error: bool,
}

/// Handle to the app state; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct JournalStore {
    journal: RwSignal<Journal>,
    notice: RwSignal<Option<Notice>>,
    persistence: StoredValue<Persistence>,
    unreadable: StoredValue<Vec<Unreadable>>,
    draft: StoredValue<Option<DraftRecord>>,
    repo: StoredValue<JournalRepo, LocalStorage>,
    library: StoredValue<PromptLibrary>,
    dom_prefix: StoredValue<String>,
}

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

fn random_u32() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

impl JournalStore {
    /// Probes storage, loads the journal synchronously (before the first render) and
    /// falls back to memory when storage is blocked.
    pub fn open(config: &Config) -> Self {
        let (store, mut persistence): (Rc<dyn KeyValueStore>, Persistence) = match local::probe() {
            Ok(local) => (Rc::new(local), Persistence::Saved),
            Err(e) => (Rc::new(MemoryStore::new()), Persistence::MemoryOnly(e.to_string())),
        };
        let repo = JournalRepo::new(store, &config.namespace);
        let loaded = match repo.load() {
            Ok(loaded) => loaded,
            Err(e) => {
                persistence = Persistence::MemoryOnly(e.to_string());
                Loaded::default()
            }
        };
        if let Some(version) = loaded.newer_schema {
            persistence = Persistence::ReadOnly(version);
        }
        let mut journal = loaded.journal;
        if !loaded.has_prefs {
            journal.stage = config.default_stage;
        }
        JournalStore {
            journal: RwSignal::new(journal),
            notice: RwSignal::new(None),
            persistence: StoredValue::new(persistence),
            unreadable: StoredValue::new(loaded.unreadable),
            draft: StoredValue::new(loaded.draft),
            repo: StoredValue::new_local(repo),
            library: StoredValue::new(PromptLibrary::built_in()),
            dom_prefix: StoredValue::new(format!("ag-{}", config.namespace)),
        }
    }

    /// The journal, read-only.
    pub fn journal(&self) -> ReadSignal<Journal> {
        self.journal.read_only()
    }

    /// The current status message.
    pub fn notice(&self) -> ReadSignal<Option<Notice>> {
        self.notice.read_only()
    }

    /// How the journal is kept.
    pub fn persistence(&self) -> Persistence {
        self.persistence.get_value()
    }

    /// Stored records that could not be read at start-up.
    pub fn unreadable(&self) -> Vec<Unreadable> {
        self.unreadable.get_value()
    }

    /// The draft left from the last visit, if any.
    pub fn initial_draft(&self) -> Option<DraftRecord> {
        self.draft.get_value()
    }

    /// The prompt library in use.
    pub fn library(&self) -> PromptLibrary {
        self.library.get_value()
    }

    /// A DOM id unique to this widget, so two widgets on one page never share ids.
    pub fn dom_id(&self, name: &str) -> String {
        format!("{}-{name}", self.dom_prefix.get_value())
    }

    /// Shows and announces a message.
    pub fn say(&self, text: impl Into<String>, is_error: bool) {
        self.notice.set(Some(Notice { text: text.into(), is_error }));
    }

    /// Saves a new entry. On failure the caller keeps the text and the message is shown.
    pub fn add_entry(
        &self,
        stage: Stage,
        prompt: Option<PromptRef>,
        text: &str,
        private: bool,
    ) -> Result<(), String> {
        let at = now();
        let entry = JournalEntry::new(
            EntryId::generate(at.timestamp_millis(), random_u32()),
            at,
            stage,
            prompt,
            text,
            private,
        )
        .map_err(|e| e.to_string())?;
        self.repo.with_value(|repo| repo.save_entry(&entry)).map_err(|e| e.to_string())?;
        self.journal.update(|j| {
            j.upsert(entry);
        });
        Ok(())
    }

    /// Changes the current stage.
    pub fn set_stage(&self, stage: Stage) {
        self.journal.update(|j| j.stage = stage);
        if let Err(e) = self.repo.with_value(|repo| repo.save_stage(stage)) {
            self.report(e);
        }
    }

    /// Keeps unsaved text; an empty draft clears it.
    pub fn save_draft(&self, draft: &DraftRecord) {
        if let Err(e) = self.repo.with_value(|repo| repo.save_draft(draft)) {
            self.report(e);
        }
    }

    fn report(&self, error: StorageError) {
        // Memory-only and read-only modes already say so in the banner.
        if matches!(self.persistence(), Persistence::Saved) {
            self.say(error.to_string(), true);
        }
    }
}

/// Puts the store in context for every component below.
pub fn provide_store(store: JournalStore) {
    provide_context(store);
}

/// The store provided by the app root.
pub fn use_store() -> JournalStore {
    expect_context::<JournalStore>()
}
