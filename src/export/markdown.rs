//! The therapist summary as CommonMark that also reads well as plain text (pasted into a
//! patient-portal message). Patient text is escaped so a renderer shows it literally:
//! no HTML, links, emphasis or headings can come from what the patient wrote, and it is
//! [`clean`]ed first: no control or bidi-override characters, and every line ending
//! (`\r\n` or a lone `\r`) is a `\n`, so a carriage return cannot start a block. Pure.

use super::csv::clean;
use super::summary::Summary;
use crate::domain::number::{fixed, signed};
use crate::domain::Metric;
use crate::i18n::{decimal, tr, tr_with, Text, T};
use chrono::{DateTime, NaiveDate, Utc};
use std::fmt::Write;

/// How dates look in the output (the caller's locale; tests pass fixed ones).
pub struct DateStyle<'a> {
    /// A calendar day.
    pub day: &'a dyn Fn(NaiveDate) -> String,
    /// A moment, in the patient's zone.
    pub moment: &'a dyn Fn(DateTime<Utc>) -> String,
}

/// Escapes one line of patient text for CommonMark: every character that could start
/// markup is backslash-escaped (which plain-text readers barely notice), and what would
/// start a block at the beginning of a line (a heading, list, quote, code block or rule)
/// is neutralised. The line is [`clean`]ed before anything else, so an invisible control
/// cannot hide a block starter; a line break left inside it becomes a space.
pub fn escape_line(line: &str) -> String {
    let line = clean(line);
    let line = line.trim_start();
    let mut out = String::with_capacity(line.len() + 8);
    let mut chars = line.chars().peekable();
    // Block starters: "# ", "- ", "+ ", "= ", "1. ", "1) ".
    if let Some(&c) = chars.peek() {
        if matches!(c, '#' | '-' | '+' | '=') {
            out.push('\\');
        } else if c.is_ascii_digit() {
            let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
            if matches!(line[digits.len()..].chars().next(), Some('.' | ')')) {
                out.push_str(&digits);
                out.push('\\');
                for _ in 0..digits.len() {
                    chars.next();
                }
            }
        }
    }
    for c in chars {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// The non-blank lines of patient text, trimmed (a plan's answer, one point a line).
pub fn points(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// A plan's answer as a list, one escaped point a line, or "Not written yet." when blank.
pub fn points_or_unwritten(md: &mut String, text: &str) {
    let lines = points(text);
    if lines.is_empty() {
        md.push_str(tr(T::sum_unwritten));
        md.push_str("\n\n");
        return;
    }
    for line in lines {
        let _ = writeln!(md, "- {}", escape_line(line));
    }
    md.push('\n');
}

/// Patient text as a block quote, line by line, with hard breaks kept. Line endings are
/// normalised first, so a lone `\r` splits lines like `\n` does.
fn quote(text: &str) -> String {
    let mut out = String::new();
    let text = clean(text);
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let escaped = escape_line(line);
        if escaped.is_empty() {
            out.push_str(">\n");
        } else if lines.get(i + 1).is_some_and(|next| !next.trim().is_empty()) {
            // Two trailing spaces: a hard line break that plain text does not show.
            let _ = writeln!(out, "> {escaped}  ");
        } else {
            let _ = writeln!(out, "> {escaped}");
        }
    }
    out
}

/// Text folded to one line: [`clean`]ed, every run of white space (line breaks too) one
/// space.
fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn mean(v: Option<f64>) -> String {
    v.map(|v| decimal(&fixed(v, 1).to_string())).unwrap_or_else(|| tr(T::sum_no_data).into())
}

/// A `## heading` and its blank line.
fn heading(md: &mut String, key: Text) {
    let _ = writeln!(md, "## {}\n", tr(key));
}

/// "3 check-ins", in the language shown.
pub fn check_ins(n: usize) -> String {
    crate::i18n::tr_count(n, T::sum_checkins_one, T::sum_checkins_other)
}

/// Renders the summary.
pub fn render(summary: &Summary, dates: &DateStyle<'_>) -> String {
    let mut md = String::new();
    let title = if summary.title.is_empty() { tr(T::sum_title).to_owned() } else { one_line(&summary.title) };
    let _ = writeln!(md, "# {}\n", escape_line(&title));
    let (from, to) = ((dates.day)(summary.from), (dates.day)(summary.to));
    let _ = writeln!(md, "{}\n", tr_with(T::sum_range, &[("from", &from), ("to", &to)]));

    if let Some(sessions) = &summary.sessions {
        heading(&mut md, T::sum_sessions);
        if sessions.is_empty() {
            let _ = writeln!(md, "{}\n", tr(T::sum_no_sessions));
        }
        for s in sessions {
            let (before, after) = (s.mood.0.map(|m| m.to_string()), s.mood.1.map(|m| m.to_string()));
            let mood = match (&before, &after) {
                (Some(b), Some(a)) => tr_with(T::sum_md_mood_both, &[("before", b), ("after", a)]),
                (Some(b), None) => tr_with(T::sum_md_mood_before, &[("before", b)]),
                (None, Some(a)) => tr_with(T::sum_md_mood_after, &[("after", a)]),
                (None, None) => String::new(),
            };
            let (n, when) = (s.number.to_string(), (dates.moment)(s.at));
            let line = tr_with(T::sum_md_session, &[("n", &n), ("when", &when), ("route", s.route.label())]);
            let _ = write!(md, "- {line}{mood}");
            if !s.intention.is_empty() {
                md.push_str(&tr_with(
                    T::sum_md_intention,
                    &[("text", &escape_line(&one_line(&s.intention)))],
                ));
            }
            md.push('\n');
        }
        if !sessions.is_empty() {
            md.push('\n');
        }
    }

    if let Some((range, baseline)) = &summary.mood {
        heading(&mut md, T::sum_mood);
        if range.count == 0 {
            let _ = writeln!(md, "{}\n", tr(T::sum_no_checkins));
        } else {
            let _ =
                writeln!(md, "{}\n", tr_with(T::sum_md_mood_lead, &[("checkins", &check_ins(range.count))]));
            for m in Metric::ALL {
                let _ = write!(md, "- {}: {}", m.label(), mean(range.get(m)));
                if let (Some(b), Some(now)) = (baseline.as_ref().and_then(|b| b.get(m)), range.get(m)) {
                    let (before, change) =
                        (decimal(&fixed(b, 1).to_string()), decimal(&signed(now - b, 1).to_string()));
                    md.push(' ');
                    md.push_str(&tr_with(
                        T::sum_md_before_first,
                        &[("before", &before), ("change", &change)],
                    ));
                }
                md.push('\n');
            }
            if let Some(sleep) = range.sleep {
                let hours = decimal(&fixed(sleep, 1).to_string());
                let _ = writeln!(md, "- {}", tr_with(T::sum_md_sleep, &[("hours", &hours)]));
            }
            md.push('\n');
        }
    }

    if let Some(scores) = &summary.scores {
        heading(&mut md, T::sum_questionnaires);
        if scores.is_empty() {
            let _ = writeln!(md, "{}\n", tr(T::sum_no_questionnaires));
        }
        for s in scores {
            let _ = writeln!(md, "- {} {}", score_line(s, dates.moment), score_change(s.change));
        }
        let named = super::summary::attributions(scores);
        if !named.is_empty() {
            let _ = writeln!(md, "\n{}", crate::domain::questionnaire::bands_for_the_team());
            md.push('\n');
        }
        for (names, attribution) in named {
            let _ = writeln!(md, "{names}: {attribution}\n");
        }
    }

    if let Some(goals) = summary.goals.as_ref().filter(|g| !g.is_empty()) {
        md.push_str(&super::goals::markdown(goals, dates));
    }

    if let Some(checks) = summary.follow_up.as_ref().filter(|c| !c.is_empty()) {
        heading(&mut md, T::sum_follow_up);
        let one = format!("### {}", tr(T::sum_follow_up_one));
        for c in checks {
            md.push_str(&super::follow_up::markdown_of(c, &one, dates, summary.follow_up_shows));
        }
    }

    if let Some(intentions) = summary.intentions.as_ref().filter(|i| !i.is_empty()) {
        heading(&mut md, T::sum_intentions);
        for i in intentions {
            let _ = writeln!(md, "- {}", escape_line(&one_line(i)));
        }
        md.push('\n');
    }

    if let Some(insights) = &summary.insights {
        let steps = summary.steps.as_deref().unwrap_or_default();
        if !insights.is_empty() || !steps.is_empty() {
            heading(&mut md, T::sum_insights);
            for i in insights {
                let _ = writeln!(md, "- {}", escape_line(&one_line(i)));
            }
            if !insights.is_empty() {
                md.push('\n');
            }
            for s in steps {
                let text = escape_line(&one_line(&s.text));
                let state =
                    tr_with(if s.done { T::sum_step_done } else { T::sum_step_open }, &[("text", &text)]);
                let due = s
                    .due
                    .map(|d| format!(" {}", tr_with(T::sum_step_by, &[("day", &(dates.day)(d))])))
                    .unwrap_or_default();
                let area = s.area.map(|a| format!(" [{}]", a.label())).unwrap_or_default();
                let _ = writeln!(md, "- {state}{due}{area}");
            }
            if steps.iter().any(|s| s.area.is_some()) {
                let _ = writeln!(md, "\n{}", crate::i18n::tr(crate::domain::insight::AREAS_SOURCE));
            }
            if !steps.is_empty() {
                md.push('\n');
            }
        }
    }

    if let Some(care) = &summary.session_care {
        md.push_str(&super::session_care::markdown(care, dates));
    }

    if let Some(plan) = &summary.staying_well {
        md.push_str(&super::staying_well::markdown(plan, &format!("## {}", tr(T::sum_staying_well))));
    }

    if let Some(plan) = &summary.safety_plan {
        md.push_str(&super::session_care::safety_plan_markdown(
            plan,
            &format!("## {}", tr(T::sum_safety_plan)),
        ));
    }

    if let Some(groups) = &summary.entries {
        heading(&mut md, T::sum_entries);
        if groups.is_empty() {
            let _ = writeln!(md, "{}\n", tr(T::sum_no_entries));
        }
        for (stage, entries) in groups {
            if let Some(stage) = stage {
                let _ = writeln!(md, "### {}\n", stage.label());
            }
            for e in entries {
                let _ = write!(md, "**{}**", (dates.moment)(e.created));
                if let Some(p) = &e.prompt {
                    md.push_str(&tr_with(T::sum_answering, &[("prompt", &escape_line(&one_line(&p.text)))]));
                }
                md.push_str("\n\n");
                md.push_str(&quote(&e.text));
                md.push('\n');
            }
        }
    }

    let _ = writeln!(md, "---\n\n{}", tr(T::sum_footer));
    md
}

/// "PHQ-9 on 4 Dec 2026, 09:00: 12 of 27, moderate", for the summary and its preview.
pub fn score_line(s: &super::summary::ScoreRow, moment: &dyn Fn(DateTime<Utc>) -> String) -> String {
    let (when, score, max) = (moment(s.at), s.score.to_string(), s.instrument.max_score().to_string());
    let values = [
        ("name", s.instrument.name()),
        ("when", &when),
        ("score", &score),
        ("max", &max),
        ("band", s.band.label()),
    ];
    tr_with(T::sum_score_line, &values)
}

/// "(+3 since the first score)", "(same as the first score)" or "(first score: the baseline)".
pub fn score_change(change: Option<i16>) -> String {
    match change {
        Some(0) => tr(T::sum_score_same).to_owned(),
        Some(d) => tr_with(T::sum_score_change, &[("change", &format!("{d:+}"))]),
        None => tr(T::sum_score_baseline).to_owned(),
    }
}

#[cfg(test)]
mod tests;
