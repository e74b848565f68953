//! `{ns}:f:{id}`: an after-effects log for one session.

use super::fields::{Fields, Item};
use super::{id, time, RecordError, Stored};
use crate::domain::{AfterEffects, Level, Reading, Sleep};
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// A reading as stored: `[systolic, diastolic, pulse]`, each possibly null.
type ReadingForm = [Option<u16>; 3];

fn reading_form(r: &Reading) -> Option<ReadingForm> {
    (!r.is_empty()).then_some([r.systolic, r.diastolic, r.pulse])
}

fn reading(form: Option<ReadingForm>) -> Reading {
    let [systolic, diastolic, pulse] = form.unwrap_or_default();
    Reading { systolic, diastolic, pulse }
}

/// The stored shape of an [`AfterEffects`] log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct AfterEffectsForm {
    id: String,
    #[serde(rename = "si")]
    session: String,
    at: i64,
    /// Nausea, headache, dizziness, dissociation.
    #[serde(rename = "lv")]
    levels: [Level; 4],
    #[serde(rename = "w", default, skip_serializing_if = "String::is_empty")]
    words: String,
    #[serde(rename = "sl", default, skip_serializing_if = "Option::is_none")]
    sleep: Option<Sleep>,
    #[serde(rename = "bp", default, skip_serializing_if = "std::ops::Not::not")]
    bladder_pain: bool,
    #[serde(rename = "ur", default, skip_serializing_if = "std::ops::Not::not")]
    urgency: bool,
    #[serde(rename = "rf", default, skip_serializing_if = "Vec::is_empty")]
    flags: Vec<String>,
    #[serde(rename = "o", default, skip_serializing_if = "String::is_empty")]
    other: String,
    #[serde(rename = "vb", default, skip_serializing_if = "Option::is_none")]
    before: Option<ReadingForm>,
    #[serde(rename = "va", default, skip_serializing_if = "Option::is_none")]
    after: Option<ReadingForm>,
    #[serde(rename = "e")]
    edited: i64,
}

impl Stored for AfterEffects {
    const TAG: char = 'f';
    type Form = AfterEffectsForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let names = &["id", "si", "at", "lv", "w", "sl", "bp", "ur", "rf", "o", "vb", "va", "e"];
        let mut f = Fields::read(json, names)?;
        Ok(AfterEffectsForm {
            id: f.text("id")?,
            session: f.text("si")?,
            at: f.whole("at")?,
            levels: f.exactly("lv", |item| item.name(Level::from_stored_name))?,
            words: f.text_or_empty("w")?,
            sleep: f.opt_name("sl", Sleep::from_stored_name)?,
            bladder_pain: f.flag("bp")?,
            urgency: f.flag("ur")?,
            flags: f.texts("rf")?,
            other: f.text_or_empty("o")?,
            before: f.opt_exactly("vb", Item::opt_whole)?,
            after: f.opt_exactly("va", Item::opt_whole)?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> AfterEffectsForm {
        AfterEffectsForm {
            id: self.id.as_str().to_owned(),
            session: self.session.as_str().to_owned(),
            at: self.at.timestamp_millis(),
            levels: self.levels,
            words: self.words.clone(),
            sleep: self.sleep,
            bladder_pain: self.bladder_pain,
            urgency: self.urgency,
            flags: self.flags.clone(),
            other: self.other.clone(),
            before: reading_form(&self.before),
            after: reading_form(&self.after),
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: AfterEffectsForm) -> Result<Self, RecordError> {
        let log = AfterEffects {
            id: id(&form.id)?,
            session: id(&form.session)?,
            at: time(form.at)?,
            levels: form.levels,
            words: form.words,
            sleep: form.sleep,
            bladder_pain: form.bladder_pain,
            urgency: form.urgency,
            flags: form.flags,
            other: form.other,
            before: reading(form.before),
            after: reading(form.after),
            edited: time(form.edited)?,
        };
        log.validate().map_err(RecordError::Invalid)?;
        Ok(log)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RecordId;
    use chrono::{TimeZone, Utc};

    #[test]
    fn after_effects_round_trip_and_typing_errors_are_refused() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let mut log = AfterEffects::new(RecordId::generate(1, 1), RecordId::generate(2, 2), at);
        log.levels = [Level::Mild, Level::None, Level::Strong, Level::None];
        log.sleep = Some(Sleep::Poorly);
        log.flags = vec!["blood-in-urine".into()];
        log.after = Reading { systolic: Some(130), diastolic: Some(85), pulse: None };
        let json = log.to_json();
        assert!(json.contains(r#""lv":["mild","none","strong","none"]"#), "{json}");
        assert!(json.contains(r#""va":[130,85,null]"#) && !json.contains("vb"), "{json}");
        assert_eq!(AfterEffects::from_json(&json, log.id.as_str()), Ok(log.clone()));
        let mistyped = json.replace("[130,85,null]", "[1300,85,null]");
        assert!(matches!(AfterEffects::from_json(&mistyped, log.id.as_str()), Err(RecordError::Invalid(_))));
    }
}
