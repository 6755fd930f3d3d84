//! Keeping a host's accent colour readable (WCAG 2.1 AA, 1.4.3 / 1.4.11).
//!
//! An agency themes the widget with `--odc-accent`; its brand colour may be
//! too light for link text on the widget's background. Rather than ship an
//! unreadable widget, the accent is darkened (or, on a dark background,
//! lightened) just enough to reach 4.5:1, keeping its hue. The browser
//! layer reads the resolved colours and applies the result.

/// An sRGB colour, 8 bits per channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Text contrast required by WCAG 2.1 AA for normal-size text.
pub const TEXT_CONTRAST: f64 = 4.5;

impl Rgb {
    /// Reads the form browsers give computed colours in: `rgb(r, g, b)` or
    /// `rgba(r, g, b, a)` (also the space-separated modern syntax).
    /// Anything else (a transparent or unparsable colour) is `None`.
    pub fn parse_computed(css: &str) -> Option<Rgb> {
        let inner = css
            .trim()
            .strip_prefix("rgba(")
            .or_else(|| css.trim().strip_prefix("rgb("))?;
        let inner = inner.strip_suffix(')')?;
        let mut parts = inner
            .split([',', ' ', '/'])
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let mut channel = || -> Option<u8> {
            let v: f64 = parts.next()?.parse().ok()?;
            (0.0..=255.0).contains(&v).then_some(v.round() as u8)
        };
        let rgb = Rgb(channel()?, channel()?, channel()?);
        // A (nearly) transparent colour has no contrast of its own.
        match parts.next().map(|a| a.trim_end_matches('%').parse::<f64>()) {
            Some(Ok(alpha)) if alpha < 0.99 => None,
            _ => Some(rgb),
        }
    }

    pub fn css(self) -> String {
        format!("rgb({}, {}, {})", self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// WCAG contrast ratio, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The accent to use on `background`: the given one when it already
/// reaches `min` contrast, else the closest mix towards black (light
/// backgrounds) or white (dark backgrounds) that does.
pub fn readable_accent(accent: Rgb, background: Rgb, min: f64) -> Rgb {
    if contrast(accent, background) >= min {
        return accent;
    }
    let target = if background.luminance() > 0.18 {
        Rgb(0, 0, 0)
    } else {
        Rgb(255, 255, 255)
    };
    // Contrast grows monotonically along the mix: bisect for the least change.
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..20 {
        let mid = (lo + hi) / 2.0;
        if contrast(accent.mix(target, mid), background) >= min {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    accent.mix(target, hi)
}

/// Text on an accent-coloured button: whichever of the given text colour,
/// black or white reads best, keeping the given one when it is enough.
pub fn readable_on(accent: Rgb, text: Rgb, min: f64) -> Rgb {
    if contrast(text, accent) >= min {
        return text;
    }
    let (black, white) = (Rgb(0, 0, 0), Rgb(255, 255, 255));
    if contrast(black, accent) >= contrast(white, accent) {
        black
    } else {
        white
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHITE: Rgb = Rgb(255, 255, 255);

    #[test]
    fn parses_computed_colours() {
        assert_eq!(
            Rgb::parse_computed("rgb(11, 92, 173)"),
            Some(Rgb(11, 92, 173))
        );
        assert_eq!(
            Rgb::parse_computed("rgba(255, 204, 0, 1)"),
            Some(Rgb(255, 204, 0))
        );
        assert_eq!(
            Rgb::parse_computed("rgb(255 204 0)"),
            Some(Rgb(255, 204, 0))
        );
        assert_eq!(Rgb::parse_computed("rgba(0, 0, 0, 0)"), None);
        assert_eq!(Rgb::parse_computed("color(srgb 1 0 0)"), None);
        assert_eq!(Rgb::parse_computed(""), None);
        assert_eq!(Rgb::parse_computed("rgb(300, 0, 0)"), None);
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((contrast(Rgb(0, 0, 0), WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // The default accent on white passes AA.
        assert!(contrast(Rgb(11, 92, 173), WHITE) >= TEXT_CONTRAST);
    }

    #[test]
    fn a_too_light_accent_is_darkened_just_enough() {
        let yellow = Rgb(255, 204, 0);
        let fixed = readable_accent(yellow, WHITE, TEXT_CONTRAST);
        assert!(contrast(fixed, WHITE) >= TEXT_CONTRAST);
        assert!(
            contrast(fixed, WHITE) < TEXT_CONTRAST + 0.3,
            "no darker than needed"
        );
        // Hue kept: still more red than blue.
        assert!(fixed.0 > fixed.2);
        // A good accent is kept as it is.
        assert_eq!(
            readable_accent(Rgb(11, 92, 173), WHITE, TEXT_CONTRAST),
            Rgb(11, 92, 173)
        );
        // On a dark background a dark accent is lightened.
        let dark_bg = Rgb(22, 24, 29);
        let lightened = readable_accent(Rgb(20, 40, 120), dark_bg, TEXT_CONTRAST);
        assert!(contrast(lightened, dark_bg) >= TEXT_CONTRAST);
    }

    #[test]
    fn button_text_reads_on_any_accent() {
        for accent in [
            Rgb(255, 204, 0),
            Rgb(11, 92, 173),
            Rgb(128, 128, 128),
            Rgb(0, 0, 0),
        ] {
            let text = readable_on(accent, WHITE, TEXT_CONTRAST);
            assert!(contrast(text, accent) >= 3.0, "{accent:?} → {text:?}");
        }
    }
}
