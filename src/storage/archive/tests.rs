use super::*;
use crate::domain::{EntryDraft, JournalEntry, Stage};
use crate::storage::record::encode;
use chrono::TimeZone;

fn entry(millis: i64, text: &str) -> AnyRecord {
    let at = Utc.timestamp_millis_opt(millis).unwrap();
    let draft = EntryDraft { text: text.into(), ..EntryDraft::default() };
    AnyRecord::Entry(JournalEntry::new(RecordId::generate(millis, 3), at, Stage::Dosing, draft).unwrap())
}

#[test]
fn a_month_text_reads_back_its_lines_in_key_order() {
    let a = entry(1_704_067_200_000, "tabs\tand \"quotes\"\nand a newline");
    let b = entry(1_704_000_000_000, "earlier");
    let text = month_text(&[a.clone(), b.clone()]);
    let lines = read_month_text(&text).unwrap();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].tail < lines[1].tail);
    assert_eq!(lines.iter().find(|l| l.tail.ends_with(b.id().as_str())).unwrap().json, encode(&b));
    assert_eq!(month_text(&[b, a]), text, "the same records make the same text");
}

#[test]
fn a_cut_or_foreign_text_is_refused() {
    let text = month_text(&[entry(1_704_067_200_000, "one"), entry(1_704_067_300_000, "two")]);
    let cut = &text[..text.len() - 10];
    assert!(read_month_text(cut).is_err());
    let last_line_gone = &text[..text.rfind("e:").unwrap()];
    assert!(read_month_text(last_line_gone).is_err());
    assert!(read_month_text("{\"id\":1}").is_err());
    assert!(read_month_text("").is_err());
}

#[test]
fn months_and_their_order() {
    assert!(is_month("2024-03"));
    for bad in ["2024-3", "2024-13", "2024-00", "24-03-01", "abcd-01", "2024_03"] {
        assert!(!is_month(bad), "{bad}");
    }
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(first_open(day(2026, 12, 2)), "2026-11");
    assert_eq!(first_open(day(2027, 1, 31)), "2026-12");
    let id = RecordId::generate(1_704_067_200_000, 1);
    let late = Utc.timestamp_millis_opt(1_760_000_000_000).unwrap();
    assert_eq!(month_of(&id, late), "2024-01", "the id's month, not the edit's");
    assert_eq!(month_of(&RecordId::parse("from-elsewhere").unwrap(), late), "2025-10");
}

#[test]
fn a_record_that_might_be_archived_is_deleted_by_a_tombstone() {
    let mut archive = Archive::default();
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let old = (Kind::Entry, RecordId::generate(1_704_067_200_000, 1));
    let recent = (
        Kind::Entry,
        RecordId::generate(Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).unwrap().timestamp_millis(), 1),
    );
    let foreign = (Kind::Entry, RecordId::parse("from-elsewhere").unwrap());
    assert!(archive.needs_tombstone(&old, today), "months not read yet");
    assert!(archive.needs_tombstone(&foreign, today), "its month is unknown");
    assert!(!archive.needs_tombstone(&recent, today));
    archive.opened = true;
    assert!(archive.needs_tombstone(&old, today), "another tab may have folded it");
    archive.read_month("2024-01", "v", vec![entry(1_704_067_200_000, "x")]);
    assert!(archive.needs_tombstone(&(Kind::Entry, RecordId::generate(1_704_067_200_000, 3)), today));
}

#[test]
fn fingerprints_tell_values_apart() {
    assert_ne!(fingerprint("a"), fingerprint("b"));
    assert_eq!(fingerprint("month"), fingerprint("month"));
}
