//! The daily check-in: mood, anxiety and energy on native range inputs (arrow keys, a tap
//! on the track; no drag-only control), each announcing its meaning in words; sleep,
//! emotion words and a note. Saving goes through the store.

use crate::domain::{parse_sleep, CheckIn, Metric, EMOTION_WORDS};
use crate::i18n::{tr, T};
use crate::ui::kit::fields::{CheckField, TextAreaField};
use crate::ui::store::forms::{field_or, keep_form_typing, Fields};
use crate::ui::store::{use_config, use_notices, use_store};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The name a new check-in's words are kept under while typing.
const FORM: &str = "check-in";

/// One 0-10 scale.
#[component]
fn Scale(
    /// Which metric.
    metric: Metric,
    /// The value.
    value: RwSignal<u8>,
    /// Which form it is in (`new` or a check-in id), for unique DOM ids.
    key: String,
) -> impl IntoView {
    let config = use_config();
    let id = config.dom_id(&format!("checkin-{}-{key}", metric.slug()));
    let label_for = id.clone();
    let (low, high) = match metric {
        Metric::Mood => (tr(T::scale_mood_low), tr(T::scale_mood_high)),
        Metric::Anxiety => (tr(T::scale_anxiety_low), tr(T::scale_anxiety_high)),
        Metric::Energy => (tr(T::scale_energy_low), tr(T::scale_energy_high)),
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
                <span>{low}</span>
                <span>{high}</span>
            </div>
        </div>
    }
}

/// The check-in form: a new check-in, or an existing one being edited.
#[component]
pub fn CheckInForm(
    /// The check-in to edit; a new one when absent.
    #[prop(optional)]
    editing: Option<CheckIn>,
    /// Called after an edit is saved or cancelled.
    #[prop(optional)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let start = editing.clone();
    let (mood, anxiety, energy) = match &start {
        Some(c) => (RwSignal::new(c.mood), RwSignal::new(c.anxiety), RwSignal::new(c.energy)),
        None => (RwSignal::new(5u8), RwSignal::new(3u8), RwSignal::new(5u8)),
    };
    let sleep = RwSignal::new(start.as_ref().and_then(|c| c.sleep_text()).unwrap_or_default());
    let emotions = RwSignal::new(start.as_ref().map(|c| c.emotions.clone()).unwrap_or_default());
    // A new check-in's words are kept while typing; an edit starts from the record.
    let left = if start.is_none() { store.form_draft(FORM) } else { None };
    if let Some(typed) = left.as_ref().and_then(|f| f.get("sleep")) {
        sleep.set(typed.clone());
    }
    let note = RwSignal::new(match &start {
        Some(c) => c.note.clone(),
        None => field_or(&left, "note", String::new),
    });
    if start.is_none() {
        keep_form_typing(
            store,
            FORM,
            move || Fields::from([("note".into(), note.get()), ("sleep".into(), sleep.get())]),
            || true,
        );
    }
    let key = start.as_ref().map(|c| c.id.to_string()).unwrap_or_else(|| "new".into());
    let original = StoredValue::new(editing);
    let sleep_id = config.dom_id(&format!("checkin-sleep-{key}"));
    let sleep_for = sleep_id.clone();
    let is_edit = original.with_value(Option::is_some);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    // Arriving from "Check in" on Today: start on the first scale.
    if !is_edit
        && crate::ui::shell::nav::use_location().get_untracked() == crate::ui::shell::nav::Place::CheckIn
    {
        let first = config.dom_id(&format!("checkin-mood-{key}"));
        // Looked up inside the form: the widget lives in a shadow root, out of `document`'s reach.
        request_animation_frame(move || {
            let found = form_ref
                .try_get_untracked()
                .flatten()
                .and_then(|f| f.query_selector(&format!("#{first}")).ok().flatten());
            if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        });
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let sleep_half_hours = match parse_sleep(&sleep.get_untracked()) {
            Ok(s) => s,
            Err(e) => {
                notices.say(e.to_string(), true);
                return;
            }
        };
        if let Some(mut c) = original.get_value() {
            c.mood = mood.get_untracked();
            c.anxiety = anxiety.get_untracked();
            c.energy = energy.get_untracked();
            c.sleep_half_hours = sleep_half_hours;
            c.emotions = emotions.get_untracked();
            c.note = note.get_untracked();
            if store.edit_check_in(c) {
                notices.say(tr(T::checkin_updated), false);
                if let Some(done) = on_done {
                    done.run(());
                }
            }
            return;
        }
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
            notices.say(tr(T::checkin_saved), false);
        }
    };
    view! {
        <form class="ag-card ag-checkin" on:submit=submit node_ref=form_ref>
            {if is_edit {
                view! { <h3 class="ag-h3">{tr(T::checkin_edit)}</h3> }.into_any()
            } else {
                view! { <h2 class="ag-h2">{tr(T::checkin_heading)}</h2> }.into_any()
            }}
            <Scale metric=Metric::Mood value=mood key=key.clone() />
            <Scale metric=Metric::Anxiety value=anxiety key=key.clone() />
            <Scale metric=Metric::Energy value=energy key=key.clone() />
            <div class="ag-field">
                <label class="ag-label" for=sleep_for>{tr(T::checkin_sleep)}</label>
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
                <legend class="ag-label">{tr(T::checkin_emotions)}</legend>
                <div class="ag-chips">
                    {EMOTION_WORDS
                        .into_iter()
                        .map(|word| {
                            view! {
                                <CheckField
                                    id=config.dom_id(&format!("emotion-{word}-{key}"))
                                    label=crate::domain::checkin::emotion_label(word)
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
                id=config.dom_id(&format!("checkin-note-{key}"))
                label=tr(T::checkin_note)
                rows=2
                value=note.into()
                on_input=Callback::new(move |t| note.set(t))
            />
            <div class="ag-row">
                {on_done.map(|done| view! {
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| done.run(())>{tr(T::journal_cancel)}</button>
                })}
                <button type="submit" class="ag-button ag-button--primary">
                    {if is_edit { tr(T::journal_save_changes) } else { tr(T::checkin_save) }}
                </button>
            </div>
        </form>
    }
}
