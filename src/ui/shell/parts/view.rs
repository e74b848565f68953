//! How a part shows: its view once its chunk is in, a "loading" line until then, a
//! message with a retry if its chunk failed, and the wait for the archived months before
//! any list of everything.
//!
//! Must never fetch a chunk except on the patient's retry after a failure (the prefetch,
//! in the module above, fetches everything else).

use super::{follow, settle, status, Part, Status};
use crate::i18n::{tr, tr_with, T};
use leptos::prelude::*;

/// A part that adds to a view rather than being one (Today's session-day card): nothing
/// until its chunk and every record are in, and nothing if it failed (the view it
/// belongs to says so).
#[component]
pub fn PartSlot(part: Part) -> impl IntoView {
    let state = follow(part);
    let store = crate::ui::store::use_store();
    // Like a view, it waits for every record (the kinds read later come in with the
    // archive's chunk): a card must not invite to set goals that are only not read yet.
    move || match state.get() {
        Status::Loaded if store.archive_ready() => part.view_now().and_then(Result::ok),
        _ => None,
    }
}

/// One part's view: rendered at once when its chunk is in, else a short "loading" line
/// until the prefetch has brought it, or a message with a retry if its chunk failed.
#[component]
pub fn PartView(part: Part) -> impl IntoView {
    let state = follow(part);
    let retry = move |_| {
        state.set(Status::Waiting);
        leptos::task::spawn_local(async move {
            let loaded = part.preload().await.is_ok();
            settle(part, if loaded { Status::Loaded } else { Status::Failed });
            let _ = state.try_set(if loaded { Status::Loaded } else { Status::Failed });
            if loaded {
                revive_siblings(part);
            }
        });
    };
    // The lock screen shows while no journal is open: there is no store to wait for.
    let store = (part != Part::Unlock).then(crate::ui::store::use_store);
    move || match state.get() {
        // Lists of everything wait for the archived months: never a list that looks
        // complete and is not. (Settings lists nothing of the journal.)
        Status::Loaded if part != Part::Settings && store.is_some_and(|s| !s.archive_ready()) => {
            older(store).into_any()
        }
        Status::Loaded => match part.view_now() {
            Some(Ok(view)) => view,
            // A loaded chunk's view is ready on the first poll; anything else is a
            // failed instantiation, shown like a failed fetch.
            _ => unavailable(part, retry).into_any(),
        },
        Status::Waiting => view! {
            <p class="ag-part-loading" role="status">{tr(T::part_loading)}</p>
        }
        .into_any(),
        Status::Failed => unavailable(part, retry).into_any(),
    }
}

/// Once a retry has brought `part`'s chunk in, the other parts of that chunk that had
/// failed load too (Journal after a retry in Share), without a retry of their own: their
/// loaders find the chunk already fetched, so no request is made.
fn revive_siblings(part: Part) {
    for &other in Part::ALL {
        if other != part && other.chunk() == part.chunk() && status(other) == Status::Failed {
            leptos::task::spawn_local(async move {
                let loaded = other.preload().await.is_ok();
                settle(other, if loaded { Status::Loaded } else { Status::Failed });
            });
        }
    }
}

fn older(store: Option<crate::ui::store::JournalStore>) -> impl IntoView {
    let Some(store) = store else { return ().into_any() };
    match store.archive_state() {
        crate::ui::store::ArchiveState::Failed(why) => view! {
            <section class="ag-card ag-part-failed" role="alert">
                <h2 class="ag-h2">{tr(T::part_older_failed)}</h2>
                <p>
                    {tr_with(T::part_older_failed_why, &[("why", &why)])}
                    " "
                    {tr(T::part_older_failed_safe)}
                </p>
                <button type="button" class="ag-button" on:click=move |_| store.open_archive()>
                    {tr(T::part_try_again)}
                </button>
            </section>
        }
        .into_any(),
        _ => view! { <p class="ag-part-loading" role="status">{tr(T::part_older_loading)}</p> }.into_any(),
    }
}

fn unavailable(part: Part, retry: impl Fn(leptos::ev::MouseEvent) + 'static) -> impl IntoView {
    // Locked, no other view is there to fall back on: the message says the lock holds.
    let safe = if part == Part::Unlock { T::part_failed_safe_locked } else { T::part_failed_safe };
    view! {
        <section class="ag-card ag-part-failed" role="alert">
            <h2 class="ag-h2">{tr(T::part_failed)}</h2>
            <p>{tr(safe)}</p>
            <button type="button" class="ag-button" on:click=retry>
                {tr(T::part_try_again)}
            </button>
        </section>
    }
}
