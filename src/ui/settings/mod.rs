//! Settings: how much room the journal takes, whether the browser has promised to keep
//! it, backups, and erasing everything (guarded by typing a word).

mod language;

use crate::domain::number::fixed;
use crate::domain::Theme;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::show::Show;
use crate::ui::shell::nav::{link, View};
use crate::ui::store::care::{Kept, QUOTA_UNITS};
use crate::ui::store::{use_care, use_config, use_store};
use leptos::prelude::*;

/// The settings view.
#[component]
pub fn SettingsView() -> impl IntoView {
    let store = use_store();
    let care = use_care();
    let config = use_config();
    let lock = crate::ui::lock::use_lock();
    let journal = store.journal();
    // Measuring reads every stored value (tens of milliseconds for a decade): after the
    // view's first paint, showing the figure from start-up until then.
    store.after_paint(move || care.measure_usage());
    care.check_persistence(false);
    let usage = care.usage();
    let kept = care.kept();
    let typed = RwSignal::new(String::new());
    let confirm_id = config.dom_id("erase-confirm");
    let confirm_for = confirm_id.clone();
    let meter_id = config.dom_id("usage-meter");
    let meter_for = meter_id.clone();
    let percent = move || {
        usage.get().map(|(_, site)| (site as f64 / QUOTA_UNITS as f64 * 100.0).min(100.0)).unwrap_or(0.0)
    };
    // The word typed to confirm erasing, in the language shown.
    let confirm = tr(T::settings_erase_word);
    let last_backup = move || {
        journal.with(|j| match j.last_backup {
            None => tr(T::settings_no_backup_yet).to_owned(),
            Some(t) => {
                let days = (crate::ui::store::now() - t).num_days();
                match days {
                    0 => tr(T::settings_backup_today).to_owned(),
                    1 => tr(T::settings_backup_yesterday).to_owned(),
                    d => tr_with(T::settings_backup_days_ago, &[("days", &d.to_string())]),
                }
            }
        })
    };
    view! {
        <section class="ag-section" aria-label=tr(T::nav_settings)>
            <section class="ag-card" aria-label=tr(T::settings_storage_region)>
                <h2 class="ag-h2">{tr(T::settings_storage_heading)}</h2>
                <label class="ag-label" for=meter_for>
                    {move || match usage.get() {
                        Some((ours, _)) => tr_with(
                            T::settings_storage_use,
                            &[
                                ("mb", &fixed(ours as f64 * 2.0 / 1_048_576.0, 2).to_string()),
                                ("percent", &fixed(percent(), 0).to_string()),
                            ],
                        ),
                        None => tr(T::settings_storage_unmeasured).to_owned(),
                    }}
                </label>
                <meter id=meter_id class="ag-meter" min="0" max="100" low="60" high="80" optimum="0" value=move || fixed(percent(), 1).to_string()></meter>
                <p class="ag-hint">{tr(T::settings_storage_hint)}</p>
                <p>
                    {move || match kept.get() {
                        Kept::Persistent => tr(T::settings_kept_persistent),
                        Kept::MayBeCleared => tr(T::settings_kept_may_clear),
                        Kept::Unknown => tr(T::settings_kept_unknown),
                    }}
                </p>
                <Show when=move || kept.get() == Kept::MayBeCleared>
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| care.check_persistence(true)>
                        {tr(T::settings_ask_to_keep)}
                    </button>
                </Show>
            </section>
            <fieldset class="ag-card ag-fieldset ag-fieldset--card">
                <legend class="ag-h2">{tr(T::settings_appearance)}</legend>
                <div class="ag-options">
                    {[(Theme::Auto, "auto", T::settings_theme_auto), (Theme::Light, "light", T::settings_theme_light), (Theme::Dark, "dark", T::settings_theme_dark)]
                        .into_iter()
                        .map(|(t, name, label)| {
                            let label = tr(label);
                            let id = config.dom_id(&format!("theme-{name}"));
                            let label_for = id.clone();
                            view! {
                                <label class="ag-option" for=label_for>
                                    <input
                                        id=id
                                        type="radio"
                                        name=config.dom_id("theme")
                                        prop:checked=move || journal.with(|j| j.theme == t)
                                        on:change=move |_| care.set_theme(t)
                                    />
                                    {label}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <language::LanguageCard />
            <HomeScreen />
            <crate::ui::lock::settings::LockSettings />
            <crate::ui::reminders::CalendarReminders />
            <section class="ag-card" aria-label=tr(T::settings_backups)>
                <h2 class="ag-h2">{tr(T::settings_backups)}</h2>
                <p>{last_backup}</p>
                <p class="ag-hint">{tr_with(T::settings_backup_reminds, &[("days", &config.backup_days().to_string())])}</p>
                <a class="ag-link" href=link(View::Share)>{tr(T::settings_backup_under_share)}</a>
            </section>
            <section class="ag-card ag-danger" aria-label=tr(T::settings_erase)>
                <h2 class="ag-h2">{tr(T::settings_erase)}</h2>
                <p>{tr(T::settings_erase_what)}</p>
                <div class="ag-field">
                    <label class="ag-label" for=confirm_for>{tr_with(T::settings_erase_confirm, &[("word", confirm)])}</label>
                    <input id=confirm_id class="ag-input ag-input--short" type="text" autocomplete="off" prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                </div>
                <button
                    type="button"
                    class="ag-button ag-button--danger"
                    disabled=move || typed.get().trim() != confirm
                    on:click=move |_| {
                        if care.erase_everything() {
                            typed.set(String::new());
                            // The lock's record went with everything else.
                            lock.erased();
                        }
                    }
                >
                    {tr(T::settings_erase)}
                </button>
            </section>
        </section>
    }
}

/// How to add the journal to the home screen, and why: it opens with no connection, and
/// Safari keeps a home-screen app's storage (it clears a site's after 7 days unvisited).
#[component]
fn HomeScreen() -> impl IntoView {
    let installed =
        window().match_media("(display-mode: standalone)").ok().flatten().is_some_and(|m| m.matches());
    view! {
        <section class="ag-card" aria-label=tr(T::settings_home)>
            <h2 class="ag-h2">{tr(T::settings_home)}</h2>
            {if installed {
                view! { <p>{tr(T::settings_home_installed)}</p> }.into_any()
            } else {
                view! {
                    <p>{tr(T::settings_home_why)}</p>
                    <ul>
                        <li>{tr(T::settings_home_ios)}</li>
                        <li>{tr(T::settings_home_android)}</li>
                        <li>{tr(T::settings_home_computer)}</li>
                    </ul>
                    <p class="ag-hint">{tr(T::settings_home_own_page)}</p>
                }.into_any()
            }}
        </section>
    }
}
