//! The URL hash shared by every widget on a page. Each widget owns one segment, keyed by
//! its storage namespace, so two widgets navigate independently and the back button and a
//! reload still work for both:
//!
//! ```text
//! #/journal                         the default namespace ("afterglow") on the Journal
//! #clinic-a/mood;clinic-b/journal   two widgets, each on its own view
//! #/journal?session=ID              the Journal filtered to one dosing session
//! ```
//!
//! A segment is `{namespace}/{path}`; an empty namespace means the default one. Pure:
//! parses and builds strings, never reads or sets the location.

use crate::storage::keys::DEFAULT_NAMESPACE;

/// Separates the widgets' segments.
const SEPARATOR: char = ';';

/// The path (`journal?session=x`, without the leading `/`) this namespace's segment of
/// `hash` holds; empty (Today) when the hash has none for it.
pub fn path_of<'h>(hash: &'h str, namespace: &str) -> &'h str {
    segments(hash).find(|(ns, _)| *ns == namespace).map(|(_, path)| path).unwrap_or("")
}

/// The hash (with `#`) after this namespace's widget goes to `path`; every other widget's
/// segment stays as it was, in its place.
pub fn with_path(hash: &str, namespace: &str, path: &str) -> String {
    let own = segment(namespace, path);
    let mut out: Vec<String> = Vec::new();
    let mut placed = false;
    for (ns, p) in segments(hash) {
        if ns == namespace {
            if !placed {
                out.push(own.clone());
                placed = true;
            }
        } else {
            out.push(segment(ns, p));
        }
    }
    if !placed {
        out.push(own);
    }
    format!("#{}", out.join(&SEPARATOR.to_string()))
}

fn segment(namespace: &str, path: &str) -> String {
    let ns = if namespace == DEFAULT_NAMESPACE { "" } else { namespace };
    format!("{ns}/{path}")
}

/// `(namespace, path)` for each well-formed segment; anything else (a host page's own
/// anchor such as `#contact`) is ignored.
fn segments(hash: &str) -> impl Iterator<Item = (&str, &str)> {
    hash.trim_start_matches('#').split(SEPARATOR).filter_map(|seg| {
        let (ns, path) = seg.split_once('/')?;
        let ns = if ns.is_empty() { DEFAULT_NAMESPACE } else { ns };
        ns.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
            .then_some((ns, path))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_namespace_keeps_the_short_form() {
        assert_eq!(path_of("#/journal", "afterglow"), "journal");
        assert_eq!(path_of("", "afterglow"), "");
        assert_eq!(path_of("#/journal?session=abc", "afterglow"), "journal?session=abc");
        assert_eq!(with_path("", "afterglow", "mood"), "#/mood");
        assert_eq!(with_path("#/mood", "afterglow", ""), "#/");
    }

    #[test]
    fn two_widgets_keep_their_own_segments() {
        let h = with_path("", "clinic-a", "journal");
        let h = with_path(&h, "clinic-b", "mood?checkin");
        assert_eq!(h, "#clinic-a/journal;clinic-b/mood?checkin");
        assert_eq!(path_of(&h, "clinic-a"), "journal");
        assert_eq!(path_of(&h, "clinic-b"), "mood?checkin");
        let h = with_path(&h, "clinic-a", "share");
        assert_eq!(h, "#clinic-a/share;clinic-b/mood?checkin", "order and the other segment stay");
        assert_eq!(path_of(&h, "afterglow"), "");
    }

    #[test]
    fn foreign_anchors_and_junk_are_ignored_not_fatal() {
        assert_eq!(path_of("#contact", "afterglow"), "");
        assert_eq!(with_path("#contact", "afterglow", "journal"), "#/journal");
        assert_eq!(path_of("#Evil<x>/journal;/mood", "afterglow"), "mood");
        assert_eq!(path_of("#a/x;a/y", "a"), "x", "the first segment wins");
        assert_eq!(with_path("#a/x;a/y", "a", "z"), "#a/z");
    }
}
