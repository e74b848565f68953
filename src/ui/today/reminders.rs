//! Gentle reminders on Today: a questionnaire taken before and due again. Never nags
//! about one the patient has not chosen to start.

use crate::ui::shell::nav::{link, View};
use crate::ui::store::{use_care, use_config, use_store};
use leptos::prelude::*;

/// "Your PHQ-9 is due" with a link to Mood; nothing when none is due.
#[component]
pub fn Reminders() -> impl IntoView {
    let store = use_store();
    let care = use_care();
    let config = use_config();
    let due = Memo::new(move |_| store.due_questionnaires());
    let backup_due = Memo::new(move |_| care.backup_due());
    view! {
        <Show when=move || backup_due.get()>
            <p class="ag-banner ag-banner--info ag-reminder">
                {move || match store.journal().with(|j| j.last_backup) {
                    None => "Browsers can delete what a site keeps. A backup keeps your journal safe. ".to_owned(),
                    Some(_) => format!("Your last backup is more than {} days old. ", config.backup_days()),
                }}
                <a class="ag-link" href=link(View::Share)>"Download a backup"</a>
                ". On Safari, "
                <a class="ag-link" href=link(View::Settings)>"adding Afterglow to your home screen"</a>
                " also keeps the browser from clearing it."
            </p>
        </Show>
        {move || {
            let last = store.journal().with(|j| j.last_backup);
            (!backup_due.get()).then_some(last).flatten().map(|t| {
                let days = (crate::ui::store::now() - t).num_days();
                let when = match days {
                    0 => "today".to_owned(),
                    1 => "yesterday".to_owned(),
                    d => format!("{d} days ago"),
                };
                view! { <p class="ag-hint ag-backup-state">{format!("Last backup: {when}.")}</p> }
            })
        }}
        <Show when=move || !due.get().is_empty()>
            <p class="ag-banner ag-banner--info ag-reminder">
                {move || {
                    let due = due.get();
                    let names: Vec<&str> = due.iter().map(|i| i.name()).collect();
                    // The shortest interval is true of each (the PCL-5's is a month).
                    let days = due.iter().map(|i| i.every_days(config.questionnaire_days())).min().unwrap_or_default();
                    format!("It has been {days} days since your last {}. ", names.join(" and "))
                }}
                <a class="ag-link" href=link(View::Mood)>"Answer it under Mood"</a>
            </p>
        </Show>
    }
}
