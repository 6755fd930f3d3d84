//! The widget's own words, in Swedish and English.
//!
//! One struct per language rather than a key → string map: a missing
//! translation is a compile error, and the texts cost no lookup at run time.
//! Texts with a number are functions so each language can inflect.

use crate::config::Lang;
use crate::search::Facet;

pub struct Texts {
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub filters_heading: &'static str,
    pub show_filters: &'static str,
    pub show_more: &'static str,
    pub show_less: &'static str,
    pub active_filters: &'static str,
    pub remove_filter: &'static str,
    pub clear_all: &'static str,
    pub sort_label: &'static str,
    pub sort_relevance: &'static str,
    pub sort_title: &'static str,
    pub sort_modified: &'static str,
    pub sort_quality: &'static str,
    pub loading: &'static str,
    /// After the count while a large registry still downloads: the count
    /// and the results are of what has arrived.
    pub loading_more: &'static str,
    /// After the count instead, once the person has asked for something
    /// else meanwhile: it is answered from what has arrived when the next
    /// part of the registry arrives (`crate::worker::early`).
    pub search_waits: &'static str,
    pub no_results: &'static str,
    /// [`Texts::no_results`] of the datasets that have arrived, while a
    /// registry still downloads.
    pub no_results_so_far: &'static str,
    pub no_results_hint: &'static str,
    /// No dataset matched every word; the results match some of them.
    pub partial_match: &'static str,
    /// A search service answered with results but not every filter count.
    pub facets_unavailable: &'static str,
    /// Before a suggested query when nothing matched: "Did you mean".
    pub did_you_mean: &'static str,
    pub retry: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub pagination: &'static str,
    pub results_label: &'static str,
    pub modified: &'static str,
    pub issued: &'static str,
    pub license: &'static str,
    pub publisher: &'static str,
    pub formats: &'static str,
    pub distributions: &'static str,
    pub download: &'static str,
    pub access: &'static str,
    pub contact: &'static str,
    pub update_frequency: &'static str,
    pub landing_page: &'static str,
    pub access_rights: &'static str,
    pub theme: &'static str,
    pub keywords: &'static str,
    pub close: &'static str,
    pub untitled: &'static str,
    pub unknown: &'static str,
    pub error_heading: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_not_catalogue: &'static str,
    pub error_broken: &'static str,
    /// The reader for RDF registries (a second module) could not be
    /// downloaded: like a network failure, "try again" can fix it.
    pub error_module: &'static str,
    pub error_no_registry: &'static str,
    pub facet_publisher: &'static str,
    pub facet_theme: &'static str,
    pub facet_format: &'static str,
    pub facet_license: &'static str,
    pub facet_access_rights: &'static str,
    pub facet_quality: &'static str,
    /// Before a dataset's quality rating ("Metadatakvalitet: Bra, 83 %").
    pub quality: &'static str,
    /// Heading of the list of what a dataset's description lacks.
    pub quality_missing: &'static str,
    pub count: fn(usize) -> String,
    pub page_of: fn(usize, usize) -> String,
    pub http_error: fn(u16) -> String,
    pub skipped: fn(usize) -> String,
    pub source_failed: fn(&str) -> String,
    pub too_large: fn(u64) -> String,
    pub stale_copy: fn(&str, &str) -> String,
    pub cors: fn(&str, &str) -> String,
}

impl Texts {
    pub fn facet(&self, facet: Facet) -> &'static str {
        match facet {
            Facet::Publisher => self.facet_publisher,
            Facet::Theme => self.facet_theme,
            Facet::Format => self.facet_format,
            Facet::License => self.facet_license,
            Facet::AccessRights => self.facet_access_rights,
            Facet::Quality => self.facet_quality,
        }
    }
}

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

static SV: Texts = Texts {
    search_label: "Sök bland datamängder",
    search_placeholder: "T.ex. befolkning, trafik, skolor",
    filters_heading: "Filtrera",
    show_filters: "Visa filter",
    show_more: "Visa fler",
    show_less: "Visa färre",
    active_filters: "Valda filter",
    remove_filter: "Ta bort filter",
    clear_all: "Rensa alla filter",
    sort_label: "Sortera",
    sort_relevance: "Relevans",
    sort_title: "Titel (A–Ö)",
    sort_modified: "Senast ändrad",
    sort_quality: "Bäst metadatakvalitet",
    loading: "Hämtar datamängder …",
    loading_more: "hittills – hämtar fler …",
    search_waits: "hittills – din sökning görs när fler har hämtats …",
    no_results: "Inga datamängder matchar din sökning.",
    no_results_so_far: "Inga av de datamängder som hämtats hittills matchar din sökning – fler hämtas …",
    no_results_hint: "Pröva andra sökord eller ta bort filter.",
    partial_match: "Inga träffar på alla ord – visar träffar på några av dem.",
    facets_unavailable: "Några filter kunde inte räknas just nu; träffarna stämmer.",
    did_you_mean: "Menade du",
    retry: "Försök igen",
    previous_page: "Föregående sida",
    next_page: "Nästa sida",
    pagination: "Sidor",
    results_label: "Sökresultat",
    modified: "Ändrad",
    issued: "Publicerad",
    license: "Licens",
    publisher: "Utgivare",
    formats: "Format",
    distributions: "Distributioner",
    download: "Ladda ner",
    access: "Öppna",
    contact: "Kontakt",
    update_frequency: "Uppdateringsfrekvens",
    landing_page: "Webbsida",
    access_rights: "Åtkomst",
    theme: "Tema",
    keywords: "Nyckelord",
    close: "Stäng",
    untitled: "Namnlös datamängd",
    unknown: "Okänd",
    error_heading: "Katalogen kunde inte visas",
    error_network: "Det gick inte att nå katalogen. Kontrollera din anslutning och försök igen.",
    error_timeout: "Katalogen svarade inte i tid.",
    error_not_catalogue: "Filen är ingen datakatalog som kan läsas.",
    error_broken: "Katalogfilen är trasig eller ofullständig och kunde inte läsas.",
    error_module: "Delen av katalogen som läser RDF-filer kunde inte hämtas. Kontrollera din anslutning och försök igen.",
    error_no_registry: "Ingen katalog är angiven (attributet registry saknas).",
    facet_publisher: "Utgivare",
    facet_theme: "Tema",
    facet_format: "Format",
    facet_license: "Licens",
    facet_access_rights: "Åtkomst",
    facet_quality: "Metadatakvalitet",
    quality: "Metadatakvalitet",
    quality_missing: "Det här saknas i beskrivningen",
    count: |n| match n {
        0 => "Inga datamängder".to_string(),
        1 => "1 datamängd".to_string(),
        n => format!("{} datamängder", group_digits(n, '\u{a0}')),
    },
    page_of: |p, n| format!("Sida {p} av {n}"),
    http_error: |status| format!("Katalogens server svarade med fel {status}."),
    skipped: |n| match n {
        1 => "1 datamängd kunde inte läsas och visas inte.".to_string(),
        n => format!("{n} datamängder kunde inte läsas och visas inte."),
    },
    source_failed: |url| {
        format!("Katalogen {url} kunde inte hämtas eller läsas. Övriga kataloger visas.")
    },
    too_large: |bytes| {
        format!(
            "Katalogen är för stor att visa här ({} MB).",
            bytes / (1024 * 1024)
        )
    },
    stale_copy: |url, date| {
        format!("Katalogen {url} kunde inte nås just nu. Visar en sparad kopia från {date}.")
    },
    cors: |host, origin| {
        format!("Katalogens server {host} tillåter inte att katalogen visas på den här webbplatsen. Den som driver servern behöver låta den svara med rubriken Access-Control-Allow-Origin: * (eller {origin}).")
    },
};

static EN: Texts = Texts {
    search_label: "Search datasets",
    search_placeholder: "E.g. population, traffic, schools",
    filters_heading: "Filter",
    show_filters: "Show filters",
    show_more: "Show more",
    show_less: "Show fewer",
    active_filters: "Active filters",
    remove_filter: "Remove filter",
    clear_all: "Clear all filters",
    sort_label: "Sort by",
    sort_relevance: "Relevance",
    sort_title: "Title (A–Z)",
    sort_modified: "Recently modified",
    sort_quality: "Best metadata quality",
    loading: "Loading datasets …",
    loading_more: "so far – loading more …",
    search_waits: "so far – your search runs as more arrive …",
    no_results: "No datasets match your search.",
    no_results_so_far: "None of the datasets that have arrived so far match your search – more are on their way …",
    no_results_hint: "Try other words or remove filters.",
    partial_match: "No results for all the words – showing results for some of them.",
    facets_unavailable: "Some filters could not be counted just now; the results are right.",
    did_you_mean: "Did you mean",
    retry: "Try again",
    previous_page: "Previous page",
    next_page: "Next page",
    pagination: "Pages",
    results_label: "Search results",
    modified: "Modified",
    issued: "Published",
    license: "Licence",
    publisher: "Publisher",
    formats: "Formats",
    distributions: "Distributions",
    download: "Download",
    access: "Open",
    contact: "Contact",
    update_frequency: "Update frequency",
    landing_page: "Web page",
    access_rights: "Access",
    theme: "Theme",
    keywords: "Keywords",
    close: "Close",
    untitled: "Untitled dataset",
    unknown: "Unknown",
    error_heading: "The catalogue could not be shown",
    error_network: "The catalogue could not be reached. Check your connection and try again.",
    error_timeout: "The catalogue did not answer in time.",
    error_not_catalogue: "The file is not a data catalogue that can be read.",
    error_broken: "The catalogue file is broken or incomplete and could not be read.",
    error_module: "The part of the catalogue that reads RDF files could not be downloaded. Check your connection and try again.",
    error_no_registry: "No catalogue is given (the registry attribute is missing).",
    facet_publisher: "Publisher",
    facet_theme: "Theme",
    facet_format: "Format",
    facet_license: "Licence",
    facet_access_rights: "Access",
    facet_quality: "Metadata quality",
    quality: "Metadata quality",
    quality_missing: "What the description lacks",
    count: |n| match n {
        0 => "No datasets".to_string(),
        1 => "1 dataset".to_string(),
        n => format!("{} datasets", group_digits(n, ',')),
    },
    page_of: |p, n| format!("Page {p} of {n}"),
    http_error: |status| format!("The catalogue's server answered with error {status}."),
    skipped: |n| match n {
        1 => "1 dataset could not be read and is not shown.".to_string(),
        n => format!("{n} datasets could not be read and are not shown."),
    },
    source_failed: |url| {
        format!("The catalogue {url} could not be loaded or read. The other catalogues are shown.")
    },
    too_large: |bytes| {
        format!(
            "The catalogue is too large to show here ({} MB).",
            bytes / (1024 * 1024)
        )
    },
    stale_copy: |url, date| {
        format!(
            "The catalogue {url} could not be reached just now. Showing a copy saved on {date}."
        )
    },
    cors: |host, origin| {
        format!("The catalogue's server {host} does not allow the catalogue to be shown on this site. Whoever runs that server needs it to send the header Access-Control-Allow-Origin: * (or {origin}).")
    },
};

/// 1159 → "1 159" (Swedish) or "1,159" (English).
fn group_digits(n: usize, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        assert_eq!((texts(Lang::Sv).count)(0), "Inga datamängder");
        assert_eq!((texts(Lang::Sv).count)(1), "1 datamängd");
        assert_eq!((texts(Lang::Sv).count)(1159), "1\u{a0}159 datamängder");
        assert_eq!((texts(Lang::En).count)(1159), "1,159 datasets");
        assert_eq!((texts(Lang::En).count)(100000), "100,000 datasets");
        assert_eq!((texts(Lang::En).count)(999), "999 datasets");
    }
}
