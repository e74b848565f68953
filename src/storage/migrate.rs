//! Schema migrations: pure functions from one stored schema to the next, over a
//! namespace's records as text (key without the namespace prefix -> value). Each step
//! must be idempotent (running it twice changes nothing more), and each past schema has a
//! fixture `tests/fixtures/storage-v{N}.json` that the tests migrate and load.
//!
//! Schema 2 adds the archive of closed months (`archive`): a schema-1 journal is a
//! schema-2 journal with every record loose, so its step changes no record; the months
//! are packed afterwards, in the background (`archive::Archive::months_to_fold`). The
//! schema record moves to 2 first, so a tab of an older version opens it read-only
//! rather than miss the archived months. To add schema 3: write
//! `fn v2_to_v3(records: &mut Records)`, add it to [`STEPS`], bump
//! `record::SCHEMA_VERSION`, and add a `storage-v2.json` fixture.

use super::record::SCHEMA_VERSION;
use std::collections::BTreeMap;

/// A namespace's records: key tail (`e:<id>`, `prefs`, ...) -> stored text.
pub type Records = BTreeMap<String, String>;

/// One step: from schema `from` to `from + 1`.
pub struct Step {
    /// The schema it reads.
    pub from: u32,
    /// The change, in place; must be idempotent.
    pub run: fn(&mut Records),
}

/// Every step, in order.
pub const STEPS: &[Step] = &[Step { from: 1, run: v1_to_v2 }];

/// Schema 1 to 2: every record stays loose, to be folded into its month later.
fn v1_to_v2(_records: &mut Records) {}

/// Why data could not be brought to this build's schema.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MigrateError {
    /// Written by a newer version: never touched.
    #[error("written by a newer version (schema {0})")]
    Newer(u32),
    /// An old schema with no way forward (a missing step is a bug).
    #[error("no migration from schema {0}")]
    NoPath(u32),
}

/// Brings `records` from `version` to [`SCHEMA_VERSION`]; returns the steps run.
pub fn migrate(version: u32, records: &mut Records) -> Result<usize, MigrateError> {
    if version > SCHEMA_VERSION {
        return Err(MigrateError::Newer(version));
    }
    let mut at = version;
    let mut ran = 0;
    while at < SCHEMA_VERSION {
        let step = STEPS.iter().find(|s| s.from == at).ok_or(MigrateError::NoPath(at))?;
        (step.run)(records);
        at += 1;
        ran += 1;
    }
    Ok(ran)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_schema_needs_no_step_and_newer_is_refused() {
        let mut records = Records::from([("e:a".to_owned(), "{}".to_owned())]);
        let before = records.clone();
        assert_eq!(migrate(SCHEMA_VERSION, &mut records), Ok(0));
        assert_eq!(records, before);
        assert_eq!(migrate(SCHEMA_VERSION + 1, &mut records), Err(MigrateError::Newer(SCHEMA_VERSION + 1)));
        assert!(STEPS.iter().all(|s| s.from < SCHEMA_VERSION), "a step past the current schema");
    }
}
