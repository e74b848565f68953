//! "Language" in Settings: the words Afterglow writes, English or Español. Choosing one
//! keeps it for this journal (`{ns}:lang`, plain, so the lock screen speaks it too) and
//! loads the page again in it, back on this card. Never touches what the patient
//! wrote, and never goes in a backup.

use crate::i18n::{self, tr, Lang, T};
use crate::ui::shell::lang;
use crate::ui::store::{use_config, use_notices};
use leptos::prelude::*;

/// The language card.
#[component]
pub fn LanguageCard() -> impl IntoView {
    let config = use_config();
    let notices = use_notices();
    let select = NodeRef::<leptos::html::Select>::new();
    let id = config.dom_id("language");
    let label_for = id.clone();
    let heading = config.dom_id("language-heading");
    let labelled = heading.clone();
    let shown = i18n::lang();
    // Just mounted again by a switch: back where the patient was, and told so.
    if lang::take_just_switched() {
        select.on_load(move |el| {
            let _ = el.focus();
        });
        notices.say(tr(T::settings_lang_saved), false);
    }
    let change = move |ev: leptos::ev::Event| {
        let Some(chosen) = Lang::parse(&event_target_value(&ev)) else { return };
        if chosen == i18n::lang() {
            return;
        }
        if !lang::switch(&config.namespace(), chosen) {
            // Nothing changed: the choice shows the language still in use.
            if let Some(el) = select.get_untracked() {
                el.set_value(i18n::lang().code());
            }
            notices.say(tr(T::settings_lang_not_saved), true);
        }
    };
    view! {
        <section class="ag-card" aria-labelledby=labelled>
            <h2 class="ag-h2" id=heading>{tr(T::settings_lang_heading)}</h2>
            <label class="ag-label" for=label_for>{tr(T::settings_lang_label)}</label>
            <select id=id class="ag-select" node_ref=select on:change=change>
                {Lang::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.code() lang=l.code() selected=l == shown>{l.name()}</option> })
                    .collect_view()}
            </select>
            <p class="ag-hint">{tr(T::settings_lang_hint)}</p>
        </section>
    }
}
