//! My plan (its own chunk): one view for what the patient is working towards, so new
//! features do not each add a tab. It holds the goals (their own chunk: the list, a
//! goal's page, the review), the plan for staying well (its own chunk: a card, and its
//! page at `#/plan?well`), the follow-up check-in (its own chunk: a card, and its page
//! at `#/plan?follow-up`) and, on the plan's front page, the insights and action steps.
//!
//! Composes only: each feature's code stays in its own folder.

use crate::i18n::{tr, T};
use crate::ui::kit::show::Show;
use crate::ui::shell::nav::{use_location, Place};
use crate::ui::shell::parts::{Part, PartView};
use crate::ui::steps::StepsView;
use leptos::prelude::*;

/// What the plan view shows: the front page (a card of each feature), or one feature's
/// own page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Page {
    Front,
    Goals,
    Well,
    FollowUp,
}

fn page_of(p: &Place) -> Page {
    match p {
        Place::Goal(_) | Place::Review => Page::Goals,
        Place::Well => Page::Well,
        Place::FollowUp => Page::FollowUp,
        _ => Page::Front,
    }
}

/// The plan view.
#[component]
pub fn PlanView() -> impl IntoView {
    let place = use_location();
    let page = Memo::new(move |_| place.with(page_of));
    let shows = move |own: Page| move || matches!(page.get(), Page::Front) || page.get() == own;
    view! {
        <section class="ag-section" aria-label=tr(T::nav_plan)>
            <Show when=shows(Page::Goals)>
                <PartView part=Part::Goals />
            </Show>
            <Show when=shows(Page::Well)>
                <PartView part=Part::StayingWellPlan />
            </Show>
            <Show when=shows(Page::FollowUp)>
                <PartView part=Part::FollowUp />
            </Show>
            <Show when=move || page.get() == Page::Front>
                <StepsView />
            </Show>
        </section>
    }
}
