//! One goal's page (`#/plan?goal=ID`): the goal and its sign, the chain that serves it
//! (intentions, the sessions since it was set, insights, steps) and its ratings over
//! time; rating it now, changing its words (the old ones are kept), marking it achieved
//! or letting it go, and deleting it (with undo).

use super::chart::RatingsChart;
use super::links::Links;
use super::scale::RatingScale;
use crate::domain::goal::{MAX_GOAL_CHARS, MAX_WORDS_CHARS};
use crate::domain::{Goal, GoalRating, GoalStatus, LinkTarget, RecordId};
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::fields::TextField;
use crate::ui::kit::format::short_date;
use crate::ui::kit::show::Show;
use crate::ui::shell::nav::{go, link_to};
use crate::ui::store::{fresh_id, now, use_config, use_notices, use_store};
use leptos::prelude::*;

/// The page of the goal with id `id`.
#[component]
pub fn GoalPage(
    /// The goal's id, as in the link.
    id: String,
) -> impl IntoView {
    let journal = use_store().journal();
    let id = RecordId::parse(&id).ok();
    let goal = Memo::new(move |_| journal.with(|j| id.as_ref().and_then(|id| j.goal(id).cloned())));
    // The page is built again only when the goal comes or goes, never when it changes
    // (here or in another tab): what is being typed in its forms stays.
    let exists = Memo::new(move |_| goal.with(Option::is_some));
    let back = view! { <p><a class="ag-link" href=link_to(crate::ui::shell::nav::Place::Plan)>{tr(T::fu_back_plan)}</a></p> };
    view! {
        {back}
        {move || match exists.get().then(|| goal.get_untracked()).flatten() {
            Some(g) => view! { <GoalDetail goal=g /> }.into_any(),
            None => view! {
                <section class="ag-card" role="status">
                    <h2 class="ag-h2">{tr(T::goal_missing)}</h2>
                    <p>{tr(T::goal_missing_why)}</p>
                </section>
            }.into_any(),
        }}
    }
}

#[component]
fn GoalDetail(
    /// The goal as the page opened.
    goal: Goal,
) -> impl IntoView {
    let store = use_store();
    let notices = use_notices();
    let journal = store.journal();
    let gid = StoredValue::new(goal.id.clone());
    let current = Memo::new(move |_| journal.with(|j| j.goal(&gid.get_value()).cloned()));
    let set_status = move |status: GoalStatus| {
        let Some(g) = current.get_untracked() else { return };
        let changed = journal.with_untracked(|j| g.with_status(now(), status, j));
        if store.save_made(changed) {
            notices.say(
                tr(match status {
                    GoalStatus::Achieved => T::goal_marked_achieved,
                    GoalStatus::LetGo => T::goal_marked_let_go,
                    GoalStatus::Open => T::goal_reopened,
                }),
                false,
            );
        }
    };
    let delete = move |_| {
        store.delete_goal(&gid.get_value());
        go(crate::ui::shell::nav::Place::Plan);
    };
    let chain = {
        let goal = goal.clone();
        move || {
            let (ratings, sessions) = journal.with(|j| {
                let ratings: Vec<GoalRating> = j.ratings_of(&goal.id).into_iter().cloned().collect();
                let sessions: Vec<_> =
                    j.sessions().iter().filter(|s| s.at >= goal.created).cloned().collect();
                (ratings, sessions)
            });
            let listed = sessions.clone();
            view! {
                <section class="ag-goal-links" aria-label=tr(T::goal_sessions_label)>
                    <h3 class="ag-h3">{tr(T::goal_sessions)}</h3>
                    {if listed.is_empty() {
                        view! { <p class="ag-empty">{tr(T::goal_no_sessions)}</p> }.into_any()
                    } else {
                        view! { <ul>{listed.into_iter().map(|s| view! { <li>{tr_with(T::care_session, &[("n", &s.number.to_string()), ("when", &short_date(s.at))])}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </section>
                <section class="ag-goal-links" aria-label=tr(T::goal_ratings_label)>
                    <h3 class="ag-h3">{tr(T::goal_how_close_felt)}</h3>
                    <RatingsChart ratings=ratings sessions=sessions end=now() />
                </section>
            }
        }
    };
    view! {
        <section class="ag-card ag-goal-page" aria-label=tr(T::goal_goal)>
            <h2 class="ag-h2">{move || current.with(|g| g.as_ref().map(|g| g.text.clone()).unwrap_or_default())}</h2>
            {move || current.get().map(|g| view! {
                {(!g.sign.is_empty()).then(|| view! { <p>{tr_with(T::sum_goal_sign, &[("text", &g.sign)])}</p> })}
                <p class="ag-hint">
                    {tr_with(T::goal_set_on, &[("when", &short_date(g.created))])}
                    {g.closed.map(|c| {
                        let closed = tr_with(T::goal_status_when, &[("status", g.status.label()), ("when", &short_date(c))]);
                        format!(" · {closed}")
                    })}
                </p>
                {(!g.earlier.is_empty()).then(|| view! {
                    <p class="ag-hint">{tr(T::goal_earlier)}</p>
                    <ul class="ag-hint">{g.earlier.iter().map(|w| view! { <li>{tr_with(T::goal_wording_until, &[("text", &w.text), ("when", &short_date(w.until))])}</li> }).collect_view()}</ul>
                })}
            })}
            <RateNow goal=goal.id.clone() />
            <Reword goal=gid />
            <div class="ag-row">
                <Show
                    when=move || current.with(|g| g.as_ref().is_some_and(Goal::is_open))
                    fallback=move || view! {
                        <button type="button" class="ag-button ag-button--quiet" on:click=move |_| set_status(GoalStatus::Open)>{tr(T::goal_work_again)}</button>
                    }
                >
                    <button type="button" class="ag-button" on:click=move |_| set_status(GoalStatus::Achieved)>{tr(T::goal_mark_achieved)}</button>
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| set_status(GoalStatus::LetGo)>{tr(T::goal_let_it_go)}</button>
                </Show>
                <button type="button" class="ag-button ag-button--quiet" on:click=delete>{tr(T::goal_delete)}</button>
            </div>
        </section>
        <section class="ag-card" aria-label=tr(T::goal_serves)>
            <h2 class="ag-h2">{tr(T::goal_serves)}</h2>
            <Links goal=goal.id.clone() target=LinkTarget::Intention />
            {chain}
            <Links goal=goal.id.clone() target=LinkTarget::Insight />
            <Links goal=goal.id.clone() target=LinkTarget::Step />
        </section>
    }
}

/// Rates the goal now, with an optional sentence.
#[component]
fn RateNow(
    /// The goal.
    goal: RecordId,
) -> impl IntoView {
    let store = use_store();
    let notices = use_notices();
    let journal = store.journal();
    let goal = StoredValue::new(goal);
    let start = journal.with_untracked(|j| j.latest_rating(&goal.get_value()).map_or(3, |r| r.score));
    let score = RwSignal::new(start);
    let words = RwSignal::new(String::new());
    let words_id = use_config().dom_id("goal-rate-words");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let rating = GoalRating::new(
            fresh_id(),
            now(),
            &goal.get_value(),
            score.get_untracked(),
            &words.get_untracked(),
            false,
        );
        if store.save_made(rating) {
            words.set(String::new());
            notices.say(tr(T::goal_rating_saved), false);
        }
    };
    view! {
        <form class="ag-goal-form" on:submit=submit>
            <h3 class="ag-h3">{tr(T::goal_rate_now)}</h3>
            <RatingScale key="now".to_owned() label=tr(T::goal_how_close).to_owned() value=score />
            <TextField id=words_id label=tr(T::goal_sentence_optional) maxlength=MAX_WORDS_CHARS value=words />
            <button type="submit" class="ag-button ag-button--primary">{tr(T::goal_save_rating)}</button>
        </form>
    }
}

/// Changes the goal's words; the old wording is kept.
#[component]
fn Reword(
    /// The goal.
    goal: StoredValue<RecordId>,
) -> impl IntoView {
    let store = use_store();
    let notices = use_notices();
    let config = use_config();
    let journal = store.journal();
    let found = journal.with_untracked(|j| j.goal(&goal.get_value()).cloned());
    let text = RwSignal::new(found.as_ref().map(|g| g.text.clone()).unwrap_or_default());
    let sign = RwSignal::new(found.map(|g| g.sign).unwrap_or_default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(g) = journal.with_untracked(|j| j.goal(&goal.get_value()).cloned()) else { return };
        let changed = g.reworded(now(), &text.get_untracked(), &sign.get_untracked());
        if store.save_made(changed) {
            notices.say(tr(T::goal_reworded), false);
        }
    };
    view! {
        <details class="ag-disclosure">
            <summary class="ag-disclosure__summary">{tr(T::goal_change_words)}</summary>
            <form class="ag-goal-form" on:submit=submit>
                <TextField id=config.dom_id("goal-edit-text") label=tr(T::goal_the_goal) maxlength=MAX_GOAL_CHARS value=text />
                <TextField id=config.dom_id("goal-edit-sign") label=tr(T::goal_sign) maxlength=MAX_WORDS_CHARS value=sign />
                <button type="submit" class="ag-button">{tr(T::goal_save_words)}</button>
            </form>
        </details>
    }
}
