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

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
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
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Title, Sort::Modified];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Title => "title",
            Sort::Modified => "modified",
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
    let mut order: Vec<u32> = (0..datasets.len() as u32).collect();
    order.sort_by(|&a, &b| {
        let (da, db) = (&datasets[a as usize], &datasets[b as usize]);
        cmp(da.title.text(lang).trim(), db.title.text(lang).trim())
            .then_with(|| da.id.cmp(&db.id))
            .then(a.cmp(&b))
    });
    ranks(&order)
}

/// Rank of every dataset by `modified`, newest first (ISO 8601 strings
/// compare as text), undated last, ties by title rank.
pub fn modified_ranks(datasets: &[Dataset], title_rank: &[u32]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..datasets.len() as u32).collect();
    order.sort_by(|&a, &b| {
        let ma = datasets[a as usize]
            .modified
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let mb = datasets[b as usize]
            .modified
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let by_date = match (ma, mb) {
            (Some(x), Some(y)) => y.cmp(x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_date.then(title_rank[a as usize].cmp(&title_rank[b as usize]))
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

    #[test]
    fn sort_names_round_trip() {
        for s in Sort::ALL {
            assert_eq!(s.as_str().parse::<Sort>(), Ok(s));
        }
        assert!("newest".parse::<Sort>().is_err());
        assert_eq!(Sort::default(), Sort::Relevance);
    }
}
