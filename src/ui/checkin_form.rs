//! The daily check-in: mood, anxiety and energy on native range inputs (arrow keys, a tap
//! on the track; no drag-only control), each announcing its meaning in words; sleep,
//! emotion words and a note. Saving goes through the store.

use super::fields::{CheckField, TextAreaField};
use super::store::use_store;
use crate::domain::{parse_sleep, Metric, EMOTION_WORDS};
use leptos::prelude::*;

/// One 0-10 scale.
#[component]
fn Scale(
    /// Which metric.
    metric: Metric,
    /// The value.
    value: RwSignal<u8>,
) -> impl IntoView {
    let store = use_store();
    let id = store.dom_id(&format!("checkin-{}", metric.label().to_lowercase()));
    let label_for = id.clone();
    let (low, high) = match metric {
        Metric::Mood => ("low", "good"),
        Metric::Anxiety => ("calm", "very anxious"),
        Metric::Energy => ("drained", "energetic"),
    };
    view! {
        <div class="ag-scale">
            <label class="ag-label ag-scale__label" for=label_for>
                {metric.label()}
                <span class="ag-scale__value">{move || metric.describe(value.get())}</span>
            </label>
            <input
                id=id
                class="ag-range"
                type="range"
                min="0"
                max="10"
                step="1"
                prop:value=move || value.get().to_string()
                aria-valuetext=move || metric.describe(value.get())
                on:input=move |ev| value.set(event_target_value(&ev).parse().unwrap_or(5))
            />
            <div class="ag-scale__ends" aria-hidden="true">
                <span>{format!("0 {low}")}</span>
                <span>{format!("10 {high}")}</span>
            </div>
        </div>
    }
}

/// The check-in form.
#[component]
pub fn CheckInForm() -> impl IntoView {
    let store = use_store();
    let (mood, anxiety, energy) = (RwSignal::new(5u8), RwSignal::new(3u8), RwSignal::new(5u8));
    let sleep = RwSignal::new(String::new());
    let emotions = RwSignal::new(Vec::<String>::new());
    let note = RwSignal::new(String::new());
    let sleep_id = store.dom_id("checkin-sleep");
    let sleep_for = sleep_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let sleep_half_hours = match parse_sleep(&sleep.get_untracked()) {
            Ok(s) => s,
            Err(e) => {
                store.say(e.to_string(), true);
                return;
            }
        };
        let saved = store.add_check_in(
            mood.get_untracked(),
            anxiety.get_untracked(),
            energy.get_untracked(),
            sleep_half_hours,
            emotions.get_untracked(),
            note.get_untracked(),
        );
        if saved {
            sleep.set(String::new());
            emotions.set(Vec::new());
            note.set(String::new());
            store.say("Check-in saved.", false);
        }
    };
    view! {
        <form class="ag-card ag-checkin" on:submit=submit>
            <h2 class="ag-h2">"How are you right now?"</h2>
            <Scale metric=Metric::Mood value=mood />
            <Scale metric=Metric::Anxiety value=anxiety />
            <Scale metric=Metric::Energy value=energy />
            <div class="ag-field">
                <label class="ag-label" for=sleep_for>"Hours of sleep last night (optional)"</label>
                <input
                    id=sleep_id
                    class="ag-input ag-input--short"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    prop:value=move || sleep.get()
                    on:input=move |ev| sleep.set(event_target_value(&ev))
                />
            </div>
            <fieldset class="ag-fieldset">
                <legend class="ag-label">"Any of these? (optional)"</legend>
                <div class="ag-chips">
                    {EMOTION_WORDS
                        .into_iter()
                        .map(|word| {
                            view! {
                                <CheckField
                                    id=store.dom_id(&format!("emotion-{word}"))
                                    label=word
                                    checked=Signal::derive(move || emotions.get().iter().any(|w| w == word))
                                    on_toggle=Callback::new(move |on: bool| {
                                        emotions.update(|list| {
                                            list.retain(|w| w != word);
                                            if on {
                                                list.push(word.to_owned());
                                            }
                                        })
                                    })
                                />
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <TextAreaField
                id=store.dom_id("checkin-note")
                label="A note (optional)"
                rows=2
                value=note.into()
                on_input=Callback::new(move |t| note.set(t))
            />
            <div class="ag-row">
                <button type="submit" class="ag-button ag-button--primary">"Save check-in"</button>
            </div>
        </form>
    }
}
