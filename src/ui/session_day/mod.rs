//! Session days, under Sessions (their own chunk): a session's page with its day-of
//! checklist, the medicines tick and the after-effects logs; a planned session's page;
//! planning one; and the patient's list of medicines. Today's card (`today`) shows the
//! next planned session, its checklist the day before and on the day, and asks about
//! after-effects the same day and the next.
//!
//! Records and reminds. Must never advise: no dose, no "hold this medicine", no
//! interaction warning, no diagnosis; the checklist never blocks logging a session.

pub mod after_effects;
pub mod checklist;
pub mod medicines;
pub mod planned;
pub mod today;
pub mod vitals;

use crate::domain::{RecordId, SessionDay};
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::date_time;
use crate::ui::shell::nav::{link, link_to, use_location, View};
use crate::ui::store::{now, use_store};
use after_effects::AfterEffectsPanel;
use checklist::{Checklist, MedicinesTick};
use leptos::prelude::*;

/// What the session-day chunk shows: a session's page, a planned one, planning, or the
/// medicines, by the place.
#[component]
pub fn SessionDayView() -> impl IntoView {
    let place = use_location();
    let store = use_store();
    let journal = store.journal();
    move || {
        let id = match place.get() {
            crate::ui::shell::nav::Place::Medicines => return medicines::MedicinesView().into_any(),
            crate::ui::shell::nav::Place::PlanSession => return planned::PlanForm().into_any(),
            crate::ui::shell::nav::Place::Session(id) => RecordId::parse(&id).ok(),
            _ => None,
        };
        let Some(id) = id else {
            return missing().into_any();
        };
        // Only which page it is, tracked; each page follows its own records.
        let is_session = journal.with(|j| j.session(&id).is_some());
        let is_plan = journal.with(|j| j.session_day(&id).is_some());
        if is_session {
            view! { <SessionPage id=id /> }.into_any()
        } else if is_plan {
            view! { <planned::PlannedPage id=id /> }.into_any()
        } else {
            missing().into_any()
        }
    }
}

fn missing() -> impl IntoView {
    view! {
        <section class="ag-section" aria-label=tr(T::sd_session)>
            <div class="ag-card">
                <h2 class="ag-h2">{tr(T::sd_missing_heading)}</h2>
                <p>{tr(T::sd_missing_why)}</p>
                <a class="ag-link" href=link(View::Sessions)>{tr(T::sd_back_sessions)}</a>
            </div>
        </section>
    }
}

/// One logged session's page: what it was, its day (checklist and medicines) and how
/// the patient was afterwards.
#[component]
fn SessionPage(id: RecordId) -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let sid = id.clone();
    let session = Memo::new(move |_| journal.with(|j| j.session(&sid).cloned()));
    let sid = id.clone();
    let day = Memo::new(move |_| journal.with(|j| j.day_of_session(&sid).cloned()));
    let sid = id.clone();
    // The day a tick lands in: the session's own, or a new one linked to it.
    let day_for_change = move || {
        day.get_untracked().unwrap_or_else(|| {
            let at = session.get_untracked().map(|s| s.at).unwrap_or_else(now);
            let mut d = SessionDay::planned(crate::ui::store::fresh_id(), at, now());
            d.session = Some(sid.clone());
            d
        })
    };
    let day_for_change = StoredValue::new_local(day_for_change);
    let heading = move || {
        session
            .get()
            .map(|s| tr_with(T::journal_session_n, &[("n", &s.number.to_string())]))
            .unwrap_or_default()
    };
    let summary = move || {
        session.get().map(|s| format!("{} · {}", date_time(s.at), s.route.label())).unwrap_or_default()
    };
    view! {
        <section class="ag-section" aria-label=tr(T::sd_session)>
            <div class="ag-card">
                <a class="ag-link" href=link(View::Sessions)>{tr(T::sd_all_sessions)}</a>
                <h2 class="ag-h2">{heading}</h2>
                <p class="ag-session__summary">{summary}</p>
                <a class="ag-link" href=link_to(crate::ui::shell::nav::Place::EntriesOf(id.to_string()))>{tr(T::sd_entries_about)}</a>
            </div>
            // How the patient was afterwards comes first (a red flag heads the page).
            <AfterEffectsPanel session=id.clone() />
            <Checklist day=Signal::derive(move || day.get()) make=Callback::new(move |()| day_for_change.with_value(|f| f())) />
            <MedicinesTick day=Signal::derive(move || day.get()) make=Callback::new(move |()| day_for_change.with_value(|f| f())) />
        </section>
    }
}
