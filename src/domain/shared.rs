//! Summaries remembered: each time the patient prints, downloads, copies or shares a
//! therapist summary, when, the period, the sections and the way are kept (never the
//! content), so Share can list what went to the therapist and offer "since the last
//! summary I shared". Each is removable. Pure.

use super::id::RecordId;
use super::journal::Journal;
use chrono::{DateTime, NaiveDate, Utc};

/// How a summary left the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    /// Printed or saved as PDF.
    Print,
    /// Downloaded as Markdown.
    Download,
    /// Copied as text.
    Copy,
    /// Given to the system share sheet.
    Share,
}

impl Way {
    /// Every way, in Share's order.
    pub const ALL: [Way; 4] = [Way::Print, Way::Download, Way::Copy, Way::Share];

    /// The stored name.
    pub fn slug(self) -> &'static str {
        match self {
            Way::Print => "print",
            Way::Download => "download",
            Way::Copy => "copy",
            Way::Share => "share",
        }
    }

    /// The way with this stored name.
    pub fn from_slug(slug: &str) -> Option<Way> {
        Way::ALL.into_iter().find(|w| w.slug() == slug)
    }

    /// In words, after the date ("printed").
    pub fn done(self) -> &'static str {
        crate::i18n::tr(match self {
            Way::Print => crate::i18n::T::way_print,
            Way::Download => crate::i18n::T::way_download,
            Way::Copy => crate::i18n::T::way_copy,
            Way::Share => crate::i18n::T::way_share,
        })
    }
}

/// One summary that left the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedSummary {
    /// Unique, stable id.
    pub id: RecordId,
    /// When it left.
    pub at: DateTime<Utc>,
    /// The period's first day.
    pub from: NaiveDate,
    /// The period's last day.
    pub to: NaiveDate,
    /// The sections it held (the summary's own names for them).
    pub sections: Vec<String>,
    /// How.
    pub way: Way,
    /// When the record was last changed.
    pub edited: DateTime<Utc>,
}

// Listed oldest first.
super::record::impl_record!(SharedSummary, |a, b| a.at.cmp(&b.at));

/// The most sections a record keeps, and the longest name of one.
pub const MAX_SECTIONS: usize = 32;
const MAX_SECTION_CHARS: usize = 40;

impl SharedSummary {
    /// Checks the period and the section names.
    pub fn validate(&self) -> Result<(), String> {
        if self.from > self.to {
            return Err(crate::i18n::tr(crate::i18n::T::refuse_shared_period).to_owned());
        }
        if self.sections.len() > MAX_SECTIONS
            || self.sections.iter().any(|s| s.is_empty() || s.chars().count() > MAX_SECTION_CHARS)
        {
            return Err(crate::i18n::tr(crate::i18n::T::refuse_shared_sections).to_owned());
        }
        Ok(())
    }
}

impl Journal {
    /// Summaries that left the app, oldest first.
    pub fn shared_summaries(&self) -> &[SharedSummary] {
        &self.records.shared_summaries
    }

    /// The last summary that left the app, if any.
    pub fn last_shared(&self) -> Option<&SharedSummary> {
        self.records.shared_summaries.last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn shared(n: i64, day: u32, way: Way) -> SharedSummary {
        let at = Utc.with_ymd_and_hms(2026, 11, day, 12, 0, 0).unwrap();
        SharedSummary {
            id: RecordId::generate(n, n as u32),
            at,
            from: at.date_naive() - chrono::Duration::days(13),
            to: at.date_naive(),
            sections: vec!["sessions".into(), "mood".into()],
            way,
            edited: at,
        }
    }

    #[test]
    fn the_last_shared_is_the_latest_whatever_the_order_of_arrival() {
        let mut j = Journal::default();
        assert!(j.last_shared().is_none());
        j.upsert_any(shared(2, 20, Way::Copy));
        j.upsert_any(shared(1, 5, Way::Print));
        assert_eq!(j.last_shared().map(|s| s.way), Some(Way::Copy));
        assert_eq!(j.shared_summaries().len(), 2);
    }

    #[test]
    fn a_record_is_checked_and_ways_round_trip() {
        let mut s = shared(1, 5, Way::Share);
        assert_eq!(s.validate(), Ok(()));
        s.from = s.to + chrono::Duration::days(1);
        assert!(s.validate().is_err());
        let mut s = shared(1, 5, Way::Share);
        s.sections.push(String::new());
        assert!(s.validate().is_err());
        for w in Way::ALL {
            assert_eq!(Way::from_slug(w.slug()), Some(w));
        }
        assert_eq!(Way::from_slug("fax"), None);
    }

    #[test]
    fn a_damaged_record_is_refused_in_the_patients_language() {
        let mut backwards = shared(1, 5, Way::Copy);
        backwards.from = backwards.to + chrono::Duration::days(1);
        let mut odd = shared(2, 5, Way::Copy);
        odd.sections.push(String::new());
        assert_eq!(backwards.validate().unwrap_err(), "The period ends before it starts.");
        let spanish = crate::i18n::spanish();
        assert_eq!(spanish.run(|| backwards.validate().unwrap_err()), "El periodo termina antes de empezar.");
        assert_eq!(
            spanish.run(|| odd.validate().unwrap_err()),
            "La lista de secciones no es una que Afterglow escriba."
        );
    }
}
