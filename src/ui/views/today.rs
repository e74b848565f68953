//! Today: what now? The stage, intentions shown back, the editor with today's prompt and
//! "I just had a session", and the open action steps.

use crate::ui::composer::Composer;
use crate::ui::intentions::Intentions;
use crate::ui::reminders::Reminders;
use crate::ui::stage_picker::StagePicker;
use crate::ui::steps::OpenSteps;
use leptos::prelude::*;

/// The home view.
#[component]
pub fn TodayView() -> impl IntoView {
    view! {
        <section class="ag-section" aria-label="Today">
            <Reminders />
            <StagePicker />
            <Intentions />
            <Composer />
            <OpenSteps limit=3 />
        </section>
    }
}
