use crate::domain::test_records::{self, t};
use crate::domain::Kind;
use crate::domain::{Goal, Journal, JournalEntry, RecordId};
use crate::storage::record::later;
use crate::storage::sync::Applied;
use crate::storage::{JournalRepo, KeyValueStore, MemoryStore, Namespace};
use std::rc::Rc;

fn entry(n: u32) -> JournalEntry {
    test_records::entry(n, t(0), &format!("entry {n}"))
}

fn goal(n: u32, text: &str) -> Goal {
    Goal::new(RecordId::generate(t(0).timestamp_millis(), 100 + n), t(0), &Journal::default(), text, "")
        .unwrap()
}

/// A stored journal of two entries and two goals, and a repository of it as a browser
/// start has it: the codec of the kinds read later not in yet.
fn stored() -> (Rc<MemoryStore>, JournalRepo, Goal, Goal) {
    let store = Rc::new(MemoryStore::new());
    let writer = JournalRepo::new(store.clone(), &Namespace::default());
    let (a, b) = (goal(1, "Sleep"), goal(2, "Walk"));
    for e in [entry(1), entry(2)] {
        writer.save(&e).unwrap();
    }
    writer.save(&a).unwrap();
    writer.save(&b).unwrap();
    later::forget();
    (store.clone(), JournalRepo::new(store, &Namespace::default()), a, b)
}

#[test]
fn a_start_reads_the_first_kinds_and_leaves_the_others_for_their_codec() {
    let (_, repo, a, b) = stored();
    let loaded = repo.load().unwrap();
    assert_eq!(loaded.journal.entries().len(), 2);
    assert!(loaded.journal.goals().is_empty(), "goals wait for their codec");
    assert!(loaded.unreadable.is_empty(), "nothing is unreadable for want of a codec");
    assert_eq!(repo.later_count(), 2);
    // Without the codec nothing is read and every key stays.
    assert!(repo.read_later().batch.is_empty());
    assert_eq!(repo.later_count(), 2);
    later::register();
    let opened = repo.read_later();
    let mut journal = loaded.journal;
    journal.upsert_batch(opened.batch);
    assert_eq!(journal.goals(), [a, b]);
    assert_eq!(repo.later_count(), 0);
}

#[test]
fn another_tabs_changes_before_the_codec_are_read_as_storage_holds_them_then() {
    let (store, repo, a, b) = stored();
    let mut journal = repo.load().unwrap().journal;
    let keys = repo.keys().clone();
    // Another tab rewords goal a, deletes goal b and sets goal c, all before the codec.
    let reworded = a.reworded(t(0) + chrono::Duration::minutes(1), "Sleep well", "").unwrap();
    let c = goal(3, "Cook");
    later::register();
    let other = JournalRepo::new(store.clone(), &Namespace::default());
    other.save(&reworded).unwrap();
    other.save(&c).unwrap();
    later::forget();
    let a_key = keys.of(Kind::Goal, a.id.as_str());
    let c_key = keys.of(Kind::Goal, c.id.as_str());
    let a_value = store.get(&a_key).unwrap();
    assert_eq!(repo.apply_change(&mut journal, &a_key, a_value.as_deref()), Applied::Later);
    repo.defer(&a_key);
    let c_value = store.get(&c_key).unwrap();
    assert_eq!(repo.apply_change(&mut journal, &c_key, c_value.as_deref()), Applied::Later);
    repo.defer(&c_key);
    repo.defer(&c_key);
    store.remove(&keys.of(Kind::Goal, b.id.as_str())).unwrap();
    assert_eq!(repo.later_count(), 3, "a key is left once");
    later::register();
    journal.upsert_batch(repo.read_later().batch);
    let texts: Vec<&str> = journal.goals().iter().map(|g| g.text.as_str()).collect();
    assert_eq!(texts, ["Sleep well", "Cook"]);
}

#[test]
fn an_unreadable_value_of_a_kind_read_later_is_reported_once_its_codec_is_in() {
    let (store, repo, a, _) = stored();
    let key = repo.keys().of(Kind::Goal, a.id.as_str());
    store.set(&key, r#"{"id":"x","t":""}"#).unwrap();
    let loaded = repo.load().unwrap();
    assert!(loaded.unreadable.is_empty());
    later::register();
    let opened = repo.read_later();
    assert_eq!(opened.batch.len(), 1, "the other goal");
    assert_eq!(opened.unreadable.len(), 1);
    assert_eq!(opened.unreadable[0].key, key);
    // Set aside like any unreadable value: the key goes to quarantine, whole.
    let moved = repo.quarantine(&opened.unreadable);
    assert_eq!(moved.len(), 1);
    assert_eq!(store.get(&key).unwrap(), None);
}
