//! When Today suggests reviewing the goals, and when it invites setting them.
//!
//! A review is suggested when the stage is integration and no review has followed the
//! last session; two weeks after the last session of a course (none logged or planned
//! since, and not while a new course is being prepared); and in follow-up every
//! `data-review-days` (default 30) after the last review. Pure: the time is passed in.

use crate::domain::{Journal, Stage};
use crate::i18n::{tr, tr_with, T};
use chrono::{DateTime, Duration, Utc};

/// Days after the last session when a review is suggested.
pub const AFTER_LAST_SESSION_DAYS: i64 = 14;
/// Days between reviews in follow-up, unless the clinic sets `data-review-days`.
pub const DEFAULT_EVERY_DAYS: i64 = 30;

/// Why a review is suggested now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewDue {
    /// The stage is integration and no review has followed the last session.
    Integration,
    /// Two weeks have passed since the last session (its number).
    AfterCourse(u32),
    /// In follow-up, this many days since the last review (or since the goals were set).
    Every(i64),
}

impl ReviewDue {
    /// Why, in a sentence for Today.
    pub fn reason(self) -> String {
        match self {
            ReviewDue::Integration => tr(T::goals_review_integration).to_owned(),
            ReviewDue::AfterCourse(n) => tr_with(T::goals_review_after_course, &[("n", &n.to_string())]),
            ReviewDue::Every(days) => tr_with(T::goals_review_every, &[("days", &days.to_string())]),
        }
    }
}

/// The time of the last review (a rating made in one), if any.
pub fn last_review(journal: &Journal) -> Option<DateTime<Utc>> {
    journal.goal_ratings().iter().filter(|r| r.review).map(|r| r.at).max()
}

/// Whether a review is due at `now`, and why; `None` while no goal is open.
pub fn review_due(journal: &Journal, now: DateTime<Utc>, every_days: i64) -> Option<ReviewDue> {
    let open = journal.open_goals();
    let first_set = open.iter().map(|g| g.created).min()?;
    let reviewed = last_review(journal);
    let reviewed_since = |t: DateTime<Utc>| reviewed.is_some_and(|r| r >= t);
    if let Some(last) = journal.last_session() {
        if journal.stage == Stage::Integration && first_set <= last.at && !reviewed_since(last.at) {
            return Some(ReviewDue::Integration);
        }
        // The course's last session: none logged since, and none planned after it (a
        // planned day not logged counts until two weeks after its date).
        let planned_after = journal.session_days().iter().filter(|d| d.session.is_none() && d.at > last.at);
        let end = planned_after.map(|d| d.at).max().unwrap_or(last.at);
        let two_weeks = end + Duration::days(AFTER_LAST_SESSION_DAYS);
        let course_over = !matches!(journal.stage, Stage::Evaluation | Stage::Preparation);
        if course_over && now >= two_weeks && first_set <= two_weeks && !reviewed_since(two_weeks) {
            return Some(ReviewDue::AfterCourse(last.number));
        }
    }
    if journal.stage == Stage::FollowUp {
        let every = every_days.max(1);
        let since = reviewed.unwrap_or(first_set).max(first_set);
        let days = (now - since).num_days();
        if days >= every {
            return Some(ReviewDue::Every(days));
        }
    }
    None
}

/// Whether Today invites the patient to set goals: early in the course, none set yet.
pub fn goals_invited(journal: &Journal) -> bool {
    matches!(journal.stage, Stage::Evaluation | Stage::Preparation) && journal.goals().is_empty()
}
