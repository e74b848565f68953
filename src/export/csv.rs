//! Check-ins and questionnaire scores as CSV for spreadsheets: RFC 4180 (CRLF, quoted
//! fields), UTF-8 with a byte-order mark so spreadsheet programs read accents right, a
//! header row, ISO 8601 times, one row per check-in, questionnaire, after-effects log, goal
//! rating (its score in `score`, its sentence in `note`, the goal in `goal`) or action step
//! (its words in `note`, its goals, area, due day and when done in the last columns). New
//! columns are only ever added at the end, so a spreadsheet built on an earlier export
//! still finds its columns. Every cell is
//! [`clean`]ed first (no control or bidi-override characters; line breaks as `\n`). A cell
//! that a spreadsheet would run as a formula (starting with = + - @, a tab or a line
//! break) is then neutralised with a leading apostrophe (OWASP CSV injection guidance).
//! Pure.

use crate::domain::Journal;
use chrono::SecondsFormat;
use std::borrow::Cow;

/// The header row: the check-in and questionnaire columns, then the after-effects ones
/// ([`super::session_care::CSV_HEADER`]).
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
    "band (screening range; not a diagnosis)",
];

/// Whether `c` is a bidirectional formatting control (an embedding, override, isolate or
/// mark) that can make text display in a different order from how it reads.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text as it may leave the device in an export (CSV here, Markdown too), so nothing
/// invisible can hide, reorder or break what a reader or program sees:
/// - line endings are normalised: `\r\n` and a lone `\r` become `\n`;
/// - tab and `\n` are kept;
/// - bidi controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) are
///   removed, with nothing in their place;
/// - every other control character (C0 such as NUL or ESC, DEL, C1 such as U+0085) becomes
///   U+FFFD, so the reader can see that something was there.
///
/// Borrows when there is nothing to change.
pub fn clean(text: &str) -> Cow<'_, str> {
    let needs = |c: char| (c.is_control() && c != '\t' && c != '\n') || is_bidi_control(c);
    if !text.contains(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\t' | '\n' => out.push(c),
            c if is_bidi_control(c) => {}
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// One cell: [`clean`]ed, neutralised and quoted as needed.
pub fn cell(value: &str) -> String {
    let value = clean(value);
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\n']) {
        format!("'{value}")
    } else {
        value.into_owned()
    };
    if neutral.contains([',', '"', '\n']) {
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

/// Every check-in, questionnaire result, after-effects log, goal rating and action step, oldest
/// first.
pub fn render(journal: &Journal) -> String {
    let mut out = String::from("\u{feff}");
    let extra = super::session_care::CSV_HEADER.len();
    let header = HEADER.iter().chain(&super::session_care::CSV_HEADER).chain(&super::goals::CSV_HEADER);
    row(&mut out, &header.map(|h| (*h).to_owned()).collect::<Vec<_>>());
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
                c.sleep_text().unwrap_or_default(),
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
    for a in journal.after_effects() {
        let session = journal.session(&a.session);
        let mut cells = vec!["after-effects".into(), time(a.at), String::new(), String::new(), String::new()];
        cells.extend(std::iter::repeat_n(String::new(), HEADER.len() - cells.len()));
        cells.extend(super::session_care::csv_cells(a, session.map(|s| s.number)));
        rows.push((a.at, cells));
    }
    for (at, words, score, goal) in super::goals::csv_ratings(journal) {
        let mut cells = vec!["goal-rating".into(), time(at)];
        cells.resize(HEADER.len() + extra, String::new());
        for (column, value) in [(8, words), (10, score)] {
            if let Some(cell) = cells.get_mut(column) {
                *cell = value;
            }
        }
        cells.push(goal);
        rows.push((at, cells));
    }
    for (at, text, tail) in super::goals::csv_steps(journal) {
        let mut cells = vec!["action-step".into(), time(at)];
        cells.resize(HEADER.len() + extra, String::new());
        if let Some(note) = cells.get_mut(8) {
            *note = text;
        }
        cells.extend(tail);
        rows.push((at, cells));
    }
    crate::domain::order::sort_by_key(&mut rows, |(at, _)| *at);
    for (_, mut cells) in rows {
        cells.resize(HEADER.len() + extra + super::goals::CSV_HEADER.len(), String::new());
        row(&mut out, &cells);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CheckIn, RecordId, Stage};
    use chrono::{TimeZone, Utc};

    const BIDI: [char; 12] = [
        '\u{61C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
        '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    ];

    fn with_note(note: &str) -> String {
        let at = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
        let mut journal = Journal::new(Stage::Integration);
        journal.upsert_any(CheckIn {
            id: RecordId::generate(at.timestamp_millis(), 1),
            at,
            stage: Stage::Integration,
            mood: 5,
            anxiety: 5,
            energy: 5,
            sleep_half_hours: None,
            emotions: vec!["calm".into()],
            note: note.into(),
            edited: at,
        });
        render(&journal)
    }

    #[test]
    fn a_note_with_nul_and_bidi_overrides_reaches_the_csv_without_them() {
        let out = with_note("before\u{0}after \u{202E}evil\u{202C} \u{1b}[31m \u{85}c1 \u{7f}");
        assert!(!out.contains('\u{0}'), "{out:?}");
        assert!(!out.contains(BIDI), "{out:?}");
        assert!(!out.chars().any(|c| c.is_control() && !matches!(c, '\r' | '\n')), "{out:?}");
        assert!(out.contains("before\u{FFFD}after evil \u{FFFD}[31m \u{FFFD}c1 \u{FFFD}"), "{out:?}");
    }

    #[test]
    fn clean_removes_bidi_controls_and_marks_other_controls() {
        assert!(matches!(clean("plain, \"quoted\"\tand\nbroken 🌅 עברית"), Cow::Borrowed(_)));
        assert_eq!(clean("a\u{0}b\u{202E}c\u{7}d\u{9F}e\u{200D}f"), "a\u{FFFD}bc\u{FFFD}d\u{FFFD}e\u{200D}f");
        assert_eq!(clean("1\r2\r\n3\n\r4\r"), "1\n2\n3\n\n4\n");
        assert_eq!(clean("\u{2066}\u{2069}"), "");
    }

    #[test]
    fn every_bidi_control_is_removed_from_a_cell() {
        for c in BIDI {
            assert_eq!(cell(&format!("a{c}b")), "ab", "{c:?}");
        }
    }

    #[test]
    fn a_bidi_control_cannot_hide_a_formula() {
        assert_eq!(cell("\u{202E}=1+1"), "'=1+1");
        assert_eq!(cell("\u{200F}@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\u{2066}-2"), "'-2");
    }

    #[test]
    fn a_lone_carriage_return_in_a_cell_becomes_a_quoted_line_feed() {
        assert_eq!(cell("one\rtwo"), "\"one\ntwo\"");
        assert_eq!(cell("one\r\ntwo"), "\"one\ntwo\"");
        assert_eq!(cell("\r=1+1"), "\"'\n=1+1\"");
        let out = with_note("one\rtwo\r\nthree");
        assert!(out.contains(",\"one\ntwo\nthree\","), "{out:?}");
        // The only carriage returns left end rows.
        assert!(!out.replace("\r\n", "").contains('\r'), "{out:?}");
    }
}
