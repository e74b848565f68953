//! The journal: entries, dosing sessions, insights and action steps, the current stage
//! and pinned prompts, as one plain value.
//!
//! Holds no signals and does no I/O; the UI owns one `Journal` and persists changes
//! through `storage`. Every kind of record merges the same way: the newer edit wins,
//! whatever order versions arrive in.

use super::checkin::CheckIn;
use super::entry::JournalEntry;
use super::id::RecordId;
use super::insight::{ActionStep, Insight};
use super::kinds::{AnyRecord, Batch, Kind, Lists};
use super::questionnaire::{Instrument, QuestionnaireResult};
use super::session::DosingSession;
use super::stage::Stage;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

pub use super::record::{Record, Upsert};

/// Everything the patient has recorded, and where they are in treatment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journal {
    pub(super) records: Lists,
    /// The stage the patient says they are in now.
    pub stage: Stage,
    /// Prompt ids the patient pinned, in the order pinned.
    pub pinned: Vec<String>,
    /// When the patient last downloaded a full backup.
    pub last_backup: Option<DateTime<Utc>>,
    /// Light, dark, or as the device is set.
    pub theme: Theme,
    /// Whether the first-run welcome was finished or skipped.
    pub welcomed: bool,
}

/// The colour scheme the patient chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the device.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

crate::domain::names::stored_names!(Theme {
    Auto = "auto",
    Light = "light",
    Dark = "dark",
});

impl Journal {
    /// An empty journal in `stage`.
    pub fn new(stage: Stage) -> Self {
        Journal { stage, ..Journal::default() }
    }

    /// All entries, newest first.
    pub fn entries(&self) -> &[JournalEntry] {
        &self.records.entries
    }

    /// All dosing sessions, oldest first.
    pub fn sessions(&self) -> &[DosingSession] {
        &self.records.sessions
    }

    /// All insights, newest first.
    pub fn insights(&self) -> &[Insight] {
        &self.records.insights
    }

    /// All action steps, in the order made.
    pub fn steps(&self) -> &[ActionStep] {
        &self.records.steps
    }

    /// All check-ins, oldest first.
    pub fn check_ins(&self) -> &[CheckIn] {
        &self.records.check_ins
    }

    /// All questionnaire results, oldest first.
    pub fn results(&self) -> &[QuestionnaireResult] {
        &self.records.results
    }

    /// The results of one questionnaire, oldest (the baseline) first.
    pub fn results_of(&self, instrument: Instrument) -> Vec<&QuestionnaireResult> {
        self.records.results.iter().filter(|r| r.instrument == instrument).collect()
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.records.entries.len()
    }

    /// Whether no entry has been written yet.
    pub fn is_empty(&self) -> bool {
        self.records.entries.is_empty()
    }

    /// The entry with this id.
    pub fn entry(&self, id: &RecordId) -> Option<&JournalEntry> {
        self.records.entries.iter().find(|e| &e.id == id)
    }

    /// The session with this id.
    pub fn session(&self, id: &RecordId) -> Option<&DosingSession> {
        self.records.sessions.iter().find(|s| &s.id == id)
    }

    /// The action step with this id.
    pub fn step(&self, id: &RecordId) -> Option<&ActionStep> {
        self.records.steps.iter().find(|s| &s.id == id)
    }

    /// Adds every record of `batch` (a whole journal read from storage) at once; the same
    /// journal as upserting them one by one, without the quadratic cost.
    pub fn upsert_batch(&mut self, batch: Batch) {
        self.records.add(batch);
    }

    /// Adds a record of any kind, or replaces an older version of it (the newer edit wins).
    pub fn upsert_any(&mut self, record: impl Into<AnyRecord>) -> Upsert {
        self.records.upsert(record.into())
    }

    /// Removes a record of any kind and returns it.
    pub fn remove_any(&mut self, kind: Kind, id: &RecordId) -> Option<AnyRecord> {
        self.records.remove(kind, id)
    }

    /// Removes every record named in `ids`, in one pass over each kind's list.
    pub fn remove_all(&mut self, ids: &std::collections::HashSet<(Kind, RecordId)>) {
        self.records.remove_all(ids)
    }

    /// The record of `kind` with this id, as it is now.
    pub fn get_any(&self, kind: Kind, id: &RecordId) -> Option<AnyRecord> {
        self.records.get(kind, id)
    }

    /// How many records of `kind` there are.
    pub fn count(&self, kind: Kind) -> usize {
        self.records.count(kind)
    }

    /// Every record of `kind`, in the journal's order, each passed to `f`.
    pub fn each(&self, kind: Kind, f: &mut dyn FnMut(AnyRecord)) {
        self.records.each(kind, f)
    }

    /// Every record, kind by kind.
    pub fn all_records(&self) -> Vec<AnyRecord> {
        self.records_where(&mut |_, _| true)
    }

    /// The records `keep` picks, cloning only those (the archive packs one month at a
    /// time out of ten years).
    pub fn records_where(&self, keep: &mut dyn FnMut(Kind, &RecordId) -> bool) -> Vec<AnyRecord> {
        let mut out = Vec::new();
        self.records.each_where(keep, &mut |r| out.push(r));
        out
    }

    /// Every record's kind, id and last edit, without copying any record.
    pub fn each_id(&self, f: &mut dyn FnMut(Kind, &RecordId, DateTime<Utc>)) {
        self.records.each_id(f)
    }

    /// The first dosing session.
    pub fn first_session(&self) -> Option<&DosingSession> {
        self.records.sessions.first()
    }

    /// The most recent dosing session.
    pub fn last_session(&self) -> Option<&DosingSession> {
        self.records.sessions.last()
    }

    /// The number the next session gets: one more than the highest so far.
    pub fn next_session_number(&self) -> u32 {
        self.records.sessions.iter().map(|s| s.number).max().unwrap_or(0) + 1
    }

    /// Entries linked to a session, oldest first (the quick capture comes first).
    pub fn entries_for_session(&self, id: &RecordId) -> Vec<&JournalEntry> {
        self.records.entries.iter().rev().filter(|e| e.session.as_ref() == Some(id)).collect()
    }

    /// Entries the patient marked as intentions, newest first.
    pub fn intentions(&self) -> Vec<&JournalEntry> {
        self.records.entries.iter().filter(|e| e.intention).collect()
    }

    /// Steps not yet done, those due soonest first, undated ones last.
    pub fn open_steps(&self) -> Vec<&ActionStep> {
        let mut open: Vec<&ActionStep> = self.records.steps.iter().filter(|s| s.is_open()).collect();
        super::order::sort_by_key(&mut open, |s| (s.due.is_none(), s.due, s.created));
        open
    }

    /// The insight with this id.
    pub fn insight(&self, id: &RecordId) -> Option<&Insight> {
        self.records.insights.iter().find(|i| &i.id == id)
    }

    /// The steps that grew from an insight.
    pub fn steps_for_insight(&self, id: &RecordId) -> Vec<&ActionStep> {
        self.records.steps.iter().filter(|s| s.insight.as_ref() == Some(id)).collect()
    }

    /// When each prompt was last answered.
    pub fn answered_prompts(&self) -> HashMap<String, DateTime<Utc>> {
        let mut answered: HashMap<String, DateTime<Utc>> = HashMap::new();
        // Newest first, so the first time a prompt is seen is its latest answer.
        for entry in &self.records.entries {
            if let Some(p) = &entry.prompt {
                answered.entry(p.id.clone()).or_insert(entry.created);
            }
        }
        answered
    }

    /// Pins a prompt, or unpins it when it is pinned. Returns whether it is now pinned.
    pub fn toggle_pin(&mut self, prompt_id: &str) -> bool {
        if let Some(i) = self.pinned.iter().position(|p| p == prompt_id) {
            self.pinned.remove(i);
            false
        } else {
            self.pinned.push(prompt_id.to_owned());
            true
        }
    }
}
