//! Session days and safety as they leave the device: the medicines and after-effects
//! section of the therapist summary (only when the patient ticks it), the after-effects
//! rows of the CSV, and the safety plan as its own Markdown page (in the summary only
//! when ticked). Patient text is escaped like every summary line. Pure.

use super::markdown::{escape_line, DateStyle};
use crate::domain::after_effects::BLOOD_IN_URINE;
use crate::domain::safety_plan::STEPS;
use crate::domain::{AfterEffects, Journal, Level, RedFlag, SafetyPlan, Symptom};
use crate::i18n::{tr, tr_with, T};
use chrono::{DateTime, Utc};
use std::fmt::Write;

/// One session's day in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionCareRow {
    /// The session's number.
    pub number: u32,
    /// When it took place.
    pub at: DateTime<Utc>,
    /// The medicines tick and note, when the patient noted either.
    pub medicines: Option<(bool, String)>,
    /// Its after-effects logs: when, and what was noted, in words.
    pub logs: Vec<(DateTime<Utc>, String)>,
}

/// The medicines list and each session's day, for the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionCare {
    /// The patient's medicines, one line each.
    pub medicines: Vec<String>,
    /// Sessions in the period with a medicines note or after-effects.
    pub sessions: Vec<SessionCareRow>,
}

/// Gathers the section for the sessions `in_range` picks.
pub fn build(journal: &Journal, flags: &[RedFlag], in_range: impl Fn(DateTime<Utc>) -> bool) -> SessionCare {
    let medicines = journal.medicines().iter().map(|m| m.line()).collect();
    let sessions = journal
        .sessions()
        .iter()
        .filter(|s| in_range(s.at))
        .filter_map(|s| {
            let medicines = journal
                .day_of_session(&s.id)
                .filter(|d| d.medicines_as_asked || !d.medicines_note.trim().is_empty())
                .map(|d| (d.medicines_as_asked, d.medicines_note.clone()));
            let logs: Vec<_> = journal
                .after_effects_of(&s.id)
                .into_iter()
                .filter(|a| !a.is_empty())
                .map(|a| (a.at, describe(a, flags)))
                .collect();
            (medicines.is_some() || !logs.is_empty()).then_some(SessionCareRow {
                number: s.number,
                at: s.at,
                medicines,
                logs,
            })
        })
        .collect();
    SessionCare { medicines, sessions }
}

/// One log in words: "Nausea: mild. Dizziness: strong. Slept poorly. Red flags: …".
pub fn describe(log: &AfterEffects, flags: &[RedFlag]) -> String {
    let mut parts: Vec<String> = Symptom::ALL
        .into_iter()
        .filter(|s| log.level(*s) != Level::None)
        .map(|s| format!("{}: {}", s.label(), crate::domain::lower::lower(log.level(s).label())))
        .collect();
    if let Some(sleep) = log.sleep {
        parts.push(sleep.label().to_owned());
    }
    let bladder: Vec<&str> = [(log.bladder_pain, T::care_bladder_pain), (log.urgency, T::care_urgency)]
        .into_iter()
        .filter_map(|(on, what)| on.then_some(tr(what)))
        .chain(log.flags.iter().any(|f| f == BLOOD_IN_URINE).then_some(tr(T::care_blood)))
        .collect();
    if !bladder.is_empty() {
        parts.push(tr_with(T::care_bladder, &[("what", &bladder.join(", "))]));
    }
    let raised: Vec<String> = log.raised(flags).iter().map(RedFlag::shown).collect();
    if !raised.is_empty() {
        parts.push(tr_with(T::care_flags, &[("what", &raised.join("; "))]));
    }
    for (words, r) in [(T::care_vitals_before, &log.before), (T::care_vitals_after, &log.after)] {
        if !r.is_empty() {
            parts.push(tr_with(words, &[("what", &r.words())]));
        }
    }
    for (words, text) in [(T::care_words, &log.words), (T::care_also, &log.other)] {
        if !text.trim().is_empty() {
            parts.push(tr_with(words, &[("what", &text.split_whitespace().collect::<Vec<_>>().join(" "))]));
        }
    }
    if parts.is_empty() {
        tr(T::care_nothing).into()
    } else {
        parts.join(". ")
    }
}

/// The summary's section, in Markdown.
pub fn markdown(care: &SessionCare, dates: &DateStyle<'_>) -> String {
    let mut md = format!("## {}\n\n", tr(T::sum_section_session_days));
    if care.medicines.is_empty() {
        let _ = writeln!(md, "{}\n", tr(T::care_no_medicines));
    } else {
        let _ = writeln!(md, "{}\n", tr(T::care_medicines_i_take));
        for m in &care.medicines {
            let _ = writeln!(md, "- {}", escape_line(m));
        }
        md.push('\n');
    }
    if care.sessions.is_empty() {
        let _ = writeln!(md, "{}\n", tr(T::care_no_sessions));
    }
    for s in &care.sessions {
        let n = s.number.to_string();
        let _ =
            writeln!(md, "### {}\n", tr_with(T::care_session, &[("n", &n), ("when", &(dates.moment)(s.at))]));
        if let Some((as_asked, note)) = &s.medicines {
            let tick = tr(if *as_asked { T::care_as_asked } else { T::care_not_as_asked });
            let note =
                if note.trim().is_empty() { String::new() } else { format!(": {}", escape_line(note)) };
            let _ = writeln!(md, "- {}", tr_with(T::care_medicines_line, &[("tick", tick), ("note", &note)]));
        }
        for (at, words) in &s.logs {
            let line = tr_with(
                T::care_effects_line,
                &[("when", &(dates.moment)(*at)), ("words", &escape_line(words))],
            );
            let _ = writeln!(md, "- {line}");
        }
        md.push('\n');
    }
    md
}

/// The safety plan as a page of its own (a heading per step; empty steps say so).
pub fn safety_plan_markdown(plan: &SafetyPlan, heading: &str) -> String {
    let mut md = format!("{heading}\n\n");
    for (step, (s, text)) in STEPS.iter().zip(&plan.steps).enumerate() {
        let _ = writeln!(
            md,
            "{} {}. {}\n",
            if heading.starts_with("##") { "###" } else { "##" },
            step + 1,
            s.title()
        );
        super::markdown::points_or_unwritten(&mut md, text);
    }
    md
}

/// The CSV cells of one log, after the check-in columns: the session's number, each
/// symptom (0 none, 1 mild, 2 strong), sleep, bladder pain and urgency (1 or empty),
/// red flags (ids), vitals before and after.
pub fn csv_cells(log: &AfterEffects, session_number: Option<u32>) -> Vec<String> {
    let n = |v: Option<u16>| v.map(|v| v.to_string()).unwrap_or_default();
    let flag = |on: bool| if on { "1".to_owned() } else { String::new() };
    let mut cells = vec![session_number.map(|n| n.to_string()).unwrap_or_default()];
    cells.extend(log.levels.iter().map(|l| l.number().to_string()));
    cells.push(log.sleep.map(|s| s.slug().to_owned()).unwrap_or_default());
    cells.push(flag(log.bladder_pain));
    cells.push(flag(log.urgency));
    cells.push(log.flags.join("; "));
    for r in [&log.before, &log.after] {
        cells.extend([n(r.systolic), n(r.diastolic), n(r.pulse)]);
    }
    cells
}

/// The header cells [`csv_cells`] fills.
pub const CSV_HEADER: [&str; 15] = [
    "session",
    "nausea",
    "headache",
    "dizziness",
    "dissociation",
    "sleep_night",
    "bladder_pain",
    "urgency",
    "red_flags",
    "systolic_before",
    "diastolic_before",
    "pulse_before",
    "systolic_after",
    "diastolic_after",
    "pulse_after",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::after_effects::default_red_flags;
    use crate::domain::{DosingSession, Reading, RecordId, Route, SessionDay, Sleep};
    use chrono::TimeZone;

    fn dates() -> DateStyle<'static> {
        DateStyle { day: &|d| d.to_string(), moment: &|t| t.format("%Y-%m-%d %H:%M").to_string() }
    }

    #[test]
    fn the_section_names_medicines_ticks_and_after_effects_in_words() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let mut j = Journal::default();
        let s = DosingSession::starting(RecordId::generate(1, 1), at, 3, Route::Intranasal);
        j.upsert_any(s.clone());
        let mut day = SessionDay::planned(RecordId::generate(2, 2), at, at);
        day.session = Some(s.id.clone());
        day.medicines_as_asked = true;
        day.medicines_note = "Held *lamotrigine* that morning".into();
        j.upsert_any(day);
        let mut log =
            AfterEffects::new(RecordId::generate(3, 3), s.id.clone(), at + chrono::Duration::hours(20));
        log.levels[0] = Level::Mild;
        log.sleep = Some(Sleep::Poorly);
        log.urgency = true;
        log.flags = vec![BLOOD_IN_URINE.into()];
        log.after = Reading { systolic: Some(150), diastolic: Some(95), pulse: Some(90) };
        j.upsert_any(log.clone());
        assert_eq!(
            describe(&log, &default_red_flags()),
            "Nausea: mild. Slept poorly. Bladder: urgency, blood in urine. Red flags: Blood in my urine. Vitals after: 150/95 mmHg, pulse 90"
        );
        let care = build(&j, &default_red_flags(), |_| true);
        let md = markdown(&care, &dates());
        assert!(md.contains("### Session 3, 2026-12-03 09:00"), "{md}");
        assert!(
            md.contains("- Medicines: Taken or held as my clinic asked: Held \\*lamotrigine\\* that morning"),
            "{md}"
        );
        assert!(md.contains("- After-effects, 2026-12-04 05:00: Nausea: mild."), "{md}");
        assert!(md.contains("No medicines listed."));
        assert!(build(&j, &default_red_flags(), |_| false).sessions.is_empty());
        let cells = csv_cells(&log, Some(3));
        assert_eq!(cells.len(), CSV_HEADER.len());
        assert_eq!(
            cells[..9],
            ["3", "1", "0", "0", "0", "poorly", "", "1", "blood-in-urine"].map(String::from)
        );
    }

    #[test]
    fn in_spanish_the_section_and_afterglows_own_flags_are_spanish_and_a_clinics_flag_is_as_written() {
        let spanish = crate::i18n::spanish();
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let mut flags = default_red_flags();
        flags.push(RedFlag { id: "rash".into(), text: "A rash that spreads".into(), urgent: false });
        let mut log = AfterEffects::new(RecordId::generate(3, 3), RecordId::generate(1, 1), at);
        log.levels[1] = Level::Strong;
        log.bladder_pain = true;
        log.flags = vec!["chest-pain".into(), "rash".into()];
        log.before = Reading { systolic: Some(120), diastolic: None, pulse: Some(70) };
        let words = spanish.run(|| describe(&log, &flags));
        assert_eq!(
            words,
            "Dolor de cabeza: fuerte. Vejiga: dolor de vejiga. Señales de alarma: Dolor en el pecho o palpitaciones fuertes o muy rápidas; A rash that spreads. Signos vitales antes: 120 mmHg de presión alta, pulso 70"
        );
        assert_eq!(spanish.run(|| flags[0].shown()), "Sangre en la orina");
        let renamed = RedFlag { text: "Blood when I pee".into(), ..flags[0].clone() };
        assert_eq!(spanish.run(|| renamed.shown()), "Blood when I pee");
        let md = spanish.run(|| markdown(&SessionCare { medicines: vec![], sessions: vec![] }, &dates()));
        assert!(
            md.starts_with("## Medicamentos y efectos posteriores\n\nNo hay medicamentos en la lista."),
            "{md}"
        );
        assert_eq!(describe(&log, &flags).split(". ").next(), Some("Headache: strong"));
    }

    #[test]
    fn the_safety_plan_page_has_every_step_and_escapes_what_was_written() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let mut plan = SafetyPlan::start(RecordId::generate(1, 1), at, &[]);
        plan.steps[0] = "# I stop eating\n\n<b>sleep all day</b>".into();
        let md = safety_plan_markdown(&plan, "# My safety plan");
        assert!(md.starts_with("# My safety plan\n\n## 1. Signs that a hard time is starting\n\n- \\# I stop eating\n- \\<b\\>sleep all day\\</b\\>\n"), "{md}");
        assert_eq!(md.matches("Not written yet.").count(), 5);
        assert!(safety_plan_markdown(&plan, "## Safety plan").contains("### 6. Making my surroundings safer"));
    }
}
