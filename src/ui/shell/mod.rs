//! The root component: checks the configuration, asks the lock's gate whether the journal
//! is locked, then either shows the lock screen or opens the store and lays out the chrome
//! (header, banners, navigation, live region) and the current view.

pub mod banner;
pub mod crisis;
pub mod frame;
pub mod lang;
pub mod mount;
pub mod nav;
pub mod notice;
pub mod page;
pub mod parts;
pub mod perf;

use crate::config::RawConfig;
use crate::domain::Theme;
use crate::i18n::{tr, tr_with, T};
use crate::ui::lock::screen::LockButton;
use crate::ui::lock::Lock;
use crate::ui::shell::banner::{ConfigNotice, StorageBannerSlot};
use crate::ui::shell::crisis::CrisisButton;
use crate::ui::shell::nav::{provide_location, use_location, Nav, PhoneBar, Place, View};
use crate::ui::shell::notice::LiveRegion;
use crate::ui::shell::parts::{Part, PartView};
use crate::ui::store::config::provide_config;
use crate::ui::store::{provide_store, JournalStore};
use crate::ui::store::{use_store, Care, Notices};
use crate::ui::today::TodayView;
use leptos::prelude::*;

/// Afterglow, mounted into one host element.
#[component]
pub fn App(
    /// Configuration as read from the host element.
    raw: RawConfig,
) -> impl IntoView {
    // The session day's part of the clinic's JSON is checked when a view first asks.
    let (config, mut problems) = raw.validate_first();
    crate::ui::store::config::warn_problems(&problems);
    // Unknown data-* attributes may be the host framework's own (Vue's data-v-…): the
    // console names them, the widget does not.
    problems.retain(|p| p.attribute != "data-*");
    let properties = config.look.custom_properties();
    let root = NodeRef::<leptos::html::Div>::new();
    root.on_load(move |el| {
        let style = web_sys::HtmlElement::style(&el);
        for (name, value) in &properties {
            // CSSOM, not a style attribute: allowed under `style-src 'self'`.
            let _ = style.set_property(name, value);
        }
    });
    let clinic = config.clinic.clone();
    let namespace = config.namespace.clone();
    let privacy = match &clinic {
        Some(name) => tr_with(T::shell_privacy_clinic, &[("clinic", name)]),
        None => tr(T::shell_privacy).to_owned(),
    };
    let config = provide_config(config);
    let notices = Notices::new();
    provide_context(notices);
    provide_location(namespace.as_str());
    // The gate: a locked journal shows only the lock screen until it is unlocked.
    let lock = Lock::provide(config);
    let closed = Memo::new(move |_| lock.is_closed());
    // The header (outside the journal's component) reads the store through this while
    // the journal is open: the crisis panel's line about the safety plan.
    let open_journal = OpenJournal(RwSignal::new_local(None));
    provide_context(open_journal);
    let theme = RwSignal::new(config.with(|c| c.theme));
    view! {
        <div
            class="ag-app"
            lang=crate::i18n::lang().code()
            node_ref=root
            class:ag-app--light=move || theme.get() == Theme::Light
            class:ag-app--dark=move || theme.get() == Theme::Dark
        >
            <header class="ag-header">
                <p class="ag-brand">
                    "Afterglow"
                    {clinic.map(|name| view! { <span class="ag-brand__clinic">" · " {name}</span> })}
                </p>
                <p class="ag-privacy">{privacy}</p>
                <LockButton />
                <CrisisButton />
            </header>
            <ConfigNotice problems=problems />
            {lang::failed().then(|| view! { <p class="ag-banner" role="status" lang="en">{tr(T::shell_lang_failed)}</p> })}
            {move || if closed.get() {
                view! { <PartView part=Part::Unlock /> }.into_any()
            } else {
                view! { <Journal theme=theme /> }.into_any()
            }}
        </div>
    }
}

/// The journal's store while it is open (none while locked), for the chrome around it.
#[derive(Clone, Copy)]
pub struct OpenJournal(pub RwSignal<Option<JournalStore>, LocalStorage>);

/// The journal, open: read through the gate's storage, with its navigation and views.
/// Locking unmounts it, and with it everything read from the journal.
#[component]
fn Journal(
    /// The colour scheme the patient chose, set on the app's root.
    theme: RwSignal<Theme>,
) -> impl IntoView {
    let config = crate::ui::store::use_config();
    let notices = crate::ui::store::use_notices();
    let lock = crate::ui::lock::use_lock();
    let store = JournalStore::open(config, notices, lock.storage());
    store.follow_other_tabs();
    let care = Care::provide(store);
    // Measuring the storage and asking to keep it wait for the archive's work of this
    // visit, and come with its chunk: if that chunk never came, the journal says so and
    // the 80% warning waits for the next visit (Settings measures on its own).
    store.when_archive_settled(move || {
        let _ = crate::ui::shell::parts::care_settled(care);
    });
    // Older months are read once the first screen is painted (and folded after that).
    store.after_paint(move || store.open_archive());
    provide_store(store);
    if let Some(open) = use_context::<OpenJournal>() {
        open.0.set(Some(store));
        on_cleanup(move || {
            let _ = open.0.try_set(None);
        });
    }
    let place = use_location();
    let view = Memo::new(move |_| place.with(|p| p.view()));
    // A session's page, a planned session and the medicines are the session-day chunk's.
    let session_page = Memo::new(move |_| {
        place.with(|p| matches!(p, Place::Session(_) | Place::Medicines | Place::PlanSession))
    });
    let journal = use_store().journal();
    Effect::new(move |_| theme.set(journal.with(|j| j.theme)));
    if lock.take_unlocking() {
        perf::end("ag:unlock");
    }
    view! {
        <StorageBannerSlot />
        <Nav />
        <PhoneBar />
        <LiveRegion />
        <div class="ag-view">
            {move || match view.get() {
                View::Today => TodayView().into_any(),
                View::Journal => view! { <PartView part=Part::Journal /> }.into_any(),
                View::Mood => view! { <PartView part=Part::Mood /> }.into_any(),
                View::Sessions if session_page.get() => view! { <PartView part=Part::SessionDay /> }.into_any(),
                View::Sessions => view! { <PartView part=Part::Sessions /> }.into_any(),
                View::Plan => view! { <PartView part=Part::Plan /> }.into_any(),
                View::Share => view! { <PartView part=Part::Share /> }.into_any(),
                View::Settings => view! { <PartView part=Part::Settings /> }.into_any(),
                View::SafetyPlan => view! { <PartView part=Part::SafetyPlan /> }.into_any(),
            }}
        </div>
    }
}
