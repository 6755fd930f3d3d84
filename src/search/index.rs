//! The inverted index, built once from the datasets.
//!
//! * a vocabulary of distinct lower-case terms, sorted by their folded form
//!   (then by the lower-case form), so that all terms whose folded form
//!   equals, or starts with, a folded query word form one range found by
//!   binary search;
//! * per term a posting list of (dataset index, field mask), in dataset
//!   order, all lists stored back to back in one vector;
//! * folded Swedish and English stem → term lookups (sorted pairs).
//!
//! Searched fields: title (all languages), keywords, description (all
//! languages), publisher name (all languages).

use super::normalize::{fold, for_each_word, lower};
use super::stem::Stemmers;
use crate::model::Dataset;
use std::collections::BTreeMap;
use std::ops::Range;

pub const FIELD_TITLE: u8 = 1;
pub const FIELD_KEYWORD: u8 = 2;
pub const FIELD_DESCRIPTION: u8 = 4;
pub const FIELD_PUBLISHER: u8 = 8;

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
    /// `postings[post_start[t]..post_start[t + 1]]` is term `t`'s list.
    post_start: Vec<u32>,
    postings: Vec<Posting>,
    /// (folded stem, term), sorted.
    stems_sv: Vec<(Box<str>, u32)>,
    stems_en: Vec<(Box<str>, u32)>,
}

impl Index {
    pub fn build(datasets: &[Dataset], stemmers: &Stemmers) -> Index {
        let mut map: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        for (doc, d) in datasets.iter().enumerate() {
            let doc = doc as u32;
            let mut add = |text: &str, field: u8| {
                for_each_word(text, |w| {
                    let l = lower(w);
                    let list = match map.get_mut(l.as_ref()) {
                        Some(list) => list,
                        None => map.entry(l.into_owned()).or_default(),
                    };
                    match list.last_mut() {
                        Some(p) if p.doc == doc => p.fields |= field,
                        _ => list.push(Posting { doc, fields: field }),
                    }
                });
            };
            for t in d.title.all() {
                add(t, FIELD_TITLE);
            }
            for (_, k) in &d.keywords {
                add(k, FIELD_KEYWORD);
            }
            for t in d.description.all() {
                add(t, FIELD_DESCRIPTION);
            }
            if let Some(p) = &d.publisher {
                for t in p.name.all() {
                    add(t, FIELD_PUBLISHER);
                }
            }
        }

        let mut terms: Vec<(Box<str>, Box<str>, Vec<Posting>)> = map
            .into_iter()
            .map(|(l, p)| (fold(&l).into(), l.into_boxed_str(), p))
            .collect();
        terms.sort_unstable_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));

        let mut index = Index {
            n_docs: datasets.len(),
            lower: Vec::with_capacity(terms.len()),
            folded: Vec::with_capacity(terms.len()),
            post_start: Vec::with_capacity(terms.len() + 1),
            postings: Vec::new(),
            stems_sv: Vec::with_capacity(terms.len()),
            stems_en: Vec::with_capacity(terms.len()),
        };
        index.post_start.push(0);
        for (t, (f, l, p)) in terms.into_iter().enumerate() {
            let t = t as u32;
            index.stems_sv.push((stemmers.sv(&l).into(), t));
            index.stems_en.push((stemmers.en(&l).into(), t));
            index.lower.push(l);
            index.folded.push(f);
            index.postings.extend_from_slice(&p);
            index.post_start.push(index.postings.len() as u32);
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
        &self.postings[self.post_start[t] as usize..self.post_start[t + 1] as usize]
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
