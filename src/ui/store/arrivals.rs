//! What arrives from tabs that are gone, handed on as events (never through a signal a
//! component watches and writes back): draft text for the composer, and edits in progress
//! for the entry rows open now. `tabs.rs` takes the text over; this file delivers it.
//!
//! Must never deliver the same draft twice, and never call a row that is gone.

use super::JournalStore;
use crate::storage::record::DraftRecord;
use leptos::prelude::*;

/// The open entry rows to tell when edits arrive, each with its ticket.
#[derive(Default)]
pub(in crate::ui) struct EditRows {
    next: u64,
    rows: Vec<(u64, std::rc::Rc<dyn Fn()>)>,
}

/// Draft text taken over from tabs that are gone: waiting for the composer, or the
/// composer that takes it.
#[derive(Default)]
pub(in crate::ui) struct Arrived {
    waiting: Option<DraftRecord>,
    taker: Option<std::rc::Rc<dyn Fn(DraftRecord)>>,
}

impl JournalStore {
    /// Calls `arrived` whenever edits in progress arrive from tabs that are gone (or are
    /// matched again once the archive is read), while the row that asked is open: the row
    /// looks for its own entry's edit ([`JournalStore::edit_in_progress`]). Returns the
    /// row's ticket for [`JournalStore::forget_edit_row`] when it goes.
    pub fn when_edits_arrive(&self, arrived: impl Fn() + 'static) -> u64 {
        self.work
            .edit_rows
            .try_update_value(|rows| {
                rows.next += 1;
                rows.rows.push((rows.next, std::rc::Rc::new(arrived)));
                rows.next
            })
            .unwrap_or_default()
    }

    /// The row with `ticket` is gone.
    pub fn forget_edit_row(&self, ticket: u64) {
        self.work.edit_rows.try_update_value(|rows| rows.rows.retain(|(t, _)| *t != ticket));
    }

    pub(super) fn tell_edit_rows(&self) {
        let rows: Vec<_> = self
            .work
            .edit_rows
            .try_with_value(|r| r.rows.iter().map(|(_, f)| f.clone()).collect())
            .unwrap_or_default();
        for tell in rows {
            tell();
        }
    }

    /// Hands draft text taken over from tabs that are gone to `take` (the composer), now
    /// if it arrived before the composer was there, else when it arrives. Delivered once:
    /// a remount does not add it again. The composer says when it goes
    /// ([`JournalStore::stop_taking_arrived`]).
    pub fn take_arrived_drafts(&self, take: impl Fn(DraftRecord) + 'static) {
        let take: std::rc::Rc<dyn Fn(DraftRecord)> = std::rc::Rc::new(take);
        let waiting = self.work.arrived.try_update_value(|a| {
            a.taker = Some(take.clone());
            a.waiting.take()
        });
        if let Some(draft) = waiting.flatten() {
            take(draft);
        }
    }

    /// The composer is gone: text that arrives now waits for the next one.
    pub fn stop_taking_arrived(&self) {
        self.work.arrived.try_update_value(|a| a.taker = None);
    }

    pub(super) fn deliver_arrived(&self, draft: DraftRecord) {
        let taker = self.work.arrived.try_update_value(|a| match &a.taker {
            Some(t) => Some(t.clone()),
            None => {
                a.waiting = Some(draft.clone());
                None
            }
        });
        if let Some(take) = taker.flatten() {
            take(draft);
        }
    }
}
