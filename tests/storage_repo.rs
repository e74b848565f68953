//! The repository over an in-memory store: what a stored namespace loads as, what one
//! save writes, and that nothing unreadable is ever lost.
// Test helpers may unwrap and index: a panic here is a failed test (clippy.toml allows
// it inside tests; helpers outside `#[test]` need saying).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use afterglow::domain::{ActionStep, DosingSession, Insight, Journal, JournalEntry, RecordId, Route, Stage};
use afterglow::storage::record::DraftRecord;
use afterglow::storage::{JournalRepo, KeyValueStore, MemoryStore, Namespace, StorageError};
use chrono::{TimeZone, Utc};
use std::collections::BTreeMap;
use std::rc::Rc;

fn fixture(name: &str) -> Rc<MemoryStore> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("fixture exists");
    let map: BTreeMap<String, String> = serde_json::from_str(&text).expect("fixture is a string map");
    let store = Rc::new(MemoryStore::new());
    for (k, v) in map {
        store.set(&k, &v).unwrap();
    }
    store
}

fn repo(store: &Rc<MemoryStore>, ns: &str) -> JournalRepo {
    JournalRepo::new(store.clone(), &Namespace::parse(ns).unwrap())
}

fn entry(millis: i64, text: &str) -> JournalEntry {
    common::entry_in(Stage::Preparation, millis, 7, text)
}

fn texts(journal: &Journal) -> Vec<&str> {
    journal.entries().iter().map(|e| e.text.as_str()).collect()
}

#[test]
fn a_v1_namespace_loads_every_kind_of_record() {
    let store = fixture("storage-v1.json");
    let loaded = repo(&store, "afterglow").load().unwrap();
    let j = &loaded.journal;
    assert_eq!(j.stage, Stage::Integration);
    assert_eq!(j.pinned, ["int-truest"]);
    assert_eq!(texts(j), ["<img src=x onerror=alert(1)> stays text", "Light"]);
    assert!(j.entries()[0].private);
    let session = &j.sessions()[0];
    assert_eq!((session.number, session.route, session.mood_change()), (1, Route::IvInfusion, Some(3)));
    let linked: Vec<&str> = j.entries_for_session(&session.id).iter().map(|e| e.text.as_str()).collect();
    assert_eq!(linked, ["Light"]);
    assert_eq!(j.insights()[0].quote, "Light");
    assert_eq!(j.open_steps()[0].text, "Open the curtains each morning");
    assert_eq!(j.steps_for_insight(&j.insights()[0].id).len(), 1);
    assert_eq!(loaded.draft.unwrap().prompt_id.as_deref(), Some("int-truest"));
    assert_eq!(loaded.newer_schema, None);
}

#[test]
fn unreadable_records_are_reported_and_left_untouched() {
    let store = fixture("storage-v1.json");
    let before = store.snapshot();
    let repo = repo(&store, "afterglow");
    let loaded = repo.load().unwrap();
    let keys: Vec<&str> = loaded.unreadable.iter().map(|u| u.key.as_str()).collect();
    assert_eq!(keys, ["afterglow:e:broken-1", "afterglow:e:wrong-key", "afterglow:s:bad-session"]);
    repo.save(&entry(1_764_300_000_000, "new")).unwrap();
    let after = store.snapshot();
    for (key, value) in &before {
        assert_eq!(after.get(key), Some(value), "{key} changed");
    }
}

#[test]
fn namespaces_do_not_see_each_other() {
    let store = fixture("storage-v1.json");
    let other = repo(&store, "afterglow-2").load().unwrap();
    assert_eq!(texts(&other.journal), ["another widget's"]);
    assert_eq!(other.journal.stage, Stage::Evaluation);
    assert!(other.journal.sessions().is_empty());
    let empty = repo(&store, "nobody").load().unwrap();
    assert!(empty.journal.is_empty() && empty.unreadable.is_empty());
}

#[test]
fn saving_one_record_writes_that_record_and_the_schema_once() {
    let store = Rc::new(MemoryStore::new());
    let repo = repo(&store, "afterglow");
    repo.load().unwrap();
    let first = entry(1_764_000_000_000, "first");
    repo.save(&first).unwrap();
    let keys: Vec<String> = store.snapshot().into_keys().collect();
    assert_eq!(keys, ["afterglow:e:".to_owned() + first.id.as_str(), "afterglow:meta".to_owned()]);
    assert_eq!(store.get("afterglow:meta").unwrap().as_deref(), Some(r#"{"schema":2}"#));

    for i in 1..50 {
        repo.save(&entry(1_764_000_000_000 + i, "more")).unwrap();
    }
    let before = store.snapshot();
    let last = entry(1_765_000_000_000, "one more");
    repo.save(&last).unwrap();
    let after = store.snapshot();
    let changed: Vec<&String> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(changed, [&format!("afterglow:e:{}", last.id)]);
}

#[test]
fn a_round_trip_gives_back_the_same_journal() {
    let store = Rc::new(MemoryStore::new());
    let writer = repo(&store, "afterglow");
    let t = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();
    let mut journal = Journal::new(Stage::Dosing);
    journal.toggle_pin("dose-word");
    writer.save_prefs(&journal).unwrap();
    let session = DosingSession::starting(RecordId::generate(1, 1), t, 1, Route::Intranasal);
    writer.save(&session).unwrap();
    let entries: Vec<JournalEntry> = (0..20).map(|i| entry(1_764_000_000_000 + i * 3_600_000, "x")).collect();
    for e in &entries {
        writer.save(e).unwrap();
    }
    let insight = Insight::mark(RecordId::generate(2, 2), t, &entries[0], None).unwrap();
    writer.save(&insight).unwrap();
    let step = ActionStep::new(RecordId::generate(3, 3), t, Some(insight.id.clone()), "Rest", None).unwrap();
    writer.save(&step.set_done(t, true)).unwrap();
    writer.delete::<JournalEntry>(&entries[3].id).unwrap();
    writer.save_draft(&DraftRecord { text: "unfinished".into(), ..DraftRecord::default() }).unwrap();

    let loaded = repo(&store, "afterglow").load().unwrap();
    let j = loaded.journal;
    assert_eq!((j.stage, j.pinned.clone()), (Stage::Dosing, vec!["dose-word".to_owned()]));
    assert_eq!(j.len(), 19);
    assert!(j.entry(&entries[3].id).is_none());
    assert_eq!(j.sessions(), [session]);
    assert_eq!(j.insights(), [insight]);
    assert!(j.open_steps().is_empty() && j.steps().len() == 1);
    assert_eq!(loaded.draft.map(|d| d.text).as_deref(), Some("unfinished"));
    writer.save_draft(&DraftRecord::default()).unwrap();
    assert_eq!(store.get("afterglow:draft").unwrap(), None);
}

#[test]
fn a_newer_schema_is_opened_read_only_and_never_written() {
    let store = Rc::new(MemoryStore::new());
    store.set("afterglow:meta", r#"{"schema":7}"#).unwrap();
    store.set("afterglow:e:zz", r#"{"future":"shape"}"#).unwrap();
    let before = store.snapshot();
    let repo = repo(&store, "afterglow");
    let loaded = repo.load().unwrap();
    assert_eq!(loaded.newer_schema, Some(7));
    assert_eq!(repo.save(&entry(1, "x")), Err(StorageError::NewerSchema(7)));
    assert_eq!(repo.save_prefs(&Journal::default()), Err(StorageError::NewerSchema(7)));
    assert_eq!(
        repo.delete::<JournalEntry>(&RecordId::parse("zz").unwrap()),
        Err(StorageError::NewerSchema(7))
    );
    assert_eq!(repo.save_draft(&DraftRecord::default()), Err(StorageError::NewerSchema(7)));
    assert_eq!(store.snapshot(), before);
}

#[test]
fn a_damaged_format_record_over_readable_records_can_be_repaired() {
    for damaged in [r#"{"broken"#, r#"{"schema":0}"#, "[]"] {
        let store = Rc::new(MemoryStore::new());
        let writer = repo(&store, "afterglow");
        writer.save(&entry(1_764_000_000_000, "kept")).unwrap();
        store.set("afterglow:meta", damaged).unwrap();
        let repo = repo(&store, "afterglow");
        let loaded = repo.load().unwrap();
        assert_eq!(loaded.newer_schema, Some(afterglow::storage::UNREADABLE_SCHEMA), "{damaged}: read-only");
        assert!(
            loaded.format_repairable,
            "{damaged}: every record reads as this version's {:?}",
            loaded.unreadable
        );
        assert_eq!(texts(&loaded.journal), ["kept"]);
        assert!(
            repo.save(&entry(1_764_000_000_002, "x")).is_err(),
            "{damaged}: nothing written before the repair"
        );
        repo.repair_format().unwrap();
        repo.save(&entry(1_764_000_000_003, "written after")).unwrap();
        let again = repo.load().unwrap();
        assert_eq!((again.newer_schema, again.unreadable.len()), (None, 0), "{damaged}");
        assert_eq!(texts(&again.journal).len(), 2);
    }
}

#[test]
fn a_damaged_format_record_over_records_of_another_shape_stays_read_only() {
    let store = Rc::new(MemoryStore::new());
    store.set("afterglow:meta", r#"{"broken"#).unwrap();
    store.set("afterglow:e:zz", r#"{"future":"shape"}"#).unwrap();
    let before = store.snapshot();
    let repo = repo(&store, "afterglow");
    let loaded = repo.load().unwrap();
    assert!(!loaded.format_repairable);
    assert!(repo.repair_format().is_err());
    assert!(repo.save(&entry(1_764_000_000_004, "x")).is_err());
    assert_eq!(store.snapshot(), before, "nothing of it is overwritten");
}

#[test]
fn a_full_quota_fails_the_save_and_keeps_the_store_consistent() {
    let store = Rc::new(MemoryStore::with_quota(400));
    let repo = repo(&store, "afterglow");
    repo.save(&entry(1, "fits")).unwrap();
    let before = store.snapshot();
    let big = entry(2, &"a lot to say ".repeat(40));
    assert_eq!(repo.save(&big), Err(StorageError::QuotaExceeded));
    assert_eq!(store.snapshot(), before);
    assert!(StorageError::QuotaExceeded.to_string().contains("still on screen but not stored"));
}

#[test]
fn unreadable_records_are_set_aside_whole_and_the_rest_loads() {
    let store = fixture("storage-v1.json");
    let broken = store.get("afterglow:e:broken-1").unwrap().unwrap();
    let repo = repo(&store, "afterglow");
    let first = repo.load().unwrap();
    let moved: Vec<String> = repo.quarantine(&first.unreadable).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        moved,
        [
            "afterglow:quarantine:e:broken-1",
            "afterglow:quarantine:e:wrong-key",
            "afterglow:quarantine:s:bad-session"
        ]
    );
    assert_eq!(store.get("afterglow:e:broken-1").unwrap(), None);
    assert_eq!(
        store.get("afterglow:quarantine:e:broken-1").unwrap(),
        Some(broken.clone()),
        "kept byte for byte"
    );

    let again = repo.load().unwrap();
    assert!(again.unreadable.is_empty(), "{:?}", again.unreadable);
    assert_eq!(again.quarantined.len(), 3);
    assert_eq!(again.journal, first.journal, "the readable journal is unchanged");

    // The same key broken again later is set aside beside the first, not over it.
    store.set("afterglow:e:broken-1", "{ broken differently").unwrap();
    let third = repo.load().unwrap();
    let moved = repo.quarantine(&third.unreadable);
    assert_eq!(moved, [("afterglow:quarantine:e:broken-1:2".to_owned(), "{ broken differently".to_owned())]);
    assert_eq!(store.get("afterglow:quarantine:e:broken-1").unwrap(), Some(broken));
}

#[test]
fn a_read_only_journal_moves_nothing() {
    let store = Rc::new(MemoryStore::new());
    store.set("afterglow:meta", r#"{"schema":9}"#).unwrap();
    store.set("afterglow:e:x", "not json").unwrap();
    let before = store.snapshot();
    let repo = repo(&store, "afterglow");
    let loaded = repo.load().unwrap();
    assert!(repo.quarantine(&loaded.unreadable).is_empty());
    assert_eq!(store.snapshot(), before);
}

#[test]
fn usage_counts_utf16_units_and_erase_removes_only_this_journal() {
    let store = fixture("storage-v1.json");
    let repo = repo(&store, "afterglow");
    repo.load().unwrap();
    let expected: usize = store
        .snapshot()
        .iter()
        .filter(|(k, _)| k.starts_with("afterglow:"))
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    assert_eq!(repo.usage().unwrap(), expected);
    assert!(repo.site_usage().unwrap() > expected, "the site's usage counts the host page's keys too");
    let others: Vec<String> = store.snapshot().into_keys().filter(|k| !k.starts_with("afterglow:")).collect();
    assert!(repo.erase_all().unwrap() > 5);
    let left: Vec<String> = store.snapshot().into_keys().collect();
    assert_eq!(left, others, "the host page's keys and the other widget's are untouched");
    assert_eq!(repo.usage().unwrap(), 0);
    repo.save(&entry(1, "a fresh start")).unwrap();
    assert_eq!(
        store.get("afterglow:meta").unwrap().as_deref(),
        Some(r#"{"schema":2}"#),
        "a new journal gets its schema record again"
    );
}

#[test]
fn the_last_backup_time_is_kept_with_the_settings() {
    let store = Rc::new(MemoryStore::new());
    let repo = repo(&store, "afterglow");
    let mut journal = Journal::new(Stage::Dosing);
    journal.last_backup = Some(Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).unwrap());
    repo.save_prefs(&journal).unwrap();
    assert_eq!(repo.load().unwrap().journal.last_backup, journal.last_backup);
}

/// Every past schema's fixture migrates to the current one, loads without loss, and a
/// second migration changes nothing (idempotence).
#[test]
fn every_past_schema_fixture_migrates_idempotently() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut versions = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !(name.starts_with("storage-v") && name.ends_with(".json")) {
            continue;
        }
        versions += 1;
        let store = fixture(&name);
        let repo = repo(&store, "afterglow");
        repo.migrate().unwrap();
        let once = store.snapshot();
        let loaded = repo.load().unwrap();
        assert_eq!(loaded.newer_schema, None, "{name}");
        assert!(!loaded.journal.is_empty(), "{name}: entries survive");
        assert_eq!(repo.migrate().unwrap(), 0, "{name}: already current");
        assert_eq!(store.snapshot(), once, "{name}: a second migration changed something");
        assert_eq!(repo.load().unwrap().journal, loaded.journal, "{name}");
    }
    assert!(versions >= 1, "no storage fixtures found");
}

#[test]
fn theme_and_welcome_are_kept_with_the_settings() {
    let store = Rc::new(MemoryStore::new());
    let repo = repo(&store, "afterglow");
    let mut journal = Journal::new(Stage::Preparation);
    journal.theme = afterglow::domain::Theme::Dark;
    journal.welcomed = true;
    repo.save_prefs(&journal).unwrap();
    assert_eq!(
        store.get("afterglow:prefs").unwrap().as_deref(),
        Some(r#"{"stage":"preparation","th":"dark","w":true}"#)
    );
    let back = repo.load().unwrap().journal;
    assert_eq!((back.theme, back.welcomed), (afterglow::domain::Theme::Dark, true));
}

#[test]
fn edits_in_progress_are_kept_until_saved_or_cancelled() {
    use afterglow::storage::record::EditDraftRecord;
    let store = Rc::new(MemoryStore::new());
    let repo = repo(&store, "afterglow");
    let edit = EditDraftRecord {
        id: "e1".into(),
        text: "half-way through a chang".into(),
        private: true,
        base_edited: 1_764_000_000_000,
        base_text: "the saved words".into(),
        created: None,
        stage: None,
    };
    repo.save_edits(std::slice::from_ref(&edit)).unwrap();
    assert_eq!(repo.load().unwrap().edits, [edit]);
    repo.save_edits(&[]).unwrap();
    assert_eq!(store.get("afterglow:edits").unwrap(), None);
    assert!(repo.load().unwrap().edits.is_empty());
}
