use super::*;
use crate::domain::test_records::{self, t};
use crate::domain::{Batch, CheckIn, JournalEntry, Stage};

fn entry(n: u32, minute: i64, text: &str) -> JournalEntry {
    test_records::entry(n, t(minute), text)
}

fn check_in(n: u32, minute: i64) -> CheckIn {
    let id = RecordId::generate(t(0).timestamp_millis(), 1000 + n);
    CheckIn { energy: 4, ..test_records::check_in(id, t(minute), Stage::Dosing, 5) }
}

fn journal(entries: &[JournalEntry]) -> Journal {
    let mut j = Journal::new(Stage::Integration);
    let mut batch = Batch::default();
    for e in entries {
        batch.push(e.clone().into());
    }
    j.upsert_batch(batch);
    j
}

#[test]
fn a_merge_counts_added_updated_and_kept() {
    let mine = journal(&[entry(1, 1, "mine, older"), entry(2, 50, "mine, newer")]);
    let mut file = journal(&[entry(3, 1, "only in the file")]);
    file.upsert_any(entry(1, 1, "mine, older").edited(t(40), "the file's newer edit", false).unwrap());
    file.upsert_any(entry(2, 2, "the file's older version"));
    let (set, report) = merge(&mine, &file);
    assert_eq!(report, MergeReport { added: 1, updated: 1, kept: 1 });
    let merged = set.applied_to(&mine);
    assert_eq!(merged.len(), 3);
    assert_eq!(merged.entry(&entry(1, 0, "x").id).unwrap().text, "the file's newer edit");
    assert_eq!(merged.entry(&entry(2, 0, "x").id).unwrap().text, "mine, newer");
}

#[test]
fn undoing_a_merge_keeps_what_was_written_after_it() {
    let mine = journal(&[entry(1, 1, "before the restore")]);
    let file = journal(&[entry(2, 2, "from the backup")]);
    let (restore, _) = merge(&mine, &file);
    let mut now = restore.applied_to(&mine);
    // Written after the restore: an entry and a check-in.
    now.upsert_any(entry(3, 60, "written after the restore"));
    now.upsert_any(check_in(1, 61));
    let (undo_set, report) = undo(&now, &restore);
    assert_eq!(report, UndoReport { removed: 1, put_back: 0, kept_newer: 0 });
    let after = undo_set.applied_to(&now);
    let texts: Vec<&str> = after.entries().iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["written after the restore", "before the restore"]);
    assert_eq!(after.check_ins().len(), 1, "the later check-in stays");
}

#[test]
fn a_record_edited_since_the_restore_keeps_its_newer_version() {
    let original = entry(1, 1, "mine");
    let mine = journal(std::slice::from_ref(&original));
    let file = journal(&[original.edited(t(10), "the backup's version", false).unwrap()]);
    let (restore, _) = merge(&mine, &file);
    let mut now = restore.applied_to(&mine);
    let restored = now.entry(&original.id).unwrap().clone();
    now.upsert_any(restored.edited(t(90), "edited after the restore", false).unwrap());
    let (undo_set, report) = undo(&now, &restore);
    assert_eq!(report.kept_newer, 1);
    assert!(undo_set.is_empty());
    assert_eq!(undo_set.applied_to(&now).entry(&original.id).unwrap().text, "edited after the restore");
}

#[test]
fn undoing_a_replace_brings_back_the_old_journal_and_settings() {
    let mut mine = journal(&[entry(1, 1, "old one"), entry(2, 2, "old two")]);
    mine.pinned = vec!["p1".into()];
    let mut file = journal(&[entry(3, 3, "the backup")]);
    file.stage = Stage::FollowUp;
    let restore = replace(&mine, &file);
    let now = restore.applied_to(&mine);
    assert_eq!((now.len(), now.stage, now.pinned.len()), (1, Stage::FollowUp, 0));
    let (undo_set, report) = undo(&now, &restore);
    assert_eq!(report, UndoReport { removed: 1, put_back: 2, kept_newer: 0 });
    let back = undo_set.applied_to(&now);
    assert_eq!(back, mine);
}

#[test]
fn settings_changed_since_the_restore_are_not_put_back() {
    let mine = journal(&[]);
    let mut file = journal(&[]);
    file.stage = Stage::FollowUp;
    let restore = replace(&mine, &file);
    let mut now = restore.applied_to(&mine);
    now.stage = Stage::Dosing;
    let (undo_set, _) = undo(&now, &restore);
    assert_eq!(undo_set.settings, None);
}

#[test]
fn a_large_merge_and_its_undo_stay_linear() {
    let mine = journal(&(0..8_000).map(|n| entry(n, i64::from(n), "mine")).collect::<Vec<_>>());
    let file = journal(&(4_000..34_000).map(|n| entry(n, i64::from(n) + 1, "theirs")).collect::<Vec<_>>());
    let started = std::time::Instant::now();
    let (set, report) = merge(&mine, &file);
    let merged = set.applied_to(&mine);
    let (back, _) = undo(&merged, &set);
    let undone = back.applied_to(&merged);
    eprintln!("merge + undo of 30,000 into 8,000: {:?}", started.elapsed());
    assert_eq!((report.added, report.updated), (26_000, 4_000));
    assert_eq!((merged.len(), undone), (34_000, mine));
}
