//! The archive's codec: a month's text compressed with raw deflate and packed 15 bits a
//! UTF-16 unit ([`super::pack`]), and back. Pure Rust, so it is tested natively; in the
//! browser only the archive chunk calls it (`ui::shell::parts`), so the first screen
//! does not carry a compressor.
//!
//! Must never panic on any value it is given back: a damaged value is an error.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// Deflate level: 9 is the smallest output; a month's text (about 25 KB, 90 for a heavy
/// writer) still compresses in a few milliseconds.
const LEVEL: u8 = 9;

/// No month holds more than this once expanded (a heavy writer's month is about 0.1 MB):
/// a damaged value cannot make the page allocate without bound.
const MAX_EXPANDED: usize = 64 * 1024 * 1024;

/// `text` compressed and packed for storage.
pub fn compress(text: &str) -> String {
    super::pack::pack(&compress_to_vec(text.as_bytes(), LEVEL))
}

/// The text a value made by [`compress`] holds.
pub fn expand(value: &str) -> Result<String, String> {
    let bytes = super::pack::unpack(value).map_err(|e| e.to_string())?;
    let plain = decompress_to_vec_with_limit(&bytes, MAX_EXPANDED)
        .map_err(|e| format!("an archived month is damaged ({:?})", e.status))?;
    String::from_utf8(plain).map_err(|_| "an archived month is damaged (not text)".to_owned())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_round_trips(text in "\\PC{0,600}") {
            prop_assert_eq!(expand(&compress(&text)), Ok(text.clone()));
        }

        #[test]
        fn any_value_is_read_or_refused_never_a_panic(text in "\\PC{0,60}") {
            let _ = expand(&text);
            let _ = expand(&format!("A{text}"));
        }
    }

    #[test]
    fn damage_is_refused_and_text_shrinks() {
        let text = "I felt lighter after the session, and I want to keep that. ".repeat(200);
        let value = compress(&text);
        assert!(value.encode_utf16().count() * 5 < text.len(), "{} units", value.encode_utf16().count());
        let cut: String = value.chars().take(value.chars().count() / 2).collect();
        assert!(expand(&cut).is_err(), "a value cut in half");
        assert!(expand("A").is_err());
        assert!(expand("not packed").is_err());
    }
}
