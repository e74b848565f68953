//! The review of every open goal (`#/plan?review`): each re-rated with a sentence, and
//! kept, marked achieved or let go. Saved together; each rating is marked as a review's,
//! which is what Today's "review your goals" waits for.

use super::scale::RatingScale;
use crate::domain::goal::MAX_WORDS_CHARS;
use crate::domain::{Goal, GoalRating, GoalStatus};
use crate::ui::kit::fields::TextField;
use crate::ui::shell::nav::{go, link_to};
use crate::ui::store::{fresh_id, now, use_config, use_notices, use_store};
use leptos::prelude::*;

/// What the review holds for one goal.
#[derive(Clone, Copy)]
struct Answer {
    score: RwSignal<u8>,
    words: RwSignal<String>,
    status: RwSignal<GoalStatus>,
}

/// The review form.
#[component]
pub fn Review() -> impl IntoView {
    let store = use_store();
    let notices = use_notices();
    let journal = store.journal();
    let goals: Vec<(Goal, Answer)> = journal.with_untracked(|j| {
        j.open_goals()
            .into_iter()
            .map(|g| {
                let score = j.latest_rating(&g.id).map_or(3, |r| r.score);
                let answer = Answer {
                    score: RwSignal::new(score),
                    words: RwSignal::new(String::new()),
                    status: RwSignal::new(GoalStatus::Open),
                };
                (g.clone(), answer)
            })
            .collect()
    });
    let answers = StoredValue::new(goals.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let at = now();
        let mut saved = 0;
        for (goal, a) in answers.get_value() {
            let rating = GoalRating::new(
                fresh_id(),
                at,
                &goal.id,
                a.score.get_untracked(),
                &a.words.get_untracked(),
                true,
            );
            if !store.save_record(rating.map(Into::into).map_err(|e| e.to_string())) {
                return;
            }
            let status = a.status.get_untracked();
            if status != GoalStatus::Open {
                let latest = journal.with_untracked(|j| j.goal(&goal.id).cloned()).unwrap_or(goal);
                let changed =
                    journal.with_untracked(|j| latest.with_status(at, status, j)).map_err(|e| e.to_string());
                if !store.save_record(changed.map(Into::into)) {
                    return;
                }
            }
            saved += 1;
        }
        go("plan");
        notices.say(format!("Review saved: {saved} goal{} rated.", if saved == 1 { "" } else { "s" }), false);
    };
    let empty = goals.is_empty();
    view! {
        <p><a class="ag-link" href=link_to("plan")>"← My plan"</a></p>
        <form class="ag-card ag-review" on:submit=submit aria-label="Review my goals">
            <h2 class="ag-h2">"Review my goals"</h2>
            <p class="ag-hint">
                "For each goal: how close does it feel now, and what do you notice? There are no right answers; this is for you and your team to talk about."
            </p>
            {empty.then(|| view! { <p class="ag-empty">"No open goals to review. Set one on your plan."</p> })}
            {goals.into_iter().enumerate().map(|(n, (goal, a))| view! { <ReviewGoal n=n goal=goal answer=a /> }).collect_view()}
            {(!empty).then(|| view! { <button type="submit" class="ag-button ag-button--primary">"Save my review"</button> })}
        </form>
    }
}

#[component]
fn ReviewGoal(
    /// Its place in the list, from 0.
    n: usize,
    /// The goal.
    goal: Goal,
    /// What the review holds for it.
    answer: Answer,
) -> impl IntoView {
    let config = use_config();
    let words_id = config.dom_id(&format!("review-words-{n}"));
    let group = config.dom_id(&format!("review-status-{n}"));
    let legend = goal.text.clone();
    view! {
        <fieldset class="ag-review__goal ag-fieldset">
            <legend class="ag-h3">{format!("{}. {}", n + 1, legend)}</legend>
            {(!goal.sign.is_empty()).then(|| view! { <p class="ag-hint">{format!("I'd know by: {}", goal.sign)}</p> })}
            <RatingScale key=format!("review-{n}") label="How close am I now?".to_owned() value=answer.score />
            <TextField id=words_id label="What I notice, in a sentence" maxlength=MAX_WORDS_CHARS value=answer.words />
            <div class="ag-row" role="radiogroup" aria-label="This goal now">
                {[GoalStatus::Open, GoalStatus::Achieved, GoalStatus::LetGo].into_iter().map(|s| {
                    let id = format!("{group}-{}", s.slug());
                    let label_for = id.clone();
                    let name = group.clone();
                    let text = match s {
                        GoalStatus::Open => "Keep working on it",
                        GoalStatus::Achieved => "Achieved",
                        GoalStatus::LetGo => "Let it go",
                    };
                    view! {
                        <label class="ag-check" for=label_for>
                            <input id=id type="radio" name=name
                                prop:checked=move || answer.status.get() == s
                                on:change=move |_| answer.status.set(s) />
                            {text}
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}
