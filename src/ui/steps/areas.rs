//! Steps by area of life (issue 36): the area a step belongs to (chosen as it is added,
//! changed at once on the list), and "By area of life": for each area, how many of its
//! steps are done, with the model's source named once. Optional everywhere.
//!
//! Must never judge: a count of what is done, never of what is not, and no area is
//! suggested.

use crate::domain::insight::{Area, AREAS_SOURCE};
use crate::domain::RecordId;
use crate::i18n::{tr, tr_with, T};
use crate::ui::store::{use_config, use_store};
use leptos::prelude::*;

/// A select of the areas, with "None".
#[component]
pub fn AreaChoice(
    /// The select's DOM id.
    id: String,
    /// Its label.
    label: &'static str,
    /// The area chosen.
    value: Signal<Option<Area>>,
    /// Called with the new choice.
    on_change: Callback<Option<Area>>,
) -> impl IntoView {
    let label_for = id.clone();
    view! {
        <div class="ag-field ag-field--inline">
            <label class="ag-label ag-label--plain" for=label_for>{label}</label>
            <select
                id=id
                class="ag-input"
                on:change=move |ev| on_change.run(Area::from_code(&event_target_value(&ev)))
            >
                <option value="" selected=move || value.get().is_none()>{tr(T::steps_none)}</option>
                {Area::ALL.into_iter().map(|a| view! {
                    <option value=a.code() selected=move || value.get() == Some(a)>{a.label()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A listed step's area, changed at once.
#[component]
pub fn AreaOf(
    /// The step.
    step: RecordId,
    /// Its area now.
    area: Option<Area>,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let id = config.dom_id(&format!("area-of-{step}"));
    let step = StoredValue::new(step);
    view! {
        <AreaChoice
            id=id
            label=tr(T::steps_area)
            value=Signal::stored(area)
            on_change=Callback::new(move |a| store.set_step_area(&step.get_value(), a))
        />
    }
}

/// "By area of life": each area with steps, and how many of them are done.
#[component]
pub fn ByArea() -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let counts = Memo::new(move |_| {
        journal.with(|j| {
            Area::ALL
                .into_iter()
                .filter_map(|a| {
                    let of: Vec<_> = j.steps().iter().filter(|s| s.area == Some(a)).collect();
                    (!of.is_empty()).then(|| (a, of.iter().filter(|s| !s.is_open()).count(), of.len()))
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        let counts = counts.get();
        (!counts.is_empty()).then(|| {
            view! {
                <section class="ag-card" aria-label=tr(T::steps_by_area)>
                    <h2 class="ag-h2">{tr(T::steps_by_area)}</h2>
                    <ul class="ag-list">
                        {counts.into_iter().map(|(a, done, of)| view! {
                            <li class="ag-item">
                                <strong>{a.label()}</strong>
                                {tr_with(T::steps_done_of, &[("done", &done.to_string()), ("of", &of.to_string())])}
                                <span class="ag-hint">{format!(" ({})", a.about())}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                    <p class="ag-hint">{tr(AREAS_SOURCE)}</p>
                </section>
            }
        })
    }
}
