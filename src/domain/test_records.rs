//! Records for the crate's own tests (the domain's, the exports', the storage's), made one
//! way: the tests' clock, an entry, a check-in of a mood and a PHQ-9 of a score (its
//! answers filled from the first item, item 9 left at 0).

use super::{CheckIn, EntryDraft, Instrument, JournalEntry, QuestionnaireResult, RecordId, Stage};
use chrono::{DateTime, Duration, TimeZone, Utc};

/// The tests' clock: 20 November 2026, 09:00 UTC, and `minutes` after it.
pub fn t(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).single().expect("a real time") + Duration::minutes(minutes)
}

/// An entry of `text` written at `at` in the dosing stage, its id numbered `n` at the
/// clock's start ([`t`]`(0)`).
pub fn entry(n: u32, at: DateTime<Utc>, text: &str) -> JournalEntry {
    let draft = EntryDraft { text: text.into(), ..EntryDraft::default() };
    JournalEntry::new(RecordId::generate(t(0).timestamp_millis(), n), at, Stage::Dosing, draft)
        .expect("an entry")
}

/// A check-in at `at` with mood `mood` (anxiety 3, energy 5, nothing else).
pub fn check_in(id: RecordId, at: DateTime<Utc>, stage: Stage, mood: u8) -> CheckIn {
    CheckIn {
        id,
        at,
        stage,
        mood,
        anxiety: 3,
        energy: 5,
        sleep_half_hours: None,
        emotions: vec![],
        note: String::new(),
        edited: at,
    }
}

/// A PHQ-9 at `at` scoring `score` (0 to 24: item 9 stays at 0).
pub fn phq9(id: RecordId, at: DateTime<Utc>, score: u8) -> QuestionnaireResult {
    let mut left = score;
    let answers: Vec<Option<u8>> = (0..9)
        .map(|i| {
            let here = if i == 8 { 0 } else { left.min(3) };
            left -= here;
            Some(here)
        })
        .collect();
    let r = QuestionnaireResult::complete(id, at, Instrument::Phq9, &answers).expect("a complete PHQ-9");
    assert_eq!(r.score(), score, "a PHQ-9 of {score} fits items 1 to 8");
    r
}

/// The record id numbered `n` (its time and random part both `n`): the id every test of
/// the domain and the exports builds its records with.
pub fn id(n: i64) -> RecordId {
    RecordId::generate(n, n as u32)
}
