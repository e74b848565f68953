//! Blood pressure and pulse before and after a session, when the clinic asks for them
//! (`data-vitals="on"`). The range check in `domain::after_effects` catches typing errors
//! and judges nothing.

use crate::domain::{AfterEffects, Reading};
use crate::i18n::{tr, Text, T};
use leptos::prelude::*;

/// The two readings of an after-effects log being written.
#[component]
pub fn Vitals(
    /// The log being written.
    draft: RwSignal<AfterEffects>,
    /// A DOM id unique to the form, from a field's name.
    id: Callback<String, String>,
) -> impl IntoView {
    let reading = move |when: &'static str,
                        get: fn(&AfterEffects) -> Reading,
                        set: fn(&mut AfterEffects, Reading)| {
        let number = move |slug: &'static str,
                           label: Text,
                           field: fn(&mut Reading) -> &mut Option<u16>,
                           read: fn(&Reading) -> Option<u16>| {
            let nid = id.run(format!("{when}-{slug}"));
            let nfor = nid.clone();
            view! {
                <div class="ag-field ag-field--inline">
                    <label class="ag-label ag-label--plain" for=nfor>{tr(label)}</label>
                    <input id=nid class="ag-input ag-input--number" type="text" inputmode="numeric" autocomplete="off"
                        prop:value=move || draft.with(|d| read(&get(d)).map(|v| v.to_string()).unwrap_or_default())
                        on:input=move |ev| {
                            // Typed digits only; anything else is left out (and the
                            // range check says what a reading looks like).
                            let v = event_target_value(&ev).trim().parse::<u16>().ok();
                            draft.update(|d| {
                                let mut r = get(d);
                                *field(&mut r) = v;
                                set(d, r);
                            });
                        } />
                </div>
            }
        };
        view! {
            <fieldset class="ag-fieldset">
                <legend class="ag-label">{tr(if when == "before" { T::sd_vitals_before } else { T::sd_vitals_after })}</legend>
                <div class="ag-row">
                    {number("upper", T::sd_systolic, |r| &mut r.systolic, |r| r.systolic)}
                    {number("lower", T::sd_diastolic, |r| &mut r.diastolic, |r| r.diastolic)}
                    {number("pulse", T::sd_pulse, |r| &mut r.pulse, |r| r.pulse)}
                </div>
            </fieldset>
        }
    };
    view! {
        <div class="ag-effects__vitals">
            <p class="ag-label">{tr(T::sd_vitals_heading)}</p>
            <p class="ag-hint">{tr(T::sd_vitals_hint)}</p>
            {reading("before", |d| d.before, |d, r| d.before = r)}
            {reading("after", |d| d.after, |d, r| d.after = r)}
        </div>
    }
}
