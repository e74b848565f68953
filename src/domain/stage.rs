//! The five stages of a ketamine-assisted psychotherapy course.
//!
//! Plain data: no I/O, no browser crates, no clock. Names and summaries are in the
//! language shown (`crate::i18n`); `slug` is the same in every language.

use crate::i18n::{tr, T};

/// Where a patient is in their course. The order is the order of treatment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// Psychiatric evaluation: history, symptoms, goals; is KAP right and safe.
    Evaluation,
    /// Preparation sessions: rapport, education, expectations; intentions are set here.
    Preparation,
    /// Dosing sessions: ketamine under medical supervision.
    Dosing,
    /// Integration sessions: making meaning, turning insight into daily life.
    Integration,
    /// Follow-up care: maintenance, relapse prevention, long-term well-being.
    FollowUp,
}

crate::domain::names::stored_names!(Stage {
    Evaluation = "evaluation",
    Preparation = "preparation",
    Dosing = "dosing",
    Integration = "integration",
    FollowUp = "follow-up",
});

impl Stage {
    /// Every stage, in treatment order.
    pub const ALL: [Stage; 5] =
        [Stage::Evaluation, Stage::Preparation, Stage::Dosing, Stage::Integration, Stage::FollowUp];

    /// The stage a new journal starts in.
    pub const FIRST: Stage = Stage::Evaluation;

    /// A short name for people.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Evaluation => tr(T::stage_evaluation),
            Stage::Preparation => tr(T::stage_preparation),
            Stage::Dosing => tr(T::stage_dosing),
            Stage::Integration => tr(T::stage_integration),
            Stage::FollowUp => tr(T::stage_follow_up),
        }
    }

    /// One plain sentence on what the stage is for.
    pub fn summary(self) -> &'static str {
        match self {
            Stage::Evaluation => tr(T::stage_evaluation_about),
            Stage::Preparation => tr(T::stage_preparation_about),
            Stage::Dosing => tr(T::stage_dosing_about),
            Stage::Integration => tr(T::stage_integration_about),
            Stage::FollowUp => tr(T::stage_follow_up_about),
        }
    }

    /// A stable machine name, used in storage, URLs and host attributes.
    pub fn slug(self) -> &'static str {
        match self {
            Stage::Evaluation => "evaluation",
            Stage::Preparation => "preparation",
            Stage::Dosing => "dosing",
            Stage::Integration => "integration",
            Stage::FollowUp => "follow-up",
        }
    }

    /// The stage with this slug, if any. Accepts exactly what [`Stage::slug`] returns.
    pub fn from_slug(slug: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

impl Default for Stage {
    fn default() -> Self {
        Stage::FIRST
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_match_serde() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_slug(stage.slug()), Some(stage));
            let json = serde_json::to_string(&stage).unwrap();
            assert_eq!(json, format!("\"{}\"", stage.slug()));
        }
        assert_eq!(Stage::from_slug("Dosing"), None);
        assert_eq!(Stage::from_slug(""), None);
    }
}
