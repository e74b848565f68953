//! Banners about the journal's safety: storage blocked, read-only, unreadable records,
//! and configuration problems for the clinic's developer. Shows; never changes data.

use super::store::{use_store, Persistence};
use crate::config::ConfigProblem;
use leptos::prelude::*;

/// Says plainly when nothing will be kept, or when saved data is read-only or partly
/// unreadable. Renders nothing when all is well.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let store = use_store();
    let persistence = match store.persistence() {
        Persistence::Saved => None,
        Persistence::MemoryOnly(reason) => Some(view! {
            <div class="ag-banner ag-banner--warn" role="alert">
                <strong>"Nothing will be kept. "</strong>
                {reason}
            </div>
        }),
        Persistence::ReadOnly(version) => Some(view! {
            <div class="ag-banner ag-banner--warn" role="alert">
                <strong>"Read-only. "</strong>
                {format!(
                    "This journal was saved by a newer version of Afterglow (format {version}). \
                     You can read it here, but changes are not saved so nothing of it is overwritten."
                )}
            </div>
        }),
    };
    let unreadable = store.unreadable();
    let unreadable = (!unreadable.is_empty()).then(|| {
        let count = unreadable.len();
        view! {
            <div class="ag-banner ag-banner--info" role="status">
                {format!(
                    "{count} saved item{} could not be read. {} left exactly as {}, and the rest of your journal is here.",
                    if count == 1 { "" } else { "s" },
                    if count == 1 { "It was" } else { "They were" },
                    if count == 1 { "it was" } else { "they were" },
                )}
            </div>
        }
    });
    view! { {persistence} {unreadable} }
}

/// Lists configuration values the widget refused, for whoever set up the page.
#[component]
pub fn ConfigNotice(
    /// The refused values.
    problems: Vec<ConfigProblem>,
) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <details class="ag-banner ag-banner--info">
                <summary>"Setup note for the site's developer"</summary>
                <ul>
                    {problems
                        .into_iter()
                        .map(|p| view! { <li><code>{p.attribute}</code>": "{p.message}</li> })
                        .collect_view()}
                </ul>
            </details>
        }
    })
}
