//! Which prompt is offered: data-driven from `tests/fixtures/prompt-picks.json`, plus
//! properties that hold for every stage and seed.
// Test helpers may unwrap and index: a panic here is a failed test (clippy.toml allows
// it inside tests; helpers outside `#[test]` need saying).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use afterglow::domain::{PickContext, PromptLibrary, Stage, When};
use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
struct Case {
    name: String,
    stage: Stage,
    hours_since_session: Option<i64>,
    #[serde(default)]
    answered_days_ago: HashMap<String, i64>,
    #[serde(default)]
    pinned: Vec<String>,
    #[serde(default)]
    passed: Vec<String>,
    seed: u64,
    expect: String,
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).unwrap()
}

#[test]
fn picks_match_the_fixture() {
    let path = format!("{}/tests/fixtures/prompt-picks.json", env!("CARGO_MANIFEST_DIR"));
    let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let library = PromptLibrary::built_in();
    let mut failures = Vec::new();
    for case in &cases {
        let answered: HashMap<String, DateTime<Utc>> = case
            .answered_days_ago
            .iter()
            .map(|(id, days)| (id.clone(), now() - Duration::days(*days)))
            .collect();
        let ctx = PickContext {
            stage: case.stage,
            since_session: case.hours_since_session.map(Duration::hours),
            answered: &answered,
            now: now(),
            pinned: &case.pinned,
            passed: &case.passed,
        };
        let got = library.pick(&ctx, case.seed).map(|p| p.id.as_str()).unwrap_or("(none)");
        if got != case.expect {
            failures.push(format!("{}: expected {}, got {got}", case.name, case.expect));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    assert!(cases.len() >= 15);
}

#[test]
fn every_pick_fits_the_stage_and_time() {
    let library = PromptLibrary::built_in();
    let answered = HashMap::new();
    for stage in Stage::ALL {
        for hours in [None, Some(1), Some(50), Some(500)] {
            for seed in 0..40 {
                let ctx = PickContext {
                    stage,
                    since_session: hours.map(Duration::hours),
                    answered: &answered,
                    now: now(),
                    pinned: &[],
                    passed: &[],
                };
                let prompt = library.pick(&ctx, seed).expect("every stage has prompts");
                assert_eq!(prompt.stage, stage);
                if let (Stage::Dosing, Some(h)) = (stage, hours) {
                    assert_eq!(prompt.when, When::after(Duration::hours(h)), "{} at {h} h", prompt.id);
                }
            }
        }
    }
}

#[test]
fn another_prompt_walks_the_whole_set_without_repeating() {
    let library = PromptLibrary::built_in();
    let answered = HashMap::new();
    let mut passed: Vec<String> = Vec::new();
    for round in 0..8u64 {
        let ctx = PickContext {
            stage: Stage::Dosing,
            since_session: Some(Duration::hours(2)),
            answered: &answered,
            now: now(),
            pinned: &[],
            passed: &passed,
        };
        let id = library.pick(&ctx, round * 7 + 3).unwrap().id.clone();
        assert!(!passed.contains(&id), "{id} came back in round {round}");
        passed.push(id);
    }
    assert_eq!(passed.len(), 8);
}
