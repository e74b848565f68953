use super::*;
use crate::domain::test_records::{self, t};
use crate::storage::seal::NONCE_BYTES;
use crate::storage::sealed_store::counting_nonces;
use crate::storage::{JournalRepo, MemoryStore, Namespace};
use std::rc::Rc;

fn sealed(memory: &Rc<MemoryStore>, key: u8) -> SealedStore<Rc<MemoryStore>> {
    let keys = Keys::new(&Namespace::default());
    SealedStore::new(
        memory.clone(),
        SealKey::new(&[key; 32]),
        Box::new(move |k| stays_plain(&keys, k)),
        counting_nonces(),
    )
}

fn journal_of(memory: &Rc<MemoryStore>, n: u32) {
    let repo = JournalRepo::new(memory.clone(), &Namespace::default());
    for i in 0..n {
        // Words beyond ASCII (three bytes of UTF-8 each, sealed at 8/15 of a unit a byte)
        // make a sealed value larger than the plain one, as a patient's Japanese would.
        let text = format!("Entry {i} about the heron {}", "静かな川".repeat(60));
        repo.save(&test_records::entry(i, t(i.into()), &text)).unwrap();
    }
}

fn all_keys(memory: &Rc<MemoryStore>) -> Vec<String> {
    memory.snapshot().into_keys().collect()
}

#[test]
fn turning_the_lock_on_in_slices_seals_every_value_but_the_plain_ones_and_back() {
    let memory = Rc::new(MemoryStore::new());
    journal_of(&memory, 12);
    let before = memory.snapshot();
    let store = sealed(&memory, 3);
    let keys = all_keys(&memory);
    // Half, then the rest (a slice at a time, as the app would between frames).
    let (first, rest) = keys.split_at(keys.len() / 2);
    let done = store.seal_values(first).unwrap() + store.seal_values(rest).unwrap();
    let meta = Keys::new(&Namespace::default()).meta();
    assert_eq!(done, keys.len() - usize::from(before.contains_key(&meta)));
    for (key, value) in memory.snapshot() {
        assert!(!value.contains("heron"), "{key}");
        assert!(key == meta || seal::is_sealed(&value), "{key}");
    }
    assert_eq!(store.seal_values(&keys).unwrap(), 0, "nothing sealed twice");
    // Read through the store: the same journal.
    let repo = JournalRepo::new(Rc::new(sealed(&memory, 3)), &Namespace::default());
    assert_eq!(repo.load().unwrap().journal.entries().len(), 12);
    // And off again: every value as it was.
    assert_eq!(store.open_values(&keys).unwrap(), done);
    assert_eq!(memory.snapshot(), before);
}

#[test]
fn a_full_quota_half_way_leaves_every_value_readable() {
    let memory = Rc::new(MemoryStore::new());
    journal_of(&memory, 30);
    let used: usize =
        memory.snapshot().iter().map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count()).sum();
    // Room for a few sealed values more, not all (each grows by about 40 units).
    let tight = Rc::new(MemoryStore::with_quota(used + 300));
    for (k, v) in memory.snapshot() {
        tight.set(&k, &v).unwrap();
    }
    let store = sealed(&tight, 3);
    let keys = all_keys(&tight);
    let (done, error) = store.seal_values(&keys).unwrap_err();
    assert!(done > 0 && done < keys.len(), "{done} of {}", keys.len());
    assert_eq!(error, StorageError::QuotaExceeded);
    let repo = JournalRepo::new(Rc::new(sealed(&tight, 3)), &Namespace::default());
    let loaded = repo.load().unwrap();
    assert_eq!(loaded.journal.entries().len(), 30, "sealed and not yet sealed both read");
    assert!(loaded.unreadable.is_empty());
}

#[test]
fn the_lock_record_unwraps_the_data_key_only_with_the_right_key() {
    let data_key = [5u8; 32];
    let (pass, recovery) = (SealKey::new(&[1; 32]), SealKey::new(&[2; 32]));
    let record = LockRecord {
        version: LOCK_VERSION,
        salt: "00112233445566778899aabbccddeeff".into(),
        iterations: 600_000,
        by_passphrase: seal::wrap(&pass, &data_key, &[1; NONCE_BYTES]),
        by_recovery: seal::wrap(&recovery, &data_key, &[2; NONCE_BYTES]),
        minutes: DEFAULT_MINUTES,
    };
    let read = LockRecord::from_json(&record.to_json()).unwrap();
    assert_eq!(read, record);
    assert_eq!(read.unwrap(&pass, false), Some(data_key));
    assert_eq!(read.unwrap(&recovery, true), Some(data_key));
    assert_eq!(read.unwrap(&recovery, false), None, "the recovery key's key is not the passphrase's");
    assert_eq!(read.unwrap(&SealKey::new(&[9; 32]), false), None);
    assert!(!record.to_json().contains("0505"), "the data key never shows");
    assert_eq!(LockRecord::from_json(r#"{"v":2}"#), None);
    assert_eq!(LockRecord::from_json("not json"), None);
    assert_eq!(Keys::new(&Namespace::default()).lock(), "afterglow:lock");
}

#[test]
fn a_new_passphrase_rewraps_the_data_key_and_the_recovery_key_still_opens() {
    let data_key = [7u8; 32];
    let (pass, recovery) = (SealKey::new(&[1; 32]), SealKey::new(&[2; 32]));
    let record = LockRecord::new(&data_key, &pass, &recovery, hex(&[9; 16]), 600_000, [[1; 12], [2; 12]]);
    assert_eq!(record.minutes, DEFAULT_MINUTES);
    let new_pass = SealKey::new(&[3; 32]);
    assert_eq!(
        record.rewrapped(&SealKey::new(&[4; 32]), false, &new_pass, false, &[3; 12]),
        None,
        "a wrong passphrase changes nothing"
    );
    let changed = record.rewrapped(&pass, false, &new_pass, false, &[3; 12]).unwrap();
    assert_eq!(changed.unwrap(&new_pass, false), Some(data_key));
    assert_eq!(changed.unwrap(&pass, false), None, "the old passphrase no longer opens");
    assert_eq!(changed.unwrap(&recovery, true), Some(data_key));
    // A forgotten passphrase: the recovery key sets a new one.
    let reset = record.rewrapped(&recovery, true, &new_pass, false, &[4; 12]).unwrap();
    assert_eq!(reset.unwrap(&new_pass, false), Some(data_key));
    // A record written before the minutes were kept reads with the default.
    let old = r#"{"v":1,"s":"00","i":600000,"p":"agx1","r":"agx1"}"#;
    assert_eq!(LockRecord::from_json(old).map(|r| r.minutes), Some(DEFAULT_MINUTES));
}

#[test]
fn hex_round_trips_and_refuses_what_is_not_hex() {
    assert_eq!(unhex(&hex(&[0, 15, 255])), Some(vec![0, 15, 255]));
    assert_eq!(unhex("abc"), None);
    assert_eq!(unhex("zz"), None);
}
