//! Tests of attribute validation and the whole config (the JSON child has its own).

use super::*;

#[test]
fn absent_attributes_give_defaults_without_problems() {
    let (config, problems) = RawConfig::default().validate();
    assert_eq!(config, Config::default());
    assert_eq!(config.namespace.as_str(), "afterglow");
    assert!(problems.is_empty());
}

#[test]
fn good_values_are_used() {
    let raw = RawConfig {
        namespace: Some(" clinic-a ".into()),
        stage: Some("integration".into()),
        questionnaire_days: Some("28".into()),
        backup_days: Some("7".into()),
        review_days: Some("45".into()),
        ..RawConfig::default()
    };
    let (config, problems) = raw.validate();
    assert_eq!(config.review_days, 45);
    assert_eq!(config.namespace.as_str(), "clinic-a");
    assert_eq!(config.default_stage, Stage::Integration);
    assert_eq!((config.questionnaire_days, config.backup_days), (28, 7));
    assert!(problems.is_empty());
}

#[test]
fn bad_values_fall_back_and_are_reported() {
    let raw = RawConfig {
        namespace: Some("Clinic A!".into()),
        stage: Some("<script>".into()),
        questionnaire_days: Some("0".into()),
        backup_days: Some("-3".into()),
        review_days: Some("monthly".into()),
        ..RawConfig::default()
    };
    let (config, problems) = raw.validate();
    assert_eq!(config, Config::default());
    let attributes: Vec<_> = problems.iter().map(|p| p.attribute).collect();
    assert_eq!(
        attributes,
        ["data-namespace", "data-stage", "data-questionnaire-days", "data-backup-days", "data-review-days"]
    );
    let (_, problems) =
        RawConfig { questionnaire_days: Some("two weeks".into()), ..RawConfig::default() }.validate();
    assert_eq!(problems.len(), 1);
}

#[test]
fn a_clinic_theme_is_applied_when_readable() {
    let raw = RawConfig {
        clinic: Some(" Riverside Clinic ".into()),
        theme: Some("dark".into()),
        accent: Some("#1b5e20".into()),
        accent_dark: Some("#a5d6a7".into()),
        font: Some("Georgia, serif".into()),
        radius: Some("4px".into()),
        ..RawConfig::default()
    };
    let (config, problems) = raw.validate();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.clinic.as_deref(), Some("Riverside Clinic"));
    assert_eq!(config.theme, Theme::Dark);
    let props = config.look.custom_properties();
    assert!(props.contains(&("--ag-accent", "light-dark(#1b5e20, #a5d6a7)".to_owned())), "{props:?}");
    assert!(props.contains(&("--ag-font", "Georgia, serif, system-ui, sans-serif".to_owned())));
}

#[test]
fn bad_theme_values_fall_back_one_by_one() {
    let raw = RawConfig {
        theme: Some("neon".into()),
        accent: Some("hotpink; background:url(x)".into()),
        accent_dark: Some("#000000".into()),
        font: Some("x}body{display:none".into()),
        radius: Some("99".into()),
        clinic: Some(String::new()),
        unknown: vec!["data-acent".into()],
        ..RawConfig::default()
    };
    let (config, problems) = raw.validate();
    assert_eq!(config, Config::default());
    let attributes: Vec<_> = problems.iter().map(|p| p.attribute).collect();
    assert_eq!(
        attributes,
        [
            "data-theme",
            "data-accent",
            "data-accent-dark",
            "data-font",
            "data-radius",
            "data-clinic",
            "data-*"
        ]
    );
    assert!(problems[2].message.contains("contrast"), "{}", problems[2].message);
}

#[test]
fn the_json_child_sets_crisis_resources_and_prompts() {
    let raw = RawConfig {
        json: Some(
            r#"{"crisis":[{"name":"Samaritans","phone":"116 123"}],
                "prompts":{"mode":"replace","items":[{"stage":"dosing","text":"One word?"}]}}"#
                .into(),
        ),
        ..RawConfig::default()
    };
    let (config, problems) = raw.validate();
    assert_eq!(config.crisis[0].name, "Samaritans");
    assert_eq!(config.library.all().len(), 1);
    assert_eq!(problems.len(), 4, "the four stages without prompts are named: {problems:?}");
    let (config, problems) = RawConfig { json: Some("{oops".into()), ..RawConfig::default() }.validate();
    assert_eq!(config, Config::default());
    assert_eq!(problems[0].attribute, clinic_data::JSON_SOURCE);
}

#[test]
fn vitals_are_asked_only_when_the_clinic_turns_them_on() {
    let on = RawConfig { vitals: Some(" on ".into()), ..RawConfig::default() };
    assert!(on.validate().0.vitals);
    let (config, problems) = RawConfig { vitals: Some("yes".into()), ..RawConfig::default() }.validate();
    assert!(!config.vitals);
    assert_eq!(problems[0].attribute, "data-vitals");
    assert!(!RawConfig::default().validate().0.vitals);
}

#[test]
fn a_clinic_chooses_the_questionnaires() {
    let with = |q: &str| RawConfig { questionnaires: Some(q.into()), ..RawConfig::default() }.validate();
    let (config, problems) = with("phq9, GAD7 ,who5,pcl5,phq9");
    assert_eq!(config.questionnaires, Instrument::ALL.to_vec());
    assert!(problems.is_empty());
    assert_eq!(with("who5").0.questionnaires, [Instrument::Who5]);
    for bad in ["phq9,bdi", " , ", "<b>"] {
        let (config, problems) = with(bad);
        assert_eq!(config.questionnaires, Instrument::DEFAULT.to_vec(), "{bad}");
        assert_eq!(problems.len(), 1, "{bad}");
        assert_eq!(problems[0].attribute, "data-questionnaires");
        assert!(problems[0].message.ends_with("using phq9,gad7"), "{}", problems[0].message);
    }
}

#[test]
fn a_language_afterglow_does_not_speak_is_named_and_the_browser_decides() {
    for good in ["es", "en", "es-MX", "EN"] {
        let raw = RawConfig { lang: Some(good.into()), ..RawConfig::default() };
        assert!(raw.validate().1.is_empty(), "{good}");
    }
    for bad in ["fr", "", "spanish"] {
        let raw = RawConfig { lang: Some(bad.into()), ..RawConfig::default() };
        let (config, problems) = raw.validate();
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 1, "{bad}");
        assert_eq!(problems[0].attribute, "data-lang");
        assert!(problems[0].message.contains("not en or es"), "{}", problems[0].message);
    }
}

#[test]
fn the_session_days_part_is_checked_only_when_first_asked_for() {
    let raw = RawConfig {
        clinic: Some("Riverside".into()),
        json: Some(
            r#"{"checklist":[{"text":"Bring your ID"},{"id":"Bad Id","text":"x"}],"contact":"tel:555 0100"}"#
                .into(),
        ),
        ..RawConfig::default()
    };
    // Start-up: nothing of the session day is checked, and nothing of it is reported.
    let (config, problems) = raw.validate_first();
    assert!(!config.session_day.is_checked());
    assert!(problems.is_empty(), "{problems:?}");
    // A view asks: the clinic's item after Afterglow's, the bad one refused, the contact named.
    let day = config.session_day.get();
    assert_eq!(day.checklist.last().map(|i| i.text.as_str()), Some("Bring your ID"));
    assert!(day.checklist.len() > 1, "Afterglow's own items come first");
    assert_eq!(day.problems.len(), 1, "{:?}", day.problems);
    assert_eq!(day.contact.as_ref().map(|c| c.name.as_str()), Some("Riverside"));
    assert!(config.session_day.is_checked());
    // The whole check (the setup page's) reports it with the rest.
    let (_, all) = raw.validate();
    assert!(all.iter().any(|p| p.message.contains("checklist[1]")), "{all:?}");
    // No JSON child: Afterglow's own, nothing to report.
    let plain = RawConfig::default().validate_first().0;
    assert_eq!(plain.session_day.get().checklist, crate::domain::session_day::default_checklist());
    assert!(plain.session_day.get().problems.is_empty());
}
