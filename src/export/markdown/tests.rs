use super::*;
use crate::domain::SafetyPlan;
use crate::domain::{JournalEntry, PromptRef, RecordId, Route, Stage};
use crate::export::session_care::{SessionCare, SessionCareRow};
use crate::export::summary::{SessionRow, StepRow};
use chrono::TimeZone;

const BIDI: [char; 12] = [
    '\u{61C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn moment(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// A summary with `text` in every place patient or record text goes, rendered.
fn with_text(text: &str) -> String {
    render(&summary_with(text), &DateStyle { day: &day, moment: &moment })
}

/// A summary with `text` in every place patient or record text goes.
fn summary_with(text: &str) -> Summary {
    let at = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    let entry = JournalEntry {
        id: RecordId::generate(at.timestamp_millis(), 1),
        created: at,
        edited: at,
        stage: Stage::Integration,
        prompt: Some(PromptRef { id: "p".into(), text: text.into() }),
        session: None,
        intention: false,
        text: text.into(),
        private: false,
    };
    Summary {
        follow_up_shows: crate::export::follow_up::Shown::ALL,
        title: text.into(),
        from: at.date_naive(),
        to: at.date_naive(),
        sessions: Some(vec![SessionRow {
            at,
            number: 1,
            route: Route::IvInfusion,
            mood: (None, None),
            intention: text.into(),
        }]),
        mood: None,
        scores: None,
        intentions: Some(vec![text.into()]),
        insights: Some(vec![text.into()]),
        steps: Some(vec![StepRow { text: text.into(), done: false, due: None, area: None }]),
        goals: Some(vec![crate::export::goals::GoalRow {
            text: text.into(),
            sign: text.into(),
            status: (crate::domain::GoalStatus::Open, None),
            earlier: vec![text.into()],
            first: Some((at, 2, text.into())),
            ratings: vec![(at, 5, text.into())],
            intentions: vec![text.into()],
            insights: vec![text.into()],
            steps: vec![(text.into(), true)],
        }]),
        entries: Some(vec![(Some(Stage::Integration), vec![entry])]),
        session_care: Some(SessionCare {
            medicines: vec![text.into()],
            sessions: vec![SessionCareRow {
                number: 1,
                at,
                medicines: Some((true, text.into())),
                logs: vec![(at, text.into())],
            }],
        }),
        safety_plan: Some({
            let mut plan = SafetyPlan::start(RecordId::generate(at.timestamp_millis(), 2), at, &[]);
            plan.steps[0] = text.into();
            plan
        }),
        staying_well: Some({
            let mut plan =
                crate::domain::StayingWellPlan::start(RecordId::generate(at.timestamp_millis(), 3), at);
            plan.parts[1] = text.into();
            plan
        }),
        follow_up: Some(vec![crate::domain::follow_up::FollowUpCheck {
            id: RecordId::generate(at.timestamp_millis(), 4),
            at,
            facts: crate::domain::follow_up::Facts {
                goals: vec![crate::domain::follow_up::GoalThen {
                    goal: RecordId::generate(at.timestamp_millis(), 5),
                    text: text.into(),
                    then: Some(3),
                    now: None,
                }],
                ..Default::default()
            },
            noticed: text.into(),
            discuss: text.into(),
            edited: at,
        }]),
    }
}

#[test]
fn nul_and_bidi_controls_never_reach_the_markdown() {
    let md = with_text("a\u{0}b \u{202E}c\u{2066}d\u{2069} \u{1b}e \u{85}f\u{200F}");
    assert!(!md.contains('\u{0}'), "{md:?}");
    assert!(!md.contains(BIDI), "{md:?}");
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{md:?}");
    // Title, session intention, prompt, intention, insight, step, medicine, medicines
    // note, after-effects, safety plan, the entry, and a goal's words, sign, earlier
    // wording, two ratings, intention, insight and step; the plan for staying well; a
    // follow-up check-in's points, what the patient notices and a goal's words.
    assert_eq!(md.matches("a\u{FFFD}b cd \u{FFFD}e \u{FFFD}f").count(), 23, "{md}");
}

#[test]
fn a_lone_carriage_return_makes_no_heading_or_code_block() {
    let md = with_text("fine\r# Not a heading\r    not code\r\n- nor a list");
    assert!(!md.contains('\r'), "{md:?}");
    assert!(md.contains("\n> fine  \n> \\# Not a heading  \n> not code  \n> \\- nor a list\n"), "{md}");
    // Folded to one line everywhere else.
    assert!(md.contains("# fine # Not a heading not code - nor a list\n"), "{md}");
    assert!(!md.lines().any(|l| l.starts_with("    ") || l.starts_with("# Not")), "{md}");
}

#[test]
fn a_control_character_cannot_hide_a_block_starter() {
    assert_eq!(escape_line("\u{202E}# heading"), "\\# heading");
    assert_eq!(escape_line("\u{200E}    code"), "code");
    assert_eq!(escape_line("\u{2067}- item"), "\\- item");
    assert_eq!(escape_line("\u{0}# x"), "\u{FFFD}# x");
    assert_eq!(escape_line("a\r# b"), "a # b");
}

#[test]
fn a_steps_area_of_life_shows_beside_it_with_the_source_named_once() {
    use crate::domain::insight::{Area, AREAS_SOURCE};
    let mut summary = summary_with("x");
    summary.steps = Some(vec![
        StepRow { text: "Walk by the river".into(), done: true, due: None, area: Some(Area::Nature) },
        StepRow { text: "Call my sister".into(), done: false, due: None, area: Some(Area::Relationships) },
        StepRow { text: "Sleep by eleven".into(), done: false, due: None, area: None },
    ]);
    let md = render(&summary, &DateStyle { day: &day, moment: &moment });
    assert!(md.contains("- Done: Walk by the river [Nature]\n"), "{md}");
    assert!(md.contains("- Open: Call my sister [Relationships]\n"));
    assert!(md.contains("- Open: Sleep by eleven\n"));
    assert_eq!(md.matches(AREAS_SOURCE.english()).count(), 1);
}

#[test]
fn a_summary_is_written_in_the_language_chosen_for_it_and_what_the_patient_wrote_is_not() {
    use crate::domain::stats::Averages;
    use crate::i18n::{set_spanish_decimal_comma, Lang, Words};
    let spanish = crate::i18n::spanish();
    let mut summary = summary_with("Una tarde tranquila");
    summary.title = String::new();
    let range = Averages { count: 3, sleep: Some(7.5), ..Averages::default() };
    summary.mood = Some((range, None));
    set_spanish_decimal_comma(true);
    let md = spanish.run(|| render(&summary, &DateStyle { day: &day, moment: &moment }));
    for heading in [
        "# Resumen del diario",
        "## Sesiones de dosis",
        "## Registros de ánimo",
        "## Intenciones",
        "## Metas del tratamiento",
        "## Entradas del diario",
    ] {
        assert!(md.contains(&format!("{heading}\n")), "{heading} in {md}");
    }
    assert!(md.contains("Del 2026-01-05 al 2026-01-05"), "{md}");
    assert!(md.contains("3 registros en este periodo"), "{md}");
    assert!(md.contains("- Sueño: 7,5 horas por noche"), "a decimal comma where the locale writes one: {md}");
    assert!(md.contains("Compartido por el paciente desde Afterglow"));
    assert!(md.contains("Una tarde tranquila"), "the patient's words as written");
    // The same summary in English, whatever the language shown before and after.
    let english = Words { lang: Lang::En, texts: None };
    let md = spanish.run(|| english.run(|| render(&summary, &DateStyle { day: &day, moment: &moment })));
    assert!(md.starts_with("# Journal summary\n"), "{md}");
    assert!(md.contains("- Sleep: 7.5 hours a night"));
    set_spanish_decimal_comma(false);
}
