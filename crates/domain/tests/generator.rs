//! The generator of subordinate plans (`cchc_domain::generator`): deterministic, valid,
//! consolidable (same target ids everywhere) and realistic enough to show every status.

use std::collections::{BTreeMap, HashSet};

use cchc_domain::evaluation::{evaluate, Status};
use cchc_domain::file::{export_plan, import_text, ExportMeta};
use cchc_domain::generator::{
    generate_plans, template_targets, GeneratorOptions, PlanGenerator, BREAKDOWN_FIELDS,
    TEMPLATE_TARGET_COUNT,
};
use cchc_domain::plan::{Plan, PlanStatus};
use cchc_domain::progress::{Figure, Reading};
use cchc_domain::target::{Comparator, Goal};
use cchc_domain::unit::UnitLevel;
use cchc_domain::validate::validate_plan;
use chrono::NaiveDate;

/// Communes, wards and special zones in Vietnam since 2025: the national scale.
const NATIONAL_UNITS: usize = 3_321;

fn day(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).unwrap()
}

fn options(seed: u64) -> GeneratorOptions {
    GeneratorOptions {
        seed,
        year: 2026,
        superior: "UBND Thành phố Hà Nội".to_string(),
        superior_id: "01".to_string(),
        as_of: day(2026, 12, 31),
    }
}

fn meta() -> ExportMeta {
    ExportMeta {
        app_version: "0.1.0".to_string(),
        exported_at: "2026-12-31T08:00:00+07:00".to_string(),
    }
}

/// Every figure of a plan, in order (ratios as two counts, values as text).
fn figures(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |figure: &Figure| {
        out.push(match figure {
            Figure::Ratio {
                numerator,
                denominator,
            } => format!("{}/{}", numerator.0, denominator.0),
            Figure::Value { value } => value.to_plain_string(),
        })
    };
    for target in &plan.targets {
        for entry in &target.entries {
            match &entry.reading {
                Reading::Single { figure } => push(figure),
                Reading::PerField { fields } => fields.iter().for_each(|f| push(&f.figure)),
                Reading::Pair { first, second } => {
                    push(first);
                    push(second);
                }
                Reading::Milestone { .. } | Reading::Text { .. } => {}
            }
        }
    }
    out
}

fn every_figure(plan: &Plan) -> Vec<&Figure> {
    plan.targets
        .iter()
        .flat_map(|t| &t.entries)
        .flat_map(|e| match &e.reading {
            Reading::Single { figure } => vec![figure],
            Reading::PerField { fields } => fields.iter().map(|f| &f.figure).collect(),
            Reading::Pair { first, second } => vec![first, second],
            Reading::Milestone { .. } | Reading::Text { .. } => vec![],
        })
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_plans() {
    let first = generate_plans(&options(7), 60);
    let second = generate_plans(&options(7), 60);
    assert_eq!(first.len(), 60);
    assert_eq!(first, second);
    // The exported files are the same bytes too.
    for (a, b) in first.iter().zip(&second) {
        assert_eq!(export_plan(a, &meta()), export_plan(b, &meta()));
    }
}

#[test]
fn a_smaller_batch_is_the_start_of_a_larger_one() {
    let small = generate_plans(&options(7), 126);
    let large: Vec<Plan> = PlanGenerator::new(options(7)).take(500).collect();
    assert_eq!(small[..], large[..126]);
}

#[test]
fn different_seeds_give_different_figures() {
    let a = generate_plans(&options(7), 60);
    let b = generate_plans(&options(8), 60);
    // Every unit that reports progress under either seed reports other figures (a unit may
    // have sent its plan with no progress yet under both).
    for (x, y) in a.iter().zip(&b) {
        let (fx, fy) = (figures(x), figures(y));
        assert!(
            fx != fy || fx.is_empty(),
            "{} / {}",
            x.unit.name,
            y.unit.name
        );
    }
    let differing = a.iter().zip(&b).filter(|(x, y)| figures(x) != figures(y));
    assert!(differing.count() >= 55);
    let ids_a: HashSet<&str> = a.iter().map(|p| p.id.0.as_str()).collect();
    assert!(b.iter().all(|p| !ids_a.contains(p.id.0.as_str())));
    let codes_a: Vec<&str> = a.iter().map(|p| p.unit.id.as_str()).collect();
    let codes_b: Vec<&str> = b.iter().map(|p| p.unit.id.as_str()).collect();
    assert_ne!(codes_a, codes_b);
    // Within one batch the units differ from each other as well.
    let reporting: Vec<Vec<String>> = a.iter().map(figures).filter(|f| !f.is_empty()).collect();
    let distinct: HashSet<&Vec<String>> = reporting.iter().collect();
    assert_eq!(distinct.len(), reporting.len());
}

#[test]
fn every_plan_is_valid_and_round_trips_through_the_file_format() {
    let as_of_dates = [day(2026, 12, 31), day(2026, 6, 14), day(2026, 1, 10)];
    for (k, as_of) in as_of_dates.into_iter().enumerate() {
        let plans = generate_plans(
            &GeneratorOptions {
                as_of,
                ..options(100 + k as u64)
            },
            150,
        );
        for plan in &plans {
            let problems = validate_plan(plan);
            assert!(problems.is_empty(), "{}: {problems:?}", plan.unit.name);
            let text = export_plan(plan, &meta());
            let imported =
                import_text(&text).unwrap_or_else(|e| panic!("{}: {e:?}", plan.unit.name));
            assert_eq!(&imported.plan, plan);
            assert_eq!(export_plan(&imported.plan, &meta()), text);
            for figure in every_figure(plan) {
                if let Figure::Ratio {
                    numerator,
                    denominator,
                } = figure
                {
                    assert!(numerator.0 <= denominator.0, "{}", plan.unit.name);
                }
            }
            assert!(plan
                .targets
                .iter()
                .flat_map(|t| &t.entries)
                .all(|e| e.date == as_of));
        }
    }
}

#[test]
fn plans_before_the_reporting_year_have_no_progress() {
    let plans = generate_plans(
        &GeneratorOptions {
            as_of: day(2025, 11, 30),
            ..options(3)
        },
        40,
    );
    for plan in &plans {
        assert!(validate_plan(plan).is_empty());
        assert!(plan.targets.iter().all(|t| t.entries.is_empty()));
    }
}

#[test]
fn target_ids_and_fields_are_the_same_in_every_plan() {
    let template = template_targets(2026);
    assert_eq!(template.len(), TEMPLATE_TARGET_COUNT);
    let template_ids: Vec<String> = template.iter().map(|t| t.id.0.clone()).collect();
    assert_eq!(template_ids.first().map(String::as_str), Some("tpl-01"));
    assert_eq!(template_ids.last().map(String::as_str), Some("tpl-32"));
    let field_ids: Vec<&str> = BREAKDOWN_FIELDS.iter().map(|(id, _)| *id).collect();
    for plan in generate_plans(&options(11), 200) {
        let ids: Vec<String> = plan.targets.iter().map(|t| t.id.0.clone()).collect();
        assert_eq!(ids, template_ids);
        for (target, model) in plan.targets.iter().zip(&template) {
            assert_eq!(target.area, model.area);
            assert_eq!(target.label, model.label);
            let breakdown: Vec<&str> = target
                .goal
                .breakdown()
                .iter()
                .map(|f| f.id.0.as_str())
                .collect();
            if target.id.0 == "tpl-10" {
                assert_eq!(breakdown, field_ids);
            } else {
                assert!(breakdown.is_empty());
            }
            // Definitions are the template's, except last year's index values.
            match (&target.goal, &model.goal) {
                (
                    Goal::Single { condition, .. },
                    Goal::Single {
                        condition: model_condition,
                        ..
                    },
                ) if matches!(
                    model_condition.comparator,
                    Comparator::HigherThanPrevious { .. }
                ) =>
                {
                    assert_eq!(condition.measure, model_condition.measure);
                    assert!(matches!(
                        condition.comparator,
                        Comparator::HigherThanPrevious { previous: Some(_) }
                    ));
                }
                (goal, model_goal) => assert_eq!(goal, model_goal),
            }
        }
    }
}

#[test]
fn codes_ids_and_names_are_unique_at_national_scale() {
    let plans = generate_plans(&options(7), NATIONAL_UNITS);
    assert_eq!(plans.len(), NATIONAL_UNITS);
    let codes: HashSet<&str> = plans.iter().map(|p| p.unit.id.as_str()).collect();
    let ids: HashSet<&str> = plans.iter().map(|p| p.id.0.as_str()).collect();
    let names: HashSet<&str> = plans.iter().map(|p| p.unit.name.as_str()).collect();
    assert_eq!(codes.len(), NATIONAL_UNITS);
    assert_eq!(ids.len(), NATIONAL_UNITS);
    assert_eq!(names.len(), NATIONAL_UNITS);
    for plan in &plans {
        assert_eq!(plan.unit.id.len(), 5);
        assert!(plan.unit.id.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(plan.unit.superior_id, "01");
        assert_eq!(plan.unit.superior, "UBND Thành phố Hà Nội");
        assert_eq!(plan.year, 2026);
        let prefix = match plan.unit.level {
            UnitLevel::Commune => "Xã ",
            UnitLevel::Ward => "Phường ",
            UnitLevel::SpecialZone => "Đặc khu ",
            other => panic!("unexpected level {other:?}"),
        };
        assert!(plan.unit.name.starts_with(prefix), "{}", plan.unit.name);
    }
    // Roughly the national mix: 2,621 communes, 687 wards, 13 special zones.
    let count = |level: UnitLevel| plans.iter().filter(|p| p.unit.level == level).count();
    assert!((2_450..=2_800).contains(&count(UnitLevel::Commune)));
    assert!((580..=800).contains(&count(UnitLevel::Ward)));
    assert!((3..=30).contains(&count(UnitLevel::SpecialZone)));
    assert!(plans.iter().any(|p| p.unit.name.starts_with("Phường 1")));
    assert!(plans
        .iter()
        .any(|p| p.unit.name.ends_with(" 2") && p.unit.name.starts_with("Xã ")));
}

#[test]
fn plans_look_like_real_ones() {
    let plans = generate_plans(&options(7), 400);
    // Status and revision.
    assert!(plans.iter().any(|p| p.status == PlanStatus::Submitted));
    assert!(plans.iter().any(|p| p.status == PlanStatus::Approved));
    assert!(plans.iter().all(|p| p.status != PlanStatus::Draft));
    for revision in 1..=3 {
        assert!(plans.iter().any(|p| p.revision == revision));
    }
    assert!(plans.iter().all(|p| (1..=3).contains(&p.revision)));
    assert!(plans
        .iter()
        .all(|p| p.reference.number.ends_with("/KH-UBND") && p.reference.issued_on.is_some()));

    // Statuses per target at as_of.
    let as_of = day(2026, 12, 31);
    let mut per_target: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut met_shares = Vec::new();
    let mut zero_of_zero = 0;
    for plan in &plans {
        assert!((28..=34).contains(&plan.targets.len()));
        let mut met = 0;
        let mut gauged = 0;
        for target in &plan.targets {
            let evaluation = evaluate(target, as_of);
            assert_ne!(evaluation.status, Status::Invalid, "{}", target.label);
            *per_target
                .entry(target.id.0.clone())
                .or_default()
                .entry(format!("{:?}", evaluation.status))
                .or_default() += 1;
            if evaluation.status != Status::NotGauged {
                gauged += 1;
            }
            if evaluation.status == Status::Met {
                met += 1;
            }
            zero_of_zero += evaluation
                .fields
                .iter()
                .filter(|f| f.result.status == Status::NotApplicable)
                .count();
        }
        met_shares.push(met * 100 / gauged);
    }
    let count_of = |target: &str, status: Status| {
        per_target
            .get(target)
            .and_then(|s| s.get(&format!("{status:?}")))
            .copied()
            .unwrap_or(0)
    };
    // Most gauged targets are met by some units and missed by others.
    let mixed = per_target
        .keys()
        .filter(|t| count_of(t, Status::Met) > 0 && count_of(t, Status::NotMet) > 0)
        .count();
    assert!(mixed >= 25, "{per_target:#?}");
    // Some targets are not reported yet; the free-text target is never gauged.
    let no_data: usize = per_target
        .keys()
        .map(|t| count_of(t, Status::NoData) + count_of(t, Status::Waiting))
        .sum();
    assert!(no_data > 0);
    assert_eq!(count_of("tpl-32", Status::NotGauged), plans.len());
    // Fields and targets with nothing to judge (0 of 0).
    assert!(zero_of_zero > 0);
    assert!(count_of("tpl-08", Status::NotApplicable) > 0);
    // Units differ: the share of targets met spreads out.
    let lowest = met_shares.iter().min().copied().unwrap_or(0);
    let highest = met_shares.iter().max().copied().unwrap_or(0);
    assert!(lowest < 70 && highest > 85, "{lowest}–{highest}");
    let mean = met_shares.iter().sum::<usize>() / met_shares.len();
    assert!(
        (55..=90).contains(&mean),
        "mean share of targets met: {mean}%"
    );
}

#[test]
fn dossier_counts_are_those_of_a_commune_or_ward() {
    let plans = generate_plans(&options(5), 300);
    for plan in &plans {
        let Some(target) = plan.targets.iter().find(|t| t.id.0 == "tpl-13") else {
            panic!("tpl-13 missing");
        };
        for entry in &target.entries {
            let Reading::Single {
                figure: Figure::Ratio { denominator, .. },
            } = &entry.reading
            else {
                panic!("tpl-13 is a ratio");
            };
            // Received in a whole year (as_of is the end of the year).
            assert!((500..=40_000).contains(&denominator.0), "{}", denominator.0);
        }
    }
}

#[test]
fn absurd_options_give_plans_without_panicking() {
    let years = [i32::MIN, -1, 0, 1999, 2101, 262_143, i32::MAX];
    let dates = [NaiveDate::MIN, NaiveDate::MAX, day(2026, 12, 31)];
    for year in years {
        for as_of in dates {
            let plans = generate_plans(
                &GeneratorOptions {
                    year,
                    as_of,
                    seed: u64::MAX,
                    superior: String::new(),
                    superior_id: String::new(),
                },
                20,
            );
            assert_eq!(plans.len(), 20);
            assert!(plans
                .iter()
                .all(|p| p.targets.len() == TEMPLATE_TARGET_COUNT));
        }
    }
    assert!(generate_plans(&options(1), 0).is_empty());
}
