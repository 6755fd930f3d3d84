//! A metadata quality score following the EU's Metadata Quality Assessment
//! (MQA, data.europa.eu, methodology "Metadata Quality Assessment
//! Methodology", 2020+): five dimensions, each indicator worth the points
//! MQA gives it (405 in all), rated by MQA's bands (excellent ≥ 351, good ≥
//! 221, sufficient ≥ 121, else bad).
//!
//! Deviations, said in the README: an indicator this project cannot assess
//! (the registry readers do not keep `dct:spatial`, `dct:temporal`,
//! `dct:rights` or `dcat:byteSize`; link reachability unless the harvest
//! checks links) is left out of both the points and the maximum, and the
//! bands are applied to the share of the assessable maximum. A
//! distribution indicator earns its points when one of the dataset's
//! distributions meets it (MQA scores a dataset by its best distribution).

use super::rules::{findings, Obligation};
use crate::model::{Dataset, Distribution};
use crate::registry::url::is_absolute;
use crate::vocab;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    Bad,
    Sufficient,
    Good,
    Excellent,
}

impl Rating {
    pub const ALL: [Rating; 4] = [
        Rating::Excellent,
        Rating::Good,
        Rating::Sufficient,
        Rating::Bad,
    ];

    /// MQA's bands (of 405 points), applied to the share of the maximum.
    pub fn of(points: u32, max: u32) -> Rating {
        let at_least = |band: u32| max > 0 && points * 405 >= band * max;
        if at_least(351) {
            Rating::Excellent
        } else if at_least(221) {
            Rating::Good
        } else if at_least(121) {
            Rating::Sufficient
        } else {
            Rating::Bad
        }
    }

    /// The code used in the registry and in filters.
    pub fn code(self) -> &'static str {
        match self {
            Rating::Excellent => "excellent",
            Rating::Good => "good",
            Rating::Sufficient => "sufficient",
            Rating::Bad => "bad",
        }
    }

    pub fn from_code(code: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self, lang: &str) -> &'static str {
        match (self, lang == "sv") {
            (Rating::Excellent, true) => "Utmärkt",
            (Rating::Good, true) => "Bra",
            (Rating::Sufficient, true) => "Godtagbar",
            (Rating::Bad, true) => "Bristfällig",
            (Rating::Excellent, false) => "Excellent",
            (Rating::Good, false) => "Good",
            (Rating::Sufficient, false) => "Sufficient",
            (Rating::Bad, false) => "Bad",
        }
    }
}

/// What an indicator looks at.
enum Measure {
    Dataset(fn(&Dataset) -> bool),
    /// Met by one of the distributions.
    Distributions(fn(&Distribution) -> bool),
    /// One of the distributions' URLs answered (link check).
    Reachable(fn(&Distribution) -> Option<&str>),
    /// Not kept by the readers: not assessed.
    NotAssessed,
}

pub struct Indicator {
    pub dimension: &'static str,
    pub name: &'static str,
    pub property: &'static str,
    pub points: u32,
    measure: Measure,
}

const fn ind(
    dimension: &'static str,
    name: &'static str,
    property: &'static str,
    points: u32,
    measure: Measure,
) -> Indicator {
    Indicator {
        dimension,
        name,
        property,
        points,
        measure,
    }
}

/// File types MQA counts as machine-readable and as non-proprietary (the
/// EU file-type vocabulary's codes, as [`vocab::formats::format_label`]
/// gives them).
const MACHINE_READABLE: &[&str] = &[
    "CSV", "JSON", "XML", "RDF", "RDF_XML", "TTL", "TURTLE", "JSON_LD", "JSONLD", "GEOJSON",
    "XLSX", "XLS", "ODS", "SHP", "GML", "KML", "N3", "NT", "PX", "SPARQLQ", "TSV", "GPKG",
    "NETCDF", "API",
];
const NON_PROPRIETARY: &[&str] = &[
    "CSV", "JSON", "XML", "RDF", "RDF_XML", "TTL", "TURTLE", "JSON_LD", "JSONLD", "GEOJSON", "ODS",
    "ODT", "GML", "KML", "N3", "NT", "TXT", "HTML", "PDF", "TSV", "GPKG", "NETCDF", "PNG", "ZIP",
];

fn label(x: &Distribution) -> Option<String> {
    vocab::formats::distribution_format(x)
}

fn from_vocabulary(x: &Distribution) -> bool {
    let eu = |v: &Option<String>| {
        v.as_deref().is_some_and(|f| {
            f.contains("publications.europa.eu/resource/authority/file-type/")
                || f.contains("iana.org/assignments/media-types/")
        })
    };
    eu(&x.format) || eu(&x.media_type)
}

pub const INDICATORS: &[Indicator] = &[
    ind(
        "findability",
        "keywords",
        "dcat:keyword",
        30,
        Measure::Dataset(|d| !d.keywords.is_empty()),
    ),
    ind(
        "findability",
        "categories",
        "dcat:theme",
        30,
        Measure::Dataset(|d| !d.themes.is_empty()),
    ),
    ind(
        "findability",
        "geo search",
        "dct:spatial",
        20,
        Measure::NotAssessed,
    ),
    ind(
        "findability",
        "time-based search",
        "dct:temporal",
        20,
        Measure::NotAssessed,
    ),
    ind(
        "accessibility",
        "access URL reachable",
        "dcat:accessURL",
        50,
        Measure::Reachable(|x| x.access_url.as_deref()),
    ),
    ind(
        "accessibility",
        "download URL given",
        "dcat:downloadURL",
        20,
        Measure::Distributions(|x| x.download_url.as_deref().is_some_and(is_absolute)),
    ),
    ind(
        "accessibility",
        "download URL reachable",
        "dcat:downloadURL",
        30,
        Measure::Reachable(|x| x.download_url.as_deref()),
    ),
    ind(
        "interoperability",
        "format given",
        "dct:format",
        20,
        Measure::Distributions(|x| x.format.is_some()),
    ),
    ind(
        "interoperability",
        "media type given",
        "dcat:mediaType",
        10,
        Measure::Distributions(|x| x.media_type.is_some()),
    ),
    ind(
        "interoperability",
        "format from a vocabulary",
        "dct:format",
        10,
        Measure::Distributions(from_vocabulary),
    ),
    ind(
        "interoperability",
        "non-proprietary format",
        "dct:format",
        20,
        Measure::Distributions(|x| label(x).is_some_and(|l| NON_PROPRIETARY.contains(&l.as_str()))),
    ),
    ind(
        "interoperability",
        "machine-readable format",
        "dct:format",
        20,
        Measure::Distributions(|x| {
            label(x).is_some_and(|l| MACHINE_READABLE.contains(&l.as_str()))
        }),
    ),
    ind(
        "interoperability",
        "DCAT-AP-SE compliance",
        "(profile)",
        30,
        Measure::Dataset(|d| {
            findings(d)
                .iter()
                .all(|f| f.obligation != Obligation::Mandatory)
        }),
    ),
    ind(
        "reusability",
        "licence given",
        "dct:license",
        20,
        Measure::Dataset(|d| d.licences().next().is_some()),
    ),
    ind(
        "reusability",
        "licence from a vocabulary",
        "dct:license",
        10,
        Measure::Dataset(|d| {
            d.licences()
                .any(|l| vocab::licences::licence_label(l, "en").is_some())
        }),
    ),
    ind(
        "reusability",
        "access restrictions given",
        "dct:accessRights",
        10,
        Measure::Dataset(|d| d.access_rights.is_some()),
    ),
    ind(
        "reusability",
        "access restrictions from a vocabulary",
        "dct:accessRights",
        5,
        Measure::Dataset(|d| {
            d.access_rights
                .as_deref()
                .is_some_and(|a| vocab::access_rights::access_rights_label(a, "en").is_some())
        }),
    ),
    ind(
        "reusability",
        "contact point",
        "dcat:contactPoint",
        20,
        Measure::Dataset(|d| d.contact_point.is_some()),
    ),
    ind(
        "reusability",
        "publisher",
        "dct:publisher",
        10,
        Measure::Dataset(|d| d.publisher.is_some()),
    ),
    ind(
        "contextuality",
        "rights",
        "dct:rights",
        5,
        Measure::NotAssessed,
    ),
    ind(
        "contextuality",
        "file size",
        "dcat:byteSize",
        5,
        Measure::NotAssessed,
    ),
    ind(
        "contextuality",
        "date of issue",
        "dct:issued",
        5,
        Measure::Dataset(|d| d.issued.is_some()),
    ),
    ind(
        "contextuality",
        "modification date",
        "dct:modified",
        5,
        Measure::Dataset(|d| d.modified.is_some()),
    ),
];

/// A dataset's score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub points: u32,
    /// The most the assessed indicators give.
    pub max: u32,
    pub rating: Rating,
    /// The indicators that did not earn their full points (names).
    pub missing: Vec<&'static str>,
}

/// Scores `d`. `reachable(url)` answers a link check; `None`: links are
/// not checked and their indicators not assessed.
pub fn assess(d: &Dataset, reachable: Option<&dyn Fn(&str) -> bool>) -> Assessment {
    let (mut points, mut max, mut missing) = (0u32, 0u32, Vec::new());
    let dists = &d.distributions;
    let any = |met: bool, p: u32| if met { p } else { 0 };
    for i in INDICATORS {
        let earned = match (&i.measure, reachable) {
            (Measure::NotAssessed, _) | (Measure::Reachable(_), None) => continue,
            (Measure::Dataset(f), _) => {
                if f(d) {
                    i.points
                } else {
                    0
                }
            }
            (Measure::Distributions(f), _) => any(dists.iter().any(f), i.points),
            (Measure::Reachable(url), Some(ok)) => {
                any(dists.iter().any(|x| url(x).is_some_and(ok)), i.points)
            }
        };
        max += i.points;
        points += earned;
        if earned < i.points {
            missing.push(i.name);
        }
    }
    Assessment {
        points,
        max,
        rating: Rating::of(points, max),
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_indicators_add_up_to_mqas_405_points() {
        assert_eq!(INDICATORS.iter().map(|i| i.points).sum::<u32>(), 405);
        for dim in [
            "findability",
            "accessibility",
            "interoperability",
            "reusability",
            "contextuality",
        ] {
            let sum: u32 = INDICATORS
                .iter()
                .filter(|i| i.dimension == dim)
                .map(|i| i.points)
                .sum();
            let mqa = match dim {
                "findability" | "accessibility" => 100,
                "interoperability" => 110,
                "reusability" => 75,
                _ => 20,
            };
            assert_eq!(sum, mqa, "{dim}");
        }
    }

    #[test]
    fn bands_are_mqas_on_the_full_scale() {
        assert_eq!(Rating::of(351, 405), Rating::Excellent);
        assert_eq!(Rating::of(350, 405), Rating::Good);
        assert_eq!(Rating::of(221, 405), Rating::Good);
        assert_eq!(Rating::of(220, 405), Rating::Sufficient);
        assert_eq!(Rating::of(121, 405), Rating::Sufficient);
        assert_eq!(Rating::of(120, 405), Rating::Bad);
        assert_eq!(Rating::of(0, 0), Rating::Bad);
    }
}
