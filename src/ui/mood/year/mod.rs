//! A year at a glance on Mood (issue 36): every day of a year as a square shaded by its
//! mood average, sessions ringed, stages as patterned lines with their initial, months and
//! weekdays labelled. The keyboard walks it day by day, week by week and month by month,
//! and the day's figures are read out beneath; the table is the alternative to the
//! picture; "Print the year" prints this card alone on one page.
//!
//! Describes, never judges: no streaks, no counts of days without a check-in, no
//! colour for "good" or "bad" (one hue, fainter to stronger). Reads the journal only.

mod grid;
mod table;

use crate::domain::year::Year;
use crate::domain::Stage;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::chart::chart_width;
use crate::ui::kit::format::{day_heading, local_day, one_decimal};
use crate::ui::kit::show::Show;
use crate::ui::store::{today, use_config, use_store};
use chrono::Datelike;
use grid::{Layout, YearSvg};
use leptos::prelude::*;
use table::YearTable;

/// The year card.
#[component]
pub fn YearGlance() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let this_year = today().year();
    // The years the journal holds, up to this one: the first check-in's or session's.
    let years = Memo::new(move |_| {
        journal.with(|j| {
            let first = [j.check_ins().first().map(|c| c.at), j.sessions().iter().map(|s| s.at).min()]
                .into_iter()
                .flatten()
                .map(|at| local_day(at).year())
                .min()
                .unwrap_or(this_year)
                .min(this_year);
            (first..=this_year).rev().collect::<Vec<i32>>()
        })
    });
    let shown = RwSignal::new(this_year);
    let year = Memo::new(move |_| {
        let y = shown.get();
        journal.with(|j| {
            let session_days: Vec<_> = j.sessions().iter().map(|s| local_day(s.at)).collect();
            Year::of(y, j.check_ins(), &session_days, local_day)
                .or_else(|| Year::of(this_year, &[], &[], local_day))
                .unwrap_or(Year { year: y, days: Vec::new() })
        })
    });
    let width = chart_width();
    let layout = Memo::new(move |_| Layout::new(width, year.with(|y| y.weeks().len())));
    // Today when it is in the year shown, else its last day with something on it.
    let start_of = move |y: &Year| {
        y.days
            .iter()
            .position(|d| d.date == today())
            .or_else(|| y.days.iter().rposition(|d| d.mood.is_some() || d.sessions > 0))
            .unwrap_or(0)
    };
    let chosen = RwSignal::new(year.with_untracked(start_of));
    let readout = move || {
        year.with(|y| {
            y.days.get(chosen.get()).map(|d| {
                let mut parts = vec![match d.mood {
                    Some(m) => tr_with(T::year_day_mood, &[("value", &one_decimal(Some(m)))]),
                    None => tr(T::year_day_none).to_owned(),
                }];
                match d.sessions {
                    0 => {}
                    1 => parts.push(tr(T::year_day_session_one).to_owned()),
                    n => parts.push(tr_with(T::year_day_session_other, &[("n", &n.to_string())])),
                }
                if let Some(stage) = d.stage {
                    parts.push(stage.label().into());
                }
                format!("{}: {}", day_heading(d.date), parts.join(" · "))
            })
        })
        .unwrap_or_default()
    };
    let heading = config.dom_id("year-heading");
    let readout_id = config.dom_id("year-day");
    let keys_id = config.dom_id("year-keys");
    let card = NodeRef::<leptos::html::Section>::new();
    let table_open = RwSignal::new(false);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        if let Some(m) = layout.with_untracked(|l| l.arrow(&ev.key())) {
            ev.prevent_default();
            chosen.update(|i| *i = year.with_untracked(|y| y.moved(*i, m)));
        }
    };
    let print = move |ev: leptos::ev::MouseEvent| {
        // The card is the printable part only for this print, so printing Mood from the
        // browser's menu still prints all of it.
        let Some(card) = card.get_untracked() else { return };
        let _ = card.class_list().add_1("ag-printable");
        let done = {
            let card = card.clone();
            wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = card.class_list().remove_1("ag-printable");
            })
        };
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
            "afterprint",
            wasm_bindgen::JsCast::unchecked_ref(&done),
            &options,
        );
        crate::ui::kit::print::print_from_click(&ev);
    };
    let (described, section) = (format!("{readout_id} {keys_id}"), heading.clone());
    view! {
        <section class="ag-card ag-year" aria-labelledby=section node_ref=card>
            <h2 class="ag-h2" id=heading>{move || tr_with(T::year_heading, &[("year", &shown.get().to_string())])}</h2>
            <Show when=move || years.with(|y| y.len() > 1)>
                <label class="ag-year__choice">
                    {tr(T::year_choice)}" "
                    <select class="ag-input ag-input--short" on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                            // Another year starts from its own day, chosen where the year is chosen.
                            shown.set(y);
                            chosen.set(year.with_untracked(start_of));
                        }
                    }>
                        {move || years.get().into_iter().map(|y| view! {
                            <option value=y.to_string() selected=move || shown.get() == y>{y.to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </Show>
            <p class="ag-hint">
                {tr(T::year_hint)}
            </p>
            <div
                class="ag-year__grid"
                tabindex="0"
                role="group"
                aria-label=move || tr_with(T::year_grid, &[("year", &shown.get().to_string())])
                aria-describedby=described
                on:keydown=on_key
            >
                <YearSvg year=year layout=layout chosen=chosen />
            </div>
            <p class="ag-year__day" id=readout_id aria-live="polite">{readout}</p>
            <p class="ag-hint ag-year__keys" id=keys_id>
                {move || tr(if layout.get().across { T::year_keys_across } else { T::year_keys_down })}
            </p>
            <Legend />
            <details class="ag-disclosure ag-year__table" on:toggle=move |ev| table_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary class="ag-disclosure__summary">{tr(T::year_show_table)}</summary>
                <Show when=move || table_open.get()>
                    <YearTable year=year />
                </Show>
            </details>
            <div class="ag-row ag-year__actions">
                <button type="button" class="ag-button ag-button--quiet" on:click=print>{tr(T::year_print)}</button>
            </div>
        </section>
    }
}

/// What the shades, the ring and the lines stand for: one list item shape for all of
/// them, the swatch as markup.
#[component]
fn Legend() -> impl IntoView {
    let square =
        |class: &str| format!(r#"<rect class="{class}" x="1" y="1" width="12" height="12" rx="2"/>"#);
    let mut items: Vec<(&'static str, String, String)> =
        vec![("0 0 14 14", square("ag-yday"), tr(T::year_no_checkin).to_owned())];
    for (step, words) in [(1, "1–2"), (2, "3–4"), (3, "5–6"), (4, "7–8"), (5, "9–10")] {
        items.push((
            "0 0 14 14",
            square(&format!("ag-yday ag-yday--{step}")),
            tr_with(T::year_mood, &[("range", words)]),
        ));
    }
    items.push((
        "0 0 14 14",
        r#"<circle class="ag-yday__session" cx="7" cy="7" r="4"/>"#.into(),
        tr(T::year_session).to_owned(),
    ));
    for stage in Stage::ALL {
        let line =
            format!(r#"<line class="ag-yband ag-yband--{}" x1="1" y1="7" x2="27" y2="7"/>"#, stage.slug());
        let initial = stage.label().chars().next().unwrap_or(' ');
        items.push(("0 0 28 14", line, format!("{} ({initial})", stage.label())));
    }
    view! {
        <ul class="ag-legend ag-year__legend">
            {items.into_iter().map(|(view_box, swatch, words)| view! {
                <li><svg class="ag-year__swatch" viewBox=view_box aria-hidden="true" inner_html=swatch></svg>{words}</li>
            }).collect_view()}
        </ul>
    }
}
