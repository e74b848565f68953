//! Afterglow: a private journal for people in ketamine-assisted psychotherapy.
//!
//! The crate is one Leptos client-side app. Its layers, from the inside out:
//! - [`domain`]: plain data and rules (stages, prompts, entries). No I/O.
//! - [`storage`]: the stored format and the repository; only `storage::local` touches
//!   `localStorage`.
//! - [`export`]: the therapist summary, Markdown, CSV and the JSON backup. No I/O.
//! - [`config`]: host-element attributes to a validated [`config::Config`].
//! - [`route`]: each widget's segment of the URL hash.
//! - `ui` (wasm32 only): Leptos components, thin over the layers above.
//!
//! Browser crates are wasm32-only dependencies, so the native build (and `cargo test`)
//! proves that `domain`, `storage` (but `local`) and `config` need no browser.

// Tests may sort with the standard library (clippy.toml: one sort in the wasm).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod config;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod route;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use ui::shell::page::start;
