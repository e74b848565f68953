use super::*;
use crate::domain::id::RecordId;
use chrono::TimeZone;

fn check_in(y: i32, m: u32, d: u32, h: u32, mood: u8, stage: Stage) -> CheckIn {
    let at = Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap();
    crate::domain::test_records::check_in(
        RecordId::generate(at.timestamp_millis(), u32::from(mood)),
        at,
        stage,
        mood,
    )
}

fn utc_day(t: DateTime<Utc>) -> NaiveDate {
    t.date_naive()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn an_empty_year_has_every_day_and_nothing_on_them() {
    let year = Year::of(2026, &[], &[], utc_day).unwrap();
    assert_eq!(year.days.len(), 365);
    assert!(year.days.iter().all(|d| d.mood.is_none() && d.sessions == 0 && d.stage.is_none()));
    // 1 January 2026 is a Thursday: three empty places before it.
    let weeks = year.weeks();
    assert_eq!(weeks.first().unwrap().iter().filter(|d| d.is_none()).count(), 3);
    assert_eq!(weeks.iter().flatten().flatten().count(), 365);
    assert_eq!(year.month_starts().len(), 12);
    assert_eq!(year.month_starts().first(), Some(&(1, 0)));
    assert_eq!(Year::of(1999, &[], &[], utc_day), None);
    assert_eq!(Year::of(2100, &[], &[], utc_day), None);
}

#[test]
fn a_leap_year_has_its_29th_of_february() {
    let year = Year::of(2028, &[], &[], utc_day).unwrap();
    assert_eq!(year.days.len(), 366);
    assert!(year.days.iter().any(|d| d.date == date(2028, 2, 29)));
}

#[test]
fn days_carry_their_mood_average_sessions_and_stage_with_gaps_left_empty() {
    let check_ins = [
        check_in(2026, 3, 1, 8, 4, Stage::Preparation),
        check_in(2026, 3, 1, 20, 7, Stage::Preparation),
        check_in(2026, 3, 5, 9, 6, Stage::Preparation),
        check_in(2026, 3, 9, 9, 8, Stage::Integration),
    ];
    let year = Year::of(2026, &check_ins, &[date(2026, 3, 8), date(2026, 3, 8)], utc_day).unwrap();
    let on = |m, d| year.days.iter().find(|x| x.date == date(2026, m, d)).unwrap().clone();
    assert_eq!(on(3, 1).mood, Some(5.5));
    assert_eq!(on(3, 2).mood, None, "a gap stays empty");
    assert_eq!(on(3, 3).stage, Some(Stage::Preparation), "inside a stage's band");
    assert_eq!(on(3, 8).sessions, 2);
    assert_eq!(on(3, 8).stage, None, "between two stages' bands");
    assert_eq!(on(3, 9).stage, Some(Stage::Integration));
}

#[test]
fn the_day_follows_the_patients_time_zone_across_a_change_of_clocks() {
    // 23:30 UTC on 28 March is already 29 March in Madrid, and 00:30 on 29 March (summer
    // time starts that night) too.
    let madrid = |t: DateTime<Utc>| {
        let summer = t >= Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
        (t + chrono::Duration::hours(if summer { 2 } else { 1 })).date_naive()
    };
    let check_ins =
        [check_in(2026, 3, 28, 23, 3, Stage::Integration), check_in(2026, 3, 29, 22, 9, Stage::Integration)];
    let year = Year::of(2026, &check_ins, &[], madrid).unwrap();
    let on = |d| year.days.iter().find(|x| x.date == date(2026, 3, d)).unwrap().mood;
    assert_eq!(on(28), None);
    assert_eq!(on(29), Some(3.0));
    assert_eq!(on(30), Some(9.0));
}

#[test]
fn moods_fall_into_five_steps() {
    assert_eq!([1.0, 2.0, 2.9, 3.0, 5.5, 7.0, 8.9, 9.0, 10.0].map(mood_step), [1, 1, 1, 2, 3, 4, 4, 5, 5]);
}
