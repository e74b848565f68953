//! Records for the domain's own tests, made one way: a check-in of a mood and a PHQ-9 of a
//! score (its answers filled from the first item, item 9 left at 0).

use super::{CheckIn, Instrument, QuestionnaireResult, RecordId, Stage};
use chrono::{DateTime, Utc};

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
