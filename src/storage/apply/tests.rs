use super::*;
use crate::domain::changeset::{merge, replace, undo};
use crate::domain::test_records::{self, t};
use crate::domain::{CheckIn, JournalEntry, RecordId, Stage};
use crate::storage::{KeyValueStore, MemoryStore, Namespace};
use std::cell::Cell;
use std::rc::Rc;

fn entry(n: u32, text: &str) -> JournalEntry {
    test_records::entry(n, t(n.into()), text)
}

fn check_in(n: u32, note: &str) -> CheckIn {
    let id = RecordId::generate(t(0).timestamp_millis(), 10_000 + n);
    CheckIn { energy: 4, note: note.into(), ..test_records::check_in(id, t(n.into()), Stage::Dosing, 5) }
}

/// A store that fails every write after the first `ok` of them, like a quota reached
/// part-way through.
struct FailAfter {
    inner: MemoryStore,
    ok: Cell<usize>,
}

impl KeyValueStore for FailAfter {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.ok.get() == 0 {
            return Err(StorageError::QuotaExceeded);
        }
        self.ok.set(self.ok.get() - 1);
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        self.inner.keys_with_prefix(prefix)
    }
}

/// A journal of 5 entries and 3 check-ins, saved.
fn seeded(store: Rc<dyn KeyValueStore>) -> (JournalRepo, Journal) {
    let repo = JournalRepo::new(store, &Namespace::default());
    let mut journal = Journal::new(Stage::Integration);
    for n in 1..=5 {
        let e = entry(n, &format!("old entry {n}"));
        repo.save(&e).unwrap();
        journal.upsert_any(e);
    }
    for n in 1..=3 {
        let c = check_in(n, "old");
        repo.save(&c).unwrap();
        journal.upsert_any(c);
    }
    repo.save_prefs(&journal).unwrap();
    (repo, journal)
}

fn big_backup() -> Journal {
    let mut file = Journal::new(Stage::FollowUp);
    for n in 100..400 {
        file.upsert_any(check_in(n, "a long note about the week ".repeat(30).trim()));
    }
    file
}

#[test]
fn a_replace_that_does_not_fit_is_refused_with_numbers_and_changes_nothing() {
    let memory = Rc::new(MemoryStore::with_quota(60_000));
    let (repo, journal) = seeded(memory.clone());
    let before = memory.snapshot();
    let set = replace(&journal, &big_backup());
    let err = repo.apply(&set, &journal, 60_000).unwrap_err();
    let ApplyError::NoRoom { need, free, .. } = err.clone() else { panic!("{err:?}") };
    assert!(need > free && free > 0, "{need} {free}");
    let sentence = err.sentence(crate::i18n::T::subject_backup);
    assert!(
        sentence.starts_with("This backup needs about ")
            && sentence.contains(" KB is free, so nothing was changed"),
        "{sentence}"
    );
    assert_eq!(memory.snapshot(), before, "the old journal is all there");
}

#[test]
fn small_amounts_are_said_in_kilobytes_never_as_nothing() {
    let tiny = ApplyError::NoRoom { need: 300, free: 0, empty: false }.sentence(crate::i18n::T::subject_undo);
    assert!(
        tiny.starts_with(
            "Undoing the restore needs about 1 KB of this device's storage for Afterglow, and 0 KB is free"
        ),
        "{tiny}"
    );
    let big = ApplyError::NoRoom { need: 12_500_000, free: 5_242_880, empty: true }
        .sentence(crate::i18n::T::subject_backup);
    assert!(big.contains("needs about 11.9 MB") && big.contains("and 5.0 MB is free"), "{big}");
    assert!(big.contains("This journal is empty here") && !big.contains("Delete old entries"), "{big}");
}

#[test]
fn a_write_that_fails_part_way_puts_back_exactly_what_was_there() {
    let store = Rc::new(FailAfter { inner: MemoryStore::new(), ok: Cell::new(usize::MAX) });
    let (repo, journal) = seeded(store.clone());
    let before = store.inner.snapshot();
    let set = replace(&journal, &big_backup());
    store.ok.set(148);
    let err = repo.apply(&set, &journal, QUOTA_UNITS).unwrap_err();
    assert!(matches!(err, ApplyError::RolledBack(StorageError::QuotaExceeded)), "{err:?}");
    assert_eq!(store.inner.snapshot(), before);
    // A merge stopped part-way is put back the same way.
    let set = merge(&journal, &big_backup()).0;
    store.ok.set(89);
    assert!(matches!(repo.apply(&set, &journal, QUOTA_UNITS), Err(ApplyError::RolledBack(_))));
    assert_eq!(store.inner.snapshot(), before);
}

#[test]
fn a_replace_that_fits_stores_the_backup_and_an_undo_stores_the_old_journal_again() {
    let memory = Rc::new(MemoryStore::new());
    let (repo, journal) = seeded(memory.clone());
    let before = memory.snapshot();
    let set = replace(&journal, &big_backup());
    repo.apply(&set, &journal, QUOTA_UNITS).unwrap();
    let now = set.applied_to(&journal);
    let loaded = repo.load().unwrap().journal;
    assert_eq!((loaded.len(), loaded.check_ins().len(), loaded.stage), (0, 300, Stage::FollowUp));
    assert_eq!(loaded, now);
    let (back, _) = undo(&now, &set);
    repo.apply(&back, &now, QUOTA_UNITS).unwrap();
    assert_eq!(memory.snapshot(), before);
}

#[test]
fn an_undo_at_a_full_quota_fails_whole_and_can_be_tried_again() {
    let store = Rc::new(FailAfter { inner: MemoryStore::new(), ok: Cell::new(usize::MAX) });
    let (repo, journal) = seeded(store.clone());
    let set = replace(&journal, &big_backup());
    repo.apply(&set, &journal, QUOTA_UNITS).unwrap();
    let now = set.applied_to(&journal);
    let restored = store.inner.snapshot();
    let (back, _) = undo(&now, &set);
    store.ok.set(3);
    assert!(matches!(repo.apply(&back, &now, QUOTA_UNITS), Err(ApplyError::RolledBack(_))));
    assert_eq!(store.inner.snapshot(), restored, "the failed undo left the restore whole");
    store.ok.set(usize::MAX);
    repo.apply(&back, &now, QUOTA_UNITS).unwrap();
    assert_eq!(repo.load().unwrap().journal.len(), 5);
}
