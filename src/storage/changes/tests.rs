use super::*;
use crate::domain::test_records::{self, t};
use crate::domain::{EntryDraft, Route, Theme};
use crate::storage::{KeyValueStore, MemoryStore, Namespace};
use chrono::{TimeZone, Utc};
use std::rc::Rc;

fn entry(n: u32, text: &str) -> JournalEntry {
    test_records::entry(n, t(0), text)
}

fn setup(quota: Option<usize>) -> (Rc<MemoryStore>, JournalRepo, Journal) {
    let store = Rc::new(quota.map_or_else(MemoryStore::new, MemoryStore::with_quota));
    let repo = JournalRepo::new(store.clone(), &Namespace::default());
    (store, repo, Journal::new(Stage::FIRST))
}

#[test]
fn a_saved_record_is_stored_and_in_the_journal() {
    let (_, repo, mut journal) = setup(None);
    save(&repo, &mut journal, entry(1, "hello").into()).unwrap();
    assert_eq!(journal.len(), 1);
    assert_eq!(repo.load().unwrap().journal, journal);
}

#[test]
fn a_record_from_a_clock_outside_the_journals_years_is_refused_not_stored() {
    let (store, repo, mut journal) = setup(None);
    let at = Utc.with_ymd_and_hms(2100, 1, 1, 0, 0, 1).unwrap();
    let d = EntryDraft { text: "written on a wrong clock".into(), ..EntryDraft::default() };
    let e = JournalEntry::new(RecordId::generate(at.timestamp_millis(), 1), at, Stage::Dosing, d).unwrap();
    let err = save(&repo, &mut journal, e.into()).unwrap_err();
    assert!(
        matches!(&err, Refused::Invalid(m) if m.contains("date or time is set outside the years") && !m.contains("invalid:")),
        "{err:?}"
    );
    assert!(journal.is_empty());
    assert!(store.snapshot().keys().all(|k| !k.contains(":e:")));
}

#[test]
fn a_failed_save_changes_nothing() {
    let (store, repo, mut journal) = setup(Some(60));
    let before = journal.clone();
    let err = save(&repo, &mut journal, entry(1, &"long ".repeat(40)).into()).unwrap_err();
    assert_eq!(err, Refused::Storage(StorageError::QuotaExceeded));
    assert_eq!(journal, before);
    assert!(store.snapshot().keys().all(|k| !k.contains(":e:")));
}

#[test]
fn a_delete_returns_the_record_for_undo_and_undo_brings_it_back() {
    let (_, repo, mut journal) = setup(None);
    let e = entry(1, "hello");
    save(&repo, &mut journal, e.clone().into()).unwrap();
    let gone = delete(&repo, &mut journal, Kind::Entry, &e.id).unwrap();
    assert_eq!(gone, Some(AnyRecord::Entry(e.clone())));
    assert!(journal.is_empty() && repo.load().unwrap().journal.is_empty());
    save(&repo, &mut journal, gone.unwrap()).unwrap();
    assert_eq!(repo.load().unwrap().journal.entries(), [e]);
}

#[test]
fn settings_are_saved_before_the_journal_shows_them() {
    let (store, repo, mut journal) = setup(None);
    settings(&repo, &mut journal, |p| {
        p.stage = Stage::Dosing;
        p.theme = Theme::Dark;
        p.pins.push("dose-word".into());
    })
    .unwrap();
    assert_eq!((journal.stage, journal.theme, journal.pinned.len()), (Stage::Dosing, Theme::Dark, 1));
    let stored = store.get("afterglow:prefs").unwrap().unwrap();
    assert!(stored.contains("dosing") && stored.contains("dark"), "{stored}");

    // A full store: the journal keeps the old settings.
    let full = Rc::new(MemoryStore::with_quota(10));
    let repo = JournalRepo::new(full, &Namespace::default());
    let before = journal.clone();
    assert!(settings(&repo, &mut journal, |p| p.stage = Stage::FollowUp).is_err());
    assert_eq!(journal, before);
}

#[test]
fn an_edit_from_a_stale_copy_keeps_both_versions() {
    let (_, repo, mut journal) = setup(None);
    let e = entry(1, "first");
    save(&repo, &mut journal, e.clone().into()).unwrap();
    let theirs = e.edited(t(0) + chrono::Duration::minutes(1), "theirs", false).unwrap();
    repo.save(&theirs).unwrap();
    let mine = e.edited(t(0) + chrono::Duration::minutes(2), "mine", false).unwrap();
    let saved = edit_entry(&repo, &mut journal, &e, mine, RecordId::generate(1, 2)).unwrap();
    assert!(matches!(saved, EditSaved::KeptBoth(_)));
    let mut texts: Vec<String> = journal.entries().iter().map(|e| e.text.clone()).collect();
    texts.sort();
    assert_eq!(texts, ["mine", "theirs"]);
}

#[test]
fn a_welcome_retried_after_its_session_was_stored_adds_no_second_session() {
    // The first try stored the session, then could not store the welcome's end (a full
    // quota): the patient presses Start writing again, and the form makes a new session.
    let (_, repo, mut journal) = setup(None);
    let first = DosingSession::starting(RecordId::generate(1, 1), t(0), 1, Route::default());
    save(&repo, &mut journal, first.into()).unwrap();
    let again = DosingSession::starting(RecordId::generate(2, 2), t(0), 1, Route::default());
    finish_welcome(&repo, &mut journal, Stage::Dosing, Some(again)).unwrap();
    assert_eq!(journal.sessions().len(), 1, "one session, not two");
    assert!(journal.welcomed);
    assert_eq!(repo.load().unwrap().journal, journal);
}

#[test]
fn a_welcome_whose_session_cannot_be_stored_is_not_finished() {
    let (_, repo, mut journal) = setup(Some(40));
    let session = DosingSession::starting(RecordId::generate(1, 1), t(0), 1, Route::default());
    let before = journal.clone();
    assert!(finish_welcome(&repo, &mut journal, Stage::Dosing, Some(session.clone())).is_err());
    assert_eq!(journal, before, "neither the stage nor the welcome's end shows");

    let (_, repo, mut journal) = setup(None);
    finish_welcome(&repo, &mut journal, Stage::Dosing, Some(session)).unwrap();
    assert!(journal.welcomed && journal.stage == Stage::Dosing && journal.sessions().len() == 1);
    assert_eq!(repo.load().unwrap().journal, journal);
}

fn goal_and_rating(n: u32) -> (crate::domain::Goal, crate::domain::GoalRating) {
    let j = Journal::new(Stage::Evaluation);
    let gid = RecordId::generate(t(0).timestamp_millis(), 100 + n);
    let goal = crate::domain::Goal::new(gid.clone(), t(0), &j, "Sleep through the night", "").unwrap();
    let rid = RecordId::generate(t(0).timestamp_millis(), 200 + n);
    let words = "I wake up twice most nights, less after the walk";
    (goal, crate::domain::GoalRating::new(rid, t(0), &gid, 4, words, false).unwrap())
}

#[test]
fn records_changed_together_are_all_stored_or_none_is() {
    // Room for the goal but not its first rating: neither is stored, the journal is as it
    // was, and saving again once there is room stores each once.
    let (goal, rating) = goal_and_rating(1);
    let used = |store: &MemoryStore| store.snapshot().iter().map(|(k, v)| k.len() + v.len()).sum::<usize>();
    let (measure, repo, mut journal) = setup(None);
    repo.save_prefs_record(&PrefsRecord::of(&journal)).unwrap();
    save(&repo, &mut journal, goal.clone().into()).unwrap();
    let (store, repo, mut journal) = setup(Some(used(&measure) + 20));
    repo.save_prefs_record(&PrefsRecord::of(&journal)).unwrap();
    let before = (journal.clone(), store.snapshot());
    let records = || vec![AnyRecord::from(goal.clone()), rating.clone().into()];
    let err = together(&repo, &mut journal, records(), &[]).unwrap_err();
    assert!(matches!(err, Refused::Together(_)), "{err:?}");
    assert!(err.to_string().starts_with("This change could not finish"), "{err}");
    assert_eq!((journal.clone(), store.snapshot()), before, "nothing half-saved");
    let (store, repo, mut journal) = setup(None);
    together(&repo, &mut journal, records(), &[]).unwrap();
    together(&repo, &mut journal, records(), &[]).unwrap();
    assert_eq!((journal.goals().len(), journal.goal_ratings().len()), (1, 1), "a retry never doubles");
    assert_eq!(repo.load().unwrap().journal, journal);
    assert_eq!(store.snapshot().keys().filter(|k| k.contains(":g:")).count(), 1);
}

#[test]
fn a_goal_deleted_together_with_its_own_comes_back_whole() {
    let (_, repo, mut journal) = setup(None);
    let (goal, rating) = goal_and_rating(2);
    together(&repo, &mut journal, vec![goal.clone().into(), rating.into()], &[]).unwrap();
    let before = journal.clone();
    let mine = journal.goal_and_its_own(&goal.id);
    let set = together(&repo, &mut journal, Vec::new(), &mine).unwrap();
    assert!(journal.goals().is_empty() && journal.goal_ratings().is_empty());
    assert_eq!(repo.load().unwrap().journal, journal, "gone from storage, sentences too");
    together(&repo, &mut journal, set.removed(), &[]).unwrap();
    assert_eq!(journal, before);
    assert_eq!(repo.load().unwrap().journal, before);
}
