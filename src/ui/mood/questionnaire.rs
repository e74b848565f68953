//! The questionnaires the clinic offers (PHQ-9 and GAD-7 unless it chooses others): when
//! each is due, the latest score and its change since the first (baseline), and the form
//! itself: verbatim items as native radio groups, the required attributions, an adapted
//! instruction marked as such, and crisis resources shown the moment PHQ-9 item 9 is
//! answered above 0.

use crate::domain::questionnaire::needs_crisis_support;
use crate::domain::questionnaire::texts::ADAPTED;
use crate::domain::Instrument;
use crate::ui::kit::format::short_date;
use crate::ui::shell::crisis::CrisisPanel;
use crate::ui::store::{now, use_config, use_notices, use_store};
use leptos::prelude::*;

/// One card per questionnaire, with its form when opened.
#[component]
pub fn Questionnaires() -> impl IntoView {
    let offered = use_config().questionnaires();
    let attributions = crate::domain::questionnaire::attributions(&offered);
    let hint = if offered.len() == 1 {
        "A short, widely used questionnaire. Taking it every couple of weeks shows how things change. Optional."
    } else {
        "Short, widely used questionnaires. Taking one every couple of weeks shows how things change. Optional."
    };
    view! {
        <section class="ag-card" aria-label="Questionnaires">
            <h2 class="ag-h2">"Questionnaires"</h2>
            <p class="ag-hint">{hint}</p>
            {offered.into_iter().map(|i| view! { <InstrumentCard instrument=i /> }).collect_view()}
            {attributions.into_iter().map(|a| view! { <p class="ag-attribution">{a}</p> }).collect_view()}
        </section>
    }
}

#[component]
fn InstrumentCard(instrument: Instrument) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let open = RwSignal::new(false);
    let summary = Memo::new(move |_| {
        journal.with(|j| {
            let results = j.results_of(instrument);
            let last = results.last().map(|r| (r.at, r.score(), r.band().label()));
            let baseline = results.first().map(|r| r.score());
            let due = instrument.is_due(last.map(|l| l.0), now(), config.questionnaire_days());
            (last, baseline, results.len(), due)
        })
    });
    let status = move || {
        let (last, baseline, count, due) = summary.get();
        match last {
            None => "Not taken yet.".to_owned(),
            Some((at, score, band)) => {
                let change = match (count, baseline) {
                    (2.., Some(b)) => {
                        let d = i16::from(score) - i16::from(b);
                        format!(
                            " {} since your first ({b}).",
                            if d == 0 { "No change".to_owned() } else { format!("{d:+}") }
                        )
                    }
                    _ => String::new(),
                };
                let due = if due { " Due again now." } else { "" };
                format!("Last: {score} ({band}) on {}.{change}{due}", short_date(at))
            }
        }
    };
    let heading = format!("{}: {}", instrument.name(), instrument.about());
    view! {
        <div class="ag-instrument">
            <h3 class="ag-h3">{heading}</h3>
            <p class="ag-hint">{status}</p>
            {instrument.reading().map(|text| view! {
                <Show when=move || { summary.get().2 > 0 }>
                    <p class="ag-hint">{text}</p>
                </Show>
            })}
            <Show when=move || { summary.get().2 > 0 && summary.get().3 && !open.get() }>
                <p class="ag-reminder">
                    {format!("It has been {} days or more: a good time to answer the {} again.", instrument.every_days(config.questionnaire_days()), instrument.name())}
                </p>
            </Show>
            <Show
                when=move || open.get()
                fallback=move || view! {
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| open.set(true)>
                        {format!("Answer the {}", instrument.name())}
                    </button>
                }
            >
                <QuestionnaireForm instrument=instrument on_done=Callback::new(move |()| open.set(false)) />
            </Show>
        </div>
    }
}

/// The questionnaire form.
#[component]
fn QuestionnaireForm(
    /// Which questionnaire.
    instrument: Instrument,
    /// Called after saving or cancelling.
    on_done: Callback<()>,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let answers = RwSignal::new(vec![None::<u8>; instrument.items().len()]);
    let crisis = Memo::new(move |_| answers.with(|a| needs_crisis_support(instrument, a)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(result) = store.add_result(instrument, &answers.get_untracked()) {
            notices.say(
                format!(
                    "{} saved: {} of {}, {}.",
                    instrument.name(),
                    result.score(),
                    instrument.max_score(),
                    result.band().label()
                ),
                false,
            );
            if !result.needs_crisis_support() {
                on_done.run(());
            }
        }
    };
    let prefix = instrument.name().to_lowercase();
    view! {
        <form class="ag-questionnaire" on:submit=submit>
            {instrument.instruction().map(|text| view! {
                <p class="ag-questionnaire__stem">{text}</p>
                <p class="ag-hint">{ADAPTED}</p>
            })}
            <p class="ag-questionnaire__stem">{instrument.stem()}</p>
            {instrument
                .items()
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let name = config.dom_id(&format!("{prefix}-{i}"));
                    view! {
                        <fieldset class="ag-fieldset ag-item">
                            <legend class="ag-item__text">{format!("{}. {item}", i + 1)}</legend>
                            <div class="ag-options">
                                {instrument
                                    .options()
                                    .iter()
                                    .map(|(value, option)| {
                                        let (v, value) = (*value, *value);
                                        let id = format!("{name}-{v}");
                                        let label_for = id.clone();
                                        view! {
                                            <label class="ag-option" for=label_for>
                                                <input
                                                    id=id
                                                    type="radio"
                                                    name=name.clone()
                                                    value=v.to_string()
                                                    prop:checked=move || answers.with(|a| a.get(i) == Some(&Some(value)))
                                                    on:change=move |_| answers.update(|a| if let Some(answer) = a.get_mut(i) { *answer = Some(value) })
                                                />
                                                {*option}
                                            </label>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        </fieldset>
                    }
                })
                .collect_view()}
            <div role="alert">
                <Show when=move || crisis.get()>
                    <CrisisPanel lead="You said you have had thoughts of being better off dead or of hurting yourself. That matters, and help is available right now." />
                </Show>
            </div>
            <div class="ag-row">
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| on_done.run(())>"Close"</button>
                <button type="submit" class="ag-button ag-button--primary">{format!("Save {}", instrument.name())}</button>
            </div>
        </form>
    }
}
