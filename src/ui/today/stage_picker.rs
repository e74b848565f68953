//! The patient's current stage: a labelled native select and the stage's one-line summary.

use crate::domain::Stage;
use crate::i18n::{tr, tr_with, T};
use crate::ui::store::{use_config, use_notices, use_store};
use leptos::prelude::*;

/// Shows and changes the current stage.
#[component]
pub fn StagePicker() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let journal = store.journal();
    let stage = Memo::new(move |_| journal.with(|j| j.stage));
    let id = config.dom_id("stage");
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(stage) = Stage::from_slug(&event_target_value(&ev)) {
            store.set_stage(stage);
            notices.say(tr_with(T::stage_set, &[("stage", stage.label())]), false);
        }
    };
    view! {
        <div class="ag-stage">
            <label class="ag-label" for=id.clone()>{tr(T::stage_label)}</label>
            <select id=id class="ag-select" on:change=on_change>
                {Stage::ALL
                    .into_iter()
                    .map(|s| view! {
                        <option value=s.slug() prop:selected=move || stage.get() == s>{s.label()}</option>
                    })
                    .collect_view()}
            </select>
            <p class="ag-hint">{move || stage.get().summary()}</p>
        </div>
    }
}
