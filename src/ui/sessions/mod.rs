//! Dosing sessions: each with its number, date, route, intention, setting and mood
//! before and after, editable, with links to the entries about it and to its page of
//! session-day tools (`ui::session_day`); sessions planned ahead; the medicines list.

use crate::domain::{DosingSession, Route};
use crate::ui::kit::format::{date_time, local_input, parse_local_input};
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
        <section class="ag-section" aria-label="Sessions">
            <div class="ag-card">
                <h2 class="ag-h2">"Dosing sessions"</h2>
                <p class="ag-hint">
                    "Right after a session, “I just had a session” under Today is quickest. Here you can add one afterwards and fill in details."
                </p>
                <div class="ag-row">
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| drop(store.start_session(false))>
                        "Add a session"
                    </button>
                    <a class="ag-button ag-button--quiet ag-button--link" href=link_to(crate::ui::shell::nav::Place::PlanSession)>"Plan a session"</a>
                    <a class="ag-button ag-button--quiet ag-button--link" href=link_to(crate::ui::shell::nav::Place::Medicines)>"My medicines"</a>
                </div>
            </div>
            <Show when=move || !planned.get().is_empty()>
                <div class="ag-card">
                    <h3 class="ag-h3">"Planned"</h3>
                    <ul class="ag-list">
                        {move || planned.get().into_iter().map(|(id, at)| view! {
                            <li><a class="ag-link" href=link_to(crate::ui::shell::nav::Place::Session(id.to_string()))>{date_time(at)}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            <Show
                when=move || !sessions.get().is_empty()
                fallback=|| view! { <p class="ag-empty ag-card">"No sessions yet."</p> }
            >
                <ol class="ag-list">
                    <For each=move || sessions.get() key=|s| (s.id.clone(), s.edited) let:session>
                        <SessionCard session=session />
                    </For>
                </ol>
            </Show>
        </section>
    }
}

fn mood_label(m: Option<u8>) -> String {
    m.map(|m| format!("{m}/10")).unwrap_or_else(|| "not noted".into())
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
    let summary = format!(
        "{} · {} · mood {} → {}",
        date_time(session.at),
        session.route.label(),
        mood_label(session.mood_before),
        mood_label(session.mood_after)
    );
    let href = link_to(crate::ui::shell::nav::Place::EntriesOf(session.id.to_string()));
    let page = link_to(crate::ui::shell::nav::Place::Session(session.id.to_string()));
    let heading = format!("Session {}", session.number);
    let intention = session.intention.clone();
    let setting = session.setting.clone();
    view! {
        <li class="ag-card ag-session">
            <h3 class="ag-h3">{heading.clone()}</h3>
            <p class="ag-session__summary">{summary}</p>
            {(!intention.is_empty()).then(|| view! { <p>"Intention: " <q class="ag-session__intention">{intention}</q></p> })}
            {(!setting.is_empty()).then(|| view! { <p class="ag-hint">"Setting: " {setting}</p> })}
            <div class="ag-row">
                <a class="ag-link" href=href>{move || format!("Entries about it ({})", linked.get())}</a>
                <a class="ag-link" href=page>{format!("{heading}: checklist, medicines, after-effects")}</a>
                <button
                    type="button"
                    class="ag-button ag-button--small ag-button--quiet"
                    aria-expanded=move || if editing.get() { "true" } else { "false" }
                    on:click=move |_| editing.update(|e| *e = !*e)
                >
                    {format!("Details of {}", heading.to_lowercase())}
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
                notices.say("Please give the date and time of the session.", true);
                return;
            }
        }
        s.route = route.get_untracked();
        s.intention = intention.get_untracked().trim().to_owned();
        s.setting = setting.get_untracked().trim().to_owned();
        s.mood_before = before.get_untracked();
        s.mood_after = after.get_untracked();
        if store.save_session(s) {
            notices.say("Session saved.", false);
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
                    <option value="" prop:selected=move || value.get().is_none()>"Not noted"</option>
                    {(0..=10u8)
                        .map(|m| {
                            let text = match m {
                                0 => "0 (worst)".to_owned(),
                                10 => "10 (best)".to_owned(),
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
                <label class="ag-label" for=when_for>"Date and time"</label>
                <input id=when_id class="ag-input" type="datetime-local" prop:value=move || when.get() on:input=move |ev| when.set(event_target_value(&ev)) />
            </div>
            <div class="ag-field">
                <label class="ag-label" for=route_for>"How it was given"</label>
                <select id=route_id class="ag-select" on:change=move |ev| route.set(Route::from_slug(&event_target_value(&ev)).unwrap_or_default())>
                    {Route::ALL
                        .into_iter()
                        .map(|r| view! { <option value=r.slug() prop:selected=move || route.get() == r>{r.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="ag-field">
                <label class="ag-label" for=intention_for>"Intention for this session"</label>
                <input id=intention_id class="ag-input" type="text" maxlength="2000" prop:value=move || intention.get() on:input=move |ev| intention.set(event_target_value(&ev)) />
            </div>
            <div class="ag-field">
                <label class="ag-label" for=setting_for>"Setting (music, eye mask, who was there)"</label>
                <input id=setting_id class="ag-input" type="text" maxlength="2000" prop:value=move || setting.get() on:input=move |ev| setting.set(event_target_value(&ev)) />
            </div>
            <div class="ag-row">
                {mood_select(before_id, "Mood before", before)}
                {mood_select(after_id, "Mood after", after)}
            </div>
            <div class="ag-row ag-row--end">
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| store.delete_record(crate::domain::Kind::Session, &original.get_value().id, "Session")>
                    "Delete session"
                </button>
                <div class="ag-row">
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| on_done.run(())>"Cancel"</button>
                    <button type="submit" class="ag-button ag-button--primary">"Save session"</button>
                </div>
            </div>
        </form>
    }
}
