//! `{ns}:p:{id}`: a session day (planned time, checklist ticks, medicines tick), and
//! `{ns}:d:{id}`: a medicine on the patient's list.

use super::fields::Fields;
use super::{id, time, RecordError, Stored};
use crate::domain::{Medicine, SessionDay};
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// The stored shape of a [`SessionDay`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct SessionDayForm {
    id: String,
    at: i64,
    #[serde(rename = "si", default, skip_serializing_if = "Option::is_none")]
    session: Option<String>,
    #[serde(rename = "tk", default, skip_serializing_if = "Vec::is_empty")]
    ticked: Vec<String>,
    #[serde(rename = "md", default, skip_serializing_if = "std::ops::Not::not")]
    medicines_as_asked: bool,
    #[serde(rename = "mn", default, skip_serializing_if = "String::is_empty")]
    medicines_note: String,
    #[serde(rename = "e")]
    edited: i64,
}

impl Stored for SessionDay {
    const TAG: char = 'p';
    type Form = SessionDayForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let mut f = Fields::read(json, &["id", "at", "si", "tk", "md", "mn", "e"])?;
        Ok(SessionDayForm {
            id: f.text("id")?,
            at: f.whole("at")?,
            session: f.opt_text("si")?,
            ticked: f.texts("tk")?,
            medicines_as_asked: f.flag("md")?,
            medicines_note: f.text_or_empty("mn")?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> SessionDayForm {
        SessionDayForm {
            id: self.id.as_str().to_owned(),
            at: self.at.timestamp_millis(),
            session: self.session.as_ref().map(|s| s.as_str().to_owned()),
            ticked: self.ticked.clone(),
            medicines_as_asked: self.medicines_as_asked,
            medicines_note: self.medicines_note.clone(),
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: SessionDayForm) -> Result<Self, RecordError> {
        let day = SessionDay {
            id: id(&form.id)?,
            at: time(form.at)?,
            session: form.session.as_deref().map(id).transpose()?,
            ticked: form.ticked,
            medicines_as_asked: form.medicines_as_asked,
            medicines_note: form.medicines_note,
            edited: time(form.edited)?,
        };
        day.validate().map_err(|e| RecordError::Invalid(e.to_string()))?;
        Ok(day)
    }
}

/// The stored shape of a [`Medicine`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct MedicineForm {
    id: String,
    #[serde(rename = "n")]
    name: String,
    #[serde(rename = "ds", default, skip_serializing_if = "String::is_empty")]
    dose: String,
    #[serde(rename = "hf", default, skip_serializing_if = "String::is_empty")]
    how_often: String,
    #[serde(rename = "nt", default, skip_serializing_if = "String::is_empty")]
    note: String,
    #[serde(rename = "c")]
    created: i64,
    #[serde(rename = "e")]
    edited: i64,
}

impl Stored for Medicine {
    const TAG: char = 'd';
    type Form = MedicineForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let mut f = Fields::read(json, &["id", "n", "ds", "hf", "nt", "c", "e"])?;
        Ok(MedicineForm {
            id: f.text("id")?,
            name: f.text("n")?,
            dose: f.text_or_empty("ds")?,
            how_often: f.text_or_empty("hf")?,
            note: f.text_or_empty("nt")?,
            created: f.whole("c")?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> MedicineForm {
        MedicineForm {
            id: self.id.as_str().to_owned(),
            name: self.name.clone(),
            dose: self.dose.clone(),
            how_often: self.how_often.clone(),
            note: self.note.clone(),
            created: self.created.timestamp_millis(),
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: MedicineForm) -> Result<Self, RecordError> {
        let medicine = Medicine {
            id: id(&form.id)?,
            name: form.name,
            dose: form.dose,
            how_often: form.how_often,
            note: form.note,
            created: time(form.created)?,
            edited: time(form.edited)?,
        };
        medicine.validate().map_err(|e| RecordError::Invalid(e.to_string()))?;
        Ok(medicine)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RecordId;
    use chrono::{TimeZone, Utc};

    #[test]
    fn session_days_and_medicines_round_trip() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let mut day = SessionDay::planned(RecordId::generate(1, 1), at, at).with_tick("ride-home", true, at);
        day.session = Some(RecordId::generate(2, 2));
        day.medicines_as_asked = true;
        day.medicines_note = "Held my evening dose, as asked".into();
        let json = day.to_json();
        assert!(json.contains(r#""tk":["ride-home"]"#) && json.contains(r#""md":true"#), "{json}");
        assert_eq!(SessionDay::from_json(&json, day.id.as_str()), Ok(day.clone()));
        let bare = SessionDay::planned(RecordId::generate(3, 3), at, at);
        assert!(!bare.to_json().contains("tk"));
        let m = Medicine {
            id: RecordId::generate(4, 4),
            name: "Sertraline".into(),
            dose: "50 mg".into(),
            how_often: "every morning".into(),
            note: String::new(),
            created: at,
            edited: at,
        };
        assert_eq!(Medicine::from_json(&m.to_json(), m.id.as_str()), Ok(m.clone()));
        let nameless = m.to_json().replace("Sertraline", " ");
        assert!(matches!(Medicine::from_json(&nameless, m.id.as_str()), Err(RecordError::Invalid(_))));
    }
}
