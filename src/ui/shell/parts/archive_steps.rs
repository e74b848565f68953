//! The archive's steps (`storage::codec`, `storage::months`, the codec of the kinds read
//! later) as split functions of the archive chunk: reading the records start-up left for
//! later, reading a slice of months, planning and folding one month, and taking another
//! tab's change (any kind, or a month). Each is one synchronous call once the chunk is in.
//!
//! Must never be called before [`archive_loaded`] has succeeded (a step then answers
//! `None`), and never fetch the chunk but through the prefetch or a retry.

use crate::domain::Journal;
use crate::storage::in_progress::TabWork;
use crate::storage::months::{FoldError, Opened};
use crate::storage::JournalRepo;
use crate::ui::store::{Care, JournalStore};

// The archive's work (`storage::codec`, `storage::months`), in a chunk of its own: the
// first screen carries neither a compressor nor the folding. Fetched first by the
// prefetch, since older entries wait for it.
crate::ui::shell::parts::split_steps! { archive_part, archive_split, preload_steps;
    /// Reads what start-up left into the journal ([`JournalStore::read_archive`]): the
    /// reading's code comes with this chunk, not the first screen.
    fn read_archive(store: JournalStore, months: Vec<String>, epoch: u32) -> (), preload preload_reading {
        store.read_archive(months, epoch)
    }

    /// Takes the text in progress of tabs that are gone into this one
    /// ([`JournalStore::take_over_tabs`]).
    fn take_over_tabs(store: JournalStore, gone: Vec<TabWork>) -> (), preload preload_tabs {
        store.take_over_tabs(gone)
    }

    /// Registers the codec of the kinds read later (their stored forms are in this chunk,
    /// not the first screen's) and reads the keys start-up left for it.
    fn read_later(repo: &JournalRepo) -> Opened, preload preload_later {
        crate::storage::record::later::register();
        repo.read_later()
    }

    /// Expands a slice of stored months and takes them into `repo`'s archive: the
    /// records to add to the journal, and what could not be read.
    fn open_months(repo: &JournalRepo, months: Vec<(String, String)>) -> Opened, preload preload_archive {
        let read = months
            .into_iter()
            .map(|(m, v)| {
                let text = crate::storage::codec::expand(&v);
                (m, v, text)
            })
            .collect();
        repo.open_months(read)
    }

    /// The closed months with loose keys to fold, oldest first.
    fn months_to_fold(repo: &JournalRepo, journal: &Journal) -> Vec<String>, preload preload_plan {
        repo.months_to_fold(journal)
    }

    /// Folds one month: builds its text, compresses it, writes it and takes in its loose
    /// keys (`Ok(None)`: nothing to do).
    fn fold_month(repo: &JournalRepo, journal: &Journal, month: &str) -> Result<Option<usize>, FoldError>, preload preload_fold {
        match repo.fold_job(journal, month) {
            Some(job) => repo.commit_fold(&job, &crate::storage::codec::compress(&job.text)).map(Some),
            None => Ok(None),
        }
    }

    /// Another tab changed `key` ([`JournalStore::apply_elsewhere`]): reading any kind and
    /// merging text in progress come with this chunk, not the first screen.
    fn follow_change(store: JournalStore, key: String, sent: Option<String>) -> (), preload preload_elsewhere {
        store.apply_elsewhere(key, sent)
    }

    /// Once the archive's work of this visit is over ([`Care::settled`]): measuring the
    /// storage and asking to keep it come with this chunk, not the first screen.
    fn care_settled(care: Care) -> (), preload preload_care {
        care.settled()
    }

    /// Another tab wrote (`Some`) or removed a month: the journal follows it.
    fn month_changed(
        repo: &JournalRepo,
        journal: &mut Journal,
        month: &str,
        value: Option<&str>
    ) -> Result<bool, String>, preload preload_follow {
        let text = value.map(crate::storage::codec::expand);
        repo.month_changed(journal, month, value, text)
    }
}

/// Waits until the archive's chunk is in for reading (or could not load: `Err` says so).
pub async fn archive_loaded() -> Result<(), String> {
    let why = |_| "the part of Afterglow that reads older entries did not load".to_owned();
    archive_split::preload_later().await.map_err(why)?;
    archive_split::preload_reading().await.map_err(why)?;
    archive_split::preload_tabs().await.map_err(why)?;
    archive_split::preload_elsewhere().await.map_err(why)?;
    archive_split::preload_care().await.map_err(why)?;
    archive_split::preload_archive().await.map_err(why)
}
