//! The logic of every change to the journal, as plain Rust over the journal and the
//! repository: save first, and change the journal only once storage holds the change, so
//! the journal (and the screen that shows it) never holds what is not stored. Each
//! returns a typed outcome; a refusal carries the [`StorageError`] or the rule broken, up
//! to the words the patient reads.
//!
//! Must never change `journal` when the write failed.

use super::apply::{ApplyError, QUOTA_UNITS};
use super::record::PrefsRecord;
use super::sync::{save_edit, EditSaved};
use super::{JournalRepo, StorageError};
use crate::domain::changeset::ChangeSet;
use crate::domain::{AnyRecord, DosingSession, Journal, JournalEntry, Kind, RecordId, Stage};
use crate::i18n::{tr, tr_with, T};

/// Why a change was not made. Nothing was stored and the journal is as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Storage would not take it.
    Storage(StorageError),
    /// It breaks a rule of the journal (empty text, a mood of 11, a date out of range).
    Invalid(String),
    /// Several records changed together did not fit, or a write failed: none was kept.
    Together(ApplyError),
}

impl From<StorageError> for Refused {
    fn from(e: StorageError) -> Self {
        Refused::Storage(e)
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Storage(e) => e.fmt(f),
            Refused::Invalid(why) => f.write_str(why),
            Refused::Together(e) => f.write_str(&e.sentence(T::subject_change)),
        }
    }
}

impl std::error::Error for Refused {}

impl Refused {
    /// A rule broken, in its own words.
    pub fn invalid(e: impl std::fmt::Display) -> Self {
        Refused::Invalid(e.to_string())
    }
}

/// Refuses a record that would not load again: read back from its stored form as a load
/// would, so a date the loader refuses (a device clock set outside the years a journal
/// holds) is caught before saving rather than quarantined at the next start.
/// Returns the stored JSON it checked, for the caller to write.
fn readable(record: &AnyRecord) -> Result<String, Refused> {
    let json = super::record::encode(record);
    super::record::decode(record.kind(), &json, record.id().as_str()).map(|_| json).map_err(|e| {
        let text = e.to_string();
        // A time or date outside the journal's years: in practice a device clock set wrong.
        if text.contains(super::record::OUT_OF_YEARS) {
            Refused::Invalid(tr(T::store_bad_clock).to_owned())
        } else {
            Refused::Invalid(tr_with(T::store_not_read_back, &[("why", &text)]))
        }
    })
}

/// Saves a record (new, edited or brought back by undo), then puts it in the journal.
pub fn save(repo: &JournalRepo, journal: &mut Journal, record: AnyRecord) -> Result<(), Refused> {
    let json = readable(&record)?;
    repo.save_any(&record, &json)?;
    journal.upsert_any(record);
    Ok(())
}

/// Saves `records` and deletes `removed` as one change, all or nothing (the path
/// restores take), then makes it in the journal. Returns the change, whose removed
/// records an undo brings back.
pub fn together(
    repo: &JournalRepo,
    journal: &mut Journal,
    records: Vec<AnyRecord>,
    removed: &[(Kind, RecordId)],
) -> Result<ChangeSet, Refused> {
    for r in &records {
        readable(r)?;
    }
    let set = ChangeSet::of(journal, records, removed);
    repo.apply(&set, journal, QUOTA_UNITS).map_err(Refused::Together)?;
    set.apply_to(journal);
    Ok(set)
}

/// Deletes a record from storage, then from the journal; returns it for undo.
pub fn delete(
    repo: &JournalRepo,
    journal: &mut Journal,
    kind: Kind,
    id: &RecordId,
) -> Result<Option<AnyRecord>, Refused> {
    repo.delete_any(kind, id)?;
    Ok(journal.remove_any(kind, id))
}

/// Changes the settings (stage, pins, theme, last backup, welcome) with `change`, saves
/// them, and only then puts them in the journal.
pub fn settings(
    repo: &JournalRepo,
    journal: &mut Journal,
    change: impl FnOnce(&mut PrefsRecord),
) -> Result<(), Refused> {
    let mut prefs = PrefsRecord::of(journal);
    change(&mut prefs);
    repo.save_prefs_record(&prefs)?;
    prefs.apply(journal);
    Ok(())
}

/// Saves an edit of an entry made from `base` (keeping another tab's newer edit of it as
/// a separate entry, `copy_id`), then puts it in the journal.
pub fn edit_entry(
    repo: &JournalRepo,
    journal: &mut Journal,
    base: &JournalEntry,
    edited: JournalEntry,
    copy_id: RecordId,
) -> Result<EditSaved, Refused> {
    readable(&AnyRecord::from(edited.clone()))?;
    let current = journal.get_any(Kind::Entry, &base.id).and_then(|r| match r {
        AnyRecord::Entry(e) => Some(e),
        _ => None,
    });
    let saved = save_edit(repo, base, current.as_ref(), &edited, copy_id)?;
    journal.upsert_any(edited);
    if let EditSaved::KeptBoth(copy) = &saved {
        journal.upsert_any(copy.clone());
    }
    Ok(saved)
}

/// Ends the first-run welcome: stores the last session, if given, then the stage and the
/// welcome's end. A failure leaves the welcome to be finished again.
pub fn finish_welcome(
    repo: &JournalRepo,
    journal: &mut Journal,
    stage: Stage,
    last_session: Option<DosingSession>,
) -> Result<(), Refused> {
    if let Some(session) = last_session {
        session.validate().map_err(Refused::invalid)?;
        // A retry after the session was stored but the welcome's end was not (a full
        // quota) brings a new session for the same moment: the stored one stands.
        if !journal.sessions().iter().any(|s| s.at == session.at) {
            save(repo, journal, session.into())?;
        }
    }
    settings(repo, journal, |p| {
        p.stage = stage;
        p.welcomed = true;
    })
}

#[cfg(test)]
mod tests;
