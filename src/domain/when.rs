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
