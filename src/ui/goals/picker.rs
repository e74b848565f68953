//! Choosing the goal an intention, an insight or a step serves, where it is written or
//! listed (the goal's own page links from the other side, `links.rs`): a select of the
//! open goals, "No goal" first. In a list the choice is stored at once; in a form it is
//! stored with the record the form makes.
//!
//! Must never show a select when there is no goal to choose, and never drop a link the
//! patient made elsewhere: a record serving two goals is shown, not changed, here.

use super::links::short;
use crate::domain::{Journal, LinkTarget, RecordId};
use crate::i18n::{tr, tr_with, T};
use crate::ui::store::{use_config, use_store};
use crate::ui::today::composer::IntentionGoal;
use leptos::prelude::*;

/// The goals to offer: the open ones, and `keep` (already chosen) even when it is closed.
pub fn choices(j: &Journal, keep: Option<&RecordId>) -> Vec<(RecordId, String)> {
    let mut out: Vec<(RecordId, String)> =
        j.open_goals().into_iter().map(|g| (g.id.clone(), short(&g.text))).collect();
    if let Some(g) = keep.and_then(|k| j.goal(k)).filter(|g| !out.iter().any(|(id, _)| *id == g.id)) {
        out.push((
            g.id.clone(),
            format!("{} ({})", short(&g.text), crate::domain::lower::lower(g.status.label())),
        ));
    }
    out
}

/// A select of `options` with "No goal" first; `value` is the chosen goal.
#[component]
pub fn GoalChoice(
    /// The select's DOM id.
    id: String,
    /// Its label.
    label: &'static str,
    /// The goals to offer.
    options: Signal<Vec<(RecordId, String)>>,
    /// The goal chosen now.
    value: Signal<Option<RecordId>>,
    /// Called with the goal chosen (`None`: no goal).
    on_change: Callback<Option<RecordId>>,
) -> impl IntoView {
    let label_for = id.clone();
    view! {
        <div class="ag-field ag-field--inline ag-goal-choice">
            <label class="ag-label ag-label--plain" for=label_for>{label}</label>
            <select
                id=id
                class="ag-input ag-select"
                on:change=move |ev| on_change.run(RecordId::parse(&event_target_value(&ev)).ok())
            >
                <option value="" prop:selected=move || value.with(Option::is_none)>{tr(T::goal_none)}</option>
                {move || options.get().into_iter().map(|(goal, text)| {
                    let mine = goal.clone();
                    view! {
                        <option value=goal.to_string() prop:selected=move || value.with(|v| v.as_ref() == Some(&mine))>
                            {text}
                        </option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
}

/// Which goal a listed insight or step serves, changed at once; nothing while there
/// is no goal and it serves none.
#[component]
pub fn GoalOf(
    /// What kind of record.
    target: LinkTarget,
    /// Its id.
    record: RecordId,
) -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let record = StoredValue::new(record);
    let serves = Memo::new(move |_| {
        journal.with(|j| {
            j.goals_of(target, &record.get_value()).into_iter().map(|g| g.id.clone()).collect::<Vec<_>>()
        })
    });
    let current = Signal::derive(move || serves.with(|s| s.first().cloned()));
    let options = Signal::derive(move || journal.with(|j| choices(j, current.get().as_ref())));
    let id = use_config().dom_id(&format!("goal-of-{}", record.get_value()));
    move || {
        let many = serves.with(|s| s.len() > 1);
        if many {
            let names = journal.with(|j| {
                serves
                    .with(|s| s.iter().filter_map(|g| j.goal(g)).map(|g| short(&g.text)).collect::<Vec<_>>())
            });
            return Some(
                view! { <p class="ag-hint">{tr_with(T::goal_for_yours, &[("names", &names.join("; "))])}</p> }.into_any(),
            );
        }
        (!options.with(Vec::is_empty)).then(|| {
            view! {
                <GoalChoice
                    id=id.clone()
                    label=tr(T::goal_for_mine)
                    options=options
                    value=current
                    on_change=Callback::new(move |goal: Option<RecordId>| {
                        store.set_goal_of(target, &record.get_value(), goal.as_ref());
                    })
                />
            }
            .into_any()
        })
    }
}

/// The composer's choice of goal for a new intention (its own chunk: the goals are read
/// with the archive's chunk). Nothing while there is no open goal.
#[component]
pub fn ComposerGoal() -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let IntentionGoal(chosen) = use_context::<IntentionGoal>()?;
    let options = Signal::derive(move || journal.with(|j| choices(j, None)));
    let id = use_config().dom_id("entry-goal");
    Some(move || {
        (!options.with(Vec::is_empty)).then(|| {
            view! {
                <GoalChoice
                    id=id.clone()
                    label=tr(T::goal_for_one)
                    options=options
                    value=chosen.into()
                    on_change=Callback::new(move |goal| chosen.set(goal))
                />
            }
        })
    })
}
