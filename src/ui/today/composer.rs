//! Writing an entry: the prompt offered for the stage and the time since the last session
//! (or free writing), "I just had a session", the text area, and Save. Typed text is kept
//! as a draft (debounced, flushed when the page is hidden or closed).
//!
//! Must never drop the patient's text: on any failure the text stays in the editor.

use crate::domain::{EntryDraft, PickContext, Prompt, PromptRef, RecordId, Stage};
use crate::i18n::{tr, T};
use crate::storage::record::DraftRecord;
use crate::ui::kit::fields::CheckField;
use crate::ui::kit::show::Show;
use crate::ui::shell::parts::{Part, PartSlot};
use crate::ui::store::{now, use_config, use_notices, use_store};
use crate::ui::today::prompt_bar::PromptBar;
use crate::ui::today::session_link::SessionLink;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the draft is written.
const DRAFT_DEBOUNCE: Duration = Duration::from_millis(400);

/// How the prompt is chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Afterglow picks (by stage, time since session, recent answers, pins, skips).
    Auto,
    /// A particular prompt (restored from a draft).
    Prompt(String),
    /// No prompt: free writing.
    Free,
}

/// The goal a new intention serves, chosen in the composer (by `ui::goals::picker`,
/// in the goals' chunk) and linked once the entry is saved.
#[derive(Clone, Copy)]
pub struct IntentionGoal(pub RwSignal<Option<RecordId>>);

/// The editor for a new entry.
#[component]
pub fn Composer(
    /// Focus the text area once mounted (right after the welcome; never on an ordinary
    /// visit, where it would open a phone's keyboard uninvited).
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    crate::ui::shell::perf::mark(crate::ui::shell::perf::READY);
    let store = use_store();
    let config = use_config();
    let notices = use_notices();
    let journal = store.journal();
    let draft = store.initial_draft().unwrap_or_default();
    let restored = !draft.text.is_empty();
    let back = RwSignal::new(restored);

    let choice = RwSignal::new(match &draft.prompt_id {
        Some(id) => Choice::Prompt(id.clone()),
        None if restored => Choice::Free,
        None => Choice::Auto,
    });
    let passed = RwSignal::new(Vec::<String>::new());
    // The same prompt all day until the patient asks for another.
    let seed = RwSignal::new(crate::domain::prompt::day_seed(crate::ui::store::today()));
    let text = RwSignal::new(draft.text);
    let private = RwSignal::new(false);
    let intention = RwSignal::new(false);
    let goal = RwSignal::new(None::<RecordId>);
    provide_context(IntentionGoal(goal));
    let stage = Memo::new(move |_| journal.with(|j| j.stage));
    // Link to the last session while it is recent, unless the draft says otherwise.
    let recent_session = journal.with_untracked(|j| {
        let recent = j.last_session().filter(|s| now() - s.at < chrono::Duration::days(4));
        recent.filter(|_| matches!(j.stage, Stage::Dosing | Stage::Integration)).map(|s| s.id.clone())
    });
    let session = RwSignal::new(match draft.session {
        Some(s) => RecordId::parse(&s).ok(),
        None if restored => None,
        None => recent_session,
    });

    let prompt = Memo::new(move |_| -> Option<Prompt> {
        let stage = stage.get();
        let choice = choice.get();
        if choice == Choice::Free {
            return None;
        }
        journal.with(|j| {
            config.with_library(|lib| {
                if let Choice::Prompt(id) = &choice {
                    if let Some(p) = lib.get(id).filter(|p| p.stage == stage) {
                        return Some(p.clone());
                    }
                }
                let answered = j.answered_prompts();
                let ctx = PickContext {
                    stage,
                    since_session: j.last_session().map(|s| now() - s.at),
                    answered: &answered,
                    now: now(),
                    pinned: &j.pinned,
                    passed: &passed.get(),
                };
                lib.pick(&ctx, seed.get()).cloned()
            })
        })
    });

    let pending = StoredValue::new(None::<TimeoutHandle>);
    let write_draft = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
        }
        store.save_draft(&DraftRecord {
            text: text.get_untracked(),
            prompt_id: prompt.get_untracked().map(|p| p.id),
            session: session.get_untracked().map(String::from),
        });
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
        flush();
    });

    // Text another tab left unsaved arrives once the open tabs are known: added after
    // whatever is here, never in place of it.
    store.take_arrived_drafts(move |d| {
        let here = text.get_untracked();
        if here.trim().is_empty() {
            text.set(d.text);
            if let Some(id) = d.prompt_id {
                choice.set(Choice::Prompt(id));
            }
            if let Some(s) = d.session.as_deref().and_then(|s| RecordId::parse(s).ok()) {
                session.set(Some(s));
            }
        } else if !here.split("\n\n").any(|p| p.trim() == d.text.trim()) {
            text.set(format!("{}\n\n{}", here.trim_end(), d.text.trim()));
        }
        back.set(true);
        write_draft();
    });
    on_cleanup(move || store.stop_taking_arrived());

    let textarea = NodeRef::<html::Textarea>::new();
    if autofocus {
        request_animation_frame(move || {
            if let Some(el) = textarea.try_get_untracked().flatten() {
                let _ = el.focus();
            }
        });
    }
    let on_another = Callback::new(move |()| {
        if let Some(p) = prompt.get_untracked() {
            passed.update(|list| list.push(p.id));
        }
        seed.set((js_sys::Math::random() * 1e9) as u64);
        choice.set(Choice::Auto);
        schedule_draft();
    });
    let on_free = Callback::new(move |()| {
        choice.update(|c| *c = if *c == Choice::Free { Choice::Auto } else { Choice::Free });
        schedule_draft();
    });
    let on_session_started = Callback::new(move |id: RecordId| {
        session.set(Some(id));
        choice.set(Choice::Auto);
        passed.set(Vec::new());
        if let Some(el) = textarea.get() {
            let _ = el.focus();
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = EntryDraft {
            text: text.get_untracked(),
            prompt: prompt.get_untracked().map(|p| PromptRef { id: p.id, text: p.text }),
            session: session.get_untracked(),
            intention: intention.get_untracked(),
            private: private.get_untracked(),
        };
        let is_intention = draft.intention;
        let Some(id) = store.add_entry(stage.get_untracked(), draft) else {
            // Not saved: make sure the text is at least kept as a draft (or in the tab).
            write_draft();
            return;
        };
        {
            if let Some(g) = goal.get_untracked().filter(|_| is_intention) {
                store.link_new(crate::domain::LinkTarget::Intention, &id, &g);
            }
            goal.set(None);
            text.set(String::new());
            private.set(false);
            intention.set(false);
            write_draft();
            if let Some(p) = prompt.get_untracked() {
                passed.update(|list| list.push(p.id));
            }
            choice.set(Choice::Auto);
            notices.say(tr(T::composer_saved), false);
        }
    };

    let text_id = config.dom_id("entry-text");
    let private_id = config.dom_id("entry-private");
    let intention_id = config.dom_id("entry-intention");
    let heading_id = config.dom_id("write-heading");
    let labelled_by = heading_id.clone();
    let sets_intentions = move || matches!(stage.get(), Stage::Evaluation | Stage::Preparation);
    view! {
        <form class="ag-card ag-composer" on:submit=on_submit aria-labelledby=labelled_by>
            <div class="ag-composer__head">
                <h2 class="ag-h2" id=heading_id>{tr(T::composer_heading)}</h2>
                <SessionButton on_started=on_session_started />
            </div>
            <Show when=move || back.get()>
                <p class="ag-hint">{tr(T::composer_back)}</p>
            </Show>
            <label class="ag-prompt" for=text_id.clone() data-prompt=move || prompt.get().map(|p| p.id)>
                {move || prompt.get().map(|p| p.text).unwrap_or_else(|| tr(T::composer_free).to_owned())}
            </label>
            <textarea
                id=text_id
                node_ref=textarea
                class="ag-textarea"
                rows="5"
                placeholder=tr(T::composer_placeholder)
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    schedule_draft();
                }
            ></textarea>
            <PromptBar prompt=prompt.into() on_another=on_another on_free=on_free />
            <SessionLink
                session=session.into()
                on_change=Callback::new(move |id| {
                    session.set(id);
                    schedule_draft();
                })
            />
            <div class="ag-row ag-row--end">
                <div class="ag-checks">
                    <Show when=sets_intentions>
                        <CheckField
                            id=intention_id.clone()
                            label=tr(T::composer_intention)
                            checked=intention.into()
                            on_toggle=Callback::new(move |on| intention.set(on))
                        />
                        <Show when=move || intention.get()>
                            <PartSlot part=Part::ComposerGoal />
                        </Show>
                    </Show>
                    <CheckField
                        id=private_id
                        label=tr(T::composer_private)
                        checked=private.into()
                        on_toggle=Callback::new(move |on| private.set(on))
                    />
                </div>
                <button type="submit" class="ag-button ag-button--primary">{tr(T::composer_save)}</button>
            </div>
        </form>
    }
}

/// "I just had a session": one tap logs the session and readies the editor.
#[component]
fn SessionButton(
    /// Called with the new session's id.
    on_started: Callback<RecordId>,
) -> impl IntoView {
    let store = use_store();
    let click = move |_| {
        if let Some(id) = store.start_session(true) {
            on_started.run(id);
        }
    };
    view! {
        <button type="button" class="ag-button ag-button--session" on:click=click>
            {tr(T::composer_session)}
        </button>
    }
}
