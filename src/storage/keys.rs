//! The storage key layout: one namespace per journal, one key per record.
//!
//! ```text
//! {ns}:meta        {"schema":1}            written with the first record
//! {ns}:prefs       {"stage":"dosing"}      the patient's settings
//! {ns}:lang        es                      the language chosen (plain, like the lock record)
//! {ns}:draft:{tab} {"t":"…","pi":"…"}      text one tab typed but has not saved
//! {ns}:edits:{tab} [{"id":…,"t":…,…}]      one tab's edits of saved entries not yet saved
//! {ns}:draft, {ns}:edits                   the same, shared by all tabs in older versions
//! {ns}:e:{id}      one journal entry       saving one entry writes one key
//! {ns}:s:{id}      one dosing session
//! {ns}:i:{id}      one insight
//! {ns}:a:{id}      one action step
//! {ns}:c:{id}      one mood check-in
//! {ns}:q:{id}      one questionnaire result
//! {ns}:m:{YYYY-MM} every record of a closed month, compressed (schema 2, `archive`)
//! {ns}:quarantine:{key}  a value that could not be read, set aside, never deleted
//! ```
//! A record key may hold `archive::TOMBSTONE`: an archived record deleted.
//! Pure: builds and parses strings, never touches storage.

use crate::domain::Kind;
use std::fmt;

/// A validated storage namespace: 1 to 32 of `[a-z0-9_-]`. It cannot contain `:`, so no
/// namespace's keys are a prefix of another's.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Namespace(String);

/// The namespace used when the host page names none.
pub const DEFAULT_NAMESPACE: &str = "afterglow";

/// Why a namespace was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("storage namespace {0:?} must be 1 to 32 characters of a-z, 0-9, '-' or '_'")]
pub struct BadNamespace(pub String);

impl Namespace {
    /// Parses a namespace as a clinic might write it in a host attribute.
    pub fn parse(text: &str) -> Result<Self, BadNamespace> {
        let ok = (1..=32).contains(&text.len())
            && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if ok {
            Ok(Namespace(text.to_owned()))
        } else {
            Err(BadNamespace(text.to_owned()))
        }
    }

    /// The namespace as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Namespace {
    fn default() -> Self {
        Namespace(DEFAULT_NAMESPACE.to_owned())
    }
}

impl fmt::Display for Namespace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a key in this namespace holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyKind<'a> {
    /// The schema version record.
    Meta,
    /// The patient's settings.
    Prefs,
    /// One tab's unsaved draft: the tab's id, empty for the key older versions shared.
    Draft(&'a str),
    /// One tab's edits of saved entries in progress: the tab's id, or empty.
    Edits(&'a str),
    /// One tab's forms in progress (plans, reviews): the tab's id.
    Forms(&'a str),
    /// A record: its kind and the id part of the key.
    Record(Kind, &'a str),
    /// A closed month's archive: the month, `YYYY-MM`.
    Month(&'a str),
    /// A value that could not be read, set aside under its original key's tail.
    Quarantine(&'a str),
    /// A key in this namespace that this version does not know (a newer version's, or a
    /// later feature's): left alone.
    Unknown(&'a str),
}

/// Whether `text` is a tab id: 1 to 16 of `[a-z0-9]`.
pub fn is_tab(text: &str) -> bool {
    (1..=16).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// Builds and classifies the keys of one namespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    prefix: String,
}

impl Keys {
    /// The keys of `namespace`.
    pub fn new(namespace: &Namespace) -> Self {
        Keys { prefix: format!("{}:", namespace.as_str()) }
    }

    /// `{ns}:` — every key of the namespace starts with it.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The schema record's key.
    pub fn meta(&self) -> String {
        format!("{}meta", self.prefix)
    }

    /// The language the patient chose (`en`, `es`): kept plain, beside the lock record,
    /// so the lock screen speaks it; never in a backup (a restore keeps this device's).
    pub fn lang(&self) -> String {
        format!("{}lang", self.prefix)
    }

    /// The settings key.
    pub fn prefs(&self) -> String {
        format!("{}prefs", self.prefix)
    }

    /// The draft key older versions shared between tabs.
    pub fn draft(&self) -> String {
        self.draft_of("")
    }

    /// The key of one tab's draft (`""`: the shared key of older versions).
    pub fn draft_of(&self, tab: &str) -> String {
        if tab.is_empty() {
            format!("{}draft", self.prefix)
        } else {
            format!("{}draft:{tab}", self.prefix)
        }
    }

    /// The key of the edits in progress older versions shared between tabs.
    pub fn edits(&self) -> String {
        self.edits_of("")
    }

    /// The key of one tab's edits in progress (`""`: the shared key of older versions).
    pub fn edits_of(&self, tab: &str) -> String {
        if tab.is_empty() {
            format!("{}edits", self.prefix)
        } else {
            format!("{}edits:{tab}", self.prefix)
        }
    }

    /// The key of one tab's forms in progress.
    pub fn forms_of(&self, tab: &str) -> String {
        format!("{}forms:{tab}", self.prefix)
    }

    /// The key of the record of kind `tag` with this id.
    pub fn record(&self, tag: char, id: &str) -> String {
        format!("{}{tag}:{id}", self.prefix)
    }

    /// The key of a record of `kind` with this id.
    pub fn of(&self, kind: Kind, id: &str) -> String {
        self.record(super::record::tag(kind), id)
    }

    /// The archive key of a month (`YYYY-MM`).
    pub fn month(&self, month: &str) -> String {
        format!("{}m:{month}", self.prefix)
    }

    /// Where an unreadable value from `key` is set aside.
    pub fn quarantine(&self, key: &str) -> String {
        let tail = key.strip_prefix(self.prefix.as_str()).unwrap_or(key);
        format!("{}quarantine:{tail}", self.prefix)
    }

    /// What `key` holds, or `None` when it is not in this namespace.
    pub fn classify<'k>(&self, key: &'k str) -> Option<KeyKind<'k>> {
        let rest = key.strip_prefix(self.prefix.as_str())?;
        Some(match rest {
            "meta" => KeyKind::Meta,
            "prefs" => KeyKind::Prefs,
            "draft" => KeyKind::Draft(""),
            "edits" => KeyKind::Edits(""),
            _ if rest.strip_prefix("draft:").is_some_and(is_tab) => KeyKind::Draft(&rest["draft:".len()..]),
            _ if rest.strip_prefix("edits:").is_some_and(is_tab) => KeyKind::Edits(&rest["edits:".len()..]),
            _ if rest.strip_prefix("forms:").is_some_and(is_tab) => KeyKind::Forms(&rest["forms:".len()..]),
            _ if rest.strip_prefix("m:").is_some_and(super::archive::is_month) => KeyKind::Month(&rest[2..]),
            _ if rest.starts_with("quarantine:") => KeyKind::Quarantine(&rest["quarantine:".len()..]),
            _ => {
                let mut chars = rest.chars();
                match (chars.next().and_then(super::record::kind_of), chars.next()) {
                    (Some(kind), Some(':')) => KeyKind::Record(kind, &rest[2..]),
                    _ => KeyKind::Unknown(rest),
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_are_validated() {
        assert!(Namespace::parse("afterglow").is_ok());
        assert!(Namespace::parse("clinic_a-2").is_ok());
        for bad in ["", "Clinic", "a:b", "a b", "ä", &"a".repeat(33)] {
            assert!(Namespace::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn keys_round_trip_and_stay_in_their_namespace() {
        let a = Keys::new(&Namespace::parse("a").unwrap());
        let ab = Keys::new(&Namespace::parse("ab").unwrap());
        assert_eq!(a.classify(&a.record('e', "x1")), Some(KeyKind::Record(Kind::Entry, "x1")));
        assert_eq!(a.classify(&a.record('a', "x2")), Some(KeyKind::Record(Kind::Step, "x2")));
        assert_eq!(a.classify("a:z:x3"), Some(KeyKind::Unknown("z:x3")));
        assert_eq!(a.classify(&a.meta()), Some(KeyKind::Meta));
        assert_eq!(a.classify(&a.prefs()), Some(KeyKind::Prefs));
        assert_eq!(a.classify(&a.draft()), Some(KeyKind::Draft("")));
        assert_eq!(a.classify(&a.draft_of("t1")), Some(KeyKind::Draft("t1")));
        assert_eq!(a.classify(&a.edits_of("t1")), Some(KeyKind::Edits("t1")));
        assert_eq!(a.classify(&a.forms_of("t1")), Some(KeyKind::Forms("t1")));
        assert_eq!(a.classify("a:forms:NOT A TAB"), Some(KeyKind::Unknown("forms:NOT A TAB")));
        assert_eq!(a.classify("a:draft:NOT A TAB"), Some(KeyKind::Unknown("draft:NOT A TAB")));
        assert_eq!(a.classify("a:later"), Some(KeyKind::Unknown("later")));
        assert_eq!(a.classify(&a.month("2024-03")), Some(KeyKind::Month("2024-03")));
        assert_eq!(a.classify("a:m:2024-13"), Some(KeyKind::Unknown("m:2024-13")));
        assert_eq!(a.classify(&ab.record('e', "x1")), None);
        assert_eq!(a.classify("other-app-key"), None);
    }
}
