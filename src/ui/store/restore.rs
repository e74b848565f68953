//! Restoring a backup: merge it into the journal (by id, newer edit wins) or replace the
//! journal with it, writing only the records that differ, and undo the last restore.
//! If a write fails part-way, the journal is reloaded from storage so the screen shows
//! exactly what is kept.

use super::JournalStore;
use crate::domain::{
    ActionStep, CheckIn, DosingSession, Insight, Journal, JournalEntry, QuestionnaireResult, Record,
};
use crate::export::backup::{self, MergeReport};
use crate::storage::{StorageError, Stored};
use leptos::prelude::*;

fn sync_kind<T: Stored + Record + PartialEq>(
    repo: &crate::storage::JournalRepo,
    from: &[T],
    to: &[T],
) -> Result<(), StorageError> {
    for record in to {
        if from.iter().find(|r| r.id() == record.id()) != Some(record) {
            repo.save(record)?;
        }
    }
    for record in from {
        if !to.iter().any(|r| r.id() == record.id()) {
            repo.delete::<T>(record.id())?;
        }
    }
    Ok(())
}

impl JournalStore {
    /// Makes storage hold `to` where it held `from`.
    fn sync(&self, from: &Journal, to: &Journal) -> Result<(), StorageError> {
        self.repo.with_value(|repo| {
            sync_kind::<JournalEntry>(repo, from.entries(), to.entries())?;
            sync_kind::<DosingSession>(repo, from.sessions(), to.sessions())?;
            sync_kind::<Insight>(repo, from.insights(), to.insights())?;
            sync_kind::<ActionStep>(repo, from.steps(), to.steps())?;
            sync_kind::<CheckIn>(repo, from.check_ins(), to.check_ins())?;
            sync_kind::<QuestionnaireResult>(repo, from.results(), to.results())?;
            if (from.stage, &from.pinned) != (to.stage, &to.pinned) {
                repo.save_prefs(to)?;
            }
            Ok(())
        })
    }

    /// Moves the journal to `to`, in storage and on screen; on a failed write, reloads
    /// what storage holds and says why.
    fn move_to(&self, to: Journal) -> bool {
        let from = self.journal.get_untracked();
        match self.sync(&from, &to) {
            Ok(()) => {
                self.journal.set(to);
                true
            }
            Err(e) => {
                if let Ok(loaded) = self.repo.with_value(|repo| repo.load()) {
                    self.journal.set(loaded.journal);
                }
                self.say(format!("The restore could not finish: {e}"), true);
                false
            }
        }
    }

    /// Merges a checked backup into the journal. Returns what happened, for the message.
    pub fn restore_merge(&self, file: &Journal) -> Option<MergeReport> {
        if self.refuse_if_read_only("nothing can be restored into it") {
            return None;
        }
        let before = self.journal.get_untracked();
        let mut merged = before.clone();
        let report = backup::merge(&mut merged, file);
        self.move_to(merged).then(|| {
            self.last_restore.set_value(Some(before));
            report
        })
    }

    /// Replaces the whole journal with a checked backup.
    pub fn restore_replace(&self, file: Journal) -> bool {
        if self.refuse_if_read_only("nothing can be restored into it") {
            return false;
        }
        let before = self.journal.get_untracked();
        let done = self.move_to(file);
        if done {
            self.last_restore.set_value(Some(before));
        }
        done
    }

    /// Whether a restore can be undone.
    pub fn can_undo_restore(&self) -> bool {
        self.last_restore.with_value(Option::is_some)
    }

    /// Puts the journal back as it was before the last restore.
    pub fn undo_restore(&self) {
        if let Some(before) = self.last_restore.get_value() {
            if self.move_to(before) {
                self.last_restore.set_value(None);
                self.say("The restore was undone: your journal is as it was before.", false);
            }
        }
    }
}
