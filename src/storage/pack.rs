//! Bytes as text for `localStorage`: 15 bits in each UTF-16 unit, every unit in one safe
//! block (U+3400 to U+B3FF: no surrogates, no control characters, nothing a browser
//! normalises), so a compressed archive costs about 16/15 units per byte in every
//! browser's count. The archive's codec (`codec.rs`) packs each deflated month with it.
//!
//! ```text
//! "A"  one unit: how many bits the last unit holds (1 to 15), offset into the block
//!      then the bits, 15 per unit, most significant first
//! ```
//! Pure; never panics on any text it is given back. A cut that removes whole bytes is
//! caught by what the bytes hold (the compressed stream, the JSON), not here.

/// The first code unit of the block the bits are written in.
const BASE: u16 = 0x3400;
/// The codec's version mark, the value's first character.
const MARK: char = 'A';

/// Why a packed value could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PackError {
    /// It does not start with this codec's mark.
    #[error("not a packed value")]
    NotPacked,
    /// A unit outside the block, or a header that does not fit the length.
    #[error("a packed value is damaged")]
    Damaged,
}

fn unit(bits: u16) -> char {
    // `bits` < 2^15, so BASE + bits stays below U+B400: a valid scalar value.
    char::from_u32(u32::from(BASE) + u32::from(bits)).unwrap_or('\u{FFFD}')
}

fn bits_of(c: char) -> Option<u16> {
    let v = u32::from(c).checked_sub(u32::from(BASE))?;
    u16::try_from(v).ok().filter(|v| *v < 1 << 15)
}

/// `bytes` as packed text.
pub fn pack(bytes: &[u8]) -> String {
    let total_bits = bytes.len() * 8;
    let units = total_bits.div_ceil(15);
    let last = match total_bits % 15 {
        0 if units > 0 => 15,
        0 => 0,
        r => r,
    };
    let mut out = String::with_capacity(3 * (units + 2));
    out.push(MARK);
    out.push(unit(last as u16));
    let mut acc: u32 = 0;
    let mut held = 0u32;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        held += 8;
        if held >= 15 {
            held -= 15;
            out.push(unit(((acc >> held) & 0x7fff) as u16));
            acc &= (1 << held) - 1;
        }
    }
    if held > 0 {
        // The last unit holds its `held` bits at the bottom.
        out.push(unit((acc & ((1 << held) - 1)) as u16));
    }
    out
}

/// The bytes `text` (made by [`pack`]) holds.
pub fn unpack(text: &str) -> Result<Vec<u8>, PackError> {
    let mut chars = text.chars();
    if chars.next() != Some(MARK) {
        return Err(PackError::NotPacked);
    }
    let last = chars.next().and_then(bits_of).ok_or(PackError::Damaged)?;
    let units: Vec<u16> = chars.map(|c| bits_of(c).ok_or(PackError::Damaged)).collect::<Result<_, _>>()?;
    if last > 15 || (units.is_empty() != (last == 0)) {
        return Err(PackError::Damaged);
    }
    let mut out = Vec::with_capacity(units.len() * 15 / 8);
    let mut acc: u32 = 0;
    let mut held = 0u32;
    for (i, &u) in units.iter().enumerate() {
        let width = if i + 1 == units.len() { u32::from(last) } else { 15 };
        if u32::from(u) >> width != 0 {
            return Err(PackError::Damaged);
        }
        acc = (acc << width) | u32::from(u);
        held += width;
        while held >= 8 {
            held -= 8;
            out.push(((acc >> held) & 0xff) as u8);
        }
        acc &= (1 << held) - 1;
    }
    if held != 0 {
        return Err(PackError::Damaged);
    }
    Ok(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_bytes_round_trip_through_safe_text(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let text = pack(&bytes);
            prop_assert_eq!(unpack(&text), Ok(bytes.clone()));
            for c in text.chars().skip(1) {
                let u = u32::from(c);
                prop_assert!((0x3400..0xB400).contains(&u), "unit {:x}", u);
            }
            prop_assert_eq!(text.encode_utf16().count(), 2 + (bytes.len() * 8).div_ceil(15));
        }

        #[test]
        fn any_text_is_read_or_refused_never_a_panic(text in "\\PC{0,40}") {
            let _ = unpack(&text);
            let _ = unpack(&format!("A{text}"));
        }
    }

    #[test]
    fn damage_is_refused() {
        let good = pack(b"a month of entries");
        assert_eq!(unpack("plain text"), Err(PackError::NotPacked));
        assert_eq!(unpack(&format!("{good}x")), Err(PackError::Damaged));
        assert_eq!(unpack(&good[..good.len() - 3]), Err(PackError::Damaged), "a cut-off value");
        assert_eq!(unpack(&pack(&[])), Ok(vec![]));
        // 15 bytes are 120 bits: exactly 8 units, the last one full.
        assert_eq!(pack(&[0xff; 15]).chars().count(), 2 + 8);
    }
}
