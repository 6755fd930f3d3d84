//! The widget's options, as a webmaster writes them (HTML attributes) or a
//! developer passes them (`mount(element, options)` from JavaScript).
//!
//! Parsing is forgiving: an unknown or malformed value falls back to its
//! default rather than breaking the widget, because the person who mistyped
//! an attribute is rarely the person who sees the page.

use crate::search::{Facet, Filters, Sort};
use serde::Deserialize;

/// Facets shown when the `facets` attribute is not given.
pub const DEFAULT_FACETS: [Facet; 5] = [
    Facet::Publisher,
    Facet::Theme,
    Facet::Format,
    Facet::License,
    Facet::AccessRights,
];
pub const DEFAULT_PAGE_SIZE: usize = 20;
/// Page sizes outside this range are clamped: 0 would show nothing and a
/// huge page would defeat rendering only what is visible.
pub const MAX_PAGE_SIZE: usize = 200;
/// Seconds to wait for a registry before giving up and offering a retry:
/// generous, since a few megabytes on a slow mobile link take a while, but
/// a person should not stare at "loading" forever.
pub const DEFAULT_TIMEOUT_SECS: u32 = 30;
pub const MAX_TIMEOUT_SECS: u32 = 300;
/// Registries larger than this many megabytes are refused with a message
/// instead of freezing the tab while they are parsed on a phone; the
/// largest real registry we know (SCB, 1,159 datasets) is 3 MB. A
/// webmaster with a larger registry raises it with `max-size`.
pub const DEFAULT_MAX_SIZE_MB: u32 = 48;

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Registry URLs (space-separated in the attribute), unresolved.
    pub registry: Vec<String>,
    /// UI language: `sv` or `en`; `None` means "take it from the page".
    pub lang: Option<Lang>,
    /// Which filter groups show, in this order.
    pub facets: Vec<Facet>,
    pub page_size: usize,
    pub sort: Sort,
    /// Filters applied but not shown as removable (`filter-publisher="…"`).
    pub locked: Filters,
    /// Level of the dataset-title headings, so they fit under the host
    /// page's own heading (default 2 = `h2`).
    pub heading_level: u8,
    /// How long to wait for a registry (`timeout`, in seconds).
    pub timeout_secs: u32,
    /// Mirror the query in the page URL under this parameter prefix
    /// (`url-state` attribute); `None`: never touch the URL.
    pub url_state: Option<String>,
    /// The size limit in megabytes (`max-size`).
    pub max_size_mb: u32,
    /// Whether `registry` is a file or a search service (`registry-type`).
    pub registry_type: crate::remote::RegistryType,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    /// `sv`, `sv-SE`, `en-GB` …; anything else is not a UI language we have.
    pub fn parse(tag: &str) -> Option<Lang> {
        match crate::model::normalise_lang(tag).as_str() {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            registry: Vec::new(),
            lang: None,
            facets: DEFAULT_FACETS.to_vec(),
            page_size: DEFAULT_PAGE_SIZE,
            sort: Sort::Relevance,
            locked: Filters::new(),
            heading_level: 2,
            timeout_secs: DEFAULT_TIMEOUT_SECS,
            url_state: None,
            max_size_mb: DEFAULT_MAX_SIZE_MB,
            registry_type: crate::remote::RegistryType::Auto,
        }
    }
}

impl Options {
    /// Reads the element's attributes (name, value). Unknown attributes are
    /// ignored: they may belong to the host page (`class`, `id`, `data-…`).
    pub fn from_attributes<'a>(
        attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Options {
        let mut options = Options::default();
        for (name, value) in attributes {
            let name = name.to_ascii_lowercase();
            match name.as_str() {
                "registry" => options.registry = split_list(value),
                "lang" => options.lang = Lang::parse(value),
                "facets" => options.facets = parse_facets(value),
                "page-size" => options.page_size = parse_page_size(value),
                "sort" => options.sort = value.trim().parse().unwrap_or_default(),
                "heading-level" => options.heading_level = parse_heading_level(value),
                "timeout" => options.timeout_secs = parse_timeout(value),
                "max-size" => options.max_size_mb = parse_max_size(value),
                "registry-type" => {
                    options.registry_type = crate::remote::RegistryType::parse(value)
                }
                "url-state" => options.url_state = Some(crate::url_state::prefix_for(value)),
                _ => {
                    if let Some((facet, values)) = Filters::attribute(&name, value) {
                        options.locked.set(facet, values);
                    }
                }
            }
        }
        options
    }

    /// Options given from JavaScript: `{ registry: "…" | ["…"], lang, facets:
    /// "…" | ["…"], pageSize, sort, filters: { publisher: "…" | ["…"] },
    /// headingLevel }`. Malformed fields fall back to their defaults.
    pub fn from_js_options(raw: JsOptions) -> Options {
        let mut options = Options::default();
        if let Some(r) = raw.registry {
            options.registry = r.into_list();
        }
        options.lang = raw.lang.as_deref().and_then(Lang::parse);
        if let Some(f) = raw.facets {
            options.facets = parse_facets(&f.into_list().join(" "));
        }
        if let Some(size) = raw.page_size {
            options.page_size = parse_page_size(&size.to_string());
        }
        if let Some(sort) = raw.sort {
            options.sort = sort.parse().unwrap_or_default();
        }
        options.url_state = match raw.url_state {
            Some(UrlStateOption::On(true)) => Some(crate::url_state::prefix_for("")),
            Some(UrlStateOption::Named(name)) => Some(crate::url_state::prefix_for(&name)),
            _ => None,
        };
        if let Some(mb) = raw.max_size {
            options.max_size_mb = parse_max_size(&mb.to_string());
        }
        if let Some(secs) = raw.timeout {
            options.timeout_secs = parse_timeout(&secs.to_string());
        }
        if let Some(level) = raw.heading_level {
            options.heading_level = parse_heading_level(&level.to_string());
        }
        if let Some(kind) = raw.registry_type {
            options.registry_type = crate::remote::RegistryType::parse(&kind);
        }
        for (name, values) in raw.filters {
            if let Ok(facet) = name.parse::<Facet>() {
                options.locked.set(facet, values.into_list());
            }
        }
        options
    }

    pub fn is_locked(&self, facet: Facet) -> bool {
        self.locked.has(facet)
    }
}

/// A string or a list of strings, as JavaScript callers write either.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_list(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => split_list(&s),
            OneOrMany::Many(v) => v
                .into_iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        }
    }
}

/// `urlState: true` or `urlState: "name"` (the parameter prefix).
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum UrlStateOption {
    On(bool),
    Named(String),
}

/// The JavaScript options object, before validation.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct JsOptions {
    pub registry: Option<OneOrMany>,
    pub lang: Option<String>,
    pub facets: Option<OneOrMany>,
    pub page_size: Option<f64>,
    pub sort: Option<String>,
    pub heading_level: Option<f64>,
    pub timeout: Option<f64>,
    pub max_size: Option<f64>,
    pub url_state: Option<UrlStateOption>,
    pub registry_type: Option<String>,
    pub filters: std::collections::BTreeMap<String, OneOrMany>,
}

fn split_list(value: &str) -> Vec<String> {
    value.split_whitespace().map(str::to_string).collect()
}

fn parse_facets(value: &str) -> Vec<Facet> {
    let mut facets = Vec::new();
    for word in value.split([' ', ',', '\t', '\n']) {
        if let Ok(f) = word.trim().parse::<Facet>() {
            if !facets.contains(&f) {
                facets.push(f);
            }
        }
    }
    facets
}

fn parse_page_size(value: &str) -> usize {
    match value.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 1.0 => (n as usize).min(MAX_PAGE_SIZE),
        _ => DEFAULT_PAGE_SIZE,
    }
}

fn parse_max_size(value: &str) -> u32 {
    match value.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 1.0 => n.min(4096.0) as u32,
        _ => DEFAULT_MAX_SIZE_MB,
    }
}

fn parse_timeout(value: &str) -> u32 {
    match value.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 1.0 => (n as u32).min(MAX_TIMEOUT_SECS),
        _ => DEFAULT_TIMEOUT_SECS,
    }
}

fn parse_heading_level(value: &str) -> u8 {
    match value.trim().trim_start_matches(['h', 'H']).parse::<f64>() {
        Ok(n) if (1.0..=6.0).contains(&n) => n as u8,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_attributes() {
        let o = Options::from_attributes([
            ("registry", " a.jsonld  https://x.se/b.jsonld "),
            ("lang", "en-GB"),
            ("facets", "format theme bogus format"),
            ("page-size", "5"),
            ("sort", "title"),
            (
                "filter-publisher",
                "http://id.kb.se/organisations/SE2021000837 | Digg",
            ),
            ("heading-level", "h3"),
            ("timeout", "5"),
            ("url-state", ""),
            ("class", "whatever"),
        ]);
        assert_eq!(o.registry, vec!["a.jsonld", "https://x.se/b.jsonld"]);
        assert_eq!(o.lang, Some(Lang::En));
        assert_eq!(o.facets, vec![Facet::Format, Facet::Theme]);
        assert_eq!(o.page_size, 5);
        assert_eq!(o.sort, Sort::Title);
        assert_eq!(
            o.locked.values(Facet::Publisher),
            ["http://id.kb.se/organisations/SE2021000837", "Digg"]
        );
        assert_eq!(o.heading_level, 3);
        assert_eq!(o.timeout_secs, 5);
        assert_eq!(o.url_state.as_deref(), Some("odc-"));
    }

    /// The README documents `filter-access-rights`; it was silently
    /// ignored while the other `filter-*` attributes worked.
    #[test]
    fn every_documented_filter_attribute_locks_its_facet() {
        for facet in Facet::ALL {
            let name = format!("filter-{}", facet.attribute_name());
            let o = Options::from_attributes([(name.as_str(), "a | b")]);
            assert_eq!(o.locked.values(facet), ["a", "b"], "{name}");
            assert!(o.is_locked(facet), "{name}");
        }
        let o = Options::from_attributes([("filter-access-rights", "x")]);
        assert_eq!(o.locked.values(Facet::AccessRights), ["x"]);
        for js in ["accessRights", "access-rights", "access_rights"] {
            let raw: JsOptions =
                serde_json::from_str(&format!(r#"{{"filters":{{"{js}":"x"}}}}"#)).unwrap();
            assert_eq!(
                Options::from_js_options(raw)
                    .locked
                    .values(Facet::AccessRights),
                ["x"],
                "{js}"
            );
        }
    }

    #[test]
    fn malformed_values_fall_back() {
        let o = Options::from_attributes([
            ("lang", "de"),
            ("page-size", "-3"),
            ("sort", "sideways"),
            ("heading-level", "9"),
            ("timeout", "0"),
            ("filter-nothing", "x"),
        ]);
        assert_eq!(o.lang, None);
        assert_eq!(o.page_size, DEFAULT_PAGE_SIZE);
        assert_eq!(o.sort, Sort::Relevance);
        assert_eq!(o.heading_level, 2);
        assert_eq!(o.timeout_secs, DEFAULT_TIMEOUT_SECS);
        assert!(o.locked.is_empty());
        assert_eq!(
            Options::from_attributes([("page-size", "1e9")]).page_size,
            MAX_PAGE_SIZE
        );
    }

    #[test]
    fn reads_js_options() {
        let raw: JsOptions = serde_json::from_str(
            r#"{"registry":["a.jsonld"],"lang":"sv","facets":"theme","pageSize":10,
                "filters":{"publisher":["P1"]},"headingLevel":4}"#,
        )
        .unwrap();
        let o = Options::from_js_options(raw);
        assert_eq!(o.registry, vec!["a.jsonld"]);
        assert_eq!(o.facets, vec![Facet::Theme]);
        assert_eq!(o.page_size, 10);
        assert_eq!(o.locked.values(Facet::Publisher), ["P1"]);
        assert_eq!(o.heading_level, 4);
    }
}
