//! The search engine on the real Statistics Sweden catalogue (1159
//! datasets, Swedish and English titles, keywords and descriptions).

mod common;

use common::{check_against_brute_force, Oracle};
use open_data_catalogue::model::Dataset;
use open_data_catalogue::registry::rdf::read_rdf_xml;
use open_data_catalogue::search::{swedish_fallback_cmp, Engine, Facet, Request};
use std::time::Instant;

const FIXTURE: &str = "tests/fixtures/dcat-ap-se/scb-statistikdatabasen-dcat-ap-2.rdf.xml";

fn load() -> (Vec<Dataset>, Engine) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let bytes = std::fs::read(&path).expect("SCB fixture");
    let catalog = read_rdf_xml(&bytes, Some("https://www.statistikdatabasen.scb.se/"))
        .expect("SCB catalogue reads");
    let data = catalog.datasets;
    let t = Instant::now();
    let engine = Engine::new(&data, "sv", &swedish_fallback_cmp);
    eprintln!("Engine::new on {} datasets: {:?}", data.len(), t.elapsed());
    (data, engine)
}

fn top(data: &[Dataset], e: &mut Engine, text: &str, n: usize) -> (usize, Vec<String>) {
    let t = Instant::now();
    let r = e.search(&Request {
        text: text.into(),
        limit: n,
        ..Default::default()
    });
    eprintln!("search {text:?}: {} hits in {:?}", r.total, t.elapsed());
    (
        r.total,
        r.hits
            .iter()
            .map(|&i| data[i as usize].title.text("sv").to_lowercase())
            .collect(),
    )
}

#[test]
fn swedish_queries_find_what_a_person_expects() {
    let (data, mut e) = load();
    assert!(data.len() > 1000, "{} datasets", data.len());

    let (total, hits) = top(&data, &mut e, "befolkning", 5);
    assert!(total >= 100, "{total}");
    assert!(hits[0].starts_with("befolkning "), "{hits:?}");
    assert!(hits.iter().all(|t| t.contains("befolkn")), "{hits:?}");

    // Searching as you type.
    let (_, typing) = top(&data, &mut e, "befo", 2);
    assert!(typing[0].starts_with("befolkning"), "{typing:?}");

    let (total, hits) = top(&data, &mut e, "folkmängd", 5);
    assert!(total >= 10);
    assert!(hits.iter().all(|t| t.starts_with("folkmängd")), "{hits:?}");
    let (total_folded, hits_folded) = top(&data, &mut e, "folkmangd", 5);
    assert_eq!((total_folded, &hits_folded), (total, &hits));

    // "arbetslöshet" is not in any title, but its stem is ("arbetslösa").
    let (total, hits) = top(&data, &mut e, "arbetslöshet", 5);
    assert!(total >= 20, "{total}");
    assert!(hits.iter().all(|t| t.contains("arbetslös")), "{hits:?}");
    let (total_folded, hits_folded) = top(&data, &mut e, "arbetsloshet", 5);
    assert_eq!((total_folded, &hits_folded), (total, &hits));

    // English (the titles are in both languages).
    let (_, hits) = top(&data, &mut e, "unemployment", 3);
    assert!(hits.iter().all(|t| t.contains("arbetslös")), "{hits:?}");
    // An inflection finds the same datasets, and the same first ones; further
    // down the exact English word ("population" in an English title) weighs
    // more against the Swedish words for it (befolkning, folkmängd) than its
    // inflection does (exact > inflection).
    let (a, ha) = top(&data, &mut e, "population", 10);
    let (b, hb) = top(&data, &mut e, "populations", 10);
    assert_eq!((a, &ha[..8]), (b, &hb[..8]));
    // Both Swedish words for it lead (the glossary: befolkning, folkmängd).
    assert!(
        ha.iter()
            .all(|t| t.starts_with("befolkning") || t.starts_with("folkmängd")),
        "{ha:?}"
    );

    let (_, hits) = top(&data, &mut e, "kvinnors lön", 3);
    assert!(
        hits.iter().all(|t| t.starts_with("kvinnors lön")),
        "{hits:?}"
    );

    // Every word must match; when none has all of them, those with the
    // most are shown, marked partial.
    let (both, _) = top(&data, &mut e, "folkmängd region", 1);
    let (one, _) = top(&data, &mut e, "folkmängd", 1);
    assert!(0 < both && both < one);
    let r = e.search(&Request {
        text: "folkmängd xyzzy".into(),
        limit: 5,
        ..Default::default()
    });
    assert_eq!((r.total, r.partial), (one, true));
}

/// A typo finds the word meant; numbers never match within an edit; a
/// query that finds nothing at all suggests the catalogue's closest words.
#[test]
fn typos_find_the_word_meant_numbers_stay_exact_and_nothing_found_suggests_words() {
    let (data, mut e) = load();
    let search = |e: &mut Engine, text: &str| {
        e.search(&Request {
            text: text.into(),
            limit: 10,
            ..Default::default()
        })
    };
    // One letter doubled: the top ten are all about population.
    let typo = search(&mut e, "befolkninng ");
    assert!(typo.total >= 10, "{}", typo.total);
    let titles: Vec<String> = typo
        .hits
        .iter()
        .map(|&h| data[h as usize].title.text("sv").to_lowercase())
        .collect();
    assert!(
        titles.iter().all(|t| t.contains("befolkning")),
        "{titles:?}"
    );
    assert_eq!(typo.suggestion, None);
    // "20222" is one edit from the year 2022, which many titles have: a
    // number is never matched loosely, nor suggested.
    assert!(search(&mut e, "2022 ").total > 0);
    let year = search(&mut e, "20222 ");
    assert_eq!((year.total, year.suggestion), (0, None));
    // Four letters are matched only as written: nothing, and the closest
    // word of the catalogue, which does find datasets.
    let nothing = search(&mut e, "lönx ");
    assert_eq!(nothing.total, 0);
    let suggestion = nothing.suggestion.expect("a suggestion");
    assert!(search(&mut e, &suggestion).total > 0, "{suggestion:?}");
    // Nothing close at all: no suggestion.
    let none = search(&mut e, "qqqqqqqqqq");
    assert_eq!((none.total, none.suggestion), (0, None));
}

/// Theme labels and the glossary: English words find Swedish-only
/// metadata, theme words find datasets through their theme.
#[test]
fn concepts_are_searchable_in_both_languages() {
    let (data, mut e) = load();
    // SCB's datasets all have the theme SOCI, "Befolkning och samhälle" /
    // "Population and society".
    let (total, _) = top(&data, &mut e, "samhälle", 5);
    assert!(total >= 1000, "{total}");
    let (total, _) = top(&data, &mut e, "society", 5);
    assert!(total >= 1000, "{total}");
}

/// What a citizen typed and found nothing for before (the search issue's
/// examples on this catalogue), each with what a person would count as a
/// hit, written as a rule on the title.
#[test]
fn compounds_stop_words_and_partial_matches_leave_no_dead_ends() {
    let (data, mut e) = load();
    let mut check = |query: &str, relevant: &dyn Fn(&str) -> bool, at_least: usize| {
        let (total, hits) = top(&data, &mut e, query, 10);
        assert!(total >= at_least, "{query:?}: {total} results");
        assert!(hits.iter().any(|t| relevant(t)), "{query:?}: {hits:?}");
    };
    // No dataset has both words: those with the most words are shown.
    check(
        "befolkning kommun",
        &|t| t.contains("befolkning") || t.contains("kommun"),
        10,
    );
    // "i" is a stop word; "befolkningen", "kommunerna" are inflections.
    check(
        "befolkningen i kommunerna",
        &|t| t.contains("befolkning") || t.contains("kommun"),
        10,
    );
    // A word inside compounds: "skola" in "högskola", "högskoleövergångar".
    check("skola", &|t| t.contains("högskol"), 7);
    // "statistik" only inside compounds ("lönestatistik",
    // "konjunkturstatistik"), "om" a stop word.
    check("lön statistik", &|t| t.contains("lön"), 1);
    check("statistik om lön", &|t| t.contains("lön"), 1);
    // A compound in the query finds its parts written apart.
    check("lönestatistik", &|t| t.contains("lön"), 1);
    // One letter doubled, two letters swapped: within one edit.
    check("befolkninng", &|t| t.contains("befolkning"), 10);
    check("befolknign", &|t| t.contains("befolkning"), 10);
    // (Whole word above compound part is pinned in `tests/search_engine.rs`:
    // no SCB title has "skola" on its own, so it cannot be checked here.)
}

/// Queries for the facet oracle (`tests/common`), which matches text by
/// substring: ones where that agrees with the engine's matching (whole
/// words, stems, prefix of the last word) on this catalogue. "sweden"
/// matches every dataset through the publisher's name.
///
/// Since the engine matches words inside compounds, words of four letters
/// or more match as substrings do ("befolkning" in "nattbefolkning").
///
/// Left out, because the two semantics legitimately differ here (the text
/// semantics are tested in the tests above):
/// * "population", "utbildning", "sysselsättning", "kvinnor", "women",
///   "income", ...: the
///   engine also finds them through the theme's labels (every SCB dataset
///   is "Population and society") or the bilingual glossary (kvinnor =
///   women), which the substring rule does not know;
/// * "arbetslöshet", "befolkningen", "bostäder", "kommuner": the engine
///   also matches them by a stem that is shorter than the word
///   (arbetslösa, bostad, ...), which no substring does;
/// * "lön", "kön", "län", "age": short words, which the engine matches
///   inside compounds only at a compound's start or end ("lönestatistik",
///   not "kolonn").
const SCB_FACET_TEXTS: [&str; 10] = [
    "",
    "befolkning",
    "civilstånd",
    "region",
    "arbetslösa",
    "ålder",
    "medelålder",
    "tabellinnehåll",
    "sweden",
    "xyzzy",
];

#[test]
fn facet_counts_equal_brute_force_on_real_data() {
    let (data, mut e) = load();
    // SCB: one publisher, theme, format, licence and access right.
    assert_eq!(e.facet_values(Facet::Format), ["JSON"]);
    assert_eq!(
        e.facet_values(Facet::License),
        ["http://creativecommons.org/publicdomain/zero/1.0/"]
    );
    assert_eq!(
        e.facet_values(Facet::Theme),
        ["http://publications.europa.eu/resource/authority/data-theme/SOCI"]
    );

    let oracle = Oracle::new(&data);
    // The oracle's own reading of the facets agrees on the value lists.
    for f in Facet::ALL {
        assert_eq!(oracle.values(f), e.facet_values(f), "{f:?}");
    }

    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut rng = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let texts = SCB_FACET_TEXTS;
    for round in 0..150 {
        let text = texts[round % texts.len()];
        let mut filters: Vec<(Facet, Vec<String>)> = Vec::new();
        for _ in 0..rng(4) {
            let facet = Facet::ALL[rng(5)];
            let values = oracle.values(facet);
            let v = if values.is_empty() || rng(4) == 0 {
                "no-such-value".to_string()
            } else {
                values[rng(values.len())].clone()
            };
            filters.push((facet, vec![v]));
        }
        check_against_brute_force(&oracle, &mut e, text, &filters);
    }
}
