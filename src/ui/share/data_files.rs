//! Data files: the CSV of check-ins and scores, the full backup, and restoring one. A
//! chosen file is checked whole and its contents shown before anything changes; the
//! patient then merges it or (after confirming) replaces the journal, and can undo.

use crate::export::backup::{self, Backup, Contents};
use crate::export::csv;
use crate::export::sealed_backup::{read_sealed, SealedBackup};
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::files;
use crate::ui::kit::show::Show;
use crate::ui::share::locked_backup::{LockedBackupDownload, UnlockBackup};
use crate::ui::store::{now, today, use_care, use_config, use_notices, use_store};
use leptos::html;
use leptos::prelude::*;

/// After a restore: more open goals than are set at once are all kept, and said so.
fn over_the_goals(store: crate::ui::store::JournalStore) -> String {
    use crate::domain::goal::MAX_OPEN;
    let open = store.journal().with_untracked(|j| j.open_goals().len());
    if open > MAX_OPEN {
        let said =
            tr_with(T::restore_over_goals, &[("open", &open.to_string()), ("max", &MAX_OPEN.to_string())]);
        format!(" {said}")
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
                let (added, updated, kept) = (r.added.to_string(), r.updated.to_string(), r.kept.to_string());
                let merged =
                    tr_with(T::restore_merged, &[("added", &added), ("updated", &updated), ("kept", &kept)]);
                notices.say(format!("{merged}{}", over_the_goals(store)), false);
                chosen.set(None);
            }
        }
    };
    let replace = move |_| {
        if let Some(b) = chosen.get_untracked() {
            if store.restore_replace(b.journal) {
                notices.say(format!("{}{}", tr(T::restore_replaced), over_the_goals(store)), false);
                chosen.set(None);
                confirm_replace.set(false);
            }
        }
    };

    view! {
        <section class="ag-card ag-no-print" aria-label=tr(T::files_heading)>
            <h2 class="ag-h2">{tr(T::files_heading)}</h2>
            <div class="ag-row">
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| {
                    // Column names and values stay English whatever the language (see `export::csv`).
                    let text = crate::i18n::in_english(|| journal.with_untracked(csv::render));
                    if files::download(&format!("afterglow-checkins-{}.csv", stamp()), "text/csv;charset=utf-8", &text) {
                        notices.say(tr(T::files_csv_done), false);
                    }
                }>{tr(T::files_csv)}</button>
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| {
                    let text = journal.with_untracked(|j| backup::write(j, now()));
                    if files::download(&format!("afterglow-backup-{}.json", stamp()), "application/json", &text) {
                        care.mark_backup();
                        notices.say(tr(T::files_backup_done), false);
                    }
                }>{tr(T::files_backup)}</button>
            </div>
            <Show when=move || lock.is_open()>
                <p class="ag-hint">{tr(T::files_locked_hint)}</p>
            </Show>
            <LockedBackupDownload />
            <div class="ag-field">
                <label class="ag-label" for=file_for>{tr(T::files_restore)}</label>
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
                    <div class="ag-banner ag-banner--info" role="region" aria-label=tr(T::restore_region)>
                        <p>{match b.exported_at {
                            Some(at) => tr_with(T::restore_holds, &[("when", &crate::ui::kit::format::date_time(at)), ("contents", &contents)]),
                            None => tr_with(T::restore_holds_undated, &[("contents", &contents)]),
                        }}</p>
                        <p class="ag-hint">{tr(T::restore_how)}</p>
                        <div class="ag-row">
                            <button type="button" class="ag-button ag-button--primary" on:click=merge>{tr(T::restore_merge)}</button>
                            <Show
                                when=move || confirm_replace.get()
                                fallback=move || view! {
                                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| confirm_replace.set(true)>{tr(T::restore_replace)}</button>
                                }
                            >
                                <button type="button" class="ag-button ag-button--quiet" on:click=replace>{tr(T::restore_replace_yes)}</button>
                            </Show>
                            <button type="button" class="ag-button ag-button--quiet" on:click=move |_| chosen.set(None)>{tr(T::restore_cancel)}</button>
                        </div>
                    </div>
                }
            })}
            <Show when=move || store.can_undo_restore()>
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| {
                    store.undo_restore();
                }>{tr(T::restore_undo)}</button>
            </Show>
        </section>
    }
}
