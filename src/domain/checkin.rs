//! Mood check-ins: mood, anxiety and energy (0-10), hours of sleep, emotion words and a
//! note. Plain data with validation; never reads the clock.

use super::id::RecordId;
use super::stage::Stage;
use crate::i18n::{tr, tr_with, T};
use chrono::{DateTime, Utc};

/// Emotion words offered as quick choices: the only words a check-in holds (their slugs,
/// shown through `emotion_label`).
pub const EMOTION_WORDS: [&str; 12] = [
    "calm",
    "hopeful",
    "grateful",
    "connected",
    "tired",
    "numb",
    "sad",
    "anxious",
    "irritable",
    "overwhelmed",
    "tender",
    "clear",
];

/// An emotion word as the patient reads it: Afterglow's own words in the language shown,
/// any other word as it was written. Check-ins keep the English word (`calm`), so a
/// journal reads the same in every language.
pub fn emotion_label(word: &str) -> &str {
    let key = match word {
        "calm" => T::emotion_calm,
        "hopeful" => T::emotion_hopeful,
        "grateful" => T::emotion_grateful,
        "connected" => T::emotion_connected,
        "tired" => T::emotion_tired,
        "numb" => T::emotion_numb,
        "sad" => T::emotion_sad,
        "anxious" => T::emotion_anxious,
        "irritable" => T::emotion_irritable,
        "overwhelmed" => T::emotion_overwhelmed,
        "tender" => T::emotion_tender,
        "clear" => T::emotion_clear,
        _ => return word,
    };
    tr(key)
}

/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 2_000;

/// One check-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckIn {
    /// Unique, stable id.
    pub id: RecordId,
    /// When it was made.
    pub at: DateTime<Utc>,
    /// The stage the patient was in, for the stage bands on charts.
    pub stage: Stage,
    /// Mood, 0 (worst) to 10 (best).
    pub mood: u8,
    /// Anxiety, 0 (none) to 10 (extreme).
    pub anxiety: u8,
    /// Energy, 0 (none) to 10 (plenty).
    pub energy: u8,
    /// Hours slept last night, in half hours (0 to 48), if given.
    pub sleep_half_hours: Option<u8>,
    /// Emotion words, lower case, without duplicates.
    pub emotions: Vec<String>,
    /// A short note.
    pub note: String,
    /// When it was last changed.
    pub edited: DateTime<Utc>,
}

// Listed oldest first.
super::record::impl_record!(CheckIn, |a, b| a.at.cmp(&b.at));

/// Why a check-in could not be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckInError {
    /// A scale value outside 0 to 10.
    OutOfRange,
    /// Sleep outside 0 to 24 hours.
    BadSleep,
    /// A note over the limit.
    TooLong,
}

impl std::fmt::Display for CheckInError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckInError::OutOfRange => f.write_str(tr(T::refuse_checkin_scale)),
            CheckInError::BadSleep => f.write_str(tr(T::refuse_checkin_sleep)),
            CheckInError::TooLong => {
                f.write_str(&tr_with(T::refuse_checkin_note, &[("max", &MAX_NOTE_CHARS.to_string())]))
            }
        }
    }
}

impl std::error::Error for CheckInError {}

/// The three 0-10 scales.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Mood: higher is better.
    Mood,
    /// Anxiety: higher is worse.
    Anxiety,
    /// Energy: higher is more.
    Energy,
}

impl Metric {
    /// Every metric, in display order.
    pub const ALL: [Metric; 3] = [Metric::Mood, Metric::Anxiety, Metric::Energy];

    /// The name for people.
    pub fn label(self) -> &'static str {
        match self {
            Metric::Mood => tr(T::metric_mood),
            Metric::Anxiety => tr(T::metric_anxiety),
            Metric::Energy => tr(T::metric_energy),
        }
    }

    /// A stable machine name (DOM ids, never shown).
    pub fn slug(self) -> &'static str {
        match self {
            Metric::Mood => "mood",
            Metric::Anxiety => "anxiety",
            Metric::Energy => "energy",
        }
    }

    /// What a value means in words, for screen readers (`aria-valuetext`).
    pub fn describe(self, value: u8) -> String {
        let words = tr(match (self, value) {
            (Metric::Mood, 0..=2) => T::mood_very_low,
            (Metric::Mood, 3..=4) => T::mood_low,
            (Metric::Mood, 5) => T::mood_middling,
            (Metric::Mood, 6..=7) => T::mood_fairly_good,
            (Metric::Mood, _) => T::mood_very_good,
            (Metric::Anxiety, 0..=1) => T::anxiety_none,
            (Metric::Anxiety, 2..=4) => T::anxiety_some,
            (Metric::Anxiety, 5..=7) => T::anxiety_a_lot,
            (Metric::Anxiety, _) => T::anxiety_extreme,
            (Metric::Energy, 0..=2) => T::energy_exhausted,
            (Metric::Energy, 3..=4) => T::energy_low,
            (Metric::Energy, 5..=6) => T::energy_enough,
            (Metric::Energy, _) => T::energy_plenty,
        });
        crate::i18n::tr_with(T::metric_value, &[("value", &value.to_string()), ("words", words)])
    }

    /// This metric's value in a check-in.
    pub fn of(self, check_in: &CheckIn) -> u8 {
        match self {
            Metric::Mood => check_in.mood,
            Metric::Anxiety => check_in.anxiety,
            Metric::Energy => check_in.energy,
        }
    }
}

impl CheckIn {
    /// Checks every field and tidies emotion words (trimmed, ASCII lower case, no repeats).
    pub fn validated(mut self) -> Result<Self, CheckInError> {
        if [self.mood, self.anxiety, self.energy].iter().any(|v| *v > 10) {
            return Err(CheckInError::OutOfRange);
        }
        if self.sleep_half_hours.is_some_and(|h| h > 48) {
            return Err(CheckInError::BadSleep);
        }
        if self.note.chars().count() > MAX_NOTE_CHARS {
            return Err(CheckInError::TooLong);
        }
        self.note = self.note.trim().to_owned();
        let mut words: Vec<String> = Vec::new();
        for w in &self.emotions {
            // ASCII lower case: the words are Afterglow's own slugs (`EMOTION_WORDS`), and
            // Unicode lower case would bring its tables (about 7 KiB brotli) onto the first
            // screen, where stored check-ins are read.
            let w = w.trim().to_ascii_lowercase();
            if !w.is_empty() && w.chars().count() <= 40 && !words.contains(&w) {
                words.push(w);
            }
        }
        self.emotions = words;
        Ok(self)
    }

    /// Sleep in hours as written ("7" or "7.5"), without float formatting.
    pub fn sleep_text(&self) -> Option<String> {
        self.sleep_half_hours.map(|h| format!("{}{}", h / 2, if h % 2 == 1 { ".5" } else { "" }))
    }

    /// Hours of sleep, if given.
    pub fn sleep_hours(&self) -> Option<f64> {
        self.sleep_half_hours.map(|h| f64::from(h) / 2.0)
    }
}

/// Sleep hours as typed ("7.5", "7,5") to half hours; `None` for blank.
pub fn parse_sleep(text: &str) -> Result<Option<u8>, CheckInError> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Ok(None);
    }
    let hours = decimal(&text).ok_or(CheckInError::BadSleep)?;
    if !(0.0..=24.0).contains(&hours) {
        return Err(CheckInError::BadSleep);
    }
    Ok(Some((hours * 2.0).round() as u8))
}

/// `7`, `7.5`, `.5` or `+7.`: digits with at most one decimal point, read without the
/// standard library's float parser (about 6 KB of wasm for one field). Exponents, signs
/// other than `+`, and anything else are `None`.
fn decimal(text: &str) -> Option<f64> {
    let text = text.strip_prefix('+').unwrap_or(text);
    let (whole, part) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + part.len() == 0 || !digits(whole) || !digits(part) || whole.len() > 6 {
        return None;
    }
    let whole = if whole.is_empty() { 0 } else { whole.parse::<u32>().ok()? };
    // Nine decimals are more than a half hour can tell apart; the rest are dropped.
    let part = part.get(..part.len().min(9)).unwrap_or_default();
    let fraction = if part.is_empty() { 0 } else { part.parse::<u32>().ok()? };
    Some(f64::from(whole) + f64::from(fraction) / 10f64.powi(part.len() as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_in() -> CheckIn {
        let at = DateTime::from_timestamp(1_764_000_000, 0).unwrap();
        CheckIn {
            id: RecordId::generate(1, 1),
            at,
            stage: Stage::Integration,
            mood: 6,
            anxiety: 3,
            energy: 5,
            sleep_half_hours: Some(15),
            emotions: vec![" Calm ".into(), "calm".into(), "".into(), "Hopeful".into()],
            note: "  ok  ".into(),
            edited: at,
        }
    }

    #[test]
    fn a_check_in_is_tidied_and_validated() {
        let c = check_in().validated().unwrap();
        assert_eq!(c.emotions, ["calm", "hopeful"]);
        assert_eq!(c.note, "ok");
        assert_eq!(c.sleep_hours(), Some(7.5));
        assert_eq!(CheckIn { mood: 11, ..check_in() }.validated(), Err(CheckInError::OutOfRange));
        assert_eq!(
            CheckIn { sleep_half_hours: Some(49), ..check_in() }.validated(),
            Err(CheckInError::BadSleep)
        );
    }

    #[test]
    fn sleep_is_parsed_in_half_hours() {
        assert_eq!(parse_sleep(""), Ok(None));
        assert_eq!(parse_sleep("7"), Ok(Some(14)));
        assert_eq!(parse_sleep("6,5"), Ok(Some(13)));
        assert_eq!(parse_sleep("6.74"), Ok(Some(13)));
        assert_eq!(parse_sleep("25"), Err(CheckInError::BadSleep));
        assert_eq!(parse_sleep("-1"), Err(CheckInError::BadSleep));
        assert_eq!(parse_sleep("lots"), Err(CheckInError::BadSleep));
        for (typed, half_hours) in [
            (".5", 1),
            ("7.", 14),
            ("+7", 14),
            (" 8 ", 16),
            ("6.75", 14),
            ("0", 0),
            ("24", 48),
            ("07.50", 15),
        ] {
            assert_eq!(parse_sleep(typed), Ok(Some(half_hours)), "{typed}");
        }
        for typed in [".", "+", "24.1", "7.5.1", "1e1", "inf", "NaN", "7 h", "٧", "- 1", "9999999"] {
            assert_eq!(parse_sleep(typed), Err(CheckInError::BadSleep), "{typed}");
        }
    }

    #[test]
    fn values_are_described_in_words() {
        assert_eq!(Metric::Mood.describe(2), "2 of 10, very low");
        assert_eq!(Metric::Anxiety.describe(9), "9 of 10, extreme");
        assert_eq!(Metric::Energy.describe(7), "7 of 10, plenty");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Every decimal a person types reads as the standard library's float parser read
        /// it before, to the half hour.
        #[test]
        fn typed_hours_read_as_the_float_parser_read_them(typed in r"\+?[0-9]{0,3}(\.[0-9]{0,12})?") {
            let before = typed.parse::<f64>().ok().filter(|h| (0.0..=24.0).contains(h)).map(|h| (h * 2.0).round() as u8);
            proptest::prop_assert_eq!(parse_sleep(&typed).ok().flatten(), before, "{}", typed);
        }
    }
}
