//! Intentions shown back: during dosing and integration, the intentions the patient set
//! (and the last session's) come back with a gentle question.

use crate::domain::Stage;
use crate::i18n::{tr, T};
use crate::ui::kit::show::Show;
use crate::ui::store::{use_config, use_store};
use leptos::prelude::*;

/// How many intentions to show back at once.
const SHOWN: usize = 3;

/// The intentions card; renders nothing before any intention exists or outside dosing
/// and integration.
#[component]
pub fn Intentions() -> impl IntoView {
    let store = use_store();
    let config = use_config();
    let journal = store.journal();
    let shown = Memo::new(move |_| {
        journal.with(|j| {
            if !matches!(j.stage, Stage::Dosing | Stage::Integration) {
                return Vec::new();
            }
            let mut texts: Vec<String> = Vec::new();
            if let Some(s) = j.last_session().filter(|s| !s.intention.trim().is_empty()) {
                texts.push(s.intention.trim().to_owned());
            }
            for e in j.intentions() {
                if texts.len() == SHOWN {
                    break;
                }
                if !texts.contains(&e.text) {
                    texts.push(e.text.clone());
                }
            }
            texts
        })
    });
    let heading = config.dom_id("intentions-heading");
    let labelled_by = heading.clone();
    view! {
        <Show when=move || !shown.get().is_empty()>
            <section class="ag-card ag-intentions" aria-labelledby=labelled_by.clone()>
                <h2 class="ag-h2" id=heading.clone()>{tr(T::intentions_heading)}</h2>
                <p class="ag-hint">{tr(T::intentions_lead)}</p>
                <ul class="ag-quotes">
                    {move || shown.get().into_iter().map(|t| view! { <li class="ag-quote">{t}</li> }).collect_view()}
                </ul>
                <p class="ag-intentions__ask">{tr(T::intentions_ask)}</p>
            </section>
        </Show>
    }
}
