//! Changes to records: add, edit, delete with undo, for entries, sessions, insights,
//! steps, check-ins and questionnaire results, and the settings. The logic of each is
//! in `storage::changes` (save first, then change the journal); these methods build the
//! record, run the change on the signal (which notifies only when the change was made)
//! and tell the patient the outcome.
//!
//! Must never change the signal without storage holding the change.

use super::{new_id, now, JournalStore};
use crate::domain::changeset::ChangeSet;
use crate::domain::insight::Area;
use crate::domain::{
    ActionStep, AnyRecord, CheckIn, Checked, DosingSession, EntryDraft, Insight, Instrument, Journal,
    JournalEntry, Kind, QuestionnaireResult, RecordId, Route, Stage,
};
use crate::i18n::{tr, tr_with, T};
use crate::storage::apply::ApplyError;
use crate::storage::changes::{self, Refused};
use crate::storage::record::PrefsRecord;
use crate::storage::sync::EditSaved;
use crate::storage::JournalRepo;
use chrono::NaiveDate;
use leptos::prelude::*;

impl JournalStore {
    /// Runs `change` over the journal and the repository. Subscribers are notified only
    /// when it was made.
    pub(super) fn change<T>(
        &self,
        change: impl FnOnce(&JournalRepo, &mut Journal) -> Result<T, Refused>,
    ) -> Result<T, Refused> {
        self.repo
            .with_value(|repo| {
                self.journal.try_maybe_update(|j| {
                    let result = change(repo, j);
                    (result.is_ok(), result)
                })
            })
            .unwrap_or_else(|| Err(Refused::Invalid(tr(crate::i18n::T::store_widget_closed).into())))
    }

    /// The outcome for the patient: a refusal is said (assertively) and gives `None`.
    pub(super) fn told<T>(&self, result: Result<T, Refused>) -> Option<T> {
        result.map_err(|e| self.say(e.to_string(), true)).ok()
    }

    /// Saves one record, new or changed; says why when it could not be saved.
    fn keep(&self, record: Result<AnyRecord, Refused>) -> bool {
        let result = record.and_then(|r| self.change(|repo, j| changes::save(repo, j, r)));
        self.told(result).is_some()
    }

    /// Changes the settings, saving them before the screen shows them.
    pub(super) fn set_settings(&self, change: impl FnOnce(&mut PrefsRecord)) -> bool {
        let result = self.change(|repo, j| changes::settings(repo, j, change));
        self.told(result).is_some()
    }

    /// Saves a new entry; returns its id when it was saved. On failure the caller keeps the
    /// text.
    pub fn add_entry(&self, stage: Stage, draft: EntryDraft) -> Option<RecordId> {
        let at = now();
        let id = new_id(at);
        let saved = crate::ui::shell::perf::timed("ag:save", || {
            self.keep(
                JournalEntry::new(id.clone(), at, stage, draft).map(Into::into).map_err(Refused::invalid),
            )
        });
        saved.then_some(id)
    }

    /// Saves new text and privacy for an entry; returns whether it was saved. If another
    /// tab changed the entry meanwhile, both versions are kept and the patient is told.
    pub fn edit_entry(&self, id: &RecordId, text: &str, private: bool) -> bool {
        let Some(base) = self.edit_base(id).or_else(|| self.journal.with_untracked(|j| j.entry(id).cloned()))
        else {
            return false;
        };
        let at = now();
        let result = base.edited(at, text, private).map_err(Refused::invalid).and_then(|edited| {
            self.change(|repo, j| changes::edit_entry(repo, j, &base, edited, new_id(at)))
        });
        let Some(saved) = self.told(result) else { return false };
        self.end_edit(id);
        self.say(
            tr(match saved {
                EditSaved::KeptBoth(_) => T::store_both_kept,
                EditSaved::Saved => T::store_changes_saved,
            }),
            false,
        );
        true
    }

    /// Deletes one record and offers undo, saying `said`.
    fn delete(&self, kind: Kind, id: &RecordId, said: crate::i18n::Text) {
        let result = self.change(|repo, j| changes::delete(repo, j, kind, id));
        if let Some(deleted) = self.told(result) {
            self.notices.offer_undo(crate::i18n::tr(said).to_owned(), deleted.into_iter().collect());
        }
    }

    /// Saves `records` and deletes `removed` as one change: all of it is stored, or none
    /// of it and the patient is told why. Returns the change made.
    pub fn change_together(
        &self,
        records: Vec<AnyRecord>,
        removed: &[(Kind, RecordId)],
    ) -> Option<ChangeSet> {
        let result = self.change(|repo, j| changes::together(repo, j, records, removed));
        if matches!(result, Err(Refused::Together(ApplyError::Partial(_)))) {
            self.reload();
        }
        self.told(result)
    }

    /// Deletes `removed` as one change and says `text`, offering to undo all of it.
    pub fn delete_together(&self, removed: &[(Kind, RecordId)], text: String) {
        if let Some(set) = self.change_together(Vec::new(), removed) {
            self.notices.offer_undo(text, set.removed());
        }
    }

    /// Deletes a goal with its ratings and links, as one change, and offers to undo it.
    pub fn delete_goal(&self, goal: &RecordId) {
        let mine = self.journal.with_untracked(|j| j.goal_and_its_own(goal));
        let ratings = mine.iter().filter(|(k, _)| *k == Kind::GoalRating).count();
        let text = match ratings {
            0 => tr(T::store_goal_deleted).to_owned(),
            1 => tr(T::store_goal_deleted_one).to_owned(),
            n => tr_with(T::store_goal_deleted_other, &[("n", &n.to_string())]),
        };
        self.delete_together(&mine, text);
    }

    /// Saves one record made in a form (the session-day tools, goals, the plans), checked
    /// by its kind's rules first ([`Checked`]); a refusal is said in the rule's words.
    /// Returns whether it was saved.
    pub fn save<R: Checked>(&self, record: R) -> bool {
        let checked = record.check().map_err(Refused::invalid);
        self.keep(checked.map(|()| record.into()))
    }

    /// Saves what a domain constructor made (a goal's new status, a rating), or says why
    /// it could not be made.
    pub fn save_made<R: Checked>(&self, made: Result<R, impl std::fmt::Display>) -> bool {
        match made {
            Ok(record) => self.save(record),
            Err(why) => self.keep(Err(Refused::invalid(why))),
        }
    }

    /// Deletes any record and offers to undo it, saying `said` ("Medicine deleted.").
    pub fn delete_record(&self, kind: Kind, id: &RecordId, said: crate::i18n::Text) {
        self.delete(kind, id, said);
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
        self.keep(check_in.validated().map(Into::into).map_err(Refused::invalid))
    }

    /// Saves changes to a check-in; returns whether they were saved.
    pub fn edit_check_in(&self, mut check_in: CheckIn) -> bool {
        check_in.edited = crate::domain::when::next_edit(check_in.edited, now());
        self.keep(check_in.validated().map(Into::into).map_err(Refused::invalid))
    }

    /// Saves a completed questionnaire; returns it, or `None` (with a message) when an
    /// answer is missing or saving failed.
    pub fn add_result(&self, instrument: Instrument, answers: &[Option<u8>]) -> Option<QuestionnaireResult> {
        let at = now();
        let result =
            QuestionnaireResult::complete(new_id(at), at, instrument, answers).map_err(Refused::invalid);
        let result = self.told(result)?;
        self.keep(Ok(result.clone().into())).then_some(result)
    }

    /// Brings back deleted records exactly as they were, together.
    pub fn undo(&self, deleted: Vec<AnyRecord>) {
        let done = match <[AnyRecord; 1]>::try_from(deleted) {
            Ok([one]) => self.keep(Ok(one)),
            // Several records: only a view deletes several together, so its chunk, which
            // holds this step, is in.
            Err(many) => crate::ui::shell::parts::undo_together(*self, many).unwrap_or_else(|| {
                self.say(tr(T::part_failed), true);
                false
            }),
        };
        if done {
            self.say(tr(T::store_restored), false);
        }
    }

    /// Records a session happening now, numbered next in the course, by the last route
    /// used. "I just had a session" also moves the patient to the dosing stage
    /// (`just_had`); logging one from the sessions list does not. Returns its id.
    pub fn start_session(&self, just_had: bool) -> Option<RecordId> {
        if !self.archive.with_untracked(|a| *a == super::ArchiveState::Ready) {
            // Its number and route come from the sessions before it, some of them in
            // months not read yet.
            self.say(tr(T::sd_archive_busy), true);
            return None;
        }
        let at = now();
        let (number, route) =
            self.journal.with_untracked(|j| (j.next_session_number(), j.last_session().map(|s| s.route)));
        let session = DosingSession::starting(new_id(at), at, number, route.unwrap_or(Route::default()));
        let id = session.id.clone();
        if !self.keep(Ok(session.into())) {
            return None;
        }
        self.link_planned_day(&id, at);
        if just_had {
            self.set_stage(Stage::Dosing);
            self.say(tr_with(T::store_session_logged, &[("n", &number.to_string())]), false);
        } else {
            self.say(tr_with(T::store_session_added, &[("n", &number.to_string())]), false);
        }
        Some(id)
    }

    /// A session logged on a day a session was planned for takes over that plan's
    /// checklist and medicines tick (the plan is linked to it).
    fn link_planned_day(&self, session: &RecordId, at: chrono::DateTime<chrono::Utc>) {
        let day = crate::ui::kit::format::local_day(at);
        let planned = self.journal.with_untracked(|j| {
            j.session_days()
                .iter()
                .find(|d| d.session.is_none() && crate::ui::kit::format::local_day(d.at) == day)
                .cloned()
        });
        if let Some(mut plan) = planned {
            plan.session = Some(session.clone());
            plan.edited = crate::domain::when::next_edit(plan.edited, at);
            // The session is stored either way; a plan left unlinked still shows on Sessions.
            let _ = self.change(|repo, j| changes::save(repo, j, plan.into()));
        }
    }

    /// Saves a session's details; returns whether it was saved.
    pub fn save_session(&self, mut session: DosingSession) -> bool {
        session.edited = crate::domain::when::next_edit(session.edited, now());
        self.keep(session.validate().map(|()| session.into()).map_err(Refused::invalid))
    }

    /// Marks a passage of an entry (or all of it) as an insight.
    pub fn mark_insight(&self, entry: &RecordId, passage: Option<&str>) -> bool {
        let Some(entry) = self.journal.with_untracked(|j| j.entry(entry).cloned()) else { return false };
        let at = now();
        let saved = self
            .keep(Insight::mark(new_id(at), at, &entry, passage).map(Into::into).map_err(Refused::invalid));
        if saved {
            self.say(tr(T::store_insight_kept), false);
        }
        saved
    }

    /// Adds an action step, from an insight or on its own; its id when it was saved.
    pub fn add_step(
        &self,
        insight: Option<RecordId>,
        text: &str,
        due: Option<NaiveDate>,
        area: Option<Area>,
    ) -> Option<RecordId> {
        let at = now();
        let id = new_id(at);
        let step = ActionStep::new(id.clone(), at, insight, text, due).map(|s| ActionStep { area, ..s });
        let saved = self.keep(step.map(Into::into).map_err(Refused::invalid));
        saved.then_some(id)
    }

    /// Puts a step in an area of life, or in none.
    pub fn set_step_area(&self, id: &RecordId, area: Option<Area>) {
        let Some(step) = self.journal.with_untracked(|j| j.step(id).cloned()) else { return };
        if self.keep(Ok(step.with_area(now(), area).into())) {
            self.say(
                match area {
                    Some(a) => tr_with(T::store_step_area, &[("area", a.label())]),
                    None => tr(T::store_step_no_area).to_owned(),
                },
                false,
            );
        }
    }

    /// Checks a step off, or reopens it.
    pub fn set_step_done(&self, id: &RecordId, done: bool) {
        let Some(step) = self.journal.with_untracked(|j| j.step(id).cloned()) else { return };
        if self.keep(Ok(step.set_done(now(), done).into())) {
            self.say(tr(if done { T::store_step_done } else { T::store_step_reopened }), false);
        }
    }

    /// Changes the current stage (saved before it shows).
    pub fn set_stage(&self, stage: Stage) {
        self.set_settings(|p| p.stage = stage);
    }

    /// Pins or unpins a prompt; returns whether it is now pinned.
    pub fn toggle_pin(&self, prompt_id: &str) -> bool {
        let mut pinned = false;
        let saved = self.set_settings(|p| {
            if let Some(i) = p.pins.iter().position(|x| x == prompt_id) {
                p.pins.remove(i);
            } else {
                p.pins.push(prompt_id.to_owned());
                pinned = true;
            }
        });
        saved && pinned
    }
    /// Ends the first-run welcome: the chosen stage and, if given, the last session
    /// (recorded as a dosing session on that day). Returns whether it was stored; if not,
    /// the welcome stays and says why.
    pub fn finish_welcome(&self, stage: Stage, last_session: Option<chrono::DateTime<chrono::Utc>>) -> bool {
        let session = last_session.map(|at| DosingSession::starting(new_id(at), at, 1, Default::default()));
        let result = self.change(|repo, j| changes::finish_welcome(repo, j, stage, session));
        self.told(result).is_some()
    }

    /// Whether to show the welcome: a journal with nothing in it that has not had it, and
    /// that can be written (a read-only journal could never store its end, and would show
    /// it on every start). Records of kinds read later (check-ins among them) are not in
    /// the journal yet at start: any such record left for later means it is not empty.
    pub fn needs_welcome(&self) -> bool {
        !matches!(self.persistence(), super::Persistence::ReadOnly(_))
            && self.repo.with_value(|r| r.later_count() == 0)
            && self
                .journal
                .with(|j| !j.welcomed && j.is_empty() && j.sessions().is_empty() && j.check_ins().is_empty())
    }

    /// Whether the journal is read-only only because its format record is damaged: every
    /// other record read as this version's.
    pub fn format_repairable(&self) -> bool {
        self.repo.with_value(JournalRepo::format_repairable)
    }

    /// Writes the format record anew, then starts again, writable. Says why when it could
    /// not.
    pub fn repair_format(&self) {
        match self.repo.with_value(JournalRepo::repair_format) {
            Ok(()) => {
                let _ = window().location().reload();
            }
            Err(e) => self.say(tr_with(T::store_format_not_repaired, &[("why", &e.to_string())]), true),
        }
    }
}
