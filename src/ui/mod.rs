//! Leptos components (wasm32 only). Thin: they read the store's signals and call its
//! methods; rules live in `domain`, persistence in `storage`. Must never touch
//! localStorage directly or parse user text as HTML.

pub mod app;
pub mod banner;
pub mod composer;
pub mod entry_list;
pub mod format;
pub mod mount;
pub mod stage_picker;
pub mod store;
