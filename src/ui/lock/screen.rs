//! The lock screen (the journal closed: one field to unlock it, with "Get help now" in the
//! header above it) and the header's "Lock" button while it is open.
//!
//! Must never show anything of the journal, and never count or limit attempts.

use super::{use_lock, State};
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
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let field = NodeRef::<html::Input>::new();
    let heading = config.dom_id("lock-heading");
    let labelled_by = heading.clone();
    let field_id = config.dom_id("unlock-field");
    let field_for = field_id.clone();
    let problem_id = config.dom_id("unlock-problem");
    let described_by = problem_id.clone();
    let focus = move || {
        if let Some(el) = field.get_untracked() {
            let _ = el.focus();
        }
    };
    // Locked by the patient or by the minutes (not at the start of a visit, where a
    // focused field would scroll a clinic's page): the field is ready to type in.
    if lock.locked_during_visit() {
        request_animation_frame(focus);
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            let result = lock.unlock(&typed.get_untracked(), recovery.get_untracked()).await;
            if let Err(why) = result {
                // The screen is still there: a wrong passphrase leaves the tab locked.
                let _ = problem.try_set(Some(why));
                let _ = busy.try_set(false);
                focus();
            }
        });
    };
    let unreadable = move || lock.state.with(|s| matches!(s, State::Unreadable));
    view! {
        <section class="ag-card ag-lock" aria-labelledby=labelled_by>
            <h2 class="ag-h2" id=heading>"This journal is locked"</h2>
            <Show
                when=move || !unreadable()
                fallback=|| view! {
                    <p role="alert">
                        "This journal's lock was set by a newer version of Afterglow, or its record is damaged, so it cannot be opened here. Nothing of it was changed. Open Afterglow where you set the lock, or update it."
                    </p>
                }
            >
                <form class="ag-lock__form" on:submit=submit>
                    <label class="ag-label" for=field_for.clone()>
                        {move || if recovery.get() { "Recovery key" } else { "Passphrase" }}
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
                    <p id=problem_id.clone() class="ag-error" role="alert">{move || problem.get()}</p>
                    <div class="ag-row">
                        <button type="submit" class="ag-button ag-button--primary" disabled=move || busy.get()>
                            {move || if busy.get() { "Unlocking…" } else { "Unlock" }}
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
                            {move || if recovery.get() { "Use my passphrase instead" } else { "Use my recovery key instead" }}
                        </button>
                    </div>
                </form>
                <p class="ag-hint">
                    "Nobody can reset a forgotten passphrase, not Afterglow and not your clinic: only the recovery key you were given when you set the lock opens the journal without it."
                </p>
            </Show>
        </section>
    }
}

/// "Lock", in the header while the lock is on and the journal open.
#[component]
pub fn LockButton() -> impl IntoView {
    let lock = use_lock();
    view! {
        <Show when=move || lock.is_open()>
            <button type="button" class="ag-button ag-button--quiet ag-lock-now" on:click=move |_| lock.lock_now()>
                "Lock"
            </button>
        </Show>
    }
}
