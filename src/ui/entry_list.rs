//! The patient's entries, newest first, a page at a time so a ten-year journal never
//! mounts thousands of rows. Reads the journal; never writes it.

use super::format::entry_time;
use super::store::use_store;
use crate::domain::JournalEntry;
use leptos::prelude::*;

/// How many entries one "Show more" adds.
const PAGE: usize = 30;

/// The list of saved entries.
#[component]
pub fn EntryList() -> impl IntoView {
    let store = use_store();
    let journal = store.journal();
    let shown = RwSignal::new(PAGE);
    let total = Memo::new(move |_| journal.with(|j| j.len()));
    let visible = Memo::new(move |_| {
        journal.with(|j| j.entries().iter().take(shown.get()).cloned().collect::<Vec<_>>())
    });
    let heading_id = store.dom_id("entries-heading");
    let labelled_by = heading_id.clone();

    view! {
        <section class="ag-card ag-entries" aria-labelledby=labelled_by>
            <h2 class="ag-h2" id=heading_id>
                "Your entries "
                <span class="ag-count">{move || format!("({})", total.get())}</span>
            </h2>
            <Show
                when=move || { total.get() > 0 }
                fallback=|| view! { <p class="ag-empty">"Nothing here yet. What you save appears here, newest first."</p> }
            >
                <ol class="ag-list">
                    <For each=move || visible.get() key=|e| (e.id.clone(), e.edited) let:entry>
                        <EntryItem entry=entry />
                    </For>
                </ol>
                <Show when=move || { total.get() > shown.get() }>
                    <button type="button" class="ag-button ag-button--quiet" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || format!("Show older entries ({} more)", total.get() - shown.get())}
                    </button>
                </Show>
            </Show>
        </section>
    }
}

/// One saved entry.
#[component]
fn EntryItem(
    /// The entry to show.
    entry: JournalEntry,
) -> impl IntoView {
    view! {
        <li class="ag-entry">
            <article>
                <header class="ag-entry__meta">
                    <time datetime=entry.created.to_rfc3339()>{entry_time(entry.created)}</time>
                    <span class="ag-tag">{entry.stage.label()}</span>
                    {entry.private.then(|| view! { <span class="ag-tag ag-tag--private">"Private"</span> })}
                </header>
                {entry.prompt.map(|p| view! { <p class="ag-entry__prompt">{p.text}</p> })}
                <p class="ag-entry__text">{entry.text}</p>
            </article>
        </li>
    }
}
