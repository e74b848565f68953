//! The archive of closed months (schema 2): what is stored where, and what folding a
//! month back together means. Pure bookkeeping over a [`Journal`]; the repository does
//! the reading and writing (`months.rs`), and the codec runs in its own chunk.
//!
//! ```text
//! {ns}:m:{YYYY-MM}  every record of a closed month: its text (below), deflated, packed
//! {ns}:{tag}:{id}   a loose record: this month's and last month's, or an edit of an
//!                   archived one (it overrides the archive until folded back)
//!                   or TOMBSTONE: an archived record deleted (until folded back)
//! ```
//! A month's text is a header line and one line per record, `{tag}:{id}` TAB its stored
//! JSON (which never holds a raw newline or tab), sorted by key, so packing the same
//! records twice gives the same value.
//!
//! A record belongs to the month its id was made in (ids carry their creation time), or,
//! for an id made elsewhere, the month it was last edited in when first archived; once
//! archived, it stays in that month. A month is closed once it is neither this month nor
//! the last (UTC).
//!
//! Must never decide that a record is gone because its month has not been read yet, and
//! never fold a month whose stored value it has not read.

use crate::domain::changeset::ChangeSet;
use crate::domain::order::{map_of, set_of};
use crate::domain::{AnyRecord, Journal, Kind, RecordId};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What a loose record key holds when an archived record was deleted.
pub const TOMBSTONE: &str = "{\"deleted\":true}";

/// A record's place: its kind and id.
pub type Place = (Kind, RecordId);

/// `YYYY-MM` of a time.
pub fn month_of_time(at: DateTime<Utc>) -> String {
    format!("{:04}-{:02}", at.year(), at.month())
}

/// The month a record is archived in when it is first archived.
pub fn month_of(id: &RecordId, edited: DateTime<Utc>) -> String {
    id.created_millis()
        .and_then(DateTime::<Utc>::from_timestamp_millis)
        .map_or_else(|| month_of_time(edited), month_of_time)
}

/// The month an id was made in, when Afterglow made it.
fn month_of_id(id: &RecordId) -> Option<String> {
    id.created_millis().and_then(DateTime::<Utc>::from_timestamp_millis).map(month_of_time)
}

/// The first month that is still open on `today`: last month. Months before it are closed.
pub fn first_open(today: NaiveDate) -> String {
    let (y, m) = if today.month() == 1 { (today.year() - 1, 12) } else { (today.year(), today.month() - 1) };
    format!("{y:04}-{m:02}")
}

/// Whether `text` names a month (`YYYY-MM`), as a month key's tail must.
pub fn is_month(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 7
        && b.get(4) == Some(&b'-')
        && b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit())
        && matches!(
            &text[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

/// A 64-bit FNV-1a hash of a stored value: enough to tell whether storage still holds
/// the value this tab read, without keeping a copy of it.
pub fn fingerprint(value: &str) -> u64 {
    value.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// One month to write: its new text and the loose keys it takes in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoldJob {
    /// `YYYY-MM`.
    pub month: String,
    /// The month's new text (every record of it the journal holds).
    pub text: String,
    /// The records it holds.
    pub places: Vec<Place>,
    /// The loose keys it takes in, with the fingerprint of what each must still hold to
    /// be removed (the value this tab last read or wrote there).
    pub folded: Vec<(Place, u64)>,
}

/// What a tab knows of the archive: where each archived record is, which records have a
/// loose key, and which month values it has read.
#[derive(Clone, Debug, Default)]
pub struct Archive {
    /// Whether every month has been read (until then, nothing is folded, and a delete
    /// writes a tombstone whenever the record might be archived).
    pub opened: bool,
    index: HashMap<Place, String>,
    /// Loose keys: whether each is a tombstone, and the fingerprint of its value.
    loose: HashMap<Place, (bool, u64)>,
    /// The fingerprint of each month's value as last read or written here.
    months: BTreeMap<String, u64>,
    /// Months never to rewrite: a line of them could not be read nor set aside.
    sealed: BTreeSet<String>,
    /// Counts loads and erases: a read of the months begun before one must not add them.
    epoch: u32,
}

impl Archive {
    /// A record (or tombstone) with its own key was seen or written: `value` is what
    /// the key holds.
    pub fn note_loose(&mut self, place: Place, value: &str) {
        self.loose.insert(place, (value == TOMBSTONE, fingerprint(value)));
    }

    /// A record's own key was removed.
    pub fn forget_loose(&mut self, place: &Place) {
        self.loose.remove(place);
    }

    /// Whether a record has its own key (a tombstone included).
    pub fn is_loose(&self, place: &Place) -> bool {
        self.loose.contains_key(place)
    }

    /// The month a record is archived in, if it is.
    pub fn month_holding(&self, place: &Place) -> Option<&str> {
        self.index.get(place).map(String::as_str)
    }

    /// Whether deleting this record must leave a tombstone rather than remove its key:
    /// when it is archived, or might be: its id says it was made in a closed month (or
    /// does not say), so this tab's months not being read yet, or another tab having just
    /// folded it, cannot bring it back.
    pub fn needs_tombstone(&self, place: &Place, today: NaiveDate) -> bool {
        self.index.contains_key(place) || month_of_id(&place.1).is_none_or(|m| m < first_open(today))
    }

    /// Whether a record may live in a month: its id says it was made in a closed month,
    /// or does not say when it was made (the day does not matter here: closed months
    /// are before this one and the last, so any month before this one counts). `today`
    /// comes from the caller, as every date here does.
    pub fn might_be_archived(&self, place: &Place, today: NaiveDate) -> bool {
        let this_month = format!("{:04}-{:02}", today.year(), today.month());
        self.index.contains_key(place) || month_of_id(&place.1).is_none_or(|m| m < this_month)
    }

    /// The fingerprint of what this tab last read or wrote under `month`.
    pub fn known(&self, month: &str) -> Option<u64> {
        self.months.get(month).copied()
    }

    /// Takes in one month read from storage (`value`'s fingerprint, its decoded records):
    /// indexes them, and returns those the journal should show (a loose key overrides).
    pub fn read_month(&mut self, month: &str, value: &str, records: Vec<AnyRecord>) -> Vec<AnyRecord> {
        self.index.retain(|_, m| m != month);
        self.months.insert(month.to_owned(), fingerprint(value));
        let mut shown = Vec::with_capacity(records.len());
        for r in records {
            let place = (r.kind(), r.id().clone());
            if !self.loose.contains_key(&place) {
                shown.push(r);
            }
            self.index.insert(place, month.to_owned());
        }
        shown
    }

    /// Another tab removed a month (an erase): it is forgotten here.
    pub fn drop_month(&mut self, month: &str) -> Vec<Place> {
        self.months.remove(month);
        let gone: Vec<Place> =
            self.index.iter().filter(|(_, m)| *m == month).map(|(p, _)| p.clone()).collect();
        self.index.retain(|_, m| m != month);
        gone
    }

    /// A month must never be rewritten by this tab.
    pub fn seal(&mut self, month: &str) {
        self.sealed.insert(month.to_owned());
    }

    /// Forgets everything (the journal was erased).
    pub fn clear(&mut self) {
        *self = Archive { opened: true, epoch: self.epoch + 1, ..Archive::default() };
    }

    /// Starts over from a fresh load.
    pub fn replace(&mut self, fresh: Archive) {
        *self = Archive { epoch: self.epoch + 1, ..fresh };
    }

    /// Which load or erase this knowledge dates from.
    pub fn epoch(&self) -> u32 {
        self.epoch
    }

    /// Where a loose record belongs: where it is archived, else where it would be.
    fn home(&self, place: &Place, edited: Option<DateTime<Utc>>) -> Option<String> {
        if let Some(m) = self.index.get(place) {
            return Some(m.clone());
        }
        match edited {
            Some(edited) => Some(month_of(&place.1, edited)),
            None => month_of_id(&place.1),
        }
    }

    /// The closed months that have loose keys to take in, oldest first. Nothing before
    /// the archive is opened.
    pub fn months_to_fold(&self, journal: &Journal, today: NaiveDate) -> Vec<String> {
        if !self.opened {
            return Vec::new();
        }
        let open = first_open(today);
        let months: BTreeSet<String> = set_of(
            self.loose_homes(journal)
                .into_iter()
                .map(|(_, m)| m)
                .filter(|m| *m < open && !self.sealed.contains(m)),
        );
        months.into_iter().collect()
    }

    /// Each loose key with the month it belongs to (a tombstone by its record's place; a
    /// record by the journal's version of it). A loose key the journal does not hold is
    /// one this tab could not read: it is left out, so no fold takes it in.
    fn loose_homes(&self, journal: &Journal) -> Vec<(Place, String)> {
        let mut edits = HashMap::new();
        journal.each_id(&mut |kind, id, edited| {
            let place = (kind, id.clone());
            if self.loose.contains_key(&place) {
                edits.insert(place, edited);
            }
        });
        self.loose
            .iter()
            .filter_map(|(place, (tombstone, _))| {
                let edited = match (*tombstone, edits.get(place)) {
                    (true, _) => None,
                    (false, Some(edited)) => Some(*edited),
                    (false, None) => return None,
                };
                self.home(place, edited).map(|m| (place.clone(), m))
            })
            .collect()
    }

    /// The job that writes `month` with every record of it the journal holds and takes in
    /// its loose keys. `None` when the month is sealed or has nothing to take in.
    pub fn fold_job(&self, journal: &Journal, month: &str) -> Option<FoldJob> {
        if self.sealed.contains(month) {
            return None;
        }
        let folded_places: BTreeSet<Place> =
            set_of(self.loose_homes(journal).into_iter().filter(|(_, m)| m == month).map(|(p, _)| p));
        if folded_places.is_empty() {
            return None;
        }
        let records = journal.records_where(&mut |kind, id| {
            let place = (kind, id.clone());
            match self.loose.get(&place) {
                Some((true, _)) => false,
                Some((false, _)) => folded_places.contains(&place),
                None => self.index.get(&place).is_some_and(|m| m == month),
            }
        });
        let text = month_text(&records);
        let folded = folded_places
            .into_iter()
            .filter_map(|place| self.loose.get(&place).map(|(_, print)| (place, *print)))
            .collect();
        let places = records.iter().map(|r| (r.kind(), r.id().clone())).collect();
        Some(FoldJob { month: month.to_owned(), text, places, folded })
    }

    /// For a restore (or its undo) made against `after`, the journal as it will be: the
    /// closed months `set` touches, each with every record of `after` it will hold, so
    /// they are written packed instead of one key a record; and the places of `set`
    /// they hold. A record with a loose key stays loose (its key overrides the archive),
    /// and nothing is packed before every month has been read, nor into a sealed month.
    /// `current` gives a month's stored value's fingerprint now: a month changed since
    /// it was read here is left alone.
    pub fn restore_jobs(
        &self,
        set: &ChangeSet,
        after: &Journal,
        today: NaiveDate,
        current: &dyn Fn(&str) -> Option<u64>,
    ) -> (Vec<FoldJob>, HashSet<Place>) {
        if !self.opened {
            return (Vec::new(), HashSet::new());
        }
        let open = first_open(today);
        let mut packed: HashMap<Place, String> = HashMap::new();
        let mut checked: HashMap<String, bool> = HashMap::new();
        for c in &set.changes {
            let place = (c.kind, c.id.clone());
            if self.loose.contains_key(&place) {
                continue;
            }
            let edited = c.after.as_ref().or(c.before.as_ref()).map(AnyRecord::edited);
            let Some(month) = self.home(&place, edited) else { continue };
            let fits = *checked.entry(month.clone()).or_insert_with(|| {
                month < open
                    && !self.sealed.contains(&month)
                    && current(&month) == self.months.get(&month).copied()
            });
            if fits {
                packed.insert(place, month);
            }
        }
        let month_for = |place: &Place| match packed.get(place) {
            Some(m) => Some(m),
            None if self.loose.contains_key(place) => None,
            None => self.index.get(place),
        };
        let mut by_month: BTreeMap<String, Vec<AnyRecord>> =
            map_of(packed.values().map(|m| (m.clone(), Vec::new())));
        let records = after.records_where(&mut |kind, id| {
            month_for(&(kind, id.clone())).is_some_and(|m| by_month.contains_key(m))
        });
        for r in records {
            if let Some(list) = month_for(&(r.kind(), r.id().clone())).and_then(|m| by_month.get_mut(m)) {
                list.push(r);
            }
        }
        let jobs = by_month
            .into_iter()
            .map(|(month, records)| {
                let places = records.iter().map(|r| (r.kind(), r.id().clone())).collect();
                FoldJob { text: month_text(&records), month, places, folded: Vec::new() }
            })
            .collect();
        (jobs, packed.into_keys().collect())
    }

    /// `job`'s month was written as `value`; `removed` are the loose keys taken away.
    pub fn folded(&mut self, job: &FoldJob, value: &str, removed: &[Place]) {
        self.index.retain(|_, m| *m != job.month);
        for place in &job.places {
            self.index.insert(place.clone(), job.month.clone());
        }
        self.months.insert(job.month.clone(), fingerprint(value));
        for place in removed {
            self.loose.remove(place);
        }
    }
}

mod text;
pub use text::{month_text, read_month_text, Line};

#[cfg(test)]
mod tests;
