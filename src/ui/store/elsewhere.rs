//! Other tabs' changes to this journal, as the `storage` event names them (`tabs.rs`
//! listens): queued in order, and followed by the archive's chunk once it is in, where
//! reading any kind and merging text in progress live, so the first screen carries neither.
//!
//! Must never drop or reorder a change: one the chunk cannot follow yet waits, with every
//! change after it, for the next call (the archive's Try again).

use super::JournalStore;
use crate::domain::{Kind, RecordId};
use crate::storage::keys::KeyKind;
use crate::storage::sync::Applied;
use crate::ui::shell::parts;
use leptos::prelude::*;

impl JournalStore {
    /// Another tab changed `key` (`sent`: the value its event carried). Following it reads
    /// any kind and merges text in progress: that code is in the archive's chunk, so the
    /// change waits, in order with the others, until the prefetch has brought it (at once
    /// after that). If the chunk did not load, the changes wait for the archive's retry.
    pub(super) fn changed_elsewhere(&self, key: String, sent: Option<String>) {
        let store = *self;
        let scheduled = self.elsewhere.try_update_value(|q| {
            q.changes.push((key, sent));
            std::mem::replace(&mut q.scheduled, true)
        });
        if scheduled == Some(false) {
            parts::after_prefetch(move || store.follow_elsewhere());
        }
    }

    /// Follows the changes other tabs made, in the order they came (see
    /// [`JournalStore::changed_elsewhere`]). If the archive's chunk is not in, they all
    /// keep waiting, in order, for the next call (the archive's Try again).
    pub(super) fn follow_elsewhere(&self) {
        if self.journal.is_disposed() {
            return; // unmounted (locked) meanwhile: the next start reads everything
        }
        let Some(changes) = self.elsewhere.try_update_value(|q| {
            q.scheduled = false;
            std::mem::take(&mut q.changes)
        }) else {
            return;
        };
        let mut changes = changes.into_iter();
        while let Some((key, sent)) = changes.next() {
            if parts::follow_change(*self, key.clone(), sent.clone()).is_none() {
                // The archive's chunk did not load: these wait for its retry.
                let mut rest = vec![(key, sent)];
                rest.extend(changes);
                self.elsewhere.update_value(|q| {
                    rest.append(&mut q.changes);
                    q.changes = rest;
                });
                return;
            }
        }
    }

    /// Takes another tab's change of `key` into the journal: what storage holds now is the
    /// truth, not the event's value `sent` (it may be late). Called only from the
    /// archive's chunk (`shell::parts::follow_change`), so its code is there.
    pub(crate) fn apply_elsewhere(&self, key: String, sent: Option<String>) {
        let store = *self;
        let keys = store.repo.with_value(|r| r.keys().clone());
        let value = store.repo.with_value(|r| r.raw(&key)).unwrap_or(sent);
        // An entry is deleted when it goes from the journal: its key removed, or a
        // tombstone written (a folded key's removal leaves its archived version).
        let entry = match keys.classify(&key) {
            Some(KeyKind::Record(Kind::Entry, id)) => RecordId::parse(id).ok(),
            _ => None,
        };
        let had = |store: JournalStore, id: &RecordId| {
            store.journal.with_untracked(|j| j.get_any(Kind::Entry, id).is_some())
        };
        let had_entry = entry.as_ref().is_some_and(|id| had(store, id));
        let mut month = None;
        store.journal.update(|j| {
            match store.repo.with_value(|r| r.apply_change(j, &key, value.as_deref())) {
                Applied::Unreadable(reason) => {
                    leptos::logging::warn!("Afterglow: another tab wrote an unreadable {key}: {reason}");
                }
                Applied::Month(m) => month = Some(m),
                Applied::Later => store.repo.with_value(|r| r.defer(&key)),
                _ => {}
            }
        });
        if let Some(m) = month {
            store.month_changed_elsewhere(m);
        }
        if let Some(id) = entry.filter(|id| had_entry && !had(store, id)) {
            store.entry_deleted_elsewhere(&id);
        }
    }
}
