//! The controls under the prompt: another prompt (skips this one for now), pin it as a
//! favourite, or write freely. Reads the prompt; changes only through callbacks and pins.

use crate::domain::Prompt;
use crate::i18n::{tr, T};
use crate::ui::kit::show::Show;
use crate::ui::store::{use_notices, use_store};
use leptos::prelude::*;

/// Prompt controls.
#[component]
pub fn PromptBar(
    /// The prompt shown, or `None` when writing freely.
    prompt: Signal<Option<Prompt>>,
    /// Asks for another prompt.
    on_another: Callback<()>,
    /// Switches between free writing and prompts.
    on_free: Callback<()>,
) -> impl IntoView {
    let store = use_store();
    let notices = use_notices();
    let journal = store.journal();
    let pinned = Memo::new(move |_| prompt.get().is_some_and(|p| journal.with(|j| j.pinned.contains(&p.id))));
    let toggle_pin = move |_| {
        if let Some(p) = prompt.get_untracked() {
            let now_pinned = store.toggle_pin(&p.id);
            notices.say(if now_pinned { tr(T::prompt_pinned) } else { tr(T::prompt_unpinned) }, false);
        }
    };
    view! {
        <div class="ag-row">
            <Show when=move || prompt.get().is_some()>
                <button type="button" class="ag-button ag-button--quiet" on:click=move |_| on_another.run(())>
                    {tr(T::prompt_another)}
                </button>
                <button
                    type="button"
                    class="ag-button ag-button--quiet"
                    aria-pressed=move || if pinned.get() { "true" } else { "false" }
                    on:click=toggle_pin
                >
                    {tr(T::prompt_pin)}
                </button>
            </Show>
            <button type="button" class="ag-button ag-button--quiet" on:click=move |_| on_free.run(())>
                {move || if prompt.get().is_some() { tr(T::prompt_free) } else { tr(T::prompt_use) }}
            </button>
        </div>
    }
}
