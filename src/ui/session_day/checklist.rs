//! A session day's checklist (the clinic's items or Afterglow's) and the medicines tick
//! with its note. Each tick is saved as it is made, with the session's day; nothing here
//! ever stands between the patient and logging a session.
//!
//! Must never advise about medicines: it records what the patient says they did.

use crate::domain::SessionDay;
use crate::i18n::{tr, tr_with, T};
use crate::ui::store::{now, use_config, use_notices, use_store};
use leptos::prelude::*;

/// A tick that could not be stored is put back, so the box shows what is stored.
fn show_stored(ev: &leptos::ev::Event, stored: bool) {
    if let Some(input) =
        ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
    {
        input.set_checked(stored);
    }
}

/// The day-of checklist, ticks saved one by one.
#[component]
pub fn Checklist(
    /// The day as stored, if there is one yet.
    day: Signal<Option<SessionDay>>,
    /// Makes the day a first tick is saved in.
    make: Callback<(), SessionDay>,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let items = config.checklist();
    let total = items.len();
    let heading = config.dom_id("checklist-heading");
    let labelled = heading.clone();
    let done = {
        let items = items.clone();
        move || day.with(|d| d.as_ref().map_or(0, |d| d.ticked_of(&items)))
    };
    view! {
        <section class="ag-card ag-checklist" aria-labelledby=labelled>
            <h3 class="ag-h3" id=heading>{tr(T::sd_ready_heading)}</h3>
            <p class="ag-hint">
                {move || tr_with(T::sd_ready_count, &[("done", &done().to_string()), ("total", &total.to_string())])}
                " "
                {tr(T::sd_ready_hint)}
            </p>
            <ul class="ag-list">
                {items
                    .into_iter()
                    .map(|item| {
                        let id = config.dom_id(&format!("check-{}", item.id));
                        let label_for = id.clone();
                        let item_id = StoredValue::new(item.id.clone());
                        view! {
                            <li>
                                <label class="ag-check" for=label_for>
                                    <input
                                        id=id
                                        type="checkbox"
                                        prop:checked=move || day.with(|d| d.as_ref().is_some_and(|d| item_id.with_value(|i| d.is_ticked(i))))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let base = day.get_untracked().unwrap_or_else(|| make.run(()));
                                            let changed = base.with_tick(&item_id.get_value(), on, now());
                                            if !store.save(changed.clone()) {
                                                show_stored(&ev, !on);
                                            } else if on && changed.ticked_of(&config.checklist()) == total {
                                                notices.say(tr(T::sd_ready_all), false);
                                            }
                                        }
                                    />
                                    {item.shown()}
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// "My medicines were taken or held as my clinic asked", with a note.
#[component]
pub fn MedicinesTick(
    /// The day as stored, if there is one yet.
    day: Signal<Option<SessionDay>>,
    /// Makes the day the tick is saved in.
    make: Callback<(), SessionDay>,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let tick_id = config.dom_id("medicines-tick");
    let note_id = config.dom_id("medicines-note");
    let (tick_for, note_for) = (tick_id.clone(), note_id.clone());
    let note = RwSignal::new(
        day.with_untracked(|d| d.as_ref().map(|d| d.medicines_note.clone()).unwrap_or_default()),
    );
    let save = move |change: &dyn Fn(&mut SessionDay)| -> bool {
        let mut d = day.get_untracked().unwrap_or_else(|| make.run(()));
        change(&mut d);
        d.edited = crate::domain::when::next_edit(d.edited, now());
        store.save(d)
    };
    view! {
        <section class="ag-card" aria-label=tr(T::sd_medicines_heading)>
            <h3 class="ag-h3">{tr(T::sd_medicines_heading)}</h3>
            <p class="ag-hint">
                {tr(T::sd_medicines_hint)}
                " "
                <a class="ag-link" href=crate::ui::shell::nav::link_to(crate::ui::shell::nav::Place::Medicines)>{tr(T::sd_my_medicines)}</a>
            </p>
            <label class="ag-check" for=tick_for>
                <input
                    id=tick_id
                    type="checkbox"
                    prop:checked=move || day.with(|d| d.as_ref().is_some_and(|d| d.medicines_as_asked))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        if !save(&|d| d.medicines_as_asked = on) {
                            show_stored(&ev, !on);
                        }
                    }
                />
                {tr(T::sd_medicines_tick)}
            </label>
            <form class="ag-field" on:submit=move |ev| {
                ev.prevent_default();
                let text = note.get_untracked().trim().to_owned();
                if save(&|d| d.medicines_note = text.clone()) {
                    notices.say(tr(T::sd_medicines_note_saved), false);
                }
            }>
                <label class="ag-label" for=note_for>{tr(T::sd_note_optional)}</label>
                <textarea id=note_id class="ag-textarea" rows="2" maxlength="1000" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                <div class="ag-row ag-row--end">
                    <button type="submit" class="ag-button">{tr(T::sd_save_note)}</button>
                </div>
            </form>
        </section>
    }
}
