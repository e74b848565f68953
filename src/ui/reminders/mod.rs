//! "Reminders in your calendar" (issue 36), in Settings: a gentle check-in on chosen days,
//! the evening before and some days after each planned session, downloaded as one
//! calendar file (`export::ics`) that the patient's own calendar imports and keeps. No
//! account, nothing sent by Afterglow. The words are neutral and can be changed; the card
//! says why, and names any word that would tell a lock screen what they are for.
//!
//! Must never count missed days or make a streak, and never put a word of the journal in
//! the file but the reminders' own.

mod zone;

use crate::domain::reminders::{reminders, telling_words, Choice, Words};
use crate::export::ics;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::fields::TextField;
use crate::ui::kit::files;
use crate::ui::store::{now, use_config, use_notices, use_store};
use chrono::{NaiveTime, Weekday};
use leptos::prelude::*;

/// A reminder's words: a calendar title, short.
const WORDS_MAX: usize = 80;

const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "monday"),
    (Weekday::Tue, "tuesday"),
    (Weekday::Wed, "wednesday"),
    (Weekday::Thu, "thursday"),
    (Weekday::Fri, "friday"),
    (Weekday::Sat, "saturday"),
    (Weekday::Sun, "sunday"),
];

/// A time field's `HH:MM` (read by hand: chrono's parser is large for one shape).
fn time_of(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.split_once(':')?;
    NaiveTime::from_hms_opt(h.parse().ok()?, m.get(..2)?.parse().ok()?, 0)
}

/// A checkbox and its label.
#[component]
fn Tick(label: &'static str, name: String, on: RwSignal<bool>) -> impl IntoView {
    let label_for = name.clone();
    view! {
        <label class="ag-option" for=label_for>
            <input id=name type="checkbox" prop:checked=move || on.get() on:change=move |ev| on.set(event_target_checked(&ev)) />
            {label}
        </label>
    }
}

/// A time field (`HH:MM`) and its label.
#[component]
fn TimeField(label: &'static str, name: String, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="ag-field">
            <label class="ag-label" for=name.clone()>{label}</label>
            <input
                id=name
                class="ag-input"
                type="time"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// The reminders' card in Settings.
#[component]
pub fn CalendarReminders() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let id = move |name: &str| config.dom_id(&format!("reminders-{name}"));
    let defaults = Words::default();
    let check_in = RwSignal::new(true);
    let days = RwSignal::new(DAYS.iter().map(|(d, _)| *d).collect::<Vec<_>>());
    let check_in_at = RwSignal::new("20:00".to_owned());
    let before = RwSignal::new(true);
    let before_at = RwSignal::new("19:00".to_owned());
    let after = RwSignal::new(true);
    let after_days = RwSignal::new(3u32);
    let words = [defaults.check_in, defaults.before, defaults.after].map(RwSignal::new);
    let telling = move || {
        let all = words.iter().map(|w| w.get()).collect::<Vec<_>>().join(" ");
        telling_words(&all)
    };
    let download = move |_| {
        let [w_check_in, w_before, w_after] = words.map(|w| w.get_untracked());
        let choice = Choice {
            check_in: check_in
                .get_untracked()
                .then(|| time_of(&check_in_at.get_untracked()).map(|t| (days.get_untracked(), t)))
                .flatten()
                .filter(|(d, _)| !d.is_empty()),
            before: before.get_untracked().then(|| time_of(&before_at.get_untracked())).flatten(),
            after_days: after.get_untracked().then(|| after_days.get_untracked()),
            words: Words { check_in: w_check_in, before: w_before, after: w_after },
        };
        let at = now();
        let sessions: Vec<_> = store.journal().with_untracked(|j| {
            j.session_days()
                .iter()
                .filter(|s| s.at > at)
                .map(|s| (s.id.to_string(), s.at.with_timezone(&chrono::Local).naive_local()))
                .collect()
        });
        let list = reminders(&choice, &sessions, at.with_timezone(&chrono::Local).naive_local());
        if list.is_empty() {
            notices.say(tr(T::reminders_nothing), true);
            return;
        }
        let text = ics::reminders(&zone::current(at), &list, config.namespace().as_str(), at);
        if files::download("afterglow-reminders.ics", "text/calendar;charset=utf-8", &text) {
            notices.say(
                crate::i18n::tr_count(list.len(), T::reminders_done_one, T::reminders_done_other),
                false,
            );
        }
    };
    view! {
        <section class="ag-card" aria-label=tr(T::reminders_heading)>
            <h2 class="ag-h2">{tr(T::reminders_heading)}</h2>
            <p>{tr(T::reminders_about)}</p>
            <fieldset class="ag-fieldset">
                <legend class="ag-label">{tr(T::reminders_remind_me)}</legend>
                <Tick label=tr(T::reminders_check_in) name=id("check-in") on=check_in />
                <div class="ag-options" hidden=move || !check_in.get()>
                    {DAYS.into_iter().map(|(day, name)| {
                        let on = RwSignal::new(true);
                        Effect::new(move |_| {
                            let ticked = on.get();
                            days.update(|d| {
                                d.retain(|x| *x != day);
                                if ticked {
                                    d.push(day);
                                }
                            });
                        });
                        view! { <Tick label=weekday_name(day) name=id(name) on=on /> }
                    }).collect_view()}
                </div>
                <div hidden=move || !check_in.get()>
                    <TimeField label=tr(T::reminders_check_in_at) name=id("check-in-at") value=check_in_at />
                </div>
                <Tick label=tr(T::reminders_before) name=id("before") on=before />
                <div hidden=move || !before.get()>
                    <TimeField label=tr(T::reminders_before_at) name=id("before-at") value=before_at />
                </div>
                <Tick label=tr(T::reminders_after) name=id("after") on=after />
                <div class="ag-field" hidden=move || !after.get()>
                    <label class="ag-label" for=id("after-days")>{tr(T::reminders_days_after)}</label>
                    <select id=id("after-days") class="ag-input ag-input--short" on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse() {
                            after_days.set(n);
                        }
                    }>
                        {(1..=7u32).map(|n| view! { <option value=n.to_string() selected=n == 3>{n.to_string()}</option> }).collect_view()}
                    </select>
                </div>
            </fieldset>
            <details class="ag-disclosure">
                <summary class="ag-disclosure__summary">{tr(T::reminders_change_words)}</summary>
                <p class="ag-hint">{tr(T::reminders_words_hint)}</p>
                <TextField label=tr(T::reminders_words_check_in) id=id("words-check-in") maxlength=WORDS_MAX value=words[0] />
                <TextField label=tr(T::reminders_words_before) id=id("words-before") maxlength=WORDS_MAX value=words[1] />
                <TextField label=tr(T::reminders_words_after) id=id("words-after") maxlength=WORDS_MAX value=words[2] />
            </details>
            {move || {
                let found = telling();
                (!found.is_empty()).then(|| view! {
                    <p class="ag-hint" role="status">{tr_with(T::reminders_telling, &[("words", &found.join(", "))])}</p>
                })
            }}
            <button type="button" class="ag-button" on:click=download>{tr(T::reminders_download)}</button>
        </section>
    }
}

/// A weekday's name in the language shown.
fn weekday_name(day: Weekday) -> &'static str {
    tr(match day {
        Weekday::Mon => T::weekday_mon,
        Weekday::Tue => T::weekday_tue,
        Weekday::Wed => T::weekday_wed,
        Weekday::Thu => T::weekday_thu,
        Weekday::Fri => T::weekday_fri,
        Weekday::Sat => T::weekday_sat,
        Weekday::Sun => T::weekday_sun,
    })
}
