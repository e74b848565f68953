//! Today: what now? The stage, intentions shown back, the editor with today's prompt and
//! "I just had a session", and the open action steps.

pub mod composer;
pub mod intentions;
pub mod prompt_bar;
pub mod reminders;
pub mod session_link;
pub mod stage_picker;
pub mod welcome;

use crate::i18n::{tr, T};
use crate::ui::kit::show::Show;
use crate::ui::store::use_store;
use crate::ui::today::composer::Composer;
use crate::ui::today::intentions::Intentions;
use crate::ui::today::stage_picker::StagePicker;
use crate::ui::today::welcome::Welcome;
use leptos::prelude::*;

/// The home view.
#[component]
pub fn TodayView() -> impl IntoView {
    let store = use_store();
    let welcome = RwSignal::new(store.needs_welcome());
    // Right after the welcome, the patient lands in the editor, on a prompt.
    let just_welcomed = RwSignal::new(false);
    view! {
        <section class="ag-section" aria-label=tr(T::today_heading)>
            <Show
                when=move || !welcome.get()
                fallback=move || view! {
                    <Welcome on_done=Callback::new(move |()| {
                        just_welcomed.set(true);
                        welcome.set(false);
                    }) />
                }
            >
                <crate::ui::shell::parts::PartSlot part=crate::ui::shell::parts::Part::TodayReminders />
                <crate::ui::shell::parts::PartSlot part=crate::ui::shell::parts::Part::TodaySessionDay />
                <crate::ui::shell::parts::PartSlot part=crate::ui::shell::parts::Part::TodayStayingWell />
                <crate::ui::shell::parts::PartSlot part=crate::ui::shell::parts::Part::TodayGoals />
                <StagePicker />
                <Intentions />
                <div class="ag-row ag-quick">
                    <a class="ag-button ag-button--quiet ag-button--link" href=crate::ui::shell::nav::link_to(crate::ui::shell::nav::Place::CheckIn)>{tr(T::today_check_in)}</a>
                </div>
                <Composer autofocus=just_welcomed.get_untracked() />
                <crate::ui::shell::parts::PartSlot part=crate::ui::shell::parts::Part::TodaySteps />
            </Show>
        </section>
    }
}
