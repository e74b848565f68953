//! Crisis resources: a "Get help now" button in the header of every view, and the panel
//! it opens, with the patient's safety plan one link away. The same panel appears at
//! once when a PHQ-9 answer calls for it. Resources
//! are the clinic's (checked in `config::clinic_data`) or `domain::crisis` defaults; links are `tel:`/`sms:`/https, never parsed HTML.

use crate::domain::CrisisResource;
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::show::Show;
use crate::ui::store::use_config;
use leptos::prelude::*;

/// The resources and the privacy notice, in plain words.
#[component]
pub fn CrisisPanel(
    /// The opening sentence.
    #[prop(into)]
    lead: String,
    /// Called when the patient follows the link to their safety plan (the header's
    /// panel closes: the plan's page shows the resources itself).
    #[prop(optional)]
    on_plan: Option<Callback<()>>,
    /// Leaves the safety-plan line out (on the plan's own page).
    #[prop(optional)]
    without_plan: bool,
) -> impl IntoView {
    let config = use_config();
    // No store while the journal is locked: the plan is one unlock away, and the line says
    // nothing of whether there is one. Unknown while older months are still being read.
    let direct = use_context::<crate::ui::store::JournalStore>();
    let open = use_context::<crate::ui::shell::OpenJournal>();
    let store = move || direct.or_else(|| open.and_then(|o| o.0.get()));
    let has_plan = move || {
        store()
            .is_none_or(|store| !store.archive_ready() || store.journal().with(|j| j.safety_plan().is_some()))
    };
    let heading = config.dom_id(&format!("crisis-heading-{}", lead.len()));
    let labelled_by = heading.clone();
    view! {
        <section class="ag-crisis" aria-labelledby=labelled_by>
            <h2 class="ag-h2" id=heading>{tr(T::crisis_heading)}</h2>
            <p class="ag-crisis__lead">{lead}</p>
            <ul class="ag-crisis__list">
                {config.crisis().into_iter().map(|r| view! { <Resource resource=r /> }).collect_view()}
            </ul>
            <p class="ag-crisis__plan" hidden=move || without_plan || store().is_none()>
                <a
                    class="ag-link"
                    href=crate::ui::shell::nav::link(crate::ui::shell::nav::View::SafetyPlan)
                    on:click=move |_| {
                        if let Some(f) = on_plan {
                            f.run(());
                        }
                    }
                >
                    {tr(T::crisis_my_plan)}
                </a>
                {move || (!has_plan()).then_some(tr(T::crisis_no_plan))}
            </p>
            <p class="ag-hint">{tr(T::crisis_private)}</p>
        </section>
    }
}

#[component]
fn Resource(resource: CrisisResource) -> impl IntoView {
    let call = resource.call_href().map(|href| {
        let number = resource.phone.clone().unwrap_or_default();
        view! { <a class="ag-button ag-button--primary" href=href>{tr_with(T::crisis_call, &[("number", &number)])}</a> }
    });
    let text = resource.text_href().map(|href| {
        let number = resource.text.clone().unwrap_or_default();
        view! { <a class="ag-button ag-button--quiet" href=href>{tr_with(T::crisis_text, &[("number", &number)])}</a> }
    });
    let site = resource.url.clone().filter(|u| u.starts_with("https://")).map(|href| {
        view! { <a class="ag-link" href=href rel="noopener noreferrer" target="_blank">{tr(T::crisis_website)}</a> }
    });
    view! {
        <li class="ag-crisis__item">
            <p class="ag-crisis__name">{resource.name}</p>
            <p class="ag-crisis__about">{resource.description}</p>
            <div class="ag-row">{call}{text}{site}</div>
        </li>
    }
}

/// "Get help now": opens and closes the crisis panel, from every view.
#[component]
pub fn CrisisButton() -> impl IntoView {
    let config = use_config();
    let open = RwSignal::new(false);
    let panel = config.dom_id("crisis-panel");
    let controls = panel.clone();
    view! {
        <button
            type="button"
            class="ag-button ag-button--help"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=controls
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {tr(T::crisis_button)}
        </button>
        <div id=panel class="ag-crisis-wrap" hidden=move || !open.get()>
            <Show when=move || open.get()>
                <CrisisPanel
                    lead=tr(T::crisis_lead)
                    on_plan=Callback::new(move |()| open.set(false))
                />
            </Show>
        </div>
    }
}
