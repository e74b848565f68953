//! The year as a table, the alternative to the picture: every day with a check-in or a
//! session, in date order, with its mood average, sessions and stage. Built only when
//! opened. Never lists the empty days: a year of blanks is not something to read out.

use crate::domain::year::Year;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::{day_with_year, one_decimal};
use crate::ui::kit::scroll::scroll_stop;
use leptos::prelude::*;

/// The table of the days that hold something.
#[component]
pub(super) fn YearTable(year: Memo<Year>) -> impl IntoView {
    let rows = Memo::new(move |_| {
        year.with(|y| {
            y.days
                .iter()
                .filter(|d| d.mood.is_some() || d.sessions > 0)
                .map(|d| (d.date, d.mood, d.sessions, d.stage.map(|s| s.label()).unwrap_or("–")))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="ag-table-wrap" tabindex="0" role="region" use:scroll_stop aria-label=move || tr_with(T::year_table_caption, &[("year", &year.with(|y| y.year).to_string()), ("n", &rows.with(Vec::len).to_string())])>
            <table class="ag-table">
                <caption>{move || tr_with(T::year_table_caption, &[("year", &year.with(|y| y.year).to_string()), ("n", &rows.with(Vec::len).to_string())])}</caption>
                <thead>
                    <tr><th scope="col">{tr(T::chart_day)}</th><th scope="col">{tr(T::year_table_mood)}</th><th scope="col">{tr(T::year_table_sessions)}</th><th scope="col">{tr(T::year_table_stage)}</th></tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(date, mood, sessions, stage)| view! {
                        <tr>
                            <th scope="row">{day_with_year(date)}</th>
                            <td>{one_decimal(mood)}</td>
                            <td>{if sessions == 0 { "–".to_string() } else { sessions.to_string() }}</td>
                            <td>{stage}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
