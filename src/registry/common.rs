//! Small pieces shared by the readers: loose JSON value access (CKAN,
//! DCAT-US), keywords and link clean-up. (Skipping records is `report`'s;
//! mapping other dialects' vocabularies to the EU ones is `crate::vocab`'s.)

use super::url;
use crate::links::safe_href;
use crate::model::{normalise_lang, Catalog, LangText};
use serde_json::Value;

/// One text value however it is spelled: a string, a number, `{"@value"}`,
/// `{"@id"}`, or the first usable element of an array. Blank is `None`.
pub(crate) fn text(v: &Value) -> Option<String> {
    text_at(v, 0)
}

fn text_at(v: &Value, depth: usize) -> Option<String> {
    if depth > 4 {
        return None;
    }
    let s = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => return items.iter().find_map(|i| text_at(i, depth + 1)),
        Value::Object(o) => {
            return o
                .get("@value")
                .or_else(|| o.get("@id"))
                .and_then(|i| text_at(i, depth + 1))
        }
        Value::Bool(_) | Value::Null => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A field of an object as text.
pub(crate) fn field(o: &Value, key: &str) -> Option<String> {
    o.get(key).and_then(text)
}

/// Every text in a value that may be one string or an array of them.
pub(crate) fn texts(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().filter_map(text).collect(),
        other => text(other).into_iter().collect(),
    }
}

/// Text that may be a plain string, a language map (`{"sv": "…"}`), a
/// `{"@value", "@language"}` object or an array of those.
pub(crate) fn lang_text(v: &Value) -> LangText {
    let mut t = LangText::new();
    add_lang_text(&mut t, v, "", 0);
    t
}

fn add_lang_text(t: &mut LangText, v: &Value, lang: &str, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::String(s) => t.insert(lang, s.trim()),
        Value::Number(n) => t.insert(lang, n.to_string()),
        Value::Array(items) => items
            .iter()
            .for_each(|i| add_lang_text(t, i, lang, depth + 1)),
        Value::Object(o) => {
            if let Some(value) = o.get("@value") {
                let lang = o.get("@language").and_then(Value::as_str).unwrap_or(lang);
                add_lang_text(t, value, lang, depth + 1);
            } else {
                for (key, value) in o {
                    let key = if key == "@none" { "" } else { key.as_str() };
                    add_lang_text(t, value, key, depth + 1);
                }
            }
        }
        Value::Bool(_) | Value::Null => {}
    }
}

/// Adds a keyword: its language tag normalised, trimmed, unless blank or
/// already there.
pub(crate) fn push_keyword(keywords: &mut Vec<(String, String)>, lang: &str, word: &str) {
    push_tagged_keyword(keywords, normalise_lang(lang), word.trim().to_owned());
}

/// [`push_keyword`] for a tag normalised and a word trimmed already (the
/// registry reader's, which owns them: nothing is copied).
pub(crate) fn push_tagged_keyword(
    keywords: &mut Vec<(String, String)>,
    lang: String,
    word: String,
) {
    let pair = (lang, word);
    if !pair.1.is_empty() && !keywords.contains(&pair) {
        keywords.push(pair);
    }
}

/// Links are resolved against the document's address and kept only when
/// they are safe to follow (`http`, `https`, `mailto`); blank, relative
/// without a base, and `javascript:` style links are dropped.
pub(crate) fn clean_links(catalog: &mut Catalog, base: Option<&str>) {
    for d in &mut catalog.datasets {
        clean(&mut d.landing_page, base);
        if let Some(c) = &mut d.contact_point {
            clean(&mut c.email, None);
            clean(&mut c.url, base);
        }
        for dist in &mut d.distributions {
            clean(&mut dist.access_url, base);
            clean(&mut dist.download_url, base);
        }
    }
}

/// Resolves and checks one link.
pub(crate) fn clean(link: &mut Option<String>, base: Option<&str>) {
    *link = link.take().and_then(|l| {
        let l = l.trim();
        let resolved = match base {
            Some(b) if !l.is_empty() && !url::is_absolute(l) => url::resolve(b, l)?,
            _ => l.to_owned(),
        };
        safe_href(&resolved).map(str::to_owned)
    });
}

/// Resolves relative links only (the registry fast path keeps everything
/// else as written).
pub(crate) fn resolve_relative_links(catalog: &mut Catalog, base: &str) {
    let fix = |link: &mut Option<String>| {
        if let Some(l) = link.as_deref() {
            if !l.is_empty() && !url::is_absolute(l) {
                if let Some(resolved) = url::resolve(base, l) {
                    *link = Some(resolved);
                }
            }
        }
    };
    for d in &mut catalog.datasets {
        fix(&mut d.landing_page);
        if let Some(c) = &mut d.contact_point {
            fix(&mut c.url);
        }
        for dist in &mut d.distributions {
            fix(&mut dist.access_url);
            fix(&mut dist.download_url);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn loose_text() {
        assert_eq!(text(&json!(" a ")).as_deref(), Some("a"));
        assert_eq!(text(&json!(12)).as_deref(), Some("12"));
        assert_eq!(text(&json!([null, "", "b"])).as_deref(), Some("b"));
        assert_eq!(text(&json!({"@id": "x"})).as_deref(), Some("x"));
        assert_eq!(text(&json!(true)), None);
        // serde_json sorts object keys, so language maps come in key order.
        let t = lang_text(&json!({"sv-SE": "Hej", "@none": "x"}));
        assert_eq!(
            t.0,
            vec![("".into(), "x".into()), ("sv".into(), "Hej".into())]
        );
        let t = lang_text(&json!([{"@value": "Hi", "@language": "EN"}]));
        assert_eq!(t.0, vec![("en".into(), "Hi".into())]);
    }

    #[test]
    fn links_are_resolved_and_checked() {
        let mut l = Some("data/x.csv".to_owned());
        clean(&mut l, Some("https://e.se/cat/index.json"));
        assert_eq!(l.as_deref(), Some("https://e.se/cat/data/x.csv"));
        let mut l = Some("javascript:alert(1)".to_owned());
        clean(&mut l, Some("https://e.se/"));
        assert_eq!(l, None);
        let mut l = Some("ftp://e.se/x".to_owned());
        clean(&mut l, None);
        assert_eq!(l, None);
        let mut l = Some("  ".to_owned());
        clean(&mut l, Some("https://e.se/"));
        assert_eq!(l, None);
    }
}
