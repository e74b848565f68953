//! The lock's forms while it is on: a new passphrase (the data key wrapped again, never
//! the journal sealed again) and turning it off (every value opened in slices, the record
//! removed last). Both ask the passphrase first. Lives in Settings' chunk.
//!
//! Must never keep a passphrase beyond its form, and never turn the lock off without the
//! passphrase that opens it.

use super::attempt::Attempt;
use super::settings::{checked_pair, PassphraseField};
use super::{secret_of, steps, use_lock};
use crate::i18n::{tr, tr_with, T};
use crate::ui::store::use_notices;
use leptos::prelude::*;

/// "Change the passphrase".
#[component]
pub fn ChangePassphrase() -> impl IntoView {
    let lock = use_lock();
    let notices = use_notices();
    let current = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let attempt = Attempt::new();
    let change = move |ev: leptos::ev::SubmitEvent| {
        attempt.start(&ev, async move {
            let super::State::Open(record) = lock.state.get_untracked() else { return Ok(()) };
            let new = checked_pair(&first.get_untracked(), &second.get_untracked())?;
            let old = secret_of(&current.get_untracked(), false)?;
            let kek = lock.derive(&old, &record).await?;
            let new_kek = lock.derive(&new, &record).await?;
            steps::lock_loaded().await?;
            let changed = steps::rewrap(&record, kek, false, new_kek, false)
                .ok_or_else(|| tr(T::lockset_not_loaded).to_owned())?
                .ok_or_else(|| tr(T::lockset_not_current).to_owned())?;
            lock.keep_record(&changed).map_err(|e| e.to_string())?;
            notices.say(tr(T::lockset_changed), false);
            for field in [current, first, second] {
                field.set(String::new());
            }
            Ok(())
        });
    };
    view! {
        <details class="ag-disclosure">
            <summary class="ag-disclosure__summary">{tr(T::lockset_change)}</summary>
            <form class="ag-lock__form" on:submit=change>
                <PassphraseField label=tr(T::lockset_current) name="lock-current" value=current />
                <PassphraseField label=tr(T::lockset_new) name="lock-change-new" value=first hint=true />
                <PassphraseField label=tr(T::lockset_change_repeat) name="lock-change-repeat" value=second />
                {attempt.view(None)}
                <button type="submit" class="ag-button" disabled=move || attempt.busy.get()>{tr(T::lockset_change)}</button>
            </form>
        </details>
    }
}

/// "Turn off the lock".
#[component]
pub fn TurnOff() -> impl IntoView {
    let lock = use_lock();
    let notices = use_notices();
    let current = RwSignal::new(String::new());
    let attempt = Attempt::new();
    let turn_off = move |ev: leptos::ev::SubmitEvent| {
        attempt.start(&ev, async move {
            let super::State::Open(record) = lock.state.get_untracked() else { return Ok(()) };
            let typed = secret_of(&current.get_untracked(), false)?;
            current.set(String::new());
            let kek = lock.derive(&typed, &record).await?;
            steps::lock_loaded().await?;
            match steps::open_sealer(&record, kek, false) {
                Some(Some(_)) => {}
                Some(None) => return Err(tr(T::lockset_off_wrong).to_owned()),
                None => return Err(tr(T::lock_not_loaded).to_owned()),
            }
            lock.turn_off(Box::new(move |refused| match refused {
                None => notices.say(tr(T::lockset_off_done), false),
                Some(e) => notices.say(tr_with(T::lockset_off_refused, &[("why", &e.to_string())]), true),
            }));
            Ok(())
        });
    };
    view! {
        <details class="ag-disclosure">
            <summary class="ag-disclosure__summary">{tr(T::lockset_off)}</summary>
            <form class="ag-lock__form" on:submit=turn_off>
                <p>{tr(T::lockset_off_about)}</p>
                <PassphraseField label=tr(T::lockset_yours) name="lock-current-off" value=current />
                {attempt.view(None)}
                <button type="submit" class="ag-button ag-button--danger" disabled=move || attempt.busy.get()>{tr(T::lockset_off)}</button>
            </form>
        </details>
    }
}
