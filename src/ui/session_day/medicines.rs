//! The patient's own list of medicines: name, dose, how often, a note. To have at hand
//! when the clinic asks.
//!
//! Must never advise: no interaction warnings, no "hold this", nothing about doses
//! beyond what the patient wrote.

use crate::domain::{Kind, Medicine};
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::keyed::records;
use crate::ui::kit::show::Show;
use crate::ui::shell::nav::{link, View};
use crate::ui::store::{fresh_id, now, use_config, use_notices, use_store};
use leptos::prelude::*;

/// The list and a form to add one.
#[component]
pub fn MedicinesView() -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let medicines = Memo::new(move |_| journal.with(|j| j.medicines().to_vec()));
    let adding = RwSignal::new(false);
    view! {
        <section class="ag-section" aria-label=tr(T::sd_my_medicines)>
            <div class="ag-card">
                <a class="ag-link" href=link(View::Sessions)>{tr(T::sd_all_sessions)}</a>
                <h2 class="ag-h2">{tr(T::sd_my_medicines)}</h2>
                <p class="ag-hint">{tr(T::sd_meds_hint)}</p>
                <Show
                    when=move || adding.get()
                    fallback=move || view! {
                        <button type="button" class="ag-button" on:click=move |_| adding.set(true)>{tr(T::sd_meds_add)}</button>
                    }
                >
                    <MedicineForm medicine=None on_done=Callback::new(move |()| adding.set(false)) />
                </Show>
            </div>
            <Show
                when=move || !medicines.get().is_empty()
                fallback=|| view! { <p class="ag-empty ag-card">{tr(T::sd_meds_none)}</p> }
            >
                <ul class="ag-list">
                    {records(move || medicines.get(), |medicine| view! { <MedicineRow medicine=medicine /> }.into_any())}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn MedicineRow(medicine: Medicine) -> impl IntoView {
    let store = use_store();
    let editing = RwSignal::new(false);
    let line = medicine.line();
    let note = medicine.note.clone();
    let id = medicine.id.clone();
    let name = medicine.name.clone();
    view! {
        <li class="ag-card">
            <p class="ag-medicine">{line}</p>
            {(!note.is_empty()).then(|| view! { <p class="ag-hint">{note}</p> })}
            <div class="ag-row">
                <button
                    type="button"
                    class="ag-button ag-button--small ag-button--quiet"
                    aria-expanded=move || if editing.get() { "true" } else { "false" }
                    on:click=move |_| editing.update(|e| *e = !*e)
                >
                    {tr_with(T::sd_meds_edit, &[("name", &name)])}
                </button>
                <button type="button" class="ag-button ag-button--small ag-button--quiet" on:click=move |_| store.delete_record(Kind::Medicine, &id, T::deleted_medicine)>
                    {tr(T::sd_remove)}
                </button>
            </div>
            <Show when=move || editing.get()>
                <MedicineForm medicine=Some(medicine.clone()) on_done=Callback::new(move |()| editing.set(false)) />
            </Show>
        </li>
    }
}

#[component]
fn MedicineForm(medicine: Option<Medicine>, on_done: Callback<()>) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let key = medicine.as_ref().map(|m| m.id.to_string()).unwrap_or_else(|| "new".into());
    let [name_id, dose_id, often_id, note_id] =
        ["name", "dose", "often", "note"].map(|f| config.dom_id(&format!("medicine-{f}-{key}")));
    let field = |f: fn(&Medicine) -> &String| {
        RwSignal::new(medicine.as_ref().map(|m| f(m).clone()).unwrap_or_default())
    };
    let (name, dose, often, note) =
        (field(|m| &m.name), field(|m| &m.dose), field(|m| &m.how_often), field(|m| &m.note));
    let original = StoredValue::new(medicine);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let at = now();
        let mut m = original.get_value().unwrap_or_else(|| Medicine {
            id: fresh_id(),
            name: String::new(),
            dose: String::new(),
            how_often: String::new(),
            note: String::new(),
            created: at,
            edited: at,
        });
        m.name = name.get_untracked().trim().to_owned();
        m.dose = dose.get_untracked().trim().to_owned();
        m.how_often = often.get_untracked().trim().to_owned();
        m.note = note.get_untracked().trim().to_owned();
        m.edited = crate::domain::when::next_edit(m.edited, at);
        let what = m.name.clone();
        if store.save(m) {
            notices.say(tr_with(T::sd_med_saved, &[("name", &what)]), false);
            on_done.run(());
        }
    };
    let input = move |id: String, label: crate::i18n::Text, value: RwSignal<String>, max: &'static str| {
        let label_for = id.clone();
        view! {
            <div class="ag-field">
                <label class="ag-label" for=label_for>{tr(label)}</label>
                <input id=id class="ag-input" type="text" maxlength=max prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <form class="ag-medicine__form" on:submit=save>
            {input(name_id, T::sd_med_name, name, "120")}
            {input(dose_id, T::sd_med_dose, dose, "120")}
            {input(often_id, T::sd_med_often, often, "120")}
            {input(note_id, T::sd_note_optional, note, "1000")}
            <div class="ag-row ag-row--end">
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| on_done.run(())>{tr(T::journal_cancel)}</button>
                <button type="submit" class="ag-button ag-button--primary">{tr(T::sd_save_medicine)}</button>
            </div>
        </form>
    }
}
