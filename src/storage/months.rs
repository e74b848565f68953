//! Reading and folding the archive of closed months ([`super::archive`]): part of
//! [`JournalRepo`]. The codec is not called here: the caller passes each month's text
//! expanded and each new value compressed (in the browser, by the archive chunk), so
//! this stays pure and the first screen's module carries no compressor.
//!
//! Must never remove a loose key before the month that takes it in has been written and
//! read back equal, never overwrite a month value this tab has not read, and never write
//! to a read-only journal.

use super::archive::{fingerprint, read_month_text, FoldJob, Line, Place};
use super::keys::KeyKind;
use super::record;
use super::{JournalRepo, StorageError, Unreadable};
use crate::domain::{AnyRecord, Batch, Journal};

/// One stored month, as read for opening: the month, its stored value, and its text
/// (expanded by the codec) or why it could not be.
pub type ReadMonth = (String, String, Result<String, String>);

/// What opening the archive found.
#[derive(Debug, Default)]
pub struct Opened {
    /// The archived records the journal should show (a loose key overrides its month).
    pub batch: Batch,
    /// Months that could not be read at all, and lines that could not (set aside).
    pub unreadable: Vec<Unreadable>,
    /// Values set aside: (quarantine key, raw value).
    pub quarantined: Vec<(String, String)>,
}

/// Why folding a month was not done. Nothing was changed in either case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FoldError {
    /// Another tab changed the month since this tab read it: read it again first.
    Stale,
    /// Storage refused (full, blocked, read-only).
    Storage(StorageError),
}

impl JournalRepo {
    /// The archived months stored (`YYYY-MM`), oldest first, without reading them.
    pub fn month_names(&self) -> Result<Vec<String>, StorageError> {
        let mut out: Vec<String> = self
            .store()
            .keys_with_prefix(self.keys().prefix())?
            .iter()
            .filter_map(|key| match self.keys().classify(key) {
                Some(KeyKind::Month(month)) => Some(month.to_owned()),
                _ => None,
            })
            .collect();
        crate::domain::order::sort(&mut out);
        Ok(out)
    }

    /// Every archived month's stored value: `(month, value)`, oldest first.
    pub fn month_values(&self) -> Result<Vec<(String, String)>, StorageError> {
        let mut out = Vec::new();
        for month in self.month_names()? {
            if let Some(value) = self.store().get(&self.keys().month(&month))? {
                out.push((month, value));
            }
        }
        Ok(out)
    }

    /// The record one line of a month holds.
    fn decode_line(&self, line: &Line<'_>) -> Result<AnyRecord, String> {
        match self.keys().classify(&format!("{}{}", self.keys().prefix(), line.tail)) {
            Some(KeyKind::Record(kind, id)) => record::decode(kind, line.json, id).map_err(|e| e.to_string()),
            _ => Err("not a record".to_owned()),
        }
    }

    /// Takes in months read from storage and expanded (all, or a slice of them; then
    /// [`Self::finish_opening`]): returns the records to add to the journal. A month that
    /// cannot be read is reported (the caller sets it aside whole); a line that cannot be read is copied to quarantine at once, and if that copy
    /// cannot be stored, its month is sealed: never rewritten, so the line is not lost.
    pub fn open_months(&self, months: Vec<ReadMonth>) -> Opened {
        let mut opened = Opened::default();
        let mut archive = self.archive.borrow_mut();
        for (month, value, text) in months {
            let key = self.keys().month(&month);
            let text = match text {
                Ok(text) => text,
                Err(reason) => {
                    opened.unreadable.push(Unreadable { key, reason });
                    continue;
                }
            };
            let lines = match read_month_text(&text) {
                Ok(lines) => lines,
                Err(reason) => {
                    opened.unreadable.push(Unreadable { key, reason });
                    continue;
                }
            };
            let mut records = Vec::with_capacity(lines.len());
            for line in lines {
                match self.decode_line(&line) {
                    Ok(r) => records.push(r),
                    Err(reason) => {
                        let target = format!("{}:{}", self.keys().quarantine(&key), line.tail);
                        let raw = line.json.to_owned();
                        // A read-only journal is never written: the month keeps the line.
                        if self.writable().is_ok() && self.store().set(&target, &raw).is_ok() {
                            opened.quarantined.push((target, raw));
                        } else {
                            archive.seal(&month);
                        }
                        opened.unreadable.push(Unreadable { key: format!("{key} {}", line.tail), reason });
                    }
                }
            }
            for r in archive.read_month(&month, &value, records) {
                opened.batch.push(r);
            }
        }
        opened
    }

    /// Every month has been read: folding may start, and deletes know what is archived.
    pub fn finish_opening(&self) {
        self.archive.borrow_mut().opened = true;
    }

    /// The closed months with loose keys to take in, oldest first (none until opened,
    /// and none in a read-only journal).
    pub fn months_to_fold(&self, journal: &Journal) -> Vec<String> {
        if self.writable().is_err() {
            return Vec::new();
        }
        self.archive.borrow().months_to_fold(journal, self.today())
    }

    /// The next write of `month`, if it has anything to take in.
    pub fn fold_job(&self, journal: &Journal, month: &str) -> Option<FoldJob> {
        self.archive.borrow().fold_job(journal, month)
    }

    /// Writes `job`'s month as `value` (its text compressed), reads it back, and only if
    /// storage holds exactly that, removes each loose key it took in that still holds
    /// what was taken in. Returns how many keys were removed.
    pub fn commit_fold(&self, job: &FoldJob, value: &str) -> Result<usize, FoldError> {
        self.writable().map_err(FoldError::Storage)?;
        let key = self.keys().month(&job.month);
        let stored = self.store().get(&key).map_err(FoldError::Storage)?;
        let known = self.archive.borrow().known(&job.month);
        if stored.as_deref().map(fingerprint) != known {
            return Err(FoldError::Stale);
        }
        // Each loose key must hold what this tab thinks it holds: otherwise another tab's
        // change has not arrived here yet, and folding this tab's older view of it could
        // bring back what that tab deleted.
        for ((kind, id), expect) in &job.folded {
            let loose = self.store().get(&self.keys().of(*kind, id.as_str())).map_err(FoldError::Storage)?;
            if loose.as_deref().map(fingerprint) != Some(*expect) {
                return Err(FoldError::Stale);
            }
        }
        self.write(&key, value).map_err(FoldError::Storage)?;
        if self.store().get(&key).map_err(FoldError::Storage)?.as_deref() != Some(value) {
            // Storage does not hold what was written: keep every loose key. Whatever it
            // holds is read again before the month is written again.
            let mut archive = self.archive.borrow_mut();
            archive.seal(&job.month);
            return Err(FoldError::Stale);
        }
        let mut removed: Vec<Place> = Vec::new();
        for ((kind, id), expect) in &job.folded {
            let loose = self.keys().of(*kind, id.as_str());
            if self.store().get(&loose).ok().flatten().as_deref().map(fingerprint) == Some(*expect)
                && self.store().remove(&loose).is_ok()
            {
                removed.push((*kind, id.clone()));
            }
        }
        self.archive.borrow_mut().folded(job, value, &removed);
        Ok(removed.len())
    }

    /// Another tab wrote or removed `month`: the records of it this tab shows are
    /// replaced by what it holds now (`text`: its value expanded, `None` when removed).
    /// Returns whether the journal changed; an unreadable month changes nothing.
    pub fn month_changed(
        &self,
        journal: &mut Journal,
        month: &str,
        value: Option<&str>,
        text: Option<Result<String, String>>,
    ) -> Result<bool, String> {
        let mut archive = self.archive.borrow_mut();
        let Some(value) = value else {
            let gone = archive.drop_month(month);
            let mut changed = false;
            for (kind, id) in gone {
                if !archive.is_loose(&(kind, id.clone())) {
                    changed |= journal.remove_any(kind, &id).is_some();
                }
            }
            return Ok(changed);
        };
        let text = text.unwrap_or_else(|| Err("not expanded".to_owned()))?;
        let lines = read_month_text(&text)?;
        // A line another tab could not read was set aside there.
        let records = lines.iter().filter_map(|line| self.decode_line(line).ok()).collect();
        let before: Vec<Place> = archive.drop_month(month);
        let shown = archive.read_month(month, value, records);
        let mut changed = false;
        for (kind, id) in before {
            if !archive.is_loose(&(kind, id.clone())) && archive.month_holding(&(kind, id.clone())).is_none()
            {
                changed |= journal.remove_any(kind, &id).is_some();
            }
        }
        for r in shown {
            if journal.get_any(r.kind(), r.id()).as_ref() != Some(&r) {
                journal.remove_any(r.kind(), r.id());
                journal.upsert_any(r);
                changed = true;
            }
        }
        Ok(changed)
    }
}
