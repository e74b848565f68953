use super::review::{goals_invited, review_due, ReviewDue};
use super::*;
use crate::domain::test_records::id;
use crate::domain::{DosingSession, Stage};
use chrono::{Duration, TimeZone};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap() + Duration::days(i64::from(day))
}

fn journal_with_goal(stage: Stage, set: u32) -> (Journal, Goal) {
    let mut j = Journal::new(stage);
    let goal = Goal::new(id(1), at(set), &j, " Sleep through the night ", "I wake up rested").unwrap();
    j.upsert_any(goal.clone());
    j.upsert_any(GoalRating::new(id(2), at(set), &goal.id, 3, "", false).unwrap());
    (j, goal)
}

fn session(j: &mut Journal, n: u32, day: u32) {
    let s = DosingSession::starting(id(100 + i64::from(n)), at(day), n, crate::domain::Route::IvInfusion);
    j.upsert_any(s);
}

#[test]
fn a_goal_is_checked_and_at_most_five_are_open() {
    let mut j = Journal::default();
    assert_eq!(Goal::new(id(1), at(0), &j, "  ", ""), Err(GoalError::Empty));
    assert_eq!(Goal::new(id(1), at(0), &j, &"x".repeat(MAX_GOAL_CHARS + 1), ""), Err(GoalError::TooLong));
    assert_eq!(
        Goal::new(id(1), at(0), &j, "Rest", &"x".repeat(MAX_WORDS_CHARS + 1)),
        Err(GoalError::WordsTooLong)
    );
    for n in 0..MAX_OPEN as i64 {
        let g = Goal::new(id(n + 1), at(0), &j, &format!("Goal {n}"), "").unwrap();
        j.upsert_any(g);
    }
    assert_eq!(Goal::new(id(9), at(0), &j, "A sixth", ""), Err(GoalError::TooMany));
    let first = j.goals()[0].clone();
    let done = first.with_status(at(1), GoalStatus::Achieved, &j).unwrap();
    assert_eq!(done.closed, Some(at(1)));
    j.upsert_any(done.clone());
    assert!(Goal::new(id(9), at(2), &j, "A sixth", "").is_ok(), "an achieved goal frees a place");
    j.upsert_any(Goal::new(id(9), at(2), &j, "A sixth", "").unwrap());
    assert_eq!(done.with_status(at(3), GoalStatus::Open, &j), Err(GoalError::TooMany));
}

#[test]
fn a_changed_goal_keeps_its_history_and_its_ratings() {
    let (mut j, goal) = journal_with_goal(Stage::Evaluation, 0);
    let changed = goal.reworded(at(10), "Sleep six hours", "I wake up rested").unwrap();
    assert_eq!(changed.earlier.len(), 1);
    assert_eq!(changed.earlier[0].text, "Sleep through the night");
    assert_eq!(changed.earlier[0].until, at(10));
    assert_eq!(changed.id, goal.id);
    assert!(changed.edited > goal.edited);
    let sign_only = changed.reworded(at(11), "Sleep six hours", "Fewer naps").unwrap();
    assert_eq!(sign_only.earlier.len(), 1, "a new sign alone is not a new goal");
    j.upsert_any(sign_only);
    assert_eq!(j.ratings_of(&goal.id).len(), 1);
    assert_eq!(j.goal(&goal.id).unwrap().text, "Sleep six hours");
}

#[test]
fn ratings_are_zero_to_ten_and_read_oldest_first() {
    let (mut j, goal) = journal_with_goal(Stage::Evaluation, 0);
    assert_eq!(GoalRating::new(id(5), at(1), &goal.id, 11, "", true), Err(GoalError::BadScore));
    j.upsert_any(GoalRating::new(id(6), at(20), &goal.id, 7, "Most nights now", true).unwrap());
    j.upsert_any(GoalRating::new(id(5), at(10), &goal.id, 5, "", true).unwrap());
    let scores: Vec<u8> = j.ratings_of(&goal.id).iter().map(|r| r.score).collect();
    assert_eq!(scores, [3, 5, 7]);
    assert_eq!(j.latest_rating(&goal.id).map(|r| r.words.as_str()), Some("Most nights now"));
}

#[test]
fn links_are_counted_once_and_forget_deleted_records() {
    let (mut j, goal) = journal_with_goal(Stage::Preparation, 0);
    let draft = crate::domain::EntryDraft { text: "To rest".into(), intention: true, ..Default::default() };
    let entry = crate::domain::JournalEntry::new(id(30), at(1), Stage::Preparation, draft).unwrap();
    j.upsert_any(entry.clone());
    for n in [40, 41] {
        // Two tabs linked the same intention at once.
        let link = GoalLink {
            id: id(n),
            goal: goal.id.clone(),
            target: LinkTarget::Intention,
            record: entry.id.clone(),
            edited: at(2),
        };
        j.upsert_any(link);
    }
    assert_eq!(j.linked(&goal.id, LinkTarget::Intention), vec![entry.id.clone()]);
    assert_eq!(j.goals_of(LinkTarget::Intention, &entry.id).len(), 1);
    assert!(j.linked(&goal.id, LinkTarget::Step).is_empty());
    j.remove_any(crate::domain::Kind::Entry, &entry.id);
    assert!(j.linked(&goal.id, LinkTarget::Intention).is_empty());
}

#[test]
fn setting_goals_is_invited_early_in_the_course_only() {
    assert!(goals_invited(&Journal::new(Stage::Evaluation)));
    assert!(goals_invited(&Journal::new(Stage::Preparation)));
    assert!(!goals_invited(&Journal::new(Stage::Dosing)));
    let (j, _) = journal_with_goal(Stage::Evaluation, 0);
    assert!(!goals_invited(&j));
}

#[test]
fn a_review_is_due_at_integration_once_after_the_last_session() {
    let (mut j, goal) = journal_with_goal(Stage::Dosing, 0);
    session(&mut j, 1, 5);
    assert_eq!(review_due(&j, at(6), 30), None, "not while dosing");
    j.stage = Stage::Integration;
    assert_eq!(review_due(&j, at(6), 30), Some(ReviewDue::Integration));
    j.upsert_any(GoalRating::new(id(7), at(7), &goal.id, 5, "", true).unwrap());
    assert_eq!(review_due(&j, at(8), 30), None);
    session(&mut j, 2, 9);
    assert_eq!(review_due(&j, at(10), 30), Some(ReviewDue::Integration), "a new session, a new review");
}

#[test]
fn a_review_is_due_two_weeks_after_the_last_session() {
    let (mut j, goal) = journal_with_goal(Stage::Dosing, 0);
    session(&mut j, 6, 10);
    assert_eq!(review_due(&j, at(23), 30), None);
    assert_eq!(review_due(&j, at(24), 30), Some(ReviewDue::AfterCourse(6)));
    // A rating made in passing is not a review.
    j.upsert_any(GoalRating::new(id(7), at(25), &goal.id, 5, "", false).unwrap());
    assert_eq!(review_due(&j, at(25), 30), Some(ReviewDue::AfterCourse(6)));
    j.upsert_any(GoalRating::new(id(8), at(25), &goal.id, 5, "", true).unwrap());
    assert_eq!(review_due(&j, at(26), 30), None);
}

#[test]
fn a_review_waits_for_the_last_session_of_the_course() {
    let (mut j, _) = journal_with_goal(Stage::Dosing, 0);
    session(&mut j, 1, 10);
    // The next session is planned three weeks on: the course goes on.
    let next = crate::domain::SessionDay::planned(id(60), at(31), at(11));
    j.upsert_any(next.clone());
    assert_eq!(review_due(&j, at(24), 30), None, "a session is planned after it");
    assert_eq!(review_due(&j, at(44), 30), None);
    // A planned day never logged stops holding the review back two weeks after its date.
    assert_eq!(review_due(&j, at(45), 30), Some(ReviewDue::AfterCourse(1)), "planned, never logged");
    session(&mut j, 2, 31);
    assert_eq!(review_due(&j, at(44), 30), None);
    assert_eq!(review_due(&j, at(45), 30), Some(ReviewDue::AfterCourse(2)));
    // Not while a new course is being prepared.
    j.stage = Stage::Preparation;
    assert_eq!(review_due(&j, at(50), 30), None);
}

#[test]
fn goals_set_after_the_course_are_not_asked_about_it() {
    let (mut j, _) = journal_with_goal(Stage::FollowUp, 40);
    session(&mut j, 6, 10);
    assert_eq!(review_due(&j, at(41), 30), None);
    assert_eq!(review_due(&j, at(70), 30), Some(ReviewDue::Every(30)));
}

#[test]
fn in_follow_up_a_review_comes_every_n_days() {
    let (mut j, goal) = journal_with_goal(Stage::FollowUp, 0);
    assert_eq!(review_due(&j, at(29), 30), None);
    assert_eq!(review_due(&j, at(30), 30), Some(ReviewDue::Every(30)));
    assert_eq!(review_due(&j, at(7), 7), Some(ReviewDue::Every(7)), "the clinic's interval");
    j.upsert_any(GoalRating::new(id(7), at(30), &goal.id, 6, "", true).unwrap());
    assert_eq!(review_due(&j, at(59), 30), None);
    assert_eq!(review_due(&j, at(61), 30), Some(ReviewDue::Every(31)));
    let closed = goal.with_status(at(61), GoalStatus::Achieved, &j).unwrap();
    j.upsert_any(closed);
    assert_eq!(review_due(&j, at(90), 30), None, "nothing to review without an open goal");
}

#[test]
fn deleting_a_goal_takes_its_ratings_and_links_and_undo_brings_them_all_back() {
    use crate::domain::changeset::ChangeSet;
    use crate::domain::Kind;
    let (mut j, goal) = journal_with_goal(Stage::Integration, 0);
    j.upsert_any(GoalRating::new(id(3), at(2), &goal.id, 6, "Slept well twice", true).unwrap());
    let link = GoalLink {
        id: id(4),
        goal: goal.id.clone(),
        target: LinkTarget::Step,
        record: id(40),
        edited: at(2),
    };
    j.upsert_any(link);
    let mine = j.goal_and_its_own(&goal.id);
    assert_eq!(mine.len(), 4, "the goal, two ratings, one link");
    assert_eq!(mine[0], (Kind::Goal, goal.id.clone()));
    let before = j.clone();
    let set = ChangeSet::of(&j, Vec::new(), &mine);
    set.apply_to(&mut j);
    assert!(j.goals().is_empty() && j.goal_ratings().is_empty() && j.goal_links().is_empty());
    let back = set.removed();
    assert_eq!(back.len(), 4);
    ChangeSet::of(&j, back, &[]).apply_to(&mut j);
    assert_eq!(j.goals(), before.goals());
    assert_eq!(j.goal_ratings(), before.goal_ratings());
    assert_eq!(j.goal_links(), before.goal_links());
}

#[test]
fn a_refusal_and_a_status_are_told_in_spanish() {
    let spanish = crate::i18n::spanish();
    let too_many = spanish.run(|| GoalError::TooMany.to_string());
    assert_eq!(too_many, "Ya tiene 5 metas en curso. Primero marque una como lograda o déjela ir, o cambie la redacción de una.");
    assert_eq!(spanish.run(|| GoalStatus::LetGo.label()), "Se dejó ir");
    assert_eq!(GoalError::BadScore.to_string(), "A rating goes from 0 to 10.", "English without a table");
}
