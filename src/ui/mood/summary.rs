//! Beside the mood chart: questionnaire scores over time against their severity bands
//! with the change since the first score, the before/after comparison, and the latest
//! check-ins (deletable with undo).

use crate::domain::number::fixed;
use crate::domain::stats::before_after;
use crate::domain::{Band, Instrument, Metric};
use crate::export::markdown::check_ins;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::{date_time, one_decimal, short_date, signed_one_decimal};
use crate::ui::kit::keyed::records;
use crate::ui::kit::scroll::scroll_stop;
use crate::ui::kit::show::Show;
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
                let key = match d {
                    0 => T::score_desc_same,
                    d if d < 0 => T::score_desc_lower,
                    _ => T::score_desc_higher,
                };
                let (score, first_score, points) =
                    (last.1.to_string(), first.1.to_string(), d.abs().to_string());
                let (date, first_date) = (short_date(last.0), short_date(first.0));
                let said = tr_with(
                    key,
                    &[
                        ("name", instrument.name()),
                        ("score", &score),
                        ("band", last.2.label()),
                        ("date", &date),
                        ("points", &points),
                        ("first", &first_score),
                        ("first_band", first.2.label()),
                        ("first_date", &first_date),
                    ],
                );
                let better = tr(if instrument.higher_is_better() {
                    T::score_higher_better
                } else {
                    T::score_lower_better
                });
                format!("{said} {better}")
            }
            (Some(only), _) => tr_with(
                T::score_desc_only,
                &[
                    ("name", instrument.name()),
                    ("score", &only.1.to_string()),
                    ("band", only.2.label()),
                    ("date", &short_date(only.0)),
                ],
            ),
            _ => String::new(),
        }
    };
    view! {
        <Show when=move || !points.get().is_empty()>
            <section class="ag-score" aria-labelledby=labelled_by.clone()>
                <h3 class="ag-h3" id=heading.clone()>{tr_with(T::score_heading, &[("name", instrument.name())])}</h3>
                <svg class="ag-chart__svg ag-score__svg" viewBox=format!("0 0 {} {}", fixed(W, 0), fixed(H, 0)) role="img" aria-labelledby=svg_labelled.clone() aria-describedby=svg_described.clone()>
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
                <p class="ag-hint">{crate::domain::questionnaire::bands_are_screens()}</p>
                <ul class="ag-score__list">
                    {move || points.get().into_iter().zip(ids.get()).rev().map(|((at, score, band), id)| {
                        let id = StoredValue::new(id);
                        let when = date_time(at);
                        view! {
                            <li class="ag-score__item">
                                {tr_with(T::score_item, &[("when", &when), ("score", &score.to_string()), ("max", &instrument.max_score().to_string()), ("band", band.label())])}
                                " "
                                <button
                                    type="button"
                                    class="ag-button ag-button--small ag-button--quiet"
                                    aria-label=tr_with(T::score_delete, &[("name", instrument.name()), ("when", &when)])
                                    on:click=move |_| store.delete_record(crate::domain::Kind::Result, &id.get_value(), T::deleted_result)
                                >
                                    {tr(T::journal_delete)}
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
        <section class="ag-card" aria-label=tr(T::ba_heading)>
            <h2 class="ag-h2">{tr(T::ba_heading)}</h2>
            {move || match data.get() {
                None => view! { <p class="ag-empty">{tr(T::ba_empty)}</p> }.into_any(),
                Some(ba) => {
                    let rows = Metric::ALL.into_iter().map(|m| {
                        let (b, a) = (ba.before.get(m), ba.recent.get(m));
                        let change = match (b, a) { (Some(b), Some(a)) => signed_one_decimal(a - b), _ => "–".into() };
                        view! { <tr><th scope="row">{m.label()}</th><td>{one_decimal(b)}</td><td>{one_decimal(a)}</td><td>{change}</td></tr> }
                    }).collect_view();
                    let caption = tr_with(T::ba_caption, &[("before", &check_ins(ba.before.count)), ("recent", &check_ins(ba.recent.count))]);
                    let label = caption.clone();
                    view! {
                        <div class="ag-table-wrap" tabindex="0" role="region" use:scroll_stop aria-label=label>
                            <table class="ag-table">
                                <caption>{caption}</caption>
                                <thead><tr><th scope="col">{tr(T::ba_measure)}</th><th scope="col">{tr(T::ba_before)}</th><th scope="col">{tr(T::ba_recent)}</th><th scope="col">{tr(T::ba_change)}</th></tr></thead>
                                <tbody>
                                    {rows}
                                    <tr><th scope="row">{tr(T::ba_sleep)}</th><td>{one_decimal(ba.before.sleep)}</td><td>{one_decimal(ba.recent.sleep)}</td><td>{match (ba.before.sleep, ba.recent.sleep) { (Some(b), Some(a)) => signed_one_decimal(a - b), _ => "–".into() }}</td></tr>
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
            <section class="ag-card" aria-label=tr(T::recent_heading)>
                <h2 class="ag-h2">{tr(T::recent_heading)}</h2>
                <ul class="ag-list">
                    {records(move || recent.get(), move |c| {
                            let id = StoredValue::new(c.id.clone());
                            let editing = RwSignal::new(false);
                            let original = c.clone();
                            let (mood, anxiety, energy) = (c.mood.to_string(), c.anxiety.to_string(), c.energy.to_string());
                            let mut words = tr_with(T::recent_words, &[("mood", &mood), ("anxiety", &anxiety), ("energy", &energy)]);
                            if let Some(h) = c.sleep_text() {
                                words.push_str(&tr_with(T::recent_slept, &[("hours", &crate::ui::kit::format::decimal(&h))]));
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
                                            {tr(T::checkin_edit)}
                                        </button>
                                        <button type="button" class="ag-button ag-button--small ag-button--quiet" on:click=move |_| store.delete_record(crate::domain::Kind::CheckIn, &id.get_value(), T::deleted_check_in)>
                                            {tr(T::recent_delete)}
                                        </button>
                                    </div>
                                    <Show when=move || editing.get()>
                                        <CheckInForm editing=original.clone() on_done=Callback::new(move |()| editing.set(false)) />
                                    </Show>
                                </li>
                            }.into_any()
                    })}
                </ul>
            </section>
        </Show>
    }
}
