//! Today's card for the plan for staying well (its own chunk): in follow-up, while there
//! is no plan, an invitation to write one; when one of the patient's own thresholds is
//! crossed, the plan itself, gently, with "talk to your team" and the clinic's contact.
//! "Not now" leaves it off Today for a week. Nothing at all otherwise.
//!
//! Must never read as an alarm or advise anything: it shows the patient's own words and
//! says which of their own numbers it noticed. The crisis resources stay in the header.

use crate::domain::staying_well::{PARTS, QUIET_DAYS};
use crate::domain::Stage;
use crate::export::markdown::points;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::clinic::ClinicReach;
use crate::ui::kit::format::local_day;
use crate::ui::shell::nav::link_to;
use crate::ui::store::{now, today, use_config, use_notices, use_store};
use chrono::Duration;
use leptos::prelude::*;

/// What Today shows.
#[derive(Clone, Debug, PartialEq)]
enum Card {
    Invite,
    Crossed(Vec<String>),
}

/// The card, or nothing.
#[component]
pub fn TodayStayingWell() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let journal = store.journal();
    let card = Memo::new(move |_| {
        journal.with(|j| match j.staying_well().filter(|p| !p.is_blank()) {
            None => (j.stage == Stage::FollowUp).then_some(Card::Invite),
            Some(p) if p.is_quiet(today()) => None,
            Some(p) => {
                let crossed = p.crossings(j, today(), now(), local_day);
                (!crossed.is_empty())
                    .then(|| Card::Crossed(crossed.into_iter().map(|c| c.reason()).collect()))
            }
        })
    });
    let not_now = move |_| {
        let Some(mut plan) = journal.with_untracked(|j| j.staying_well().cloned()) else { return };
        plan.quiet_until = Some(today() + Duration::days(QUIET_DAYS));
        plan.edited = crate::domain::when::next_edit(plan.edited, now());
        if store.save(plan) {
            notices.say(tr_with(T::well_quiet, &[("days", &QUIET_DAYS.to_string())]), false);
        }
    };
    let heading = config.dom_id("today-well-heading");
    move || {
        let heading = heading.clone();
        let labelled = heading.clone();
        match card.get()? {
            Card::Invite => Some(view! {
                <section class="ag-card ag-today-well" aria-labelledby=labelled>
                    <h2 class="ag-h2" id=heading>{tr(T::well_today_invite)}</h2>
                    <p>{tr(T::well_today_invite_what)}</p>
                    <a class="ag-button ag-button--link" href=link_to(crate::ui::shell::nav::Place::Well)>{tr(T::well_today_invite_button)}</a>
                </section>
            }.into_any()),
            Card::Crossed(reasons) => {
                let plan = journal.with_untracked(|j| j.staying_well().cloned())?;
                let parts = PARTS
                    .iter()
                    .zip(plan.parts)
                    .filter(|(_, text)| !text.trim().is_empty())
                    .map(|(part, text)| {
                        let lines: Vec<String> = points(&text).into_iter().map(str::to_owned).collect();
                        view! {
                            <h3 class="ag-h3">{part.title()}</h3>
                            <ul class="ag-well__list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        }
                    })
                    .collect_view();
                Some(view! {
                    <section class="ag-card ag-today-well ag-today-well--crossed" aria-labelledby=labelled>
                        <h2 class="ag-h2" id=heading>{tr(T::well_crossed_heading)}</h2>
                        {reasons.into_iter().map(|r| view! { <p>{r}</p> }).collect_view()}
                        <p>{tr(T::well_crossed_wrote)}</p>
                        {parts}
                        <h3 class="ag-h3">{tr(T::well_crossed_team)}</h3>
                        <p>{tr(T::well_crossed_early)}</p>
                        <ClinicReach contact=config.contact() />
                        <div class="ag-row">
                            <a class="ag-button ag-button--link" href=link_to(crate::ui::shell::nav::Place::Well)>{tr(T::well_open_plan)}</a>
                            <button type="button" class="ag-button ag-button--quiet" on:click=not_now>{tr(T::well_not_now)}</button>
                        </div>
                    </section>
                }.into_any())
            }
        }
    }
}
