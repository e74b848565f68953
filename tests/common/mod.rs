//! What the integration tests share, written once: an entry made at a time in
//! milliseconds, and two tabs on one store that hear each other's writes late, as the
//! browser's storage events deliver them (`tabs`). Each test file takes it with
//! `mod common;` and uses what it needs.
// Each test crate uses a part of this module; the rest would warn as unused there.
#![allow(dead_code)]

pub mod tabs;

use afterglow::domain::{EntryDraft, JournalEntry, RecordId, Stage};
use chrono::DateTime;

/// An entry of `text` written at `millis` (Unix time) in `stage`; its id is made at the
/// same millisecond with the random part `random`.
pub fn entry_in(stage: Stage, millis: i64, random: u32, text: &str) -> JournalEntry {
    let at = DateTime::from_timestamp_millis(millis).unwrap();
    let draft = EntryDraft { text: text.into(), ..EntryDraft::default() };
    JournalEntry::new(RecordId::generate(millis, random), at, stage, draft).unwrap()
}
