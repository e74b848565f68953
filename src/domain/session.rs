//! Dosing sessions: first-class records that entries link to.
//!
//! Plain data with validation. Never reads the clock: callers pass the time in.

use super::id::RecordId;
use crate::i18n::{tr, tr_with, T};
use chrono::{DateTime, Utc};

/// How the ketamine was given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Route {
    /// Intravenous infusion, the most common in clinics.
    #[default]
    IvInfusion,
    /// Intramuscular injection.
    Intramuscular,
    /// Sublingual lozenge or troche.
    SublingualLozenge,
    /// Nasal spray.
    Intranasal,
    /// Anything else.
    Other,
}

crate::domain::names::stored_names!(Route {
    IvInfusion = "iv-infusion",
    Intramuscular = "intramuscular",
    SublingualLozenge = "sublingual-lozenge",
    Intranasal = "intranasal",
    Other = "other",
});

impl Route {
    /// Every route, in the order offered.
    pub const ALL: [Route; 5] =
        [Route::IvInfusion, Route::Intramuscular, Route::SublingualLozenge, Route::Intranasal, Route::Other];

    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            Route::IvInfusion => tr(T::route_iv),
            Route::Intramuscular => tr(T::route_im),
            Route::SublingualLozenge => tr(T::route_lozenge),
            Route::Intranasal => tr(T::route_intranasal),
            Route::Other => tr(T::route_other),
        }
    }

    /// The stable machine name.
    pub fn slug(self) -> &'static str {
        match self {
            Route::IvInfusion => "iv-infusion",
            Route::Intramuscular => "intramuscular",
            Route::SublingualLozenge => "sublingual-lozenge",
            Route::Intranasal => "intranasal",
            Route::Other => "other",
        }
    }

    /// The route with this slug.
    pub fn from_slug(slug: &str) -> Option<Route> {
        Route::ALL.into_iter().find(|r| r.slug() == slug)
    }
}

/// The longest free text a session field takes, in characters.
pub const MAX_SESSION_TEXT: usize = 2_000;

/// One dosing session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DosingSession {
    /// Unique, stable id.
    pub id: RecordId,
    /// When the session took place.
    pub at: DateTime<Utc>,
    /// Its number in the course, from 1.
    pub number: u32,
    /// How the medicine was given.
    pub route: Route,
    /// The intention carried into it.
    pub intention: String,
    /// Setting notes: music, eye mask, who was there.
    pub setting: String,
    /// Mood before, 0 (worst) to 10 (best).
    pub mood_before: Option<u8>,
    /// Mood after, 0 to 10.
    pub mood_after: Option<u8>,
    /// When the record was last changed.
    pub edited: DateTime<Utc>,
}

// Listed oldest first.
super::record::impl_record!(DosingSession, |a, b| a.at.cmp(&b.at));

/// Why a session could not be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionError {
    /// A mood outside 0 to 10.
    MoodOutOfRange,
    /// A session number of 0.
    BadNumber,
    /// A text field over [`MAX_SESSION_TEXT`].
    TooLong,
    /// A date outside the years a journal holds.
    BadDate,
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::MoodOutOfRange => f.write_str(tr(T::refuse_session_mood)),
            SessionError::BadNumber => f.write_str(tr(T::refuse_session_number)),
            SessionError::TooLong => {
                f.write_str(&tr_with(T::refuse_note_long, &[("max", &MAX_SESSION_TEXT.to_string())]))
            }
            SessionError::BadDate => f.write_str(tr(T::refuse_date)),
        }
    }
}

impl std::error::Error for SessionError {}

impl DosingSession {
    /// A session starting now: number `number`, nothing else known yet.
    pub fn starting(id: RecordId, now: DateTime<Utc>, number: u32, route: Route) -> Self {
        DosingSession {
            id,
            at: now,
            number: number.max(1),
            route,
            intention: String::new(),
            setting: String::new(),
            mood_before: None,
            mood_after: None,
            edited: now,
        }
    }

    /// Checks every field.
    pub fn validate(&self) -> Result<(), SessionError> {
        if super::when::checked(self.at).is_err() {
            return Err(SessionError::BadDate);
        }
        if self.number == 0 {
            return Err(SessionError::BadNumber);
        }
        if [self.mood_before, self.mood_after].into_iter().flatten().any(|m| m > 10) {
            return Err(SessionError::MoodOutOfRange);
        }
        if [&self.intention, &self.setting].iter().any(|t| t.chars().count() > MAX_SESSION_TEXT) {
            return Err(SessionError::TooLong);
        }
        Ok(())
    }

    /// The change in mood across the session, when both are known.
    pub fn mood_change(&self) -> Option<i16> {
        Some(i16::from(self.mood_after?) - i16::from(self.mood_before?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn routes_round_trip() {
        for route in Route::ALL {
            assert_eq!(Route::from_slug(route.slug()), Some(route));
            assert_eq!(serde_json::to_string(&route).unwrap(), format!("\"{}\"", route.slug()));
        }
    }

    #[test]
    fn sessions_are_validated() {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();
        let mut s = DosingSession::starting(RecordId::generate(1, 1), at, 2, Route::Intranasal);
        assert_eq!(s.validate(), Ok(()));
        s.mood_before = Some(3);
        s.mood_after = Some(7);
        assert_eq!(s.mood_change(), Some(4));
        s.mood_after = Some(11);
        assert_eq!(s.validate(), Err(SessionError::MoodOutOfRange));
        s.mood_after = None;
        assert_eq!(s.mood_change(), None);
        s.setting = "x".repeat(MAX_SESSION_TEXT + 1);
        assert_eq!(s.validate(), Err(SessionError::TooLong));
        assert_eq!(DosingSession::starting(RecordId::generate(1, 1), at, 0, Route::Other).number, 1);
    }
}
