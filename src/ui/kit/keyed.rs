//! Keyed lists (the journal's days and entries, goals, sessions, steps...) through one
//! copy of Leptos's `<For>`. A `<For>` is compiled again for every list, with its diffing
//! and its row owners (about 5 KB of wasm each, measured with `make profile-owners`); here
//! every list hands it the same row type, so there is one, and each list adds only the
//! code that makes its rows.
//!
//! A row's view is made only when its key is new, as `<For>` does: a record's key holds
//! its last edit, so an edited record gets a new row and an unchanged one keeps its own
//! (with whatever the patient had open in it).
//!
//! Must never hold state of its own beyond the rows on screen.

use crate::domain::{Record, RecordId};
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

/// What tells one row from another: a record as last edited, a day, or a record with a
/// text (a link's words).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    /// A record, and when it was last edited.
    Edited(RecordId, DateTime<Utc>),
    /// A calendar day.
    Day(NaiveDate),
    /// A record and a text.
    Text(RecordId, String),
}

/// One row: its key, and what makes its view (called once, when the key is new).
struct Row {
    key: Key,
    view: Box<dyn FnOnce() -> AnyView + Send>,
}

/// A keyed list of `each`'s items (tracked), each keyed by `key` and shown by `row`.
/// Generic, but small: it only wraps each item in a [`Row`]; the list is [`rows`],
/// compiled once.
pub fn list<T, R>(each: impl Fn() -> Vec<T> + Send + 'static, key: fn(&T) -> Key, row: R) -> AnyView
where
    T: Send + 'static,
    R: Fn(T) -> AnyView + Clone + Send + 'static,
{
    rows(Box::new(move || {
        each()
            .into_iter()
            .map(|item| {
                let row = row.clone();
                Row { key: key(&item), view: Box::new(move || row(item)) }
            })
            .collect()
    }))
}

/// A keyed list of records (tracked), each keyed by its id and last edit.
pub fn records<T, R>(each: impl Fn() -> Vec<T> + Send + 'static, row: R) -> AnyView
where
    T: Record + Send + 'static,
    R: Fn(T) -> AnyView + Clone + Send + 'static,
{
    list(each, |r: &T| Key::Edited(r.id().clone(), r.edited()), row)
}

fn rows(each: Box<dyn Fn() -> Vec<Row> + Send>) -> AnyView {
    view! { <For each=each key=|r: &Row| r.key.clone() let:r>{(r.view)()}</For> }.into_any()
}
