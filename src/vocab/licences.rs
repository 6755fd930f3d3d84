//! Licences: Creative Commons, Open Data Commons, the EU licence vocabulary
//! and the national government licences registries use.
//!
//! One row per licence holds everything: the IRI readers emit, its short
//! label, the ids CKAN and `data.json` files write, and the other IRIs
//! registries use for the same licence. A licence id a reader understands
//! therefore always has a label.

/// One licence.
struct Licence {
    /// The IRI readers emit for it.
    iri: &'static str,
    /// Short label, the same in Swedish and English (licence names are not
    /// translated).
    label: &'static str,
    /// CKAN / `data.json` ids, lower-case, `_` and spaces written as `-`.
    ids: &'static [&'static str],
    /// Other IRIs of the same licence, as [`key`]s.
    also: &'static [&'static str],
}

const EU_LICENCE: &str = "publications.europa.eu/resource/authority/licence/";

const LICENCES: &[Licence] = &[
    Licence {
        iri: "http://creativecommons.org/publicdomain/zero/1.0/",
        label: "CC0 1.0",
        ids: &["cc-zero", "cc0", "cc0-1.0", "cc-0", "cc0-1", "cc-zero-1.0"],
        also: &["publications.europa.eu/resource/authority/licence/cc0"],
    },
    Licence {
        iri: "http://creativecommons.org/publicdomain/mark/1.0/",
        label: "Public Domain Mark 1.0",
        ids: &["us-pd", "other-pd", "public-domain"],
        also: &[],
    },
    Licence {
        iri: "http://creativecommons.org/licenses/by/4.0/",
        label: "CC BY 4.0",
        ids: &[
            "cc-by",
            "cc-by-4.0",
            "cc-by-4",
            "creative-commons-attribution",
        ],
        also: &["publications.europa.eu/resource/authority/licence/cc_by_4_0"],
    },
    Licence {
        iri: "http://creativecommons.org/licenses/by/3.0/",
        label: "CC BY 3.0",
        ids: &["cc-by-3.0"],
        also: &["publications.europa.eu/resource/authority/licence/cc_by_3_0"],
    },
    Licence {
        iri: "http://creativecommons.org/licenses/by/2.5/",
        label: "CC BY 2.5",
        ids: &["cc-by-2.5"],
        also: &[],
    },
    Licence {
        iri: "http://creativecommons.org/licenses/by-sa/4.0/",
        label: "CC BY-SA 4.0",
        ids: &["cc-by-sa", "cc-by-sa-4.0"],
        also: &["publications.europa.eu/resource/authority/licence/cc_bysa_4_0"],
    },
    Licence {
        iri: "http://creativecommons.org/licenses/by-sa/3.0/",
        label: "CC BY-SA 3.0",
        ids: &["cc-by-sa-3.0"],
        also: &["publications.europa.eu/resource/authority/licence/cc_bysa_3_0"],
    },
    Licence {
        iri: "http://creativecommons.org/licenses/by-nc/4.0/",
        label: "CC BY-NC 4.0",
        ids: &["cc-by-nc", "cc-nc", "cc-by-nc-4.0"],
        also: &["publications.europa.eu/resource/authority/licence/cc_bync_4_0"],
    },
    Licence {
        iri: "http://creativecommons.org/licenses/by-nd/4.0/",
        label: "CC BY-ND 4.0",
        ids: &["cc-by-nd", "cc-by-nd-4.0"],
        also: &["publications.europa.eu/resource/authority/licence/cc_bynd_4_0"],
    },
    Licence {
        iri: "http://creativecommons.org/licenses/by-nc-sa/4.0/",
        label: "CC BY-NC-SA 4.0",
        ids: &["cc-by-nc-sa", "cc-by-nc-sa-4.0"],
        also: &["publications.europa.eu/resource/authority/licence/cc_byncsa_4_0"],
    },
    Licence {
        iri: "http://creativecommons.org/licenses/by-nc-nd/4.0/",
        label: "CC BY-NC-ND 4.0",
        ids: &["cc-by-nc-nd", "cc-by-nc-nd-4.0"],
        also: &["publications.europa.eu/resource/authority/licence/cc_byncnd_4_0"],
    },
    // Open Data Commons writes its versions as `1-0` in its own IRIs;
    // registries also write `1.0` or leave the version out.
    Licence {
        iri: "http://opendatacommons.org/licenses/odbl/1-0/",
        label: "ODbL 1.0",
        ids: &[
            "odc-odbl",
            "odbl",
            "odbl-1.0",
            "open-data-commons-open-database-license-1.0",
        ],
        also: &[
            "opendatacommons.org/licenses/odbl/1.0",
            "opendatacommons.org/licenses/odbl",
            "publications.europa.eu/resource/authority/licence/odc_bl",
        ],
    },
    Licence {
        iri: "http://opendatacommons.org/licenses/by/1-0/",
        label: "ODC-By 1.0",
        ids: &["odc-by", "odc-by-1.0"],
        also: &[
            "opendatacommons.org/licenses/by/1.0",
            "opendatacommons.org/licenses/by",
            "publications.europa.eu/resource/authority/licence/odc_by",
        ],
    },
    Licence {
        iri: "http://opendatacommons.org/licenses/pddl/1-0/",
        label: "PDDL 1.0",
        ids: &["odc-pddl", "pddl", "pddl-1.0"],
        also: &[
            "opendatacommons.org/licenses/pddl/1.0",
            "opendatacommons.org/licenses/pddl",
            "publications.europa.eu/resource/authority/licence/odc_pddl",
        ],
    },
    Licence {
        iri: "http://publications.europa.eu/resource/authority/licence/EUPL_1_2",
        label: "EUPL 1.2",
        ids: &["eupl-1.2", "eupl"],
        also: &[
            "joinup.ec.europa.eu/licence/eupl-v12",
            "joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
        ],
    },
    Licence {
        iri: "http://www.gnu.org/licenses/fdl-1.3.html",
        label: "GFDL 1.3",
        ids: &["gfdl", "gfdl-1.3"],
        also: &[],
    },
    Licence {
        iri: "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        label: "OGL 3.0",
        ids: &["uk-ogl", "ogl-uk-3.0", "ogl-3.0"],
        also: &[],
    },
    Licence {
        iri: "http://data.norge.no/nlod/no/2.0",
        label: "NLOD 2.0",
        ids: &["nlod-2.0", "nlod"],
        also: &["data.norge.no/nlod/en/2.0"],
    },
];

/// A licence IRI without scheme, `www.`, query, fragment, trailing slash,
/// `deed.xx` or `legalcode`, lower-case: the same licence written several
/// ways gives one key.
fn key(iri: &str) -> String {
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

fn by_iri(iri: &str) -> Option<&'static Licence> {
    let k = key(iri);
    if k.is_empty() {
        return None;
    }
    LICENCES
        .iter()
        .find(|l| key(l.iri) == k || l.also.contains(&k.as_str()))
}

/// Reader input → licence IRI: a known licence written any way (an IRI of
/// it, a CKAN or `data.json` id such as `odc-odbl` or `CC-BY-4.0`) gives the
/// licence's IRI; an IRI is kept as given (a locked filter written with
/// the registry's own IRI must keep matching; [`licence_label`] knows the
/// other spellings); an unknown id is `None` (the caller keeps it).
pub fn licence_iri(input: &str) -> Option<String> {
    let v = input.trim();
    if v.starts_with("http://") || v.starts_with("https://") {
        return Some(v.to_owned());
    }
    let id: String = v
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c })
        .collect();
    let known = LICENCES.iter().find(|l| l.ids.contains(&id.as_str()));
    // The EU vocabulary's codes (`CC_BY_4_0`) as bare ids.
    let known = known.or_else(|| by_iri(&format!("{EU_LICENCE}{}", v.to_ascii_lowercase())));
    known.map(|l| l.iri.to_owned())
}

/// Short label of a licence IRI ("CC0 1.0", "CC BY 4.0"); the same in both
/// languages, `lang` is for symmetry with the other vocabularies.
pub fn licence_label(iri: &str, _lang: &str) -> Option<&'static str> {
    by_iri(iri).map(|l| l.label)
}

#[cfg(test)]
pub(super) fn inputs() -> Vec<String> {
    let mut all: Vec<String> = LICENCES
        .iter()
        .flat_map(|l| l.ids.iter().map(|i| i.to_string()))
        .collect();
    all.extend(
        LICENCES
            .iter()
            .flat_map(|l| l.also.iter().map(|a| format!("https://{a}/"))),
    );
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ckan_ids_become_iris_the_labels_know() {
        // The ids the issue found shown as "1-0" or "3" fragments.
        for (id, label) in [
            ("odc-odbl", "ODbL 1.0"),
            ("odc-by", "ODC-By 1.0"),
            ("odc-pddl", "PDDL 1.0"),
            ("eupl-1.2", "EUPL 1.2"),
            ("uk-ogl", "OGL 3.0"),
            ("CC-BY-4.0", "CC BY 4.0"),
            ("cc-zero", "CC0 1.0"),
            ("CC_BY_4_0", "CC BY 4.0"),
        ] {
            let iri = licence_iri(id).unwrap_or_else(|| panic!("{id} has no IRI"));
            assert_eq!(licence_label(&iri, "sv"), Some(label), "{id} → {iri}");
        }
        assert_eq!(licence_iri("notspecified"), None);
    }

    #[test]
    fn one_licence_written_many_ways_has_one_iri_and_label() {
        for iri in [
            "http://creativecommons.org/publicdomain/zero/1.0/",
            "https://creativecommons.org/publicdomain/zero/1.0",
            "http://publications.europa.eu/resource/authority/licence/CC0",
        ] {
            assert_eq!(licence_label(iri, "sv"), Some("CC0 1.0"), "{iri}");
            assert_eq!(licence_iri(iri).as_deref(), Some(iri));
        }
        for iri in [
            "http://creativecommons.org/licenses/by/4.0/",
            "https://creativecommons.org/licenses/by/4.0",
            "https://creativecommons.org/licenses/by/4.0/deed.sv",
            "https://creativecommons.org/licenses/by/4.0/legalcode",
            "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
        ] {
            assert_eq!(licence_label(iri, "en"), Some("CC BY 4.0"), "{iri}");
        }
        assert_eq!(
            licence_label("https://opendatacommons.org/licenses/odbl/1.0/", "sv"),
            Some("ODbL 1.0")
        );
        assert_eq!(licence_label("https://example.org/licence", "sv"), None);
        assert_eq!(
            licence_iri("https://example.org/licence").as_deref(),
            Some("https://example.org/licence")
        );
        assert_eq!(licence_label("", "sv"), None);
    }
}
