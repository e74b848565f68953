//! Planning a session ahead, and a planned session's page: its date, the checklist and
//! the medicines tick, and "log this session" once it has happened. A plan never has to
//! be finished for a session to be logged.

use super::checklist::{Checklist, MedicinesTick};
use crate::domain::{DosingSession, Kind, RecordId, Route, SessionDay};
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::{date_time, local_input, parse_local_input};
use crate::ui::kit::show::Show;
use crate::ui::shell::nav::{go, link, View};
use crate::ui::store::{fresh_id, now, use_config, use_notices, use_store};
use leptos::prelude::*;

/// A form for the date and time of a session planned ahead.
#[component]
pub fn PlanForm() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let when_id = config.dom_id("plan-when");
    let when_for = when_id.clone();
    // Tomorrow at ten, as a starting point.
    let start =
        (now() + chrono::Duration::days(1)).with_timezone(&chrono::Local).date_naive().and_hms_opt(10, 0, 0);
    let when = RwSignal::new(start.map(|t| crate::domain::iso::minute(&t)).unwrap_or_default());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(at) = parse_local_input(&when.get_untracked()) else {
            notices.say(tr(T::sessions_need_when), true);
            return;
        };
        let day = SessionDay::planned(fresh_id(), at, now());
        let id = day.id.clone();
        if store.save(day) {
            notices.say(tr_with(T::sd_planned_for, &[("when", &date_time(at))]), false);
            go(crate::ui::shell::nav::Place::Session(id.to_string()));
        }
    };
    view! {
        <section class="ag-section" aria-label=tr(T::sd_plan_heading)>
            <form class="ag-card" on:submit=save>
                <a class="ag-link" href=link(View::Sessions)>{tr(T::sd_all_sessions)}</a>
                <h2 class="ag-h2">{tr(T::sd_plan_heading)}</h2>
                <p class="ag-hint">{tr(T::sd_plan_hint)}</p>
                <div class="ag-field">
                    <label class="ag-label" for=when_for>{tr(T::sessions_when)}</label>
                    <input id=when_id class="ag-input" type="datetime-local" prop:value=move || when.get() on:input=move |ev| when.set(event_target_value(&ev)) />
                </div>
                <div class="ag-row ag-row--end">
                    <button type="submit" class="ag-button ag-button--primary">{tr(T::sd_plan_it)}</button>
                </div>
            </form>
        </section>
    }
}

/// A planned session's page.
#[component]
pub fn PlannedPage(
    /// The plan's id.
    id: RecordId,
) -> impl IntoView {
    let store = use_store();
    let notices = use_notices();
    let journal = store.journal();
    let pid = id.clone();
    let day = Memo::new(move |_| journal.with(|j| j.session_day(&pid).cloned()));
    let make = Callback::new(move |()| {
        day.get_untracked().unwrap_or_else(|| SessionDay::planned(fresh_id(), now(), now()))
    });
    let log = move |_| {
        let Some(mut plan) = day.get_untracked() else { return };
        if !store.archive_ready() {
            notices.say(tr(T::sd_archive_busy), true);
            return;
        }
        let at = plan.at.min(now());
        let (number, route) =
            journal.with_untracked(|j| (j.next_session_number(), j.last_session().map(|s| s.route)));
        let session = DosingSession::starting(fresh_id(), at, number, route.unwrap_or(Route::default()));
        let sid = session.id.clone();
        if !store.save(session) {
            return;
        }
        plan.session = Some(sid.clone());
        plan.edited = crate::domain::when::next_edit(plan.edited, now());
        if store.save(plan) {
            notices.say(tr_with(T::sd_logged, &[("n", &number.to_string())]), false);
        }
        go(crate::ui::shell::nav::Place::Session(sid.to_string()));
    };
    let remove = move |_| {
        store.delete_record(Kind::SessionDay, &id, T::deleted_planned);
        go(crate::ui::shell::nav::Place::Sessions);
    };
    view! {
        <section class="ag-section" aria-label=tr(T::sd_planned_heading)>
            <div class="ag-card">
                <a class="ag-link" href=link(View::Sessions)>{tr(T::sd_all_sessions)}</a>
                <h2 class="ag-h2">{tr(T::sd_planned_heading)}</h2>
                <p class="ag-session__summary">{move || day.get().map(|d| date_time(d.at)).unwrap_or_default()}</p>
                <div class="ag-row">
                    <button type="button" class="ag-button ag-button--primary" on:click=log>{tr(T::sd_log_it)}</button>
                    <button type="button" class="ag-button ag-button--quiet" on:click=remove>{tr(T::sd_remove_plan)}</button>
                </div>
                <ChangeDate day=day />
            </div>
            <Checklist day=Signal::derive(move || day.get()) make=make />
            <MedicinesTick day=Signal::derive(move || day.get()) make=make />
        </section>
    }
}

/// Moving a planned session to another date.
#[component]
fn ChangeDate(day: Memo<Option<SessionDay>>) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let open = RwSignal::new(false);
    let when_id = config.dom_id("plan-change-when");
    let when = RwSignal::new(String::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(mut d), Some(at)) = (day.get_untracked(), parse_local_input(&when.get_untracked())) else {
            notices.say(tr(T::sessions_need_when), true);
            return;
        };
        d.at = at;
        d.edited = crate::domain::when::next_edit(d.edited, now());
        if store.save(d) {
            notices.say(tr_with(T::sd_moved, &[("when", &date_time(at))]), false);
            open.set(false);
        }
    };
    view! {
        <button
            type="button"
            class="ag-button ag-button--small ag-button--quiet"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            on:click=move |_| {
                when.set(day.get_untracked().map(|d| local_input(d.at)).unwrap_or_default());
                open.update(|o| *o = !*o);
            }
        >
            {tr(T::sd_change_date)}
        </button>
        <Show when=move || open.get()>
            <form class="ag-row" on:submit=save>
                <div class="ag-field ag-field--inline">
                    <label class="ag-label ag-label--plain" for=when_id.clone()>{tr(T::sd_new_when)}</label>
                    <input id=when_id.clone() class="ag-input" type="datetime-local" prop:value=move || when.get() on:input=move |ev| when.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="ag-button">{tr(T::sd_save_date)}</button>
            </form>
        </Show>
    }
}
