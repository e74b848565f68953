//! My plan (its own chunk): one view for what the patient is working towards, so new
//! features do not each add a tab. It holds the goals (their own chunk: the list, a
//! goal's page, the review) and, on the plan's front page, the insights and action
//! steps.
//!
//! Composes only: each feature's code stays in its own folder.

use crate::ui::shell::nav::use_location;
use crate::ui::shell::parts::{Part, PartView};
use crate::ui::steps::StepsView;
use leptos::prelude::*;

/// The plan view.
#[component]
pub fn PlanView() -> impl IntoView {
    let place = use_location();
    let front = Memo::new(move |_| place.with(|p| p.goal.is_none() && !p.review));
    view! {
        <section class="ag-section" aria-label="My plan">
            <PartView part=Part::Goals />
            <Show when=move || front.get()>
                <StepsView />
            </Show>
        </section>
    }
}
