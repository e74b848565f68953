//! The clinic's theme: accent colours, font family, corner radius. Each value is checked
//! before it can reach a stylesheet: colours are `#rgb`/`#rrggbb` with enough contrast to
//! stay readable, fonts are family names only, the radius a small pixel length. The
//! result is a list of custom properties for the widget root (set through the CSSOM, so a
//! strict `style-src` allows it). Pure: never touches the DOM.

/// The widget's own backgrounds, which an accent must stand out from (light, dark).
const BG: (Rgb, Rgb) = (Rgb(0xfb, 0xf8, 0xf4), Rgb(0x15, 0x13, 0x1d));
/// Cards and fields.
const SURFACE: (Rgb, Rgb) = (Rgb(0xff, 0xff, 0xff), Rgb(0x21, 0x1e, 0x2c));
/// Text on an accent-coloured button: the one of these that reads better.
const ON_ACCENT: [Rgb; 2] = [Rgb(0xff, 0xff, 0xff), Rgb(0x1c, 0x14, 0x20)];
/// WCAG 2 AA for body text; the accent colours text and links.
pub const MIN_CONTRAST: f64 = 4.5;
/// Share of the accent in its soft tint (selected tabs, highlights).
const SOFT_SHARE: f64 = 0.14;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rgb` or `#rrggbb` (case-insensitive); nothing else, so no CSS text from
    /// a host attribute ever reaches a stylesheet.
    pub fn parse_hex(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize, n: usize| u8::from_str_radix(&hex[i..i + n], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            _ => None,
        }
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG contrast ratio, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// `share` of `self` over `base`, per channel.
    pub(crate) fn mix(self, base: Rgb, share: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) * share + f64::from(b) * (1.0 - share)).round() as u8;
        Rgb(m(self.0, base.0), m(self.1, base.1), m(self.2, base.2))
    }
}

/// `x` to the power 2.4, for `x` in 0.09..=1 (a linearised colour channel): `x² · x^0.4`,
/// the fifth root of `x²` by Newton's method from above. The same value as `powf(2.4)` to
/// 1e-12 (tested), without libm's `pow`, which the first screen would otherwise carry for
/// this one use (start-up checks the clinic's colours).
fn pow_2_4(x: f64) -> f64 {
    let square = x * x;
    let mut root = 1.0_f64;
    for _ in 0..64 {
        let next = 0.8 * root + square / (5.0 * root * root * root * root);
        if (root - next).abs() < 1e-15 {
            break;
        }
        root = next;
    }
    square * root
}

/// An accent for one colour scheme, with what goes on and around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accent {
    /// The accent itself.
    pub color: Rgb,
    /// Text on an accent background.
    pub on: Rgb,
    /// A soft tint for highlighted backgrounds.
    pub soft: Rgb,
}

impl Accent {
    /// The accent for the light (`dark == false`) or dark scheme, or why it cannot be:
    /// it must read at [`MIN_CONTRAST`] on the background, on cards, on its own tint,
    /// and under the text put on it.
    pub fn checked(color: Rgb, dark: bool) -> Result<Accent, String> {
        let (bg, surface) = if dark { (BG.1, SURFACE.1) } else { (BG.0, SURFACE.0) };
        let on = if color.contrast(ON_ACCENT[0]) >= color.contrast(ON_ACCENT[1]) {
            ON_ACCENT[0]
        } else {
            ON_ACCENT[1]
        };
        let soft = color.mix(surface, SOFT_SHARE);
        let worst =
            [bg, surface, soft, on].into_iter().map(|c| color.contrast(c)).fold(f64::INFINITY, f64::min);
        if worst >= MIN_CONTRAST {
            Ok(Accent { color, on, soft })
        } else {
            let scheme = if dark { "dark" } else { "light" };
            Err(format!(
                "{} has a contrast of {}:1 in the {scheme} theme (at least {}:1 is needed to stay readable)",
                color.hex(),
                crate::domain::number::fixed(worst, 1),
                // Through `fixed`, not `{MIN_CONTRAST}`: an `f64` shown by `Display` would
                // bring the float formatter (about 11 KiB) onto the first screen.
                crate::domain::number::fixed(MIN_CONTRAST, 1)
            ))
        }
    }
}

/// Checks a font-family list: names of ASCII letters and digits, spaces, hyphens and
/// underscores, and any character beyond ASCII but spaces and controls (CSS reads every
/// one of those as part of a name: `Noto Sans 日本語`), optionally quoted, separated by
/// commas; at most 200 characters. Returns it normalised. (No Unicode letter tables: this
/// runs on the first screen, and nothing beyond ASCII can end a CSS name.)
pub fn parse_font(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 200 {
        return None;
    }
    let mut families = Vec::new();
    for family in text.split(',') {
        let family = family.trim();
        let bare = family
            .strip_prefix('"')
            .and_then(|f| f.strip_suffix('"'))
            .or_else(|| family.strip_prefix('\'').and_then(|f| f.strip_suffix('\'')))
            .unwrap_or(family);
        let ok = !bare.trim().is_empty()
            && bare.chars().all(|c| {
                c.is_ascii_alphanumeric()
                    || matches!(c, ' ' | '-' | '_')
                    || !c.is_ascii() && !c.is_whitespace() && !c.is_control()
            });
        if !ok {
            return None;
        }
        let quoted = bare.contains(' ') || bare.starts_with(|c: char| c.is_ascii_digit());
        families.push(if quoted { format!("\"{}\"", bare.trim()) } else { bare.to_owned() });
    }
    Some(families.join(", "))
}

/// Largest corner radius, in CSS pixels.
pub const MAX_RADIUS: u32 = 24;

/// Parses a corner radius: `12`, `12px`, from 0 to [`MAX_RADIUS`].
pub fn parse_radius(text: &str) -> Option<u32> {
    let t = text.trim();
    let n = t.strip_suffix("px").unwrap_or(t).trim();
    n.parse::<u32>().ok().filter(|r| *r <= MAX_RADIUS)
}

/// The clinic's look, every part optional (the widget's own where absent).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Look {
    /// Accent for the light scheme.
    pub accent: Option<Accent>,
    /// Accent for the dark scheme.
    pub accent_dark: Option<Accent>,
    /// A checked font-family list.
    pub font: Option<String>,
    /// Corner radius in pixels.
    pub radius: Option<u32>,
}

impl Look {
    /// The custom properties to set on the widget root, as `(name, value)`. A scheme the
    /// clinic left alone keeps Afterglow's colours.
    pub fn custom_properties(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let pair = |light: Option<Rgb>, dark: Option<Rgb>, default: (&str, &str)| {
            format!(
                "light-dark({}, {})",
                light.map_or(default.0.to_owned(), Rgb::hex),
                dark.map_or(default.1.to_owned(), Rgb::hex)
            )
        };
        if self.accent.is_some() || self.accent_dark.is_some() {
            let (l, d) = (self.accent.as_ref(), self.accent_dark.as_ref());
            out.push(("--ag-accent", pair(l.map(|a| a.color), d.map(|a| a.color), ("#7d3f70", "#e3a8d6"))));
            out.push(("--ag-accent-text", pair(l.map(|a| a.on), d.map(|a| a.on), ("#ffffff", "#1c1420"))));
            out.push((
                "--ag-accent-soft",
                pair(l.map(|a| a.soft), d.map(|a| a.soft), ("#f4e8f1", "#3a2a38")),
            ));
        }
        if let Some(font) = &self.font {
            out.push(("--ag-font", format!("{font}, system-ui, sans-serif")));
        }
        if let Some(r) = self.radius {
            out.push(("--ag-radius", format!("{r}px")));
        }
        out
    }
}

/// The whole pixels of a computed length such as `16px` or `15.5px` (integers only, so no
/// float parser is needed on the first screen).
pub fn css_pixels(value: &str) -> Option<u32> {
    let number = value.strip_suffix("px")?;
    let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(whole) && digits(fraction)).then(|| whole.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_pixel_lengths_are_read_without_floats() {
        assert_eq!(css_pixels("16px"), Some(16));
        assert_eq!(css_pixels("15.5px"), Some(15));
        for bad in ["", "px", "16", "16em", ".5px", "16.px", "-16px", "1e3px", "16 px"] {
            assert_eq!(css_pixels(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_channel_power_is_powf_for_every_channel_value() {
        for c in 11..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            assert!((pow_2_4(x) - x.powf(2.4)).abs() < 1e-12, "{c}");
        }
        assert!((Rgb(0, 0, 0).contrast(Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn colours_parse_only_as_hex() {
        assert_eq!(Rgb::parse_hex("#0a7"), Some(Rgb(0x00, 0xaa, 0x77)));
        assert_eq!(Rgb::parse_hex(" #1B5E20 "), Some(Rgb(0x1b, 0x5e, 0x20)));
        for bad in ["red", "#12345", "1b5e20", "#1b5e2g", "#fff;}*{color:red", "url(x)", "", "#ééé"] {
            assert_eq!(Rgb::parse_hex(bad), None, "{bad}");
        }
    }

    #[test]
    fn contrast_matches_wcag() {
        let ratio = Rgb(0, 0, 0).contrast(Rgb(255, 255, 255));
        assert!((ratio - 21.0).abs() < 1e-9);
        assert!((Rgb(0x77, 0x77, 0x77).contrast(Rgb(255, 255, 255)) - 4.48).abs() < 0.01);
    }

    #[test]
    fn a_dark_green_accent_passes_and_gets_white_text() {
        let a = Accent::checked(Rgb(0x1b, 0x5e, 0x20), false).unwrap();
        assert_eq!(a.on, Rgb(0xff, 0xff, 0xff));
        assert!(a.color.contrast(a.soft) >= MIN_CONTRAST);
        let d = Accent::checked(Rgb(0xa5, 0xd6, 0xa7), true).unwrap();
        assert_eq!(d.on, Rgb(0x1c, 0x14, 0x20));
    }

    #[test]
    fn unreadable_accents_are_refused_with_the_ratio() {
        let e = Accent::checked(Rgb::parse_hex("#ffeb3b").unwrap(), false).unwrap_err();
        assert!(e.contains("#ffeb3b") && e.contains("light theme"), "{e}");
        assert!(Accent::checked(Rgb::parse_hex("#1b5e20").unwrap(), true).is_err());
    }

    #[test]
    fn fonts_are_family_names_only() {
        assert_eq!(
            parse_font("Atkinson Hyperlegible, serif").as_deref(),
            Some("\"Atkinson Hyperlegible\", serif")
        );
        assert_eq!(parse_font("'Open Sans'").as_deref(), Some("\"Open Sans\""));
        assert_eq!(
            parse_font("Noto Sans 日本語, Ｓｅｒｉｆ").as_deref(),
            Some("\"Noto Sans 日本語\", Ｓｅｒｉｆ")
        );
        for bad in [
            "",
            "a;}body{x",
            "url(evil)",
            "x\"y",
            "Arial,,serif",
            &"a".repeat(201),
            "a\u{3000}b",
            "a\u{85}b",
            "a\\b",
            "a/b",
        ] {
            assert_eq!(parse_font(bad), None, "{bad}");
        }
    }

    #[test]
    fn radius_is_a_small_pixel_length() {
        assert_eq!(parse_radius("12"), Some(12));
        assert_eq!(parse_radius(" 0px "), Some(0));
        for bad in ["25", "-1", "1rem", "1e3", "12 px;x"] {
            assert_eq!(parse_radius(bad), None, "{bad}");
        }
    }

    #[test]
    fn properties_keep_the_default_for_an_unset_scheme() {
        let look = Look {
            accent: Some(Accent::checked(Rgb(0x1b, 0x5e, 0x20), false).unwrap()),
            radius: Some(4),
            ..Look::default()
        };
        let props = look.custom_properties();
        assert_eq!(props[0], ("--ag-accent", "light-dark(#1b5e20, #e3a8d6)".to_owned()));
        assert_eq!(props.last().unwrap(), &("--ag-radius", "4px".to_owned()));
        assert!(Look::default().custom_properties().is_empty());
    }
}
