//! The journal's plain data and rules: stages, prompts, entries, dosing sessions,
//! insights and action steps, search, check-ins, questionnaires, statistics, crisis
//! resources.
//!
//! This module must never do I/O: no storage, no clock, no randomness, no DOM. It builds
//! natively (browser crates are wasm32-only dependencies), so `cargo test` covers it.

pub mod after_effects;
pub mod changeset;
pub mod checkin;
pub mod crisis;
pub mod entry;
mod fold_table;
pub mod follow_up;
pub mod goal;
pub mod id;
pub mod insight;
pub mod iso;
pub mod journal;
pub mod kinds;
pub mod lock;
pub mod lower;
pub mod merge;
mod names;
pub mod number;
pub mod order;
pub mod plan_question;
pub mod prompt;
mod prompt_library;
pub mod questionnaire;
mod record;
pub mod reminders;
pub mod safety_plan;
pub mod search;
pub mod session;
pub mod session_day;
pub mod shared;
pub mod stage;
pub mod stats;
pub mod staying_well;
#[cfg(test)]
pub(crate) mod test_records;
pub mod when;
pub mod year;

pub use after_effects::{AfterEffects, Level, Reading, RedFlag, Sleep, Symptom};
pub use checkin::{parse_sleep, CheckIn, CheckInError, Metric, EMOTION_WORDS};
pub use crisis::{default_resources, CrisisResource};
pub use entry::{validate_text, EntryDraft, EntryError, JournalEntry, PromptRef, MAX_ENTRY_CHARS};
pub use goal::{Goal, GoalError, GoalLink, GoalRating, GoalStatus, LinkTarget};
pub use id::{BadId, RecordId};
pub use insight::{ActionStep, Insight, InsightError};
pub use journal::{Journal, Record, Theme, Upsert};
pub use kinds::{AnyRecord, Batch, Kind};
pub use prompt::{PickContext, Prompt, PromptLibrary, When};
pub use questionnaire::{Band, Instrument, QuestionnaireResult, ATTRIBUTION};
pub use record::Checked;
pub use safety_plan::SafetyPlan;
pub use search::{fold, group_by_day, EntryFilter};
pub use session::{DosingSession, Route, SessionError};
pub use session_day::{ChecklistItem, Medicine, SessionDay};
pub use shared::{SharedSummary, Way};
pub use stage::Stage;
pub use staying_well::{Crossing, MoodThreshold, StayingWellPlan};
