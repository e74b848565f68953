use super::*;

const NAME: &str = "afterglow:e:01JD5R6V8Q0000000000000000";

fn key(n: u8) -> SealKey {
    SealKey::new(&[n; KEY_BYTES])
}

fn nonce(n: u8) -> [u8; NONCE_BYTES] {
    [n; NONCE_BYTES]
}

#[test]
fn a_sealed_value_opens_with_its_key_and_name_and_shows_none_of_its_words() {
    let value = r#"{"id":"x","t":"The heron at dusk, and my sister's voice"}"#;
    let sealed = seal(&key(1), NAME, value, &nonce(7));
    assert!(is_sealed(&sealed));
    for word in ["heron", "dusk", "sister", "voice", "id"] {
        assert!(!sealed.contains(word), "{word} shows in {sealed}");
    }
    assert_eq!(open(&key(1), NAME, &sealed).as_deref(), Ok(value));
    // The same value sealed again with another nonce is another text.
    assert_ne!(seal(&key(1), NAME, value, &nonce(8)), sealed);
    // 8/15 of a UTF-16 unit a byte, with the nonce and the tag, after the marker and
    // the packing's two units.
    let units = sealed.encode_utf16().count();
    assert!(
        units <= 4 + 2 + ((value.len() + 28) * 8).div_ceil(15),
        "{units} units for {} bytes",
        value.len()
    );
}

#[test]
fn a_wrong_key_a_moved_value_a_changed_or_cut_value_is_refused() {
    let sealed = seal(&key(1), NAME, "words", &nonce(1));
    assert_eq!(open(&key(2), NAME, &sealed), Err(SealError::Refused), "wrong key");
    assert_eq!(
        open(&key(1), "afterglow:e:other", &sealed),
        Err(SealError::Refused),
        "copied under another key"
    );
    // One unit changed anywhere after the marker: the tag no longer matches.
    let units: Vec<char> = sealed.chars().collect();
    for at in SEALED.len()..units.len() {
        let mut changed = units.clone();
        changed[at] = char::from_u32(u32::from(changed[at]) ^ 1).unwrap();
        let text: String = changed.into_iter().collect();
        assert!(open(&key(1), NAME, &text).is_err(), "changed at {at}");
    }
    let cut: String = sealed.chars().take(sealed.chars().count() - 3).collect();
    assert!(open(&key(1), NAME, &cut).is_err());
    assert_eq!(open(&key(1), NAME, SEALED), Err(SealError::Damaged));
    assert_eq!(open(&key(1), NAME, r#"{"t":"plain"}"#), Err(SealError::NotSealed));
}

#[test]
fn a_wrapped_data_key_unwraps_only_with_its_key_encryption_key() {
    let data_key = [42u8; KEY_BYTES];
    let wrapped = wrap(&key(9), &data_key, &nonce(3));
    assert_eq!(unwrap(&key(9), &wrapped), Ok(data_key));
    assert_eq!(unwrap(&key(8), &wrapped), Err(SealError::Refused), "a wrong passphrase");
    // A stored value is not a wrapped key, even under the same key-encryption key.
    let value = seal(&key(9), NAME, "words", &nonce(4));
    assert_eq!(unwrap(&key(9), &value), Err(SealError::Refused));
    assert_eq!(format!("{:?}", key(9)), "SealKey(…)", "never prints a key");
}
