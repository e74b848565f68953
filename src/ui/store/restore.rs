//! Restoring a backup: merge it into the journal (by id, newer edit wins) or replace the
//! journal with it, and undo the last restore. The plan is plain Rust
//! (`domain::changeset`) and the repository writes it all-or-nothing
//! (`JournalRepo::apply`); this file only connects them to the signal and the notice.
//!
//! Must never change the signal unless storage holds the change.

use super::JournalStore;
use crate::domain::changeset::{self, ChangeSet, MergeReport};
use crate::domain::Journal;
use crate::i18n::{tr, tr_count, tr_with, Text, T};
use crate::storage::{ApplyError, QUOTA_UNITS};
use leptos::prelude::*;

impl JournalStore {
    /// Writes `set` and, once storage holds it, shows it.
    fn apply_set(&self, set: &ChangeSet) -> Result<(), ApplyError> {
        let result = crate::ui::shell::perf::timed("ag:restore", || self.write_set(set));
        crate::ui::shell::perf::mark_memory();
        result
    }

    fn write_set(&self, set: &ChangeSet) -> Result<(), ApplyError> {
        let next = self.journal.with_untracked(|current| {
            // Closed months are written packed, as the device that made the backup held
            // them (the compressor is in the chunks that restore, not the first screen).
            // The journal after the restore is made once: the packing reads it too.
            let next = set.applied_to(current);
            let compress: &dyn Fn(&str) -> String = &crate::storage::codec::compress;
            self.repo.with_value(|repo| repo.apply_packing(set, current, &next, QUOTA_UNITS, compress))?;
            Ok::<_, ApplyError>(next)
        })?;
        self.journal.set(next);
        Ok(())
    }

    /// Pins of prompts this journal does not offer are not brought in.
    fn keep_known_pins(&self, set: &mut ChangeSet) {
        self.config.with_library(|library| set.keep_known_pins(&|id| library.get(id).is_some()));
    }

    fn refused(&self, subject: Text, e: &ApplyError) {
        if matches!(e, ApplyError::Partial(_)) {
            self.reload();
        }
        self.say(e.sentence(subject), true);
    }

    /// Merges a checked backup into the journal. Returns what happened, for the message.
    pub fn restore_merge(&self, file: &Journal) -> Option<MergeReport> {
        if self.refuse_if_read_only(T::store_ro_restore) {
            return None;
        }
        let (mut set, report) = self.journal.with_untracked(|j| changeset::merge(j, file));
        self.keep_known_pins(&mut set);
        match self.apply_set(&set) {
            Ok(()) => {
                self.last_restore.set(Some(set));
                Some(report)
            }
            Err(e) => {
                self.refused(T::subject_backup, &e);
                None
            }
        }
    }

    /// Replaces the whole journal with a checked backup.
    pub fn restore_replace(&self, file: Journal) -> bool {
        if self.refuse_if_read_only(T::store_ro_restore) {
            return false;
        }
        let mut set = self.journal.with_untracked(|j| changeset::replace(j, &file));
        self.keep_known_pins(&mut set);
        match self.apply_set(&set) {
            Ok(()) => {
                self.last_restore.set(Some(set));
                true
            }
            Err(e) => {
                self.refused(T::subject_backup, &e);
                false
            }
        }
    }

    /// Whether a restore can be undone (reactive).
    pub fn can_undo_restore(&self) -> bool {
        self.last_restore.with(Option::is_some)
    }

    /// Takes back what the last restore did, keeping everything written or changed since.
    /// On failure (a full quota) nothing changes and the undo stays available.
    pub fn undo_restore(&self) {
        let Some(restore) = self.last_restore.get_untracked() else { return };
        let (set, report) = self.journal.with_untracked(|j| changeset::undo(j, &restore));
        if let Err(e) = self.apply_set(&set) {
            self.refused(T::subject_undo, &e);
            return;
        }
        self.last_restore.set(None);
        let mut parts = Vec::new();
        if report.removed > 0 {
            parts.push(tr_count(report.removed, T::store_undo_removed_one, T::store_undo_removed_other));
        }
        if report.put_back > 0 {
            parts.push(tr_count(report.put_back, T::store_undo_put_back_one, T::store_undo_put_back_other));
        }
        let done = if parts.is_empty() { tr(T::store_undo_nothing).to_owned() } else { parts.join(", ") };
        let mut said = tr_with(T::store_undo_done, &[("done", &done)]);
        if report.kept_newer > 0 {
            said = format!(
                "{said} {}",
                tr_count(report.kept_newer, T::store_undo_kept_one, T::store_undo_kept_other)
            );
        }
        self.say(said, false);
    }
}
