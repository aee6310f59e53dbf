//! A consolidation as kept between visits (`cchc.consolidation.<year>`): written and read
//! back unchanged, read leniently below its envelope, refused with a reason when it is not
//! one; the first consolidation of a year; the revision of successive exports; the typed
//! list of units expected; ranks with ties.

use cchc_domain::consolidation::{
    competition_ranks, ConsolidationSpec, ExpectedUnit, TargetMapping,
};
use cchc_domain::consolidation_store::{
    consolidation_key, decode_consolidation, encode_consolidation, ConsolidationStoreError,
    SeenPlan, StoredConsolidation,
};
use cchc_domain::example::example_plan;
use cchc_domain::expected_units::{format_expected_units, parse_expected_units};
use cchc_domain::plan::{Plan, PlanId};
use cchc_domain::target::TargetId;
use cchc_domain::unit::UnitLevel;

fn sample() -> StoredConsolidation {
    let mut c = StoredConsolidation::new(2026, PlanId("consolidation-1".into()));
    c.superior.name = "UBND Thành phố Hà Nội".into();
    c.superior.id = "01".into();
    c.superior.superior = "Bộ Nội vụ".into();
    c.revision = 2;
    c.exported_hash = Some("sha256:abc".into());
    c.spec = ConsolidationSpec {
        plans: vec![PlanId("p-1".into()), PlanId("p-2".into())],
        expected: vec![ExpectedUnit {
            code: "00004".into(),
            name: "Phường \"Ba Đình\" <b>".into(),
        }],
        mappings: vec![TargetMapping {
            plan: PlanId("p-2".into()),
            target: TargetId("t-9".into()),
            column: TargetId("tpl-04".into()),
        }],
        excluded: vec![(PlanId("p-1".into()), TargetId("tpl-07".into()))],
    };
    c.seen = vec![SeenPlan {
        plan: PlanId("p-1".into()),
        revision: 3,
        cells: vec![(TargetId("tpl-01".into()), "met 9156/17087".into())],
    }];
    c
}

#[test]
fn a_consolidation_is_read_back_as_it_was_written() {
    let c = sample();
    let text = encode_consolidation(&c);
    assert_eq!(decode_consolidation(&text), Ok(c));
    assert_eq!(consolidation_key(2026), "cchc.consolidation.2026");
}

#[test]
fn below_the_envelope_reading_is_lenient() {
    let text = r#"{"format":"cchc-workbook/consolidation","version":1,"year":2026,
        "superior":{"name":"Tỉnh X","level":"no-such-level"},
        "plans":["p-1",7,null],"expected":[1,{"name":"Xã A"}],
        "mappings":"nope","excluded":[{"plan":"p-1"}],"seen":[{"plan":"p-1","revision":-1}],
        "somethingNewer":true}"#;
    let c = decode_consolidation(text).unwrap();
    assert_eq!(c.superior.name, "Tỉnh X");
    assert_eq!(c.superior.level, UnitLevel::Province);
    assert_eq!(c.spec.plans, vec![PlanId("p-1".into())]);
    assert_eq!(
        c.spec.expected,
        vec![ExpectedUnit {
            code: String::new(),
            name: "Xã A".into()
        }]
    );
    assert!(c.spec.mappings.is_empty());
    assert_eq!(
        c.spec.excluded,
        vec![(PlanId("p-1".into()), TargetId(String::new()))]
    );
    assert_eq!(c.seen[0].revision, 0);
    assert_eq!(c.revision, 0);
}

#[test]
fn what_is_not_a_consolidation_is_refused_with_a_reason() {
    assert!(matches!(
        decode_consolidation("{not json"),
        Err(ConsolidationStoreError::NotJson(_))
    ));
    for text in [
        "[]",
        "{}",
        r#"{"format":"cchc-workbook/plan","version":1,"year":2026}"#,
        r#"{"format":"cchc-workbook/consolidation","version":"1","year":2026}"#,
        r#"{"format":"cchc-workbook/consolidation","version":1}"#,
        r#"{"format":"cchc-workbook/consolidation","version":1,"year":99999999999}"#,
    ] {
        assert_eq!(
            decode_consolidation(text),
            Err(ConsolidationStoreError::WrongFormat),
            "{text}"
        );
    }
    assert_eq!(
        decode_consolidation(r#"{"format":"cchc-workbook/consolidation","version":2,"year":2026}"#),
        Err(ConsolidationStoreError::NewerVersion(2))
    );
}

fn plan_of(unit: &str, year: i32, superior: &str, consolidated: bool) -> Plan {
    let mut n = 0;
    let mut p = example_plan(&mut |prefix| {
        n += 1;
        format!("{prefix}-{n}")
    });
    p.id = PlanId(format!("{unit}-{year}"));
    p.unit.name = unit.into();
    p.unit.superior = superior.into();
    p.unit.superior_id = if superior.is_empty() { "" } else { "79" }.into();
    p.year = year;
    if consolidated {
        p.sources = vec![cchc_domain::plan::PlanSource {
            plan: PlanId("x".into()),
            unit: "x".into(),
            unit_id: String::new(),
            revision: 1,
            content_hash: String::new(),
        }];
    }
    p
}

#[test]
fn a_first_consolidation_takes_the_years_plans_for_the_superior_most_of_them_name() {
    let plans = vec![
        plan_of("Phường 1", 2026, "UBND TP. Hồ Chí Minh", false),
        plan_of("Phường 2", 2026, "UBND TP. Hồ Chí Minh", false),
        plan_of("Phường 3", 2026, "UBND tỉnh Bình Dương", false),
        plan_of("Phường 4", 2025, "UBND tỉnh Bình Dương", false),
        plan_of("Tổng hợp", 2026, "", true),
    ];
    let c = StoredConsolidation::for_year(2026, &plans, PlanId("c".into()));
    assert_eq!(
        c.spec.plans,
        vec![
            PlanId("Phường 1-2026".into()),
            PlanId("Phường 2-2026".into()),
            PlanId("Phường 3-2026".into())
        ]
    );
    assert_eq!(c.superior.name, "UBND TP. Hồ Chí Minh");
    assert_eq!(c.superior.id, "79");
    assert_eq!(c.revision, 0);
}

#[test]
fn an_export_raises_the_revision_only_when_the_plan_changed() {
    let mut c = StoredConsolidation::new(2026, PlanId("consolidation-1".into()));
    let plan = plan_of("Tổng hợp", 2026, "", false);
    let first = c.next_export(plan.clone());
    assert_eq!(
        (first.id.0.as_str(), first.revision),
        ("consolidation-1", 1)
    );
    let again = c.next_export(plan.clone());
    assert_eq!(again.revision, 1, "nothing changed: the same revision");
    let mut changed = plan;
    changed.targets.pop();
    assert_eq!(c.next_export(changed).revision, 2);
    assert_eq!(c.revision, 2);
}

#[test]
fn units_expected_are_typed_one_per_line_with_or_without_a_code() {
    let units = parse_expected_units(
        "00004; Phường Ba Đình\n\n  00008\tPhường Ngọc Hà  \nXã Sóc Sơn\nPhường Hồng Hà, Hà Nội\n00004; Phường Ba Đình\n",
    );
    let unit = |code: &str, name: &str| ExpectedUnit {
        code: code.into(),
        name: name.into(),
    };
    assert_eq!(
        units,
        vec![
            unit("00004", "Phường Ba Đình"),
            unit("00008", "Phường Ngọc Hà"),
            unit("", "Xã Sóc Sơn"),
            unit("", "Phường Hồng Hà, Hà Nội"),
        ]
    );
    assert_eq!(parse_expected_units(&format_expected_units(&units)), units);
}

#[test]
fn ties_share_a_rank() {
    assert_eq!(
        competition_ranks(&[9, 7, 7, 5, 5, 5, 1], |a, b| a == b),
        vec![1, 2, 2, 4, 4, 4, 7]
    );
    assert!(competition_ranks(&[] as &[i32], |a, b| a == b).is_empty());
}
