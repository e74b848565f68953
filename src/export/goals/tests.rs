use super::*;
use crate::domain::test_records::id;
use crate::domain::{AnyRecord, EntryDraft, Goal, GoalLink, GoalRating, Insight, JournalEntry, Stage};
use crate::export::summary::{Summary, SummaryOptions};
use chrono::{Duration, TimeZone};

fn at(day: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap() + Duration::days(day)
}

fn dates() -> DateStyle<'static> {
    DateStyle { day: &|d| d.to_string(), moment: &|t| t.format("%Y-%m-%d").to_string() }
}

/// A goal set on day 0 (rated 3), rated 5 on day 20 in a review, with a public intention,
/// a private one, an insight from a private entry and a done step linked.
fn journal() -> (Journal, Goal) {
    let mut j = Journal::new(Stage::Integration);
    let goal = Goal::new(id(1), at(0), &j, "Sleep through the night", "I wake up rested").unwrap();
    j.upsert_any(goal.clone());
    j.upsert_any(GoalRating::new(id(2), at(0), &goal.id, 3, "", false).unwrap());
    j.upsert_any(GoalRating::new(id(3), at(20), &goal.id, 5, "Most nights now", true).unwrap());
    let entry = |n, text: &str, private| {
        let draft = EntryDraft { text: text.into(), intention: true, private, ..Default::default() };
        JournalEntry::new(id(n), at(1), Stage::Preparation, draft).unwrap()
    };
    let public = entry(10, "To rest without guilt", false);
    let private = entry(11, "Something only for me", true);
    let insight = Insight::mark(id(12), at(5), &private, None).unwrap();
    let step = crate::domain::ActionStep::new(id(13), at(6), None, "Screens off at ten", None)
        .unwrap()
        .set_done(at(7), true);
    for (n, target, record) in [
        (20, LinkTarget::Intention, &public.id),
        (21, LinkTarget::Intention, &private.id),
        (22, LinkTarget::Insight, &insight.id),
        (23, LinkTarget::Step, &step.id),
    ] {
        j.upsert_any(GoalLink {
            id: id(n),
            goal: goal.id.clone(),
            target,
            record: record.clone(),
            edited: at(8),
        });
    }
    let records: [AnyRecord; 4] = [public.into(), private.into(), insight.into(), step.into()];
    for r in records {
        j.upsert_any(r);
    }
    (j, goal)
}

#[test]
fn the_section_shows_then_and_now_and_what_is_linked_but_nothing_private() {
    let (j, _) = journal();
    let o = SummaryOptions::new(at(10).date_naive(), at(30).date_naive());
    let summary = Summary::build(&j, &o, |t| t.date_naive());
    let md = markdown(summary.goals.as_deref().unwrap(), &dates());
    assert!(md.contains("### 1. Sleep through the night"), "{md}");
    assert!(md.contains("- How I'd know it's better: I wake up rested"), "{md}");
    assert!(md.contains("- When set: 3 of 10 on 2026-01-01"), "{md}");
    assert!(md.contains("- Rated 5 of 10 on 2026-01-21: Most nights now"), "{md}");
    assert!(md.contains("- Intention: To rest without guilt"), "{md}");
    assert!(md.contains("- Step (done): Screens off at ten"), "{md}");
    assert!(!md.contains("only for me"), "a private entry's intention or insight never leaves: {md}");
}

#[test]
fn a_goal_closed_before_the_period_is_left_out_and_unticked_means_none() {
    let (mut j, goal) = journal();
    j.upsert_any(goal.with_status(at(5), crate::domain::GoalStatus::LetGo, &j).unwrap());
    let o = SummaryOptions::new(at(10).date_naive(), at(30).date_naive());
    assert_eq!(Summary::build(&j, &o, |t| t.date_naive()).goals, Some(Vec::new()));
    let o = SummaryOptions::new(at(0).date_naive(), at(30).date_naive());
    let goals = Summary::build(&j, &o, |t| t.date_naive()).goals.unwrap();
    assert_eq!(goals[0].status, (crate::domain::GoalStatus::LetGo, Some(at(5))));
    assert!(markdown(&goals, &dates()).contains("- Status: Let go on 2026-01-06"));
    let o = SummaryOptions { goals: false, ..o };
    assert_eq!(Summary::build(&j, &o, |t| t.date_naive()).goals, None);
}

#[test]
fn each_rating_is_a_csv_row() {
    let (j, _) = journal();
    let csv = crate::export::csv::render(&j);
    let lines: Vec<&str> = csv.lines().filter(|l| l.starts_with("goal-rating")).collect();
    assert_eq!(lines.len(), 2, "{csv}");
    let cells: Vec<&str> = lines[1].split(',').collect();
    assert_eq!((cells[8], cells[10]), ("Most nights now", "5"), "{}", lines[1]);
    assert_eq!(cells[cells.len() - 4..], ["Sleep through the night", "", "", ""]);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert_eq!(header.len(), cells.len(), "every row as wide as the header");
}

#[test]
fn each_step_is_a_csv_row_with_its_area_due_day_and_goal() {
    let (mut j, _) = journal();
    let due = chrono::NaiveDate::from_ymd_opt(2026, 2, 1);
    let walk = crate::domain::ActionStep::new(id(30), at(9), None, "=Walk, \"slowly\"", due)
        .unwrap()
        .with_area(at(9), Some(crate::domain::insight::Area::Nature));
    j.upsert_any(walk);
    let csv = crate::export::csv::render(&j);
    let header: Vec<&str> = csv.lines().next().unwrap().trim_start_matches('\u{feff}').split(',').collect();
    let tail = &header[header.len() - 4..];
    assert_eq!(tail, ["goal", "area", "due", "done_at"], "new columns come last, the old keep their place");
    let lines: Vec<&str> = csv.lines().filter(|l| l.starts_with("action-step")).collect();
    assert_eq!(lines.len(), 2, "{csv}");
    let done: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(done.len(), header.len(), "every row as wide as the header");
    assert_eq!((done[1], done[8]), ("2026-01-07T09:00:00Z", "Screens off at ten"));
    assert_eq!(&done[done.len() - 4..], ["Sleep through the night", "", "", "2026-01-08T09:00:00Z"]);
    assert!(
        lines[1].contains(",\"'=Walk, \"\"slowly\"\"\",") && lines[1].ends_with(",,nature,2026-02-01,"),
        "an area by its stored name, the text neutralised and quoted: {}",
        lines[1]
    );
}
