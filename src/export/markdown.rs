//! The therapist summary as CommonMark that also reads well as plain text (pasted into a
//! patient-portal message). Patient text is escaped so a renderer shows it literally:
//! no HTML, links, emphasis or headings can come from what the patient wrote, and it is
//! [`clean`]ed first: no control or bidi-override characters, and every line ending
//! (`\r\n` or a lone `\r`) is a `\n`, so a carriage return cannot start a block. Pure.

use super::csv::clean;
use super::summary::Summary;
use crate::domain::number::{fixed, signed};
use crate::domain::Metric;
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
        md.push_str("Not written yet.\n\n");
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
    v.map(|v| fixed(v, 1).to_string()).unwrap_or_else(|| "no data".into())
}

/// Renders the summary.
pub fn render(summary: &Summary, dates: &DateStyle<'_>) -> String {
    let mut md = String::new();
    let title =
        if summary.title.is_empty() { "Journal summary".to_owned() } else { one_line(&summary.title) };
    let _ = writeln!(md, "# {}\n", escape_line(&title));
    let _ = writeln!(md, "{} to {}\n", (dates.day)(summary.from), (dates.day)(summary.to));

    if let Some(sessions) = &summary.sessions {
        md.push_str("## Dosing sessions\n\n");
        if sessions.is_empty() {
            md.push_str("No dosing sessions in this period.\n\n");
        }
        for s in sessions {
            let mood = match s.mood {
                (Some(b), Some(a)) => format!("; mood {b} before, {a} after (of 10)"),
                (Some(b), None) => format!("; mood {b} before (of 10)"),
                (None, Some(a)) => format!("; mood {a} after (of 10)"),
                (None, None) => String::new(),
            };
            let _ = write!(md, "- Session {}, {}: {}{mood}", s.number, (dates.moment)(s.at), s.route.label());
            if !s.intention.is_empty() {
                let _ = write!(md, ". Intention: {}", escape_line(&one_line(&s.intention)));
            }
            md.push('\n');
        }
        if !sessions.is_empty() {
            md.push('\n');
        }
    }

    if let Some((range, baseline)) = &summary.mood {
        md.push_str("## Mood check-ins\n\n");
        if range.count == 0 {
            md.push_str("No check-ins in this period.\n\n");
        } else {
            let noun = if range.count == 1 { "check-in" } else { "check-ins" };
            let _ = writeln!(md, "{} {noun} in this period. Averages (0-10):\n", range.count);
            for m in Metric::ALL {
                let _ = write!(md, "- {}: {}", m.label(), mean(range.get(m)));
                if let (Some(b), Some(now)) = (baseline.as_ref().and_then(|b| b.get(m)), range.get(m)) {
                    let _ = write!(
                        md,
                        " (before the first session: {}; change {})",
                        fixed(b, 1),
                        signed(now - b, 1)
                    );
                }
                md.push('\n');
            }
            if let Some(sleep) = range.sleep {
                let _ = writeln!(md, "- Sleep: {} hours a night", fixed(sleep, 1));
            }
            md.push('\n');
        }
    }

    if let Some(scores) = &summary.scores {
        md.push_str("## Questionnaires\n\n");
        if scores.is_empty() {
            md.push_str("No questionnaires in this period.\n\n");
        }
        for s in scores {
            let _ = write!(
                md,
                "- {} on {}: {} of {}, {}",
                s.instrument.name(),
                (dates.moment)(s.at),
                s.score,
                s.instrument.max_score(),
                s.band.label()
            );
            match s.change {
                Some(0) => md.push_str(" (same as the first score)"),
                Some(d) => {
                    let _ = write!(md, " ({d:+} since the first score)");
                }
                None => md.push_str(" (first score: the baseline)"),
            }
            md.push('\n');
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
        md.push_str("## Follow-up check-ins\n\n");
        for c in checks {
            md.push_str(&super::follow_up::markdown_of(
                c,
                "### Follow-up check-in",
                dates,
                summary.follow_up_shows,
            ));
        }
    }

    if let Some(intentions) = summary.intentions.as_ref().filter(|i| !i.is_empty()) {
        md.push_str("## Intentions\n\n");
        for i in intentions {
            let _ = writeln!(md, "- {}", escape_line(&one_line(i)));
        }
        md.push('\n');
    }

    if let Some(insights) = &summary.insights {
        let steps = summary.steps.as_deref().unwrap_or_default();
        if !insights.is_empty() || !steps.is_empty() {
            md.push_str("## Insights and action steps\n\n");
            for i in insights {
                let _ = writeln!(md, "- {}", escape_line(&one_line(i)));
            }
            if !insights.is_empty() {
                md.push('\n');
            }
            for s in steps {
                let state = if s.done { "Done" } else { "Open" };
                let due = s.due.map(|d| format!(" (by {})", (dates.day)(d))).unwrap_or_default();
                let area = s.area.map(|a| format!(" [{}]", a.label())).unwrap_or_default();
                let _ = writeln!(md, "- {state}: {}{due}{area}", escape_line(&one_line(&s.text)));
            }
            if steps.iter().any(|s| s.area.is_some()) {
                let _ = writeln!(md, "\n{}", crate::domain::insight::AREAS_SOURCE);
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
        md.push_str(&super::staying_well::markdown(plan, "## My plan for staying well"));
    }

    if let Some(plan) = &summary.safety_plan {
        md.push_str(&super::session_care::safety_plan_markdown(plan, "## My safety plan"));
    }

    if let Some(groups) = &summary.entries {
        md.push_str("## Journal entries\n\n");
        if groups.is_empty() {
            md.push_str("No entries chosen for this period.\n\n");
        }
        for (stage, entries) in groups {
            if let Some(stage) = stage {
                let _ = writeln!(md, "### {}\n", stage.label());
            }
            for e in entries {
                let _ = write!(md, "**{}**", (dates.moment)(e.created));
                if let Some(p) = &e.prompt {
                    let _ = write!(md, ", answering: {}", escape_line(&one_line(&p.text)));
                }
                md.push_str("\n\n");
                md.push_str(&quote(&e.text));
                md.push('\n');
            }
        }
    }

    md.push_str("---\n\nShared by the patient from Afterglow, a private journal. Entries marked private are never included.\n");
    md
}

#[cfg(test)]
mod tests;
