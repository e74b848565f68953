use super::*;

fn filled() -> SetupForm {
    let mut form = SetupForm::new("/afterglow/");
    form.set_attribute("data-clinic", "Riverside \"Care\" & <Co>");
    form.set_attribute("data-namespace", "riverside");
    form.set_attribute("data-accent", "#1b5e20");
    form.set_section("crisis", r#"[{ "name": "Samaritans", "phone": "116 123" }]"#);
    form.set_section("prompts", r#"[{ "stage": "integration", "text": "What came up? </script><b>" }]"#);
    form
}

#[test]
fn an_empty_form_is_the_journal_with_its_defaults() {
    let form = SetupForm::new("/afterglow/");
    assert_eq!(form.raw(), RawConfig::default());
    assert_eq!(form.json(), None);
    assert_eq!(
        form.snippet(),
        "<script type=\"module\" src=\"/afterglow/afterglow.js\"></script>\n\n<div data-afterglow></div>"
    );
}

#[test]
fn the_snippet_escapes_attributes_and_can_never_end_its_script_element() {
    let snippet = filled().snippet();
    assert!(snippet.contains("data-clinic=\"Riverside &quot;Care&quot; &amp; &lt;Co&gt;\""), "{snippet}");
    assert!(!snippet.contains("</script><b>"), "{snippet}");
    assert!(snippet.contains("\\u003c/script>\\u003cb>"), "{snippet}");
    let json = filled().json().unwrap();
    let value: Value = serde_json::from_str(&json).expect("still valid JSON");
    assert_eq!(value["prompts"][0]["text"], "What came up? </script><b>");
}

#[test]
fn the_form_reads_back_what_it_wrote() {
    let form = filled();
    let raw = form.raw();
    let (back, left) = SetupForm::from_raw(&raw, "/afterglow/");
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(back.raw().validate(), raw.validate(), "the same journal either way");
    assert_eq!(back.attribute("data-clinic"), "Riverside \"Care\" & <Co>");
    assert_eq!(back.sections, form.sections, "each section as it was typed");
    let mut multi = SetupForm::new("/");
    multi.set_section("crisis", "[\n  { \"name\": \"Line\",\n    \"phone\": \"988\" }\n]");
    let (again, _) = SetupForm::from_raw(&multi.raw(), "/");
    assert_eq!(again.section("crisis"), multi.section("crisis"), "lines keep their own indentation");
}

#[test]
fn what_cannot_be_taken_over_from_a_snippet_is_named() {
    let raw = RawConfig {
        clinic: Some("Riverside".into()),
        json: Some(r#"{ "crisis": [], "sounds": true }"#.into()),
        unknown: vec!["data-colour".into()],
        ..RawConfig::default()
    };
    let (form, left) = SetupForm::from_raw(&raw, "/");
    assert_eq!(form.attribute("data-clinic"), "Riverside");
    assert_eq!(form.section("crisis"), "[]");
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(left[0].contains("data-colour") && left[1].contains("\"sounds\""), "{left:?}");
    let broken = RawConfig { json: Some("{ \"crisis\": [".into()), ..RawConfig::default() };
    let (_, left) = SetupForm::from_raw(&broken, "/");
    assert!(left[0].starts_with("The JSON child does not parse"), "{left:?}");
}

#[test]
fn a_section_is_checked_by_the_widgets_own_rules() {
    assert!(section_problems("crisis", "").is_empty());
    assert!(section_problems("crisis", r#"[{ "name": "Line", "phone": "988" }]"#).is_empty());
    assert!(section_problems("crisis", "[{")[0].starts_with("This is not valid JSON"));
    let no_way = section_problems("crisis", r#"[{ "name": "Line" }]"#);
    assert!(
        no_way[0].starts_with("Resource 1 is ignored: needs at least one of \"phone\", \"text\" or \"url\""),
        "{no_way:?}"
    );
    let flag = section_problems("red_flags", r#"[{ "text": "I fainted", "id": "Bad Id" }]"#);
    assert!(flag[0].starts_with("Sign 1 is ignored"), "numbered as the boxes are: {flag:?}");
    let http = section_problems("crisis", r#"[{ "name": "Line", "url": "http://x.example" }]"#);
    assert!(http[0].contains("https"), "{http:?}");
    let long = format!(r#"[{{ "stage": "dosing", "text": "{}" }}]"#, "a".repeat(301));
    assert!(
        section_problems("prompts", &long)[0].contains("300"),
        "{:?}",
        section_problems("prompts", &long)
    );
}

#[test]
fn the_nearest_accent_passes_and_stays_close() {
    let pale = Rgb::parse_hex("#e3a8d6").unwrap();
    assert!(Accent::checked(pale, false).is_err());
    let near = nearest_accent(pale, false).unwrap();
    assert!(Accent::checked(near, false).is_ok(), "{}", near.hex());
    assert!(near.0 < pale.0 && near.2 < pale.2, "darker in the light theme: {}", near.hex());
    let deep = Rgb::parse_hex("#1b5e20").unwrap();
    assert_eq!(nearest_accent(deep, false), Some(deep), "a passing colour is kept");
    let near_dark = nearest_accent(deep, true).unwrap();
    assert!(Accent::checked(near_dark, true).is_ok() && near_dark.1 > deep.1, "{}", near_dark.hex());
}

#[test]
fn the_headers_follow_the_variant_and_where_the_files_are() {
    let mut form = SetupForm::new("/afterglow/");
    let same = form.headers(false);
    assert_eq!(same.len(), 1);
    assert_eq!(
        same[0].2,
        "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; object-src 'none'"
    );
    form.files = "https://journal.clinic.example/".into();
    form.page_origin = "https://www.clinic.example/patients".into();
    let other = form.headers(false);
    assert!(other[0].2.contains("script-src 'self' 'wasm-unsafe-eval' https://journal.clinic.example;"));
    assert_eq!(other[1].1, "Access-Control-Allow-Origin");
    assert_eq!(other[1].2, "https://www.clinic.example");
    let frame = form.headers(true);
    assert_eq!(
        (frame[0].1, frame[0].2.as_str()),
        ("Content-Security-Policy", "frame-ancestors https://www.clinic.example")
    );
    assert!(form.iframe().contains("src=\"https://journal.clinic.example/afterglow-frame.js\""));
}

#[test]
fn a_section_that_is_not_json_is_left_out_and_named_not_the_others() {
    let mut form = filled();
    form.set_section("contact", "{ \"phone\": \"988\", }");
    assert_eq!(form.unreadable(), ["contact"]);
    let value: Value = serde_json::from_str(&form.json().unwrap()).expect("the child still parses");
    assert_eq!(value["crisis"][0]["phone"], "116 123", "the other sections are kept");
    assert!(value.get("contact").is_none());
}

#[test]
fn only_an_escape_is_written_back_as_a_less_than_sign() {
    assert_eq!(unescape_lt(r#""a \u003c b""#), r#""a < b""#);
    assert_eq!(unescape_lt(r#""typed \\u003c""#), r#""typed \\u003c""#, "an escaped backslash then u003c");
    let mut form = SetupForm::new("/");
    form.set_section("crisis", r#"[{ "name": "A \\u003c line", "phone": "1" }]"#);
    let (back, _) = SetupForm::from_raw(&form.raw(), "/");
    assert_eq!(back.section("crisis"), form.section("crisis"));
}

#[test]
fn an_origin_is_a_scheme_and_a_host_nothing_more() {
    assert_eq!(origin("https://www.clinic.example/patients"), Some("https://www.clinic.example".into()));
    assert_eq!(origin("https://a.example; script-src *"), None);
    assert_eq!(origin("/afterglow/"), None);
}

#[test]
fn an_objects_members_keep_their_text_as_written() {
    let text = "{ \"crisis\": [{ \"name\": \"A, \\\"b\\\" }\" }],\n  \"n\": 1 , \"s\": \"}\" }";
    assert_eq!(
        members(text),
        vec![
            ("crisis".to_owned(), "[{ \"name\": \"A, \\\"b\\\" }\" }]"),
            ("n".to_owned(), "1"),
            ("s".to_owned(), "\"}\""),
        ]
    );
}
