//! After-effects of a session: the log form (symptoms in words, sleep, bladder, red
//! flags, anything else, and blood pressure and pulse when the clinic asks for them),
//! (`vitals.rs`), the logs so far, and "contact your clinic today" when a red flag is raised (with the
//! crisis resources when it is urgent).
//!
//! Must never diagnose or advise: vitals are checked for typing errors only, and a red
//! flag points to the clinic, never to a treatment.

use super::vitals::Vitals;
use crate::domain::after_effects::BLOOD_IN_URINE;
use crate::domain::{AfterEffects, Kind, Level, RecordId, RedFlag, Sleep, Symptom};
use crate::export::session_care::describe;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::date_time;
use crate::ui::kit::keyed::records;
use crate::ui::kit::show::Show;
use crate::ui::shell::crisis::CrisisPanel;
use crate::ui::store::{fresh_id, now, use_config, use_notices, use_store};
use leptos::prelude::*;

/// The after-effects of one session: the alert, the logs, and the form.
#[component]
pub fn AfterEffectsPanel(
    /// The session.
    session: RecordId,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let sid = session.clone();
    let logs = Memo::new(move |_| {
        journal.with(|j| j.after_effects_of(&sid).into_iter().cloned().collect::<Vec<_>>())
    });
    let flags = StoredValue::new(config.red_flags());
    let raised = Memo::new(move |_| {
        flags.with_value(|known| {
            let mut all: Vec<RedFlag> = Vec::new();
            for log in logs.get() {
                for f in log.raised(known) {
                    if !all.iter().any(|a| a.id == f.id) {
                        all.push(f);
                    }
                }
            }
            all
        })
    });
    let adding = RwSignal::new(false);
    let editing = RwSignal::new(None::<RecordId>);
    let heading = config.dom_id("after-effects-heading");
    let labelled = heading.clone();
    view! {
        <Show when=move || !raised.get().is_empty()>
            <RedFlagAlert raised=Signal::derive(move || raised.get()) />
        </Show>
        <section class="ag-card" aria-labelledby=labelled>
            <h3 class="ag-h3" id=heading>{tr(T::sd_effects_heading)}</h3>
            <p class="ag-hint">{tr(T::sd_effects_hint)}</p>
            <ul class="ag-list">
                {records(move || logs.get(), move |log| {
                        let id = log.id.clone();
                        let edit_id = log.id.clone();
                        let words = flags.with_value(|f| describe(&log, f));
                        view! {
                            <li class="ag-item">
                                <p class="ag-entry__meta">{date_time(log.at)}</p>
                                <p>{words}</p>
                                <div class="ag-row">
                                    <button type="button" class="ag-button ag-button--small ag-button--quiet" on:click=move |_| editing.set(Some(edit_id.clone()))>
                                        {tr_with(T::sd_effects_edit, &[("when", &date_time(log.at))])}
                                    </button>
                                    <button type="button" class="ag-button ag-button--small ag-button--quiet" on:click=move |_| store.delete_record(Kind::AfterEffects, &id, T::deleted_after_effects)>
                                        {tr(T::journal_delete)}
                                    </button>
                                </div>
                            </li>
                        }.into_any()
                })}
            </ul>
            {move || {
                let log = editing.get().and_then(|id| logs.with(|l| l.iter().find(|x| x.id == id).cloned()));
                match (log, adding.get()) {
                    (Some(log), _) => view! { <EffectsForm session=session.clone() log=Some(log) on_done=Callback::new(move |()| editing.set(None)) /> }.into_any(),
                    (None, true) => view! { <EffectsForm session=session.clone() log=None on_done=Callback::new(move |()| adding.set(false)) /> }.into_any(),
                    (None, false) => view! {
                        <button type="button" class="ag-button ag-button--primary" on:click=move |_| adding.set(true)>{tr(T::sd_effects_add)}</button>
                    }.into_any(),
                }
            }}
        </section>
    }
}

/// "Contact your clinic today", with the clinic's contact, and the crisis resources when
/// a raised flag is urgent.
#[component]
pub fn RedFlagAlert(raised: Signal<Vec<RedFlag>>) -> impl IntoView {
    let config = use_config();
    let contact = config.contact();
    let urgent = move || raised.with(|r| r.iter().any(|f| f.urgent));
    view! {
        <section class="ag-card ag-alert" role="alert">
            <h3 class="ag-h3">{tr(T::sd_alert_heading)}</h3>
            <p>
                {move || {
                    let flags = raised.with(|r| r.iter().map(|f| f.shown()).collect::<Vec<_>>().join("; "));
                    tr_with(T::sd_alert_noted, &[("flags", &flags)])
                }}
            </p>
            <crate::ui::kit::clinic::ClinicReach contact=contact />
            <Show when=urgent>
                <CrisisPanel lead=tr(T::sd_alert_urgent) />
            </Show>
        </section>
    }
}

fn level_name(symptom: Symptom) -> &'static str {
    symptom.slug()
}

/// One after-effects log, new or being edited.
#[component]
fn EffectsForm(session: RecordId, log: Option<AfterEffects>, on_done: Callback<()>) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let key = StoredValue::new(log.as_ref().map(|l| l.id.to_string()).unwrap_or_else(|| "new".into()));
    let id = move |f: &str| key.with_value(|k| config.dom_id(&format!("effects-{f}-{k}")));
    let base = log.clone().unwrap_or_else(|| AfterEffects::new(fresh_id(), session.clone(), now()));
    let draft = RwSignal::new(base);
    let flags = config.red_flags();
    let vitals = config.vitals();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut l = draft.get_untracked();
        l.words = l.words.trim().to_owned();
        l.other = l.other.trim().to_owned();
        l.edited = crate::domain::when::next_edit(l.edited, now());
        if l.is_empty() {
            notices.say(tr(T::sd_effects_empty), true);
            return;
        }
        if store.save(l) {
            notices.say(tr(T::sd_effects_saved), false);
            on_done.run(());
        }
    };
    let levels = Symptom::ALL
        .into_iter()
        .map(|s| {
            let group = id(level_name(s));
            view! {
                <fieldset class="ag-fieldset ag-effects__level">
                    <legend class="ag-label">{s.label()}</legend>
                    <div class="ag-chips">
                        {Level::ALL
                            .into_iter()
                            .map(|level| {
                                let rid = format!("{group}-{}", level.slug());
                                let rfor = rid.clone();
                                view! {
                                    <label class="ag-check" for=rfor>
                                        <input
                                            id=rid
                                            type="radio"
                                            name=group.clone()
                                            prop:checked=move || draft.with(|d| d.level(s) == level)
                                            on:change=move |_| draft.update(|d| if let Some(slot) = d.levels.get_mut(s as usize) { *slot = level })
                                        />
                                        {level.label()}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    let check = move |cid: String,
                      label: String,
                      get: fn(&AfterEffects) -> bool,
                      set: fn(&mut AfterEffects, bool)| {
        let cfor = cid.clone();
        view! {
            <label class="ag-check" for=cfor>
                <input id=cid type="checkbox" prop:checked=move || draft.with(get) on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    draft.update(|d| set(d, on));
                } />
                {label}
            </label>
        }
    };
    let flag_box = move |flag: RedFlag| {
        let cid = id(&format!("flag-{}", flag.id));
        let cfor = cid.clone();
        let fid = StoredValue::new(flag.id.clone());
        view! {
            <label class="ag-check" for=cfor>
                <input id=cid type="checkbox" prop:checked=move || draft.with(|d| fid.with_value(|f| d.flags.contains(f))) on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    draft.update(|d| {
                        let f = fid.get_value();
                        d.flags.retain(|x| *x != f);
                        if on {
                            d.flags.push(f);
                        }
                    });
                } />
                {flag.shown()}
            </label>
        }
    };
    let blood = flags.iter().find(|f| f.id == BLOOD_IN_URINE).cloned();
    let serious: Vec<RedFlag> = flags.into_iter().filter(|f| f.id != BLOOD_IN_URINE).collect();
    let (sleep_id, words_id, other_id) = (id("sleep"), id("words"), id("other"));
    let (sleep_for, words_for, other_for) = (sleep_id.clone(), words_id.clone(), other_id.clone());
    let text = move |tid: String, get: fn(&AfterEffects) -> String, set: fn(&mut AfterEffects, String)| {
        view! {
            <textarea id=tid class="ag-textarea" rows="2" maxlength="2000" prop:value=move || draft.with(get) on:input=move |ev| {
                let v = event_target_value(&ev);
                draft.update(|d| set(d, v));
            }></textarea>
        }
    };
    let vitals_view =
        vitals.then(|| view! { <Vitals draft=draft id=Callback::new(move |f: String| id(&f)) /> });
    view! {
        <form class="ag-effects__form" on:submit=save>
            {levels}
            <div class="ag-field">
                <label class="ag-label" for=sleep_for>{tr(T::sd_sleep)}</label>
                <select id=sleep_id class="ag-select" on:change=move |ev| {
                    let s = Sleep::from_slug(&event_target_value(&ev));
                    draft.update(|d| d.sleep = s);
                }>
                    <option value="" prop:selected=move || draft.with(|d| d.sleep.is_none())>{tr(T::sd_not_noted)}</option>
                    {Sleep::ALL.into_iter().map(|s| view! { <option value=s.slug() prop:selected=move || draft.with(|d| d.sleep == Some(s))>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <fieldset class="ag-fieldset">
                <legend class="ag-label">{tr(T::sd_bladder)}</legend>
                <div class="ag-chips">
                    {check(id("bladder-pain"), tr(T::sd_bladder_pain).into(), |d| d.bladder_pain, |d, v| d.bladder_pain = v)}
                    {check(id("urgency"), tr(T::sd_urgency).into(), |d| d.urgency, |d, v| d.urgency = v)}
                    {blood.map(flag_box)}
                </div>
            </fieldset>
            <fieldset class="ag-fieldset">
                <legend class="ag-label">{tr(T::sd_serious)}</legend>
                <div class="ag-chips">{serious.into_iter().map(flag_box).collect_view()}</div>
            </fieldset>
            {vitals_view}
            <div class="ag-field">
                <label class="ag-label" for=words_for>{tr(T::sd_own_words)}</label>
                {text(words_id, |d| d.words.clone(), |d, v| d.words = v)}
            </div>
            <div class="ag-field">
                <label class="ag-label" for=other_for>{tr(T::sd_else)}</label>
                {text(other_id, |d| d.other.clone(), |d, v| d.other = v)}
            </div>
            <div class="ag-row ag-row--end">
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| on_done.run(())>{tr(T::journal_cancel)}</button>
                <button type="submit" class="ag-button ag-button--primary">{tr(T::sd_save_effects)}</button>
            </div>
        </form>
    }
}
