//! The patient's safety plan (its own chunk), reached in one step from "Get help now":
//! the crisis resources first, then six steps to fill in (best with the therapist; the
//! patient can start alone), saved on the device, downloadable as Markdown and printed
//! alone on one page.
//!
//! Must never stand in place of the crisis resources (they are always shown above it),
//! and never goes into the therapist summary unless the patient ticks it there.

use crate::domain::safety_plan::{MAX_STEP_CHARS, STEPS};
use crate::domain::SafetyPlan;
use crate::export::session_care::safety_plan_markdown;
use crate::i18n::{tr, T};
use crate::ui::kit::files;
use crate::ui::kit::plan_form::{printed_answers, PlanActions, PlanAnswers};
use crate::ui::shell::crisis::CrisisPanel;
use crate::ui::store::forms::{changed_answers, keep_form_typing, put_back_answers};
use crate::ui::store::{fresh_id, now, today, use_config, use_notices, use_store};
use leptos::prelude::*;

/// The name its words are kept under while typing.
const FORM: &str = "safety";

/// The safety plan view.
#[component]
pub fn SafetyPlanView() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let journal = store.journal();
    let stored = Memo::new(move |_| journal.with(|j| j.safety_plan().cloned()));
    // What the form holds: the stored plan, or a new one with the crisis lines filled in.
    let mut start =
        stored.get_untracked().unwrap_or_else(|| SafetyPlan::start(fresh_id(), now(), &config.crisis()));
    let opened = StoredValue::new(start.steps.clone());
    // Words typed last time and not saved come back in place of the plan's.
    let left = store.form_draft(FORM);
    if let Some(f) = &left {
        put_back_answers(f, &mut start.steps);
    }
    let draft = RwSignal::new(start);
    let changed =
        move || stored.with(|s| s.as_ref().is_none_or(|s| s.steps != draft.with(|d| d.steps.clone())));
    // Kept while typing: the steps that differ from the plan as this form last saw it
    // (opened, or saved here), so another tab's later save is never taken for words
    // typed here, nor overwritten by them after a reload.
    let unsaved = move || draft.with(|d| opened.with_value(|o| d.steps != *o));
    let fields = move || draft.with(|d| opened.with_value(|o| changed_answers(&d.steps, o)));
    keep_form_typing(store, FORM, fields, unsaved);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Another tab may have saved since this form opened: see `SafetyPlan::revised`.
        let (plan, both) = opened
            .with_value(|base| draft.get_untracked().revised(base, stored.get_untracked().as_ref(), now()));
        if store.save(plan.clone()) {
            opened.set_value(plan.steps.clone());
            draft.set(plan);
            // Another tab changed a step this tab changed too: both versions are kept.
            notices.say(tr(if both { T::safety_both_kept } else { T::safety_saved }), false);
        }
    };
    let markdown =
        move || safety_plan_markdown(&draft.get_untracked(), &format!("# {}", tr(T::sum_safety_plan)));
    let download = move |()| {
        let name = format!("afterglow-safety-plan-{}.md", crate::domain::iso::day(today()));
        if files::download(&name, "text/markdown;charset=utf-8", &markdown()) {
            notices.say(tr(T::safety_downloaded), false);
        }
    };
    view! {
        <section class="ag-section" aria-label=tr(T::sum_safety_plan)>
            <div class="ag-no-print">
                <CrisisPanel lead=tr(T::safety_lead) without_plan=true />
            </div>
            <form class="ag-card ag-no-print" on:submit=save>
                <h2 class="ag-h2">{tr(T::sum_safety_plan)}</h2>
                {left.is_some().then(|| view! { <p class="ag-hint">{tr(T::composer_back)}</p> })}
                <p class="ag-hint">{tr(T::safety_about)}</p>
                <PlanAnswers
                    questions=&STEPS
                    numbered=true
                    id=config.dom_id("plan-step")
                    maxlength=MAX_STEP_CHARS
                    answer=Callback::new(move |i: usize| draft.with(|d| d.steps.get(i).cloned().unwrap_or_default()))
                    on_answer=Callback::new(move |(i, v): (usize, String)| draft.update(|d| if let Some(step) = d.steps.get_mut(i) { *step = v }))
                />
                <PlanActions
                    changed=Signal::derive(changed)
                    on_download=Callback::new(download)
                />
            </form>
            <article class="ag-printable ag-plan-print" aria-hidden="true">
                <h2 class="ag-h2">{tr(T::sum_safety_plan)}</h2>
                {move || draft.with(|plan| printed_answers(&STEPS, true, &plan.steps))}
            </article>
        </section>
    }
}
