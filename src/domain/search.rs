//! Finding entries: full-text search that ignores case and accents, filters by stage and
//! by dosing session, and grouping by day. Pure; the caller says which day a time falls on
//! (the patient's time zone is the browser's business).

use super::entry::JournalEntry;
use super::fold_table::{LATIN_1E00_1EFF, LATIN_C0_24F};
use super::id::RecordId;
use super::journal::Journal;
use super::stage::Stage;
use chrono::{DateTime, NaiveDate, Utc};

/// Lower-cases `text` and strips accents from Latin letters (`Érable` -> `erable`), so a
/// search matches whatever way a word was typed. Combining marks are dropped.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // Most text is ASCII: lowered here, inline. (In the split build the Unicode tables
        // live in the main module, and a call there per character doubled search time.)
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let cp = c as u32;
        if (0x300..0x370).contains(&cp) {
            continue;
        }
        let table = match cp {
            0xC0..0x250 => LATIN_C0_24F.get((cp - 0xC0) as usize),
            0x1E00..0x1F00 => LATIN_1E00_1EFF.get((cp - 0x1E00) as usize),
            _ => None,
        };
        match table.copied().filter(|b| *b != 0) {
            Some(base) => out.push(char::from(base)),
            None => super::lower::push_lower(&mut out, c),
        }
    }
    out
}

/// Which entries to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryFilter {
    /// Words that must all appear (in the text or the prompt), any case, any accents.
    pub query: String,
    /// Only entries written in this stage.
    pub stage: Option<Stage>,
    /// Only entries linked to this session.
    pub session: Option<RecordId>,
}

impl EntryFilter {
    /// Whether the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty() && self.stage.is_none() && self.session.is_none()
    }
}

impl Journal {
    /// The entries that pass `filter`, newest first.
    pub fn find(&self, filter: &EntryFilter) -> Vec<&JournalEntry> {
        self.find_positions(filter).into_iter().filter_map(|i| self.entries().get(i)).collect()
    }

    /// Where in [`Journal::entries`] the entries that pass `filter` are, newest first: what
    /// a view keeps between renders, without copying every match's id.
    pub fn find_positions(&self, filter: &EntryFilter) -> Vec<usize> {
        let terms: Vec<String> = fold(&filter.query).split_whitespace().map(str::to_owned).collect();
        self.entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| filter.stage.is_none_or(|s| e.stage == s))
            .filter(|(_, e)| filter.session.as_ref().is_none_or(|s| e.session.as_ref() == Some(s)))
            .filter(|(_, e)| {
                if terms.is_empty() {
                    return true;
                }
                let mut haystack = fold(&e.text);
                if let Some(p) = &e.prompt {
                    haystack.push('\n');
                    haystack.push_str(&fold(&p.text));
                }
                terms.iter().all(|t| haystack.contains(t.as_str()))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// Consecutive entries (newest first) grouped by the day `day_of` puts them on.
pub fn group_by_day<'a>(
    entries: &[&'a JournalEntry],
    day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> Vec<(NaiveDate, Vec<&'a JournalEntry>)> {
    let mut groups: Vec<(NaiveDate, Vec<&'a JournalEntry>)> = Vec::new();
    for entry in entries {
        let day = day_of(entry.created);
        match groups.last_mut() {
            Some((d, list)) if *d == day => list.push(entry),
            _ => groups.push((day, vec![entry])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_fast_path_lowers_as_unicode_does() {
        for b in 0u8..=127 {
            let c = char::from(b);
            assert_eq!(fold(&c.to_string()), c.to_lowercase().collect::<String>(), "{b}");
        }
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Érable CAFÉ naïve Ångström"), "erable cafe naive angstrom");
        assert_eq!(fold("Łódź straße Œuvre"), "lodz strase ouvre");
        assert_eq!(fold("Tiếng Việt"), "tieng viet");
        assert_eq!(fold("e\u{301}te\u{301}"), "ete");
        assert_eq!(fold("Ψυχή 🌅 שלום"), "ψυχή 🌅 שלום");
    }
}
