//! Journal entries and their ids.
//!
//! Plain data with validation. Never reads the clock or a random source: callers pass the
//! time and the random bits in, so every rule here is testable natively.

use super::stage::Stage;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest entry Afterglow accepts, in characters (about 15,000 words).
pub const MAX_ENTRY_CHARS: usize = 100_000;

/// A record id that is unique across tabs and devices without coordination: the creation
/// time in milliseconds and 32 random bits, both base 36. Ids sort roughly by creation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EntryId(String);

impl EntryId {
    /// An id from a creation time and random bits.
    pub fn generate(created_millis: i64, random: u32) -> Self {
        let millis = u64::try_from(created_millis).unwrap_or(0);
        EntryId(format!("{}-{:0>7}", base36(millis), base36(u64::from(random))))
    }

    /// The id as text, as stored and as used in storage keys.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Parses an id read from storage or a backup: 1 to 40 of `[0-9a-z-]`.
    pub fn parse(text: &str) -> Result<Self, EntryError> {
        let valid = !text.is_empty()
            && text.len() <= 40
            && text.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase() || b == b'-');
        if valid {
            Ok(EntryId(text.to_owned()))
        } else {
            Err(EntryError::BadId)
        }
    }
}

impl TryFrom<String> for EntryId {
    type Error = EntryError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        EntryId::parse(&text)
    }
}

impl From<EntryId> for String {
    fn from(id: EntryId) -> String {
        id.0
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The prompt an entry answers, kept with the entry so that it still reads right after
/// the library changes or a clinic replaces it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromptRef {
    /// The prompt's id in the library it came from.
    pub id: String,
    /// The prompt's text as the patient saw it.
    pub text: String,
}

/// One journal entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalEntry {
    /// Unique, stable id.
    pub id: EntryId,
    /// When it was first saved.
    pub created: DateTime<Utc>,
    /// When it was last changed (equal to `created` until edited).
    pub edited: DateTime<Utc>,
    /// The stage the patient was in when writing it.
    pub stage: Stage,
    /// The prompt it answers, or `None` for free writing.
    pub prompt: Option<PromptRef>,
    /// What the patient wrote, as written (never trimmed inside).
    pub text: String,
    /// Private entries never leave the device in any export.
    pub private: bool,
}

/// Why an entry could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    /// Nothing but white space was written.
    #[error("There is nothing to save yet. A single word is enough.")]
    Empty,
    /// More than [`MAX_ENTRY_CHARS`] characters.
    #[error(
        "This entry is too long to save ({chars} characters; the limit is {max}). Split it into two entries."
    )]
    TooLong {
        /// Characters written.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// An id that Afterglow did not make.
    #[error("not a valid entry id")]
    BadId,
}

/// Checks text a patient wants to save; returns it with only outer white space removed.
pub fn validate_text(text: &str) -> Result<String, EntryError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(EntryError::Empty);
    }
    let chars = trimmed.chars().count();
    if chars > MAX_ENTRY_CHARS {
        return Err(EntryError::TooLong { chars, max: MAX_ENTRY_CHARS });
    }
    Ok(trimmed.to_owned())
}

impl JournalEntry {
    /// A new entry, validated. `now` is both its creation and edit time.
    pub fn new(
        id: EntryId,
        now: DateTime<Utc>,
        stage: Stage,
        prompt: Option<PromptRef>,
        text: &str,
        private: bool,
    ) -> Result<Self, EntryError> {
        let text = validate_text(text)?;
        Ok(JournalEntry { id, created: now, edited: now, stage, prompt, text, private })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_parse_and_sort_by_time() {
        let a = EntryId::generate(1_700_000_000_000, 5);
        let b = EntryId::generate(1_700_000_000_001, 0);
        assert_eq!(EntryId::parse(a.as_str()), Ok(a.clone()));
        assert!(a < b, "{a} should sort before {b}");
        assert_eq!(EntryId::generate(1_700_000_000_000, u32::MAX).as_str().len(), a.as_str().len());
    }

    #[test]
    fn hostile_ids_are_refused() {
        for bad in ["", "A", "x y", "../x", "a:b", &"a".repeat(41), "<script>"] {
            assert_eq!(EntryId::parse(bad), Err(EntryError::BadId), "{bad:?}");
        }
    }

    #[test]
    fn text_is_validated() {
        assert_eq!(validate_text("  \n\t "), Err(EntryError::Empty));
        assert_eq!(validate_text("  calm \n"), Ok("calm".to_owned()));
        assert_eq!(validate_text("a\n\nb"), Ok("a\n\nb".to_owned()));
        let long = "é".repeat(MAX_ENTRY_CHARS + 1);
        assert!(matches!(validate_text(&long), Err(EntryError::TooLong { .. })));
        assert!(validate_text(&"é".repeat(MAX_ENTRY_CHARS)).is_ok());
    }
}
