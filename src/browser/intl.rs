//! `Intl.Collator` and `Intl.DateTimeFormat` from Rust: the browser already
//! knows that Å, Ä, Ö sort after Z in Swedish and how to write a date in
//! each language, so the widget ships no collation or locale tables.

use crate::search::fxhash::{map_with_capacity, FxHashMap};
use crate::search::sort::surely_distinct_ignoring_case;
use js_sys::{Array, Date, Function, Intl, JsString, Object, Reflect};
use std::cell::RefCell;
use std::cmp::Ordering;
use wasm_bindgen::{JsCast, JsValue};

fn locales(lang: &str) -> Array {
    Array::of1(&JsValue::from_str(lang))
}

/// The title collator of the UI language: `Intl.Collator(lang)` with
/// accent sensitivity ("a" and "A" tie, so case does not split the order)
/// and numeric order ("Tabell 2" before "Tabell 10").
fn collator_compare(lang: &str) -> Function {
    let options = Object::new();
    let _ = Reflect::set(&options, &"sensitivity".into(), &"accent".into());
    let _ = Reflect::set(&options, &"numeric".into(), &JsValue::TRUE);
    Intl::Collator::new(&locales(lang), &options).compare()
}

fn call_compare(compare: &Function, a: &str, b: &str) -> Ordering {
    let r = compare
        .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    r.partial_cmp(&0.0).unwrap_or(Ordering::Equal)
}

/// Title ranks in the UI language for `Engine::with_title_order`: each
/// title's rank in the collator's order, titles it calls equal sharing a
/// rank. The distinct titles cross into JavaScript as one string, are
/// sorted there by `Array.prototype.sort` with the collator's `compare`
/// and come back as one string, instead of ~n log n calls across the wasm
/// boundary.
pub fn title_ranker(lang: &str) -> impl Fn(&[&str]) -> Vec<u32> {
    let compare = collator_compare(lang);
    move |titles: &[&str]| {
        rank_in_js(&compare, titles).unwrap_or_else(|| {
            crate::search::sort::rank_by(titles, &|a: &str, b: &str| call_compare(&compare, a, b))
        })
    }
}

/// Separates the titles in the strings passed to and from JavaScript.
const SEP: char = '\0';
const SEP_STR: &str = "\0";

fn rank_in_js(compare: &Function, titles: &[&str]) -> Option<Vec<u32>> {
    if titles.len() < 2 {
        return Some(vec![0; titles.len()]);
    }
    // Each distinct title once (many datasets share a title).
    let mut ids: FxHashMap<&str, u32> = map_with_capacity(titles.len());
    let mut distinct: Vec<&str> = Vec::new();
    let group: Vec<u32> = titles
        .iter()
        .map(|&t| {
            *ids.entry(t).or_insert_with(|| {
                distinct.push(t);
                distinct.len() as u32 - 1
            })
        })
        .collect();
    if distinct.iter().any(|t| t.contains(SEP)) {
        return None;
    }
    // In byte order, which is close to the collator's: the sort (a merge
    // sort that finds runs) then needs far fewer comparisons. The order
    // given does not matter otherwise: equal titles are found afterwards.
    let mut presorted = distinct.clone();
    presorted.sort_unstable();
    let mut joined = String::with_capacity(distinct.iter().map(|t| t.len() + 1).sum());
    for (i, t) in presorted.iter().enumerate() {
        if i > 0 {
            joined.push(SEP);
        }
        joined.push_str(t);
    }
    let array = JsString::from(joined.as_str()).split(SEP_STR);
    drop(joined);
    if array.length() as usize != distinct.len() {
        return None;
    }
    let sort: Function = Reflect::get(&array, &"sort".into()).ok()?.dyn_into().ok()?;
    sort.call1(&array, compare).ok()?;
    let sorted: String = array.join(SEP_STR).into();

    // Rank of each distinct title's equality class: titles the collator
    // calls equal (say "Apa" and "apa") share one.
    let mut class = vec![u32::MAX; distinct.len()];
    let mut n_classes = 0u32;
    let mut prev: Option<&str> = None;
    for t in sorted.split(SEP) {
        let id = *ids.get(t)? as usize;
        if class[id] != u32::MAX {
            return None;
        }
        let same = prev.is_some_and(|p| {
            !surely_distinct_ignoring_case(p, t) && call_compare(compare, p, t) == Ordering::Equal
        });
        if !same {
            n_classes += 1;
        }
        class[id] = n_classes - 1;
        prev = Some(t);
    }
    if class.contains(&u32::MAX) {
        return None;
    }
    Some(group.iter().map(|&g| class[g as usize]).collect())
}

/// Formats an ISO 8601 date (or date-time) for people: "3 apr. 2024" /
/// "Apr 3, 2024". Anything the browser cannot read is shown as given.
pub struct DateFormat {
    format: Function,
    /// Dates already formatted: every keystroke shows some 20 rows again,
    /// and asking the browser (three calls into JavaScript and a string
    /// back) cost more per row than its text.
    done: RefCell<FxHashMap<String, String>>,
}

/// Dates kept formatted at most; then the cache starts over.
const DATES_KEPT: usize = 1024;

impl DateFormat {
    pub fn new(lang: &str) -> DateFormat {
        let options = Object::new();
        let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        // Registry dates are calendar dates; formatting them in the
        // reader's time zone could move "2024-04-03" to April 2nd.
        let _ = Reflect::set(&options, &"timeZone".into(), &"UTC".into());
        DateFormat {
            format: Intl::DateTimeFormat::new(&locales(lang), &options).format(),
            done: RefCell::default(),
        }
    }

    pub fn format(&self, iso: &str) -> String {
        if let Some(shown) = self.done.borrow().get(iso) {
            return shown.clone();
        }
        let shown = self.ask_browser(iso);
        let mut done = self.done.borrow_mut();
        if done.len() >= DATES_KEPT {
            done.clear();
        }
        done.insert(iso.to_string(), shown.clone());
        shown
    }

    fn ask_browser(&self, iso: &str) -> String {
        let date = Date::new(&JsValue::from_str(iso));
        if date.get_time().is_nan() {
            return iso.to_string();
        }
        self.format
            .call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| iso.to_string())
    }
}
