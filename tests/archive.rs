//! The archive of closed months over an in-memory store: a schema-1 journal migrates and
//! folds into months and reads back the same; edits and deletes of archived records
//! override their month until folded again; damage is set aside and the rest loads; and
//! any interleaving of folding steps, edits, deletes and another tab's events ends in the
//! same journal as without folding.
// Test helpers may unwrap and index: a panic here is a failed test (clippy.toml allows
// it inside tests; helpers outside `#[test]` need saying).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use afterglow::domain::{Journal, JournalEntry, Kind, RecordId, Stage};
use afterglow::storage::archive::TOMBSTONE;
use afterglow::storage::codec;
use afterglow::storage::{JournalRepo, KeyValueStore, MemoryStore, Namespace};
use chrono::{NaiveDate, TimeZone, Utc};
use common::tabs::{changed_keys, Tab};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::rc::Rc;

const DAY: i64 = 86_400_000;
/// 2024-01-01, two years before the tests' today.
const START: i64 = 1_704_067_200_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

fn repo(store: &Rc<MemoryStore>) -> JournalRepo {
    let repo = JournalRepo::new(store.clone(), &Namespace::default());
    repo.set_today(today());
    repo
}

fn entry(millis: i64, text: &str) -> JournalEntry {
    common::entry_in(Stage::Integration, millis, 7, text)
}

/// Loads the journal as the app does: loose records first, then every month expanded.
fn open(repo: &JournalRepo) -> Journal {
    repo.migrate().unwrap();
    let mut loaded = repo.load().unwrap();
    let opened = read_months(repo);
    repo.finish_opening();
    assert!(opened.unreadable.is_empty(), "{:?}", opened.unreadable);
    loaded.journal.upsert_batch(opened.batch);
    loaded.journal
}

/// Folds every closed month that has loose keys; returns how many months were written.
fn fold_all(repo: &JournalRepo, journal: &Journal) -> usize {
    let mut written = 0;
    for month in repo.months_to_fold(journal) {
        if let Some(job) = repo.fold_job(journal, &month) {
            repo.commit_fold(&job, &codec::compress(&job.text)).unwrap();
            written += 1;
        }
    }
    written
}

fn texts(journal: &Journal) -> Vec<String> {
    journal.entries().iter().map(|e| e.text.clone()).collect()
}

/// A year of entries written and folded: the store holds 14 months and the repository
/// that folded them, with its journal.
fn packed_year(store: &Rc<MemoryStore>) -> (JournalRepo, Journal) {
    year_of_entries(store);
    let repo = repo(store);
    let journal = open(&repo);
    fold_all(&repo, &journal);
    (repo, journal)
}

/// Reads the stored months as the app does after the first screen.
fn read_months(repo: &JournalRepo) -> afterglow::storage::months::Opened {
    let months =
        repo.month_values().unwrap().into_iter().map(|(m, v)| (m, v.clone(), codec::expand(&v))).collect();
    repo.open_months(months)
}

fn year_of_entries(store: &Rc<MemoryStore>) -> Journal {
    let repo = repo(store);
    for d in 0..400 {
        repo.save(&entry(
            START + d * DAY,
            &format!("Day {d}: the light through the window, and what I noticed."),
        ))
        .unwrap();
    }
    open(&repo)
}

#[test]
fn a_year_of_loose_records_folds_into_months_and_reads_back_the_same() {
    let store = Rc::new(MemoryStore::new());
    let journal = year_of_entries(&store);
    let before_units: usize = store.snapshot().iter().map(|(k, v)| k.len() + v.encode_utf16().count()).sum();
    let repo = repo(&store);
    let again = open(&repo);
    assert_eq!(again, journal);
    // 400 days from 2024-01-01 end in February 2025: 14 months, all closed on 2026-12-02.
    assert_eq!(fold_all(&repo, &again), 14);
    let keys: Vec<String> = store.snapshot().into_keys().collect();
    assert!(keys.iter().all(|k| !k.starts_with("afterglow:e:")), "every entry folded: {keys:?}");
    assert!(keys.contains(&"afterglow:m:2024-01".to_owned()));
    let after_units: usize = store.snapshot().iter().map(|(k, v)| k.len() + v.encode_utf16().count()).sum();
    assert!(after_units * 4 < before_units, "{after_units} units packed against {before_units}");
    let reopened = open(&self::repo(&store));
    assert_eq!(reopened, journal, "the packed journal reads back the same");
    assert_eq!(fold_all(&self::repo(&store), &reopened), 0, "folding again changes nothing");
}

#[test]
fn the_schema_1_fixture_migrates_folds_and_migrates_again_to_no_change() {
    let path = format!("{}/tests/fixtures/storage-v1.json", env!("CARGO_MANIFEST_DIR"));
    let map: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let store = Rc::new(MemoryStore::new());
    for (k, v) in &map {
        store.set(k, v).unwrap();
    }
    let repo = repo(&store);
    assert_eq!(repo.migrate().unwrap(), 1);
    let journal = open(&repo);
    assert!(fold_all(&repo, &journal) > 0, "its records are from closed months");
    let once = store.snapshot();
    assert_eq!(store.get("afterglow:meta").unwrap().as_deref(), Some("{\"schema\":2}"));
    assert_eq!(store.get("host-page-key").unwrap().as_deref(), Some("the clinic's own data"));
    assert!(once.contains_key("afterglow:e:broken-1"), "an unreadable record is never folded away");
    let repo = self::repo(&store);
    assert_eq!(repo.migrate().unwrap(), 0);
    let again = open(&repo);
    assert_eq!(again, journal);
    assert_eq!(fold_all(&repo, &again), 0);
    assert_eq!(store.snapshot(), once, "a second migration and fold changed something");
}

#[test]
fn a_record_stored_in_another_layout_of_its_json_folds_too() {
    let store = Rc::new(MemoryStore::new());
    let e = entry(START, "written by an older version");
    let json = afterglow::storage::record::encode(&afterglow::domain::AnyRecord::Entry(e.clone()));
    // The same record as another writer lays it out: spaces after the separators.
    let spaced = json.replace("\",\"", "\", \"").replace("\":", "\": ");
    assert_ne!(spaced, json);
    store.set("afterglow:meta", "{\"schema\":1}").unwrap();
    store.set(&format!("afterglow:e:{}", e.id), &spaced).unwrap();
    let repo = repo(&store);
    let journal = open(&repo);
    assert_eq!(fold_all(&repo, &journal), 1);
    assert_eq!(store.get(&format!("afterglow:e:{}", e.id)).unwrap(), None);
    assert_eq!(open(&self::repo(&store)), journal);
}

#[test]
fn an_edit_of_an_archived_record_overrides_its_month_until_folded_back() {
    let store = Rc::new(MemoryStore::new());
    let (repo, journal) = packed_year(&store);
    let old = journal.entries().iter().find(|e| e.text.starts_with("Day 40:")).unwrap().clone();
    let edited = old
        .edited(Utc.timestamp_millis_opt(START + 900 * DAY).unwrap(), "Day 40, read again", false)
        .unwrap();
    repo.save(&edited).unwrap();
    let key = format!("afterglow:e:{}", old.id);
    assert!(store.get(&key).unwrap().is_some(), "the edit is a loose key");
    let repo2 = self::repo(&store);
    let reopened = open(&repo2);
    assert!(texts(&reopened).contains(&"Day 40, read again".to_owned()));
    assert!(!texts(&reopened).iter().any(|t| t.starts_with("Day 40:")));
    assert_eq!(fold_all(&repo2, &reopened), 1, "only its month is written again");
    assert_eq!(store.get(&key).unwrap(), None);
    assert_eq!(open(&self::repo(&store)), reopened);
}

#[test]
fn a_delete_of_an_archived_record_leaves_a_tombstone_until_folded_back() {
    let store = Rc::new(MemoryStore::new());
    let (repo, journal) = packed_year(&store);
    let gone = journal.entries().iter().find(|e| e.text.starts_with("Day 41:")).unwrap().id.clone();
    repo.delete_any(Kind::Entry, &gone).unwrap();
    let key = format!("afterglow:e:{gone}");
    assert_eq!(store.get(&key).unwrap().as_deref(), Some(TOMBSTONE));
    let repo2 = self::repo(&store);
    let reopened = open(&repo2);
    assert_eq!(reopened.entries().len(), 399);
    assert_eq!(fold_all(&repo2, &reopened), 1);
    assert_eq!(store.get(&key).unwrap(), None, "the tombstone is folded away");
    assert_eq!(open(&self::repo(&store)).entries().len(), 399, "and the month no longer holds it");
}

#[test]
fn a_delete_before_the_months_are_read_cannot_be_undone_by_them() {
    let store = Rc::new(MemoryStore::new());
    packed_year(&store);
    let repo = repo(&store);
    let mut loaded = repo.load().unwrap();
    assert!(!loaded.months.is_empty());
    let id = RecordId::generate(START + 3 * DAY, 7);
    repo.delete_any(Kind::Entry, &id).unwrap();
    assert_eq!(store.get(&format!("afterglow:e:{id}")).unwrap().as_deref(), Some(TOMBSTONE));
    loaded.journal.upsert_batch(read_months(&repo).batch);
    assert!(loaded.journal.entries().iter().all(|e| e.id != id));
}

#[test]
fn a_month_another_tab_changed_is_never_overwritten_unread() {
    let store = Rc::new(MemoryStore::new());
    year_of_entries(&store);
    let a = repo(&store);
    let ja = open(&a);
    let b = repo(&store);
    let jb = open(&b);
    fold_all(&a, &ja);
    // Tab b read the months before a folded them: its view of 2024-01 is stale.
    let month = b.months_to_fold(&jb)[0].clone();
    let job = b.fold_job(&jb, &month).unwrap();
    let before = store.snapshot();
    assert!(b.commit_fold(&job, &codec::compress(&job.text)).is_err());
    assert_eq!(store.snapshot(), before);
}

#[test]
fn a_damaged_month_is_set_aside_whole_and_the_rest_loads() {
    let store = Rc::new(MemoryStore::new());
    packed_year(&store);
    let damaged = store.get("afterglow:m:2024-03").unwrap().unwrap();
    let cut: String = damaged.chars().take(damaged.chars().count() / 2).collect();
    store.set("afterglow:m:2024-03", &cut).unwrap();
    let repo = repo(&store);
    let mut loaded = repo.load().unwrap();
    let opened = read_months(&repo);
    assert_eq!(opened.unreadable.len(), 1);
    assert_eq!(opened.unreadable[0].key, "afterglow:m:2024-03");
    let moved = repo.quarantine(&opened.unreadable);
    assert_eq!(moved, vec![("afterglow:quarantine:m:2024-03".to_owned(), cut.clone())]);
    loaded.journal.upsert_batch(opened.batch);
    assert_eq!(loaded.journal.entries().len(), 400 - 31);
    assert_eq!(store.get("afterglow:m:2024-03").unwrap(), None);
}

#[test]
fn a_line_that_cannot_be_read_is_set_aside_and_its_neighbours_load() {
    let store = Rc::new(MemoryStore::new());
    let text = format!(
        "afterglow-month 1 2\ne:{}\t{{\"id\":\"broken\"\ne:{}\t{}\n",
        RecordId::generate(START, 1),
        RecordId::generate(START + DAY, 7),
        afterglow::storage::record::encode(&afterglow::domain::AnyRecord::Entry(entry(START + DAY, "kept")))
    );
    store.set("afterglow:meta", "{\"schema\":2}").unwrap();
    store.set("afterglow:m:2024-01", &codec::compress(&text)).unwrap();
    let repo = repo(&store);
    let mut loaded = repo.load().unwrap();
    let opened = read_months(&repo);
    assert_eq!(opened.unreadable.len(), 1);
    assert_eq!(opened.quarantined.len(), 1, "{:?}", opened.quarantined);
    assert!(store.get(&opened.quarantined[0].0).unwrap().is_some());
    loaded.journal.upsert_batch(opened.batch);
    assert_eq!(texts(&loaded.journal), vec!["kept"]);
}

#[derive(Clone, Debug)]
enum Op {
    Add { tab: usize, day: i64 },
    Edit { tab: usize, pick: usize },
    Delete { tab: usize, pick: usize },
    Fold { tab: usize },
    Deliver { tab: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..2usize, 0..120i64).prop_map(|(tab, day)| Op::Add { tab, day }),
        (0..2usize, 0..12usize).prop_map(|(tab, pick)| Op::Edit { tab, pick }),
        (0..2usize, 0..12usize).prop_map(|(tab, pick)| Op::Delete { tab, pick }),
        (0..2usize).prop_map(|tab| Op::Fold { tab }),
        (0..2usize).prop_map(|tab| Op::Deliver { tab }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]
    /// Two tabs, one folding now and then: once every event has arrived, both tabs and a
    /// fresh load hold the same journal, and it is the journal the same writes make
    /// without any folding.
    #[test]
    fn folding_never_changes_the_journal(ops in proptest::collection::vec(op(), 1..50)) {
        let store = Rc::new(MemoryStore::new());
        let plain = Rc::new(MemoryStore::new());
        let plain_repo = repo(&plain);
        let mut plain_journal = Journal::default();
        let mut tabs: Vec<Tab> = (0..2).map(|_| Tab::new(repo(&store))).collect();
        for t in &mut tabs {
            t.journal = open(&t.repo);
        }
        let mut tick = 0i64;
        for op in ops {
            tick += 1;
            let before = store.snapshot();
            if std::env::var("ARCHIVE_DEBUG").is_ok() { eprintln!("{op:?}"); }
            match op {
                Op::Add { tab, day } => {
                    let e = entry(START + day * 7 * DAY + tick, &format!("entry {tick}"));
                    tabs[tab].repo.save(&e).unwrap();
                    plain_repo.save(&e).unwrap();
                    tabs[tab].journal.upsert_any(afterglow::domain::AnyRecord::Entry(e.clone()));
                    plain_journal.upsert_any(afterglow::domain::AnyRecord::Entry(e));
                }
                Op::Edit { tab, pick } => {
                    let Some(e) = tabs[tab].journal.entries().get(pick).cloned() else { continue };
                    let later = Utc.timestamp_millis_opt(START + 1000 * DAY + tick).unwrap();
                    let edited = e.edited(later, &format!("edited {tick}"), false).unwrap();
                    tabs[tab].repo.save(&edited).unwrap();
                    plain_repo.save(&edited).unwrap();
                    tabs[tab].journal.remove_any(Kind::Entry, &edited.id);
                    tabs[tab].journal.upsert_any(afterglow::domain::AnyRecord::Entry(edited.clone()));
                    plain_journal.remove_any(Kind::Entry, &edited.id);
                    plain_journal.upsert_any(afterglow::domain::AnyRecord::Entry(edited));
                }
                Op::Delete { tab, pick } => {
                    let Some(e) = tabs[tab].journal.entries().get(pick).cloned() else { continue };
                    tabs[tab].repo.delete_any(Kind::Entry, &e.id).unwrap();
                    plain_repo.delete_any(Kind::Entry, &e.id).unwrap();
                    tabs[tab].journal.remove_any(Kind::Entry, &e.id);
                    plain_journal.remove_any(Kind::Entry, &e.id);
                }
                Op::Fold { tab } => {
                    let t = &tabs[tab];
                    if let Some(month) = t.repo.months_to_fold(&t.journal).first() {
                        if let Some(job) = t.repo.fold_job(&t.journal, month) {
                            let _ = t.repo.commit_fold(&job, &codec::compress(&job.text));
                        }
                    }
                }
                Op::Deliver { tab } => {
                    tabs[tab].deliver_one(&store);
                    continue;
                }
            }
            if std::env::var("ARCHIVE_DEBUG").is_ok() {
                let after = store.snapshot();
                for k in before.keys().chain(after.keys()).collect::<std::collections::BTreeSet<_>>() {
                    if before.get(k) != after.get(k) {
                        let v = after.get(k).map(|v| if k.contains(":m:") { codec::expand(v).unwrap() } else { v.clone() });
                        eprintln!("  {k} = {v:?}");
                    }
                }
            }
            // Every key this op changed is an event for both tabs (only the other tab
            // hears it in a browser; hearing one's own write back is harmless here).
            let changed = changed_keys(&before, &store.snapshot());
            for t in &mut tabs {
                t.inbox.extend(changed.iter().cloned());
            }
        }
        for t in &mut tabs {
            t.deliver_all(&store);
        }
        let fresh = open(&repo(&store));
        prop_assert_eq!(texts(&fresh), texts(&plain_journal));
        for t in &tabs {
            prop_assert_eq!(texts(&t.journal), texts(&fresh));
        }
    }
}

#[test]
fn an_edit_conflict_is_caught_after_the_other_edit_was_folded_into_its_month() {
    let store = Rc::new(MemoryStore::new());
    let (b, jb) = packed_year(&store);
    let base = jb.entries().iter().find(|e| e.text.starts_with("Day 50:")).unwrap().clone();
    let a = repo(&store);
    let ja = open(&a);
    // Tab b edits the archived entry; a later fold takes b's edit into the month.
    let theirs =
        base.edited(Utc.timestamp_millis_opt(START + 950 * DAY).unwrap(), "b's words", false).unwrap();
    b.save(&theirs).unwrap();
    let b2 = repo(&store);
    let jb2 = open(&b2);
    fold_all(&b2, &jb2);
    assert_eq!(store.get(&format!("afterglow:e:{}", base.id)).unwrap(), None, "folded");
    // Tab a heard b's edit (its journal holds it) and saves its own edit of the old base.
    let mut ja = ja;
    ja.upsert_any(afterglow::domain::AnyRecord::Entry(theirs.clone()));
    let mine = base.edited(Utc.timestamp_millis_opt(START + 960 * DAY).unwrap(), "a's words", false).unwrap();
    let current = ja.entries().iter().find(|e| e.id == base.id).cloned();
    let saved = afterglow::storage::sync::save_edit(
        &a,
        &base,
        current.as_ref(),
        &mine,
        RecordId::generate(START, 99),
    )
    .unwrap();
    assert!(matches!(saved, afterglow::storage::sync::EditSaved::KeptBoth(_)), "{saved:?}");
    let texts = texts(&open(&repo(&store)));
    assert!(texts.contains(&"a's words".to_owned()) && texts.contains(&"b's words".to_owned()), "{texts:?}");
}

#[test]
fn a_fold_heard_before_this_tabs_months_are_read_keeps_the_record() {
    let store = Rc::new(MemoryStore::new());
    let (_, _) = packed_year(&store);
    // Tab b writes an old entry loose; tab a loads and shows it, its months not read yet.
    let b = repo(&store);
    let jb = open(&b);
    let old = entry(START + 5 * DAY + 1, "written late about an old day");
    b.save(&old).unwrap();
    let a = repo(&store);
    let mut loaded = a.load().unwrap();
    assert!(loaded.journal.entries().iter().any(|e| e.id == old.id));
    // Tab b folds it into its month, removing its key; a hears the removal first.
    let mut jb = jb;
    jb.upsert_any(afterglow::domain::AnyRecord::Entry(old.clone()));
    fold_all(&b, &jb);
    let key = format!("afterglow:e:{}", old.id);
    assert_eq!(store.get(&key).unwrap(), None);
    a.apply_change(&mut loaded.journal, &key, None);
    assert!(loaded.journal.entries().iter().any(|e| e.id == old.id), "not taken for a delete");
    // Then a reads its months, as they are now: the entry is there once.
    let mut batch = read_months(&a).batch;
    batch.retain(&mut |kind, id| !a.archive().is_loose(&(kind, id.clone())));
    loaded.journal.upsert_batch(batch);
    assert_eq!(loaded.journal.entries().iter().filter(|e| e.id == old.id).count(), 1);
}

/// A heavy writer's years: about 500 words a day, one entry in eight beyond Latin-1.
fn heavy_writer(days: i64) -> Journal {
    let mut journal = Journal::new(Stage::FollowUp);
    let words = ["light", "window", "breath", "sister", "walk", "session", "quiet", "morning", "trust"];
    for d in 0..days {
        let mut text: String = (0..500)
            .map(|i| words[((d * 7 + i * 13) % words.len() as i64) as usize])
            .collect::<Vec<_>>()
            .join(" ");
        if d % 8 == 0 {
            text.push_str(" — mañana, 静か, 🌅");
        }
        journal.upsert_any(entry(START - 3 * 365 * DAY + d * DAY, &text));
    }
    journal
}

#[test]
fn a_heavy_writers_backup_restores_packed_into_an_empty_profile_of_the_same_quota() {
    use afterglow::domain::changeset;
    use afterglow::storage::ApplyError;
    // Four years of about 500 words a day: 5.5 MB of text, more than the quota as one
    // key a record, and far less packed.
    let file = heavy_writer(4 * 365);
    let quota = 2 * 1024 * 1024;
    let store = Rc::new(MemoryStore::with_quota(quota));
    let repo = repo(&store);
    let journal = open(&repo);
    assert!(journal.entries().is_empty());
    let set = changeset::merge(&journal, &file).0;
    // As one key a record, it does not fit, and the message speaks to an empty journal.
    let unpacked = repo.apply(&set, &journal, quota).unwrap_err();
    assert!(matches!(unpacked, ApplyError::NoRoom { empty: true, .. }), "{unpacked:?}");
    let said = unpacked.sentence(afterglow::i18n::T::subject_backup);
    assert!(said.contains("This journal is empty here"), "{said}");
    assert!(store.snapshot().keys().all(|k| !k.contains(":e:")), "nothing written");
    // Packed as the archive holds closed months, it fits, all of it.
    let compress: &dyn Fn(&str) -> String = &codec::compress;
    repo.apply_packing(&set, &journal, &set.applied_to(&journal), quota, compress).unwrap();
    let units: usize = store.snapshot().iter().map(|(k, v)| k.len() + v.encode_utf16().count()).sum();
    assert!(units < quota / 2, "{units} units stored");
    let months = store.snapshot().keys().filter(|k| k.starts_with("afterglow:m:")).count();
    assert!(months >= 47, "{months} months written packed");
    assert_eq!(open(&self::repo(&store)).entries(), file.entries(), "every entry reads back");
}

#[test]
fn a_packed_restore_into_a_journal_with_archived_months_keeps_both_and_undoes_exactly() {
    use afterglow::domain::changeset;
    let store = Rc::new(MemoryStore::new());
    let (repo, journal) = packed_year(&store);
    let mut file = Journal::new(Stage::Integration);
    // Two entries in months already archived here, one new month, one edit of an archived entry.
    file.upsert_any(entry(START + 3 * DAY + 5, "restored into January"));
    file.upsert_any(entry(START + 40 * DAY + 5, "restored into February"));
    file.upsert_any(entry(START - 200 * DAY, "restored into a month of its own"));
    let mut edited = journal.entries()[10].clone();
    edited.text = "edited in the backup".into();
    edited.edited += chrono::Duration::days(1);
    file.upsert_any(edited);
    let (set, _) = changeset::merge(&journal, &file);
    let compress: &dyn Fn(&str) -> String = &codec::compress;
    let after = set.applied_to(&journal);
    repo.apply_packing(&set, &journal, &after, 5 * 1024 * 1024, compress).unwrap();
    assert!(store.snapshot().keys().all(|k| !k.starts_with("afterglow:e:")), "no loose key: all packed");
    let reopened = open(&self::repo(&store));
    assert_eq!(reopened, after);
    assert!(texts(&reopened).contains(&"edited in the backup".to_owned()));
    // Undone: exactly the journal before, still packed.
    let (undo, _) = changeset::undo(&after, &set);
    repo.apply_packing(&undo, &after, &undo.applied_to(&after), 5 * 1024 * 1024, compress).unwrap();
    assert_eq!(open(&self::repo(&store)), journal);
}
