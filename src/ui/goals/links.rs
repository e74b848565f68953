//! What a goal is linked to, of one kind (intentions, insights or steps): the list, with
//! a way to unlink each (undoable) and a choice of what to link next. A link is its own
//! record, so linking never rewrites the intention, insight or step.

use crate::domain::{GoalLink, Journal, Kind, LinkTarget, RecordId};
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

fn names(target: LinkTarget) -> (&'static str, &'static str, &'static str) {
    match target {
        LinkTarget::Intention => (
            "Intentions",
            "an intention",
            "No intention linked yet. Mark an entry as an intention in the editor, then link it here.",
        ),
        LinkTarget::Insight => ("Insights", "an insight", "No insight linked yet."),
        LinkTarget::Step => ("Action steps", "a step", "No step linked yet."),
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
    let (title, one, empty) = names(target);
    let select_id = use_config().dom_id(&format!("goal-link-{}", target.slug()));
    let select_for = select_id.clone();
    let link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(record) = RecordId::parse(&chosen.get_untracked()) else {
            return notices.say(format!("Choose {one} to link first."), true);
        };
        let link = GoalLink { id: fresh_id(), goal: goal.get_value(), target, record, edited: now() };
        if store.save(link) {
            chosen.set(String::new());
            notices.say("Linked to this goal.", false);
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
        store.delete_together(&links, "Unlinked from this goal.".to_owned());
    };
    view! {
        <section class="ag-goal-links" aria-label=title>
            <h3 class="ag-h3">{title}</h3>
            <Show when=move || split.with(|s| s.0.is_empty())>
                <p class="ag-empty">{empty}</p>
            </Show>
            <ul class="ag-quotes">
                <For each=move || linked() key=|(id, text)| (id.clone(), text.clone()) let:item>
                    {
                        let (id, text) = item;
                        view! {
                            <li class="ag-quote ag-row ag-row--tight">
                                <span>{short(&text)}</span>
                                <button
                                    type="button"
                                    class="ag-button ag-button--small ag-button--quiet"
                                    aria-label=format!("Unlink: {}", short(&text))
                                    on:click=move |_| unlink(id.clone())
                                >
                                    "Unlink"
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <Show when=move || !split.with(|s| s.1.is_empty())>
                <form class="ag-row" on:submit=link>
                    <label class="ag-label ag-label--plain" for=select_for.clone()>{format!("Link {one}")}</label>
                    <select
                        id=select_id.clone()
                        class="ag-input ag-select"
                        prop:value=move || chosen.get()
                        on:change=move |ev| chosen.set(event_target_value(&ev))
                    >
                        <option value="">"Choose…"</option>
                        {move || free().into_iter().map(|(id, text)| view! { <option value=id.to_string()>{short(&text)}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="ag-button ag-button--quiet">"Link"</button>
                </form>
            </Show>
        </section>
    }
}
