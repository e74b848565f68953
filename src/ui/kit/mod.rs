//! Small pieces every feature uses: form fields, dates and counts for people, and files
//! (downloads, the clipboard, the share sheet, reading a chosen file), and printing one
//! part of the widget alone, the width a chart is drawn at, and a scrolling region that is
//! a keyboard stop only while it scrolls.
//!
//! Must never hold the journal's state or reach the store: each piece takes what it shows
//! as props (a scrolling region keeps only its own observer, for as long as it is shown).

pub mod chart;
pub mod clinic;
pub mod fields;
pub mod files;
pub mod format;
pub mod keyed;
pub mod plan_form;
pub mod print;
pub mod scroll;
pub mod show;
