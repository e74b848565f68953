//! Record ids: unique across tabs and devices without coordination.
//!
//! Pure: the caller passes the time and the random bits in.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The creation time in milliseconds and 32 random bits, both base 36
/// (`mi2k0x8g-01ar4zk`). Ids sort roughly by creation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RecordId(String);

/// An id Afterglow did not make.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a valid record id")]
pub struct BadId;

impl RecordId {
    /// An id from a creation time and random bits.
    pub fn generate(created_millis: i64, random: u32) -> Self {
        let millis = u64::try_from(created_millis).unwrap_or(0);
        RecordId(format!("{}-{:0>7}", base36(millis), base36(u64::from(random))))
    }

    /// When an id Afterglow generated was made (epoch milliseconds), read back from its
    /// first part; `None` for an id made elsewhere (a backup from another tool).
    pub fn created_millis(&self) -> Option<i64> {
        let (time, random) = self.0.split_once('-')?;
        if time.is_empty() || time.len() > 12 || random.len() != 7 || random.contains('-') {
            return None;
        }
        let mut n: i64 = 0;
        for b in time.bytes() {
            let d = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'z' => b - b'a' + 10,
                _ => return None,
            };
            n = n.checked_mul(36)?.checked_add(i64::from(d))?;
        }
        Some(n)
    }

    /// The id as text, as stored and as used in storage keys.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Parses an id read from storage or a backup: 1 to 40 of `[0-9a-z-]`.
    pub fn parse(text: &str) -> Result<Self, BadId> {
        let valid = !text.is_empty()
            && text.len() <= 40
            && text.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase() || b == b'-');
        if valid {
            Ok(RecordId(text.to_owned()))
        } else {
            Err(BadId)
        }
    }
}

impl TryFrom<String> for RecordId {
    type Error = BadId;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        RecordId::parse(&text)
    }
}

impl From<RecordId> for String {
    fn from(id: RecordId) -> String {
        id.0
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out: Vec<u8> = Vec::new();
    loop {
        out.extend(DIGITS.get((n % 36) as usize));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    out.into_iter().map(char::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_parse_and_sort_by_time() {
        let a = RecordId::generate(1_700_000_000_000, 5);
        let b = RecordId::generate(1_700_000_000_001, 0);
        assert_eq!(RecordId::parse(a.as_str()), Ok(a.clone()));
        assert!(a < b, "{a} should sort before {b}");
        assert_eq!(RecordId::generate(1_700_000_000_000, u32::MAX).as_str().len(), a.as_str().len());
        assert_eq!(a.created_millis(), Some(1_700_000_000_000));
        assert_eq!(RecordId::parse("restored-1").unwrap().created_millis(), None);
        assert_eq!(RecordId::parse("x").unwrap().created_millis(), None);
    }

    #[test]
    fn hostile_ids_are_refused() {
        for bad in ["", "A", "x y", "../x", "a:b", &"a".repeat(41), "<script>"] {
            assert_eq!(RecordId::parse(bad), Err(BadId), "{bad:?}");
        }
    }
}
