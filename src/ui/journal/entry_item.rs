//! One entry in the journal: read it, edit it, delete it (with undo), or keep a passage of
//! it as an insight. Changes go through the store; the row owns only its mode.

use crate::domain::JournalEntry;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::fields::{CheckField, TextAreaField};
use crate::ui::kit::format::time_of_day;
use crate::ui::kit::show::Show;
use crate::ui::store::{use_config, use_store};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Reading,
    Editing,
    Insight,
}

/// A journal entry and its actions.
#[component]
pub fn EntryItem(
    /// The entry.
    entry: JournalEntry,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    // An edit in progress survives this row re-rendering (another tab changed the entry).
    let resumed = store.edit_in_progress(&entry.id);
    let mode = RwSignal::new(if resumed.is_some() { Mode::Editing } else { Mode::Reading });
    let id = StoredValue::new(entry.id.clone());
    let (start_text, start_private) = resumed.unwrap_or_else(|| (entry.text.clone(), entry.private));
    let text = RwSignal::new(start_text);
    let private = RwSignal::new(start_private);
    let this = StoredValue::new(entry.clone());
    let passage = RwSignal::new(String::new());
    let session_label = entry.session.as_ref().and_then(|s| {
        journal.with_untracked(|j| {
            j.session(s).map(|s| tr_with(T::journal_session_n, &[("n", &s.number.to_string())]))
        })
    });
    let edit_id = config.dom_id(&format!("edit-{}", entry.id));
    let passage_id = config.dom_id(&format!("passage-{}", entry.id));
    let private_id = config.dom_id(&format!("edit-private-{}", entry.id));
    let original = StoredValue::new((entry.text.clone(), entry.private));
    // An edit left in a tab that is gone arrives just after start-up: open it here.
    let ticket = store.when_edits_arrive(move || {
        if mode.try_get_untracked() == Some(Mode::Reading) {
            if let Some((t, p)) = id.try_get_value().and_then(|id| store.edit_in_progress(&id)) {
                text.set(t);
                private.set(p);
                mode.set(Mode::Editing);
            }
        }
    });
    on_cleanup(move || store.forget_edit_row(ticket));

    let save_edit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        store.edit_entry(&id.get_value(), &text.get_untracked(), private.get_untracked());
    };
    let cancel_edit = move |_| {
        let (t, p) = original.get_value();
        text.set(t);
        private.set(p);
        store.end_edit(&id.get_value());
        mode.set(Mode::Reading);
    };
    let start_insight = move |_| {
        // A passage selected in this entry's text is the starting point; else all of it.
        let selected =
            window().get_selection().ok().flatten().map(|s| String::from(s.to_string())).unwrap_or_default();
        let whole = original.get_value().0;
        let start = if !selected.trim().is_empty() && whole.contains(selected.trim()) {
            selected.trim().to_owned()
        } else {
            whole
        };
        passage.set(start);
        mode.set(Mode::Insight);
    };
    let keep_insight = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if store.mark_insight(&id.get_value(), Some(&passage.get_untracked())) {
            mode.set(Mode::Reading);
        }
    };

    view! {
        <li class="ag-entry">
            <article>
                <header class="ag-entry__meta">
                    <time datetime=entry.created.to_rfc3339()>{time_of_day(entry.created)}</time>
                    <span class="ag-tag">{entry.stage.label()}</span>
                    {session_label.map(|s| view! { <span class="ag-tag">{s}</span> })}
                    {entry.intention.then(|| view! { <span class="ag-tag">{tr(T::journal_intention)}</span> })}
                    {entry.private.then(|| view! { <span class="ag-tag ag-tag--private">{tr(T::journal_private)}</span> })}
                </header>
                {entry.prompt.map(|p| view! { <p class="ag-entry__prompt">{p.text}</p> })}
                <Show when=move || mode.get() != Mode::Editing>
                    <p class="ag-entry__text">{entry.text.clone()}</p>
                </Show>
                <Show when=move || mode.get() == Mode::Reading>
                    <div class="ag-entry__actions">
                        <button type="button" class="ag-button ag-button--small ag-button--quiet" on:click=move |_| {
                            store.begin_edit(&this.get_value());
                            mode.set(Mode::Editing);
                        }>
                            {tr(T::journal_edit)}
                        </button>
                        <button type="button" class="ag-button ag-button--small ag-button--quiet" on:click=start_insight>
                            {tr(T::journal_keep_insight)}
                        </button>
                        <button type="button" class="ag-button ag-button--small ag-button--quiet" on:click=move |_| store.delete_record(crate::domain::Kind::Entry, &id.get_value(), T::deleted_entry)>
                            {tr(T::journal_delete)}
                        </button>
                    </div>
                </Show>
                <Show when=move || mode.get() == Mode::Editing>
                    <form class="ag-entry__form" on:submit=save_edit>
                        <TextAreaField
                            id=edit_id.clone()
                            label=tr(T::journal_edit_entry)
                            rows=4
                            value=text.into()
                            on_input=Callback::new(move |t: String| {
                                store.update_edit(&id.get_value(), t.clone(), private.get_untracked());
                                text.set(t);
                            })
                        />
                        <div class="ag-row ag-row--end">
                            <CheckField
                                id=private_id.clone()
                                label=tr(T::journal_private)
                                checked=private.into()
                                on_toggle=Callback::new(move |on| {
                                    store.update_edit(&id.get_value(), text.get_untracked(), on);
                                    private.set(on);
                                })
                            />
                            <div class="ag-row">
                                <button type="button" class="ag-button ag-button--quiet" on:click=cancel_edit>{tr(T::journal_cancel)}</button>
                                <button type="submit" class="ag-button ag-button--primary">{tr(T::journal_save_changes)}</button>
                            </div>
                        </div>
                    </form>
                </Show>
                <Show when=move || mode.get() == Mode::Insight>
                    <form class="ag-entry__form" on:submit=keep_insight>
                        <TextAreaField
                            id=passage_id.clone()
                            label=tr(T::journal_words_to_keep)
                            rows=3
                            value=passage.into()
                            on_input=Callback::new(move |t| passage.set(t))
                        />
                        <div class="ag-row">
                            <button type="button" class="ag-button ag-button--quiet" on:click=move |_| mode.set(Mode::Reading)>{tr(T::journal_cancel)}</button>
                            <button type="submit" class="ag-button ag-button--primary">{tr(T::journal_keep_insight_save)}</button>
                        </div>
                    </form>
                </Show>
            </article>
        </li>
    }
}
