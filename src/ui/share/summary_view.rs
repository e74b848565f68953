//! The therapist summary on screen and on paper: the preview is the summary itself. Only
//! formats the `export::summary::Summary` model; patient text is rendered as text.

use crate::domain::Metric;
use crate::export::markdown::{check_ins, score_change, score_line};
use crate::export::summary::Summary;
use crate::i18n::{tr, tr_with, Words, T};
use crate::ui::kit::format::{date_time, day_with_year, one_decimal};
use crate::ui::kit::scroll::scroll_stop;
use crate::ui::mood::chart::RangeChart;
use leptos::prelude::*;

/// The summary as a document.
#[component]
pub fn SummaryPreview(
    /// The summary to show.
    summary: Signal<Summary>,
    /// The language it is written in (the page's, or the one chosen for the therapist).
    words: Signal<Words>,
) -> impl IntoView {
    view! {
        <article class="ag-summary" aria-label=tr(T::sum_preview) lang=move || words.get().lang.code()>
            {move || {
                let s = summary.get();
                // Every word below is read now, in the summary's language; nothing in it is
                // read later (the chart computes its words in the same language, see `RangeChart`).
                let words = words.get();
                words.run(|| preview(s, words))
            }}
        </article>
    }
}

fn preview(s: Summary, words: Words) -> impl IntoView {
    let with_sessions = s.sessions.is_some();
    let title = if s.title.is_empty() { tr(T::sum_title).to_owned() } else { s.title.clone() };
    let range = tr_with(T::sum_range, &[("from", &day_with_year(s.from)), ("to", &day_with_year(s.to))]);
    view! {
        <h2 class="ag-summary__title">{title}</h2>
        <p class="ag-summary__range">{range}</p>
        {s.sessions.map(|rows| view! {
            <section class="ag-summary__section">
                <h3 class="ag-h3">{tr(T::sum_sessions)}</h3>
                {if rows.is_empty() {
                    view! { <p>{tr(T::sum_no_sessions)}</p> }.into_any()
                } else {
                    view! {
                        <div class="ag-summary__scroll" tabindex="0" role="region" use:scroll_stop aria-label=tr(T::sum_sessions)>
                        <table class="ag-table">
                            <thead><tr><th scope="col">{tr(T::sum_session_col)}</th><th scope="col">{tr(T::sum_date_col)}</th><th scope="col">{tr(T::sum_route_col)}</th><th scope="col">{tr(T::sum_mood_col)}</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let mood = format!("{} → {}", r.mood.0.map(|m| m.to_string()).unwrap_or("–".into()), r.mood.1.map(|m| m.to_string()).unwrap_or("–".into()));
                                    view! { <tr><th scope="row">{r.number}</th><td>{date_time(r.at)}</td><td>{r.route.label()}</td><td>{mood}</td></tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }.into_any()
                }}
            </section>
        })}
        {s.mood.map(|(range, baseline)| view! {
            <section class="ag-summary__section">
                <h3 class="ag-h3">{tr(T::sum_mood)}</h3>
                <RangeChart from=s.from to=s.to sessions=with_sessions words=words />
                <div class="ag-summary__scroll" tabindex="0" role="region" use:scroll_stop aria-label=tr(T::sum_mood)>
                <table class="ag-table">
                    <caption>{tr_with(T::sum_mood_caption, &[("checkins", &check_ins(range.count))])}</caption>
                    <thead><tr><th scope="col">{tr(T::sum_measure_col)}</th><th scope="col">{tr(T::sum_period_col)}</th><th scope="col">{tr(T::sum_before_col)}</th></tr></thead>
                    <tbody>
                        {Metric::ALL.into_iter().map(|m| view! {
                            <tr><th scope="row">{m.label()}</th><td>{one_decimal(range.get(m))}</td><td>{one_decimal(baseline.and_then(|b| b.get(m)))}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            </section>
        })}
        {s.scores.filter(|r| !r.is_empty()).map(|rows| {
            let named = crate::export::summary::attributions(&rows);
            view! {
            <section class="ag-summary__section">
                <h3 class="ag-h3">{tr(T::sum_questionnaires)}</h3>
                <ul>
                    {rows.iter().map(|r| view! { <li>{format!("{} {}", score_line(r, &date_time), score_change(r.change))}</li> }).collect_view()}
                </ul>
                {(!named.is_empty()).then(|| view! { <p class="ag-hint">{crate::domain::questionnaire::bands_for_the_team()}</p> })}
                {named.into_iter().map(|(names, text)| view! { <p class="ag-attribution">{format!("{names}: {text}")}</p> }).collect_view()}
            </section>
        }})}
        {s.goals.map(|goals| view! { <super::goals_section::GoalsSection goals=goals /> })}
        {s.follow_up.filter(|c| !c.is_empty()).map(|checks| { let shows = s.follow_up_shows; view! {
            <section class="ag-summary__section">
                <h3 class="ag-h3">{tr(T::sum_follow_up)}</h3>
                {checks.into_iter().map(|c| {
                    let style = crate::export::markdown::DateStyle { day: &day_with_year, moment: &date_time };
                    let facts = crate::export::follow_up::fact_lines_of(&c.facts, &style, shows);
                    let lines = |t: &str| crate::export::markdown::points(t).into_iter().map(str::to_owned).collect::<Vec<_>>();
                    let (discuss, noticed) = (lines(&c.discuss), lines(&c.noticed));
                    view! {
                        <h4 class="ag-summary__h4">{tr_with(T::fu_in_summary, &[("when", &date_time(c.at))])}</h4>
                        {(!discuss.is_empty()).then(|| view! {
                            <p>{tr(T::fu_discuss_colon)}</p>
                            <ul>{discuss.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        })}
                        {(!noticed.is_empty()).then(|| view! {
                            <p>{tr(T::fu_notice_colon)}</p>
                            <ul>{noticed.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        })}
                        <ul>{facts.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    }
                }).collect_view()}
            </section>
        }})}
        {s.intentions.filter(|i| !i.is_empty()).map(|list| view! {
            <section class="ag-summary__section">
                <h3 class="ag-h3">{tr(T::sum_intentions)}</h3>
                <ul>{list.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </section>
        })}
        {s.insights.map(|insights| {
            let steps = s.steps.clone().unwrap_or_default();
            (!insights.is_empty() || !steps.is_empty()).then(|| view! {
                <section class="ag-summary__section">
                    <h3 class="ag-h3">{tr(T::sum_insights)}</h3>
                    <ul>{insights.into_iter().map(|i| view! { <li><q>{i}</q></li> }).collect_view()}</ul>
                    <ul>{steps.iter().map(|st| view! { <li>{format!("{}{}", tr_with(if st.done { T::sum_step_done } else { T::sum_step_open }, &[("text", &st.text)]), st.area.map(|a| format!(" [{}]", a.label())).unwrap_or_default())}</li> }).collect_view()}</ul>
                    {steps.iter().any(|st| st.area.is_some()).then(|| view! { <p class="ag-hint">{crate::i18n::tr(crate::domain::insight::AREAS_SOURCE)}</p> })}
                </section>
            })
        })}
        {s.session_care.map(|care| view! {
            <section class="ag-summary__section">
                <h3 class="ag-h3">{tr(T::sum_care)}</h3>
                {if care.medicines.is_empty() {
                    view! { <p>{tr(T::care_no_medicines)}</p> }.into_any()
                } else {
                    view! { <ul>{care.medicines.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> }.into_any()
                }}
                {care.sessions.is_empty().then(|| view! { <p>{tr(T::care_no_sessions)}</p> })}
                {care.sessions.into_iter().map(|row| view! {
                    <h4 class="ag-summary__h4">{tr_with(T::care_session, &[("n", &row.number.to_string()), ("when", &date_time(row.at))])}</h4>
                    <ul>
                        {row.medicines.map(|(asked, note)| {
                            let tick = tr(if asked { T::care_as_asked } else { T::care_not_as_asked });
                            let note = if note.trim().is_empty() { String::new() } else { format!(": {note}") };
                            view! { <li>{tr_with(T::care_medicines_line, &[("tick", tick), ("note", &note)])}</li> }
                        })}
                        {row.logs.into_iter().map(|(at, words)| view! { <li>{tr_with(T::care_effects_line, &[("when", &date_time(at)), ("words", &words)])}</li> }).collect_view()}
                    </ul>
                }).collect_view()}
            </section>
        })}
        {s.staying_well.map(|plan| view! {
            <section class="ag-summary__section">
                <h3 class="ag-h3">{tr(T::sum_staying_well)}</h3>
                {crate::domain::staying_well::PARTS.iter().zip(plan.parts.clone()).map(|(part, text)| view! {
                    <h4 class="ag-summary__h4">{part.title()}</h4>
                    <p class="ag-entry__text">{if text.trim().is_empty() { tr(T::sum_unwritten).to_owned() } else { text }}</p>
                }).collect_view()}
                {let when = crate::export::staying_well::thresholds(&plan);
                (!when.is_empty()).then(|| view! {
                    <h4 class="ag-summary__h4">{tr(T::well_shows_me)}</h4>
                    <ul>{when.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                })}
            </section>
        })}
        {s.safety_plan.map(|plan| view! {
            <section class="ag-summary__section">
                <h3 class="ag-h3">{tr(T::sum_safety_plan)}</h3>
                {crate::domain::safety_plan::STEPS.iter().zip(plan.steps).enumerate().map(|(i, (step, text))| view! {
                    <h4 class="ag-summary__h4">{format!("{}. {}", i + 1, step.title())}</h4>
                    <p class="ag-entry__text">{if text.trim().is_empty() { tr(T::sum_unwritten).to_owned() } else { text }}</p>
                }).collect_view()}
            </section>
        })}
        {s.entries.map(|groups| view! {
            <section class="ag-summary__section">
                <h3 class="ag-h3">{tr(T::sum_entries)}</h3>
                {if groups.is_empty() { Some(view! { <p>{tr(T::sum_no_entries)}</p> }) } else { None }}
                {groups.into_iter().map(|(stage, entries)| view! {
                    {stage.map(|st| view! { <h4 class="ag-summary__h4">{st.label()}</h4> })}
                    {entries.into_iter().map(|e| view! {
                        <div class="ag-summary__entry">
                            <p class="ag-entry__meta">{date_time(e.created)}{e.prompt.map(|p| tr_with(T::sum_answering, &[("prompt", &p.text)]))}</p>
                            <p class="ag-entry__text">{e.text}</p>
                        </div>
                    }).collect_view()}
                }).collect_view()}
            </section>
        })}
        <p class="ag-summary__footer">{tr(T::sum_footer)}</p>
    }
}
