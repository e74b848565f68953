//! One component per view; each is reached through `nav` and reads the store.

mod journal;
mod sessions;
mod steps;
mod today;

pub use journal::JournalView;
pub use sessions::SessionsView;
pub use steps::StepsView;
pub use today::TodayView;
