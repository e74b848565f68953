use super::*;
use crate::domain::test_records::{self, t};
use crate::domain::Journal;
use crate::export::backup;

fn journal() -> Journal {
    let mut j = Journal::default();
    for i in 0..40u32 {
        j.upsert_any(test_records::entry(
            i,
            t(i.into()),
            &format!("Night {i}: the heron again, and my sister's call"),
        ));
    }
    j
}

#[test]
fn a_sealed_backup_opens_with_its_passphrases_key_and_restores_the_same_journal() {
    let plain = backup::write(&journal(), t(0));
    let key = SealKey::new(&[7; 32]);
    let file = seal_backup(&plain, &key, &[1, 2, 3, 4], 600_000, &[9; NONCE_BYTES]);
    for word in ["heron", "sister", "Night"] {
        assert!(!file.contains(word), "{word} shows in the file");
    }
    assert!(file.len() < plain.len(), "deflated first: {} bytes sealed, {} plain", file.len(), plain.len());
    let sealed = read_sealed(&file).expect("a sealed backup").unwrap();
    assert_eq!((sealed.salt.as_slice(), sealed.iterations), (&[1u8, 2, 3, 4][..], 600_000));
    let opened = sealed.open(&key).unwrap();
    assert_eq!(opened, plain);
    assert_eq!(backup::read(&opened).unwrap().journal.entries().len(), 40);
}

#[test]
fn a_wrong_passphrase_or_a_changed_file_opens_nothing() {
    let file = seal_backup(
        &backup::write(&journal(), t(0)),
        &SealKey::new(&[7; 32]),
        &[1; 16],
        600_000,
        &[9; NONCE_BYTES],
    );
    let sealed = read_sealed(&file).unwrap().unwrap();
    assert_eq!(sealed.open(&SealKey::new(&[8; 32])), Err(WrongPassphrase));
    assert_eq!(
        WrongPassphrase.to_string(),
        "That passphrase does not open this backup. Nothing was changed."
    );
    // One base64 character changed in the sealed text.
    let at = file.find("\"sealed\":\"").unwrap() + 20;
    let mut changed = file.clone().into_bytes();
    changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).unwrap();
    assert_eq!(read_sealed(&changed).unwrap().unwrap().open(&SealKey::new(&[7; 32])), Err(WrongPassphrase));
}

#[test]
fn a_plain_backup_or_another_file_is_not_taken_for_a_sealed_one() {
    assert_eq!(read_sealed(&backup::write(&journal(), t(0))), None);
    assert_eq!(read_sealed("not json"), None);
    assert_eq!(read_sealed(r#"{"format":"something-else","version":2}"#), None);
    let odd =
        r#"{"format":"afterglow-backup","version":2,"kdf":"scrypt","salt":"00","iterations":1,"sealed":""}"#;
    assert!(matches!(read_sealed(odd), Some(Err(BackupError::Damaged(_)))));
    let bad_salt = r#"{"format":"afterglow-backup","version":2,"kdf":"PBKDF2-SHA256","salt":"zz","iterations":1,"sealed":""}"#;
    assert!(matches!(read_sealed(bad_salt), Some(Err(BackupError::Damaged(_)))));
}

#[test]
fn base64_round_trips_every_length() {
    for n in 0..70u8 {
        let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(97)).collect();
        assert_eq!(unbase64(&base64(&bytes)), Some(bytes));
    }
    assert_eq!(base64(b"Man"), "TWFu");
    assert_eq!(base64(b"Ma"), "TWE=");
    assert_eq!(base64(b"M"), "TQ==");
    assert_eq!(unbase64("TQ=x"), None);
    assert_eq!(unbase64("TQ="), None);
}
