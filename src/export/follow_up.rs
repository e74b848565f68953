//! The follow-up check-in's one-page note, "things I want to discuss with my team": the
//! patient's points first, then what they notice, then the figures of the day in plain
//! words. Printed alone, downloaded, and in the therapist summary. The figures are only
//! described, never judged, and nothing is advised. Pure.

use super::markdown::{escape_line, points, points_or_unwritten, DateStyle};
use crate::domain::follow_up::{Facts, FollowUpCheck};
use crate::domain::number::fixed;
use std::fmt::Write;

/// The note's closing line.
pub const DECIDES_NOTHING: &str = "This note is for the conversation with my team; it decides nothing.";

fn mood(m: Option<(u16, usize)>, when: &str) -> String {
    match m {
        Some((tenths, n)) => format!(
            "{} {when} ({n} check-in{})",
            fixed(f64::from(tenths) / 10.0, 1),
            if n == 1 { "" } else { "s" }
        ),
        None => format!("no check-ins {when}"),
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
            format!("Since my last session (session {n}): {w} week{}", if w == 1 { "" } else { "s" })
        }
        _ => "No session logged yet".to_owned(),
    });
    if shown.scores {
        lines.push(match &f.phq9 {
            None => "PHQ-9: none taken yet".to_owned(),
            Some(p) => {
                let then = format!("PHQ-9: {} at the baseline ({})", p.then.0, (dates.day)(p.then.1));
                match p.now {
                    Some((score, on)) => format!("{then}, {score} most recently ({})", (dates.day)(on)),
                    None => format!("{then}, no later score yet"),
                }
            }
        });
    }
    lines.push(format!(
        "Mood (0-10): {}; {}",
        mood(f.mood_before, "in the 14 days before my first session"),
        mood(f.mood_recent, "in the last 14 days")
    ));
    for g in f.goals.iter().filter(|_| shown.goals) {
        let rated = match (g.then, g.now) {
            (Some(a), Some(b)) => format!("{a} of 10 when set, {b} now"),
            (Some(a), None) => format!("{a} of 10 when set, not rated since"),
            (None, Some(b)) => format!("not rated when set, {b} of 10 now"),
            _ => "not rated".to_owned(),
        };
        lines.push(format!("Goal “{}”: {rated}", g.text));
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
    list(&mut md, "Things I want to discuss with my team", &check.discuss);
    list(&mut md, "What I notice", &check.noticed);
    let _ = writeln!(md, "{sub} Where I am\n");
    for line in fact_lines_of(&check.facts, dates, shown) {
        let _ = writeln!(md, "- {}", escape_line(&line));
    }
    let _ = writeln!(md, "\n{DECIDES_NOTHING}\n");
    md
}

#[cfg(test)]
mod tests;
