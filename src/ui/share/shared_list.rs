//! Summaries remembered: "Shared with your therapist", the list of summaries that left
//! the app (when, how, the period and the sections; never their content), each
//! removable with undo, and the one function that records a summary as it leaves.
//!
//! Must never keep a summary's text: only what the patient would want to recall about
//! sending it.

use crate::domain::{Kind, SharedSummary, Way};
use crate::export::summary::{section_label, Summary};
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::{date_time, day_with_year};
use crate::ui::store::{fresh_id, now, use_config, use_store, JournalStore};
use leptos::prelude::*;

/// Records that `summary` left the app by `way`, with the sections it held. A record
/// that cannot be saved (a full device) is reported by the store; the summary has left
/// anyway.
pub fn remember(store: JournalStore, summary: &Summary, way: Way) {
    let at = now();
    let shared = SharedSummary {
        id: fresh_id(),
        at,
        from: summary.from.min(summary.to),
        to: summary.to.max(summary.from),
        sections: summary.held(),
        way,
        edited: at,
    };
    store.save(shared);
}

/// The list, newest first; nothing while no summary has left the app.
#[component]
pub fn SharedList() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let shared =
        Memo::new(move |_| journal.with(|j| j.shared_summaries().iter().rev().cloned().collect::<Vec<_>>()));
    let heading = config.dom_id("shared-heading");
    move || {
        let list = shared.get();
        (!list.is_empty()).then(|| {
            let (heading, labelled) = (heading.clone(), heading.clone());
            view! {
                <section class="ag-card ag-no-print" aria-labelledby=labelled>
                    <h2 class="ag-h2" id=heading>{tr(T::shared_heading)}</h2>
                    <p class="ag-hint">{tr(T::shared_about)}</p>
                    <ul class="ag-list">
                        {list.into_iter().map(|s| {
                            let id = s.id.clone();
                            let sections = s.sections.iter().map(|n| section_label(n)).collect::<Vec<_>>().join(", ");
                            let what = format!("{}, {}", date_time(s.at), s.way.done());
                            let period = tr_with(T::sum_range, &[("from", &day_with_year(s.from)), ("to", &day_with_year(s.to))]);
                            let remove_label = tr_with(T::shared_remove, &[("what", &what)]);
                            view! {
                                <li class="ag-item">
                                    <p class="ag-shared__what">{what}</p>
                                    <p class="ag-hint">{period}{(!sections.is_empty()).then(|| format!(": {sections}"))}</p>
                                    <button type="button" class="ag-button ag-button--small ag-button--quiet" aria-label=remove_label on:click=move |_| store.delete_record(Kind::SharedSummary, &id, T::deleted_summary_record)>{tr(T::sd_remove)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
