//! Treatment goals (their own chunk): the list with a way to set a new goal, one goal's
//! page (`#/plan?goal=ID`: its chain from intentions to ratings), the review of every
//! open goal (`#/plan?review`), and Today's card (`today`).
//!
//! Records and reminds only: a rating is the patient's own and is never judged, and
//! nothing here suggests a dose, a session or a change of treatment.

pub mod chart;
pub mod links;
pub mod page;
pub mod picker;
pub mod review;
pub mod scale;
pub mod today;

use crate::domain::goal::{GoalRating, MAX_GOAL_CHARS, MAX_OPEN, MAX_WORDS_CHARS};
use crate::domain::{Goal, GoalStatus};
use crate::i18n::{tr, tr_with, T};
use crate::ui::goals::scale::{in_words, RatingScale};
use crate::ui::kit::fields::TextField;
use crate::ui::kit::keyed::records;
use crate::ui::kit::show::Show;
use crate::ui::shell::nav::{link_to, use_location};
use crate::ui::store::{fresh_id, now, use_config, use_notices, use_store};
use leptos::prelude::*;

/// The goals part: a goal's page, the review, or the list.
#[component]
pub fn GoalsView() -> impl IntoView {
    let place = use_location();
    let goal = Memo::new(move |_| {
        place.with(|p| match p {
            crate::ui::shell::nav::Place::Goal(id) => Some(id.clone()),
            _ => None,
        })
    });
    let review = Memo::new(move |_| place.with(|p| *p == crate::ui::shell::nav::Place::Review));
    move || match (goal.get(), review.get()) {
        (Some(id), _) => view! { <page::GoalPage id=id /> }.into_any(),
        (None, true) => view! { <review::Review /> }.into_any(),
        (None, false) => view! { <GoalsList /> }.into_any(),
    }
}

/// The open goals with their latest rating, the form for a new one, and the goals
/// achieved or let go.
#[component]
fn GoalsList() -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let open = Memo::new(move |_| journal.with(|j| j.open_goals().into_iter().cloned().collect::<Vec<_>>()));
    let closed = Memo::new(move |_| {
        journal.with(|j| j.goals().iter().filter(|g| !g.is_open()).cloned().collect::<Vec<_>>())
    });
    let heading = use_config().dom_id("goals-heading");
    let labelled = heading.clone();
    view! {
        <section class="ag-card ag-goals" aria-labelledby=labelled>
            <h2 class="ag-h2" id=heading>{tr(T::goal_my_goals)}</h2>
            <p class="ag-hint">{tr(T::goal_list_hint)}</p>
            <Show when=move || open.with(Vec::is_empty)>
                <p class="ag-empty">{tr(T::goal_none_yet)}</p>
            </Show>
            <ol class="ag-goal-list">
                {records(move || open.get(), |goal| view! { <GoalItem goal=goal /> }.into_any())}
            </ol>
            <Show when=move || !open.with(Vec::is_empty)>
                <p>
                    <a class="ag-button ag-button--link" href=link_to(crate::ui::shell::nav::Place::Review)>{tr(T::goals_today_review_button)}</a>
                </p>
            </Show>
            <Show
                when=move || open.with(|o| o.len() < MAX_OPEN)
                fallback=|| view! {
                    <p class="ag-hint">{tr_with(T::goal_full, &[("max", &MAX_OPEN.to_string())])}</p>
                }
            >
                <NewGoal />
            </Show>
        </section>
        <Show when=move || !closed.with(Vec::is_empty)>
            <section class="ag-card" aria-label=tr(T::goal_closed_label)>
                <h2 class="ag-h2">{tr(T::goal_closed)}</h2>
                <ul class="ag-goal-list">
                    {records(move || closed.get(), |goal| view! { <GoalItem goal=goal /> }.into_any())}
                </ul>
            </section>
        </Show>
    }
}

/// One goal in the list: its words, latest rating and a link to its page.
#[component]
fn GoalItem(
    /// The goal.
    goal: Goal,
) -> impl IntoView {
    let journal = use_store().journal();
    let id = goal.id.clone();
    let latest = Memo::new(move |_| journal.with(|j| j.latest_rating(&id).map(|r| r.score)));
    let href = link_to(crate::ui::shell::nav::Place::Goal(goal.id.to_string()));
    let status = (goal.status != GoalStatus::Open).then(|| goal.status.label());
    view! {
        <li class="ag-goal">
            <a class="ag-goal__text ag-link" href=href>{goal.text.clone()}</a>
            {(!goal.sign.is_empty()).then(|| view! { <p class="ag-hint">{tr_with(T::goal_know_by, &[("sign", &goal.sign)])}</p> })}
            <p class="ag-goal__rating">
                {move || match latest.get() {
                    Some(s) => tr_with(T::goal_latest, &[("rating", &in_words(s))]),
                    None => tr(T::goal_not_rated).to_owned(),
                }}
                {status.map(|s| format!(" · {s}"))}
            </p>
        </li>
    }
}

/// Sets a new goal with its sign and a first rating.
#[component]
fn NewGoal() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let text = RwSignal::new(String::new());
    let sign = RwSignal::new(String::new());
    let score = RwSignal::new(3u8);
    // No rating until the patient gives one: a slider left alone is not a 3.
    let moved = RwSignal::new(false);
    // Fixed while the form is open, so saving again after a refusal never makes a
    // second goal.
    let ids = StoredValue::new((fresh_id(), fresh_id()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let at = now();
        let (goal_id, rating_id) = ids.get_value();
        let goal = store
            .journal()
            .with_untracked(|j| Goal::new(goal_id, at, j, &text.get_untracked(), &sign.get_untracked()));
        let goal = match goal {
            Ok(g) => g,
            Err(e) => return notices.say(e.to_string(), true),
        };
        let mut records = Vec::new();
        if moved.get_untracked() {
            match GoalRating::new(rating_id, at, &goal.id, score.get_untracked(), "", false) {
                Ok(r) => records.push(r.into()),
                Err(e) => return notices.say(e.to_string(), true),
            }
        }
        records.insert(0, goal.into());
        // The goal and its first rating are one change: both stored, or neither.
        if store.change_together(records, &[]).is_some() {
            text.set(String::new());
            sign.set(String::new());
            moved.set(false);
            ids.set_value((fresh_id(), fresh_id()));
            notices.say(tr(T::goal_set_done), false);
        }
    };
    view! {
        <form class="ag-goal-form" on:submit=submit>
            <h3 class="ag-h3">{tr(T::goal_new)}</h3>
            <TextField id=config.dom_id("goal-new-text") label=tr(T::goal_new_text) maxlength=MAX_GOAL_CHARS value=text />
            <TextField id=config.dom_id("goal-new-sign") label=tr(T::goal_sign_optional) maxlength=MAX_WORDS_CHARS value=sign />
            <RatingScale key="new".to_owned() label=tr(T::goal_close_now_optional).to_owned() value=score moved=moved />
            <button type="submit" class="ag-button ag-button--primary">{tr(T::goal_set_it)}</button>
        </form>
    }
}
