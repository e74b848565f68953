//! The questionnaires the clinic offers (PHQ-9 and GAD-7 unless it chooses others): when
//! each is due, the latest score and its change since the first (baseline), and the form
//! itself: verbatim items as native radio groups, the required attributions, an adapted
//! instruction marked as such, and crisis resources shown the moment PHQ-9 item 9 is
//! answered above 0.

use crate::domain::questionnaire::needs_crisis_support;
use crate::domain::Instrument;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::short_date;
use crate::ui::kit::show::Show;
use crate::ui::shell::crisis::CrisisPanel;
use crate::ui::store::{now, use_config, use_notices, use_store};
use leptos::prelude::*;

/// One card per questionnaire, with its form when opened.
#[component]
pub fn Questionnaires() -> impl IntoView {
    let offered = use_config().questionnaires();
    let attributions = crate::domain::questionnaire::attributions(&offered);
    let hint = tr(if offered.len() == 1 { T::q_hint_one } else { T::q_hint_many });
    view! {
        <section class="ag-card" aria-label=tr(T::q_heading)>
            <h2 class="ag-h2">{tr(T::q_heading)}</h2>
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
        let Some((at, score, band)) = last else { return tr(T::q_not_taken).to_owned() };
        let mut status =
            tr_with(T::q_last, &[("score", &score.to_string()), ("band", band), ("date", &short_date(at))]);
        if let (2.., Some(b)) = (count, baseline) {
            let d = i16::from(score) - i16::from(b);
            let change = if d == 0 { tr(T::q_no_change).to_owned() } else { format!("{d:+}") };
            status.push(' ');
            status.push_str(&tr_with(T::q_since_first, &[("change", &change), ("first", &b.to_string())]));
        }
        if due {
            status.push(' ');
            status.push_str(tr(T::q_due_now));
        }
        status
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
                    {tr_with(T::q_due_reminder, &[("days", &instrument.every_days(config.questionnaire_days()).to_string()), ("name", instrument.name())])}
                </p>
            </Show>
            <Show
                when=move || open.get()
                fallback=move || view! {
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| open.set(true)>
                        {tr_with(T::q_answer, &[("name", instrument.name())])}
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
            let (score, max) = (result.score().to_string(), instrument.max_score().to_string());
            let values = [
                ("name", instrument.name()),
                ("score", &score),
                ("max", &max),
                ("band", result.band().label()),
            ];
            notices.say(tr_with(T::q_saved, &values), false);
            if !result.needs_crisis_support() {
                on_done.run(());
            }
        }
    };
    let prefix = instrument.slug();
    let options = instrument.options_shown();
    // The form's own language: the PCL-5 stays in its published English on a Spanish page.
    let form_lang = instrument.lang_shown().code();
    view! {
        <form class="ag-questionnaire" on:submit=submit>
            {instrument.words_note().map(|note| view! { <p class="ag-hint">{note}</p> })}
            <div lang=form_lang>
            {instrument.instruction_shown().map(|text| view! {
                <p class="ag-questionnaire__stem">{text}</p>
                <p class="ag-hint" lang=crate::i18n::lang().code()>{tr(T::q_adapted)}</p>
            })}
            <p class="ag-questionnaire__stem">{instrument.stem_shown()}</p>
            {instrument
                .items_shown()
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let name = config.dom_id(&format!("{prefix}-{i}"));
                    view! {
                        <fieldset class="ag-fieldset ag-item">
                            <legend class="ag-item__text">{format!("{}. {item}", i + 1)}</legend>
                            <div class="ag-options">
                                {options
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
            </div>
            <div role="alert">
                <Show when=move || crisis.get()>
                    <CrisisPanel lead=tr(T::q_crisis_lead) />
                </Show>
            </div>
            <div class="ag-row">
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| on_done.run(())>{tr(T::q_close)}</button>
                <button type="submit" class="ag-button ag-button--primary">{tr_with(T::q_save, &[("name", instrument.name())])}</button>
            </div>
        </form>
    }
}
