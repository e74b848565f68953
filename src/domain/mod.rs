//! The journal's plain data and rules: stages, prompts, entries.
//!
//! This module must never do I/O: no storage, no clock, no randomness, no DOM. It builds
//! natively (browser crates are wasm32-only dependencies), so `cargo test` covers it.

pub mod entry;
pub mod journal;
pub mod prompt;
pub mod stage;

pub use entry::{validate_text, EntryError, EntryId, JournalEntry, PromptRef, MAX_ENTRY_CHARS};
pub use journal::{Journal, Upsert};
pub use prompt::{Prompt, PromptLibrary};
pub use stage::Stage;
