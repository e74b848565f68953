//! What every kind of record shares: an id and a last-edit time, and the one merge rule
//! (the newer edit wins, in any order). Pure.

use super::id::RecordId;
use super::order::{stable_order, swaps};
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

/// Adds `item`, or replaces an older version of it (the newer edit wins; on a tie the one
/// already there), at its place in the kind's order.
pub(super) fn upsert<T: Record>(list: &mut Vec<T>, item: T) -> Upsert {
    list.push(item);
    place_last(list)
}

/// Adds many records at once, as loading does: the same list as upserting them one by
/// one in order (per id the newest edit wins; on a tie the one already there, then the
/// earlier one), in O(n log n) rather than O(n²).
pub(super) fn upsert_all<T: Record>(list: &mut Vec<T>, items: Vec<T>) {
    list.extend(items);
    merge(list);
}

/// One kind's list seen through its indices. The merge rules below are written once
/// against it rather than compiled once per kind: sixteen copies of them were about
/// 16 KB of the first screen's wasm. Each kind keeps only these few small methods.
/// Indices outside the list read as nothing and change nothing.
trait Slots {
    fn count(&self) -> usize;
    fn id_at(&self, i: usize) -> Option<&RecordId>;
    fn edited_at(&self, i: usize) -> Option<DateTime<Utc>>;
    /// The kind's order of the records at `a` and `b`.
    fn cmp_at(&self, a: usize, b: usize) -> Ordering;
    fn swap_at(&mut self, a: usize, b: usize);
    fn keep_first(&mut self, n: usize);
}

impl<T: Record> Slots for Vec<T> {
    fn count(&self) -> usize {
        self.len()
    }
    fn id_at(&self, i: usize) -> Option<&RecordId> {
        self.get(i).map(Record::id)
    }
    fn edited_at(&self, i: usize) -> Option<DateTime<Utc>> {
        self.get(i).map(Record::edited)
    }
    fn cmp_at(&self, a: usize, b: usize) -> Ordering {
        match (self.get(a), self.get(b)) {
            (Some(a), Some(b)) => T::order(a, b),
            _ => Ordering::Equal,
        }
    }
    fn swap_at(&mut self, a: usize, b: usize) {
        if a.max(b) < self.len() {
            self.swap(a, b);
        }
    }
    fn keep_first(&mut self, n: usize) {
        self.truncate(n);
    }
}

/// Puts the record just pushed at the end where it belongs: drops it when the list has
/// the same or a newer edit of it, replaces an older one, keeps the kind's order.
fn place_last(list: &mut dyn Slots) -> Upsert {
    let Some(mut last) = list.count().checked_sub(1) else { return Upsert::Added };
    let outcome = match (0..last).find(|&i| list.id_at(i) == list.id_at(last)) {
        Some(i) if list.edited_at(i) >= list.edited_at(last) => {
            list.keep_first(last);
            return Upsert::KeptNewer;
        }
        Some(i) => {
            shift(list, i, last);
            list.keep_first(last);
            last -= 1;
            Upsert::Replaced
        }
        None => Upsert::Added,
    };
    // The first place whose record does not come before the new one.
    let (mut low, mut high) = (0, last);
    while low < high {
        let mid = low + (high - low) / 2;
        if list.cmp_at(mid, last) == Ordering::Less {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    shift(list, last, low);
    outcome
}

/// Moves the record at `from` to `to`, those between moving up or down one place (by
/// neighbouring swaps: the same work as `Vec::insert`'s copy, with no per-kind copy of it).
fn shift(list: &mut dyn Slots, from: usize, to: usize) {
    if from < to {
        (from..to).for_each(|at| list.swap_at(at, at + 1));
    } else {
        (to..from).rev().for_each(|at| list.swap_at(at, at + 1));
    }
}

/// Sorts by id (newest edit first within an id, ties in the order they came), keeps the
/// first of each id, then puts the rest in the kind's order: both sorts stable.
fn merge(list: &mut dyn Slots) {
    let by_id = stable_order(list.count(), &|a, b| {
        list.id_at(a).cmp(&list.id_at(b)).then_with(|| list.edited_at(b).cmp(&list.edited_at(a)))
    });
    rearrange(list, &by_id);
    let mut kept = 0;
    for at in 1..list.count() {
        if list.id_at(at) != list.id_at(kept) {
            kept += 1;
            list.swap_at(kept, at);
        }
    }
    list.keep_first(if list.count() == 0 { 0 } else { kept + 1 });
    let by_order = stable_order(list.count(), &|a, b| list.cmp_at(a, b));
    rearrange(list, &by_order);
}

/// Puts the record at `order[k]` into place `k`, for every `k`.
fn rearrange(list: &mut dyn Slots, order: &[usize]) {
    for (a, b) in swaps(order) {
        list.swap_at(a, b);
    }
}

/// Takes the record with this id out of the list, the rest keeping their order.
pub(super) fn remove<T: Record>(list: &mut Vec<T>, id: &RecordId) -> Option<T> {
    let last = list.len().checked_sub(1)?;
    let i = (0..list.len()).find(|&i| list.id_at(i) == Some(id))?;
    shift(list, i, last);
    list.pop()
}

#[cfg(test)]
mod tests;
