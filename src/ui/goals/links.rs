//! What a goal is linked to, of one kind (intentions, insights or steps): the list, with
//! a way to unlink each (undoable) and a choice of what to link next. A link is its own
//! record, so linking never rewrites the intention, insight or step.

use crate::domain::{GoalLink, Journal, Kind, LinkTarget, RecordId};
use crate::i18n::{tr, tr_with, Text, T};
use crate::ui::kit::keyed::{list, Key};
use crate::ui::kit::show::Show;
use crate::ui::store::{fresh_id, now, use_config, use_notices, use_store};
use leptos::prelude::*;

/// Each candidate of `target`'s kind: (id, words), newest first.
fn candidates(j: &Journal, target: LinkTarget) -> Vec<(RecordId, String)> {
    match target {
        LinkTarget::Intention => j.intentions().into_iter().map(|e| (e.id.clone(), e.text.clone())).collect(),
        LinkTarget::Insight => j.insights().iter().map(|i| (i.id.clone(), i.quote.clone())).collect(),
        LinkTarget::Step => j.steps().iter().rev().map(|s| (s.id.clone(), s.text.clone())).collect(),
    }
}

/// A kind's words: (its list's title, nothing linked yet, choose one first, link one).
fn names(target: LinkTarget) -> (Text, Text, Text, Text) {
    match target {
        LinkTarget::Intention => (
            T::sum_intentions,
            T::goal_links_none_intention,
            T::goal_link_first_intention,
            T::goal_link_label_intention,
        ),
        LinkTarget::Insight => (
            T::steps_insights,
            T::goal_links_none_insight,
            T::goal_link_first_insight,
            T::goal_link_label_insight,
        ),
        LinkTarget::Step => {
            (T::goal_links_steps, T::goal_links_none_step, T::goal_link_first_step, T::goal_link_label_step)
        }
    }
}

pub(super) fn short(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() > 90 {
        format!("{}…", line.chars().take(90).collect::<String>())
    } else {
        line.to_owned()
    }
}

/// The linked records of one kind, and the form that links another.
#[component]
pub fn Links(
    /// The goal.
    goal: RecordId,
    /// Which kind.
    target: LinkTarget,
) -> impl IntoView {
    let store = use_store();
    let notices = use_notices();
    let journal = store.journal();
    let goal = StoredValue::new(goal);
    // (linked, not yet linked), from one pass over the candidates.
    let split = Memo::new(move |_| {
        journal.with(|j| {
            let ids = j.linked(&goal.get_value(), target);
            candidates(j, target).into_iter().partition::<Vec<_>, _>(|(id, _)| ids.contains(id))
        })
    });
    let linked = move || split.with(|s| s.0.clone());
    let free = move || split.with(|s| s.1.clone());
    let chosen = RwSignal::new(String::new());
    let (title, empty, first, link_one) = names(target);
    let (title, empty) = (tr(title), tr(empty));
    let select_id = use_config().dom_id(&format!("goal-link-{}", target.slug()));
    let select_for = select_id.clone();
    let link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(record) = RecordId::parse(&chosen.get_untracked()) else {
            return notices.say(tr(first), true);
        };
        let link = GoalLink { id: fresh_id(), goal: goal.get_value(), target, record, edited: now() };
        if store.save(link) {
            chosen.set(String::new());
            notices.say(tr(T::goal_linked), false);
        }
    };
    let unlink = move |record: RecordId| {
        // Every link from this goal to the record (two tabs may each have made one), in
        // one change: one Undo brings them all back.
        let links: Vec<(Kind, RecordId)> = journal.with_untracked(|j| {
            j.links_to(target, &record)
                .into_iter()
                .filter(|l| l.goal == goal.get_value())
                .map(|l| (Kind::GoalLink, l.id.clone()))
                .collect()
        });
        store.delete_together(&links, tr(T::goal_unlinked).to_owned());
    };
    view! {
        <section class="ag-goal-links" aria-label=title>
            <h3 class="ag-h3">{title}</h3>
            <Show when=move || split.with(|s| s.0.is_empty())>
                <p class="ag-empty">{empty}</p>
            </Show>
            <ul class="ag-quotes">
                {list(linked, |(id, text)| Key::Text(id.clone(), text.clone()), move |(id, text)| {
                        view! {
                            <li class="ag-quote ag-row ag-row--tight">
                                <span>{short(&text)}</span>
                                <button
                                    type="button"
                                    class="ag-button ag-button--small ag-button--quiet"
                                    aria-label=tr_with(T::goal_unlink_named, &[("text", &short(&text))])
                                    on:click=move |_| unlink(id.clone())
                                >
                                    {tr(T::goal_unlink)}
                                </button>
                            </li>
                        }.into_any()
                })}
            </ul>
            <Show when=move || !split.with(|s| s.1.is_empty())>
                <form class="ag-row" on:submit=link>
                    <label class="ag-label ag-label--plain" for=select_for.clone()>{tr(link_one)}</label>
                    <select
                        id=select_id.clone()
                        class="ag-input ag-select"
                        prop:value=move || chosen.get()
                        on:change=move |ev| chosen.set(event_target_value(&ev))
                    >
                        <option value="">{tr(T::share_choose)}</option>
                        {move || free().into_iter().map(|(id, text)| view! { <option value=id.to_string()>{short(&text)}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="ag-button ag-button--quiet">{tr(T::goal_link)}</button>
                </form>
            </Show>
        </section>
    }
}
