//! The plan for staying well, to write and change: four parts in the patient's words and
//! two optional thresholds of their own, saved on the device, printed alone on one page
//! or downloaded as Markdown. The form checks the numbers itself (`novalidate`), so a
//! browser's range check never blocks a save without a word.

use crate::domain::staying_well::{MAX_PART_CHARS, PARTS, QUIET_DAYS};
use crate::domain::{MoodThreshold, StayingWellPlan};
use crate::export::staying_well::{markdown, thresholds};
use crate::i18n::{tr, tr_with, Text, T};
use crate::ui::kit::files;
use crate::ui::kit::plan_form::{printed_answers, PlanActions, PlanAnswers};
use crate::ui::kit::show::Show;
use crate::ui::shell::nav::link_to;
use crate::ui::store::forms::{changed_answers, keep_form_typing, put_back_answers, Fields};
use crate::ui::store::{fresh_id, now, today, use_config, use_notices, use_store};
use leptos::prelude::*;

/// The name its words are kept under while typing.
const FORM: &str = "well";

/// The thresholds as typed, before they are checked.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Numbers {
    mood_on: bool,
    below: String,
    days: String,
    phq9_on: bool,
    phq9: String,
}

impl Numbers {
    fn of(plan: &StayingWellPlan) -> Self {
        Numbers {
            mood_on: plan.mood.is_some(),
            below: plan.mood.map_or(4, |m| m.below).to_string(),
            days: plan.mood.map_or(5, |m| m.days).to_string(),
            phq9_on: plan.phq9.is_some(),
            phq9: plan.phq9.unwrap_or(10).to_string(),
        }
    }

    /// Puts the thresholds into `plan`; a number that is not one is refused in words.
    fn apply(&self, plan: &mut StayingWellPlan) -> Result<(), String> {
        let number = |text: &str, what: Text| {
            text.trim().parse::<u8>().map_err(|_| tr_with(T::well_whole_number, &[("what", tr(what))]))
        };
        plan.mood = if self.mood_on {
            Some(MoodThreshold {
                below: number(&self.below, T::well_the_mood)?,
                days: number(&self.days, T::well_the_days)?,
            })
        } else {
            None
        };
        plan.phq9 = if self.phq9_on { Some(number(&self.phq9, T::well_the_phq9)?) } else { None };
        plan.validate().map_err(|e| e.to_string())
    }
}

/// The form's words as kept while typing (`ui::store::forms`): only what differs from
/// the plan as this form last saw it (`base`), so words kept here never stand in for
/// what another tab saved since.
fn fields(plan: &StayingWellPlan, n: &Numbers, base: &([String; 4], Numbers)) -> Fields {
    let mut f = changed_answers(&plan.parts, &base.0);
    if *n != base.1 {
        let on = |b: bool| if b { "on" } else { "off" }.to_owned();
        f.insert("mood".into(), on(n.mood_on));
        f.insert("below".into(), n.below.clone());
        f.insert("days".into(), n.days.clone());
        f.insert("phq9-on".into(), on(n.phq9_on));
        f.insert("phq9".into(), n.phq9.clone());
    }
    f
}

/// The words from last time put back into the form (only those kept: see [`fields`]).
fn restore(f: &Fields, plan: &mut StayingWellPlan, n: &mut Numbers) {
    put_back_answers(f, &mut plan.parts);
    let text = |name: &str, into: &mut String| {
        if let Some(v) = f.get(name) {
            into.clone_from(v);
        }
    };
    text("below", &mut n.below);
    text("days", &mut n.days);
    text("phq9", &mut n.phq9);
    if let Some(v) = f.get("mood") {
        n.mood_on = v == "on";
    }
    if let Some(v) = f.get("phq9-on") {
        n.phq9_on = v == "on";
    }
}

/// The plan's page.
#[component]
pub fn PlanPage() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let journal = store.journal();
    let stored = Memo::new(move |_| journal.with(|j| j.staying_well().cloned()));
    let mut start = stored.get_untracked().unwrap_or_else(|| StayingWellPlan::start(fresh_id(), now()));
    let mut typed = Numbers::of(&start);
    // What the form opened with: another tab's later save is joined against it.
    let opened = StoredValue::new((start.parts.clone(), typed.clone()));
    let left = store.form_draft(FORM);
    if let Some(f) = &left {
        restore(f, &mut start, &mut typed);
    }
    let numbers = RwSignal::new(typed);
    let draft = RwSignal::new(start);
    let changed = move || {
        stored.with(|s| {
            s.as_ref()
                .is_none_or(|s| s.parts != draft.with(|d| d.parts.clone()) || Numbers::of(s) != numbers.get())
        })
    };
    // Unsaved: what differs from the plan as this form last saw it (another tab's later
    // save is no change of this tab's).
    let unsaved = move || {
        opened.with_value(|(parts, base)| draft.with(|d| d.parts != *parts) || numbers.with(|n| n != base))
    };
    keep_form_typing(
        store,
        FORM,
        move || opened.with_value(|base| numbers.with(|n| draft.with(|d| fields(d, n, base)))),
        unsaved,
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Another tab may have saved since this form opened: see `StayingWellPlan::revised`.
        // Its thresholds stand unless this form changed them.
        let stored = stored.get_untracked();
        let (parts, base_numbers) = opened.get_value();
        let (mut plan, both) = draft.get_untracked().revised(&parts, stored.as_ref(), now());
        let mut typed = numbers.get_untracked();
        if let Some(s) = stored.as_ref().filter(|_| typed == base_numbers) {
            typed = Numbers::of(s);
        }
        if let Err(why) = typed.apply(&mut plan) {
            notices.say(tr_with(T::well_not_saved_yet, &[("why", &why)]), true);
            return;
        }
        if store.save(plan.clone()) {
            opened.set_value((plan.parts.clone(), typed.clone()));
            numbers.set(typed);
            draft.set(plan);
            notices.say(tr(if both { T::well_saved_both } else { T::well_saved }), false);
        }
    };
    let download = move |()| {
        let name = format!("afterglow-staying-well-{}.md", crate::domain::iso::day(today()));
        let md = markdown(&draft.get_untracked(), &format!("# {}", tr(T::sum_staying_well)));
        if files::download(&name, "text/markdown;charset=utf-8", &md) {
            notices.say(tr(T::well_downloaded), false);
        }
    };
    let phq9_offered = config.questionnaires().contains(&crate::domain::Instrument::Phq9);
    let id = move |name: &str| config.dom_id(&format!("well-{name}"));
    let (mood_id, below_id, days_id, phq_id, phq_value_id) =
        (id("mood"), id("below"), id("days"), id("phq9"), id("phq9-score"));
    let (below_for, days_for, phq_value_for) = (below_id.clone(), days_id.clone(), phq_value_id.clone());
    let (mood_for, phq_for) = (mood_id.clone(), phq_id.clone());
    let number_input = move |dom_id: String,
                             min: u8,
                             max: u8,
                             get: fn(&Numbers) -> String,
                             set: fn(&mut Numbers, String),
                             on: fn(&Numbers) -> bool| {
        view! {
            <input
                id=dom_id
                class="ag-input ag-input--number"
                type="number"
                inputmode="numeric"
                min=min.to_string()
                max=max.to_string()
                prop:disabled=move || !numbers.with(on)
                prop:value=move || numbers.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); numbers.update(|n| set(n, v)) }
            />
        }
    };
    view! {
        <section class="ag-section" aria-label=tr(T::sum_staying_well)>
            <p class="ag-no-print"><a class="ag-link" href=link_to(crate::ui::shell::nav::Place::Plan)>{tr(T::fu_back_plan)}</a></p>
            <form class="ag-card ag-no-print" novalidate on:submit=save>
                <h2 class="ag-h2">{tr(T::sum_staying_well)}</h2>
                {left.is_some().then(|| view! { <p class="ag-hint">{tr(T::composer_back)}</p> })}
                <p class="ag-hint">{tr(T::well_form_about)}</p>
                <PlanAnswers
                    questions=&PARTS
                    id=config.dom_id("well-part")
                    maxlength=MAX_PART_CHARS
                    answer=Callback::new(move |i: usize| draft.with(|d| d.parts.get(i).cloned().unwrap_or_default()))
                    on_answer=Callback::new(move |(i, v): (usize, String)| draft.update(|d| if let Some(part) = d.parts.get_mut(i) { *part = v }))
                />
                <fieldset class="ag-fieldset">
                    <legend class="ag-label">{tr(T::well_show_when)}</legend>
                    <p class="ag-hint">{tr_with(T::well_only_yours, &[("days", &QUIET_DAYS.to_string())])}</p>
                    <div class="ag-well__rule">
                        <label class="ag-check" for=mood_for>
                            <input id=mood_id type="checkbox" prop:checked=move || numbers.with(|n| n.mood_on) on:change=move |ev| { let on = event_target_checked(&ev); numbers.update(|n| n.mood_on = on) } />
                            {tr(T::well_mood_low)}
                        </label>
                        <span class="ag-well__numbers">
                            <label for=below_for>{tr(T::well_below)}</label>
                            {number_input(below_id, 1, 10, |n| n.below.clone(), |n, v| n.below = v, |n| n.mood_on)}
                            <label for=days_for>{tr(T::well_days_row)}</label>
                            {number_input(days_id, 1, 28, |n| n.days.clone(), |n, v| n.days = v, |n| n.mood_on)}
                        </span>
                    </div>
                    // Offered with the PHQ-9 only, or while a rule saved before is on, so it
                    // can be turned off (and on again before saving: it stays in place
                    // until the form is saved without it).
                    <Show when=move || phq9_offered || opened.with_value(|(_, n)| n.phq9_on) || numbers.with(|n| n.phq9_on)>
                    <div class="ag-well__rule">
                        <label class="ag-check" for=phq_for.clone()>
                            <input id=phq_id.clone() type="checkbox" prop:checked=move || numbers.with(|n| n.phq9_on) on:change=move |ev| { let on = event_target_checked(&ev); numbers.update(|n| n.phq9_on = on) } />
                            {tr(T::well_phq9_high)}
                        </label>
                        <span class="ag-well__numbers">
                            <label for=phq_value_for.clone()>{tr(T::well_at_or_above)}</label>
                            {number_input(phq_value_id.clone(), 1, 27, |n| n.phq9.clone(), |n, v| n.phq9 = v, |n| n.phq9_on)}
                        </span>
                    </div>
                    </Show>
                </fieldset>
                <PlanActions
                    changed=Signal::derive(changed)
                    on_download=Callback::new(download)
                />
            </form>
            <article class="ag-printable ag-plan-print" aria-hidden="true">
                <h2 class="ag-h2">{tr(T::sum_staying_well)}</h2>
                {move || {
                    let plan = draft.get();
                    let when = thresholds(&plan);
                    view! {
                        {printed_answers(&PARTS, false, &plan.parts)}
                        {(!when.is_empty()).then(|| view! {
                            <h3 class="ag-h3">{tr(T::well_shows_me)}</h3>
                            <ul>{when.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                        })}
                    }
                }}
            </article>
        </section>
    }
}
