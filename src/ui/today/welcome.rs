//! The first-run welcome: at most three short screens, skippable at every step. It says
//! what Afterglow is, that everything stays on this device and nobody at the clinic reads
//! it, that browsers can delete site data so backups matter, and asks where the patient
//! is in treatment (and, once dosing has begun, when the last session was). It ends with
//! the editor focused on a prompt ready to answer.

use crate::domain::Stage;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::show::Show;
use crate::ui::store::{now, use_config, use_store};
use chrono::{Local, TimeZone};
use leptos::html;
use leptos::prelude::*;

/// The welcome; calls `on_done` when finished or skipped.
#[component]
pub fn Welcome(
    /// Called when the welcome is over.
    on_done: Callback<()>,
) -> impl IntoView {
    crate::ui::shell::perf::mark(crate::ui::shell::perf::READY);
    let store = use_store();
    let config = use_config();
    let step = RwSignal::new(0u8);
    let stage = RwSignal::new(store.journal().with_untracked(|j| j.stage));
    let last = RwSignal::new(String::new());
    let heading = NodeRef::<html::H2>::new();
    // Move focus to each screen's heading so a screen reader reads it from the top.
    Effect::new(move |_| {
        step.track();
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let finish = move || {
        let last_session = crate::domain::iso::parse_day(&last.get_untracked())
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .and_then(|t| Local.from_local_datetime(&t).earliest())
            .map(|t| t.with_timezone(&chrono::Utc))
            .filter(|t| *t <= now() && crate::domain::when::checked(*t).is_ok());
        if store.finish_welcome(stage.get_untracked(), last_session) {
            on_done.run(());
        }
    };
    let skip = move |_| {
        if store.finish_welcome(store.journal().with_untracked(|j| j.stage), None) {
            on_done.run(());
        }
    };
    let stage_id = StoredValue::new(config.dom_id("welcome-stage"));
    let last_id = StoredValue::new(config.dom_id("welcome-last"));
    let dosing_begun = move || matches!(stage.get(), Stage::Dosing | Stage::Integration | Stage::FollowUp);
    view! {
        <section class="ag-card ag-welcome" aria-label=tr(T::welcome_region)>
            <p class="ag-hint">{move || tr_with(T::welcome_step, &[("n", &(step.get() + 1).to_string())])}</p>
            {move || match step.get() {
                0 => view! {
                    <h2 class="ag-h2" tabindex="-1" node_ref=heading>{tr(T::welcome_title)}</h2>
                    <p>{tr(T::welcome_what)}</p>
                    <p>{tr(T::welcome_enough)}</p>
                }.into_any(),
                1 => view! {
                    <h2 class="ag-h2" tabindex="-1" node_ref=heading>{tr(T::welcome_private_title)}</h2>
                    <p>{tr(T::welcome_private)}</p>
                    <p>{tr(T::welcome_backup)}</p>
                }.into_any(),
                _ => view! {
                    <h2 class="ag-h2" tabindex="-1" node_ref=heading>{tr(T::welcome_where_title)}</h2>
                    <div class="ag-field">
                        <label class="ag-label" for=stage_id.get_value()>{tr(T::stage_label)}</label>
                        <select id=stage_id.get_value() class="ag-select" on:change=move |ev| {
                            if let Some(s) = Stage::from_slug(&event_target_value(&ev)) { stage.set(s); }
                        }>
                            {Stage::ALL.into_iter().map(|s| view! {
                                <option value=s.slug() prop:selected=move || stage.get() == s>{s.label()}</option>
                            }).collect_view()}
                        </select>
                        <p class="ag-hint">{move || stage.get().summary()}</p>
                    </div>
                    <Show when=dosing_begun>
                        <div class="ag-field">
                            <label class="ag-label" for=last_id.get_value()>{tr(T::welcome_last_session)}</label>
                            <input id=last_id.get_value() class="ag-input ag-input--date" type="date" prop:value=move || last.get() on:input=move |ev| last.set(event_target_value(&ev)) />
                        </div>
                    </Show>
                }.into_any(),
            }}
            <div class="ag-row">
                <button type="button" class="ag-button ag-button--quiet" on:click=skip>{tr(T::welcome_skip)}</button>
                {move || if step.get() < 2 {
                    view! { <button type="button" class="ag-button ag-button--primary" on:click=move |_| step.update(|s| *s += 1)>{tr(T::welcome_next)}</button> }.into_any()
                } else {
                    view! { <button type="button" class="ag-button ag-button--primary" on:click=move |_| finish()>{tr(T::welcome_start)}</button> }.into_any()
                }}
            </div>
        </section>
    }
}
