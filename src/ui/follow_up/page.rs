//! The check-in's page: today's figures, two questions in the patient's words, then the
//! note it makes; earlier notes below, each to show, print or delete (with undo).

use super::note::Note;
use crate::domain::follow_up::{Facts, FollowUpCheck, MAX_WORDS_CHARS};
use crate::domain::Kind;
use crate::export::follow_up::fact_lines;
use crate::export::markdown::DateStyle;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::{date_time, day_with_year, local_day};
use crate::ui::shell::nav::link_to;
use crate::ui::store::forms::{field_or, keep_form_typing, Fields};
use crate::ui::store::{fresh_id, now, use_config, use_notices, use_store};
use leptos::prelude::*;

/// The name its words are kept under while typing.
const FORM: &str = "booster";

/// The check-in.
#[component]
pub fn CheckInPage() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let journal = store.journal();
    let facts = Memo::new(move |_| journal.with(|j| Facts::gather(j, now(), local_day)));
    let left = store.form_draft(FORM);
    let noticed = RwSignal::new(field_or(&left, "noticed", String::new));
    let discuss = RwSignal::new(field_or(&left, "discuss", String::new));
    keep_form_typing(
        store,
        FORM,
        move || Fields::from([("noticed".into(), noticed.get()), ("discuss".into(), discuss.get())]),
        || true,
    );
    let chosen = RwSignal::new(None::<crate::domain::RecordId>);
    let checks =
        Memo::new(move |_| journal.with(|j| j.follow_up_checks().iter().rev().cloned().collect::<Vec<_>>()));
    let shown = Memo::new(move |_| {
        checks.with(|list| match chosen.get() {
            Some(id) => list.iter().find(|c| c.id == id).cloned().or_else(|| list.first().cloned()),
            None => list.first().cloned(),
        })
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let made = journal.with_untracked(|j| {
            FollowUpCheck::new(
                fresh_id(),
                now(),
                j,
                local_day,
                &noticed.get_untracked(),
                &discuss.get_untracked(),
            )
        });
        let id = made.as_ref().ok().map(|c| c.id.clone());
        if store.save_made(made) {
            noticed.set(String::new());
            discuss.set(String::new());
            chosen.set(id);
            notices.say(tr(T::fu_saved), false);
        }
    };
    let id = move |name: &str| config.dom_id(&format!("follow-up-{name}"));
    let (noticed_id, discuss_id, noticed_hint, discuss_hint) =
        (id("noticed"), id("discuss"), id("noticed-hint"), id("discuss-hint"));
    let (noticed_for, discuss_for, noticed_by, discuss_by) =
        (noticed_id.clone(), discuss_id.clone(), noticed_hint.clone(), discuss_hint.clone());
    let max = MAX_WORDS_CHARS.to_string();
    view! {
        <section class="ag-section" aria-label=tr(T::sum_follow_up_one)>
            <p class="ag-no-print"><a class="ag-link" href=link_to(crate::ui::shell::nav::Place::Plan)>{tr(T::fu_back_plan)}</a></p>
            <form class="ag-card ag-no-print" on:submit=save>
                <h2 class="ag-h2">{tr(T::sum_follow_up_one)}</h2>
                {left.is_some().then(|| view! { <p class="ag-hint">{tr(T::composer_back)}</p> })}
                <p class="ag-hint">{tr(T::fu_where_hint)}</p>
                <ul class="ag-follow-up__facts">
                    {move || {
                        let style = DateStyle { day: &day_with_year, moment: &date_time };
                        facts.with(|f| fact_lines(f, &style)).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()
                    }}
                </ul>
                <div class="ag-field">
                    <label class="ag-label" for=noticed_for>{tr(T::fu_noticed_label)}</label>
                    <p class="ag-hint" id=noticed_hint>{tr(T::fu_noticed_hint)}</p>
                    <textarea id=noticed_id class="ag-textarea" rows="4" maxlength=max.clone() aria-describedby=noticed_by
                        prop:value=move || noticed.get() on:input=move |ev| noticed.set(event_target_value(&ev))></textarea>
                </div>
                <div class="ag-field">
                    <label class="ag-label" for=discuss_for>{tr(T::fu_discuss)}</label>
                    <p class="ag-hint" id=discuss_hint>{tr(T::fu_discuss_hint)}</p>
                    <textarea id=discuss_id class="ag-textarea" rows="4" maxlength=max aria-describedby=discuss_by
                        prop:value=move || discuss.get() on:input=move |ev| discuss.set(event_target_value(&ev))></textarea>
                </div>
                <div class="ag-row ag-row--end">
                    <button type="submit" class="ag-button ag-button--primary">{tr(T::fu_save)}</button>
                </div>
            </form>
            {move || shown.get().map(|check| view! { <Note check=check /> })}
            {move || {
                let list = checks.get();
                (list.len() > 1).then(|| view! {
                    <section class="ag-card ag-no-print" aria-label=tr(T::fu_earlier)>
                        <h2 class="ag-h2">{tr(T::fu_earlier)}</h2>
                        <ul class="ag-list">
                            {list.into_iter().map(|c| {
                                let (show_id, delete_id) = (c.id.clone(), c.id.clone());
                                let when = date_time(c.at);
                                let (show_label, delete_label) = (tr_with(T::fu_show_note, &[("when", &when)]), tr_with(T::fu_delete_of, &[("when", &when)]));
                                view! {
                                    <li class="ag-item">
                                        <p class="ag-shared__what">{when}</p>
                                        <div class="ag-row">
                                            <button type="button" class="ag-button ag-button--small" aria-label=show_label on:click=move |_| chosen.set(Some(show_id.clone()))>{tr(T::fu_show)}</button>
                                            <button type="button" class="ag-button ag-button--small ag-button--quiet" aria-label=delete_label on:click=move |_| store.delete_record(Kind::FollowUpCheck, &delete_id, T::deleted_check_in)>{tr(T::journal_delete)}</button>
                                        </div>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
        </section>
    }
}
