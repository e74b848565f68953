//! Blood pressure and pulse: one reading and its checks, for typing errors only. Never a
//! judgement of health.

use crate::i18n::{tr_with, Text, T};
/// One blood pressure and pulse reading, each optional.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// Systolic (upper) pressure, mmHg.
    pub systolic: Option<u16>,
    /// Diastolic (lower) pressure, mmHg.
    pub diastolic: Option<u16>,
    /// Pulse, beats a minute.
    pub pulse: Option<u16>,
}

/// The plausible range of each number: outside it, the number is most likely mistyped.
const SYSTOLIC: (u16, u16) = (50, 260);
const DIASTOLIC: (u16, u16) = (30, 160);
const PULSE: (u16, u16) = (25, 230);

impl Reading {
    /// Whether nothing was noted.
    pub fn is_empty(&self) -> bool {
        *self == Reading::default()
    }

    /// Checks for typing errors only (a number far outside what any reading shows, or a
    /// lower pressure above the upper). Says nothing about health.
    /// `before` says which reading this is (before the session, or after it).
    pub fn check(&self, before: bool) -> Result<(), String> {
        let pick = |b: Text, a: Text| if before { b } else { a };
        let ranged = [
            (pick(T::vitals_typo_upper_before, T::vitals_typo_upper_after), self.systolic, SYSTOLIC),
            (pick(T::vitals_typo_lower_before, T::vitals_typo_lower_after), self.diastolic, DIASTOLIC),
            (pick(T::vitals_typo_pulse_before, T::vitals_typo_pulse_after), self.pulse, PULSE),
        ];
        for (words, value, (lo, hi)) in ranged {
            if let Some(v) = value.filter(|v| !(lo..=hi).contains(v)) {
                let [v, lo, hi] = [v, lo, hi].map(|n| n.to_string());
                return Err(tr_with(words, &[("v", &v), ("lo", &lo), ("hi", &hi)]));
            }
        }
        if let (Some(s), Some(d)) = (self.systolic, self.diastolic) {
            if d >= s {
                let words = pick(T::vitals_swapped_before, T::vitals_swapped_after);
                return Err(tr_with(words, &[("d", &d.to_string()), ("s", &s.to_string())]));
            }
        }
        Ok(())
    }

    /// "120/80, pulse 72", with what was noted.
    pub fn words(&self) -> String {
        let pressure = match (self.systolic, self.diastolic) {
            (Some(s), Some(d)) => Some(format!("{s}/{d} mmHg")),
            (Some(s), None) => Some(tr_with(T::vitals_upper_only, &[("s", &s.to_string())])),
            (None, Some(d)) => Some(tr_with(T::vitals_lower_only, &[("d", &d.to_string())])),
            (None, None) => None,
        };
        let pulse = self.pulse.map(|p| tr_with(T::vitals_pulse, &[("p", &p.to_string())]));
        [pressure, pulse].into_iter().flatten().collect::<Vec<_>>().join(", ")
    }
}
