//! The journaling core as a patient uses it: search and filters, days, intentions shown
//! back, and an insight becoming an action step that is checked off.
// Test helpers may unwrap and index: a panic here is a failed test (clippy.toml allows
// it inside tests; helpers outside `#[test]` need saying).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use afterglow::domain::{
    group_by_day, ActionStep, DosingSession, EntryDraft, EntryFilter, Insight, Journal, JournalEntry,
    PromptRef, RecordId, Route, Stage, Upsert,
};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};

fn t(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn add(journal: &mut Journal, at: DateTime<Utc>, stage: Stage, draft: EntryDraft) -> RecordId {
    let entry = JournalEntry::new(RecordId::generate(at.timestamp_millis(), 1), at, stage, draft).unwrap();
    let id = entry.id.clone();
    journal.upsert_any(entry);
    id
}

fn text(s: &str) -> EntryDraft {
    EntryDraft { text: s.into(), ..EntryDraft::default() }
}

fn found(journal: &Journal, filter: &EntryFilter) -> Vec<String> {
    journal.find(filter).iter().map(|e| e.text.clone()).collect()
}

fn query(q: &str) -> EntryFilter {
    EntryFilter { query: q.into(), ..EntryFilter::default() }
}

#[test]
fn search_ignores_case_and_accents_and_needs_every_word() {
    let mut j = Journal::default();
    add(&mut j, t(1, 9), Stage::Preparation, text("Café au lait with my sister"));
    add(&mut j, t(2, 9), Stage::Dosing, text("CAFE again, alone"));
    add(&mut j, t(3, 9), Stage::Integration, text("Naïve hope, and that is fine"));
    let prompted = EntryDraft {
        prompt: Some(PromptRef { id: "int-truest".into(), text: "What is the truest sentence?".into() }),
        ..text("I am tired.")
    };
    add(&mut j, t(4, 9), Stage::Integration, prompted);
    assert_eq!(found(&j, &query("cafe")), ["CAFE again, alone", "Café au lait with my sister"]);
    assert_eq!(found(&j, &query("  SISTER   café ")), ["Café au lait with my sister"]);
    assert_eq!(found(&j, &query("naive")), ["Naïve hope, and that is fine"]);
    assert_eq!(found(&j, &query("truest")), ["I am tired."], "the prompt's words count too");
    assert!(found(&j, &query("cafe naive")).is_empty());
    assert_eq!(found(&j, &query("")).len(), 4);
    assert!(query("  ").is_empty() && !query("x").is_empty());
}

#[test]
fn filters_by_stage_and_session_combine_with_search() {
    let mut j = Journal::default();
    let session = DosingSession::starting(RecordId::generate(10, 1), t(5, 8), 1, Route::IvInfusion);
    j.upsert_any(session.clone());
    add(
        &mut j,
        t(5, 12),
        Stage::Dosing,
        EntryDraft { session: Some(session.id.clone()), ..text("warm light") },
    );
    add(
        &mut j,
        t(6, 12),
        Stage::Dosing,
        EntryDraft { session: Some(session.id.clone()), ..text("still light") },
    );
    add(&mut j, t(7, 12), Stage::Dosing, text("light, unlinked"));
    add(&mut j, t(8, 12), Stage::Integration, text("light in integration"));
    let by_stage = EntryFilter { stage: Some(Stage::Dosing), ..query("light") };
    assert_eq!(found(&j, &by_stage).len(), 3);
    let by_session = EntryFilter { session: Some(session.id.clone()), ..EntryFilter::default() };
    assert_eq!(found(&j, &by_session), ["still light", "warm light"]);
    let linked: Vec<&str> = j.entries_for_session(&session.id).iter().map(|e| e.text.as_str()).collect();
    assert_eq!(linked, ["warm light", "still light"], "the quick capture comes first");
}

#[test]
fn days_follow_the_patients_time_zone() {
    let mut j = Journal::default();
    add(&mut j, t(26, 3), Stage::Dosing, text("late at night in California"));
    add(&mut j, t(25, 20), Stage::Dosing, text("evening"));
    add(&mut j, t(25, 9), Stage::Dosing, text("morning"));
    let pacific = FixedOffset::west_opt(8 * 3600).unwrap();
    let entries = j.find(&EntryFilter::default());
    let days = group_by_day(&entries, |at| at.with_timezone(&pacific).date_naive());
    let shape: Vec<(NaiveDate, usize)> = days.iter().map(|(d, es)| (*d, es.len())).collect();
    assert_eq!(
        shape,
        [(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), 3)],
        "03:00 UTC is still the 25th there"
    );
    let utc_days = group_by_day(&entries, |at| at.date_naive());
    assert_eq!(utc_days.len(), 2);
}

#[test]
fn intentions_from_preparation_are_there_to_show_back() {
    let mut j = Journal::default();
    add(
        &mut j,
        t(1, 9),
        Stage::Preparation,
        EntryDraft { intention: true, ..text("More patience with myself") },
    );
    add(&mut j, t(2, 9), Stage::Preparation, text("Not an intention"));
    add(&mut j, t(3, 9), Stage::Preparation, EntryDraft { intention: true, ..text("To feel my body again") });
    let shown: Vec<&str> = j.intentions().iter().map(|e| e.text.as_str()).collect();
    assert_eq!(shown, ["To feel my body again", "More patience with myself"]);
}

#[test]
fn an_insight_becomes_a_step_that_is_checked_off_in_follow_up() {
    let mut j = Journal::default();
    let entry_id =
        add(&mut j, t(10, 20), Stage::Integration, text("I saw that rest is not laziness. Tea after."));
    let entry = j.entry(&entry_id).unwrap().clone();
    let insight =
        Insight::mark(RecordId::generate(1, 2), t(11, 9), &entry, Some("rest is not laziness")).unwrap();
    j.upsert_any(insight.clone());
    let due = NaiveDate::from_ymd_opt(2026, 11, 20);
    let step = ActionStep::new(
        RecordId::generate(2, 3),
        t(11, 9),
        Some(insight.id.clone()),
        "Rest one afternoon a week",
        due,
    )
    .unwrap();
    j.upsert_any(step.clone());
    let undated = ActionStep::new(RecordId::generate(3, 4), t(11, 10), None, "Call Sam", None).unwrap();
    j.upsert_any(undated.clone());
    let open: Vec<&str> = j.open_steps().iter().map(|s| s.text.as_str()).collect();
    assert_eq!(open, ["Rest one afternoon a week", "Call Sam"], "dated steps first");
    assert!(step.is_overdue(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()));

    j.upsert_any(step.set_done(t(19, 9), true));
    let open: Vec<&str> = j.open_steps().iter().map(|s| s.text.as_str()).collect();
    assert_eq!(open, ["Call Sam"]);
    assert_eq!(j.steps_for_insight(&insight.id)[0].done, Some(t(19, 9)));

    // Deleting the entry keeps the insight's words.
    j.remove_any(afterglow::domain::Kind::Entry, &entry_id);
    assert_eq!(j.insight(&insight.id).unwrap().quote, "rest is not laziness");
}

#[test]
fn a_stale_copy_of_a_step_never_undoes_a_check_off() {
    let mut j = Journal::default();
    let step = ActionStep::new(RecordId::generate(2, 3), t(11, 9), None, "Walk", None).unwrap();
    j.upsert_any(step.clone());
    j.upsert_any(step.set_done(t(12, 9), true));
    j.upsert_any(step.clone());
    assert!(j.open_steps().is_empty());
}

// The merge rule and pins, moved from the journal module.
fn entry_at(id: &str, minute: u32, edited_minute: u32, text: &str) -> JournalEntry {
    let at = |m| Utc.with_ymd_and_hms(2026, 11, 25, 9, m, 0).unwrap();
    let draft = EntryDraft { text: text.into(), ..EntryDraft::default() };
    let mut e = JournalEntry::new(RecordId::parse(id).unwrap(), at(minute), Stage::Dosing, draft).unwrap();
    e.edited = at(edited_minute);
    e
}

fn ids(journal: &Journal) -> Vec<&str> {
    journal.entries().iter().map(|e| e.id.as_str()).collect()
}

#[test]
fn entries_are_newest_first_whatever_the_insert_order() {
    let mut journal = Journal::default();
    for e in [entry_at("b", 2, 2, "two"), entry_at("c", 3, 3, "three"), entry_at("a", 1, 1, "one")] {
        journal.upsert_any(e);
    }
    assert_eq!(ids(&journal), ["c", "b", "a"]);
}

#[test]
fn upsert_keeps_the_newer_edit_in_either_order() {
    let old = entry_at("a", 1, 1, "first draft");
    let new = entry_at("a", 1, 5, "edited");
    let mut j1 = Journal::default();
    assert_eq!(j1.upsert_any(old.clone()), Upsert::Added);
    assert_eq!(j1.upsert_any(new.clone()), Upsert::Replaced);
    let mut j2 = Journal::default();
    j2.upsert_any(new);
    assert_eq!(j2.upsert_any(old), Upsert::KeptNewer);
    assert_eq!(j1, j2);
    assert_eq!(j1.entries()[0].text, "edited");
}

#[test]
fn pins_toggle() {
    let mut journal = Journal::default();
    assert!(journal.toggle_pin("int-truest"));
    assert!(journal.toggle_pin("prep-safe"));
    assert!(!journal.toggle_pin("int-truest"));
    assert_eq!(journal.pinned, ["prep-safe"]);
}
