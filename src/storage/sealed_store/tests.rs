use super::*;
use crate::domain::test_records::{self, t};
use crate::domain::{Journal, Kind};
use crate::storage::{JournalRepo, MemoryStore, Namespace};
use std::rc::Rc;

const WORDS: [&str; 4] = ["heron", "sister", "overdose", "river"];

fn is_meta(key: &str) -> bool {
    key == "afterglow:meta"
}

/// A sealed store over `memory` with the key numbered `n` and a counting nonce source.
fn sealed(memory: &Rc<MemoryStore>, n: u8) -> Rc<SealedStore<Rc<MemoryStore>>> {
    Rc::new(SealedStore::new(memory.clone(), SealKey::new(&[n; 32]), Box::new(is_meta), counting_nonces()))
}

fn repo(store: Rc<dyn KeyValueStore>) -> JournalRepo {
    JournalRepo::new(store, &Namespace::default())
}

fn texts(repo: &JournalRepo) -> Vec<String> {
    repo.load().unwrap().journal.entries().iter().map(|e| e.text.clone()).collect()
}

#[test]
fn a_journal_kept_through_a_sealed_store_reads_back_and_no_stored_value_holds_its_words() {
    let memory = Rc::new(MemoryStore::new());
    let repo = repo(sealed(&memory, 1));
    repo.migrate().unwrap();
    for (n, word) in WORDS.iter().enumerate() {
        repo.save(&test_records::entry(n as u32, t(n as i64), &format!("By the {word} tonight"))).unwrap();
    }
    let mut expected: Vec<String> = WORDS.iter().map(|w| format!("By the {w} tonight")).collect();
    expected.sort();
    let mut read = texts(&repo);
    read.sort();
    assert_eq!(read, expected);
    for (key, value) in memory.snapshot() {
        for word in WORDS {
            assert!(!value.contains(word) && !key.contains(word), "{word} shows in {key}");
        }
        assert!(is_meta(&key) || seal::is_sealed(&value), "{key} is stored unsealed");
    }
    // Another tab with the same key reads the same journal.
    let mut again = texts(&self::repo(sealed(&memory, 1)));
    again.sort();
    assert_eq!(again, expected);
}

#[test]
fn values_written_before_the_lock_read_as_they_are() {
    let memory = Rc::new(MemoryStore::new());
    let plain = repo(memory.clone());
    plain.save(&test_records::entry(1, t(0), "Written before the lock")).unwrap();
    let locked = repo(sealed(&memory, 1));
    locked.save(&test_records::entry(2, t(1), "Written after it")).unwrap();
    let mut read = texts(&locked);
    read.sort();
    assert_eq!(read, ["Written after it", "Written before the lock"]);
}

#[test]
fn a_changed_or_moved_value_is_set_aside_unread_and_the_rest_loads() {
    let memory = Rc::new(MemoryStore::new());
    let store = sealed(&memory, 1);
    let repo = repo(store.clone());
    let (a, b, c) = (
        test_records::entry(1, t(0), "kept"),
        test_records::entry(2, t(1), "changed"),
        test_records::entry(3, t(2), "moved over"),
    );
    for e in [&a, &b, &c] {
        repo.save(e).unwrap();
    }
    let key = |e: &crate::domain::JournalEntry| {
        repo.keys().record(crate::storage::record::tag(Kind::Entry), e.id.as_str())
    };
    // One unit of b's sealed value changed; a's sealed value copied over c's key.
    let stored_b = memory.get(&key(&b)).unwrap().unwrap();
    let mut units: Vec<char> = stored_b.chars().collect();
    let last = units.len() - 1;
    units[last] = char::from_u32(u32::from(units[last]) ^ 1).unwrap();
    memory.set(&key(&b), &units.into_iter().collect::<String>()).unwrap();
    memory.set(&key(&c), &memory.get(&key(&a)).unwrap().unwrap()).unwrap();
    let loaded = repo.load().unwrap();
    assert_eq!(loaded.journal.entries().iter().map(|e| e.text.as_str()).collect::<Vec<_>>(), ["kept"]);
    assert_eq!(loaded.unreadable.len(), 2, "{:?}", loaded.unreadable);
    // Nothing removed: both stay stored as they were, for a later look.
    assert!(memory.get(&key(&b)).unwrap().is_some() && memory.get(&key(&c)).unwrap().is_some());
}

#[test]
fn a_packed_month_is_sealed_as_its_bytes_not_one_and_a_half_times_its_size() {
    let memory = Rc::new(MemoryStore::new());
    let store = sealed(&memory, 1);
    let bytes: Vec<u8> = (0..6000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let month = pack::pack(&bytes);
    store.set("afterglow:m:2024-01", &month).unwrap();
    let stored = memory.get("afterglow:m:2024-01").unwrap().unwrap();
    let (plain, sealed) = (month.encode_utf16().count(), stored.encode_utf16().count());
    assert!(sealed <= plain + 40, "{plain} units sealed as {sealed}");
    assert_eq!(store.get("afterglow:m:2024-01").unwrap().as_deref(), Some(month.as_str()));
    // Text that only looks packed (or is empty) is kept as text.
    store.set("afterglow:e:x", "").unwrap();
    assert_eq!(store.get("afterglow:e:x").unwrap().as_deref(), Some(""));
}

#[test]
fn the_format_record_stays_plain_so_any_version_can_read_what_it_is() {
    let memory = Rc::new(MemoryStore::new());
    let repo = repo(sealed(&memory, 1));
    repo.save(&test_records::entry(1, t(0), "words")).unwrap();
    assert_eq!(repo.keys().meta(), "afterglow:meta");
    let meta = memory.get("afterglow:meta").unwrap().expect("a saved journal has its format record");
    assert!(meta.starts_with('{'), "{meta}");
}

#[test]
fn another_tabs_change_is_opened_with_the_key_this_tab_holds_and_not_without_it() {
    let memory = Rc::new(MemoryStore::new());
    let (a, b) = (repo(sealed(&memory, 1)), repo(sealed(&memory, 1)));
    let mut journal_b = b.load().unwrap().journal;
    let entry = test_records::entry(1, t(0), "Written in the other tab");
    a.save(&entry).unwrap();
    // Tab B hears the key change and reads the value through its own sealed store, as
    // the app's storage-event handler does (`JournalRepo::raw`).
    let key = a.keys().record(crate::storage::record::tag(Kind::Entry), entry.id.as_str());
    let value = b.raw(&key).unwrap();
    b.apply_change(&mut journal_b, &key, value.as_deref());
    assert_eq!(
        journal_b.entries().iter().map(|e| e.text.as_str()).collect::<Vec<_>>(),
        ["Written in the other tab"]
    );
    // A tab with another key (never unlocked with this journal's) gets nothing readable.
    let c = repo(sealed(&memory, 2));
    let mut journal_c = Journal::default();
    let value = c.raw(&key).unwrap();
    c.apply_change(&mut journal_c, &key, value.as_deref());
    assert!(journal_c.entries().is_empty());
}
