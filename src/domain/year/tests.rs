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

#[test]
fn the_keyboard_moves_day_by_day_week_by_week_and_month_by_month_within_the_year() {
    let year = Year::of(2028, &[], &[], utc_day).unwrap();
    let index = |m, d| date(2028, m, d).ordinal0() as usize;
    let at = |i: usize| year.days[i].date;
    assert_eq!(year.moved(0, Move::PreviousDay), 0, "never before 1 January");
    assert_eq!(at(year.moved(0, Move::NextDay)), date(2028, 1, 2));
    assert_eq!(at(year.moved(index(2, 28), Move::NextDay)), date(2028, 2, 29), "the leap day is walked");
    assert_eq!(at(year.moved(index(3, 1), Move::PreviousWeek)), date(2028, 2, 23));
    assert_eq!(year.moved(index(12, 28), Move::NextWeek), index(12, 28), "a week past the year stays");
    assert_eq!(at(year.moved(index(1, 31), Move::NextMonth)), date(2028, 2, 29), "the month's last day");
    assert_eq!(at(year.moved(index(3, 31), Move::PreviousMonth)), date(2028, 2, 29));
    assert_eq!(year.moved(index(12, 5), Move::NextMonth), index(12, 5), "no month after December");
    assert_eq!(year.moved(index(1, 5), Move::PreviousMonth), index(1, 5));
    assert_eq!(at(year.moved(index(6, 5), Move::Last)), date(2028, 12, 31));
    assert_eq!(year.moved(index(6, 5), Move::First), 0);
    assert_eq!(year.moved(9999, Move::NextDay), 365, "an index past the end is taken as the last day");
}

#[test]
fn a_day_has_its_place_in_monday_first_weeks() {
    // 1 January 2026 is a Thursday (place 3); 5 January the Monday of the second week.
    let year = Year::of(2026, &[], &[], utc_day).unwrap();
    assert_eq!(year.place(0), Some((0, 3)));
    assert_eq!(year.place(4), Some((1, 0)));
    assert_eq!(year.place(364), Some((52, 3)));
    assert_eq!(year.place(365), None);
    let weeks = year.weeks();
    for i in [0, 4, 100, 364] {
        let (w, p) = year.place(i).unwrap();
        assert_eq!(weeks[w][p].map(|d| d.date), Some(year.days[i].date));
    }
}

#[test]
fn weeks_fall_into_runs_by_the_stage_most_of_their_days_were_in() {
    let check_ins = [
        check_in(2026, 1, 5, 9, 5, Stage::Preparation),
        check_in(2026, 1, 20, 9, 5, Stage::Preparation),
        // Thursday 22 January: the week of the 19th has two preparation days, four dosing.
        check_in(2026, 1, 22, 9, 5, Stage::Dosing),
        check_in(2026, 1, 25, 9, 5, Stage::Dosing),
        check_in(2026, 3, 2, 9, 5, Stage::Integration),
        check_in(2026, 3, 16, 9, 5, Stage::Integration),
    ];
    let year = Year::of(2026, &check_ins, &[], utc_day).unwrap();
    // Weeks: 0 holds 1-4 January, 1 starts 5 January, 3 starts 19 January, 9 starts 2 March.
    assert_eq!(
        year.stage_runs(),
        vec![(Stage::Preparation, 1, 2), (Stage::Dosing, 3, 3), (Stage::Integration, 9, 11)]
    );
    assert!(Year::of(2026, &[], &[], utc_day).unwrap().stage_runs().is_empty());
}
