//! DCAT-AP-SE 3.0's obligations as code: one row per rule, each citing the
//! class and property of Digg's specification (github.com/diggsweden/
//! DCAT-AP-SE @ 6b5124b, `3.0.1/bundle.json`: its RDForms templates, where
//! `min ≥ 1` is mandatory and `pref ≥ 1` recommended; Digg publishes no
//! SHACL shapes, so no SHACL engine can run them), with what is wrong and
//! how to fix it in Swedish and English.
//!
//! One deliberate deviation: the 3.0.1 templates make a distribution's
//! `dcterms:format` mandatory, but Digg's own mandatory-only example
//! (`exempel/obligatoriskt`) has none; a feed as good as Digg's example
//! must not fail here, so format is checked as recommended.
//!
//! The rules look at the dataset as the registry readers understood it
//! (`model`): a property the readers do not keep cannot be checked here
//! (see the README's list of what is not checked).

use crate::model::{Dataset, Distribution};
use crate::registry::url::is_absolute;
use crate::vocab;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Obligation {
    Mandatory,
    Recommended,
}

impl Obligation {
    pub fn code(self) -> &'static str {
        match self {
            Obligation::Mandatory => "mandatory",
            Obligation::Recommended => "recommended",
        }
    }
}

/// One rule of the profile.
pub struct Rule {
    /// Stable identifier, used in reports and by the widget's labels.
    pub id: &'static str,
    /// `dcat:Dataset`, `dcat:Distribution`, `foaf:Agent`, `vcard:Kind`.
    pub class: &'static str,
    pub property: &'static str,
    pub obligation: Obligation,
    /// What is wrong / how to fix it.
    pub problem_sv: &'static str,
    pub problem_en: &'static str,
    pub fix_sv: &'static str,
    pub fix_en: &'static str,
    check: Check,
}

/// How a rule is checked; `true` when the dataset (or every distribution)
/// satisfies it.
enum Check {
    Dataset(fn(&Dataset) -> bool),
    /// Checked per distribution; a dataset without distributions is the
    /// distribution rule's business, not this one's.
    EachDistribution(fn(&Distribution) -> bool),
}

const DT: &str = "http://publications.europa.eu/resource/authority/data-theme/";

fn has_text(t: &crate::model::LangText) -> bool {
    t.all().any(|s| !s.trim().is_empty())
}

/// The rules, in the order reports list them.
pub const RULES: &[Rule] = &[
    Rule {
        id: "dataset-title",
        class: "dcat:Dataset",
        property: "dcterms:title",
        obligation: Obligation::Mandatory,
        problem_sv: "Datamängden saknar titel.",
        problem_en: "The dataset has no title.",
        fix_sv: "Ange dcterms:title, gärna på svenska och engelska.",
        fix_en: "Give dcterms:title, preferably in Swedish and English.",
        check: Check::Dataset(|d| has_text(&d.title)),
    },
    Rule {
        id: "dataset-description",
        class: "dcat:Dataset",
        property: "dcterms:description",
        obligation: Obligation::Mandatory,
        problem_sv: "Datamängden saknar beskrivning.",
        problem_en: "The dataset has no description.",
        fix_sv: "Ange dcterms:description: vad datamängden innehåller och hur den tas fram.",
        fix_en: "Give dcterms:description: what the dataset holds and how it is made.",
        check: Check::Dataset(|d| has_text(&d.description)),
    },
    Rule {
        id: "dataset-publisher",
        class: "dcat:Dataset",
        property: "dcterms:publisher",
        obligation: Obligation::Mandatory,
        problem_sv: "Datamängden saknar utgivare.",
        problem_en: "The dataset has no publisher.",
        fix_sv: "Ange dcterms:publisher som en foaf:Agent med namn, helst med organisationens IRI.",
        fix_en: "Give dcterms:publisher as a foaf:Agent with a name, preferably with the organisation's IRI.",
        check: Check::Dataset(|d| d.publisher.is_some()),
    },
    Rule {
        id: "agent-name",
        class: "foaf:Agent",
        property: "foaf:name",
        obligation: Obligation::Mandatory,
        problem_sv: "Utgivaren saknar namn.",
        problem_en: "The publisher has no name.",
        fix_sv: "Ange foaf:name för utgivaren.",
        fix_en: "Give the publisher's foaf:name.",
        check: Check::Dataset(|d| d.publisher.as_ref().is_none_or(|p| has_text(&p.name))),
    },
    Rule {
        id: "dataset-contact-point",
        class: "dcat:Dataset",
        property: "dcat:contactPoint",
        obligation: Obligation::Recommended,
        problem_sv: "Datamängden saknar kontaktuppgift.",
        problem_en: "The dataset has no contact point.",
        fix_sv: "Ange dcat:contactPoint (vcard:Kind) med namn och e-postadress.",
        fix_en: "Give dcat:contactPoint (a vcard:Kind) with a name and an e-mail address.",
        check: Check::Dataset(|d| d.contact_point.is_some()),
    },
    Rule {
        id: "contact-email",
        class: "vcard:Kind",
        property: "vcard:hasEmail",
        obligation: Obligation::Mandatory,
        problem_sv: "Kontaktuppgiften saknar e-postadress.",
        problem_en: "The contact point has no e-mail address.",
        fix_sv: "Ange vcard:hasEmail som en mailto:-IRI.",
        fix_en: "Give vcard:hasEmail as a mailto: IRI.",
        check: Check::Dataset(|d| d.contact_point.as_ref().is_none_or(|c| c.email.is_some())),
    },
    Rule {
        id: "dataset-distribution",
        class: "dcat:Dataset",
        property: "dcat:distribution",
        obligation: Obligation::Recommended,
        problem_sv: "Datamängden har ingen distribution: ingen kan hämta den.",
        problem_en: "The dataset has no distribution: nobody can get it.",
        fix_sv: "Lägg till minst en dcat:Distribution med dcat:accessURL.",
        fix_en: "Add at least one dcat:Distribution with a dcat:accessURL.",
        check: Check::Dataset(|d| !d.distributions.is_empty()),
    },
    Rule {
        id: "distribution-access-url",
        class: "dcat:Distribution",
        property: "dcat:accessURL",
        obligation: Obligation::Mandatory,
        problem_sv: "En distribution saknar åtkomstadress (eller den är ingen webbadress).",
        problem_en: "A distribution has no access URL (or it is not a web address).",
        fix_sv: "Ange dcat:accessURL som en absolut http(s)-IRI.",
        fix_en: "Give dcat:accessURL as an absolute http(s) IRI.",
        check: Check::EachDistribution(|x| {
            x.access_url.as_deref().or(x.download_url.as_deref()).is_some_and(is_absolute)
        }),
    },
    Rule {
        id: "dataset-keyword",
        class: "dcat:Dataset",
        property: "dcat:keyword",
        obligation: Obligation::Recommended,
        problem_sv: "Datamängden saknar nyckelord.",
        problem_en: "The dataset has no keywords.",
        fix_sv: "Ange dcat:keyword, ett per ord eller begrepp, med språktagg.",
        fix_en: "Give dcat:keyword, one per word or term, with a language tag.",
        check: Check::Dataset(|d| !d.keywords.is_empty()),
    },
    Rule {
        id: "dataset-theme",
        class: "dcat:Dataset",
        property: "dcat:theme",
        obligation: Obligation::Recommended,
        problem_sv: "Datamängden saknar tema ur EU:s temavokabulär.",
        problem_en: "The dataset has no theme from the EU data-theme vocabulary.",
        fix_sv: "Ange dcat:theme med en IRI ur http://publications.europa.eu/resource/authority/data-theme/.",
        fix_en: "Give dcat:theme with an IRI from http://publications.europa.eu/resource/authority/data-theme/.",
        check: Check::Dataset(|d| d.themes.iter().any(|t| t.starts_with(DT))),
    },
    Rule {
        id: "dataset-license",
        class: "dcat:Distribution",
        property: "dcterms:license",
        obligation: Obligation::Recommended,
        problem_sv: "Ingen licens anges, varken för datamängden eller dess distributioner.",
        problem_en: "No licence is given, neither for the dataset nor for its distributions.",
        fix_sv: "Ange dcterms:license på varje distribution, helst CC0 eller CC BY 4.0 som IRI.",
        fix_en: "Give dcterms:license on every distribution, preferably CC0 or CC BY 4.0 as an IRI.",
        check: Check::Dataset(|d| d.licences().next().is_some()),
    },
    Rule {
        id: "distribution-format",
        class: "dcat:Distribution",
        property: "dcterms:format",
        obligation: Obligation::Recommended,
        problem_sv: "En distribution saknar format.",
        problem_en: "A distribution has no format.",
        fix_sv: "Ange dcterms:format med en IRI ur EU:s filtypsvokabulär (t.ex. …/file-type/CSV).",
        fix_en: "Give dcterms:format with an IRI from the EU file-type vocabulary (e.g. …/file-type/CSV).",
        check: Check::EachDistribution(|x| x.format.is_some() || x.media_type.is_some()),
    },
    Rule {
        id: "dataset-access-rights",
        class: "dcat:Dataset",
        property: "dcterms:accessRights",
        obligation: Obligation::Recommended,
        problem_sv: "Åtkomsträttigheter anges inte ur EU:s vokabulär.",
        problem_en: "Access rights are not given from the EU vocabulary.",
        fix_sv: "Ange dcterms:accessRights, t.ex. …/access-right/PUBLIC.",
        fix_en: "Give dcterms:accessRights, e.g. …/access-right/PUBLIC.",
        check: Check::Dataset(|d| {
            d.access_rights
                .as_deref()
                .is_some_and(|a| vocab::access_rights::access_rights_label(a, "en").is_some())
        }),
    },
    Rule {
        id: "dataset-frequency",
        class: "dcat:Dataset",
        property: "dcterms:accrualPeriodicity",
        obligation: Obligation::Recommended,
        problem_sv: "Uppdateringsfrekvens anges inte.",
        problem_en: "The update frequency is not given.",
        fix_sv: "Ange dcterms:accrualPeriodicity med en IRI ur EU:s frekvensvokabulär (…/frequency/ANNUAL).",
        fix_en: "Give dcterms:accrualPeriodicity with an IRI from the EU frequency vocabulary.",
        check: Check::Dataset(|d| {
            d.accrual_periodicity
                .as_deref()
                .is_some_and(|f| vocab::frequency_label(f, "en").is_some())
        }),
    },
];

/// A rule a dataset breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub obligation: Obligation,
}

/// The rules `d` breaks, mandatory first.
pub fn findings(d: &Dataset) -> Vec<Finding> {
    let mut out: Vec<Finding> = RULES
        .iter()
        .filter(|r| !r.holds(d))
        .map(|r| Finding {
            rule: r.id,
            obligation: r.obligation,
        })
        .collect();
    out.sort_by_key(|f| f.obligation);
    out
}

impl Rule {
    pub fn holds(&self, d: &Dataset) -> bool {
        match self.check {
            Check::Dataset(f) => f(d),
            Check::EachDistribution(f) => d.distributions.iter().all(f),
        }
    }

    pub fn by_id(id: &str) -> Option<&'static Rule> {
        RULES.iter().find(|r| r.id == id)
    }

    pub fn problem(&self, lang: &str) -> &'static str {
        if lang == "sv" {
            self.problem_sv
        } else {
            self.problem_en
        }
    }

    pub fn fix(&self, lang: &str) -> &'static str {
        if lang == "sv" {
            self.fix_sv
        } else {
            self.fix_en
        }
    }
}
