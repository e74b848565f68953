//! Gentle reminders on Today: a questionnaire taken before and due again. Never nags
//! about one the patient has not chosen to start.

use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::show::Show;
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
                    None => tr(T::reminder_backup_none).to_owned(),
                    Some(_) => tr_with(T::reminder_backup_old, &[("days", &config.backup_days().to_string())]),
                }}
                " "
                <a class="ag-link" href=link(View::Share)>{tr(T::reminder_backup_link)}</a>
                ". "
                {tr(T::reminder_safari)}
                " "
                <a class="ag-link" href=link(View::Settings)>{tr(T::reminder_safari_link)}</a>
                " "
                {tr(T::reminder_safari_end)}
            </p>
        </Show>
        {move || {
            let last = store.journal().with(|j| j.last_backup);
            (!backup_due.get()).then_some(last).flatten().map(|t| {
                let days = (crate::ui::store::now() - t).num_days();
                let when = match days {
                    0 => tr(T::when_today).to_owned(),
                    1 => tr(T::when_yesterday).to_owned(),
                    d => tr_with(T::when_days_ago, &[("n", &d.to_string())]),
                };
                view! { <p class="ag-hint ag-backup-state">{tr_with(T::reminder_backup_state, &[("when", &when)])}</p> }
            })
        }}
        <Show when=move || !due.get().is_empty()>
            <p class="ag-banner ag-banner--info ag-reminder">
                {move || {
                    let due = due.get();
                    let names: Vec<&str> = due.iter().map(|i| i.name()).collect();
                    // The shortest interval is true of each (the PCL-5's is a month).
                    let days = due.iter().map(|i| i.every_days(config.questionnaire_days())).min().unwrap_or_default();
                    let names = names.join(&format!(" {} ", tr(T::word_and)));
                    tr_with(T::reminder_questionnaire, &[("days", &days.to_string()), ("names", &names)])
                }}
                " "
                <a class="ag-link" href=link(View::Mood)>{tr(T::reminder_questionnaire_link)}</a>
            </p>
        </Show>
    }
}
