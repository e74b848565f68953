//! The PHQ-9 and GAD-7 questionnaires: verbatim items, standard scoring and severity
//! bands, the required attribution, the item-9 safety rule and when one is due.
//! Pure: never reads the clock.

use super::id::RecordId;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The attribution both instruments require, shown with them.
pub const ATTRIBUTION: &str = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.";

/// The answers, scored 0 to 3.
pub const OPTIONS: [&str; 4] = ["Not at all", "Several days", "More than half the days", "Nearly every day"];

/// How often a questionnaire is suggested by default, in days.
pub const DEFAULT_EVERY_DAYS: i64 = 14;

const PHQ9_ITEMS: [&str; 9] = [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself \u{2014} or that you are a failure or have let yourself or your family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite \u{2014} being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
];

const GAD7_ITEMS: [&str; 7] = [
    "Feeling nervous, anxious or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid, as if something awful might happen",
];

/// A validated questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Instrument {
    /// Patient Health Questionnaire, depression (9 items, 0-27).
    Phq9,
    /// Generalized Anxiety Disorder scale (7 items, 0-21).
    Gad7,
}

/// A severity band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    /// Below the first cut-off.
    Minimal,
    /// From the first cut-off (5).
    Mild,
    /// From 10.
    Moderate,
    /// PHQ-9 only, from 15.
    ModeratelySevere,
    /// PHQ-9 from 20; GAD-7 from 15.
    Severe,
}

impl Band {
    /// The band's name, as the instruments' authors word it.
    pub fn label(self) -> &'static str {
        match self {
            Band::Minimal => "minimal",
            Band::Mild => "mild",
            Band::Moderate => "moderate",
            Band::ModeratelySevere => "moderately severe",
            Band::Severe => "severe",
        }
    }
}

impl Instrument {
    /// Both instruments.
    pub const ALL: [Instrument; 2] = [Instrument::Phq9, Instrument::Gad7];

    /// "PHQ-9" or "GAD-7".
    pub fn name(self) -> &'static str {
        match self {
            Instrument::Phq9 => "PHQ-9",
            Instrument::Gad7 => "GAD-7",
        }
    }

    /// What it measures, in plain words.
    pub fn about(self) -> &'static str {
        match self {
            Instrument::Phq9 => "nine questions about low mood",
            Instrument::Gad7 => "seven questions about anxiety",
        }
    }

    /// The question each item answers.
    pub fn stem(self) -> &'static str {
        match self {
            Instrument::Phq9 => {
                "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
            }
            Instrument::Gad7 => {
                "Over the last 2 weeks, how often have you been bothered by the following problems?"
            }
        }
    }

    /// The items, verbatim.
    pub fn items(self) -> &'static [&'static str] {
        match self {
            Instrument::Phq9 => &PHQ9_ITEMS,
            Instrument::Gad7 => &GAD7_ITEMS,
        }
    }

    /// The highest possible total.
    pub fn max_score(self) -> u8 {
        3 * self.items().len() as u8
    }

    /// Lower bounds of the bands above minimal, with the band.
    pub fn cutoffs(self) -> &'static [(u8, Band)] {
        match self {
            Instrument::Phq9 => {
                &[(5, Band::Mild), (10, Band::Moderate), (15, Band::ModeratelySevere), (20, Band::Severe)]
            }
            Instrument::Gad7 => &[(5, Band::Mild), (10, Band::Moderate), (15, Band::Severe)],
        }
    }

    /// The band a total falls in.
    pub fn band(self, score: u8) -> Band {
        self.cutoffs().iter().rev().find(|(from, _)| score >= *from).map(|(_, b)| *b).unwrap_or(Band::Minimal)
    }
}

/// A completed questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionnaireResult {
    /// Unique, stable id.
    pub id: RecordId,
    /// Which questionnaire.
    pub instrument: Instrument,
    /// When it was answered.
    pub at: DateTime<Utc>,
    /// One answer (0-3) per item, in item order.
    pub answers: Vec<u8>,
    /// When it was last changed.
    pub edited: DateTime<Utc>,
}

// Listed oldest first.
super::record::impl_record!(QuestionnaireResult, |a, b| a.at.cmp(&b.at));

/// Why a questionnaire could not be saved.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuestionnaireError {
    /// Not every item has an answer, or an answer is out of range.
    #[error("Please answer every question ({answered} of {total} answered).")]
    Incomplete {
        /// Items answered.
        answered: usize,
        /// Items in all.
        total: usize,
    },
}

impl QuestionnaireResult {
    /// A result from answers that may still have gaps (`None`); every item must be
    /// answered with 0 to 3.
    pub fn complete(
        id: RecordId,
        at: DateTime<Utc>,
        instrument: Instrument,
        answers: &[Option<u8>],
    ) -> Result<Self, QuestionnaireError> {
        let total = instrument.items().len();
        let given: Vec<u8> = answers.iter().flatten().copied().filter(|a| *a <= 3).collect();
        if answers.len() != total || given.len() != total {
            return Err(QuestionnaireError::Incomplete { answered: given.len(), total });
        }
        Ok(QuestionnaireResult { id, instrument, at, answers: given, edited: at })
    }

    /// The total score.
    pub fn score(&self) -> u8 {
        self.answers.iter().sum()
    }

    /// The severity band of the total.
    pub fn band(&self) -> Band {
        self.instrument.band(self.score())
    }

    /// Whether the answers call for crisis resources now (see [`needs_crisis_support`]).
    pub fn needs_crisis_support(&self) -> bool {
        needs_crisis_support(self.instrument, &self.answers.iter().map(|a| Some(*a)).collect::<Vec<_>>())
    }
}

/// The safety rule: any answer above 0 on PHQ-9 item 9 (thoughts of being better off dead
/// or of self-harm) shows crisis resources at once, even before the form is finished.
pub fn needs_crisis_support(instrument: Instrument, answers: &[Option<u8>]) -> bool {
    instrument == Instrument::Phq9 && answers.get(8).copied().flatten().is_some_and(|a| a > 0)
}

/// Whether a questionnaire is due: never taken, or last taken `every_days` or more ago.
pub fn is_due(last: Option<DateTime<Utc>>, now: DateTime<Utc>, every_days: i64) -> bool {
    last.is_none_or(|at| now - at >= Duration::days(every_days))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_counts_and_maxima() {
        assert_eq!((Instrument::Phq9.items().len(), Instrument::Phq9.max_score()), (9, 27));
        assert_eq!((Instrument::Gad7.items().len(), Instrument::Gad7.max_score()), (7, 21));
        assert!(Instrument::Phq9.items()[8].starts_with("Thoughts that you would be better off dead"));
    }
}
