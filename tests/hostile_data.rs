//! Fuzzing every reader data reaches: the backup reader and every stored-form reader get
//! arbitrary JSON, and valid records with their fields swapped for hostile values
//! (times at the ends of `i64`, the year 50 or 275,760, huge numbers, odd strings, wrong
//! types). Whatever is accepted then goes through everything downstream (merging, the
//! summary in Markdown, the CSV, the mood statistics, search and grouping by day, another
//! tab's change, the backup writer). Nothing may panic: the native test build checks
//! arithmetic overflow, so an unchecked sum or date step fails here too.
// Test helpers may unwrap and index: a panic here is a failed test (clippy.toml allows
// it inside tests; helpers outside `#[test]` need saying).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![cfg(not(target_arch = "wasm32"))]

use afterglow::domain::{stats, EntryFilter, Journal, Kind, Metric, Stage};
use afterglow::export::backup;
use afterglow::export::csv;
use afterglow::export::markdown::{self, DateStyle};
use afterglow::export::summary::{Summary, SummaryOptions};
use afterglow::storage::record::{self, DraftRecord, EditDraftRecord, MetaRecord, PrefsRecord};
use afterglow::storage::sync::apply_change;
use afterglow::storage::{Keys, Namespace};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// One valid stored form per kind, as the app writes them: the first of each kind in the
/// export fixture, which holds every kind of the kinds table (see the test below).
fn templates() -> Vec<(Kind, Value)> {
    let map: BTreeMap<String, String> =
        serde_json::from_str(include_str!("fixtures/export-journal.json")).expect("the export fixture");
    Kind::ALL
        .iter()
        .filter_map(|&kind| {
            let prefix = format!("afterglow:{}:", record::tag(kind));
            let (_, raw) = map.iter().find(|(k, _)| k.starts_with(&prefix))?;
            Some((kind, serde_json::from_str(raw).expect("a stored form")))
        })
        .collect()
}

#[test]
fn the_fuzzed_forms_cover_every_kind_and_each_reads_as_it_is() {
    let found: Vec<Kind> = templates().into_iter().map(|(k, _)| k).collect();
    assert_eq!(found, Kind::ALL, "the export fixture lacks a kind of the kinds table");
    for (kind, form) in templates() {
        assert!(record::decode(kind, &form.to_string(), &id_of(&form)).is_ok(), "{kind:?} {form}");
    }
}

#[test]
fn storage_tags_are_distinct_and_name_their_kind() {
    let tags: BTreeSet<char> = Kind::ALL.iter().map(|&k| record::tag(k)).collect();
    assert_eq!(tags.len(), Kind::ALL.len(), "two kinds share a storage tag");
    for &kind in Kind::ALL {
        assert_eq!(record::kind_of(record::tag(kind)), Some(kind));
    }
    // No record key reads as any other key of the namespace, and none of those as a record.
    let keys = afterglow::storage::keys::Keys::new(&afterglow::storage::Namespace::default());
    use afterglow::storage::keys::KeyKind;
    for &kind in Kind::ALL {
        for id in ["x", "2026-01", "abc:def"] {
            assert_eq!(keys.classify(&keys.of(kind, id)), Some(KeyKind::Record(kind, id)), "{kind:?} {id}");
        }
    }
    let set_aside = format!("{}:x", record::tag(Kind::ALL[0]));
    let others = [
        (keys.meta(), KeyKind::Meta),
        (keys.prefs(), KeyKind::Prefs),
        (keys.draft(), KeyKind::Draft("")),
        (keys.draft_of("t1"), KeyKind::Draft("t1")),
        (keys.edits(), KeyKind::Edits("")),
        (keys.edits_of("t1"), KeyKind::Edits("t1")),
        (keys.forms_of("t1"), KeyKind::Forms("t1")),
        (keys.month("2026-01"), KeyKind::Month("2026-01")),
        (keys.quarantine(&keys.of(Kind::ALL[0], "x")), KeyKind::Quarantine(&set_aside)),
    ];
    for (key, expected) in &others {
        assert_eq!(keys.classify(key).as_ref(), Some(expected), "{key}");
    }
}

fn hostile_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(i64::MIN)),
        Just(json!(i64::MAX)),
        Just(json!(-8_334_601_228_800_000i64)),
        Just(json!(8_210_266_876_799_999i64)),
        Just(json!(-60_589_296_000_000i64)),
        Just(json!(253_402_300_799_999i64)),
        Just(json!(946_684_799_999i64)),
        Just(json!(4_102_444_800_000i64)),
        Just(json!(u64::MAX)),
        Just(json!(1e308)),
        Just(json!(-0.5)),
        Just(json!(0)),
        any::<i64>().prop_map(Value::from),
        any::<u8>().prop_map(Value::from),
        (946_684_800_000i64..4_102_444_800_000).prop_map(Value::from),
    ]
}

fn hostile_string() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("")),
        Just(json!("\u{0}\u{202e}\r# x\r\n    y")),
        Just(json!("0050-01-01")),
        Just(json!("+275760-09-13")),
        Just(json!("9999-12-31")),
        Just(json!("../../x")),
        "\\PC{0,40}".prop_map(Value::from),
    ]
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        hostile_number(),
        hostile_string(),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,3}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A valid form with some fields replaced by hostile values or removed.
fn mutated() -> impl Strategy<Value = (Kind, Value)> {
    let kinds = templates().len();
    (
        0..kinds,
        prop::collection::vec((0usize..16, 0u8..4, any_json(), hostile_number(), hostile_string()), 1..5),
    )
        .prop_map(|(k, edits)| {
            let (kind, mut form) = templates().swap_remove(k);
            if let Value::Object(map) = &mut form {
                let names: Vec<String> = map.keys().cloned().collect();
                for (field, how, j, n, s) in edits {
                    let name = &names[field % names.len()];
                    match how {
                        0 => drop(map.remove(name)),
                        1 => drop(map.insert(name.clone(), n)),
                        2 => drop(map.insert(name.clone(), s)),
                        _ => drop(map.insert(name.clone(), j)),
                    }
                }
            }
            (kind, form)
        })
}

/// A valid form with one of its times (or the step's due date) set to a hostile value.
fn retimed() -> impl Strategy<Value = (Kind, Value)> {
    (0..templates().len(), 0usize..4, hostile_number(), hostile_string()).prop_map(|(k, f, n, s)| {
        let (kind, mut form) = templates().swap_remove(k);
        let times: Vec<&str> =
            ["c", "e", "at", "d", "due"].into_iter().filter(|t| form.get(*t).is_some()).collect();
        let field = times[f % times.len()];
        form[field] = if field == "due" { s } else { n };
        (kind, form)
    })
}

fn id_of(form: &Value) -> String {
    form.get("id").and_then(Value::as_str).unwrap_or("x").to_owned()
}

/// Everything downstream of an accepted journal; must never panic.
fn use_everything(journal: &Journal) {
    // The patient's calendar day, in the zones furthest from UTC (as the browser's
    // local time does it).
    let kiritimati = FixedOffset::east_opt(14 * 3600).unwrap();
    let day_of = move |t: DateTime<Utc>| t.with_timezone(&kiritimati).date_naive();
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let moment = |t: DateTime<Utc>| t.format("%Y-%m-%d %H:%M").to_string();
    let mut options = SummaryOptions::new(NaiveDate::MIN, NaiveDate::MAX);
    options.title = "x".into();
    for &section in afterglow::export::summary::Section::ALL {
        options.tick(section, true);
    }
    let summary = Summary::build(journal, &options, day_of);
    let _ = markdown::render(&summary, &DateStyle { day: &day, moment: &moment });
    let _ = csv::render(journal);
    let now = DateTime::from_timestamp(1_764_104_645, 0).unwrap();
    for metric in Metric::ALL {
        let points = stats::daily_means(journal.check_ins(), metric, day_of);
        let rolling = stats::rolling_mean(&points, 7);
        let _ = stats::downsample(&rolling, 50);
        let _ = stats::describe_trend(metric, &rolling, day, |v| v.to_string());
    }
    let _ = stats::stage_bands(journal.check_ins(), day_of);
    if let Some(first) = journal.first_session() {
        let _ = stats::before_after(journal.check_ins(), first.at, now);
    }
    let found = journal.find(&EntryFilter { query: "a".into(), ..EntryFilter::default() });
    let _ = afterglow::domain::group_by_day(&found, day_of);
    let _ = journal.open_steps().iter().filter(|s| s.is_overdue(now.date_naive())).count();
    let _ = journal.next_session_number();
    let _ = afterglow::domain::goal::review::review_due(journal, now, 30);
    for check in journal.follow_up_checks() {
        let _ = afterglow::export::follow_up::markdown(
            check,
            "# Note",
            &DateStyle { day: &day, moment: &moment },
        );
    }
    let text = backup::write(journal, now);
    let back = backup::read(&text).expect("a backup this build wrote reads back");
    let mut merged = Journal::new(Stage::Dosing);
    let _ = backup::merge(&mut merged, &back.journal);
}

fn backup_with(kind: Kind, form: Value) -> String {
    json!({
        "format": "afterglow-backup", "version": 1, "exported_at": "2026-11-25T21:04:05Z",
        "app_version": "0", "journal": { "stage": "dosing", kind.file_name(): [form] }
    })
    .to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn no_stored_record_can_make_the_app_panic((kind, form) in prop_oneof![mutated(), retimed()]) {
        let raw = form.to_string();
        if let Ok(r) = record::decode(kind, &raw, &id_of(&form)) {
            let mut journal = Journal::new(Stage::Dosing);
            journal.upsert_any(r);
            use_everything(&journal);
        }
        // The same value arriving from another tab.
        let keys = Keys::new(&Namespace::default());
        let key = keys.of(kind, &id_of(&form));
        let mut journal = Journal::new(Stage::Dosing);
        let _ = apply_change(&mut journal, &keys, &mut Default::default(), &key, Some(&raw), chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default());
        use_everything(&journal);
    }

    #[test]
    fn no_backup_can_make_the_app_panic((kind, form) in prop_oneof![mutated(), retimed()]) {
        if let Ok(b) = backup::read(&backup_with(kind, form)) {
            use_everything(&b.journal);
        }
    }

    #[test]
    fn arbitrary_json_is_refused_or_read_never_a_panic(value in any_json(), k in 0usize..Kind::ALL.len()) {
        let text = value.to_string();
        let kind = Kind::ALL[k];
        let _ = record::decode(kind, &text, "x");
        let _ = DraftRecord::read(&text);
        let _ = EditDraftRecord::read_list(&text);
        let _ = MetaRecord::read(&text);
        if let Ok(prefs) = PrefsRecord::read(&text) {
            let mut journal = Journal::new(Stage::Dosing);
            prefs.apply(&mut journal);
            use_everything(&journal);
        }
        let _ = backup::read(&text);
        if let Ok(b) = backup::read(&backup_with(kind, value)) {
            use_everything(&b.journal);
        }
    }
}

#[test]
fn the_reported_hostile_values_are_refused_by_name() {
    let check_in = templates().swap_remove(4).1;
    let mut bad = check_in.clone();
    bad["at"] = json!(-8_334_601_228_800_000i64);
    let err = backup::read(&backup_with(Kind::CheckIn, bad)).unwrap_err();
    assert!(err.to_string().contains("a check-in (number 1) dated outside the years"), "{err}");
    let mut entry = templates().swap_remove(0).1;
    entry["e"] = json!(8_210_266_876_799_999i64);
    assert!(record::decode(Kind::Entry, &entry.to_string(), &id_of(&entry)).is_err());
    let mut step = templates().swap_remove(3).1;
    step["due"] = json!("0050-06-01");
    assert!(record::decode(Kind::Step, &step.to_string(), &id_of(&step)).is_err());
}
