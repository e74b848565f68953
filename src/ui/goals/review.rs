//! The review of every open goal (`#/plan?review`): each re-rated with a sentence, and
//! kept, marked achieved or let go. Saved together; each rating is marked as a review's,
//! which is what Today's "review your goals" waits for.

use super::scale::RatingScale;
use crate::domain::goal::MAX_WORDS_CHARS;
use crate::domain::{Goal, GoalRating, GoalStatus, RecordId};
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::fields::TextField;
use crate::ui::shell::nav::{go, link_to};
use crate::ui::store::forms::{keep_form_typing, Fields};
use crate::ui::store::{fresh_id, now, use_config, use_notices, use_store};
use leptos::prelude::*;

/// The name its words are kept under while typing.
const FORM: &str = "review";

/// What the review holds for one goal.
#[derive(Clone)]
struct Answer {
    /// The rating's id, fixed when the form opens: saving again after a failure
    /// replaces what was saved, never adds a second rating.
    id: RecordId,
    /// The rating it started at (the latest, or 3).
    was: u8,
    score: RwSignal<u8>,
    /// Whether the score is the patient's: rated before, or the slider moved. A goal
    /// never rated gets no rating from a slider left alone.
    moved: RwSignal<bool>,
    words: RwSignal<String>,
    status: RwSignal<GoalStatus>,
}

/// The review's words as kept while typing: only what differs from how it opened.
fn fields(answers: &[(Goal, Answer)]) -> Fields {
    let mut f = Fields::new();
    for (goal, a) in answers {
        let score = a.score.get();
        if score != a.was {
            f.insert(format!("{}:score", goal.id), score.to_string());
        }
        f.insert(format!("{}:words", goal.id), a.words.get());
        if a.status.get() != GoalStatus::Open {
            f.insert(format!("{}:status", goal.id), a.status.get().slug().to_owned());
        }
    }
    f
}

/// The review form.
#[component]
pub fn Review() -> impl IntoView {
    let store = use_store();
    let notices = use_notices();
    let journal = store.journal();
    let left = store.form_draft(FORM);
    let opened = now();
    let goals: Vec<(Goal, Answer)> = journal.with_untracked(|j| {
        j.open_goals()
            .into_iter()
            .map(|g| {
                let latest = j.latest_rating(&g.id).map(|r| r.score);
                let was = latest.unwrap_or(3);
                let typed =
                    |field: &str| left.as_ref().and_then(|f| f.get(&format!("{}:{field}", g.id)).cloned());
                let typed_score: Option<u8> = typed("score").and_then(|s| s.parse().ok());
                let answer = Answer {
                    id: fresh_id(),
                    was,
                    moved: RwSignal::new(latest.is_some() || typed_score.is_some()),
                    score: RwSignal::new(typed_score.unwrap_or(was)),
                    words: RwSignal::new(typed("words").unwrap_or_default()),
                    status: RwSignal::new(
                        typed("status").and_then(|s| GoalStatus::from_slug(&s)).unwrap_or(GoalStatus::Open),
                    ),
                };
                (g.clone(), answer)
            })
            .collect()
    });
    let answers = StoredValue::new(goals.clone());
    keep_form_typing(store, FORM, move || answers.with_value(|a| fields(a)), || true);
    let ours: Vec<RecordId> = goals.iter().map(|(_, a)| a.id.clone()).collect();
    // Another tab's review saved while this one was open: said once, then saved if asked.
    let confirmed = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let other = journal.with_untracked(|j| {
            j.goal_ratings()
                .iter()
                .filter(|r| r.review && r.at >= opened && !ours.contains(&r.id))
                .map(|r| r.at)
                .max()
        });
        if let (Some(at), false) = (other, confirmed.get_untracked()) {
            confirmed.set(true);
            notices.say(
                tr_with(T::goal_review_other_tab, &[("time", &crate::ui::kit::format::time_of_day(at))]),
                true,
            );
            return;
        }
        let at = now();
        // The whole review is one change: every rating and status stored, or none.
        let mut records: Vec<crate::domain::AnyRecord> = Vec::new();
        let mut saved = 0;
        for (goal, a) in answers.get_value() {
            if !a.moved.get_untracked() && !a.words.get_untracked().trim().is_empty() {
                // Never rated, slider left alone: its sentence needs a rating to be kept.
                let text = tr_with(T::goal_review_move_slider, &[("goal", &goal.text)]);
                return notices.say(text, true);
            }
            if a.moved.get_untracked() {
                let rating = GoalRating::new(
                    a.id.clone(),
                    at,
                    &goal.id,
                    a.score.get_untracked(),
                    &a.words.get_untracked(),
                    true,
                );
                match rating {
                    Ok(r) => records.push(r.into()),
                    Err(e) => {
                        let why = e.to_string();
                        return notices.say(
                            tr_with(T::goal_quoted_error, &[("goal", &goal.text), ("why", &why)]),
                            true,
                        );
                    }
                }
                saved += 1;
            }
            let status = a.status.get_untracked();
            if status != GoalStatus::Open {
                let latest = journal.with_untracked(|j| j.goal(&goal.id).cloned()).unwrap_or(goal);
                match journal.with_untracked(|j| latest.with_status(at, status, j)) {
                    Ok(g) => records.push(g.into()),
                    Err(e) => return notices.say(e.to_string(), true),
                }
            }
        }
        if store.change_together(records, &[]).is_none() {
            return;
        }
        store.drop_form(FORM);
        go(crate::ui::shell::nav::Place::Plan);
        notices
            .say(crate::i18n::tr_count(saved, T::goal_review_saved_one, T::goal_review_saved_other), false);
    };
    let empty = goals.is_empty();
    view! {
        <p><a class="ag-link" href=link_to(crate::ui::shell::nav::Place::Plan)>{tr(T::fu_back_plan)}</a></p>
        <form class="ag-card ag-review" on:submit=submit aria-label=tr(T::goals_today_review_button)>
            <h2 class="ag-h2">{tr(T::goals_today_review_button)}</h2>
            {left.is_some().then(|| view! { <p class="ag-hint">{tr(T::composer_back)}</p> })}
            <p class="ag-hint">{tr(T::goal_review_hint)}</p>
            {empty.then(|| view! { <p class="ag-empty">{tr(T::goal_review_empty)}</p> })}
            {goals.into_iter().enumerate().map(|(n, (goal, a))| view! { <ReviewGoal n=n goal=goal answer=a.clone() /> }).collect_view()}
            {(!empty).then(|| view! { <button type="submit" class="ag-button ag-button--primary">{tr(T::goal_review_save)}</button> })}
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
            {(!goal.sign.is_empty()).then(|| view! { <p class="ag-hint">{tr_with(T::goal_know_by, &[("sign", &goal.sign)])}</p> })}
            <RatingScale key=format!("review-{n}") label=tr(T::goal_how_close_now).to_owned() value=answer.score moved=answer.moved />
            <TextField id=words_id label=tr(T::goal_notice) maxlength=MAX_WORDS_CHARS value=answer.words />
            <div class="ag-row" role="radiogroup" aria-label=tr(T::goal_now_label)>
                {[GoalStatus::Open, GoalStatus::Achieved, GoalStatus::LetGo].into_iter().map(|s| {
                    let id = format!("{group}-{}", s.slug());
                    let label_for = id.clone();
                    let name = group.clone();
                    let text = tr(match s {
                        GoalStatus::Open => T::goal_keep_working,
                        GoalStatus::Achieved => T::goal_review_achieved,
                        GoalStatus::LetGo => T::goal_let_it_go,
                    });
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
