//! Insights and action steps: each insight with the steps grown from it and a way to add
//! one; then every open step and the steps already done; each insight and step with the
//! goal it serves.

pub mod areas;
pub mod items;

use crate::domain::{ActionStep, Insight, LinkTarget, RecordId};
use crate::i18n::{tr, tr_with, T};
use crate::ui::goals::picker::{choices, GoalChoice, GoalOf};
use crate::ui::kit::format::short_date;
use crate::ui::kit::keyed::records;
use crate::ui::kit::show::Show;
use crate::ui::steps::items::StepItem;
use crate::ui::store::{use_config, use_notices, use_store};
use leptos::prelude::*;

/// How many insights show at first, and how many more each "Show older insights" adds.
const PAGE: usize = 30;

/// The insights and steps view.
#[component]
pub fn StepsView() -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    // Newest first, a page at a time, as the journal does: a decade holds hundreds.
    let shown = RwSignal::new(PAGE);
    let total = Memo::new(move |_| journal.with(|j| j.insights().len()));
    let insights = Memo::new(move |_| {
        journal.with(|j| j.insights().iter().take(shown.get()).cloned().collect::<Vec<_>>())
    });
    let open = Memo::new(move |_| journal.with(|j| j.open_steps().into_iter().cloned().collect::<Vec<_>>()));
    let done = Memo::new(move |_| {
        journal.with(|j| j.steps().iter().filter(|s| !s.is_open()).cloned().collect::<Vec<_>>())
    });
    view! {
        <section class="ag-section" aria-label=tr(T::sum_section_insights)>
            <section class="ag-card">
                <h2 class="ag-h2">{tr(T::steps_insights)}</h2>
                <Show
                    when=move || !insights.get().is_empty()
                    fallback=|| view! {
                        <p class="ag-empty">
                            {tr_with(T::steps_none_kept, &[("keep", tr(T::journal_keep_insight))])}
                        </p>
                    }
                >
                    <ul class="ag-insights">
                        {records(move || insights.get(), |insight| view! { <InsightItem insight=insight /> }.into_any())}
                    </ul>
                    <Show when=move || { total.get() > shown.get() }>
                        <button type="button" class="ag-button ag-button--quiet" on:click=move |_| shown.update(|n| *n += PAGE)>
                            {move || tr_with(T::steps_older, &[("n", &(total.get() - shown.get()).to_string())])}
                        </button>
                    </Show>
                </Show>
            </section>
            <section class="ag-card">
                <h2 class="ag-h2">{tr(T::steps_open)}</h2>
                <Show when=move || open.get().is_empty()>
                    <p class="ag-empty">{tr(T::steps_none_open)}</p>
                </Show>
                <ul class="ag-steps">
                    {records(move || open.get(), |step| view! { <ListedStep step=step /> }.into_any())}
                </ul>
                <StepForm insight=None />
            </section>
            <areas::ByArea />
            <Show when=move || !done.get().is_empty()>
                <section class="ag-card">
                    <h2 class="ag-h2">{tr(T::steps_done)}</h2>
                    <ul class="ag-steps">
                        {records(move || done.get(), |step| view! { <ListedStep step=step /> }.into_any())}
                    </ul>
                </section>
            </Show>
        </section>
    }
}

/// A step in the list, with the goal it serves (changed at once).
#[component]
fn ListedStep(
    /// The step.
    step: ActionStep,
) -> impl IntoView {
    let id = step.id.clone();
    let area = step.area;
    view! {
        <StepItem step=step deletable=true>
            <GoalOf target=LinkTarget::Step record=id.clone() />
            <areas::AreaOf step=id area=area />
        </StepItem>
    }
}

/// One insight and the form that turns it into a step.
#[component]
fn InsightItem(
    /// The insight.
    insight: Insight,
) -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let id = insight.id.clone();
    let delete_id = StoredValue::new(insight.id.clone());
    let form_insight = insight.id.clone();
    let goal_record = insight.id.clone();
    let form_open = RwSignal::new(false);
    let steps = Memo::new(move |_| {
        journal.with(|j| j.steps_for_insight(&id).into_iter().map(|s| s.text.clone()).collect::<Vec<_>>())
    });
    view! {
        <li class="ag-insight">
            <blockquote class="ag-quote">{insight.quote}</blockquote>
            <div class="ag-row ag-row--tight">
                <p class="ag-hint">{tr_with(T::steps_kept, &[("when", &short_date(insight.created))])}</p>
                <button
                    type="button"
                    class="ag-button ag-button--small ag-button--quiet"
                    on:click=move |_| store.delete_record(crate::domain::Kind::Insight, &delete_id.get_value(), T::deleted_insight)
                >
                    {tr(T::steps_delete_insight)}
                </button>
            </div>
            <GoalOf target=LinkTarget::Insight record=goal_record />
            <Show when=move || !steps.get().is_empty()>
                <p class="ag-hint">{move || tr_with(T::steps_from_it, &[("steps", &steps.get().join("; "))])}</p>
            </Show>
            // The form is built when the disclosure opens: a decade of insights would
            // otherwise build hundreds of hidden forms each time the view opens.
            <details
                class="ag-disclosure"
                on:toggle=move |ev| form_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
            >
                <summary class="ag-disclosure__summary">{tr(T::steps_turn)}</summary>
                <Show when=move || form_open.get()>
                    <StepForm insight=Some(form_insight.clone()) />
                </Show>
            </details>
        </li>
    }
}

/// Adds an action step, optionally grown from an insight, with an optional due date.
#[component]
fn StepForm(
    /// The insight it grows from.
    insight: Option<RecordId>,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let text = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let key = insight.as_ref().map(|i| i.to_string()).unwrap_or_else(|| "free".to_owned());
    let text_id = config.dom_id(&format!("step-text-{key}"));
    let due_id = config.dom_id(&format!("step-due-{key}"));
    let (text_for, due_for) = (text_id.clone(), due_id.clone());
    let label = tr(if insight.is_some() { T::steps_what_will } else { T::steps_new });
    let journal = store.journal();
    // A step grown from an insight serves the insight's goal unless the patient changes it.
    let from_insight = || {
        journal.with_untracked(|j| {
            insight.as_ref().and_then(|i| j.goals_of(LinkTarget::Insight, i).first().map(|g| g.id.clone()))
        })
    };
    let goal = RwSignal::new(from_insight());
    let options = Signal::derive(move || journal.with(|j| choices(j, None)));
    let goal_id = config.dom_id(&format!("step-goal-{key}"));
    let area = RwSignal::new(None);
    let area_id = config.dom_id(&format!("step-area-{key}"));
    let insight = StoredValue::new(insight);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let date = crate::domain::iso::parse_day(&due.get_untracked());
        if let Some(step) =
            store.add_step(insight.get_value(), &text.get_untracked(), date, area.get_untracked())
        {
            if let Some(g) = goal.get_untracked() {
                store.link_new(LinkTarget::Step, &step, &g);
            }
            text.set(String::new());
            due.set(String::new());
            area.set(None);
            notices.say(tr(T::steps_added), false);
        }
    };
    view! {
        <form class="ag-step-form" on:submit=submit>
            <div class="ag-field">
                <label class="ag-label" for=text_for>{label}</label>
                <input
                    id=text_id
                    class="ag-input"
                    type="text"
                    maxlength="500"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
            </div>
            <div class="ag-row">
                <div class="ag-field ag-field--inline">
                    <label class="ag-label ag-label--plain" for=due_for>{tr(T::steps_by_optional)}</label>
                    <input
                        id=due_id
                        class="ag-input ag-input--date"
                        type="date"
                        prop:value=move || due.get()
                        on:input=move |ev| due.set(event_target_value(&ev))
                    />
                </div>
                <Show when=move || !options.with(Vec::is_empty)>
                    <GoalChoice
                        id=goal_id.clone()
                        label=tr(T::steps_for_goal)
                        options=options
                        value=goal.into()
                        on_change=Callback::new(move |g| goal.set(g))
                    />
                </Show>
                <areas::AreaChoice id=area_id label=tr(T::steps_area_optional) value=area.into() on_change=Callback::new(move |a| area.set(a)) />
                <button type="submit" class="ag-button ag-button--quiet">{tr(T::steps_add)}</button>
            </div>
        </form>
    }
}
