//! The tools of a session day: a session planned ahead with its day-of checklist, the
//! patient's own list of medicines, and per session whether they were taken or held as
//! the clinic asked.
//!
//! Records and reminds; never advises: no interaction warnings, no "hold this", no dose.
//! Plain data with validation. Never reads the clock: callers pass the time in.

use super::id::RecordId;
use super::journal::Journal;
use crate::i18n::{tr, tr_with, Text, T};
use chrono::{DateTime, NaiveDate, Utc};

/// The longest note on a session day or a medicine, in characters.
pub const MAX_NOTE_CHARS: usize = 1_000;
/// The longest medicine name, dose or schedule, in characters.
pub const MAX_FIELD_CHARS: usize = 120;
/// Most checklist ticks kept with one session.
const MAX_TICKS: usize = 60;

/// One thing to have ready on a session day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistItem {
    /// Stable id (ticks are kept by id, so rewording an item keeps its ticks).
    pub id: String,
    /// What to have ready, in the patient's voice.
    pub text: String,
}

/// Afterglow's own day-of checklist: id and words.
const DEFAULT_CHECKLIST: [(&str, Text); 6] = [
    ("ride-home", T::check_ride),
    ("no-driving", T::check_driving),
    ("food-drink", T::check_food),
    ("comfort", T::check_comfort),
    ("questions", T::check_questions),
    ("check-in", T::check_someone),
];

/// Afterglow's own day-of checklist; a clinic replaces or extends it in its config.
pub fn default_checklist() -> Vec<ChecklistItem> {
    DEFAULT_CHECKLIST
        .into_iter()
        .map(|(id, text)| ChecklistItem { id: id.into(), text: text.english().into() })
        .collect()
}

impl ChecklistItem {
    /// The item in the language shown: Afterglow's own items are translated, a clinic's
    /// are shown as the clinic wrote them.
    pub fn shown(&self) -> String {
        DEFAULT_CHECKLIST
            .iter()
            .find(|(id, text)| *id == self.id && text.english() == self.text)
            .map_or_else(|| self.text.clone(), |(_, text)| tr(*text).to_owned())
    }
}

/// One session's day: planned ahead (or noted afterwards), its checklist ticks and the
/// medicines tick. Linked to the session once it is logged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionDay {
    /// Unique, stable id.
    pub id: RecordId,
    /// When the session is (or was) planned to start.
    pub at: DateTime<Utc>,
    /// The logged session, once there is one.
    pub session: Option<RecordId>,
    /// Ids of the checklist items ticked.
    pub ticked: Vec<String>,
    /// "My medicines were taken or held as my clinic asked."
    pub medicines_as_asked: bool,
    /// The patient's note on medicines that day.
    pub medicines_note: String,
    /// When the record was last changed.
    pub edited: DateTime<Utc>,
}

// Listed by planned time, earliest first.
super::record::impl_record!(SessionDay, |a, b| a.at.cmp(&b.at));

/// Why a session day or medicine could not be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionDayError {
    /// A date outside the years a journal holds.
    BadDate,
    /// A note or field over its limit.
    TooLong(usize),
    /// A medicine without a name.
    NoName,
    /// More ticks than any checklist has.
    TooManyTicks,
}

impl std::fmt::Display for SessionDayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionDayError::BadDate => f.write_str(tr(T::refuse_date)),
            SessionDayError::TooLong(max) => {
                f.write_str(&tr_with(T::refuse_too_long, &[("max", &max.to_string())]))
            }
            SessionDayError::NoName => f.write_str(tr(T::refuse_medicine_name)),
            SessionDayError::TooManyTicks => f.write_str(tr(T::refuse_ticks)),
        }
    }
}

impl std::error::Error for SessionDayError {}

fn within(text: &str, max: usize) -> Result<(), SessionDayError> {
    if text.chars().count() > max {
        Err(SessionDayError::TooLong(max))
    } else {
        Ok(())
    }
}

impl SessionDay {
    /// A session planned for `at`, nothing ticked yet.
    pub fn planned(id: RecordId, at: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        SessionDay {
            id,
            at,
            session: None,
            ticked: Vec::new(),
            medicines_as_asked: false,
            medicines_note: String::new(),
            edited: now,
        }
    }

    /// Checks every field.
    pub fn validate(&self) -> Result<(), SessionDayError> {
        super::when::checked(self.at).map_err(|_| SessionDayError::BadDate)?;
        if self.ticked.len() > MAX_TICKS || self.ticked.iter().any(|t| t.is_empty() || t.len() > 60) {
            return Err(SessionDayError::TooManyTicks);
        }
        within(&self.medicines_note, MAX_NOTE_CHARS)
    }

    /// Whether `item` is ticked.
    pub fn is_ticked(&self, item: &str) -> bool {
        self.ticked.iter().any(|t| t == item)
    }

    /// This day with `item` ticked or not (ticks stay in the order made, once each).
    pub fn with_tick(mut self, item: &str, on: bool, now: DateTime<Utc>) -> Self {
        self.ticked.retain(|t| t != item);
        if on {
            self.ticked.push(item.to_owned());
        }
        self.edited = crate::domain::when::next_edit(self.edited, now);
        self
    }

    /// How many of `items` are ticked (ticks of items a clinic has since removed are
    /// kept but not counted).
    pub fn ticked_of(&self, items: &[ChecklistItem]) -> usize {
        items.iter().filter(|i| self.is_ticked(&i.id)).count()
    }

    /// Whether a checklist is worth showing on Today: the day before the planned day
    /// and on the day itself (`planned_day` and `today` are the patient's local days).
    pub fn checklist_due(planned_day: NaiveDate, today: NaiveDate) -> bool {
        (0..=1).contains(&(planned_day - today).num_days())
    }
}

/// A medicine on the patient's own list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Medicine {
    /// Unique, stable id.
    pub id: RecordId,
    /// Its name, as on the package.
    pub name: String,
    /// The dose, as prescribed (the patient's words).
    pub dose: String,
    /// How often, as prescribed.
    pub how_often: String,
    /// Anything else the patient wants to remember.
    pub note: String,
    /// When it was added.
    pub created: DateTime<Utc>,
    /// When the record was last changed.
    pub edited: DateTime<Utc>,
}

// Listed in the order added.
super::record::impl_record!(Medicine, |a, b| a.created.cmp(&b.created));

impl Medicine {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), SessionDayError> {
        if self.name.trim().is_empty() {
            return Err(SessionDayError::NoName);
        }
        for field in [&self.name, &self.dose, &self.how_often] {
            within(field, MAX_FIELD_CHARS)?;
        }
        within(&self.note, MAX_NOTE_CHARS)?;
        super::when::checked(self.created).map_err(|_| SessionDayError::BadDate)?;
        Ok(())
    }

    /// "Sertraline, 50 mg, every morning": the name with what is filled in.
    pub fn line(&self) -> String {
        [&self.name, &self.dose, &self.how_often]
            .into_iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Journal {
    /// Every session day, earliest planned first.
    pub fn session_days(&self) -> &[SessionDay] {
        &self.records.session_days
    }

    /// The patient's medicines, in the order added.
    pub fn medicines(&self) -> &[Medicine] {
        &self.records.medicines
    }

    /// The day of one logged session (the latest edit, if two tabs made one each).
    pub fn day_of_session(&self, session: &RecordId) -> Option<&SessionDay> {
        self.records
            .session_days
            .iter()
            .filter(|d| d.session.as_ref() == Some(session))
            .max_by_key(|d| d.edited)
    }

    /// One session day by id.
    pub fn session_day(&self, id: &RecordId) -> Option<&SessionDay> {
        self.records.session_days.iter().find(|d| &d.id == id)
    }

    /// The next planned session not yet logged whose day is today or later (`day_of`
    /// gives the patient's local day of a time).
    pub fn next_planned(
        &self,
        today: NaiveDate,
        day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) -> Option<&SessionDay> {
        self.records.session_days.iter().find(|d| d.session.is_none() && day_of(d.at) >= today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, d, h, 0, 0).unwrap()
    }

    #[test]
    fn the_checklist_shows_the_day_before_and_on_the_day() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert!(!SessionDay::checklist_due(day(10), day(8)));
        assert!(SessionDay::checklist_due(day(10), day(9)));
        assert!(SessionDay::checklist_due(day(10), day(10)));
        assert!(!SessionDay::checklist_due(day(10), day(11)));
    }

    #[test]
    fn ticks_are_kept_once_each_and_counted_against_the_items_shown() {
        let items = default_checklist();
        let d = SessionDay::planned(RecordId::generate(1, 1), at(10, 9), at(1, 9));
        let d = d.with_tick("ride-home", true, at(9, 8)).with_tick("ride-home", true, at(9, 9));
        let d = d.with_tick("gone-from-config", true, at(9, 10)).with_tick("comfort", true, at(9, 11));
        assert_eq!(d.ticked, ["ride-home", "gone-from-config", "comfort"]);
        assert_eq!(d.ticked_of(&items), 2);
        let d = d.with_tick("ride-home", false, at(9, 12));
        assert_eq!(d.ticked_of(&items), 1);
        assert!(d.edited > at(9, 11));
        assert_eq!(d.validate(), Ok(()));
        assert_eq!(items.len(), 6);
        let mut ids: Vec<_> = items.iter().map(|i| i.id.as_str()).collect();
        ids.dedup();
        assert_eq!(ids.len(), 6);
    }

    #[test]
    fn the_next_planned_session_is_the_first_not_logged_from_today() {
        let mut j = Journal::default();
        let past = SessionDay::planned(RecordId::generate(1, 1), at(2, 9), at(1, 9));
        let mut logged = SessionDay::planned(RecordId::generate(2, 2), at(5, 9), at(1, 9));
        logged.session = Some(RecordId::generate(9, 9));
        let next = SessionDay::planned(RecordId::generate(3, 3), at(8, 9), at(1, 9));
        let later = SessionDay::planned(RecordId::generate(4, 4), at(20, 9), at(1, 9));
        for d in [later, past, logged.clone(), next.clone()] {
            j.upsert_any(d);
        }
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(j.next_planned(today, |t| t.date_naive()).map(|d| &d.id), Some(&next.id));
        assert_eq!(j.day_of_session(&RecordId::generate(9, 9)).map(|d| &d.id), Some(&logged.id));
    }

    #[test]
    fn medicines_need_a_name_and_read_as_one_line() {
        let m = Medicine {
            id: RecordId::generate(1, 1),
            name: "Sertraline".into(),
            dose: "50 mg".into(),
            how_often: " ".into(),
            note: String::new(),
            created: at(1, 9),
            edited: at(1, 9),
        };
        assert_eq!(m.validate(), Ok(()));
        assert_eq!(m.line(), "Sertraline, 50 mg");
        let nameless = Medicine { name: "  ".into(), ..m.clone() };
        assert_eq!(nameless.validate(), Err(SessionDayError::NoName));
        let long = Medicine { dose: "x".repeat(MAX_FIELD_CHARS + 1), ..m };
        assert_eq!(long.validate(), Err(SessionDayError::TooLong(MAX_FIELD_CHARS)));
    }
}
