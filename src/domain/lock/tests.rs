use super::*;

#[test]
fn a_passphrase_needs_eight_characters_as_the_patient_counts_them() {
    assert_eq!(check_passphrase("seven77"), Err(PassphraseError::TooShort(7)));
    assert_eq!(check_passphrase("").unwrap_err().to_string(), "Use at least 8 characters (this has 0).");
    // Eight characters, not eight bytes: accents and emoji count once each.
    assert!(check_passphrase("éèêëàâäô").is_ok());
    assert_eq!(check_passphrase("🌅🌅🌅🌅🌅🌅🌅"), Err(PassphraseError::TooShort(7)));
}

#[test]
fn a_common_password_is_allowed_but_called_easy_to_guess() {
    let check = check_passphrase("Password1").unwrap();
    assert!(check.common);
    assert_eq!(check.strength, Strength::EasyToGuess);
    assert!(check.strength.hint().starts_with("Easy to guess"));
}

#[test]
fn longer_and_more_varied_passphrases_are_stronger() {
    let s = |p: &str| check_passphrase(p).unwrap().strength;
    assert_eq!(s("aaaaaaaaaaaa"), Strength::EasyToGuess, "one key held down");
    assert_eq!(s("kettle42"), Strength::EasyToGuess);
    assert_eq!(s("heron at dusk"), Strength::Fair);
    assert_eq!(s("heron at dusk by the river"), Strength::Strong);
    assert!(s("Correct-Horse-7") >= Strength::Fair);
}

#[test]
fn a_recovery_key_is_written_in_groups_and_read_back_however_it_is_typed() {
    let bytes: [u8; RECOVERY_BYTES] = std::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(11));
    let text = recovery_key_text(&bytes);
    assert_eq!(text.len(), 32 + 8 + 1, "eight groups of four, dashes, a check character");
    assert_eq!(text.split('-').count(), 9);
    assert!(text.chars().all(|c| c == '-' || ALPHABET.contains(&(c as u8))));
    assert_eq!(parse_recovery_key(&text), Ok(bytes));
    // Lower case, spaces instead of dashes, O for 0 and l for 1.
    let typed = text.to_lowercase().replace('-', " ").replace('0', "o").replace('1', "l");
    assert_eq!(parse_recovery_key(&typed), Ok(bytes));
    assert_eq!(parse_recovery_key(&recovery_key_text(&[0xff; RECOVERY_BYTES])), Ok([0xff; RECOVERY_BYTES]));
    assert_eq!(parse_recovery_key(&recovery_key_text(&[0; RECOVERY_BYTES])), Ok([0; RECOVERY_BYTES]));
}

#[test]
fn a_typo_or_two_swapped_neighbours_in_a_recovery_key_is_caught() {
    let bytes: [u8; RECOVERY_BYTES] = std::array::from_fn(|i| (i as u8).wrapping_mul(91).wrapping_add(3));
    let text: Vec<char> = recovery_key_text(&bytes).chars().filter(|c| *c != '-').collect();
    for i in 0..text.len() {
        for replacement in ALPHABET.iter().map(|b| char::from(*b)) {
            if replacement == text[i] {
                continue;
            }
            let mut typo = text.clone();
            typo[i] = replacement;
            let typed: String = typo.iter().collect();
            assert_eq!(parse_recovery_key(&typed), Err(RecoveryKeyError::Check), "{typed}");
        }
        if i + 1 < text.len() && text[i] != text[i + 1] {
            let mut swapped = text.clone();
            swapped.swap(i, i + 1);
            let typed: String = swapped.iter().collect();
            assert!(parse_recovery_key(&typed).is_err(), "swap at {i}: {typed}");
        }
    }
    assert_eq!(parse_recovery_key("ABCD"), Err(RecoveryKeyError::Length(4)));
    assert_eq!(
        parse_recovery_key(&format!("{}U", &text[..32].iter().collect::<String>())),
        Err(RecoveryKeyError::Character('U'))
    );
}
