//! Labelled form controls used across views: a checkbox, a text area and a one-line text
//! input, each with its label tied to it by id. They read a signal and report changes
//! through a callback (or write the signal they are given).

use leptos::prelude::*;

/// A checkbox with its label.
#[component]
pub fn CheckField(
    /// The input's DOM id (unique on the page).
    id: String,
    /// What the checkbox means.
    label: &'static str,
    /// Whether it is ticked.
    checked: Signal<bool>,
    /// Called with the new state.
    on_toggle: Callback<bool>,
) -> impl IntoView {
    let label_for = id.clone();
    view! {
        <label class="ag-check" for=label_for>
            <input
                id=id
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| on_toggle.run(event_target_checked(&ev))
            />
            {label}
        </label>
    }
}

/// A text area with its label above it.
#[component]
pub fn TextAreaField(
    /// The text area's DOM id (unique on the page).
    id: String,
    /// The label.
    label: &'static str,
    /// Visible rows.
    rows: u32,
    /// The text.
    value: Signal<String>,
    /// Called with the text on every input.
    on_input: Callback<String>,
) -> impl IntoView {
    let label_for = id.clone();
    view! {
        <label class="ag-label" for=label_for>{label}</label>
        <textarea
            id=id
            class="ag-textarea"
            rows=rows
            prop:value=move || value.get()
            on:input=move |ev| on_input.run(event_target_value(&ev))
        ></textarea>
    }
}

/// A one-line text input with its label above it, in a field.
#[component]
pub fn TextField(
    /// The input's DOM id (unique on the page).
    id: String,
    /// The label.
    label: &'static str,
    /// The most characters it takes.
    maxlength: usize,
    /// The text.
    value: RwSignal<String>,
) -> impl IntoView {
    let label_for = id.clone();
    view! {
        <div class="ag-field">
            <label class="ag-label" for=label_for>{label}</label>
            <input
                id=id
                class="ag-input"
                type="text"
                maxlength=maxlength.to_string()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A text area with its label and a hint above it (the hint describes the field), in a
/// field: one answer of a plan.
#[component]
pub fn HintedTextArea(
    /// The text area's DOM id (unique on the page); the hint's is this plus `-hint`.
    id: String,
    /// The label.
    label: String,
    /// What to write, in a sentence.
    hint: &'static str,
    /// The most characters it takes.
    maxlength: usize,
    /// The text.
    value: Signal<String>,
    /// Called with the text on every input.
    on_input: Callback<String>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let (label_for, described) = (id.clone(), hint_id.clone());
    view! {
        <div class="ag-field">
            <label class="ag-label" for=label_for>{label}</label>
            <p class="ag-hint" id=hint_id>{hint}</p>
            <textarea
                id=id
                class="ag-textarea"
                rows="3"
                maxlength=maxlength.to_string()
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        </div>
    }
}
