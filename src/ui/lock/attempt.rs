//! One attempt at a time for a form that waits on a derived key (unlocking, turning the
//! lock on, a new passphrase, a locked backup): whether one is running, and what went
//! wrong, in words, under the form.
//!
//! Must never run two attempts of one form at once, and never leave the form busy.

use leptos::prelude::*;
use std::future::Future;

/// A form's attempt: busy while one runs, the last one's problem.
#[derive(Clone, Copy)]
pub struct Attempt {
    /// Whether an attempt is running (its button is disabled).
    pub busy: RwSignal<bool>,
    /// What the last attempt refused, shown under the form.
    pub problem: RwSignal<Option<String>>,
}

impl Attempt {
    /// A form with no attempt yet.
    pub fn new() -> Self {
        Attempt { busy: RwSignal::new(false), problem: RwSignal::new(None) }
    }

    /// Runs `work` for the submitted form, unless an attempt is running: its `Err` is shown,
    /// and the form is free again either way (if it is still on screen).
    pub fn start(
        self,
        ev: &leptos::ev::SubmitEvent,
        work: impl Future<Output = Result<(), String>> + 'static,
    ) {
        ev.prevent_default();
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.problem.set(None);
        leptos::task::spawn_local(async move {
            if let Err(why) = work.await {
                let _ = self.problem.try_set(Some(why));
            }
            let _ = self.busy.try_set(false);
        });
    }

    /// The problem's line under the form (empty, and hidden, when there is none).
    pub fn view(self, id: Option<String>) -> impl IntoView {
        view! { <p id=id class="ag-error" role="alert">{move || self.problem.get()}</p> }
    }
}

impl Default for Attempt {
    fn default() -> Self {
        Self::new()
    }
}
