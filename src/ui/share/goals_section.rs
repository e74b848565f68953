//! The treatment goals in the summary preview and print: each goal with its sign,
//! status, earlier wordings, the rating when set and those in the period, and what is
//! linked to it (the same rows as the Markdown, [`crate::export::goals`]).

use crate::domain::goal::MAX_SCORE;
use crate::domain::GoalStatus;
use crate::export::goals::{GoalRow, RatingLine};
use crate::ui::kit::format::date_time;
use leptos::prelude::*;

fn rating((at, score, words): &RatingLine) -> String {
    let words = if words.trim().is_empty() { String::new() } else { format!(": {words}") };
    format!("{score} of {MAX_SCORE} on {}{words}", date_time(*at))
}

/// The section, when any goal is in it.
#[component]
pub fn GoalsSection(
    /// The goals' rows.
    goals: Vec<GoalRow>,
) -> impl IntoView {
    (!goals.is_empty()).then(|| view! {
        <section class="ag-summary__section">
            <h3 class="ag-h3">"Treatment goals"</h3>
            <p class="ag-hint">"Each rating is mine: how close I felt to the goal, from 0 (far away) to 10 (there)."</p>
            {goals.into_iter().enumerate().map(|(n, g)| {
                let status = match g.status {
                    (GoalStatus::Open, _) | (_, None) => g.status.0.label().to_owned(),
                    (s, Some(at)) => format!("{} on {}", s.label(), date_time(at)),
                };
                view! {
                    <h4 class="ag-summary__h4">{format!("{}. {}", n + 1, g.text)}</h4>
                    <ul>
                        {(!g.sign.trim().is_empty()).then(|| view! { <li>{format!("How I'd know it's better: {}", g.sign)}</li> })}
                        <li>{format!("Status: {status}")}</li>
                        {g.earlier.iter().map(|w| view! { <li>{format!("Earlier worded: {w}")}</li> }).collect_view()}
                        {g.first.as_ref().map(|r| view! { <li>{format!("When set: {}", rating(r))}</li> })}
                        {g.ratings.iter().map(|r| view! { <li>{format!("Rated {}", rating(r))}</li> }).collect_view()}
                        {g.intentions.iter().map(|i| view! { <li>{format!("Intention: {i}")}</li> }).collect_view()}
                        {g.insights.iter().map(|i| view! { <li>{format!("Insight: {i}")}</li> }).collect_view()}
                        {g.steps.iter().map(|(s, done)| view! { <li>{format!("Step ({}): {s}", if *done { "done" } else { "open" })}</li> }).collect_view()}
                    </ul>
                }
            }).collect_view()}
        </section>
    })
}
