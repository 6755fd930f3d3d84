//! Result order.
//!
//! Title order comes from a comparator the caller passes in (in the browser
//! `Intl.Collator('sv').compare`), applied once when the engine is built:
//! every dataset gets a title rank, so sorting a result is an integer sort.
//! [`swedish_fallback_cmp`] is a native stand-in that is right for Swedish
//! letters (used in tests and by the `convert` command).

use super::normalize::fold_char;
use crate::model::Dataset;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Sort {
    /// Best text match first (ties: title order). With an empty query there
    /// is nothing to be relevant to, so relevance means newest first (as
    /// [`Sort::Modified`]): a catalogue's start page shows what changed.
    #[default]
    Relevance,
    /// Title, in the order of the comparator given to the engine.
    Title,
    /// Most recently modified first; datasets without a date last (ties:
    /// title order).
    Modified,
    /// Best metadata quality first (the harvest's score as a share of its
    /// maximum); datasets without a score last (ties: title order).
    Quality,
}

/// The error of parsing an unknown sort name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownSort;

impl fmt::Display for UnknownSort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown sort order")
    }
}

impl std::error::Error for UnknownSort {}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Title, Sort::Modified, Sort::Quality];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Title => "title",
            Sort::Modified => "modified",
            Sort::Quality => "quality",
        }
    }
}

impl FromStr for Sort {
    type Err = UnknownSort;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Sort::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or(UnknownSort)
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Rank (0 = first) of every dataset in title order: the title in `lang`
/// (see `LangText::get`) compared with `cmp`, ties broken by id and then
/// position so the order is total and deterministic.
pub fn title_ranks(
    datasets: &[Dataset],
    lang: &str,
    cmp: &dyn Fn(&str, &str) -> Ordering,
) -> Vec<u32> {
    title_ranks_with(datasets, lang, &|titles: &[&str]| rank_by(titles, cmp))
}

/// [`title_ranks`] with the collation applied to all titles in one go:
/// `rank_titles` gets every dataset's title and returns each one's rank in
/// collation order, titles that compare equal sharing a rank (see
/// [`rank_by`]). This lets the browser sort them with
/// `Array.prototype.sort` and `Intl.Collator` in a single call instead of
/// one call across the wasm boundary per comparison. An answer of the
/// wrong length or with a rank out of range is ignored (byte order is
/// used instead).
pub fn title_ranks_with(
    datasets: &[Dataset],
    lang: &str,
    rank_titles: &dyn Fn(&[&str]) -> Vec<u32>,
) -> Vec<u32> {
    let n = datasets.len();
    // Titles and ids in one pass over the datasets.
    let (titles, ids): (Vec<&str>, Vec<&str>) = datasets
        .iter()
        .map(|d| (d.title.text(lang).trim(), d.id.as_str()))
        .unzip();
    let mut class = rank_titles(&titles);
    if class.len() != n || class.iter().any(|&c| c as usize >= n) {
        class = rank_by(&titles, &|a: &str, b: &str| a.cmp(b));
    }
    // By title rank (a stable counting sort) ...
    let mut start = vec![0u32; n + 1];
    for &c in &class {
        start[c as usize + 1] += 1;
    }
    for c in 0..n {
        start[c + 1] += start[c];
    }
    let mut order = vec![0u32; n];
    for (p, &c) in class.iter().enumerate() {
        let slot = &mut start[c as usize];
        order[*slot as usize] = p as u32;
        *slot += 1;
    }
    // ... then equal titles by id, then position.
    for same in order.chunk_by_mut(|&a, &b| class[a as usize] == class[b as usize]) {
        if same.len() > 1 {
            same.sort_by(|&a, &b| ids[a as usize].cmp(ids[b as usize]).then(a.cmp(&b)));
        }
    }
    ranks(&order)
}

/// Each item's rank in the order of `cmp`, items that compare equal
/// sharing one: the ranks of the equality classes, 0, 1, 2, ...
pub fn rank_by(items: &[&str], cmp: &dyn Fn(&str, &str) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_by(|&a, &b| cmp(items[a as usize], items[b as usize]));
    classes(&order, |a, b| cmp(items[a], items[b]) == Ordering::Equal)
}

/// Class ranks from positions in order and an equality test of
/// neighbours.
fn classes(order: &[u32], mut equal: impl FnMut(usize, usize) -> bool) -> Vec<u32> {
    let mut rank = vec![0u32; order.len()];
    let mut class = 0u32;
    for (i, &p) in order.iter().enumerate() {
        if i > 0 && !equal(order[i - 1] as usize, p as usize) {
            class += 1;
        }
        rank[p as usize] = class;
    }
    rank
}

/// True when `a` and `b` certainly differ under a collation that ignores
/// case only, compares digit runs by value (`Intl.Collator` with
/// `sensitivity: "accent"`, `numeric: true`): both are made only of
/// printable ASCII, en and em dashes, and precomposed Latin-1 letters with plain accents
/// (each of which is its own letter or a letter with its own accent, never
/// equal to another spelling), and they differ after lower-casing and
/// dropping leading zeros of numbers. `false` means "ask the collator".
pub fn surely_distinct_ignoring_case(a: &str, b: &str) -> bool {
    fn safe(c: char) -> bool {
        matches!(c, ' '..='~' | '–' | '—')
            || matches!(c, 'À'..='Ö' | 'Ù'..='Ý' | 'à'..='ö' | 'ù'..='ý' | 'ÿ')
                && !matches!(c, 'Æ' | 'æ' | 'Ð' | 'ð')
    }
    fn normalised(s: &str) -> impl Iterator<Item = char> + '_ {
        let mut prev_digit = false;
        let mut chars = s.chars().peekable();
        std::iter::from_fn(move || loop {
            let c = chars.next()?;
            let digit = c.is_ascii_digit();
            // A leading zero of a number that has more digits.
            if c == '0' && !prev_digit && chars.peek().is_some_and(char::is_ascii_digit) {
                continue;
            }
            prev_digit = digit;
            // Lower case of the safe characters: ASCII, and Latin-1
            // capitals 32 below their small letters.
            return Some(match c {
                'À'..='Þ' => char::from_u32(c as u32 + 32).unwrap_or(c),
                _ => c.to_ascii_lowercase(),
            });
        })
    }
    // Only safe characters are lower-cased by `normalised`.
    a.chars().all(safe) && b.chars().all(safe) && !normalised(a).eq(normalised(b))
}

/// Rank of every dataset by `modified`, newest first (ISO 8601 strings
/// compare as text), undated last, ties by title rank.
pub fn modified_ranks(datasets: &[Dataset], title_rank: &[u32]) -> Vec<u32> {
    let dates: Vec<Option<&str>> = datasets
        .iter()
        .map(|d| {
            d.modified
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
        })
        .collect();
    let mut order: Vec<u32> = (0..datasets.len() as u32).collect();
    // Title ranks are distinct, so the order is total and an unstable sort
    // gives the one answer.
    order.sort_unstable_by(|&a, &b| {
        let by_date = match (dates[a as usize], dates[b as usize]) {
            (Some(x), Some(y)) => y.cmp(x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_date.then(title_rank[a as usize].cmp(&title_rank[b as usize]))
    });
    ranks(&order)
}

/// Rank of every dataset by quality score (points of the maximum), best
/// first, unscored last, ties by title rank.
pub fn quality_ranks(datasets: &[Dataset], title_rank: &[u32]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..datasets.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        let (qa, qb) = (datasets[a as usize].quality, datasets[b as usize].quality);
        let by_score = match (qa, qb) {
            // a/b > c/d ⇔ a·d > c·b (no floating point, no division by 0).
            (Some(x), Some(y)) => (u64::from(y.points) * u64::from(x.max))
                .cmp(&(u64::from(x.points) * u64::from(y.max))),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_score.then(title_rank[a as usize].cmp(&title_rank[b as usize]))
    });
    ranks(&order)
}

fn ranks(order: &[u32]) -> Vec<u32> {
    let mut rank = vec![0u32; order.len()];
    for (r, &d) in order.iter().enumerate() {
        rank[d as usize] = r as u32;
    }
    rank
}

/// Collation key of one character: (primary, secondary, upper-case).
/// Primary groups: whitespace < punctuation and symbols < digits < Latin
/// letters (a–z, then å, ä, ö) < other scripts.
fn key(c: char, next: Option<char>) -> (u32, u32, bool) {
    const LETTERS: u32 = 0x2_0000;
    const OTHER: u32 = 0x3_0000;
    let upper = c.is_uppercase();
    let lc = c.to_lowercase().next().unwrap_or(c);
    let letter = |i: u32| LETTERS + i;
    // Decomposed å/ä/ö (a + ring, a + diaeresis, o + diaeresis).
    match (lc, next) {
        ('a', Some('\u{030A}')) => return (letter(26), 0, upper),
        ('a', Some('\u{0308}')) => return (letter(27), 0, upper),
        ('o', Some('\u{0308}')) => return (letter(28), 0, upper),
        _ => {}
    }
    match lc {
        'a'..='z' => (letter(lc as u32 - 'a' as u32), 0, upper),
        'å' => (letter(26), 0, upper),
        'ä' => (letter(27), 0, upper),
        'æ' => (letter(27), 1, upper),
        'ö' => (letter(28), 0, upper),
        'ø' => (letter(28), 1, upper),
        'œ' => (letter(28), 2, upper),
        'ü' => (letter('y' as u32 - 'a' as u32), 1, upper),
        '0'..='9' => (0x1_0000 + lc as u32, 0, false),
        _ if c.is_whitespace() => (0x100, 0, false),
        _ => match fold_char(lc) {
            Some(base) => match base.as_bytes().first() {
                Some(&b) if b.is_ascii_lowercase() => {
                    (letter((b - b'a') as u32), 1 + lc as u32, upper)
                }
                // Combining marks: ignorable at the primary level.
                _ => (0, 1 + lc as u32, false),
            },
            None if lc.is_alphanumeric() => (OTHER + lc as u32, 0, upper),
            None => (0x200 + lc as u32, 0, false),
        },
    }
}

fn keys(s: &str) -> impl Iterator<Item = (u32, u32, bool)> + '_ {
    let mut it = s.chars().peekable();
    let mut skip_mark = false;
    std::iter::from_fn(move || loop {
        let c = it.next()?;
        if skip_mark {
            skip_mark = false;
            continue;
        }
        let next = it.peek().copied();
        let k = key(c, next);
        if matches!(
            (c.to_lowercase().next(), next),
            (Some('a'), Some('\u{030A}' | '\u{0308}')) | (Some('o'), Some('\u{0308}'))
        ) {
            skip_mark = true;
        }
        return Some(k);
    })
}

/// Swedish alphabetical order without ICU: a–z then å, ä, ö; case only
/// breaks ties (lower-case first); accented letters sort with their base
/// letter (é ≈ e, ü ≈ y, æ ≈ ä, ø ≈ ö) and only break ties; digits before
/// letters.
pub fn swedish_fallback_cmp(a: &str, b: &str) -> Ordering {
    let primary = |s| keys(s).map(|k| k.0).filter(|&p| p != 0);
    primary(a)
        .cmp(primary(b))
        .then_with(|| keys(a).map(|k| k.1).cmp(keys(b).map(|k| k.1)))
        .then_with(|| keys(a).map(|k| k.2).cmp(keys(b).map(|k| k.2)))
        .then_with(|| a.cmp(b))
}

/// The sort key of [`swedish_fallback_cmp`] as one sequence: primary
/// weights, 0, secondary weights + 1, 0, case weights + 1. Comparing two
/// keys, then the strings, is the same as `swedish_fallback_cmp`.
fn swedish_fallback_key(s: &str) -> Vec<u32> {
    let mut key: Vec<u32> = Vec::with_capacity(3 * s.len() + 2);
    key.extend(keys(s).map(|k| k.0).filter(|&p| p != 0));
    key.push(0);
    key.extend(keys(s).map(|k| k.1 + 1));
    key.push(0);
    key.extend(keys(s).map(|k| k.2 as u32 + 1));
    key
}

/// [`rank_by`] with [`swedish_fallback_cmp`], computing each string's
/// collation key once instead of per comparison (for
/// [`title_ranks_with`]).
pub fn swedish_fallback_ranks(items: &[&str]) -> Vec<u32> {
    let keys: Vec<Vec<u32>> = items.iter().map(|s| swedish_fallback_key(s)).collect();
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (a as usize, b as usize);
        keys[a].cmp(&keys[b]).then_with(|| items[a].cmp(items[b]))
    });
    // `swedish_fallback_cmp` ends with byte order: only equal strings tie.
    classes(&order, |a, b| items[a] == items[b])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut v: Vec<&str>) -> Vec<&str> {
        v.sort_by(|a, b| swedish_fallback_cmp(a, b));
        v
    }

    #[test]
    fn swedish_letters_after_z() {
        assert_eq!(
            sorted(vec!["Örter", "Ängar", "Zebra", "Ålder", "apa", "Bil"]),
            ["apa", "Bil", "Zebra", "Ålder", "Ängar", "Örter"]
        );
        assert_eq!(swedish_fallback_cmp("apa", "Bil"), Ordering::Less);
        assert_eq!(swedish_fallback_cmp("Apa", "bil"), Ordering::Less);
    }

    #[test]
    fn case_and_accents_only_break_ties() {
        assert_eq!(sorted(vec!["Apa", "apa"]), ["apa", "Apa"]);
        assert_eq!(sorted(vec!["ef", "éa", "eb"]), ["éa", "eb", "ef"]);
        assert_eq!(swedish_fallback_cmp("e", "é"), Ordering::Less);
        assert_eq!(sorted(vec!["Mz", "Müller", "My"]), ["My", "Müller", "Mz"]);
    }

    #[test]
    fn decomposed_letters_sort_like_precomposed() {
        let v = sorted(vec!["Ängar", "A\u{030A}lder", "Zebra", "Ålder"]);
        assert_eq!(v[0], "Zebra");
        assert_eq!(v[3], "Ängar");
        assert_eq!(
            sorted(vec!["O\u{0308}rter", "Zebra", "A\u{0308}ngar"]),
            ["Zebra", "A\u{0308}ngar", "O\u{0308}rter"]
        );
    }

    #[test]
    fn digits_and_punctuation_first() {
        assert_eq!(sorted(vec!["a", "1", " b", "(c)"]), [" b", "(c)", "1", "a"]);
    }

    const TITLES: [&str; 14] = [
        "Apa",
        "apa",
        "Bil",
        "  Bil",
        "Zebra",
        "Ålder",
        "A\u{030A}lder",
        "Ängar",
        "éa",
        "ea",
        "Müller",
        "My",
        "",
        "(c)",
    ];

    fn datasets() -> Vec<Dataset> {
        (0..40usize)
            .map(|i| {
                let mut d = Dataset {
                    // Repeated and unsorted ids.
                    id: format!("id{}", (i * 7) % 13),
                    ..Default::default()
                };
                d.title.insert("sv", TITLES[(i * 5) % TITLES.len()]);
                d
            })
            .collect()
    }

    /// The order as defined: title, then id, then position.
    fn reference_ranks(ds: &[Dataset]) -> Vec<u32> {
        let mut order: Vec<u32> = (0..ds.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (da, db) = (&ds[a as usize], &ds[b as usize]);
            swedish_fallback_cmp(da.title.text("sv").trim(), db.title.text("sv").trim())
                .then_with(|| da.id.cmp(&db.id))
                .then(a.cmp(&b))
        });
        ranks(&order)
    }

    #[test]
    fn title_ranks_break_ties_by_id_then_position() {
        let ds = datasets();
        let expected = reference_ranks(&ds);
        assert_eq!(title_ranks(&ds, "sv", &swedish_fallback_cmp), expected);
        assert_eq!(
            title_ranks_with(&ds, "sv", &swedish_fallback_ranks),
            expected
        );
        // Case-insensitive: "Apa" and "apa" tie, and are ordered by id.
        let ci = |a: &str, b: &str| swedish_fallback_cmp(&a.to_lowercase(), &b.to_lowercase());
        let mut order: Vec<u32> = (0..ds.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (da, db) = (&ds[a as usize], &ds[b as usize]);
            ci(da.title.text("sv").trim(), db.title.text("sv").trim())
                .then_with(|| da.id.cmp(&db.id))
                .then(a.cmp(&b))
        });
        assert_eq!(title_ranks(&ds, "sv", &ci), ranks(&order));
        // A ranking of the wrong length is ignored (byte order instead).
        let bad = title_ranks_with(&ds, "sv", &|_: &[&str]| vec![0, 0]);
        let bytes = title_ranks(&ds, "sv", &|a: &str, b: &str| a.cmp(b));
        assert_eq!(bad, bytes);
    }

    #[test]
    fn fallback_ranks_equal_fallback_cmp() {
        let mut items: Vec<&str> = TITLES.to_vec();
        items.extend([
            "O\u{0308}rter",
            "Örter",
            "1",
            " b",
            "a",
            "A",
            "æ",
            "ø",
            "Mz",
            "ü",
        ]);
        let expected = rank_by(&items, &swedish_fallback_cmp);
        assert_eq!(swedish_fallback_ranks(&items), expected);
    }

    #[test]
    fn surely_distinct_only_when_certain() {
        for (a, b) in [
            ("apa", "Bil"),
            ("a", "á"),
            ("ö", "o"),
            ("Tabell 2", "Tabell 10"),
            ("ab", "a b"),
        ] {
            assert!(surely_distinct_ignoring_case(a, b), "{a} {b}");
        }
        for (a, b) in [
            ("apa", "APA"),
            ("Öl", "öl"),
            ("Tabell 02", "tabell 2"),
            ("x 000", "X 0"),
            ("a\u{0308}", "ä"),
            ("straße", "strasse"),
            ("þ", "th"),
            ("a\u{200B}b", "ab"),
        ] {
            assert!(!surely_distinct_ignoring_case(a, b), "{a} {b}");
        }
        assert!(surely_distinct_ignoring_case("10", "1"));
        // Every safe capital is lower-cased as Unicode does.
        for c in ('À'..='Ý').filter(|c| !"×ØÆÐ".contains(*c)) {
            let lower = c.to_lowercase().to_string();
            assert!(
                !surely_distinct_ignoring_case(&c.to_string(), &lower),
                "{c}"
            );
            assert!(surely_distinct_ignoring_case(&c.to_string(), "a"), "{c}");
        }
        assert!(surely_distinct_ignoring_case("100", "10"));
    }

    #[test]
    fn sort_names_round_trip() {
        for s in Sort::ALL {
            assert_eq!(s.as_str().parse::<Sort>(), Ok(s));
        }
        assert!("newest".parse::<Sort>().is_err());
        assert_eq!(Sort::default(), Sort::Relevance);
    }
}
