//! The follow-up check-in (the "booster check-in"): a short guided look the patient can
//! take in follow-up: weeks since the last session, the latest PHQ-9 against the
//! baseline, the 14-day mood against the 14 days before the first session, goal ratings
//! then and now, and their own words. It ends in a one-page note, "things I want to
//! discuss with my team", printable and in the therapist summary.
//!
//! The figures are kept as they were on the day (a note is a record of that day). It
//! informs the conversation and decides nothing: it must never suggest a dose, a booster
//! session, a medicine change or a diagnosis. Pure: the time is passed in.

use super::id::RecordId;
use super::journal::Journal;
use super::questionnaire::Instrument;
use super::stats::before_after;
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The longest answer, in characters.
pub const MAX_WORDS_CHARS: usize = 4_000;

/// A score then and now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Then {
    /// The earlier score (the baseline), and the patient's day it was taken.
    pub then: (u8, NaiveDate),
    /// The latest score, and its day; `None` while the baseline is the only one.
    pub now: Option<(u8, NaiveDate)>,
}

/// A goal's rating when it was set and now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalThen {
    /// The goal.
    pub goal: RecordId,
    /// Its words on the day.
    pub text: String,
    /// The first rating.
    pub then: Option<u8>,
    /// The latest rating, if later than the first.
    pub now: Option<u8>,
}

/// What the check-in found on the day, before the patient's words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// Whole weeks since the last session, if there was one.
    pub weeks_since: Option<u32>,
    /// The last session's number.
    pub last_session: Option<u32>,
    /// PHQ-9: the baseline (the last before the first session, else the first) and the
    /// latest.
    pub phq9: Option<Then>,
    /// Mean mood (tenths, 0-100) in the 14 days before the first session, and how many
    /// check-ins.
    pub mood_before: Option<(u16, usize)>,
    /// Mean mood (tenths) in the last 14 days, and how many check-ins.
    pub mood_recent: Option<(u16, usize)>,
    /// Each goal that was open or closed after the first session: then and now.
    pub goals: Vec<GoalThen>,
}

/// A follow-up check-in, saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpCheck {
    /// Unique, stable id.
    pub id: RecordId,
    /// When it was made.
    pub at: DateTime<Utc>,
    /// What it found on the day.
    pub facts: Facts,
    /// "What I notice", in the patient's words.
    pub noticed: String,
    /// "Things I want to discuss with my team".
    pub discuss: String,
    /// When the record was last changed.
    pub edited: DateTime<Utc>,
}

// Listed oldest first.
super::record::impl_record!(FollowUpCheck, |a, b| a.at.cmp(&b.at));

/// Tenths of a mean (6.25 -> 63), for figures kept exactly.
fn tenths(mean: f64) -> u16 {
    (mean * 10.0).round().clamp(0.0, 100.0) as u16
}

impl Facts {
    /// What the journal says at `now`; `day_of` gives the patient's day of a time.
    pub fn gather(
        journal: &Journal,
        now: DateTime<Utc>,
        day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) -> Facts {
        let last = journal.sessions().iter().filter(|s| s.at <= now).max_by_key(|s| s.at);
        let first = journal.first_session().filter(|s| s.at <= now);
        let weeks_since = last.map(|s| ((now - s.at).num_days() / 7).max(0) as u32);
        let results: Vec<_> =
            journal.results_of(Instrument::Phq9).into_iter().filter(|r| r.at <= now).collect();
        let baseline = first
            .and_then(|s| results.iter().rev().find(|r| r.at < s.at))
            .or_else(|| results.first())
            .copied();
        let phq9 = baseline.map(|b| Then {
            then: (b.score(), day_of(b.at)),
            now: results.last().filter(|l| l.id != b.id && l.at > b.at).map(|l| (l.score(), day_of(l.at))),
        });
        let (mood_before, mood_recent) = match first {
            Some(s) => {
                let ba = before_after(journal.check_ins(), s.at, now);
                let pair = |a: crate::domain::stats::Averages| a.mood.map(|m| (tenths(m), a.count));
                (pair(ba.before), pair(ba.recent))
            }
            None => {
                let recent = crate::domain::stats::Averages::of(
                    journal.check_ins().iter().filter(|c| c.at <= now && c.at > now - Duration::days(14)),
                );
                (None, recent.mood.map(|m| (tenths(m), recent.count)))
            }
        };
        let goals = journal
            .goals()
            .iter()
            .filter(|g| {
                g.created <= now && (g.is_open() || first.is_some_and(|s| g.closed.is_none_or(|c| c >= s.at)))
            })
            .map(|g| {
                let ratings: Vec<_> = journal.ratings_of(&g.id).into_iter().filter(|r| r.at <= now).collect();
                let then = ratings.first();
                let latest = ratings.last().filter(|l| then.is_some_and(|t| t.id != l.id));
                GoalThen {
                    goal: g.id.clone(),
                    text: g.text.clone(),
                    then: then.map(|r| r.score),
                    now: latest.map(|r| r.score),
                }
            })
            .collect();
        Facts { weeks_since, last_session: last.map(|s| s.number), phq9, mood_before, mood_recent, goals }
    }
}

impl FollowUpCheck {
    /// A check-in made at `now` with the patient's words (`day_of` as for [`Facts::gather`]).
    pub fn new(
        id: RecordId,
        now: DateTime<Utc>,
        journal: &Journal,
        day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
        noticed: &str,
        discuss: &str,
    ) -> Result<Self, String> {
        let check = FollowUpCheck {
            id,
            at: now,
            facts: Facts::gather(journal, now, day_of),
            noticed: noticed.trim().to_owned(),
            discuss: discuss.trim().to_owned(),
            edited: now,
        };
        check.validate()?;
        Ok(check)
    }

    /// Checks the patient's words.
    pub fn validate(&self) -> Result<(), String> {
        if [&self.noticed, &self.discuss].iter().any(|w| w.chars().count() > MAX_WORDS_CHARS) {
            let max = MAX_WORDS_CHARS.to_string();
            return Err(crate::i18n::tr_with(crate::i18n::T::refuse_too_long, &[("max", &max)]));
        }
        if self.facts.mood_before.is_some_and(|(m, _)| m > 100)
            || self.facts.mood_recent.is_some_and(|(m, _)| m > 100)
        {
            return Err(crate::i18n::tr(crate::i18n::T::refuse_follow_up_mood).to_owned());
        }
        let phq9_max = crate::domain::Instrument::Phq9.max_score();
        if self
            .facts
            .phq9
            .as_ref()
            .is_some_and(|p| p.then.0 > phq9_max || p.now.is_some_and(|n| n.0 > phq9_max))
        {
            return Err(crate::i18n::tr_with(
                crate::i18n::T::refuse_follow_up_phq9,
                &[("max", &phq9_max.to_string())],
            ));
        }
        // A course's weeks and sessions within a journal's hundred years.
        if self.facts.weeks_since.is_some_and(|w| w > 100 * 53)
            || self.facts.last_session.is_some_and(|n| n > 10_000)
        {
            return Err(crate::i18n::tr(crate::i18n::T::refuse_follow_up_sessions).to_owned());
        }
        if self.facts.goals.iter().any(|g| g.then.is_some_and(|s| s > 10) || g.now.is_some_and(|s| s > 10)) {
            return Err(crate::i18n::tr(crate::i18n::T::refuse_follow_up_goal).to_owned());
        }
        Ok(())
    }
}

impl Journal {
    /// Follow-up check-ins, oldest first.
    pub fn follow_up_checks(&self) -> &[FollowUpCheck] {
        &self.records.follow_up_checks
    }
}

#[cfg(test)]
mod tests;
