//! The session-day part of the clinic's JSON config: its day-of `checklist` (replacing or
//! adding to Afterglow's), extra `red_flags`, and the clinic's `contact` for "contact
//! your clinic today". Each item is checked on its own: a bad one is reported and
//! dropped, the rest used. Links are `tel:` or `https:` only; no text is ever markup.
//! Pure: takes the JSON child's text.
//!
//! Checked when first asked for ([`SessionDayConfig::get`], from the views of a session's
//! day, in their chunks), not at start-up: the first screen carries neither these checks
//! nor Afterglow's own checklist and red flags. Must never be asked for by start-up code.

use super::clinic_data::{listed, parse_https, parse_number, problem, text_field, PromptMode};
use super::ConfigProblem;
use crate::domain::crisis::ClinicContact;
use crate::domain::{ChecklistItem, RedFlag};
use serde_json::{Map, Value};
use std::sync::{Arc, OnceLock};

/// The session day's configuration: Afterglow's checklist and red flags, with the
/// clinic's, and the clinic's contact.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionDay {
    /// The day-of checklist.
    pub checklist: Vec<ChecklistItem>,
    /// The signs that mean "contact your clinic today".
    pub red_flags: Vec<RedFlag>,
    /// The clinic's contact, if given.
    pub contact: Option<ClinicContact>,
    /// What the clinic's part of it had that was refused.
    pub problems: Vec<ConfigProblem>,
}

/// The session day's configuration as given, checked once, when first asked for.
#[derive(Clone, Debug, Default)]
pub struct SessionDayConfig {
    /// The JSON child's text and the clinic's name.
    source: Option<(String, Option<String>)>,
    checked: Arc<OnceLock<SessionDay>>,
}

impl PartialEq for SessionDayConfig {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl SessionDayConfig {
    /// From the JSON child's text (`clinic` names the contact when it has no name).
    pub fn new(text: &str, clinic: Option<&str>) -> Self {
        SessionDayConfig {
            source: Some((text.to_owned(), clinic.map(str::to_owned))),
            checked: Arc::default(),
        }
    }

    /// Whether [`Self::get`] has checked it yet (its problems are new only then).
    pub fn is_checked(&self) -> bool {
        self.checked.get().is_some()
    }

    /// The checked configuration: Afterglow's own where the clinic gives none.
    pub fn get(&self) -> &SessionDay {
        self.checked.get_or_init(|| {
            let mut problems = Vec::new();
            let given = self.source.as_ref().and_then(|(text, clinic)| {
                // The JSON's own faults were reported at start-up: not again.
                let root = super::clinic_data::root(text, &mut Vec::new())?;
                Some(from_root(&root, clinic.as_deref(), &mut problems))
            });
            let mut day = given.unwrap_or_else(defaults);
            day.problems = problems;
            day
        })
    }
}

fn defaults() -> SessionDay {
    SessionDay {
        checklist: crate::domain::session_day::default_checklist(),
        red_flags: crate::domain::after_effects::default_red_flags(),
        contact: None,
        problems: Vec::new(),
    }
}

/// The session day's part of the JSON child's object.
pub(super) fn from_root(
    root: &Map<String, Value>,
    clinic: Option<&str>,
    problems: &mut Vec<ConfigProblem>,
) -> SessionDay {
    let mut day = defaults();
    if let Some(value) = root.get("checklist") {
        day.checklist = checklist(value, day.checklist, problems);
    }
    if let Some(value) = root.get("red_flags") {
        day.red_flags = red_flags(value, day.red_flags, problems);
    }
    if let Some(value) = root.get("contact") {
        day.contact = contact(value, clinic, problems);
    }
    day
}

/// Most checklist items or red flags a clinic may give.
const MAX_ITEMS: usize = 30;
/// Longest item, in characters.
const MAX_ITEM_CHARS: usize = 160;

fn item_id(map: &Map<String, Value>, name: &str, index: usize) -> Result<String, String> {
    match text_field(map, "id", 40)? {
        Some(id) if id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') => {
            Ok(format!("clinic-{id}"))
        }
        Some(id) => Err(format!("\"id\" {id:?} must be a-z, 0-9 and '-'")),
        None => Ok(format!("clinic-{name}-{}", index + 1)),
    }
}

/// Reads a list of `{id?, text, urgent?}` items; `urgent` only where `allow_urgent`.
fn items(
    name: &str,
    items: &[Value],
    allow_urgent: bool,
    problems: &mut Vec<ConfigProblem>,
) -> Vec<(String, String, bool)> {
    let mut out: Vec<(String, String, bool)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if out.len() == MAX_ITEMS {
            problems.push(problem(format!("only the first {MAX_ITEMS} items of \"{name}\" are used")));
            break;
        }
        let read = || -> Result<(String, String, bool), String> {
            let map = item.as_object().ok_or("must be an object")?;
            let known: &[&str] = if allow_urgent { &["id", "text", "urgent"] } else { &["id", "text"] };
            if let Some(key) = map.keys().find(|k| !known.contains(&k.as_str())) {
                return Err(format!("unknown key {key:?}"));
            }
            let text = text_field(map, "text", MAX_ITEM_CHARS)?.ok_or("\"text\" is required")?;
            let urgent = match map.get("urgent") {
                None | Some(Value::Null) => false,
                Some(Value::Bool(b)) => *b,
                Some(_) => return Err("\"urgent\" must be true or false".into()),
            };
            let id = item_id(map, name, i)?;
            if out.iter().any(|(seen, _, _)| *seen == id) {
                return Err(format!("id {id:?} is used twice"));
            }
            Ok((id, text, urgent))
        };
        match read() {
            Ok(item) => out.push(item),
            Err(e) => problems.push(problem(format!("{name}[{i}] is ignored: {e}"))),
        }
    }
    out
}

/// The day-of checklist: Afterglow's, with the clinic's added or instead.
pub fn checklist(
    value: &Value,
    defaults: Vec<ChecklistItem>,
    problems: &mut Vec<ConfigProblem>,
) -> Vec<ChecklistItem> {
    let Some((mode, list)) = listed("checklist", value, problems) else { return defaults };
    let mine: Vec<ChecklistItem> = items("checklist", list, false, problems)
        .into_iter()
        .map(|(id, text, _)| ChecklistItem { id, text })
        .collect();
    if mine.is_empty() {
        problems.push(problem("no usable checklist item; using Afterglow's checklist".into()));
        return defaults;
    }
    match mode {
        PromptMode::Add => defaults.into_iter().chain(mine).collect(),
        PromptMode::Replace => mine,
    }
}

/// The red flags: Afterglow's, with the clinic's added (a clinic cannot remove one).
pub fn red_flags(value: &Value, defaults: Vec<RedFlag>, problems: &mut Vec<ConfigProblem>) -> Vec<RedFlag> {
    let Some((mode, list)) = listed("red_flags", value, problems) else { return defaults };
    if mode == PromptMode::Replace {
        problems
            .push(problem("red_flags cannot replace Afterglow's red flags, only add to them; adding".into()));
    }
    let mine = items("red_flags", list, true, problems);
    defaults
        .into_iter()
        .chain(mine.into_iter().map(|(id, text, urgent)| RedFlag { id, text, urgent }))
        .collect()
}

/// The clinic's contact: `"tel:…"`, `"https://…"`, or `{"name", "phone", "url"}`.
pub fn contact(
    value: &Value,
    clinic: Option<&str>,
    problems: &mut Vec<ConfigProblem>,
) -> Option<ClinicContact> {
    let name_of =
        |given: Option<String>| given.or(clinic.map(str::to_owned)).unwrap_or_else(|| "Your clinic".into());
    let read = || -> Result<ClinicContact, String> {
        match value {
            Value::String(s) if s.trim().starts_with("tel:") => {
                let phone = parse_number(s, "tel:").ok_or(format!("{s:?} is not a phone number"))?;
                Ok(ClinicContact { name: name_of(None), phone: Some(phone), url: None })
            }
            Value::String(s) => {
                let url =
                    parse_https(s).ok_or(format!("{s:?} must be a tel: number or an https: address"))?;
                Ok(ClinicContact { name: name_of(None), phone: None, url: Some(url) })
            }
            Value::Object(map) => {
                if let Some(key) = map.keys().find(|k| !["name", "phone", "url"].contains(&k.as_str())) {
                    return Err(format!("unknown key {key:?}"));
                }
                let name = text_field(map, "name", 80)?;
                let phone = text_field(map, "phone", 40)?
                    .map(|raw| {
                        parse_number(&raw, "tel:").ok_or(format!("\"phone\" {raw:?} is not a phone number"))
                    })
                    .transpose()?;
                let url = text_field(map, "url", 300)?
                    .map(|raw| parse_https(&raw).ok_or(format!("\"url\" {raw:?} must be an https: address")))
                    .transpose()?;
                if phone.is_none() && url.is_none() {
                    return Err("needs \"phone\" or \"url\"".into());
                }
                Ok(ClinicContact { name: name_of(name), phone, url })
            }
            _ => Err("must be a tel: number, an https: address or {\"name\", \"phone\", \"url\"}".into()),
        }
    };
    read().map_err(|e| problems.push(problem(format!("contact is ignored: {e}")))).ok()
}
