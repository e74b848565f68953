//! Tests of the JSON child: crisis resources, prompts, and what is refused.

use super::*;

fn parsed(text: &str) -> (ClinicData, Vec<String>) {
    let mut problems = Vec::new();
    let data = parse(text, &mut problems);
    (data, problems.into_iter().map(|p| p.message).collect())
}

#[test]
fn a_region_replaces_the_crisis_defaults() {
    let (data, problems) = parsed(
        r#"{"crisis":[{"name":"Samaritans","description":"Any time, free.","phone":"116 123","url":"https://www.samaritans.org"},
                       {"name":"Shout","text":"sms:85258"}]}"#,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let crisis = data.crisis.unwrap();
    assert_eq!(crisis[0].call_href().as_deref(), Some("tel:116123"));
    assert_eq!(crisis[1].text_href().as_deref(), Some("sms:85258"));
}

#[test]
fn only_https_tel_and_sms_links_get_through() {
    let (data, problems) = parsed(
        r#"{"crisis":[{"name":"A","url":"javascript:alert(1)"},{"name":"B","url":"http://x.org"},
                       {"name":"C","phone":"call us"},{"name":"D","url":"https://ok.org/\"onmouseover=x"},
                       {"name":"E","phone":"+44 (0)20 7946 0000"}]}"#,
    );
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems[0].contains("crisis[0]") && problems[0].contains("https:"));
    assert_eq!(data.crisis.unwrap()[0].phone.as_deref(), Some("+4402079460000"));
}

#[test]
fn nothing_usable_keeps_the_defaults() {
    let (data, problems) = parsed(r#"{"crisis":[{"description":"no name"}]}"#);
    assert_eq!(data.crisis, None);
    assert_eq!(problems.len(), 2);
}

#[test]
fn malformed_json_and_unknown_keys_are_reported() {
    let (data, problems) = parsed("{\"crisis\": [");
    assert_eq!(data, ClinicData::default());
    assert!(problems[0].contains("not valid JSON"), "{problems:?}");
    let (_, problems) = parsed(r#"{"crsis":[], "prompts":[{"stage":"dosing","text":"x","colour":"red"}]}"#);
    assert!(problems[0].contains("\"crsis\""), "{problems:?}");
    assert!(problems[1].contains("prompts[0]") && problems[1].contains("\"colour\""), "{problems:?}");
    let (_, problems) = parsed("[1,2]");
    assert!(problems[0].contains("JSON object"));
}

#[test]
fn prompts_are_added_or_replace_the_library() {
    let (data, problems) =
        parsed(r#"{"prompts":[{"stage":"integration","text":"What did the music bring up?"}]}"#);
    assert!(problems.is_empty());
    let (mode, prompts) = data.prompts.unwrap();
    assert_eq!(mode, PromptMode::Add);
    assert_eq!(prompts[0].id, "clinic-integration-1");
    let (data, problems) = parsed(
        r#"{"prompts":{"mode":"replace","items":[
            {"id":"arrive","stage":"dosing","when":"same-day","text":"One word for now?"},
            {"id":"arrive","stage":"dosing","text":"dup"},
            {"stage":"integration","when":"weeks","text":"x"},
            {"stage":"preparation","text":"<img src=x onerror=alert(1)>"}]}}"#,
    );
    let (mode, prompts) = data.prompts.unwrap();
    assert_eq!(mode, PromptMode::Replace);
    assert_eq!(prompts.len(), 2);
    assert_eq!((prompts[0].id.as_str(), prompts[0].when), ("clinic-arrive", When::SameDay));
    assert_eq!(prompts[1].text, "<img src=x onerror=alert(1)>", "kept as text; the view never parses it");
    assert!(problems.iter().any(|p| p.contains("used twice")));
    assert!(problems.iter().any(|p| p.contains("\"when\"")));
    assert!(problems.iter().any(|p| p.contains("none for evaluation")));
}
