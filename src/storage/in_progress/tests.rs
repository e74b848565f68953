use super::*;
use crate::domain::test_records::{self, t};
use crate::domain::Stage;
use crate::storage::{KeyValueStore, MemoryStore, Namespace};
use std::rc::Rc;

fn tab(store: &Rc<MemoryStore>, id: &str) -> JournalRepo {
    JournalRepo::new(store.clone(), &Namespace::default()).for_tab(id)
}

fn draft(text: &str) -> DraftRecord {
    DraftRecord { text: text.into(), ..DraftRecord::default() }
}

fn saved_entry(repo: &JournalRepo, n: u32, text: &str) -> JournalEntry {
    let e = test_records::entry(n, t(0), text);
    repo.save(&e).unwrap();
    e
}

#[test]
fn saving_in_one_tab_never_removes_another_tabs_draft() {
    let store = Rc::new(MemoryStore::new());
    let (a, b) = (tab(&store, "taba"), tab(&store, "tabb"));
    a.save_draft(&draft("A is typing")).unwrap();
    b.save_draft(&draft("B's entry")).unwrap();
    // B saves its entry: its draft is cleared.
    b.save_draft(&DraftRecord::default()).unwrap();
    let reloaded = tab(&store, "taba").load().unwrap();
    assert_eq!(reloaded.draft.map(|d| d.text).as_deref(), Some("A is typing"));
    assert!(reloaded.others.iter().all(|w| w.draft.is_none()));
}

#[test]
fn an_edit_saved_in_one_tab_never_removes_another_tabs_edits() {
    let store = Rc::new(MemoryStore::new());
    let (a, b) = (tab(&store, "taba"), tab(&store, "tabb"));
    let e1 = saved_entry(&a, 1, "one");
    let e2 = saved_entry(&a, 2, "two");
    let journal = a.load().unwrap().journal;
    let mut mine = Edits::default();
    mine.begin(&e1);
    mine.update(&e1.id, "one, edited in A".into(), false);
    a.save_edits(&mine.records()).unwrap();
    let mut theirs = Edits::default();
    theirs.begin(&e2);
    b.save_edits(&theirs.records()).unwrap();
    theirs.end(&e2.id);
    b.save_edits(&theirs.records()).unwrap();
    let loaded = tab(&store, "taba").load().unwrap();
    let (edits, orphans) = Edits::from_records(&journal, &loaded.edits);
    assert!(orphans.is_empty());
    assert_eq!(edits.get(&e1.id).map(|e| e.text.as_str()), Some("one, edited in A"));
}

#[test]
fn a_new_tab_adopts_the_text_of_tabs_that_are_gone_and_only_then_removes_it() {
    let store = Rc::new(MemoryStore::new());
    tab(&store, "old1").save_draft(&draft("first closed tab")).unwrap();
    tab(&store, "old2").save_draft(&draft("second closed tab")).unwrap();
    store.set("afterglow:draft", r#"{"t":"from an older version"}"#).unwrap();
    let fresh = tab(&store, "fresh");
    let loaded = fresh.load().unwrap();
    assert_eq!(loaded.draft, None);
    let merged = merge_drafts(loaded.draft.clone(), &loaded.others).unwrap();
    assert_eq!(merged.text, "from an older version\n\nfirst closed tab\n\nsecond closed tab");
    fresh.adopt(Some(&merged), true, &[], &FormsRecord::new(), &loaded.others).unwrap();
    let keys: Vec<String> = store.snapshot().into_keys().filter(|k| k.contains("draft")).collect();
    assert_eq!(keys, ["afterglow:draft:fresh"]);
    assert_eq!(tab(&store, "fresh").load().unwrap().draft, Some(merged));
}

#[test]
fn adopting_at_a_full_quota_leaves_the_old_keys_in_place() {
    let store = Rc::new(MemoryStore::with_quota(200));
    tab(&store, "old1").save_draft(&draft("closed tab text")).unwrap();
    let fresh = tab(&store, "fresh");
    let loaded = fresh.load().unwrap();
    let merged = merge_drafts(None, &loaded.others).unwrap();
    let long = DraftRecord { text: format!("{} {}", merged.text, "x".repeat(300)), ..merged };
    assert!(fresh.adopt(Some(&long), true, &[], &FormsRecord::new(), &loaded.others).is_err());
    assert!(store.get("afterglow:draft:old1").unwrap().is_some(), "not removed before stored");
}

#[test]
fn two_tabs_editing_one_entry_keep_both_texts() {
    let a = EditDraftRecord {
        id: "e1".into(),
        text: "A's change".into(),
        private: false,
        base_edited: 1,
        base_text: "x".into(),
        created: None,
        stage: None,
    };
    let b = EditDraftRecord { text: "B's change".into(), ..a.clone() };
    let others = [TabWork { tab: "b".into(), edits: vec![b], ..TabWork::default() }];
    let merged = merge_edits(vec![a], &others);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].text, "A's change\n\nB's change");
}

#[test]
fn an_edit_of_an_entry_deleted_elsewhere_becomes_a_new_entry() {
    let store = Rc::new(MemoryStore::new());
    let a = tab(&store, "taba");
    let e1 = saved_entry(&a, 1, "the saved words");
    let mut edits = Edits::default();
    edits.begin(&e1);
    edits.update(&e1.id, "the saved words, and more I was adding".into(), true);
    a.save_edits(&edits.records()).unwrap();
    // Tab B deletes the entry.
    tab(&store, "tabb").delete::<JournalEntry>(&e1.id).unwrap();
    let loaded = tab(&store, "taba").load().unwrap();
    let (kept, orphans) = Edits::from_records(&loaded.journal, &loaded.edits);
    assert!(kept.is_empty());
    assert_eq!(orphans.len(), 1, "not dropped");
    let later = t(0) + chrono::Duration::hours(1);
    let entry =
        orphan_entry(&orphans[0], RecordId::generate(later.timestamp_millis(), 7), later, Stage::Integration)
            .unwrap();
    assert_eq!(entry.text, "the saved words, and more I was adding");
    assert_eq!((entry.created, entry.stage, entry.private), (e1.created, Stage::Dosing, true));
    // An edit with nothing changed lets the deletion stand.
    let untouched = EditDraftRecord { text: orphans[0].base_text.clone(), ..orphans[0].clone() };
    assert_eq!(orphan_entry(&untouched, RecordId::generate(1, 1), later, Stage::Dosing), None);
}

#[test]
fn a_short_text_inside_a_longer_one_is_still_kept() {
    let others = [TabWork { tab: "b".into(), draft: Some(draft("sad")), ..TabWork::default() }];
    let merged = merge_drafts(Some(draft("not sad")), &others).unwrap();
    assert_eq!(merged.text, "not sad\n\nsad");
    let same = [TabWork { tab: "b".into(), draft: Some(draft("not sad")), ..TabWork::default() }];
    assert_eq!(merge_drafts(Some(draft("not sad")), &same).unwrap().text, "not sad");
}

fn form(fields: &[(&str, &str)]) -> crate::storage::record::FormDraft {
    crate::storage::record::FormDraft {
        fields: fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
    }
}

#[test]
fn a_forms_words_come_back_to_their_tab_after_a_reload() {
    let store = Rc::new(MemoryStore::new());
    let a = tab(&store, "taba");
    let mut forms = FormsRecord::new();
    forms.insert("well".into(), form(&[("0", "I stop answering messages")]));
    forms.insert("review".into(), form(&[("g1", "  ")]));
    a.save_forms(&forms).unwrap();
    let loaded = tab(&store, "taba").load().unwrap();
    assert_eq!(loaded.forms.len(), 1, "a blank form is not kept");
    assert_eq!(loaded.forms["well"].fields["0"], "I stop answering messages");
    assert!(loaded.others.is_empty());
    // Saving the plan leaves nothing typed: the record goes.
    a.save_forms(&FormsRecord::new()).unwrap();
    assert_eq!(store.get("afterglow:forms:taba").unwrap(), None);
}

#[test]
fn forms_of_a_gone_tab_are_merged_without_losing_either_text() {
    let store = Rc::new(MemoryStore::new());
    let mut theirs = FormsRecord::new();
    theirs.insert("well".into(), form(&[("0", "Sleeping badly"), ("1", "Walks")]));
    theirs.insert("booster".into(), form(&[("notice", "More energy")]));
    tab(&store, "old1").save_forms(&theirs).unwrap();
    let fresh = tab(&store, "fresh");
    let mut mine = FormsRecord::new();
    mine.insert("well".into(), form(&[("0", "Skipping meals"), ("1", "Walks")]));
    fresh.save_forms(&mine).unwrap();
    let loaded = fresh.load().unwrap();
    let merged = merge_forms(loaded.forms.clone(), &loaded.others);
    assert_eq!(merged["well"].fields["0"], "Skipping meals\n\nSleeping badly");
    assert_eq!(merged["well"].fields["1"], "Walks", "the same words are not doubled");
    assert_eq!(merged["booster"].fields["notice"], "More energy");
    fresh.adopt(None, false, &[], &merged, &loaded.others).unwrap();
    assert_eq!(store.get("afterglow:forms:old1").unwrap(), None, "removed once stored here");
    assert_eq!(tab(&store, "fresh").load().unwrap().forms, merged);
}

#[test]
fn forms_at_a_full_quota_leave_the_gone_tabs_key_in_place() {
    let store = Rc::new(MemoryStore::with_quota(300));
    let mut theirs = FormsRecord::new();
    theirs.insert("well".into(), form(&[("0", "closed tab's plan")]));
    tab(&store, "old1").save_forms(&theirs).unwrap();
    let fresh = tab(&store, "fresh");
    let loaded = fresh.load().unwrap();
    let mut big = merge_forms(FormsRecord::new(), &loaded.others);
    big.insert("review".into(), form(&[("g", &"x".repeat(400))]));
    assert!(fresh.adopt(None, false, &[], &big, &loaded.others).is_err());
    assert!(store.get("afterglow:forms:old1").unwrap().is_some(), "not removed before stored");
}

#[test]
fn a_text_that_goes_on_from_the_other_is_taken_once() {
    // A tab's rescue copy from a full quota is the stored text typed further: the patient
    // gets the longer text back, not both one after the other; nothing is lost either way.
    let mut stored = FormsRecord::new();
    stored.insert("well".into(), form(&[("signs", "Sleeping")]));
    let rescued = TabWork {
        forms: [("well".to_owned(), form(&[("signs", "Sleeping past noon")]))].into(),
        ..TabWork::default()
    };
    let merged = merge_forms(stored.clone(), std::slice::from_ref(&rescued));
    assert_eq!(merged["well"].fields["signs"], "Sleeping past noon");
    // And the other way round: a shorter copy of the same start keeps the longer text.
    let mut longer = FormsRecord::new();
    longer.insert("well".into(), form(&[("signs", "Sleeping past noon")]));
    let shorter = TabWork { forms: stored, ..TabWork::default() };
    let merged = merge_forms(longer, std::slice::from_ref(&shorter));
    assert_eq!(merged["well"].fields["signs"], "Sleeping past noon");
    // The composer's draft the same.
    let d = merge_drafts(
        Some(draft("A walk")),
        &[TabWork { draft: Some(draft("A walk by the river")), ..TabWork::default() }],
    );
    assert_eq!(d.unwrap().text, "A walk by the river");
}

#[test]
fn taking_over_a_gone_tabs_text_never_removes_a_value_it_could_not_read() {
    let store = Rc::new(MemoryStore::new());
    let gone = tab(&store, "old1");
    gone.save_edits(&[]).unwrap();
    gone.save_forms(&[("well".to_owned(), form(&[("0", "closed tab's plan")]))].into()).unwrap();
    store.set("afterglow:edits:old1", "[]").unwrap();
    let broken = format!("{{\"t\":\"{}", "x".repeat(3_000));
    store.set("afterglow:draft:old1", &broken).unwrap();
    let fresh = tab(&store, "fresh");
    let loaded = fresh.load().unwrap();
    assert!(loaded.unreadable.iter().any(|u| u.key == "afterglow:draft:old1"));
    let forms = merge_forms(loaded.forms.clone(), &loaded.others);
    fresh.adopt(None, false, &[], &forms, &loaded.others).unwrap();
    assert_eq!(store.get("afterglow:draft:old1").unwrap(), Some(broken), "left as it was");
    assert_eq!(store.get("afterglow:edits:old1").unwrap(), None, "what was read and taken over goes");
    assert_eq!(store.get("afterglow:forms:old1").unwrap(), None);
}
