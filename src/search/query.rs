//! Query parsing and text matching.
//!
//! Semantics:
//! * every query word must match (AND), except stop words (`i`, `och`,
//!   `the`, …: [`STOP_WORDS`]), which only add to the score; a query of
//!   nothing but stop words needs them all;
//! * when no dataset matches every word, the datasets matching the most
//!   words are the answer, marked partial (no dead end);
//! * a word matches a term when the lower-case forms are equal (best), the
//!   folded forms are equal, or the folded Swedish or English stems are
//!   equal; the last word also matches every term it is a (folded) prefix
//!   of, so results appear while the person types. A query that ends in
//!   whitespace has no prefix word: the last word is complete.
//! * a word also matches the compounds it is a part of (`skola` →
//!   `högskola`, `högskoleövergångar`; `statistik` → `lönestatistik`),
//!   ranked below the word itself: words of four letters or more (or their
//!   Swedish stem) anywhere inside a term, three-letter words at a term's
//!   start or end. Swedish writes compounds as one word, so a search box
//!   matching whole words only fails its commonest queries.
//! * a document's score is, summed over the query words, the best
//!   (field weight × match quality) over the terms the word matched in it,
//!   plus [`OTHER_MATCHES`] of every further (field, term) match.
//!
//! Matching writes into reusable buffers ([`Matcher`]): no allocation per
//! keystroke beyond the parsed words.

use super::index::{
    Index, FIELD_CONCEPT, FIELD_DESCRIPTION, FIELD_KEYWORD, FIELD_PUBLISHER, FIELD_TITLE,
};
use super::normalize::{fold, for_each_word, lower};
use super::stem::Stemmers;

/// At most this many words of a query are used.
pub const MAX_WORDS: usize = 16;
/// Only this much of a query string is looked at (a search box, not a
/// document).
pub const MAX_QUERY_BYTES: usize = 1024;

pub const WEIGHT_TITLE: f32 = 10.0;
pub const WEIGHT_KEYWORD: f32 = 4.0;
pub const WEIGHT_PUBLISHER: f32 = 3.0;
/// Theme and licence labels: a curated word for what the dataset is
/// about, so a whole-word match here outranks a compound part in a title.
pub const WEIGHT_CONCEPT: f32 = 3.0;
pub const WEIGHT_DESCRIPTION: f32 = 1.0;

/// How much a further match (another field, another term) of a query word
/// adds, relative to its weight; the best match counts fully.
pub const OTHER_MATCHES: f32 = 0.1;

pub const QUALITY_EXACT: f32 = 1.0;
pub const QUALITY_FOLDED: f32 = 0.85;
pub const QUALITY_STEM: f32 = 0.7;
pub const QUALITY_PREFIX: f32 = 0.5;
pub const QUALITY_COMPOUND: f32 = 0.25;
/// The other language's word for it (the glossary).
pub const QUALITY_TRANSLATION: f32 = 0.6;
pub const QUALITY_TYPO: f32 = 0.2;

/// Words of this many letters match within one edit, and from
/// [`TYPO_TWO`] within two; shorter words, and words with digits (years,
/// codes), only as written.
const TYPO_ONE: usize = 5;
const TYPO_TWO: usize = 9;

/// Words that do not have to match (Swedish and English function words):
/// "befolkningen i kommunerna" is about population and municipalities.
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "all", "an", "and", "are", "as", "at", "av", "be", "by", "de", "den", "det",
    "du", "efter", "en", "ett", "for", "from", "fran", "för", "från", "har", "hur", "i", "in",
    "is", "it", "med", "men", "mot", "och", "of", "om", "on", "or", "per", "pa", "på", "som",
    "the", "till", "to", "under", "ur", "vad", "var", "vid", "what", "with", "är", "åt", "över",
];

/// At most this many matched words are reported for highlighting (a
/// one-letter prefix matches thousands).
pub const MAX_SHOWN_TERMS: usize = 256;

/// Shortest word matched inside compounds anywhere; shorter words only
/// at a compound's start or end, and never shorter than this.
const COMPOUND_ANYWHERE: usize = 4;
const COMPOUND_AT_EDGE: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    pub lower: String,
    pub folded: String,
    pub stem_sv: String,
    pub stem_en: String,
    /// Also matches terms it is a prefix of.
    pub prefix: bool,
    /// A stop word: need not match.
    pub stop: bool,
    /// The bilingual glossary's words for it in the other language.
    pub translations: Vec<&'static str>,
    /// For a misspelt word no term is close to: the Swedish stem of a
    /// spelling one edit away that the catalogue has in some inflection
    /// (`pendlnig` → `pendling` → `pendl`, found in `pendlare`).
    pub respelled_stem: Option<String>,
    /// The vocabulary's terms within the typo budget ([`near_terms`]), once
    /// a step needed them: splitting, respelling and matching ask the same
    /// question of the same vocabulary scan.
    pub near: Option<Vec<u32>>,
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
        let (folded, stem_sv, stem_en) = (fold(&l).into_owned(), stemmers.sv(&l), stemmers.en(&l));
        words.push(QueryWord {
            translations: super::glossary::translations(stemmers, &folded, &stem_sv, &stem_en),
            folded,
            stem_sv,
            stem_en,
            stop: STOP_WORDS.contains(&l.as_ref()),
            lower: l.into_owned(),
            prefix: false,
            respelled_stem: None,
            near: None,
        });
    });
    let ends_in_word = text.chars().next_back().is_some_and(|c| !c.is_whitespace());
    if !truncated && !last_was_duplicate && ends_in_word {
        if let Some(last) = words.last_mut() {
            last.prefix = true;
            // Still being typed: "i" may become "inkomst".
            last.stop = false;
        }
    }
    // A query of nothing but stop words searches them.
    if words.iter().all(|w| w.stop) {
        words.iter_mut().for_each(|w| w.stop = false);
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
        (FIELD_CONCEPT, WEIGHT_CONCEPT),
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
    field_scores: [f32; 32],
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
    /// Every term the last query's words matched.
    shown: Vec<u32>,
}

impl Matcher {
    pub fn new(n_docs: usize) -> Matcher {
        let mut field_scores = [0.0; 32];
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
            shown: Vec::new(),
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

    /// Finds the documents matching every word that is not a stop word;
    /// appends them to `out` (in no particular order) and returns `false`.
    /// When there are none, appends the documents matching the most of
    /// those words instead and returns `true` (a partial answer). Their
    /// scores are then available from [`Matcher::score`] until the next
    /// call. `words` must not be empty.
    pub fn run(&mut self, index: &Index, words: &[QueryWord], out: &mut Vec<u32>) -> bool {
        out.clear();
        if words.is_empty() {
            return false;
        }
        let search_gen = self.next_generation();
        self.shown.clear();
        // Every document any word matched: how many required words it
        // matched and its score so far.
        let candidates = out;
        for w in words {
            self.collect_terms(index, w);
            if self.shown.len() < MAX_SHOWN_TERMS {
                let room = MAX_SHOWN_TERMS - self.shown.len();
                self.shown
                    .extend(self.terms.iter().take(room).map(|&(t, _)| t));
            }
            let word_gen = self.next_generation();
            self.touched.clear();
            for &(term, quality) in &self.terms {
                for p in index.postings(term) {
                    let d = p.doc as usize;
                    let s = self.field_scores[(p.fields & 31) as usize] * quality;
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
            // A rarer word says more about what is wanted: "arbetslöshet"
            // weighs more than "statistik", which a catalogue of statistics
            // has everywhere (inverse document frequency).
            let rarity = (1.0 + index.n_docs() as f32 / self.touched.len().max(1) as f32).ln();
            for &doc in &self.touched {
                let d = doc as usize;
                if self.doc_mark[d] != search_gen {
                    self.doc_mark[d] = search_gen;
                    self.matched[d] = 0;
                    self.total[d] = 0.0;
                    candidates.push(doc);
                }
                if !w.stop {
                    self.matched[d] = self.matched[d].saturating_add(1);
                }
                self.total[d] += self.word_score(d) * rarity;
            }
        }
        let required = words
            .iter()
            .filter(|w| !w.stop)
            .count()
            .min(u8::MAX as usize) as u8;
        let most = candidates
            .iter()
            .map(|&d| self.matched[d as usize])
            .max()
            .unwrap_or(0);
        if most == 0 {
            candidates.clear();
            return false;
        }
        candidates.retain(|&d| self.matched[d as usize] == most);
        most < required
    }

    /// A document's score for the current word: its best match plus a
    /// little for every further match (another field, another spelling).
    #[inline]
    fn word_score(&self, d: usize) -> f32 {
        let acc = &self.word[d];
        acc.best + OTHER_MATCHES * (acc.sum - acc.best)
    }

    /// The terms the last [`Matcher::run`] matched, lower-case, sorted.
    pub fn matched_terms(&self, index: &Index) -> Vec<String> {
        let mut terms: Vec<String> = self
            .shown
            .iter()
            .map(|&t| index.lower(t).to_string())
            .collect();
        terms.sort_unstable();
        terms.dedup();
        terms
    }

    /// An empty query matched no terms.
    pub fn forget_terms(&mut self) {
        self.shown.clear();
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
            // A word typed with å, ä, ö means them: `miljö` goes on to
            // `miljöer`, not to `miljoner`. Typed without, it may be either.
            let typed_diacritics = w.lower != w.folded;
            for t in exact.end..index.prefix_range(&w.folded).end {
                if !typed_diacritics || index.lower(t).starts_with(w.lower.as_str()) {
                    self.terms.push((t, QUALITY_PREFIX));
                }
            }
        }
        self.collect_compounds(index, w);
        self.collect_translations(index, w);
        // Typos only when the word found nothing as written: a word that
        // matches needs no guessing, and guessing costs a vocabulary scan.
        if self.terms.is_empty() {
            self.collect_typos(index, w);
        }
        // One entry per term, with its best quality.
        self.terms
            .sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        self.terms.dedup_by_key(|t| t.0);
    }
}

impl Matcher {
    /// Terms for the glossary's words in the other language.
    fn collect_translations(&mut self, index: &Index, w: &QueryWord) {
        for other in &w.translations {
            let folded = fold(other);
            for t in index.folded_range(&folded) {
                self.terms.push((t, QUALITY_TRANSLATION));
            }
        }
    }

    /// Terms within one edit (words of [`TYPO_ONE`] letters or more) or two
    /// ([`TYPO_TWO`] or more) of the word: insertion, deletion,
    /// substitution, transposition of neighbours.
    fn collect_typos(&mut self, index: &Index, w: &QueryWord) {
        match &w.near {
            Some(near) => self.terms.extend(near.iter().map(|&t| (t, QUALITY_TYPO))),
            None => {
                for t in near_terms(index, w) {
                    self.terms.push((t, QUALITY_TYPO));
                }
            }
        }
        if let Some(stem) = &w.respelled_stem {
            for t in index.terms_with_stem_sv(stem) {
                self.terms.push((t, QUALITY_TYPO));
            }
        }
    }

    /// The compounds a word is a part of (see the module's semantics). One
    /// pass over the vocabulary: a few thousand terms for an agency's
    /// registry, well under a millisecond.
    fn collect_compounds(&mut self, index: &Index, w: &QueryWord) {
        let len = w.folded.chars().count();
        if len < COMPOUND_AT_EDGE || is_code(&w.folded) {
            return;
        }
        // The stem is folded already (`Stemmers::sv`).
        let stem = (w.stem_sv.chars().count() >= COMPOUND_ANYWHERE && w.stem_sv != w.folded)
            .then_some(w.stem_sv.as_str());
        let typed_diacritics = w.lower != w.folded;
        let stem_lower = stem.and_then(|s| {
            let n = s.chars().count();
            w.lower.char_indices().nth(n).map(|(at, _)| &w.lower[..at])
        });
        for t in 0..index.n_terms() as u32 {
            let term = index.folded(t);
            if term.len() <= w.folded.len() {
                continue;
            }
            let part = if len >= COMPOUND_ANYWHERE {
                let folded_part =
                    term.contains(w.folded.as_str()) || stem.is_some_and(|s| term.contains(s));
                // Typed with å, ä, ö, the part must have them too
                // (`miljö` in `arbetsmiljö`, not in `miljoner`); the stem
                // is the word's beginning, so its unfolded spelling is that
                // many letters of the word.
                folded_part
                    && (!typed_diacritics || {
                        let lower = index.lower(t);
                        lower.contains(w.lower.as_str())
                            || stem_lower.is_some_and(|s| lower.contains(s))
                    })
            } else {
                // Short words: only whole compound parts at an edge, in the
                // unfolded spelling ("lön" in "lönestatistik", not "kolon").
                let lower = index.lower(t);
                lower.starts_with(w.lower.as_str()) || lower.ends_with(w.lower.as_str())
            };
            if part {
                self.terms.push((t, QUALITY_COMPOUND));
            }
        }
    }
}

/// A number or code (a year, `sni2007`): matched only as written, never as
/// a compound part, a typo or a suggestion.
fn is_code(folded: &str) -> bool {
    folded.chars().any(|c| c.is_ascii_digit())
}

/// How many edits a word may be off by (0: none).
fn typo_budget(folded: &str) -> usize {
    if is_code(folded) {
        return 0;
    }
    match folded.chars().count() {
        n if n >= TYPO_TWO => 2,
        n if n >= TYPO_ONE => 1,
        _ => 0,
    }
}

/// The terms a word may be a typo of: within its typo budget, as a prefix
/// while it is being typed.
pub fn near_terms(index: &Index, w: &QueryWord) -> Vec<u32> {
    close_terms(index, &w.folded, typo_budget(&w.folded), w.prefix).collect()
}

/// Vocabulary terms within `k` edits of `folded` (optimal string
/// alignment distance, on folded forms); with `prefix`, terms that begin
/// within `k` edits of it (a word still being typed: `pendlnig` →
/// `pendlingsstatistik`).
pub fn close_terms<'a>(
    index: &'a Index,
    folded: &str,
    k: usize,
    prefix: bool,
) -> impl Iterator<Item = u32> + 'a {
    let query: Vec<char> = if k == 0 {
        Vec::new()
    } else {
        folded.chars().collect()
    };
    let mut rows = [Vec::new(), Vec::new(), Vec::new()];
    let mut term_chars: Vec<char> = Vec::new();
    (0..index.n_terms() as u32).filter(move |&t| {
        if query.is_empty() {
            return false;
        }
        let term = index.folded(t);
        // Cheap length check first (bytes bound chars from above).
        if term.len() + k < query.len()
            || (!prefix && term.chars().count().abs_diff(query.len()) > k)
        {
            return false;
        }
        term_chars.clear();
        term_chars.extend(term.chars());
        if prefix {
            // Compare with the term's beginning, a little longer than the
            // word so that an insertion still lines up.
            let end = term_chars.len().min(query.len() + k);
            within_edits(&query, &term_chars[..end], k, true, &mut rows)
        } else {
            within_edits(&query, &term_chars, k, false, &mut rows)
        }
    })
}

/// Whether `a` and `b` are at most `k` edits apart (insertions, deletions,
/// substitutions, transpositions of neighbours), or with `prefix`, `a` and
/// some beginning of `b`; stops as soon as every alignment is over budget.
fn within_edits(
    a: &[char],
    b: &[char],
    k: usize,
    prefix: bool,
    rows: &mut [Vec<usize>; 3],
) -> bool {
    if a == b {
        return true;
    }
    let (n, m) = (a.len(), b.len());
    if (!prefix && n.abs_diff(m) > k) || m + k < n {
        return false;
    }
    for r in rows.iter_mut() {
        r.clear();
        r.resize(m + 1, 0);
    }
    for (j, x) in rows[1].iter_mut().enumerate() {
        *x = j;
    }
    for i in 1..=n {
        rows.rotate_left(1);
        // rows[0]: i-2, rows[1]: i-1, rows[2]: i (being written).
        rows[2][0] = i;
        let mut best = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[1][j] + 1)
                .min(rows[2][j - 1] + 1)
                .min(rows[1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[0][j - 2] + 1);
            }
            rows[2][j] = d;
            best = best.min(d);
        }
        if best > k {
            return false;
        }
    }
    if prefix {
        rows[2].iter().any(|&d| d <= k)
    } else {
        rows[2][m] <= k
    }
}

/// Splits query words the catalogue does not have as written into the
/// compound parts it does have, written apart: `lönestatistik` → `lön`
/// `statistik` (a linking `-s-` or `-e-` dropped, as in
/// `befolkningstäthet`, `lönestatistik`). Both parts must then match.
pub fn split_compounds(words: &mut Vec<QueryWord>, index: &Index, stemmers: &Stemmers) {
    // Whether the catalogue has a word (lower-case) as written, as a
    // Swedish inflection, or (typing) as the start of one.
    let known = |lower: &str, prefix: bool| {
        let folded = fold(lower);
        !index.folded_range(&folded).is_empty()
            || (prefix && !index.prefix_range(&folded).is_empty())
            || index
                .terms_with_stem_sv(&stemmers.sv(lower))
                .next()
                .is_some()
    };
    // A first part the catalogue has only inside its own compounds
    // (`skol` in `högskoleövergångar`, `kvinno` in `kvinnors`): one
    // vocabulary scan, only for words it does not have as written.
    let known_inside = |lower: &str| {
        let folded = fold(lower);
        folded.chars().count() >= COMPOUND_ANYWHERE
            && (0..index.n_terms() as u32).any(|t| index.folded(t).contains(folded.as_ref()))
    };
    let mut out = Vec::with_capacity(words.len());
    for w in words.drain(..) {
        // Filled when the split asks whether the word is a typo.
        let mut near: Option<Vec<u32>> = None;
        let chars: Vec<(usize, char)> = w.lower.char_indices().collect();
        let splittable = !w.stop && chars.len() >= 6 && !known(&w.lower, w.prefix);
        let split = splittable
            .then(|| {
                // The longest first part that works, so `lönestatistik`
                // splits before `statistik`, not inside it.
                (3..=chars.len() - 3).rev().find_map(|i| {
                    let at = chars[i].0;
                    let (left, right) = (&w.lower[..at], &w.lower[at..]);
                    if !known(right, w.prefix) {
                        return None;
                    }
                    let linked = left
                        .strip_suffix('s')
                        .or_else(|| left.strip_suffix('e'))
                        .filter(|l| l.chars().count() >= 3);
                    let candidates = || [Some(left), linked].into_iter().flatten();
                    candidates()
                        .find(|l| known(l, false))
                        .or_else(|| candidates().find(|l| known_inside(l)))
                        .map(|l| (l.to_string(), right.to_string()))
                })
            })
            .flatten()
            .or_else(|| {
                // A compound whose last part the catalogue lacks
                // (`löneutveckling`): its first part written apart, so the
                // answer shows what matches some of it, saying so, rather
                // than nothing. Not when the word is a typo of a term.
                if !splittable {
                    return None;
                }
                let typo = !near.insert(near_terms(index, &w)).is_empty();
                (!typo)
                    .then(|| {
                        (3..=chars.len() - 4).rev().find_map(|i| {
                            let at = chars[i].0;
                            let (left, right) = (&w.lower[..at], &w.lower[at..]);
                            let linked = left
                                .strip_suffix('s')
                                .or_else(|| left.strip_suffix('e'))
                                .filter(|l| l.chars().count() >= 3);
                            [Some(left), linked]
                                .into_iter()
                                .flatten()
                                .find(|l| known(l, false))
                                .map(|l| (l.to_string(), right.to_string()))
                        })
                    })
                    .flatten()
            });
        match split {
            Some((left, right)) => {
                let part = |text: &str, prefix: bool| {
                    let (folded, stem_sv, stem_en) = (
                        fold(text).into_owned(),
                        stemmers.sv(text),
                        stemmers.en(text),
                    );
                    QueryWord {
                        translations: super::glossary::translations(
                            stemmers, &folded, &stem_sv, &stem_en,
                        ),
                        lower: text.to_string(),
                        folded,
                        stem_sv,
                        stem_en,
                        prefix,
                        stop: false,
                        respelled_stem: None,
                        near: None,
                    }
                };
                out.push(part(&left, false));
                out.push(part(&right, w.prefix));
            }
            None => {
                let mut w = w;
                w.near = w.near.or(near);
                out.push(w)
            }
        }
    }
    *words = out;
}

/// Finds [`QueryWord::respelled_stem`] for the words that need it: long
/// enough for a typo, unknown to the catalogue, and no term within the typo
/// budget. Each spelling one edit away (about 60 per letter) is stemmed and
/// looked up; only words that would otherwise find nothing pay for it.
pub fn respell(words: &mut [QueryWord], index: &Index, stemmers: &Stemmers) {
    for w in words.iter_mut() {
        let k = typo_budget(&w.folded);
        if w.stop
            || k == 0
            || !index.folded_range(&w.folded).is_empty()
            || (w.prefix && !index.prefix_range(&w.folded).is_empty())
            || index.terms_with_stem_sv(&w.stem_sv).next().is_some()
        {
            continue;
        }
        if w.near.is_none() {
            w.near = Some(near_terms(index, w));
        }
        if w.near.as_ref().is_some_and(|n| !n.is_empty()) {
            continue;
        }
        let chars: Vec<char> = w.folded.chars().collect();
        let mut candidate = String::with_capacity(w.folded.len() + 4);
        let mut found = None;
        one_edit_away(&chars, |spelling| {
            if found.is_some() {
                return;
            }
            candidate.clear();
            candidate.extend(spelling);
            let stem = stemmers.sv(&candidate);
            if stem.chars().count() >= COMPOUND_ANYWHERE
                && index.terms_with_stem_sv(&stem).next().is_some()
            {
                found = Some(stem);
            }
        });
        w.respelled_stem = found;
    }
}

/// Calls `each` with every spelling one edit from `word` (a neighbour
/// swap, a letter dropped, replaced or added; letters a–z, the folded
/// alphabet), the cheap edits first.
fn one_edit_away(word: &[char], mut each: impl FnMut(&[char])) {
    let mut buf: Vec<char> = Vec::with_capacity(word.len() + 1);
    for i in 1..word.len() {
        buf.clear();
        buf.extend_from_slice(word);
        buf.swap(i - 1, i);
        each(&buf);
    }
    for i in 0..word.len() {
        buf.clear();
        buf.extend_from_slice(word);
        buf.remove(i);
        each(&buf);
    }
    for i in 0..=word.len() {
        for c in 'a'..='z' {
            buf.clear();
            buf.extend_from_slice(word);
            if i < word.len() {
                buf[i] = c;
                each(&buf);
                buf.clear();
                buf.extend_from_slice(word);
            }
            buf.insert(i, c);
            each(&buf);
        }
    }
}

/// For a query that found nothing: each word replaced by the vocabulary's
/// closest term (within two edits, the most used one), if any word changes.
pub fn suggest(index: &Index, words: &[QueryWord]) -> Option<String> {
    let mut changed = false;
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let len = w.folded.chars().count();
        let guessable = len >= 3 && !is_code(&w.folded) && index.folded_range(&w.folded).is_empty();
        let k = if len >= TYPO_ONE { 2 } else { 1 };
        let best = guessable
            .then(|| {
                close_terms(index, &w.folded, k, false)
                    .max_by_key(|&t| (index.postings(t).len(), std::cmp::Reverse(t)))
            })
            .flatten();
        match best {
            Some(t) => {
                changed = true;
                out.push(index.lower(t).to_string());
            }
            None => out.push(w.lower.clone()),
        }
    }
    changed.then(|| out.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_counted_as_a_person_makes_them() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        let mut rows = [Vec::new(), Vec::new(), Vec::new()];
        let mut within = |a: &str, b: &str, k| within_edits(&c(a), &c(b), k, false, &mut rows);
        assert!(within("befolkninng", "befolkning", 1)); // one letter doubled
        assert!(within("befolknign", "befolkning", 1)); // neighbours swapped
        assert!(within("befolkning", "befolkming", 1)); // substituted
        assert!(within("befolkning", "befolkin", 2));
        assert!(!within("befolkning", "befolkin", 1));
        assert!(!within("skola", "skolor", 0));
        assert!(within("skola", "skolor", 2));
        assert!(within("", "", 0));
    }

    #[test]
    fn typo_budget_grows_with_length_and_spares_numbers() {
        assert_eq!(typo_budget("skol"), 0);
        assert_eq!(typo_budget("skola"), 1);
        assert_eq!(typo_budget("befolkning"), 2);
        assert_eq!(typo_budget("2024"), 0);
        assert_eq!(typo_budget("sni2007x"), 0);
    }

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
