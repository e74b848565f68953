//! One question a patient's plan asks (the safety plan's steps, the plan for staying
//! well's parts): its heading and what to write. Afterglow's own words. Pure.

use crate::i18n::{tr, Text};

/// One question of a plan, in every language (see `crate::i18n`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanQuestion {
    /// The heading ("My early warning signs").
    pub title: Text,
    /// What to write, in a sentence.
    pub hint: Text,
}

impl PlanQuestion {
    /// The heading, in the language shown.
    pub fn title(self) -> &'static str {
        tr(self.title)
    }

    /// What to write, in the language shown.
    pub fn hint(self) -> &'static str {
        tr(self.hint)
    }

    /// The heading as a form and a print show it: numbered where the plan's questions are
    /// steps in an order to follow.
    pub fn heading(self, i: usize, numbered: bool) -> String {
        if numbered {
            format!("{}. {}", i + 1, self.title())
        } else {
            self.title().to_owned()
        }
    }
}
