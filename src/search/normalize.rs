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
    c.is_alphanumeric() || is_combining(c)
}

/// Calls `f` with every word of `text` (as it is spelled in the text), in
/// order. Words longer than [`MAX_WORD_BYTES`] are skipped.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            emit(&text[s..i], &mut f);
        }
    }
    if let Some(s) = start {
        emit(&text[s..], &mut f);
    }
}

#[inline]
fn emit(word: &str, f: &mut impl FnMut(&str)) {
    // A word made only of combining marks (after punctuation) is noise.
    if word.len() <= MAX_WORD_BYTES && word.chars().any(|c| c.is_alphanumeric()) {
        f(word)
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
