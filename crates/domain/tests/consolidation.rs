//! Consolidating the plans of 11 wards (the seed district had 11): ratios aggregate as
//! Σ numerators / Σ denominators (and differ from the mean of the wards' percentages where
//! that matters), milestones and per-unit counts as the number of wards meeting them,
//! free text as wards reporting; missing wards, cells switched out, targets mapped by hand.

use cchc_domain::area::ReformArea;
use cchc_domain::consolidation::{
    aggregate_rule, consolidate, AggregateRule, ConsolidationSpec, ExpectedUnit, TargetMapping,
};
use cchc_domain::evaluation::Status;
use cchc_domain::number::{Count, Decimal};
use cchc_domain::plan::{Plan, PlanId, PlanReference, PlanStatus};
use cchc_domain::progress::{EntryId, FieldFigure, Figure, ProgressEntry, Reading};
use cchc_domain::target::{
    Comparator, Condition, Field, FieldId, Goal, Measure, Period, Target, TargetId, ValueUnit,
};
use cchc_domain::unit::{Unit, UnitLevel};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 12, 20);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

fn target(id: &str, area: ReformArea, label: &str, goal: Goal, reading: Option<Reading>) -> Target {
    Target {
        id: TargetId(id.into()),
        area,
        label: label.into(),
        goal,
        parent: None,
        entries: reading
            .map(|reading| ProgressEntry {
                id: EntryId("e-1".into()),
                date: day(2026, 12, 14),
                reading,
                comment: String::new(),
                extra: Default::default(),
            })
            .into_iter()
            .collect(),
        notes: Default::default(),
        extra: Default::default(),
        suggested: false,
        tracking: Default::default(),
    }
}

fn ratio_goal(threshold: i64, breakdown: Vec<Field>) -> Goal {
    Goal::Single {
        condition: Condition {
            label: String::new(),
            measure: Measure::Ratio {
                numerator: "hồ sơ trực tuyến".into(),
                denominator: "tổng số hồ sơ".into(),
            },
            comparator: Comparator::AtLeast {
                threshold: Decimal::from_int(threshold),
            },
        },
        breakdown,
    }
}

fn ratio(n: u64, d: u64) -> Figure {
    Figure::Ratio {
        numerator: Count(n),
        denominator: Count(d),
    }
}

fn dialogues_goal() -> Goal {
    Goal::Single {
        condition: Condition {
            label: String::new(),
            measure: Measure::Value {
                unit: ValueUnit::Count {
                    noun: "lần".into()
                },
            },
            comparator: Comparator::PerPeriod {
                min: Decimal::from_int(2),
                period: Period::Year,
            },
        },
        breakdown: Vec::new(),
    }
}

/// Ward `i` (1–11): online dossiers `online[i]` of `total[i]`; dialogues held; the plan
/// issued on time or late; a free-text report or none.
fn ward(i: usize, online: u64, total: u64, dialogues: i64, plan_done: Option<NaiveDate>) -> Plan {
    let fields = vec![
        Field {
            id: FieldId("f-hotich".into()),
            name: "Hộ tịch".into(),
        },
        Field {
            id: FieldId("f-datdai".into()),
            name: "Đất đai".into(),
        },
    ];
    let targets = vec![
        target(
            "t-online",
            ReformArea::Procedures,
            "Tỷ lệ hồ sơ nộp trực tuyến tối thiểu 50%",
            ratio_goal(50, Vec::new()),
            Some(Reading::Single {
                figure: ratio(online, total),
            }),
        ),
        target(
            "t-ontime",
            ReformArea::Procedures,
            "Tỷ lệ hồ sơ đúng hạn của từng lĩnh vực tối thiểu 98%",
            ratio_goal(98, fields),
            Some(Reading::PerField {
                fields: vec![
                    FieldFigure {
                        field: FieldId("f-hotich".into()),
                        figure: ratio(99, 100),
                    },
                    FieldFigure {
                        field: FieldId("f-datdai".into()),
                        figure: ratio(if i == 3 { 90 } else { 50 }, 50),
                    },
                ]
                .into_iter()
                .filter(|f| !(i == 3 && f.field.0 == "f-datdai"))
                .collect(),
            }),
        ),
        target(
            "t-dialogue",
            ReformArea::Procedures,
            "Đối thoại với người dân ít nhất 2 lần/năm",
            dialogues_goal(),
            Some(Reading::Single {
                figure: Figure::Value {
                    value: Decimal::from_int(dialogues),
                },
            }),
        ),
        target(
            "t-plan",
            ReformArea::Direction,
            "Ban hành Kế hoạch CCHC năm 2026",
            Goal::Milestone {
                deadline: Some(day(2026, 1, 31)),
            },
            Some(Reading::Milestone {
                done_on: plan_done,
                evidence: "Kế hoạch số 01/KH-UBND".into(),
            }),
        ),
        target(
            "t-news",
            ReformArea::Other,
            "Tuyên truyền về CCHC",
            Goal::FreeText,
            (i % 2 == 0).then(|| Reading::Text {
                text: "Đã đăng 4 tin bài.".into(),
            }),
        ),
    ];
    Plan {
        id: PlanId(format!("plan-phuong-{i}")),
        unit: Unit {
            id: format!("{}", 26700 + i),
            name: format!("Phường {i}"),
            level: UnitLevel::Ward,
            superior: "UBND Thành phố Hồ Chí Minh".into(),
            superior_id: "79".into(),
            extra: Default::default(),
        },
        year: 2026,
        revision: 1,
        status: PlanStatus::Submitted,
        reference: PlanReference::default(),
        notes: Default::default(),
        sources: Vec::new(),
        targets,
        tasks: Vec::new(),
        shortened_procedures: Vec::new(),
        reporting: Default::default(),
        extra: Default::default(),
        template: None,
    }
}

/// The 11 wards. Ward 1 is tiny and entirely online (1 of 1: 100%); ward 2 is large and
/// mostly offline (100 of 1.000: 10%). The mean of the 11 percentages meets "tối thiểu 50%";
/// the district's dossiers as a whole do not.
fn eleven_wards() -> Vec<Plan> {
    let online = [
        (1, 1),
        (100, 1_000),
        (60, 100),
        (55, 100),
        (70, 100),
        (8, 10),
        (9, 10),
        (45, 100),
        (6, 10),
        (7, 10),
        (2, 4),
    ];
    online
        .iter()
        .enumerate()
        .map(|(k, (n, d))| {
            let i = k + 1;
            let dialogues = if i <= 8 { 2 } else { 1 };
            let done = match i {
                1..=9 => Some(day(2026, 1, 15)),
                10 => Some(day(2026, 2, 10)),
                _ => None,
            };
            ward(i, *n, *d, dialogues, done)
        })
        .collect()
}

fn spec_of(plans: &[Plan]) -> ConsolidationSpec {
    ConsolidationSpec {
        plans: plans.iter().map(|p| p.id.clone()).collect(),
        ..Default::default()
    }
}

fn column<'a>(
    c: &'a cchc_domain::consolidation::Consolidation,
    id: &str,
) -> &'a cchc_domain::consolidation::Column {
    c.columns.iter().find(|c| c.id.0 == id).unwrap()
}

#[test]
fn ratios_are_the_sum_of_numerators_over_the_sum_of_denominators() {
    let plans = eleven_wards();
    let c = consolidate(&plans, &spec_of(&plans), today());
    assert_eq!(c.rows.len(), 11);
    let online = column(&c, "t-online");
    assert_eq!(online.aggregate.rule, AggregateRule::RatioOfSums);
    // Σ = 1+100+60+55+70+8+9+45+6+7+2 = 363 of 1+1000+100+100+100+10+10+100+10+10+4 = 1.445.
    assert_eq!(online.aggregate.counts, Some((363, 1_445)));
    // 25,12% does not meet "tối thiểu 50%" …
    assert_eq!(online.aggregate.status, Some(Status::NotMet));
    // … while the mean of the wards' percentages (≈ 60,4%) would have.
    let mean: f64 = [1.0, 0.1, 0.6, 0.55, 0.7, 0.8, 0.9, 0.45, 0.6, 0.7, 0.5]
        .iter()
        .sum::<f64>()
        / 11.0;
    assert!(mean > 0.5, "{mean}");
    // Wards meeting the target on their own: all but ward 2 (10%) and ward 8 (45%).
    assert_eq!(online.aggregate.units_met, 9);
    assert_eq!(online.aggregate.units_reporting, 11);
}

#[test]
fn per_field_ratios_add_every_field_and_a_missing_field_is_no_data() {
    let plans = eleven_wards();
    let c = consolidate(&plans, &spec_of(&plans), today());
    let ontime = column(&c, "t-ontime");
    // Ten wards report 99/100 and 50/50; ward 3 only 99/100: its land field has no figures
    // yet, so its incomplete figures stay out of the sums.
    assert_eq!(ontime.aggregate.counts, Some((10 * 149, 10 * 150)));
    assert_eq!(ontime.aggregate.units_reporting, 10);
    // Per field too, and the area is judged field by field: 990/1.000 and 500/500 both meet
    // "tối thiểu 98%".
    assert_eq!(
        ontime.aggregate.field_counts,
        [
            (FieldId("f-hotich".into()), 990, 1_000),
            (FieldId("f-datdai".into()), 500, 500)
        ]
    );
    assert_eq!(ontime.aggregate.status, Some(Status::Met));
    assert_eq!(ontime.aggregate.units_met, 10);
    let ward3 = c.rows.iter().find(|r| r.unit == "Phường 3").unwrap();
    let i = c.columns.iter().position(|c| c.id.0 == "t-ontime").unwrap();
    assert_eq!(ward3.cells[i].status, Some(Status::NoData));
}

#[test]
fn milestones_and_per_unit_counts_are_units_meeting_and_free_text_is_units_reporting() {
    let plans = eleven_wards();
    let c = consolidate(&plans, &spec_of(&plans), today());
    let plan = column(&c, "t-plan");
    assert_eq!(plan.aggregate.rule, AggregateRule::UnitsMeeting);
    // Nine on time; ward 10 late; ward 11 overdue.
    assert_eq!(plan.aggregate.units_met, 9);
    assert_eq!(plan.aggregate.units_with_target, 11);
    assert_eq!(plan.aggregate.status, None);

    let dialogue = column(&c, "t-dialogue");
    assert_eq!(dialogue.aggregate.rule, AggregateRule::Sum);
    assert_eq!(dialogue.aggregate.total, Some(Decimal::from_int(8 * 2 + 3)));
    assert_eq!(dialogue.aggregate.units_met, 8);
    // A per-unit threshold says nothing of the sum: no verdict on it.
    assert_eq!(dialogue.aggregate.status, None);

    let news = column(&c, "t-news");
    assert_eq!(news.aggregate.rule, AggregateRule::UnitsReporting);
    assert_eq!(news.aggregate.units_reporting, 5);
    assert_eq!(news.aggregate.total, None);
}

#[test]
fn units_expected_but_not_held_are_missing() {
    let plans = eleven_wards();
    let mut spec = spec_of(&plans);
    spec.expected = (1..=12)
        .map(|i| ExpectedUnit {
            code: format!("{}", 26700 + i),
            name: format!("Phường {i}"),
        })
        .collect();
    spec.expected.push(ExpectedUnit {
        code: String::new(),
        name: "  phường 5 ".into(),
    });
    spec.expected.push(ExpectedUnit {
        code: String::new(),
        name: "Xã Đông Thạnh".into(),
    });
    spec.plans.push(PlanId("plan-gone".into()));
    let c = consolidate(&plans, &spec, today());
    let missing: Vec<&str> = c.missing.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(missing, ["Phường 12", "Xã Đông Thạnh"]);
    assert_eq!(c.unknown_plans, [PlanId("plan-gone".into())]);
}

#[test]
fn an_excluded_cell_keeps_its_verdict_but_leaves_the_aggregate() {
    let plans = eleven_wards();
    let mut spec = spec_of(&plans);
    spec.excluded
        .push((PlanId("plan-phuong-2".into()), TargetId("t-online".into())));
    let c = consolidate(&plans, &spec, today());
    let online = column(&c, "t-online");
    assert_eq!(online.aggregate.counts, Some((263, 445)));
    assert_eq!(online.aggregate.units_with_target, 10);
    // 263/445 = 59,1%: without the large offline ward the district meets the target.
    assert_eq!(online.aggregate.status, Some(Status::Met));
    let i = c.columns.iter().position(|c| c.id.0 == "t-online").unwrap();
    let ward2 = c.rows.iter().find(|r| r.unit == "Phường 2").unwrap();
    assert!(ward2.cells[i].excluded);
    assert_eq!(ward2.cells[i].status, Some(Status::NotMet));
}

#[test]
fn a_target_of_another_template_is_counted_once_mapped() {
    let mut plans = eleven_wards();
    // Ward 7 made its plan from another template: its online target has another id.
    plans[6].targets[0].id = TargetId("khac-01".into());
    let unmapped = consolidate(&plans, &spec_of(&plans), today());
    assert!(unmapped.columns.iter().any(|c| c.id.0 == "khac-01"));
    assert_eq!(
        column(&unmapped, "t-online").aggregate.units_with_target,
        10
    );

    let mut spec = spec_of(&plans);
    spec.mappings.push(TargetMapping {
        plan: plans[6].id.clone(),
        target: TargetId("khac-01".into()),
        column: TargetId("t-online".into()),
    });
    let mapped = consolidate(&plans, &spec, today());
    assert!(!mapped.columns.iter().any(|c| c.id.0 == "khac-01"));
    let online = column(&mapped, "t-online");
    assert_eq!(online.aggregate.units_with_target, 11);
    assert_eq!(online.aggregate.counts, Some((363, 1_445)));
    let i = mapped
        .columns
        .iter()
        .position(|c| c.id.0 == "t-online")
        .unwrap();
    assert_eq!(
        mapped.rows[6].cells[i].mapped_from,
        Some(TargetId("khac-01".into()))
    );
}

#[test]
fn rows_count_targets_met_for_the_ranking() {
    let plans = eleven_wards();
    let c = consolidate(&plans, &spec_of(&plans), today());
    let ward1 = &c.rows[0];
    // Online met, on time met, 2 dialogues met, plan on time met; free text not gauged.
    assert_eq!((ward1.met, ward1.gauged), (4, 4));
    let ward11 = &c.rows[10];
    // 50% online met; on time met; 1 dialogue not met; plan overdue not met.
    assert_eq!((ward11.met, ward11.gauged), (2, 4));
}

#[test]
fn rules_follow_the_kind_of_target() {
    assert_eq!(
        aggregate_rule(&ratio_goal(50, Vec::new())),
        AggregateRule::RatioOfSums
    );
    assert_eq!(aggregate_rule(&dialogues_goal()), AggregateRule::Sum);
    assert_eq!(
        aggregate_rule(&Goal::FreeText),
        AggregateRule::UnitsReporting
    );
    let percent = Goal::Single {
        condition: Condition {
            label: String::new(),
            measure: Measure::Value {
                unit: ValueUnit::Percent,
            },
            comparator: Comparator::Above {
                threshold: Decimal::from_int(80),
            },
        },
        breakdown: Vec::new(),
    };
    // Percentages entered directly have no counts to add: units meeting only.
    assert_eq!(aggregate_rule(&percent), AggregateRule::UnitsMeeting);
}

#[test]
fn ranking_by_targets_met_by_one_target_and_per_area() {
    let plans = eleven_wards();
    let c = consolidate(&plans, &spec_of(&plans), today());
    let ranking: Vec<&str> = c.ranking().iter().map(|r| r.unit.as_str()).collect();
    // Wards 1, 4–7 meet all four; then 3 (no data on one), then the rest.
    assert_eq!(ranking.first(), Some(&"Phường 1"));
    assert_eq!(ranking.last(), Some(&"Phường 11"));
    let by_online: Vec<&str> = c
        .ranking_by(&TargetId("t-online".into()))
        .iter()
        .map(|r| r.unit.as_str())
        .collect();
    assert_eq!(by_online.first(), Some(&"Phường 1"));
    assert_eq!(by_online.last(), Some(&"Phường 2"));
    assert!(c.ranking_by(&TargetId("none".into())).is_empty());

    let areas = c.areas();
    let names: Vec<ReformArea> = areas.iter().map(|a| a.area).collect();
    assert_eq!(
        names,
        [
            ReformArea::Direction,
            ReformArea::Procedures,
            ReformArea::Other
        ]
    );
    let direction = &areas[0];
    assert_eq!(
        (direction.targets, direction.met, direction.gauged),
        (1, 9, 11)
    );
    // Free text is tracked, never judged.
    assert_eq!((areas[2].met, areas[2].gauged), (0, 0));
}

#[test]
fn the_consolidation_travels_as_the_superior_units_plan_file() {
    use cchc_domain::consolidated_plan::consolidated_plan;
    use cchc_domain::file::{export_plan, import_text, ExportMeta};
    use cchc_domain::locale::Locale;
    use cchc_domain::validate::validate_plan;

    let plans = eleven_wards();
    let c = consolidate(&plans, &spec_of(&plans), today());
    let superior = Unit {
        id: "79".into(),
        name: "UBND Thành phố Hồ Chí Minh".into(),
        level: UnitLevel::Province,
        superior: "Bộ Nội vụ".into(),
        superior_id: String::new(),
        extra: Default::default(),
    };
    let plan = consolidated_plan(
        &c,
        &plans,
        PlanId("tong-hop-2026".into()),
        superior,
        2026,
        today(),
        Locale::Vi,
    );
    assert_eq!(validate_plan(&plan), []);
    // Its provenance: every ward's plan as consolidated.
    assert_eq!(plan.sources.len(), 11);
    assert_eq!(plan.sources[1].plan, PlanId("plan-phuong-2".into()));
    assert_eq!(plan.sources[1].unit_id, "26702");
    assert_eq!(
        plan.sources[1].content_hash,
        cchc_domain::file::content_hash(&plans[1])
    );
    let ids: Vec<&str> = plan.targets.iter().map(|t| t.id.0.as_str()).collect();
    assert_eq!(
        ids,
        ["t-online", "t-ontime", "t-dialogue", "t-plan", "t-news"]
    );

    let file = export_plan(&plan, &ExportMeta::default());
    let back = import_text(&file).unwrap().plan;
    assert_eq!(back, plan);
    let reading = |id: &str| {
        back.targets
            .iter()
            .find(|t| t.id.0 == id)
            .and_then(|t| t.entries.first())
            .map(|e| (e.reading.clone(), e.comment.clone()))
            .unwrap()
    };
    assert_eq!(
        reading("t-online").0,
        Reading::Single {
            figure: ratio(363, 1_445)
        }
    );
    // Nine of eleven wards issued their plan on time; the superior's target is "all".
    assert_eq!(
        reading("t-plan").0,
        Reading::Single {
            figure: ratio(9, 11)
        }
    );
    let (dialogues, comment) = reading("t-dialogue");
    assert_eq!(
        dialogues,
        Reading::Single {
            figure: ratio(8, 11)
        }
    );
    assert!(comment.ends_with("19"), "{comment}");
    assert_eq!(
        reading("t-news").0,
        Reading::Text {
            text: "5/11 đơn vị đã báo cáo".into()
        }
    );
    // The superior's plan consolidates again one level up with the same ids.
    let upward = consolidate(
        std::slice::from_ref(&back),
        &spec_of(std::slice::from_ref(&back)),
        today(),
    );
    assert_eq!(
        upward
            .columns
            .iter()
            .find(|c| c.id.0 == "t-online")
            .unwrap()
            .aggregate
            .counts,
        Some((363, 1_445))
    );
}
