//! File formats: the many ways registries state a format (an EU file-type
//! IRI, an IANA media type or its IRI, a file extension, free text) become
//! one short upper-case label (`CSV`, `JSON`, `PX`, …). The label is also
//! the key of the format facet, so reader input → key and key → label are
//! one rule here.

/// Media types (lower-case, without parameters) → format label.
const MEDIA_TYPES: &[(&str, &str)] = &[
    ("text/csv", "CSV"),
    ("application/csv", "CSV"),
    ("text/comma-separated-values", "CSV"),
    ("text/tab-separated-values", "TSV"),
    ("application/json", "JSON"),
    ("text/json", "JSON"),
    ("application/ld+json", "JSON-LD"),
    ("application/geo+json", "GEOJSON"),
    ("application/vnd.geo+json", "GEOJSON"),
    ("application/xml", "XML"),
    ("text/xml", "XML"),
    ("application/rdf+xml", "RDF/XML"),
    ("text/turtle", "TURTLE"),
    ("application/x-turtle", "TURTLE"),
    ("application/n-triples", "N-TRIPLES"),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "XLSX",
    ),
    ("application/vnd.ms-excel", "XLS"),
    ("application/vnd.oasis.opendocument.spreadsheet", "ODS"),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "DOCX",
    ),
    ("application/msword", "DOC"),
    ("application/vnd.oasis.opendocument.text", "ODT"),
    ("application/pdf", "PDF"),
    ("application/zip", "ZIP"),
    ("application/x-zip-compressed", "ZIP"),
    ("application/gzip", "GZIP"),
    ("text/html", "HTML"),
    ("application/xhtml+xml", "HTML"),
    ("text/plain", "TXT"),
    ("application/x-pc-axis", "PX"),
    ("text/x-pc-axis", "PX"),
    ("application/vnd.google-earth.kml+xml", "KML"),
    ("application/vnd.google-earth.kmz", "KMZ"),
    ("application/gml+xml", "GML"),
    ("application/x-shapefile", "SHP"),
    ("application/x-esri-shape", "SHP"),
    ("application/vnd.shp", "SHP"),
    ("application/geopackage+sqlite3", "GPKG"),
    ("application/vnd.sqlite3", "SQLITE"),
    ("application/vnd.apache.parquet", "PARQUET"),
    ("application/x-parquet", "PARQUET"),
    ("application/x-netcdf", "NETCDF"),
    ("application/sparql-results+json", "JSON"),
    ("application/sparql-results+xml", "XML"),
    ("application/atom+xml", "ATOM"),
    ("application/rss+xml", "RSS"),
    ("image/png", "PNG"),
    ("image/jpeg", "JPEG"),
    ("image/tiff", "TIFF"),
    ("image/geotiff", "GEOTIFF"),
    ("image/svg+xml", "SVG"),
];

/// EU file-type codes and plain-text spellings whose label differs from
/// the upper-cased code.
const FORMAT_ALIASES: &[(&str, &str)] = &[
    ("RDF_XML", "RDF/XML"),
    ("RDF", "RDF/XML"),
    ("RDF_TURTLE", "TURTLE"),
    ("TTL", "TURTLE"),
    ("RDF_N_TRIPLES", "N-TRIPLES"),
    ("JSON_LD", "JSON-LD"),
    ("JSONLD", "JSON-LD"),
    ("XHTML", "HTML"),
    ("HTM", "HTML"),
    ("TEXT", "TXT"),
    ("JPG", "JPEG"),
    ("TIF", "TIFF"),
    ("GZ", "GZIP"),
    ("SHAPEFILE", "SHP"),
    ("PC-AXIS", "PX"),
    ("PCAXIS", "PX"),
    ("EXCEL", "XLSX"),
    ("MS EXCEL", "XLS"),
];

/// The format label of a distribution: its `dcterms:format`, else its
/// `dcat:mediaType`. One rule for the format facet, the result badges and
/// the opened dataset, so they always agree.
pub fn distribution_format(dist: &crate::model::Distribution) -> Option<String> {
    dist.format
        .as_deref()
        .and_then(format_label)
        .or_else(|| dist.media_type.as_deref().and_then(format_label))
}

/// A short, upper-case format label from whatever a registry gave as
/// `dcterms:format` or `dcat:mediaType`: an EU file-type IRI
/// (`…/file-type/CSV` → "CSV"), an IANA media-type IRI or a media type
/// (`text/csv` → "CSV", `application/x-pc-axis` → "PX"), or a plain string
/// (upper-cased, trimmed: `csv` → "CSV"). Blank → `None`.
pub fn format_label(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    let without_scheme = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let label = if let Some(rest) = without_scheme {
        let rest = rest
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .trim_end_matches('/');
        if let Some(code) =
            rest.strip_prefix("publications.europa.eu/resource/authority/file-type/")
        {
            code.to_ascii_uppercase()
        } else if let Some(mt) = rest
            .strip_prefix("www.iana.org/assignments/media-types/")
            .or_else(|| rest.strip_prefix("iana.org/assignments/media-types/"))
            .or_else(|| rest.strip_prefix("purl.org/net/mediatypes/"))
        {
            media_type_label(mt)
        } else {
            // Some other IRI: its last path segment.
            rest.rsplit('/').next().unwrap_or("").to_ascii_uppercase()
        }
    } else if is_media_type(&lower) {
        media_type_label(&lower)
    } else {
        let t = s.trim_start_matches('.').trim();
        t.to_uppercase()
    };
    let label = label.trim();
    if label.is_empty() {
        return None;
    }
    match FORMAT_ALIASES.iter().find(|(a, _)| *a == label) {
        Some((_, l)) => Some((*l).to_string()),
        None => Some(label.to_string()),
    }
}

/// Looks like `type/subtype[; params]`.
fn is_media_type(s: &str) -> bool {
    let head = s.split(';').next().unwrap_or("").trim();
    head.contains('/') && !head.contains(char::is_whitespace)
}

/// `type/subtype[; params]` (lower-case) → label.
fn media_type_label(mt: &str) -> String {
    let mt = mt.split(';').next().unwrap_or("").trim();
    if let Some((_, l)) = MEDIA_TYPES.iter().find(|(m, _)| *m == mt) {
        return (*l).to_string();
    }
    let sub = mt.rsplit('/').next().unwrap_or(mt);
    if sub.ends_with("+json") {
        return "JSON".into();
    }
    if sub.ends_with("+xml") {
        return "XML".into();
    }
    let sub = sub
        .strip_prefix("x-")
        .or_else(|| sub.strip_prefix("vnd."))
        .unwrap_or(sub);
    sub.to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let f = |s: &str| format_label(s);
        assert_eq!(
            f("http://publications.europa.eu/resource/authority/file-type/CSV").as_deref(),
            Some("CSV")
        );
        assert_eq!(
            f("http://publications.europa.eu/resource/authority/file-type/RDF_XML").as_deref(),
            Some("RDF/XML")
        );
        assert_eq!(
            f("https://www.iana.org/assignments/media-types/text/csv").as_deref(),
            Some("CSV")
        );
        assert_eq!(f("text/csv").as_deref(), Some("CSV"));
        assert_eq!(f("text/csv; charset=utf-8").as_deref(), Some("CSV"));
        assert_eq!(f("application/json").as_deref(), Some("JSON"));
        assert_eq!(
            f("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").as_deref(),
            Some("XLSX")
        );
        assert_eq!(f("application/x-pc-axis").as_deref(), Some("PX"));
        assert_eq!(f("px").as_deref(), Some("PX"));
        assert_eq!(f(" csv ").as_deref(), Some("CSV"));
        assert_eq!(f(".xlsx").as_deref(), Some("XLSX"));
        assert_eq!(f("application/foo+json").as_deref(), Some("JSON"));
        assert_eq!(f("application/rdf+xml").as_deref(), Some("RDF/XML"));
        assert_eq!(f("Shapefile").as_deref(), Some("SHP"));
        assert_eq!(f(""), None);
        assert_eq!(f("   "), None);
        assert_eq!(f("/"), None);
        assert_eq!(f("http://"), None);
    }
}
