//! Data files: the CSV of check-ins and scores, the full backup, and restoring one. A
//! chosen file is checked whole and its contents shown before anything changes; the
//! patient then merges it or (after confirming) replaces the journal, and can undo.

use crate::export::backup::{self, Backup, Contents};
use crate::export::csv;
use crate::export::sealed_backup::{read_sealed, SealedBackup};
use crate::ui::kit::files;
use crate::ui::share::locked_backup::{LockedBackupDownload, UnlockBackup};
use crate::ui::store::{now, today, use_care, use_config, use_notices, use_store};
use leptos::html;
use leptos::prelude::*;

/// After a restore: more open goals than are set at once are all kept, and said so.
fn over_the_goals(store: crate::ui::store::JournalStore) -> String {
    use crate::domain::goal::MAX_OPEN;
    let open = store.journal().with_untracked(|j| j.open_goals().len());
    if open > MAX_OPEN {
        format!(" You now have {open} goals you are working on, more than the {MAX_OPEN} set at once: all are kept. To set a new one, mark one achieved or let it go first.")
    } else {
        String::new()
    }
}

/// The data files card.
#[component]
pub fn DataFiles() -> impl IntoView {
    let store = use_store();
    let care = use_care();
    let config = use_config();
    let notices = use_notices();
    let journal = store.journal();
    let chosen = RwSignal::new(None::<Backup>);
    let locked_file = RwSignal::new(None::<SealedBackup>);
    let lock = crate::ui::lock::use_lock();
    let confirm_replace = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();
    let file_id = config.dom_id("restore-file");
    let file_for = file_id.clone();
    let stamp = move || crate::domain::iso::day(today());

    // A plain backup's text: checked whole and shown before anything changes.
    let plain = move |text: &str| match backup::read(text) {
        Ok(b) => {
            chosen.set(Some(b));
            notices.clear();
        }
        Err(e) => {
            chosen.set(None);
            notices.say(e.to_string(), true);
        }
    };
    let on_file = move |_| {
        let Some(el) = input.get() else { return };
        confirm_replace.set(false);
        leptos::task::spawn_local(async move {
            match files::read_chosen(&el).await {
                None => {}
                Some(Err(e)) => notices.say(e, true),
                // A locked backup asks for its passphrase first (`locked_backup.rs`).
                Some(Ok(text)) => match read_sealed(&text).map(|r| r.map_err(|e| e.to_string())) {
                    Some(Ok(s)) => {
                        chosen.set(None);
                        locked_file.set(Some(s));
                        notices.clear();
                    }
                    Some(Err(e)) => notices.say(e, true),
                    None => plain(&text),
                },
            }
            el.set_value("");
        });
    };
    let merge = move |_| {
        if let Some(b) = chosen.get_untracked() {
            if let Some(r) = store.restore_merge(&b.journal) {
                notices.say(
                    format!(
                        "Backup merged: {} added, {} updated from the file, {} kept as they were here (yours were the same or newer).{}",
                        r.added,
                        r.updated,
                        r.kept,
                        over_the_goals(store)
                    ),
                    false,
                );
                chosen.set(None);
            }
        }
    };
    let replace = move |_| {
        if let Some(b) = chosen.get_untracked() {
            if store.restore_replace(b.journal) {
                notices.say(
                    format!("Your journal was replaced with the backup.{}", over_the_goals(store)),
                    false,
                );
                chosen.set(None);
                confirm_replace.set(false);
            }
        }
    };

    view! {
        <section class="ag-card ag-no-print" aria-label="Data files">
            <h2 class="ag-h2">"Data files"</h2>
            <div class="ag-row">
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| {
                    // Column names and values stay English whatever the language (see `export::csv`).
                    let text = crate::i18n::in_english(|| journal.with_untracked(csv::render));
                    if files::download(&format!("afterglow-checkins-{}.csv", stamp()), "text/csv;charset=utf-8", &text) {
                        notices.say("Check-ins and scores downloaded as CSV.", false);
                    }
                }>"Download check-ins (CSV)"</button>
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| {
                    let text = journal.with_untracked(|j| backup::write(j, now()));
                    if files::download(&format!("afterglow-backup-{}.json", stamp()), "application/json", &text) {
                        care.mark_backup();
                        notices.say("Backup downloaded. It holds everything, private entries too: keep it somewhere safe.", false);
                    }
                }>"Download a full backup"</button>
            </div>
            <Show when=move || lock.is_open()>
                <p class="ag-hint">"Your journal is locked on this device, but a full backup is a plain file: anyone who gets it can read it. A locked backup keeps it unreadable."</p>
            </Show>
            <LockedBackupDownload />
            <div class="ag-field">
                <label class="ag-label" for=file_for>"Restore from a backup file"</label>
                <input id=file_id node_ref=input class="ag-input" type="file" accept=".json,application/json" on:change=on_file />
            </div>
            {move || locked_file.get().map(|sealed| view! {
                <UnlockBackup
                    sealed=sealed
                    opened=Callback::new(move |b| {
                        locked_file.set(None);
                        chosen.set(Some(b));
                    })
                    cancel=Callback::new(move |()| locked_file.set(None))
                />
            })}
            {move || chosen.get().map(|b| {
                let contents = Contents::of(&b.journal).describe();
                view! {
                    <div class="ag-banner ag-banner--info" role="region" aria-label="Backup to restore">
                        <p>{match b.exported_at {
                            Some(at) => format!("This backup, made {}, holds {contents}.", crate::ui::kit::format::date_time(at)),
                            None => format!("This backup (its date could not be read) holds {contents}."),
                        }}</p>
                        <p class="ag-hint">"Merging adds what is new and keeps the newer version of anything edited in both places. Replacing makes your journal exactly the backup."</p>
                        <div class="ag-row">
                            <button type="button" class="ag-button ag-button--primary" on:click=merge>"Merge into my journal"</button>
                            <Show
                                when=move || confirm_replace.get()
                                fallback=move || view! {
                                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| confirm_replace.set(true)>"Replace my journal…"</button>
                                }
                            >
                                <button type="button" class="ag-button ag-button--quiet" on:click=replace>"Yes, replace everything"</button>
                            </Show>
                            <button type="button" class="ag-button ag-button--quiet" on:click=move |_| chosen.set(None)>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
            <Show when=move || store.can_undo_restore()>
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| {
                    store.undo_restore();
                }>"Undo the last restore"</button>
            </Show>
        </section>
    }
}
