//! One component per view; each is reached through `nav` and reads the store.

mod journal;
mod mood;
mod sessions;
mod settings;
mod share;
mod steps;
mod today;

pub use journal::JournalView;
pub use mood::MoodView;
pub use sessions::SessionsView;
pub use settings::SettingsView;
pub use share::ShareView;
pub use steps::StepsView;
pub use today::TodayView;
