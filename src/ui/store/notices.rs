//! Notices as a context: the one message the live region shows and announces (saved,
//! restored, why something failed), with Undo after a delete.
//!
//! Must never hold more than the current message, nor change the journal.

use crate::domain::AnyRecord;
use leptos::prelude::*;

/// A message for the live region, with an optional undo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The words to show and announce.
    pub text: String,
    /// Errors are announced assertively.
    pub is_error: bool,
    /// The deleted records "Undo" brings back exactly as they were, together.
    pub undo: Option<Vec<AnyRecord>>,
}

/// A handle to the current notice; `Copy`.
#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Option<Notice>>);

impl Notices {
    /// No message yet.
    pub fn new() -> Self {
        Notices(RwSignal::new(None))
    }

    /// The current message (reactive).
    pub fn current(&self) -> ReadSignal<Option<Notice>> {
        self.0.read_only()
    }

    /// Shows and announces a message.
    pub fn say(&self, text: impl Into<String>, is_error: bool) {
        self.0.set(Some(Notice { text: text.into(), is_error, undo: None }));
    }

    /// Says records were deleted and offers to bring them back.
    pub fn offer_undo(&self, text: impl Into<String>, deleted: Vec<AnyRecord>) {
        let undo = (!deleted.is_empty()).then_some(deleted);
        self.0.set(Some(Notice { text: text.into(), is_error: false, undo }));
    }

    /// Clears the message (on moving to another view, where it would be stale).
    pub fn clear(&self) {
        self.0.set(None);
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}

/// The notices provided by the app root.
pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}
