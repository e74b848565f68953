//! Dates as ISO text (`2026-12-01`, `2026-12-01T21:04`): what date fields give and take,
//! what files hold, and the fallback when the browser cannot format a date. Small and
//! strict, instead of chrono's general `format`/`parse_from_str` machinery, which would
//! put its strftime interpreter and parser into the first screen's bytes.
//!
//! Pure; never reads the clock and never formats for display in the patient's locale
//! (that is the browser's `Intl`, in `ui::kit::format`).

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The number in `text` when it is exactly `len` ASCII digits.
fn digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

/// A day from `YYYY-MM-DD` (a date field's value); `None` for anything else or a day that
/// does not exist.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(y, 4)? as i32, digits(m, 2)?, digits(d, 2)?)
}

/// A minute from `YYYY-MM-DDTHH:MM` (a datetime-local field's value; seconds, if the
/// browser adds them, are dropped).
pub fn parse_minute(text: &str) -> Option<NaiveDateTime> {
    let (day, time) = text.split_once('T')?;
    let mut parts = time.split(':');
    let (h, m) = (parts.next()?, parts.next()?);
    match parts.next() {
        None => {}
        Some(s) if digits(s.split('.').next()?, 2).is_some() && parts.next().is_none() => {}
        Some(_) => return None,
    }
    Some(parse_day(day)?.and_time(NaiveTime::from_hms_opt(digits(h, 2)?, digits(m, 2)?, 0)?))
}

/// `2026-12-01`.
pub fn day(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// `2026-12`.
pub fn month(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// `21:04`.
pub fn hour_minute<T: Timelike>(at: &T) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

/// `2026-12-01T21:04` (what a datetime-local field takes).
pub fn minute(at: &NaiveDateTime) -> String {
    format!("{}T{}", day(at.date()), hour_minute(at))
}

/// `1 Dec`: a day and the month's English abbreviation, for plain-text files.
pub fn day_and_month(day: NaiveDate) -> String {
    format!("{} {}", day.day(), MONTHS.get(day.month0() as usize).unwrap_or(&""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn days_round_trip_and_agree_with_chrono() {
        for day_ in [d(2000, 1, 1), d(2026, 12, 1), d(2099, 12, 31), d(2024, 2, 29)] {
            assert_eq!(day(day_), day_.format("%Y-%m-%d").to_string());
            assert_eq!(parse_day(&day(day_)), Some(day_));
            assert_eq!(month(day_), day_.format("%Y-%m").to_string());
            assert_eq!(day_and_month(day_), day_.format("%-d %b").to_string());
        }
    }

    #[test]
    fn only_well_formed_existing_days_parse() {
        for bad in [
            "",
            "2026",
            "2026-12",
            "2026-13-01",
            "2025-02-29",
            "2026-1-01",
            "2026-01-1",
            "+2026-01-01",
            "2026-01-01-",
            "2026-01-01T00:00",
            "２０２６-01-01",
            " 2026-01-01",
            "2026/01/01",
            "-001-01-01",
        ] {
            assert_eq!(parse_day(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn minutes_round_trip_and_take_the_browsers_seconds() {
        let at = d(2026, 12, 1).and_hms_opt(21, 4, 0).unwrap();
        assert_eq!(minute(&at), "2026-12-01T21:04");
        assert_eq!(minute(&at), at.format("%Y-%m-%dT%H:%M").to_string());
        assert_eq!(hour_minute(&at), "21:04");
        assert_eq!(parse_minute("2026-12-01T21:04"), Some(at));
        assert_eq!(parse_minute("2026-12-01T21:04:00"), Some(at));
        assert_eq!(parse_minute("2026-12-01T21:04:59.5"), Some(at));
        for bad in [
            "2026-12-01",
            "2026-12-01T",
            "2026-12-01T24:00",
            "2026-12-01T21:60",
            "2026-12-01T1:04",
            "2026-12-01 21:04",
            "2026-12-01T21:04:00:00",
            "2026-12-01T21:04:x",
        ] {
            assert_eq!(parse_minute(bad), None, "{bad:?}");
        }
    }
}
