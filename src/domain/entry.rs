//! Journal entries.
//!
//! Plain data with validation. Never reads the clock: callers pass the time in.

use super::id::RecordId;
use super::stage::Stage;
use crate::i18n::{tr, tr_with, T};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The longest entry Afterglow accepts, in characters (about 15,000 words).
pub const MAX_ENTRY_CHARS: usize = 100_000;

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
    pub id: RecordId,
    /// When it was first saved.
    pub created: DateTime<Utc>,
    /// When it was last changed (equal to `created` until edited).
    pub edited: DateTime<Utc>,
    /// The stage the patient was in when writing it.
    pub stage: Stage,
    /// The prompt it answers, or `None` for free writing.
    pub prompt: Option<PromptRef>,
    /// The dosing session it reflects on, if any.
    pub session: Option<RecordId>,
    /// Whether the patient marked it as an intention, to be shown back later.
    pub intention: bool,
    /// What the patient wrote, as written (only outer white space trimmed).
    pub text: String,
    /// Private entries never leave the device in any export.
    pub private: bool,
}

// Listed newest first.
super::record::impl_record!(JournalEntry, |a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));

/// Why an entry could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryError {
    /// Nothing but white space was written.
    Empty,
    /// More than [`MAX_ENTRY_CHARS`] characters.
    TooLong {
        /// Characters written.
        chars: usize,
        /// The limit.
        max: usize,
    },
}

impl std::fmt::Display for EntryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EntryError::Empty => f.write_str(tr(T::refuse_entry_empty)),
            EntryError::TooLong { chars, max } => f.write_str(&tr_with(
                T::refuse_entry_long,
                &[("chars", &chars.to_string()), ("max", &max.to_string())],
            )),
        }
    }
}

impl std::error::Error for EntryError {}

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

/// What a patient writes; the parts of an entry they choose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryDraft {
    /// The text.
    pub text: String,
    /// The prompt answered.
    pub prompt: Option<PromptRef>,
    /// The session reflected on.
    pub session: Option<RecordId>,
    /// Marked as an intention.
    pub intention: bool,
    /// Kept out of every export.
    pub private: bool,
}

impl JournalEntry {
    /// A new entry from a draft, validated. `now` is both its creation and edit time.
    pub fn new(
        id: RecordId,
        now: DateTime<Utc>,
        stage: Stage,
        draft: EntryDraft,
    ) -> Result<Self, EntryError> {
        let text = validate_text(&draft.text)?;
        Ok(JournalEntry {
            id,
            created: now,
            edited: now,
            stage,
            prompt: draft.prompt,
            session: draft.session,
            intention: draft.intention,
            text,
            private: draft.private,
        })
    }

    /// This entry with new text and flags, edited at `now`. Keeps id, creation time,
    /// stage and prompt. The edit time always moves forward, even on a clock that went
    /// back, so the edit wins every later merge against the old version.
    pub fn edited(&self, now: DateTime<Utc>, text: &str, private: bool) -> Result<Self, EntryError> {
        let text = validate_text(text)?;
        let edited = crate::domain::when::next_edit(self.edited, now);
        Ok(JournalEntry { edited, text, private, ..self.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn text_is_validated() {
        assert_eq!(validate_text("  \n\t "), Err(EntryError::Empty));
        assert_eq!(validate_text("  calm \n"), Ok("calm".to_owned()));
        assert_eq!(validate_text("a\n\nb"), Ok("a\n\nb".to_owned()));
        let long = "é".repeat(MAX_ENTRY_CHARS + 1);
        assert!(matches!(validate_text(&long), Err(EntryError::TooLong { .. })));
        assert!(validate_text(&"é".repeat(MAX_ENTRY_CHARS)).is_ok());
    }

    #[test]
    fn an_edit_keeps_identity_and_moves_the_edit_time_forward() {
        let t0 = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();
        let draft = EntryDraft { text: "first".into(), ..EntryDraft::default() };
        let entry = JournalEntry::new(RecordId::generate(1, 1), t0, Stage::Dosing, draft).unwrap();
        let later = entry.edited(t0 + chrono::Duration::minutes(5), " second ", true).unwrap();
        assert_eq!(
            (later.id.clone(), later.created, later.stage),
            (entry.id.clone(), entry.created, entry.stage)
        );
        assert_eq!((later.text.as_str(), later.private), ("second", true));
        assert!(later.edited > entry.edited);
        // A clock that went backwards never makes an edit look older than the original.
        let skewed = entry.edited(t0 - chrono::Duration::hours(1), "x", false).unwrap();
        assert!(skewed.edited > entry.edited);
        assert_eq!(entry.edited(t0, "   ", false), Err(EntryError::Empty));
    }
}
