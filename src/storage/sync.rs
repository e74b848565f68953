//! Another tab changed a key: bring this tab's journal up to date. The browser's
//! `storage` event names the key; what storage holds for it now is the truth (an older
//! version put back by an undo included): a record is replaced by it, a removed key
//! removes its record, settings follow. Pure: the UI passes the key and the value it
//! read back.

use super::archive::{Archive, TOMBSTONE};
use super::keys::{KeyKind, Keys};
use super::record::{self, PrefsRecord};
use crate::domain::{Journal, JournalEntry, RecordId};

/// What applying a change did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Applied {
    /// A record was added, replaced or removed.
    Changed,
    /// The journal already had this (or a newer) version.
    Unchanged,
    /// Not a key of this journal, or one this tab has no use for (its draft, meta).
    Ignored,
    /// The new value could not be read; the journal was left as it was.
    Unreadable(String),
    /// A record of a kind read later, before its codec is in: the caller leaves the key
    /// for [`super::JournalRepo::read_later`] ([`super::JournalRepo::defer`]).
    Later,
    /// An archived month changed, or a record's own key went and its archived version
    /// must be read again: the caller expands the month and calls
    /// [`super::JournalRepo::month_changed`].
    Month(String),
}

/// Applies another tab's change of `key`, where `value` is what storage holds for it now
/// (`None`: removed), read when the event arrives rather than taken from the event: then
/// it is the truth, even when it is an older version (an undo, a replace), and a late
/// event can never bring back what this tab wrote since.
///
/// With an archive: a tombstone removes the record, a loose key overrides its month, and
/// a removed loose key of an archived record leaves the archived version (the folding
/// tab wrote the month first).
pub fn apply_change(
    journal: &mut Journal,
    keys: &Keys,
    archive: &mut Archive,
    key: &str,
    value: Option<&str>,
    today: chrono::NaiveDate,
) -> Applied {
    match keys.classify(key) {
        Some(KeyKind::Month(month)) => Applied::Month(month.to_owned()),
        Some(KeyKind::Record(kind, id)) => match value {
            Some(TOMBSTONE) => {
                let Ok(id) = RecordId::parse(id) else {
                    return Applied::Unreadable("not a valid record id".into());
                };
                let removed = journal.remove_any(kind, &id);
                archive.note_loose((kind, id), TOMBSTONE);
                if removed.is_some() {
                    Applied::Changed
                } else {
                    Applied::Unchanged
                }
            }
            Some(json) => match record::decode(kind, json, id) {
                Ok(r) => {
                    archive.note_loose((kind, r.id().clone()), json);
                    if journal.get_any(kind, r.id()).as_ref() == Some(&r) {
                        return Applied::Unchanged;
                    }
                    journal.remove_any(kind, r.id());
                    journal.upsert_any(r);
                    Applied::Changed
                }
                Err(record::RecordError::NotYet) => Applied::Later,
                Err(e) => Applied::Unreadable(e.to_string()),
            },
            None => {
                let Ok(id) = RecordId::parse(id) else { return Applied::Ignored };
                let place = (kind, id.clone());
                archive.forget_loose(&place);
                if let Some(month) = archive.month_holding(&place) {
                    return match journal.get_any(kind, &id) {
                        Some(_) => Applied::Unchanged,
                        None => Applied::Month(month.to_owned()),
                    };
                }
                // A key removed (not tombstoned) while this tab's months are not all read
                // can be a fold taking the record into a month: keep it until that month
                // is read (its event is read again afterwards). Deletes of such records
                // are tombstones, never removals.
                if !archive.opened && archive.might_be_archived(&place, today) {
                    return Applied::Unchanged;
                }
                match journal.remove_any(kind, &id) {
                    Some(_) => Applied::Changed,
                    None => Applied::Unchanged,
                }
            }
        },
        Some(KeyKind::Prefs) => match value.map(PrefsRecord::read) {
            Some(Ok(p)) => {
                if p.apply(journal) {
                    Applied::Changed
                } else {
                    Applied::Unchanged
                }
            }
            None => Applied::Unchanged,
            Some(Err(e)) => Applied::Unreadable(e.to_string()),
        },
        _ => Applied::Ignored,
    }
}

/// What saving an edit did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditSaved {
    /// Saved over the version this tab had.
    Saved,
    /// Another tab had changed the entry meanwhile: this edit was saved, and the other
    /// tab's version was kept as a separate entry (returned) so neither edit is lost.
    KeptBoth(JournalEntry),
}

/// Saves `edited`, which was made from `base`, without losing another tab's edit of the
/// same entry. `copy_id` names the extra entry if one is needed.
///
/// `current` is the version this tab's journal holds: what is stored when the entry has
/// no key of its own (it is archived, or another tab's edit was folded into its month).
pub fn save_edit(
    repo: &super::JournalRepo,
    base: &JournalEntry,
    current: Option<&JournalEntry>,
    edited: &JournalEntry,
    copy_id: RecordId,
) -> Result<EditSaved, super::StorageError> {
    let key = repo.keys().record('e', base.id.as_str());
    let stored: Option<JournalEntry> = match repo.raw(&key)? {
        Some(_) => repo.read(&base.id)?,
        None => current.cloned(),
    };
    let conflict = stored.filter(|s| s.edited > base.edited && s.text != edited.text && s.text != base.text);
    match conflict {
        None => {
            repo.save(edited)?;
            Ok(EditSaved::Saved)
        }
        Some(theirs) => {
            // Their version is copied before it is overwritten, and the copy taken back if
            // the edit cannot be stored: neither text is ever lost.
            let copy = JournalEntry { id: copy_id, edited: theirs.edited.max(edited.edited), ..theirs };
            repo.save(&copy)?;
            if let Err(e) = repo.save(edited) {
                let _ = repo.delete::<JournalEntry>(&copy.id);
                return Err(e);
            }
            Ok(EditSaved::KeptBoth(copy))
        }
    }
}

impl super::JournalRepo {
    /// [`apply_change`] with this repository's keys and what it knows of the archive.
    pub fn apply_change(&self, journal: &mut Journal, key: &str, value: Option<&str>) -> Applied {
        let keys = self.keys().clone();
        apply_change(journal, &keys, &mut self.archive.borrow_mut(), key, value, self.today())
    }
}
