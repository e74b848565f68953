//! The journal: the patient's entries and current stage, as one plain value.
//!
//! Holds no signals and does no I/O; the UI owns one `Journal` and persists changes
//! through `storage`.

use super::entry::{EntryId, JournalEntry};
use super::stage::Stage;
use std::cmp::Ordering;

/// Everything the patient has written, newest first, and where they are in treatment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journal {
    /// Newest first by creation time; ties broken by id so the order is total.
    entries: Vec<JournalEntry>,
    /// The stage the patient says they are in now.
    pub stage: Stage,
}

/// What [`Journal::upsert`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upsert {
    /// The entry was new.
    Added,
    /// An older version was replaced.
    Replaced,
    /// The journal already had this version or a newer edit; nothing changed.
    KeptNewer,
}

fn newest_first(a: &JournalEntry, b: &JournalEntry) -> Ordering {
    b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id))
}

impl Journal {
    /// A journal in `stage` holding `entries` in any order; duplicates by id keep the
    /// latest edit.
    pub fn from_entries(stage: Stage, entries: impl IntoIterator<Item = JournalEntry>) -> Self {
        let mut journal = Journal { entries: Vec::new(), stage };
        for entry in entries {
            journal.upsert(entry);
        }
        journal
    }

    /// All entries, newest first.
    pub fn entries(&self) -> &[JournalEntry] {
        &self.entries
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing has been written yet.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    pub fn get(&self, id: &EntryId) -> Option<&JournalEntry> {
        self.entries.iter().find(|e| &e.id == id)
    }

    /// Adds an entry, or replaces the stored version of it when `entry` is a newer edit.
    /// An older or equal edit never overwrites a newer one, so merging is order-free.
    pub fn upsert(&mut self, entry: JournalEntry) -> Upsert {
        if let Some(i) = self.entries.iter().position(|e| e.id == entry.id) {
            if self.entries[i].edited >= entry.edited {
                return Upsert::KeptNewer;
            }
            self.entries.remove(i);
            self.insert_sorted(entry);
            return Upsert::Replaced;
        }
        self.insert_sorted(entry);
        Upsert::Added
    }

    /// Removes the entry with this id and returns it.
    pub fn remove(&mut self, id: &EntryId) -> Option<JournalEntry> {
        let i = self.entries.iter().position(|e| &e.id == id)?;
        Some(self.entries.remove(i))
    }

    fn insert_sorted(&mut self, entry: JournalEntry) {
        let at = self.entries.binary_search_by(|probe| newest_first(probe, &entry)).unwrap_or_else(|i| i);
        self.entries.insert(at, entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn entry(id: &str, minute: u32, edited_minute: u32, text: &str) -> JournalEntry {
        let at = |m| Utc.with_ymd_and_hms(2026, 11, 25, 9, m, 0).unwrap();
        JournalEntry {
            id: EntryId::parse(id).unwrap(),
            created: at(minute),
            edited: at(edited_minute),
            stage: Stage::Dosing,
            prompt: None,
            text: text.to_owned(),
            private: false,
        }
    }

    fn ids(journal: &Journal) -> Vec<&str> {
        journal.entries().iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn entries_are_newest_first_whatever_the_insert_order() {
        let journal = Journal::from_entries(
            Stage::Dosing,
            [entry("b", 2, 2, "two"), entry("c", 3, 3, "three"), entry("a", 1, 1, "one")],
        );
        assert_eq!(ids(&journal), ["c", "b", "a"]);
    }

    #[test]
    fn upsert_keeps_the_newer_edit_in_either_order() {
        let old = entry("a", 1, 1, "first draft");
        let new = entry("a", 1, 5, "edited");
        let mut j1 = Journal::default();
        assert_eq!(j1.upsert(old.clone()), Upsert::Added);
        assert_eq!(j1.upsert(new.clone()), Upsert::Replaced);
        let mut j2 = Journal::default();
        j2.upsert(new.clone());
        assert_eq!(j2.upsert(old), Upsert::KeptNewer);
        assert_eq!(j1, j2);
        assert_eq!(j1.len(), 1);
        assert_eq!(j1.entries()[0].text, "edited");
    }

    #[test]
    fn remove_returns_the_entry() {
        let mut journal = Journal::from_entries(Stage::Dosing, [entry("a", 1, 1, "x")]);
        let id = EntryId::parse("a").unwrap();
        assert_eq!(journal.remove(&id).map(|e| e.text), Some("x".to_owned()));
        assert!(journal.is_empty());
        assert_eq!(journal.remove(&id), None);
    }
}
