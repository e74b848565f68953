//! Backups locked with a passphrase (issue 18): downloading one (the backup deflated and
//! sealed, `export::sealed_backup`, with a salt of its own, so any passphrase the patient
//! will remember does), and the passphrase a locked backup asks for before it is restored.
//!
//! Must never keep the passphrase beyond the form, and never show a backup's contents
//! before its passphrase has opened it.

use crate::export::backup::{self, Backup};
use crate::export::sealed_backup::SealedBackup;
use crate::i18n::{tr, T};
use crate::storage::derive::{self, ITERATIONS};
use crate::ui::kit::files;
use crate::ui::lock::attempt::Attempt;
use crate::ui::lock::steps;
use crate::ui::store::{now, today, use_care, use_config, use_notices, use_store};
use leptos::prelude::*;

/// Said when the lock's chunk did not arrive.
fn not_loaded() -> String {
    tr(T::locked_not_loaded).to_owned()
}

/// The backup's text, sealed with a key derived from `passphrase`.
async fn sealed_text(text: String, passphrase: String) -> Result<String, String> {
    crate::domain::lock::check_passphrase(&passphrase).map_err(|e| e.to_string())?;
    let salt = derive::random::<16>().map_err(|e| e.to_string())?;
    let kek = derive::derive_key(&passphrase, &salt, ITERATIONS).await.map_err(|e| e.to_string())?;
    steps::lock_loaded().await?;
    steps::seal_backup(&text, kek, &salt, ITERATIONS).ok_or_else(not_loaded)
}

/// "Download a locked backup": a passphrase, then the file.
#[component]
pub fn LockedBackupDownload() -> impl IntoView {
    let store = use_store();
    let care = use_care();
    let notices = use_notices();
    let config = use_config();
    let typed = RwSignal::new(String::new());
    let attempt = Attempt::new();
    let busy = attempt.busy;
    let field = config.dom_id("locked-backup-passphrase");
    let download = move |ev: leptos::ev::SubmitEvent| {
        let text = store.journal().with_untracked(|j| backup::write(j, now()));
        attempt.start(&ev, async move {
            let sealed = sealed_text(text, typed.get_untracked()).await?;
            let name = format!("afterglow-backup-{}.locked.json", crate::domain::iso::day(today()));
            if files::download(&name, "application/json", &sealed) {
                care.mark_backup();
                notices.say(tr(T::locked_downloaded), false);
                typed.set(String::new());
            }
            Ok(())
        });
    };
    view! {
        <details class="ag-disclosure">
            <summary class="ag-disclosure__summary">{tr(T::locked_open_form)}</summary>
            <form class="ag-lock__form" on:submit=download>
                <p class="ag-hint">{tr(T::locked_about)}</p>
                <label class="ag-label" for=field.clone()>{tr(T::locked_passphrase)}</label>
                <input id=field class="ag-input" type="password" autocomplete="new-password" prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                {attempt.view(None)}
                <button type="submit" class="ag-button" disabled=move || busy.get()>
                    {move || tr(if busy.get() { T::locked_busy } else { T::locked_download })}
                </button>
            </form>
        </details>
    }
}

/// Asks a locked backup's passphrase; once it opens, `opened` gets the backup, read and
/// checked like any other.
#[component]
pub fn UnlockBackup(sealed: SealedBackup, opened: Callback<Backup>, cancel: Callback<()>) -> impl IntoView {
    let config = use_config();
    let typed = RwSignal::new(String::new());
    let attempt = Attempt::new();
    let field = config.dom_id("restore-passphrase");
    let sealed = StoredValue::new(sealed);
    let open = move |ev: leptos::ev::SubmitEvent| {
        // A copy: "Cancel" may close the form while the key is being derived.
        let Some(backup) = sealed.try_get_value() else { return };
        attempt.start(&ev, async move {
            let (salt, iterations) = (backup.salt.clone(), backup.iterations);
            let kek = derive::derive_key(&typed.get_untracked(), &salt, iterations)
                .await
                .map_err(|e| e.to_string())?;
            steps::lock_loaded().await?;
            let text = steps::open_backup(&backup, kek).ok_or_else(not_loaded)?.map_err(|e| e.to_string())?;
            opened.run(backup::read(&text).map_err(|e| e.to_string())?);
            Ok(())
        });
    };
    view! {
        <form class="ag-banner ag-banner--info ag-lock__form" aria-label=tr(T::locked_form) on:submit=open>
            <p>{tr(T::locked_is_locked)}</p>
            <label class="ag-label" for=field.clone()>{tr(T::locked_its_passphrase)}</label>
            <input id=field class="ag-input" type="password" autocomplete="current-password" prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
            {attempt.view(None)}
            <div class="ag-row">
                <button type="submit" class="ag-button ag-button--primary" disabled=move || attempt.busy.get()>{tr(T::locked_open)}</button>
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| cancel.run(())>{tr(T::restore_cancel)}</button>
            </div>
        </form>
    }
}
