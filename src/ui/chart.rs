//! The mood chart, drawn by the app as SVG: daily means and their 7-day rolling average
//! for mood, anxiety and energy; stage bands; dosing sessions as markers; ranges of two
//! weeks, three months or all. Lines differ in dash pattern as well as colour. The trend
//! is stated in words, and a table of the numbers is the alternative to the picture.
//!
//! Never draws more than about two points per horizontal pixel: long series are
//! downsampled keeping their extremes.

use super::format::{day_with_year, local_day, month_year, short_day};
use super::store::{today, use_store};
use crate::domain::stats::{daily_means, describe_trend, downsample, rolling_mean, stage_bands, Point};
use crate::domain::{Journal, Metric};
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use std::collections::BTreeMap;

const H: f64 = 240.0;
const LEFT: f64 = 30.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 26.0;
const BOTTOM: f64 = 24.0;
/// Daily values are drawn for ranges up to this many days.
const DAILY_LINES_UP_TO_DAYS: i64 = 120;

/// Which stretch of time the chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    /// The last 14 days.
    TwoWeeks,
    /// The last 91 days.
    ThreeMonths,
    /// Since the first check-in.
    All,
}

impl Range {
    const ALL: [Range; 3] = [Range::TwoWeeks, Range::ThreeMonths, Range::All];

    fn label(self) -> &'static str {
        match self {
            Range::TwoWeeks => "2 weeks",
            Range::ThreeMonths => "3 months",
            Range::All => "All",
        }
    }

    fn days(self) -> Option<i64> {
        match self {
            Range::TwoWeeks => Some(14),
            Range::ThreeMonths => Some(91),
            Range::All => None,
        }
    }
}

/// Maps days and 0-10 values to chart coordinates.
#[derive(Clone, Copy)]
struct Frame {
    start: NaiveDate,
    end: NaiveDate,
    width: f64,
}

impl Frame {
    fn x(&self, day: NaiveDate) -> f64 {
        let span = (self.end - self.start).num_days().max(1) as f64;
        LEFT + (day - self.start).num_days() as f64 / span * (self.width - LEFT - RIGHT)
    }

    fn y(&self, value: f64) -> f64 {
        TOP + (10.0 - value) / 10.0 * (H - TOP - BOTTOM)
    }

    fn path(&self, points: &[Point]) -> String {
        let mut d = String::with_capacity(points.len() * 14);
        for (i, p) in points.iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            d.push_str(&format!("{:.1} {:.1}", self.x(p.day), self.y(p.value)));
        }
        d
    }
}

/// Everything the chart draws, computed once per journal change, range or width.
#[derive(Clone, PartialEq)]
struct Drawing {
    frame_width: f64,
    lines: Vec<(Metric, String, String)>,
    bands: Vec<(&'static str, &'static str, f64, f64)>,
    /// Session number, x, and whether there is room for its label.
    sessions: Vec<(u32, f64, bool)>,
    ticks: Vec<(String, f64)>,
    description: String,
    table: Vec<(NaiveDate, [Option<f64>; 3])>,
    days: usize,
}

impl Range {
    /// The first and last day shown.
    fn span(self, journal: &Journal) -> (NaiveDate, NaiveDate) {
        let end = today();
        let first = journal.check_ins().first().map(|c| local_day(c.at)).unwrap_or(end);
        let start = match self.days() {
            Some(d) => end - Duration::days(d - 1),
            None => first.min(end - Duration::days(6)),
        };
        (start, end)
    }
}

/// Everything to draw for `start..=end` at `width` pixels.
fn draw(journal: &Journal, start: NaiveDate, end: NaiveDate, width: f64, with_sessions: bool) -> Drawing {
    let check_ins = journal.check_ins();
    let frame = Frame { start, end, width };
    let plot_px = (width - LEFT - RIGHT).max(60.0) as usize;
    let long_range = (end - start).num_days() > 300;
    let mut lines = Vec::new();
    let mut sentences = Vec::new();
    let mut table: BTreeMap<NaiveDate, [Option<f64>; 3]> = BTreeMap::new();
    for (k, metric) in Metric::ALL.into_iter().enumerate() {
        let daily = daily_means(check_ins, metric, local_day);
        // The average is taken over all history, then cut, so its first days are right.
        let rolling: Vec<Point> = rolling_mean(&daily, 7).into_iter().filter(|p| p.day >= start).collect();
        let daily: Vec<Point> = daily.into_iter().filter(|p| p.day >= start).collect();
        sentences.push(if long_range {
            describe_trend(metric, &rolling, day_with_year)
        } else {
            describe_trend(metric, &rolling, short_day)
        });
        for p in &daily {
            table.entry(p.day).or_default()[k] = Some(p.value);
        }
        // Past about three months daily values are noise at this width; the average,
        // the words and the table carry them.
        let raw = if (end - start).num_days() <= DAILY_LINES_UP_TO_DAYS {
            frame.path(&downsample(&daily, plot_px / 2))
        } else {
            String::new()
        };
        lines.push((metric, raw, frame.path(&downsample(&rolling, plot_px / 2))));
    }
    let in_range: Vec<_> = check_ins.iter().filter(|c| local_day(c.at) >= start).cloned().collect();
    let bands = stage_bands(&in_range, local_day)
        .into_iter()
        .map(|b| (b.stage.slug(), b.stage.label(), frame.x(b.from) - 2.0, frame.x(b.to) + 2.0))
        .collect();
    let mut last_label = f64::NEG_INFINITY;
    let sessions: Vec<(u32, f64, bool)> = journal
        .sessions()
        .iter()
        .filter(|s| with_sessions && local_day(s.at) >= start && local_day(s.at) <= end)
        .map(|s| {
            let x = frame.x(local_day(s.at));
            let room = x - last_label >= 28.0;
            if room {
                last_label = x;
            }
            (s.number, x, room)
        })
        .collect();
    if !sessions.is_empty() {
        let numbers: Vec<String> = sessions.iter().map(|(n, ..)| n.to_string()).collect();
        sentences.push(format!("Dosing sessions marked: {}.", numbers.join(", ")));
    }
    let ticks = [start, start + (end - start) / 2, end]
        .into_iter()
        .map(|d| (if long_range { month_year(d) } else { short_day(d) }, frame.x(d)))
        .collect();
    Drawing {
        frame_width: width,
        lines,
        bands,
        sessions,
        ticks,
        description: sentences.join(" "),
        days: table.len(),
        table: table.into_iter().rev().collect(),
    }
}

fn chart_width() -> f64 {
    let inner = window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(640.0);
    (inner - 64.0).clamp(280.0, 680.0)
}

fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// Mood, anxiety and energy over time.
#[component]
pub fn MoodChart() -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let range = RwSignal::new(Range::ThreeMonths);
    let table_open = RwSignal::new(false);
    let width = chart_width();
    let drawing = Memo::new(move |_| {
        mark("ag:chart:start");
        let d = journal.with(|j| {
            let (start, end) = range.get().span(j);
            draw(j, start, end, width, true)
        });
        mark("ag:chart:end");
        if let Some(p) = window().performance() {
            let _ = p.measure_with_start_mark_and_end_mark("ag:chart", "ag:chart:start", "ag:chart:end");
        }
        d
    });
    let heading = store.dom_id("chart-heading");
    let desc = store.dom_id("chart-desc");
    let (labelled_by, described_by, section_label) = (heading.clone(), desc.clone(), heading.clone());
    view! {
        <section class="ag-card ag-chart" aria-labelledby=section_label>
            <h2 class="ag-h2" id=heading>"Mood over time"</h2>
            <div class="ag-segmented" role="group" aria-label="Time range">
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
                    let slug = m.label().to_lowercase();
                    let style = match m { Metric::Mood => "solid line", Metric::Anxiety => "dashed line", Metric::Energy => "dotted line" };
                    view! {
                        <li>
                            <svg class="ag-legend__swatch" viewBox="0 0 28 10" aria-hidden="true"><path class=format!("ag-line ag-line--avg ag-line--{slug}") d="M1 5L27 5" /></svg>
                            {format!("{} ({style})", m.label())}
                        </li>
                    }
                }).collect_view()}
                <li>"Thick lines: 7-day average. Thin lines: daily values (up to 3 months). S1, S2: dosing sessions. Shaded: stages."</li>
            </ul>
            <p class="ag-chart__desc" id=desc>{move || drawing.get().description}</p>
            <details class="ag-disclosure" on:toggle=move |ev| table_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary class="ag-disclosure__summary">"Show the numbers as a table"</summary>
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
                        viewBox=format!("0 0 {w:.0} {H:.0}")
                        role="img"
                        aria-labelledby=labelled_by.clone()
                        aria-describedby=described_by.clone()
                    >
                        {d.bands.into_iter().map(|(slug, label, x0, x1)| view! {
                            <rect class=format!("ag-band ag-band--{slug}") x=format!("{x0:.1}") y="2" width=format!("{:.1}", (x1 - x0).max(1.0)) height=format!("{:.1}", H - BOTTOM - 2.0) />
                            {(x1 - x0 > 70.0).then(|| view! { <text class="ag-band__label" x=format!("{:.1}", x0 + 4.0) y="14">{label}</text> })}
                        }).collect_view()}
                        {[0.0, 5.0, 10.0].into_iter().map(|v| view! {
                            <line class="ag-grid" x1=LEFT.to_string() x2=format!("{:.1}", w - RIGHT) y1=format!("{:.1}", y(v)) y2=format!("{:.1}", y(v)) />
                            <text class="ag-axis" x="4" y=format!("{:.1}", y(v) + 4.0)>{format!("{v:.0}")}</text>
                        }).collect_view()}
                        {d.ticks.into_iter().enumerate().map(|(i, (label, x))| {
                            // The outer labels hug the edges so they are never cut off.
                            let anchor = match i { 0 => "start", 2 => "end", _ => "middle" };
                            view! { <text class="ag-axis" x=format!("{x:.1}") y=format!("{:.1}", H - 6.0) text-anchor=anchor>{label}</text> }
                        }).collect_view()}
                        {d.sessions.into_iter().map(|(n, x, room)| view! {
                            <line class="ag-marker" x1=format!("{x:.1}") x2=format!("{x:.1}") y1=TOP.to_string() y2=format!("{:.1}", H - BOTTOM) />
                            {room.then(|| view! {
                                <text class="ag-marker__label" x=format!("{x:.1}") y=format!("{:.1}", TOP - 2.0) text-anchor="middle">{format!("S{n}")}</text>
                            })}
                        }).collect_view()}
                        {d.lines.into_iter().map(|(metric, raw, avg)| {
                            let m = metric.label().to_lowercase();
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
) -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let drawing = Memo::new(move |_| journal.with(|j| draw(j, from, to, 640.0, sessions)));
    let heading = store.dom_id("summary-chart-heading");
    let desc = store.dom_id("summary-chart-desc");
    let (labelled_by, described_by) = (heading.clone(), desc.clone());
    view! {
        <h4 class="ag-summary__h4" id=heading>"Mood, anxiety and energy"</h4>
        <ChartSvg drawing=drawing.into() labelled_by=labelled_by described_by=described_by />
        <p class="ag-chart__desc" id=desc>{move || drawing.get().description}</p>
    }
}

#[component]
fn ChartTable(rows: Signal<Vec<(NaiveDate, [Option<f64>; 3])>>, days: Signal<usize>) -> impl IntoView {
    let cell = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "–".into());
    view! {
        <div class="ag-table-wrap">
            <table class="ag-table">
                <caption>{move || format!("Daily averages, newest first ({} days)", days.get())}</caption>
                <thead>
                    <tr><th scope="col">"Day"</th><th scope="col">"Mood"</th><th scope="col">"Anxiety"</th><th scope="col">"Energy"</th></tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(day, v)| view! {
                        <tr><th scope="row">{short_day(day)}</th><td>{cell(v[0])}</td><td>{cell(v[1])}</td><td>{cell(v[2])}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
