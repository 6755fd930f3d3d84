//! DCAT-AP-SE validation and the quality score on Digg's own examples
//! (tests/fixtures/dcat-ap-se/digg-exempel-*.ttl, hand-checked).

use open_data_catalogue::quality::{assess, findings, Obligation, Rating, RULES};
use open_data_catalogue::registry;

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/dcat-ap-se");

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{FIX}/{name}")).unwrap()
}

fn rules_broken(text: &str) -> Vec<(&'static str, Obligation)> {
    let c = registry::read(text).unwrap();
    assert_eq!(c.datasets.len(), 1, "Digg's examples describe one dataset");
    findings(&c.datasets[0])
        .into_iter()
        .map(|f| (f.rule, f.obligation))
        .collect()
}

#[test]
fn diggs_mandatory_only_example_has_no_mandatory_findings() {
    let broken = rules_broken(&read("digg-exempel-obligatoriskt.ttl"));
    assert!(
        broken.iter().all(|(_, o)| *o != Obligation::Mandatory),
        "{broken:?}"
    );
    // It has only what is mandatory: the recommended rules it leaves out
    // (checked by hand against the file) are reported.
    for rule in [
        "dataset-keyword",
        "dataset-theme",
        "dataset-license",
        "distribution-format",
    ] {
        assert!(
            broken.iter().any(|(r, _)| *r == rule),
            "{rule} not reported: {broken:?}"
        );
    }
}

#[test]
fn diggs_recommended_example_breaks_no_rule_until_its_licence_is_removed() {
    let full = read("digg-exempel-rekommenderat.ttl");
    let broken = rules_broken(&full);
    assert!(
        !broken.iter().any(|(r, _)| *r == "dataset-license"),
        "{broken:?}"
    );
    let without: String = full
        .lines()
        .filter(|l| !(l.contains("dcterms:license") && l.trim_end().ends_with(';')))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(without, full);
    let broken = rules_broken(&without);
    assert!(
        broken.contains(&("dataset-license", Obligation::Recommended)),
        "{broken:?}"
    );
}

#[test]
fn a_contact_point_without_an_email_is_a_mandatory_finding_and_none_a_recommended_one() {
    let text = read("digg-exempel-obligatoriskt.ttl");
    let c = registry::read(&text).unwrap();
    let mut d = c.datasets[0].clone();
    assert!(findings(&d)
        .iter()
        .all(|f| !f.rule.starts_with("contact") && f.rule != "dataset-contact-point"));
    let finding = |rule, obligation| open_data_catalogue::quality::Finding { rule, obligation };
    d.contact_point.as_mut().unwrap().email = None;
    assert!(findings(&d).contains(&finding("contact-email", Obligation::Mandatory)));
    d.contact_point = None;
    let f = findings(&d);
    assert!(
        f.contains(&finding("dataset-contact-point", Obligation::Recommended)),
        "{f:?}"
    );
    assert!(!f.iter().any(|x| x.rule == "contact-email"));
}

#[test]
fn every_rule_has_both_languages_and_a_unique_id() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len());
    for r in RULES {
        assert!(
            !r.problem_sv.is_empty()
                && !r.problem_en.is_empty()
                && !r.fix_sv.is_empty()
                && !r.fix_en.is_empty()
        );
        assert_ne!(r.problem_sv, r.problem_en, "{}", r.id);
    }
}

#[test]
fn the_recommended_example_scores_higher_than_the_mandatory_one() {
    let score = |name: &str| {
        let c = registry::read(&read(name)).unwrap();
        assess(&c.datasets[0], None)
    };
    let (m, r) = (
        score("digg-exempel-obligatoriskt.ttl"),
        score("digg-exempel-rekommenderat.ttl"),
    );
    assert!(r.points > m.points, "{m:?} {r:?}");
    assert_eq!(m.max, r.max);
    // Without link checks, the two reachability indicators (80 points) and
    // the four the readers do not keep (50) are left out of the maximum.
    assert_eq!(m.max, 405 - 80 - 50);
    // Checked by hand: the mandatory example earns publisher 10, contact
    // point 20 and DCAT-AP-SE compliance 30 (its one distribution has no
    // format, licence or download URL; the dataset no keyword, theme, dates
    // or access rights).
    assert_eq!(m.points, 60, "{m:?}");
    assert_eq!(m.rating, Rating::Bad);
    // With every link reachable, the accessibility indicators count too.
    let c = registry::read(&read("digg-exempel-obligatoriskt.ttl")).unwrap();
    let all_ok = |_: &str| true;
    let with_links = assess(&c.datasets[0], Some(&all_ok));
    assert_eq!(with_links.max, 405 - 50);
    assert_eq!(with_links.points, 60 + 50);
}
