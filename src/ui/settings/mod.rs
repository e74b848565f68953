//! Settings: how much room the journal takes, whether the browser has promised to keep
//! it, backups, and erasing everything (guarded by typing a word).

mod language;

use crate::domain::number::fixed;
use crate::domain::Theme;
use crate::ui::shell::nav::{link, View};
use crate::ui::store::care::{Kept, QUOTA_UNITS};
use crate::ui::store::{use_care, use_config, use_store};
use leptos::prelude::*;

/// The word typed to confirm erasing.
const CONFIRM: &str = "ERASE";

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
    request_animation_frame(move || set_timeout(move || care.measure_usage(), std::time::Duration::ZERO));
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
    let last_backup = move || {
        journal.with(|j| match j.last_backup {
            None => "You have not downloaded a backup yet.".to_owned(),
            Some(t) => {
                let days = (crate::ui::store::now() - t).num_days();
                match days {
                    0 => "Your last backup was today.".to_owned(),
                    1 => "Your last backup was yesterday.".to_owned(),
                    d => format!("Your last backup was {d} days ago."),
                }
            }
        })
    };
    view! {
        <section class="ag-section" aria-label="Settings">
            <section class="ag-card" aria-label="Storage">
                <h2 class="ag-h2">"Storage on this device"</h2>
                <label class="ag-label" for=meter_for>
                    {move || match usage.get() {
                        Some((ours, _)) => format!(
                            "Your journal uses {} MB. This site's storage (about 5 MB) is {}% full.",
                            fixed(ours as f64 * 2.0 / 1_048_576.0, 2),
                            fixed(percent(), 0)
                        ),
                        None => "Storage use could not be measured here.".to_owned(),
                    }}
                </label>
                <meter id=meter_id class="ag-meter" min="0" max="100" low="60" high="80" optimum="0" value=move || fixed(percent(), 1).to_string()></meter>
                <p class="ag-hint">"Browsers give each site a few megabytes. Ten years of daily writing takes about 4 MB here."</p>
                <p>
                    {move || match kept.get() {
                        Kept::Persistent => "Your browser has agreed to keep this journal even when space runs low.",
                        Kept::MayBeCleared => "Your browser may clear this journal when space runs low, or (Safari) after 7 days without a visit. Backups protect you.",
                        Kept::Unknown => "This browser does not say whether it will keep the journal. Backups protect you.",
                    }}
                </p>
                <Show when=move || kept.get() == Kept::MayBeCleared>
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| care.check_persistence(true)>
                        "Ask the browser to keep it"
                    </button>
                </Show>
            </section>
            <fieldset class="ag-card ag-fieldset ag-fieldset--card">
                <legend class="ag-h2">"Appearance"</legend>
                <div class="ag-options">
                    {[(Theme::Auto, "As this device is set"), (Theme::Light, "Light"), (Theme::Dark, "Dark")]
                        .into_iter()
                        .map(|(t, label)| {
                            let id = config.dom_id(&format!("theme-{label}").replace(' ', "-").to_lowercase());
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
            <section class="ag-card" aria-label="Backups">
                <h2 class="ag-h2">"Backups"</h2>
                <p>{last_backup}</p>
                <p class="ag-hint">{format!("Afterglow reminds you when your last backup is more than {} days old.", config.backup_days())}</p>
                <a class="ag-link" href=link(View::Share)>"Download a backup under Share"</a>
            </section>
            <section class="ag-card ag-danger" aria-label="Erase everything">
                <h2 class="ag-h2">"Erase everything"</h2>
                <p>"This removes your whole journal from this browser: entries, sessions, check-ins, everything. It cannot be undone. Download a backup first if you may want it again."</p>
                <div class="ag-field">
                    <label class="ag-label" for=confirm_for>{format!("To confirm, type {CONFIRM}")}</label>
                    <input id=confirm_id class="ag-input ag-input--short" type="text" autocomplete="off" prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                </div>
                <button
                    type="button"
                    class="ag-button ag-button--danger"
                    disabled=move || typed.get().trim() != CONFIRM
                    on:click=move |_| {
                        if care.erase_everything() {
                            typed.set(String::new());
                            // The lock's record went with everything else.
                            lock.erased();
                        }
                    }
                >
                    "Erase everything"
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
        <section class="ag-card" aria-label="On your home screen">
            <h2 class="ag-h2">"On your home screen"</h2>
            {if installed {
                view! { <p>"You are using Afterglow from your home screen. It opens without a connection."</p> }.into_any()
            } else {
                view! {
                    <p>"Add Afterglow to your home screen and it opens like an app, even with no connection. On an iPhone or iPad it also protects your journal: Safari clears what a website keeps after 7 days without a visit, but not for an app on the home screen."</p>
                    <ul>
                        <li>"iPhone or iPad (Safari): the Share button, then \"Add to Home Screen\"."</li>
                        <li>"Android (Chrome): the ⋮ menu, then \"Add to Home screen\" or \"Install app\"."</li>
                        <li>"Computer (Chrome or Edge): the install button in the address bar, or the menu, then \"Install Afterglow\"."</li>
                    </ul>
                    <p class="ag-hint">"This works on Afterglow's own page. If you use Afterglow inside your clinic's website, ask your clinic for the address of Afterglow's own page. Your journal stays on this device either way."</p>
                }.into_any()
            }}
        </section>
    }
}
