//! The patient's plan for staying well (relapse prevention), written in follow-up and
//! editable any time: early warning signs, what helps, people to contact, when to call the
//! clinic, and optional personal thresholds ("if my 7-day mood stays below 4 for 5 days",
//! "if my PHQ-9 is 10 or more"). When one is crossed, Today shows the plan gently.
//!
//! It records the patient's own words and checks their own numbers; it never suggests a
//! dose, a booster, a medicine change or a diagnosis. Pure: the day is passed in.

use super::checkin::Metric;
use super::id::RecordId;
use super::journal::Journal;
use super::plan_question::PlanQuestion;
use super::questionnaire::Instrument;
use super::stats;
use crate::i18n::{decimal, tr, tr_with, T};
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The longest answer to one part of the plan, in characters.
pub const MAX_PART_CHARS: usize = 4_000;
/// The mood window the mood threshold averages over, in days.
pub const MOOD_WINDOW_DAYS: i64 = 7;
/// The longest run of days a mood threshold can ask for.
pub const MAX_MOOD_DAYS: u8 = 28;
/// A PHQ-9 older than this many days no longer crosses a threshold (it asks about two
/// weeks, and Afterglow offers it every two).
pub const PHQ9_FRESH_DAYS: i64 = 30;
/// Days the plan stays off Today after "Not now".
pub const QUIET_DAYS: i64 = 7;

/// The four parts, in order (Afterglow's own words).
pub const PARTS: [PlanQuestion; 4] = [
    PlanQuestion { title: T::well_part_1, hint: T::well_part_1_hint },
    PlanQuestion { title: T::well_part_2, hint: T::well_part_2_hint },
    PlanQuestion { title: T::well_part_3, hint: T::well_part_3_hint },
    PlanQuestion { title: T::well_part_4, hint: T::well_part_4_hint },
];

/// "If my 7-day mood stays below `below` for `days` days".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoodThreshold {
    /// The 7-day mood (0-10) the patient wants to notice falling below, 1 to 10.
    pub below: u8,
    /// For how many days in a row, 1 to [`MAX_MOOD_DAYS`].
    pub days: u8,
}

/// The patient's plan for staying well.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StayingWellPlan {
    /// Unique, stable id.
    pub id: RecordId,
    /// The answer to each of [`PARTS`].
    pub parts: [String; 4],
    /// The mood threshold, if set.
    pub mood: Option<MoodThreshold>,
    /// "If my PHQ-9 is this or more" (1 to 27), if set.
    pub phq9: Option<u8>,
    /// Today leaves the plan out until after this day ("Not now").
    pub quiet_until: Option<NaiveDate>,
    /// When the record was last changed.
    pub edited: DateTime<Utc>,
}

// The latest edit last.
super::record::impl_record!(StayingWellPlan, |a, b| a.edited.cmp(&b.edited));

/// A threshold the patient set that their own numbers have crossed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Crossing {
    /// The 7-day mood has stayed below the threshold for the days asked.
    Mood {
        /// The threshold.
        below: u8,
        /// The days asked for.
        days: u8,
        /// The 7-day mood today.
        now: f64,
    },
    /// The latest PHQ-9 is at or above the threshold.
    Phq9 {
        /// The threshold.
        at_least: u8,
        /// The latest score.
        score: u8,
        /// When it was taken.
        at: DateTime<Utc>,
    },
}

impl Crossing {
    /// What was crossed, in the patient's own terms, without judging it.
    pub fn reason(self) -> String {
        match self {
            Crossing::Mood { below, days, now } => {
                let key = if days == 1 { T::well_crossed_mood_one } else { T::well_crossed_mood_other };
                let now = decimal(&super::number::fixed(now, 1).to_string());
                tr_with(key, &[("below", &below.to_string()), ("days", &days.to_string()), ("now", &now)])
            }
            Crossing::Phq9 { at_least, score, .. } => tr_with(
                T::well_crossed_phq9,
                &[("score", &score.to_string()), ("at_least", &at_least.to_string())],
            ),
        }
    }
}

/// Why a plan could not be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StayingWellError {
    /// One part is too long (its place in [`PARTS`]).
    TooLong(usize),
    /// The mood threshold is out of range.
    Mood,
    /// The PHQ-9 threshold is out of range.
    Phq9,
}

impl std::fmt::Display for StayingWellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StayingWellError::TooLong(i) => {
                let part = PARTS.get(*i).map_or_else(|| tr(T::well_a_part), |p| p.title());
                f.write_str(&tr_with(T::well_too_long, &[("part", part)]))
            }
            StayingWellError::Mood => f.write_str(tr(T::well_mood_range)),
            StayingWellError::Phq9 => f.write_str(tr(T::well_phq9_range)),
        }
    }
}

impl std::error::Error for StayingWellError {}

impl StayingWellPlan {
    /// An empty plan.
    pub fn start(id: RecordId, now: DateTime<Utc>) -> Self {
        StayingWellPlan {
            id,
            parts: Default::default(),
            mood: None,
            phq9: None,
            quiet_until: None,
            edited: now,
        }
    }

    /// Checks every part and threshold.
    pub fn validate(&self) -> Result<(), StayingWellError> {
        if let Some(i) = self.parts.iter().position(|s| s.chars().count() > MAX_PART_CHARS) {
            return Err(StayingWellError::TooLong(i));
        }
        if self.mood.is_some_and(|m| !(1..=10).contains(&m.below) || !(1..=MAX_MOOD_DAYS).contains(&m.days)) {
            return Err(StayingWellError::Mood);
        }
        if self.phq9.is_some_and(|n| !(1..=27).contains(&n)) {
            return Err(StayingWellError::Phq9);
        }
        Ok(())
    }

    /// This form's plan as it is saved over `stored` (the plan as saved now, perhaps by
    /// another tab since the form opened with the parts `opened`): each part the other
    /// save changed is taken, a part both changed keeps both texts, the stored id and
    /// "not now" stay, and the edit time moves past the stored one. The thresholds are
    /// the caller's (the form knows whether it changed them). Says whether both changed
    /// a part.
    pub fn revised(
        mut self,
        opened: &[String; 4],
        stored: Option<&StayingWellPlan>,
        now: DateTime<Utc>,
    ) -> (Self, bool) {
        let mut both = false;
        if let Some(s) = stored {
            (self.parts, both) = super::merge::answers(opened, &self.parts, &s.parts);
            self.id = s.id.clone();
            self.edited = s.edited;
            self.quiet_until = s.quiet_until;
        }
        self.edited = super::when::next_edit(self.edited, now);
        (self, both)
    }

    /// Whether nothing has been written and no threshold set.
    pub fn is_blank(&self) -> bool {
        self.parts.iter().all(|s| s.trim().is_empty()) && self.mood.is_none() && self.phq9.is_none()
    }

    /// The thresholds crossed on `today`; `day_of` gives the patient's day of a time.
    pub fn crossings(
        &self,
        journal: &Journal,
        today: NaiveDate,
        now: DateTime<Utc>,
        day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) -> Vec<Crossing> {
        let mut out = Vec::new();
        if let Some(m) = self.mood {
            if let Some(now) = mood_below_for(journal, m, today, &day_of) {
                out.push(Crossing::Mood { below: m.below, days: m.days, now });
            }
        }
        if let Some(at_least) = self.phq9 {
            let latest = journal.results_of(Instrument::Phq9).into_iter().max_by_key(|r| r.at);
            if let Some(r) = latest.filter(|r| r.at > now - Duration::days(PHQ9_FRESH_DAYS)) {
                if r.score() >= at_least {
                    out.push(Crossing::Phq9 { at_least, score: r.score(), at: r.at });
                }
            }
        }
        out
    }

    /// Whether Today leaves the plan out on `today` ("Not now" was pressed).
    pub fn is_quiet(&self, today: NaiveDate) -> bool {
        self.quiet_until.is_some_and(|d| today <= d)
    }
}

/// The 7-day mood today if it has been below `m.below` on each of the last `m.days` days
/// (today included). A window with no check-in breaks the run: no numbers, no crossing.
fn mood_below_for(
    journal: &Journal,
    m: MoodThreshold,
    today: NaiveDate,
    day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> Option<f64> {
    let first = today - Duration::days(i64::from(m.days) - 1 + MOOD_WINDOW_DAYS - 1);
    let check_ins = journal.check_ins();
    let from = check_ins.partition_point(|c| day_of(c.at) < first);
    let daily: Vec<_> = stats::daily_means(check_ins.get(from..).unwrap_or_default(), Metric::Mood, &day_of)
        .into_iter()
        .filter(|p| p.day <= today)
        .collect();
    let mut latest = None;
    for back in 0..i64::from(m.days) {
        let day = today - Duration::days(back);
        let window: Vec<f64> = daily
            .iter()
            .filter(|p| p.day <= day && p.day > day - Duration::days(MOOD_WINDOW_DAYS))
            .map(|p| p.value)
            .collect();
        if window.is_empty() {
            return None;
        }
        let mean = window.iter().sum::<f64>() / window.len() as f64;
        if mean >= f64::from(m.below) {
            return None;
        }
        latest.get_or_insert(mean);
    }
    latest
}

impl Journal {
    /// The plan for staying well: the latest edit, if two tabs each started one.
    pub fn staying_well(&self) -> Option<&StayingWellPlan> {
        self.records.staying_well_plans.last()
    }
}

#[cfg(test)]
mod tests;
