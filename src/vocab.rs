//! Labels for controlled vocabularies, in Swedish and English.
//!
//! * EU data themes (`…/authority/data-theme/…`)
//! * EU access rights (`…/authority/access-right/…`)
//! * licences (Creative Commons, Open Data Commons, EU licence vocabulary)
//! * update frequencies (EU frequency vocabulary, Dublin Core `cld/freq`)
//! * file formats: [`format_label`] normalises the many ways registries
//!   state a format to one short label (`CSV`, `JSON`, …), which is also the
//!   key of the format facet.
//!
//! Unknown IRIs give `None`; the UI then shows the IRI's last path segment.
//! `lang` is `"sv"` for Swedish, anything else gives English.

use crate::search::Facet;

const EU: &str = "http://publications.europa.eu/resource/authority/";

/// (code, Swedish, English)
type Entry = (&'static str, &'static str, &'static str);

const THEMES: &[Entry] = &[
    (
        "AGRI",
        "Jordbruk, fiske, skogsbruk och livsmedel",
        "Agriculture, fisheries, forestry and food",
    ),
    ("ECON", "Ekonomi och finans", "Economy and finance"),
    (
        "EDUC",
        "Utbildning, kultur och sport",
        "Education, culture and sport",
    ),
    ("ENER", "Energi", "Energy"),
    ("ENVI", "Miljö", "Environment"),
    (
        "GOVE",
        "Regeringen och den offentliga sektorn",
        "Government and public sector",
    ),
    ("HEAL", "Hälsa", "Health"),
    ("INTR", "Internationella frågor", "International issues"),
    (
        "JUST",
        "Rättvisa, rättssystem och allmän säkerhet",
        "Justice, legal system and public safety",
    ),
    ("OP_DATPRO", "Tillfälliga uppgifter", "Provisional data"),
    ("REGI", "Regioner och städer", "Regions and cities"),
    ("SOCI", "Befolkning och samhälle", "Population and society"),
    ("TECH", "Vetenskap och teknik", "Science and technology"),
    ("TRAN", "Transport", "Transport"),
];

const ACCESS_RIGHTS: &[Entry] = &[
    ("PUBLIC", "Offentlig", "Public"),
    ("RESTRICTED", "Begränsad", "Restricted"),
    ("NON_PUBLIC", "Icke-offentlig", "Non-public"),
];

const FREQUENCIES: &[Entry] = &[
    ("1MIN", "Varje minut", "Every minute"),
    ("5MIN", "Var femte minut", "Every five minutes"),
    ("10MIN", "Var tionde minut", "Every ten minutes"),
    ("15MIN", "Var femtonde minut", "Every fifteen minutes"),
    ("30MIN", "Var trettionde minut", "Every thirty minutes"),
    ("HOURLY", "Varje timme", "Hourly"),
    ("BIHOURLY", "Varannan timme", "Every two hours"),
    ("TRIHOURLY", "Var tredje timme", "Every three hours"),
    ("12HRS", "Var tolfte timme", "Every twelve hours"),
    ("CONT", "Kontinuerligt", "Continuous"),
    (
        "UPDATE_CONT",
        "Uppdateras kontinuerligt",
        "Continuously updated",
    ),
    ("DAILY", "Dagligen", "Daily"),
    ("DAILY_2", "Två gånger om dagen", "Twice a day"),
    ("WEEKLY", "Varje vecka", "Weekly"),
    ("WEEKLY_2", "Två gånger i veckan", "Twice a week"),
    ("WEEKLY_3", "Tre gånger i veckan", "Three times a week"),
    ("BIWEEKLY", "Varannan vecka", "Every two weeks"),
    ("MONTHLY", "Varje månad", "Monthly"),
    ("MONTHLY_2", "Två gånger i månaden", "Twice a month"),
    ("MONTHLY_3", "Tre gånger i månaden", "Three times a month"),
    ("BIMONTHLY", "Varannan månad", "Every two months"),
    ("QUARTERLY", "Kvartalsvis", "Quarterly"),
    ("ANNUAL_2", "Två gånger om året", "Twice a year"),
    ("ANNUAL_3", "Tre gånger om året", "Three times a year"),
    ("ANNUAL", "Årligen", "Annual"),
    ("BIENNIAL", "Vartannat år", "Every two years"),
    ("TRIENNIAL", "Vart tredje år", "Every three years"),
    ("QUADRENNIAL", "Vart fjärde år", "Every four years"),
    ("QUINQUENNIAL", "Vart femte år", "Every five years"),
    ("DECENNIAL", "Vart tionde år", "Every ten years"),
    ("IRREG", "Oregelbundet", "Irregular"),
    ("AS_NEEDED", "Vid behov", "As needed"),
    ("NOT_PLANNED", "Inte planerat", "Not planned"),
    ("NEVER", "Aldrig", "Never"),
    ("OTHER", "Annan", "Other"),
    ("UNKNOWN", "Okänd", "Unknown"),
    ("OP_DATPRO", "Tillfälliga uppgifter", "Provisional data"),
];

/// Dublin Core Collection Description frequencies (`http://purl.org/cld/freq/…`)
/// → EU frequency code.
const CLD_FREQ: &[(&str, &str)] = &[
    ("annual", "ANNUAL"),
    ("biennial", "BIENNIAL"),
    ("bimonthly", "BIMONTHLY"),
    ("biweekly", "BIWEEKLY"),
    ("continuous", "CONT"),
    ("daily", "DAILY"),
    ("irregular", "IRREG"),
    ("monthly", "MONTHLY"),
    ("quarterly", "QUARTERLY"),
    ("semiannual", "ANNUAL_2"),
    ("semimonthly", "MONTHLY_2"),
    ("semiweekly", "WEEKLY_2"),
    ("threetimesamonth", "MONTHLY_3"),
    ("threetimesaweek", "WEEKLY_3"),
    ("threetimesayear", "ANNUAL_3"),
    ("triennial", "TRIENNIAL"),
    ("weekly", "WEEKLY"),
];

/// Licence IRIs without scheme, `www.`, trailing slash, `deed.xx` or
/// `legalcode` (lower-case) → label.
const LICENCES: &[(&str, &str)] = &[
    ("creativecommons.org/publicdomain/zero/1.0", "CC0 1.0"),
    (
        "creativecommons.org/publicdomain/mark/1.0",
        "Public Domain Mark 1.0",
    ),
    ("creativecommons.org/licenses/by/4.0", "CC BY 4.0"),
    ("creativecommons.org/licenses/by/3.0", "CC BY 3.0"),
    ("creativecommons.org/licenses/by/2.5", "CC BY 2.5"),
    ("creativecommons.org/licenses/by-sa/4.0", "CC BY-SA 4.0"),
    ("creativecommons.org/licenses/by-sa/3.0", "CC BY-SA 3.0"),
    ("creativecommons.org/licenses/by-nc/4.0", "CC BY-NC 4.0"),
    ("creativecommons.org/licenses/by-nd/4.0", "CC BY-ND 4.0"),
    (
        "creativecommons.org/licenses/by-nc-sa/4.0",
        "CC BY-NC-SA 4.0",
    ),
    (
        "creativecommons.org/licenses/by-nc-nd/4.0",
        "CC BY-NC-ND 4.0",
    ),
    ("opendatacommons.org/licenses/odbl/1.0", "ODbL 1.0"),
    ("opendatacommons.org/licenses/odbl", "ODbL"),
    ("opendatacommons.org/licenses/by/1.0", "ODC-By 1.0"),
    ("opendatacommons.org/licenses/pddl/1.0", "PDDL 1.0"),
    (
        "publications.europa.eu/resource/authority/licence/cc0",
        "CC0 1.0",
    ),
    (
        "publications.europa.eu/resource/authority/licence/cc_by_4_0",
        "CC BY 4.0",
    ),
    (
        "publications.europa.eu/resource/authority/licence/cc_by_3_0",
        "CC BY 3.0",
    ),
    (
        "publications.europa.eu/resource/authority/licence/cc_bysa_4_0",
        "CC BY-SA 4.0",
    ),
    (
        "publications.europa.eu/resource/authority/licence/cc_bysa_3_0",
        "CC BY-SA 3.0",
    ),
    (
        "publications.europa.eu/resource/authority/licence/cc_bync_4_0",
        "CC BY-NC 4.0",
    ),
    (
        "publications.europa.eu/resource/authority/licence/cc_bynd_4_0",
        "CC BY-ND 4.0",
    ),
    (
        "publications.europa.eu/resource/authority/licence/cc_byncsa_4_0",
        "CC BY-NC-SA 4.0",
    ),
    (
        "publications.europa.eu/resource/authority/licence/cc_byncnd_4_0",
        "CC BY-NC-ND 4.0",
    ),
    (
        "publications.europa.eu/resource/authority/licence/odc_bl",
        "ODbL 1.0",
    ),
    (
        "publications.europa.eu/resource/authority/licence/odc_by",
        "ODC-By 1.0",
    ),
    (
        "publications.europa.eu/resource/authority/licence/odc_pddl",
        "PDDL 1.0",
    ),
    (
        "publications.europa.eu/resource/authority/licence/eupl_1_2",
        "EUPL 1.2",
    ),
    ("data.norge.no/nlod/no/2.0", "NLOD 2.0"),
];

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

fn pick(e: &Entry, lang: &str) -> &'static str {
    if lang == "sv" {
        e.1
    } else {
        e.2
    }
}

/// The code after `prefix` in an EU authority IRI (`http` or `https`,
/// trailing slash ignored).
fn eu_code<'a>(iri: &'a str, table: &str) -> Option<&'a str> {
    let iri = iri.trim();
    let rest = iri
        .strip_prefix("https://")
        .or_else(|| iri.strip_prefix("http://"))?;
    let rest = rest.strip_prefix(&EU["http://".len()..])?;
    let code = rest.strip_prefix(table)?.strip_prefix('/')?;
    Some(code.trim_end_matches('/'))
}

fn lookup(table: &[Entry], code: &str, lang: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|e| e.0.eq_ignore_ascii_case(code))
        .map(|e| pick(e, lang))
}

/// Label of an EU data theme (`…/data-theme/SOCI` → "Befolkning och samhälle").
pub fn theme_label(iri: &str, lang: &str) -> Option<&'static str> {
    lookup(THEMES, eu_code(iri, "data-theme")?, lang)
}

/// Label of an EU access-right IRI (`…/access-right/PUBLIC` → "Offentlig").
pub fn access_rights_label(iri: &str, lang: &str) -> Option<&'static str> {
    lookup(ACCESS_RIGHTS, eu_code(iri, "access-right")?, lang)
}

/// Label of an update frequency: the EU frequency vocabulary or Dublin
/// Core `http://purl.org/cld/freq/…`.
pub fn frequency_label(iri: &str, lang: &str) -> Option<&'static str> {
    if let Some(code) = eu_code(iri, "frequency") {
        return lookup(FREQUENCIES, code, lang);
    }
    let iri = iri.trim().trim_end_matches('/');
    let rest = iri
        .strip_prefix("http://")
        .or_else(|| iri.strip_prefix("https://"))?;
    let name = rest.strip_prefix("purl.org/cld/freq/")?;
    let code = CLD_FREQ
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))?
        .1;
    lookup(FREQUENCIES, code, lang)
}

/// Short label of a licence IRI ("CC0 1.0", "CC BY 4.0"); the same in both
/// languages (licence names are not translated), `lang` is for symmetry.
pub fn license_label(iri: &str, _lang: &str) -> Option<&'static str> {
    let key = licence_key(iri);
    LICENCES.iter().find(|(k, _)| *k == key).map(|(_, l)| *l)
}

fn licence_key(iri: &str) -> String {
    let iri = iri.trim();
    let mut s = iri
        .strip_prefix("https://")
        .or_else(|| iri.strip_prefix("http://"))
        .unwrap_or(iri);
    s = s.strip_prefix("www.").unwrap_or(s);
    let mut s = s
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    // `…/by/4.0/deed.sv`, `…/by/4.0/legalcode`, `…/legalcode.sv`
    if let Some(pos) = s.rfind('/') {
        let last = &s[pos + 1..];
        if last.starts_with("deed") || last.starts_with("legalcode") {
            s = &s[..pos];
        }
    }
    s.to_ascii_lowercase()
}

/// Label of a facet value in `lang`, where the vocabulary has one
/// (themes, licences, access rights; formats are their own labels).
/// Publishers are labelled by their name, which the caller has.
pub fn label(facet: Facet, key: &str, lang: &str) -> Option<&'static str> {
    match facet {
        Facet::Theme => theme_label(key, lang),
        Facet::License => license_label(key, lang),
        Facet::AccessRights => access_rights_label(key, lang),
        Facet::Publisher | Facet::Format => None,
    }
}

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

    const DT: &str = "http://publications.europa.eu/resource/authority/data-theme/";

    #[test]
    fn themes() {
        for code in [
            "AGRI",
            "ECON",
            "EDUC",
            "ENER",
            "ENVI",
            "GOVE",
            "HEAL",
            "INTR",
            "JUST",
            "OP_DATPRO",
            "REGI",
            "SOCI",
            "TECH",
            "TRAN",
        ] {
            let iri = format!("{DT}{code}");
            assert!(theme_label(&iri, "sv").is_some(), "{code}");
            assert!(theme_label(&iri, "en").is_some(), "{code}");
        }
        assert_eq!(
            theme_label(&format!("{DT}SOCI"), "sv"),
            Some("Befolkning och samhälle")
        );
        assert_eq!(
            theme_label(&format!("{DT}SOCI"), "en"),
            Some("Population and society")
        );
        assert_eq!(
            theme_label(
                "https://publications.europa.eu/resource/authority/data-theme/ENVI/",
                "sv"
            ),
            Some("Miljö")
        );
        assert_eq!(theme_label(&format!("{DT}NOPE"), "sv"), None);
        assert_eq!(theme_label("SOCI", "sv"), None);
        assert_eq!(theme_label("", "sv"), None);
    }

    #[test]
    fn access_rights_and_frequencies() {
        let ar = "http://publications.europa.eu/resource/authority/access-right/";
        assert_eq!(
            access_rights_label(&format!("{ar}PUBLIC"), "sv"),
            Some("Offentlig")
        );
        assert_eq!(
            access_rights_label(&format!("{ar}NON_PUBLIC"), "en"),
            Some("Non-public")
        );
        assert_eq!(
            access_rights_label(&format!("{ar}RESTRICTED"), "sv"),
            Some("Begränsad")
        );
        let fr = "http://publications.europa.eu/resource/authority/frequency/";
        assert_eq!(
            frequency_label(&format!("{fr}ANNUAL"), "sv"),
            Some("Årligen")
        );
        assert_eq!(
            frequency_label(&format!("{fr}IRREG"), "en"),
            Some("Irregular")
        );
        assert_eq!(
            frequency_label(&format!("{fr}UNKNOWN"), "sv"),
            Some("Okänd")
        );
        assert_eq!(
            frequency_label("http://purl.org/cld/freq/monthly", "sv"),
            Some("Varje månad")
        );
        assert_eq!(frequency_label(&format!("{fr}SOMETIMES"), "sv"), None);
    }

    #[test]
    fn licences() {
        for iri in [
            "http://creativecommons.org/publicdomain/zero/1.0/",
            "https://creativecommons.org/publicdomain/zero/1.0",
            "http://publications.europa.eu/resource/authority/licence/CC0",
        ] {
            assert_eq!(license_label(iri, "sv"), Some("CC0 1.0"), "{iri}");
        }
        for iri in [
            "http://creativecommons.org/licenses/by/4.0/",
            "https://creativecommons.org/licenses/by/4.0",
            "https://creativecommons.org/licenses/by/4.0/deed.sv",
            "https://creativecommons.org/licenses/by/4.0/legalcode",
            "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
        ] {
            assert_eq!(license_label(iri, "en"), Some("CC BY 4.0"), "{iri}");
        }
        assert_eq!(
            license_label("https://creativecommons.org/licenses/by-sa/4.0/", "sv"),
            Some("CC BY-SA 4.0")
        );
        assert_eq!(license_label("https://example.org/licence", "sv"), None);
        assert_eq!(
            label(
                Facet::License,
                "http://creativecommons.org/publicdomain/zero/1.0/",
                "sv"
            ),
            Some("CC0 1.0")
        );
    }

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
