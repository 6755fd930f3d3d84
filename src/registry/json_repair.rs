//! Makes JSON that a browser's `JSON.parse` accepts readable by serde_json,
//! which is stricter. One bad character in one description must never hide
//! a whole catalogue.
//!
//! Two classes are repaired, both found in real registries:
//! * lone UTF-16 surrogate escapes (`"\ud83d"`, an emoji cut in half by a
//!   field length limit): `JSON.parse` keeps them, serde_json refuses the
//!   document; they become U+FFFD, as a browser shows them;
//! * numbers beyond `f64` (`1e400`): `JSON.parse` reads `Infinity`,
//!   serde_json refuses the document; they become `null` (no value).
//!
//! Only run after a strict parse failed, so good registries pay nothing.

use std::fmt;

/// What was changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Repairs {
    pub lone_surrogates: usize,
    pub huge_numbers: usize,
}

impl Repairs {
    pub fn any(&self) -> bool {
        self.lone_surrogates + self.huge_numbers > 0
    }
}

impl fmt::Display for Repairs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if self.lone_surrogates > 0 {
            parts.push(format!(
                "{} broken text escape(s) (lone UTF-16 surrogates) shown as \u{FFFD}",
                self.lone_surrogates
            ));
        }
        if self.huge_numbers > 0 {
            parts.push(format!(
                "{} number(s) too large to read left out",
                self.huge_numbers
            ));
        }
        write!(f, "repaired: {}", parts.join("; "))
    }
}

/// The repaired text, or `None` when there was nothing this repairs (the
/// text is broken in some other way).
pub fn repair(text: &str) -> Option<(String, Repairs)> {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut repairs = Repairs::default();
    // Start of the text not yet copied to `out`.
    let mut copied = 0;
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'"' => in_string = false,
                b'\\' => {
                    if bytes.get(i + 1) == Some(&b'u') {
                        if let Some(unit) = hex4(bytes, i + 2) {
                            if (0xD800..0xDC00).contains(&unit) {
                                let pair = bytes.get(i + 6) == Some(&b'\\')
                                    && bytes.get(i + 7) == Some(&b'u')
                                    && hex4(bytes, i + 8)
                                        .is_some_and(|low| (0xDC00..0xE000).contains(&low));
                                if pair {
                                    i += 12;
                                    continue;
                                }
                            }
                            if (0xD800..0xE000).contains(&unit) {
                                out.push_str(&text[copied..i]);
                                out.push_str("\\uFFFD");
                                repairs.lone_surrogates += 1;
                                i += 6;
                                copied = i;
                                continue;
                            }
                        }
                    }
                    // Any other escape: skip the escaped character.
                    i += 2;
                    continue;
                }
                _ => {}
            }
            i += 1;
        } else if b == b'"' {
            in_string = true;
            i += 1;
        } else if b == b'-' || b.is_ascii_digit() {
            let end = number_end(bytes, i);
            let token = &text[i..end];
            if token.parse::<f64>().is_ok_and(f64::is_infinite) {
                out.push_str(&text[copied..i]);
                out.push_str("null");
                repairs.huge_numbers += 1;
                copied = end;
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    if !repairs.any() {
        return None;
    }
    out.push_str(&text[copied..]);
    Some((out, repairs))
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    let s = std::str::from_utf8(digits).ok()?;
    u32::from_str_radix(s, 16).ok()
}

/// The end of a JSON number token starting at `start`.
fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() && matches!(bytes[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let (fixed, r) = repair(r#"{"a":"x\ud83d y","b":"\udc00"}"#).unwrap();
        assert_eq!(fixed, r#"{"a":"x\uFFFD y","b":"\uFFFD"}"#);
        assert_eq!(r.lone_surrogates, 2);
        let v: serde_json::Value = serde_json::from_str(&fixed).unwrap();
        assert_eq!(v["a"], "x\u{FFFD} y");
    }

    #[test]
    fn pairs_and_other_escapes_are_kept() {
        assert_eq!(repair(r#"{"a":"\ud83d\ude00 \\ud800 \" \u00e5"}"#), None);
        assert_eq!(
            repair(r#"["\\", "\ud800"]"#).map(|r| r.0).as_deref(),
            Some(r#"["\\", "\uFFFD"]"#)
        );
    }

    #[test]
    fn numbers_beyond_f64_become_null() {
        let (fixed, r) = repair(r#"{"n":1e400,"m":-2E+999,"k":12.5,"s":"1e400"}"#).unwrap();
        assert_eq!(fixed, r#"{"n":null,"m":null,"k":12.5,"s":"1e400"}"#);
        assert_eq!(r.huge_numbers, 2);
    }

    #[test]
    fn nothing_to_repair_is_none() {
        assert_eq!(repair(r#"{"a": [1, 2, "x"]"#), None);
        assert_eq!(repair(""), None);
        assert_eq!(repair(r#""\u12"#), None);
    }
}
