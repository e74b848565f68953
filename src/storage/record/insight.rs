//! `{ns}:i:{id}` and `{ns}:a:{id}`: insights and action steps.

use super::fields::Fields;
use super::{day, id, time, RecordError, Stored};
use crate::domain::{ActionStep, Insight};
use chrono::NaiveDate;
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// The stored shape of an [`Insight`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct InsightForm {
    id: String,
    #[serde(rename = "en")]
    entry: String,
    #[serde(rename = "q")]
    quote: String,
    #[serde(rename = "c")]
    created: i64,
    #[serde(rename = "e")]
    edited: i64,
}

impl Stored for Insight {
    const TAG: char = 'i';
    type Form = InsightForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let mut f = Fields::read(json, &["id", "en", "q", "c", "e"])?;
        Ok(InsightForm {
            id: f.text("id")?,
            entry: f.text("en")?,
            quote: f.text("q")?,
            created: f.whole("c")?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> InsightForm {
        InsightForm {
            id: self.id.as_str().to_owned(),
            entry: self.entry.as_str().to_owned(),
            quote: self.quote.clone(),
            created: self.created.timestamp_millis(),
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: InsightForm) -> Result<Self, RecordError> {
        if form.quote.trim().is_empty() {
            return Err(RecordError::Invalid("empty quote".into()));
        }
        Ok(Insight {
            id: id(&form.id)?,
            entry: id(&form.entry)?,
            quote: form.quote,
            created: time(form.created)?,
            edited: time(form.edited)?,
        })
    }
}

/// The stored shape of an [`ActionStep`]; `due` is an ISO date (`2026-11-30`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct StepForm {
    id: String,
    #[serde(rename = "ins", default, skip_serializing_if = "Option::is_none")]
    insight: Option<String>,
    #[serde(rename = "t")]
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    done: Option<i64>,
    #[serde(rename = "c")]
    created: i64,
    #[serde(rename = "e")]
    edited: i64,
    #[serde(rename = "ar", default, skip_serializing_if = "Option::is_none")]
    area: Option<String>,
}

impl Stored for ActionStep {
    const TAG: char = 'a';
    type Form = StepForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let mut f = Fields::read(json, &["id", "ins", "t", "due", "d", "c", "e", "ar"])?;
        Ok(StepForm {
            id: f.text("id")?,
            insight: f.opt_text("ins")?,
            text: f.text("t")?,
            due: f.opt_text("due")?,
            done: f.opt_whole("d")?,
            created: f.whole("c")?,
            edited: f.whole("e")?,
            area: f.opt_text("ar")?,
        })
    }

    fn to_form(&self) -> StepForm {
        StepForm {
            id: self.id.as_str().to_owned(),
            insight: self.insight.as_ref().map(|i| i.as_str().to_owned()),
            text: self.text.clone(),
            due: self.due.map(crate::domain::iso::day),
            done: self.done.map(|d| d.timestamp_millis()),
            created: self.created.timestamp_millis(),
            edited: self.edited.timestamp_millis(),
            area: self.area.map(|a| a.code().to_owned()),
        }
    }

    fn from_form(form: StepForm) -> Result<Self, RecordError> {
        if form.text.trim().is_empty() {
            return Err(RecordError::Invalid("empty step".into()));
        }
        let area = match form.area.as_deref() {
            None => None,
            Some(code) => Some(
                crate::domain::insight::Area::from_code(code)
                    .ok_or_else(|| RecordError::Invalid(format!("area of life {code:?}")))?,
            ),
        };
        Ok(ActionStep {
            id: id(&form.id)?,
            insight: form.insight.as_deref().map(id).transpose()?,
            text: form.text,
            due: form.due.as_deref().map(due_day).transpose()?,
            done: form.done.map(time).transpose()?,
            created: time(form.created)?,
            edited: time(form.edited)?,
            area,
        })
    }
}

/// A stored due day: `YYYY-MM-DD` in the years a journal holds.
fn due_day(text: &str) -> Result<NaiveDate, RecordError> {
    day(crate::domain::iso::parse_day(text)
        .ok_or_else(|| RecordError::Invalid(format!("due date {text:?}")))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RecordId;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_steps_area_of_life_round_trips_and_an_unknown_one_is_refused_not_dropped() {
        use crate::domain::insight::Area;
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();
        let step = ActionStep::new(RecordId::generate(2, 2), at, None, "Walk by the river", None).unwrap();
        let later = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
        for area in Area::ALL {
            let tagged = step.with_area(later, Some(area));
            assert_eq!(ActionStep::from_json(&tagged.to_json(), step.id.as_str()), Ok(tagged.clone()));
            assert!(tagged.to_json().contains(&format!("\"ar\":\"{}\"", area.code())));
        }
        assert!(!step.to_json().contains("\"ar\""), "no area, no key: older versions read it as before");
        let unknown = step.to_json().replace("\"t\":", "\"ar\":\"dreams\",\"t\":");
        assert!(ActionStep::from_json(&unknown, step.id.as_str()).is_err());
    }

    #[test]
    fn insights_and_steps_round_trip() {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();
        let insight = Insight {
            id: RecordId::generate(1, 1),
            entry: RecordId::generate(0, 0),
            quote: "I am allowed to rest.".into(),
            created: at,
            edited: at,
        };
        assert_eq!(Insight::from_json(&insight.to_json(), insight.id.as_str()), Ok(insight.clone()));
        let step = ActionStep::new(
            RecordId::generate(2, 2),
            at,
            Some(insight.id),
            "Rest on Sunday",
            NaiveDate::from_ymd_opt(2026, 11, 29),
        )
        .unwrap()
        .set_done(at, true);
        let json = step.to_json();
        assert!(json.contains(r#""due":"2026-11-29""#), "{json}");
        assert_eq!(ActionStep::from_json(&json, step.id.as_str()), Ok(step));
    }
}
