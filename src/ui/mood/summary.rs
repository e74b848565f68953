//! Beside the mood chart: questionnaire scores over time against their severity bands
//! with the change since the first score, the before/after comparison, and the latest
//! check-ins (deletable with undo).

use crate::domain::number::fixed;
use crate::domain::stats::before_after;
use crate::domain::{Band, Instrument, Metric};
use crate::ui::kit::format::{date_time, one_decimal, short_date};
use crate::ui::mood::checkin_form::CheckInForm;
use crate::ui::store::{now, use_config, use_store};
use leptos::prelude::*;

const W: f64 = 320.0;
const H: f64 = 150.0;
const PAD: f64 = 24.0;

/// One questionnaire's scores against its bands; nothing before the first result.
#[component]
pub fn ScoreChart(
    /// Which questionnaire.
    instrument: Instrument,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let points = Memo::new(move |_| {
        journal.with(|j| {
            j.results_of(instrument).iter().map(|r| (r.at, r.score(), r.band())).collect::<Vec<_>>()
        })
    });
    let ids = Memo::new(move |_| {
        journal.with(|j| j.results_of(instrument).iter().map(|r| r.id.clone()).collect::<Vec<_>>())
    });
    let heading = config.dom_id(&format!("score-heading-{}", instrument.name()));
    let desc = config.dom_id(&format!("score-desc-{}", instrument.name()));
    let (labelled_by, svg_labelled, svg_described) = (heading.clone(), heading.clone(), desc.clone());
    let max = f64::from(instrument.max_score());
    let y = move |score: f64| PAD + (max - score) / max * (H - 2.0 * PAD);
    let description = move || {
        let p = points.get();
        match (p.first(), p.last()) {
            (Some(first), Some(last)) if p.len() > 1 => {
                let d = i16::from(last.1) - i16::from(first.1);
                let change = match d {
                    0 => "the same as".to_owned(),
                    d if d < 0 => format!("{} points lower than", -d),
                    d => format!("{d} points higher than"),
                };
                format!(
                    "{}: {} ({}) on {}, {change} the first score, {} ({}) on {}. {} is better.",
                    instrument.name(),
                    last.1,
                    last.2.label(),
                    short_date(last.0),
                    first.1,
                    first.2.label(),
                    short_date(first.0),
                    if instrument.higher_is_better() { "Higher" } else { "Lower" }
                )
            }
            (Some(only), _) => format!(
                "{}: {} ({}) on {}. The first score is the baseline.",
                instrument.name(),
                only.1,
                only.2.label(),
                short_date(only.0)
            ),
            _ => String::new(),
        }
    };
    view! {
        <Show when=move || !points.get().is_empty()>
            <section class="ag-score" aria-labelledby=labelled_by.clone()>
                <h3 class="ag-h3" id=heading.clone()>{format!("{} scores", instrument.name())}</h3>
                <svg class="ag-chart__svg ag-score__svg" viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby=svg_labelled.clone() aria-describedby=svg_described.clone()>
                    {
                        let all = instrument.bands();
                        let bands: Vec<(u8, u8, Band)> = all
                            .iter()
                            .enumerate()
                            .map(|(i, (from, band))| (*from, all.get(i + 1).map_or(instrument.max_score() + 1, |n| n.0), *band))
                            .collect();
                        bands.into_iter().map(|(from, to, band)| {
                            let (top, bottom) = (y(f64::from(to) - 0.5).max(PAD), y(f64::from(from) - 0.5).min(H - PAD));
                            view! {
                                <rect class=format!("ag-sev ag-sev--{}", band.weight()) x=fixed(PAD, 1).to_string() y=fixed(top, 1).to_string() width=fixed(W - 2.0 * PAD, 1).to_string() height=fixed((bottom - top).max(0.0), 1).to_string() />
                                <text class="ag-axis" x=fixed(W - PAD - 2.0, 1).to_string() y=fixed((top + bottom) / 2.0 + 4.0, 1).to_string() text-anchor="end">{band.label()}</text>
                            }
                        }).collect_view()
                    }
                    {move || {
                        let p = points.get();
                        let n = p.len().max(2) - 1;
                        let x = |i: usize| PAD + i as f64 / n as f64 * (W - 2.0 * PAD) * if p.len() == 1 { 0.0 } else { 1.0 };
                        let d: String = p.iter().enumerate().map(|(i, pt)| format!("{}{} {}", if i == 0 { 'M' } else { 'L' }, fixed(x(i), 1), fixed(y(f64::from(pt.1)), 1))).collect();
                        view! {
                            <path class="ag-line ag-line--score" d=d />
                            {p.iter().enumerate().map(|(i, pt)| view! {
                                <circle class="ag-dot" cx=fixed(x(i), 1).to_string() cy=fixed(y(f64::from(pt.1)), 1).to_string() r="4" />
                            }).collect_view()}
                        }
                    }}
                </svg>
                <p class="ag-chart__desc" id=desc.clone()>{description}</p>
                <p class="ag-hint">{crate::domain::questionnaire::BANDS_ARE_SCREENS}</p>
                <ul class="ag-score__list">
                    {move || points.get().into_iter().zip(ids.get()).rev().map(|((at, score, band), id)| {
                        let id = StoredValue::new(id);
                        let when = date_time(at);
                        view! {
                            <li class="ag-score__item">
                                {format!("{when}: {score} of {} ({})", instrument.max_score(), band.label())}
                                " "
                                <button
                                    type="button"
                                    class="ag-button ag-button--small ag-button--quiet"
                                    aria-label=format!("Delete the {} from {when}", instrument.name())
                                    on:click=move |_| store.delete_record(crate::domain::Kind::Result, &id.get_value(), "Questionnaire result")
                                >
                                    "Delete"
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// Averages in the 14 days before the first dosing session against the last 14 days.
#[component]
pub fn BeforeAfter() -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let data = Memo::new(move |_| {
        journal.with(|j| j.first_session().map(|s| before_after(j.check_ins(), s.at, now())))
    });
    view! {
        <section class="ag-card" aria-label="Before and after">
            <h2 class="ag-h2">"Before and after"</h2>
            {move || match data.get() {
                None => view! { <p class="ag-empty">"Once you log your first dosing session, this compares the two weeks before it with your last two weeks."</p> }.into_any(),
                Some(ba) => {
                    let rows = Metric::ALL.into_iter().map(|m| {
                        let (b, a) = (ba.before.get(m), ba.recent.get(m));
                        let change = match (b, a) { (Some(b), Some(a)) => format!("{:+.1}", a - b), _ => "–".into() };
                        view! { <tr><th scope="row">{m.label()}</th><td>{one_decimal(b)}</td><td>{one_decimal(a)}</td><td>{change}</td></tr> }
                    }).collect_view();
                    view! {
                        <div class="ag-table-wrap">
                            <table class="ag-table">
                                <caption>{format!("Averages: the 14 days before your first session ({} check-ins) and the last 14 days ({} check-ins)", ba.before.count, ba.recent.count)}</caption>
                                <thead><tr><th scope="col">"Measure"</th><th scope="col">"Before"</th><th scope="col">"Last 14 days"</th><th scope="col">"Change"</th></tr></thead>
                                <tbody>
                                    {rows}
                                    <tr><th scope="row">"Sleep (hours)"</th><td>{one_decimal(ba.before.sleep)}</td><td>{one_decimal(ba.recent.sleep)}</td><td>{match (ba.before.sleep, ba.recent.sleep) { (Some(b), Some(a)) => format!("{:+.1}", a - b), _ => "–".into() }}</td></tr>
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The latest check-ins, newest first, each deletable.
#[component]
pub fn RecentCheckIns() -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let recent =
        Memo::new(move |_| journal.with(|j| j.check_ins().iter().rev().take(5).cloned().collect::<Vec<_>>()));
    view! {
        <Show when=move || !recent.get().is_empty()>
            <section class="ag-card" aria-label="Recent check-ins">
                <h2 class="ag-h2">"Recent check-ins"</h2>
                <ul class="ag-list">
                    <For each=move || recent.get() key=|c| (c.id.clone(), c.edited) let:c>
                        {
                            let id = StoredValue::new(c.id.clone());
                            let editing = RwSignal::new(false);
                            let original = c.clone();
                            let mut words = format!("Mood {}, anxiety {}, energy {}", c.mood, c.anxiety, c.energy);
                            if let Some(h) = c.sleep_hours() {
                                words.push_str(&format!(", slept {h} h"));
                            }
                            if !c.emotions.is_empty() {
                                words.push_str(&format!("; {}", c.emotions.iter().map(|w| crate::domain::checkin::emotion_label(w)).collect::<Vec<_>>().join(", ")));
                            }
                            view! {
                                <li class="ag-entry">
                                    <p class="ag-entry__meta">{date_time(c.at)}</p>
                                    <p class="ag-entry__text">{words}</p>
                                    {(!c.note.is_empty()).then(|| view! { <p class="ag-entry__text">{c.note.clone()}</p> })}
                                    <div class="ag-entry__actions">
                                        <button type="button" class="ag-button ag-button--small ag-button--quiet" on:click=move |_| editing.set(true)>
                                            "Edit check-in"
                                        </button>
                                        <button type="button" class="ag-button ag-button--small ag-button--quiet" on:click=move |_| store.delete_record(crate::domain::Kind::CheckIn, &id.get_value(), "Check-in")>
                                            "Delete check-in"
                                        </button>
                                    </div>
                                    <Show when=move || editing.get()>
                                        <CheckInForm editing=original.clone() on_done=Callback::new(move |()| editing.set(false)) />
                                    </Show>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}
