//! A month's text: a header line with the count, then one line per record, `{tag}:{id}`
//! TAB its stored JSON (which never holds a raw newline or tab), sorted by key, so the
//! same records always make the same text. Pure; a cut-off or foreign text is refused,
//! never a panic.

use super::super::record::{self, encode};
use crate::domain::AnyRecord;

/// The first line of a month's text.
const HEADER: &str = "afterglow-month 1";

/// A month's text for `records` (stored JSON each), sorted by key.
pub fn month_text(records: &[AnyRecord]) -> String {
    let mut lines: Vec<(String, String)> = records
        .iter()
        .map(|r| (format!("{}:{}", record::tag(r.kind()), r.id().as_str()), encode(r)))
        .collect();
    crate::domain::order::sort(&mut lines);
    let mut text =
        String::with_capacity(lines.iter().map(|(k, v)| k.len() + v.len() + 2).sum::<usize>() + 32);
    text.push_str(HEADER);
    text.push(' ');
    text.push_str(&lines.len().to_string());
    text.push('\n');
    for (key, json) in lines {
        text.push_str(&key);
        text.push('\t');
        text.push_str(&json);
        text.push('\n');
    }
    text
}

/// One line of a month's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<'t> {
    /// `{tag}:{id}`, as the record's own key would end.
    pub tail: &'t str,
    /// The record's stored JSON.
    pub json: &'t str,
}

/// The lines of a month's text, or why it is not one (a cut-off or foreign value).
pub fn read_month_text(text: &str) -> Result<Vec<Line<'_>>, String> {
    let mut lines = text.split_terminator('\n');
    let count = lines
        .next()
        .and_then(|h| h.strip_prefix(HEADER))
        .and_then(|n| n.strip_prefix(' '))
        .and_then(|n| n.parse::<usize>().ok())
        .ok_or("an archived month has no header")?;
    let out: Vec<Line<'_>> = lines
        .map(|l| {
            let (tail, json) = l.split_once('\t').unwrap_or((l, ""));
            Line { tail, json }
        })
        .collect();
    if out.len() != count || !text.ends_with('\n') {
        return Err(format!("an archived month is cut off ({} of {count} records)", out.len()));
    }
    Ok(out)
}
