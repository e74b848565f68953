//! One check-in's note, "things I want to discuss with my team", as it prints: the
//! patient's points, what they notice, where they are; with print and download buttons
//! that are not part of it. Only one note is on the page at a time, so it prints alone.

use crate::domain::follow_up::FollowUpCheck;
use crate::domain::Kind;
use crate::export::follow_up::{fact_lines, markdown, DECIDES_NOTHING};
use crate::export::markdown::points;
use crate::export::markdown::DateStyle;
use crate::i18n::{tr, T};
use crate::ui::kit::files;
use crate::ui::kit::format::{date_time, day_with_year};
use crate::ui::store::{use_notices, use_store};
use leptos::prelude::*;

fn lines(text: &str) -> Vec<String> {
    points(text).into_iter().map(str::to_owned).collect()
}

/// The note of `check`.
#[component]
pub fn Note(check: FollowUpCheck) -> impl IntoView {
    let store = use_store();
    let notices = use_notices();
    let style = DateStyle { day: &day_with_year, moment: &date_time };
    let facts = fact_lines(&check.facts, &style);
    let md = markdown(&check, &format!("# {}", tr(T::fu_discuss)), &style);
    let name = format!(
        "afterglow-check-in-{}.md",
        crate::domain::iso::day(crate::ui::kit::format::local_day(check.at))
    );
    let (discuss, noticed) = (lines(&check.discuss), lines(&check.noticed));
    let id = check.id.clone();
    let print = |ev: leptos::ev::MouseEvent| crate::ui::kit::print::print_from_click(&ev);
    let download = move |_| {
        if files::download(&name, "text/markdown;charset=utf-8", &md) {
            notices.say(tr(T::fu_downloaded), false);
        }
    };
    view! {
        <article class="ag-card ag-printable ag-follow-up-note" aria-label=tr(T::fu_note_label)>
            <h2 class="ag-h2">{tr(T::fu_discuss)}</h2>
            <p class="ag-hint">{date_time(check.at)}</p>
            {if discuss.is_empty() {
                view! { <p>{tr(T::fu_no_points)}</p> }.into_any()
            } else {
                view! { <ul>{discuss.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
            }}
            {(!noticed.is_empty()).then(|| view! {
                <h3 class="ag-h3">{tr(T::fu_notice)}</h3>
                <ul>{noticed.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            })}
            <h3 class="ag-h3">{tr(T::fu_where)}</h3>
            <ul>{facts.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            <p class="ag-hint">{tr(DECIDES_NOTHING)}</p>
        </article>
        <div class="ag-row ag-no-print">
            <button type="button" class="ag-button ag-button--primary" on:click=print>{tr(T::share_print)}</button>
            <button type="button" class="ag-button ag-button--quiet" on:click=download>{tr(T::fu_download)}</button>
            <button type="button" class="ag-button ag-button--quiet" on:click=move |_| store.delete_record(Kind::FollowUpCheck, &id, T::deleted_check_in)>{tr(T::fu_delete)}</button>
        </div>
    }
}
