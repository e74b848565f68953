//! Which dosing session an entry is about: a native select over the logged sessions.
//! Shown only once a session exists.

use crate::domain::RecordId;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::short_date;
use crate::ui::kit::show::Show;
use crate::ui::store::{use_config, use_store};
use leptos::prelude::*;

/// Chooses the session an entry reflects on.
#[component]
pub fn SessionLink(
    /// The linked session, if any.
    session: Signal<Option<RecordId>>,
    /// Called with the new choice.
    on_change: Callback<Option<RecordId>>,
) -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let id = config.dom_id("entry-session");
    let label_for = id.clone();
    let options = Memo::new(move |_| {
        journal.with(|j| {
            j.sessions()
                .iter()
                .rev()
                .map(|s| {
                    (
                        s.id.to_string(),
                        tr_with(
                            T::composer_session_option,
                            &[("n", &s.number.to_string()), ("date", &short_date(s.at))],
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let change = move |ev: leptos::ev::Event| on_change.run(RecordId::parse(&event_target_value(&ev)).ok());
    view! {
        <Show when=move || !options.get().is_empty()>
            <div class="ag-field ag-field--inline">
                <label class="ag-label ag-label--plain" for=label_for.clone()>{tr(T::composer_about)}</label>
                <select
                    id=id.clone()
                    class="ag-select ag-select--compact"
                    on:change=change
                >
                    <option value="" prop:selected=move || session.get().is_none()>{tr(T::composer_no_session)}</option>
                    {move || {
                        options
                            .get()
                            .into_iter()
                            .map(|(value, label)| {
                                let is = value.clone();
                                view! {
                                    <option
                                        value=value
                                        prop:selected=move || session.get().is_some_and(|s| s.as_str() == is)
                                    >
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </Show>
    }
}
