//! The 0-10 "how close am I?" control, used when a goal is set, rated or reviewed.

use crate::domain::goal::MAX_SCORE;
use crate::ui::store::use_config;
use leptos::prelude::*;

/// A rating in words for the slider's value text ("4 of 10").
pub fn in_words(score: u8) -> String {
    format!("{score} of {MAX_SCORE}")
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
) -> impl IntoView {
    let id = use_config().dom_id(&format!("goal-scale-{key}"));
    let label_for = id.clone();
    view! {
        <div class="ag-scale">
            <label class="ag-label ag-scale__label" for=label_for>
                {label}
                <span class="ag-scale__value">{move || in_words(value.get())}</span>
            </label>
            <input
                id=id
                class="ag-range"
                type="range"
                min="0"
                max=MAX_SCORE.to_string()
                step="1"
                prop:value=move || value.get().to_string()
                aria-valuetext=move || in_words(value.get())
                on:input=move |ev| value.set(event_target_value(&ev).parse().unwrap_or(0))
            />
            <div class="ag-scale__ends" aria-hidden="true">
                <span>"0 far away"</span>
                <span>"10 there"</span>
            </div>
        </div>
    }
}
