//! My plan for staying well (relapse prevention; its own chunk), inside My plan: on the
//! plan's front page a card (what the plan says, or an invitation to write it), and at
//! `#/plan?well` the plan itself to write, print or download. Today's card, shown when a
//! threshold is crossed, is [`today`] (a chunk of its own).
//!
//! Records the patient's words and their own thresholds; must never suggest a dose, a
//! booster, a medicine change or a diagnosis, and never goes into the therapist summary
//! unless the patient ticks it there.

mod form;
pub mod today;

use crate::domain::staying_well::PARTS;
use crate::export::markdown::points;
use crate::export::staying_well::thresholds;
use crate::i18n::{tr, tr_with, T};
use crate::ui::shell::nav::{link_to, use_location};
use crate::ui::store::{use_config, use_store};
use leptos::prelude::*;

/// The plan's card on My plan's front page, or its page at `#/plan?well`.
#[component]
pub fn StayingWellPlanView() -> impl IntoView {
    let place = use_location();
    let page = Memo::new(move |_| place.with(|p| *p == crate::ui::shell::nav::Place::Well));
    move || {
        if page.get() {
            view! { <form::PlanPage /> }.into_any()
        } else {
            view! { <PlanCard /> }.into_any()
        }
    }
}

/// What the plan holds, briefly, with a link to it; or why to write one.
#[component]
fn PlanCard() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let plan = Memo::new(move |_| journal.with(|j| j.staying_well().filter(|p| !p.is_blank()).cloned()));
    let heading = config.dom_id("well-card-heading");
    let labelled = heading.clone();
    view! {
        <section class="ag-card ag-well" aria-labelledby=labelled>
            <h2 class="ag-h2" id=heading>{tr(T::sum_staying_well)}</h2>
            {move || match plan.get() {
                None => view! {
                    <p>{tr(T::well_card_about)}</p>
                    <a class="ag-button ag-button--link" href=link_to(crate::ui::shell::nav::Place::Well)>{tr(T::well_today_invite_button)}</a>
                }.into_any(),
                Some(p) => {
                    let signs = points(&p.parts[0]).into_iter().map(str::to_owned).collect::<Vec<_>>();
                    let when = thresholds(&p);
                    view! {
                        {(!signs.is_empty()).then(|| view! {
                            <h3 class="ag-h3">{PARTS[0].title()}</h3>
                            <ul class="ag-well__list">{signs.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                        })}
                        <p class="ag-hint">{if when.is_empty() {
                            tr(T::well_card_no_numbers).to_owned()
                        } else {
                            let or = format!(", {} ", tr(T::well_or));
                            let what = when.iter().map(|w| lower_first(w)).collect::<Vec<_>>().join(&or);
                            tr_with(T::well_card_when, &[("what", &what)])
                        }}</p>
                        <a class="ag-button ag-button--link" href=link_to(crate::ui::shell::nav::Place::Well)>{tr(T::well_open_plan)}</a>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// `text` with its first letter in lower case ("Mi ánimo…" inside a sentence).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    let mut out = String::with_capacity(text.len());
    if let Some(c) = chars.next() {
        crate::domain::lower::push_lower(&mut out, c);
    }
    out.push_str(chars.as_str());
    out
}
