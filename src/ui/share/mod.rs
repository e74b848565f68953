//! Share: build a therapist summary for a date range and choose what goes in, see it
//! exactly as it will be shared, then print it (or save it as PDF), download or copy it as
//! Markdown, or share the file; below, the data files (CSV, full backup, restore).

pub mod data_files;
pub mod goals_section;
pub mod locked_backup;
pub mod shared_list;
pub mod summary_view;

use crate::domain::{RecordId, Way};
use crate::export::markdown::{self, DateStyle};
use crate::export::summary::{Section, Summary, SummaryOptions};
use crate::i18n::{tr, tr_with, Lang, Words, T};
use crate::ui::kit::fields::CheckField;
use crate::ui::kit::files;
use crate::ui::kit::format::{date_time, day_with_year, local_day};
use crate::ui::kit::show::Show;
use crate::ui::share::data_files::DataFiles;
use crate::ui::share::shared_list::{remember, SharedList};
use crate::ui::share::summary_view::SummaryPreview;
use crate::ui::shell::lang;
use crate::ui::store::{today, use_config, use_notices, use_store};
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Preset {
    SinceShared,
    SinceSession,
    TwoWeeks,
    Month,
    Course,
}

impl Preset {
    const ALL: [Preset; 5] =
        [Preset::SinceShared, Preset::SinceSession, Preset::TwoWeeks, Preset::Month, Preset::Course];

    fn label(self) -> &'static str {
        tr(match self {
            Preset::SinceShared => T::share_since_shared,
            Preset::SinceSession => T::share_since_session,
            Preset::TwoWeeks => T::share_two_weeks,
            Preset::Month => T::share_month,
            Preset::Course => T::share_course,
        })
    }

    fn slug(self) -> &'static str {
        match self {
            Preset::SinceShared => "since-shared",
            Preset::SinceSession => "since-session",
            Preset::TwoWeeks => "two-weeks",
            Preset::Month => "month",
            Preset::Course => "course",
        }
    }
}

/// The share view.
#[component]
pub fn ShareView() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let journal = store.journal();
    let end = today();
    let mut start = SummaryOptions::new(end - Duration::days(13), end);
    // The title follows the summary's language until the patient writes their own.
    let default_title = move |words: Words| {
        words.run(|| match config.clinic() {
            Some(clinic) => tr_with(T::sum_title_clinic, &[("clinic", &clinic)]),
            None => tr(T::sum_title).to_owned(),
        })
    };
    let words = RwSignal::new(Words::shown());
    start.title = default_title(Words::shown());
    start.red_flags = config.red_flags();
    let options = RwSignal::new(start);
    let preset_range = move |p: Preset| -> (NaiveDate, NaiveDate) {
        let end = today();
        journal.with_untracked(|j| match p {
            // From the day it was shared: what was written after it, that day included.
            Preset::SinceShared => {
                (j.last_shared().map(|s| local_day(s.at).min(end)).unwrap_or(end - Duration::days(13)), end)
            }
            Preset::SinceSession => {
                (j.last_session().map(|s| local_day(s.at)).unwrap_or(end - Duration::days(13)), end)
            }
            Preset::TwoWeeks => (end - Duration::days(13), end),
            Preset::Month => (end - Duration::days(30), end),
            Preset::Course => {
                let first = [
                    j.entries().last().map(|e| e.created),
                    j.sessions().first().map(|s| s.at),
                    j.check_ins().first().map(|c| c.at),
                ];
                (first.into_iter().flatten().min().map(local_day).unwrap_or(end), end)
            }
        })
    };
    let summary = Memo::new(move |_| {
        crate::ui::shell::perf::timed("ag:summary", || {
            journal.with(|j| options.with(|o| Summary::build(j, o, local_day)))
        })
    });
    let markdown = move || {
        words.get_untracked().run(|| {
            crate::ui::kit::format::learn_decimal_comma();
            markdown::render(&summary.get_untracked(), &DateStyle { day: &day_with_year, moment: &date_time })
        })
    };
    let choose_lang = move |code: String| {
        let Some(chosen) = Lang::parse(&code).and_then(lang::words) else { return };
        let (before, after) = (default_title(words.get_untracked()), default_title(chosen));
        options.update(|o| {
            if o.title.trim() == before.trim() {
                o.title = after;
            }
        });
        words.set(chosen);
    };
    let spanish_ready = lang::words(Lang::Es).is_some();
    let file_name = move |ext: &str| format!("afterglow-summary-{}.{ext}", crate::domain::iso::day(today()));
    let ids = [
        "summary-title",
        "summary-preset",
        "summary-from",
        "summary-to",
        "summary-lang",
        "summary-lang-hint",
    ]
    .map(|n| config.dom_id(n));
    let [title_id, preset_id, from_id, to_id, lang_id, lang_hint_id] = ids.clone();
    let [title_for, preset_for, from_for, to_for, lang_for, lang_hint_for] = ids;
    let date_value = crate::domain::iso::day;
    let include = move |(name, label): (&'static str, &'static str)| {
        view! {
            <CheckField
                id=config.dom_id(&format!("include-{name}"))
                label=label
                checked=Signal::derive(move || options.with(|o| o.has(name)))
                on_toggle=Callback::new(move |on| options.update(|o| o.set(name, on)))
            />
        }
    };
    let sent = move |way: Way| summary.with_untracked(|s| remember(store, s, way));
    let has_shared = Memo::new(move |_| journal.with(|j| j.last_shared().is_some()));
    let entries_in_range = Memo::new(move |_| {
        let (from, to) = options.with(|o| (o.from, o.to));
        journal.with(|j| {
            j.entries()
                .iter()
                .filter(|e| !e.private && (from..=to).contains(&local_day(e.created)))
                // Formatted only when the list is open: a date through Intl costs a call each.
                .map(|e| (e.id.clone(), e.created, e.text.chars().take(80).collect::<String>()))
                .collect::<Vec<_>>()
        })
    });
    let choose_open = RwSignal::new(false);
    let can_share = files::can_share_files();

    view! {
        <section class="ag-section" aria-label=tr(T::share_section)>
            <form class="ag-card ag-no-print" on:submit=|ev| ev.prevent_default()>
                <h2 class="ag-h2">{tr(T::share_heading)}</h2>
                <p class="ag-hint">{tr(T::share_hint)}</p>
                <div class="ag-field">
                    <label class="ag-label" for=lang_for>{tr(T::share_lang)}</label>
                    <select id=lang_id class="ag-select ag-select--compact" aria-describedby=lang_hint_id on:change=move |ev| choose_lang(event_target_value(&ev))>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.code() lang=l.code() selected=words.get_untracked().lang == l disabled=l == Lang::Es && !spanish_ready>{l.name()}</option>
                        }).collect_view()}
                    </select>
                    <p class="ag-hint" id=lang_hint_for>{tr(T::share_lang_hint)}</p>
                </div>
                <div class="ag-field">
                    <label class="ag-label" for=title_for>{tr(T::share_title)}</label>
                    <input id=title_id class="ag-input" type="text" maxlength="120" prop:value=move || options.with(|o| o.title.clone()) on:input=move |ev| options.update(|o| o.title = event_target_value(&ev)) />
                </div>
                <div class="ag-row">
                    <div class="ag-field ag-field--inline">
                        <label class="ag-label ag-label--plain" for=preset_for>{tr(T::share_period)}</label>
                        <select id=preset_id class="ag-select ag-select--compact" on:change=move |ev| {
                            let chosen = Preset::ALL.into_iter().find(|p| p.slug() == event_target_value(&ev));
                            if let Some(p) = chosen {
                                let (from, to) = preset_range(p);
                                options.update(|o| { o.from = from; o.to = to; });
                            }
                        }>
                            <option value="" selected>{tr(T::share_choose)}</option>
                            {Preset::ALL.into_iter().map(|p| {
                                let never = move || p == Preset::SinceShared && !has_shared.get();
                                view! { <option value=p.slug() prop:disabled=never>{p.label()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="ag-field ag-field--inline">
                        <label class="ag-label ag-label--plain" for=from_for>{tr(T::share_from)}</label>
                        <input id=from_id class="ag-input ag-input--date" type="date" prop:value=move || options.with(|o| date_value(o.from)) on:change=move |ev| {
                            if let Some(d) = crate::domain::iso::parse_day(&event_target_value(&ev)) { options.update(|o| o.from = crate::domain::when::clamp_day(d)); }
                        } />
                    </div>
                    <div class="ag-field ag-field--inline">
                        <label class="ag-label ag-label--plain" for=to_for>{tr(T::share_to)}</label>
                        <input id=to_id class="ag-input ag-input--date" type="date" prop:value=move || options.with(|o| date_value(o.to)) on:change=move |ev| {
                            if let Some(d) = crate::domain::iso::parse_day(&event_target_value(&ev)) { options.update(|o| o.to = crate::domain::when::clamp_day(d)); }
                        } />
                    </div>
                </div>
                <fieldset class="ag-fieldset">
                    <legend class="ag-label">{tr(T::share_include)}</legend>
                    <div class="ag-chips">
                        {Section::ALL.iter().map(|s| include((s.name(), s.label()))).collect_view()}
                    </div>
                </fieldset>
                <details class="ag-disclosure" on:toggle=move |ev| choose_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                    <summary class="ag-disclosure__summary">{move || tr_with(T::share_choose_entries, &[("n", &entries_in_range.get().len().to_string())])}</summary>
                    <Show when=move || choose_open.get()>
                        <ul class="ag-steps">
                            {move || entries_in_range.get().into_iter().map(|(id, when, text)| {
                                let key = StoredValue::new(id.clone());
                                let dom_id = config.dom_id(&format!("choose-{id}"));
                                let label_for = dom_id.clone();
                                let when = date_time(when);
                                view! {
                                    <li class="ag-choose">
                                        <input
                                            id=dom_id
                                            type="checkbox"
                                            prop:checked=move || options.with(|o| !o.left_out.contains(&key.get_value()))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                options.update(|o| {
                                                    let id: RecordId = key.get_value();
                                                    if on { o.left_out.remove(&id); } else { o.left_out.insert(id); }
                                                })
                                            }
                                        />
                                        <label for=label_for><span class="ag-hint">{when}</span>" "{text}</label>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </Show>
                </details>
                <div class="ag-row">
                    <button type="button" class="ag-button ag-button--primary" on:click=move |ev| {
                        if let Some(button) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
                            crate::ui::kit::print::print_alone(&button);
                            sent(Way::Print);
                        }
                    }>{tr(T::share_print)}</button>
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| {
                        if files::download(&file_name("md"), "text/markdown;charset=utf-8", &markdown()) {
                            sent(Way::Download);
                            notices.say(tr(T::share_downloaded), false);
                        }
                    }>{tr(T::share_download)}</button>
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| {
                        let text = markdown();
                        leptos::task::spawn_local(async move {
                            match files::copy(&text).await {
                                Ok(()) => {
                                    sent(Way::Copy);
                                    notices.say(tr(T::share_copied), false);
                                }
                                Err(e) => notices.say(tr_with(T::share_copy_failed, &[("why", &e.to_string())]), true),
                            }
                        });
                    }>{tr(T::share_copy)}</button>
                    {can_share.then(|| view! {
                        <button type="button" class="ag-button ag-button--quiet" on:click=move |_| {
                            let (name, text) = (file_name("md"), markdown());
                            leptos::task::spawn_local(async move {
                                match files::share_file(&name, "text/markdown", &text).await {
                                    Ok(()) => sent(Way::Share),
                                    Err(e) => notices.say(tr_with(T::share_not_shared, &[("why", &e.to_string())]), false),
                                }
                            });
                        }>{tr(T::share_share)}</button>
                    })}
                </div>
            </form>
            <SharedList />
            <SummaryPreview summary=summary.into() words=words.into() />
            <DataFiles />
        </section>
    }
}
