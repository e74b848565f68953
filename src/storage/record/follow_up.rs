//! `{ns}:b:{id}`: a follow-up check-in, with the figures as they were on the day.

use super::fields::{out_of_range, Fields, Item};
use super::{day, id, time, RecordError, Stored};
use crate::domain::follow_up::{Facts, FollowUpCheck, GoalThen, Then};
use chrono::NaiveDate;
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// A score then and now, stored: `s`/`a` the baseline and its day, `ns`/`na` the latest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct ThenForm {
    s: u8,
    #[serde(with = "super::iso_day")]
    a: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ns: Option<u8>,
    #[serde(with = "super::iso_day::option", default, skip_serializing_if = "Option::is_none")]
    na: Option<NaiveDate>,
}

/// A goal then and now, stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct GoalThenForm {
    g: String,
    t: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    a: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    b: Option<u8>,
}

/// The stored shape of a [`FollowUpCheck`]; mood figures are `[tenths, check-ins]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct FollowUpForm {
    id: String,
    at: i64,
    #[serde(rename = "wk", default, skip_serializing_if = "Option::is_none")]
    weeks_since: Option<u32>,
    #[serde(rename = "ls", default, skip_serializing_if = "Option::is_none")]
    last_session: Option<u32>,
    #[serde(rename = "pq", default, skip_serializing_if = "Option::is_none")]
    phq9: Option<ThenForm>,
    #[serde(rename = "mb", default, skip_serializing_if = "Option::is_none")]
    mood_before: Option<(u16, usize)>,
    #[serde(rename = "mr", default, skip_serializing_if = "Option::is_none")]
    mood_recent: Option<(u16, usize)>,
    #[serde(rename = "gl", default, skip_serializing_if = "Vec::is_empty")]
    goals: Vec<GoalThenForm>,
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    noticed: String,
    #[serde(rename = "d", default, skip_serializing_if = "String::is_empty")]
    discuss: String,
    #[serde(rename = "e")]
    edited: i64,
}

/// The names kept in the PHQ-9 figures.
const THEN: &[&str] = &["s", "a", "ns", "na"];
/// The names kept in a goal's rating then and now.
const GOAL_THEN: &[&str] = &["g", "t", "a", "b"];

/// The PHQ-9 figures then and now, from the object `pq`.
fn then(mut f: Fields) -> Result<ThenForm, String> {
    Ok(ThenForm { s: f.whole("s")?, a: f.day("a")?, ns: f.opt_whole("ns")?, na: f.opt_day("na")? })
}

/// A goal's rating then and now, from the list `gl`.
fn goal_then(item: Item) -> Result<GoalThenForm, String> {
    let mut f = item.object(GOAL_THEN)?;
    Ok(GoalThenForm { g: f.text("g")?, t: f.text("t")?, a: f.opt_whole("a")?, b: f.opt_whole("b")? })
}

/// A mood average and its number of check-ins, written `[mood, count]`.
fn pair(f: &mut Fields, name: &'static str) -> Result<Option<(u16, usize)>, String> {
    let Some([mood, count]) = f.opt_exactly::<i128, 2>(name, Item::whole)? else {
        return Ok(None);
    };
    Ok(Some((
        u16::try_from(mood).map_err(|_| out_of_range(name, mood))?,
        usize::try_from(count).map_err(|_| out_of_range(name, count))?,
    )))
}

impl Stored for FollowUpCheck {
    const TAG: char = 'b';
    type Form = FollowUpForm;

    fn read_form(json: &str) -> Result<Self::Form, String> {
        let names = &["id", "at", "wk", "ls", "pq", "mb", "mr", "gl", "n", "d", "e"];
        let mut f = Fields::read_nested(json, names, &[("pq", THEN), ("gl", GOAL_THEN)])?;
        Ok(FollowUpForm {
            id: f.text("id")?,
            at: f.whole("at")?,
            weeks_since: f.opt_whole("wk")?,
            last_session: f.opt_whole("ls")?,
            phq9: f.opt_object("pq", THEN)?.map(then).transpose()?,
            mood_before: pair(&mut f, "mb")?,
            mood_recent: pair(&mut f, "mr")?,
            goals: f.list("gl")?.unwrap_or_default().into_iter().map(goal_then).collect::<Result<_, _>>()?,
            noticed: f.text_or_empty("n")?,
            discuss: f.text_or_empty("d")?,
            edited: f.whole("e")?,
        })
    }

    fn to_form(&self) -> FollowUpForm {
        let f = &self.facts;
        FollowUpForm {
            id: self.id.as_str().to_owned(),
            at: self.at.timestamp_millis(),
            weeks_since: f.weeks_since,
            last_session: f.last_session,
            phq9: f.phq9.as_ref().map(|p| ThenForm {
                s: p.then.0,
                a: p.then.1,
                ns: p.now.map(|n| n.0),
                na: p.now.map(|n| n.1),
            }),
            mood_before: f.mood_before,
            mood_recent: f.mood_recent,
            goals: f
                .goals
                .iter()
                .map(|g| GoalThenForm {
                    g: g.goal.as_str().to_owned(),
                    t: g.text.clone(),
                    a: g.then,
                    b: g.now,
                })
                .collect(),
            noticed: self.noticed.clone(),
            discuss: self.discuss.clone(),
            edited: self.edited.timestamp_millis(),
        }
    }

    fn from_form(form: FollowUpForm) -> Result<Self, RecordError> {
        let phq9 = match form.phq9 {
            None => None,
            Some(p) => Some(Then {
                then: (p.s, day(p.a)?),
                now: match (p.ns, p.na) {
                    (Some(s), Some(a)) => Some((s, day(a)?)),
                    (None, None) => None,
                    _ => return Err(RecordError::Invalid("a latest score without its time".into())),
                },
            }),
        };
        let goals = form
            .goals
            .into_iter()
            .map(|g| Ok(GoalThen { goal: id(&g.g)?, text: g.t, then: g.a, now: g.b }))
            .collect::<Result<Vec<_>, RecordError>>()?;
        let check = FollowUpCheck {
            id: id(&form.id)?,
            at: time(form.at)?,
            facts: Facts {
                weeks_since: form.weeks_since,
                last_session: form.last_session,
                phq9,
                mood_before: form.mood_before,
                mood_recent: form.mood_recent,
                goals,
            },
            noticed: form.noticed,
            discuss: form.discuss,
            edited: time(form.edited)?,
        };
        check.validate().map_err(RecordError::Invalid)?;
        Ok(check)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RecordId;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_check_in_round_trips_with_its_figures() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let check = FollowUpCheck {
            id: RecordId::generate(1, 1),
            at,
            facts: Facts {
                weeks_since: Some(6),
                last_session: Some(4),
                phq9: Some(Then { then: (16, at.date_naive()), now: Some((6, at.date_naive())) }),
                mood_before: Some((30, 10)),
                mood_recent: Some((70, 12)),
                goals: vec![GoalThen {
                    goal: RecordId::generate(2, 2),
                    text: "Sleep".into(),
                    then: Some(2),
                    now: None,
                }],
            },
            noticed: "Sleeping better".into(),
            discuss: "Spacing sessions".into(),
            edited: at,
        };
        let json = check.to_json();
        assert_eq!(FollowUpCheck::from_json(&json, check.id.as_str()), Ok(check.clone()));
        let empty = FollowUpCheck {
            facts: Facts::default(),
            noticed: String::new(),
            discuss: String::new(),
            ..check.clone()
        };
        assert_eq!(
            empty.to_json(),
            format!(r#"{{"id":"{0}","at":{1},"e":{1}}}"#, check.id.as_str(), at.timestamp_millis())
        );
        let bad = json.replace(r#""ns":6,"#, "");
        assert!(matches!(FollowUpCheck::from_json(&bad, check.id.as_str()), Err(RecordError::Invalid(_))));
        let bad = json.replace(r#""mr":[70,12]"#, r#""mr":[170,12]"#);
        assert!(matches!(FollowUpCheck::from_json(&bad, check.id.as_str()), Err(RecordError::Invalid(_))));
        // Impossible scores from a file: a PHQ-9 of 200 at the baseline, or 99 now.
        assert!(json.contains(r#""ns":6,"#));
        let bad = json.replace(r#""ns":6,"#, r#""ns":99,"#);
        assert!(matches!(FollowUpCheck::from_json(&bad, check.id.as_str()), Err(RecordError::Invalid(_))));
        let pq = json.find(r#""pq":{"s":"#).expect("the PHQ-9 figure") + r#""pq":{"s":"#.len();
        let bad = format!("{}200{}", &json[..pq], &json[pq..].trim_start_matches(char::is_numeric));
        assert!(matches!(FollowUpCheck::from_json(&bad, check.id.as_str()), Err(RecordError::Invalid(_))));
    }
}
