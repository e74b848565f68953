//! Banners about the journal's safety: storage blocked, read-only, unreadable records,
//! and configuration problems for the clinic's developer. Shows; never changes data.

use crate::config::ConfigProblem;
use crate::ui::kit::files;
use crate::ui::shell::nav::{link, View};
use crate::ui::store::care::{QUOTA_UNITS, WARN_AT};
use crate::ui::store::{today, use_care, use_store, Persistence};
use leptos::prelude::*;

/// Says plainly when nothing will be kept, or when saved data is read-only or partly
/// unreadable. Renders nothing when all is well.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let store = use_store();
    let care = use_care();
    let persistence = match store.persistence() {
        Persistence::Saved => None,
        Persistence::MemoryOnly(reason) => Some(
            view! {
                <div class="ag-banner ag-banner--warn" role="alert">
                    <strong>"Nothing will be kept. "</strong>
                    {reason}
                    " "
                    <a class="ag-link" href=link(View::Share)>"Download a backup before you leave"</a>
                </div>
            }
            .into_any(),
        ),
        Persistence::ReadOnly(_) if store.format_repairable() => Some(
            view! {
                <div class="ag-banner ag-banner--warn" role="alert">
                    <strong>"Read-only for now. "</strong>
                    "This journal's format record is damaged, but every entry and record in it reads as this version's. "
                    "Download a backup first, then repair the format record to keep writing. Nothing else is changed. "
                    <a class="ag-link" href=link(View::Share)>"Download a backup"</a>
                    " "
                    <button type="button" class="ag-button ag-button--small" on:click=move |_| store.repair_format()>
                        "Repair and keep writing"
                    </button>
                </div>
            }
            .into_any(),
        ),
        Persistence::ReadOnly(version) => Some(
            view! {
                <div class="ag-banner ag-banner--warn" role="alert">
                    <strong>"Read-only. "</strong>
                    {format!(
                        "{} You can read it here, but changes are not saved. What to do: download a backup of what is here, then open it with the newest Afterglow on your clinic's site, or ask your clinic.",
                        crate::storage::read_only_reason(version)
                    )}
                    " "
                    <a class="ag-link" href=link(View::Share)>"Download a backup"</a>
                </div>
            }
            .into_any(),
        ),
    };
    // Unreadable values were set aside at start-up; any that could not be moved (storage
    // full, read-only, or the format record itself) are still where they were.
    let unreadable = move || {
        let set_aside = store.quarantined();
        let moved = set_aside.len();
        let stuck = store.unreadable().len().saturating_sub(moved);
        (moved + stuck > 0).then(|| {
            let count = moved + stuck;
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            let mut words = format!("{count} saved item{} could not be read. ", plural(count));
            let (it, they) = if count == 1 { ("It was", "it was") } else { ("They were", "they were") };
            words.push_str(&match (moved, stuck) {
                (_, 0) => format!("{it} set aside, not deleted, and the rest of your journal is here. "),
                (0, _) => format!("{it} left where {they}, untouched, and the rest of your journal is here. "),
                _ => format!(
                    "{moved} set aside, not deleted; {stuck} left where {}, untouched. The rest of your journal is here. ",
                    if stuck == 1 { "it was" } else { "they were" }
                ),
            });
            let download = move |_| {
                let map: serde_json::Map<String, serde_json::Value> = set_aside
                    .iter()
                    .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                    .collect();
                let text = serde_json::to_string_pretty(&map).unwrap_or_default();
                let name = format!("afterglow-set-aside-{}.json", crate::domain::iso::day(today()));
                files::download(&name, "application/json", &text);
            };
            view! {
                <div class="ag-banner ag-banner--info" role="status">
                    {words}
                    {(moved > 0).then(|| view! {
                        <button type="button" class="ag-button ag-button--small ag-button--quiet" on:click=download>
                            {if moved == 1 { "Download it as a file" } else { "Download them as a file" }}
                        </button>
                    })}
                </div>
            }
        })
    };
    let usage = care.usage();
    let nearly_full = move || {
        usage.get().map(|(_, site)| site).filter(|u| *u as f64 >= QUOTA_UNITS as f64 * WARN_AT).map(|u| {
            view! {
                <div class="ag-banner ag-banner--warn" role="status">
                    {format!(
                        "Storage for Afterglow is {}% full. Download a backup, then delete old entries you no longer need, so new ones can be saved. ",
                        crate::domain::number::fixed(u as f64 / QUOTA_UNITS as f64 * 100.0, 0)
                    )}
                    <a class="ag-link" href=link(View::Settings)>"See storage"</a>
                </div>
            }
        })
    };
    view! { {persistence} {unreadable} {nearly_full} }
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
