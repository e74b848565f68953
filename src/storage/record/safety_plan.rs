//! `{ns}:y:{id}`: the patient's safety plan.

use super::fields::{Fields, Item};
use super::{id, time, RecordError, Stored};
use crate::domain::SafetyPlan;
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// The stored shape of a [`SafetyPlan`]: its six answers in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct SafetyPlanForm {
    id: String,
    #[serde(rename = "st")]
    steps: [String; 6],
    #[serde(rename = "e")]
    edited: i64,
}

impl Stored for SafetyPlan {
    const TAG: char = 'y';
    type Form = SafetyPlanForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let mut f = Fields::read(json, &["id", "st", "e"])?;
        Ok(SafetyPlanForm { id: f.text("id")?, steps: f.exactly("st", Item::text)?, edited: f.whole("e")? })
    }

    fn to_form(&self) -> SafetyPlanForm {
        SafetyPlanForm {
            id: self.id.as_str().to_owned(),
            steps: self.steps.clone(),
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: SafetyPlanForm) -> Result<Self, RecordError> {
        let plan = SafetyPlan { id: id(&form.id)?, steps: form.steps, edited: time(form.edited)? };
        plan.validate().map_err(RecordError::Invalid)?;
        Ok(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RecordId;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_safety_plan_round_trips() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let mut plan = SafetyPlan::start(
            RecordId::generate(1, 1),
            at,
            &crate::domain::default_resources(crate::i18n::Lang::En),
        );
        plan.steps[3] = "Sam: 555 0100".into();
        assert_eq!(SafetyPlan::from_json(&plan.to_json(), plan.id.as_str()), Ok(plan));
    }
}
