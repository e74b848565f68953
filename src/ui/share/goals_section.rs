//! The treatment goals in the summary preview and print: each goal with its sign,
//! status, earlier wordings, the rating when set and those in the period, and what is
//! linked to it (the same rows as the Markdown, [`crate::export::goals`]).

use crate::domain::goal::MAX_SCORE;
use crate::domain::GoalStatus;
use crate::export::goals::{GoalRow, RatingLine};
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::date_time;
use leptos::prelude::*;

fn rating((at, score, words): &RatingLine) -> String {
    let words = if words.trim().is_empty() { String::new() } else { format!(": {words}") };
    let (score, max, when) = (score.to_string(), MAX_SCORE.to_string(), date_time(*at));
    format!("{}{words}", tr_with(T::sum_goal_rating, &[("score", &score), ("max", &max), ("when", &when)]))
}

/// The section, when any goal is in it.
#[component]
pub fn GoalsSection(
    /// The goals' rows.
    goals: Vec<GoalRow>,
) -> impl IntoView {
    (!goals.is_empty()).then(|| view! {
        <section class="ag-summary__section">
            <h3 class="ag-h3">{tr(T::sum_goals)}</h3>
            <p class="ag-hint">{tr(T::sum_goals_rating)}</p>
            {goals.into_iter().enumerate().map(|(n, g)| {
                let status = match g.status {
                    (GoalStatus::Open, _) | (_, None) => g.status.0.label().to_owned(),
                    (s, Some(at)) => tr_with(T::sum_goal_status_on, &[("status", s.label()), ("when", &date_time(at))]),
                };
                view! {
                    <h4 class="ag-summary__h4">{format!("{}. {}", n + 1, g.text)}</h4>
                    <ul>
                        {(!g.sign.trim().is_empty()).then(|| view! { <li>{tr_with(T::sum_goal_sign, &[("text", &g.sign)])}</li> })}
                        <li>{tr_with(T::sum_goal_status, &[("status", &status)])}</li>
                        {g.earlier.iter().map(|w| view! { <li>{tr_with(T::sum_goal_earlier, &[("text", w)])}</li> }).collect_view()}
                        {g.first.as_ref().map(|r| view! { <li>{tr_with(T::sum_goal_first, &[("rating", &rating(r))])}</li> })}
                        {g.ratings.iter().map(|r| view! { <li>{tr_with(T::sum_goal_rated, &[("rating", &rating(r))])}</li> }).collect_view()}
                        {g.intentions.iter().map(|i| view! { <li>{tr_with(T::sum_goal_intention, &[("text", i)])}</li> }).collect_view()}
                        {g.insights.iter().map(|i| view! { <li>{tr_with(T::sum_goal_insight, &[("text", i)])}</li> }).collect_view()}
                        {g.steps.iter().map(|(s, done)| view! { <li>{tr_with(if *done { T::sum_goal_step_done } else { T::sum_goal_step_open }, &[("text", s)])}</li> }).collect_view()}
                    </ul>
                }
            }).collect_view()}
        </section>
    })
}
