//! The inverted index, built once from the datasets.
//!
//! * a vocabulary of distinct lower-case terms, sorted by their folded form
//!   (then by the lower-case form), so that all terms whose folded form
//!   equals, or starts with, a folded query word form one range found by
//!   binary search;
//! * per term a posting list of (dataset index, field mask), in dataset
//!   order;
//! * folded Swedish and English stem → term lookups (sorted pairs).
//!
//! Searched fields: title (all languages), keywords, description (all
//! languages), publisher name (all languages), and the labels of the
//! themes and licences in Swedish and English.

use super::fxhash::{map_with_capacity, FxHashMap};
use super::normalize::{fold, for_each_word_hinted, lower_hinted};
#[cfg(test)]
use super::normalize::{for_each_word, lower};
use super::stem::Stemmers;
use crate::model::Dataset;
use std::borrow::Cow;
use std::ops::Range;

pub const FIELD_TITLE: u8 = 1;
pub const FIELD_KEYWORD: u8 = 2;
pub const FIELD_DESCRIPTION: u8 = 4;
pub const FIELD_PUBLISHER: u8 = 8;
/// The labels, in Swedish and English, of a dataset's themes and licences
/// (`miljö` and `environment` find an ENVI dataset whose text says
/// neither).
pub const FIELD_CONCEPT: u8 = 16;

/// The words of a dataset's concept labels: its themes' and licences'
/// labels in both languages.
pub fn concept_labels(d: &Dataset) -> impl Iterator<Item = &'static str> + '_ {
    let themes = d.themes.iter().flat_map(|t| {
        ["sv", "en"]
            .into_iter()
            .filter_map(move |lang| crate::vocab::theme_label(t, lang))
    });
    let licences = d
        .licences()
        .filter_map(|l| crate::vocab::licence_label(l, "sv"));
    themes.chain(licences)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    /// `FIELD_*` bits of the fields the term occurs in.
    pub fields: u8,
}

pub struct Index {
    n_docs: usize,
    /// Lower-case spelling per term.
    lower: Vec<Box<str>>,
    /// Folded form per term; the vocabulary is sorted by (folded, lower).
    folded: Vec<Box<str>>,
    /// Per term its postings, in document order. One allocation per term
    /// rather than one flat list: the lists built term by term become the
    /// index in place (each trimmed to its length), so the build never
    /// holds the postings twice; wasm memory keeps its peak.
    postings: Vec<Box<[Posting]>>,
    /// (folded stem, term), sorted.
    stems_sv: Vec<(Box<str>, u32)>,
    stems_en: Vec<(Box<str>, u32)>,
}

/// The first step of [`Index::build`]: term ids in order of first
/// appearance and per term its postings, in document order.
struct Builder<'a> {
    /// Words that are already lower-case are borrowed, not copied.
    ids: FxHashMap<Cow<'a, str>, u32>,
    lists: Vec<Vec<Posting>>,
    buf: String,
}

impl<'a> Builder<'a> {
    /// One document. Not inlined, so that in wasm the engine can optimise
    /// it after the first documents instead of running the whole build as
    /// baseline code.
    #[inline(never)]
    fn add_doc(&mut self, doc: u32, d: &'a Dataset) {
        for t in d.title.all() {
            self.add(doc, t, FIELD_TITLE);
        }
        for (_, k) in &d.keywords {
            self.add(doc, k, FIELD_KEYWORD);
        }
        for t in d.description.all() {
            self.add(doc, t, FIELD_DESCRIPTION);
        }
        if let Some(p) = &d.publisher {
            for t in p.name.all() {
                self.add(doc, t, FIELD_PUBLISHER);
            }
        }
        for label in concept_labels(d) {
            self.add(doc, label, FIELD_CONCEPT);
        }
    }

    fn add(&mut self, doc: u32, text: &'a str, field: u8) {
        let Builder { ids, lists, buf } = self;
        for_each_word_hinted(text, |w, is_lower| {
            let l = lower_hinted(w, is_lower, buf);
            let t = match ids.get(l) {
                Some(&t) => t,
                None => {
                    let t = ids.len() as u32;
                    let key = if std::ptr::eq(l, w) {
                        Cow::Borrowed(w)
                    } else {
                        Cow::Owned(l.to_string())
                    };
                    ids.insert(key, t);
                    lists.push(Vec::new());
                    t
                }
            };
            let list = &mut lists[t as usize];
            match list.last_mut() {
                Some(p) if p.doc == doc => p.fields |= field,
                _ => list.push(Posting { doc, fields: field }),
            }
        });
    }
}

impl Index {
    pub fn build(datasets: &[Dataset], stemmers: &Stemmers) -> Index {
        // 1. Term ids and postings, each (term, doc) once with the fields
        //    OR-ed together.
        let mut b = Builder {
            ids: map_with_capacity(datasets.len().max(16)),
            lists: Vec::new(),
            buf: String::new(),
        };
        for (doc, d) in datasets.iter().enumerate() {
            b.add_doc(doc as u32, d);
        }
        let Builder { ids, mut lists, .. } = b;
        let mut terms: Vec<Cow<'_, str>> = vec![Cow::Borrowed(""); ids.len()];
        for (l, t) in ids {
            terms[t as usize] = l;
        }

        // 2. The vocabulary sorted by (folded, lower) once.
        let folded: Vec<Cow<'_, str>> = terms.iter().map(|l| fold(l)).collect();
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            (&folded[a], &terms[a]).cmp(&(&folded[b], &terms[b]))
        });

        // 3. The posting lists in vocabulary order, moved, not copied.
        let postings: Vec<Box<[Posting]>> = order
            .iter()
            .map(|&old| std::mem::take(&mut lists[old as usize]).into_boxed_slice())
            .collect();
        drop(lists);

        let mut index = Index {
            n_docs: datasets.len(),
            lower: Vec::with_capacity(terms.len()),
            folded: Vec::with_capacity(terms.len()),
            postings,
            stems_sv: Vec::with_capacity(terms.len()),
            stems_en: Vec::with_capacity(terms.len()),
        };
        for (t, &old) in order.iter().enumerate() {
            let t = t as u32;
            let l = &terms[old as usize];
            index.stems_sv.push((stemmers.sv(l).into(), t));
            index.stems_en.push((stemmers.en(l).into(), t));
            index.lower.push(l.as_ref().into());
            index.folded.push(folded[old as usize].as_ref().into());
        }
        index.stems_sv.sort_unstable();
        index.stems_en.sort_unstable();
        index
    }

    pub fn n_docs(&self) -> usize {
        self.n_docs
    }

    pub fn n_terms(&self) -> usize {
        self.lower.len()
    }

    pub fn lower(&self, term: u32) -> &str {
        &self.lower[term as usize]
    }

    pub fn folded(&self, term: u32) -> &str {
        &self.folded[term as usize]
    }

    pub fn postings(&self, term: u32) -> &[Posting] {
        let t = term as usize;
        &self.postings[t]
    }

    /// Terms whose folded form equals `folded`.
    pub fn folded_range(&self, folded: &str) -> Range<u32> {
        let start = self.folded.partition_point(|f| f.as_ref() < folded);
        let end = start + self.folded[start..].partition_point(|f| f.as_ref() == folded);
        start as u32..end as u32
    }

    /// Terms whose folded form starts with `folded` (including equal ones,
    /// which come first).
    pub fn prefix_range(&self, folded: &str) -> Range<u32> {
        let start = self.folded.partition_point(|f| f.as_ref() < folded);
        let end = start + self.folded[start..].partition_point(|f| f.starts_with(folded));
        start as u32..end as u32
    }

    /// Terms with this folded Swedish stem.
    pub fn terms_with_stem_sv(&self, stem: &str) -> impl Iterator<Item = u32> + '_ {
        stem_range(&self.stems_sv, stem)
    }

    /// Terms with this folded English stem.
    pub fn terms_with_stem_en(&self, stem: &str) -> impl Iterator<Item = u32> + '_ {
        stem_range(&self.stems_en, stem)
    }
}

fn stem_range<'a>(stems: &'a [(Box<str>, u32)], stem: &str) -> impl Iterator<Item = u32> + 'a {
    let start = stems.partition_point(|(s, _)| s.as_ref() < stem);
    let len = stems[start..].partition_point(|(s, _)| s.as_ref() == stem);
    stems[start..start + len].iter().map(|&(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Agent, LangText};

    fn ds(title: &str, desc: &str, kw: &[&str], publ: &str) -> Dataset {
        let mut title_t = LangText::new();
        title_t.insert("sv", title);
        Dataset {
            title: title_t,
            description: LangText::plain(desc),
            keywords: kw
                .iter()
                .map(|k| ("sv".to_string(), k.to_string()))
                .collect(),
            publisher: Some(Agent {
                id: None,
                name: LangText::plain(publ),
            }),
            ..Default::default()
        }
    }

    fn index() -> Index {
        let docs = vec![
            ds(
                "Östersund badplatser",
                "Badplatser i kommunen",
                &["bad"],
                "Östersunds kommun",
            ),
            ds("Ostersund karta", "Karta", &["Ostrich"], "Lantmäteriet"),
            ds("Öst", "", &[], ""),
        ];
        Index::build(&docs, &Stemmers::new())
    }

    #[test]
    fn vocabulary_is_sorted_by_folded_form() {
        let i = index();
        for t in 1..i.n_terms() as u32 {
            assert!((i.folded(t - 1), i.lower(t - 1)) < (i.folded(t), i.lower(t)));
        }
    }

    #[test]
    fn folded_and_prefix_ranges() {
        let i = index();
        let r = i.folded_range("ostersund");
        let spellings: Vec<&str> = r.map(|t| i.lower(t)).collect();
        assert_eq!(spellings, ["ostersund", "östersund"]);
        let p: Vec<&str> = i.prefix_range("ost").map(|t| i.lower(t)).collect();
        assert_eq!(
            p,
            ["öst", "ostersund", "östersund", "östersunds", "ostrich"]
        );
        let p2: Vec<&str> = i.prefix_range("os").map(|t| i.lower(t)).collect();
        assert_eq!(p2[0], "öst");
        assert!(i.prefix_range("zzz").is_empty());
        assert!(i.prefix_range("").len() == i.n_terms());
        assert!(i.folded_range("nothing").is_empty());
    }

    #[test]
    fn postings_carry_field_masks() {
        let i = index();
        let t = i.folded_range("badplatser").start;
        assert_eq!(
            i.postings(t),
            &[Posting {
                doc: 0,
                fields: FIELD_TITLE | FIELD_DESCRIPTION
            }]
        );
        let t = i.folded_range("kommun").start;
        assert_eq!(
            i.postings(t),
            &[Posting {
                doc: 0,
                fields: FIELD_PUBLISHER
            }]
        );
        let t = i.folded_range("ostrich").start;
        assert_eq!(
            i.postings(t),
            &[Posting {
                doc: 1,
                fields: FIELD_KEYWORD
            }]
        );
    }

    /// The straightforward build (a sorted map of terms to posting lists)
    /// that `Index::build` must equal.
    fn reference(datasets: &[Dataset]) -> Vec<(String, String, Vec<Posting>)> {
        use std::collections::BTreeMap;
        let mut map: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        for (doc, d) in datasets.iter().enumerate() {
            let doc = doc as u32;
            let fields = d
                .title
                .all()
                .map(|t| (t, FIELD_TITLE))
                .chain(d.keywords.iter().map(|(_, k)| (k.as_str(), FIELD_KEYWORD)))
                .chain(d.description.all().map(|t| (t, FIELD_DESCRIPTION)))
                .chain(
                    d.publisher
                        .iter()
                        .flat_map(|p| p.name.all().map(|t| (t, FIELD_PUBLISHER))),
                )
                .chain(concept_labels(d).map(|t| (t, FIELD_CONCEPT)));
            for (text, field) in fields {
                for_each_word(text, |w| {
                    let list = map.entry(lower(w).into_owned()).or_default();
                    match list.last_mut() {
                        Some(p) if p.doc == doc => p.fields |= field,
                        _ => list.push(Posting { doc, fields: field }),
                    }
                });
            }
        }
        let mut terms: Vec<(String, String, Vec<Posting>)> = map
            .into_iter()
            .map(|(l, p)| (fold(&l).into_owned(), l, p))
            .collect();
        terms.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        terms
    }

    #[test]
    fn build_equals_the_reference() {
        let words = [
            "Öst",
            "öst",
            "Ostersund",
            "östersund",
            "ÖSTERSUND",
            "bad",
            "Bad",
            "badplatser",
            "o\u{0308}st",
            "straße",
            "STRASSE",
            "Ärende",
            "arende",
            "data",
            "DATA",
            "ko",
            "k",
        ];
        let mut docs = Vec::new();
        for i in 0..60usize {
            let pick = |k: usize| words[(i * 7 + k * 5) % words.len()];
            let title = format!("{} {} {}", pick(0), pick(1), pick(0));
            let desc = format!("{}, {}. {}", pick(2), pick(3), pick(1));
            let kw = [pick(4), pick(5)];
            docs.push(ds(&title, &desc, &kw, pick(6)));
        }
        docs.push(ds("", "", &[], ""));
        let i = Index::build(&docs, &Stemmers::new());
        let r = reference(&docs);
        assert_eq!(i.n_terms(), r.len());
        for (t, (f, l, p)) in r.iter().enumerate() {
            let t = t as u32;
            assert_eq!((i.folded(t), i.lower(t)), (f.as_str(), l.as_str()));
            assert_eq!(i.postings(t), p.as_slice());
        }
    }

    #[test]
    fn stem_lookup() {
        let i = index();
        let s = Stemmers::new();
        let terms: Vec<&str> = i
            .terms_with_stem_sv(&s.sv("badplatsen"))
            .map(|t| i.lower(t))
            .collect();
        assert_eq!(terms, ["badplatser"]);
    }
}
