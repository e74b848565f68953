//! Action steps: one checkbox row per step, and the short list of open steps shown on
//! Today. Checking off goes through the store.

use crate::domain::{ActionStep, LinkTarget};
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::short_date;
use crate::ui::kit::keyed::records;
use crate::ui::kit::show::Show;
use crate::ui::shell::nav::{link, View};
use crate::ui::store::{today, use_config, use_store};
use leptos::prelude::*;

/// One action step with its checkbox.
#[component]
pub fn StepItem(
    /// The step.
    step: ActionStep,
    /// Whether to offer "Delete" (in the steps view; not on Today, where it would be a
    /// mis-tap away from the checkbox).
    #[prop(optional)]
    deletable: bool,
    /// More about the step (in the steps view, the goal it serves); without it, the
    /// goal it serves is named.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let id = step.id.clone();
    let delete_id = StoredValue::new(step.id.clone());
    let dom_id = config.dom_id(&format!("step-{}", step.id));
    let done = !step.is_open();
    let step_text = step.text.clone();
    let journal = store.journal();
    let serves = {
        let id = step.id.clone();
        move || {
            journal.with(|j| {
                let goals: Vec<String> =
                    j.goals_of(LinkTarget::Step, &id).into_iter().map(|g| g.text.clone()).collect();
                (!goals.is_empty()).then(|| tr_with(T::steps_for_your_goal, &[("goals", &goals.join("; "))]))
            })
        }
    };
    let more = match children {
        Some(c) => c().into_any(),
        None => {
            (move || serves().map(|g| view! { <span class="ag-step__goal ag-hint">{g}</span> })).into_any()
        }
    };
    let overdue = step.is_overdue(today());
    let due = step.due.map(|d| {
        let at = d.and_hms_opt(12, 0, 0).map(|t| t.and_utc());
        let label = at.map(short_date).unwrap_or_else(|| d.to_string());
        tr_with(if overdue { T::steps_was_due } else { T::steps_due_by }, &[("day", &label)])
    });
    view! {
        <li class="ag-step" class:ag-step--done=done>
            <input
                id=dom_id.clone()
                type="checkbox"
                class="ag-step__box"
                prop:checked=done
                on:change=move |ev| store.set_step_done(&id, event_target_checked(&ev))
            />
            <label for=dom_id class="ag-step__text">
                {step.text}
                {due.map(|d| view! { " " <span class="ag-step__due" class:ag-step__due--late=overdue>"("{d}")"</span> })}
            </label>
            {more}
            {deletable.then(|| view! {
                <button
                    type="button"
                    class="ag-button ag-button--small ag-button--quiet ag-step__delete"
                    aria-label=tr_with(T::steps_delete_step, &[("step", &step_text)])
                    on:click=move |_| store.delete_record(crate::domain::Kind::Step, &delete_id.get_value(), T::deleted_step)
                >
                    {tr(T::journal_delete)}
                </button>
            })}
        </li>
    }
}

/// The open steps, soonest due first, at most `limit`, with a link to all of them.
#[component]
pub fn OpenSteps(
    /// How many to show.
    limit: usize,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let open = Memo::new(move |_| journal.with(|j| j.open_steps().into_iter().cloned().collect::<Vec<_>>()));
    let heading = config.dom_id("open-steps-heading");
    let labelled_by = heading.clone();
    view! {
        <Show when=move || !open.get().is_empty()>
            <section class="ag-card" aria-labelledby=labelled_by.clone()>
                <h2 class="ag-h2" id=heading.clone()>{tr(T::steps_next)}</h2>
                <ul class="ag-steps">
                    {records(move || open.get().into_iter().take(limit).collect(), |step| view! { <StepItem step=step /> }.into_any())}
                </ul>
                <Show when=move || { open.get().len() > limit }>
                    <a class="ag-link" href=link(View::Plan)>
                        {move || tr_with(T::steps_all_open, &[("n", &open.get().len().to_string())])}
                    </a>
                </Show>
            </section>
        </Show>
    }
}

/// Today's card of the next three open steps (in the Today cards' chunk).
#[component]
pub fn TodaySteps() -> impl IntoView {
    view! { <OpenSteps limit=3 /> }
}
