//! The archive of closed months, as the app runs it: the months are read after the first
//! screen, in slices, and then the closed months' loose records are folded into them in
//! the background (a schema-1 journal's migration is the same folding), one month a
//! slice, under a Web Lock so two tabs never fold at once. Another tab's month change is
//! read again here. The codec runs in the archive's chunk (`shell::parts`).
//!
//! Must never show a list as complete before the months are read (views ask
//! [`JournalStore::archive_state`]), and never fold in a read-only or memory-only journal.

use super::{JournalStore, Persistence};
use crate::domain::Batch;
use crate::storage::months::FoldError;
use crate::storage::tab;
use crate::ui::shell::{parts, perf};
use leptos::prelude::*;

/// Where reading the archived months stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArchiveState {
    /// The months are being read: lists of everything wait.
    Reading,
    /// Everything is in the journal.
    Ready,
    /// The months could not be read here (the archive's chunk did not load): why.
    Failed(String),
}

/// Whether the archive's work of this visit is over, and what waits for it.
#[derive(Default)]
pub(super) struct Settled {
    done: bool,
    waiting: Vec<Box<dyn FnOnce()>>,
}

/// How long one slice of reading or folding may run before the page gets a turn, in ms.
const SLICE_MS: f64 = 12.0;

fn clock() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

impl JournalStore {
    /// Whether older entries are in yet. Reactive.
    pub fn archive_state(&self) -> ArchiveState {
        self.archive.get()
    }

    /// Runs `work` once the archive's work of this visit is over (read, and folded or
    /// given up), at once if it is: then the journal is whole and the storage figure
    /// means what it says. An event, not an effect: nothing watches a flag for it.
    pub fn when_archive_settled(&self, work: impl FnOnce() + 'static) {
        let mut work = Some(work);
        let done = self.settled.try_update_value(|s| {
            if !s.done {
                if let Some(w) = work.take() {
                    s.waiting.push(Box::new(w));
                }
            }
            s.done
        });
        // Settled already: at once (a store that is gone runs nothing).
        if let (Some(true), Some(w)) = (done, work) {
            w();
        }
    }

    fn settle_archive(&self) {
        perf::mark("ag:archive-folded");
        self.run_settled();
    }

    /// Marks the archive settled and runs what waited for it (outside the borrow, so the
    /// work may ask the store anything).
    fn run_settled(&self) {
        let waiting = self
            .settled
            .try_update_value(|s| {
                s.done = true;
                std::mem::take(&mut s.waiting)
            })
            .unwrap_or_default();
        for work in waiting {
            work();
        }
    }

    /// Whether every record is in the journal. Reactive.
    pub fn archive_ready(&self) -> bool {
        self.archive.with(|a| *a == ArchiveState::Ready)
    }

    /// Reads what start-up left (the kinds read later, then the archived months) into the
    /// journal, after the first screen, then folds what is due in the background.
    pub fn open_archive(&self) {
        let store = *self;
        let months = store.repo.with_value(|r| r.month_names()).unwrap_or_default();
        store.archive.set(ArchiveState::Reading);
        let epoch = store.repo.with_value(|r| r.archive().epoch());
        leptos::task::spawn_local(async move {
            perf::begin("ag:archive-read");
            if let Err(why) = parts::archive_loaded().await {
                let _ = store.archive.try_set(ArchiveState::Failed(why));
                return store.settle_archive();
            }
            if store.journal.is_disposed() || !store.same_epoch(epoch) {
                return;
            }
            // The reading itself runs in the archive's chunk, which is in now.
            if parts::read_archive(store, months, epoch).is_none() {
                let _ = store.archive.try_set(ArchiveState::Failed("older entries could not be read".into()));
                store.settle_archive();
            }
        });
    }

    /// Whether the journal is still the one whose archive `epoch` was read from (not
    /// erased or read again meanwhile).
    fn same_epoch(&self, epoch: u32) -> bool {
        self.repo.try_with_value(|r| r.archive().epoch() == epoch).unwrap_or(false)
    }

    /// The reading of [`JournalStore::open_archive`], once the archive's chunk is in:
    /// the kinds read later, then `months` in slices, then everything into the journal.
    /// Called only from the chunk (`shell::parts::read_archive`), so its code is there.
    pub(crate) fn read_archive(&self, months: Vec<String>, epoch: u32) {
        let store = *self;
        let current = move || store.same_epoch(epoch);
        leptos::task::spawn_local(async move {
            let mut batch = Batch::default();
            let mut unreadable = Vec::new();
            let mut quarantined = Vec::new();
            let mut rest = months.into_iter().peekable();
            // First the records of kinds read later (their keys are loose: they take
            // precedence over any archived copy, so they are not filtered below).
            let Some(later) = store.repo.with_value(parts::read_later) else {
                let _ = store.archive.try_set(ArchiveState::Failed("some records could not be read".into()));
                return store.settle_archive();
            };
            unreadable.extend(later.unreadable);
            while rest.peek().is_some() {
                // A slice: about a year of a daily writer's months.
                let names: Vec<String> = rest.by_ref().take(12).collect();
                if store.journal.is_disposed() || !current() {
                    return; // unmounted, or the journal was erased or read again meanwhile
                }
                // Each month as it is now, not as it was before the chunk came in: another
                // tab may have folded it meanwhile (its events are kept for afterwards).
                let slice: Vec<(String, String)> = names
                    .into_iter()
                    .filter_map(|m| {
                        let key = store.repo.with_value(|r| r.keys().month(&m));
                        store.repo.with_value(|r| r.raw(&key)).ok().flatten().map(|v| (m, v))
                    })
                    .collect();
                let Some(opened) = store.repo.with_value(|r| parts::open_months(r, slice)) else {
                    let _ =
                        store.archive.try_set(ArchiveState::Failed("older entries could not be read".into()));
                    return store.settle_archive();
                };
                batch.extend(opened.batch);
                unreadable.extend(opened.unreadable);
                quarantined.extend(opened.quarantined);
                tab::next_slice().await;
            }
            if store.journal.is_disposed() || !current() {
                return;
            }
            store.repo.with_value(|r| r.finish_opening());
            let moved = store.repo.with_value(|r| r.quarantine(&unreadable));
            quarantined.extend(moved);
            // A record another tab wrote or deleted since its month was read has its own
            // key now, which the journal already follows: the month's copy must not win.
            store.repo.with_value(|r| {
                let archive = r.archive();
                batch.retain(&mut |kind, id| !archive.is_loose(&(kind, id.clone())));
            });
            batch.extend(later.batch);
            store.journal.update(|j| j.upsert_batch(batch));
            if !unreadable.is_empty() {
                store.unreadable.update(|u| u.extend(unreadable));
            }
            if !quarantined.is_empty() {
                store.quarantined.update(|q| q.extend(quarantined));
            }
            perf::end("ag:archive-read");
            store.archive.set(ArchiveState::Ready);
            // Other tabs' changes that waited for this chunk (it failed to load, and came
            // in with a retry), before the months changed meanwhile.
            store.follow_elsewhere();
            store.rematch_orphans();
            // Months other tabs changed while these were read: read them again now.
            for month in store.changed_while_reading.try_update_value(std::mem::take).unwrap_or_default() {
                store.month_changed_elsewhere(month);
            }
            store.fold_in_background();
        });
    }

    /// Folds the closed months' loose records into their months, a month a slice, while
    /// no other tab is doing it, once every chunk is in. Stops at the first refusal (a
    /// full quota, another tab's change): nothing is lost, and the next visit tries again.
    fn fold_in_background(&self) {
        let store = *self;
        if store.persistence() != Persistence::Saved {
            return store.settle_archive();
        }
        parts::after_prefetch(move || store.fold_now());
    }

    fn fold_now(&self) {
        let store = *self;
        if store.journal.is_disposed() {
            return;
        }
        if store.persistence() != Persistence::Saved {
            return store.settle_archive();
        }
        leptos::task::spawn_local(async move {
            if parts::archive_loaded().await.is_err() || store.journal.is_disposed() {
                return store.settle_archive();
            }
            let due = store
                .journal
                .with_untracked(|j| store.repo.with_value(|r| parts::months_to_fold(r, j)))
                .unwrap_or_default();
            if due.is_empty() {
                return store.settle_archive();
            }
            store.fold_months(due);
        });
    }

    fn fold_months(&self, due: Vec<String>) {
        let store = *self;
        let lock = format!("afterglow-archive:{}", store.config.namespace());
        leptos::task::spawn_local(async move {
            perf::begin("ag:archive-fold");
            tab::exclusive(&lock, async move {
                let mut slice_start = clock();
                for month in due {
                    if store.journal.is_disposed() {
                        return;
                    }
                    let folded = perf::timed("ag:fold-month", || {
                        store
                            .journal
                            .with_untracked(|j| store.repo.with_value(|r| parts::fold_month(r, j, &month)))
                    });
                    match folded {
                        Some(Ok(_)) | Some(Err(FoldError::Stale)) => {}
                        Some(Err(FoldError::Storage(e))) => {
                            leptos::logging::warn!("Afterglow: archiving {month} stopped: {e}");
                            return;
                        }
                        None => return,
                    }
                    if clock() - slice_start > SLICE_MS {
                        tab::next_slice().await;
                        slice_start = clock();
                    }
                }
            })
            .await;
            perf::end("ag:archive-fold");
            store.settle_archive();
        });
    }

    /// Another tab wrote or removed an archived month: reads it again.
    pub(super) fn month_changed_elsewhere(&self, month: String) {
        let store = *self;
        if store.archive.with_untracked(|a| *a != ArchiveState::Ready) {
            // Still reading: read again once the reading is done.
            store.changed_while_reading.update_value(|m| {
                m.insert(month);
            });
            return;
        }
        let key = store.repo.with_value(|r| r.keys().month(&month));
        let value = store.repo.with_value(|r| r.raw(&key)).ok().flatten();
        store.journal.update(|j| {
            let changed = store.repo.with_value(|r| parts::month_changed(r, j, &month, value.as_deref()));
            if let Some(Err(why)) = changed {
                leptos::logging::warn!("Afterglow: another tab wrote an unreadable month {month}: {why}");
            }
        });
    }
}
