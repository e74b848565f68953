use super::*;
use chrono::{Datelike, NaiveDate};

fn at(m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
}

fn all_asked() -> Choice {
    Choice {
        check_in: Some((
            vec![Weekday::Thu, Weekday::Mon, Weekday::Mon],
            NaiveTime::from_hms_opt(20, 30, 0).unwrap(),
        )),
        before: Some(NaiveTime::from_hms_opt(19, 0, 0).unwrap()),
        after_days: Some(3),
        words: Words::default(),
    }
}

#[test]
fn afterglows_own_words_tell_nothing_and_the_patients_are_named_when_they_do() {
    let words = Words::default();
    for text in [&words.check_in, &words.before, &words.after] {
        assert_eq!(telling_words(text), Vec::<&str>::new(), "{text}");
    }
    assert_eq!(telling_words("Ketamine SESSION tomorrow, check my mood"), ["ketamine", "session", "mood"]);
    assert_eq!(telling_words("Two sessions left"), ["session"]);
    assert_eq!(telling_words("Take possession of the journalist's dosage"), Vec::<&str>::new());
}

#[test]
fn each_planned_session_gets_the_evening_before_and_days_after_and_past_ones_none() {
    let now = at(12, 5, 12);
    let sessions = [
        ("a".to_owned(), at(12, 10, 10)),
        ("b".to_owned(), at(12, 17, 9)),
        ("gone".to_owned(), at(11, 20, 10)),
    ];
    let got = reminders(&all_asked(), &sessions, now);
    let keys: Vec<(&str, NaiveDateTime)> = got.iter().map(|r| (r.key.as_str(), r.at)).collect();
    assert_eq!(
        keys,
        [
            ("check-in", NaiveDate::from_ymd_opt(2026, 12, 7).unwrap().and_hms_opt(20, 30, 0).unwrap()),
            ("before-a", NaiveDate::from_ymd_opt(2026, 12, 9).unwrap().and_hms_opt(19, 0, 0).unwrap()),
            ("after-a", at(12, 13, 10)),
            ("before-b", NaiveDate::from_ymd_opt(2026, 12, 16).unwrap().and_hms_opt(19, 0, 0).unwrap()),
            ("after-b", at(12, 20, 9)),
        ]
    );
    assert_eq!(got.first().map(|r| r.every.clone()), Some(vec![Weekday::Mon, Weekday::Thu]));
    // 5 December 2026 is a Saturday: the first reminder is Monday's, as the rule repeats.
    assert_eq!(got.first().map(|r| r.at.weekday()), Some(Weekday::Mon));
    // A session just after midnight: its evening before is still before it.
    let early = reminders(&all_asked(), &[("c".to_owned(), at(12, 8, 0))], now);
    assert!(early.iter().any(|r| r.key == "before-c" && r.at < at(12, 8, 0)));
}

#[test]
fn nothing_asked_makes_no_reminder() {
    let none = Choice { check_in: None, before: None, after_days: None, words: Words::default() };
    assert!(reminders(&none, &[("a".to_owned(), at(12, 10, 10))], at(12, 5, 12)).is_empty());
}

#[test]
fn telling_words_are_caught_in_spanish_too_and_the_spanish_defaults_tell_nothing() {
    assert_eq!(telling_words("Mi sesión de ketamina"), ["ketamina", "sesión"]);
    assert_eq!(telling_words("Dosis y SESIONES"), ["sesiones", "dosis"]);
    assert_eq!(telling_words("¿Sesión mañana? «Ánimo»…terapia×2"), ["sesión", "terapia", "ánimo"]);
    assert_eq!(telling_words("ketamine—dose…"), ["ketamine", "dose"]);
    let spanish = crate::i18n::spanish();
    let words = spanish.run(Words::default);
    assert_eq!(words.check_in, "Afterglow: un momento para usted");
    for text in [&words.check_in, &words.before, &words.after] {
        assert_eq!(telling_words(text), Vec::<&str>::new(), "{text}");
    }
}
