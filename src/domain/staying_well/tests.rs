use super::*;
use crate::domain::test_records::{self, check_in, id};
use crate::domain::Stage;
use chrono::TimeZone;

fn at(day: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 20, 0, 0).unwrap() + Duration::days(day)
}

fn day(d: i64) -> NaiveDate {
    at(d).date_naive()
}

fn mood(j: &mut Journal, n: i64, d: i64, mood: u8) {
    j.upsert_any(check_in(id(1000 + n), at(d), Stage::FollowUp, mood));
}

fn phq9(j: &mut Journal, n: i64, d: i64, score: u8) {
    j.upsert_any(test_records::phq9(id(2000 + n), at(d), score));
}

fn plan(mood: Option<(u8, u8)>, phq9: Option<u8>) -> StayingWellPlan {
    let mut p = StayingWellPlan::start(id(1), at(0));
    p.mood = mood.map(|(below, days)| MoodThreshold { below, days });
    p.phq9 = phq9;
    p
}

fn crossed(p: &StayingWellPlan, j: &Journal, today: i64) -> Vec<Crossing> {
    p.crossings(j, day(today), at(today), |t| t.date_naive())
}

#[test]
fn a_plan_is_checked() {
    assert_eq!(plan(None, None).validate(), Ok(()));
    assert!(plan(None, None).is_blank());
    assert_eq!(plan(Some((0, 5)), None).validate(), Err(StayingWellError::Mood));
    assert_eq!(plan(Some((11, 5)), None).validate(), Err(StayingWellError::Mood));
    assert_eq!(plan(Some((4, 0)), None).validate(), Err(StayingWellError::Mood));
    assert_eq!(plan(Some((4, 29)), None).validate(), Err(StayingWellError::Mood));
    assert_eq!(plan(Some((4, 28)), Some(27)).validate(), Ok(()));
    assert_eq!(plan(None, Some(0)).validate(), Err(StayingWellError::Phq9));
    assert_eq!(plan(None, Some(28)).validate(), Err(StayingWellError::Phq9));
    let mut long = plan(None, None);
    long.parts[2] = "x".repeat(MAX_PART_CHARS + 1);
    assert_eq!(long.validate(), Err(StayingWellError::TooLong(2)));
    assert_eq!(
        StayingWellError::TooLong(2).to_string(),
        "“People I can contact” is longer than Afterglow keeps (4000 characters)."
    );
    assert!(!plan(None, Some(10)).is_blank());
}

#[test]
fn the_mood_threshold_needs_every_day_of_the_run_below() {
    let p = plan(Some((4, 5)), None);
    let mut j = Journal::new(Stage::FollowUp);
    // Good days (7) up to day 9, then low days (3), with no check-in on days 16 and 17.
    for d in (0..20).filter(|d| !(16..=17).contains(d)) {
        mood(&mut j, d, d, if d < 10 { 7 } else { 3 });
    }
    // The 7-day mean first falls below 4 on day 15 (day 14: 7,7,3,3,3,3,3 -> 4.14; day
    // 15: 7 and six 3s -> 3.57); the two days without a check-in keep it (their windows
    // hold other days), so the five days in a row end on day 19.
    assert_eq!(crossed(&p, &j, 14), vec![]);
    assert_eq!(crossed(&p, &j, 18), vec![]);
    assert_eq!(crossed(&p, &j, 19), vec![Crossing::Mood { below: 4, days: 5, now: 3.0 }]);
    // Two good days inside the run lift day 17's mean to 5 and break it.
    mood(&mut j, 99, 16, 10);
    mood(&mut j, 98, 17, 10);
    assert_eq!(crossed(&p, &j, 19), vec![]);
}

#[test]
fn no_check_ins_means_no_crossing() {
    let p = plan(Some((4, 3)), None);
    let mut j = Journal::new(Stage::FollowUp);
    assert_eq!(crossed(&p, &j, 10), vec![]);
    mood(&mut j, 1, 0, 1);
    // Day 0's check-in is in the windows of days 0-6; on day 8 the run's first window
    // (day 6) still has it, day 7's does not.
    assert_eq!(crossed(&p, &j, 6).len(), 1);
    assert_eq!(crossed(&p, &j, 8), vec![]);
    // A check-in after `today` (a shifted clock, another device) is not counted.
    let mut later = Journal::new(Stage::FollowUp);
    mood(&mut later, 2, 5, 1);
    assert_eq!(crossed(&p, &later, 4), vec![]);
}

#[test]
fn the_phq9_threshold_reads_the_latest_recent_score() {
    let p = plan(None, Some(10));
    let mut j = Journal::new(Stage::FollowUp);
    assert_eq!(crossed(&p, &j, 0), vec![]);
    phq9(&mut j, 1, 0, 9);
    assert_eq!(crossed(&p, &j, 1), vec![]);
    phq9(&mut j, 2, 14, 12);
    assert_eq!(crossed(&p, &j, 15), vec![Crossing::Phq9 { at_least: 10, score: 12, at: at(14) }]);
    // Thirty days on it is no longer recent.
    assert_eq!(crossed(&p, &j, 14 + PHQ9_FRESH_DAYS), vec![]);
    // A later, lower score is the one that counts.
    phq9(&mut j, 3, 20, 4);
    assert_eq!(crossed(&p, &j, 21), vec![]);
}

#[test]
fn the_reasons_are_plain_and_advise_nothing() {
    let mood = Crossing::Mood { below: 4, days: 5, now: 2.857 };
    assert_eq!(
        mood.reason(),
        "Your 7-day mood has been below 4 for 5 days in a row (it is 2.9 now), as your plan asked to notice."
    );
    let one = Crossing::Mood { below: 4, days: 1, now: 3.0 };
    assert!(one.reason().contains("below 4 for 1 day (it is 3.0 now)"));
    let phq = Crossing::Phq9 { at_least: 10, score: 12, at: at(0) };
    assert_eq!(phq.reason(), "Your latest PHQ-9 is 12: at or above the 10 your plan asked to notice.");
    for text in [mood.reason(), phq.reason()] {
        for word in ["dose", "booster", "medic", "depress", "diagnos"] {
            assert!(!text.to_lowercase().contains(word), "{text} mentions {word}");
        }
    }
}

#[test]
fn not_now_quiets_the_plan_for_a_week() {
    let mut p = plan(None, Some(10));
    assert!(!p.is_quiet(day(0)));
    p.quiet_until = Some(day(QUIET_DAYS));
    assert!(p.is_quiet(day(0)) && p.is_quiet(day(QUIET_DAYS)));
    assert!(!p.is_quiet(day(QUIET_DAYS + 1)));
}

#[test]
fn the_latest_plan_is_the_one_shown() {
    let mut j = Journal::default();
    let a = plan(None, Some(10));
    let mut b = StayingWellPlan::start(id(2), at(-1));
    j.upsert_any(a.clone());
    j.upsert_any(b.clone());
    assert_eq!(j.staying_well().map(|p| &p.id), Some(&a.id));
    b.edited = at(3);
    j.upsert_any(b.clone());
    assert_eq!(j.staying_well().map(|p| &p.id), Some(&b.id));
}

#[test]
fn a_revised_plan_keeps_the_stored_id_and_not_now_and_joins_the_parts() {
    let opened = StayingWellPlan::start(id(1), at(0));
    let mut theirs = opened.clone();
    theirs.parts[0] = "Sleeping past noon".into();
    theirs.quiet_until = Some(day(9));
    theirs.edited = at(3);
    let mut mine = StayingWellPlan::start(id(2), at(1));
    mine.parts[1] = "Call Sam".into();
    let (saved, both) = mine.revised(&opened.parts, Some(&theirs), at(2));
    assert_eq!((saved.id.clone(), saved.quiet_until), (id(1), Some(day(9))));
    assert_eq!(saved.parts[0], "Sleeping past noon");
    assert_eq!(saved.parts[1], "Call Sam");
    assert!(saved.edited > at(3) && !both);
}

#[test]
fn a_crossing_is_told_in_spanish_with_the_patients_decimal_comma() {
    use crate::i18n::set_spanish_decimal_comma;
    let spanish = crate::i18n::spanish();
    set_spanish_decimal_comma(true);
    let mood = spanish.run(|| Crossing::Mood { below: 4, days: 5, now: 2.857 }.reason());
    assert!(mood.contains("por debajo de 4 durante 5 días seguidos (ahora está en 2,9)"), "{mood}");
    set_spanish_decimal_comma(false);
    let one = spanish.run(|| Crossing::Mood { below: 4, days: 1, now: 3.0 }.reason());
    assert!(one.contains("durante 1 día (ahora está en 3.0)"), "{one}");
}
