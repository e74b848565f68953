//! The app's state, by concern, each provided through context behind a named accessor:
//! the journal ([`use_store`]: the journal signal, the repository behind it, how it
//! persists, text in progress), the configuration ([`use_config`]), notices
//! ([`use_notices`]) and care of the storage ([`use_care`]). Components change the
//! journal only through the store's methods, which save first and update the signal on
//! success, so the screen never shows something that is not stored.
//!
//! Must never hold signals inside domain values, nor write storage anywhere but here.

use crate::domain::{Instrument, Journal, RecordId};
use crate::i18n::{tr, Text};
use crate::storage::in_progress::{merge_drafts, merge_edits, merge_forms, Edits, TabWork};
use crate::storage::record::{DraftRecord, EditDraftRecord, FormsRecord};
use crate::storage::tab;
use crate::storage::{JournalRepo, KeyValueStore, Loaded, MemoryStore, StorageError, Unreadable};
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use std::rc::Rc;

mod archive;
mod arrivals;
pub mod care;
pub mod config;
mod elsewhere;
pub mod forms;
mod links;
pub mod notices;
mod records;
mod restore;
mod tabs;

pub use archive::ArchiveState;
pub use care::{use_care, Care};
pub use config::{use_config, ConfigContext};
pub use notices::{use_notices, Notice, Notices};

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

/// Text in progress in this tab, kept apart from the journal it will become part of.
#[derive(Clone, Copy)]
pub(super) struct InProgress {
    /// This tab's draft as found at start-up (with any copy rescued in the tab).
    pub(super) draft: StoredValue<Option<DraftRecord>>,
    /// Draft text taken over from tabs that are gone, delivered to the composer (see
    /// `tabs.rs`).
    pub(super) arrived: StoredValue<arrivals::Arrived, LocalStorage>,
    /// Text typed here that storage could not hold, kept in the tab instead.
    pub(super) unsaved: RwSignal<TabWork>,
    /// Entries being edited. Outlives the row, which re-renders when another tab changes
    /// the entry.
    pub(super) edits: StoredValue<Edits>,
    /// The open rows told when edits arrive from tabs that are gone (see `tabs.rs`).
    pub(super) edit_rows: StoredValue<arrivals::EditRows, LocalStorage>,
    pub(super) edits_timer: StoredValue<Option<TimeoutHandle>>,
    /// Edits whose entry another tab deleted, until each is kept as a new entry.
    pub(super) orphans: StoredValue<Vec<EditDraftRecord>>,
    /// Forms in progress (plans, reviews), by form; see `forms.rs`.
    pub(super) forms: StoredValue<FormsRecord>,
    pub(super) forms_timer: StoredValue<Option<TimeoutHandle>>,
}

/// Handle to the journal's state; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct JournalStore {
    journal: RwSignal<Journal>,
    notices: Notices,
    config: ConfigContext,
    persistence: StoredValue<Persistence>,
    unreadable: RwSignal<Vec<Unreadable>>,
    quarantined: RwSignal<Vec<(String, String)>>,
    /// Text in progress: the draft, edits of saved entries, what storage could not hold.
    work: InProgress,
    repo: StoredValue<JournalRepo, LocalStorage>,
    last_restore: RwSignal<Option<crate::domain::changeset::ChangeSet>>,
    /// Whether the archived months are in the journal yet.
    archive: RwSignal<ArchiveState>,
    /// Whether this visit's reading and folding of the archive is over, and the work
    /// waiting for it (see `archive.rs`).
    settled: StoredValue<archive::Settled, LocalStorage>,
    /// Months another tab changed while this tab was still reading the archive.
    changed_while_reading: StoredValue<std::collections::BTreeSet<String>>,
    /// Other tabs' changes waiting for the archive's chunk (see `tabs.rs`).
    elsewhere: StoredValue<Elsewhere>,
}

/// Other tabs' changes not followed yet: keys with the value their event carried, in the
/// order they came, and whether following them is scheduled.
#[derive(Default)]
struct Elsewhere {
    changes: Vec<(String, Option<String>)>,
    scheduled: bool,
}

/// The current time.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today in the patient's time zone.
pub fn today() -> NaiveDate {
    now().with_timezone(&chrono::Local).date_naive()
}

/// A new record id, made now.
pub fn fresh_id() -> RecordId {
    new_id(now())
}

pub(super) fn new_id(at: DateTime<Utc>) -> RecordId {
    RecordId::generate(at.timestamp_millis(), (js_sys::Math::random() * f64::from(u32::MAX)) as u32)
}

impl JournalStore {
    /// Loads the journal synchronously (before the first render) from `storage`, as the
    /// lock's gate found it (`ui::lock`: this browser's storage, sealing while unlocked),
    /// and falls back to memory when storage is blocked.
    pub fn open(
        config: ConfigContext,
        notices: Notices,
        storage: Result<Rc<dyn KeyValueStore>, StorageError>,
    ) -> Self {
        let ns = config.namespace();
        let (store, mut persistence): (Rc<dyn KeyValueStore>, Persistence) = match storage {
            Ok(local) => (local, Persistence::Saved),
            Err(e) => (Rc::new(MemoryStore::new()), Persistence::MemoryOnly(e.to_string())),
        };
        let repo = JournalRepo::new(store, &ns).for_tab(&tab::id());
        if let Err(e) = repo.migrate() {
            // The data stays as it was; loading reports what it cannot read.
            leptos::logging::warn!("Afterglow: migration failed: {e}");
        }
        let loaded = crate::ui::shell::perf::timed("ag:load", || repo.load()).unwrap_or_else(|e| {
            persistence = Persistence::MemoryOnly(e.to_string());
            Loaded::default()
        });
        if let Some(version) = loaded.newer_schema {
            persistence = Persistence::ReadOnly(version);
        }
        let mut quarantined = loaded.quarantined.clone();
        quarantined.extend(repo.quarantine(&loaded.unreadable));
        let mut journal = loaded.journal;
        if !loaded.has_prefs {
            (journal.stage, journal.theme) = config.with(|c| (c.default_stage, c.theme));
        }
        // What storage could not hold last time, kept in this tab: shown again, and
        // stored now if there is room.
        let rescued = tab::rescued(&ns).unwrap_or_default();
        let rescued_list = std::slice::from_ref(&rescued);
        let draft = merge_drafts(loaded.draft, rescued_list);
        let records = merge_edits(loaded.edits, rescued_list);
        let forms = merge_forms(loaded.forms, rescued_list);
        // Read before the journal moves into its signal: cloning ten years to read it
        // afterwards cost 5 ms at start-up.
        let (edits, orphans) = Edits::from_records(&journal, &records);
        let store = JournalStore {
            journal: RwSignal::new(journal),
            notices,
            config,
            persistence: StoredValue::new(persistence),
            unreadable: RwSignal::new(loaded.unreadable),
            quarantined: RwSignal::new(quarantined),
            work: InProgress {
                draft: StoredValue::new(draft.clone()),
                arrived: StoredValue::new_local(arrivals::Arrived::default()),
                unsaved: RwSignal::new(rescued.clone()),
                edits: StoredValue::new(edits),
                edit_rows: StoredValue::new_local(arrivals::EditRows::default()),
                edits_timer: StoredValue::new(None),
                orphans: StoredValue::new(orphans),
                forms: StoredValue::new(forms),
                forms_timer: StoredValue::new(None),
            },
            repo: StoredValue::new_local(repo),
            last_restore: RwSignal::new(None),
            archive: RwSignal::new(if loaded.months.is_empty() {
                ArchiveState::Ready
            } else {
                ArchiveState::Reading
            }),
            settled: StoredValue::new_local(archive::Settled::default()),
            changed_while_reading: StoredValue::new(Default::default()),
            elsewhere: StoredValue::new(Elsewhere::default()),
        };
        if rescued != TabWork::default() && store.persistence() == Persistence::Saved {
            store.save_draft(&draft.unwrap_or_default());
            store.persist_edits();
            store.persist_forms();
        }
        if store.persistence() == Persistence::Saved {
            // Edits whose entry is gone become new entries once the archive is read
            // (`rematch_orphans`, in its chunk). They are stored with this tab's edits
            // meanwhile, so a chunk that never comes loses nothing.
            store.adopt_gone_tabs(loaded.others);
        }
        store
    }

    /// Whether the journal's component is still mounted (not locked or taken off the
    /// page since): work left in a timer asks this before it reads the store.
    pub fn is_live(&self) -> bool {
        !self.journal.is_disposed()
    }

    /// Runs `work` once the screen has painted (a frame, then a task), unless the journal
    /// was locked or taken off the page meanwhile: for work that reads every stored value.
    pub fn after_paint(&self, work: impl FnOnce() + 'static) {
        let store = *self;
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if store.is_live() {
                        work();
                    }
                },
                std::time::Duration::ZERO,
            )
        });
    }

    /// The journal, read-only.
    pub fn journal(&self) -> ReadSignal<Journal> {
        self.journal.read_only()
    }

    /// How the journal is kept.
    pub fn persistence(&self) -> Persistence {
        self.persistence.get_value()
    }

    /// When the journal is read-only (a newer version wrote it), says so with `why` and
    /// returns true; the caller then changes nothing.
    pub(super) fn refuse_if_read_only(&self, why: Text) -> bool {
        let read_only = matches!(self.persistence(), Persistence::ReadOnly(_));
        if read_only {
            self.say(tr(why), true);
        }
        read_only
    }

    /// Stored records that could not be read at start-up.
    pub fn unreadable(&self) -> Vec<Unreadable> {
        self.unreadable.get()
    }

    /// Values set aside because they could not be read: (key, raw value). Reactive.
    pub fn quarantined(&self) -> Vec<(String, String)> {
        self.quarantined.get()
    }

    /// The draft left from the last visit, if any.
    pub fn initial_draft(&self) -> Option<DraftRecord> {
        self.work.draft.get_value()
    }

    /// Questionnaires taken before whose next one is due now.
    pub fn due_questionnaires(&self) -> Vec<Instrument> {
        let every = self.config.questionnaire_days();
        let offered = self.config.questionnaires();
        self.journal.with(|j| {
            offered
                .into_iter()
                .filter(|i| {
                    let last = j.results_of(*i).last().map(|r| r.at);
                    last.is_some() && i.is_due(last, now(), every)
                })
                .collect()
        })
    }

    /// Shows and announces a message (the notices' `say`).
    pub(super) fn say(&self, text: impl Into<String>, is_error: bool) {
        self.notices.say(text, is_error);
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
