//! The journal repository: loads a whole namespace once at start-up and writes one record
//! per change. Pure over [`KeyValueStore`]; never panics on what it reads.

use super::keys::{KeyKind, Keys, Namespace};
use super::record::{to_json, DraftRecord, EntryRecord, MetaRecord, PrefsRecord, SCHEMA_VERSION};
use super::{KeyValueStore, StorageError};
use crate::domain::{EntryId, Journal, JournalEntry, Stage};
use std::cell::Cell;
use std::rc::Rc;

impl<T: KeyValueStore + ?Sized> KeyValueStore for Rc<T> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        (**self).keys_with_prefix(prefix)
    }
}

/// A stored value that could not be read. It is left in storage untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The storage key.
    pub key: String,
    /// What was wrong with it.
    pub reason: String,
}

/// Everything read at start-up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    /// The journal built from every readable record.
    pub journal: Journal,
    /// Unsaved text from the last visit.
    pub draft: Option<DraftRecord>,
    /// Records that could not be read; kept in storage as they are.
    pub unreadable: Vec<Unreadable>,
    /// Set when the data was written by a newer schema: the repository is then read-only.
    pub newer_schema: Option<u32>,
    /// Whether settings were stored; without them the stage is the configured default.
    pub has_prefs: bool,
}

/// Reads and writes one namespace's journal.
pub struct JournalRepo {
    store: Rc<dyn KeyValueStore>,
    keys: Keys,
    meta_written: Cell<bool>,
    read_only: Cell<Option<u32>>,
}

impl JournalRepo {
    /// A repository for `namespace` in `store`. Nothing is read until [`Self::load`].
    pub fn new(store: Rc<dyn KeyValueStore>, namespace: &Namespace) -> Self {
        JournalRepo {
            store,
            keys: Keys::new(namespace),
            meta_written: Cell::new(false),
            read_only: Cell::new(None),
        }
    }

    /// The key layout in use.
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// Reads the namespace. Unreadable records are reported, not fatal; only a store that
    /// cannot be listed at all is an error.
    pub fn load(&self) -> Result<Loaded, StorageError> {
        let mut loaded = Loaded::default();
        let mut stage = Stage::FIRST;
        let mut entries = Vec::new();
        for key in self.store.keys_with_prefix(self.keys.prefix())? {
            let Some(kind) = self.keys.classify(&key) else { continue };
            let Some(raw) = self.store.get(&key)? else { continue };
            let mut unreadable =
                |reason: String| loaded.unreadable.push(Unreadable { key: key.clone(), reason });
            match kind {
                KeyKind::Meta => match serde_json::from_str::<MetaRecord>(&raw) {
                    Ok(meta) if meta.schema > SCHEMA_VERSION => loaded.newer_schema = Some(meta.schema),
                    Ok(_) => self.meta_written.set(true),
                    // An unknown version must not be overwritten: treat it as newer.
                    Err(e) => {
                        unreadable(e.to_string());
                        loaded.newer_schema = Some(u32::MAX);
                    }
                },
                KeyKind::Prefs => match serde_json::from_str::<PrefsRecord>(&raw) {
                    Ok(prefs) => {
                        stage = prefs.stage;
                        loaded.has_prefs = true;
                    }
                    Err(e) => unreadable(e.to_string()),
                },
                KeyKind::Draft => match serde_json::from_str::<DraftRecord>(&raw) {
                    Ok(draft) if !draft.text.trim().is_empty() => loaded.draft = Some(draft),
                    Ok(_) => {}
                    Err(e) => unreadable(e.to_string()),
                },
                KeyKind::Entry(id) => match EntryRecord::parse(&raw).and_then(|r| {
                    let entry = r.into_entry()?;
                    if entry.id.as_str() == id {
                        Ok(entry)
                    } else {
                        Err(super::record::RecordError::Invalid("id does not match its key".into()))
                    }
                }) {
                    Ok(entry) => entries.push(entry),
                    Err(e) => unreadable(e.to_string()),
                },
                KeyKind::Unknown(_) => {}
            }
        }
        self.read_only.set(loaded.newer_schema);
        loaded.journal = Journal::from_entries(stage, entries);
        Ok(loaded)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(version) = self.read_only.get() {
            return Err(StorageError::NewerSchema(version));
        }
        if !self.meta_written.get() {
            self.store.set(&self.keys.meta(), &to_json(&MetaRecord { schema: SCHEMA_VERSION }))?;
            self.meta_written.set(true);
        }
        self.store.set(key, value)
    }

    /// Saves one entry (new or edited): writes exactly one record.
    pub fn save_entry(&self, entry: &JournalEntry) -> Result<(), StorageError> {
        self.write(&self.keys.entry(entry.id.as_str()), &to_json(&EntryRecord::from(entry)))
    }

    /// Deletes one entry's record.
    pub fn delete_entry(&self, id: &EntryId) -> Result<(), StorageError> {
        if let Some(version) = self.read_only.get() {
            return Err(StorageError::NewerSchema(version));
        }
        self.store.remove(&self.keys.entry(id.as_str()))
    }

    /// Saves the current stage.
    pub fn save_stage(&self, stage: Stage) -> Result<(), StorageError> {
        self.write(&self.keys.prefs(), &to_json(&PrefsRecord { stage }))
    }

    /// Saves the unsaved text; an empty draft removes the record.
    pub fn save_draft(&self, draft: &DraftRecord) -> Result<(), StorageError> {
        if draft.text.trim().is_empty() {
            if self.read_only.get().is_some() {
                return Ok(());
            }
            return self.store.remove(&self.keys.draft());
        }
        self.write(&self.keys.draft(), &to_json(draft))
    }
}
