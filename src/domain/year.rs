//! A year at a glance (shown on Mood by `ui::mood::year`): every day of one calendar
//! year with its mood average, the sessions on it and the stage it was in, laid out in
//! weeks (Monday first) with the week each month starts in, for a "year in pixels" and
//! its table alternative.
//!
//! Records only: a day's figures are described, never judged. No clock: the caller says
//! which day a moment falls on in the patient's time zone.

use super::checkin::{CheckIn, Metric};
use super::stage::Stage;
use super::stats::{daily_means, stage_bands};
use super::when::{FIRST_YEAR, LAST_YEAR};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// One day of the year.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    /// The date.
    pub date: NaiveDate,
    /// The mean of the day's check-ins' mood (1-10), if there were any.
    pub mood: Option<f64>,
    /// Sessions on that day.
    pub sessions: usize,
    /// The stage the patient was in, between the first and last check-in of a stage.
    pub stage: Option<Stage>,
}

/// A calendar year, day by day.
#[derive(Clone, Debug, PartialEq)]
pub struct Year {
    /// The year.
    pub year: i32,
    /// Its days, 1 January first: 365, or 366 in a leap year.
    pub days: Vec<Day>,
}

impl Year {
    /// `year` from check-ins (oldest first) and the days sessions were on; `None` for a year
    /// a journal cannot hold.
    pub fn of(
        year: i32,
        check_ins: &[CheckIn],
        session_days: &[NaiveDate],
        day_of: impl Fn(DateTime<Utc>) -> NaiveDate + Copy,
    ) -> Option<Self> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return None;
        }
        let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
        // Ten years of check-ins against 365 days: looked up by day, not searched.
        let moods: std::collections::BTreeMap<NaiveDate, f64> = super::order::map_of(
            daily_means(check_ins, Metric::Mood, day_of).into_iter().map(|p| (p.day, p.value)),
        );
        let bands = stage_bands(check_ins, day_of);
        let days = first
            .iter_days()
            .take_while(|d| d.year() == year)
            .map(|date| Day {
                date,
                mood: moods.get(&date).copied(),
                sessions: session_days.iter().filter(|d| **d == date).count(),
                stage: bands.iter().find(|b| b.from <= date && date <= b.to).map(|b| b.stage),
            })
            .collect();
        Some(Year { year, days })
    }

    /// The days in weeks, Monday first; the first and last weeks are padded with `None`.
    pub fn weeks(&self) -> Vec<[Option<&Day>; 7]> {
        let mut weeks: Vec<[Option<&Day>; 7]> = Vec::new();
        for day in &self.days {
            let slot = day.date.weekday().num_days_from_monday() as usize;
            if slot == 0 || weeks.is_empty() {
                weeks.push([None; 7]);
            }
            if let Some(cell) = weeks.last_mut().and_then(|w| w.get_mut(slot)) {
                *cell = Some(day);
            }
        }
        weeks
    }

    /// Each month (1-12) and the week it starts in, for the labels above the grid.
    pub fn month_starts(&self) -> Vec<(u32, usize)> {
        let mut out = Vec::new();
        for (i, week) in self.weeks().iter().enumerate() {
            for day in week.iter().flatten() {
                if day.date.day() == 1 {
                    out.push((day.date.month(), i));
                }
            }
        }
        out
    }
}

/// A move of the chosen day by keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// The day before.
    PreviousDay,
    /// The day after.
    NextDay,
    /// Seven days earlier.
    PreviousWeek,
    /// Seven days later.
    NextWeek,
    /// The same day of the month before (or its last day).
    PreviousMonth,
    /// The same day of the month after (or its last day).
    NextMonth,
    /// 1 January.
    First,
    /// 31 December.
    Last,
}

impl Year {
    /// The index of the day `m` leads to from day `from`, never outside the year.
    pub fn moved(&self, from: usize, m: Move) -> usize {
        let last = self.days.len().saturating_sub(1);
        let from = from.min(last);
        let month = |delta: i32| {
            let date = self.days.get(from).map(|d| d.date)?;
            let months = date.year() * 12 + date.month0() as i32 + delta;
            let (y, m0) = (months.div_euclid(12), months.rem_euclid(12) as u32);
            if y != self.year {
                return None;
            }
            // The same day number, or the month's last day when it has fewer.
            let target = (0..4)
                .find_map(|back| NaiveDate::from_ymd_opt(y, m0 + 1, date.day().saturating_sub(back)))?;
            Some(target.ordinal0() as usize)
        };
        let to = match m {
            Move::PreviousDay => from.checked_sub(1),
            Move::NextDay => Some(from + 1),
            Move::PreviousWeek => from.checked_sub(7),
            Move::NextWeek => Some(from + 7),
            Move::PreviousMonth => month(-1),
            Move::NextMonth => month(1),
            Move::First => Some(0),
            Move::Last => Some(last),
        };
        to.filter(|i| *i <= last).unwrap_or(from)
    }

    /// Runs of weeks by stage, for the band beside the grid: (stage, first week, last
    /// week). A week takes the stage most of its days were in (the later one on a tie);
    /// weeks with no stage are left out.
    pub fn stage_runs(&self) -> Vec<(Stage, usize, usize)> {
        let mut runs: Vec<(Stage, usize, usize)> = Vec::new();
        for (i, week) in self.weeks().iter().enumerate() {
            let mut counts: Vec<(Stage, usize)> = Vec::new();
            for stage in week.iter().flatten().filter_map(|d| d.stage) {
                match counts.iter_mut().find(|(s, _)| *s == stage) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((stage, 1)),
                }
            }
            // max_by_key keeps the last of equal counts: the later stage.
            let Some((stage, _)) = counts.into_iter().max_by_key(|(_, n)| *n) else { continue };
            match runs.last_mut() {
                Some((s, _, to)) if *s == stage && *to + 1 == i => *to = i,
                _ => runs.push((stage, i, i)),
            }
        }
        runs
    }

    /// Where day `index` sits: (week, place in the week, Monday 0).
    pub fn place(&self, index: usize) -> Option<(usize, usize)> {
        let first = self.days.first()?.date.weekday().num_days_from_monday() as usize;
        (index < self.days.len()).then(|| ((index + first) / 7, (index + first) % 7))
    }
}

/// A mood average in one of five steps (1-2, 3-4, 5-6, 7-8, 9-10): the shade a day takes.
pub fn mood_step(mood: f64) -> u8 {
    // 1-10 in five steps: 1 to under 3 the first, 3 to under 5 the second, ... 9-10 the last.
    ((mood.clamp(1.0, 10.0) - 1.0) / 2.0).floor().clamp(0.0, 4.0) as u8 + 1
}

#[cfg(test)]
mod tests;
