//! Query parsing and text matching.
//!
//! Semantics:
//! * every query word must match (AND);
//! * a word matches a term when the lower-case forms are equal (best), the
//!   folded forms are equal, or the folded Swedish or English stems are
//!   equal; the last word also matches every term it is a (folded) prefix
//!   of, so results appear while the person types. A query that ends in
//!   whitespace has no prefix word: the last word is complete.
//! * a document's score is, summed over the query words, the best
//!   (field weight × match quality) over the terms the word matched in it,
//!   plus [`OTHER_MATCHES`] of every further (field, term) match.
//!
//! Matching writes into reusable buffers ([`Matcher`]): no allocation per
//! keystroke beyond the parsed words.

use super::index::{Index, FIELD_DESCRIPTION, FIELD_KEYWORD, FIELD_PUBLISHER, FIELD_TITLE};
use super::normalize::{fold, for_each_word, lower};
use super::stem::Stemmers;

/// At most this many words of a query are used.
pub const MAX_WORDS: usize = 16;
/// Only this much of a query string is looked at (a search box, not a
/// document).
pub const MAX_QUERY_BYTES: usize = 1024;

pub const WEIGHT_TITLE: f32 = 10.0;
pub const WEIGHT_KEYWORD: f32 = 4.0;
pub const WEIGHT_PUBLISHER: f32 = 1.2;
pub const WEIGHT_DESCRIPTION: f32 = 1.0;

/// How much a further match (another field, another term) of a query word
/// adds, relative to its weight; the best match counts fully.
pub const OTHER_MATCHES: f32 = 0.1;

pub const QUALITY_EXACT: f32 = 1.0;
pub const QUALITY_FOLDED: f32 = 0.85;
pub const QUALITY_STEM: f32 = 0.7;
pub const QUALITY_PREFIX: f32 = 0.5;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    pub lower: String,
    pub folded: String,
    pub stem_sv: String,
    pub stem_en: String,
    /// Also matches terms it is a prefix of.
    pub prefix: bool,
}

/// Splits a query into at most [`MAX_WORDS`] distinct words. Never panics.
pub fn parse(text: &str, stemmers: &Stemmers) -> Vec<QueryWord> {
    let text = truncate(text, MAX_QUERY_BYTES);
    let mut words: Vec<QueryWord> = Vec::new();
    let mut truncated = false;
    let mut last_was_duplicate = false;
    for_each_word(text, |w| {
        if words.len() == MAX_WORDS {
            truncated = true;
            return;
        }
        let l = lower(w);
        last_was_duplicate = words.iter().any(|q| q.lower == l.as_ref());
        if last_was_duplicate {
            return;
        }
        words.push(QueryWord {
            folded: fold(&l).into_owned(),
            stem_sv: stemmers.sv(&l),
            stem_en: stemmers.en(&l),
            lower: l.into_owned(),
            prefix: false,
        });
    });
    let ends_in_word = text.chars().next_back().is_some_and(|c| !c.is_whitespace());
    if !truncated && !last_was_duplicate && ends_in_word {
        if let Some(last) = words.last_mut() {
            last.prefix = true;
        }
    }
    words
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char
/// boundary.
fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A term's weight in a document from the fields it occurs in: the best
/// field's weight plus a little for each further field.
#[inline]
fn field_score(fields: u8) -> f32 {
    let mut best = 0.0f32;
    let mut sum = 0.0f32;
    for (bit, w) in [
        (FIELD_TITLE, WEIGHT_TITLE),
        (FIELD_KEYWORD, WEIGHT_KEYWORD),
        (FIELD_PUBLISHER, WEIGHT_PUBLISHER),
        (FIELD_DESCRIPTION, WEIGHT_DESCRIPTION),
    ] {
        if fields & bit != 0 {
            best = best.max(w);
            sum += w;
        }
    }
    best + OTHER_MATCHES * (sum - best)
}

#[derive(Clone, Copy, Default)]
struct WordAcc {
    mark: u32,
    best: f32,
    sum: f32,
}

/// Reusable buffers for matching; sized to the number of documents.
pub struct Matcher {
    /// `field_score` of every field mask.
    field_scores: [f32; 16],
    /// Generation counter; a document's entry in `word`/`total` is
    /// valid only when its stamp equals the current generation.
    generation: u32,
    /// Per document for the current word: (generation, best match, sum of
    /// matches), together so that a posting touches one place.
    word: Vec<WordAcc>,
    doc_mark: Vec<u32>,
    matched: Vec<u8>,
    total: Vec<f32>,
    touched: Vec<u32>,
    terms: Vec<(u32, f32)>,
}

impl Matcher {
    pub fn new(n_docs: usize) -> Matcher {
        let mut field_scores = [0.0; 16];
        for (fields, s) in field_scores.iter_mut().enumerate() {
            *s = field_score(fields as u8);
        }
        Matcher {
            field_scores,
            generation: 0,
            word: vec![WordAcc::default(); n_docs],
            doc_mark: vec![0; n_docs],
            matched: vec![0; n_docs],
            total: vec![0.0; n_docs],
            touched: Vec::new(),
            terms: Vec::new(),
        }
    }

    fn next_generation(&mut self) -> u32 {
        if self.generation == u32::MAX {
            self.word.fill(WordAcc::default());
            self.doc_mark.fill(0);
            self.generation = 0;
        }
        self.generation += 1;
        self.generation
    }

    /// Finds the documents matching every word; appends them to `out` (in
    /// no particular order). Their scores are then available from
    /// [`Matcher::score`] until the next call. `words` must not be empty.
    pub fn run(&mut self, index: &Index, words: &[QueryWord], out: &mut Vec<u32>) {
        out.clear();
        if words.is_empty() {
            return;
        }
        let search_gen = self.next_generation();
        for (k, w) in words.iter().enumerate() {
            self.collect_terms(index, w);
            let word_gen = self.next_generation();
            self.touched.clear();
            for &(term, quality) in &self.terms {
                for p in index.postings(term) {
                    let d = p.doc as usize;
                    let s = self.field_scores[(p.fields & 15) as usize] * quality;
                    let acc = &mut self.word[d];
                    if acc.mark != word_gen {
                        *acc = WordAcc {
                            mark: word_gen,
                            best: s,
                            sum: s,
                        };
                        self.touched.push(p.doc);
                    } else {
                        acc.best = acc.best.max(s);
                        acc.sum += s;
                    }
                }
            }
            let mut any = false;
            for &doc in &self.touched {
                let d = doc as usize;
                if k == 0 {
                    self.doc_mark[d] = search_gen;
                    self.matched[d] = 1;
                    self.total[d] = self.word_score(d);
                    any = true;
                } else if self.doc_mark[d] == search_gen && self.matched[d] as usize == k {
                    self.matched[d] += 1;
                    self.total[d] += self.word_score(d);
                    any = true;
                }
            }
            if !any {
                out.clear();
                return;
            }
            if k == 0 {
                out.extend_from_slice(&self.touched);
            }
        }
        let n = words.len();
        // With one word every document found matches.
        if n > 1 {
            out.retain(|&d| self.matched[d as usize] as usize == n);
        }
    }

    /// A document's score for the current word: its best match plus a
    /// little for every further match (another field, another spelling).
    #[inline]
    fn word_score(&self, d: usize) -> f32 {
        let acc = &self.word[d];
        acc.best + OTHER_MATCHES * (acc.sum - acc.best)
    }

    /// The score of a document returned by the last [`Matcher::run`].
    pub fn score(&self, doc: u32) -> f32 {
        self.total[doc as usize]
    }

    /// The terms a word matches, with the best match quality per term.
    fn collect_terms(&mut self, index: &Index, w: &QueryWord) {
        self.terms.clear();
        let exact = index.folded_range(&w.folded);
        for t in exact.clone() {
            let q = if index.lower(t) == w.lower {
                QUALITY_EXACT
            } else {
                QUALITY_FOLDED
            };
            self.terms.push((t, q));
        }
        for t in index
            .terms_with_stem_sv(&w.stem_sv)
            .chain(index.terms_with_stem_en(&w.stem_en))
        {
            if !exact.contains(&t) {
                self.terms.push((t, QUALITY_STEM));
            }
        }
        if w.prefix {
            for t in exact.end..index.prefix_range(&w.folded).end {
                self.terms.push((t, QUALITY_PREFIX));
            }
        }
        // One entry per term, with its best quality.
        self.terms
            .sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        self.terms.dedup_by_key(|t| t.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Vec<QueryWord> {
        parse(s, &Stemmers::new())
    }

    #[test]
    fn parses_words() {
        let w = p("Befolkning i Östersund");
        assert_eq!(w.len(), 3);
        assert_eq!(w[2].lower, "östersund");
        assert_eq!(w[2].folded, "ostersund");
        assert!(w[2].prefix);
        assert!(!w[0].prefix);
    }

    #[test]
    fn trailing_space_completes_the_last_word() {
        let w = p("bibliotek ");
        assert_eq!(w.len(), 1);
        assert!(!w[0].prefix);
        // Trailing punctuation still counts as typing.
        assert!(p("bibliotek.")[0].prefix);
    }

    #[test]
    fn odd_input() {
        assert!(p("").is_empty());
        assert!(p("   ").is_empty());
        assert!(p("!?.,;:-–—()[]{}\"'«»").is_empty());
        assert!(p("🌲🌲🌲").is_empty());
        assert_eq!(p("skog🌲").len(), 1);
        assert!(p("\u{0308}\u{0301}").is_empty());
        assert_eq!(p("O\u{0308}stersund")[0].folded, "ostersund");
        let long = "ö".repeat(10_000);
        assert!(p(&long).is_empty()); // one overlong word
        let many = "ab ".repeat(5_000);
        let w = p(&many);
        // Duplicates collapse; the query is cut after MAX_QUERY_BYTES
        // (here in the middle of an "ab").
        assert_eq!(
            w.iter().map(|w| w.lower.as_str()).collect::<Vec<_>>(),
            ["ab", "a"]
        );
        let distinct: String = (0..10_000).map(|i| format!("w{i} ")).collect();
        let w = p(&distinct);
        assert_eq!(w.len(), MAX_WORDS);
        assert!(!w.last().unwrap().prefix);
        // Multi-byte characters at the truncation point.
        let s = "å".repeat(3_000);
        let _ = p(&s);
        let s = format!("a{}", "å b ".repeat(2_000));
        let _ = p(&s);
    }

    #[test]
    fn duplicate_words_collapse() {
        let w = p("bad Bad BAD");
        assert_eq!(w.len(), 1);
        // The repeated last word was complete the first time.
        assert!(!w[0].prefix);
        assert!(p("bad ba")[1].prefix);
    }
}
