//! Numbers for people and for SVG, with a fixed number of decimals, formatted through
//! integers: the standard library's float formatting costs about 11 KB of wasm, and a
//! chart coordinate or "6.5" needs none of it. Pure.

use std::fmt;

/// `value` shown with `places` decimals (0 to 3), rounded half away from zero; `+` in
/// front of a positive value when `signed`. Not a number shows as 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fixed {
    value: f64,
    places: u8,
    signed: bool,
}

/// `value` with `places` decimals.
pub fn fixed(value: f64, places: u8) -> Fixed {
    Fixed { value, places: places.min(3), signed: false }
}

/// `value` with `places` decimals and its sign always shown.
pub fn signed(value: f64, places: u8) -> Fixed {
    Fixed { signed: true, ..fixed(value, places) }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = 10u64.pow(u32::from(self.places));
        let scaled = if self.value.is_finite() { (self.value * scale as f64).round() } else { 0.0 };
        // `as` saturates: an absurd value shows as a large number, never a panic.
        let n = scaled as i64;
        let sign = if n < 0 {
            "-"
        } else if self.signed && n > 0 {
            "+"
        } else {
            ""
        };
        let a = n.unsigned_abs();
        let (whole, part) = (a / scale, a % scale);
        if self.places == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{part:0width$}", width = usize::from(self.places))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_formats_as_the_standard_library_does_for_everyday_values() {
        for v in [0.0, 0.04, 0.05, 1.25, 6.5, 7.0, 10.0, 123.456, -2.35, -0.4, 2.0 / 3.0, 99.95] {
            for places in 0..=2u8 {
                let std = format!("{v:.*}", usize::from(places));
                let ours = fixed(v, places).to_string();
                // Rust rounds half to even on the binary value; ours half away from zero.
                let close = (std.parse::<f64>().unwrap() - ours.parse::<f64>().unwrap()).abs()
                    <= 10f64.powi(-i32::from(places)) + 1e-9;
                assert!(close, "{v} {places}: {std} vs {ours}");
            }
        }
        assert_eq!(fixed(6.5, 1).to_string(), "6.5");
        assert_eq!(fixed(-0.04, 1).to_string(), "0.0");
        assert_eq!(signed(1.5, 1).to_string(), "+1.5");
        assert_eq!(signed(-1.5, 1).to_string(), "-1.5");
        assert_eq!(fixed(f64::NAN, 1).to_string(), "0.0");
        assert_eq!(fixed(1e300, 0).to_string(), i64::MAX.to_string());
    }
}
