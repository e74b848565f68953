//! The therapist summary on screen and on paper: the preview is the summary itself. Only
//! formats the `export::summary::Summary` model; patient text is rendered as text.

use crate::domain::Metric;
use crate::export::summary::Summary;
use crate::ui::kit::format::{count, date_time, day_with_year, one_decimal};
use crate::ui::mood::chart::RangeChart;
use leptos::prelude::*;

/// The summary as a document.
#[component]
pub fn SummaryPreview(
    /// The summary to show.
    summary: Signal<Summary>,
) -> impl IntoView {
    view! {
        <article class="ag-summary" aria-label="Summary preview">
            {move || {
                let s = summary.get();
                let with_sessions = s.sessions.is_some();
                let title = if s.title.is_empty() { "Journal summary".to_owned() } else { s.title.clone() };
                view! {
                    <h2 class="ag-summary__title">{title}</h2>
                    <p class="ag-summary__range">{format!("{} to {}", day_with_year(s.from), day_with_year(s.to))}</p>
                    {s.sessions.map(|rows| view! {
                        <section class="ag-summary__section">
                            <h3 class="ag-h3">"Dosing sessions"</h3>
                            {if rows.is_empty() {
                                view! { <p>"No dosing sessions in this period."</p> }.into_any()
                            } else {
                                view! {
                                    <table class="ag-table">
                                        <thead><tr><th scope="col">"Session"</th><th scope="col">"Date"</th><th scope="col">"Route"</th><th scope="col">"Mood before → after"</th></tr></thead>
                                        <tbody>
                                            {rows.into_iter().map(|r| {
                                                let mood = format!("{} → {}", r.mood.0.map(|m| m.to_string()).unwrap_or("–".into()), r.mood.1.map(|m| m.to_string()).unwrap_or("–".into()));
                                                view! { <tr><th scope="row">{r.number}</th><td>{date_time(r.at)}</td><td>{r.route.label()}</td><td>{mood}</td></tr> }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                }.into_any()
                            }}
                        </section>
                    })}
                    {s.mood.map(|(range, baseline)| view! {
                        <section class="ag-summary__section">
                            <h3 class="ag-h3">"Mood check-ins"</h3>
                            <RangeChart from=s.from to=s.to sessions=with_sessions />
                            <table class="ag-table">
                                <caption>{format!("Averages over {} (0-10)", count(range.count, "check-in", "check-ins"))}</caption>
                                <thead><tr><th scope="col">"Measure"</th><th scope="col">"This period"</th><th scope="col">"Before the first session"</th></tr></thead>
                                <tbody>
                                    {Metric::ALL.into_iter().map(|m| view! {
                                        <tr><th scope="row">{m.label()}</th><td>{one_decimal(range.get(m))}</td><td>{one_decimal(baseline.and_then(|b| b.get(m)))}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </section>
                    })}
                    {s.scores.filter(|r| !r.is_empty()).map(|rows| {
                        let named = crate::export::summary::attributions(&rows);
                        view! {
                        <section class="ag-summary__section">
                            <h3 class="ag-h3">"Questionnaires"</h3>
                            <ul>
                                {rows.into_iter().map(|r| {
                                    let change = match r.change { None => " (baseline)".to_owned(), Some(0) => " (same as the first)".to_owned(), Some(d) => format!(" ({d:+} since the first)") };
                                    view! { <li>{format!("{} on {}: {} of {}, {}{change}", r.instrument.name(), date_time(r.at), r.score, r.instrument.max_score(), r.band.label())}</li> }
                                }).collect_view()}
                            </ul>
                            {(!named.is_empty()).then(|| view! { <p class="ag-hint">{crate::domain::questionnaire::bands_for_the_team()}</p> })}
                            {named.into_iter().map(|(names, text)| view! { <p class="ag-attribution">{format!("{names}: {text}")}</p> }).collect_view()}
                        </section>
                    }})}
                    {s.goals.map(|goals| view! { <super::goals_section::GoalsSection goals=goals /> })}
                    {s.follow_up.filter(|c| !c.is_empty()).map(|checks| { let shows = s.follow_up_shows; view! {
                        <section class="ag-summary__section">
                            <h3 class="ag-h3">"Follow-up check-ins"</h3>
                            {checks.into_iter().map(|c| {
                                let style = crate::export::markdown::DateStyle { day: &day_with_year, moment: &date_time };
                                let facts = crate::export::follow_up::fact_lines_of(&c.facts, &style, shows);
                                let lines = |t: &str| crate::export::markdown::points(t).into_iter().map(str::to_owned).collect::<Vec<_>>();
                                let (discuss, noticed) = (lines(&c.discuss), lines(&c.noticed));
                                view! {
                                    <h4 class="ag-summary__h4">{format!("Follow-up check-in, {}", date_time(c.at))}</h4>
                                    {(!discuss.is_empty()).then(|| view! {
                                        <p>"Things I want to discuss with my team:"</p>
                                        <ul>{discuss.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                                    })}
                                    {(!noticed.is_empty()).then(|| view! {
                                        <p>"What I notice:"</p>
                                        <ul>{noticed.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                                    })}
                                    <ul>{facts.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                                }
                            }).collect_view()}
                        </section>
                    }})}
                    {s.intentions.filter(|i| !i.is_empty()).map(|list| view! {
                        <section class="ag-summary__section">
                            <h3 class="ag-h3">"Intentions"</h3>
                            <ul>{list.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                        </section>
                    })}
                    {s.insights.map(|insights| {
                        let steps = s.steps.clone().unwrap_or_default();
                        (!insights.is_empty() || !steps.is_empty()).then(|| view! {
                            <section class="ag-summary__section">
                                <h3 class="ag-h3">"Insights and action steps"</h3>
                                <ul>{insights.into_iter().map(|i| view! { <li><q>{i}</q></li> }).collect_view()}</ul>
                                <ul>{steps.iter().map(|st| view! { <li>{format!("{}: {}{}", if st.done { "Done" } else { "Open" }, st.text, st.area.map(|a| format!(" [{}]", a.label())).unwrap_or_default())}</li> }).collect_view()}</ul>
                                {steps.iter().any(|st| st.area.is_some()).then(|| view! { <p class="ag-hint">{crate::domain::insight::AREAS_SOURCE}</p> })}
                            </section>
                        })
                    })}
                    {s.session_care.map(|care| view! {
                        <section class="ag-summary__section">
                            <h3 class="ag-h3">"Medicines and after-effects"</h3>
                            {if care.medicines.is_empty() {
                                view! { <p>"No medicines listed."</p> }.into_any()
                            } else {
                                view! { <ul>{care.medicines.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> }.into_any()
                            }}
                            {care.sessions.is_empty().then(|| view! { <p>"No medicines notes or after-effects for the sessions in this period."</p> })}
                            {care.sessions.into_iter().map(|row| view! {
                                <h4 class="ag-summary__h4">{format!("Session {}, {}", row.number, date_time(row.at))}</h4>
                                <ul>
                                    {row.medicines.map(|(asked, note)| {
                                        let tick = if asked { "Taken or held as my clinic asked" } else { "Not noted as taken or held as asked" };
                                        let note = if note.trim().is_empty() { String::new() } else { format!(": {note}") };
                                        view! { <li>{format!("Medicines: {tick}{note}")}</li> }
                                    })}
                                    {row.logs.into_iter().map(|(at, words)| view! { <li>{format!("After-effects, {}: {words}", date_time(at))}</li> }).collect_view()}
                                </ul>
                            }).collect_view()}
                        </section>
                    })}
                    {s.staying_well.map(|plan| view! {
                        <section class="ag-summary__section">
                            <h3 class="ag-h3">"My plan for staying well"</h3>
                            {crate::domain::staying_well::PARTS.iter().zip(plan.parts.clone()).map(|(part, text)| view! {
                                <h4 class="ag-summary__h4">{part.title}</h4>
                                <p class="ag-entry__text">{if text.trim().is_empty() { "Not written yet.".to_owned() } else { text }}</p>
                            }).collect_view()}
                            {let when = crate::export::staying_well::thresholds(&plan);
                            (!when.is_empty()).then(|| view! {
                                <h4 class="ag-summary__h4">"When Afterglow shows me this plan"</h4>
                                <ul>{when.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                            })}
                        </section>
                    })}
                    {s.safety_plan.map(|plan| view! {
                        <section class="ag-summary__section">
                            <h3 class="ag-h3">"My safety plan"</h3>
                            {crate::domain::safety_plan::STEPS.iter().zip(plan.steps).enumerate().map(|(i, (step, text))| view! {
                                <h4 class="ag-summary__h4">{format!("{}. {}", i + 1, step.title)}</h4>
                                <p class="ag-entry__text">{if text.trim().is_empty() { "Not written yet.".to_owned() } else { text }}</p>
                            }).collect_view()}
                        </section>
                    })}
                    {s.entries.map(|groups| view! {
                        <section class="ag-summary__section">
                            <h3 class="ag-h3">"Journal entries"</h3>
                            {if groups.is_empty() { Some(view! { <p>"No entries chosen for this period."</p> }) } else { None }}
                            {groups.into_iter().map(|(stage, entries)| view! {
                                {stage.map(|st| view! { <h4 class="ag-summary__h4">{st.label()}</h4> })}
                                {entries.into_iter().map(|e| view! {
                                    <div class="ag-summary__entry">
                                        <p class="ag-entry__meta">{date_time(e.created)}{e.prompt.map(|p| format!(", answering: {}", p.text))}</p>
                                        <p class="ag-entry__text">{e.text}</p>
                                    </div>
                                }).collect_view()}
                            }).collect_view()}
                        </section>
                    })}
                    <p class="ag-summary__footer">"Shared by the patient from Afterglow, a private journal. Entries marked private are never included."</p>
                }
            }}
        </article>
    }
}
