//! Text in progress across tabs and failures: listening for the other tabs' changes (the
//! `storage` event, followed in `elsewhere.rs`); this tab's edits of saved entries (kept per tab, see
//! `storage::in_progress`); taking over the text of tabs that are gone; an edit whose
//! entry another tab deleted kept as a new entry; and, when storage is full, a copy of
//! unsaved text in this tab's `sessionStorage` with a warning before leaving the page.
//!
//! Must never drop text the patient typed: what cannot be stored is kept in the tab, and
//! what cannot be kept there is left on screen with a message that says so.

use super::{new_id, now, JournalStore};
use crate::domain::{JournalEntry, RecordId};
use crate::i18n::{tr, tr_with, T};
use crate::storage::in_progress::{merge_drafts, merge_edits, merge_forms, orphan_entry, Edits, TabWork};
use crate::storage::record::{DraftRecord, EditDraftRecord};
use crate::storage::{tab, StorageError};
use crate::ui::shell::parts;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

impl JournalStore {
    /// Follows changes other tabs make to this journal (the `storage` event fires only in
    /// the other tabs), and guards unsaved text when the page is left, until unmount.
    pub fn follow_other_tabs(&self) {
        let store = *self;
        let listener = window_event_listener_untyped("storage", move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else { return };
            match ev.key() {
                // Another tab cleared storage: read again what is left.
                None => store.reload(),
                Some(key) => store.changed_elsewhere(key, ev.new_value()),
            }
        });
        let flush = window_event_listener(leptos::ev::pagehide, move |_| {
            if store.work.edits_timer.get_value().is_some() {
                store.persist_edits();
            }
            if store.forms_pending() {
                store.persist_forms();
            }
        });
        let guard = window_event_listener_untyped("beforeunload", move |ev| {
            if store.has_unsaved_text() {
                // Asks the browser to confirm leaving; the words are the browser's own.
                ev.prevent_default();
                let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"".into());
            }
        });
        on_cleanup(move || {
            listener.remove();
            flush.remove();
            guard.remove();
            // Unmounted (the journal locked): edits and forms waiting for their timer are
            // saved now, while the store is still there, and the timers cleared.
            if let Some(timer) = store.work.edits_timer.try_update_value(Option::take).flatten() {
                timer.clear();
                store.persist_edits();
            }
            if let Some(timer) = store.work.forms_timer.try_update_value(Option::take).flatten() {
                timer.clear();
                store.persist_forms();
            }
        });
    }

    /// Takes over the text in progress of tabs that are gone (closed, or an older
    /// version's shared keys), once the browser says which tabs are open. Runs once,
    /// right after start-up; a tab that is still open keeps its own text.
    pub(super) fn adopt_gone_tabs(&self, others: Vec<TabWork>) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let open = tab::open_tabs().await;
            if store.journal.is_disposed() {
                return; // unmounted meanwhile
            }
            let mut me = store.repo.with_value(|r| r.tab().to_owned());
            if !tab::held_here() && open.as_ref().is_some_and(|o| o.contains(&me)) {
                // A duplicated tab starts with its original's id: the original keeps it.
                // (Another widget on this page holding it is this tab, not a duplicate.)
                me = tab::renew();
                store.repo.update_value(|r| r.set_tab(&me));
            }
            tab::hold(&me);
            // Without Web Locks every other tab's text is taken over; an open tab
            // writes its own again on its next keystroke, so nothing is lost either way.
            let gone: Vec<TabWork> = others
                .into_iter()
                .filter(|w| w.tab != me && !open.as_ref().is_some_and(|o| o.contains(&w.tab)))
                .collect();
            if gone.is_empty() {
                return;
            }
            // The merging comes with the archive's chunk, the first the prefetch brings.
            // Until it is in, the gone tabs' text stays in their keys; if it never comes,
            // there it stays, for the next visit to take over.
            if let Err(why) = parts::archive_loaded().await {
                leptos::logging::warn!("Afterglow: could not take over another tab's text yet: {why}");
                return;
            }
            if store.journal.is_disposed() {
                return; // unmounted meanwhile: the next start takes their text over
            }
            if parts::take_over_tabs(store, gone).is_none() {
                leptos::logging::warn!("Afterglow: could not take over another tab's text yet");
            }
        });
    }

    /// Takes the text of `gone` tabs into this one ([`JournalStore::adopt_gone_tabs`]).
    /// Called only from the archive's chunk (`shell::parts::take_over_tabs`), so its
    /// code is there, not on the first screen.
    pub(crate) fn take_over_tabs(&self, gone: Vec<TabWork>) {
        let store = *self;
        // The draft key is written only when a gone tab had a draft, and with what this
        // tab holds now (typed since start-up included).
        let had_drafts = gone.iter().any(|w| w.draft.is_some());
        let draft = merge_drafts(store.work.draft.get_value(), &gone);
        let records = merge_edits(store.work.edits.with_value(Edits::records), &gone);
        let (edits, orphans) = store.journal.with_untracked(|j| Edits::from_records(j, &records));
        let forms = merge_forms(store.work.forms.get_value(), &gone);
        store.work.orphans.update_value(|o| o.extend(orphans));
        // Orphans are stored under this tab's key with its edits, so removing the gone
        // tabs' keys never leaves them nowhere.
        let mut keep = edits.records();
        keep.extend(store.work.orphans.get_value());
        let adopted = store.repo.with_value(|r| {
            r.adopt(had_drafts.then_some(draft.as_ref()).flatten(), had_drafts, &keep, &forms, &gone)
        });
        if let Err(e) = adopted {
            leptos::logging::warn!("Afterglow: could not take over another tab's text yet: {e}");
        }
        if had_drafts {
            store.work.draft.set_value(draft);
        }
        store.work.edits.set_value(edits);
        store.tell_edit_rows();
        if gone.iter().any(|w| !w.forms.is_empty()) {
            store.work.forms.set_value(forms);
        }
        if let Some(draft) = merge_drafts(None, &gone) {
            store.deliver_arrived(draft);
        }
        store.settle_orphans();
    }

    /// Another tab deleted an entry this tab is editing: what was typed becomes a new
    /// entry, and the patient is told.
    pub(super) fn entry_deleted_elsewhere(&self, id: &RecordId) {
        let Some(edit) = self.work.edits.with_value(|e| e.get(id).cloned()) else { return };
        self.work.edits.update_value(|e| drop(e.end(id)));
        let record = EditDraftRecord {
            id: id.to_string(),
            text: edit.text,
            private: edit.private,
            base_edited: edit.base.edited.timestamp_millis(),
            base_text: edit.base.text.clone(),
            created: Some(edit.base.created.timestamp_millis()),
            stage: Some(edit.base.stage),
        };
        self.work.orphans.update_value(|o| o.push(record));
        self.settle_orphans();
    }

    /// Keeps each orphaned edit (its entry deleted elsewhere) that changed something as a
    /// new entry. One that cannot be saved stays with the edits in progress, stored under
    /// this tab's key or rescued in the tab, and is tried again next time. Its callers
    /// (taking over gone tabs, another tab's deletion, the archive read) are all in the
    /// archive's chunk, so its code is there, not on the first screen.
    pub(super) fn settle_orphans(&self) {
        let orphans = self.work.orphans.with_value(Clone::clone);
        // An edit's entry may be in a month not read yet: edits are matched against the
        // whole journal only (`rematch_orphans`, once the archive is read).
        if orphans.is_empty() || self.archive.with_untracked(|a| *a != super::ArchiveState::Ready) {
            return;
        }
        let stage = self.journal.with_untracked(|j| j.stage);
        let mut left = Vec::new();
        let mut kept = 0;
        for o in orphans {
            let at = now();
            let Some(entry) = orphan_entry(&o, new_id(at), at, stage) else { continue };
            match self.change(|repo, j| crate::storage::changes::save(repo, j, entry.into())) {
                Ok(()) => kept += 1,
                Err(_) => left.push(o),
            }
        }
        self.work.orphans.set_value(left);
        self.persist_edits();
        if kept > 0 {
            self.say(tr(T::store_orphan_kept), false);
        }
    }

    /// The edit in progress for an entry: its text and privacy so far.
    pub fn edit_in_progress(&self, id: &RecordId) -> Option<(String, bool)> {
        self.work.edits.with_value(|m| m.get(id).map(|e| (e.text.clone(), e.private)))
    }

    /// Starts editing `entry` (remembering the version the edit starts from).
    pub fn begin_edit(&self, entry: &JournalEntry) {
        self.work.edits.update_value(|m| m.begin(entry));
        self.persist_edits();
    }

    /// Keeps what has been typed into an edit so far (written to storage after a pause).
    pub fn update_edit(&self, id: &RecordId, text: String, private: bool) {
        self.work.edits.update_value(|m| m.update(id, text, private));
        if let Some(handle) = self.work.edits_timer.get_value() {
            handle.clear();
        }
        let store = *self;
        let handle =
            set_timeout_with_handle(move || store.persist_edits(), std::time::Duration::from_millis(400))
                .ok();
        self.work.edits_timer.set_value(handle);
    }

    /// Ends an edit (saved or cancelled).
    pub fn end_edit(&self, id: &RecordId) {
        self.work.edits.update_value(|m| drop(m.end(id)));
        self.persist_edits();
    }

    /// Writes the edits in progress now (also when the page is hidden or closed).
    pub fn persist_edits(&self) {
        if let Some(handle) = self.work.edits_timer.get_value() {
            handle.clear();
            self.work.edits_timer.set_value(None);
        }
        let mut records = self.work.edits.with_value(Edits::records);
        records.extend(self.work.orphans.get_value());
        let result = self.repo.with_value(|r| r.save_edits(&records));
        let mut unsaved = self.work.unsaved.get_untracked();
        match result {
            Ok(()) => {
                if !unsaved.edits.is_empty() {
                    unsaved.edits.clear();
                    self.keep_in_tab(unsaved);
                }
            }
            Err(e) => {
                unsaved.edits = records;
                self.report_unsaved(unsaved, e);
            }
        }
    }

    /// Keeps this tab's draft; an empty draft clears it.
    pub fn save_draft(&self, draft: &DraftRecord) {
        let result = self.repo.with_value(|repo| repo.save_draft(draft));
        // What the composer shows when it mounts again (after another view).
        self.work.draft.set_value(Some(draft.clone()).filter(|d| !d.text.trim().is_empty()));
        let mut unsaved = self.work.unsaved.get_untracked();
        match result {
            Ok(()) => {
                if unsaved.draft.take().is_some() {
                    self.keep_in_tab(unsaved);
                }
            }
            Err(e) => {
                unsaved.draft = Some(draft.clone()).filter(|d| !d.text.trim().is_empty());
                self.report_unsaved(unsaved, e);
            }
        }
    }

    /// Text typed here that storage could not hold: kept in the tab, and said so.
    pub(super) fn report_unsaved(&self, unsaved: TabWork, e: StorageError) {
        if !matches!(self.persistence(), super::Persistence::Saved) {
            // Memory-only and read-only modes already say so in the banner.
            return;
        }
        let kept = self.keep_in_tab(unsaved);
        let text = match (&e, kept) {
            (StorageError::QuotaExceeded, true) => tr(T::store_full_tab).to_owned(),
            (_, true) => tr_with(T::store_kept_in_tab, &[("why", &e.to_string())]),
            (_, false) => tr_with(T::store_only_on_screen, &[("why", &e.to_string())]),
        };
        self.say(text, true);
    }

    /// Stores `unsaved` as this tab's rescue copy (or clears it when empty); returns
    /// whether the copy is kept.
    pub(super) fn keep_in_tab(&self, unsaved: TabWork) -> bool {
        let ns = self.config.namespace();
        let kept = tab::rescue(&ns, &unsaved);
        self.work.unsaved.set(unsaved);
        kept
    }

    /// Whether text typed here is not stored in the journal's storage.
    pub fn has_unsaved_text(&self) -> bool {
        self.work.unsaved.with_untracked(|u| u.draft.is_some() || !u.edits.is_empty() || !u.forms.is_empty())
    }

    /// Once the archived months are read: edits whose entry is there now become edits
    /// again (the editor comes back), and only the rest are kept as new entries.
    pub(super) fn rematch_orphans(&self) {
        let orphans = self.work.orphans.with_value(Clone::clone);
        if orphans.is_empty() {
            return;
        }
        let (found, still) = self.journal.with_untracked(|j| Edits::from_records(j, &orphans));
        self.work.orphans.set_value(still);
        if !found.is_empty() {
            self.work.edits.update_value(|e| e.absorb(found));
            self.tell_edit_rows();
        }
        if self.persistence() == super::Persistence::Saved {
            self.settle_orphans();
        }
    }

    /// The version an edit started from, when one is in progress.
    pub(super) fn edit_base(&self, id: &RecordId) -> Option<JournalEntry> {
        self.work.edits.with_value(|m| m.get(id).map(|e| e.base.clone()))
    }

    /// Reads the journal again from storage (its archived months after it).
    pub fn reload(&self) {
        if let Ok(loaded) = self.repo.with_value(|repo| repo.load()) {
            self.journal.set(loaded.journal);
            self.open_archive();
        }
    }
}
