//! The widget's configuration as a context: validated once at mount and provided once;
//! every component and the store read it through this handle, never a copy.
//!
//! Must never change after mount.

use crate::config::session_day::SessionDay;
use crate::config::{Config, ConfigProblem};
use crate::domain::crisis::ClinicContact;
use crate::domain::{ChecklistItem, CrisisResource, PromptLibrary, RedFlag, Stage};
use crate::storage::Namespace;
use leptos::prelude::*;

/// A handle to the configuration; `Copy`.
#[derive(Clone, Copy)]
pub struct ConfigContext(StoredValue<Config>);

impl ConfigContext {
    /// Reads the configuration.
    pub fn with<R>(&self, f: impl FnOnce(&Config) -> R) -> R {
        self.0.with_value(f)
    }

    /// Where this widget's journal lives.
    pub fn namespace(&self) -> Namespace {
        self.with(|c| c.namespace.clone())
    }

    /// The prompt library in use.
    pub fn with_library<R>(&self, f: impl FnOnce(&PromptLibrary) -> R) -> R {
        self.with(|c| f(&c.library))
    }

    /// The clinic's name, when the host page gives one.
    pub fn clinic(&self) -> Option<String> {
        self.with(|c| c.clinic.clone())
    }

    /// Who to call or text in a crisis: the clinic's region's, or 988 and 911.
    pub fn crisis(&self) -> Vec<CrisisResource> {
        self.with(|c| c.crisis.clone())
    }

    /// The session day's configuration, checked the first time any view asks (only views
    /// in chunks do: the first screen carries none of it); what it refused goes to the
    /// console then, as start-up's problems do.
    fn with_session_day<R>(&self, f: impl FnOnce(&SessionDay) -> R) -> R {
        self.with(|c| {
            let first = !c.session_day.is_checked();
            let day = c.session_day.get();
            if first {
                warn_problems(&day.problems);
            }
            f(day)
        })
    }

    /// The day-of checklist (Afterglow's, or the clinic's).
    pub fn checklist(&self) -> Vec<ChecklistItem> {
        self.with_session_day(|d| d.checklist.clone())
    }

    /// The signs that mean "contact your clinic today".
    pub fn red_flags(&self) -> Vec<RedFlag> {
        self.with_session_day(|d| d.red_flags.clone())
    }

    /// The clinic's contact, when its config gives one.
    pub fn contact(&self) -> Option<ClinicContact> {
        self.with_session_day(|d| d.contact.clone())
    }

    /// Whether after-effects ask for blood pressure and pulse.
    pub fn vitals(&self) -> bool {
        self.with(|c| c.vitals)
    }

    /// A DOM id unique to this widget, so two widgets on one page never share ids.
    pub fn dom_id(&self, name: &str) -> String {
        self.with(|c| format!("ag-{}-{name}", c.namespace))
    }

    /// The questionnaires offered, in the clinic's order.
    pub fn questionnaires(&self) -> Vec<crate::domain::Instrument> {
        self.with(|c| c.questionnaires.clone())
    }

    /// Days between suggested questionnaires.
    pub fn questionnaire_days(&self) -> i64 {
        self.with(|c| c.questionnaire_days)
    }

    /// Days between suggested backups.
    pub fn backup_days(&self) -> i64 {
        self.with(|c| c.backup_days)
    }

    /// Days between goal reviews in follow-up.
    pub fn review_days(&self) -> i64 {
        self.with(|c| c.review_days)
    }

    /// The stage a journal without saved settings starts in.
    pub fn default_stage(&self) -> Stage {
        self.with(|c| c.default_stage)
    }
}

/// Provides the configuration to every component below; returns its handle.
pub fn provide_config(config: Config) -> ConfigContext {
    let handle = ConfigContext(StoredValue::new(config));
    provide_context(handle);
    handle
}

/// The configuration provided by the app root.
pub fn use_config() -> ConfigContext {
    expect_context::<ConfigContext>()
}

/// Names each refused configuration value in the console, for the clinic's developer.
pub fn warn_problems(problems: &[ConfigProblem]) {
    for p in problems {
        leptos::logging::warn!("Afterglow: {}: {}", p.attribute, p.message);
    }
}
