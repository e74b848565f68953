//! Tests of the JSON child: crisis resources, prompts, and what is refused.

use super::*;

fn parsed(text: &str) -> (ClinicData, Vec<String>) {
    let mut problems = Vec::new();
    let data = parse(text, Some("Riverside"), &mut problems);
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

#[test]
fn a_clinic_replaces_or_extends_the_checklist() {
    let (data, problems) = parsed(
        r#"{"checklist":{"mode":"replace","items":[{"id":"fast","text":"Nothing to eat for 4 hours before"},{"text":"Bring your ID"}]}}"#,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let list = data.checklist.unwrap();
    assert_eq!(list.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["clinic-fast", "clinic-checklist-2"]);
    let (data, problems) = parsed(
        r#"{"checklist":[{"text":"Bring your ID"},{"id":"Bad Id","text":"x"},{"text":"<b>\u0007</b>"}]}"#,
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("checklist[1]") && problems[1].contains("control characters"));
    let list = data.checklist.unwrap();
    assert_eq!(list.len(), 7);
    assert_eq!(list[6].text, "Bring your ID");
    let (data, problems) = parsed(r#"{"checklist":"ride"}"#);
    assert_eq!(data.checklist.unwrap(), crate::domain::session_day::default_checklist());
    assert!(problems[0].contains("must be a list"));
}

#[test]
fn red_flags_are_only_ever_added_to() {
    let (data, problems) = parsed(
        r#"{"red_flags":{"mode":"replace","items":[{"id":"fever","text":"A fever over 38 °C","urgent":true},{"text":"x","urgent":"yes"}]}}"#,
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("cannot replace"));
    let flags = data.red_flags.unwrap();
    assert_eq!(flags.len(), 5);
    assert_eq!((flags[4].id.as_str(), flags[4].urgent), ("clinic-fever", true));
}

#[test]
fn the_clinic_contact_is_a_number_or_an_https_page() {
    let (data, problems) = parsed(r#"{"contact":"tel:+1 (555) 010-0199"}"#);
    assert!(problems.is_empty(), "{problems:?}");
    let c = data.contact.unwrap();
    assert_eq!((c.name.as_str(), c.phone.as_deref()), ("Riverside", Some("+15550100199")));
    let (data, _) = parsed(
        r#"{"contact":{"name":"Riverside nurses","phone":"555 0100","url":"https://riverside.example/contact"}}"#,
    );
    assert_eq!(data.contact.unwrap().url.as_deref(), Some("https://riverside.example/contact"));
    for bad in
        [r#""javascript:alert(1)""#, r#""http://x.org""#, r#"{"name":"x"}"#, r#"{"phone":"call us"}"#, "7"]
    {
        let (data, problems) = parsed(&format!(r#"{{"contact":{bad}}}"#));
        assert_eq!(data.contact, None, "{bad}");
        assert!(problems[0].starts_with("contact is ignored"), "{bad}: {problems:?}");
    }
}
