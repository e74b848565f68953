//! Where the patient is in the app, kept in this widget's segment of the URL hash
//! (`#/journal`, see [`crate::route`]) so the back button
//! and a reload behave. Reads and sets the hash; nothing else of the page.

use crate::i18n::{tr, tr_with, T};
use crate::route;
use crate::ui::store::{use_config, use_notices};
use leptos::prelude::*;

/// The app's views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// What now: today's prompt, the session button, open steps.
    Today,
    /// The timeline of entries, with search and filters.
    Journal,
    /// Check-ins, charts and questionnaires.
    Mood,
    /// Dosing sessions.
    Sessions,
    /// The patient's plan: goals and their reviews, insights and action steps.
    Plan,
    /// The therapist summary and data files.
    Share,
    /// Storage, backups, erasing.
    Settings,
    /// The patient's safety plan: reached from "Get help now", not a tab.
    SafetyPlan,
}

impl View {
    /// Every view in the navigation, in its order.
    pub const ALL: [View; 7] =
        [View::Today, View::Journal, View::Mood, View::Sessions, View::Plan, View::Share, View::Settings];

    /// Views reached by a link of their own, not a tab.
    const LINKED: [View; 1] = [View::SafetyPlan];

    /// The views on a phone's bottom bar; the others are under its "More".
    pub const ON_BAR: [View; 4] = [View::Today, View::Journal, View::Mood, View::Plan];

    /// The name in the navigation.
    pub fn label(self) -> &'static str {
        match self {
            View::Today => tr(T::nav_today),
            View::Journal => tr(T::nav_journal),
            View::Mood => tr(T::nav_mood),
            View::Sessions => tr(T::nav_sessions),
            View::Plan => tr(T::nav_plan),
            View::Share => tr(T::nav_share),
            View::Settings => tr(T::nav_settings),
            View::SafetyPlan => tr(T::nav_safety_plan),
        }
    }

    fn slug(self) -> &'static str {
        match self {
            View::Today => "",
            View::Journal => "journal",
            View::Mood => "mood",
            View::Sessions => "sessions",
            View::Plan => "plan",
            View::Share => "share",
            View::Settings => "settings",
            View::SafetyPlan => "safety-plan",
        }
    }
}

/// One page of a widget: a view, or one of a view's own pages. The only place a widget's
/// path (`plan?goal=ID`) is parsed ([`Place::from_path`]) or written ([`Place::path`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// `#/`: Today.
    Today,
    /// `#/journal`.
    Journal,
    /// `#/journal?session=ID`: the entries about one session.
    EntriesOf(String),
    /// `#/mood`.
    Mood,
    /// `#/mood?checkin`: Mood, starting a check-in (its first control focused).
    CheckIn,
    /// `#/sessions`.
    Sessions,
    /// `#/sessions?session=ID`: one session's page (or a planned one's).
    Session(String),
    /// `#/sessions?medicines`: the patient's list of medicines.
    Medicines,
    /// `#/sessions?plan`: plan a session ahead.
    PlanSession,
    /// `#/plan`: My plan's front page.
    Plan,
    /// `#/plan?goal=ID`: one goal's page.
    Goal(String),
    /// `#/plan?review`: review every open goal.
    Review,
    /// `#/plan?well`: the plan for staying well.
    Well,
    /// `#/plan?follow-up`: the follow-up check-in.
    FollowUp,
    /// `#/share`.
    Share,
    /// `#/settings`.
    Settings,
    /// `#/safety-plan`: the patient's safety plan.
    SafetyPlan,
}

impl From<View> for Place {
    fn from(view: View) -> Place {
        match view {
            View::Today => Place::Today,
            View::Journal => Place::Journal,
            View::Mood => Place::Mood,
            View::Sessions => Place::Sessions,
            View::Plan => Place::Plan,
            View::Share => Place::Share,
            View::Settings => Place::Settings,
            View::SafetyPlan => Place::SafetyPlan,
        }
    }
}

impl Place {
    /// The view this page belongs to (its tab is the current one).
    pub fn view(&self) -> View {
        match self {
            Place::Today => View::Today,
            Place::Journal | Place::EntriesOf(_) => View::Journal,
            Place::Mood | Place::CheckIn => View::Mood,
            Place::Sessions | Place::Session(_) | Place::Medicines | Place::PlanSession => View::Sessions,
            Place::Plan | Place::Goal(_) | Place::Review | Place::Well | Place::FollowUp => View::Plan,
            Place::Share => View::Share,
            Place::Settings => View::Settings,
            Place::SafetyPlan => View::SafetyPlan,
        }
    }

    /// This page's path in the widget's hash segment (`plan?goal=ID`).
    pub fn path(&self) -> String {
        let view = self.view().slug();
        match self {
            Place::EntriesOf(id) | Place::Session(id) => format!("{view}?session={id}"),
            Place::Goal(id) => format!("{view}?goal={id}"),
            Place::CheckIn => format!("{view}?checkin"),
            Place::Medicines => format!("{view}?medicines"),
            Place::PlanSession => format!("{view}?plan"),
            Place::Review => format!("{view}?review"),
            Place::Well => format!("{view}?well"),
            Place::FollowUp => format!("{view}?follow-up"),
            _ => view.to_owned(),
        }
    }

    /// Parses a widget's path (`journal?session=x`); an unknown view is Today, and an
    /// unknown page of a known view is that view.
    pub fn from_path(path: &str) -> Place {
        let path = path.trim_start_matches('/');
        let (slug, query) = path.split_once('?').unwrap_or((path, ""));
        // `steps` is where insights and steps lived before the plan view: old links still land.
        let slug = if slug == "steps" { View::Plan.slug() } else { slug };
        let view =
            View::ALL.into_iter().chain(View::LINKED).find(|v| v.slug() == slug).unwrap_or(View::Today);
        let value = |name: &str| {
            query.split('&').find_map(|kv| kv.strip_prefix(name)?.strip_prefix('=')).map(str::to_owned)
        };
        let flag = |name: &str| query.split('&').any(|kv| kv == name);
        match view {
            View::Journal => value("session").map_or(Place::Journal, Place::EntriesOf),
            View::Mood if flag("checkin") => Place::CheckIn,
            View::Sessions => match value("session") {
                Some(id) => Place::Session(id),
                None if flag("medicines") => Place::Medicines,
                None if flag("plan") => Place::PlanSession,
                None => Place::Sessions,
            },
            View::Plan => match value("goal") {
                Some(id) => Place::Goal(id),
                None if flag("review") => Place::Review,
                None if flag("well") => Place::Well,
                // `booster` is the address it had before; a bookmark of it still opens it.
                None if flag("follow-up") || flag("booster") => Place::FollowUp,
                None => Place::Plan,
            },
            other => other.into(),
        }
    }
}

/// The current place, following `hashchange`. Provided once at the root of each widget.
#[derive(Clone, Copy)]
pub struct Location {
    /// This widget's place: its segment of the hash, parsed. Notifies only when it changes,
    /// so another widget navigating leaves this one where it is.
    place: Memo<Place>,
    /// The page's whole hash, every widget's segment (see [`crate::route`]).
    hash: ReadSignal<String>,
    /// This widget's namespace, which keys its segment.
    namespace: StoredValue<String>,
    /// The next hash change is this widget's own [`go`]: its message is about the move.
    keep_notice: StoredValue<bool>,
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Starts following the hash and provides the [`Location`].
pub fn provide_location(namespace: &str) {
    let notices = use_notices();
    let namespace = StoredValue::new(namespace.to_owned());
    let (hash, set_hash) = signal(current_hash());
    let keep_notice = StoredValue::new(false);
    let place =
        Memo::new(move |_| hash.with(|h| namespace.with_value(|ns| Place::from_path(route::path_of(h, ns)))));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let before = place.get_untracked();
        set_hash.set(current_hash());
        let ours = keep_notice.get_value();
        keep_notice.set_value(false);
        if place.get_untracked() != before && !ours {
            // A message about the view just left would be stale in the next one.
            notices.clear();
        }
    });
    on_cleanup(move || listener.remove());
    provide_context(Location { place, hash, namespace, keep_notice });
}

/// The current place.
pub fn use_location() -> Memo<Place> {
    expect_context::<Location>().place
}

/// The link (`#/journal`) to `place` in this widget, keeping every other widget's place;
/// follows the hash, for a reactive `href`.
pub fn link_to(place: Place) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let loc = expect_context::<Location>();
    let path = StoredValue::new(place.path());
    move || loc.hash.with(|h| loc.namespace.with_value(|ns| path.with_value(|p| route::with_path(h, ns, p))))
}

/// Goes to `place` in this widget (as following its link would), keeping every other
/// widget's place and the message just said (it tells the outcome of the move).
pub fn go(place: Place) {
    let href = link_to(place)();
    // No hash change (already there) would leave the flag for the patient's next move.
    expect_context::<Location>().keep_notice.set_value(href != current_hash());
    let _ = window().location().set_hash(href.trim_start_matches('#'));
}

/// The link to one view; see [`link_to`].
pub fn link(view: View) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    link_to(view.into())
}

/// The navigation between views: plain links, so touch, mouse and keyboard behave alike.
/// On a phone-width widget it gives way to [`PhoneBar`] (the stylesheet shows one of the
/// two; the hidden one is out of the accessibility tree).
#[component]
pub fn Nav() -> impl IntoView {
    let place = use_location();
    let label = use_config().dom_id("nav");
    view! {
        <nav class="ag-nav" aria-label=tr(T::nav_sections) id=label>
            <ul class="ag-nav__list">
                {View::ALL
                    .into_iter()
                    .map(|v| {
                        view! {
                            <li>
                                <a
                                    class="ag-nav__link"
                                    href=link(v)
                                    aria-current=move || (place.get().view() == v).then_some("page")
                                >
                                    {v.label()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// A phone's bar: the four views used most, and "More" for the rest (a disclosure of
/// plain links below it, closed again by a choice or Escape), in one row whatever the
/// width. It stays in the flow where the tabs are: a bar fixed to the screen's edge
/// would cover the controls beneath it (and a focused one) on a clinic's page, whose
/// scrolling is not Afterglow's to pad.
#[component]
pub fn PhoneBar() -> impl IntoView {
    let place = use_location();
    let config = use_config();
    let open = RwSignal::new(false);
    let more_button = NodeRef::<leptos::html::Button>::new();
    let panel = config.dom_id("more-views");
    let controls = panel.clone();
    let more: Vec<View> = View::ALL.into_iter().filter(|v| !View::ON_BAR.contains(v)).collect();
    let inside = {
        let more = more.clone();
        move || more.contains(&place.get().view())
    };
    let current_inside = inside.clone();
    let link_of = move |v: View| {
        view! {
            <li>
                <a
                    class="ag-bar__link"
                    href=link(v)
                    aria-current=move || (place.get().view() == v).then_some("page")
                    on:click=move |_| open.set(false)
                >
                    {v.label()}
                </a>
            </li>
        }
    };
    view! {
        <nav
            class="ag-bar"
            aria-label=tr(T::nav_sections)
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    // Focus goes back to "More" before the links it shows are hidden,
                    // never to the page's body.
                    if let Some(button) = more_button.get_untracked() {
                        let _ = button.focus();
                    }
                    open.set(false);
                }
            }
        >
            <ul class="ag-bar__list">
                {View::ON_BAR.into_iter().map(link_of).collect_view()}
                <li>
                    <button
                        type="button"
                        node_ref=more_button
                        class="ag-bar__link ag-bar__more"
                        class:ag-bar__more--current=current_inside
                        aria-expanded=move || open.get().to_string()
                        aria-controls=controls
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        {tr(T::nav_more)}
                        <span class="ag-visually-hidden">{move || if inside() { tr_with(T::nav_more_now, &[("view", place.get().view().label())]) } else { String::new() }}</span>
                    </button>
                </li>
            </ul>
            // After "More" in the tab order and on screen.
            <ul class="ag-bar__more-list" id=panel hidden=move || !open.get()>
                {more.into_iter().map(link_of).collect_view()}
            </ul>
        </nav>
    }
}
