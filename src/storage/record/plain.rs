//! The stored records that are not kinds of the journal: the format's version
//! (`{ns}:meta`), the settings (`{ns}:prefs`), and a tab's text in progress (its draft and
//! its edits). Read by [`super::fields`] like the kinds; pure: serde only. Must never
//! change a stored name: these are read by every older and newer version.

use super::fields::Fields;
use crate::domain::{Journal, Stage, Theme};
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// `{ns}:meta`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct MetaRecord {
    /// Schema version of every record in the namespace.
    pub schema: u32,
}

impl MetaRecord {
    /// Reads the stored record.
    pub fn read(json: &str) -> Result<MetaRecord, String> {
        Ok(MetaRecord { schema: Fields::read(json, &["schema"])?.whole("schema")? })
    }
}

/// `{ns}:prefs`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct PrefsRecord {
    /// The patient's current stage.
    pub stage: Stage,
    /// Pinned prompt ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pins: Vec<String>,
    /// When the last full backup was downloaded (epoch milliseconds).
    #[serde(rename = "bk", default, skip_serializing_if = "Option::is_none")]
    pub last_backup: Option<i64>,
    /// The chosen colour scheme; absent means automatic.
    #[serde(rename = "th", default, skip_serializing_if = "is_auto")]
    pub theme: Theme,
    /// The first-run welcome is done.
    #[serde(rename = "w", default, skip_serializing_if = "std::ops::Not::not")]
    pub welcomed: bool,
}

fn is_auto(theme: &Theme) -> bool {
    *theme == Theme::Auto
}

impl PrefsRecord {
    /// Reads the stored record.
    pub fn read(json: &str) -> Result<PrefsRecord, String> {
        let mut f = Fields::read(json, &["stage", "pins", "bk", "th", "w"])?;
        Ok(PrefsRecord {
            stage: f.name("stage", Stage::from_stored_name)?,
            pins: f.texts("pins")?,
            last_backup: f.opt_whole("bk")?,
            theme: f.name_or_default("th", Theme::from_stored_name)?,
            welcomed: f.flag("w")?,
        })
    }

    /// The settings part of a journal, as stored.
    pub fn of(journal: &Journal) -> Self {
        PrefsRecord {
            stage: journal.stage,
            pins: journal.pinned.clone(),
            last_backup: journal.last_backup.map(|t| t.timestamp_millis()),
            theme: journal.theme,
            welcomed: journal.welcomed,
        }
    }

    /// Puts these settings into `journal`; returns whether anything changed.
    pub fn apply(self, journal: &mut Journal) -> bool {
        let last_backup = self.last_backup.and_then(|t| crate::domain::when::instant(t).ok());
        let changed = (self.stage, &self.pins, last_backup, self.theme, self.welcomed)
            != (journal.stage, &journal.pinned, journal.last_backup, journal.theme, journal.welcomed);
        journal.stage = self.stage;
        journal.pinned = self.pins;
        journal.last_backup = last_backup;
        journal.theme = self.theme;
        journal.welcomed = self.welcomed;
        changed
    }
}

/// `{ns}:draft:{tab}`: what the patient was typing in one tab, kept until it is saved or
/// cleared.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct DraftRecord {
    /// The text typed so far.
    #[serde(rename = "t")]
    pub text: String,
    /// The prompt it answers, if any.
    #[serde(rename = "pi", default, skip_serializing_if = "Option::is_none")]
    pub prompt_id: Option<String>,
    /// The session it reflects on, if any.
    #[serde(rename = "si", default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
}

impl DraftRecord {
    /// Reads the stored record.
    pub fn read(json: &str) -> Result<DraftRecord, String> {
        let mut f = Fields::read(json, &["t", "pi", "si"])?;
        Ok(DraftRecord { text: f.text("t")?, prompt_id: f.opt_text("pi")?, session: f.opt_text("si")? })
    }
}

/// One entry being edited and not yet saved, in `{ns}:edits:{tab}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize))]
pub struct EditDraftRecord {
    /// The entry's id.
    pub id: String,
    /// The text typed so far.
    #[serde(rename = "t")]
    pub text: String,
    /// The private switch so far.
    #[serde(rename = "x", default)]
    pub private: bool,
    /// The edit time of the version the edit started from.
    #[serde(rename = "be")]
    pub base_edited: i64,
    /// The text of that version, to tell whether another tab changed it meanwhile.
    #[serde(rename = "bt")]
    pub base_text: String,
    /// When the entry was first written, so the text can become an entry of its own if
    /// another tab deletes this one.
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    /// The entry's stage, likewise.
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
}

impl EditDraftRecord {
    /// Reads the stored list of a tab's edits.
    pub fn read_list(json: &str) -> Result<Vec<EditDraftRecord>, String> {
        let names = &["id", "t", "x", "be", "bt", "c", "s"];
        Fields::read_list(json, names)?
            .into_iter()
            .map(|mut f| {
                Ok(EditDraftRecord {
                    id: f.text("id")?,
                    text: f.text("t")?,
                    private: f.flag("x")?,
                    base_edited: f.whole("be")?,
                    base_text: f.text("bt")?,
                    created: f.opt_whole("c")?,
                    stage: f.opt_name("s", Stage::from_stored_name)?,
                })
            })
            .collect()
    }
}
