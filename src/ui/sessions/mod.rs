//! Dosing sessions: each with its number, date, route, intention, setting and mood
//! before and after, editable, with links to the entries about it and to its page of
//! session-day tools (`ui::session_day`); sessions planned ahead; the medicines list.

use crate::domain::{DosingSession, Route};
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::{date_time, local_input, parse_local_input};
use crate::ui::kit::keyed::records;
use crate::ui::kit::show::Show;
use crate::ui::shell::nav::link_to;
use crate::ui::store::{use_config, use_notices, use_store};
use leptos::prelude::*;

/// The sessions view.
#[component]
pub fn SessionsView() -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let sessions =
        Memo::new(move |_| journal.with(|j| j.sessions().iter().rev().cloned().collect::<Vec<_>>()));
    let planned = Memo::new(move |_| {
        journal.with(|j| {
            j.session_days()
                .iter()
                .filter(|d| d.session.is_none())
                .map(|d| (d.id.clone(), d.at))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="ag-section" aria-label=tr(T::nav_sessions)>
            <div class="ag-card">
                <h2 class="ag-h2">{tr(T::sessions_heading)}</h2>
                <p class="ag-hint">{tr(T::sessions_hint)}</p>
                <div class="ag-row">
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| drop(store.start_session(false))>
                        {tr(T::sessions_add)}
                    </button>
                    <a class="ag-button ag-button--quiet ag-button--link" href=link_to(crate::ui::shell::nav::Place::PlanSession)>{tr(T::sessions_plan)}</a>
                    <a class="ag-button ag-button--quiet ag-button--link" href=link_to(crate::ui::shell::nav::Place::Medicines)>{tr(T::sessions_medicines)}</a>
                </div>
            </div>
            <Show when=move || !planned.get().is_empty()>
                <div class="ag-card">
                    <h3 class="ag-h3">{tr(T::sessions_planned)}</h3>
                    <ul class="ag-list">
                        {move || planned.get().into_iter().map(|(id, at)| view! {
                            <li><a class="ag-link" href=link_to(crate::ui::shell::nav::Place::Session(id.to_string()))>{date_time(at)}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            <Show
                when=move || !sessions.get().is_empty()
                fallback=|| view! { <p class="ag-empty ag-card">{tr(T::sessions_none)}</p> }
            >
                <ol class="ag-list">
                    {records(move || sessions.get(), |session| view! { <SessionCard session=session /> }.into_any())}
                </ol>
            </Show>
        </section>
    }
}

fn mood_label(m: Option<u8>) -> String {
    m.map(|m| format!("{m}/10")).unwrap_or_else(|| tr(T::sessions_not_noted_lower).into())
}

/// One session: a summary and its details form.
#[component]
fn SessionCard(
    /// The session.
    session: DosingSession,
) -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let sid = session.id.clone();
    let linked = Memo::new(move |_| journal.with(|j| j.entries_for_session(&sid).len()));
    let editing = RwSignal::new(false);
    let summary = tr_with(
        T::sessions_summary,
        &[
            ("when", &date_time(session.at)),
            ("route", session.route.label()),
            ("before", &mood_label(session.mood_before)),
            ("after", &mood_label(session.mood_after)),
        ],
    );
    let href = link_to(crate::ui::shell::nav::Place::EntriesOf(session.id.to_string()));
    let page = link_to(crate::ui::shell::nav::Place::Session(session.id.to_string()));
    let heading = tr_with(T::journal_session_n, &[("n", &session.number.to_string())]);
    let intention = session.intention.clone();
    let setting = session.setting.clone();
    view! {
        <li class="ag-card ag-session">
            <h3 class="ag-h3">{heading.clone()}</h3>
            <p class="ag-session__summary">{summary}</p>
            {(!intention.is_empty()).then(|| view! { <p>{tr(T::sessions_intention)}" " <q class="ag-session__intention">{intention}</q></p> })}
            {(!setting.is_empty()).then(|| view! { <p class="ag-hint">{tr(T::sessions_setting)}" " {setting}</p> })}
            <div class="ag-row">
                <a class="ag-link" href=href>{move || tr_with(T::sessions_entries_about, &[("n", &linked.get().to_string())])}</a>
                <a class="ag-link" href=page>{tr_with(T::sessions_page_link, &[("session", &heading)])}</a>
                <button
                    type="button"
                    class="ag-button ag-button--small ag-button--quiet"
                    aria-expanded=move || if editing.get() { "true" } else { "false" }
                    on:click=move |_| editing.update(|e| *e = !*e)
                >
                    {tr_with(T::sessions_details, &[("session", &crate::domain::lower::lower(&heading))])}
                </button>
            </div>
            <Show when=move || editing.get()>
                <SessionForm session=session.clone() on_done=Callback::new(move |()| editing.set(false)) />
            </Show>
        </li>
    }
}

/// The editable details of a session.
#[component]
fn SessionForm(
    /// The session as stored.
    session: DosingSession,
    /// Called after saving or cancelling.
    on_done: Callback<()>,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let key = session.id.to_string();
    let ids = ["when", "route", "intention", "setting", "before", "after"]
        .map(|f| config.dom_id(&format!("session-{f}-{key}")));
    let when = RwSignal::new(local_input(session.at));
    let route = RwSignal::new(session.route);
    let intention = RwSignal::new(session.intention.clone());
    let setting = RwSignal::new(session.setting.clone());
    let before = RwSignal::new(session.mood_before);
    let after = RwSignal::new(session.mood_after);
    let original = StoredValue::new(session);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut s = original.get_value();
        match parse_local_input(&when.get_untracked()) {
            Some(at) => s.at = at,
            None => {
                notices.say(tr(T::sessions_need_when), true);
                return;
            }
        }
        s.route = route.get_untracked();
        s.intention = intention.get_untracked().trim().to_owned();
        s.setting = setting.get_untracked().trim().to_owned();
        s.mood_before = before.get_untracked();
        s.mood_after = after.get_untracked();
        if store.save_session(s) {
            notices.say(tr(T::sessions_saved), false);
            on_done.run(());
        }
    };
    let mood_select = move |id: String, label: &'static str, value: RwSignal<Option<u8>>| {
        let label_for = id.clone();
        view! {
            <div class="ag-field ag-field--inline">
                <label class="ag-label ag-label--plain" for=label_for>{label}</label>
                <select
                    id=id
                    class="ag-select ag-select--compact"
                    on:change=move |ev| value.set(event_target_value(&ev).parse().ok())
                >
                    <option value="" prop:selected=move || value.get().is_none()>{tr(T::sessions_not_noted)}</option>
                    {(0..=10u8)
                        .map(|m| {
                            let text = match m {
                                0 => tr(T::sessions_worst).to_owned(),
                                10 => tr(T::sessions_best).to_owned(),
                                _ => m.to_string(),
                            };
                            view! { <option value=m.to_string() prop:selected=move || value.get() == Some(m)>{text}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    let [when_id, route_id, intention_id, setting_id, before_id, after_id] = ids;
    let (when_for, route_for, intention_for, setting_for) =
        (when_id.clone(), route_id.clone(), intention_id.clone(), setting_id.clone());
    view! {
        <form class="ag-session__form" on:submit=save>
            <div class="ag-field">
                <label class="ag-label" for=when_for>{tr(T::sessions_when)}</label>
                <input id=when_id class="ag-input" type="datetime-local" prop:value=move || when.get() on:input=move |ev| when.set(event_target_value(&ev)) />
            </div>
            <div class="ag-field">
                <label class="ag-label" for=route_for>{tr(T::sessions_route)}</label>
                <select id=route_id class="ag-select" on:change=move |ev| route.set(Route::from_slug(&event_target_value(&ev)).unwrap_or_default())>
                    {Route::ALL
                        .into_iter()
                        .map(|r| view! { <option value=r.slug() prop:selected=move || route.get() == r>{r.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="ag-field">
                <label class="ag-label" for=intention_for>{tr(T::sessions_intention_label)}</label>
                <input id=intention_id class="ag-input" type="text" maxlength="2000" prop:value=move || intention.get() on:input=move |ev| intention.set(event_target_value(&ev)) />
            </div>
            <div class="ag-field">
                <label class="ag-label" for=setting_for>{tr(T::sessions_setting_label)}</label>
                <input id=setting_id class="ag-input" type="text" maxlength="2000" prop:value=move || setting.get() on:input=move |ev| setting.set(event_target_value(&ev)) />
            </div>
            <div class="ag-row">
                {mood_select(before_id, tr(T::sessions_mood_before), before)}
                {mood_select(after_id, tr(T::sessions_mood_after), after)}
            </div>
            <div class="ag-row ag-row--end">
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| store.delete_record(crate::domain::Kind::Session, &original.get_value().id, T::deleted_session)>
                    {tr(T::sessions_delete)}
                </button>
                <div class="ag-row">
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| on_done.run(())>{tr(T::journal_cancel)}</button>
                    <button type="submit" class="ag-button ag-button--primary">{tr(T::sessions_save)}</button>
                </div>
            </div>
        </form>
    }
}
