//! Upkeep of a namespace as a whole: setting unreadable values aside, measuring how much
//! storage the journal and the site take, and erasing the journal. Part of
//! [`JournalRepo`]; never removes a value before its copy is stored, and never touches a
//! key outside the namespace.

use super::keys::KeyKind;
use super::{JournalRepo, StorageError, Unreadable};

impl JournalRepo {
    /// Sets unreadable records aside under their own quarantine keys, so the journal can
    /// go on without them and nothing is lost: each value is copied first and its
    /// original key removed only once the copy is stored. The schema record is never
    /// moved (an unreadable one keeps the journal read-only). Returns the quarantine keys
    /// written, with the values; a value that could not be moved stays where it was.
    pub fn quarantine(&self, unreadable: &[Unreadable]) -> Vec<(String, String)> {
        if self.read_only.get().is_some() {
            return Vec::new();
        }
        let mut moved = Vec::new();
        for u in unreadable {
            if !matches!(
                self.keys().classify(&u.key),
                Some(
                    KeyKind::Record(..)
                        | KeyKind::Month(_)
                        | KeyKind::Prefs
                        | KeyKind::Draft(_)
                        | KeyKind::Edits(_)
                        | KeyKind::Forms(_)
                )
            ) {
                continue;
            }
            let Ok(Some(raw)) = self.store().get(&u.key) else { continue };
            let mut target = self.keys().quarantine(&u.key);
            let mut n = 1;
            while matches!(self.store().get(&target), Ok(Some(existing)) if existing != raw) {
                n += 1;
                target = format!("{}:{n}", self.keys().quarantine(&u.key));
            }
            if self.store().set(&target, &raw).is_ok() && self.store().remove(&u.key).is_ok() {
                moved.push((target, raw));
            }
        }
        moved
    }

    /// How much of the browser's storage this journal takes, in UTF-16 code units (keys
    /// and values), the unit browsers count quota in.
    pub fn usage(&self) -> Result<usize, StorageError> {
        Ok(self.usage_and_site()?.0)
    }

    /// How much of the site's storage is used by everything on it (this journal, other
    /// widgets, the host page): the quota is the site's, not the journal's.
    pub fn site_usage(&self) -> Result<usize, StorageError> {
        Ok(self.usage_and_site()?.1)
    }

    /// [`Self::usage`] and [`Self::site_usage`] together, from one read of the storage.
    pub fn usage_and_site(&self) -> Result<(usize, usize), StorageError> {
        let prefix = self.keys().prefix();
        let (mut own, mut site) = (0, 0);
        for (key, value) in self.store().entries_with_prefix("")? {
            let units = key.encode_utf16().count() + value.encode_utf16().count();
            site += units;
            if key.starts_with(prefix) {
                own += units;
            }
        }
        Ok((own, site))
    }

    /// Removes every key of this journal's namespace, and nothing else. Returns how many.
    pub fn erase_all(&self) -> Result<usize, StorageError> {
        let keys = self.store().keys_with_prefix(self.keys().prefix())?;
        for key in &keys {
            self.store().remove(key)?;
        }
        self.meta_written.set(false);
        self.read_only.set(None);
        self.archive.borrow_mut().clear();
        Ok(keys.len())
    }
}
