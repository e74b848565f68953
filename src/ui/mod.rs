//! Leptos components (wasm32 only). Thin: they read the store's signals and call its
//! methods; rules live in `domain`, persistence in `storage`. Must never touch
//! localStorage directly or parse user text as HTML.

pub mod app;
pub mod banner;
pub mod chart;
pub mod checkin_form;
pub mod composer;
pub mod crisis;
pub mod data_files;
pub mod entry_item;
pub mod fields;
pub mod files;
pub mod format;
pub mod frame;
pub mod intentions;
pub mod mood_summary;
pub mod mount;
pub mod nav;
pub mod notice;
pub mod page;
pub mod perf;
pub mod print;
pub mod prompt_bar;
pub mod questionnaire;
pub mod reminders;
pub mod session_link;
pub mod stage_picker;
pub mod steps;
pub mod store;
pub mod summary_view;
pub mod views;
pub mod welcome;
