//! The full JSON backup: a documented, versioned file that restores into any browser.
//!
//! ```text
//! { "format": "afterglow-backup", "version": 1, "exported_at": "2026-11-25T21:04:05Z",
//!   "app_version": "0.1.0",
//!   "journal": { "stage": "integration", "pins": [...], "entries": [...], "sessions": [...],
//!                "insights": [...], "steps": [...], "check_ins": [...], "questionnaires": [...] } }
//! ```
//! Records use the same shapes as storage schema 1 (`storage::record`). Reading checks
//! everything before anything is changed: a file that is not JSON, is cut off, is from a
//! newer version, has wrong types or a bad record, or is too large, is refused whole with
//! a plain reason. Merging goes by record id and keeps the newer edit. Pure.

use crate::domain::{
    ActionStep, CheckIn, DosingSession, Insight, Journal, JournalEntry, QuestionnaireResult, Record, Stage,
    Upsert,
};
use crate::storage::record::{RecordError, Stored};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

/// The `format` value of every backup.
pub const FORMAT: &str = "afterglow-backup";
/// The backup version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// The largest backup accepted, in bytes (ten years of daily writing is about 3 MB).
pub const MAX_BYTES: usize = 25 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct Envelope<J> {
    format: String,
    version: u32,
    exported_at: String,
    app_version: String,
    journal: J,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct JournalFile {
    stage: Stage,
    #[serde(default)]
    pins: Vec<String>,
    #[serde(default)]
    entries: Vec<<JournalEntry as Stored>::Form>,
    #[serde(default)]
    sessions: Vec<<DosingSession as Stored>::Form>,
    #[serde(default)]
    insights: Vec<<Insight as Stored>::Form>,
    #[serde(default)]
    steps: Vec<<ActionStep as Stored>::Form>,
    #[serde(default)]
    check_ins: Vec<<CheckIn as Stored>::Form>,
    #[serde(default)]
    questionnaires: Vec<<QuestionnaireResult as Stored>::Form>,
}

/// Writes the whole journal as a backup.
pub fn write(journal: &Journal, exported_at: DateTime<Utc>) -> String {
    let file = JournalFile {
        stage: journal.stage,
        pins: journal.pinned.clone(),
        entries: journal.entries().iter().rev().map(Stored::to_form).collect(),
        sessions: journal.sessions().iter().map(Stored::to_form).collect(),
        insights: journal.insights().iter().rev().map(Stored::to_form).collect(),
        steps: journal.steps().iter().map(Stored::to_form).collect(),
        check_ins: journal.check_ins().iter().map(Stored::to_form).collect(),
        questionnaires: journal.results().iter().map(Stored::to_form).collect(),
    };
    let envelope = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: exported_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        app_version: env!("CARGO_PKG_VERSION").into(),
        journal: file,
    };
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// Why a file cannot be restored. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    /// Over [`MAX_BYTES`].
    #[error("This file is too large to be an Afterglow backup ({mb} MB). Nothing was changed.")]
    TooLarge {
        /// Size in whole megabytes.
        mb: usize,
    },
    /// Not JSON at all.
    #[error("This is not an Afterglow backup file (it is not readable as one). Nothing was changed.")]
    NotJson,
    /// JSON that ends early.
    #[error("This backup file is incomplete: it ends part-way through, perhaps from an interrupted download. Nothing was changed.")]
    Truncated,
    /// JSON, but not ours.
    #[error("This file is not an Afterglow backup. Nothing was changed.")]
    NotABackup,
    /// From a newer Afterglow.
    #[error("This backup was made by a newer version of Afterglow (format {0}). Update Afterglow, then restore it. Nothing was changed.")]
    Newer(u32),
    /// Ours, but damaged.
    #[error("This backup is damaged ({0}). Nothing was changed.")]
    Damaged(String),
}

/// A checked backup, ready to merge or to replace the journal with.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    /// When it was made.
    pub exported_at: String,
    /// Everything in it.
    pub journal: Journal,
}

fn all<T: Stored>(forms: Vec<T::Form>, kind: &str) -> Result<Vec<T>, BackupError> {
    forms
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            T::from_form(f).map_err(|e: RecordError| BackupError::Damaged(format!("{kind} {}: {e}", i + 1)))
        })
        .collect()
}

/// Reads and checks a backup file's text.
pub fn read(text: &str) -> Result<Backup, BackupError> {
    if text.len() > MAX_BYTES {
        return Err(BackupError::TooLarge { mb: text.len() / (1024 * 1024) });
    }
    let value: serde_json::Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
            if e.is_eof() {
                BackupError::Truncated
            } else {
                BackupError::NotJson
            }
        })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(VERSION) => {
            return Err(BackupError::Newer(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        Some(_) => {}
        None => return Err(BackupError::Damaged("no version".into())),
    }
    let envelope: Envelope<JournalFile> =
        serde_json::from_value(value).map_err(|e| BackupError::Damaged(e.to_string()))?;
    let f = envelope.journal;
    let mut journal = Journal::new(f.stage);
    journal.pinned = f.pins;
    for e in all::<JournalEntry>(f.entries, "entry")? {
        journal.upsert_entry(e);
    }
    for s in all::<DosingSession>(f.sessions, "session")? {
        journal.upsert_session(s);
    }
    for i in all::<Insight>(f.insights, "insight")? {
        journal.upsert_insight(i);
    }
    for s in all::<ActionStep>(f.steps, "action step")? {
        journal.upsert_step(s);
    }
    for c in all::<CheckIn>(f.check_ins, "check-in")? {
        journal.upsert_check_in(c);
    }
    for r in all::<QuestionnaireResult>(f.questionnaires, "questionnaire")? {
        journal.upsert_result(r);
    }
    Ok(Backup { exported_at: envelope.exported_at, journal })
}

/// What a backup holds, for the patient to see before restoring.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Contents {
    /// Entries.
    pub entries: usize,
    /// Sessions.
    pub sessions: usize,
    /// Insights.
    pub insights: usize,
    /// Action steps.
    pub steps: usize,
    /// Check-ins.
    pub check_ins: usize,
    /// Questionnaires.
    pub questionnaires: usize,
}

impl Contents {
    /// Counts a journal's records.
    pub fn of(j: &Journal) -> Self {
        Contents {
            entries: j.len(),
            sessions: j.sessions().len(),
            insights: j.insights().len(),
            steps: j.steps().len(),
            check_ins: j.check_ins().len(),
            questionnaires: j.results().len(),
        }
    }
}

/// What a merge did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Records that were new.
    pub added: usize,
    /// Records the file had a newer edit of.
    pub updated: usize,
    /// Records where this journal's version was newer (or the same) and was kept.
    pub kept: usize,
}

fn merge_kind<T: Record + Clone>(
    from: &[T],
    into: &mut Journal,
    upsert: fn(&mut Journal, T) -> Upsert,
    report: &mut MergeReport,
) {
    for r in from {
        match upsert(into, r.clone()) {
            Upsert::Added => report.added += 1,
            Upsert::Replaced => report.updated += 1,
            Upsert::KeptNewer => report.kept += 1,
        }
    }
}

/// Merges a backup into a journal: by record id, newer edit wins, nothing duplicated.
/// The journal's own stage is kept; pins are combined.
pub fn merge(into: &mut Journal, backup: &Journal) -> MergeReport {
    let mut report = MergeReport::default();
    merge_kind(backup.entries(), into, Journal::upsert_entry, &mut report);
    merge_kind(backup.sessions(), into, Journal::upsert_session, &mut report);
    merge_kind(backup.insights(), into, Journal::upsert_insight, &mut report);
    merge_kind(backup.steps(), into, Journal::upsert_step, &mut report);
    merge_kind(backup.check_ins(), into, Journal::upsert_check_in, &mut report);
    merge_kind(backup.results(), into, Journal::upsert_result, &mut report);
    for pin in &backup.pinned {
        if !into.pinned.contains(pin) {
            into.pinned.push(pin.clone());
        }
    }
    report
}
