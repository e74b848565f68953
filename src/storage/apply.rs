//! Writing a [`ChangeSet`] all-or-nothing: the space it needs is estimated first and a
//! set that does not fit is refused before anything is written; records are written
//! before any is removed, so nothing of the old journal goes until the new one is stored;
//! and if a write still fails part-way, every key touched is put back exactly as it was.
//!
//! Pure over [`KeyValueStore`]; must never leave a restore half-done.

use super::archive::{fingerprint, FoldJob, Place, TOMBSTONE};
use super::keys::Keys;
use super::record::{encode, to_json, PrefsRecord};
use super::{JournalRepo, StorageError};
use crate::domain::changeset::ChangeSet;
use crate::domain::number::fixed;
use crate::domain::{Journal, Kind};
use crate::i18n::{decimal, tr, tr_with, Text, T};
use std::collections::HashSet;

/// The smallest browser quota for localStorage, in UTF-16 code units (about 5 MiB): what
/// Firefox gives, and what Chromium's 10 MiB of two-byte characters comes to.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// Why a change set was not written. In every case storage holds what it held before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplyError {
    /// It would not fit in what is left of the site's storage.
    NoRoom {
        /// UTF-16 units it needs.
        need: usize,
        /// UTF-16 units free.
        free: usize,
        /// Whether this journal holds nothing yet (the room is taken by something else).
        empty: bool,
    },
    /// A write failed part-way; everything written was put back.
    RolledBack(StorageError),
    /// A write failed and putting back failed too: storage may hold part of the change.
    Partial(StorageError),
    /// The journal cannot be written here at all.
    Storage(StorageError),
}

impl ApplyError {
    /// The whole sentence, with what was being done as its subject (`T::subject_backup`:
    /// "This backup"), in the language shown.
    pub fn sentence(&self, subject: Text) -> String {
        let subject = tr(subject);
        match self {
            ApplyError::NoRoom { need, free, empty } => tr_with(
                if *empty { T::apply_no_room_empty } else { T::apply_no_room },
                &[("subject", subject), ("need", &amount(*need)), ("free", &amount(*free))],
            ),
            ApplyError::RolledBack(e) => {
                tr_with(T::apply_rolled_back, &[("subject", subject), ("why", &e.to_string())])
            }
            ApplyError::Partial(e) => {
                tr_with(T::apply_partial, &[("subject", subject), ("why", &e.to_string())])
            }
            ApplyError::Storage(e) => {
                tr_with(T::apply_storage, &[("subject", subject), ("why", &e.to_string())])
            }
        }
    }
}

/// UTF-16 units in words, as the storage figure counts them: megabytes with one
/// decimal, or whole kilobytes (rounded up) below a tenth of a megabyte, so a small
/// change never reads "0.0 MB".
fn amount(units: usize) -> String {
    if units < 102_400 {
        format!("{} KB", units.div_ceil(1024))
    } else {
        format!("{} MB", decimal(&fixed(units as f64 / 1_048_576.0, 1).to_string()))
    }
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

/// One key's planned value: `None` removes it.
struct Write {
    key: String,
    value: Option<String>,
}

/// The writes of `set`; a record that is (or may be) archived is removed by a tombstone
/// (`tombstone` says which).
fn writes(
    keys: &Keys,
    set: &ChangeSet,
    settings_base: &Journal,
    tombstone: &dyn Fn(&crate::domain::Kind, &crate::domain::RecordId) -> bool,
    packed: &HashSet<Place>,
) -> Vec<Write> {
    let mut sets = Vec::new();
    let mut removes = Vec::new();
    for c in set.changes.iter().filter(|c| !packed.contains(&(c.kind, c.id.clone()))) {
        let key = keys.of(c.kind, c.id.as_str());
        match &c.after {
            Some(r) => sets.push(Write { key, value: Some(encode(r)) }),
            None if tombstone(&c.kind, &c.id) => {
                removes.push(Write { key, value: Some(TOMBSTONE.to_owned()) })
            }
            None => removes.push(Write { key, value: None }),
        }
    }
    if let Some((_, after)) = &set.settings {
        let mut prefs = PrefsRecord::of(settings_base);
        prefs.stage = after.stage;
        prefs.pins = after.pinned.clone();
        sets.push(Write { key: keys.prefs(), value: Some(to_json(&prefs)) });
    }
    // Everything new is stored before anything old is removed.
    sets.extend(removes);
    sets
}

impl JournalRepo {
    /// Writes `set` (made against `current`, whose other settings are kept) all or
    /// nothing, within `quota_units` for the whole site.
    pub fn apply(&self, set: &ChangeSet, current: &Journal, quota_units: usize) -> Result<(), ApplyError> {
        self.apply_planned(set, current, quota_units, Vec::new(), &HashSet::new())
    }

    /// [`Self::apply`], with the records of closed months written straight into their
    /// months, packed by `compress` (a restore: a heavy writer's years take the room they
    /// take on the device that made the backup, not one key a record). The space is
    /// estimated from what is really written. Only restores call it, so the packing is
    /// in their chunks, not the first screen's.
    /// `after` is `set` applied to `current` (the caller shows it once stored).
    pub fn apply_packing(
        &self,
        set: &ChangeSet,
        current: &Journal,
        after: &Journal,
        quota_units: usize,
        compress: &dyn Fn(&str) -> String,
    ) -> Result<(), ApplyError> {
        self.writable().map_err(ApplyError::Storage)?;
        let now =
            |month: &str| self.store().get(&self.keys().month(month)).ok().flatten().map(|v| fingerprint(&v));
        let (jobs, packed) = self.archive.borrow().restore_jobs(set, after, self.today(), &now);
        let jobs: Vec<(FoldJob, String)> = jobs
            .into_iter()
            .map(|j| {
                let value = compress(&j.text);
                (j, value)
            })
            .collect();
        self.apply_planned(set, current, quota_units, jobs, &packed)
    }

    /// Writes `jobs`' months and `set`'s other records (those in `packed` are in a month).
    fn apply_planned(
        &self,
        set: &ChangeSet,
        current: &Journal,
        quota_units: usize,
        jobs: Vec<(FoldJob, String)>,
        packed: &HashSet<Place>,
    ) -> Result<(), ApplyError> {
        self.writable().map_err(ApplyError::Storage)?;
        let today = self.today();
        let plan = {
            let archive = self.archive.borrow();
            let tombstone = |kind: &crate::domain::Kind, id: &crate::domain::RecordId| {
                archive.needs_tombstone(&(*kind, id.clone()), today)
            };
            let mut plan: Vec<Write> = jobs
                .iter()
                .map(|(j, value)| Write { key: self.keys().month(&j.month), value: Some(value.clone()) })
                .collect();
            plan.extend(writes(self.keys(), set, current, &tombstone, packed));
            plan
        };
        // What each key holds now, to estimate with and to put back.
        let mut before = Vec::with_capacity(plan.len());
        for w in &plan {
            before.push(self.store().get(&w.key).map_err(ApplyError::Storage)?);
        }
        let need: usize = plan
            .iter()
            .zip(&before)
            .filter_map(|(w, old)| {
                let new = units(&w.key) + units(w.value.as_deref()?);
                let old = old.as_deref().map_or(0, |v| units(&w.key) + units(v));
                Some(new.saturating_sub(old))
            })
            .sum();
        let (_, site) = self.usage_and_site().map_err(ApplyError::Storage)?;
        let free = quota_units.saturating_sub(site);
        if need > free {
            return Err(ApplyError::NoRoom {
                need,
                free,
                empty: Kind::ALL.iter().all(|k| current.count(*k) == 0),
            });
        }
        for (i, w) in plan.iter().enumerate() {
            let written = match &w.value {
                Some(v) => self.write(&w.key, v),
                None => self.store().remove(&w.key),
            };
            if let Err(e) = written {
                let (done, was) = (plan.get(..i).unwrap_or_default(), before.get(..i).unwrap_or_default());
                return Err(self.put_back(done, was, e));
            }
        }
        let mut archive = self.archive.borrow_mut();
        for (job, value) in &jobs {
            archive.folded(job, value, &[]);
        }
        for w in &plan {
            let Some(super::keys::KeyKind::Record(kind, id)) = self.keys().classify(&w.key) else { continue };
            let Ok(id) = crate::domain::RecordId::parse(id) else { continue };
            let place = (kind, id);
            match w.value.as_deref() {
                Some(value) => archive.note_loose(place, value),
                None => archive.forget_loose(&place),
            }
        }
        Ok(())
    }

    /// Puts back the keys of `done` as `before` held them, newest first.
    fn put_back(&self, done: &[Write], before: &[Option<String>], cause: StorageError) -> ApplyError {
        let mut failed = false;
        for (w, old) in done.iter().zip(before).rev() {
            let result = match old {
                Some(v) => self.store().set(&w.key, v),
                None => self.store().remove(&w.key),
            };
            failed |= result.is_err();
        }
        if failed {
            ApplyError::Partial(cause)
        } else {
            ApplyError::RolledBack(cause)
        }
    }
}

#[cfg(test)]
mod tests;
