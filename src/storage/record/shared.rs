//! `{ns}:h:{id}`: a summary that left the app (when, the period, the sections, the way;
//! never its content).

use super::fields::Fields;
use super::{day, id, time, RecordError, Stored};
use crate::domain::{SharedSummary, Way};
use chrono::NaiveDate;
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// The stored shape of a [`SharedSummary`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct SharedSummaryForm {
    id: String,
    at: i64,
    #[serde(rename = "f", with = "super::iso_day")]
    from: NaiveDate,
    #[serde(rename = "t", with = "super::iso_day")]
    to: NaiveDate,
    #[serde(rename = "sc", default, skip_serializing_if = "Vec::is_empty")]
    sections: Vec<String>,
    #[serde(rename = "w")]
    way: String,
    #[serde(rename = "e")]
    edited: i64,
}

impl Stored for SharedSummary {
    const TAG: char = 'h';
    type Form = SharedSummaryForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let mut f = Fields::read(json, &["id", "at", "f", "t", "sc", "w", "e"])?;
        Ok(SharedSummaryForm {
            id: f.text("id")?,
            at: f.whole("at")?,
            from: f.day("f")?,
            to: f.day("t")?,
            sections: f.texts("sc")?,
            way: f.text("w")?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> SharedSummaryForm {
        SharedSummaryForm {
            id: self.id.as_str().to_owned(),
            at: self.at.timestamp_millis(),
            from: self.from,
            to: self.to,
            sections: self.sections.clone(),
            way: self.way.slug().to_owned(),
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: SharedSummaryForm) -> Result<Self, RecordError> {
        let shared = SharedSummary {
            id: id(&form.id)?,
            at: time(form.at)?,
            from: day(form.from)?,
            to: day(form.to)?,
            sections: form.sections,
            way: Way::from_slug(&form.way)
                .ok_or_else(|| RecordError::Invalid(format!("way {:?} unknown", form.way)))?,
            edited: time(form.edited)?,
        };
        shared.validate().map_err(RecordError::Invalid)?;
        Ok(shared)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RecordId;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_shared_summary_round_trips_and_an_unknown_way_is_refused() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let s = SharedSummary {
            id: RecordId::generate(1, 1),
            at,
            from: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
            sections: vec!["sessions".into(), "goals".into()],
            way: Way::Print,
            edited: at,
        };
        let json = s.to_json();
        assert!(
            json.contains(r#""f":"2026-11-20","t":"2026-12-03","sc":["sessions","goals"],"w":"print""#),
            "{json}"
        );
        assert_eq!(SharedSummary::from_json(&json, s.id.as_str()), Ok(s.clone()));
        let bad = json.replace(r#""w":"print""#, r#""w":"fax""#);
        assert!(matches!(SharedSummary::from_json(&bad, s.id.as_str()), Err(RecordError::Invalid(_))));
    }
}
