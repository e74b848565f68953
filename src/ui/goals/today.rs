//! Today's goals card (its own chunk): early in the course, an invitation to set goals;
//! later, "review your goals" when a review is due (see
//! [`crate::domain::goal::review`]). Nothing at all otherwise.

use crate::domain::goal::review::{goals_invited, review_due};
use crate::i18n::{tr, T};
use crate::ui::shell::nav::link_to;
use crate::ui::store::{now, use_config, use_store};
use leptos::prelude::*;

/// The card, or nothing.
#[component]
pub fn TodayGoals() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let every = config.review_days();
    let invited = Memo::new(move |_| journal.with(goals_invited));
    let due = Memo::new(move |_| journal.with(|j| review_due(j, now(), every)));
    let heading = config.dom_id("today-goals-heading");
    move || {
        let heading = heading.clone();
        let labelled = heading.clone();
        if invited.get() {
            Some(view! {
                <section class="ag-card ag-today-goals" aria-labelledby=labelled>
                    <h2 class="ag-h2" id=heading>{tr(T::goals_today_set)}</h2>
                    <p>{tr(T::goals_today_set_what)}</p>
                    <a class="ag-button ag-button--link" href=link_to(crate::ui::shell::nav::Place::Plan)>{tr(T::goals_today_set_button)}</a>
                </section>
            }.into_any())
        } else {
            due.get().map(|why| {
                view! {
                    <section class="ag-card ag-today-goals" aria-labelledby=labelled>
                        <h2 class="ag-h2" id=heading>{tr(T::goals_today_review)}</h2>
                        <p>{why.reason()}</p>
                        <a class="ag-button ag-button--link" href=link_to(crate::ui::shell::nav::Place::Review)>{tr(T::goals_today_review_button)}</a>
                    </section>
                }
                .into_any()
            })
        }
    }
}
