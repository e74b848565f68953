use super::*;
use crate::domain::test_records::{self, check_in, id};
use crate::domain::{DosingSession, Goal, GoalRating, GoalStatus, Route, Stage};
use chrono::TimeZone;

fn at(day: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 10, 0, 0).unwrap() + Duration::days(day)
}

fn gather(j: &Journal, now: DateTime<Utc>) -> Facts {
    Facts::gather(j, now, |t| t.date_naive())
}

fn day(d: i64) -> NaiveDate {
    at(d).date_naive()
}

fn session(j: &mut Journal, n: u32, day: i64) {
    j.upsert_any(DosingSession::starting(id(100 + i64::from(n)), at(day), n, Route::IvInfusion));
}

fn mood(j: &mut Journal, n: i64, day: i64, mood: u8) {
    j.upsert_any(check_in(id(1000 + n), at(day), Stage::Preparation, mood));
}

fn phq9(j: &mut Journal, n: i64, day: i64, score: u8) {
    j.upsert_any(test_records::phq9(id(2000 + n), at(day), score));
}

/// A course: PHQ-9s on days 0 (14) and 9 (16, the baseline: the last before the first
/// session), sessions on days 10, 13, 17, 20, a PHQ-9 of 6 on day 60; mood 3 before and 7
/// lately; one goal rated 2 then 6, one let go after the first session, one let go before.
fn course() -> Journal {
    let mut j = Journal::new(Stage::FollowUp);
    phq9(&mut j, 1, 0, 14);
    phq9(&mut j, 2, 9, 16);
    for (n, day) in [(1, 10), (2, 13), (3, 17), (4, 20)] {
        session(&mut j, n, day);
    }
    phq9(&mut j, 3, 60, 6);
    for d in 0..10 {
        mood(&mut j, d, d, 3);
    }
    for d in 50..62 {
        mood(&mut j, d, d, 7);
    }
    let sleep = Goal::new(id(1), at(1), &j, "Sleep through the night", "").unwrap();
    j.upsert_any(sleep.clone());
    j.upsert_any(GoalRating::new(id(11), at(1), &sleep.id, 2, "", false).unwrap());
    j.upsert_any(GoalRating::new(id(12), at(55), &sleep.id, 6, "Most nights", true).unwrap());
    let walk = Goal::new(id(2), at(1), &j, "Walk daily", "").unwrap();
    j.upsert_any(walk.clone().with_status(at(30), GoalStatus::LetGo, &j).unwrap());
    let early = Goal::new(id(3), at(1), &j, "Something set aside early", "").unwrap();
    j.upsert_any(early.clone().with_status(at(5), GoalStatus::LetGo, &j).unwrap());
    j
}

#[test]
fn the_check_in_compares_against_the_baseline_before_the_first_session() {
    let j = course();
    let facts = gather(&j, at(62));
    assert_eq!(facts.weeks_since, Some(6), "42 days after session 4");
    assert_eq!(facts.last_session, Some(4));
    assert_eq!(facts.phq9, Some(Then { then: (16, day(9)), now: Some((6, day(60))) }));
    assert_eq!(facts.mood_before, Some((30, 10)));
    assert_eq!(facts.mood_recent, Some((70, 12)));
    assert_eq!(
        facts.goals,
        vec![
            GoalThen { goal: id(1), text: "Sleep through the night".into(), then: Some(2), now: Some(6) },
            GoalThen { goal: id(2), text: "Walk daily".into(), then: None, now: None },
        ],
        "a goal let go before the first session is left out"
    );
}

#[test]
fn without_a_score_before_the_first_session_the_first_one_is_the_baseline() {
    let mut j = Journal::new(Stage::FollowUp);
    session(&mut j, 1, 0);
    assert_eq!(gather(&j, at(3)).phq9, None);
    phq9(&mut j, 1, 5, 12);
    assert_eq!(gather(&j, at(6)).phq9, Some(Then { then: (12, day(5)), now: None }));
    phq9(&mut j, 2, 20, 8);
    assert_eq!(gather(&j, at(21)).phq9, Some(Then { then: (12, day(5)), now: Some((8, day(20))) }));
    // Nothing after `now` counts (a clock moved back, another device's record).
    assert_eq!(gather(&j, at(10)).phq9, Some(Then { then: (12, day(5)), now: None }));
}

#[test]
fn without_sessions_there_is_no_before_and_no_weeks() {
    let mut j = Journal::new(Stage::FollowUp);
    mood(&mut j, 1, 3, 5);
    mood(&mut j, 2, 4, 6);
    let facts = gather(&j, at(5));
    assert_eq!((facts.weeks_since, facts.last_session, facts.mood_before), (None, None, None));
    assert_eq!(facts.mood_recent, Some((55, 2)));
}

#[test]
fn a_check_in_keeps_the_patients_words_and_checks_them() {
    let j = course();
    let c = FollowUpCheck::new(
        id(9),
        at(62),
        &j,
        |t| t.date_naive(),
        "  Sleeping better  ",
        "Whether to space sessions out",
    )
    .unwrap();
    assert_eq!(c.noticed, "Sleeping better");
    assert_eq!(c.facts, gather(&j, at(62)));
    assert!(FollowUpCheck::new(id(9), at(62), &j, |t| t.date_naive(), &"x".repeat(MAX_WORDS_CHARS + 1), "")
        .is_err());
    let mut bad = c.clone();
    bad.facts.mood_recent = Some((101, 1));
    assert!(bad.validate().is_err());
    let mut bad = c;
    bad.facts.goals[0].now = Some(11);
    assert!(bad.validate().is_err());
}

#[test]
fn damaged_figures_are_refused_in_the_patients_language() {
    let c = FollowUpCheck::new(id(9), at(62), &course(), |t| t.date_naive(), "Noticed", "").unwrap();
    let mut mood = c.clone();
    mood.facts.mood_recent = Some((101, 1));
    let mut goal = c.clone();
    goal.facts.goals[0].now = Some(11);
    let mut sessions = c;
    sessions.facts.last_session = Some(10_001);
    assert_eq!(mood.validate().unwrap_err(), "A mood figure is out of range.");
    let spanish = crate::i18n::spanish();
    assert_eq!(spanish.run(|| mood.validate().unwrap_err()), "Una cifra del ánimo está fuera de rango.");
    assert_eq!(
        spanish.run(|| goal.validate().unwrap_err()),
        "Una valoración de una meta está fuera de rango."
    );
    assert_eq!(
        spanish.run(|| sessions.validate().unwrap_err()),
        "Una cifra de las sesiones está fuera de rango."
    );
}
