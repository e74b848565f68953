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
use super::questionnaire::{Instrument, QuestionnaireResult};
use super::record::{remove, upsert, upsert_all};
use super::session::DosingSession;
use super::stage::Stage;
use chrono::{DateTime, Utc};
use std::cmp::Ordering;
use std::collections::HashMap;

pub use super::record::{Record, Upsert};

fn newest_entry_first(a: &JournalEntry, b: &JournalEntry) -> Ordering {
    b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id))
}

fn session_order(a: &DosingSession, b: &DosingSession) -> Ordering {
    a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id))
}

fn newest_insight_first(a: &Insight, b: &Insight) -> Ordering {
    b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id))
}

fn step_order(a: &ActionStep, b: &ActionStep) -> Ordering {
    a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id))
}

fn check_in_order(a: &CheckIn, b: &CheckIn) -> Ordering {
    a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id))
}

fn result_order(a: &QuestionnaireResult, b: &QuestionnaireResult) -> Ordering {
    a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id))
}

/// Everything the patient has recorded, and where they are in treatment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journal {
    entries: Vec<JournalEntry>,
    sessions: Vec<DosingSession>,
    insights: Vec<Insight>,
    steps: Vec<ActionStep>,
    check_ins: Vec<CheckIn>,
    results: Vec<QuestionnaireResult>,
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// Follow the device.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Records gathered for [`Journal::upsert_batch`], in any order, duplicates allowed.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    /// Journal entries.
    pub entries: Vec<JournalEntry>,
    /// Dosing sessions.
    pub sessions: Vec<DosingSession>,
    /// Insights.
    pub insights: Vec<Insight>,
    /// Action steps.
    pub steps: Vec<ActionStep>,
    /// Mood check-ins.
    pub check_ins: Vec<CheckIn>,
    /// Questionnaire results.
    pub results: Vec<QuestionnaireResult>,
}

impl Journal {
    /// An empty journal in `stage`.
    pub fn new(stage: Stage) -> Self {
        Journal { stage, ..Journal::default() }
    }

    /// All entries, newest first.
    pub fn entries(&self) -> &[JournalEntry] {
        &self.entries
    }

    /// All dosing sessions, oldest first.
    pub fn sessions(&self) -> &[DosingSession] {
        &self.sessions
    }

    /// All insights, newest first.
    pub fn insights(&self) -> &[Insight] {
        &self.insights
    }

    /// All action steps, in the order made.
    pub fn steps(&self) -> &[ActionStep] {
        &self.steps
    }

    /// All check-ins, oldest first.
    pub fn check_ins(&self) -> &[CheckIn] {
        &self.check_ins
    }

    /// All questionnaire results, oldest first.
    pub fn results(&self) -> &[QuestionnaireResult] {
        &self.results
    }

    /// The results of one questionnaire, oldest (the baseline) first.
    pub fn results_of(&self, instrument: Instrument) -> Vec<&QuestionnaireResult> {
        self.results.iter().filter(|r| r.instrument == instrument).collect()
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no entry has been written yet.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    pub fn entry(&self, id: &RecordId) -> Option<&JournalEntry> {
        self.entries.iter().find(|e| &e.id == id)
    }

    /// The session with this id.
    pub fn session(&self, id: &RecordId) -> Option<&DosingSession> {
        self.sessions.iter().find(|s| &s.id == id)
    }

    /// The action step with this id.
    pub fn step(&self, id: &RecordId) -> Option<&ActionStep> {
        self.steps.iter().find(|s| &s.id == id)
    }

    /// Adds an entry or replaces an older version of it.
    pub fn upsert_entry(&mut self, entry: JournalEntry) -> Upsert {
        upsert(&mut self.entries, entry, newest_entry_first)
    }

    /// Adds every record of `batch` (a whole journal read from storage) at once; the same
    /// journal as upserting them one by one, without the quadratic cost.
    pub fn upsert_batch(&mut self, batch: Batch) {
        upsert_all(&mut self.entries, batch.entries, newest_entry_first);
        upsert_all(&mut self.sessions, batch.sessions, session_order);
        upsert_all(&mut self.insights, batch.insights, newest_insight_first);
        upsert_all(&mut self.steps, batch.steps, step_order);
        upsert_all(&mut self.check_ins, batch.check_ins, check_in_order);
        upsert_all(&mut self.results, batch.results, result_order);
    }

    /// Adds a session or replaces an older version of it.
    pub fn upsert_session(&mut self, session: DosingSession) -> Upsert {
        upsert(&mut self.sessions, session, session_order)
    }

    /// Adds an insight or replaces an older version of it.
    pub fn upsert_insight(&mut self, insight: Insight) -> Upsert {
        upsert(&mut self.insights, insight, newest_insight_first)
    }

    /// Adds an action step or replaces an older version of it.
    pub fn upsert_step(&mut self, step: ActionStep) -> Upsert {
        upsert(&mut self.steps, step, step_order)
    }

    /// Adds a check-in or replaces an older version of it.
    pub fn upsert_check_in(&mut self, check_in: CheckIn) -> Upsert {
        upsert(&mut self.check_ins, check_in, check_in_order)
    }

    /// Adds a questionnaire result or replaces an older version of it.
    pub fn upsert_result(&mut self, result: QuestionnaireResult) -> Upsert {
        upsert(&mut self.results, result, result_order)
    }

    /// Removes a check-in and returns it.
    pub fn remove_check_in(&mut self, id: &RecordId) -> Option<CheckIn> {
        remove(&mut self.check_ins, id)
    }

    /// Removes a questionnaire result and returns it.
    pub fn remove_result(&mut self, id: &RecordId) -> Option<QuestionnaireResult> {
        remove(&mut self.results, id)
    }

    /// Removes an entry and returns it. Insights marked in it keep their quote.
    pub fn remove_entry(&mut self, id: &RecordId) -> Option<JournalEntry> {
        remove(&mut self.entries, id)
    }

    /// Removes a session and returns it. Entries linked to it keep the link's id.
    pub fn remove_session(&mut self, id: &RecordId) -> Option<DosingSession> {
        remove(&mut self.sessions, id)
    }

    /// Removes an insight and returns it.
    pub fn remove_insight(&mut self, id: &RecordId) -> Option<Insight> {
        remove(&mut self.insights, id)
    }

    /// Removes an action step and returns it.
    pub fn remove_step(&mut self, id: &RecordId) -> Option<ActionStep> {
        remove(&mut self.steps, id)
    }

    /// The first dosing session.
    pub fn first_session(&self) -> Option<&DosingSession> {
        self.sessions.first()
    }

    /// The most recent dosing session.
    pub fn last_session(&self) -> Option<&DosingSession> {
        self.sessions.last()
    }

    /// The number the next session gets: one more than the highest so far.
    pub fn next_session_number(&self) -> u32 {
        self.sessions.iter().map(|s| s.number).max().unwrap_or(0) + 1
    }

    /// Entries linked to a session, oldest first (the quick capture comes first).
    pub fn entries_for_session(&self, id: &RecordId) -> Vec<&JournalEntry> {
        self.entries.iter().rev().filter(|e| e.session.as_ref() == Some(id)).collect()
    }

    /// Entries the patient marked as intentions, newest first.
    pub fn intentions(&self) -> Vec<&JournalEntry> {
        self.entries.iter().filter(|e| e.intention).collect()
    }

    /// Steps not yet done, those due soonest first, undated ones last.
    pub fn open_steps(&self) -> Vec<&ActionStep> {
        let mut open: Vec<&ActionStep> = self.steps.iter().filter(|s| s.is_open()).collect();
        open.sort_by_key(|s| (s.due.is_none(), s.due, s.created));
        open
    }

    /// The insight with this id.
    pub fn insight(&self, id: &RecordId) -> Option<&Insight> {
        self.insights.iter().find(|i| &i.id == id)
    }

    /// The steps that grew from an insight.
    pub fn steps_for_insight(&self, id: &RecordId) -> Vec<&ActionStep> {
        self.steps.iter().filter(|s| s.insight.as_ref() == Some(id)).collect()
    }

    /// When each prompt was last answered.
    pub fn answered_prompts(&self) -> HashMap<String, DateTime<Utc>> {
        let mut answered: HashMap<String, DateTime<Utc>> = HashMap::new();
        // Newest first, so the first time a prompt is seen is its latest answer.
        for entry in &self.entries {
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
