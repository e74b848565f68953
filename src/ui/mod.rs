//! Leptos components (wasm32 only). Thin: they read the store's signals and call its
//! methods; rules live in `domain`, persistence in `storage`. Must never touch
//! localStorage directly or parse user text as HTML.

pub mod follow_up;
pub mod goals;
pub mod journal;
pub mod kit;
pub mod lock;
pub mod mood;
pub mod my_plan;
pub mod reminders;
pub mod safety_plan;
pub mod session_day;
pub mod sessions;
pub mod settings;
#[cfg(feature = "setup-page")]
pub mod setup;
pub mod share;
pub mod shell;
pub mod staying_well;
pub mod steps;
pub mod store;
pub mod today;
