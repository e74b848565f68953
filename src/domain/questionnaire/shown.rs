//! The questionnaires in the language being shown (see `crate::i18n`): the PHQ-9 and
//! GAD-7 in their official Spanish (US) forms and the WHO-5 in its official Spanish
//! translation, word for word from the sources in `tests/fixtures/questionnaire-sources/`.
//! The PCL-5 has no official Spanish version, so it is shown in English as published, with
//! a note saying so. Scores, bands and the item-9 rule never depend on the language: an
//! answer is its value, whatever words it was given in.
//!
//! Must never show a translation that is not the form's own: a questionnaire without
//! one stays in its published English.

use super::texts::*;
use super::Instrument;
use crate::i18n::{lang, tr, Lang, Text, T};

const PHQ9: [Text; 9] = [
    T::q_phq9_1,
    T::q_phq9_2,
    T::q_phq9_3,
    T::q_phq9_4,
    T::q_phq9_5,
    T::q_phq9_6,
    T::q_phq9_7,
    T::q_phq9_8,
    T::q_phq9_9,
];
const GAD7: [Text; 7] =
    [T::q_gad7_1, T::q_gad7_2, T::q_gad7_3, T::q_gad7_4, T::q_gad7_5, T::q_gad7_6, T::q_gad7_7];
const WHO5: [Text; 5] = [T::q_who5_1, T::q_who5_2, T::q_who5_3, T::q_who5_4, T::q_who5_5];
const PHQ_ANSWERS: [(u8, Text); 4] = [(0, T::q_phq_0), (1, T::q_phq_1), (2, T::q_phq_2), (3, T::q_phq_3)];
const WHO5_ANSWERS: [(u8, Text); 6] = [
    (5, T::q_who5_a5),
    (4, T::q_who5_a4),
    (3, T::q_who5_a3),
    (2, T::q_who5_a2),
    (1, T::q_who5_a1),
    (0, T::q_who5_a0),
];

impl Instrument {
    /// Whether its words are translated into the language being shown (English is its
    /// own; the PCL-5 has no official Spanish version).
    fn translated(self) -> bool {
        lang() != Lang::En && self != Instrument::Pcl5
    }

    /// Its items' texts (official translations only), keyed where translated.
    fn item_keys(self) -> &'static [Text] {
        match self {
            Instrument::Phq9 => &PHQ9,
            Instrument::Gad7 => &GAD7,
            Instrument::Who5 => &WHO5,
            Instrument::Pcl5 => &[],
        }
    }

    /// The items, in the language being shown where the form has an official version.
    pub fn items_shown(self) -> Vec<&'static str> {
        if self.translated() {
            self.item_keys().iter().map(|k| tr(*k)).collect()
        } else {
            self.items().to_vec()
        }
    }

    /// The answers with their values, in the form's order, as [`Instrument::items_shown`].
    pub fn options_shown(self) -> Vec<(u8, &'static str)> {
        let keys: &[(u8, Text)] = match self {
            Instrument::Phq9 | Instrument::Gad7 => &PHQ_ANSWERS,
            Instrument::Who5 => &WHO5_ANSWERS,
            Instrument::Pcl5 => &[],
        };
        if self.translated() {
            keys.iter().map(|(v, k)| (*v, tr(*k))).collect()
        } else {
            self.options().to_vec()
        }
    }

    /// The question each item answers, as [`Instrument::items_shown`].
    pub fn stem_shown(self) -> &'static str {
        match (self.translated(), self) {
            (true, Instrument::Phq9) => tr(T::q_phq9_stem),
            (true, Instrument::Gad7) => tr(T::q_gad7_stem),
            (true, Instrument::Who5) => tr(T::q_who5_stem),
            _ => self.stem(),
        }
    }

    /// The instruction before the items, as [`Instrument::items_shown`].
    pub fn instruction_shown(self) -> Option<&'static str> {
        match (self.translated(), self) {
            (true, Instrument::Who5) => Some(tr(T::q_who5_instruction)),
            _ => self.instruction(),
        }
    }

    /// The attribution, in the language being shown (the connecting words only, for the
    /// WHO-5: its names, places and reference are cited as published).
    pub fn attribution_shown(self) -> &'static str {
        match self {
            Instrument::Phq9 | Instrument::Gad7 => tr(T::q_phq_attribution),
            Instrument::Who5 => tr(T::q_who5_attribution),
            Instrument::Pcl5 => PCL5_ATTRIBUTION,
        }
    }

    /// What the patient must know about the words shown, where they are not the form's
    /// as printed in the language being shown: the PCL-5 shown in English, the misprint
    /// corrected in the Spanish WHO-5's item 4 (the WHO-5 site asks that a change be
    /// marked on the form, with its English).
    pub fn words_note(self) -> Option<&'static str> {
        match (lang(), self) {
            (Lang::En, _) => None,
            (_, Instrument::Pcl5) => Some(tr(T::q_pcl5_in_english)),
            (_, Instrument::Who5) => Some(tr(T::q_who5_corrected)),
            _ => None,
        }
    }

    /// The language the form is shown in (its `lang` attribute).
    pub fn lang_shown(self) -> Lang {
        if self.translated() {
            lang()
        } else {
            Lang::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_english_is_the_forms_own() {
        for i in [Instrument::Phq9, Instrument::Gad7, Instrument::Who5] {
            let keyed: Vec<&str> = i.item_keys().iter().map(|k| k.english()).collect();
            assert_eq!(keyed, i.items(), "{}", i.name());
            assert_eq!(i.items_shown(), i.items(), "{}", i.name());
            assert_eq!(i.options_shown(), i.options(), "{}", i.name());
            assert_eq!(i.stem_shown(), i.stem());
            assert_eq!(i.instruction_shown(), i.instruction());
            assert_eq!(i.attribution_shown(), i.attribution());
            assert_eq!(i.words_note(), None);
        }
        assert_eq!(Instrument::Pcl5.items_shown(), Instrument::Pcl5.items());
    }
}
