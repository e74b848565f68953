use super::*;
use chrono::TimeZone;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
}

fn chicago() -> Zone {
    // 2026: clocks go forward on 8 March at 02:00 (CST, -6h), back on 1 November at 02:00 (CDT, -5h).
    Zone::from_transitions(
        "America/Chicago",
        -360,
        &[(at(2026, 3, 8, 2, 0), -360, -300), (at(2026, 11, 1, 2, 0), -300, -360)],
    )
}

fn unfold(text: &str) -> String {
    text.replace("\r\n ", "")
}

fn check_in() -> Event {
    Event {
        uid: "checkin@afterglow".into(),
        summary: "Afterglow: a moment for yourself".into(),
        description: None,
        start: at(2026, 12, 7, 20, 30),
        minutes: 10,
        repeat: Some(Repeat::Weekly(vec![Weekday::Mon, Weekday::Thu])),
        alarm_before: Some(0),
    }
}

#[test]
fn yearly_rules_read_from_a_change_count_from_the_start_or_from_the_end() {
    let us = YearlyRule::of(at(2026, 3, 8, 2, 0));
    assert_eq!((us.month, us.weekday, us.nth), (3, Weekday::Sun, 2));
    assert_eq!(us.date_in(1970), NaiveDate::from_ymd_opt(1970, 3, 8));
    let eu = YearlyRule::of(at(2026, 3, 29, 2, 0));
    assert_eq!((eu.month, eu.weekday, eu.nth), (3, Weekday::Sun, -1));
    assert_eq!(eu.date_in(1970), NaiveDate::from_ymd_opt(1970, 3, 29));
    assert_eq!(eu.date_in(2027), NaiveDate::from_ymd_opt(2027, 3, 28));
    let back = YearlyRule::of(at(2026, 11, 1, 2, 0));
    assert_eq!((back.nth, back.rrule().as_str()), (1, "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"));
}

#[test]
fn a_zone_with_summer_time_has_both_observances_and_one_without_has_one() {
    let text = unfold(&write(&chicago(), &[], Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap()));
    for line in [
        "TZID:America/Chicago",
        "BEGIN:DAYLIGHT",
        "DTSTART:19700308T020000",
        "TZOFFSETFROM:-0600",
        "TZOFFSETTO:-0500",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
        "BEGIN:STANDARD",
        "DTSTART:19701101T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
    ] {
        assert!(text.contains(&format!("{line}\r\n")), "{line} missing in\n{text}");
    }
    let tokyo = write(&Zone::from_transitions("Asia/Tokyo", 540, &[]), &[], Utc::now());
    assert!(tokyo.contains("TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\n"));
    assert!(!tokyo.contains("RRULE") && !tokyo.contains("DAYLIGHT"));
}

#[test]
fn an_event_carries_its_zone_rule_alarm_and_a_uid_that_stays_the_same() {
    let first = write(&chicago(), &[check_in()], Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap());
    let again = write(&chicago(), &[check_in()], Utc.with_ymd_and_hms(2026, 12, 9, 8, 0, 0).unwrap());
    for text in [&first, &again] {
        assert!(text.contains("UID:checkin@afterglow\r\n"));
        assert!(text.contains("DTSTART;TZID=America/Chicago:20261207T203000\r\n"));
        assert!(text.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TH\r\n"));
        assert!(text.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"));
        assert!(text.contains("TRIGGER:-PT0M\r\n"));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
    }
    assert_ne!(first, again, "only the stamp differs");
}

#[test]
fn text_is_escaped_and_every_line_is_folded_at_75_octets_between_characters() {
    let mut long = check_in();
    long.summary =
        "Walk, rest; then tea\\ and \"quiet\"\nsecond line ".to_owned() + &"ça va 静かな ".repeat(12);
    let text = write(&chicago(), &[long.clone()], Utc::now());
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(!text.replace("\r\n", "").contains('\n'), "no bare line feed");
    let summary = unfold(&text).lines().find(|l| l.starts_with("SUMMARY:")).unwrap().to_owned();
    assert!(
        summary.starts_with("SUMMARY:Walk\\, rest\\; then tea\\\\ and \"quiet\"\\nsecond line ça va 静かな")
    );
    assert_eq!(escape("a\r\nb\u{7}c"), "a\\nbc");
}

#[test]
fn the_patients_reminders_make_events_with_stable_uids_and_no_telling_word() {
    use crate::domain::reminders::{reminders as plan, telling_words, Choice, Words};
    let choice = Choice {
        check_in: Some((
            vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ],
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        )),
        before: Some(NaiveTime::from_hms_opt(19, 0, 0).unwrap()),
        after_days: Some(3),
        words: Words::default(),
    };
    let list = plan(&choice, &[("01JF".to_owned(), at(2026, 12, 10, 10, 0))], at(2026, 12, 5, 12, 0));
    let first =
        reminders(&chicago(), &list, "afterglow", Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap());
    let again =
        reminders(&chicago(), &list, "afterglow", Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap());
    let uids = |t: &str| t.lines().filter(|l| l.starts_with("UID:")).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(
        uids(&first),
        [
            "UID:check-in.afterglow@afterglow.invalid",
            "UID:before-01JF.afterglow@afterglow.invalid",
            "UID:after-01JF.afterglow@afterglow.invalid"
        ]
    );
    assert_eq!(uids(&first), uids(&again));
    assert!(first.contains("RRULE:FREQ=DAILY\r\n"));
    let texts: String = unfold(&first)
        .lines()
        .filter(|l| l.starts_with("SUMMARY:") || l.starts_with("DESCRIPTION:"))
        .collect();
    assert_eq!(telling_words(&texts), Vec::<&str>::new(), "{texts}");
}
