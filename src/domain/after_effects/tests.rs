//! Tests of after-effects: vitals typing errors, red flags, the defaults.

use super::*;
use chrono::TimeZone;

fn log() -> AfterEffects {
    let at = Utc.with_ymd_and_hms(2026, 12, 3, 18, 0, 0).unwrap();
    AfterEffects::new(RecordId::generate(1, 1), RecordId::generate(2, 2), at)
}

#[test]
fn typing_errors_in_vitals_are_caught_and_nothing_else_is_judged() {
    let mut a = log();
    a.before = Reading { systolic: Some(128), diastolic: Some(84), pulse: Some(71) };
    a.after = Reading { systolic: Some(165), diastolic: Some(101), pulse: Some(118) };
    // High but plausible: recorded, not judged.
    assert_eq!(a.validate(), Ok(()));
    a.after.systolic = Some(1650);
    assert!(a.validate().unwrap_err().contains("typing error"), "{:?}", a.validate());
    a.after.systolic = Some(90);
    a.after.diastolic = Some(120);
    assert!(a.validate().unwrap_err().contains("swapped"));
    a.after = Reading { pulse: Some(7), ..Reading::default() };
    assert!(a.validate().unwrap_err().contains("pulse after the session reads 7"));
    assert_eq!(
        Reading { systolic: Some(120), diastolic: Some(80), pulse: Some(72) }.words(),
        "120/80 mmHg, pulse 72"
    );
    assert_eq!(Reading { pulse: Some(72), ..Reading::default() }.words(), "pulse 72");
}

#[test]
fn red_flags_are_raised_by_their_names_and_unknown_ones_are_kept() {
    let mut a = log();
    assert!(a.is_empty());
    assert!(a.raised(&default_red_flags()).is_empty());
    a.flags = vec![BLOOD_IN_URINE.into(), "chest-pain".into(), "clinic-fever".into()];
    let raised = a.raised(&default_red_flags());
    assert_eq!(raised.len(), 3);
    assert_eq!(raised[0].text, "Blood in my urine");
    assert!(!raised[0].urgent);
    assert!(raised[1].urgent);
    assert!(raised[2].text.contains("clinic-fever"));
    assert!(!a.is_empty());
}

#[test]
fn the_default_flags_are_the_four_the_clinics_name() {
    let flags = default_red_flags();
    let ids: Vec<_> = flags.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, [BLOOD_IN_URINE, "severe-pain", "chest-pain", "lasting-confusion"]);
    assert_eq!(Level::Strong.number(), 2);
    for s in Sleep::ALL {
        assert_eq!(Sleep::from_slug(s.slug()), Some(s));
    }
}
