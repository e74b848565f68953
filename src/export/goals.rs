//! Goals as they leave the device: the therapist summary's section (each goal with its
//! sign, its status, earlier wordings, its ratings then and in the period with the
//! patient's sentences, and what is linked to it) and the CSV's rows, one per rating.
//! Private entries' intentions and insights never get in. Patient text is escaped like
//! every summary line. Pure.

use super::markdown::{escape_line, DateStyle};
use crate::domain::goal::MAX_SCORE;
use crate::domain::{GoalStatus, Journal, LinkTarget, RecordId};
use crate::i18n::{tr, tr_with, T};
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;
use std::fmt::Write;

/// A rating as the summary shows it: when, the score, the patient's sentence.
pub type RatingLine = (DateTime<Utc>, u8, String);

/// One goal in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalRow {
    /// The goal, as worded now.
    pub text: String,
    /// How the patient would know it is better.
    pub sign: String,
    /// Where it stands, and since when if closed.
    pub status: (GoalStatus, Option<DateTime<Utc>>),
    /// Earlier wordings, oldest first.
    pub earlier: Vec<String>,
    /// The first rating ever ("then"), in the period or not.
    pub first: Option<RatingLine>,
    /// The later ratings in the period, oldest first.
    pub ratings: Vec<RatingLine>,
    /// Linked intentions, insights and steps (a step with whether it is done).
    pub intentions: Vec<String>,
    /// Linked insights.
    pub insights: Vec<String>,
    /// Linked steps.
    pub steps: Vec<(String, bool)>,
}

/// The goals for the summary: every goal not closed before the period (`before` tells a
/// time before it).
pub fn build(
    journal: &Journal,
    in_range: impl Fn(DateTime<Utc>) -> bool,
    before: impl Fn(DateTime<Utc>) -> bool,
) -> Vec<GoalRow> {
    let private: BTreeSet<&RecordId> =
        crate::domain::order::set_of(journal.entries().iter().filter(|e| e.private).map(|e| &e.id));
    journal
        .goals()
        .iter()
        .filter(|g| g.closed.is_none_or(|c| !before(c)))
        .map(|g| {
            let line = |r: &crate::domain::GoalRating| (r.at, r.score, r.words.clone());
            let all = journal.ratings_of(&g.id);
            let first = all.first().map(|r| line(r));
            let ratings: Vec<RatingLine> =
                all.iter().skip(1).filter(|r| in_range(r.at)).map(|r| line(r)).collect();
            let intentions = journal
                .linked(&g.id, LinkTarget::Intention)
                .iter()
                .filter_map(|id| journal.entry(id))
                .filter(|e| !e.private)
                .map(|e| e.text.clone())
                .collect();
            let insights = journal
                .linked(&g.id, LinkTarget::Insight)
                .iter()
                .filter_map(|id| journal.insight(id))
                .filter(|i| !private.contains(&i.entry))
                .map(|i| i.quote.clone())
                .collect();
            let steps = journal
                .linked(&g.id, LinkTarget::Step)
                .iter()
                .filter_map(|id| journal.step(id))
                .map(|s| (s.text.clone(), !s.is_open()))
                .collect();
            GoalRow {
                text: g.text.clone(),
                sign: g.sign.clone(),
                status: (g.status, g.closed),
                earlier: g.earlier.iter().map(|w| w.text.clone()).collect(),
                first,
                ratings,
                intentions,
                insights,
                steps,
            }
        })
        .collect()
}

fn rating(r: &RatingLine, dates: &DateStyle<'_>) -> String {
    let words = if r.2.trim().is_empty() { String::new() } else { format!(": {}", escape_line(&r.2)) };
    let (score, max, when) = (r.1.to_string(), MAX_SCORE.to_string(), (dates.moment)(r.0));
    format!("{}{words}", tr_with(T::sum_goal_rating, &[("score", &score), ("max", &max), ("when", &when)]))
}

/// The summary's section, in Markdown (the summary leaves it out while no goal is set).
pub fn markdown(goals: &[GoalRow], dates: &DateStyle<'_>) -> String {
    let mut md = format!("## {}\n\n{}\n\n", tr(T::sum_goals), tr(T::sum_goals_rating));
    for (n, g) in goals.iter().enumerate() {
        let _ = writeln!(md, "### {}. {}\n", n + 1, escape_line(&g.text));
        if !g.sign.trim().is_empty() {
            let _ = writeln!(md, "- {}", tr_with(T::sum_goal_sign, &[("text", &escape_line(&g.sign))]));
        }
        let status = match g.status {
            (GoalStatus::Open, _) | (_, None) => g.status.0.label().to_owned(),
            (s, Some(at)) => {
                tr_with(T::sum_goal_status_on, &[("status", s.label()), ("when", &(dates.moment)(at))])
            }
        };
        let _ = writeln!(md, "- {}", tr_with(T::sum_goal_status, &[("status", &status)]));
        for w in &g.earlier {
            let _ = writeln!(md, "- {}", tr_with(T::sum_goal_earlier, &[("text", &escape_line(w))]));
        }
        if let Some(first) = &g.first {
            let _ = writeln!(md, "- {}", tr_with(T::sum_goal_first, &[("rating", &rating(first, dates))]));
        }
        for r in &g.ratings {
            let _ = writeln!(md, "- {}", tr_with(T::sum_goal_rated, &[("rating", &rating(r, dates))]));
        }
        for i in &g.intentions {
            let _ = writeln!(md, "- {}", tr_with(T::sum_goal_intention, &[("text", &escape_line(i))]));
        }
        for i in &g.insights {
            let _ = writeln!(md, "- {}", tr_with(T::sum_goal_insight, &[("text", &escape_line(i))]));
        }
        for (s, done) in &g.steps {
            let key = if *done { T::sum_goal_step_done } else { T::sum_goal_step_open };
            let _ = writeln!(md, "- {}", tr_with(key, &[("text", &escape_line(s))]));
        }
        md.push('\n');
    }
    md
}

/// The columns the goal and step rows add to the CSV, after the after-effects ones and in
/// this order so that earlier columns never move: the goal a rating or step belongs to,
/// then a step's area of life (its stored name, the same in every language), due day (ISO
/// 8601) and when it was done.
pub const CSV_HEADER: [&str; 4] = ["goal", "area", "due", "done_at"];

/// One CSV row per action step, in the order made: (when made, the step as its note, the
/// [`CSV_HEADER`] cells).
pub fn csv_steps(journal: &Journal) -> Vec<(DateTime<Utc>, String, [String; 4])> {
    journal
        .steps()
        .iter()
        .map(|s| {
            let goals: Vec<&str> =
                journal.goals_of(LinkTarget::Step, &s.id).iter().map(|g| g.text.as_str()).collect();
            let done = s.done.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
            let tail = [
                goals.join("; "),
                s.area.map(|a| a.code().to_owned()).unwrap_or_default(),
                s.due.map(|d| d.to_string()).unwrap_or_default(),
                done.unwrap_or_default(),
            ];
            (s.created, s.text.clone(), tail)
        })
        .collect()
}

/// One CSV row per rating: (when, kind, the sentence as its note, the score, the goal).
pub fn csv_ratings(journal: &Journal) -> Vec<(DateTime<Utc>, String, String, String)> {
    journal
        .goal_ratings()
        .iter()
        .filter_map(|r| {
            let goal = journal.goal(&r.goal)?;
            Some((r.at, r.words.clone(), r.score.to_string(), goal.text.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests;
