//! The lock's rules (issue 18), pure: what a passphrase must be, a plain hint of how easy
//! it is to guess, and the recovery key's written form.
//!
//! - A passphrase needs 8 characters or more and nothing else: no rules about digits or
//!   symbols, and pasting is the patient's choice. A very common one is warned about,
//!   never refused.
//! - The recovery key is 20 random bytes (160 bits) written as eight groups of four
//!   characters of Crockford's base 32 (no I, L, O or U) and a check character, so a typo
//!   (or nearly any two swapped neighbours) is caught before any decryption is tried. It is read back
//!   whatever the case, spaces or dashes, with O read as 0 and I or L as 1.
//!
//! Must never see a clock or randomness (the caller passes the random bytes), and never
//! keep or log a passphrase or a key.

use crate::i18n::{tr, tr_with, T};

/// The fewest characters a passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// The recovery key's random bytes.
pub const RECOVERY_BYTES: usize = 20;

/// Crockford's base 32: digits and letters without I, L, O and U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Very common passwords of eight characters or more, lowercased: a short list of the
/// ones most often found in leaked password lists, where a hint "easy to guess" is the
/// least a patient should hear. Not a full list: the strength hint covers the rest.
const COMMON: &[&str] = &[
    "password",
    "password1",
    "password12",
    "password123",
    "passw0rd",
    "12345678",
    "123456789",
    "1234567890",
    "0123456789",
    "11111111",
    "00000000",
    "87654321",
    "12341234",
    "qwertyui",
    "qwertyuiop",
    "qwerty123",
    "qwerty12",
    "1q2w3e4r",
    "1qaz2wsx",
    "zaq12wsx",
    "asdfghjk",
    "asdfghjkl",
    "iloveyou",
    "iloveyou1",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "superman",
    "starwars",
    "whatever",
    "trustno1",
    "welcome1",
    "welcome123",
    "letmein1",
    "abc12345",
    "abcd1234",
    "aa123456",
    "computer",
    "michelle",
    "jennifer",
    "corvette",
    "mercedes",
    "midnight",
    "internet",
    "liverpool",
    "chocolate",
    "butterfly",
    "changeme",
];

/// How easy a passphrase would be to guess, in the patient's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Common, or short with few kinds of characters.
    EasyToGuess,
    /// Acceptable; longer would be better.
    Fair,
    /// Long enough.
    Strong,
}

impl Strength {
    /// The hint shown beside the field.
    pub fn hint(self) -> &'static str {
        match self {
            Strength::EasyToGuess => tr(T::lockset_easy),
            Strength::Fair => tr(T::lockset_fair),
            Strength::Strong => tr(T::lockset_strong),
        }
    }
}

/// Why a passphrase cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PassphraseError {
    /// Fewer than [`MIN_PASSPHRASE_CHARS`] characters.
    TooShort(usize),
}

impl std::fmt::Display for PassphraseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PassphraseError::TooShort(n) => {
                f.write_str(&tr_with(T::lockset_too_short, &[("n", &n.to_string())]))
            }
        }
    }
}

impl std::error::Error for PassphraseError {}

/// What the form says of a passphrase that can be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PassphraseCheck {
    /// How easy it would be to guess.
    pub strength: Strength,
    /// Whether it is one of the very common passwords.
    pub common: bool,
}

/// Checks a passphrase: at least 8 characters (as the patient counts them), then a hint.
pub fn check_passphrase(passphrase: &str) -> Result<PassphraseCheck, PassphraseError> {
    let chars = passphrase.chars().count();
    if chars < MIN_PASSPHRASE_CHARS {
        return Err(PassphraseError::TooShort(chars));
    }
    let common = COMMON.contains(&super::lower::lower(passphrase.trim()).as_str());
    let strength = if common { Strength::EasyToGuess } else { strength_of(passphrase) };
    Ok(PassphraseCheck { strength, common })
}

/// A rough estimate of guessing effort in bits: the characters that differ from the one
/// before (a run of one key counts once) times the bits of the kinds of characters used.
fn strength_of(passphrase: &str) -> Strength {
    let (mut lower, mut upper, mut digit, mut space, mut other) = (false, false, false, false, false);
    let mut counted = 0usize;
    let mut last = None;
    for c in passphrase.chars() {
        match c {
            'a'..='z' => lower = true,
            'A'..='Z' => upper = true,
            '0'..='9' => digit = true,
            ' ' => space = true,
            _ => other = true,
        }
        if last != Some(c) {
            counted += 1;
        }
        last = Some(c);
    }
    // A space between words adds one character to choose from, not a class of them.
    let pool = [(lower, 26.0), (upper, 26.0), (digit, 10.0), (space, 1.0), (other, 33.0)]
        .iter()
        .filter(|(used, _)| *used)
        .map(|(_, n)| n)
        .sum::<f64>()
        .max(2.0);
    let bits = counted as f64 * pool.log2();
    if bits < 45.0 {
        Strength::EasyToGuess
    } else if bits < 70.0 {
        Strength::Fair
    } else {
        Strength::Strong
    }
}

/// The recovery key as the patient writes it down: `XXXX-XXXX-…-XXXX-C`.
pub fn recovery_key_text(bytes: &[u8; RECOVERY_BYTES]) -> String {
    let digits = to_base32(bytes);
    let check = ALPHABET.get(usize::from(check_digit(&digits))).copied().unwrap_or(b'0');
    let mut text = String::with_capacity(44);
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            text.push('-');
        }
        text.push(char::from(ALPHABET.get(usize::from(*d)).copied().unwrap_or(b'0')));
    }
    text.push('-');
    text.push(char::from(check));
    text
}

/// Why a typed recovery key was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecoveryKeyError {
    /// A character that is not in a recovery key.
    Character(char),
    /// Too few or too many characters.
    Length(usize),
    /// The check character does not match: a typo somewhere.
    Check,
}

impl std::fmt::Display for RecoveryKeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            RecoveryKeyError::Character(c) => tr_with(T::key_bad_char, &[("c", &c.to_string())]),
            RecoveryKeyError::Length(n) => tr_with(T::key_length, &[("n", &n.to_string())]),
            RecoveryKeyError::Check => tr(T::key_typo).to_owned(),
        })
    }
}

impl std::error::Error for RecoveryKeyError {}

/// Reads a typed recovery key back into its bytes.
pub fn parse_recovery_key(typed: &str) -> Result<[u8; RECOVERY_BYTES], RecoveryKeyError> {
    let mut digits = Vec::with_capacity(33);
    for c in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        let value = u8::try_from(c)
            .ok()
            .and_then(|b| ALPHABET.iter().position(|a| *a == b))
            .ok_or(RecoveryKeyError::Character(c))?;
        digits.push(value as u8);
    }
    if digits.len() != 33 {
        return Err(RecoveryKeyError::Length(digits.len()));
    }
    let (key, check) = digits.split_at(32);
    if check.first() != Some(&check_digit(key)) {
        return Err(RecoveryKeyError::Check);
    }
    Ok(from_base32(key))
}

/// 160 bits as 32 five-bit digits, most significant first.
fn to_base32(bytes: &[u8; RECOVERY_BYTES]) -> Vec<u8> {
    let mut out = Vec::with_capacity(32);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in bytes {
        acc = (acc << 8) | u32::from(*b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(((acc >> bits) & 31) as u8);
        }
    }
    out
}

fn from_base32(digits: &[u8]) -> [u8; RECOVERY_BYTES] {
    let mut out = [0u8; RECOVERY_BYTES];
    let (mut acc, mut bits, mut at) = (0u32, 0u32, 0usize);
    for d in digits {
        acc = (acc << 5) | u32::from(*d & 31);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            if let Some(slot) = out.get_mut(at) {
                *slot = ((acc >> bits) & 0xff) as u8;
            }
            at += 1;
        }
    }
    out
}

/// Luhn mod 32 over the digits: catches every single wrong character and every swap of
/// two different neighbours but 0 and Z (Luhn's one blind spot, as 09 and 90 in base 10).
fn check_digit(digits: &[u8]) -> u8 {
    let n = 32u32;
    let mut sum = 0u32;
    let mut factor = 2u32;
    for d in digits.iter().rev() {
        let addend = factor * u32::from(*d);
        sum += addend / n + addend % n;
        factor = if factor == 2 { 1 } else { 2 };
    }
    ((n - sum % n) % n) as u8
}

#[cfg(test)]
mod tests;
