//! Gentle reminders on Today: a questionnaire taken before and due again. Never nags
//! about one the patient has not chosen to start.

use super::nav::View;
use super::store::use_store;
use leptos::prelude::*;

/// "Your PHQ-9 is due" with a link to Mood; nothing when none is due.
#[component]
pub fn Reminders() -> impl IntoView {
    let store = use_store();
    let due = Memo::new(move |_| store.due_questionnaires());
    view! {
        <Show when=move || !due.get().is_empty()>
            <p class="ag-banner ag-banner--info ag-reminder">
                {move || {
                    let names: Vec<&str> = due.get().iter().map(|i| i.name()).collect();
                    format!("It has been {} days since your last {}. ", store.questionnaire_days(), names.join(" and "))
                }}
                <a class="ag-link" href=View::Mood.href()>"Answer it under Mood"</a>
            </p>
        </Show>
    }
}
