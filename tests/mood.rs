//! Mood tracking: questionnaire scoring and bands (data-driven from
//! `tests/fixtures/questionnaires.json`), the item-9 safety rule, reminders, and the
//! statistics behind the charts, including their cost at ten years of daily check-ins.
// Test helpers may unwrap and index: a panic here is a failed test (clippy.toml allows
// it inside tests; helpers outside `#[test]` need saying).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use afterglow::domain::questionnaire::{is_due, needs_crisis_support};
use afterglow::domain::stats::{before_after, daily_means, downsample, rolling_mean, stage_bands, Point};
use afterglow::domain::{
    default_resources, CheckIn, Instrument, Metric, QuestionnaireResult, RecordId, Stage, ATTRIBUTION,
};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    instrument: Instrument,
    answers: Vec<u8>,
    score: u8,
    band: String,
    crisis: bool,
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap()
}

#[test]
fn scores_and_bands_match_the_published_cutoffs() {
    let path = format!("{}/tests/fixtures/questionnaires.json", env!("CARGO_MANIFEST_DIR"));
    let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for case in &cases {
        let answers: Vec<Option<u8>> = case.answers.iter().map(|a| Some(*a)).collect();
        let r =
            QuestionnaireResult::complete(RecordId::generate(1, 1), t0(), case.instrument, &answers).unwrap();
        assert_eq!(r.score(), case.score, "{:?} {:?}", case.instrument, case.answers);
        assert_eq!(r.band().label(), case.band, "{:?} score {}", case.instrument, case.score);
        assert_eq!(r.needs_crisis_support(), case.crisis, "{:?} {:?}", case.instrument, case.answers);
    }
    assert!(cases.len() >= 19);
}

#[test]
fn incomplete_or_out_of_range_answers_are_refused() {
    let mut answers = vec![Some(1); 9];
    answers[4] = None;
    let err = QuestionnaireResult::complete(RecordId::generate(1, 1), t0(), Instrument::Phq9, &answers)
        .unwrap_err();
    assert_eq!(err.to_string(), "Please answer every question (8 of 9 answered).");
    answers[4] = Some(4);
    assert!(
        QuestionnaireResult::complete(RecordId::generate(1, 1), t0(), Instrument::Phq9, &answers).is_err()
    );
    assert!(QuestionnaireResult::complete(RecordId::generate(1, 1), t0(), Instrument::Gad7, &[Some(0); 9])
        .is_err());
}

#[test]
fn item_nine_above_zero_calls_for_help_at_once_even_half_answered() {
    let mut answers = vec![None; 9];
    assert!(!needs_crisis_support(Instrument::Phq9, &answers));
    answers[8] = Some(0);
    assert!(!needs_crisis_support(Instrument::Phq9, &answers));
    answers[8] = Some(1);
    assert!(needs_crisis_support(Instrument::Phq9, &answers), "before the other items are answered");
    assert!(!needs_crisis_support(Instrument::Gad7, &[None, None, None, None, None, None, Some(3)]));
    assert!(default_resources(afterglow::i18n::Lang::En).iter().any(|r| r.phone.as_deref() == Some("988")));
}

#[test]
fn the_options_and_attribution_are_the_standard_ones() {
    assert_eq!(
        Instrument::Phq9.options().iter().map(|(_, l)| *l).collect::<Vec<_>>(),
        ["Not at all", "Several days", "More than half the days", "Nearly every day"]
    );
    assert_eq!(Instrument::Gad7.options(), Instrument::Phq9.options());
    assert!(ATTRIBUTION.starts_with("Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke"));
    assert!(ATTRIBUTION.ends_with("No permission required to reproduce, translate, display or distribute."));
}

#[test]
fn a_questionnaire_is_due_every_fourteen_days() {
    assert!(is_due(None, t0(), 14));
    assert!(!is_due(Some(t0()), t0() + Duration::days(13), 14));
    assert!(is_due(Some(t0()), t0() + Duration::days(14), 14));
    assert!(is_due(Some(t0()), t0() + Duration::days(7), 7));
}

#[test]
fn the_pcl5_asks_about_a_month_and_is_never_suggested_more_often() {
    use afterglow::domain::Instrument;
    let last = Some(t0());
    assert!(Instrument::Phq9.is_due(last, t0() + Duration::days(14), 14));
    assert!(!Instrument::Pcl5.is_due(last, t0() + Duration::days(14), 14), "not after two weeks");
    assert!(!Instrument::Pcl5.is_due(last, t0() + Duration::days(29), 7));
    assert!(Instrument::Pcl5.is_due(last, t0() + Duration::days(30), 14));
    assert_eq!(Instrument::Pcl5.every_days(60), 60, "a longer interval is the clinic's to set");
    assert!(Instrument::Pcl5.is_due(None, t0(), 14), "never taken: the clinic offers it");
}

fn check_in(at: DateTime<Utc>, stage: Stage, mood: u8, anxiety: u8) -> CheckIn {
    CheckIn {
        id: RecordId::generate(at.timestamp_millis(), 1),
        at,
        stage,
        mood,
        anxiety,
        energy: 5,
        sleep_half_hours: Some(14),
        emotions: vec![],
        note: String::new(),
        edited: at,
    }
}

#[test]
fn before_the_first_session_against_the_last_two_weeks() {
    let first_session = t0() + Duration::days(30);
    let now = t0() + Duration::days(120);
    let mut all = Vec::new();
    for d in 0..121 {
        let at = t0() + Duration::days(d);
        let (mood, anxiety) = if d < 30 { (3, 7) } else { (7, 3) };
        all.push(check_in(at, if d < 30 { Stage::Preparation } else { Stage::Integration }, mood, anxiety));
    }
    let ba = before_after(&all, first_session, now);
    assert_eq!(ba.before.count, 14);
    assert_eq!((ba.before.mood, ba.before.anxiety), (Some(3.0), Some(7.0)));
    assert_eq!(ba.recent.count, 14);
    assert_eq!((ba.recent.mood, ba.recent.anxiety, ba.recent.sleep), (Some(7.0), Some(3.0), Some(7.0)));
    let bands = stage_bands(&all, |at| at.date_naive());
    assert_eq!(bands.iter().map(|b| b.stage).collect::<Vec<_>>(), [Stage::Preparation, Stage::Integration]);
    assert_eq!(bands[0].to, NaiveDate::from_ymd_opt(2026, 1, 30).unwrap());
}

#[test]
fn several_check_ins_a_day_average_into_one_point() {
    let all = [
        check_in(t0(), Stage::Dosing, 2, 0),
        check_in(t0() + Duration::hours(5), Stage::Dosing, 6, 0),
        check_in(t0() + Duration::days(1), Stage::Dosing, 5, 0),
    ];
    let points = daily_means(&all, Metric::Mood, |at| at.date_naive());
    assert_eq!(points.iter().map(|p| p.value).collect::<Vec<_>>(), [4.0, 5.0]);
}

#[test]
fn ten_years_of_daily_points_chart_quickly() {
    let all: Vec<CheckIn> =
        (0..3650).map(|d| check_in(t0() + Duration::days(d), Stage::FollowUp, (d % 11) as u8, 3)).collect();
    let started = std::time::Instant::now();
    let daily = daily_means(&all, Metric::Mood, |at| at.date_naive());
    let rolling = rolling_mean(&daily, 7);
    let drawn: Vec<Point> = downsample(&rolling, 320);
    let spent = started.elapsed();
    assert_eq!(daily.len(), 3650);
    assert!(drawn.len() <= 640);
    // Not a timing assertion (CI noise); the figure is printed for the record.
    println!("daily means + rolling mean + downsampling of 3,650 check-ins: {spent:?}");
}
