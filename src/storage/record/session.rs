//! `{ns}:s:{id}`: one dosing session.

use super::fields::Fields;
use super::{id, time, RecordError, Stored};
use crate::domain::{DosingSession, Route};
use serde::Serialize;

/// The stored shape of a [`DosingSession`]. Read by [`Fields`] (the first screen reads
/// sessions); serde's derive stays for the test that reads both ways.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct SessionForm {
    id: String,
    at: i64,
    #[serde(rename = "n")]
    number: u32,
    #[serde(rename = "r")]
    route: Route,
    #[serde(rename = "in", default, skip_serializing_if = "String::is_empty")]
    intention: String,
    #[serde(rename = "set", default, skip_serializing_if = "String::is_empty")]
    setting: String,
    #[serde(rename = "mb", default, skip_serializing_if = "Option::is_none")]
    mood_before: Option<u8>,
    #[serde(rename = "ma", default, skip_serializing_if = "Option::is_none")]
    mood_after: Option<u8>,
    #[serde(rename = "e")]
    edited: i64,
}

impl Stored for DosingSession {
    const TAG: char = 's';
    type Form = SessionForm;

    fn read_form(json: &str) -> Result<SessionForm, String> {
        let mut f = Fields::read(json, &["id", "at", "n", "r", "in", "set", "mb", "ma", "e"])?;
        Ok(SessionForm {
            id: f.text("id")?,
            at: f.whole("at")?,
            number: f.whole("n")?,
            route: f.name("r", Route::from_stored_name)?,
            intention: f.text_or_empty("in")?,
            setting: f.text_or_empty("set")?,
            mood_before: f.opt_whole("mb")?,
            mood_after: f.opt_whole("ma")?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> SessionForm {
        SessionForm {
            id: self.id.as_str().to_owned(),
            at: self.at.timestamp_millis(),
            number: self.number,
            route: self.route,
            intention: self.intention.clone(),
            setting: self.setting.clone(),
            mood_before: self.mood_before,
            mood_after: self.mood_after,
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: SessionForm) -> Result<Self, RecordError> {
        let session = DosingSession {
            id: id(&form.id)?,
            at: time(form.at)?,
            number: form.number,
            route: form.route,
            intention: form.intention,
            setting: form.setting,
            mood_before: form.mood_before,
            mood_after: form.mood_after,
            edited: time(form.edited)?,
        };
        session.validate().map_err(|e| RecordError::Invalid(e.to_string()))?;
        Ok(session)
    }
}
