//! A list of selected facet values, the one type for every place filters
//! live: the search request, the locked filters of the options, what a
//! person ticked, and the shareable URL.
//!
//! Within a facet the values are OR-ed, across facets AND-ed. Facets keep
//! the order in which they were first filtered, values the order in which
//! they were chosen, so chips and URLs read in the order a person acted.

use super::facet::Facet;

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Filters(Vec<(Facet, Vec<String>)>);

impl Filters {
    pub fn new() -> Filters {
        Filters::default()
    }

    /// No value selected in any facet.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each filtered facet with its values.
    pub fn iter(&self) -> impl Iterator<Item = (Facet, &[String])> + '_ {
        self.0.iter().map(|(f, v)| (*f, v.as_slice()))
    }

    /// Every (facet, value), in order.
    pub fn pairs(&self) -> impl Iterator<Item = (Facet, &str)> + '_ {
        self.0
            .iter()
            .flat_map(|(f, vs)| vs.iter().map(move |v| (*f, v.as_str())))
    }

    /// The values selected in `facet` (empty: the facet is not filtered).
    pub fn values(&self, facet: Facet) -> &[String] {
        self.0
            .iter()
            .find(|(f, _)| *f == facet)
            .map_or(&[], |(_, v)| v.as_slice())
    }

    /// Whether `facet` is filtered at all.
    pub fn has(&self, facet: Facet) -> bool {
        !self.values(facet).is_empty()
    }

    pub fn contains(&self, facet: Facet, value: &str) -> bool {
        self.values(facet).iter().any(|v| v == value)
    }

    /// Adds `value` unless it is already selected (or blank).
    pub fn add(&mut self, facet: Facet, value: &str) {
        let value = value.trim();
        if value.is_empty() || self.contains(facet, value) {
            return;
        }
        match self.0.iter_mut().find(|(f, _)| *f == facet) {
            Some((_, values)) => values.push(value.to_string()),
            None => self.0.push((facet, vec![value.to_string()])),
        }
    }

    pub fn remove(&mut self, facet: Facet, value: &str) {
        for (f, values) in &mut self.0 {
            if *f == facet {
                values.retain(|v| v != value);
            }
        }
        self.0.retain(|(_, values)| !values.is_empty());
    }

    /// Ticks or unticks a value, as a checkbox does.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        if self.contains(facet, value) {
            self.remove(facet, value);
        } else {
            self.add(facet, value);
        }
    }

    /// Replaces the values of `facet` (none: the facet is no longer
    /// filtered).
    pub fn set(&mut self, facet: Facet, values: impl IntoIterator<Item = String>) {
        self.0.retain(|(f, _)| *f != facet);
        for v in values {
            self.add(facet, &v);
        }
    }

    /// These filters and `more` together (locked filters and a person's
    /// choices make one request).
    pub fn and(&self, more: &Filters) -> Filters {
        let mut all = self.clone();
        for (f, v) in more.pairs() {
            all.add(f, v);
        }
        all
    }

    /// A locked-filter attribute (`filter-access-rights="a | b"`): the facet
    /// and its values, or `None` when the name is not a filter attribute.
    /// Values are IRIs or names, and names contain spaces, so several are
    /// separated by `|`.
    pub fn attribute(name: &str, value: &str) -> Option<(Facet, Vec<String>)> {
        let facet = name.strip_prefix("filter-")?.parse().ok()?;
        let values = value
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        Some((facet, values))
    }

    /// URL parameters, `{prefix}{facet}={value}` once per value.
    pub fn to_params(&self, prefix: &str) -> Vec<(String, String)> {
        self.pairs()
            .map(|(f, v)| (format!("{prefix}{}", f.attribute_name()), v.to_string()))
            .collect()
    }

    /// Reads one URL parameter (its name without the prefix); `false` when
    /// it is not a facet.
    pub fn read_param(&mut self, name: &str, value: &str) -> bool {
        match name.parse::<Facet>() {
            Ok(facet) => {
                self.add(facet, value);
                true
            }
            Err(_) => false,
        }
    }
}

impl From<Vec<(Facet, Vec<String>)>> for Filters {
    fn from(list: Vec<(Facet, Vec<String>)>) -> Filters {
        list.into_iter()
            .flat_map(|(f, values)| values.into_iter().map(move |v| (f, v)))
            .collect()
    }
}

impl FromIterator<(Facet, String)> for Filters {
    fn from_iter<I: IntoIterator<Item = (Facet, String)>>(iter: I) -> Filters {
        let mut filters = Filters::new();
        for (f, v) in iter {
            filters.add(f, &v);
        }
        filters
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_adds_then_removes_and_drops_empty_facets() {
        let mut f = Filters::new();
        f.toggle(Facet::Format, "CSV");
        f.toggle(Facet::Format, "JSON");
        f.toggle(Facet::Theme, "T");
        assert_eq!(f.values(Facet::Format), ["CSV", "JSON"]);
        f.toggle(Facet::Format, "CSV");
        assert_eq!(f.values(Facet::Format), ["JSON"]);
        f.toggle(Facet::Format, "JSON");
        assert!(!f.has(Facet::Format));
        assert_eq!(f.pairs().collect::<Vec<_>>(), [(Facet::Theme, "T")]);
        f.toggle(Facet::Theme, "T");
        assert!(f.is_empty());
    }

    #[test]
    fn values_are_kept_once_and_blank_ones_never() {
        let mut f = Filters::new();
        f.add(Facet::License, "L");
        f.add(Facet::License, " L ");
        f.add(Facet::License, "  ");
        assert_eq!(f.values(Facet::License), ["L"]);
        f.set(Facet::License, vec!["A".into(), "B".into(), "A".into()]);
        assert_eq!(f.values(Facet::License), ["A", "B"]);
        f.set(Facet::License, Vec::new());
        assert!(f.is_empty());
    }

    #[test]
    fn locked_and_chosen_filters_make_one_request() {
        let locked = Filters::from(vec![(Facet::Publisher, vec!["P".into()])]);
        let chosen = Filters::from(vec![
            (Facet::Publisher, vec!["P".into(), "Q".into()]),
            (Facet::Format, vec!["CSV".into()]),
        ]);
        let both = locked.and(&chosen);
        assert_eq!(both.values(Facet::Publisher), ["P", "Q"]);
        assert_eq!(both.values(Facet::Format), ["CSV"]);
    }

    #[test]
    fn every_filter_attribute_is_read_including_access_rights() {
        for f in Facet::ALL {
            let name = format!("filter-{}", f.attribute_name());
            assert_eq!(
                Filters::attribute(&name, " a | b c |"),
                Some((f, vec!["a".to_string(), "b c".to_string()])),
                "{name}"
            );
        }
        assert_eq!(
            Filters::attribute("filter-access-rights", "x").map(|a| a.0),
            Some(Facet::AccessRights)
        );
        assert_eq!(Filters::attribute("filter-nothing", "x"), None);
        assert_eq!(Filters::attribute("publisher", "x"), None);
    }

    #[test]
    fn url_parameters_round_trip_with_dashes() {
        let f = Filters::from(vec![
            (Facet::AccessRights, vec!["x".into()]),
            (Facet::Format, vec!["CSV".into(), "JSON".into()]),
        ]);
        let params = f.to_params("cat-");
        assert_eq!(params[0], ("cat-access-rights".into(), "x".into()));
        let mut back = Filters::new();
        for (k, v) in &params {
            assert!(back.read_param(k.strip_prefix("cat-").unwrap(), v));
        }
        assert_eq!(back, f);
        assert!(!back.read_param("q", "x"));
    }
}
