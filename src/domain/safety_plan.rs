//! The patient's own safety plan: six steps, in Afterglow's words, following the
//! well-established safety-planning approach (Stanley and Brown): warning signs, what I
//! can do on my own, people and places that distract, people I can ask for help,
//! professionals and crisis lines, and making my surroundings safer.
//!
//! Meant to be filled in with the therapist; the patient can start alone. It sits beside
//! the crisis resources, never instead of them. Plain data. Never reads the clock.

use super::crisis::CrisisResource;
use super::id::RecordId;
use super::journal::Journal;
use super::plan_question::PlanQuestion;
use crate::i18n::{tr_with, T};
use chrono::{DateTime, Utc};

/// The longest answer to one step, in characters.
pub const MAX_STEP_CHARS: usize = 4_000;

/// The six steps, in order (Afterglow's own words).
pub const STEPS: [PlanQuestion; 6] = [
    PlanQuestion { title: T::safety_step_1, hint: T::safety_step_1_hint },
    PlanQuestion { title: T::safety_step_2, hint: T::safety_step_2_hint },
    PlanQuestion { title: T::safety_step_3, hint: T::safety_step_3_hint },
    PlanQuestion { title: T::safety_step_4, hint: T::safety_step_4_hint },
    PlanQuestion { title: T::safety_step_5, hint: T::safety_step_5_hint },
    PlanQuestion { title: T::safety_step_6, hint: T::safety_step_6_hint },
];

/// The index of the professionals step, prefilled from the crisis resources.
pub const PROFESSIONALS: usize = 4;

/// The patient's safety plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafetyPlan {
    /// Unique, stable id.
    pub id: RecordId,
    /// The answer to each of [`STEPS`].
    pub steps: [String; 6],
    /// When the record was last changed.
    pub edited: DateTime<Utc>,
}

// The latest edit last.
super::record::impl_record!(SafetyPlan, |a, b| a.edited.cmp(&b.edited));

impl SafetyPlan {
    /// A new plan, its professionals step prefilled with `resources` (one a line).
    pub fn start(id: RecordId, now: DateTime<Utc>, resources: &[CrisisResource]) -> Self {
        let mut steps: [String; 6] = Default::default();
        steps[PROFESSIONALS] = resources.iter().map(resource_line).collect::<Vec<_>>().join("\n");
        SafetyPlan { id, steps, edited: now }
    }

    /// Checks every step.
    pub fn validate(&self) -> Result<(), String> {
        match self.steps.iter().position(|s| s.chars().count() > MAX_STEP_CHARS) {
            Some(i) => Err(tr_with(
                T::safety_too_long,
                &[("step", STEPS.get(i).map_or("?", |s| s.title())), ("max", &MAX_STEP_CHARS.to_string())],
            )),
            None => Ok(()),
        }
    }

    /// Whether nothing has been written in any step.
    pub fn is_blank(&self) -> bool {
        self.steps.iter().all(|s| s.trim().is_empty())
    }

    /// This form's plan as it is saved over `stored` (the plan as saved now, perhaps by
    /// another tab since the form opened with the steps `opened`): each step the other
    /// save changed is taken, a step both changed keeps both texts, the stored id stays
    /// and the edit time moves past the stored one. Says whether both changed a step.
    pub fn revised(
        mut self,
        opened: &[String; 6],
        stored: Option<&SafetyPlan>,
        now: DateTime<Utc>,
    ) -> (Self, bool) {
        let mut both = false;
        if let Some(s) = stored {
            (self.steps, both) = super::merge::answers(opened, &self.steps, &s.steps);
            self.id = s.id.clone();
            self.edited = s.edited;
        }
        self.edited = super::when::next_edit(self.edited, now);
        (self, both)
    }
}

/// "988 Suicide & Crisis Lifeline: call 988, text 988".
pub fn resource_line(r: &CrisisResource) -> String {
    let ways: Vec<String> = [
        r.phone.as_ref().map(|p| tr_with(T::safety_call, &[("number", p)])),
        r.text.as_ref().map(|t| tr_with(T::safety_text, &[("number", t)])),
    ]
    .into_iter()
    .flatten()
    .chain(r.url.clone())
    .collect();
    format!("{}: {}", r.name, ways.join(", "))
}

impl Journal {
    /// The safety plan: the latest edit, if two tabs each started one.
    pub fn safety_plan(&self) -> Option<&SafetyPlan> {
        self.records.safety_plans.last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::default_resources;
    use chrono::TimeZone;

    #[test]
    fn a_new_plan_lists_the_crisis_lines_and_nothing_else() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 18, 0, 0).unwrap();
        let plan = SafetyPlan::start(RecordId::generate(1, 1), at, &default_resources(crate::i18n::Lang::En));
        assert_eq!(
            plan.steps[PROFESSIONALS],
            "988 Suicide & Crisis Lifeline: call 988, text 988, https://988lifeline.org\nEmergency services: call 911"
        );
        assert!(plan.steps.iter().enumerate().all(|(i, s)| i == PROFESSIONALS || s.is_empty()));
        assert!(!plan.is_blank());
        assert_eq!(plan.validate(), Ok(()));
        let mut long = plan.clone();
        long.steps[0] = "x".repeat(MAX_STEP_CHARS + 1);
        assert!(long.validate().unwrap_err().contains("Signs that a hard time"));
    }

    #[test]
    fn a_revised_plan_keeps_the_stored_id_takes_the_other_tabs_steps_and_keeps_both_where_both_wrote() {
        let at = |h| Utc.with_ymd_and_hms(2026, 12, 3, h, 0, 0).unwrap();
        let opened = SafetyPlan::start(RecordId::generate(1, 1), at(9), &[]);
        let mut theirs = opened.clone();
        theirs.steps[0] = "I stop answering messages".into();
        theirs.steps[1] = "A walk".into();
        theirs.edited = at(11);
        let mut mine = SafetyPlan::start(RecordId::generate(7, 7), at(10), &[]);
        mine.steps[1] = "Music".into();
        mine.steps[2] = "My sister".into();
        let (saved, both) = mine.clone().revised(&opened.steps, Some(&theirs), at(10));
        assert_eq!(saved.id, opened.id);
        assert!(saved.edited > theirs.edited, "the edit time moves past the stored one");
        assert_eq!(saved.steps[0], "I stop answering messages");
        assert!(saved.steps[1].contains("A walk") && saved.steps[1].contains("Music"));
        assert_eq!(saved.steps[2], "My sister");
        assert!(both);
        // Nothing stored yet: the form's own plan, at now.
        let (first, both) = mine.clone().revised(&opened.steps, None, at(12));
        assert_eq!((first.id, first.edited, both), (mine.id, at(12), false));
    }

    #[test]
    fn the_latest_plan_is_the_one_shown() {
        let at = |h| Utc.with_ymd_and_hms(2026, 12, 3, h, 0, 0).unwrap();
        let mut j = Journal::default();
        let a = SafetyPlan::start(RecordId::generate(1, 1), at(9), &[]);
        let mut b = SafetyPlan::start(RecordId::generate(2, 2), at(8), &[]);
        b.steps[0] = "I stop answering messages".into();
        j.upsert_any(a.clone());
        j.upsert_any(b.clone());
        assert_eq!(j.safety_plan().map(|p| &p.id), Some(&a.id));
        b.edited = at(10);
        j.upsert_any(b.clone());
        assert_eq!(j.safety_plan().map(|p| &p.id), Some(&b.id));
    }
}
