//! Reminders kept by the patient's own calendar (issue 36): what they are, and their
//! words. Calendars sync to other companies' servers and show titles on lock screens, so
//! Afterglow's own words say nothing of ketamine, therapy, moods or the journal: "a moment
//! for yourself". The patient may change them; [`telling_words`] names what a lock screen
//! would then show.
//!
//! Records and reminds only: never a streak, a count of missed days or a guilt message.
//! No clock: times come in.

use crate::i18n::{tr, T};
use chrono::{Datelike, NaiveDateTime, NaiveTime, Weekday};

/// Words that tell what the reminder is for, which Afterglow's own texts never hold.
pub const TELLING: [&str; 14] = [
    "ketamine",
    "session",
    "dose",
    "therapy",
    "mood",
    "journal",
    // The same words in Spanish ("sesiones" and "dosis" are caught as written).
    "ketamina",
    "sesión",
    "sesiones",
    "dosis",
    "terapia",
    "ánimo",
    "diario",
    "tratamiento",
];

/// The reminders' words, as the patient leaves them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    /// The repeating check-in reminder.
    pub check_in: String,
    /// The day before a planned session.
    pub before: String,
    /// Some days after one.
    pub after: String,
}

impl Default for Words {
    fn default() -> Self {
        Words {
            check_in: tr(T::reminder_check_in_words).to_owned(),
            before: tr(T::reminder_before_words).to_owned(),
            after: tr(T::reminder_after_words).to_owned(),
        }
    }
}

/// What the patient asks their calendar to remind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// A gentle check-in at this time on these weekdays (all seven: every day), if asked.
    pub check_in: Option<(Vec<Weekday>, NaiveTime)>,
    /// The evening before each planned session, at this time, if asked.
    pub before: Option<NaiveTime>,
    /// This many days after each planned session, at the session's time of day, if asked.
    pub after_days: Option<u32>,
    /// The words.
    pub words: Words,
}

/// The telling words in `text`, as whole words in any case ("Sessions" counts, "possession"
/// does not), in [`TELLING`]'s order. Words are runs of Latin letters and digits, the
/// only ones the telling words are made of: any other character parts them (no Unicode
/// letter tables needed).
pub fn telling_words(text: &str) -> Vec<&'static str> {
    let latin = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) && !matches!(c, '\u{D7}' | '\u{F7}')
    };
    let words: Vec<String> =
        text.split(|c: char| !latin(c)).filter(|w| !w.is_empty()).map(super::lower::lower).collect();
    TELLING.into_iter().filter(|t| words.iter().any(|w| w == t || w.strip_suffix('s') == Some(t))).collect()
}

/// One reminder, at a local time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// A name that stays the same for the same reminder (the calendar's UID is made of it).
    pub key: String,
    /// Its words.
    pub text: String,
    /// When, local time.
    pub at: NaiveDateTime,
    /// Weekdays it repeats on (empty: it does not repeat).
    pub every: Vec<Weekday>,
}

/// The reminders `choice` makes for `sessions` (each planned session's key and local
/// start), those in the past left out (`now`, local).
pub fn reminders(choice: &Choice, sessions: &[(String, NaiveDateTime)], now: NaiveDateTime) -> Vec<Reminder> {
    let mut out = Vec::new();
    if let Some((days, time)) = &choice.check_in {
        let mut days = days.clone();
        super::order::sort_by_key(&mut days, Weekday::num_days_from_monday);
        days.dedup();
        // The first chosen weekday from tomorrow on: never in the past, and in step with
        // the repeat rule (a calendar counts the first date as one even off the rule).
        let first = now
            .date()
            .iter_days()
            .skip(1)
            .take(7)
            .find(|d| days.is_empty() || days.contains(&d.weekday()))
            .unwrap_or(now.date())
            .and_time(*time);
        out.push(Reminder {
            key: "check-in".to_owned(),
            text: choice.words.check_in.clone(),
            at: first,
            every: days,
        });
    }
    for (key, start) in sessions {
        if let Some(time) = choice.before {
            let at = start.date().pred_opt().map(|d| d.and_time(time));
            if let Some(at) = at.filter(|at| *at > now && at < start) {
                out.push(Reminder {
                    key: format!("before-{key}"),
                    text: choice.words.before.clone(),
                    at,
                    every: Vec::new(),
                });
            }
        }
        if let Some(days) = choice.after_days {
            let at = start.checked_add_days(chrono::Days::new(u64::from(days)));
            if let Some(at) = at.filter(|at| *at > now) {
                out.push(Reminder {
                    key: format!("after-{key}"),
                    text: choice.words.after.clone(),
                    at,
                    every: Vec::new(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
