//! What the patient's plans share (the safety plan, the plan for staying well): one text
//! area a question, the save row with its "Saved" state, the print and download buttons,
//! and the answers as they print (a point a line, or "Not written yet.").
//!
//! Must never hold state: the form passes whether it changed and what downloading does;
//! printing is always the plan alone (`kit::print`).

use crate::domain::plan_question::PlanQuestion;
use crate::export::markdown::points;
use crate::i18n::{tr, T};
use crate::ui::kit::fields::HintedTextArea;
use crate::ui::kit::print::print_from_click;
use leptos::prelude::*;

/// One text area a question, each with its hint.
#[component]
pub fn PlanAnswers(
    /// The questions, in order.
    questions: &'static [PlanQuestion],
    /// Whether the headings are numbered (the safety plan's steps are an order).
    #[prop(optional)]
    numbered: bool,
    /// The DOM ids' stem (made unique on the page by the caller); a question's id adds
    /// its index.
    id: String,
    /// The most characters an answer takes.
    maxlength: usize,
    /// The answer to question `i`, as the form holds it.
    answer: Callback<usize, String>,
    /// Called with `(i, text)` on every input.
    on_answer: Callback<(usize, String)>,
) -> impl IntoView {
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            view! {
                <HintedTextArea
                    id=format!("{id}-{i}")
                    label=q.heading(i, numbered)
                    hint=q.hint()
                    maxlength=maxlength
                    value=Signal::derive(move || answer.run(i))
                    on_input=Callback::new(move |v| on_answer.run((i, v)))
                />
            }
        })
        .collect_view()
}

/// The answers as they print, each under its question.
pub fn printed_answers(questions: &[PlanQuestion], numbered: bool, answers: &[String]) -> impl IntoView {
    questions
        .iter()
        .zip(answers)
        .enumerate()
        .map(|(i, (q, text))| view! { <PrintedAnswer title=q.heading(i, numbered) text=text.clone() /> })
        .collect_view()
}

/// The save row, then "Print or save as PDF" and "Download as Markdown".
#[component]
pub fn PlanActions(
    /// Whether the form differs from what is stored.
    changed: Signal<bool>,
    /// Downloads it as Markdown.
    on_download: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="ag-row ag-row--end">
            <span class="ag-hint" role="status">{move || tr(if changed.get() { T::plan_not_saved } else { T::plan_saved })}</span>
            <button type="submit" class="ag-button ag-button--primary">{tr(T::plan_save)}</button>
        </div>
        <div class="ag-row">
            <button type="button" class="ag-button" on:click=move |ev| print_from_click(&ev)>{tr(T::plan_print)}</button>
            <button type="button" class="ag-button ag-button--quiet" on:click=move |_| on_download.run(())>{tr(T::plan_download)}</button>
        </div>
    }
}

/// One answer as it prints: its heading, then its points or "Not written yet.".
#[component]
pub fn PrintedAnswer(
    /// The heading.
    title: String,
    /// The patient's text.
    text: String,
) -> impl IntoView {
    let lines: Vec<String> = points(&text).into_iter().map(str::to_owned).collect();
    view! {
        <h3 class="ag-h3">{title}</h3>
        {if lines.is_empty() {
            view! { <p>{tr(T::sum_unwritten)}</p> }.into_any()
        } else {
            view! { <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
        }}
    }
}
