//! After-effects of a session, noted the same day and the next: the common ones rated in
//! words, sleep that night, bladder symptoms, anything else, optional blood pressure and
//! pulse, and the red flags that mean "contact your clinic today".
//!
//! Records and reminds; never a diagnosis, never a dose or a medicine change. The range
//! checks on vitals catch typing errors only; they say nothing about health.
//! Plain data with validation. Never reads the clock.

mod vitals;

pub use vitals::Reading;

use super::id::RecordId;
use super::journal::Journal;
use crate::i18n::{tr, tr_with, Text, T};
use chrono::{DateTime, Utc};

/// The longest free text in an after-effects log, in characters.
pub const MAX_EFFECT_CHARS: usize = 2_000;

/// How strong an after-effect was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Level {
    /// Not at all.
    #[default]
    None,
    /// Noticeable, manageable.
    Mild,
    /// Hard to bear.
    Strong,
}

crate::domain::names::stored_names!(Level {
    None = "none",
    Mild = "mild",
    Strong = "strong",
});

impl Level {
    /// Every level, mildest first.
    pub const ALL: [Level; 3] = [Level::None, Level::Mild, Level::Strong];

    /// In words.
    pub fn label(self) -> &'static str {
        tr(match self {
            Level::None => T::level_none,
            Level::Mild => T::level_mild,
            Level::Strong => T::level_strong,
        })
    }

    /// The machine name (a form field's id).
    pub fn slug(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Mild => "mild",
            Level::Strong => "strong",
        }
    }

    /// As a number for the CSV: 0, 1, 2.
    pub fn number(self) -> u8 {
        self as u8
    }
}

/// The after-effects rated by level, in the order asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Symptom {
    /// Feeling sick.
    Nausea,
    /// A headache.
    Headache,
    /// Dizziness or unsteadiness.
    Dizziness,
    /// Feeling unreal or detached for longer than the session.
    Dissociation,
}

impl Symptom {
    /// Every symptom, in the order asked.
    pub const ALL: [Symptom; 4] =
        [Symptom::Nausea, Symptom::Headache, Symptom::Dizziness, Symptom::Dissociation];

    /// In words.
    pub fn label(self) -> &'static str {
        tr(match self {
            Symptom::Nausea => T::symptom_nausea,
            Symptom::Headache => T::symptom_headache,
            Symptom::Dizziness => T::symptom_dizziness,
            Symptom::Dissociation => T::symptom_dissociation,
        })
    }

    /// The machine name (CSV column, stored field).
    pub fn slug(self) -> &'static str {
        match self {
            Symptom::Nausea => "nausea",
            Symptom::Headache => "headache",
            Symptom::Dizziness => "dizziness",
            Symptom::Dissociation => "dissociation",
        }
    }
}

/// Sleep the night after a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sleep {
    /// Slept well.
    Well,
    /// Some trouble.
    Some,
    /// Poorly.
    Poorly,
    /// Hardly at all.
    Hardly,
}

crate::domain::names::stored_names!(Sleep {
    Well = "well",
    Some = "some",
    Poorly = "poorly",
    Hardly = "hardly",
});

impl Sleep {
    /// Every answer, best first.
    pub const ALL: [Sleep; 4] = [Sleep::Well, Sleep::Some, Sleep::Poorly, Sleep::Hardly];

    /// In words.
    pub fn label(self) -> &'static str {
        tr(match self {
            Sleep::Well => T::sleep_well,
            Sleep::Some => T::sleep_some,
            Sleep::Poorly => T::sleep_poorly,
            Sleep::Hardly => T::sleep_hardly,
        })
    }

    /// The machine name.
    pub fn slug(self) -> &'static str {
        match self {
            Sleep::Well => "well",
            Sleep::Some => "some",
            Sleep::Poorly => "poorly",
            Sleep::Hardly => "hardly",
        }
    }

    /// The answer with this machine name.
    pub fn from_slug(slug: &str) -> Option<Sleep> {
        Sleep::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// A sign that means "contact your clinic today"; an urgent one also shows the crisis
/// resources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedFlag {
    /// Stable id (what a log keeps).
    pub id: String,
    /// The sign, in the patient's voice.
    pub text: String,
    /// Whether it may need help at once, not only today.
    pub urgent: bool,
}

/// The id of the blood-in-urine flag, asked with the bladder symptoms.
pub const BLOOD_IN_URINE: &str = "blood-in-urine";

/// Afterglow's red flags: id, words, urgent.
const DEFAULT_RED_FLAGS: [(&str, Text, bool); 4] = [
    (BLOOD_IN_URINE, T::flag_blood, false),
    ("severe-pain", T::flag_pain, false),
    ("chest-pain", T::flag_chest, true),
    ("lasting-confusion", T::flag_confusion, true),
];

/// Afterglow's red flags; a clinic may add its own in its config.
pub fn default_red_flags() -> Vec<RedFlag> {
    DEFAULT_RED_FLAGS
        .into_iter()
        .map(|(id, text, urgent)| RedFlag { id: id.into(), text: text.english().into(), urgent })
        .collect()
}

impl RedFlag {
    /// The sign in the language shown: Afterglow's own flags are translated, a clinic's
    /// are shown as the clinic wrote them.
    pub fn shown(&self) -> String {
        DEFAULT_RED_FLAGS
            .iter()
            .find(|(id, text, _)| *id == self.id && text.english() == self.text)
            .map_or_else(|| self.text.clone(), |(_, text, _)| tr(*text).to_owned())
    }
}

/// One after-effects log for a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AfterEffects {
    /// Unique, stable id.
    pub id: RecordId,
    /// The session it is about.
    pub session: RecordId,
    /// When it was noted.
    pub at: DateTime<Utc>,
    /// Each of [`Symptom::ALL`], in that order.
    pub levels: [Level; 4],
    /// The patient's own words about them.
    pub words: String,
    /// Sleep that night, if noted.
    pub sleep: Option<Sleep>,
    /// Bladder pain.
    pub bladder_pain: bool,
    /// Needing to pass urine urgently or often.
    pub urgency: bool,
    /// Red flags ticked, by id (blood in urine among them).
    pub flags: Vec<String>,
    /// Anything else.
    pub other: String,
    /// Before the session.
    pub before: Reading,
    /// After it.
    pub after: Reading,
    /// When the record was last changed.
    pub edited: DateTime<Utc>,
}

// Listed in the order noted.
super::record::impl_record!(AfterEffects, |a, b| a.at.cmp(&b.at));

impl AfterEffects {
    /// An empty log for `session`, noted at `now`.
    pub fn new(id: RecordId, session: RecordId, now: DateTime<Utc>) -> Self {
        AfterEffects {
            id,
            session,
            at: now,
            levels: [Level::None; 4],
            words: String::new(),
            sleep: None,
            bladder_pain: false,
            urgency: false,
            flags: Vec::new(),
            other: String::new(),
            before: Reading::default(),
            after: Reading::default(),
            edited: now,
        }
    }

    /// The level of one symptom.
    pub fn level(&self, symptom: Symptom) -> Level {
        self.levels.get(symptom as usize).copied().unwrap_or_default()
    }

    /// Checks every field; a message for the patient on the first problem.
    pub fn validate(&self) -> Result<(), String> {
        super::when::checked(self.at).map_err(|_| tr(T::refuse_date).to_owned())?;
        if [&self.words, &self.other].iter().any(|t| t.chars().count() > MAX_EFFECT_CHARS) {
            return Err(tr_with(T::refuse_note_long, &[("max", &MAX_EFFECT_CHARS.to_string())]));
        }
        if self.flags.len() > 40 || self.flags.iter().any(|f| f.is_empty() || f.len() > 60) {
            return Err(tr(T::refuse_flags).into());
        }
        self.before.check(true)?;
        self.after.check(false)
    }

    /// The red flags this log raises, as `known` names them; a flag ticked under a list a
    /// clinic has since changed is still raised, by its id.
    pub fn raised(&self, known: &[RedFlag]) -> Vec<RedFlag> {
        self.flags
            .iter()
            .map(|id| {
                known.iter().find(|f| &f.id == id).cloned().unwrap_or_else(|| RedFlag {
                    id: id.clone(),
                    text: tr_with(T::flag_unknown, &[("id", id)]),
                    urgent: false,
                })
            })
            .collect()
    }

    /// Whether anything at all was noted.
    pub fn is_empty(&self) -> bool {
        self.levels == [Level::None; 4]
            && self.words.trim().is_empty()
            && self.sleep.is_none()
            && !self.bladder_pain
            && !self.urgency
            && self.flags.is_empty()
            && self.other.trim().is_empty()
            && self.before.is_empty()
            && self.after.is_empty()
    }
}

impl Journal {
    /// Every after-effects log, in the order noted.
    pub fn after_effects(&self) -> &[AfterEffects] {
        &self.records.after_effects
    }

    /// The logs about one session, in the order noted.
    pub fn after_effects_of(&self, session: &RecordId) -> Vec<&AfterEffects> {
        self.records.after_effects.iter().filter(|a| &a.session == session).collect()
    }
}

#[cfg(test)]
mod tests;
