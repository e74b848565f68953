//! `{ns}:w:{id}`: the patient's plan for staying well.

use super::fields::{Fields, Item};
use super::{day, id, time, RecordError, Stored};
use crate::domain::{MoodThreshold, StayingWellPlan};
use chrono::NaiveDate;
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// The stored shape of a [`StayingWellPlan`]: its four answers in order, and the thresholds
/// as `[below, days]` and a score, absent when not set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct StayingWellPlanForm {
    id: String,
    #[serde(rename = "pt")]
    parts: [String; 4],
    #[serde(rename = "mo", default, skip_serializing_if = "Option::is_none")]
    mood: Option<[u8; 2]>,
    #[serde(rename = "pq", default, skip_serializing_if = "Option::is_none")]
    phq9: Option<u8>,
    #[serde(
        rename = "qu",
        with = "super::iso_day::option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    quiet_until: Option<NaiveDate>,
    #[serde(rename = "e")]
    edited: i64,
}

impl Stored for StayingWellPlan {
    const TAG: char = 'w';
    type Form = StayingWellPlanForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let mut f = Fields::read(json, &["id", "pt", "mo", "pq", "qu", "e"])?;
        Ok(StayingWellPlanForm {
            id: f.text("id")?,
            parts: f.exactly("pt", Item::text)?,
            mood: f.opt_exactly("mo", Item::whole)?,
            phq9: f.opt_whole("pq")?,
            quiet_until: f.opt_day("qu")?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> StayingWellPlanForm {
        StayingWellPlanForm {
            id: self.id.as_str().to_owned(),
            parts: self.parts.clone(),
            mood: self.mood.map(|m| [m.below, m.days]),
            phq9: self.phq9,
            quiet_until: self.quiet_until,
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: StayingWellPlanForm) -> Result<Self, RecordError> {
        let plan = StayingWellPlan {
            id: id(&form.id)?,
            parts: form.parts,
            mood: form.mood.map(|[below, days]| MoodThreshold { below, days }),
            phq9: form.phq9,
            quiet_until: form.quiet_until.map(day).transpose()?,
            edited: time(form.edited)?,
        };
        plan.validate().map_err(|e| RecordError::Invalid(e.to_string()))?;
        Ok(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RecordId;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_plan_round_trips_and_a_bad_threshold_is_refused() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let mut plan = StayingWellPlan::start(RecordId::generate(1, 1), at);
        assert_eq!(
            plan.to_json(),
            format!(r#"{{"id":"{}","pt":["","","",""],"e":{}}}"#, plan.id.as_str(), at.timestamp_millis())
        );
        plan.parts[0] = "I stop answering messages".into();
        plan.mood = Some(MoodThreshold { below: 4, days: 5 });
        plan.phq9 = Some(10);
        plan.quiet_until = NaiveDate::from_ymd_opt(2026, 12, 10);
        assert_eq!(StayingWellPlan::from_json(&plan.to_json(), plan.id.as_str()), Ok(plan.clone()));
        let bad = plan.to_json().replace(r#""pq":10"#, r#""pq":40"#);
        assert!(matches!(StayingWellPlan::from_json(&bad, plan.id.as_str()), Err(RecordError::Invalid(_))));
        let bad = plan.to_json().replace(r#""mo":[4,5]"#, r#""mo":[4]"#);
        assert!(matches!(StayingWellPlan::from_json(&bad, plan.id.as_str()), Err(RecordError::Malformed(_))));
    }
}
