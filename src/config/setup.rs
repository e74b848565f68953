//! What the clinic setup page (`setup.html`) makes of its form, as pure functions: the
//! form's values, the snippet to paste into a page (and the iframe variant), the headers
//! the journal's origin must send for each, a pasted snippet's JSON split back into the
//! form's sections, and the nearest accent that passes when one does not.
//!
//! The rules themselves are the widget's own ([`RawConfig::validate`] and
//! [`super::clinic_data::parse`]): this module never has a check of its own, so what the
//! setup page accepts is exactly what the journal accepts. Must never be reached from the
//! journal's code (only the setup page's binary calls it), so it adds nothing to what a
//! patient loads; the size budget proves that.

use super::look::{Accent, Rgb};
use super::{ConfigProblem, RawConfig, ATTRIBUTES};
use serde_json::Value;

/// The JSON child's keys, in the order the form shows them.
pub const SECTIONS: [&str; 5] = ["crisis", "contact", "checklist", "red_flags", "prompts"];

/// The setup form as typed: every attribute's text and each JSON section's text. An empty
/// text leaves the option out (the journal's default applies).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetupForm {
    /// Each attribute of [`ATTRIBUTES`] with its text, in that order.
    pub attributes: Vec<(&'static str, String)>,
    /// Each key of [`SECTIONS`] with its JSON text, in that order.
    pub sections: Vec<(&'static str, String)>,
    /// The address of the folder that serves Afterglow's files, ending in `/`.
    pub files: String,
    /// The clinic page's origin (`https://www.clinic.example`), for the iframe's header.
    pub page_origin: String,
}

impl SetupForm {
    /// An empty form: every option at the journal's default.
    pub fn new(files: &str) -> Self {
        SetupForm {
            attributes: ATTRIBUTES.iter().map(|a| (*a, String::new())).collect(),
            sections: SECTIONS.iter().map(|s| (*s, String::new())).collect(),
            files: files.to_owned(),
            page_origin: String::new(),
        }
    }

    /// An attribute's text.
    pub fn attribute(&self, name: &str) -> &str {
        self.attributes.iter().find(|(a, _)| *a == name).map_or("", |(_, v)| v.as_str())
    }

    /// Sets an attribute's text (unknown names are ignored).
    pub fn set_attribute(&mut self, name: &str, value: &str) {
        if let Some((_, v)) = self.attributes.iter_mut().find(|(a, _)| *a == name) {
            value.clone_into(v);
        }
    }

    /// A section's JSON text.
    pub fn section(&self, key: &str) -> &str {
        self.sections.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| v.as_str())
    }

    /// Sets a section's JSON text (unknown keys are ignored).
    pub fn set_section(&mut self, key: &str, value: &str) {
        if let Some((_, v)) = self.sections.iter_mut().find(|(k, _)| *k == key) {
            value.clone_into(v);
        }
    }

    /// The JSON child's text: the sections that are filled in and parse, as one object
    /// (`None` when none is); a section that does not parse is left out (see
    /// [`SetupForm::unreadable`]) so it cannot take the others down with it. Each section's
    /// text goes in as typed, with `<` written `\u003c` so the text can never end the
    /// script element it sits in.
    pub fn json(&self) -> Option<String> {
        let filled: Vec<String> = self
            .sections
            .iter()
            .filter(|(_, text)| !text.trim().is_empty() && parses(text))
            .map(|(key, text)| format!("  \"{key}\": {}", indent(text.trim())))
            .collect();
        (!filled.is_empty()).then(|| format!("{{\n{}\n}}", filled.join(",\n")).replace('<', "\\u003c"))
    }

    /// The sections that are filled in but are not JSON, so are left out of the snippet.
    pub fn unreadable(&self) -> Vec<&'static str> {
        self.sections.iter().filter(|(_, t)| !t.trim().is_empty() && !parses(t)).map(|(k, _)| *k).collect()
    }

    /// The form as the widget reads a host element: what validation and the preview use.
    pub fn raw(&self) -> RawConfig {
        let get = |name: &str| {
            let text = self.attribute(name);
            (!text.trim().is_empty()).then(|| text.to_owned())
        };
        RawConfig {
            namespace: get("data-namespace"),
            stage: get("data-stage"),
            questionnaires: get("data-questionnaires"),
            questionnaire_days: get("data-questionnaire-days"),
            backup_days: get("data-backup-days"),
            review_days: get("data-review-days"),
            clinic: get("data-clinic"),
            theme: get("data-theme"),
            lang: get("data-lang"),
            accent: get("data-accent"),
            accent_dark: get("data-accent-dark"),
            font: get("data-font"),
            radius: get("data-radius"),
            vitals: get("data-vitals"),
            json: self.json(),
            unknown: Vec::new(),
        }
    }

    /// The form filled from a host element's configuration (a pasted snippet's), with
    /// what could not be taken over named: unknown attributes, unknown or unreadable JSON.
    pub fn from_raw(raw: &RawConfig, files: &str) -> (SetupForm, Vec<String>) {
        let mut form = SetupForm::new(files);
        let values = [
            ("data-namespace", &raw.namespace),
            ("data-stage", &raw.stage),
            ("data-questionnaires", &raw.questionnaires),
            ("data-questionnaire-days", &raw.questionnaire_days),
            ("data-backup-days", &raw.backup_days),
            ("data-review-days", &raw.review_days),
            ("data-clinic", &raw.clinic),
            ("data-theme", &raw.theme),
            ("data-lang", &raw.lang),
            ("data-accent", &raw.accent),
            ("data-accent-dark", &raw.accent_dark),
            ("data-font", &raw.font),
            ("data-radius", &raw.radius),
            ("data-vitals", &raw.vitals),
        ];
        for (name, value) in values {
            form.set_attribute(name, value.as_deref().unwrap_or(""));
        }
        let mut left = raw
            .unknown
            .iter()
            .map(|a| {
                format!("The attribute {a} is not an Afterglow option, so the form has no place for it.")
            })
            .collect::<Vec<_>>();
        if let Some(text) = raw.json.as_deref().filter(|t| !t.trim().is_empty()) {
            match serde_json::from_str::<Value>(text) {
                Ok(Value::Object(_)) => {
                    // Each section's text as it was written, so the form holds it unchanged.
                    for (key, value) in members(text) {
                        match SECTIONS.iter().find(|s| **s == key.as_str()) {
                            Some(section) => form.set_section(section, &unescape_lt(&dedent(value))),
                            None => left.push(format!(
                                "The JSON key {key:?} is not an Afterglow option (known keys: {}), so it was not taken over.",
                                SECTIONS.join(", ")
                            )),
                        }
                    }
                }
                Ok(_) => left.push("The JSON child is not an object, so none of it was taken over.".into()),
                Err(e) => left.push(format!(
                    "The JSON child does not parse ({e}), so none of it was taken over; fix it and paste again."
                )),
            }
        }
        (form, left)
    }

    /// The snippet for a clinic page: the one script and the host element.
    pub fn snippet(&self) -> String {
        format!(
            "<script type=\"module\" src=\"{}afterglow.js\"></script>\n\n{}",
            escape_attribute(&self.files),
            self.host()
        )
    }

    /// The host element with its attributes and JSON child.
    pub fn host(&self) -> String {
        let mut open = String::from("<div data-afterglow");
        for (name, value) in self.attributes.iter().filter(|(_, v)| !v.trim().is_empty()) {
            open.push_str(&format!("\n     {name}=\"{}\"", escape_attribute(value.trim())));
        }
        open.push('>');
        match self.json() {
            Some(json) => format!(
                "{open}\n  <script type=\"application/json\" data-afterglow-config>\n{}\n  </script>\n</div>",
                indent_by(&json, "  ")
            ),
            None => format!("{open}</div>"),
        }
    }

    /// The iframe variant for the clinic page: the frame helper and the frame. The host
    /// element ([`SetupForm::host`]) then goes into the journal's own `index.html`.
    pub fn iframe(&self) -> String {
        let files = escape_attribute(&self.files);
        format!(
            "<script src=\"{files}afterglow-frame.js\"></script>\n<iframe data-afterglow-frame src=\"{files}\"\n        title=\"Your Afterglow journal\" class=\"journal-frame\"></iframe>"
        )
    }

    /// The headers for the snippet (`iframe == false`) or the iframe variant, as
    /// (who sends it, header, value).
    pub fn headers(&self, iframe: bool) -> Vec<(&'static str, &'static str, String)> {
        let files_origin = origin(&self.files);
        if iframe {
            let ancestors = origin(&self.page_origin).unwrap_or_else(|| "https://www.clinic.example".into());
            return vec![(
                "the journal's origin, on every response",
                "Content-Security-Policy",
                format!("frame-ancestors {ancestors}"),
            )];
        }
        let extra = files_origin.as_deref().map(|o| format!(" {o}")).unwrap_or_default();
        let mut out = vec![(
            "the clinic page (if it sends a policy, it needs at least these)",
            "Content-Security-Policy",
            format!(
                "script-src 'self' 'wasm-unsafe-eval'{extra}; style-src 'self'; connect-src 'self'{extra}; object-src 'none'"
            ),
        )];
        if files_origin.is_some() {
            let page = origin(&self.page_origin).unwrap_or_else(|| "https://www.clinic.example".into());
            out.push(("the files' origin, for the .js and .wasm", "Access-Control-Allow-Origin", page));
        }
        out
    }
}

/// What is wrong with one JSON section, in the widget's own words, or nothing.
pub fn section_problems(key: &str, text: &str) -> Vec<String> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    if let Err(e) = serde_json::from_str::<Value>(text) {
        return vec![format!("This is not valid JSON ({e}).")];
    }
    let mut problems: Vec<ConfigProblem> = Vec::new();
    super::clinic_data::parse(&format!("{{\"{key}\": {text}}}"), Some("your clinic"), &mut problems);
    let noun = super::setup_items::rows(key).map(|r| r.noun);
    problems.into_iter().map(|p| by_box(&p.message, key, noun)).collect()
}

/// The widget's message about an item (`crisis[0] is ignored: …`) worded the way the
/// boxes are numbered (`Resource 1 is ignored: …`); any other message as it is.
fn by_box(message: &str, key: &str, noun: Option<&str>) -> String {
    let item = message.strip_prefix(key).and_then(|r| r.strip_prefix('[')).and_then(|r| r.split_once(']'));
    match (noun, item) {
        (Some(noun), Some((index, rest))) => match index.parse::<usize>() {
            Ok(i) => format!("{noun} {}{rest}", i + 1),
            Err(_) => message.to_owned(),
        },
        _ => message.to_owned(),
    }
}

/// The nearest colour to `color` that passes as an accent in the light (`dark == false`)
/// or dark theme: mixed toward black or white by the least share that passes (toward
/// black first in the light theme, toward white first in the dark one). `color` itself
/// when it passes already.
pub fn nearest_accent(color: Rgb, dark: bool) -> Option<Rgb> {
    if Accent::checked(color, dark).is_ok() {
        return Some(color);
    }
    let (black, white) = (Rgb(0, 0, 0), Rgb(255, 255, 255));
    let toward = if dark { [white, black] } else { [black, white] };
    (1..=100).find_map(|step| {
        let share = f64::from(step) / 100.0;
        toward.iter().map(|t| t.mix(color, share)).find(|c| Accent::checked(*c, dark).is_ok())
    })
}

/// `scheme://host[:port]` of an absolute `http(s)` address, or `None`.
fn origin(address: &str) -> Option<String> {
    let address = address.trim();
    let rest = address.strip_prefix("https://").or_else(|| address.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().filter(|h| {
        !h.is_empty()
            && h.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    })?;
    Some(format!("{}{host}", &address[..address.len() - rest.len()]))
}

/// Text for a double-quoted attribute: `&`, `"`, `<` and `>` escaped.
fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Whether `text` is JSON on its own.
fn parses(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_ok()
}

/// `\u003c` written back as `<` (how [`SetupForm::json`] wrote it), but only where it is an
/// escape: after an even number of backslashes.
fn unescape_lt(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\\u003c") {
        let before = rest.get(..at).unwrap_or_default();
        let slashes = before.len() - before.trim_end_matches('\\').len();
        out.push_str(before);
        out.push_str(if slashes % 2 == 0 { "<" } else { "\\u003c" });
        rest = rest.get(at + 6..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The members of a JSON object's text, each key with its value's text as written (so a
/// pasted section comes back exactly as it was typed). Only given text that parses as an
/// object; a key that is not a plain string is left out.
fn members(text: &str) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut key_start, mut key, mut value_start) = (None::<usize>, None::<String>, None::<usize>);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                if let Some(start) = key_start.take() {
                    key = text.get(start..=i).and_then(|k| serde_json::from_str::<String>(k).ok());
                }
            }
            continue;
        }
        let ends = (b == b',' || b == b'}') && depth == 1;
        if ends {
            if let (Some(k), Some(start)) = (key.take(), value_start.take()) {
                out.push((k, text.get(start..i).unwrap_or_default().trim()));
            }
        }
        match b {
            b'"' => {
                in_string = true;
                if depth == 1 && key.is_none() && value_start.is_none() {
                    key_start = Some(i);
                }
            }
            b':' if depth == 1 && key.is_some() && value_start.is_none() => value_start = Some(i + 1),
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    out
}

/// A section's text as it stood in a snippet, without the indentation the snippet gave
/// its continuation lines (the least they share).
fn dedent(text: &str) -> String {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let rest: Vec<&str> = lines.collect();
    let common = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    std::iter::once(first)
        .chain(rest.iter().map(|l| l.get(common..).unwrap_or_else(|| l.trim_start())))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Continuation lines indented by two spaces (a value inside the JSON object).
fn indent(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join("\n  ")
}

/// Every line indented by `by`.
fn indent_by(text: &str, by: &str) -> String {
    text.lines().map(|l| format!("{by}{l}")).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
#[path = "setup_tests.rs"]
mod tests;
