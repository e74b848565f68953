//! The journal open in more than one tab: following the other tabs' changes through the
//! `storage` event, and keeping an edit in progress (with the version it started from)
//! safe while its row re-renders for another tab's change.

use super::JournalStore;
use crate::domain::{Journal, JournalEntry, RecordId};
use crate::storage::record::EditDraftRecord;
use crate::storage::sync::{apply_change, Applied};
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

impl JournalStore {
    /// Follows changes other tabs make to this journal (the `storage` event fires only in
    /// the other tabs), until the app is unmounted.
    pub fn follow_other_tabs(&self) {
        let store = *self;
        let listener = window_event_listener_untyped("storage", move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else { return };
            let Some(key) = ev.key() else {
                // Another tab cleared storage: read again what is left.
                store.reload();
                return;
            };
            let keys = store.repo.with_value(|r| r.keys().clone());
            let value = ev.new_value();
            store.journal.update(|j| {
                if let Applied::Unreadable(reason) = apply_change(j, &keys, &key, value.as_deref()) {
                    leptos::logging::warn!("Afterglow: another tab wrote an unreadable {key}: {reason}");
                }
            });
        });
        let flush = window_event_listener(leptos::ev::pagehide, move |_| {
            if store.edits_timer.get_value().is_some() {
                store.persist_edits();
            }
        });
        on_cleanup(move || {
            listener.remove();
            flush.remove();
        });
    }

    /// The edit in progress for an entry: its text and privacy so far.
    pub fn edit_in_progress(&self, id: &RecordId) -> Option<(String, bool)> {
        self.edits.with_value(|m| m.get(id).map(|(_, t, p)| (t.clone(), *p)))
    }

    /// Starts editing `entry` (remembering the version the edit starts from).
    pub fn begin_edit(&self, entry: &JournalEntry) {
        self.edits.update_value(|m| {
            m.insert(entry.id.clone(), (entry.clone(), entry.text.clone(), entry.private));
        });
        self.persist_edits();
    }

    /// Keeps what has been typed into an edit so far (written to storage after a pause).
    pub fn update_edit(&self, id: &RecordId, text: String, private: bool) {
        self.edits.update_value(|m| {
            if let Some(e) = m.get_mut(id) {
                (e.1, e.2) = (text, private);
            }
        });
        if let Some(handle) = self.edits_timer.get_value() {
            handle.clear();
        }
        let store = *self;
        let handle =
            set_timeout_with_handle(move || store.persist_edits(), std::time::Duration::from_millis(400))
                .ok();
        self.edits_timer.set_value(handle);
    }

    /// Ends an edit (saved or cancelled).
    pub fn end_edit(&self, id: &RecordId) {
        self.edits.update_value(|m| drop(m.remove(id)));
        self.persist_edits();
    }

    /// Writes the edits in progress now (also when the page is hidden or closed).
    pub fn persist_edits(&self) {
        if let Some(handle) = self.edits_timer.get_value() {
            handle.clear();
            self.edits_timer.set_value(None);
        }
        let records: Vec<EditDraftRecord> = self.edits.with_value(|m| {
            m.iter()
                .map(|(id, (base, text, private))| EditDraftRecord {
                    id: id.to_string(),
                    text: text.clone(),
                    private: *private,
                    base_edited: base.edited.timestamp_millis(),
                    base_text: base.text.clone(),
                })
                .collect()
        });
        let result = self.repo.with_value(|r| r.save_edits(&records));
        self.report(result.map_err(|e| e.to_string()));
    }

    /// The version an edit started from, when one is in progress.
    pub(super) fn edit_base(&self, id: &RecordId) -> Option<JournalEntry> {
        self.edits.with_value(|m| m.get(id).map(|(base, ..)| base.clone()))
    }

    /// Reads the journal again from storage.
    pub fn reload(&self) {
        if let Ok(loaded) = self.repo.with_value(|repo| repo.load()) {
            self.journal.set(loaded.journal);
        }
    }
}

/// Rebuilds the edits left unsaved at the last visit, each with the version it started
/// from (its edit time and text), so saving still keeps another tab's change beside it.
/// An edit whose entry is gone is dropped.
pub(super) fn restore_edits(
    journal: &Journal,
    saved: &[EditDraftRecord],
) -> HashMap<RecordId, (JournalEntry, String, bool)> {
    saved
        .iter()
        .filter_map(|e| {
            let id = RecordId::parse(&e.id).ok()?;
            let mut base = journal.entry(&id)?.clone();
            base.edited = crate::domain::when::instant(e.base_edited).ok()?;
            base.text = e.base_text.clone();
            Some((id, (base, e.text.clone(), e.private)))
        })
        .collect()
}
