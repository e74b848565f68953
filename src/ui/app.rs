//! The root component: opens the store, provides it, lays out the views.

use super::banner::{ConfigNotice, StorageBanner};
use super::composer::Composer;
use super::entry_list::EntryList;
use super::stage_picker::StagePicker;
use super::store::{provide_store, use_store, JournalStore};
use crate::config::RawConfig;
use leptos::prelude::*;

/// Afterglow, mounted into one host element.
#[component]
pub fn App(
    /// Configuration as read from the host element.
    raw: RawConfig,
) -> impl IntoView {
    let (config, problems) = raw.validate();
    for p in &problems {
        leptos::logging::warn!("Afterglow: {}: {}", p.attribute, p.message);
    }
    provide_store(JournalStore::open(&config));
    view! {
        <div class="ag-app">
            <header class="ag-header">
                <p class="ag-brand">"Afterglow"</p>
                <p class="ag-privacy">"Private to this device. Nobody at your clinic can read it."</p>
            </header>
            <ConfigNotice problems=problems />
            <StorageBanner />
            <StagePicker />
            <Composer />
            <LiveRegion />
            <EntryList />
        </div>
    }
}

/// Announces status messages (saved, errors) to screen readers and shows them.
#[component]
fn LiveRegion() -> impl IntoView {
    let notice = use_store().notice();
    view! {
        <p class="ag-status" role="status" aria-live="polite">
            {move || notice.get().filter(|n| !n.is_error).map(|n| n.text)}
        </p>
        <p class="ag-status ag-status--error" role="alert">
            {move || notice.get().filter(|n| n.is_error).map(|n| n.text)}
        </p>
    }
}
