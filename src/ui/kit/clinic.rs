//! How to reach the clinic: a call button and its contact page, from the clinic's config
//! (`contact`), or the plain words to use the number the clinic gave when it set none.
//! Used wherever Afterglow tells the patient to talk to their team.

use crate::domain::crisis::ClinicContact;
use crate::i18n::{tr, tr_with, T};
use leptos::prelude::*;

/// The clinic's contact as a row of links, or a sentence without one.
#[component]
pub fn ClinicReach(
    /// The clinic's contact, if its config gives one.
    contact: Option<ClinicContact>,
) -> impl IntoView {
    match contact {
        Some(c) => {
            let call = c.phone.clone().map(|p| {
                let href = format!("tel:{p}");
                view! { <a class="ag-button ag-button--primary" href=href>{tr_with(T::clinic_call, &[("name", &c.name), ("number", &p)])}</a> }
            });
            let site = c.url.clone().map(|u| {
                view! { <a class="ag-link" href=u rel="noopener noreferrer" target="_blank">{tr_with(T::clinic_page, &[("name", &c.name)])}</a> }
            });
            view! { <div class="ag-row">{call}{site}</div> }.into_any()
        }
        None => view! { <p>{tr(T::clinic_none)}</p> }.into_any(),
    }
}
