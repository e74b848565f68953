//! Two (or more) tabs on one in-memory store: each holds its journal and the storage
//! events not yet delivered to it. Delivering one event applies it as the browser tab
//! would, reading a changed month whole.

use afterglow::domain::Journal;
use afterglow::storage::codec;
use afterglow::storage::sync::Applied;
use afterglow::storage::{JournalRepo, KeyValueStore, MemoryStore};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// One tab: its journal, its repository, and the keys it has not heard about yet.
pub struct Tab {
    pub journal: Journal,
    pub repo: JournalRepo,
    pub inbox: VecDeque<String>,
}

impl Tab {
    /// A tab with an empty journal on `repo`.
    pub fn new(repo: JournalRepo) -> Self {
        Tab { journal: Journal::default(), repo, inbox: VecDeque::new() }
    }

    /// Delivers the oldest pending event, as the browser would; false when none is left.
    pub fn deliver_one(&mut self, store: &MemoryStore) -> bool {
        let Some(key) = self.inbox.pop_front() else { return false };
        let value = store.get(&key).unwrap();
        if let Applied::Month(month) = self.repo.apply_change(&mut self.journal, &key, value.as_deref()) {
            let key = self.repo.keys().month(&month);
            let value = store.get(&key).unwrap();
            let text = value.as_deref().map(codec::expand);
            self.repo.month_changed(&mut self.journal, &month, value.as_deref(), text).unwrap();
        }
        true
    }

    /// Delivers every pending event.
    pub fn deliver_all(&mut self, store: &MemoryStore) {
        while self.deliver_one(store) {}
    }
}

/// The keys whose values differ between two snapshots of a store (added, changed or
/// removed), in key order: the storage events one write makes.
pub fn changed_keys(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) -> Vec<String> {
    before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}
