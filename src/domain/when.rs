//! The span of time a journal can hold: every timestamp read from a file, from storage or
//! from a date field is checked against it at the boundary, so no date far outside a
//! human life (year 50, year 275,760, or an `i64` near its limit) reaches arithmetic,
//! charts or the browser's date formatting.
//!
//! Pure; never reads the clock.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The first year a record may fall in (ketamine-assisted therapy as a practice is newer).
pub const FIRST_YEAR: i32 = 2000;
/// The last year a record may fall in.
pub const LAST_YEAR: i32 = 2099;
/// 2000-01-01T00:00:00Z in epoch milliseconds.
pub const EARLIEST_MILLIS: i64 = 946_684_800_000;
/// 2100-01-01T00:00:00Z in epoch milliseconds (exclusive).
pub const END_MILLIS: i64 = 4_102_444_800_000;

/// Why a time was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the date is outside the years {FIRST_YEAR} to {LAST_YEAR}")]
pub struct OutOfRange;

/// Whether epoch milliseconds fall in the years a journal can hold.
pub fn millis_in_range(millis: i64) -> bool {
    (EARLIEST_MILLIS..END_MILLIS).contains(&millis)
}

/// The instant of `millis`, when it falls in the years a journal can hold.
pub fn instant(millis: i64) -> Result<DateTime<Utc>, OutOfRange> {
    if !millis_in_range(millis) {
        return Err(OutOfRange);
    }
    DateTime::from_timestamp_millis(millis).ok_or(OutOfRange)
}

/// When a record changed at `now` is edited, given its last edit `last`: now, but always
/// after the last one (another tab's clock may run ahead), and never past the last
/// moment a journal holds, so a record edited at the very end of 2099 stays editable.
pub fn next_edit(last: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    let end = DateTime::from_timestamp_millis(END_MILLIS - 1).unwrap_or(now);
    let after = last.checked_add_signed(chrono::Duration::milliseconds(1)).unwrap_or(last);
    now.max(after).min(end.max(last))
}

/// `at` itself, when it falls in the years a journal can hold.
pub fn checked(at: DateTime<Utc>) -> Result<DateTime<Utc>, OutOfRange> {
    instant(at.timestamp_millis())
}

/// `day` itself, when it falls in the years a journal can hold.
pub fn checked_day(day: NaiveDate) -> Result<NaiveDate, OutOfRange> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&day.year()) {
        Ok(day)
    } else {
        Err(OutOfRange)
    }
}

/// `day` moved into the years a journal can hold (for filters such as a summary's range,
/// where any day typed is fine but the work must stay bounded).
pub fn clamp_day(day: NaiveDate) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN);
    let last = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX);
    day.clamp(first, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_edit_is_after_the_last_and_inside_the_journals_years() {
        let t = |ms: i64| DateTime::from_timestamp_millis(ms).unwrap();
        assert_eq!(next_edit(t(1_000), t(5_000)), t(5_000));
        assert_eq!(next_edit(t(5_000), t(1_000)), t(5_001), "a clock behind the last edit");
        let last_moment = t(END_MILLIS - 1);
        assert_eq!(next_edit(last_moment, t(1_764_000_000_000)), last_moment, "never into 2100");
        assert!(checked(next_edit(t(END_MILLIS - 2), t(1_000))).is_ok());
    }

    #[test]
    fn the_bounds_are_the_first_and_last_instants_of_the_span() {
        assert_eq!(instant(EARLIEST_MILLIS).map(|t| t.year()), Ok(FIRST_YEAR));
        assert_eq!(instant(END_MILLIS - 1).map(|t| t.year()), Ok(LAST_YEAR));
        for bad in [
            EARLIEST_MILLIS - 1,
            END_MILLIS,
            -8_334_601_228_800_000,
            8_210_266_876_799_999,
            i64::MIN,
            i64::MAX,
        ] {
            assert_eq!(instant(bad), Err(OutOfRange), "{bad}");
        }
    }

    #[test]
    fn days_are_checked_and_clamped() {
        let year_50 = NaiveDate::from_ymd_opt(50, 6, 1).unwrap();
        assert_eq!(checked_day(year_50), Err(OutOfRange));
        assert_eq!(clamp_day(year_50).year(), FIRST_YEAR);
        assert_eq!(clamp_day(NaiveDate::MAX).year(), LAST_YEAR);
        let fine = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!((checked_day(fine), clamp_day(fine)), (Ok(fine), fine));
    }
}
