//! Two tabs on one journal: each writes its own changes and hears the other's through
//! storage events, delivered late and in any interleaving. Property: once every event
//! has arrived, both tabs hold exactly what storage holds (which is what one tab doing
//! every write in order would hold). And an edit made on a stale copy keeps both edits.
// Test helpers may unwrap and index: a panic here is a failed test (clippy.toml allows
// it inside tests; helpers outside `#[test]` need saying).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use afterglow::domain::{EntryDraft, Journal, JournalEntry, RecordId, Stage};
use afterglow::storage::sync::{save_edit, EditSaved};
use afterglow::storage::{JournalRepo, KeyValueStore, MemoryStore, Namespace};
use chrono::{DateTime, TimeZone, Utc};
use common::tabs::Tab;
use proptest::prelude::*;
use std::rc::Rc;

#[derive(Clone, Debug)]
enum Op {
    Add { tab: usize },
    Edit { tab: usize, pick: usize },
    Delete { tab: usize, pick: usize },
    Deliver { tab: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..2usize).prop_map(|tab| Op::Add { tab }),
        (0..2usize, 0..8usize).prop_map(|(tab, pick)| Op::Edit { tab, pick }),
        (0..2usize, 0..8usize).prop_map(|(tab, pick)| Op::Delete { tab, pick }),
        (0..2usize).prop_map(|tab| Op::Deliver { tab }),
    ]
}

fn at(tick: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(1_764_000_000_000 + tick * 1000).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn two_tabs_converge_to_what_storage_holds(ops in proptest::collection::vec(op(), 1..60)) {
        let store = Rc::new(MemoryStore::new());
        let ns = Namespace::default();
        let mut tabs: Vec<Tab> = (0..2).map(|_| Tab::new(JournalRepo::new(store.clone(), &ns))).collect();
        let mut tick = 0i64;
        for op in ops {
            tick += 1;
            let (tab, key) = match op {
                Op::Deliver { tab } => {
                    tabs[tab].deliver_one(&store);
                    continue;
                }
                Op::Add { tab } => {
                    let draft = EntryDraft { text: format!("entry {tick}"), ..EntryDraft::default() };
                    let e = JournalEntry::new(RecordId::generate(at(tick).timestamp_millis(), tab as u32), at(tick), Stage::Dosing, draft).unwrap();
                    tabs[tab].repo.save(&e).unwrap();
                    let key = tabs[tab].repo.keys().record('e', e.id.as_str());
                    tabs[tab].journal.upsert_any(e);
                    (tab, key)
                }
                Op::Edit { tab, pick } => {
                    let Some(base) = tabs[tab].journal.entries().get(pick).cloned() else { continue };
                    let edited = base.edited(at(tick), &format!("edit {tick}"), false).unwrap();
                    let copy_id = RecordId::generate(at(tick).timestamp_millis(), 100 + tab as u32);
                    let saved = save_edit(&tabs[tab].repo, &base, None, &edited, copy_id).unwrap();
                    tabs[tab].journal.upsert_any(edited.clone());
                    if let EditSaved::KeptBoth(copy) = saved {
                        let copy_key = tabs[tab].repo.keys().record('e', copy.id.as_str());
                        tabs[tab].journal.upsert_any(copy);
                        tabs[1 - tab].inbox.push_back(copy_key);
                    }
                    (tab, tabs[tab].repo.keys().record('e', edited.id.as_str()))
                }
                Op::Delete { tab, pick } => {
                    let Some(e) = tabs[tab].journal.entries().get(pick).cloned() else { continue };
                    tabs[tab].repo.delete::<JournalEntry>(&e.id).unwrap();
                    tabs[tab].journal.remove_any(afterglow::domain::Kind::Entry, &e.id);
                    (tab, tabs[tab].repo.keys().record('e', e.id.as_str()))
                }
            };
            tabs[1 - tab].inbox.push_back(key);
        }
        for t in tabs.iter_mut() {
            t.deliver_all(&store);
        }
        let stored = JournalRepo::new(store.clone(), &ns).load().unwrap().journal;
        prop_assert_eq!(&tabs[0].journal.entries(), &stored.entries());
        prop_assert_eq!(&tabs[1].journal.entries(), &stored.entries());
    }
}

#[test]
fn an_edit_on_a_stale_copy_keeps_both_edits() {
    let store = Rc::new(MemoryStore::new());
    let ns = Namespace::default();
    let (a, b) = (JournalRepo::new(store.clone(), &ns), JournalRepo::new(store.clone(), &ns));
    let draft = EntryDraft { text: "first words".into(), ..EntryDraft::default() };
    let base = JournalEntry::new(RecordId::generate(1, 1), at(0), Stage::Integration, draft).unwrap();
    a.save(&base).unwrap();
    // Tab A edits; tab B, not yet told, edits the same entry from the old text.
    let from_a = base.edited(at(5), "A's words", false).unwrap();
    assert_eq!(save_edit(&a, &base, None, &from_a, RecordId::generate(9, 9)).unwrap(), EditSaved::Saved);
    let from_b = base.edited(at(6), "B's words", false).unwrap();
    let EditSaved::KeptBoth(copy) = save_edit(&b, &base, None, &from_b, RecordId::generate(9, 10)).unwrap()
    else {
        panic!("the stale edit must keep both");
    };
    assert_eq!(copy.text, "A's words");
    let texts: Vec<String> = JournalRepo::new(store, &ns)
        .load()
        .unwrap()
        .journal
        .entries()
        .iter()
        .map(|e| e.text.clone())
        .collect();
    assert_eq!(texts.len(), 2);
    assert!(texts.contains(&"A's words".to_owned()) && texts.contains(&"B's words".to_owned()));
}

#[test]
fn an_older_version_put_back_by_another_tab_is_followed() {
    let store = Rc::new(MemoryStore::new());
    let ns = Namespace::default();
    let repo = JournalRepo::new(store.clone(), &ns);
    let draft = EntryDraft { text: "the backup's words".into(), ..EntryDraft::default() };
    let old = JournalEntry::new(RecordId::generate(1, 1), at(0), Stage::Integration, draft).unwrap();
    let newer = old.edited(at(5), "restored over it", false).unwrap();
    // This tab shows the newer version; another tab's undo puts the older one back.
    let mut journal = Journal::default();
    journal.upsert_any(newer);
    repo.save(&old).unwrap();
    let key = repo.keys().record('e', old.id.as_str());
    let now = store.get(&key).unwrap();
    assert_eq!(
        repo.apply_change(&mut journal, &key, now.as_deref()),
        afterglow::storage::sync::Applied::Changed
    );
    assert_eq!(journal.entries(), [old]);
}
