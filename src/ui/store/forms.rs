//! Forms in progress (a plan, a goal review, a follow-up check-in's words): what the
//! patient typed is kept per tab under `{ns}:forms:{tab}` while they type (debounced,
//! written at once when the page is hidden), comes back after a reload or in the next
//! tab once this one is closed, and goes once the form is saved. When storage is full
//! the words are kept in the tab like the composer's draft, with the same message.
//!
//! Must never drop typed words: a form's words leave storage only when the form holds
//! nothing unsaved.

use super::JournalStore;
use crate::storage::record::FormDraft;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::time::Duration;

/// A form's fields by name.
pub type Fields = BTreeMap<String, String>;

/// How long typing must pause before a form's words are written.
const DEBOUNCE: Duration = Duration::from_millis(400);

impl JournalStore {
    /// The words left in `form` last time (this tab's, or a closed tab's taken over).
    pub fn form_draft(&self, form: &str) -> Option<Fields> {
        self.work.forms.with_value(|f| f.get(form).map(|d| d.fields.clone()))
    }

    /// Keeps `form`'s words (written after a pause in typing).
    pub fn keep_form(&self, form: &str, fields: Fields) {
        self.work.forms.update_value(|f| {
            f.insert(form.to_owned(), FormDraft { fields });
        });
        if let Some(handle) = self.work.forms_timer.get_value() {
            handle.clear();
        }
        let store = *self;
        let handle = set_timeout_with_handle(move || store.persist_forms(), DEBOUNCE).ok();
        self.work.forms_timer.set_value(handle);
    }

    /// `form` holds nothing unsaved any more (saved, or emptied): its words go.
    pub fn drop_form(&self, form: &str) {
        let had = self.work.forms.try_update_value(|f| f.remove(form).is_some()).unwrap_or(false);
        if had {
            self.persist_forms();
        }
    }

    /// Writes the forms in progress now (also when the page is hidden or closed).
    pub fn persist_forms(&self) {
        if let Some(handle) = self.work.forms_timer.get_value() {
            handle.clear();
            self.work.forms_timer.set_value(None);
        }
        let forms = self.work.forms.get_value();
        let result = self.repo.with_value(|r| r.save_forms(&forms));
        let mut unsaved = self.work.unsaved.get_untracked();
        match result {
            Ok(()) => {
                if !unsaved.forms.is_empty() {
                    unsaved.forms.clear();
                    self.keep_in_tab(unsaved);
                }
            }
            Err(e) => {
                unsaved.forms = forms;
                self.report_unsaved(unsaved, e);
            }
        }
    }

    /// Whether words typed in a form wait to be written.
    pub(super) fn forms_pending(&self) -> bool {
        self.work.forms_timer.get_value().is_some()
    }
}

/// Keeps a form's words while the patient types: `fields` is what the form holds,
/// `unsaved` whether that differs from what is stored. Call once in the form's
/// component; the words from last time are [`JournalStore::form_draft`]'s, read before.
/// Written when the form is left, too.
pub fn keep_form_typing(
    store: JournalStore,
    form: &'static str,
    fields: impl Fn() -> Fields + 'static,
    unsaved: impl Fn() -> bool + 'static,
) {
    keep_typing(store, form, Box::new(fields), Box::new(unsaved));
}

/// [`keep_form_typing`] behind its closures: one copy of the effect and its cleanup for
/// every form, where a generic one made a copy per form.
fn keep_typing(
    store: JournalStore,
    form: &'static str,
    fields: Box<dyn Fn() -> Fields>,
    unsaved: Box<dyn Fn() -> bool>,
) {
    Effect::new(move |first: Option<()>| {
        let (fields, unsaved) = (fields(), unsaved());
        // The first run is the form as it opened: nothing typed yet.
        if first.is_none() {
            return;
        }
        if unsaved && fields.values().any(|v| !v.trim().is_empty()) {
            store.keep_form(form, fields);
        } else {
            store.drop_form(form);
        }
    });
    on_cleanup(move || {
        if store.forms_pending() {
            store.persist_forms();
        }
    });
}

/// The words a form starts with: those from last time when there are, else `stored`.
pub fn field_or(draft: &Option<Fields>, name: &str, stored: impl FnOnce() -> String) -> String {
    draft.as_ref().and_then(|d| d.get(name).cloned()).unwrap_or_else(stored)
}

/// A plan's answers as kept while typing: only those that differ from the answers the
/// form last saw (`was`), by their index, so words kept here never stand in for what
/// another tab saved since.
pub fn changed_answers(now: &[String], was: &[String]) -> Fields {
    crate::domain::order::map_of(
        now.iter()
            .zip(was)
            .enumerate()
            .filter(|(_, (now, was))| now != was)
            .map(|(i, (text, _))| (i.to_string(), text.clone())),
    )
}

/// Puts a plan's answers kept from last time (see [`changed_answers`]) back in place.
pub fn put_back_answers(fields: &Fields, answers: &mut [String]) {
    for (i, answer) in answers.iter_mut().enumerate() {
        if let Some(text) = fields.get(&i.to_string()) {
            answer.clone_from(text);
        }
    }
}
