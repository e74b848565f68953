//! The one table of Afterglow's words: every key, with its English. `es.txt` holds the
//! same keys in Spanish; `build.rs` reads both files and refuses a build where they differ.
//!
//! One entry a line, `key = "English",`: `build.rs` reads the keys from these lines.
//! `{name}` marks a value filled in by [`super::tr_with`]. A key is named for where it is
//! shown (`nav_`, `crisis_`, `shell_`, `settings_lang_`), so a translator sees its place.

macro_rules! texts {
    ($($key:ident = $en:literal,)*) => {
        /// A text's key: one for every sentence, label and name Afterglow writes.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T {
            $(
                #[doc = $en]
                $key,
            )*
        }

        impl T {
            /// Every key, in the table's order (the built Spanish file's order).
            pub const ALL: &'static [T] = &[$(T::$key,)*];
            /// How many texts a language's table holds.
            pub const COUNT: usize = T::ALL.len();

            /// The English words.
            pub fn english(self) -> &'static str {
                match self {
                    $(T::$key => $en,)*
                }
            }

            /// The key's name, as `es.txt` writes it (tests only: the journal never needs it).
            #[cfg(test)]
            pub fn name(self) -> &'static str {
                match self {
                    $(T::$key => stringify!($key),)*
                }
            }
        }
    };
}

texts! {
    shell_privacy = "Private to this device. Nobody at your clinic can read it.",
    shell_privacy_clinic = "Private to this device. Nobody at {clinic} can read it unless you share it.",
    shell_lang_failed = "Spanish could not be loaded here, so Afterglow is in English for now. Nothing is lost. / No se pudo cargar el español; por ahora Afterglow se muestra en inglés. No se ha perdido nada.",
    nav_today = "Today",
    nav_journal = "Journal",
    nav_mood = "Mood",
    nav_sessions = "Sessions",
    nav_plan = "My plan",
    nav_share = "Share",
    nav_settings = "Settings",
    nav_safety_plan = "My safety plan",
    nav_sections = "Afterglow sections",
    nav_more = "More",
    nav_more_now = ", now {view}",
    notice_undo = "Undo",
    part_loading = "Loading this part of Afterglow…",
    part_older_loading = "Loading older entries…",
    part_older_failed = "Older entries could not be read here",
    part_older_failed_why = "Afterglow could not open the months it keeps packed ({why}).",
    part_older_failed_safe = "Nothing is lost: they are still stored on this device. Try again when you are back online.",
    part_failed = "This part of Afterglow did not load",
    part_failed_safe = "The connection dropped before it arrived. Your journal is safe on this device; the other views still work. Try again when you are back online.",
    part_try_again = "Try again",
    crisis_button = "Get help now",
    crisis_lead = "If you are thinking about harming yourself or feel unsafe, you do not have to face it alone.",
    crisis_heading = "Help, right now",
    crisis_my_plan = "My safety plan",
    crisis_no_plan = ": you have not made one yet. You can start it any time, and finish it with your therapist.",
    crisis_private = "Afterglow is private: nobody at your clinic sees this journal, so it cannot call for help for you. If you are in danger, please reach out now.",
    crisis_call = "Call {number}",
    crisis_text = "Text {number}",
    crisis_website = "Website (opens a new tab)",
    settings_lang_heading = "Language",
    settings_lang_hint = "The words Afterglow writes. What you wrote stays as you wrote it, and backups and spreadsheets read the same in every language.",
    settings_lang_label = "Show Afterglow in",
    settings_lang_saved = "Afterglow is now in English.",
    settings_lang_partial = "Spanish is still being written: some screens are in English for now. / El español está en preparación: por ahora algunas pantallas siguen en inglés.",
    settings_lang_not_saved = "The language could not be kept on this device, so it applies until you close this page.",
}
