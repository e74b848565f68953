//! The questionnaires: PHQ-9 and GAD-7 always, WHO-5 and PCL-5 when a clinic turns them
//! on (`data-questionnaires`). Their items verbatim ([`texts`]), the published scoring
//! and cut-offs, the required attributions, the item-9 safety rule and when one is due.
//! Bands are the published ones, named as their authors do; Afterglow never adds a
//! diagnosis of its own. Pure: never reads the clock.

mod shown;
pub mod texts;

use super::id::RecordId;
use crate::i18n::{tr, tr_with, T};
use chrono::{DateTime, Duration, Utc};
use texts::*;

/// The attribution PHQ-9 and GAD-7 require, shown with them.
pub const ATTRIBUTION: &str = PHQ_ATTRIBUTION;

/// Said wherever a band is shown to the patient: a band screens, it does not diagnose.
pub fn bands_are_screens() -> &'static str {
    tr(T::q_bands_are_screens)
}
/// Said wherever a band is shown to the therapist (the summary, the CSV's heading).
pub fn bands_for_the_team() -> &'static str {
    tr(T::q_bands_for_the_team)
}

/// How often a questionnaire is suggested by default, in days.
pub const DEFAULT_EVERY_DAYS: i64 = 14;
/// The PCL-5 asks about the past month: it is never suggested more often than this.
pub const PCL5_MIN_DAYS: i64 = 30;

/// A validated questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Instrument {
    /// Patient Health Questionnaire, depression (9 items, 0-27).
    Phq9,
    /// Generalized Anxiety Disorder scale (7 items, 0-21).
    Gad7,
    /// WHO-Five Well-Being Index (5 items, raw 0-25, reported times 4 as 0-100).
    Who5,
    /// PTSD Checklist for DSM-5 (20 items, 0-80).
    Pcl5,
}

crate::domain::names::stored_names!(Instrument {
    Phq9 = "phq9",
    Gad7 = "gad7",
    Who5 = "who5",
    Pcl5 = "pcl5",
});

/// A band of scores, as the instrument's authors name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    /// PHQ-9, GAD-7: below 5.
    Minimal,
    /// From 5.
    Mild,
    /// From 10.
    Moderate,
    /// PHQ-9 only, from 15.
    ModeratelySevere,
    /// PHQ-9 from 20; GAD-7 from 15.
    Severe,
    /// WHO-5 above 50.
    AboveLow,
    /// WHO-5 50 or less: low well-being.
    LowWellBeing,
    /// WHO-5 28 or less: the cut-off for likely depression.
    LikelyDepression,
    /// PCL-5 below 31.
    BelowCutoff,
    /// PCL-5 31 to 33: the provisional cut-off.
    AtCutoff,
    /// PCL-5 above 33.
    AboveCutoff,
}

impl Band {
    /// The band's name, as the instruments' authors word it.
    pub fn label(self) -> &'static str {
        match self {
            Band::Minimal => tr(T::band_minimal),
            Band::Mild => tr(T::band_mild),
            Band::Moderate => tr(T::band_moderate),
            Band::ModeratelySevere => tr(T::band_moderately_severe),
            Band::Severe => tr(T::band_severe),
            Band::AboveLow => tr(T::band_above_low),
            Band::LowWellBeing => tr(T::band_low_well_being),
            Band::LikelyDepression => tr(T::band_likely_depression),
            Band::BelowCutoff => tr(T::band_below_cutoff),
            Band::AtCutoff => tr(T::band_at_cutoff),
            Band::AboveCutoff => tr(T::band_above_cutoff),
        }
    }

    /// How heavy the band is, for its colour on a chart: 0 (lightest) to 4.
    pub fn weight(self) -> u8 {
        match self {
            Band::Minimal | Band::AboveLow | Band::BelowCutoff => 0,
            Band::Mild => 1,
            Band::Moderate | Band::LowWellBeing | Band::AtCutoff => 2,
            Band::ModeratelySevere => 3,
            Band::Severe | Band::LikelyDepression | Band::AboveCutoff => 4,
        }
    }
}

impl Instrument {
    /// Every instrument Afterglow knows, in its order.
    pub const ALL: [Instrument; 4] = [Instrument::Phq9, Instrument::Gad7, Instrument::Who5, Instrument::Pcl5];

    /// The instruments offered unless the clinic chooses.
    pub const DEFAULT: [Instrument; 2] = [Instrument::Phq9, Instrument::Gad7];

    /// "PHQ-9", "GAD-7", "WHO-5" or "PCL-5".
    pub fn name(self) -> &'static str {
        match self {
            Instrument::Phq9 => "PHQ-9",
            Instrument::Gad7 => "GAD-7",
            Instrument::Who5 => "WHO-5",
            Instrument::Pcl5 => "PCL-5",
        }
    }

    /// The name a clinic writes in `data-questionnaires` ("phq9").
    pub fn slug(self) -> &'static str {
        match self {
            Instrument::Phq9 => "phq9",
            Instrument::Gad7 => "gad7",
            Instrument::Who5 => "who5",
            Instrument::Pcl5 => "pcl5",
        }
    }

    /// The instrument a clinic's name stands for.
    pub fn from_slug(slug: &str) -> Option<Instrument> {
        Instrument::ALL.into_iter().find(|i| i.slug() == slug)
    }

    /// What it measures, in plain words.
    pub fn about(self) -> &'static str {
        match self {
            Instrument::Phq9 => tr(T::q_about_phq9),
            Instrument::Gad7 => tr(T::q_about_gad7),
            Instrument::Who5 => tr(T::q_about_who5),
            Instrument::Pcl5 => tr(T::q_about_pcl5),
        }
    }

    /// The form's instruction before the items, if it has one beyond the stem.
    pub fn instruction(self) -> Option<&'static str> {
        match self {
            Instrument::Phq9 | Instrument::Gad7 => None,
            Instrument::Who5 => Some(WHO5_INSTRUCTION),
            Instrument::Pcl5 => Some(PCL5_INSTRUCTION),
        }
    }

    /// Whether the instruction is adapted for a screen (marked with `T::q_adapted`).
    pub fn adapted(self) -> bool {
        self.instruction().is_some()
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
            Instrument::Who5 => "Over the last two weeks",
            Instrument::Pcl5 => "In the past month, how much were you bothered by:",
        }
    }

    /// The items, verbatim.
    pub fn items(self) -> &'static [&'static str] {
        match self {
            Instrument::Phq9 => &PHQ9_ITEMS,
            Instrument::Gad7 => &GAD7_ITEMS,
            Instrument::Who5 => &WHO5_ITEMS,
            Instrument::Pcl5 => &PCL5_ITEMS,
        }
    }

    /// The answers with their values, in the form's order.
    pub fn options(self) -> &'static [(u8, &'static str)] {
        match self {
            Instrument::Phq9 | Instrument::Gad7 => &PHQ_OPTIONS,
            Instrument::Who5 => &WHO5_OPTIONS,
            Instrument::Pcl5 => &PCL5_OPTIONS,
        }
    }

    /// The highest value one answer takes.
    pub fn max_answer(self) -> u8 {
        self.options().iter().map(|(v, _)| *v).max().unwrap_or(0)
    }

    /// The reported score of a set of answers: their sum, times 4 for the WHO-5 (its
    /// percentage score).
    pub fn score(self, answers: &[u8]) -> u8 {
        let raw: u16 = answers.iter().map(|a| u16::from(*a)).sum();
        let scaled = if self == Instrument::Who5 { raw * 4 } else { raw };
        scaled.min(u16::from(u8::MAX)) as u8
    }

    /// The highest possible score.
    pub fn max_score(self) -> u8 {
        self.score(&vec![self.max_answer(); self.items().len()])
    }

    /// Whether a higher score is better (the WHO-5) rather than worse.
    pub fn higher_is_better(self) -> bool {
        self == Instrument::Who5
    }

    /// Every band with its lowest score, lowest first (the first starts at 0).
    pub fn bands(self) -> &'static [(u8, Band)] {
        match self {
            Instrument::Phq9 => &[
                (0, Band::Minimal),
                (5, Band::Mild),
                (10, Band::Moderate),
                (15, Band::ModeratelySevere),
                (20, Band::Severe),
            ],
            Instrument::Gad7 => {
                &[(0, Band::Minimal), (5, Band::Mild), (10, Band::Moderate), (15, Band::Severe)]
            }
            Instrument::Who5 => {
                &[(0, Band::LikelyDepression), (29, Band::LowWellBeing), (51, Band::AboveLow)]
            }
            Instrument::Pcl5 => &[(0, Band::BelowCutoff), (31, Band::AtCutoff), (34, Band::AboveCutoff)],
        }
    }

    /// The band a score falls in.
    pub fn band(self, score: u8) -> Band {
        self.bands().iter().rev().find(|(from, _)| score >= *from).map_or(Band::Minimal, |(_, b)| *b)
    }

    /// The attribution shown with it.
    pub fn attribution(self) -> &'static str {
        match self {
            Instrument::Phq9 | Instrument::Gad7 => PHQ_ATTRIBUTION,
            Instrument::Who5 => WHO5_ATTRIBUTION,
            Instrument::Pcl5 => PCL5_ATTRIBUTION,
        }
    }

    /// How often it is suggested, in days, when the clinic asks for `every_days`: the
    /// PCL-5 asks about the past month, so never more often than [`PCL5_MIN_DAYS`].
    pub fn every_days(self, every_days: i64) -> i64 {
        match self {
            Instrument::Pcl5 => every_days.max(PCL5_MIN_DAYS),
            _ => every_days,
        }
    }

    /// Whether it is due at `now`, last taken at `last`, the clinic asking for
    /// `every_days` (see [`Instrument::every_days`]).
    pub fn is_due(self, last: Option<DateTime<Utc>>, now: DateTime<Utc>, every_days: i64) -> bool {
        is_due(last, now, self.every_days(every_days))
    }

    /// How its published cut-offs are read, in a sentence, when a score is shown.
    pub fn reading(self) -> Option<&'static str> {
        match self {
            Instrument::Phq9 | Instrument::Gad7 => None,
            Instrument::Who5 => Some(tr(T::q_reading_who5)),
            Instrument::Pcl5 => Some(tr(T::q_reading_pcl5)),
        }
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
    /// One answer per item (0 to the instrument's highest), in item order.
    pub answers: Vec<u8>,
    /// When it was last changed.
    pub edited: DateTime<Utc>,
}

// Listed oldest first.
super::record::impl_record!(QuestionnaireResult, |a, b| a.at.cmp(&b.at));

/// Why a questionnaire could not be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuestionnaireError {
    /// Not every item has an answer, or an answer is out of range.
    Incomplete {
        /// Items answered.
        answered: usize,
        /// Items in all.
        total: usize,
    },
}

impl std::fmt::Display for QuestionnaireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let QuestionnaireError::Incomplete { answered, total } = self;
        let (answered, total) = (answered.to_string(), total.to_string());
        f.write_str(&tr_with(T::refuse_answer_all, &[("answered", &answered), ("total", &total)]))
    }
}

impl std::error::Error for QuestionnaireError {}

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
        let given: Vec<u8> =
            answers.iter().flatten().copied().filter(|a| *a <= instrument.max_answer()).collect();
        if answers.len() != total || given.len() != total {
            return Err(QuestionnaireError::Incomplete { answered: given.len(), total });
        }
        Ok(QuestionnaireResult { id, instrument, at, answers: given, edited: at })
    }

    /// The reported score (see [`Instrument::score`]).
    pub fn score(&self) -> u8 {
        self.instrument.score(&self.answers)
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

/// The attributions `instruments` need (in the language shown), each once, in the order they are first named
/// (PHQ-9 and GAD-7 share theirs, wherever they stand in the clinic's list).
pub fn attributions(instruments: &[Instrument]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for text in instruments.iter().map(|i| i.attribution_shown()) {
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// Whether a questionnaire is due: never taken, or last taken `every_days` or more ago.
pub fn is_due(last: Option<DateTime<Utc>>, now: DateTime<Utc>, every_days: i64) -> bool {
    last.is_none_or(|at| now - at >= Duration::days(every_days))
}

#[cfg(test)]
mod tests;
