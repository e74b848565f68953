//! The journal: entries newest first, grouped by day, with full-text search (any case,
//! any accents) and filters by stage and session. Shows a page of entries at a time, so a
//! ten-year journal never mounts thousands of rows; an edit re-renders one row.

pub mod entry_item;

use crate::domain::{group_by_day, EntryFilter, RecordId, Stage};
use crate::i18n::{tr, tr_with, T};
use crate::ui::journal::entry_item::EntryItem;
use crate::ui::kit::format::{day_heading, local_day, short_date};
use crate::ui::kit::keyed::{list, records, Key};
use crate::ui::kit::show::Show;
use crate::ui::shell::nav::use_location;
use crate::ui::store::{use_config, use_store};
use leptos::prelude::*;

/// How many entries one page adds.
const PAGE: usize = 30;

/// The journal view.
#[component]
pub fn JournalView() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let place = use_location();
    let query = RwSignal::new(String::new());
    let stage = RwSignal::new(None::<Stage>);
    let session = RwSignal::new(match place.get_untracked() {
        crate::ui::shell::nav::Place::EntriesOf(id) => RecordId::parse(&id).ok(),
        _ => None,
    });
    let shown = RwSignal::new(PAGE);
    let filter =
        Memo::new(move |_| EntryFilter { query: query.get(), stage: stage.get(), session: session.get() });
    let total = Memo::new(move |_| journal.with(|j| j.len()));
    let matches = Memo::new(move |_| journal.with(|j| j.find_positions(&filter.get())));
    let days = Memo::new(move |_| {
        journal.with(|j| {
            let ids = matches.get();
            // Positions in this same journal: `matches` is recomputed whenever it changes.
            let page: Vec<_> = ids.iter().take(shown.get()).filter_map(|&i| j.entries().get(i)).collect();
            group_by_day(&page, local_day)
                .into_iter()
                .map(|(day, entries)| (day, entries.into_iter().cloned().collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        })
    });
    let sessions = Memo::new(move |_| {
        journal.with(|j| {
            j.sessions()
                .iter()
                .rev()
                .map(|s| {
                    (
                        s.id.clone(),
                        tr_with(
                            T::composer_session_option,
                            &[("n", &s.number.to_string()), ("date", &short_date(s.at))],
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let search_id = config.dom_id("search");
    let stage_id = config.dom_id("filter-stage");
    let session_id = config.dom_id("filter-session");
    let (search_for, stage_for, session_for) = (search_id.clone(), stage_id.clone(), session_id.clone());

    view! {
        <section class="ag-section" aria-label=tr(T::nav_journal)>
            <div class="ag-card ag-filters" role="search">
                <div class="ag-field">
                    <label class="ag-label" for=search_for>{tr(T::journal_search)}</label>
                    <input
                        id=search_id
                        class="ag-input"
                        type="search"
                        autocomplete="off"
                        prop:value=move || query.get()
                        on:input=move |ev| {
                            query.set(event_target_value(&ev));
                            shown.set(PAGE);
                        }
                    />
                </div>
                <div class="ag-row">
                    <div class="ag-field ag-field--inline">
                        <label class="ag-label ag-label--plain" for=stage_for>{tr(T::journal_stage)}</label>
                        <select
                            id=stage_id
                            class="ag-select ag-select--compact"
                            on:change=move |ev| stage.set(Stage::from_slug(&event_target_value(&ev)))
                        >
                            <option value="" prop:selected=move || stage.get().is_none()>{tr(T::journal_all_stages)}</option>
                            {Stage::ALL
                                .into_iter()
                                .map(|s| view! { <option value=s.slug() prop:selected=move || stage.get() == Some(s)>{s.label()}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <Show when=move || !sessions.get().is_empty()>
                        <div class="ag-field ag-field--inline">
                            <label class="ag-label ag-label--plain" for=session_for.clone()>{tr(T::journal_session)}</label>
                            <select
                                id=session_id.clone()
                                class="ag-select ag-select--compact"
                                on:change=move |ev| session.set(RecordId::parse(&event_target_value(&ev)).ok())
                            >
                                <option value="" prop:selected=move || session.get().is_none()>{tr(T::journal_all_sessions)}</option>
                                {move || {
                                    sessions
                                        .get()
                                        .into_iter()
                                        .map(|(id, label)| {
                                            let value = id.to_string();
                                            view! { <option value=value prop:selected=move || session.get().as_ref() == Some(&id)>{label}</option> }
                                        })
                                        .collect_view()
                                }}
                            </select>
                        </div>
                    </Show>
                </div>
                <p class="ag-hint" aria-live="polite">
                    {move || {
                        let found = matches.get().len();
                        let n = found.to_string();
                        if filter.get().is_empty() {
                            tr_with(if found == 1 { T::journal_count_one } else { T::journal_count_other }, &[("n", &n)])
                        } else {
                            let total = total.get();
                            tr_with(
                                if total == 1 { T::journal_match_one } else { T::journal_match_other },
                                &[("n", &n), ("total", &total.to_string())],
                            )
                        }
                    }}
                </p>
            </div>
            <Show
                when=move || { total.get() > 0 }
                fallback=|| view! {
                    <p class="ag-empty ag-card">{tr(T::journal_empty)}</p>
                }
            >
                // Days keyed by day, rows by id and edit time: an edit re-renders its row only.
                {list(move || days.with(|d| d.iter().map(|(day, _)| *day).collect()), |day| Key::Day(*day), move |day| view! {
                    <section class="ag-day">
                        <h2 class="ag-day__heading">{day_heading(day)}</h2>
                        <ol class="ag-list">
                            {records(
                                move || days.with(|d| d.iter().find(|(d, _)| *d == day).map(|(_, e)| e.clone()).unwrap_or_default()),
                                |entry| view! { <EntryItem entry=entry /> }.into_any(),
                            )}
                        </ol>
                    </section>
                }.into_any())}
                <Show when=move || { matches.get().len() > shown.get() }>
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || tr_with(T::journal_show_older, &[("n", &(matches.get().len() - shown.get()).to_string())])}
                    </button>
                </Show>
            </Show>
        </section>
    }
}
