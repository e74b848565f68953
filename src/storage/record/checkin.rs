//! `{ns}:c:{id}` and `{ns}:q:{id}`: mood check-ins and questionnaire results.

use super::fields::{Fields, Item};
use super::{id, time, RecordError, Stored};
use crate::domain::{CheckIn, Instrument, QuestionnaireResult, Stage};
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// The stored shape of a [`CheckIn`]; sleep is in half hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct CheckInForm {
    id: String,
    at: i64,
    #[serde(rename = "s")]
    stage: Stage,
    #[serde(rename = "m")]
    mood: u8,
    #[serde(rename = "a")]
    anxiety: u8,
    #[serde(rename = "en")]
    energy: u8,
    #[serde(rename = "sl", default, skip_serializing_if = "Option::is_none")]
    sleep: Option<u8>,
    #[serde(rename = "em", default, skip_serializing_if = "Vec::is_empty")]
    emotions: Vec<String>,
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    note: String,
    #[serde(rename = "e")]
    edited: i64,
}

impl Stored for CheckIn {
    const TAG: char = 'c';
    type Form = CheckInForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let mut f = Fields::read(json, &["id", "at", "s", "m", "a", "en", "sl", "em", "n", "e"])?;
        Ok(CheckInForm {
            id: f.text("id")?,
            at: f.whole("at")?,
            stage: f.name("s", Stage::from_stored_name)?,
            mood: f.whole("m")?,
            anxiety: f.whole("a")?,
            energy: f.whole("en")?,
            sleep: f.opt_whole("sl")?,
            emotions: f.texts("em")?,
            note: f.text_or_empty("n")?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> CheckInForm {
        CheckInForm {
            id: self.id.as_str().to_owned(),
            at: self.at.timestamp_millis(),
            stage: self.stage,
            mood: self.mood,
            anxiety: self.anxiety,
            energy: self.energy,
            sleep: self.sleep_half_hours,
            emotions: self.emotions.clone(),
            note: self.note.clone(),
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: CheckInForm) -> Result<Self, RecordError> {
        CheckIn {
            id: id(&form.id)?,
            at: time(form.at)?,
            stage: form.stage,
            mood: form.mood,
            anxiety: form.anxiety,
            energy: form.energy,
            sleep_half_hours: form.sleep,
            emotions: form.emotions,
            note: form.note,
            edited: time(form.edited)?,
        }
        .validated()
        .map_err(|e| RecordError::Invalid(e.to_string()))
    }
}

/// The stored shape of a [`QuestionnaireResult`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct ResultForm {
    id: String,
    #[serde(rename = "i")]
    instrument: Instrument,
    at: i64,
    #[serde(rename = "ans")]
    answers: Vec<u8>,
    #[serde(rename = "e")]
    edited: i64,
}

impl Stored for QuestionnaireResult {
    const TAG: char = 'q';
    type Form = ResultForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let mut f = Fields::read(json, &["id", "i", "at", "ans", "e"])?;
        Ok(ResultForm {
            id: f.text("id")?,
            instrument: f.name("i", Instrument::from_stored_name)?,
            at: f.whole("at")?,
            answers: f
                .list("ans")?
                .ok_or("missing field `ans`")?
                .into_iter()
                .map(Item::whole)
                .collect::<Result<_, _>>()?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> ResultForm {
        ResultForm {
            id: self.id.as_str().to_owned(),
            instrument: self.instrument,
            at: self.at.timestamp_millis(),
            answers: self.answers.clone(),
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: ResultForm) -> Result<Self, RecordError> {
        let answers: Vec<Option<u8>> = form.answers.iter().map(|a| Some(*a)).collect();
        let mut result =
            QuestionnaireResult::complete(id(&form.id)?, time(form.at)?, form.instrument, &answers)
                .map_err(|e| RecordError::Invalid(e.to_string()))?;
        result.edited = time(form.edited)?;
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RecordId;
    use chrono::DateTime;

    #[test]
    fn check_ins_and_results_round_trip_and_bad_ones_are_refused() {
        let at = DateTime::from_timestamp(1_764_000_000, 0).unwrap();
        let c = CheckIn {
            id: RecordId::generate(1, 1),
            at,
            stage: Stage::Dosing,
            mood: 7,
            anxiety: 2,
            energy: 6,
            sleep_half_hours: Some(15),
            emotions: vec!["calm".into()],
            note: "walked".into(),
            edited: at,
        };
        assert_eq!(CheckIn::from_json(&c.to_json(), c.id.as_str()), Ok(c.clone()));
        let bad = c.to_json().replace(r#""m":7"#, r#""m":70"#);
        assert!(CheckIn::from_json(&bad, c.id.as_str()).is_err());

        let answers = [Some(1), Some(2), Some(0), Some(3), Some(1), Some(0), Some(2), Some(1), Some(0)];
        let r =
            QuestionnaireResult::complete(RecordId::generate(2, 2), at, Instrument::Phq9, &answers).unwrap();
        let json = r.to_json();
        assert!(json.contains(r#""i":"phq9""#), "{json}");
        assert_eq!(QuestionnaireResult::from_json(&json, r.id.as_str()), Ok(r.clone()));
        let short = json.replace("[1,2,0,3,1,0,2,1,0]", "[1,2]");
        assert!(QuestionnaireResult::from_json(&short, r.id.as_str()).is_err());
    }
}
