//! What every kind of record shares: an id and a last-edit time, and the one merge rule
//! (the newer edit wins, in any order). Pure.

use super::checkin::CheckIn;
use super::entry::JournalEntry;
use super::id::RecordId;
use super::insight::{ActionStep, Insight};
use super::questionnaire::QuestionnaireResult;
use super::session::DosingSession;
use chrono::{DateTime, Utc};
use std::cmp::Ordering;

/// A record the journal keeps: an id and a last-edit time decide merges.
pub trait Record {
    /// The record's id.
    fn id(&self) -> &RecordId;
    /// When it was last changed.
    fn edited(&self) -> DateTime<Utc>;
}

macro_rules! record {
    ($t:ty) => {
        impl Record for $t {
            fn id(&self) -> &RecordId {
                &self.id
            }
            fn edited(&self) -> DateTime<Utc> {
                self.edited
            }
        }
    };
}
record!(JournalEntry);
record!(DosingSession);
record!(Insight);
record!(ActionStep);
record!(CheckIn);
record!(QuestionnaireResult);

/// What an upsert did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upsert {
    /// The record was new.
    Added,
    /// An older version was replaced.
    Replaced,
    /// The journal already had this version or a newer edit; nothing changed.
    KeptNewer,
}

pub(super) fn upsert<T: Record>(list: &mut Vec<T>, item: T, order: fn(&T, &T) -> Ordering) -> Upsert {
    let outcome = match list.iter().position(|e| e.id() == item.id()) {
        Some(i) if list[i].edited() >= item.edited() => return Upsert::KeptNewer,
        Some(i) => {
            list.remove(i);
            Upsert::Replaced
        }
        None => Upsert::Added,
    };
    let at = list.binary_search_by(|probe| order(probe, &item)).unwrap_or_else(|i| i);
    list.insert(at, item);
    outcome
}

pub(super) fn remove<T: Record>(list: &mut Vec<T>, id: &RecordId) -> Option<T> {
    let i = list.iter().position(|e| e.id() == id)?;
    Some(list.remove(i))
}
