//! What leaves the device, only by the patient's own action: the therapist summary (as a
//! model, and as Markdown), a CSV of check-ins and scores, and the full JSON backup with
//! its checks and merge.
//!
//! Pure renderers and parsers: no browser crates, no I/O, no clock (callers pass times
//! and date formats in). Must never include an entry marked private in anything meant
//! for someone else.

pub mod backup;
pub mod csv;
pub mod follow_up;
pub mod goals;
pub mod ics;
pub mod markdown;
pub mod sealed_backup;
pub mod session_care;
pub mod staying_well;
pub mod summary;
