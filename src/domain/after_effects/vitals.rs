//! Blood pressure and pulse: one reading and its checks, for typing errors only. Never a
//! judgement of health.

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
    pub fn check(&self, when: &str) -> Result<(), String> {
        let ranged = [
            ("upper (systolic) pressure", self.systolic, SYSTOLIC),
            ("lower (diastolic) pressure", self.diastolic, DIASTOLIC),
            ("pulse", self.pulse, PULSE),
        ];
        for (name, value, (lo, hi)) in ranged {
            if let Some(v) = value.filter(|v| !(lo..=hi).contains(v)) {
                return Err(format!(
                    "The {name} {when} reads {v}, which looks like a typing error (readings are between {lo} and {hi}). Please check it."
                ));
            }
        }
        if let (Some(s), Some(d)) = (self.systolic, self.diastolic) {
            if d >= s {
                return Err(format!(
                    "The lower pressure {when} ({d}) is not below the upper one ({s}); they may be swapped. Please check them."
                ));
            }
        }
        Ok(())
    }

    /// "120/80, pulse 72", with what was noted.
    pub fn words(&self) -> String {
        let pressure = match (self.systolic, self.diastolic) {
            (Some(s), Some(d)) => Some(format!("{s}/{d} mmHg")),
            (Some(s), None) => Some(format!("{s} mmHg upper")),
            (None, Some(d)) => Some(format!("{d} mmHg lower")),
            (None, None) => None,
        };
        let pulse = self.pulse.map(|p| format!("pulse {p}"));
        [pressure, pulse].into_iter().flatten().collect::<Vec<_>>().join(", ")
    }
}
