//! The exports, data-driven: a fixture journal full of hostile text rendered to Markdown
//! and CSV and compared with the expected files in `tests/fixtures/expected/` (run with
//! `UPDATE_EXPECT=1` to rewrite them after a deliberate change, then read the diff);
//! backup round trips, merges, and every kind of file that must be refused.
// Test helpers may unwrap and index: a panic here is a failed test (clippy.toml allows
// it inside tests; helpers outside `#[test]` need saying).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use afterglow::domain::{Journal, Kind, RecordId, Stage};
use afterglow::export::backup::{self, BackupError, Contents, MergeReport};
use afterglow::export::csv;
use afterglow::export::markdown::{self, escape_line, DateStyle};
use afterglow::export::summary::{Summary, SummaryOptions};
use afterglow::storage::{JournalRepo, KeyValueStore, MemoryStore, Namespace};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::collections::BTreeMap;
use std::rc::Rc;

fn fixture_journal() -> Journal {
    let path = format!("{}/tests/fixtures/export-journal.json", env!("CARGO_MANIFEST_DIR"));
    let map: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let store = Rc::new(MemoryStore::new());
    for (k, v) in map {
        store.set(&k, &v).unwrap();
    }
    let loaded = JournalRepo::new(store, &Namespace::default()).load().unwrap();
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    loaded.journal
}

fn expect(name: &str, actual: &str) {
    let path = format!("{}/tests/fixtures/expected/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(expected == actual, "{name} differs from the expected file; run with UPDATE_EXPECT=1 to see the diff.\n--- actual ---\n{actual}");
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn moment(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn summary(options: &SummaryOptions) -> String {
    let journal = fixture_journal();
    let s = Summary::build(&journal, options, |t| t.date_naive());
    markdown::render(&s, &DateStyle { day: &day, moment: &moment })
}

fn range() -> SummaryOptions {
    let mut o = SummaryOptions::new(
        NaiveDate::from_ymd_opt(2025, 11, 20).unwrap(),
        NaiveDate::from_ymd_opt(2025, 11, 30).unwrap(),
    );
    o.title = "For Dr. <i>Lee</i> # session notes".into();
    o
}

#[test]
fn the_summary_markdown_matches_the_expected_file() {
    expect("summary.md", &summary(&range()));
}

#[test]
fn private_entries_never_reach_the_summary_whatever_is_ticked() {
    let md = summary(&range());
    assert!(!md.contains("SECRET"), "a private entry or an insight from one leaked");
    let mut o = range();
    o.left_out.insert(RecordId::parse("e3").unwrap());
    o.stages = false;
    let md = summary(&o);
    assert!(!md.contains("emoji") && md.contains("More patience"));
    assert!(!md.contains("### Integration"));
}

/// Every section's heading in the Markdown, by the section's name.
const HEADINGS: [(&str, &str); 11] = [
    ("sessions", "## Dosing sessions"),
    ("mood", "## Mood check-ins"),
    ("questionnaires", "## Questionnaires"),
    ("goals", "## Treatment goals"),
    ("booster", "## Follow-up check-ins"),
    ("intentions", "## Intentions"),
    ("insights", "## Insights and action steps"),
    ("entries", "## Journal entries"),
    ("session-days", "## Medicines and after-effects"),
    ("relapse-plan", "## My plan for staying well"),
    ("safety-plan", "## My safety plan"),
];

#[test]
fn unticked_sections_are_left_out() {
    // The fixture holds something for every section: each is there when ticked alone,
    // and nothing of it is there when it is not.
    let mut none = range();
    for &section in afterglow::export::summary::Section::ALL {
        none.tick(section, false);
    }
    let empty = summary(&none);
    for (name, heading) in HEADINGS {
        assert!(!empty.contains(heading), "{heading} is in a summary with nothing ticked");
        let mut one = none.clone();
        one.set(name, true);
        let md = summary(&one);
        assert!(md.contains(heading), "{heading} is missing when {name} alone is ticked:\n{md}");
        for (other, h) in HEADINGS.iter().filter(|(n, _)| *n != name) {
            assert!(!md.contains(h), "{h} ({other}) is in a summary with only {name} ticked");
        }
    }
    // WHO-5 and PCL-5 scores, with their attributions, only under Questionnaires.
    let mut scores = none.clone();
    scores.questionnaires = true;
    let md = summary(&scores);
    assert!(md.contains("WHO-5 on ") && md.contains("PCL-5 on "), "{md}");
    assert!(md.contains("Bands are each questionnaire's published screening ranges, not a diagnosis."));
    assert!(!empty.contains("WHO-5") && !empty.contains("PCL-5"));
}

#[test]
fn a_follow_up_check_in_carries_scores_and_goals_only_when_their_sections_are_ticked() {
    let mut o = range();
    (o.questionnaires, o.goals) = (false, false);
    let md = summary(&o);
    let section = md.split("## Follow-up check-ins").nth(1).expect("the check-in's section");
    assert!(section.contains("Spacing the \\*next\\* session"), "{section}");
    assert!(!md.contains("PHQ-9"), "a PHQ-9 figure with Questionnaire scores unticked:\n{md}");
    assert!(
        !md.contains("Sleep \\*through\\* the night"),
        "a goal's text with Treatment goals unticked:\n{md}"
    );
    let all = summary(&range());
    assert!(all.contains("PHQ-9: 16 at the baseline") && all.contains("Goal “"), "{all}");
}

#[test]
fn the_plan_for_staying_well_and_the_check_in_note_cannot_make_markup() {
    let mut o = range();
    o.staying_well = true;
    let md = summary(&o);
    let plan = md.split("## My plan for staying well").nth(1).expect("the plan's section");
    assert!(plan.contains("A walk before breakfast \\<b\\>") && plan.contains("\\# Two bad weeks"), "{plan}");
    assert!(!md.contains("<b>") && !md.contains("[links](javascript"), "{md}");
    assert!(md.contains("\\[links\\](javascript"), "the check-in's link is escaped:\n{md}");
}

#[test]
fn escaped_lines_cannot_make_markup() {
    let cases = [
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("12. item", "12\\. item"),
        ("3) item", "3\\) item"),
        ("    code", "code"),
        ("> quote", "\\> quote"),
        ("<b>x</b>", "\\<b\\>x\\</b\\>"),
        ("[a](b)", "\\[a\\](b)"),
        ("**x** _y_ `z` ~w~ a|b &amp;", "\\*\\*x\\*\\* \\_y\\_ \\`z\\` \\~w\\~ a\\|b \\&amp;"),
        ("===", "\\==="),
        ("2026 was fine. 3. not a list", "2026 was fine. 3. not a list"),
        ("🌅 עברית", "🌅 עברית"),
    ];
    for (input, want) in cases {
        assert_eq!(escape_line(input), want, "{input:?}");
    }
}

#[test]
fn the_csv_matches_the_expected_file_and_neutralises_formulas() {
    let out = csv::render(&fixture_journal());
    expect("checkins.csv", &out);
    assert!(out.starts_with('\u{feff}'));
    assert!(out.contains("\r\n"));
    assert!(!out.lines().any(|l| l.split(',').any(|c| c.starts_with('=') || c.starts_with("\"="))));
    for (input, want) in [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("=\"x\",y", "\"'=\"\"x\"\",y\""),
        ("plain", "plain"),
    ] {
        assert_eq!(csv::cell(input), want, "{input:?}");
    }
}

#[test]
fn a_backup_round_trips_to_the_same_journal() {
    let journal = fixture_journal();
    let at = Utc.with_ymd_and_hms(2025, 12, 1, 8, 0, 0).unwrap();
    let text = backup::write(&journal, at);
    assert!(text.contains("\"format\": \"afterglow-backup\"") && text.contains("\"version\": 1"));
    let back = backup::read(&text).unwrap();
    assert_eq!(back.exported_at, Some(at));
    assert_eq!(back.journal, journal);
    assert!(text.contains("SECRET"), "the patient's own backup keeps private entries");
}

#[test]
fn merging_is_by_id_newer_edit_wins_and_adds_no_duplicates() {
    let journal = fixture_journal();
    let text = backup::write(&journal, Utc::now());
    let file = backup::read(&text).unwrap().journal;
    let mut same = journal.clone();
    let report = backup::merge(&mut same, &file);
    assert_eq!(same, journal, "merging a journal's own backup changes nothing");
    assert_eq!(report.added + report.updated, 0);

    let mut empty = Journal::default();
    let report = backup::merge(&mut empty, &file);
    assert_eq!(Contents::of(&empty), Contents::of(&journal));
    assert_eq!(report, MergeReport { added: report.added, updated: 0, kept: 0 });

    // A newer edit on this device is kept over the file's; a newer one in the file wins.
    let mut mine = journal.clone();
    let e2 = mine
        .entry(&RecordId::parse("e2").unwrap())
        .unwrap()
        .edited(Utc::now(), "edited here", false)
        .unwrap();
    mine.upsert_any(e2);
    let mut theirs = journal.clone();
    let e3 = theirs
        .entry(&RecordId::parse("e3").unwrap())
        .unwrap()
        .edited(Utc::now(), "edited there", false)
        .unwrap();
    theirs.upsert_any(e3);
    let report = backup::merge(&mut mine, &theirs);
    assert_eq!(report.updated, 1);
    assert!(report.kept >= 1);
    assert_eq!(mine.entry(&RecordId::parse("e2").unwrap()).unwrap().text, "edited here");
    assert_eq!(mine.entry(&RecordId::parse("e3").unwrap()).unwrap().text, "edited there");
}

#[test]
fn every_bad_file_is_refused_with_a_reason_and_nothing_else() {
    let good = backup::write(&fixture_journal(), Utc::now());
    type Expect = fn(&BackupError) -> bool;
    let cases: Vec<(&str, String, Expect)> = vec![
        ("not JSON", "Dear diary".into(), |e| *e == BackupError::NotJson),
        ("a CSV", "kind,recorded_at\r\ncheck-in,2025".into(), |e| *e == BackupError::NotJson),
        ("truncated", good[..good.len() / 2].to_owned(), |e| *e == BackupError::Truncated),
        ("other JSON", r#"{"hello":"world"}"#.into(), |e| *e == BackupError::NotABackup),
        ("a JSON array", "[1,2,3]".into(), |e| *e == BackupError::NotABackup),
        ("newer", good.replacen("\"version\": 1", "\"version\": 2", 1), |e| *e == BackupError::Newer(2)),
        ("wrong types", good.replacen("\"stage\": \"integration\"", "\"stage\": 5", 1), |e| {
            matches!(e, BackupError::Damaged(_))
        }),
        (
            "bad record",
            good.replacen("\"m\": 7", "\"m\": 70", 1),
            |e| matches!(e, BackupError::Damaged(m) if m.contains("check-in")),
        ),
        (
            "bad id",
            good.replacen("\"id\": \"e1\"", "\"id\": \"../../x\"", 1),
            |e| matches!(e, BackupError::Damaged(m) if m.contains("entry")),
        ),
        ("no version", good.replacen("\"version\": 1,", "", 1), |e| matches!(e, BackupError::Damaged(_))),
        ("version 0", good.replacen("\"version\": 1", "\"version\": 0", 1), |e| {
            *e == BackupError::UnknownVersion(0)
        }),
        (
            "a check-in in year -262,000",
            good.replacen("\"at\": ", "\"at\": -8334601228800000, \"was\": ", 1),
            |e| matches!(e, BackupError::Damaged(_) | BackupError::OutOfYears { .. }),
        ),
        (
            "an edit time near i64's end",
            good.replacen("\"e\": ", "\"e\": 8210266876799999, \"was\": ", 1),
            |e| matches!(e, BackupError::Damaged(_) | BackupError::OutOfYears { .. }),
        ),
        (
            "an entry in year 50",
            year_50(&good),
            // Said as a date outside the years, never as raw milliseconds nor "damaged".
            |e| {
                matches!(e, BackupError::OutOfYears { what } if what.contains("entry"))
                    && !e.to_string().contains("damaged")
                    && !e.to_string().chars().any(|c| c == '-')
            },
        ),
        (
            "too many records",
            too_many(),
            |e| matches!(e, BackupError::TooMany { count } if *count > backup::MAX_RECORDS),
        ),
        (
            "huge",
            format!("{{\"format\":\"afterglow-backup\",\"pad\":\"{}\"}}", "x".repeat(backup::MAX_BYTES)),
            |e| matches!(e, BackupError::TooLarge { .. }),
        ),
    ];
    for (name, text, ok) in cases {
        match backup::read(&text) {
            Err(e) => {
                assert!(ok(&e), "{name}: wrong error {e:?}");
                assert!(e.to_string().ends_with("Nothing was changed."), "{name}: {e}");
            }
            Ok(_) => panic!("{name}: accepted"),
        }
    }
    assert!(backup::read(&format!("\u{feff}{good}")).is_ok(), "a byte-order mark is fine");
}

/// The first entry's creation moved to the year 50 (-61,536,067,200,000 ms).
fn year_50(good: &str) -> String {
    good.replacen("\"c\": ", "\"c\": -60589296000000, \"was\": ", 1)
}

fn too_many() -> String {
    let one = r#"{"id":"ID","at":1764000000000,"s":"dosing","m":5,"a":5,"en":5,"e":1764000000000}"#;
    let items: Vec<String> = (0..=backup::MAX_RECORDS).map(|i| one.replace("ID", &format!("c{i}"))).collect();
    format!(
        r#"{{"format":"afterglow-backup","version":1,"exported_at":"x","app_version":"x","journal":{{"stage":"dosing","check_ins":[{}]}}}}"#,
        items.join(",")
    )
}

#[test]
fn the_preview_shows_only_a_parsed_date_never_the_files_text() {
    let good = backup::write(&fixture_journal(), Utc.with_ymd_and_hms(2025, 12, 1, 8, 0, 0).unwrap());
    let crafted = good.replacen("2025-12-01T08:00:00Z", "checked by your clinic and safe", 1);
    assert_eq!(backup::read(&crafted).unwrap().exported_at, None);
    let far = good.replacen("2025-12-01T08:00:00Z", "0050-01-01T00:00:00Z", 1);
    assert_eq!(backup::read(&far).unwrap().exported_at, None);
}

#[test]
fn medicines_after_effects_and_the_safety_plan_appear_only_when_ticked() {
    let plain = summary(&range());
    assert!(!plain.contains("Sertraline") && !plain.contains("Walk the dog"), "{plain}");
    let mut o = range();
    o.session_days = true;
    o.safety_plan = true;
    expect("summary-session-days.md", &summary(&o));
}

#[test]
fn a_backups_preview_counts_every_kind_in_words() {
    let words = Contents::of(&fixture_journal()).describe();
    assert!(words.starts_with("5 entries, 1 dosing session, "), "{words}");
    for part in [
        "1 safety plan",
        "1 goal, 2 goal ratings, 3 links to goals",
        "1 plan for staying well",
        "1 follow-up check-in and 1 shared summary",
    ] {
        assert!(words.contains(part), "{part:?} is not in {words:?}");
    }
    // A file with only the newer kinds is not read as empty.
    let mut only_new = Journal::default();
    for r in fixture_journal()
        .all_records()
        .into_iter()
        .filter(|r| matches!(r.kind(), Kind::Goal | Kind::SafetyPlan))
    {
        only_new.upsert_any(r);
    }
    assert_eq!(Contents::of(&only_new).describe(), "1 safety plan and 1 goal");
    assert_eq!(Contents::of(&Journal::default()).describe(), "no records");
}

#[test]
fn pins_count_toward_the_limit_unknown_ones_are_left_out_and_merging_them_is_linear() {
    // 100,000 pins in a file: refused like 100,000 records, before any work.
    let pins: Vec<String> = (0..100_000).map(|i| format!("made-up-{i}")).collect();
    let text = serde_json::json!({
        "format": "afterglow-backup", "version": 1, "exported_at": "2026-11-25T21:04:05Z",
        "app_version": "0", "journal": { "stage": "dosing", "pins": pins }
    })
    .to_string();
    assert!(matches!(backup::read(&text), Err(BackupError::TooMany { count: 100_000 })));
    // Under the limit: combined in one pass, and ids no prompt has are not brought in.
    let mut file = Journal::new(Stage::Dosing);
    file.pinned = (0..29_000).map(|i| format!("made-up-{i}")).chain(["int-truest".to_owned()]).collect();
    let mut current = Journal::new(Stage::Dosing);
    current.pinned = vec!["prep-intention".into()];
    let started = std::time::Instant::now();
    let (mut set, _) = afterglow::domain::changeset::merge(&current, &file);
    assert!(started.elapsed().as_secs_f64() < 1.0, "merging pins took {:?}", started.elapsed());
    set.keep_known_pins(&|id| !id.starts_with("made-up-"));
    assert_eq!(set.applied_to(&current).pinned, ["prep-intention", "int-truest"]);
}
