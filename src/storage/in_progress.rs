//! Text in progress: the composer's draft and the edits of saved entries, kept per tab so
//! that one tab saving or clearing never removes another tab's text.
//!
//! Each tab writes only `{ns}:draft:{tab}` and `{ns}:edits:{tab}`. The work of tabs that
//! are gone (closed, or an older version's shared keys) is adopted by the next tab that
//! opens: merged into its own, stored under its own keys, and only then removed from the
//! old ones. An edit whose entry was deleted elsewhere becomes an entry of its own instead
//! of vanishing. Pure over the repository; never drops text it cannot place.

use super::record::{DraftRecord, EditDraftRecord, FormsRecord};
use super::{JournalRepo, StorageError};
use crate::domain::{EntryDraft, Journal, JournalEntry, RecordId, Stage};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// The text in progress of one other tab, as found at start-up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TabWork {
    /// The tab's id (`""`: the shared keys of older versions).
    pub tab: String,
    /// Its composer's draft.
    pub draft: Option<DraftRecord>,
    /// Its edits of saved entries.
    pub edits: Vec<EditDraftRecord>,
    /// Its forms in progress (plans, reviews).
    pub forms: FormsRecord,
}

/// One edit of a saved entry in progress: the version it started from, and the text and
/// privacy so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The entry as it was when the edit began.
    pub base: JournalEntry,
    /// The text so far.
    pub text: String,
    /// The private switch so far.
    pub private: bool,
}

/// This tab's edits in progress, by entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edits(HashMap<RecordId, Edit>);

impl Edits {
    /// Rebuilds edits from their stored records against `journal`. An edit whose entry is
    /// gone is returned apart, so its text can be kept as a new entry.
    pub fn from_records(journal: &Journal, records: &[EditDraftRecord]) -> (Edits, Vec<EditDraftRecord>) {
        let mut edits = Edits::default();
        let mut orphans = Vec::new();
        for r in records {
            let Ok(id) = RecordId::parse(&r.id) else { continue };
            let Some(entry) = journal.entry(&id) else {
                orphans.push(r.clone());
                continue;
            };
            let mut base = entry.clone();
            if let Ok(edited) = crate::domain::when::instant(r.base_edited) {
                base.edited = edited;
            }
            base.text = r.base_text.clone();
            edits.0.insert(id, Edit { base, text: r.text.clone(), private: r.private });
        }
        (edits, orphans)
    }

    /// Adds `other`'s edits (edits matched later, once older months were read).
    pub fn absorb(&mut self, other: Edits) {
        self.0.extend(other.0);
    }

    /// The stored form of every edit, in a stable order.
    pub fn records(&self) -> Vec<EditDraftRecord> {
        let mut out: Vec<EditDraftRecord> = self.0.iter().map(|(id, e)| record_of(id, e)).collect();
        crate::domain::order::sort_by(&mut out, |a, b| a.id.cmp(&b.id));
        out
    }

    /// The edit of one entry.
    pub fn get(&self, id: &RecordId) -> Option<&Edit> {
        self.0.get(id)
    }

    /// Starts editing `entry`.
    pub fn begin(&mut self, entry: &JournalEntry) {
        let edit = Edit { base: entry.clone(), text: entry.text.clone(), private: entry.private };
        self.0.insert(entry.id.clone(), edit);
    }

    /// Keeps what has been typed so far.
    pub fn update(&mut self, id: &RecordId, text: String, private: bool) {
        if let Some(e) = self.0.get_mut(id) {
            (e.text, e.private) = (text, private);
        }
    }

    /// Ends an edit, returning it.
    pub fn end(&mut self, id: &RecordId) -> Option<Edit> {
        self.0.remove(id)
    }

    /// Whether no edit is in progress.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn record_of(id: &RecordId, e: &Edit) -> EditDraftRecord {
    EditDraftRecord {
        id: id.to_string(),
        text: e.text.clone(),
        private: e.private,
        base_edited: e.base.edited.timestamp_millis(),
        base_text: e.base.text.clone(),
        created: Some(e.base.created.timestamp_millis()),
        stage: Some(e.base.stage),
    }
}

/// Joins two texts without losing either: a text already there as a whole paragraph
/// once, the longer when one goes on from the other (a tab's copy typed further), else
/// both, apart.
fn join(mine: &str, theirs: &str) -> String {
    let (a, b) = (mine.trim_end(), theirs.trim());
    if b.is_empty() || a.split("\n\n").any(|p| p.trim() == b) || a.starts_with(theirs.trim_end()) {
        mine.to_owned()
    } else if a.trim().is_empty() || theirs.starts_with(a) {
        theirs.to_owned()
    } else {
        format!("{a}\n\n{b}")
    }
}

/// This tab's draft with the drafts of `others` added after it (their prompt and session
/// are used only when this tab has none).
pub fn merge_drafts(mine: Option<DraftRecord>, others: &[TabWork]) -> Option<DraftRecord> {
    let mut out = mine;
    for theirs in others.iter().filter_map(|w| w.draft.as_ref()) {
        out = Some(match out {
            None => theirs.clone(),
            Some(d) if d.text.trim().is_empty() => theirs.clone(),
            Some(d) => DraftRecord { text: join(&d.text, &theirs.text), ..d },
        });
    }
    out.filter(|d| !d.text.trim().is_empty())
}

/// This tab's edit records with those of `others` added: one per entry; when two tabs
/// edited the same entry differently, both texts are kept in it.
pub fn merge_edits(mine: Vec<EditDraftRecord>, others: &[TabWork]) -> Vec<EditDraftRecord> {
    let mut out = mine;
    for theirs in others.iter().flat_map(|w| &w.edits) {
        match out.iter_mut().find(|e| e.id == theirs.id) {
            Some(e) => e.text = join(&e.text, &theirs.text),
            None => out.push(theirs.clone()),
        }
    }
    out
}

/// This tab's forms with those of `others` added: a form or a field only they have is
/// taken as it is; a field both typed differently keeps both texts.
pub fn merge_forms(mine: FormsRecord, others: &[TabWork]) -> FormsRecord {
    let mut out = mine;
    for (form, theirs) in others.iter().flat_map(|w| &w.forms) {
        let draft = out.entry(form.clone()).or_default();
        for (field, text) in &theirs.fields {
            let joined = match draft.fields.get(field) {
                Some(here) => join(here, text),
                None => text.clone(),
            };
            draft.fields.insert(field.clone(), joined);
        }
    }
    out.retain(|_, f| !f.is_blank());
    out
}

/// The entry an edit becomes when the entry it edits was deleted elsewhere: its text
/// as a new entry with the original's creation time and stage. `None` when nothing was
/// changed in the edit, so the deletion stands.
pub fn orphan_entry(
    edit: &EditDraftRecord,
    id: RecordId,
    now: DateTime<Utc>,
    stage: Stage,
) -> Option<JournalEntry> {
    if edit.text.trim() == edit.base_text.trim() || edit.text.trim().is_empty() {
        return None;
    }
    let draft = EntryDraft { text: edit.text.clone(), private: edit.private, ..EntryDraft::default() };
    let mut entry = JournalEntry::new(id, now, edit.stage.unwrap_or(stage), draft).ok()?;
    if let Some(created) = edit.created.and_then(|c| crate::domain::when::instant(c).ok()) {
        entry.created = created.min(now);
    }
    Some(entry)
}

impl JournalRepo {
    /// Takes over the text in progress of tabs that are gone: stores `draft`, `edits`
    /// and `forms` (already merged with theirs) under this tab's keys, and only once that
    /// is stored removes theirs. On failure their keys stay as they were.
    pub fn adopt(
        &self,
        draft: Option<&DraftRecord>,
        write_draft: bool,
        edits: &[EditDraftRecord],
        forms: &FormsRecord,
        others: &[TabWork],
    ) -> Result<(), StorageError> {
        if others.is_empty() {
            return Ok(());
        }
        if write_draft {
            self.save_draft(draft.unwrap_or(&DraftRecord::default()))?;
        }
        self.save_edits(edits)?;
        if others.iter().any(|w| !w.forms.is_empty()) {
            self.save_forms(forms)?;
        }
        let me = self.tab();
        for w in others.iter().filter(|w| w.tab != me) {
            self.remove_if_read(&self.keys().draft_of(&w.tab), |raw| DraftRecord::read(raw).is_ok())?;
            self.remove_if_read(&self.keys().edits_of(&w.tab), |raw| {
                EditDraftRecord::read_list(raw).is_ok()
            })?;
            if !w.tab.is_empty() {
                self.remove_if_read(&self.keys().forms_of(&w.tab), |raw| {
                    serde_json::from_str::<FormsRecord>(raw).is_ok()
                })?;
            }
        }
        Ok(())
    }

    /// Removes `key` once its text is taken over, unless it does not read (`reads`): a
    /// value that could not be read (nor set aside) was never taken over, and stays.
    fn remove_if_read(&self, key: &str, reads: fn(&str) -> bool) -> Result<(), StorageError> {
        match self.store().get(key)? {
            Some(raw) if !reads(&raw) => Ok(()),
            Some(_) => self.store().remove(key),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;
