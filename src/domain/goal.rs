//! Treatment goals, set at evaluation and carried to follow-up: up to five goals in the
//! patient's own words, each with an optional sign of progress; ratings of how close each
//! one is (0-10), made when a goal is set, at a review, or any time; and links from a
//! goal to the intentions, insights and action steps that serve it.
//!
//! A goal changed in words keeps its earlier wordings; achieved and let-go goals keep
//! their ratings. Plain data with validation: never reads the clock (callers pass the
//! time in), never judges progress (a rating is the patient's own).

mod lists;
pub mod review;

use super::id::RecordId;
use super::journal::Journal;
use crate::i18n::{tr, tr_with, T};
use chrono::{DateTime, Utc};

/// How many goals can be open at once.
pub const MAX_OPEN: usize = 5;
/// The longest goal, in characters.
pub const MAX_GOAL_CHARS: usize = 300;
/// The longest sign or rating sentence, in characters.
pub const MAX_WORDS_CHARS: usize = 1_000;
/// The highest rating ("there").
pub const MAX_SCORE: u8 = 10;

/// Where a goal stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GoalStatus {
    /// Being worked on.
    #[default]
    Open,
    /// Reached, in the patient's view.
    Achieved,
    /// Set aside on purpose.
    LetGo,
}

impl GoalStatus {
    /// Every status.
    pub const ALL: [GoalStatus; 3] = [GoalStatus::Open, GoalStatus::Achieved, GoalStatus::LetGo];

    /// The stable machine name (stored, and in files).
    pub fn slug(self) -> &'static str {
        match self {
            GoalStatus::Open => "open",
            GoalStatus::Achieved => "achieved",
            GoalStatus::LetGo => "let-go",
        }
    }

    /// The status with this slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::Open => tr(T::goal_status_open),
            GoalStatus::Achieved => tr(T::goal_status_achieved),
            GoalStatus::LetGo => tr(T::goal_status_let_go),
        }
    }
}

/// An earlier wording of a goal, kept when it was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wording {
    /// The goal as it was worded.
    pub text: String,
    /// Its sign of progress as it was.
    pub sign: String,
    /// When it was reworded.
    pub until: DateTime<Utc>,
}

/// A treatment goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    /// Unique, stable id.
    pub id: RecordId,
    /// The goal, in the patient's words.
    pub text: String,
    /// "How I'd know it's better" (may be empty).
    pub sign: String,
    /// Where it stands.
    pub status: GoalStatus,
    /// When it was achieved or let go (`None` while open).
    pub closed: Option<DateTime<Utc>>,
    /// Earlier wordings, oldest first.
    pub earlier: Vec<Wording>,
    /// When it was set.
    pub created: DateTime<Utc>,
    /// When it was last changed.
    pub edited: DateTime<Utc>,
}

// Listed in the order set.
super::record::impl_record!(Goal, |a, b| a.created.cmp(&b.created));

/// A rating of how close a goal is, with the patient's sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalRating {
    /// Unique, stable id.
    pub id: RecordId,
    /// The goal rated.
    pub goal: RecordId,
    /// When it was rated.
    pub at: DateTime<Utc>,
    /// 0 (far away) to [`MAX_SCORE`] (there).
    pub score: u8,
    /// The patient's sentence (may be empty).
    pub words: String,
    /// Made in a review (not when the goal was set, nor in passing).
    pub review: bool,
    /// When it was last changed.
    pub edited: DateTime<Utc>,
}

// Listed oldest first, as a chart reads them.
super::record::impl_record!(GoalRating, |a, b| a.at.cmp(&b.at));

/// What a goal can be linked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkTarget {
    /// An entry marked as an intention.
    Intention,
    /// An insight.
    Insight,
    /// An action step.
    Step,
}

impl LinkTarget {
    /// Every target.
    pub const ALL: [LinkTarget; 3] = [LinkTarget::Intention, LinkTarget::Insight, LinkTarget::Step];

    /// The stable machine name.
    pub fn slug(self) -> &'static str {
        match self {
            LinkTarget::Intention => "intention",
            LinkTarget::Insight => "insight",
            LinkTarget::Step => "step",
        }
    }

    /// The target with this slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// A link from a goal to an intention, insight or step. A record of its own, so linking
/// never rewrites the thing linked (another tab may be editing it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalLink {
    /// Unique, stable id.
    pub id: RecordId,
    /// The goal.
    pub goal: RecordId,
    /// What kind of record is linked.
    pub target: LinkTarget,
    /// The linked record's id.
    pub record: RecordId,
    /// When it was made.
    pub edited: DateTime<Utc>,
}

// Listed in the order made.
super::record::impl_record!(GoalLink, |a, b| a.edited.cmp(&b.edited));

/// Why a goal or rating could not be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoalError {
    /// No words.
    Empty,
    /// Over [`MAX_GOAL_CHARS`].
    TooLong,
    /// A sign or sentence over [`MAX_WORDS_CHARS`].
    WordsTooLong,
    /// A sixth open goal.
    TooMany,
    /// A rating outside 0-10.
    BadScore,
}

impl std::fmt::Display for GoalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let max = |n: usize| n.to_string();
        match self {
            GoalError::Empty => f.write_str(tr(T::goal_err_empty)),
            GoalError::TooLong => {
                f.write_str(&tr_with(T::goal_err_too_long, &[("max", &max(MAX_GOAL_CHARS))]))
            }
            GoalError::WordsTooLong => {
                f.write_str(&tr_with(T::refuse_too_long, &[("max", &max(MAX_WORDS_CHARS))]))
            }
            GoalError::TooMany => f.write_str(&tr_with(T::goal_err_too_many, &[("max", &max(MAX_OPEN))])),
            GoalError::BadScore => {
                f.write_str(&tr_with(T::goal_err_bad_score, &[("max", &MAX_SCORE.to_string())]))
            }
        }
    }
}

impl std::error::Error for GoalError {}

fn checked_words(text: &str) -> Result<String, GoalError> {
    let text = text.trim();
    if text.chars().count() > MAX_WORDS_CHARS {
        return Err(GoalError::WordsTooLong);
    }
    Ok(text.to_owned())
}

fn checked_goal(text: &str) -> Result<String, GoalError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(GoalError::Empty);
    }
    if text.chars().count() > MAX_GOAL_CHARS {
        return Err(GoalError::TooLong);
    }
    Ok(text.to_owned())
}

impl Goal {
    /// A new open goal. `journal` is asked how many are open already.
    pub fn new(
        id: RecordId,
        now: DateTime<Utc>,
        journal: &Journal,
        text: &str,
        sign: &str,
    ) -> Result<Self, GoalError> {
        if journal.open_goals().len() >= MAX_OPEN {
            return Err(GoalError::TooMany);
        }
        let goal = Goal {
            id,
            text: checked_goal(text)?,
            sign: checked_words(sign)?,
            status: GoalStatus::Open,
            closed: None,
            earlier: Vec::new(),
            created: now,
            edited: now,
        };
        Ok(goal)
    }

    /// Checks a goal read back from storage or a file.
    pub fn validate(&self) -> Result<(), GoalError> {
        checked_goal(&self.text)?;
        checked_words(&self.sign)?;
        for w in &self.earlier {
            checked_goal(&w.text)?;
            checked_words(&w.sign)?;
        }
        Ok(())
    }

    fn next_edit(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        crate::domain::when::next_edit(self.edited, now)
    }

    /// The goal in new words; the old wording is kept in [`Goal::earlier`] when the goal
    /// itself changed (a new sign alone is an edit, not a change of goal).
    pub fn reworded(&self, now: DateTime<Utc>, text: &str, sign: &str) -> Result<Self, GoalError> {
        let (text, sign) = (checked_goal(text)?, checked_words(sign)?);
        let mut goal = self.clone();
        if text != self.text {
            goal.earlier.push(Wording { text: self.text.clone(), sign: self.sign.clone(), until: now });
        }
        goal.text = text;
        goal.sign = sign;
        goal.edited = self.next_edit(now);
        Ok(goal)
    }

    /// The goal achieved, let go, or reopened at `now`. Reopening counts against
    /// [`MAX_OPEN`].
    pub fn with_status(
        &self,
        now: DateTime<Utc>,
        status: GoalStatus,
        journal: &Journal,
    ) -> Result<Self, GoalError> {
        if status == GoalStatus::Open && !self.is_open() && journal.open_goals().len() >= MAX_OPEN {
            return Err(GoalError::TooMany);
        }
        let closed = (status != GoalStatus::Open).then_some(now);
        Ok(Goal { status, closed, edited: self.next_edit(now), ..self.clone() })
    }

    /// Whether it is being worked on.
    pub fn is_open(&self) -> bool {
        self.status == GoalStatus::Open
    }
}

impl GoalRating {
    /// A new rating of `goal`.
    pub fn new(
        id: RecordId,
        now: DateTime<Utc>,
        goal: &RecordId,
        score: u8,
        words: &str,
        review: bool,
    ) -> Result<Self, GoalError> {
        let rating = GoalRating {
            id,
            goal: goal.clone(),
            at: now,
            score,
            words: checked_words(words)?,
            review,
            edited: now,
        };
        rating.validate()?;
        Ok(rating)
    }

    /// Checks a rating read back.
    pub fn validate(&self) -> Result<(), GoalError> {
        if self.score > MAX_SCORE {
            return Err(GoalError::BadScore);
        }
        checked_words(&self.words).map(|_| ())
    }
}

#[cfg(test)]
mod tests;
