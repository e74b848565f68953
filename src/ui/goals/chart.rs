//! A goal's ratings over time as a small SVG chart, sessions marked, with the table of
//! the same numbers as its text alternative. Draws only; the numbers come from the
//! journal.

use crate::domain::goal::MAX_SCORE;
use crate::domain::number::fixed;
use crate::domain::{DosingSession, GoalRating};
use crate::i18n::{tr, tr_with, T};
use crate::ui::goals::scale::in_words;
use crate::ui::kit::chart::chart_width;
use crate::ui::kit::format::{local_day, short_date, short_day};
use crate::ui::kit::scroll::scroll_stop;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

const H: f64 = 180.0;
const PAD: f64 = 28.0;

/// Where a time falls across a chart `w` wide, from `start` to `end`.
fn x(at: DateTime<Utc>, start: DateTime<Utc>, end: DateTime<Utc>, w: f64) -> f64 {
    let span = (end - start).num_seconds().max(1) as f64;
    PAD + (at - start).num_seconds() as f64 / span * (w - 2.0 * PAD)
}

/// A coordinate as SVG writes it, through [`fixed`] (the standard library's float
/// formatting would bring about 11 KB of wasm into the views' chunk).
fn n(v: f64) -> String {
    fixed(v, 1).to_string()
}

fn y(score: u8) -> f64 {
    H - PAD - f64::from(score) / f64::from(MAX_SCORE) * (H - 2.0 * PAD)
}

/// The chart and its table.
#[component]
pub fn RatingsChart(
    /// The ratings, oldest first.
    ratings: Vec<GoalRating>,
    /// Sessions since the goal was set.
    sessions: Vec<DosingSession>,
    /// The chart's end (now).
    end: DateTime<Utc>,
) -> impl IntoView {
    let Some(first) = ratings.first() else {
        return view! { <p class="ag-empty">{tr(T::goal_no_ratings)}</p> }.into_any();
    };
    let start = first.at.min(sessions.first().map_or(first.at, |s| s.at));
    let end = end.max(start + chrono::Duration::days(1));
    // Drawn at the width it is shown, so its labels keep their size on a phone.
    let w = chart_width().round();
    let x = move |at| x(at, start, end, w);
    let points: String =
        ratings.iter().map(|r| format!("{},{}", n(x(r.at)), n(y(r.score)))).collect::<Vec<_>>().join(" ");
    let summary = tr_with(
        T::goal_chart_summary,
        &[
            ("from", &short_day(local_day(first.at))),
            ("to", &short_day(local_day(ratings.last().map_or(first.at, |r| r.at)))),
            ("first", &first.score.to_string()),
            ("now", &ratings.last().map_or(first.score, |r| r.score).to_string()),
        ],
    );
    view! {
        <figure class="ag-goal-chart">
            <svg viewBox=format!("0 0 {} {}", fixed(w, 0), fixed(H, 0)) role="img" aria-label=summary.clone() class="ag-chart__svg">
                {[0u8, 5, 10].into_iter().map(|s| view! {
                    <line class="ag-grid" x1=n(PAD) x2=n(w - PAD) y1=n(y(s)) y2=n(y(s)) />
                    <text class="ag-axis" x="4" y=n(y(s) + 4.0)>{s.to_string()}</text>
                }).collect_view()}
                {sessions.iter().map(|s| {
                    let sx = x(s.at);
                    view! {
                        <line class="ag-marker" x1=n(sx) x2=n(sx) y1=n(PAD - 8.0) y2=n(H - PAD) />
                        <text class="ag-marker__label" x=n(sx + 2.0) y=n(PAD - 10.0)>{format!("S{}", s.number)}</text>
                    }
                }).collect_view()}
                <polyline class="ag-line ag-line--avg ag-line--mood" points=points />
                {ratings.iter().map(|r| view! {
                    <circle class="ag-goal-dot" cx=n(x(r.at)) cy=n(y(r.score)) r="4" />
                }).collect_view()}
            </svg>
            <figcaption class="ag-hint">{summary}" "{tr(T::goal_chart_sessions)}</figcaption>
        </figure>
        <div class="ag-table-wrap" tabindex="0" role="region" use:scroll_stop aria-label=tr(T::goal_chart_caption)><table class="ag-table">
            <caption>{tr(T::goal_chart_caption)}</caption>
            <thead><tr><th scope="col">{tr(T::goal_col_when)}</th><th scope="col">{tr(T::goal_col_rating)}</th><th scope="col">{tr(T::goal_col_words)}</th></tr></thead>
            <tbody>
                {ratings.iter().rev().map(|r| view! {
                    <tr>
                        <td>{if r.review { tr_with(T::goal_when_review, &[("when", &short_date(r.at))]) } else { short_date(r.at) }}</td>
                        <td>{in_words(r.score)}</td>
                        <td>{r.words.clone()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table></div>
    }
    .into_any()
}
