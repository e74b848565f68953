//! The repository over an in-memory store: what a stored namespace loads as, what one
//! save writes, and that nothing unreadable is ever lost.

use afterglow::domain::{EntryId, JournalEntry, Stage};
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
    let at = Utc.timestamp_millis_opt(millis).unwrap();
    JournalEntry::new(EntryId::generate(millis, 7), at, Stage::Preparation, None, text, false).unwrap()
}

#[test]
fn a_v1_namespace_loads_with_its_stage_entries_and_draft() {
    let store = fixture("storage-v1.json");
    let loaded = repo(&store, "afterglow").load().unwrap();
    assert_eq!(loaded.journal.stage, Stage::Integration);
    let texts: Vec<&str> = loaded.journal.entries().iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["<img src=x onerror=alert(1)> stays text", "Light"]);
    assert!(loaded.journal.entries()[0].private);
    assert_eq!(loaded.journal.entries()[1].prompt.as_ref().unwrap().text, "One word for right now.");
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
    assert_eq!(keys, ["afterglow:e:broken-1", "afterglow:e:wrong-key"]);
    repo.save_entry(&entry(1_764_300_000_000, "new")).unwrap();
    let after = store.snapshot();
    for (key, value) in &before {
        assert_eq!(after.get(key), Some(value), "{key} changed");
    }
}

#[test]
fn namespaces_do_not_see_each_other() {
    let store = fixture("storage-v1.json");
    let other = repo(&store, "afterglow-2").load().unwrap();
    assert_eq!(other.journal.len(), 1);
    assert_eq!(other.journal.entries()[0].text, "another widget's");
    assert_eq!(other.journal.stage, Stage::Evaluation);
    let empty = repo(&store, "nobody").load().unwrap();
    assert!(empty.journal.is_empty() && empty.unreadable.is_empty());
}

#[test]
fn saving_one_entry_writes_that_entry_and_the_schema_once() {
    let store = Rc::new(MemoryStore::new());
    let repo = repo(&store, "afterglow");
    repo.load().unwrap();
    let first = entry(1_764_000_000_000, "first");
    repo.save_entry(&first).unwrap();
    let keys: Vec<String> = store.snapshot().into_keys().collect();
    assert_eq!(keys, ["afterglow:e:".to_owned() + first.id.as_str(), "afterglow:meta".to_owned()]);
    assert_eq!(store.get("afterglow:meta").unwrap().as_deref(), Some(r#"{"schema":1}"#));

    for i in 1..50 {
        repo.save_entry(&entry(1_764_000_000_000 + i, "more")).unwrap();
    }
    let before = store.snapshot();
    let last = entry(1_765_000_000_000, "one more");
    repo.save_entry(&last).unwrap();
    let after = store.snapshot();
    let changed: Vec<&String> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(changed, [&format!("afterglow:e:{}", last.id)]);
}

#[test]
fn a_round_trip_gives_back_the_same_journal() {
    let store = Rc::new(MemoryStore::new());
    let writer = repo(&store, "afterglow");
    writer.save_stage(Stage::Dosing).unwrap();
    let entries: Vec<JournalEntry> = (0..20).map(|i| entry(1_764_000_000_000 + i * 3_600_000, "x")).collect();
    for e in &entries {
        writer.save_entry(e).unwrap();
    }
    writer.delete_entry(&entries[3].id).unwrap();
    writer.save_draft(&DraftRecord { text: "unfinished".into(), prompt_id: None }).unwrap();
    let loaded = repo(&store, "afterglow").load().unwrap();
    assert_eq!(loaded.journal.stage, Stage::Dosing);
    assert_eq!(loaded.journal.len(), 19);
    assert!(loaded.journal.get(&entries[3].id).is_none());
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
    assert_eq!(repo.save_entry(&entry(1, "x")), Err(StorageError::NewerSchema(7)));
    assert_eq!(repo.save_stage(Stage::Dosing), Err(StorageError::NewerSchema(7)));
    assert_eq!(repo.delete_entry(&EntryId::parse("zz").unwrap()), Err(StorageError::NewerSchema(7)));
    assert_eq!(store.snapshot(), before);
}

#[test]
fn a_full_quota_fails_the_save_and_keeps_the_store_consistent() {
    let store = Rc::new(MemoryStore::with_quota(400));
    let repo = repo(&store, "afterglow");
    repo.save_entry(&entry(1, "fits")).unwrap();
    let before = store.snapshot();
    let big = entry(2, &"a lot to say ".repeat(40));
    assert_eq!(repo.save_entry(&big), Err(StorageError::QuotaExceeded));
    assert_eq!(store.snapshot(), before);
    assert!(StorageError::QuotaExceeded.to_string().contains("still here"));
}
