//! `{ns}:e:{id}`: one journal entry.

use super::fields::Fields;
use super::{id, time, RecordError, Stored};
use crate::domain::{JournalEntry, PromptRef, Stage};
use serde::Serialize;

/// The stored shape of a [`JournalEntry`]. Read by [`Fields`] (the first screen reads
/// entries); serde's derive stays for the test that reads both ways.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct EntryForm {
    id: String,
    #[serde(rename = "c")]
    created: i64,
    #[serde(rename = "e")]
    edited: i64,
    #[serde(rename = "s")]
    stage: Stage,
    #[serde(rename = "pi", default, skip_serializing_if = "Option::is_none")]
    prompt_id: Option<String>,
    #[serde(rename = "pt", default, skip_serializing_if = "Option::is_none")]
    prompt_text: Option<String>,
    #[serde(rename = "si", default, skip_serializing_if = "Option::is_none")]
    session: Option<String>,
    #[serde(rename = "in", default, skip_serializing_if = "std::ops::Not::not")]
    intention: bool,
    #[serde(rename = "t")]
    text: String,
    #[serde(rename = "x", default, skip_serializing_if = "std::ops::Not::not")]
    private: bool,
}

impl Stored for JournalEntry {
    const TAG: char = 'e';
    type Form = EntryForm;

    fn read_form(json: &str) -> Result<EntryForm, String> {
        let mut f = Fields::read(json, &["id", "c", "e", "s", "pi", "pt", "si", "in", "t", "x"])?;
        Ok(EntryForm {
            id: f.text("id")?,
            created: f.whole("c")?,
            edited: f.whole("e")?,
            stage: f.name("s", Stage::from_stored_name)?,
            prompt_id: f.opt_text("pi")?,
            prompt_text: f.opt_text("pt")?,
            session: f.opt_text("si")?,
            intention: f.flag("in")?,
            text: f.text("t")?,
            private: f.flag("x")?,
        })
    }

    fn to_form(&self) -> EntryForm {
        EntryForm {
            id: self.id.as_str().to_owned(),
            created: self.created.timestamp_millis(),
            edited: self.edited.timestamp_millis(),
            stage: self.stage,
            prompt_id: self.prompt.as_ref().map(|p| p.id.clone()),
            prompt_text: self.prompt.as_ref().map(|p| p.text.clone()),
            session: self.session.as_ref().map(|s| s.as_str().to_owned()),
            intention: self.intention,
            text: self.text.clone(),
            private: self.private,
        }
    }

    fn from_form(form: EntryForm) -> Result<Self, RecordError> {
        if form.text.trim().is_empty() {
            return Err(RecordError::Invalid("empty text".to_owned()));
        }
        let prompt = form.prompt_id.map(|id| PromptRef { id, text: form.prompt_text.unwrap_or_default() });
        Ok(JournalEntry {
            id: id(&form.id)?,
            created: time(form.created)?,
            edited: time(form.edited)?,
            stage: form.stage,
            prompt,
            session: form.session.as_deref().map(id).transpose()?,
            intention: form.intention,
            text: form.text,
            private: form.private,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::EntryDraft;
    use crate::domain::RecordId;
    use chrono::{TimeZone, Utc};

    #[test]
    fn an_entry_round_trips_through_its_stored_form() {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 21, 4, 5).unwrap();
        let draft = EntryDraft {
            text: "Light. \"Quotes\", <b>tags</b> and émoji 🌅".into(),
            prompt: Some(PromptRef { id: "dose-word".into(), text: "One word for right now.".into() }),
            session: Some(RecordId::generate(at.timestamp_millis() - 1, 9)),
            intention: true,
            private: true,
        };
        let entry =
            JournalEntry::new(RecordId::generate(at.timestamp_millis(), 42), at, Stage::Dosing, draft)
                .unwrap();
        let back = JournalEntry::from_json(&entry.to_json(), entry.id.as_str()).unwrap();
        assert_eq!(back, entry);
    }

    #[test]
    fn the_stored_form_is_stable() {
        let json =
            r#"{"id":"mi2k0x8g-0000016","c":1764104645000,"e":1764104645000,"s":"follow-up","t":"hello"}"#;
        let entry = JournalEntry::from_json(json, "mi2k0x8g-0000016").unwrap();
        assert_eq!(entry.stage, Stage::FollowUp);
        assert!(!entry.private && !entry.intention);
        assert_eq!((entry.prompt.clone(), entry.session.clone()), (None, None));
        assert_eq!(entry.to_json(), json);
    }

    #[test]
    fn bad_records_are_classified() {
        let parse = |json: &str, key: &str| JournalEntry::from_json(json, key);
        assert!(matches!(parse("not json", "a"), Err(RecordError::Malformed(_))));
        assert!(matches!(parse(r#"{"id":"a"}"#, "a"), Err(RecordError::Malformed(_))));
        let bad_id = r#"{"id":"A B","c":1,"e":1,"s":"dosing","t":"x"}"#;
        assert!(matches!(parse(bad_id, "A B"), Err(RecordError::Invalid(_))));
        let bad_time = r#"{"id":"a","c":9223372036854775807,"e":1,"s":"dosing","t":"x"}"#;
        assert!(matches!(parse(bad_time, "a"), Err(RecordError::Invalid(_))));
        let other_key = r#"{"id":"a","c":1,"e":1,"s":"dosing","t":"x"}"#;
        assert!(matches!(parse(other_key, "b"), Err(RecordError::Invalid(_))));
        let bad_link = r#"{"id":"a","c":1,"e":1,"s":"dosing","si":"../x","t":"x"}"#;
        assert!(matches!(parse(bad_link, "a"), Err(RecordError::Invalid(_))));
    }
}
