//! The stored form of each record (schema version 1), kept apart from the domain types:
//! these shapes are a compatibility promise, the domain types are free to change.
//!
//! Field names are short because a ten-year journal has thousands of records and the
//! smallest browser quota is about 5 MiB. Pure: serde only.

use crate::domain::{EntryError, EntryId, JournalEntry, PromptRef, Stage};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// `{ns}:meta`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaRecord {
    /// Schema version of every record in the namespace.
    pub schema: u32,
}

/// `{ns}:prefs`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrefsRecord {
    /// The patient's current stage.
    pub stage: Stage,
}

/// `{ns}:draft`: what the patient was typing, kept until it is saved or cleared.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftRecord {
    /// The text typed so far.
    #[serde(rename = "t")]
    pub text: String,
    /// The prompt it answers, if any.
    #[serde(rename = "pi", default, skip_serializing_if = "Option::is_none")]
    pub prompt_id: Option<String>,
}

/// `{ns}:e:{id}`: one journal entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryRecord {
    /// Entry id; must equal the id in the key.
    pub id: String,
    /// Created, milliseconds since the Unix epoch (UTC).
    #[serde(rename = "c")]
    pub created: i64,
    /// Last edited, milliseconds since the Unix epoch (UTC).
    #[serde(rename = "e")]
    pub edited: i64,
    /// Stage slug.
    #[serde(rename = "s")]
    pub stage: Stage,
    /// Id of the prompt answered.
    #[serde(rename = "pi", default, skip_serializing_if = "Option::is_none")]
    pub prompt_id: Option<String>,
    /// Text of the prompt answered, as shown then.
    #[serde(rename = "pt", default, skip_serializing_if = "Option::is_none")]
    pub prompt_text: Option<String>,
    /// The entry's text.
    #[serde(rename = "t")]
    pub text: String,
    /// Private flag; absent means false.
    #[serde(rename = "x", default, skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
}

/// Why a stored record could not become a domain value.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// Not JSON, or JSON of another shape.
    #[error("unreadable: {0}")]
    Malformed(String),
    /// Parsed, but a value breaks a rule (bad id, bad time, empty text).
    #[error("invalid: {0}")]
    Invalid(String),
}

impl From<&JournalEntry> for EntryRecord {
    fn from(entry: &JournalEntry) -> Self {
        let (prompt_id, prompt_text) = match &entry.prompt {
            Some(p) => (Some(p.id.clone()), Some(p.text.clone())),
            None => (None, None),
        };
        EntryRecord {
            id: entry.id.as_str().to_owned(),
            created: entry.created.timestamp_millis(),
            edited: entry.edited.timestamp_millis(),
            stage: entry.stage,
            prompt_id,
            prompt_text,
            text: entry.text.clone(),
            private: entry.private,
        }
    }
}

fn time(millis: i64) -> Result<DateTime<Utc>, RecordError> {
    DateTime::from_timestamp_millis(millis)
        .ok_or_else(|| RecordError::Invalid(format!("time {millis} out of range")))
}

impl EntryRecord {
    /// Parses the JSON stored under an entry key.
    pub fn parse(json: &str) -> Result<Self, RecordError> {
        serde_json::from_str(json).map_err(|e| RecordError::Malformed(e.to_string()))
    }

    /// The domain entry this record holds, checked.
    pub fn into_entry(self) -> Result<JournalEntry, RecordError> {
        let id = EntryId::parse(&self.id).map_err(|e: EntryError| RecordError::Invalid(e.to_string()))?;
        if self.text.trim().is_empty() {
            return Err(RecordError::Invalid("empty text".to_owned()));
        }
        let prompt = match (self.prompt_id, self.prompt_text) {
            (Some(id), Some(text)) => Some(PromptRef { id, text }),
            (Some(id), None) => Some(PromptRef { id, text: String::new() }),
            (None, _) => None,
        };
        Ok(JournalEntry {
            id,
            created: time(self.created)?,
            edited: time(self.edited)?,
            stage: self.stage,
            prompt,
            text: self.text,
            private: self.private,
        })
    }
}

/// Serializes a record. Serializing these plain structs cannot fail; an empty object is
/// returned if it ever did, which a later load reports as unreadable rather than lost.
pub fn to_json<T: Serialize>(record: &T) -> String {
    serde_json::to_string(record).unwrap_or_else(|_| "{}".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn entry_round_trips_through_its_record() {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 21, 4, 5).unwrap();
        let entry = JournalEntry {
            id: EntryId::generate(at.timestamp_millis(), 42),
            created: at,
            edited: at,
            stage: Stage::Dosing,
            prompt: Some(PromptRef { id: "dose-word".into(), text: "One word for right now.".into() }),
            text: "Light. \"Quotes\", <b>tags</b> and émoji 🌅".into(),
            private: true,
        };
        let json = to_json(&EntryRecord::from(&entry));
        let back = EntryRecord::parse(&json).unwrap().into_entry().unwrap();
        assert_eq!(back, entry);
    }

    #[test]
    fn the_stored_form_is_stable() {
        let json =
            r#"{"id":"mi2k0x8g-0000016","c":1764104645000,"e":1764104645000,"s":"follow-up","t":"hello"}"#;
        let entry = EntryRecord::parse(json).unwrap().into_entry().unwrap();
        assert_eq!(entry.stage, Stage::FollowUp);
        assert!(!entry.private);
        assert_eq!(entry.prompt, None);
        assert_eq!(to_json(&EntryRecord::from(&entry)), json);
    }

    #[test]
    fn bad_records_are_classified() {
        assert!(matches!(EntryRecord::parse("not json"), Err(RecordError::Malformed(_))));
        assert!(matches!(EntryRecord::parse(r#"{"id":"a"}"#), Err(RecordError::Malformed(_))));
        let bad_id = r#"{"id":"A B","c":1,"e":1,"s":"dosing","t":"x"}"#;
        assert!(matches!(EntryRecord::parse(bad_id).unwrap().into_entry(), Err(RecordError::Invalid(_))));
        let bad_time = r#"{"id":"a","c":9223372036854775807,"e":1,"s":"dosing","t":"x"}"#;
        assert!(matches!(EntryRecord::parse(bad_time).unwrap().into_entry(), Err(RecordError::Invalid(_))));
    }
}
