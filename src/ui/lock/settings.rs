//! The lock in Settings: turning it on (the warning, a backup first, a passphrase with a
//! plain hint, the recovery key shown once), and while it is on: lock now and the minutes
//! (a new passphrase and turning it off are in `change.rs`). Lives in Settings' chunk.
//!
//! Must never keep a passphrase beyond its form, never show the recovery key again after
//! it was put away, and never call the journal locked before every value is sealed.

use super::attempt::Attempt;
use super::{steps, use_lock};
use crate::domain::lock::{check_passphrase, recovery_key_text, RECOVERY_BYTES};
use crate::export::backup;
use crate::i18n::{tr, tr_with, T};
use crate::storage::derive::{self, ITERATIONS};
use crate::storage::lock::{hex, LockRecord, MINUTES};
use crate::storage::StorageError;
use crate::ui::kit::show::Show;
use crate::ui::kit::{files, print};
use crate::ui::store::{now, today, use_care, use_config, use_notices, use_store};
use leptos::prelude::*;

/// Random bytes, or why there are none, in words.
fn random<const N: usize>() -> Result<[u8; N], String> {
    derive::random::<N>().map_err(|e| e.to_string())
}

/// What turning the lock on made: the record, the journal's sealer, the recovery key.
async fn make_lock(
    passphrase: &str,
) -> Result<(LockRecord, Box<dyn crate::storage::sealed_store::Sealer>, String), String> {
    let salt = random::<16>()?;
    let data_key = random::<32>()?;
    let recovery = recovery_key_text(&random::<RECOVERY_BYTES>()?);
    let by_passphrase = derive::derive_key(passphrase, &salt, ITERATIONS).await.map_err(|e| e.to_string())?;
    let by_recovery = derive::derive_key(&recovery, &salt, ITERATIONS).await.map_err(|e| e.to_string())?;
    steps::lock_loaded().await?;
    let (record, sealer) = steps::new_lock(data_key, by_passphrase, by_recovery, hex(&salt), ITERATIONS)
        .ok_or_else(|| tr(T::locked_not_loaded).to_owned())?;
    Ok((record, sealer, recovery))
}

fn refused_words(refused: &StorageError) -> String {
    tr_with(T::lockset_refused, &[("why", &refused.to_string())])
}

/// The lock's card in Settings.
#[component]
pub fn LockSettings() -> impl IntoView {
    let lock = use_lock();
    view! {
        <section class="ag-card" aria-label=tr(T::lockset_section)>
            <h2 class="ag-h2">{tr(T::lockset_heading)}</h2>
            {move || lock.progress().map(|(done, of)| view! {
                <p role="status">
                    {tr_with(T::lockset_converting, &[("done", &done.to_string()), ("of", &of.to_string())])}
                    <progress class="ag-meter" max=of.to_string() value=done.to_string()></progress>
                </p>
            })}
            {move || if !lock.is_available() {
                view! { <p>{tr(T::lockset_unavailable)}</p> }.into_any()
            } else if lock.is_open() {
                view! { <LockIsOn /> }.into_any()
            } else {
                view! { <TurnOn /> }.into_any()
            }}
        </section>
    }
}

/// Two passphrase fields with the plain hint; `Ok(passphrase)` when it can be used.
pub(super) fn checked_pair(first: &str, second: &str) -> Result<String, String> {
    check_passphrase(first).map_err(|e| e.to_string())?;
    if first != second {
        return Err(tr(T::lockset_not_same).to_owned());
    }
    Ok(first.to_owned())
}

fn hint_of(typed: &str) -> String {
    match check_passphrase(typed) {
        _ if typed.is_empty() => tr(T::lockset_hint_empty).to_owned(),
        Err(e) => e.to_string(),
        Ok(check) if check.common => {
            format!("{} {}", check.strength.hint(), tr(T::lockset_common))
        }
        Ok(check) => check.strength.hint().to_owned(),
    }
}

#[component]
pub(super) fn PassphraseField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] hint: bool,
) -> impl IntoView {
    let config = use_config();
    let id = config.dom_id(name);
    let hint_id = config.dom_id(&format!("{name}-hint"));
    view! {
        <div class="ag-field">
            <label class="ag-label" for=id.clone()>{label}</label>
            <input
                id=id
                class="ag-input"
                type="password"
                autocomplete=if name.contains("current") { "current-password" } else { "new-password" }
                aria-describedby=hint.then(|| hint_id.clone())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {hint.then(|| view! { <p id=hint_id class="ag-hint">{move || hint_of(&value.get())}</p> })}
        </div>
    }
}

#[component]
fn TurnOn() -> impl IntoView {
    let lock = use_lock();
    let store = use_store();
    let care = use_care();
    let notices = use_notices();
    let open = RwSignal::new(false);
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let attempt = Attempt::new();
    let busy = attempt.busy;
    let backup_first = move |_| {
        let text = store.journal().with_untracked(|j| backup::write(j, now()));
        let name = format!("afterglow-backup-{}.json", crate::domain::iso::day(today()));
        if files::download(&name, "application/json", &text) {
            care.mark_backup();
            notices.say(tr(T::files_backup_done), false);
        }
    };
    let turn_on = move |ev: leptos::ev::SubmitEvent| {
        attempt.start(&ev, async move {
            let passphrase = checked_pair(&first.get_untracked(), &second.get_untracked())?;
            if store.refuse_if_read_only(crate::i18n::T::store_ro_lock) {
                return Ok(());
            }
            let (record, sealer, recovery) = make_lock(&passphrase).await?;
            first.set(String::new());
            second.set(String::new());
            RECOVERY.with(|r| *r.borrow_mut() = Some(recovery));
            let said = Box::new(move |refused: Option<StorageError>| match refused {
                None => notices.say(tr(T::lockset_locked), false),
                Some(e) => notices.say(refused_words(&e), true),
            });
            lock.turned_on(record, sealer, said).map_err(|e| {
                RECOVERY.with(|r| *r.borrow_mut() = None);
                e.to_string()
            })
        });
    };
    view! {
        <p>{tr(T::lockset_about)}</p>
        <Show
            when=move || open.get()
            fallback=move || view! {
                <button type="button" class="ag-button" on:click=move |_| open.set(true)>{tr(T::lockset_set)}</button>
            }
        >
            <div class="ag-banner ag-banner--info">
                <p>
                    <strong>{tr(T::lockset_no_reset)}</strong>
                    " "{tr(T::lockset_no_reset_more)}
                </p>
                <button type="button" class="ag-button ag-button--quiet" on:click=backup_first>{tr(T::lockset_backup_first)}</button>
            </div>
            <form class="ag-lock__form" on:submit=turn_on>
                <PassphraseField label=tr(T::lockset_new) name="lock-new" value=first hint=true />
                <PassphraseField label=tr(T::lockset_repeat) name="lock-repeat" value=second />
                {attempt.view(None)}
                <div class="ag-row">
                    <button type="submit" class="ag-button ag-button--primary" disabled=move || busy.get()>
                        {move || tr(if busy.get() { T::lockset_turning_on } else { T::lockset_turn_on })}
                    </button>
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| open.set(false)>{tr(T::restore_cancel)}</button>
                </div>
            </form>
        </Show>
    }
}

thread_local! {
    /// The recovery key just made, until the patient has put it away (never stored).
    static RECOVERY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

#[component]
fn RecoveryKey() -> impl IntoView {
    let shown = RwSignal::new(RECOVERY.with(|r| r.borrow().clone()));
    let put_away = move |_| {
        RECOVERY.with(|r| *r.borrow_mut() = None);
        shown.set(None);
    };
    move || {
        shown.get().map(|key| {
        let file = tr_with(T::lockset_key_file, &[("key", &key)]);
        view! {
            <div class="ag-banner ag-banner--info ag-printable ag-recovery" role="region" aria-label=tr(T::lockset_key)>
                <h3 class="ag-h3">{tr(T::lockset_key)}</h3>
                <p class="ag-recovery__key"><code>{key.clone()}</code></p>
                <p>{tr(T::lockset_key_about)}</p>
                <div class="ag-row ag-no-print">
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |ev| print::print_from_click(&ev)>{tr(T::lockset_print_key)}</button>
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| {
                        let _ = files::download("afterglow-recovery-key.txt", "text/plain;charset=utf-8", &file);
                    }>{tr(T::lockset_download_key)}</button>
                    <button type="button" class="ag-button ag-button--primary" on:click=put_away>{tr(T::lockset_key_kept)}</button>
                </div>
            </div>
        }
    })
    }
}

#[component]
fn LockIsOn() -> impl IntoView {
    let lock = use_lock();
    let config = use_config();
    let notices = use_notices();
    let minutes_id = config.dom_id("lock-minutes");
    let minutes = move || match lock.state() {
        super::State::Open(r) => r.minutes,
        _ => crate::storage::lock::DEFAULT_MINUTES,
    };
    let set_minutes = move |ev| {
        let Ok(m) = event_target_value(&ev).parse::<u32>() else { return };
        let super::State::Open(mut record) = lock.state.get_untracked() else { return };
        record.minutes = m;
        match lock.keep_record(&record) {
            Ok(()) => notices.say(tr_with(T::lockset_minutes_said, &[("m", &m.to_string())]), false),
            Err(e) => notices.say(e.to_string(), true),
        }
    };
    view! {
        <RecoveryKey />
        <p>{tr(T::lockset_on_about)}</p>
        <button type="button" class="ag-button ag-button--primary" on:click=move |_| lock.lock_now()>{tr(T::lockset_lock_now)}</button>
        <div class="ag-field">
            <label class="ag-label" for=minutes_id.clone()>{tr(T::lockset_minutes)}</label>
            <select id=minutes_id class="ag-input ag-input--short" on:change=set_minutes>
                {MINUTES.into_iter().map(|m| view! {
                    <option value=m.to_string() selected=move || minutes() == m>{m.to_string()}</option>
                }).collect_view()}
            </select>
        </div>
        <super::change::ChangePassphrase />
        <super::change::TurnOff />
    }
}
