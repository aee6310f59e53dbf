//! The 11 ward plan files under `tests/fixtures/consolidation/` (generated, seed 11, figures
//! as of 30/06/2026), consolidated as the browser does it. The end-to-end test
//! (`e2e/consolidation.spec.mjs`) imports the same files and expects the same figures.

use std::path::PathBuf;

use cchc_domain::consolidation::{consolidate, ConsolidationSpec};
use cchc_domain::consolidation_text::aggregate_words;
use cchc_domain::file::import_text;
use cchc_domain::locale::Locale;
use cchc_domain::number::Rational;
use cchc_domain::plan::Plan;
use chrono::NaiveDate;

fn fixture_plans() -> Vec<Plan> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/consolidation");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            import_text(&std::fs::read_to_string(p).unwrap())
                .unwrap()
                .plan
        })
        .collect()
}

fn consolidated() -> (Vec<Plan>, cchc_domain::consolidation::Consolidation) {
    let plans = fixture_plans();
    let spec = ConsolidationSpec {
        plans: plans.iter().map(|p| p.id.clone()).collect(),
        ..Default::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let c = consolidate(&plans, &spec, today);
    (plans, c)
}

fn words(c: &cchc_domain::consolidation::Consolidation, id: &str) -> (String, Option<String>) {
    let column = c.columns.iter().find(|c| c.id.0 == id).unwrap();
    let w = aggregate_words(column, Locale::Vi);
    (w.value, w.units)
}

#[test]
fn the_eleven_files_consolidate_to_the_figures_the_browser_shows() {
    let (plans, c) = consolidated();
    assert_eq!(plans.len(), 11);
    assert_eq!(c.rows.len(), 11);
    assert_eq!(c.columns.len(), 32);
    // A ratio: Σ numerators / Σ denominators, beside the units meeting it.
    assert_eq!(
        words(&c, "tpl-10"),
        (
            "99,06% (17.532/17.699)".into(),
            Some("7/11 đơn vị đạt (63,64%)".into())
        )
    );
    assert_eq!(
        words(&c, "tpl-13"),
        (
            "66,27% (12.585/18.991)".into(),
            Some("8/11 đơn vị đạt (72,73%)".into())
        )
    );
    // A milestone: units meeting it.
    assert_eq!(words(&c, "tpl-01").0, "8/11 đơn vị đạt (72,73%)");
    // A count per unit: the total and its mean.
    assert_eq!(words(&c, "tpl-25").0, "18 cuộc");
    // Free text: units reporting.
    assert_eq!(words(&c, "tpl-32").0, "11/11 đơn vị đã báo cáo");
    let top = c.ranking()[0];
    assert_eq!(
        (top.unit.as_str(), top.met, top.gauged),
        ("Xã Hà Hưng", 21, 28)
    );
}

#[test]
fn the_area_rate_is_not_the_mean_of_the_units_rates() {
    let (_, c) = consolidated();
    let i = c.columns.iter().position(|c| c.id.0 == "tpl-13").unwrap();
    let rates: Vec<f64> = c
        .rows
        .iter()
        .filter(|r| r.cells[i].status != Some(cchc_domain::evaluation::Status::NoData))
        .filter_map(|r| r.cells[i].value.map(Rational::to_f64))
        .collect();
    let mean = rates.iter().sum::<f64>() / rates.len() as f64;
    let (n, d) = c.columns[i].aggregate.counts.unwrap();
    let sum_over_sum = n as f64 * 100.0 / d as f64;
    println!("tpl-13 mean of rates {mean:.2}%, Σ/Σ {sum_over_sum:.2}%");
    assert!((mean - sum_over_sum).abs() > 0.5);
}

#[test]
fn a_newer_file_of_one_ward_is_marked_with_the_cells_it_changed() {
    use cchc_domain::consolidation_changes::{changes, mark_all_seen, remember_new_rows};
    let (mut plans, c) = consolidated();
    let mut seen = Vec::new();
    assert!(remember_new_rows(&c, &mut seen));
    assert_eq!(seen.len(), 11);
    assert!(changes(&c, &seen).is_empty());

    let newer = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(
        "../../tests/fixtures/consolidation-newer/ke-hoach-cchc_xa-ha-hung_2026_2026-07-15.json",
    );
    let newer = import_text(&std::fs::read_to_string(newer).unwrap())
        .unwrap()
        .plan;
    let held = plans.iter_mut().find(|p| p.id == newer.id).unwrap();
    *held = newer;
    let spec = ConsolidationSpec {
        plans: plans.iter().map(|p| p.id.clone()).collect(),
        ..Default::default()
    };
    let after = consolidate(
        &plans,
        &spec,
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    );
    // Remembering new rows leaves what was seen of known rows alone.
    assert!(!remember_new_rows(&after, &mut seen));
    let found = changes(&after, &seen);
    assert_eq!(found.len(), 1);
    let change = &found[0];
    assert_eq!((change.from_revision, change.to_revision), (1, 2));
    let ids: Vec<&str> = change
        .columns
        .iter()
        .map(|&i| after.columns[i].id.0.as_str())
        .collect();
    assert_eq!(ids, vec!["tpl-10", "tpl-13"]);
    assert_eq!(words(&after, "tpl-13").0, "65,16% (12.375/18.991)");
    let top = after.ranking()[0];
    assert_eq!((top.unit.as_str(), top.met), ("Xã Hà Hưng", 22));

    assert!(changes(&after, &mark_all_seen(&after)).is_empty());
    // A unit no longer consolidated is forgotten.
    let fewer = consolidate(
        &plans[1..],
        &spec,
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    );
    assert!(remember_new_rows(&fewer, &mut seen));
    assert_eq!(seen.len(), 10);
}

#[test]
fn a_ward_of_another_template_counts_once_its_target_is_mapped() {
    use cchc_domain::consolidation::TargetMapping;
    use cchc_domain::target::TargetId;
    let mut plans = fixture_plans();
    let other = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(
        "../../tests/fixtures/consolidation-other-template/ke-hoach-cchc_xa-khac-mau_2026_2026-06-30.json",
    );
    let other = import_text(&std::fs::read_to_string(other).unwrap())
        .unwrap()
        .plan;
    let other_id = other.id.clone();
    plans.push(other);
    let mut spec = ConsolidationSpec {
        plans: plans.iter().map(|p| p.id.clone()).collect(),
        ..Default::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let before = consolidate(&plans, &spec, today);
    assert_eq!(before.columns.len(), 33);
    assert_eq!(words(&before, "tpl-13").0, "66,27% (12.585/18.991)");
    spec.mappings.push(TargetMapping {
        plan: other_id,
        target: TargetId("rieng-truc-tuyen".into()),
        column: TargetId("tpl-13".into()),
    });
    let after = consolidate(&plans, &spec, today);
    assert_eq!(after.columns.len(), 32);
    assert_eq!(
        words(&after, "tpl-13"),
        (
            "66,45% (12.885/19.391)".into(),
            Some("9/12 đơn vị đạt (75%)".into())
        )
    );
}
