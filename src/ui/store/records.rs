//! Changes to records: add, edit, delete with undo, for entries, sessions, insights,
//! steps, check-ins and questionnaire results. Each saves first and updates the journal
//! signal only when the save succeeded.

use super::{new_id, now, JournalStore, Notice};
use crate::domain::{
    ActionStep, AnyRecord, CheckIn, DosingSession, EntryDraft, Insight, Instrument, Journal, JournalEntry,
    Kind, QuestionnaireResult, RecordId, Route, Stage, Upsert,
};
use crate::storage::sync::{save_edit, EditSaved};
use crate::storage::Stored;
use chrono::NaiveDate;
use leptos::prelude::*;

impl JournalStore {
    /// Saves `record`, then puts it in the journal with `insert`. On failure nothing
    /// changes on screen and the message says why.
    pub(super) fn persist<T: Stored>(
        &self,
        record: T,
        insert: fn(&mut Journal, T) -> Upsert,
    ) -> Result<(), String> {
        self.repo.with_value(|repo| repo.save(&record)).map_err(|e| e.to_string())?;
        self.journal.update(|j| {
            insert(j, record);
        });
        Ok(())
    }

    pub(super) fn fail(&self, result: Result<(), String>) -> bool {
        match result {
            Ok(()) => true,
            Err(message) => {
                self.say(message, true);
                false
            }
        }
    }

    /// Saves a new entry; returns whether it was saved. On failure the caller keeps the text.
    pub fn add_entry(&self, stage: Stage, draft: EntryDraft) -> bool {
        let at = now();
        let result = crate::ui::shell::perf::timed("ag:save", || {
            JournalEntry::new(new_id(at), at, stage, draft)
                .map_err(|e| e.to_string())
                .and_then(|entry| self.persist(entry, Journal::upsert_entry))
        });
        self.fail(result)
    }

    /// Saves new text and privacy for an entry; returns whether it was saved. If another
    /// tab changed the entry meanwhile, both versions are kept and the patient is told.
    pub fn edit_entry(&self, id: &RecordId, text: &str, private: bool) -> bool {
        let Some(base) = self.edit_base(id).or_else(|| self.journal.with_untracked(|j| j.entry(id).cloned()))
        else {
            return false;
        };
        let at = now();
        let edited = match base.edited(at, text, private) {
            Ok(e) => e,
            Err(e) => return self.fail(Err(e.to_string())),
        };
        match self.repo.with_value(|repo| save_edit(repo, &base, &edited, new_id(at))) {
            Ok(saved) => {
                self.journal.update(|j| {
                    j.upsert_entry(edited);
                    if let EditSaved::KeptBoth(copy) = &saved {
                        j.upsert_entry(copy.clone());
                    }
                });
                self.end_edit(id);
                if matches!(saved, EditSaved::KeptBoth(_)) {
                    self.say(
                        "This entry was also changed in another tab. Both versions are kept, side by side.",
                        false,
                    );
                } else {
                    self.say("Changes saved.", false);
                }
                true
            }
            Err(e) => self.fail(Err(e.to_string())),
        }
    }

    /// Deletes one record and offers undo.
    fn delete(&self, kind: Kind, id: &RecordId, what: &str) {
        if let Err(e) = self.repo.with_value(|repo| repo.delete_any(kind, id)) {
            self.say(e.to_string(), true);
            return;
        }
        let mut deleted = None;
        self.journal.update(|j| deleted = j.remove_any(kind, id));
        self.notice.set(Some(Notice { text: format!("{what} deleted."), is_error: false, undo: deleted }));
    }

    /// Deletes an entry and offers to undo it.
    pub fn delete_entry(&self, id: &RecordId) {
        self.delete(Kind::Entry, id, "Entry");
    }

    /// Deletes a session (entries about it keep their text) and offers to undo it.
    pub fn delete_session(&self, id: &RecordId) {
        self.delete(Kind::Session, id, "Session");
    }

    /// Deletes an insight (its steps stay) and offers to undo it.
    pub fn delete_insight(&self, id: &RecordId) {
        self.delete(Kind::Insight, id, "Insight");
    }

    /// Deletes an action step and offers to undo it.
    pub fn delete_step(&self, id: &RecordId) {
        self.delete(Kind::Step, id, "Step");
    }

    /// Deletes a check-in and offers to undo it.
    pub fn delete_check_in(&self, id: &RecordId) {
        self.delete(Kind::CheckIn, id, "Check-in");
    }

    /// Deletes a questionnaire result and offers to undo it.
    pub fn delete_result(&self, id: &RecordId) {
        self.delete(Kind::Result, id, "Questionnaire result");
    }

    /// Saves a check-in made now, in the current stage.
    pub fn add_check_in(
        &self,
        mood: u8,
        anxiety: u8,
        energy: u8,
        sleep_half_hours: Option<u8>,
        emotions: Vec<String>,
        note: String,
    ) -> bool {
        let at = now();
        let stage = self.journal.with_untracked(|j| j.stage);
        let check_in = CheckIn {
            id: new_id(at),
            at,
            stage,
            mood,
            anxiety,
            energy,
            sleep_half_hours,
            emotions,
            note,
            edited: at,
        };
        let result = check_in
            .validated()
            .map_err(|e| e.to_string())
            .and_then(|c| self.persist(c, Journal::upsert_check_in));
        self.fail(result)
    }

    /// Saves changes to a check-in; returns whether they were saved.
    pub fn edit_check_in(&self, mut check_in: CheckIn) -> bool {
        check_in.edited = now().max(check_in.edited + chrono::Duration::milliseconds(1));
        let result = check_in
            .validated()
            .map_err(|e| e.to_string())
            .and_then(|c| self.persist(c, Journal::upsert_check_in));
        self.fail(result)
    }

    /// Saves a completed questionnaire; returns it, or `None` (with a message) when an
    /// answer is missing or saving failed.
    pub fn add_result(&self, instrument: Instrument, answers: &[Option<u8>]) -> Option<QuestionnaireResult> {
        let at = now();
        let result = match QuestionnaireResult::complete(new_id(at), at, instrument, answers) {
            Ok(r) => r,
            Err(e) => {
                self.say(e.to_string(), true);
                return None;
            }
        };
        self.fail(self.persist(result.clone(), Journal::upsert_result)).then_some(result)
    }

    /// Brings back a deleted record exactly as it was.
    pub fn undo(&self, deleted: AnyRecord) {
        let result = self.repo.with_value(|repo| repo.save_any(&deleted)).map_err(|e| e.to_string());
        if self.fail(result) {
            self.journal.update(|j| {
                j.upsert_any(deleted);
            });
            self.say("Restored.", false);
        }
    }

    /// Records a session happening now, numbered next in the course, by the last route
    /// used. "I just had a session" also moves the patient to the dosing stage
    /// (`just_had`); logging one from the sessions list does not. Returns its id.
    pub fn start_session(&self, just_had: bool) -> Option<RecordId> {
        let at = now();
        let (number, route) =
            self.journal.with_untracked(|j| (j.next_session_number(), j.last_session().map(|s| s.route)));
        let session = DosingSession::starting(new_id(at), at, number, route.unwrap_or(Route::default()));
        let id = session.id.clone();
        if !self.fail(self.persist(session, Journal::upsert_session)) {
            return None;
        }
        if just_had {
            self.set_stage(Stage::Dosing);
            self.say(format!("Session {number} logged. Write whatever is there; a word is enough."), false);
        } else {
            self.say(format!("Session {number} added. Set its date and details below."), false);
        }
        Some(id)
    }

    /// Saves a session's details; returns whether it was saved.
    pub fn save_session(&self, mut session: DosingSession) -> bool {
        session.edited = now().max(session.edited + chrono::Duration::milliseconds(1));
        let result = session
            .validate()
            .map_err(|e| e.to_string())
            .and_then(|()| self.persist(session, Journal::upsert_session));
        self.fail(result)
    }

    /// Marks a passage of an entry (or all of it) as an insight.
    pub fn mark_insight(&self, entry: &RecordId, passage: Option<&str>) -> bool {
        let Some(entry) = self.journal.with_untracked(|j| j.entry(entry).cloned()) else { return false };
        let at = now();
        let result = Insight::mark(new_id(at), at, &entry, passage)
            .map_err(|e| e.to_string())
            .and_then(|insight| self.persist(insight, Journal::upsert_insight));
        let saved = self.fail(result);
        if saved {
            self.say("Kept as an insight. You can turn it into an action step under Steps.", false);
        }
        saved
    }

    /// Adds an action step, from an insight or on its own.
    pub fn add_step(&self, insight: Option<RecordId>, text: &str, due: Option<NaiveDate>) -> bool {
        let at = now();
        let result = ActionStep::new(new_id(at), at, insight, text, due)
            .map_err(|e| e.to_string())
            .and_then(|step| self.persist(step, Journal::upsert_step));
        self.fail(result)
    }

    /// Checks a step off, or reopens it.
    pub fn set_step_done(&self, id: &RecordId, done: bool) {
        let Some(step) = self.journal.with_untracked(|j| j.step(id).cloned()) else { return };
        let step = step.set_done(now(), done);
        if self.fail(self.persist(step, Journal::upsert_step)) {
            self.say(if done { "Step done. Well done." } else { "Step reopened." }, false);
        }
    }
}
