use super::*;

const BUILT_ES: &str = include_str!(concat!(env!("OUT_DIR"), "/es.txt"));

fn spanish() -> &'static [String] {
    Box::leak(read_table(BUILT_ES).expect("the built Spanish table reads").into_boxed_slice())
}

#[test]
fn the_built_spanish_table_has_every_key_with_the_english_placeholders() {
    let es = read_table(BUILT_ES).expect("reads");
    assert_eq!(es.len(), T::COUNT);
    for ((name, key), text) in T::ALL.iter().zip(&es) {
        assert_eq!(placeholders(text), placeholders(key.english()), "{name}");
        assert!(!text.trim().is_empty(), "{name}");
    }
    // The file the journal fetches is named by its content.
    assert!(env!("AFTERGLOW_ES_FILE").starts_with("afterglow-es-"));
}

#[test]
fn every_key_is_named_once() {
    let mut names: Vec<&str> = T::ALL.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), T::COUNT);
}

#[test]
fn words_follow_the_table_in_use_and_fall_back_to_english() {
    use_table(Lang::Es, Some(spanish()));
    assert_eq!(lang(), Lang::Es);
    assert_eq!(tr(T::nav_today), "Hoy");
    assert_eq!(tr_with(T::crisis_call, &[("number", "988")]), "Llamar al 988");
    use_table(Lang::En, None);
    assert_eq!(tr(T::nav_today), "Today");
    // A table of another version (one text short) is refused whole: English, never keys.
    let short: &'static [String] = Box::leak(vec!["Hoy".to_owned(); T::COUNT - 1].into_boxed_slice());
    use_table(Lang::Es, Some(short));
    assert_eq!((lang(), tr(T::nav_today)), (Lang::En, "Today"));
    // The crisis lines, compiled in for both, still follow the language asked for.
    assert_eq!(asked(), Lang::Es);
    use_table(Lang::En, None);
    assert!(read_table("Hoy\n").is_err());
}

#[test]
fn a_table_with_an_empty_text_is_refused() {
    let mut lines: Vec<&str> = BUILT_ES.lines().collect();
    lines[3] = " ";
    assert_eq!(read_table(&lines.join("\n")), Err(BadTable("text 4 is empty".into())));
}

#[test]
fn languages_are_read_as_browsers_and_clinics_write_them() {
    assert_eq!(Lang::parse("es"), Some(Lang::Es));
    assert_eq!(Lang::parse("es-MX"), Some(Lang::Es));
    assert_eq!(Lang::parse(" ES_us "), Some(Lang::Es));
    assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    assert_eq!(Lang::parse("fr"), None);
    assert_eq!(Lang::parse(""), None);
    assert_eq!(Lang::parse("espanol"), None);
    assert_eq!(Lang::first_spoken(["fr-FR", "es-419", "en"]), Some(Lang::Es));
    assert_eq!(Lang::first_spoken(["de", "fr"]), None);
}

#[test]
fn placeholders_are_filled_once_and_unknown_ones_kept() {
    assert_eq!(fill("Call {number} now", &[("number", "{number}")]), "Call {number} now");
    assert_eq!(fill("{a}{b}{", &[("a", "1")]), "1{b}{");
    assert_eq!(fill("no braces", &[]), "no braces");
    assert_eq!(placeholders("{b} and {a} and {not a name} {}"), vec!["a", "b"]);
}

#[test]
fn escapes_in_the_built_file_are_read_back() {
    assert_eq!(unescape(r"one\ntwo \\n \q"), "one\ntwo \\n \\q");
}

#[test]
fn the_prompt_library_speaks_spanish_with_the_same_ids() {
    use crate::domain::PromptLibrary;
    let english = PromptLibrary::built_in();
    use_table(Lang::Es, Some(spanish()));
    let spanish_library = PromptLibrary::built_in();
    use_table(Lang::En, None);
    let ids = |l: &PromptLibrary| l.all().iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&english), ids(&spanish_library));
    for (en, es) in english.all().iter().zip(spanish_library.all()) {
        assert_ne!(en.text, es.text, "{} is not written in Spanish", en.id);
        assert_eq!((en.stage, en.when), (es.stage, es.when));
    }
}

#[test]
fn emotion_words_are_stored_in_english_and_shown_in_the_language() {
    use crate::domain::checkin::emotion_label;
    use crate::domain::{Metric, EMOTION_WORDS};
    use_table(Lang::Es, Some(spanish()));
    assert_eq!(emotion_label("sad"), "tristeza");
    // A word the patient typed in an older version stays as written.
    assert_eq!(emotion_label("melancólica"), "melancólica");
    assert!(EMOTION_WORDS.iter().all(|w| emotion_label(w) != *w));
    assert_eq!(Metric::Mood.describe(8), "8 de 10, muy bien");
    use_table(Lang::En, None);
    assert_eq!(emotion_label("sad"), "sad");
    assert_eq!(Metric::Mood.describe(8), "8 of 10, very good");
}

#[test]
fn a_count_picks_one_or_other_and_fills_n() {
    assert_eq!(tr_count(1, T::sum_checkins_one, T::sum_checkins_other), "1 check-in");
    assert_eq!(tr_count(3, T::sum_checkins_one, T::sum_checkins_other), "3 check-ins");
    assert_eq!(tr_count(0, T::sum_checkins_one, T::sum_checkins_other), "0 check-ins");
    // A text of one that leaves the number out stays as written.
    assert_eq!(
        tr_count(1, T::store_undo_kept_one, T::store_undo_kept_other),
        "One record you changed after the restore was kept as it is now."
    );
}
