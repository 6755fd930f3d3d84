//! `Intl.Collator` and `Intl.DateTimeFormat` from Rust: the browser already
//! knows that Å, Ä, Ö sort after Z in Swedish and how to write a date in
//! each language, so the widget ships no collation or locale tables.

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

fn locales(lang: &str) -> Array {
    Array::of1(&JsValue::from_str(lang))
}

/// A comparator for titles in the UI language.
pub fn title_collator(lang: &str) -> impl Fn(&str, &str) -> std::cmp::Ordering {
    let options = Object::new();
    // Base sensitivity: "a" and "A" tie, so case does not split the order;
    // numeric: "Tabell 2" before "Tabell 10".
    let _ = Reflect::set(&options, &"sensitivity".into(), &"accent".into());
    let _ = Reflect::set(&options, &"numeric".into(), &JsValue::TRUE);
    let compare: Function = Intl::Collator::new(&locales(lang), &options).compare();
    move |a: &str, b: &str| {
        let r = compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        r.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
    }
}

/// Formats an ISO 8601 date (or date-time) for people: "3 apr. 2024" /
/// "Apr 3, 2024". Anything the browser cannot read is shown as given.
pub struct DateFormat {
    format: Function,
}

impl DateFormat {
    pub fn new(lang: &str) -> DateFormat {
        let options = Object::new();
        let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        // Registry dates are calendar dates; formatting them in the
        // reader's time zone could move "2024-04-03" to April 2nd.
        let _ = Reflect::set(&options, &"timeZone".into(), &"UTC".into());
        DateFormat {
            format: Intl::DateTimeFormat::new(&locales(lang), &options).format(),
        }
    }

    pub fn format(&self, iso: &str) -> String {
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
