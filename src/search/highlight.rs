//! Why a result matched, shown: the words of a title or description that
//! the query matched (as written, as an inflection, a compound part or a
//! typo), found with the same word splitting the index uses. The UI wraps
//! them in `<mark>` elements built as DOM nodes, never as HTML.

use super::normalize::{for_each_word_hinted, lower_hinted};
use std::ops::Range;

/// `text` cut into pieces, each marked or not: the marked ones are words
/// whose lower-case form is in `terms` (sorted). Adjacent pieces cover the
/// whole text.
pub fn pieces(text: &str, terms: &[String]) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for_each_match(text, terms, |word| {
        if word.start > at {
            out.push((at..word.start, false));
        }
        at = word.end;
        out.push((word, true));
        true
    });
    if at < text.len() {
        out.push((at..text.len(), false));
    }
    out
}

/// Calls `f` with the byte range of each word of `text` whose lower-case
/// form is in `terms` (sorted), in order, while `f` returns true. Each word
/// is lowered once, into one buffer: this runs for some 40 texts a
/// keystroke on the page's main thread.
fn for_each_match(text: &str, terms: &[String], mut f: impl FnMut(Range<usize>) -> bool) {
    if terms.is_empty() {
        return;
    }
    let base = text.as_ptr() as usize;
    let mut buf = String::new();
    let mut going = true;
    for_each_word_hinted(text, |word, is_lower| {
        if going {
            let lowered = lower_hinted(word, is_lower, &mut buf);
            if terms.binary_search_by(|t| t.as_str().cmp(lowered)).is_ok() {
                let start = word.as_ptr() as usize - base;
                going = f(start..start + word.len());
            }
        }
    });
}

/// Where an excerpt of about `max` characters should start so that the
/// first marked word is in it: `None` to start at the beginning.
pub fn excerpt_start(text: &str, terms: &[String], max: usize) -> Option<usize> {
    let mut first = None;
    for_each_match(text, terms, |word| {
        first = Some(word);
        false
    });
    let first = first?;
    let before = text[..first.start].chars().count();
    // Start a third of the excerpt before the word, at a word boundary.
    let keep = max / 3;
    if before <= keep {
        return None;
    }
    let skip = before - keep;
    let byte = text
        .char_indices()
        .nth(skip)
        .map_or(first.start, |(i, _)| i);
    let boundary = text[byte..first.start]
        .find(char::is_whitespace)
        .map_or(byte, |i| byte + i + 1);
    Some(boundary.min(first.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, terms: &[&str]) -> Vec<String> {
        let mut terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        terms.sort();
        pieces(text, &terms)
            .into_iter()
            .filter(|(_, m)| *m)
            .map(|(r, _)| text[r].to_string())
            .collect()
    }

    #[test]
    fn marks_matched_words_whatever_their_case_and_covers_the_text() {
        assert_eq!(
            marked("Befolkning i Umeå, befolkningen", &["befolkning", "umeå"]),
            ["Befolkning", "Umeå"]
        );
        assert_eq!(
            marked("Högskolor och högskoleövergångar", &["högskoleövergångar"]),
            ["högskoleövergångar"]
        );
        let text = "a <b>Skola</b> & c";
        let terms = vec!["skola".to_string()];
        let p = pieces(text, &terms);
        assert_eq!(
            p.iter()
                .map(|(r, _)| text[r.clone()].to_string())
                .collect::<String>(),
            text
        );
        assert_eq!(pieces("", &terms), vec![]);
        assert_eq!(pieces("x", &[]), vec![(0..1, false)]);
    }

    #[test]
    fn the_excerpt_starts_before_the_first_match() {
        let text = format!("{} lönestatistik här", "ord ".repeat(100));
        let terms = vec!["lönestatistik".to_string()];
        let start = excerpt_start(&text, &terms, 120).unwrap();
        let rest = &text[start..];
        assert!(rest.starts_with("ord "), "{rest}");
        assert!(rest.chars().count() < 60, "{rest}");
        assert_eq!(excerpt_start("lönestatistik först", &terms, 120), None);
        assert_eq!(excerpt_start("inget här", &terms, 120), None);
    }
}
