use super::*;

fn set(index: usize, key: &'static str, value: &str) -> Edit {
    Edit::Set { index, key, value: value.into() }
}

#[test]
fn a_clinic_fills_crisis_resources_in_rows_and_gets_json_the_widget_accepts() {
    let mut text = String::new();
    for edit in [
        Edit::Add,
        set(0, "name", "Samaritans"),
        set(0, "phone", "116 123"),
        Edit::Add,
        set(1, "name", "Emergency"),
        set(1, "phone", "999"),
    ] {
        text = apply("crisis", &text, &edit).unwrap();
    }
    assert_eq!(text, "[\n  { \"name\": \"Samaritans\", \"phone\": \"116 123\" },\n  { \"name\": \"Emergency\", \"phone\": \"999\" }\n]");
    assert!(crate::config::setup::section_problems("crisis", &text).is_empty());
    let text = apply("crisis", &text, &Edit::Remove(0)).unwrap();
    let text = apply("crisis", &text, &set(0, "phone", "")).unwrap();
    assert_eq!(text, "[\n  { \"name\": \"Emergency\" }\n]", "an emptied box removes its key");
    assert_eq!(apply("crisis", &text, &Edit::Remove(0)).unwrap(), "", "no resource left: the defaults");
}

#[test]
fn keys_the_rows_do_not_show_are_kept_and_other_shapes_are_left_to_the_json_box() {
    let text = r#"[{ "note": "kept", "name": "Line", "phone": "988" }]"#;
    let edited = apply("crisis", text, &set(0, "name", "Lifeline")).unwrap();
    assert_eq!(edited, "[\n  { \"name\": \"Lifeline\", \"phone\": \"988\", \"note\": \"kept\" }\n]");
    assert_eq!(read("crisis", "{ \"name\": \"Line\" }"), None, "an object where a list belongs");
    assert_eq!(read("crisis", "[1, 2]"), None);
    assert_eq!(read("crisis", "[{"), None);
    assert_eq!(apply("crisis", "[{", &Edit::Add), None);
}

#[test]
fn a_checklist_or_prompts_may_replace_afterglows_own() {
    let text = apply("checklist", "", &Edit::Add).unwrap();
    let text = apply("checklist", &text, &set(0, "text", "My driver knows when")).unwrap();
    let text = apply("checklist", &text, &Edit::Replace(true)).unwrap();
    assert_eq!(text, "{ \"mode\": \"replace\", \"items\": [\n  { \"text\": \"My driver knows when\" }\n] }");
    assert!(read("checklist", &text).unwrap().0);
    assert!(crate::config::setup::section_problems("checklist", &text).is_empty());
    assert_eq!(apply("crisis", "", &Edit::Replace(true)).unwrap(), "", "crisis resources always replace");
    let prompt = apply("prompts", "[{}]", &set(0, "stage", "dosing")).unwrap();
    let prompt = apply("prompts", &prompt, &set(0, "text", "What stayed with you?")).unwrap();
    let prompt = apply("prompts", &prompt, &set(0, "when", "same-day")).unwrap();
    assert!(crate::config::setup::section_problems("prompts", &prompt).is_empty(), "{prompt}");
}

#[test]
fn a_flag_is_true_or_absent_and_the_contact_is_one_object() {
    let text = apply("red_flags", "[{}]", &set(0, "urgent", "true")).unwrap();
    assert_eq!(text, "[\n  { \"urgent\": true }\n]");
    assert_eq!(field_text(&read("red_flags", &text).unwrap().1[0], "urgent"), "true");
    assert_eq!(apply("red_flags", &text, &set(0, "urgent", "false")).unwrap(), "[\n  {  }\n]");
    let contact = apply("contact", "", &set(0, "phone", "+1 555 0100")).unwrap();
    assert_eq!(contact, "{ \"phone\": \"+1 555 0100\" }");
    let (_, items) = read("contact", "\"tel:+15550100\"").unwrap();
    assert_eq!(field_text(&items[0], "phone"), "+15550100");
    assert_eq!(apply("contact", &contact, &set(0, "phone", "")).unwrap(), "", "an empty contact is none");
}
