//! The live region: status messages (saved, restored, errors) shown near the top of the
//! view and announced to screen readers, with Undo after a delete.

use crate::ui::store::{use_notices, use_store};
use leptos::prelude::*;

/// Shows and announces the store's current notice.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let store = use_store();
    let notices = use_notices();
    let notice = notices.current();
    let undo = move |_| {
        if let Some(deleted) = notice.get_untracked().and_then(|n| n.undo) {
            store.undo(deleted);
        }
    };
    view! {
        <div class="ag-status" role="status">
            {move || notice.get().filter(|n| !n.is_error).map(|n| n.text)}
            {move || {
                notice
                    .get()
                    .and_then(|n| n.undo)
                    .map(|_| view! {
                        " "
                        <button type="button" class="ag-button ag-button--quiet ag-button--small" on:click=undo>
                            {crate::i18n::tr(crate::i18n::T::notice_undo)}
                        </button>
                    })
            }}
        </div>
        <div class="ag-status ag-status--error" role="alert">
            {move || notice.get().filter(|n| n.is_error).map(|n| n.text)}
        </div>
    }
}
