//! The chart components: the mood chart with its range buttons, legend, words and table,
//! and the fixed-range chart used in the therapist summary. They only lay out what
//! `super::draw` computed.

use super::{draw, Drawing, Range, BOTTOM, H, LEFT, RIGHT, TOP};
use crate::domain::number::fixed;
use crate::domain::Metric;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::chart::chart_width;
use crate::ui::kit::format::{one_decimal, short_day};
use crate::ui::kit::scroll::scroll_stop;
use crate::ui::kit::show::Show;
use crate::ui::store::{use_config, use_store};
use chrono::NaiveDate;
use leptos::prelude::*;

/// Mood, anxiety and energy over time.
#[component]
pub fn MoodChart() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let range = RwSignal::new(Range::ThreeMonths);
    let table_open = RwSignal::new(false);
    let width = chart_width();
    let drawing = Memo::new(move |_| {
        crate::ui::shell::perf::timed("ag:chart", || {
            journal.with(|j| {
                let (start, end) = range.get().span(j);
                draw(j, start, end, width, true)
            })
        })
    });
    let heading = config.dom_id("chart-heading");
    let desc = config.dom_id("chart-desc");
    let (labelled_by, described_by, section_label) = (heading.clone(), desc.clone(), heading.clone());
    view! {
        <section class="ag-card ag-chart" aria-labelledby=section_label>
            <h2 class="ag-h2" id=heading>{tr(T::chart_heading)}</h2>
            <div class="ag-segmented" role="group" aria-label=tr(T::chart_range)>
                {Range::ALL
                    .into_iter()
                    .map(|r| view! {
                        <button
                            type="button"
                            class="ag-button ag-button--small ag-button--quiet"
                            aria-pressed=move || if range.get() == r { "true" } else { "false" }
                            on:click=move |_| range.set(r)
                        >
                            {r.label()}
                        </button>
                    })
                    .collect_view()}
            </div>
            <ChartSvg drawing=drawing.into() labelled_by=labelled_by described_by=described_by />
            <ul class="ag-legend">
                {Metric::ALL.into_iter().map(|m| {
                    let slug = m.slug();
                    let style = match m { Metric::Mood => T::chart_solid, Metric::Anxiety => T::chart_dashed, Metric::Energy => T::chart_dotted };
                    view! {
                        <li>
                            <svg class="ag-legend__swatch" viewBox="0 0 28 10" aria-hidden="true"><path class=format!("ag-line ag-line--avg ag-line--{slug}") d="M1 5L27 5" /></svg>
                            {tr_with(style, &[("metric", m.label())])}
                        </li>
                    }
                }).collect_view()}
                <li>{tr(T::chart_key)}</li>
            </ul>
            <p class="ag-chart__desc" id=desc>{move || drawing.get().description}</p>
            <details class="ag-disclosure" on:toggle=move |ev| table_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary class="ag-disclosure__summary">{tr(T::chart_show_table)}</summary>
                <Show when=move || table_open.get()>
                    <ChartTable rows=Signal::derive(move || drawing.get().table) days=Signal::derive(move || drawing.get().days) />
                </Show>
            </details>
        </section>
    }
}

/// The chart picture itself, from a drawing.
#[component]
fn ChartSvg(
    /// What to draw.
    drawing: Signal<Drawing>,
    /// Id of the element naming the chart.
    labelled_by: String,
    /// Id of the element describing the trend in words.
    described_by: String,
) -> impl IntoView {
    let y = |v: f64| TOP + (10.0 - v) / 10.0 * (H - TOP - BOTTOM);
    view! {
            {move || {
                let d = drawing.get();
                let w = d.frame_width;
                view! {
                    <svg
                        class="ag-chart__svg"
                        viewBox=format!("0 0 {} {}", fixed(w, 0), fixed(H, 0))
                        role="img"
                        aria-labelledby=labelled_by.clone()
                        aria-describedby=described_by.clone()
                    >
                        {d.bands.into_iter().map(|(slug, label, x0, x1)| view! {
                            <rect class=format!("ag-band ag-band--{slug}") x=fixed(x0, 1).to_string() y="2" width=fixed((x1 - x0).max(1.0), 1).to_string() height=fixed(H - BOTTOM - 2.0, 1).to_string() />
                            {(x1 - x0 > 70.0).then(|| view! { <text class="ag-band__label" x=fixed(x0 + 4.0, 1).to_string() y="14">{label}</text> })}
                        }).collect_view()}
                        {[0.0, 5.0, 10.0].into_iter().map(|v| view! {
                            <line class="ag-grid" x1=fixed(LEFT, 1).to_string() x2=fixed(w - RIGHT, 1).to_string() y1=fixed(y(v), 1).to_string() y2=fixed(y(v), 1).to_string() />
                            <text class="ag-axis" x="4" y=fixed(y(v) + 4.0, 1).to_string()>{fixed(v, 0).to_string()}</text>
                        }).collect_view()}
                        {d.ticks.into_iter().enumerate().map(|(i, (label, x))| {
                            // The outer labels hug the edges so they are never cut off.
                            let anchor = match i { 0 => "start", 2 => "end", _ => "middle" };
                            view! { <text class="ag-axis" x=fixed(x, 1).to_string() y=fixed(H - 6.0, 1).to_string() text-anchor=anchor>{label}</text> }
                        }).collect_view()}
                        {d.sessions.into_iter().map(|(n, x, room)| view! {
                            <line class="ag-marker" x1=fixed(x, 1).to_string() x2=fixed(x, 1).to_string() y1=fixed(TOP, 1).to_string() y2=fixed(H - BOTTOM, 1).to_string() />
                            {room.then(|| view! {
                                <text class="ag-marker__label" x=fixed(x, 1).to_string() y=fixed(TOP - 2.0, 1).to_string() text-anchor="middle">{format!("S{n}")}</text>
                            })}
                        }).collect_view()}
                        {d.lines.into_iter().map(|(metric, raw, avg)| {
                            let m = metric.slug();
                            view! {
                                <path class=format!("ag-line ag-line--raw ag-line--{m}") d=raw />
                                <path class=format!("ag-line ag-line--avg ag-line--{m}") d=avg />
                            }
                        }).collect_view()}
                    </svg>
                }
            }}
    }
}

/// The mood chart for a fixed stretch of days, for the therapist summary: no range
/// buttons, the trend in words beneath.
#[component]
pub fn RangeChart(
    /// First day.
    from: NaiveDate,
    /// Last day.
    to: NaiveDate,
    /// Whether to mark dosing sessions (not when the patient left sessions out).
    sessions: bool,
    /// The summary's language: the chart's words and dates are written in it.
    words: crate::i18n::Words,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let drawing = Memo::new(move |_| words.run(|| journal.with(|j| draw(j, from, to, 640.0, sessions))));
    let heading = config.dom_id("summary-chart-heading");
    let desc = config.dom_id("summary-chart-desc");
    let (labelled_by, described_by) = (heading.clone(), desc.clone());
    view! {
        <h4 class="ag-summary__h4" id=heading>{tr(T::chart_summary_heading)}</h4>
        <ChartSvg drawing=drawing.into() labelled_by=labelled_by described_by=described_by />
        <p class="ag-chart__desc" id=desc>{move || drawing.get().description}</p>
    }
}

#[component]
fn ChartTable(rows: Signal<Vec<(NaiveDate, [Option<f64>; 3])>>, days: Signal<usize>) -> impl IntoView {
    view! {
        <div class="ag-table-wrap" tabindex="0" role="region" use:scroll_stop aria-label=move || tr_with(T::chart_table_caption, &[("days", &days.get().to_string())])>
            <table class="ag-table">
                <caption>{move || tr_with(T::chart_table_caption, &[("days", &days.get().to_string())])}</caption>
                <thead>
                    <tr><th scope="col">{tr(T::chart_day)}</th>{Metric::ALL.map(|m| view! { <th scope="col">{m.label()}</th> })}</tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(day, v)| view! {
                        <tr><th scope="row">{short_day(day)}</th><td>{one_decimal(v[0])}</td><td>{one_decimal(v[1])}</td><td>{one_decimal(v[2])}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
