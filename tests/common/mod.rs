//! Shared by the search tests: a brute-force oracle that every search
//! response (total, hits, disjunctive facet counts) must agree with.
//!
//! The oracle is independent of the code it checks: it never calls anything
//! under `src/search` or `src/vocab`. It reads the datasets' fields itself
//! (publisher key, themes, formats, licences, access rights) with its own
//! small rules, and matches text by its own simple rule: a dataset matches
//! when every whitespace-separated query word, lower-cased and folded,
//! occurs as a substring of the dataset's folded searchable text. That is
//! not the engine's text semantics (whole words, stems, prefix on the last
//! word), so callers pick queries for which the two agree; the oracle is
//! about facets and filters, the text semantics are tested elsewhere.

// Each test crate uses a different part of this module.
#![allow(dead_code)]

use open_data_catalogue::model::Dataset;
use open_data_catalogue::search::{Engine, Facet, Request};
use open_data_catalogue::vocab;

/// Lower-cases and drops diacritics, written out here rather than taken
/// from the engine: å, ä, à, á → a; ö, ø, ó, ò → o; é, è, ê, ë → e; etc.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' | 'ā' => out.push('a'),
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' | 'ō' => out.push('o'),
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => out.push('e'),
            'ü' | 'ú' | 'ù' | 'û' | 'ů' => out.push('u'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ý' | 'ÿ' => out.push('y'),
            'ç' | 'č' | 'ć' => out.push('c'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'š' | 'ś' | 'ş' => out.push('s'),
            'ž' | 'ź' | 'ż' => out.push('z'),
            'ř' => out.push('r'),
            'ł' => out.push('l'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            // Combining diacritical marks (decomposed text).
            '\u{0300}'..='\u{036F}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A format label from a distribution's `format` or `mediaType`, by a rule
/// just big enough for the formats in the test data: an EU file-type IRI
/// gives its last path segment upper-cased, a media type its common name,
/// a plain string itself upper-cased. Anything else panics, so a new kind
/// of format in the test data gets a rule here instead of a silent guess.
pub fn format_label(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    if let Some(code) = lower
        .strip_prefix("http://publications.europa.eu/resource/authority/file-type/")
        .or_else(|| {
            lower.strip_prefix("https://publications.europa.eu/resource/authority/file-type/")
        })
    {
        return Some(code.trim_end_matches('/').to_ascii_uppercase());
    }
    if s.contains('/') {
        let label = match lower.as_str() {
            "text/csv" => "CSV",
            "application/json" => "JSON",
            "application/xml" | "text/xml" => "XML",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "XLSX",
            "application/x-pc-axis" => "PX",
            "application/pdf" => "PDF",
            "application/zip" => "ZIP",
            _ => panic!("the oracle has no rule for the format {raw:?}: add one"),
        };
        return Some(label.to_string());
    }
    Some(s.to_uppercase())
}

/// One dataset's values of one facet, read from the data model directly:
/// trimmed, blanks dropped, each value once.
pub fn facet_values(d: &Dataset, facet: Facet) -> Vec<String> {
    let raw: Vec<String> = match facet {
        // The model groups publishers by their IRI, or by their first name
        // when they have none (`model::Agent::id`).
        Facet::Publisher => d
            .publisher
            .iter()
            .filter_map(|p| match &p.id {
                Some(id) => Some(id.clone()),
                None => p.name.0.first().map(|(_, n)| n.clone()),
            })
            .collect(),
        Facet::Theme => d.themes.clone(),
        // A distribution's format, else its media type.
        Facet::Format => d
            .distributions
            .iter()
            .filter_map(|x| {
                x.format
                    .as_deref()
                    .and_then(format_label)
                    .or_else(|| x.media_type.as_deref().and_then(format_label))
            })
            .collect(),
        // The dataset's licence and its distributions' licences.
        Facet::License => d
            .license
            .iter()
            .chain(d.distributions.iter().filter_map(|x| x.license.as_ref()))
            .cloned()
            .collect(),
        Facet::AccessRights => d.access_rights.iter().cloned().collect(),
        // MQA's bands (of 405 points) on the share of the maximum, written
        // out here rather than taken from `quality`.
        Facet::Quality => d
            .quality
            .iter()
            .map(|q| {
                let share = |band: u32| q.max > 0 && q.points * 405 >= band * q.max;
                if share(351) {
                    "excellent"
                } else if share(221) {
                    "good"
                } else if share(121) {
                    "sufficient"
                } else {
                    "bad"
                }
                .to_string()
            })
            .collect(),
    };
    let mut out: Vec<String> = Vec::new();
    for v in raw {
        let v = v.trim();
        if !v.is_empty() && !out.iter().any(|o| o == v) {
            out.push(v.to_string());
        }
    }
    out
}

/// The text a query is matched against: titles in all languages,
/// keywords, descriptions in all languages, the publisher's names in all
/// languages and the labels of the themes (Swedish and English) and
/// licences (the fields the engine indexes), folded, one field a line.
/// The labels come from `vocab`, the reader/label tables, not from the
/// search engine this oracle checks.
pub fn searchable_text(d: &Dataset) -> String {
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(d.title.0.iter().map(|(_, t)| t.as_str()));
    parts.extend(d.keywords.iter().map(|(_, k)| k.as_str()));
    parts.extend(d.description.0.iter().map(|(_, t)| t.as_str()));
    if let Some(p) = &d.publisher {
        parts.extend(p.name.0.iter().map(|(_, t)| t.as_str()));
    }
    for theme in &d.themes {
        parts.extend(
            ["sv", "en"]
                .into_iter()
                .filter_map(|l| vocab::theme_label(theme, l)),
        );
    }
    let licences = d
        .license
        .iter()
        .chain(d.distributions.iter().filter_map(|x| x.license.as_ref()));
    parts.extend(licences.filter_map(|l| vocab::licence_label(l, "sv")));
    fold(&parts.join("\n"))
}

/// Everything the oracle needs about a catalogue, computed once.
pub struct Oracle {
    /// Per dataset, per facet (in `Facet::ALL` order), its values.
    values: Vec<[Vec<String>; Facet::COUNT]>,
    /// Per dataset, its folded searchable text.
    text: Vec<String>,
    /// Per facet, every value in the data, sorted and distinct.
    all: [Vec<String>; Facet::COUNT],
}

fn slot(facet: Facet) -> usize {
    Facet::ALL.iter().position(|&f| f == facet).unwrap()
}

impl Oracle {
    pub fn new(data: &[Dataset]) -> Oracle {
        let values: Vec<[Vec<String>; Facet::COUNT]> = data
            .iter()
            .map(|d| Facet::ALL.map(|f| facet_values(d, f)))
            .collect();
        let all = Facet::ALL.map(|f| {
            let mut all: Vec<String> = values.iter().flat_map(|v| v[slot(f)].clone()).collect();
            all.sort();
            all.dedup();
            all
        });
        Oracle {
            values,
            text: data.iter().map(searchable_text).collect(),
            all,
        }
    }

    /// Every value of `facet` in the data, sorted.
    pub fn values(&self, facet: Facet) -> &[String] {
        &self.all[slot(facet)]
    }

    /// Datasets whose folded text contains every folded query word.
    pub fn text_matches(&self, text: &str) -> Vec<u32> {
        let words: Vec<String> = text.split_whitespace().map(fold).collect();
        (0..self.text.len() as u32)
            .filter(|&d| {
                words
                    .iter()
                    .all(|w| self.text[d as usize].contains(w.as_str()))
            })
            .collect()
    }

    /// Whether dataset `doc` passes every facet filter but `skip`'s: OR
    /// within a facet, AND across facets; an empty selection filters
    /// nothing.
    fn passes(&self, doc: u32, filters: &[(Facet, Vec<String>)], skip: Option<Facet>) -> bool {
        Facet::ALL.iter().filter(|&&f| Some(f) != skip).all(|&f| {
            let selected: Vec<&String> = filters
                .iter()
                .filter(|(g, _)| *g == f)
                .flat_map(|(_, v)| v)
                .collect();
            selected.is_empty()
                || self.values[doc as usize][slot(f)]
                    .iter()
                    .any(|v| selected.contains(&v))
        })
    }

    /// The expected facet list: every value in the data and every selected
    /// one, with its disjunctive count over `matches`, sorted by count
    /// (highest first), then key.
    fn expected_counts(
        &self,
        matches: &[u32],
        filters: &[(Facet, Vec<String>)],
        facet: Facet,
    ) -> Vec<(String, u32)> {
        let mut keys: Vec<String> = self.values(facet).to_vec();
        for (_, vals) in filters.iter().filter(|(g, _)| *g == facet) {
            keys.extend(vals.iter().cloned());
        }
        keys.sort();
        keys.dedup();
        let mut out: Vec<(String, u32)> = keys
            .into_iter()
            .map(|k| {
                let n = matches
                    .iter()
                    .filter(|&&d| {
                        self.passes(d, filters, Some(facet))
                            && self.values[d as usize][slot(facet)].contains(&k)
                    })
                    .count();
                (k, n as u32)
            })
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }
}

fn request(text: &str, filters: &[(Facet, Vec<String>)]) -> Request {
    Request {
        text: text.into(),
        filters: filters.to_vec().into(),
        limit: usize::MAX,
        ..Default::default()
    }
}

/// Checks the engine's answer to `text` with `filters` against the oracle:
/// total, the set of hits, and every facet's list of (value, count), which
/// must hold every value of the data and every selected one (a selected
/// value that is not in the data with count 0), sorted by count, then key.
pub fn check_against_brute_force(
    oracle: &Oracle,
    e: &mut Engine,
    text: &str,
    filters: &[(Facet, Vec<String>)],
) {
    let matches = oracle.text_matches(text);
    let r = e.search(&request(text, filters));

    let expected: Vec<u32> = matches
        .iter()
        .copied()
        .filter(|&d| oracle.passes(d, filters, None))
        .collect();
    let mut got = r.hits.clone();
    got.sort_unstable();
    assert_eq!(r.total, expected.len(), "total for {text:?} {filters:?}");
    assert_eq!(got, expected, "hits for {text:?} {filters:?}");

    assert_eq!(
        r.facets.iter().map(|f| f.facet).collect::<Vec<_>>(),
        Facet::ALL
    );
    for fc in &r.facets {
        // Sorted by count (highest first), then key; each value once.
        for w in fc.values.windows(2) {
            assert!(
                w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0),
                "{:?} order: {:?} before {:?} for {text:?} {filters:?}",
                fc.facet,
                w[0],
                w[1]
            );
        }
        assert_eq!(
            fc.values,
            oracle.expected_counts(&matches, filters, fc.facet),
            "{:?} counts for {text:?} {filters:?}",
            fc.facet
        );
        // A selected value that is not in the data is listed with count 0
        // and, selected alone, matches nothing.
        for (_, vals) in filters.iter().filter(|(g, _)| *g == fc.facet) {
            for v in vals {
                if oracle.values(fc.facet).contains(v) {
                    continue;
                }
                assert!(
                    fc.values.contains(&(v.clone(), 0)),
                    "absent {:?} value {v:?} listed with 0 for {text:?} {filters:?}",
                    fc.facet
                );
                let alone = e.search(&request(text, &[(fc.facet, vec![v.clone()])]));
                assert_eq!(
                    (alone.total, alone.hits.len()),
                    (0, 0),
                    "absent {:?} value {v:?} matches nothing for {text:?}",
                    fc.facet
                );
            }
        }
    }
}
