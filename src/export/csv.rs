//! Check-ins and questionnaire scores as CSV for spreadsheets: RFC 4180 (CRLF, quoted
//! fields), UTF-8 with a byte-order mark so spreadsheet programs read accents right, a
//! header row, ISO 8601 times, one row per check-in or questionnaire. A cell that a
//! spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
//! is neutralised with a leading apostrophe (OWASP CSV injection guidance). Pure.

use crate::domain::Journal;
use chrono::SecondsFormat;

/// The header row.
pub const HEADER: [&str; 12] = [
    "kind",
    "recorded_at",
    "stage",
    "mood",
    "anxiety",
    "energy",
    "sleep_hours",
    "emotions",
    "note",
    "questionnaire",
    "score",
    "band",
];

/// One cell, neutralised and quoted as needed.
pub fn cell(value: &str) -> String {
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

fn row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// Every check-in and questionnaire result, oldest first.
pub fn render(journal: &Journal) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, &HEADER.map(str::to_owned));
    let time = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut rows: Vec<(chrono::DateTime<chrono::Utc>, Vec<String>)> = Vec::new();
    for c in journal.check_ins() {
        rows.push((
            c.at,
            vec![
                "check-in".into(),
                time(c.at),
                c.stage.slug().into(),
                c.mood.to_string(),
                c.anxiety.to_string(),
                c.energy.to_string(),
                c.sleep_hours().map(|h| h.to_string()).unwrap_or_default(),
                c.emotions.join("; "),
                c.note.clone(),
                String::new(),
                String::new(),
                String::new(),
            ],
        ));
    }
    for r in journal.results() {
        rows.push((
            r.at,
            vec![
                "questionnaire".into(),
                time(r.at),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                r.instrument.name().into(),
                r.score().to_string(),
                r.band().label().into(),
            ],
        ));
    }
    rows.sort_by_key(|(at, _)| *at);
    for (_, cells) in rows {
        row(&mut out, &cells);
    }
    out
}
