//! Banners about the journal's safety: storage blocked, read-only, unreadable records,
//! and configuration problems for the clinic's developer. Shows; never changes data.
//!
//! [`StorageBanner`] comes with Today's chunk ([`Part::StorageBanner`]): it is rarely
//! shown, and the first screen is what every start waits on. [`StorageBannerSlot`], on
//! the first screen, says the two warnings that matter most in short from the first
//! paint until it is in, and for good if that chunk never comes: nothing will be kept,
//! or read-only.

use crate::config::ConfigProblem;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::files;
use crate::ui::shell::nav::{link, View};
use crate::ui::shell::parts::{follow, Part, Status};
use crate::ui::store::care::{QUOTA_UNITS, WARN_AT};
use crate::ui::store::{today, use_care, use_store, Persistence};
use leptos::prelude::*;

/// Where the storage banner goes: [`StorageBanner`] once its chunk is in; until then (or
/// if it never comes) only "Nothing will be kept." or "Read-only." when that is so.
#[component]
pub fn StorageBannerSlot() -> impl IntoView {
    let store = use_store();
    let state = follow(Part::StorageBanner);
    let short = move || {
        let words = match store.persistence() {
            Persistence::Saved => return None,
            Persistence::MemoryOnly(_) => tr(T::banner_nothing_kept),
            Persistence::ReadOnly(_) => tr(T::banner_read_only),
        };
        Some(view! {
            <div class="ag-banner ag-banner--warn" role="alert">
                <strong>{words}</strong>
            </div>
        })
    };
    move || match state.get() {
        Status::Loaded => match Part::StorageBanner.view_now() {
            Some(Ok(view)) => view,
            _ => short().into_any(),
        },
        Status::Waiting | Status::Failed => short().into_any(),
    }
}

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
                    <strong>{tr(T::banner_nothing_kept)}</strong>
                    " "
                    {reason}
                    " "
                    <a class="ag-link" href=link(View::Share)>{tr(T::banner_backup_before_leaving)}</a>
                </div>
            }
            .into_any(),
        ),
        Persistence::ReadOnly(_) if store.format_repairable() => Some(
            view! {
                <div class="ag-banner ag-banner--warn" role="alert">
                    <strong>{tr(T::banner_read_only_for_now)}</strong>
                    " "
                    {tr(T::banner_format_damaged)}
                    " "
                    <a class="ag-link" href=link(View::Share)>{tr(T::reminder_backup_link)}</a>
                    " "
                    <button type="button" class="ag-button ag-button--small" on:click=move |_| store.repair_format()>
                        {tr(T::banner_repair)}
                    </button>
                </div>
            }
            .into_any(),
        ),
        Persistence::ReadOnly(version) => Some(
            view! {
                <div class="ag-banner ag-banner--warn" role="alert">
                    <strong>{tr(T::banner_read_only)}</strong>
                    " "
                    {crate::storage::read_only_reason(version)}
                    " "
                    {tr(T::banner_read_only_what_to_do)}
                    " "
                    <a class="ag-link" href=link(View::Share)>{tr(T::reminder_backup_link)}</a>
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
            let one = count == 1;
            let n = |n: usize| n.to_string();
            let mut words = tr_with(
                if one { T::banner_unreadable_one } else { T::banner_unreadable_other },
                &[("count", &n(count))],
            );
            words.push(' ');
            words.push_str(&match (moved, stuck) {
                (_, 0) => tr(if one { T::banner_set_aside_one } else { T::banner_set_aside_other }).to_owned(),
                (0, _) => tr(if one { T::banner_left_one } else { T::banner_left_other }).to_owned(),
                _ => tr_with(
                    if stuck == 1 { T::banner_some_set_aside_one } else { T::banner_some_set_aside_other },
                    &[("moved", &n(moved)), ("stuck", &n(stuck))],
                ),
            });
            words.push(' ');
            let download = move |_| {
                // Extended, not collected: collecting sorts, with a sort of its own.
                let mut map = serde_json::Map::new();
                map.extend(set_aside.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))));
                let text = serde_json::to_string_pretty(&map).unwrap_or_default();
                let name = format!("afterglow-set-aside-{}.json", crate::domain::iso::day(today()));
                files::download(&name, "application/json", &text);
            };
            view! {
                <div class="ag-banner ag-banner--info" role="status">
                    {words}
                    {(moved > 0).then(|| view! {
                        <button type="button" class="ag-button ag-button--small ag-button--quiet" on:click=download>
                            {if moved == 1 { tr(T::banner_download_one) } else { tr(T::banner_download_other) }}
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
                    {tr_with(
                        T::banner_nearly_full,
                        &[("percent", &crate::domain::number::fixed(u as f64 / QUOTA_UNITS as f64 * 100.0, 0).to_string())],
                    )}
                    " "
                    <a class="ag-link" href=link(View::Settings)>{tr(T::banner_see_storage)}</a>
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
                <summary>{tr(T::banner_setup_note)}</summary>
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
