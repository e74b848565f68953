//! The follow-up check-in (its own chunk), inside My plan: on the plan's front page a
//! card, and at `#/plan?follow-up` the check-in itself: the figures of the day, the
//! patient's words, and the one-page note "things I want to discuss with my team",
//! printed alone or downloaded, and in the therapist summary.
//!
//! It informs the conversation with the team and decides nothing: must never suggest a
//! dose, a booster session, a medicine change or a diagnosis, nor judge a figure.

mod note;
mod page;

use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::date_time;
use crate::ui::shell::nav::{link_to, use_location};
use crate::ui::store::{use_config, use_store};
use leptos::prelude::*;

/// The check-in's card on My plan's front page, or its page at `#/plan?follow-up`.
#[component]
pub fn FollowUpView() -> impl IntoView {
    let place = use_location();
    let page = Memo::new(move |_| place.with(|p| *p == crate::ui::shell::nav::Place::FollowUp));
    move || {
        if page.get() {
            view! { <page::CheckInPage /> }.into_any()
        } else {
            view! { <Card /> }.into_any()
        }
    }
}

/// What the check-in is, and when the last one was made; only once a session is logged.
#[component]
fn Card() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let state = Memo::new(move |_| {
        journal.with(|j| (!j.sessions().is_empty()).then(|| j.follow_up_checks().last().map(|c| c.at)))
    });
    let heading = config.dom_id("follow-up-card-heading");
    move || {
        let last = state.get()?;
        let (heading, labelled) = (heading.clone(), heading.clone());
        Some(view! {
            <section class="ag-card ag-follow-up" aria-labelledby=labelled>
                <h2 class="ag-h2" id=heading>{tr(T::sum_follow_up_one)}</h2>
                <p>{tr(T::fu_card_about)}</p>
                {last.map(|at| view! { <p class="ag-hint">{tr_with(T::fu_last_one, &[("when", &date_time(at))])}</p> })}
                <a class="ag-button ag-button--link" href=link_to(crate::ui::shell::nav::Place::FollowUp)>{tr(T::fu_start)}</a>
            </section>
        })
    }
}
