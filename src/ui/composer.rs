//! Writing an entry: the prompt offered for the current stage (or free writing), the text
//! area, the private switch and Save. Typed text is kept as a draft (debounced, and flushed
//! when the page is hidden or closed), so a closed tab loses nothing.
//!
//! Must never drop the patient's text: on any failure the text stays in the editor.

use super::store::use_store;
use crate::domain::{Prompt, PromptRef};
use crate::storage::record::DraftRecord;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the draft is written.
const DRAFT_DEBOUNCE: Duration = Duration::from_millis(500);

/// Which prompt the patient chose: a library prompt, or none.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Choice {
    Prompt(String),
    Free,
}

/// The editor for a new entry.
#[component]
pub fn Composer() -> impl IntoView {
    let store = use_store();
    let library = StoredValue::new(store.library());
    let journal = store.journal();
    let draft = store.initial_draft().unwrap_or_default();
    let restored = !draft.text.is_empty();

    let choice = RwSignal::new(match &draft.prompt_id {
        Some(id) => Choice::Prompt(id.clone()),
        None if restored => Choice::Free,
        None => Choice::Prompt(String::new()),
    });
    let text = RwSignal::new(draft.text);
    let private = RwSignal::new(false);
    let stage = Memo::new(move |_| journal.with(|j| j.stage));
    // The prompt shown: the chosen one if it belongs to the current stage, else the stage's first.
    let prompt = Memo::new(move |_| -> Option<Prompt> {
        let stage = stage.get();
        library.with_value(|lib| match choice.get() {
            Choice::Free => None,
            Choice::Prompt(id) => {
                lib.get(&id).filter(|p| p.stage == stage).or_else(|| lib.first_for(stage)).cloned()
            }
        })
    });

    let pending = StoredValue::new(None::<TimeoutHandle>);
    let write_draft = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
        }
        let prompt_id = prompt.get_untracked().map(|p| p.id);
        store.save_draft(&DraftRecord { text: text.get_untracked(), prompt_id });
    };
    let schedule_draft = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        pending.set_value(set_timeout_with_handle(write_draft, DRAFT_DEBOUNCE).ok());
    };
    let flush = move || {
        if pending.get_value().is_some() {
            write_draft();
        }
    };
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| flush());
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
    });

    let another = move |_| {
        let next = library.with_value(|lib| {
            let current = prompt.get_untracked().map(|p| p.id);
            lib.next_for(stage.get_untracked(), current.as_deref()).map(|p| p.id.clone())
        });
        choice.set(Choice::Prompt(next.unwrap_or_default()));
        schedule_draft();
    };
    let toggle_free = move |_| {
        choice.update(|c| *c = if *c == Choice::Free { Choice::Prompt(String::new()) } else { Choice::Free });
        schedule_draft();
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answered = prompt.get_untracked().map(|p| PromptRef { id: p.id, text: p.text });
        let answered_id = answered.as_ref().map(|p| p.id.clone());
        match store.add_entry(stage.get_untracked(), answered, &text.get_untracked(), private.get_untracked())
        {
            Ok(()) => {
                text.set(String::new());
                private.set(false);
                write_draft();
                if let Some(id) = answered_id {
                    let next = library.with_value(|lib| {
                        lib.next_for(stage.get_untracked(), Some(&id)).map(|p| p.id.clone())
                    });
                    choice.set(Choice::Prompt(next.unwrap_or_default()));
                }
                store.say("Saved.", false);
            }
            Err(message) => store.say(message, true),
        }
    };

    let text_id = store.dom_id("entry-text");
    let private_id = store.dom_id("entry-private");
    let private_for = private_id.clone();
    view! {
        <form class="ag-card ag-composer" on:submit=on_submit>
            <h2 class="ag-h2">"Write"</h2>
            {restored.then(|| view! { <p class="ag-hint">"Your unsaved words from last time are back."</p> })}
            <label class="ag-prompt" for=text_id.clone()>
                {move || prompt.get().map(|p| p.text).unwrap_or_else(|| "Write freely.".to_owned())}
            </label>
            <textarea
                id=text_id
                class="ag-textarea"
                rows="5"
                placeholder="A word or a phrase is enough."
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    schedule_draft();
                }
            ></textarea>
            <div class="ag-row">
                <button type="button" class="ag-button ag-button--quiet" on:click=another>
                    "Another prompt"
                </button>
                <button type="button" class="ag-button ag-button--quiet" on:click=toggle_free>
                    {move || if prompt.get().is_some() { "Write freely" } else { "Use a prompt" }}
                </button>
            </div>
            <div class="ag-row ag-row--end">
                <label class="ag-check" for=private_for>
                    <input
                        id=private_id
                        type="checkbox"
                        prop:checked=move || private.get()
                        on:change=move |ev| private.set(event_target_checked(&ev))
                    />
                    "Private: never in any export"
                </label>
                <button type="submit" class="ag-button ag-button--primary">"Save entry"</button>
            </div>
        </form>
    }
}
