//! The setup page's rows for the JSON sections (crisis resources, the contact, checklist
//! items, red flags, prompts): each section's text read as items with named fields, and
//! written back after an edit, so a clinic fills in boxes and never has to write JSON.
//! The JSON text stays the one truth: a row edit rewrites it, keys the rows do not show
//! are kept, and a text the rows cannot show (not JSON, another shape) is left alone for
//! the JSON box. Pure; the rules are still `clinic_data`'s.

use serde_json::{Map, Value};

/// How a field of an item is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A line of text.
    Text,
    /// Yes or no (`true` when ticked; absent when not).
    Flag,
    /// One of a few values (the empty one leaves the key out).
    Choice(&'static [(&'static str, &'static str)]),
}

/// One field of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemField {
    /// Its JSON key.
    pub key: &'static str,
    /// Its label on the setup page.
    pub label: &'static str,
    /// How it is typed.
    pub kind: Kind,
}

/// What a section's rows look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rows {
    /// One item, as its row is called ("Resource").
    pub noun: &'static str,
    /// The button that adds one (a list's; the contact's boxes are always there).
    pub add: &'static str,
    /// Whether the section holds one item (the contact) rather than a list.
    pub single: bool,
    /// Whether the list may say `"mode": "replace"` (checklist, prompts).
    pub modes: bool,
    /// The fields, in the order shown (and written).
    pub fields: &'static [ItemField],
}

const fn text(key: &'static str, label: &'static str) -> ItemField {
    ItemField { key, label, kind: Kind::Text }
}

const STAGES: &[(&str, &str)] = &[
    ("evaluation", "Evaluation"),
    ("preparation", "Preparation"),
    ("dosing", "Dosing"),
    ("integration", "Integration"),
    ("follow-up", "Follow-up"),
];
const WHEN: &[(&str, &str)] = &[
    ("", "Any time"),
    ("same-day", "The same day"),
    ("next-days", "The next days"),
    ("weeks", "Weeks later"),
];

const CRISIS: &[ItemField] = &[
    text("name", "Name"),
    text("description", "What it is (optional)"),
    text("phone", "Phone number"),
    text("text", "Text message number"),
    text("url", "Website (https:)"),
];
const CONTACT: &[ItemField] =
    &[text("name", "Name"), text("phone", "Phone number"), text("url", "Website (https:)")];
const CHECKLIST: &[ItemField] = &[text("text", "Item"), text("id", "Id (optional: a-z, 0-9, -)")];
const RED_FLAGS: &[ItemField] = &[
    text("text", "Sign"),
    text("id", "Id (a-z, 0-9, -)"),
    ItemField { key: "urgent", label: "Also show the crisis lines", kind: Kind::Flag },
];
const PROMPTS: &[ItemField] = &[
    ItemField { key: "stage", label: "Stage", kind: Kind::Choice(STAGES) },
    text("text", "Prompt"),
    text("id", "Id (optional: a-z, 0-9, -)"),
    ItemField { key: "when", label: "For dosing: when", kind: Kind::Choice(WHEN) },
];

/// The rows of a section, or `None` for a key that is not a section.
pub fn rows(section: &str) -> Option<Rows> {
    let (noun, add, single, modes, fields) = match section {
        "crisis" => ("Resource", "Add a resource", false, false, CRISIS),
        "contact" => ("Contact", "Add the contact", true, false, CONTACT),
        "checklist" => ("Item", "Add an item", false, true, CHECKLIST),
        "red_flags" => ("Sign", "Add a sign", false, false, RED_FLAGS),
        "prompts" => ("Prompt", "Add a prompt", false, true, PROMPTS),
        _ => return None,
    };
    Some(Rows { noun, add, single, modes, fields })
}

/// A section as rows: whether it replaces Afterglow's own (`"mode": "replace"`) and its
/// items. `None` when the text is not a shape the rows can show.
pub fn read(section: &str, text: &str) -> Option<(bool, Vec<Map<String, Value>>)> {
    let shape = rows(section)?;
    if text.trim().is_empty() {
        return Some((false, Vec::new()));
    }
    let value: Value = serde_json::from_str(text).ok()?;
    let objects = |list: &Vec<Value>| list.iter().map(|v| v.as_object().cloned()).collect::<Option<Vec<_>>>();
    match value {
        Value::Object(map) if shape.single => Some((false, vec![map])),
        Value::String(s) if shape.single => {
            let s = s.trim();
            let key = if s.starts_with("tel:") { "phone" } else { "url" };
            let value = s.strip_prefix("tel:").unwrap_or(s).to_owned();
            Some((false, vec![Map::from_iter([(key.to_owned(), Value::String(value))])]))
        }
        Value::Array(list) if !shape.single => Some((false, objects(&list)?)),
        Value::Object(map) if shape.modes => {
            let replace = match map.get("mode") {
                None => false,
                Some(Value::String(m)) if m == "add" => false,
                Some(Value::String(m)) if m == "replace" => true,
                _ => return None,
            };
            let items = objects(map.get("items")?.as_array()?)?;
            map.keys().all(|k| k == "mode" || k == "items").then_some((replace, items))
        }
        _ => None,
    }
}

/// The text for `items` (and, for a list with modes, `replace`): one item a line, its
/// fields in the rows' order and then any others. An empty list is the empty text.
pub fn write(section: &str, replace: bool, items: &[Map<String, Value>]) -> String {
    let Some(shape) = rows(section) else { return String::new() };
    let line = |item: &Map<String, Value>| {
        let known = shape.fields.iter().filter_map(|f| item.get(f.key).map(|v| (f.key, v)));
        let others = item.iter().filter(|(k, _)| !shape.fields.iter().any(|f| f.key == k.as_str()));
        let parts: Vec<String> = known
            .chain(others.map(|(k, v)| (k.as_str(), v)))
            .map(|(k, v)| format!("{}: {}", Value::String(k.to_owned()), v))
            .collect();
        format!("{{ {} }}", parts.join(", "))
    };
    if shape.single {
        return items.first().filter(|i| !i.is_empty()).map(line).unwrap_or_default();
    }
    if items.is_empty() && !replace {
        return String::new();
    }
    let list =
        format!("[\n{}\n]", items.iter().map(|i| format!("  {}", line(i))).collect::<Vec<_>>().join(",\n"));
    if replace {
        format!("{{ \"mode\": \"replace\", \"items\": {list} }}")
    } else {
        list
    }
}

/// An edit of one section through its rows.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Item `index`'s field `key` set (an empty text, an unticked flag or the empty
    /// choice removes the key).
    Set { index: usize, key: &'static str, value: String },
    /// A new empty item at the end.
    Add,
    /// Item `index` removed.
    Remove(usize),
    /// Whether the list replaces Afterglow's own.
    Replace(bool),
}

/// `text` after `edit`, or `None` when the rows cannot show it (the JSON box is the way).
pub fn apply(section: &str, text: &str, edit: &Edit) -> Option<String> {
    let shape = rows(section)?;
    let (mut replace, mut items) = read(section, text)?;
    match edit {
        Edit::Set { index, key, value } => {
            if shape.single && items.is_empty() {
                items.push(Map::new());
            }
            let item = items.get_mut(*index)?;
            let flag = shape.fields.iter().any(|f| f.key == *key && f.kind == Kind::Flag);
            if value.is_empty() || (flag && value != "true") {
                item.remove(*key);
            } else if flag {
                item.insert((*key).to_owned(), Value::Bool(true));
            } else {
                item.insert((*key).to_owned(), Value::String(value.clone()));
            }
        }
        Edit::Add => items.push(Map::new()),
        Edit::Remove(index) => {
            if *index < items.len() {
                items.remove(*index);
            }
        }
        Edit::Replace(on) => replace = *on && shape.modes,
    }
    Some(write(section, replace, &items))
}

/// The text of item `index`'s field `key` as its box shows it (`"true"` for a ticked flag).
pub fn field_text(item: &Map<String, Value>, key: &str) -> String {
    match item.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => "true".into(),
        Some(Value::Null) | Some(Value::Bool(false)) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
#[path = "setup_items_tests.rs"]
mod tests;
