//! Lower case for any script, from a compact table `build.rs` writes from the standard
//! library's own mapping (`build/lower.rs`): the same answer as `char::to_lowercase`, for
//! about a tenth of the bytes the standard library's table and its code bring into the
//! wasm. Labels shown mid-sentence and the search's folding use it.
//!
//! Pure. Must never differ from `char::to_lowercase` (a test compares every character).
//! Like `char::to_lowercase`, and unlike `str::to_lowercase`, it has no final-sigma rule:
//! no label needs it, and the search folds both sides the same way.

include!(concat!(env!("OUT_DIR"), "/lower_table.rs"));

/// Writes the lower case of `c` to `out`: one character, or two for `İ` (`i` and a
/// combining dot).
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if c == '\u{130}' {
        out.push_str("i\u{307}");
        return;
    }
    let cp = c as u32;
    let at = RUNS.partition_point(|(packed, _)| packed & 0x1F_FFFF <= cp);
    let lowered = at.checked_sub(1).and_then(|i| RUNS.get(i)).and_then(|&(packed, delta)| {
        let (first, count, stride) = (packed & 0x1F_FFFF, packed >> 21 & 0x7F, (packed >> 28) + 1);
        let offset = cp - first;
        (offset < count * stride && offset.is_multiple_of(stride))
            .then(|| char::from_u32(cp.wrapping_add_signed(delta)))?
    });
    out.push(lowered.unwrap_or(c));
}

/// `text` in lower case, character by character.
pub fn lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_lower(&mut out, c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lowers_as_the_standard_library_lowers_it() {
        let mut out = String::new();
        for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
            out.clear();
            push_lower(&mut out, c);
            assert!(out.chars().eq(c.to_lowercase()), "U+{:04X}: {out:?}", c as u32);
        }
    }

    #[test]
    fn words_lower_in_any_script() {
        assert_eq!(
            lower("Ésta ÑANDÚ Straße İstanbul ΟΔΌΣ Москва ՀԱՅ ＡＢＣ"),
            "ésta ñandú straße i\u{307}stanbul οδόσ москва հայ ａｂｃ"
        );
        assert_eq!(lower(""), "");
    }
}
