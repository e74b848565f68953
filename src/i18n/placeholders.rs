//! The `{name}`s a text holds. One file for the build and the crate: `build.rs` includes it
//! (`build/i18n.rs`) to refuse a Spanish text whose placeholders differ from the English,
//! and `crate::i18n` uses it in its tests. Pure: no dependency, no I/O.

/// The `{name}`s of `text` (ASCII letters, digits and `_`), sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    #[allow(clippy::disallowed_methods, reason = "build.rs and tests only: never in the wasm")]
    names.sort_unstable();
    names
}
