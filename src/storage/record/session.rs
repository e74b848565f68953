//! `{ns}:s:{id}`: one dosing session.

use super::{id, time, RecordError, Stored};
use crate::domain::{DosingSession, Route};
use serde::{Deserialize, Serialize};

/// The stored shape of a [`DosingSession`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
