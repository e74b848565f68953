//! Reflection prompts and the choice of which one to offer.
//!
//! The library is data with stable ids so that an entry keeps pointing at the prompt it
//! answered and a clinic can add to or replace it. Choosing is a pure function of the
//! stage, the time since the last dosing session, what was answered recently, pins, skips
//! and a seed the caller supplies. Never does I/O.

use super::prompt_library::BUILT_IN;
use super::stage::Stage;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A prompt answered within this long is not offered again while others are left.
pub const RECENT_DAYS: i64 = 14;

/// When after a dosing session a prompt fits. Only dosing prompts use anything but `Any`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum When {
    /// Any time in its stage.
    Any,
    /// The day of the session (under 24 hours since): minimal effort.
    SameDay,
    /// One to three days after.
    NextDays,
    /// The weeks after.
    Weeks,
}

crate::domain::names::stored_names!(When {
    Any = "any",
    SameDay = "same-day",
    NextDays = "next-days",
    Weeks = "weeks",
});

impl When {
    /// The time set for `elapsed` since the last session.
    pub fn after(elapsed: Duration) -> When {
        if elapsed < Duration::hours(24) {
            When::SameDay
        } else if elapsed < Duration::days(4) {
            When::NextDays
        } else {
            When::Weeks
        }
    }
}

/// One reflection prompt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prompt {
    /// Stable id, unique within a library (`prep-more-of`). Entries refer to it.
    pub id: String,
    /// The stage this prompt is written for.
    pub stage: Stage,
    /// When after a session it fits.
    pub when: When,
    /// The question itself, as the patient reads it.
    pub text: String,
}

/// What the choice of a prompt depends on.
#[derive(Clone, Debug)]
pub struct PickContext<'a> {
    /// The patient's stage.
    pub stage: Stage,
    /// Time since the last dosing session, if there was one.
    pub since_session: Option<Duration>,
    /// When each prompt was last answered.
    pub answered: &'a HashMap<String, DateTime<Utc>>,
    /// Now, to judge "recently".
    pub now: DateTime<Utc>,
    /// Prompts the patient pinned, offered first while not answered recently.
    pub pinned: &'a [String],
    /// Prompts passed over in this sitting ("another prompt"), not offered again.
    pub passed: &'a [String],
}

/// A set of prompts in a stable order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PromptLibrary {
    prompts: Vec<Prompt>,
}

impl PromptLibrary {
    /// Afterglow's own library.
    pub fn built_in() -> Self {
        let prompts = BUILT_IN
            .iter()
            .map(|(id, stage, when, text)| Prompt {
                id: (*id).to_owned(),
                stage: *stage,
                when: *when,
                text: crate::i18n::tr(*text).to_owned(),
            })
            .collect();
        Self { prompts }
    }

    /// A library of exactly these prompts (a clinic's own).
    pub fn from_prompts(prompts: Vec<Prompt>) -> Self {
        Self { prompts }
    }

    /// This library with `extra` added after its own prompts.
    pub fn with_added(mut self, extra: Vec<Prompt>) -> Self {
        self.prompts.extend(extra);
        self
    }

    /// Every prompt, in library order.
    pub fn all(&self) -> &[Prompt] {
        &self.prompts
    }

    /// The prompts written for `stage`, in library order.
    pub fn for_stage(&self, stage: Stage) -> impl Iterator<Item = &Prompt> {
        self.prompts.iter().filter(move |p| p.stage == stage)
    }

    /// The prompt with this id, if the library has it.
    pub fn get(&self, id: &str) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id)
    }

    /// The prompts that fit `stage` at `since_session` after the last session. Dosing
    /// prompts are narrowed to their time set once a session is logged; a set left empty
    /// (a clinic library without one) falls back to the whole stage.
    pub fn pool(&self, stage: Stage, since_session: Option<Duration>) -> Vec<&Prompt> {
        let stage_prompts: Vec<&Prompt> = self.for_stage(stage).collect();
        let Some(elapsed) = since_session.filter(|_| stage == Stage::Dosing) else { return stage_prompts };
        let when = When::after(elapsed);
        let timed: Vec<&Prompt> =
            stage_prompts.iter().copied().filter(|p| p.when == when || p.when == When::Any).collect();
        if timed.is_empty() {
            stage_prompts
        } else {
            timed
        }
    }

    /// The prompt to offer: a pinned one not answered recently; else one not answered
    /// recently, chosen by `seed`; else the one answered longest ago. Prompts passed over
    /// in this sitting are skipped until none is left, then the round starts again.
    pub fn pick(&self, ctx: &PickContext<'_>, seed: u64) -> Option<&Prompt> {
        let pool = self.pool(ctx.stage, ctx.since_session);
        let mut candidates: Vec<&Prompt> =
            pool.iter().copied().filter(|p| !ctx.passed.contains(&p.id)).collect();
        if candidates.is_empty() {
            candidates = pool;
        }
        let recent_since = ctx.now - Duration::days(RECENT_DAYS);
        let is_recent = |p: &Prompt| ctx.answered.get(&p.id).is_some_and(|at| *at > recent_since);
        if let Some(pinned) =
            ctx.pinned.iter().filter_map(|id| candidates.iter().find(|p| p.id == *id)).find(|p| !is_recent(p))
        {
            return Some(pinned);
        }
        let fresh: Vec<&Prompt> = candidates.iter().copied().filter(|p| !is_recent(p)).collect();
        if !fresh.is_empty() {
            return fresh.get((seed % fresh.len() as u64) as usize).copied();
        }
        candidates.into_iter().min_by_key(|p| ctx.answered.get(&p.id).copied())
    }
}

/// The seed for the prompt of the day: the same all day on the patient's own calendar
/// (the caller passes today's date in the patient's time zone), one more each day after.
/// It is the count of days since 1 January of year 1 (CE, day 1); the days before it,
/// which `NaiveDate` also holds, count down from `u64::MAX`, so every date has its own
/// seed and nothing can overflow or panic.
pub fn day_seed(local_day: NaiveDate) -> u64 {
    let days = local_day.num_days_from_ce();
    u64::try_from(days).unwrap_or_else(|_| u64::MAX - u64::from(days.unsigned_abs()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};
    use std::collections::HashSet;

    #[test]
    fn the_library_is_complete_and_ids_are_unique() {
        let library = PromptLibrary::built_in();
        let ids: HashSet<&str> = library.all().iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), library.all().len(), "duplicate prompt id");
        for stage in Stage::ALL {
            assert!(library.for_stage(stage).count() >= 8, "{stage:?} has fewer than 8 prompts");
        }
        for when in [When::SameDay, When::NextDays, When::Weeks] {
            let n = library.for_stage(Stage::Dosing).filter(|p| p.when == when).count();
            assert!(n >= 8, "dosing {when:?} has {n} prompts");
        }
        assert!(library.all().iter().all(|p| p.stage == Stage::Dosing || p.when == When::Any));
    }

    #[test]
    fn time_since_the_session_picks_the_set() {
        assert_eq!(When::after(Duration::hours(3)), When::SameDay);
        assert_eq!(When::after(Duration::hours(30)), When::NextDays);
        assert_eq!(When::after(Duration::days(3) + Duration::hours(23)), When::NextDays);
        assert_eq!(When::after(Duration::days(4)), When::Weeks);
    }

    #[test]
    fn the_prompt_of_the_day_follows_the_local_calendar_day() {
        // Kiritimati is UTC+14: its 1 December 2026 runs from 30 November 10:00Z to 1 December
        // 10:00Z, so these two instants are one local day but two UTC days.
        let kiritimati = FixedOffset::east_opt(14 * 3600).unwrap();
        let local_day = |t: DateTime<Utc>| t.with_timezone(&kiritimati).date_naive();
        let evening_utc = Utc.with_ymd_and_hms(2026, 11, 30, 23, 30, 0).unwrap();
        let next_utc_day = Utc.with_ymd_and_hms(2026, 12, 1, 0, 30, 0).unwrap();
        let dec_1 = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(local_day(evening_utc), dec_1);
        assert_eq!(local_day(next_utc_day), dec_1);
        // The old seed, the UTC day number, changed between them.
        let utc_seed = |t: DateTime<Utc>| t.timestamp().div_euclid(86_400);
        assert_ne!(utc_seed(evening_utc), utc_seed(next_utc_day));
        assert_eq!(day_seed(local_day(evening_utc)), day_seed(local_day(next_utc_day)));

        // Local midnight is 10:00Z: one UTC day, two local days, two seeds.
        let before = Utc.with_ymd_and_hms(2026, 12, 1, 9, 59, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 12, 1, 10, 1, 0).unwrap();
        assert_eq!(utc_seed(before), utc_seed(after));
        assert_ne!(local_day(before), local_day(after));
        assert_ne!(day_seed(local_day(before)), day_seed(local_day(after)));
        // Consecutive days give consecutive seeds, so the pick moves on every day.
        assert_eq!(day_seed(local_day(after)), day_seed(local_day(before)) + 1);
    }

    #[test]
    fn the_day_seed_is_defined_for_every_date() {
        let first = day_seed(NaiveDate::MIN);
        let last = day_seed(NaiveDate::MAX);
        let year_one = day_seed(NaiveDate::from_ymd_opt(1, 1, 1).unwrap());
        let eve = day_seed(NaiveDate::from_ymd_opt(0, 12, 31).unwrap());
        let seeds = HashSet::from([first, last, year_one, eve]);
        assert_eq!(seeds.len(), 4, "{seeds:?}");
    }
}
