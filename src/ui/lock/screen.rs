//! The lock screen (the journal closed: one field to unlock it, with "Get help now" in the
//! header above it) and the header's "Lock" button while it is open.
//!
//! Must never show anything of the journal, and never count or limit attempts.

use super::attempt::Attempt;
use super::use_lock;
use crate::i18n::{tr, T};
use crate::ui::store::use_config;
use leptos::html;
use leptos::prelude::*;

/// The lock screen.
#[component]
pub fn LockScreen() -> impl IntoView {
    let lock = use_lock();
    let config = use_config();
    let typed = RwSignal::new(String::new());
    let recovery = RwSignal::new(false);
    let attempt = Attempt::new();
    let (busy, problem) = (attempt.busy, attempt.problem);
    let field = NodeRef::<html::Input>::new();
    let heading = config.dom_id("lock-heading");
    let labelled_by = heading.clone();
    let field_id = config.dom_id("unlock-field");
    let field_for = field_id.clone();
    let problem_id = config.dom_id("unlock-problem");
    let described_by = problem_id.clone();
    let focus = move || {
        if let Some(el) = field.try_get_untracked().flatten() {
            let _ = el.focus();
        }
    };
    // Locked by the patient or by the minutes (not at the start of a visit, where a
    // focused field would scroll a clinic's page): the field is ready to type in.
    if lock.locked_during_visit() {
        request_animation_frame(focus);
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        attempt.start(&ev, async move {
            let result = lock.unlock(&typed.get_untracked(), recovery.get_untracked()).await;
            // The screen is still there: a wrong passphrase leaves the tab locked.
            if result.is_err() {
                focus();
            }
            result
        });
    };
    view! {
        <section class="ag-card ag-lock" aria-labelledby=labelled_by>
            <h2 class="ag-h2" id=heading>{tr(T::lock_heading)}</h2>
                <form class="ag-lock__form" on:submit=submit>
                    <label class="ag-label" for=field_for.clone()>
                        {move || if recovery.get() { tr(T::lock_recovery_key) } else { tr(T::lock_passphrase) }}
                    </label>
                    <input
                        id=field_id.clone()
                        node_ref=field
                        class="ag-input"
                        type=move || if recovery.get() { "text" } else { "password" }
                        autocomplete=move || if recovery.get() { "off" } else { "current-password" }
                        autocapitalize="off"
                        spellcheck="false"
                        aria-describedby=described_by.clone()
                        aria-invalid=move || if problem.with(Option::is_some) { "true" } else { "false" }
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                    {attempt.view(Some(problem_id.clone()))}
                    <div class="ag-row">
                        <button type="submit" class="ag-button ag-button--primary" disabled=move || busy.get()>
                            {move || if busy.get() { tr(T::lock_unlocking) } else { tr(T::lock_unlock) }}
                        </button>
                        <button
                            type="button"
                            class="ag-button ag-button--quiet"
                            on:click=move |_| {
                                recovery.update(|r| *r = !*r);
                                typed.set(String::new());
                                problem.set(None);
                                focus();
                            }
                        >
                            {move || if recovery.get() { tr(T::lock_use_passphrase) } else { tr(T::lock_use_recovery) }}
                        </button>
                    </div>
                </form>
                <p class="ag-hint">
                    {tr(T::lock_nobody_resets)}
                </p>
        </section>
    }
}

/// "Lock", in the header while the lock is on and the journal open.
#[component]
pub fn LockButton() -> impl IntoView {
    let lock = use_lock();
    view! {
        // Not half-way through turning the lock on or off: that finishes first.
        {move || (lock.is_open() && lock.progress().is_none()).then(|| view! {
            <button type="button" class="ag-button ag-button--quiet" on:click=move |_| lock.lock_now()>
                {tr(T::lock_button)}
            </button>
        })}
    }
}
