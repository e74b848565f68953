//! `{ns}:g:{id}`, `{ns}:r:{id}` and `{ns}:l:{id}`: goals, their ratings, and links from a
//! goal to an intention, insight or step.

use super::fields::{Fields, Item};
use super::{id, time, RecordError, Stored};
use crate::domain::goal::Wording;
use crate::domain::{Goal, GoalLink, GoalRating, GoalStatus, LinkTarget};
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// An earlier wording, stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct WordingForm {
    #[serde(rename = "t")]
    text: String,
    #[serde(rename = "sg", default, skip_serializing_if = "String::is_empty")]
    sign: String,
    #[serde(rename = "u")]
    until: i64,
}

/// The stored shape of a [`Goal`]; `st` is absent while open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct GoalForm {
    id: String,
    #[serde(rename = "t")]
    text: String,
    #[serde(rename = "sg", default, skip_serializing_if = "String::is_empty")]
    sign: String,
    #[serde(rename = "st", default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    #[serde(rename = "cl", default, skip_serializing_if = "Option::is_none")]
    closed: Option<i64>,
    #[serde(rename = "w", default, skip_serializing_if = "Vec::is_empty")]
    earlier: Vec<WordingForm>,
    #[serde(rename = "c")]
    created: i64,
    #[serde(rename = "e")]
    edited: i64,
}

/// The names kept in an earlier wording.
const WORDING: &[&str] = &["t", "sg", "u"];

/// An earlier wording, from the goal's list `w`.
fn wording(item: Item) -> Result<WordingForm, String> {
    let mut w = item.object(WORDING)?;
    Ok(WordingForm { text: w.text("t")?, sign: w.text_or_empty("sg")?, until: w.whole("u")? })
}

fn invalid(e: impl ToString) -> RecordError {
    RecordError::Invalid(e.to_string())
}

impl Stored for Goal {
    const TAG: char = 'g';
    type Form = GoalForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let names = &["id", "t", "sg", "st", "cl", "w", "c", "e"];
        let mut f = Fields::read_nested(json, names, &[("w", WORDING)])?;
        Ok(GoalForm {
            id: f.text("id")?,
            text: f.text("t")?,
            sign: f.text_or_empty("sg")?,
            status: f.opt_text("st")?,
            closed: f.opt_whole("cl")?,
            earlier: f.list("w")?.unwrap_or_default().into_iter().map(wording).collect::<Result<_, _>>()?,
            created: f.whole("c")?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> GoalForm {
        GoalForm {
            id: self.id.as_str().to_owned(),
            text: self.text.clone(),
            sign: self.sign.clone(),
            status: (!self.is_open()).then(|| self.status.slug().to_owned()),
            closed: self.closed.map(|t| t.timestamp_millis()),
            earlier: self
                .earlier
                .iter()
                .map(|w| WordingForm {
                    text: w.text.clone(),
                    sign: w.sign.clone(),
                    until: w.until.timestamp_millis(),
                })
                .collect(),
            created: self.created.timestamp_millis(),
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: GoalForm) -> Result<Self, RecordError> {
        let status = match form.status.as_deref() {
            None => GoalStatus::Open,
            Some(s) => GoalStatus::from_slug(s).ok_or_else(|| invalid(format!("goal status {s:?}")))?,
        };
        let earlier = form
            .earlier
            .into_iter()
            .map(|w| Ok(Wording { text: w.text, sign: w.sign, until: time(w.until)? }))
            .collect::<Result<Vec<_>, RecordError>>()?;
        let goal = Goal {
            id: id(&form.id)?,
            text: form.text,
            sign: form.sign,
            status,
            closed: form.closed.map(time).transpose()?,
            earlier,
            created: time(form.created)?,
            edited: time(form.edited)?,
        };
        goal.validate().map_err(invalid)?;
        Ok(goal)
    }
}

/// The stored shape of a [`GoalRating`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct RatingForm {
    id: String,
    #[serde(rename = "g")]
    goal: String,
    #[serde(rename = "at")]
    at: i64,
    #[serde(rename = "sc")]
    score: u8,
    #[serde(rename = "t", default, skip_serializing_if = "String::is_empty")]
    words: String,
    #[serde(rename = "rv", default, skip_serializing_if = "std::ops::Not::not")]
    review: bool,
    #[serde(rename = "e")]
    edited: i64,
}

impl Stored for GoalRating {
    const TAG: char = 'r';
    type Form = RatingForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let mut f = Fields::read(json, &["id", "g", "at", "sc", "t", "rv", "e"])?;
        Ok(RatingForm {
            id: f.text("id")?,
            goal: f.text("g")?,
            at: f.whole("at")?,
            score: f.whole("sc")?,
            words: f.text_or_empty("t")?,
            review: f.flag("rv")?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> RatingForm {
        RatingForm {
            id: self.id.as_str().to_owned(),
            goal: self.goal.as_str().to_owned(),
            at: self.at.timestamp_millis(),
            score: self.score,
            words: self.words.clone(),
            review: self.review,
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: RatingForm) -> Result<Self, RecordError> {
        let rating = GoalRating {
            id: id(&form.id)?,
            goal: id(&form.goal)?,
            at: time(form.at)?,
            score: form.score,
            words: form.words,
            review: form.review,
            edited: time(form.edited)?,
        };
        rating.validate().map_err(invalid)?;
        Ok(rating)
    }
}

/// The stored shape of a [`GoalLink`]: `to` is `intention`, `insight` or `step`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct LinkForm {
    id: String,
    #[serde(rename = "g")]
    goal: String,
    to: String,
    #[serde(rename = "r")]
    record: String,
    #[serde(rename = "e")]
    edited: i64,
}

impl Stored for GoalLink {
    const TAG: char = 'l';
    type Form = LinkForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let mut f = Fields::read(json, &["id", "g", "to", "r", "e"])?;
        Ok(LinkForm {
            id: f.text("id")?,
            goal: f.text("g")?,
            to: f.text("to")?,
            record: f.text("r")?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> LinkForm {
        LinkForm {
            id: self.id.as_str().to_owned(),
            goal: self.goal.as_str().to_owned(),
            to: self.target.slug().to_owned(),
            record: self.record.as_str().to_owned(),
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: LinkForm) -> Result<Self, RecordError> {
        Ok(GoalLink {
            id: id(&form.id)?,
            goal: id(&form.goal)?,
            target: LinkTarget::from_slug(&form.to)
                .ok_or_else(|| invalid(format!("link to {:?}", form.to)))?,
            record: id(&form.record)?,
            edited: time(form.edited)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Journal, RecordId};
    use chrono::{TimeZone, Utc};

    #[test]
    fn goals_ratings_and_links_round_trip() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let j = Journal::default();
        let goal = Goal::new(RecordId::generate(1, 1), at, &j, "Sleep through the night", "").unwrap();
        let json = goal.to_json();
        assert!(!json.contains("st") && !json.contains("sg"), "an open goal stores no status: {json}");
        assert_eq!(Goal::from_json(&json, goal.id.as_str()), Ok(goal.clone()));
        let later = at + chrono::Duration::days(30);
        let changed = goal
            .reworded(later, "Sleep six hours", "Fewer naps")
            .unwrap()
            .with_status(later, GoalStatus::Achieved, &j)
            .unwrap();
        assert_eq!(Goal::from_json(&changed.to_json(), goal.id.as_str()), Ok(changed.clone()));
        let rating = GoalRating::new(RecordId::generate(2, 2), at, &goal.id, 4, "Some nights", true).unwrap();
        assert_eq!(GoalRating::from_json(&rating.to_json(), rating.id.as_str()), Ok(rating.clone()));
        let too_high = rating.to_json().replace(r#""sc":4"#, r#""sc":11"#);
        assert!(matches!(GoalRating::from_json(&too_high, rating.id.as_str()), Err(RecordError::Invalid(_))));
        let link = GoalLink {
            id: RecordId::generate(3, 3),
            goal: goal.id.clone(),
            target: LinkTarget::Step,
            record: RecordId::generate(4, 4),
            edited: at,
        };
        assert_eq!(GoalLink::from_json(&link.to_json(), link.id.as_str()), Ok(link.clone()));
        let odd = link.to_json().replace("\"step\"", "\"dream\"");
        assert!(matches!(GoalLink::from_json(&odd, link.id.as_str()), Err(RecordError::Invalid(_))));
    }
}
