//! Why a result matched, shown: the words of a title or description that
//! the query matched (as written, as an inflection, a compound part or a
//! typo), found with the same word splitting the index uses. The UI wraps
//! them in `<mark>` elements built as DOM nodes, never as HTML.

use super::normalize::{for_each_word, lower};
use std::ops::Range;

/// `text` cut into pieces, each marked or not: the marked ones are words
/// whose lower-case form is in `terms` (sorted). Adjacent pieces cover the
/// whole text.
pub fn pieces(text: &str, terms: &[String]) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    if terms.is_empty() {
        if !text.is_empty() {
            out.push((0..text.len(), false));
        }
        return out;
    }
    let base = text.as_ptr() as usize;
    for_each_word(text, |w| {
        let start = w.as_ptr() as usize - base;
        let end = start + w.len();
        if terms
            .binary_search_by(|t| t.as_str().cmp(&lower(w)))
            .is_ok()
        {
            if start > at {
                out.push((at..start, false));
            }
            out.push((start..end, true));
            at = end;
        }
    });
    if at < text.len() {
        out.push((at..text.len(), false));
    }
    out
}

/// Where an excerpt of about `max` characters should start so that the
/// first marked word is in it: `None` to start at the beginning.
pub fn excerpt_start(text: &str, terms: &[String], max: usize) -> Option<usize> {
    let (first, _) = pieces(text, terms)
        .into_iter()
        .find(|(_, marked)| *marked)?;
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
