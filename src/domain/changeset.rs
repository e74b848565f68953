//! Restores as sets of changes: what merging or replacing with a backup does to each
//! record, and what undoing it does, as plain values the repository can write
//! all-or-nothing and the screen can show.
//!
//! A [`ChangeSet`] names every record it touches with the version before and after, so an
//! undo can take back exactly what the restore did and nothing written since: a record
//! changed after the restore keeps its newer version. Pure: no I/O, no clock.

use super::kinds::{AnyRecord, Batch, Kind};
use super::{Journal, RecordId, Stage};
use std::collections::HashMap;

/// One record's change: `None` before is an addition, `None` after a removal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The record's kind.
    pub kind: Kind,
    /// The record's id.
    pub id: RecordId,
    /// The version before the change.
    pub before: Option<AnyRecord>,
    /// The version after it.
    pub after: Option<AnyRecord>,
}

/// The settings a restore can change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The current stage.
    pub stage: Stage,
    /// Pinned prompts.
    pub pinned: Vec<String>,
}

impl Settings {
    /// A journal's restorable settings.
    pub fn of(journal: &Journal) -> Self {
        Settings { stage: journal.stage, pinned: journal.pinned.clone() }
    }

    fn apply(&self, journal: &mut Journal) {
        journal.stage = self.stage;
        journal.pinned = self.pinned.clone();
    }
}

/// Changes to records and settings, to be written together or not at all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangeSet {
    /// Record changes, each record at most once.
    pub changes: Vec<Change>,
    /// Settings before and after, when they change.
    pub settings: Option<(Settings, Settings)>,
}

impl ChangeSet {
    /// Whether nothing changes.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.settings.is_none()
    }

    /// Saving `records` (new or changed) and removing `removed` from `journal`, as one
    /// change: each record named once, with its version before. A removal of a record
    /// `journal` does not hold is left out.
    pub fn of(journal: &Journal, records: Vec<AnyRecord>, removed: &[(Kind, RecordId)]) -> ChangeSet {
        let mut changes: Vec<Change> = Vec::with_capacity(records.len() + removed.len());
        for r in records {
            let (kind, id) = (r.kind(), r.id().clone());
            let before = journal.get_any(kind, &id);
            changes.retain(|c| !(c.kind == kind && c.id == id));
            changes.push(Change { kind, id, before, after: Some(r) });
        }
        for (kind, id) in removed {
            let Some(before) = journal.get_any(*kind, id) else { continue };
            if !changes.iter().any(|c| c.kind == *kind && &c.id == id) {
                changes.push(Change { kind: *kind, id: id.clone(), before: Some(before), after: None });
            }
        }
        ChangeSet { changes, settings: None }
    }

    /// Leaves out of the pins a restore would write each one `known` does not name (a
    /// file's made-up ids, a prompt no longer offered), but any pinned already.
    pub fn keep_known_pins(&mut self, known: &dyn Fn(&str) -> bool) {
        let unchanged = match &mut self.settings {
            Some((before, after)) => {
                let had: std::collections::HashSet<&str> = before.pinned.iter().map(String::as_str).collect();
                after.pinned.retain(|p| had.contains(p.as_str()) || known(p));
                before == after
            }
            None => false,
        };
        if unchanged {
            self.settings = None;
        }
    }

    /// What these changes removed, as they were: what an undo brings back.
    pub fn removed(&self) -> Vec<AnyRecord> {
        self.changes.iter().filter(|c| c.after.is_none()).filter_map(|c| c.before.clone()).collect()
    }

    /// `journal` with these changes made.
    pub fn applied_to(&self, journal: &Journal) -> Journal {
        let mut out = journal.clone();
        self.apply_to(&mut out);
        out
    }

    /// Makes these changes in `journal`.
    pub fn apply_to(&self, out: &mut Journal) {
        let mut batch = Batch::default();
        let mut gone = std::collections::HashSet::new();
        for c in &self.changes {
            if c.before.is_some() {
                gone.insert((c.kind, c.id.clone()));
            }
            if let Some(after) = &c.after {
                batch.push(after.clone());
            }
        }
        out.remove_all(&gone);
        out.upsert_batch(batch);
        if let Some((_, after)) = &self.settings {
            after.apply(out);
        }
    }
}

/// What a merge did, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Records that were new.
    pub added: usize,
    /// Records the file had a newer edit of.
    pub updated: usize,
    /// Records where this journal's version was newer (or the same) and was kept.
    pub kept: usize,
}

fn index(journal: &Journal) -> HashMap<(Kind, RecordId), AnyRecord> {
    journal.all_records().into_iter().map(|r| ((r.kind(), r.id().clone()), r)).collect()
}

/// Merging `file` into `current`: by record id, the newer edit wins, nothing duplicated;
/// the journal's own stage is kept and pins are combined.
pub fn merge(current: &Journal, file: &Journal) -> (ChangeSet, MergeReport) {
    let mut existing = index(current);
    let mut report = MergeReport::default();
    let mut set = ChangeSet::default();
    let mut seen: HashMap<(Kind, RecordId), usize> = HashMap::new();
    for record in file.all_records() {
        let key = (record.kind(), record.id().clone());
        match existing.get(&key) {
            Some(mine) if mine.edited() >= record.edited() => report.kept += 1,
            found => {
                if found.is_some() {
                    report.updated += 1;
                } else {
                    report.added += 1;
                }
                let change = Change {
                    kind: key.0,
                    id: key.1.clone(),
                    before: found.cloned(),
                    after: Some(record.clone()),
                };
                // A file holds each id once (reading it deduplicates), but stay exact.
                match seen.get(&key) {
                    Some(&i) => {
                        if let Some(change) = set.changes.get_mut(i) {
                            change.after = Some(record.clone());
                        }
                    }
                    None => {
                        seen.insert(key.clone(), set.changes.len());
                        set.changes.push(change);
                    }
                }
                existing.insert(key, record);
            }
        }
    }
    // Linear: a file with many pins is combined in one pass, each pin once.
    let mut pinned = current.pinned.clone();
    let mut seen: std::collections::HashSet<&str> = current.pinned.iter().map(String::as_str).collect();
    for pin in &file.pinned {
        if seen.insert(pin.as_str()) {
            pinned.push(pin.clone());
        }
    }
    if pinned != current.pinned {
        set.settings = Some((Settings::of(current), Settings { stage: current.stage, pinned }));
    }
    (set, report)
}

/// Replacing `current` with `file`: every record of the file, nothing else, and its
/// stage and pins.
pub fn replace(current: &Journal, file: &Journal) -> ChangeSet {
    let mut existing = index(current);
    let mut set = ChangeSet::default();
    for record in file.all_records() {
        let key = (record.kind(), record.id().clone());
        let before = existing.remove(&key);
        if before.as_ref() != Some(&record) {
            set.changes.push(Change { kind: key.0, id: key.1, before, after: Some(record) });
        }
    }
    let mut gone: Vec<_> = existing.into_iter().collect();
    super::order::sort_by(&mut gone, |a, b| a.0.cmp(&b.0));
    for ((kind, id), record) in gone {
        set.changes.push(Change { kind, id, before: Some(record), after: None });
    }
    let (from, to) = (Settings::of(current), Settings::of(file));
    if from != to {
        set.settings = Some((from, to));
    }
    set
}

/// What undoing a restore will do, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UndoReport {
    /// Records the restore added that are taken out again.
    pub removed: usize,
    /// Records the restore changed or removed that are put back as they were.
    pub put_back: usize,
    /// Records changed since the restore, kept as they are now.
    pub kept_newer: usize,
}

/// Undoing `restore` on the journal as it is now: each record the restore touched goes
/// back to its version before, unless it has changed since (then the newer one stays);
/// records the restore did not touch, such as everything written after it, are left
/// alone. Settings go back only if they are still as the restore left them.
pub fn undo(current: &Journal, restore: &ChangeSet) -> (ChangeSet, UndoReport) {
    let mut set = ChangeSet::default();
    let mut report = UndoReport::default();
    let mut now_by_id = index(current);
    for c in &restore.changes {
        let now = now_by_id.remove(&(c.kind, c.id.clone()));
        if now != c.after {
            report.kept_newer += 1;
            continue;
        }
        if c.before.is_none() {
            report.removed += 1;
        } else {
            report.put_back += 1;
        }
        set.changes.push(Change { kind: c.kind, id: c.id.clone(), before: now, after: c.before.clone() });
    }
    if let Some((before, after)) = &restore.settings {
        let now = Settings::of(current);
        if &now == after {
            set.settings = Some((now, before.clone()));
        }
    }
    (set, report)
}

#[cfg(test)]
mod tests;
