//! The first-run welcome: at most three short screens, skippable at every step. It says
//! what Afterglow is, that everything stays on this device and nobody at the clinic reads
//! it, that browsers can delete site data so backups matter, and asks where the patient
//! is in treatment (and, once dosing has begun, when the last session was). It ends with
//! the editor focused on a prompt ready to answer.

use crate::domain::Stage;
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
        <section class="ag-card ag-welcome" aria-label="Welcome">
            <p class="ag-hint">{move || format!("{} of 3", step.get() + 1)}</p>
            {move || match step.get() {
                0 => view! {
                    <h2 class="ag-h2" tabindex="-1" node_ref=heading>"Welcome to Afterglow"</h2>
                    <p>"A private journal for your ketamine-assisted therapy: for the days before, the hours after a session, and the weeks of making sense of it."</p>
                    <p>"A word or a phrase is always enough."</p>
                }.into_any(),
                1 => view! {
                    <h2 class="ag-h2" tabindex="-1" node_ref=heading>"It stays on this device"</h2>
                    <p>"What you write is kept only in this browser. Nobody at your clinic can read it. You decide what to share, if anything."</p>
                    <p>"Browsers can delete what websites keep, so download a backup now and then. Afterglow will remind you."</p>
                }.into_any(),
                _ => view! {
                    <h2 class="ag-h2" tabindex="-1" node_ref=heading>"Where are you now?"</h2>
                    <div class="ag-field">
                        <label class="ag-label" for=stage_id.get_value()>"Where you are in treatment"</label>
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
                            <label class="ag-label" for=last_id.get_value()>"When was your last session? (optional)"</label>
                            <input id=last_id.get_value() class="ag-input ag-input--date" type="date" prop:value=move || last.get() on:input=move |ev| last.set(event_target_value(&ev)) />
                        </div>
                    </Show>
                }.into_any(),
            }}
            <div class="ag-row">
                <button type="button" class="ag-button ag-button--quiet" on:click=skip>"Skip"</button>
                {move || if step.get() < 2 {
                    view! { <button type="button" class="ag-button ag-button--primary" on:click=move |_| step.update(|s| *s += 1)>"Next"</button> }.into_any()
                } else {
                    view! { <button type="button" class="ag-button ag-button--primary" on:click=move |_| finish()>"Start writing"</button> }.into_any()
                }}
            </div>
        </section>
    }
}
