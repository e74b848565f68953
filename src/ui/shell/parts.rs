//! The views that load as their own WebAssembly chunk, and the one fixed prefetch that
//! brings them all in.
//!
//! In a release build each [`Part`] is a split point: `wasm-split-cli` (see
//! `.ci/split.mjs`) moves the code only that view reaches into its own `.wasm` file.
//! Right after the first screen has rendered, [`prefetch`] fetches every chunk, issued
//! in [`Part::ALL`]'s order, whatever the patient does; a view opened earlier waits
//! until its chunk has come in that way. So every visit makes the same requests in the same
//! order, and none follows the prefetch: the network never learns which views a patient
//! opens. A chunk that cannot be fetched (the connection dropped after the first screen)
//! shows a plain message with a retry, never a blank view.
//!
//! Debug builds (`trunk serve`, the wasm-bindgen tests) and the setup page's preview (the
//! `setup-page` feature) are not split: there a part is an ordinary function and counts as
//! loaded from the start.
//!
//! Must never fetch a chunk on demand (only the prefetch does, and a retry after a
//! failure), and never let a view's code be called before its chunk has loaded.

use crate::ui::shell::perf;
use leptos::prelude::*;
use std::cell::RefCell;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// The error a part's loader gives when its chunk could not be fetched or instantiated.
#[cfg(not(any(debug_assertions, feature = "setup-page")))]
pub type LoadError = leptos::wasm_split::SplitLoaderError;
#[cfg(any(debug_assertions, feature = "setup-page"))]
#[derive(Debug)]
pub struct LoadError;

/// Declares the parts: one split point (release) or plain function (debug) per view.
macro_rules! parts {
    ($( $part:ident => $module:ident: $split:ident, $preload:ident, $view:path; )*) => {
        /// A view that lives in its own chunk.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Part { $( $part, )* }

        impl Part {
            /// Every part, in the one order the prefetch fetches them.
            pub const ALL: &'static [Part] = &[ $( Part::$part, )* ];

            fn index(self) -> usize {
                self as usize
            }

            /// The chunk this part lives in: the parts of one chunk load, or fail, together.
            fn chunk(self) -> &'static str {
                match self { $( Part::$part => stringify!($module), )* }
            }

            /// Fetches and instantiates this part's chunk (once; a failure is not cached).
            async fn preload(self) -> Result<(), LoadError> {
                match self { $( Part::$part => splits::$preload().await, )* }
            }

            /// The view, if its chunk has loaded (a loaded part's split function is
            /// ready on its first poll); `None` before.
            pub fn view_now(self) -> Option<Result<AnyView, LoadError>> {
                match self { $( Part::$part => now(splits::$split()), )* }
            }
        }

        #[cfg(not(any(debug_assertions, feature = "setup-page")))]
        mod splits {
            use super::*;
            $(
                #[leptos::wasm_split::wasm_split(
                    $module,
                    wasm_split_path = ::leptos::wasm_split,
                    fallible,
                    preload($preload)
                )]
                pub fn $split() -> Result<AnyView, LoadError> {
                    Ok($view().into_any())
                }
            )*
        }

        #[cfg(any(debug_assertions, feature = "setup-page"))]
        mod splits {
            use super::*;
            $(
                pub async fn $preload() -> Result<(), LoadError> {
                    Ok(())
                }
                pub async fn $split() -> Result<AnyView, LoadError> {
                    Ok($view().into_any())
                }
            )*
        }
    };
}

parts! {
    // Parts that open together share a chunk (the module name before the colon):
    // every chunk is fetched by every visit, so each one more is a request more, and
    // views in separate chunks make wasm-split add a chunk for every set of them that
    // shares code. Today's cards and the composer's goal picker appear together on the
    // first screen; My plan shows goals, the plan for staying well and the follow-up
    // check-in, and links the safety plan; Share and Settings (the backup's two ends) are
    // views too: in a chunk of their own they cost 20.8 KiB brotli more over all files
    // (one chunk compresses better than two, and wasm-split adds a chunk for the code the
    // two share) and one request more, for a Share that opened sooner on a slow network.
    // The banner about the journal's storage is Today's too: rarely shown, and the first
    // screen is what every start waits on (its short form stays there, see
    // `banner::StorageBannerSlot`).
    StorageBanner => today_part: storage_banner_part, preload_storage_banner, crate::ui::shell::banner::StorageBanner;
    TodayReminders => today_part: today_reminders_part, preload_today_reminders, crate::ui::today::reminders::Reminders;
    TodaySessionDay => today_part: today_session_day_part, preload_today_session_day, crate::ui::session_day::today::TodayCard;
    TodayStayingWell => today_part: today_staying_well_part, preload_today_staying_well, crate::ui::staying_well::today::TodayStayingWell;
    TodayGoals => today_part: today_goals_part, preload_today_goals, crate::ui::goals::today::TodayGoals;
    ComposerGoal => today_part: composer_goal_part, preload_composer_goal, crate::ui::goals::picker::ComposerGoal;
    TodaySteps => today_part: today_steps_part, preload_today_steps, crate::ui::steps::items::TodaySteps;
    Journal => views_part: journal_view_part, preload_journal, crate::ui::journal::JournalView;
    Sessions => views_part: sessions_view_part, preload_sessions, crate::ui::sessions::SessionsView;
    SessionDay => views_part: session_day_part, preload_session_day, crate::ui::session_day::SessionDayView;
    Mood => views_part: mood_view_part, preload_mood, crate::ui::mood::MoodView;
    Plan => views_part: plan_view_part, preload_plan, crate::ui::my_plan::PlanView;
    Goals => views_part: goals_part, preload_goals, crate::ui::goals::GoalsView;
    StayingWellPlan => views_part: staying_well_part, preload_staying_well, crate::ui::staying_well::StayingWellPlanView;
    FollowUp => views_part: follow_up_part, preload_follow_up, crate::ui::follow_up::FollowUpView;
    SafetyPlan => views_part: safety_plan_part, preload_safety_plan, crate::ui::safety_plan::SafetyPlanView;
    Share => views_part: share_view_part, preload_share, crate::ui::share::ShareView;
    Settings => views_part: settings_part, preload_settings, crate::ui::settings::SettingsView;
    // The lock screen lives with the cipher it unlocks with: a locked start waits for
    // that chunk to unlock anyway, so the first screen carries neither.
    Unlock => lock_part: unlock_part, preload_unlock, crate::ui::lock::screen::LockScreen;
}

/// Declares steps: functions that live in chunk `$chunk` (a split point each, in a
/// release build) and are one synchronous call once it is in (a step's future is ready on
/// its first poll); before that a step answers `None`. `$all` loads the chunk for every
/// step: each split function keeps its own loader state (the chunk itself is fetched
/// once), and a step is only ready on its first poll once its own loader has completed.
macro_rules! split_steps {
    ($chunk:ident, $module:ident, $all:ident; $( $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty, preload $preload:ident $body:block )*) => {
        #[cfg(not(any(debug_assertions, feature = "setup-page")))]
        mod $module {
            use super::*;
            use $crate::ui::shell::parts::LoadError;
            $(
                #[leptos::wasm_split::wasm_split(
                    $chunk,
                    wasm_split_path = ::leptos::wasm_split,
                    fallible,
                    preload($preload)
                )]
                pub fn $name($($arg: $ty),*) -> Result<$out, LoadError> {
                    Ok($body)
                }
            )*
        }

        #[cfg(any(debug_assertions, feature = "setup-page"))]
        mod $module {
            use super::*;
            use $crate::ui::shell::parts::LoadError;
            $(
                pub async fn $name($($arg: $ty),*) -> Result<$out, LoadError> {
                    Ok($body)
                }
                pub async fn $preload() -> Result<(), LoadError> {
                    Ok(())
                }
            )*
        }

        $(
            $(#[$doc])*
            pub fn $name($($arg: $ty),*) -> Option<$out> {
                $crate::ui::shell::parts::now($module::$name($($arg),*)).and_then(Result::ok)
            }
        )*

        /// Loads the chunk for every step.
        pub(crate) async fn $all() -> Result<(), $crate::ui::shell::parts::LoadError> {
            $( $module::$preload().await?; )*
            Ok(())
        }
    };
}
pub(crate) use split_steps;

mod archive_steps;
mod views_steps;
pub use archive_steps::{
    archive_loaded, care_settled, fold_month, follow_change, month_changed, months_to_fold, open_months,
    read_archive, read_later, take_over_tabs,
};
pub use views_steps::undo_together;
mod view;
pub use view::{PartSlot, PartView};

/// Where a part's chunk stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Not yet reached by the prefetch (or being fetched).
    Waiting,
    /// In: the part's code can be called.
    Loaded,
    /// Could not be fetched or instantiated (a retry may still bring it).
    Failed,
}

type Listener = Box<dyn FnOnce(Status)>;

thread_local! {
    static STATUS: RefCell<Vec<Status>> = RefCell::new(vec![Status::Waiting; Part::ALL.len()]);
    static LISTENERS: RefCell<Vec<(Part, Listener)>> = const { RefCell::new(Vec::new()) };
    static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static PREFETCHED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static AFTER_PREFETCH: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `work` once every part has settled (at once if they have): background work
/// waits until the chunks are in, so it does not compete with instantiating them.
pub fn after_prefetch(work: impl FnOnce() + 'static) {
    if PREFETCHED.with(|p| p.get()) {
        work();
    } else {
        AFTER_PREFETCH.with(|a| a.borrow_mut().push(Box::new(work)));
    }
}

fn status(part: Part) -> Status {
    STATUS.with(|s| s.borrow().get(part.index()).copied().unwrap_or(Status::Waiting))
}

fn settle(part: Part, status: Status) {
    STATUS.with(|s| {
        if let Some(slot) = s.borrow_mut().get_mut(part.index()) {
            *slot = status;
        }
    });
    let ready: Vec<Listener> = LISTENERS.with(|l| {
        let (mine, others): (Vec<_>, Vec<_>) =
            std::mem::take(&mut *l.borrow_mut()).into_iter().partition(|(p, _)| *p == part);
        *l.borrow_mut() = others;
        mine.into_iter().map(|(_, f)| f).collect()
    });
    for tell in ready {
        tell(status);
    }
}

/// Fetches every part's chunk, once a page however many widgets it holds. All fetches
/// start together, issued in [`Part::ALL`]'s order (the tasks are first polled in the
/// order they are spawned, and each issues its fetches as it is first polled), so the
/// requests and their order are the same on every visit. Marks `ag:prefetched` once
/// every part has settled.
pub fn prefetch() {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    // Every view, the archive's chunk (first: older entries are read once it is in), the
    // lock's (second: a locked start waits for it to unlock) and the views chunk's steps.
    let left = std::rc::Rc::new(std::cell::Cell::new(Part::ALL.len() + 3));
    let done = |left: &std::cell::Cell<usize>| {
        left.set(left.get() - 1);
        if left.get() == 0 {
            perf::mark("ag:prefetched");
            PREFETCHED.with(|p| p.set(true));
            for work in AFTER_PREFETCH.with(|a| std::mem::take(&mut *a.borrow_mut())) {
                work();
            }
        }
    };
    {
        let left = left.clone();
        leptos::task::spawn_local(async move {
            let _ = archive_steps::preload_steps().await;
            done(&left);
        });
    }
    {
        let left = left.clone();
        leptos::task::spawn_local(async move {
            let _ = crate::ui::lock::steps::preload_lock().await;
            done(&left);
        });
    }
    for &part in Part::ALL {
        let left = left.clone();
        leptos::task::spawn_local(async move {
            let loaded = part.preload().await.is_ok();
            settle(part, if loaded { Status::Loaded } else { Status::Failed });
            done(&left);
        });
    }
    // The views chunk's own steps: spawned after every part, so their loader finds the
    // chunk's fetch already issued (no request of its own, none out of order).
    leptos::task::spawn_local(async move {
        let _ = views_steps::preload_views_steps().await;
        done(&left);
    });
}

/// Polls `future` once: its output if it is already done (a loaded part's view is).
pub fn now<F: Future>(future: F) -> Option<F::Output> {
    let mut future = pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => Some(out),
        Poll::Pending => None,
    }
}

/// Where `part`'s chunk stands, as a signal that follows it until it has settled.
pub fn follow(part: Part) -> RwSignal<Status> {
    let state = RwSignal::new(status(part));
    if state.get_untracked() == Status::Waiting {
        LISTENERS.with(|l| {
            l.borrow_mut().push((
                part,
                Box::new(move |s| {
                    // The view may have been left before its chunk came in.
                    let _ = state.try_set(s);
                }),
            ))
        });
    }
    state
}
