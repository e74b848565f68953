//! The larger configuration a clinic gives in one JSON child of the host element,
//! `<script type="application/json" data-afterglow-config>`: its region's crisis
//! resources and its prompts. Every item is checked on its own, so one bad item is
//! reported and dropped while the rest are used. Links are `https:`, `tel:` or `sms:`
//! only, and no text is ever treated as markup. Pure: takes the script's text.

use super::ConfigProblem;
use crate::domain::crisis::ClinicContact;
use crate::domain::{ChecklistItem, CrisisResource, Prompt, RedFlag, Stage, When};
use serde_json::{Map, Value};

/// Where problems in the JSON are reported.
pub const JSON_SOURCE: &str = "data-afterglow-config";
/// Most crisis resources shown.
const MAX_RESOURCES: usize = 8;
/// Most clinic prompts.
const MAX_PROMPTS: usize = 200;
/// Longest prompt, in characters.
const MAX_PROMPT_CHARS: usize = 300;

/// How clinic prompts combine with Afterglow's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptMode {
    /// After the built-in library.
    Add,
    /// Instead of it.
    Replace,
}

/// What the JSON child configured.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClinicData {
    /// The region's crisis resources, replacing the defaults; `None` keeps them.
    pub crisis: Option<Vec<CrisisResource>>,
    /// The clinic's prompts and how they combine; `None` keeps the built-in library.
    pub prompts: Option<(PromptMode, Vec<Prompt>)>,
    /// The day-of checklist, the clinic's combined with Afterglow's.
    pub checklist: Option<Vec<ChecklistItem>>,
    /// Afterglow's red flags and the clinic's.
    pub red_flags: Option<Vec<RedFlag>>,
    /// Who to contact about an after-effect.
    pub contact: Option<ClinicContact>,
}

pub(super) fn problem(message: String) -> ConfigProblem {
    ConfigProblem { attribute: JSON_SOURCE, message }
}

/// The keys the JSON child may have.
const KEYS: [&str; 5] = ["crisis", "prompts", "checklist", "red_flags", "contact"];

/// Parses the JSON child's text. Malformed JSON, unknown keys and bad items each give a
/// problem; what is valid is kept. `clinic` names the clinic's contact when it has none.
pub fn parse(text: &str, clinic: Option<&str>, problems: &mut Vec<ConfigProblem>) -> ClinicData {
    let Some(root) = root(text, problems) else { return ClinicData::default() };
    let mut data = first_from_root(&root, problems);
    let day = super::session_day::from_root(&root, clinic, problems);
    data.checklist = root.contains_key("checklist").then_some(day.checklist);
    data.red_flags = root.contains_key("red_flags").then_some(day.red_flags);
    data.contact = day.contact;
    data
}

/// The JSON child's text as an object: `None` (and a problem) if it is not one.
pub(super) fn root(text: &str, problems: &mut Vec<ConfigProblem>) -> Option<Map<String, Value>> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Some(map),
        Ok(_) => {
            problems.push(problem("must be a JSON object; it is ignored".into()));
            None
        }
        Err(e) => {
            problems.push(problem(format!("is not valid JSON ({e}); it is ignored")));
            None
        }
    }
}

/// What start-up needs of the JSON child: its crisis resources and prompts (and which
/// keys are unknown). The session day's part is checked when first asked for
/// ([`super::session_day::SessionDayConfig`]). `None` when the text is not a JSON object.
pub fn parse_first(text: &str, problems: &mut Vec<ConfigProblem>) -> Option<ClinicData> {
    root(text, problems).map(|root| first_from_root(&root, problems))
}

fn first_from_root(root: &Map<String, Value>, problems: &mut Vec<ConfigProblem>) -> ClinicData {
    let mut data = ClinicData::default();
    for key in root.keys().filter(|k| !KEYS.contains(&k.as_str())) {
        problems.push(problem(format!("unknown key {key:?} is ignored; known keys are {}", KEYS.join(", "))));
    }
    if let Some(value) = root.get("crisis") {
        data.crisis = crisis(value, problems);
    }
    if let Some(value) = root.get("prompts") {
        data.prompts = prompts(value, problems);
    }
    data
}

fn crisis(value: &Value, problems: &mut Vec<ConfigProblem>) -> Option<Vec<CrisisResource>> {
    let Some(items) = value.as_array() else {
        problems.push(problem("\"crisis\" must be a list of resources; using the defaults".into()));
        return None;
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate().take(MAX_RESOURCES) {
        match resource(item) {
            Ok(r) => out.push(r),
            Err(e) => problems.push(problem(format!("crisis[{i}] is ignored: {e}"))),
        }
    }
    if items.len() > MAX_RESOURCES {
        problems.push(problem(format!("only the first {MAX_RESOURCES} crisis resources are shown")));
    }
    if out.is_empty() {
        problems.push(problem("no usable crisis resource; using the defaults (988, 911)".into()));
        return None;
    }
    Some(out)
}

pub(super) fn text_field(map: &Map<String, Value>, key: &str, max: usize) -> Result<Option<String>, String> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let s = s.trim();
            if s.chars().count() > max {
                Err(format!("\"{key}\" is longer than {max} characters"))
            } else if s.chars().any(char::is_control) {
                Err(format!("\"{key}\" contains control characters"))
            } else {
                Ok((!s.is_empty()).then(|| s.to_owned()))
            }
        }
        Some(_) => Err(format!("\"{key}\" must be text")),
    }
}

/// A number as dialled: an optional `+`, then digits with spaces, dots, hyphens or
/// brackets; 2 to 20 digits. A `tel:`/`sms:` prefix is accepted. Returns `+` and digits.
pub fn parse_number(text: &str, scheme: &str) -> Option<String> {
    let t = text.trim();
    let t = t.strip_prefix(scheme).unwrap_or(t);
    let (plus, rest) = t.strip_prefix('+').map_or(("", t), |r| ("+", r));
    if !rest.chars().all(|c| c.is_ascii_digit() || " .-()".contains(c)) {
        return None;
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    (2..=20).contains(&digits.len()).then(|| format!("{plus}{digits}"))
}

/// An `https:` URL with a host and nothing that could break out of an attribute.
pub fn parse_https(text: &str) -> Option<String> {
    let t = text.trim();
    let rest = t.strip_prefix("https://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let ok = t.len() <= 300
        && !host.is_empty()
        && t.chars().all(|c| c.is_ascii_graphic() && !"\"'<>\\`".contains(c));
    ok.then(|| t.to_owned())
}

fn resource(item: &Value) -> Result<CrisisResource, String> {
    let map = item.as_object().ok_or("must be an object")?;
    if let Some(key) =
        map.keys().find(|k| !["name", "description", "phone", "text", "url"].contains(&k.as_str()))
    {
        return Err(format!("unknown key {key:?}"));
    }
    let name = text_field(map, "name", 80)?.ok_or("\"name\" is required")?;
    let description = text_field(map, "description", 200)?.unwrap_or_default();
    let number = |key: &str, scheme: &str| -> Result<Option<String>, String> {
        text_field(map, key, 40)?
            .map(|raw| parse_number(&raw, scheme).ok_or(format!("\"{key}\" {raw:?} is not a phone number")))
            .transpose()
    };
    let phone = number("phone", "tel:")?;
    let text = number("text", "sms:")?;
    let url = text_field(map, "url", 300)?
        .map(|raw| parse_https(&raw).ok_or(format!("\"url\" {raw:?} must be an https: address")))
        .transpose()?;
    if phone.is_none() && text.is_none() && url.is_none() {
        return Err("needs at least one of \"phone\", \"text\" or \"url\"".into());
    }
    Ok(CrisisResource { name, description, phone, text, url })
}

fn prompts(value: &Value, problems: &mut Vec<ConfigProblem>) -> Option<(PromptMode, Vec<Prompt>)> {
    let (mode, items) = listed("prompts", value, problems)?;
    let mut out: Vec<Prompt> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if out.len() == MAX_PROMPTS {
            problems.push(problem(format!("only the first {MAX_PROMPTS} prompts are used")));
            break;
        }
        match prompt(item, i, &out) {
            Ok(p) => out.push(p),
            Err(e) => problems.push(problem(format!("prompts[{i}] is ignored: {e}"))),
        }
    }
    if out.is_empty() {
        problems.push(problem("no usable prompt; using Afterglow's prompts".into()));
        return None;
    }
    if mode == PromptMode::Replace {
        for stage in Stage::ALL.into_iter().filter(|s| !out.iter().any(|p| p.stage == *s)) {
            problems.push(problem(format!(
                "the clinic's prompts have none for {}; that stage offers free writing only",
                stage.slug()
            )));
        }
    }
    Some((mode, out))
}

/// A list given as `[...]` (added to Afterglow's) or `{"mode": "add"|"replace",
/// "items": [...]}`; `None` (with a problem) for anything else.
pub(super) fn listed<'a>(
    name: &str,
    value: &'a Value,
    problems: &mut Vec<ConfigProblem>,
) -> Option<(PromptMode, &'a [Value])> {
    match value {
        Value::Array(items) => Some((PromptMode::Add, items)),
        Value::Object(map) => {
            let mode = match map.get("mode").and_then(Value::as_str) {
                None | Some("add") => PromptMode::Add,
                Some("replace") => PromptMode::Replace,
                Some(other) => {
                    problems.push(problem(format!(
                        "{name}.mode {other:?} is not \"add\" or \"replace\"; adding"
                    )));
                    PromptMode::Add
                }
            };
            match map.get("items").and_then(Value::as_array) {
                Some(items) => Some((mode, items)),
                None => {
                    problems.push(problem(format!(
                        "\"{name}\" needs an \"items\" list; using Afterglow's {name}"
                    )));
                    None
                }
            }
        }
        _ => {
            problems.push(problem(format!(
                "\"{name}\" must be a list or {{\"mode\", \"items\"}}; using Afterglow's {name}"
            )));
            None
        }
    }
}

fn prompt(item: &Value, index: usize, so_far: &[Prompt]) -> Result<Prompt, String> {
    let map = item.as_object().ok_or("must be an object")?;
    if let Some(key) = map.keys().find(|k| !["id", "stage", "when", "text"].contains(&k.as_str())) {
        return Err(format!("unknown key {key:?}"));
    }
    let text = text_field(map, "text", MAX_PROMPT_CHARS)?.ok_or("\"text\" is required")?;
    let slug = text_field(map, "stage", 20)?.ok_or("\"stage\" is required")?;
    let stage = Stage::from_slug(&slug).ok_or(format!("unknown stage {slug:?}"))?;
    let when = match text_field(map, "when", 20)?.as_deref() {
        None | Some("any") => When::Any,
        Some("same-day") if stage == Stage::Dosing => When::SameDay,
        Some("next-days") if stage == Stage::Dosing => When::NextDays,
        Some("weeks") if stage == Stage::Dosing => When::Weeks,
        Some(other) => {
            return Err(format!("\"when\" {other:?} must be any, or for dosing same-day, next-days or weeks"))
        }
    };
    let id = match text_field(map, "id", 40)? {
        Some(id) if id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') => {
            format!("clinic-{id}")
        }
        Some(id) => return Err(format!("\"id\" {id:?} must be a-z, 0-9 and '-'")),
        None => format!("clinic-{}-{}", stage.slug(), index + 1),
    };
    if so_far.iter().any(|p| p.id == id) {
        return Err(format!("id {id:?} is used twice"));
    }
    Ok(Prompt { id, stage, when, text })
}

#[cfg(test)]
#[path = "clinic_data_tests.rs"]
mod tests;
