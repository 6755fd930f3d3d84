//! Text normalisation: words, lower-case forms and diacritic-folded forms.
//!
//! A *word* is a maximal run of alphanumeric characters (Unicode letters and
//! digits) plus combining marks (U+0300–U+036F), so text in decomposed form
//! (`o` + U+0308) stays one word. The *lower* form is the word lower-cased;
//! the *folded* form additionally drops diacritics (`Östersund` →
//! `ostersund`) with a small hand-written table for Latin letters, so a
//! person who cannot type å/ä/ö still finds what they look for.

use std::borrow::Cow;

/// Longest word (in bytes) that is indexed or searched; longer runs are
/// tokens such as hashes or base64 that nobody types.
pub const MAX_WORD_BYTES: usize = 64;

/// True for combining diacritical marks, which belong to the word they
/// follow.
#[inline]
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[inline]
fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || is_combining(c)
}

/// `char::is_alphanumeric` without the Unicode table lookup for Latin-1
/// letters (all of U+00C0–U+00FF but × and ÷).
#[inline]
fn is_alphanumeric(c: char) -> bool {
    match c {
        'À'..='ÿ' => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

/// Calls `f` with every word of `text` (as it is spelled in the text), in
/// order. Words longer than [`MAX_WORD_BYTES`] are skipped.
pub fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    for_each_word_hinted(text, |w, _| f(w))
}

/// Per ASCII byte: 0 not part of a word, 1 a digit or small letter, 2 a
/// capital.
const ASCII_CLASS: [u8; 128] = {
    let mut class = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if c.is_ascii_uppercase() {
            2
        } else if c.is_ascii_alphanumeric() {
            1
        } else {
            0
        };
        b += 1;
    }
    class
};

/// [`for_each_word`], also telling whether the word is certainly its own
/// lower-case form (only ASCII and Latin-1 letters, no capitals), found
/// while scanning for it: see [`lower_in`].
pub fn for_each_word_hinted<'a>(text: &'a str, mut f: impl FnMut(&'a str, bool)) {
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut is_lower = true;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII without decoding (combining marks are not ASCII).
        let b = bytes[i];
        let (word_char, len, lower) = if b < 0x80 {
            let class = ASCII_CLASS[b as usize];
            (class != 0, 1, class != 2)
        } else {
            match text[i..].chars().next() {
                Some(c) => (is_word_char(c), c.len_utf8(), ('ß'..='ÿ').contains(&c)),
                None => break,
            }
        };
        if word_char {
            if start.is_none() {
                start = Some(i);
                is_lower = true;
            }
            is_lower &= lower;
        } else if let Some(s) = start.take() {
            emit(&text[s..i], is_lower, &mut f);
        }
        i += len;
    }
    if let Some(s) = start {
        emit(&text[s..], is_lower, &mut f);
    }
}

#[inline]
fn emit<'a>(word: &'a str, is_lower: bool, f: &mut impl FnMut(&'a str, bool)) {
    // A word made only of combining marks (after punctuation) is noise.
    if word.len() <= MAX_WORD_BYTES
        && (word.as_bytes()[0].is_ascii_alphanumeric() || word.chars().any(is_alphanumeric))
    {
        f(word, is_lower)
    }
}

/// The lower-case form; borrows when the word is already ASCII lower-case.
pub fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| !b.is_ascii_uppercase() && b.is_ascii())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// [`lower`] into a reusable buffer: returns `word` itself when it is
/// already ASCII lower-case, else its lower-case form written to `buf`.
pub fn lower_in<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    lower_hinted(word, is_lower_latin1(word), buf)
}

/// [`lower_in`] when it is already known whether `word` is certainly its
/// own lower-case form (`is_lower`, from [`for_each_word_hinted`]).
pub fn lower_hinted<'a>(word: &'a str, is_lower: bool, buf: &'a mut String) -> &'a str {
    if is_lower {
        return word;
    }
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else if word.contains('Σ') {
        // Final sigma depends on context: leave it to the library.
        buf.push_str(&word.to_lowercase());
    } else {
        for c in word.chars() {
            match c {
                // Latin-1 capitals: one code point each, 32 above.
                'À'..='Þ' if c != '×' => buf.push(char::from_u32(c as u32 + 32).unwrap_or(c)),
                c if c.is_ascii() || ('ß'..='ÿ').contains(&c) => buf.push(c.to_ascii_lowercase()),
                c => buf.extend(c.to_lowercase()),
            }
        }
    }
    buf
}

/// True when `word` has only ASCII and Latin-1 characters and no capitals
/// (its lower-case form is itself).
#[inline]
fn is_lower_latin1(word: &str) -> bool {
    let b = word.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            x if x.is_ascii_uppercase() => return false,
            x if x.is_ascii() => i += 1,
            // U+00DF–U+00FF (ß, à–ÿ, ÷): C3 9F–C3 BF.
            0xC3 if matches!(b.get(i + 1), Some(0x9F..=0xBF)) => i += 2,
            _ => return false,
        }
    }
    true
}

/// Folds one lower-case character to its ASCII base letter(s); `None` means
/// "keep as is", `Some("")` means "drop".
pub(crate) fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        c if is_combining(c) => "",
        _ => return None,
    })
}

/// The folded form of a lower-case word: diacritics dropped. Borrows when
/// the word is ASCII.
pub fn fold(lower: &str) -> Cow<'_, str> {
    if lower.is_ascii() {
        return Cow::Borrowed(lower);
    }
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        match fold_char(c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Lower-cases and folds in one go (for callers that only need the folded
/// form).
pub fn folded(word: &str) -> String {
    fold(&lower(word)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_word(s, |w| v.push(w.to_string()));
        v
    }

    #[test]
    fn latin1_shortcuts_agree_with_unicode() {
        for c in '\u{80}'..='\u{17F}' {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c}");
            let s = c.to_string();
            let mut buf = String::new();
            assert_eq!(lower_in(&s, &mut buf), s.to_lowercase(), "{c}");
            for_each_word_hinted(&s, |w, hint| assert_eq!(hint, is_lower_latin1(w), "{c}"));
            // Never wrong; certain for ß..ÿ.
            if is_lower_latin1(&s) {
                assert_eq!(s.to_lowercase(), s, "{c}");
            }
            assert_eq!(is_lower_latin1(&s), ('ß'..='ÿ').contains(&c), "{c}");
        }
    }

    #[test]
    fn splits_on_non_alphanumeric_and_keeps_digits() {
        assert_eq!(
            words("Befolkning, 15-74 år (AKU) 2001M01"),
            ["Befolkning", "15", "74", "år", "AKU", "2001M01"]
        );
        assert_eq!(words(""), Vec::<String>::new());
        assert_eq!(words("  ...!!  "), Vec::<String>::new());
        assert_eq!(words("e-post/webb"), ["e", "post", "webb"]);
    }

    #[test]
    fn combining_marks_stay_in_the_word() {
        let nfd = "O\u{0308}stersund kommun";
        assert_eq!(words(nfd), ["O\u{0308}stersund", "kommun"]);
        assert_eq!(folded("O\u{0308}stersund"), "ostersund");
        // A stray combining mark on its own is not a word.
        assert_eq!(words("a \u{0308} b"), ["a", "b"]);
    }

    #[test]
    fn emoji_are_separators() {
        assert_eq!(words("skog🌲träd"), ["skog", "träd"]);
    }

    #[test]
    fn overlong_words_are_skipped() {
        let long = "a".repeat(MAX_WORD_BYTES + 1);
        assert_eq!(words(&format!("x {long} y")), ["x", "y"]);
    }

    #[test]
    fn lower_borrows_ascii_lower_case() {
        assert!(matches!(lower("abc123"), Cow::Borrowed(_)));
        assert_eq!(lower("ÅÄÖ Ab"), "åäö ab");
        let mut buf = String::new();
        for w in [
            "abc123",
            "ÅÄÖ",
            "Ab",
            "İstanbul",
            "ΟΔΟΣ",
            "Σσ",
            "straße",
            "ǅ",
        ] {
            assert_eq!(lower_in(w, &mut buf), lower(w), "{w}");
        }
    }

    #[test]
    fn folding() {
        assert_eq!(folded("Östersund"), "ostersund");
        assert_eq!(folded("Åre"), "are");
        assert_eq!(folded("Mälardalen"), "malardalen");
        assert_eq!(folded("café"), "cafe");
        assert_eq!(folded("Müller"), "muller");
        assert_eq!(folded("Ærø"), "aero");
        assert_eq!(folded("Straße"), "strasse");
        assert!(matches!(fold("ascii"), Cow::Borrowed(_)));
        // Non-Latin letters are kept.
        assert_eq!(folded("Ωmega"), "ωmega");
    }
}
