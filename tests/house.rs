//! House rules the compiler cannot check, read from the source: the journal's views list
//! and show things through `ui::kit::keyed` and `ui::kit::show`, never Leptos's `<For>`
//! and `<Show>` themselves, which are compiled again for every use (ARCHITECTURE.md,
//! Measured). The clinic setup page, a binary of its own that no patient loads, may.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The journal's UI source files (the setup page's left out), with their text.
fn journal_ui() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files
        .into_iter()
        .filter(|p| {
            !p.starts_with(root.join("setup")) && !p.ends_with("kit/keyed.rs") && !p.ends_with("kit/show.rs")
        })
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap_or_default();
            (p, text)
        })
        .collect()
}

/// Whether `text` opens the component `tag` (`<For ...`, `<For>`), not a type named so
/// (`StoredValue<FormsRecord>`).
fn uses(text: &str, tag: &str) -> bool {
    text.match_indices(tag).any(|(at, _)| {
        text[at + tag.len()..].chars().next().is_some_and(|c| c.is_whitespace() || c == '>' || c == '/')
    })
}

#[test]
fn the_views_list_through_one_for() {
    let files = journal_ui();
    assert!(files.len() > 50, "the UI's files were not found");
    let offending: Vec<_> = files.iter().filter(|(_, text)| uses(text, "<For")).map(|(p, _)| p).collect();
    assert!(offending.is_empty(), "use ui::kit::keyed (records, list) instead of <For> in {offending:?}");
}

#[test]
fn every_show_is_the_one_compiled_once() {
    let offending: Vec<_> = journal_ui()
        .into_iter()
        .filter(|(_, text)| uses(text, "<Show") && !text.contains("use crate::ui::kit::show::Show;"))
        .map(|(p, _)| p)
        .collect();
    assert!(offending.is_empty(), "import crate::ui::kit::show::Show where <Show> is used: {offending:?}");
}
