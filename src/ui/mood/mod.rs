//! Mood: a check-in in under fifteen seconds, the chart, questionnaires with their scores,
//! the year at a glance, and the before/after comparison.

pub mod chart;
pub mod checkin_form;
pub mod questionnaire;
pub mod summary;
pub mod year;

use crate::domain::Instrument;
use crate::i18n::{tr, T};
use crate::ui::kit::show::Show;
use crate::ui::mood::chart::MoodChart;
use crate::ui::mood::checkin_form::CheckInForm;
use crate::ui::mood::questionnaire::Questionnaires;
use crate::ui::mood::summary::{BeforeAfter, RecentCheckIns, ScoreChart};
use crate::ui::mood::year::YearGlance;
use crate::ui::store::use_store;
use leptos::prelude::*;

/// The mood view.
#[component]
pub fn MoodView() -> impl IntoView {
    let journal = use_store().journal();
    view! {
        <section class="ag-section" aria-label=tr(T::mood_section)>
            <CheckInForm />
            <MoodChart />
            <YearGlance />
            <BeforeAfter />
            <Questionnaires />
            <Show when=move || journal.with(|j| !j.results().is_empty())>
                <section class="ag-card" aria-label=tr(T::score_section)>
                    <h2 class="ag-h2">{tr(T::score_section)}</h2>
                    // Every instrument with a result, offered now or not: nothing recorded is hidden.
                    {Instrument::ALL.into_iter().map(|i| view! { <ScoreChart instrument=i /> }).collect_view()}
                </section>
            </Show>
            <RecentCheckIns />
        </section>
    }
}
