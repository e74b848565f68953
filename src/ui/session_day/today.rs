//! Today's session-day card: the next planned session, its checklist the day before and
//! on the day, and after a session (the same day and the next) a link to note
//! after-effects. Shows nothing when none of these applies.
//!
//! Must never nag or block: the card only reminds, and logging a session never waits
//! for it.

use super::after_effects::RedFlagAlert;
use super::checklist::Checklist;
use crate::domain::SessionDay;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::{date_time, local_day};
use crate::ui::kit::show::Show;
use crate::ui::shell::nav::link_to;
use crate::ui::store::{fresh_id, now, today, use_config, use_store};
use leptos::prelude::*;

/// The card on Today.
#[component]
pub fn TodayCard() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let next = Memo::new(move |_| journal.with(|j| j.next_planned(today(), local_day).cloned()));
    let due = move || next.get().is_some_and(|d| SessionDay::checklist_due(local_day(d.at), today()));
    // The latest session, if it was today or yesterday.
    let recent = Memo::new(move |_| {
        journal.with(|j| {
            j.last_session()
                .filter(|s| (0..=1).contains(&(today() - local_day(s.at)).num_days()))
                .map(|s| (s.id.clone(), s.number, !j.after_effects_of(&s.id).is_empty()))
        })
    });
    let flags = StoredValue::new(config.red_flags());
    // The red flags of the latest session's logs while it is recent, and of any log noted
    // today or yesterday (one whose session is not in the journal too: a flag is never
    // left without its alert).
    let raised = Memo::new(move |_| {
        let session = recent.get().map(|(id, _, _)| id);
        journal.with(|j| {
            flags.with_value(|known| {
                let mut out: Vec<crate::domain::RedFlag> = Vec::new();
                let logs = j.after_effects().iter().filter(|l| {
                    session.as_ref() == Some(&l.session)
                        || (0..=1).contains(&(today() - local_day(l.at)).num_days())
                });
                for flag in logs.flat_map(|l| l.raised(known)) {
                    if !out.iter().any(|f| f.id == flag.id) {
                        out.push(flag);
                    }
                }
                out
            })
        })
    });
    view! {
        {move || next.get().map(|d| {
            let href = link_to(crate::ui::shell::nav::Place::Session(d.id.to_string()));
            let when = date_time(d.at);
            view! {
                <div class="ag-card ag-next-session">
                    <h2 class="ag-h3">{tr(T::session_day_next)}</h2>
                    <p>{when} " · " <a class="ag-link" href=href>{tr(T::session_day_plan_link)}</a></p>
                </div>
            }
        })}
        <Show when=due>
            <Checklist
                day=Signal::derive(move || next.get())
                make=Callback::new(move |()| next.get_untracked().unwrap_or_else(|| SessionDay::planned(fresh_id(), now(), now())))
            />
        </Show>
        <Show when=move || !raised.get().is_empty()>
            <RedFlagAlert raised=Signal::derive(move || raised.get()) />
        </Show>
        {move || recent.get().map(|(id, number, noted)| {
            let href = link_to(crate::ui::shell::nav::Place::Session(id.to_string()));
            let n = number.to_string();
            let ask = tr_with(if noted { T::session_day_after_noted } else { T::session_day_after_ask }, &[("n", &n)]);
            view! {
                <p class="ag-banner ag-banner--info ag-reminder">
                    <a class="ag-link" href=href>{ask}</a>
                </p>
            }
        })}
    }
}
