//! What a person found, as URL query parameters, so they can share a link.
//!
//! Only when the webmaster enables it (`url-state` attribute): the widget
//! never touches the page's URL otherwise. Parameters carry a prefix
//! (`odc-` by default, or `<name>-` from `url-state="<name>"`) so several
//! widgets and the host's own parameters do not collide:
//! `?odc-q=befolkning&odc-format=CSV&odc-format=JSON&odc-sort=title&odc-page=2&odc-open=<dataset IRI>`.

use crate::search::{Filters, Sort};

/// The shareable part of the widget's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueryState {
    pub text: String,
    pub filters: Filters,
    pub sort: Option<Sort>,
    /// Zero-based.
    pub page: usize,
    /// The opened dataset's id.
    pub open: Option<String>,
}

/// Bounds against a crafted link: a person's real query is short.
const MAX_VALUES: usize = 64;
const MAX_LEN: usize = 2048;

/// The parameters for `state`, in a stable order; defaults are left out so
/// a plain page keeps a plain URL.
pub fn to_params(prefix: &str, state: &QueryState) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if !state.text.is_empty() {
        out.push((format!("{prefix}q"), state.text.clone()));
    }
    out.extend(state.filters.to_params(prefix));
    if let Some(sort) = state.sort {
        out.push((format!("{prefix}sort"), sort.as_str().to_string()));
    }
    if state.page > 0 {
        out.push((format!("{prefix}page"), (state.page + 1).to_string()));
    }
    if let Some(open) = &state.open {
        out.push((format!("{prefix}open"), open.clone()));
    }
    out
}

/// Reads the state back from a URL's parameters; anything unknown,
/// malformed or over the bounds is ignored.
pub fn from_params<'a>(
    prefix: &str,
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> QueryState {
    let mut state = QueryState::default();
    for (name, value) in params.into_iter().take(MAX_VALUES) {
        let Some(key) = name.strip_prefix(prefix) else {
            continue;
        };
        if value.len() > MAX_LEN {
            continue;
        }
        match key {
            "q" => state.text = value.to_string(),
            "sort" => state.sort = value.parse().ok(),
            "page" => {
                state.page = value
                    .parse::<usize>()
                    .ok()
                    .filter(|p| *p >= 1)
                    .map_or(0, |p| p - 1)
            }
            "open" => state.open = Some(value.to_string()),
            facet => {
                state.filters.read_param(facet, value);
            }
        }
    }
    state
}

/// The prefix for the `url-state` attribute's value.
pub fn prefix_for(name: &str) -> String {
    let name: String = name
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(32)
        .collect();
    if name.is_empty() {
        "odc-".to_string()
    } else {
        format!("{name}-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Facet;

    #[test]
    fn round_trips() {
        let state = QueryState {
            text: "befolkning kommun".into(),
            filters: vec![
                (Facet::Format, vec!["CSV".into(), "JSON".into()]),
                (Facet::AccessRights, vec!["x".into()]),
            ]
            .into(),
            sort: Some(Sort::Title),
            page: 2,
            open: Some("https://example.se/dataset/1".into()),
        };
        let params = to_params("odc-", &state);
        assert!(params.contains(&("odc-access-rights".into(), "x".into())));
        assert!(params.contains(&("odc-page".into(), "3".into())));
        let back = from_params("odc-", params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(back, state);
    }

    #[test]
    fn plain_state_gives_no_parameters() {
        assert!(to_params("odc-", &QueryState::default()).is_empty());
    }

    #[test]
    fn ignores_other_parameters_and_bad_values() {
        let s = from_params(
            "odc-",
            [
                ("q", "host"),
                ("odc-page", "0"),
                ("odc-page", "x"),
                ("odc-sort", "sideways"),
                ("odc-bogus", "1"),
                ("b-q", "other"),
            ],
        );
        assert_eq!(s, QueryState::default());
        let b = from_params("b-", [("odc-q", "a"), ("b-q", "other")]);
        assert_eq!(b.text, "other");
        let huge = "x".repeat(MAX_LEN + 1);
        assert_eq!(from_params("odc-", [("odc-q", huge.as_str())]).text, "");
    }

    #[test]
    fn prefixes() {
        assert_eq!(prefix_for(""), "odc-");
        assert_eq!(prefix_for("cat 1!"), "cat1-");
    }
}
