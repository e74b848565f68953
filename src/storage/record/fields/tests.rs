//! The shared reader against serde's derive, which it replaced: for every stored form, any
//! object made of the form's field names (and others) with values of any type, nested
//! objects and lists among them, is read to the same record by both or refused by both.

use super::super::after_effects::AfterEffectsForm;
use super::super::checkin::{CheckInForm, ResultForm};
use super::super::entry::EntryForm;
use super::super::follow_up::FollowUpForm;
use super::super::goal::{GoalForm, LinkForm, RatingForm};
use super::super::insight::{InsightForm, StepForm};
use super::super::session::SessionForm;
use super::super::session_day::{MedicineForm, SessionDayForm};
use super::super::shared::SharedSummaryForm;
use super::super::staying_well::StayingWellPlanForm;
use super::super::{
    safety_plan::SafetyPlanForm, DraftRecord, EditDraftRecord, MetaRecord, PrefsRecord, Stored,
};
use super::Fields;
use crate::domain::follow_up::FollowUpCheck;
use crate::domain::{
    ActionStep, AfterEffects, CheckIn, DosingSession, Goal, GoalLink, GoalRating, Insight, JournalEntry,
    Medicine, QuestionnaireResult, SafetyPlan, SessionDay, SharedSummary, StayingWellPlan,
};
use serde::de::DeserializeOwned;
use std::fmt::Debug;

/// Both readers give the same record, or both refuse `json`.
fn same<F: DeserializeOwned + PartialEq + Debug>(json: &str, read: fn(&str) -> Result<F, String>) {
    let derived = serde_json::from_str::<F>(json);
    let shared = read(json);
    match (&derived, &shared) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{json}"),
        (Err(_), Err(_)) => {}
        _ => panic!("{json}: derive {derived:?}, shared reader {shared:?}"),
    }
}

const VALUES: &[&str] = &[
    r#""x""#,
    r#""""#,
    r#""a \"quoted\" \u00e9 line\nbreak""#,
    r#""dosing""#,
    r#""follow-up""#,
    r#""iv-infusion""#,
    r#""dark""#,
    r#""mi2k0x8g-0000016""#,
    "0",
    "1",
    "2",
    "255",
    "256",
    "-1",
    "1764104645000",
    "4294967296",
    "18446744073709551615",
    "1.5",
    "1e3",
    "true",
    "false",
    "null",
    "[]",
    r#"["a","b"]"#,
    "[1]",
    "{}",
    r#"{"a":1}"#,
    r#""2026-12-03""#,
    r#""2026-13-03""#,
    r#""phq9""#,
    r#""poorly""#,
    "[1,2]",
    "[1,2,3]",
    "[70000,1]",
    "[1,-1]",
    "[120,80,null]",
    "[null,1]",
    r#"["a","b","c","d"]"#,
    r#"["a","b","c","d","e","f"]"#,
    r#"["none","mild","strong","none"]"#,
    r#"{"s":5,"a":"2026-12-03"}"#,
    r#"{"s":5,"a":"2026-12-03","s":4}"#,
    r#"{"s":5,"a":"x"}"#,
    r#"{"s":5,"a":"2026-12-03","ns":1,"zz":{"q":[]}}"#,
    r#"[{"t":"x","u":1}]"#,
    r#"[{"t":"x","u":1,"u":2}]"#,
    r#"[{"g":"x","t":"y"}]"#,
    r#"[{"g":"x","t":"y","a":null,"zz":[1]}]"#,
    r#"{"s":5,"a":"2026-12-03","zz":1e400}"#,
    r#"{"s":5,"a":"2026-12-03","zz":"\ud800"}"#,
    r#"[{"t":"x","u":1,"zz":1e400}]"#,
    r#"[{"g":"x","t":"y","zz":"\ud800"}]"#,
    "1e400",
    "[1,9223372036854775808]",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
];

mod any_object {
    use super::*;
    use proptest::prelude::*;

    /// An object of `names` (and an unknown one), each with a value of any type, a name
    /// sometimes twice.
    fn object(names: &'static [&'static str]) -> impl Strategy<Value = String> {
        let pair = (0..names.len() + 1, 0..VALUES.len());
        prop::collection::vec(pair, 0..names.len() + 3).prop_map(move |pairs| {
            let fields: Vec<String> = pairs
                .into_iter()
                .map(|(n, v)| {
                    format!(
                        r#""{}":{}"#,
                        names.get(n).copied().unwrap_or("zz"),
                        VALUES.get(v).copied().unwrap_or("0")
                    )
                })
                .collect();
            format!("{{{}}}", fields.join(","))
        })
    }

    /// A well-formed object of `fields`, with some of them changed to other values.
    fn near(fields: &'static [(&'static str, &'static str)]) -> impl Strategy<Value = String> {
        prop::collection::vec((0..fields.len(), 0..VALUES.len()), 0..3).prop_map(move |changes| {
            let mut values: Vec<&str> = fields.iter().map(|(_, v)| *v).collect();
            for (at, v) in changes {
                if let (Some(slot), Some(value)) = (values.get_mut(at), VALUES.get(v)) {
                    *slot = value;
                }
            }
            let parts: Vec<String> =
                fields.iter().zip(values).map(|((n, _), v)| format!(r#""{n}":{v}"#)).collect();
            format!("{{{}}}", parts.join(","))
        })
    }

    const ENTRY: &[&str] = &["id", "c", "e", "s", "pi", "pt", "si", "in", "t", "x"];
    const ENTRY_OK: &[(&str, &str)] = &[
        ("id", r#""mi2k0x8g-0000016""#),
        ("c", "1764104645000"),
        ("e", "1764104645000"),
        ("s", r#""dosing""#),
        ("pi", r#""x""#),
        ("pt", r#""x""#),
        ("si", r#""x""#),
        ("in", "true"),
        ("t", r#""x""#),
        ("x", "false"),
    ];
    const SESSION: &[&str] = &["id", "at", "n", "r", "in", "set", "mb", "ma", "e"];
    const SESSION_OK: &[(&str, &str)] = &[
        ("id", r#""x""#),
        ("at", "1764104645000"),
        ("n", "2"),
        ("r", r#""iv-infusion""#),
        ("in", r#""x""#),
        ("set", r#""""#),
        ("mb", "1"),
        ("ma", "255"),
        ("e", "1764104645000"),
    ];
    const PREFS: &[&str] = &["stage", "pins", "bk", "th", "w"];
    const PREFS_OK: &[(&str, &str)] = &[
        ("stage", r#""follow-up""#),
        ("pins", r#"["a","b"]"#),
        ("bk", "1"),
        ("th", r#""dark""#),
        ("w", "true"),
    ];
    const DRAFT: &[&str] = &["t", "pi", "si"];
    const EDIT: &[&str] = &["id", "t", "x", "be", "bt", "c", "s"];
    const EDIT_OK: &[(&str, &str)] = &[
        ("id", r#""x""#),
        ("t", r#""x""#),
        ("x", "true"),
        ("be", "1"),
        ("bt", r#""""#),
        ("c", "2"),
        ("s", r#""dosing""#),
    ];

    /// An object of any of `fields`' names (and an unknown one), with values of any type.
    fn any_of(fields: &'static [(&'static str, &'static str)]) -> impl Strategy<Value = String> {
        let names: Vec<&'static str> = fields.iter().map(|(n, _)| *n).collect();
        object(names.leak())
    }

    /// A proptest per form read later: both readers on any object of its names and on a
    /// well-formed record with some fields changed.
    macro_rules! read_as_the_derive {
        ($( $test:ident: $form:ty, $kind:ty, $ok:expr; )*) => {
            proptest! {
                #![proptest_config(ProptestConfig::with_cases(250))]
                $(
                    #[test]
                    fn $test(json in prop_oneof![any_of($ok), near($ok)]) {
                        same::<$form>(&json, <$kind as Stored>::read_form);
                    }
                )*
            }
        };
    }

    read_as_the_derive! {
        check_ins: CheckInForm, CheckIn, &[("id", r#""x""#), ("at", "1"), ("s", r#""dosing""#), ("m", "1"),
            ("a", "2"), ("en", "255"), ("sl", "1"), ("em", r#"["a","b"]"#), ("n", r#""x""#), ("e", "1")];
        results: ResultForm, QuestionnaireResult, &[("id", r#""x""#), ("i", r#""phq9""#), ("at", "1"),
            ("ans", "[1,2,3]"), ("e", "1")];
        insights: InsightForm, Insight, &[("id", r#""x""#), ("en", r#""x""#), ("q", r#""x""#), ("c", "1"), ("e", "2")];
        steps: StepForm, ActionStep, &[("id", r#""x""#), ("ins", r#""x""#), ("t", r#""x""#),
            ("due", r#""2026-12-03""#), ("d", "1"), ("c", "1"), ("e", "1"), ("ar", r#""x""#)];
        goals: GoalForm, Goal, &[("id", r#""x""#), ("t", r#""x""#), ("sg", r#""x""#), ("st", r#""x""#),
            ("cl", "1"), ("w", r#"[{"t":"x","sg":"y","u":1},{"t":"z","u":2}]"#), ("c", "1"), ("e", "1")];
        ratings: RatingForm, GoalRating, &[("id", r#""x""#), ("g", r#""x""#), ("at", "1"), ("sc", "2"),
            ("t", r#""x""#), ("rv", "true"), ("e", "1")];
        links: LinkForm, GoalLink, &[("id", r#""x""#), ("g", r#""x""#), ("to", r#""x""#), ("r", r#""x""#), ("e", "1")];
        session_days: SessionDayForm, SessionDay, &[("id", r#""x""#), ("at", "1"), ("si", r#""x""#),
            ("tk", r#"["a","b"]"#), ("md", "true"), ("mn", r#""x""#), ("e", "1")];
        medicines: MedicineForm, Medicine, &[("id", r#""x""#), ("n", r#""x""#), ("ds", r#""x""#),
            ("hf", r#""x""#), ("nt", r#""x""#), ("c", "1"), ("e", "1")];
        safety_plans: SafetyPlanForm, SafetyPlan, &[("id", r#""x""#), ("st", r#"["a","b","c","d","e","f"]"#), ("e", "1")];
        staying_well: StayingWellPlanForm, StayingWellPlan, &[("id", r#""x""#), ("pt", r#"["a","b","c","d"]"#),
            ("mo", "[1,2]"), ("pq", "2"), ("qu", r#""2026-12-03""#), ("e", "1")];
        shared: SharedSummaryForm, SharedSummary, &[("id", r#""x""#), ("at", "1"), ("f", r#""2026-12-03""#),
            ("t", r#""2026-12-03""#), ("sc", r#"["a","b"]"#), ("w", r#""x""#), ("e", "1")];
        after_effects: AfterEffectsForm, AfterEffects, &[("id", r#""x""#), ("si", r#""x""#), ("at", "1"),
            ("lv", r#"["none","mild","strong","none"]"#), ("w", r#""x""#), ("sl", r#""poorly""#), ("bp", "true"),
            ("ur", "false"), ("rf", r#"["a","b"]"#), ("o", r#""x""#), ("vb", "[120,80,null]"),
            ("va", "[null,null,null]"), ("e", "1")];
        follow_ups: FollowUpForm, FollowUpCheck, &[("id", r#""x""#), ("at", "1"), ("wk", "1"), ("ls", "2"),
            ("pq", r#"{"s":5,"a":"2026-12-03","ns":3,"na":"2026-12-04"}"#), ("mb", "[1,2]"), ("mr", "[256,0]"),
            ("gl", r#"[{"g":"x","t":"y","a":1,"b":null}]"#), ("n", r#""x""#), ("d", r#""x""#), ("e", "1")];
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn entries_read_as_the_derive_read_them(json in prop_oneof![object(ENTRY), near(ENTRY_OK)]) {
            same::<EntryForm>(&json, <JournalEntry as Stored>::read_form);
        }

        #[test]
        fn sessions_read_as_the_derive_read_them(json in prop_oneof![object(SESSION), near(SESSION_OK)]) {
            same::<SessionForm>(&json, <DosingSession as Stored>::read_form);
        }

        #[test]
        fn settings_drafts_and_formats_read_as_the_derive_read_them(
            prefs in prop_oneof![object(PREFS), near(PREFS_OK)],
            draft in object(DRAFT),
            meta in object(&["schema"]),
        ) {
            same::<PrefsRecord>(&prefs, PrefsRecord::read);
            same::<DraftRecord>(&draft, DraftRecord::read);
            same::<MetaRecord>(&meta, MetaRecord::read);
        }

        #[test]
        fn a_tabs_edits_read_as_the_derive_read_them(
            edits in prop::collection::vec(prop_oneof![object(EDIT), near(EDIT_OK)], 0..3),
        ) {
            same::<Vec<EditDraftRecord>>(&format!("[{}]", edits.join(",")), EditDraftRecord::read_list);
        }
    }
}

#[test]
fn what_is_not_an_object_is_refused_with_words() {
    for json in ["", "null", "3", r#""x""#, "{", r#"{"schema":2} x"#, r#"{"schema":2}{}"#] {
        same::<MetaRecord>(json, MetaRecord::read);
    }
    let err = MetaRecord::read(r#"{"schema":"2"}"#).unwrap_err();
    assert_eq!(err, "field `schema`: invalid type: a string, expected a whole number");
    assert_eq!(MetaRecord::read("{}").unwrap_err(), "missing field `schema`");
    let err = MetaRecord::read(r#"{"schema":1,"schema":2}"#).unwrap_err();
    assert!(err.starts_with("duplicate field `schema`"), "{err}");
    assert!(EditDraftRecord::read_list("{}").is_err());
}

#[test]
fn only_serdes_array_form_of_a_record_is_no_longer_read() {
    // Afterglow always wrote objects; the derive also read a record, or a nested one, as an array.
    assert!(serde_json::from_str::<MetaRecord>("[2]").is_ok());
    assert!(MetaRecord::read("[2]").is_err());
    let nested = r#"{"id":"x","at":1,"pq":[5,"2026-12-03"],"e":1}"#;
    assert!(serde_json::from_str::<FollowUpForm>(nested).is_ok());
    assert!(<FollowUpCheck as Stored>::read_form(nested).is_err());
}

#[test]
fn unknown_names_in_nested_objects_are_skipped_as_the_derive_skipped_them() {
    // serde_json skips an unknown value without checking its numbers, escapes or depth.
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    for unknown in ["1e400", r#""\ud800""#, &deep] {
        let follow_up = format!(
            r#"{{"id":"x","at":1,"pq":{{"s":5,"a":"2026-12-03","zz":{unknown}}},"gl":[{{"g":"x","t":"y","zz":{unknown}}}],"e":1}}"#
        );
        same::<FollowUpForm>(&follow_up, <FollowUpCheck as Stored>::read_form);
        assert!(<FollowUpCheck as Stored>::read_form(&follow_up).is_ok(), "{unknown}");
        let goal = format!(r#"{{"id":"x","t":"x","w":[{{"t":"x","u":1,"zz":{unknown}}}],"c":1,"e":1}}"#);
        same::<GoalForm>(&goal, <Goal as Stored>::read_form);
        assert!(<Goal as Stored>::read_form(&goal).is_ok(), "{unknown}");
    }
}

#[test]
fn fields_are_taken_once() {
    let mut f = Fields::read(r#"{"a":"x","b":null}"#, &["a", "b"]).unwrap();
    assert_eq!(f.text("a").unwrap(), "x");
    assert_eq!(f.text("a").unwrap_err(), "missing field `a`");
    assert_eq!(f.opt_text("b").unwrap(), None);
}
