use super::*;
use chrono::TimeZone;

#[derive(Clone, Debug, PartialEq)]
struct Note {
    id: RecordId,
    edited: DateTime<Utc>,
    version: u32,
}

impl Record for Note {
    fn id(&self) -> &RecordId {
        &self.id
    }
    fn edited(&self) -> DateTime<Utc> {
        self.edited
    }
    fn order(a: &Note, b: &Note) -> Ordering {
        b.edited.cmp(&a.edited).then_with(|| a.id.cmp(&b.id))
    }
}

/// The rule as it was written per kind before `Slots`: find, replace, insert in order.
fn upsert_as_before(list: &mut Vec<Note>, item: Note) -> Upsert {
    let outcome = match list.iter().position(|e| e.id == item.id) {
        Some(i) if list[i].edited >= item.edited => return Upsert::KeptNewer,
        Some(i) => {
            list.remove(i);
            Upsert::Replaced
        }
        None => Upsert::Added,
    };
    let at = list.binary_search_by(|probe| Note::order(probe, &item)).unwrap_or_else(|i| i);
    list.insert(at, item);
    outcome
}

fn scrambled(count: u32, ids: u32, seed: u64) -> Vec<Note> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as u32
    };
    (0..count)
        .map(|version| {
            let n = next() % ids;
            Note {
                id: RecordId::generate(1_700_000_000_000 + i64::from(n), n),
                edited: Utc.timestamp_millis_opt(1_700_000_000_000 + i64::from(next() % 5)).unwrap(),
                version,
            }
        })
        .collect()
}

#[test]
fn one_upsert_adds_replaces_or_keeps_as_the_rule_always_did() {
    for seed in [1, 2, 3, 99] {
        let (mut now, mut before) = (Vec::new(), Vec::new());
        let mut outcomes = std::collections::HashSet::new();
        for item in scrambled(300, 40, seed) {
            let a = upsert(&mut now, item.clone());
            let b = upsert_as_before(&mut before, item);
            assert_eq!(a, b);
            assert_eq!(now, before);
            outcomes.insert(format!("{a:?}"));
        }
        assert_eq!(outcomes.len(), 3, "added, replaced and kept-newer all happen");
    }
    let mut empty: Vec<Note> = Vec::new();
    upsert_all(&mut empty, Vec::new());
    assert!(empty.is_empty());
}

#[test]
fn removing_takes_that_record_out_and_keeps_the_others_in_order() {
    let mut list = Vec::new();
    upsert_all(&mut list, scrambled(200, 50, 5));
    let ids: Vec<RecordId> = list.iter().map(|n| n.id.clone()).collect();
    for (k, id) in ids.iter().enumerate().filter(|(k, _)| k % 7 == 3) {
        let mut expected = list.clone();
        let at = expected.iter().position(|n| &n.id == id).unwrap();
        let gone = expected.remove(at);
        assert_eq!(remove(&mut list, id), Some(gone), "record {k}");
        assert_eq!(list, expected);
    }
    let unknown = RecordId::generate(1, 1);
    let before = list.clone();
    assert_eq!(remove(&mut list, &unknown), None);
    assert_eq!(list, before);
    let mut empty: Vec<Note> = Vec::new();
    assert_eq!(remove(&mut empty, &unknown), None);
}

#[test]
fn a_batch_gives_the_same_list_as_one_upsert_at_a_time() {
    // Ids with several versions, edit-time ties, arriving in a scrambled order.
    let mut state = 7u64;
    let mut next = move || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as u32
    };
    let items: Vec<Note> = (0..400)
        .map(|version| {
            let n = next() % 60;
            Note {
                id: RecordId::generate(1_700_000_000_000 + i64::from(n), n),
                edited: Utc.timestamp_millis_opt(1_700_000_000_000 + i64::from(next() % 5)).unwrap(),
                version,
            }
        })
        .collect();
    let (first, rest) = items.split_at(50);
    let mut one_by_one = Vec::new();
    for item in items.iter().cloned() {
        upsert(&mut one_by_one, item);
    }
    let mut batched = Vec::new();
    for item in first.iter().cloned() {
        upsert(&mut batched, item);
    }
    upsert_all(&mut batched, rest.to_vec());
    assert_eq!(batched, one_by_one);
    assert!(batched.len() > 50, "most of the 60 ids occur");
}
