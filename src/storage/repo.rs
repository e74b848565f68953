//! The journal repository: loads a whole namespace once at start-up and writes one record
//! per change. Pure over [`KeyValueStore`]; never panics on what it reads, and never
//! writes over data it could not read or that a newer version wrote.

use super::archive::{Archive, TOMBSTONE};
use super::in_progress::TabWork;
use super::keys::{KeyKind, Keys, Namespace};
use super::migrate::{self, Records};
use super::record::{
    self, to_json, DraftRecord, EditDraftRecord, FormsRecord, MetaRecord, PrefsRecord, RecordError, Stored,
    SCHEMA_VERSION,
};
use super::{KeyValueStore, StorageError};
use crate::domain::{AnyRecord, Batch, Journal, Kind, RecordId, Stage};
use chrono::NaiveDate;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A stored value that could not be read. It is left in storage untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The storage key.
    pub key: String,
    /// What was wrong with it.
    pub reason: String,
}

/// Everything read at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// The journal built from every readable record.
    pub journal: Journal,
    /// Unsaved text from the last visit.
    pub draft: Option<DraftRecord>,
    /// Records that could not be read; kept in storage as they are.
    pub unreadable: Vec<Unreadable>,
    /// Set when the data was written by a newer schema: the repository is then read-only.
    pub newer_schema: Option<u32>,
    /// The format record could not be read (or names no format) while every other value
    /// read as this build's: [`JournalRepo::repair_format`] may write it anew.
    pub format_repairable: bool,
    /// Whether settings were stored; without them the stage is the configured default.
    pub has_prefs: bool,
    /// Values set aside earlier because they could not be read: (key, raw value).
    pub quarantined: Vec<(String, String)>,
    /// Edits of saved entries left unsaved at the last visit.
    pub edits: Vec<EditDraftRecord>,
    /// Forms (plans, reviews) left unsaved at the last visit.
    pub forms: FormsRecord,
    /// The text in progress of other tabs (open now, or gone), each under its own keys.
    pub others: Vec<TabWork>,
    /// The archived months stored (`YYYY-MM`), not read yet: [`JournalRepo::open_archive`]
    /// reads them after the first screen. Empty: the journal above is all of it.
    pub months: Vec<String>,
}

impl Loaded {
    #[allow(clippy::indexing_slicing, reason = "the index was found in the list, or is the one just pushed")]
    fn other(&mut self, tab: &str) -> &mut TabWork {
        let i = match self.others.iter().position(|w| w.tab == tab) {
            Some(i) => i,
            None => {
                self.others.push(TabWork { tab: tab.to_owned(), ..TabWork::default() });
                self.others.len() - 1
            }
        };
        &mut self.others[i]
    }
}

/// Reads and writes one namespace's journal.
pub struct JournalRepo {
    store: Rc<dyn KeyValueStore>,
    keys: Keys,
    pub(super) meta_written: Cell<bool>,
    pub(super) read_only: Cell<Option<u32>>,
    /// Whether the last load found the format record damaged and all else readable.
    pub(super) format_repairable: Cell<bool>,
    tab: RefCell<String>,
    pub(super) archive: RefCell<Archive>,
    /// Keys of records of kinds read later, not decoded yet (`later.rs`).
    pub(super) later: RefCell<Vec<String>>,
    today: Cell<Option<NaiveDate>>,
}

impl JournalRepo {
    /// A repository for `namespace` in `store`. Nothing is read until [`Self::load`].
    pub fn new(store: Rc<dyn KeyValueStore>, namespace: &Namespace) -> Self {
        JournalRepo {
            store,
            keys: Keys::new(namespace),
            meta_written: Cell::new(false),
            read_only: Cell::new(None),
            format_repairable: Cell::new(false),
            tab: Default::default(),
            archive: Default::default(),
            later: Default::default(),
            today: Cell::new(None),
        }
    }

    /// Today as the archive counts it (UTC), or the day a test set.
    pub fn today(&self) -> NaiveDate {
        self.today.get().unwrap_or_else(|| chrono::Utc::now().date_naive())
    }

    /// Fixes the day the archive counts from (tests).
    pub fn set_today(&self, day: NaiveDate) {
        self.today.set(Some(day));
    }

    /// What this tab knows of the archive.
    pub fn archive(&self) -> std::cell::Ref<'_, Archive> {
        self.archive.borrow()
    }

    /// The same repository writing its text in progress under tab `tab`'s keys (an id
    /// for [`super::keys::is_tab`]; anything else keeps the shared keys).
    pub fn for_tab(self, tab: &str) -> Self {
        self.set_tab(tab);
        self
    }

    /// Writes this tab's text in progress under `tab`'s keys from now on (a duplicated
    /// tab takes a new id).
    pub fn set_tab(&self, tab: &str) {
        if super::keys::is_tab(tab) {
            *self.tab.borrow_mut() = tab.to_owned();
        }
    }

    /// The tab this repository writes text in progress for (`""`: the shared keys).
    pub fn tab(&self) -> String {
        self.tab.borrow().clone()
    }

    /// The key layout in use.
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    pub(super) fn store(&self) -> &dyn KeyValueStore {
        &*self.store
    }

    /// Brings stored data of an older schema to this build's, writing back only the keys
    /// a migration changed, then the schema record. Data of a newer schema is left alone
    /// (and opened read-only by [`Self::load`]). Returns the steps run.
    pub fn migrate(&self) -> Result<usize, StorageError> {
        let Some(meta) = self.store.get(&self.keys.meta())? else { return Ok(0) };
        let Ok(meta) = MetaRecord::read(&meta) else { return Ok(0) };
        // A newer format is left alone, and so is a damaged record naming none (0).
        if meta.schema >= SCHEMA_VERSION || meta.schema == 0 {
            return Ok(0);
        }
        let prefix = self.keys.prefix();
        let mut records = Records::new();
        for (key, value) in self.store.entries_with_prefix(prefix)? {
            records.insert(key[prefix.len()..].to_owned(), value);
        }
        let before = records.clone();
        let ran =
            migrate::migrate(meta.schema, &mut records).map_err(|e| StorageError::Failed(e.to_string()))?;
        for (tail, value) in &records {
            if before.get(tail) != Some(value) {
                self.store.set(&format!("{prefix}{tail}"), value)?;
            }
        }
        for tail in before.keys().filter(|k| !records.contains_key(*k)) {
            self.store.remove(&format!("{prefix}{tail}"))?;
        }
        self.store.set(&self.keys.meta(), &to_json(&MetaRecord { schema: SCHEMA_VERSION }))?;
        Ok(ran)
    }

    /// Reads the namespace. Unreadable records are reported, not fatal; only a store that
    /// cannot be listed at all is an error.
    pub fn load(&self) -> Result<Loaded, StorageError> {
        let mut loaded = Loaded::default();
        let mut journal = Journal::new(Stage::FIRST);
        let mut batch = Batch::default();
        let mut archive = Archive::default();
        let mut later = Vec::new();
        let keys = &self.keys;
        let not_month = |key: &str| !matches!(keys.classify(key), Some(KeyKind::Month(_)));
        for (key, raw) in self.store.entries_where(self.keys.prefix(), &not_month)? {
            let Some(kind) = self.keys.classify(&key) else { continue };
            let mut unreadable =
                |reason: String| loaded.unreadable.push(Unreadable { key: key.clone(), reason });
            match kind {
                KeyKind::Meta => match MetaRecord::read(&raw) {
                    Ok(meta) if meta.schema > SCHEMA_VERSION => loaded.newer_schema = Some(meta.schema),
                    // Formats start at 1: a 0 names none, and is read as damaged.
                    Ok(meta) if meta.schema == 0 => {
                        unreadable("the format record names no format (0)".to_owned());
                        loaded.newer_schema = Some(super::UNREADABLE_SCHEMA);
                    }
                    Ok(_) => self.meta_written.set(true),
                    // An unknown version must not be overwritten: treat it as newer.
                    Err(e) => {
                        unreadable(e.to_string());
                        loaded.newer_schema = Some(super::UNREADABLE_SCHEMA);
                    }
                },
                KeyKind::Prefs => match PrefsRecord::read(&raw) {
                    Ok(prefs) => {
                        prefs.apply(&mut journal);
                        loaded.has_prefs = true;
                    }
                    Err(e) => unreadable(e.to_string()),
                },
                KeyKind::Draft(tab) => match DraftRecord::read(&raw) {
                    Ok(draft) if draft.text.trim().is_empty() => {}
                    Ok(draft) if *tab == *self.tab.borrow() => loaded.draft = Some(draft),
                    Ok(draft) => loaded.other(tab).draft = Some(draft),
                    Err(e) => unreadable(e.to_string()),
                },
                // Gathered, then added at once: one upsert per record is quadratic.
                KeyKind::Record(kind, id) if raw == TOMBSTONE => match RecordId::parse(id) {
                    Ok(id) => archive.note_loose((kind, id), TOMBSTONE),
                    Err(e) => unreadable(e.to_string()),
                },
                KeyKind::Record(kind, id) => match record::decode(kind, &raw, id) {
                    Ok(r) => {
                        archive.note_loose((kind, r.id().clone()), &raw);
                        batch.push(r);
                    }
                    // A kind read later: its codec comes with the archive's chunk.
                    Err(RecordError::NotYet) => later.push(key.clone()),
                    Err(e) => unreadable(e.to_string()),
                },
                KeyKind::Month(month) => loaded.months.push(month.to_owned()),
                KeyKind::Quarantine(_) => loaded.quarantined.push((key.clone(), raw)),
                KeyKind::Edits(tab) => match EditDraftRecord::read_list(&raw) {
                    Ok(edits) if *tab == *self.tab.borrow() => loaded.edits = edits,
                    Ok(edits) => loaded.other(tab).edits = edits,
                    Err(e) => unreadable(e.to_string()),
                },
                KeyKind::Forms(tab) => match serde_json::from_str::<FormsRecord>(&raw) {
                    Ok(forms) if *tab == *self.tab.borrow() => loaded.forms = forms,
                    Ok(forms) => loaded.other(tab).forms = forms,
                    Err(e) => unreadable(e.to_string()),
                },
                KeyKind::Unknown(_) => {}
            }
        }
        // Damaged, not newer, when nothing but the format record failed to read.
        let meta_key = self.keys.meta();
        loaded.format_repairable = loaded.newer_schema == Some(super::UNREADABLE_SCHEMA)
            && loaded.unreadable.iter().all(|u| u.key == meta_key);
        self.read_only.set(loaded.newer_schema);
        self.format_repairable.set(loaded.format_repairable);
        crate::domain::order::sort(&mut loaded.months);
        archive.opened = loaded.months.is_empty();
        self.archive.borrow_mut().replace(archive);
        *self.later.borrow_mut() = later;
        journal.upsert_batch(batch);
        loaded.journal = journal;
        Ok(loaded)
    }

    /// Writes the format record anew for a journal whose every record read as this
    /// build's ([`Loaded::format_repairable`]), and makes it writable again. Refused, with
    /// nothing written, for a journal opened read-only for any other reason.
    pub fn repair_format(&self) -> Result<(), StorageError> {
        if !self.format_repairable.get() {
            return self.writable();
        }
        self.store.set(&self.keys.meta(), &to_json(&MetaRecord { schema: SCHEMA_VERSION }))?;
        self.meta_written.set(true);
        self.read_only.set(None);
        self.format_repairable.set(false);
        Ok(())
    }

    /// Whether the last load found only the format record unreadable (see
    /// [`Self::repair_format`]).
    pub fn format_repairable(&self) -> bool {
        self.format_repairable.get()
    }

    pub(super) fn writable(&self) -> Result<(), StorageError> {
        match self.read_only.get() {
            Some(version) => Err(StorageError::NewerSchema(version)),
            None => Ok(()),
        }
    }

    pub(super) fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.writable()?;
        if !self.meta_written.get() {
            self.store.set(&self.keys.meta(), &to_json(&MetaRecord { schema: SCHEMA_VERSION }))?;
            self.meta_written.set(true);
        }
        self.store.set(key, value)
    }

    /// What storage holds under `key` now (another tab's change is read back here rather
    /// than taken from its event).
    pub fn raw(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.store.get(key)
    }

    /// The stored version of one record, if it is there and readable.
    pub fn read<T: Stored>(&self, id: &RecordId) -> Result<Option<T>, StorageError> {
        let raw = self.store.get(&self.keys.record(T::TAG, id.as_str()))?;
        Ok(raw.and_then(|json| T::from_json(&json, id.as_str()).ok()))
    }

    /// Saves one record (new or edited): writes exactly one key (of an archived record,
    /// the key overrides its month until the month is folded again).
    pub fn save<T: Stored>(&self, record: &T) -> Result<(), StorageError> {
        let kind = record::kind_of(T::TAG).unwrap_or(Kind::Entry);
        let json = record.to_json();
        self.write(&self.keys.record(T::TAG, record.id().as_str()), &json)?;
        self.archive.borrow_mut().note_loose((kind, record.id().clone()), &json);
        Ok(())
    }

    /// Saves one record of any kind, given its stored JSON (`record::encode(record)`, made
    /// once by the caller that checked it): writes exactly one key.
    pub fn save_any(&self, record: &AnyRecord, json: &str) -> Result<(), StorageError> {
        self.write(&self.keys.of(record.kind(), record.id().as_str()), json)?;
        self.archive.borrow_mut().note_loose((record.kind(), record.id().clone()), json);
        Ok(())
    }

    /// Deletes one record of any kind: removes its key, or, when the record is (or may
    /// be) archived, writes a tombstone there, so its month cannot bring it back.
    pub fn delete_any(&self, kind: Kind, id: &RecordId) -> Result<(), StorageError> {
        self.writable()?;
        let key = self.keys.of(kind, id.as_str());
        let place = (kind, id.clone());
        if self.archive.borrow().needs_tombstone(&place, self.today()) {
            self.store.set(&key, TOMBSTONE)?;
            self.archive.borrow_mut().note_loose(place, TOMBSTONE);
        } else {
            self.store.remove(&key)?;
            self.archive.borrow_mut().forget_loose(&place);
        }
        Ok(())
    }

    /// Deletes one record.
    pub fn delete<T: Stored>(&self, id: &RecordId) -> Result<(), StorageError> {
        self.delete_any(record::kind_of(T::TAG).unwrap_or(Kind::Entry), id)
    }

    /// Saves the current stage and pinned prompts.
    pub fn save_prefs(&self, journal: &Journal) -> Result<(), StorageError> {
        self.save_prefs_record(&PrefsRecord::of(journal))
    }

    /// Saves these settings.
    pub fn save_prefs_record(&self, prefs: &PrefsRecord) -> Result<(), StorageError> {
        self.write(&self.keys.prefs(), &to_json(prefs))
    }

    /// Keeps this tab's edits in progress; none removes the record.
    pub fn save_edits(&self, edits: &[EditDraftRecord]) -> Result<(), StorageError> {
        let key = self.keys.edits_of(&self.tab.borrow());
        if edits.is_empty() {
            self.writable()?;
            return self.store.remove(&key);
        }
        self.write(&key, &to_json(&edits))
    }

    /// Keeps this tab's forms in progress; blank ones are left out, and none removes the
    /// record.
    pub fn save_forms(&self, forms: &FormsRecord) -> Result<(), StorageError> {
        let key = self.keys.forms_of(&self.tab.borrow());
        // Cloned and trimmed rather than collected: collecting a BTreeMap sorts, and that
        // sort was 3.5 KiB of the first screen's module.
        let mut kept = forms.clone();
        kept.retain(|_, f| !f.is_blank());
        if kept.is_empty() {
            self.writable()?;
            return self.store.remove(&key);
        }
        self.write(&key, &to_json(&kept))
    }

    /// Saves this tab's unsaved text; an empty draft removes the record.
    pub fn save_draft(&self, draft: &DraftRecord) -> Result<(), StorageError> {
        let key = self.keys.draft_of(&self.tab.borrow());
        if draft.text.trim().is_empty() {
            self.writable()?;
            return self.store.remove(&key);
        }
        self.write(&key, &to_json(draft))
    }
}
