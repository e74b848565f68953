//! Another tab changed a key: bring this tab's journal up to date. The browser's
//! `storage` event names the key and its new value; a record upserts (the newer edit
//! wins), a removed key removes its record, settings follow. Pure: the UI passes the
//! event's key and value in.

use super::keys::{KeyKind, Keys};
use super::record::{PrefsRecord, Stored};
use crate::domain::{
    ActionStep, CheckIn, DosingSession, Insight, Journal, JournalEntry, QuestionnaireResult, RecordId, Upsert,
};

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
}

fn record<T: Stored>(
    journal: &mut Journal,
    id: &str,
    value: Option<&str>,
    upsert: fn(&mut Journal, T) -> Upsert,
    remove: fn(&mut Journal, &RecordId) -> Option<T>,
) -> Applied {
    match value {
        Some(json) => match T::from_json(json, id) {
            Ok(r) => match upsert(journal, r) {
                Upsert::KeptNewer => Applied::Unchanged,
                _ => Applied::Changed,
            },
            Err(e) => Applied::Unreadable(e.to_string()),
        },
        None => match RecordId::parse(id).ok().and_then(|id| remove(journal, &id)) {
            Some(_) => Applied::Changed,
            None => Applied::Unchanged,
        },
    }
}

/// Applies another tab's change of `key` to `value` (`None`: removed).
pub fn apply_change(journal: &mut Journal, keys: &Keys, key: &str, value: Option<&str>) -> Applied {
    match keys.classify(key) {
        Some(KeyKind::Record(tag, id)) => match tag {
            JournalEntry::TAG => record(journal, id, value, Journal::upsert_entry, Journal::remove_entry),
            DosingSession::TAG => {
                record(journal, id, value, Journal::upsert_session, Journal::remove_session)
            }
            Insight::TAG => record(journal, id, value, Journal::upsert_insight, Journal::remove_insight),
            ActionStep::TAG => record(journal, id, value, Journal::upsert_step, Journal::remove_step),
            CheckIn::TAG => record(journal, id, value, Journal::upsert_check_in, Journal::remove_check_in),
            QuestionnaireResult::TAG => {
                record(journal, id, value, Journal::upsert_result, Journal::remove_result)
            }
            _ => Applied::Ignored,
        },
        Some(KeyKind::Prefs) => match value.map(serde_json::from_str::<PrefsRecord>) {
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
pub fn save_edit(
    repo: &super::JournalRepo,
    base: &JournalEntry,
    edited: &JournalEntry,
    copy_id: RecordId,
) -> Result<EditSaved, super::StorageError> {
    let stored: Option<JournalEntry> = repo.read(&base.id)?;
    let conflict = stored.filter(|s| s.edited > base.edited && s.text != edited.text && s.text != base.text);
    repo.save(edited)?;
    match conflict {
        None => Ok(EditSaved::Saved),
        Some(theirs) => {
            let copy = JournalEntry { id: copy_id, edited: theirs.edited.max(edited.edited), ..theirs };
            repo.save(&copy)?;
            Ok(EditSaved::KeptBoth(copy))
        }
    }
}
