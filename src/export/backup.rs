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

use crate::domain::changeset;
use crate::domain::{Batch, Journal, Kind, Stage};
use crate::i18n::{tr, tr_with, Text, T};
use crate::storage::record;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::Value;

pub use crate::domain::changeset::MergeReport;

/// The `format` value of every backup.
pub const FORMAT: &str = "afterglow-backup";
/// The backup version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// The largest backup accepted, in bytes (ten years of daily writing is about 3 MB).
pub const MAX_BYTES: usize = 25 * 1024 * 1024;
/// The most records a backup may hold. Ten years of writing twice a day with a daily
/// check-in is about 11,000; past this a file is refused rather than freezing the page.
pub const MAX_RECORDS: usize = 30_000;

/// Writes the whole journal as a backup.
pub fn write(journal: &Journal, exported_at: DateTime<Utc>) -> String {
    let mut file = Ordered(vec![
        ("stage", serde_json::to_value(journal.stage).unwrap_or_default()),
        ("pins", Value::from(journal.pinned.clone())),
    ]);
    for kind in Kind::ALL {
        // Oldest first in every list, whatever order the journal shows them in.
        let mut list = Vec::with_capacity(journal.count(*kind));
        journal.each(*kind, &mut |r| list.push(record::to_value(&r)));
        if matches!(kind, Kind::Entry | Kind::Insight) {
            list.reverse();
        }
        file.0.push((kind.file_name(), Value::Array(list)));
    }
    let envelope = Ordered(vec![
        ("format", Value::from(FORMAT)),
        ("version", Value::from(VERSION)),
        ("exported_at", Value::from(exported_at.to_rfc3339_opts(SecondsFormat::Secs, true))),
        ("app_version", Value::from(env!("CARGO_PKG_VERSION"))),
        ("journal", serde_json::to_value(&file).unwrap_or_default()),
    ]);
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// A JSON object whose fields keep the order given (for people reading the file).
struct Ordered(Vec<(&'static str, Value)>);

impl serde::Serialize for Ordered {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Why a file cannot be restored. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// Over [`MAX_BYTES`].
    TooLarge {
        /// Size in whole megabytes.
        mb: usize,
    },
    /// Not JSON at all.
    NotJson,
    /// JSON that ends early.
    Truncated,
    /// JSON, but not ours.
    NotABackup,
    /// From a newer Afterglow.
    Newer(u32),
    /// A version no Afterglow ever wrote.
    UnknownVersion(u64),
    /// More records than a backup may hold.
    TooMany {
        /// How many it holds.
        count: usize,
    },
    /// Ours, but damaged.
    Damaged(String),
    /// A record dated outside the years a journal holds (a device clock set wrong when it
    /// was written, or an edited file): not damage, and said so.
    OutOfYears {
        /// The record, in words ("check-in 3").
        what: String,
    },
}

/// A checked backup, ready to merge or to replace the journal with.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    /// When it was made, if the file says so in a form that parses and a year a journal
    /// holds. The file's text itself is never shown.
    pub exported_at: Option<DateTime<Utc>>,
    /// Everything in it.
    pub journal: Journal,
}

fn damaged(what: String) -> BackupError {
    BackupError::Damaged(what)
}

/// Reads and checks a backup file's text.
pub fn read(text: &str) -> Result<Backup, BackupError> {
    if text.len() > MAX_BYTES {
        return Err(BackupError::TooLarge { mb: text.len() / (1024 * 1024) });
    }
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        if e.is_eof() {
            BackupError::Truncated
        } else {
            BackupError::NotJson
        }
    })?;
    let Value::Object(mut envelope) = value else { return Err(BackupError::NotABackup) };
    if envelope.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    match envelope.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => {
            return Err(BackupError::Newer(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        Some(0) => return Err(BackupError::UnknownVersion(0)),
        Some(_) => {}
        None => return Err(damaged("no version".into())),
    }
    let exported_at = envelope
        .get("exported_at")
        .and_then(Value::as_str)
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .and_then(|t| crate::domain::when::checked(t.with_timezone(&Utc)).ok());
    let Some(Value::Object(mut file)) = envelope.remove("journal") else {
        return Err(damaged("no journal".into()));
    };
    let stage: Stage = serde_json::from_value(file.remove("stage").unwrap_or(Value::Null))
        .map_err(|e| damaged(format!("stage: {e}")))?;
    let pins: Vec<String> = match file.remove("pins") {
        None => Vec::new(),
        Some(v) => serde_json::from_value(v).map_err(|e| damaged(format!("pins: {e}")))?,
    };
    let mut lists = Vec::new();
    for kind in Kind::ALL {
        match file.remove(kind.file_name()) {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => lists.push((*kind, items)),
            Some(_) => return Err(damaged(format!("{} is not a list", kind.file_name()))),
        }
    }
    if let Some(unknown) = file.keys().next() {
        return Err(damaged(format!("unknown field `{unknown}`")));
    }
    // Pins count toward the limit: a file of 100,000 pins is refused like one of records.
    let count = lists.iter().map(|(_, items)| items.len()).sum::<usize>() + pins.len();
    if count > MAX_RECORDS {
        return Err(BackupError::TooMany { count });
    }
    let mut batch = Batch::default();
    for (kind, items) in lists {
        for (i, item) in items.into_iter().enumerate() {
            let r = record::from_value(kind, item).map_err(|e| match e {
                record::RecordError::Invalid(why) if why == record::OUT_OF_YEARS => {
                    let n = (i + 1).to_string();
                    BackupError::OutOfYears {
                        what: tr_with(T::backup_record, &[("kind", kind_words(kind).0), ("n", &n)]),
                    }
                }
                e => damaged(format!("{} {}: {e}", kind_words(kind).0, i + 1)),
            })?;
            batch.push(r);
        }
    }
    let mut journal = Journal::new(stage);
    journal.pinned = pins;
    journal.upsert_batch(batch);
    Ok(Backup { exported_at, journal })
}

/// What a backup holds, for the patient to see before restoring: how many records of
/// each kind, in the kinds table's order (kinds with none left out).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contents(pub Vec<(Kind, usize)>);

impl Contents {
    /// Counts a journal's records, every kind of the kinds table.
    pub fn of(j: &Journal) -> Self {
        Contents(Kind::ALL.iter().map(|&k| (k, j.count(k))).filter(|(_, n)| *n > 0).collect())
    }

    /// In words a patient reads: "4 entries, 1 dosing session and 3 goals"; "no records"
    /// when there are none.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|&(k, n)| {
                let (one, many) = kind_words(k);
                if n == 1 {
                    format!("1 {one}")
                } else {
                    tr_with(many, &[("n", &n.to_string())])
                }
            })
            .collect();
        match parts.as_slice() {
            [] => tr(T::backup_no_records).to_owned(),
            [one] => one.clone(),
            [rest @ .., last] => tr_with(T::list_and, &[("rest", &rest.join(", ")), ("last", last)]),
        }
    }
}

/// A kind's name in the language shown, one record ("entry") and many ("{n} entries").
fn kind_words(kind: Kind) -> (&'static str, Text) {
    let (one, many) = match kind {
        Kind::Entry => (T::kind_entry, T::kind_entry_other),
        Kind::Session => (T::kind_session, T::kind_session_other),
        Kind::Insight => (T::kind_insight, T::kind_insight_other),
        Kind::Step => (T::kind_step, T::kind_step_other),
        Kind::CheckIn => (T::kind_check_in, T::kind_check_in_other),
        Kind::Result => (T::kind_result, T::kind_result_other),
        Kind::SessionDay => (T::kind_session_day, T::kind_session_day_other),
        Kind::Medicine => (T::kind_medicine, T::kind_medicine_other),
        Kind::AfterEffects => (T::kind_after_effects, T::kind_after_effects_other),
        Kind::SafetyPlan => (T::kind_safety_plan, T::kind_safety_plan_other),
        Kind::Goal => (T::kind_goal, T::kind_goal_other),
        Kind::GoalRating => (T::kind_goal_rating, T::kind_goal_rating_other),
        Kind::GoalLink => (T::kind_goal_link, T::kind_goal_link_other),
        Kind::StayingWellPlan => (T::kind_staying_well, T::kind_staying_well_other),
        Kind::FollowUpCheck => (T::kind_follow_up, T::kind_follow_up_other),
        Kind::SharedSummary => (T::kind_shared, T::kind_shared_other),
    };
    (tr(one), many)
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            BackupError::TooLarge { mb } => tr_with(T::backup_too_large, &[("mb", &mb.to_string())]),
            BackupError::NotJson => tr(T::backup_not_json).to_owned(),
            BackupError::Truncated => tr(T::backup_truncated).to_owned(),
            BackupError::NotABackup => tr(T::backup_not_ours).to_owned(),
            BackupError::Newer(format) => tr_with(T::backup_newer, &[("format", &format.to_string())]),
            BackupError::UnknownVersion(v) => {
                tr_with(T::backup_unknown_version, &[("version", &v.to_string())])
            }
            BackupError::TooMany { count } => tr_with(
                T::backup_too_many,
                &[("count", &count.to_string()), ("max", &MAX_RECORDS.to_string())],
            ),
            BackupError::Damaged(why) => tr_with(T::backup_damaged, &[("why", why)]),
            BackupError::OutOfYears { what } => tr_with(T::backup_out_of_years, &[("what", what)]),
        };
        f.write_str(&said)
    }
}

impl std::error::Error for BackupError {}

/// Merges a backup into a journal: by record id, newer edit wins, nothing duplicated.
/// The journal's own stage is kept; pins are combined.
pub fn merge(into: &mut Journal, backup: &Journal) -> MergeReport {
    let (set, report) = changeset::merge(into, backup);
    *into = set.applied_to(into);
    report
}
