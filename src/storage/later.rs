//! The records read later ([`super::record::later`]): part of [`JournalRepo`]. A start
//! decodes only the kinds the first screen shows and leaves the others' keys here; once
//! the archive's chunk has registered their codec (just after the first paint), they are
//! read as storage holds them then, so a change another tab made in between is the one
//! read. Another tab's change of such a key before then is left here the same way.
//!
//! Must never report a value as unreadable because its codec is not in yet, and never
//! drop a key it was given: a key read before the codec is in stays for the next read.

use super::archive::TOMBSTONE;
use super::keys::KeyKind;
use super::months::Opened;
use super::record::{self, RecordError};
use super::{JournalRepo, Unreadable};
use crate::domain::RecordId;

impl JournalRepo {
    /// Leaves `key`, a record of a kind read later, for [`Self::read_later`].
    pub fn defer(&self, key: &str) {
        let mut later = self.later.borrow_mut();
        if !later.iter().any(|k| k == key) {
            later.push(key.to_owned());
        }
    }

    /// How many keys wait for their codec.
    pub fn later_count(&self) -> usize {
        self.later.borrow().len()
    }

    /// Reads every key left for later, as storage holds it now: the records to add to the
    /// journal and the values that could not be read (to set aside like any other).
    /// Without the codec (it has not come in) nothing is read and every key stays.
    pub fn read_later(&self) -> Opened {
        let mut opened = Opened::default();
        if !record::later::is_in() {
            return opened;
        }
        let keys = std::mem::take(&mut *self.later.borrow_mut());
        let mut archive = self.archive.borrow_mut();
        for key in keys {
            let Some(KeyKind::Record(kind, id)) = self.keys().classify(&key) else { continue };
            let Ok(place_id) = RecordId::parse(id) else { continue };
            match self.store().get(&key) {
                // Gone since the start (another tab deleted it): nothing to show.
                Ok(None) => archive.forget_loose(&(kind, place_id)),
                Ok(Some(raw)) if raw == TOMBSTONE => archive.note_loose((kind, place_id), TOMBSTONE),
                Ok(Some(raw)) => match record::decode(kind, &raw, id) {
                    Ok(r) => {
                        archive.note_loose((kind, place_id), &raw);
                        opened.batch.push(r);
                    }
                    Err(RecordError::NotYet) => self.later.borrow_mut().push(key),
                    Err(e) => opened.unreadable.push(Unreadable { key, reason: e.to_string() }),
                },
                // Storage failed to answer: keep the key for the next read.
                Err(_) => self.later.borrow_mut().push(key),
            }
        }
        opened
    }
}

#[cfg(test)]
mod tests;
