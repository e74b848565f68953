//! The clinic setup page (`setup.html`, its own binary `src/bin/setup.rs`): a form with
//! every option, each checked as it is typed by the widget's own rules
//! ([`crate::config::RawConfig::validate`]), a live preview of the journal mounted with
//! that configuration in a throwaway namespace, and the snippet, the iframe variant and
//! the headers ready to copy, with a pasted snippet read back into the form.
//!
//! Compiled only with the `setup-page` feature, so the journal's own build never
//! contains it. Must never make a network request, and never write outside the preview's
//! namespace ([`preview::NAMESPACE`]), which it clears when the page opens and closes.

mod fields;
mod output;
mod preview;
mod rows;

use crate::config::setup::SetupForm;
use leptos::prelude::*;

/// Mounts the setup page into the document's body.
pub fn start() {
    preview::clear();
    leptos::mount::mount_to_body(SetupPage);
    // The preview's views are in this one module (no chunk to fetch); the prefetch marks
    // them loaded, as it does for the journal once its chunks are in.
    leptos::prelude::set_timeout(crate::ui::shell::parts::prefetch, std::time::Duration::ZERO);
}

/// The folder this page was served from: where the journal's files are, by default.
fn own_folder() -> String {
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    match path.rfind('/') {
        Some(i) => path[..=i].to_owned(),
        None => "/".to_owned(),
    }
}

#[component]
fn SetupPage() -> impl IntoView {
    let form = RwSignal::new(SetupForm::new(&own_folder()));
    view! {
        <header class="setup-header">
            <h1 id="setup-title" tabindex="-1">"Set up Afterglow for your clinic"</h1>
            <p>
                "Fill in what your clinic needs; leave the rest empty for Afterglow's defaults. "
                "Each option is checked as you type by the same rules the journal uses, the preview "
                "shows the journal as your patients will see it, and the snippet at the end is ready to "
                "copy onto your page. Nothing here leaves this browser, and the preview's practice "
                "journal is cleared when you close the page."
            </p>
        </header>
        <div class="setup-layout">
            <main id="setup-form" class="setup-form">
                <fields::Groups form=form />
            </main>
            <aside class="setup-side" aria-label="Preview and result">
                <preview::Preview form=form />
                <output::Output form=form />
            </aside>
        </div>
    }
}
