//! Insights and action steps: a passage (or all) of an entry marked as an insight, and an
//! insight turned into a step the patient can check off in follow-up.
//!
//! Plain data with validation. Never reads the clock: callers pass the time in.

use super::entry::JournalEntry;
use super::id::RecordId;
use crate::i18n::{tr, tr_with, Text, T};
use chrono::{DateTime, NaiveDate, Utc};

/// The longest action step, in characters.
pub const MAX_STEP_CHARS: usize = 500;

/// A passage the patient marked as meaningful.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Insight {
    /// Unique, stable id.
    pub id: RecordId,
    /// The entry it was marked in (the entry may be deleted later; the quote stays).
    pub entry: RecordId,
    /// The passage, copied when it was marked.
    pub quote: String,
    /// When it was marked.
    pub created: DateTime<Utc>,
    /// When it was last changed.
    pub edited: DateTime<Utc>,
}

// Listed newest first.
super::record::impl_record!(Insight, |a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));

/// Something the patient means to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionStep {
    /// Unique, stable id.
    pub id: RecordId,
    /// The insight it grew from, if any.
    pub insight: Option<RecordId>,
    /// What to do.
    pub text: String,
    /// By when, if the patient set a date.
    pub due: Option<NaiveDate>,
    /// When it was checked off; `None` while open.
    pub done: Option<DateTime<Utc>>,
    /// When it was made.
    pub created: DateTime<Utc>,
    /// When it was last changed.
    pub edited: DateTime<Utc>,
    /// The area of life it belongs to, if the patient chose one.
    pub area: Option<Area>,
}

/// Areas of life a step can belong to, after the model of psychedelic integration in
/// Bathje, Majeski and Kudowor (2022), in Afterglow's own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    /// Thoughts, understanding, how one makes sense of things.
    Mind,
    /// The body: sleep, movement, food, rest.
    Body,
    /// Meaning, values, what feels larger than oneself.
    Spirit,
    /// Family, friends, partners, community.
    Relationships,
    /// Daily routines, work, habits.
    Lifestyle,
    /// Time outdoors and with the living world.
    Nature,
}

impl Area {
    /// Every area, in the order shown.
    pub const ALL: [Area; 6] =
        [Area::Mind, Area::Body, Area::Spirit, Area::Relationships, Area::Lifestyle, Area::Nature];

    /// Its stored name.
    pub fn code(self) -> &'static str {
        match self {
            Area::Mind => "mind",
            Area::Body => "body",
            Area::Spirit => "spirit",
            Area::Relationships => "relationships",
            Area::Lifestyle => "lifestyle",
            Area::Nature => "nature",
        }
    }

    /// The area a stored name names.
    pub fn from_code(code: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.code() == code)
    }

    /// Its name as shown.
    pub fn label(self) -> &'static str {
        tr(match self {
            Area::Mind => T::area_mind,
            Area::Body => T::area_body,
            Area::Spirit => T::area_spirit,
            Area::Relationships => T::area_relationships,
            Area::Lifestyle => T::area_lifestyle,
            Area::Nature => T::area_nature,
        })
    }

    /// What it covers, in a few words.
    pub fn about(self) -> &'static str {
        tr(match self {
            Area::Mind => T::area_mind_about,
            Area::Body => T::area_body_about,
            Area::Spirit => T::area_spirit_about,
            Area::Relationships => T::area_relationships_about,
            Area::Lifestyle => T::area_lifestyle_about,
            Area::Nature => T::area_nature_about,
        })
    }
}

/// Where the areas come from, named once wherever they are shown (the reference as
/// published, in every language).
pub const AREAS_SOURCE: Text = T::areas_source;

// Listed in the order made.
super::record::impl_record!(ActionStep, |a, b| a.created.cmp(&b.created));

/// Why an insight or step could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InsightError {
    /// The chosen passage is not in the entry.
    NotInEntry,
    /// Nothing to keep.
    Empty,
    /// Over [`MAX_STEP_CHARS`].
    TooLong,
    /// A due date outside the years a journal holds.
    BadDate,
}

impl std::fmt::Display for InsightError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InsightError::NotInEntry => f.write_str(tr(T::insight_not_in_entry)),
            InsightError::Empty => f.write_str(tr(T::insight_empty)),
            InsightError::TooLong => {
                f.write_str(&tr_with(T::insight_step_long, &[("max", &MAX_STEP_CHARS.to_string())]))
            }
            InsightError::BadDate => f.write_str(tr(T::refuse_date)),
        }
    }
}

impl std::error::Error for InsightError {}

impl Insight {
    /// Marks `passage` of `entry` (or the whole entry when `passage` is blank) as an
    /// insight. The passage must be part of the entry's text.
    pub fn mark(
        id: RecordId,
        now: DateTime<Utc>,
        entry: &JournalEntry,
        passage: Option<&str>,
    ) -> Result<Self, InsightError> {
        let quote = match passage.map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) if entry.text.contains(p) => p.to_owned(),
            Some(_) => return Err(InsightError::NotInEntry),
            None => entry.text.clone(),
        };
        Ok(Insight { id, entry: entry.id.clone(), quote, created: now, edited: now })
    }
}

impl ActionStep {
    /// A new open step.
    pub fn new(
        id: RecordId,
        now: DateTime<Utc>,
        insight: Option<RecordId>,
        text: &str,
        due: Option<NaiveDate>,
    ) -> Result<Self, InsightError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(InsightError::Empty);
        }
        if text.chars().count() > MAX_STEP_CHARS {
            return Err(InsightError::TooLong);
        }
        if due.is_some_and(|d| super::when::checked_day(d).is_err()) {
            return Err(InsightError::BadDate);
        }
        Ok(ActionStep {
            id,
            insight,
            text: text.to_owned(),
            due,
            done: None,
            created: now,
            edited: now,
            area: None,
        })
    }

    /// This step in `area` (or none), at `now`.
    pub fn with_area(&self, now: DateTime<Utc>, area: Option<Area>) -> Self {
        let edited = crate::domain::when::next_edit(self.edited, now);
        ActionStep { area, edited, ..self.clone() }
    }

    /// Whether it is still to do.
    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }

    /// This step checked off (`done = true`) or reopened, at `now`.
    pub fn set_done(&self, now: DateTime<Utc>, done: bool) -> Self {
        let edited = crate::domain::when::next_edit(self.edited, now);
        ActionStep { done: done.then_some(now), edited, ..self.clone() }
    }

    /// Whether it is open and its due date is before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|d| d < today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EntryDraft, Stage};
    use chrono::TimeZone;

    fn entry(text: &str) -> JournalEntry {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();
        let draft = EntryDraft { text: text.into(), ..EntryDraft::default() };
        JournalEntry::new(RecordId::generate(1, 1), at, Stage::Integration, draft).unwrap()
    }

    #[test]
    fn a_passage_or_the_whole_entry_becomes_an_insight() {
        let e = entry("I saw that I am allowed to rest. Then tea.");
        let now = e.created;
        let part = Insight::mark(RecordId::generate(2, 2), now, &e, Some(" I am allowed to rest. ")).unwrap();
        assert_eq!(part.quote, "I am allowed to rest.");
        assert_eq!(part.entry, e.id);
        let whole = Insight::mark(RecordId::generate(3, 3), now, &e, Some("   ")).unwrap();
        assert_eq!(whole.quote, e.text);
        assert_eq!(
            Insight::mark(RecordId::generate(4, 4), now, &e, Some("not in there")),
            Err(InsightError::NotInEntry)
        );
    }

    #[test]
    fn a_step_is_checked_off_and_reopened() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();
        let due = NaiveDate::from_ymd_opt(2026, 11, 30);
        let step = ActionStep::new(RecordId::generate(1, 1), now, None, " Walk after lunch ", due).unwrap();
        assert_eq!(step.text, "Walk after lunch");
        assert!(step.is_open());
        assert!(!step.is_overdue(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()));
        assert!(step.is_overdue(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()));
        let done = step.set_done(now, true);
        assert!(!done.is_open() && done.edited > step.edited);
        assert!(!done.is_overdue(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()));
        assert!(done.set_done(now, false).is_open());
        assert_eq!(ActionStep::new(RecordId::generate(1, 1), now, None, " ", None), Err(InsightError::Empty));
    }
}
