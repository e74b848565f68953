//! What every kind of record shares: an id and a last-edit time, and the one merge rule
//! (the newer edit wins, in any order). Pure.

use super::id::RecordId;
use super::order::{permuted, stable_order};
use chrono::{DateTime, Utc};
use std::cmp::Ordering;

/// A record the journal keeps: an id and a last-edit time decide merges; `order` is the
/// order the journal lists its kind in. Each kind implements it in its own domain file.
pub trait Record {
    /// The record's id.
    fn id(&self) -> &RecordId;
    /// When it was last changed.
    fn edited(&self) -> DateTime<Utc>;
    /// The order the journal keeps this kind in (ties broken by id, so it is total).
    fn order(a: &Self, b: &Self) -> Ordering;
}

/// A record the patient saves from a form, checked against the journal's rules before it
/// is kept. Each kind answers in its own error type; the store refuses the record with
/// that error's words, so a view only collects input and never words a rule itself.
pub trait Checked: Record + Into<super::kinds::AnyRecord> {
    /// Why a record of this kind is refused, in words for the patient.
    type Error: std::fmt::Display;
    /// Whether it keeps its kind's rules.
    fn check(&self) -> Result<(), Self::Error>;
}

/// Implements [`Checked`] with each kind's own `validate`.
macro_rules! impl_checked {
    ($($t:ty => $e:ty,)*) => {
        $( impl Checked for $t {
            type Error = $e;
            fn check(&self) -> Result<(), $e> {
                self.validate()
            }
        } )*
    };
}

impl_checked! {
    super::DosingSession => super::session::SessionError,
    super::AfterEffects => String,
    super::SessionDay => super::session_day::SessionDayError,
    super::Medicine => super::session_day::SessionDayError,
    super::Goal => super::GoalError,
    super::GoalRating => super::GoalError,
    super::follow_up::FollowUpCheck => String,
    super::SharedSummary => String,
    super::SafetyPlan => String,
    super::StayingWellPlan => super::staying_well::StayingWellError,
}

/// A link has nothing to check: the goal and the record it names are ids the page chose.
impl Checked for super::GoalLink {
    type Error = std::convert::Infallible;
    fn check(&self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// Implements [`Record`] for a kind with `id` and `edited` fields, ordered by `$order`.
macro_rules! impl_record {
    ($t:ty, $order:expr) => {
        impl $crate::domain::Record for $t {
            fn id(&self) -> &$crate::domain::RecordId {
                &self.id
            }
            fn edited(&self) -> chrono::DateTime<chrono::Utc> {
                self.edited
            }
            fn order(a: &Self, b: &Self) -> std::cmp::Ordering {
                let order: fn(&Self, &Self) -> std::cmp::Ordering = $order;
                order(a, b).then_with(|| a.id.cmp(&b.id))
            }
        }
    };
}
pub(crate) use impl_record;

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

pub(super) fn upsert<T: Record>(list: &mut Vec<T>, item: T) -> Upsert {
    let outcome = match list.iter().position(|e| e.id() == item.id()) {
        Some(i) if list.get(i).is_some_and(|e| e.edited() >= item.edited()) => return Upsert::KeptNewer,
        Some(i) => {
            list.remove(i);
            Upsert::Replaced
        }
        None => Upsert::Added,
    };
    let at = list.binary_search_by(|probe| T::order(probe, &item)).unwrap_or_else(|i| i);
    list.insert(at, item);
    outcome
}

/// Adds many records at once, as loading does: the same list as upserting them one by
/// one in order (per id the newest edit wins; on a tie the one already there, then the
/// earlier one), in O(n log n) rather than O(n²).
#[allow(clippy::indexing_slicing, reason = "the comparators get indices 0..len of the list they index")]
pub(super) fn upsert_all<T: Record>(list: &mut Vec<T>, items: Vec<T>) {
    list.extend(items);
    // Stable: within an id, newest edit first, ties in their original order.
    let by_id = stable_order(list.len(), &|a, b| {
        list[a].id().cmp(list[b].id()).then_with(|| list[b].edited().cmp(&list[a].edited()))
    });
    let mut unique = permuted(std::mem::take(list), &by_id);
    unique.dedup_by(|later, kept| later.id() == kept.id());
    let by_order = stable_order(unique.len(), &|a, b| T::order(&unique[a], &unique[b]));
    *list = permuted(unique, &by_order);
}

pub(super) fn remove<T: Record>(list: &mut Vec<T>, id: &RecordId) -> Option<T> {
    let i = list.iter().position(|e| e.id() == id)?;
    Some(list.remove(i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[derive(Clone, Debug, PartialEq)]
    struct Note {
        id: RecordId,
        edited: DateTime<Utc>,
        version: u32,
    }

    impl Record for Note {
        fn id(&self) -> &RecordId {
            &self.id
        }
        fn edited(&self) -> DateTime<Utc> {
            self.edited
        }
        fn order(a: &Note, b: &Note) -> Ordering {
            b.edited.cmp(&a.edited).then_with(|| a.id.cmp(&b.id))
        }
    }

    #[test]
    fn a_batch_gives_the_same_list_as_one_upsert_at_a_time() {
        // Ids with several versions, edit-time ties, arriving in a scrambled order.
        let mut state = 7u64;
        let mut next = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as u32
        };
        let items: Vec<Note> = (0..400)
            .map(|version| {
                let n = next() % 60;
                Note {
                    id: RecordId::generate(1_700_000_000_000 + i64::from(n), n),
                    edited: Utc.timestamp_millis_opt(1_700_000_000_000 + i64::from(next() % 5)).unwrap(),
                    version,
                }
            })
            .collect();
        let (first, rest) = items.split_at(50);
        let mut one_by_one = Vec::new();
        for item in items.iter().cloned() {
            upsert(&mut one_by_one, item);
        }
        let mut batched = Vec::new();
        for item in first.iter().cloned() {
            upsert(&mut batched, item);
        }
        upsert_all(&mut batched, rest.to_vec());
        assert_eq!(batched, one_by_one);
        assert!(batched.len() > 50, "most of the 60 ids occur");
    }
}
