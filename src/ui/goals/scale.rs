//! The 0-10 "how close am I?" control, used when a goal is set, rated or reviewed.

use crate::domain::goal::MAX_SCORE;
use crate::i18n::{tr, tr_with, T};
use crate::ui::store::use_config;
use leptos::prelude::*;

/// A rating in words for the slider's value text ("4 of 10").
pub fn in_words(score: u8) -> String {
    tr_with(T::goal_score, &[("score", &score.to_string()), ("max", &MAX_SCORE.to_string())])
}

/// A labelled 0-10 slider.
#[component]
pub fn RatingScale(
    /// Part of the DOM id (unique on the page).
    key: String,
    /// The label.
    label: String,
    /// The rating.
    value: RwSignal<u8>,
    /// Whether the patient has set it: until then it reads "Not rated yet" and the
    /// caller saves no rating (without it, the value is a rating from the start).
    #[prop(optional)]
    moved: Option<RwSignal<bool>>,
) -> impl IntoView {
    let id = use_config().dom_id(&format!("goal-scale-{key}"));
    let label_for = id.clone();
    let unset = move || moved.is_some_and(|m| !m.get());
    let text = move || if unset() { tr(T::goal_not_rated).to_owned() } else { in_words(value.get()) };
    let choose = move || {
        if let Some(m) = moved {
            m.set(true);
        }
    };
    view! {
        <div class="ag-scale">
            <label class="ag-label ag-scale__label" for=label_for>
                {label}
                <span class="ag-scale__value">{text}</span>
            </label>
            <input
                id=id
                // Greyed until the patient chooses: a thumb resting at its start is no rating.
                class=move || if unset() { "ag-range ag-range--unset" } else { "ag-range" }
                type="range"
                min="0"
                max=MAX_SCORE.to_string()
                step="1"
                prop:value=move || value.get().to_string()
                aria-valuetext=text
                on:input=move |ev| {
                    value.set(event_target_value(&ev).parse().unwrap_or(0));
                    choose();
                }
                // A click on the thumb where it rests chooses that value (no input fires).
                on:click=move |_| choose()
            />
            <div class="ag-scale__ends" aria-hidden="true">
                <span>{tr(T::goal_scale_far)}</span>
                <span>{tr(T::goal_scale_there)}</span>
            </div>
        </div>
    }
}
