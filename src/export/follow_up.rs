//! The follow-up check-in's one-page note, "things I want to discuss with my team": the
//! patient's points first, then what they notice, then the figures of the day in plain
//! words. Printed alone, downloaded, and in the therapist summary. The figures are only
//! described, never judged, and nothing is advised. Pure.

use super::markdown::{escape_line, points, points_or_unwritten, DateStyle};
use crate::domain::follow_up::{Facts, FollowUpCheck};
use crate::domain::number::fixed;
use crate::i18n::{decimal, tr, tr_with, Text, T};
use std::fmt::Write;

/// The note's closing line.
pub const DECIDES_NOTHING: Text = T::fu_decides_nothing;

fn mood(m: Option<(u16, usize)>, when: Text) -> String {
    let when = tr(when);
    match m {
        Some((tenths, n)) => {
            let mood = decimal(&fixed(f64::from(tenths) / 10.0, 1).to_string());
            let words = if n == 1 { T::fu_mood_one } else { T::fu_mood_other };
            tr_with(words, &[("mood", &mood), ("when", when), ("n", &n.to_string())])
        }
        None => tr_with(T::fu_mood_none, &[("when", when)]),
    }
}

/// Which of the day's figures are shown: in a summary, only those whose own section is
/// ticked (PHQ-9 scores with "Questionnaire scores", goals with "Treatment goals").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    /// The PHQ-9 line.
    pub scores: bool,
    /// The goals' lines.
    pub goals: bool,
}

impl Shown {
    /// Every figure: the note on its own.
    pub const ALL: Shown = Shown { scores: true, goals: true };
}

/// The figures of the day, one line each, in words.
pub fn fact_lines(f: &Facts, dates: &DateStyle<'_>) -> Vec<String> {
    fact_lines_of(f, dates, Shown::ALL)
}

/// The figures of the day that `shown` lets through, one line each, in words.
pub fn fact_lines_of(f: &Facts, dates: &DateStyle<'_>, shown: Shown) -> Vec<String> {
    let mut lines = Vec::new();
    lines.push(match (f.weeks_since, f.last_session) {
        (Some(w), Some(n)) => {
            let words = if w == 1 { T::fu_since_one } else { T::fu_since_other };
            tr_with(words, &[("n", &n.to_string()), ("w", &w.to_string())])
        }
        _ => tr(T::fu_no_session).to_owned(),
    });
    if shown.scores {
        lines.push(match &f.phq9 {
            None => tr(T::fu_phq9_none).to_owned(),
            Some(p) => {
                let then = tr_with(
                    T::fu_phq9_then,
                    &[("score", &p.then.0.to_string()), ("day", &(dates.day)(p.then.1))],
                );
                match p.now {
                    Some((score, on)) => tr_with(
                        T::fu_phq9_now,
                        &[("then", &then), ("score", &score.to_string()), ("day", &(dates.day)(on))],
                    ),
                    None => tr_with(T::fu_phq9_no_later, &[("then", &then)]),
                }
            }
        });
    }
    lines.push(tr_with(
        T::fu_mood_line,
        &[
            ("before", &mood(f.mood_before, T::fu_before_first)),
            ("recent", &mood(f.mood_recent, T::fu_last_14)),
        ],
    ));
    for g in f.goals.iter().filter(|_| shown.goals) {
        let (then, now) = (g.then.map(|a| a.to_string()), g.now.map(|b| b.to_string()));
        let rated = match (then, now) {
            (Some(a), Some(b)) => tr_with(T::fu_goal_both, &[("then", &a), ("now", &b)]),
            (Some(a), None) => tr_with(T::fu_goal_then, &[("then", &a)]),
            (None, Some(b)) => tr_with(T::fu_goal_now, &[("now", &b)]),
            _ => tr(T::fu_goal_none).to_owned(),
        };
        lines.push(tr_with(T::fu_goal_line, &[("goal", &g.text), ("rated", &rated)]));
    }
    lines
}

/// The note under `heading` ("# …" or "### …"), its sub-headings one level down.
pub fn markdown(check: &FollowUpCheck, heading: &str, dates: &DateStyle<'_>) -> String {
    markdown_of(check, heading, dates, Shown::ALL)
}

/// The note with only the figures `shown` lets through (in a summary).
pub fn markdown_of(check: &FollowUpCheck, heading: &str, dates: &DateStyle<'_>, shown: Shown) -> String {
    let sub = format!("{}#", heading.split(' ').next().unwrap_or("#"));
    let mut md = format!("{heading}\n\n{}\n\n", (dates.moment)(check.at));
    let list = |md: &mut String, title: &str, text: &str| {
        if !points(text).is_empty() {
            let _ = writeln!(md, "{sub} {title}\n");
            points_or_unwritten(md, text);
        }
    };
    list(&mut md, tr(T::fu_discuss), &check.discuss);
    list(&mut md, tr(T::fu_notice), &check.noticed);
    let _ = writeln!(md, "{sub} {}\n", tr(T::fu_where));
    for line in fact_lines_of(&check.facts, dates, shown) {
        let _ = writeln!(md, "- {}", escape_line(&line));
    }
    let _ = writeln!(md, "\n{}\n", tr(DECIDES_NOTHING));
    md
}

#[cfg(test)]
mod tests;
