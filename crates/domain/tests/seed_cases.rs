//! Cases taken from the seed articles (2018–2020 CCHC news items) and the one-click example
//! plan built from them. Figures are typed the way the articles print them (`9.156`, `98,97`)
//! and parsed with the Vietnamese number reader.

use chrono::NaiveDate;

use cchc_domain::area::ReformArea;
use cchc_domain::date::{days_in_month, parse_vi_date, DateError};
use cchc_domain::evaluation::{evaluate, Evaluation, Note, Status};
use cchc_domain::example::{
    example_plan, example_plan_with_counter, EXAMPLE_IMPOSSIBLE_DATE, EXAMPLE_PLAN_NUMBER,
};
use cchc_domain::file::{export_plan, import_text, plan_fingerprint, read_stored_plan, ExportMeta};
use cchc_domain::number::{
    format_count, format_decimal, format_percent, parse_vi_count, parse_vi_number, Count, Decimal,
    Rational,
};
use cchc_domain::plan::{looks_like_document_number, Plan};
use cchc_domain::progress::{EntryId, FieldFigure, Figure, ProgressEntry, Reading};
use cchc_domain::target::{
    AboveRange, Comparator, Condition, Field, FieldId, Goal, Measure, Target, TargetId, ValueUnit,
};
use cchc_domain::unit::UnitLevel;

// ---------------------------------------------------------------------------------------------
// helpers

fn vi(s: &str) -> Decimal {
    parse_vi_number(s).expect("a number as the article prints it")
}

fn count(s: &str) -> u64 {
    parse_vi_count(s).expect("a count as the article prints it")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

/// The day the Bình Tân article was published (07/03/2020): the example is evaluated then.
fn article_day() -> NaiveDate {
    date(2020, 3, 7)
}

fn ratio_condition(comparator: Comparator) -> Condition {
    Condition {
        label: String::new(),
        measure: Measure::Ratio {
            numerator: "hồ sơ giải quyết đúng hạn".into(),
            denominator: "hồ sơ đã giải quyết".into(),
        },
        comparator,
    }
}

fn percent_condition(comparator: Comparator) -> Condition {
    Condition {
        label: String::new(),
        measure: Measure::Value {
            unit: ValueUnit::Percent,
        },
        comparator,
    }
}

fn ratio(n: &str, d: &str) -> Figure {
    Figure::Ratio {
        numerator: Count(count(n)),
        denominator: Count(count(d)),
    }
}

fn value(s: &str) -> Figure {
    Figure::Value { value: vi(s) }
}

fn target_with(goal: Goal, reading: Reading) -> Target {
    Target {
        id: TargetId("t".into()),
        area: ReformArea::Procedures,
        label: "chỉ tiêu".into(),
        goal,
        parent: None,
        entries: vec![ProgressEntry {
            id: EntryId("e".into()),
            date: date(2019, 12, 31),
            reading,
            comment: String::new(),
            extra: Default::default(),
        }],
        notes: Default::default(),
        extra: Default::default(),
        suggested: false,
        tracking: Default::default(),
    }
}

fn single(condition: Condition, figure: Figure) -> Evaluation {
    let t = target_with(
        Goal::Single {
            condition,
            breakdown: vec![],
        },
        Reading::Single { figure },
    );
    evaluate(&t, article_day())
}

fn above(t: &str) -> Comparator {
    Comparator::Above { threshold: vi(t) }
}

fn band(min: &str, max: &str, above: AboveRange) -> Comparator {
    Comparator::Range {
        min: vi(min),
        max: vi(max),
        above,
    }
}

/// `d × k` exactly, for unit conversions (days → hours at 8 hours a working day).
fn times(d: Decimal, k: i128) -> Rational {
    Rational::new(d.units() * k, 10i128.pow(u32::from(d.scale())))
}

// ---------------------------------------------------------------------------------------------
// seed 002: Bình Tân 2019 results (SGGP, 07/03/2020)

#[test]
fn level3_online_share_is_53_58_percent() {
    let share = Rational::percent(count("9.156"), count("17.087"));
    assert_eq!(format_percent(share), "53,58%");
    assert_eq!(format_count(17_087), "17.087");
    assert_eq!(format_count(9_156), "9.156");
}

#[test]
fn level4_online_share_is_85_43_percent_which_the_article_rounds_to_85_4() {
    let share = Rational::percent(count("3.518"), count("4.118"));
    assert_eq!(format_percent(share), "85,43%");
    assert_eq!(share.format_vi(1, false), "85,4");
}

#[test]
fn satisfaction_98_97_meets_tren_80() {
    let e = single(percent_condition(above("80")), value("98,97"));
    assert_eq!(e.status, Status::Met);
    let margin = e
        .headline
        .and_then(|h| h.margin)
        .map(|m| m.format_vi(2, true));
    assert_eq!(margin.as_deref(), Some("18,97"));
}

// ---------------------------------------------------------------------------------------------
// seed 000 / 003: "trên 90%" is strict, and compared before rounding

#[test]
fn exactly_90_percent_does_not_meet_tren_90() {
    assert_eq!(
        single(ratio_condition(above("90")), ratio("90", "100")).status,
        Status::NotMet
    );
    assert_eq!(
        single(percent_condition(above("90")), value("90")).status,
        Status::NotMet
    );
    assert_eq!(
        single(percent_condition(above("90")), value("90,01")).status,
        Status::Met
    );
}

#[test]
fn value_shown_as_90_00_percent_still_fails_tren_90() {
    let figure = ratio("89.996", "100.000");
    let e = single(ratio_condition(above("90")), figure);
    assert_eq!(e.status, Status::NotMet);
    let shown = e
        .headline
        .and_then(|h| h.measured)
        .map(|m| format_percent(m.value));
    assert_eq!(shown.as_deref(), Some("90,00%"));
}

// ---------------------------------------------------------------------------------------------
// seed 000 / 003: "từ 30% đến 40%"

#[test]
fn band_30_to_40_percent() {
    let e = single(
        percent_condition(band("30", "40", AboveRange::OutOfRange)),
        value("35"),
    );
    assert_eq!((e.status, e.note), (Status::Met, None));

    let e = single(
        percent_condition(band("30", "40", AboveRange::OutOfRange)),
        value("41"),
    );
    assert_eq!((e.status, e.note), (Status::NotMet, Some(Note::OutOfRange)));

    let e = single(
        percent_condition(band("30", "40", AboveRange::MetExceeded)),
        value("41"),
    );
    assert_eq!((e.status, e.note), (Status::Met, Some(Note::Exceeded)));

    let e = single(
        percent_condition(band("30", "40", AboveRange::MetExceeded)),
        value("29,99"),
    );
    assert_eq!(e.status, Status::NotMet);
}

// ---------------------------------------------------------------------------------------------
// seed 001: "giảm xuống còn 50% - 52%"

#[test]
fn reduce_to_50_52_percent_is_met_at_51() {
    let reduce = || Comparator::ReduceTo {
        low: vi("50"),
        high: vi("52"),
    };
    assert!(reduce().lower_is_better());
    assert_eq!(
        single(percent_condition(reduce()), value("51")).status,
        Status::Met
    );
    assert_eq!(
        single(percent_condition(reduce()), value("52,5")).status,
        Status::NotMet
    );
}

// ---------------------------------------------------------------------------------------------
// seed 000 / 002: "từng lĩnh vực đều đạt"

fn per_field_target(rows: &[(&str, &str, &str)]) -> Target {
    let breakdown: Vec<Field> = rows
        .iter()
        .map(|(name, _, _)| Field {
            id: FieldId(name.to_string()),
            name: name.to_string(),
        })
        .collect();
    let fields = rows
        .iter()
        .map(|(name, n, d)| FieldFigure {
            field: FieldId(name.to_string()),
            figure: ratio(n, d),
        })
        .collect();
    target_with(
        Goal::Single {
            condition: ratio_condition(above("90")),
            breakdown,
        },
        Reading::PerField { fields },
    )
}

#[test]
fn one_field_at_89_percent_fails_the_whole_target_and_is_the_worst() {
    let t = per_field_target(&[
        ("Hộ tịch", "1.000", "1.000"),
        ("Đất đai", "89", "100"),
        ("Xây dựng", "95", "100"),
    ]);
    let e = evaluate(&t, article_day());
    assert_eq!(e.status, Status::NotMet);
    assert_eq!(e.worst_field, Some(FieldId("Đất đai".into())));
    assert_eq!(e.fields[1].result.status, Status::NotMet);
    assert_eq!(e.fields[0].result.status, Status::Met);
    let shown = e
        .headline
        .and_then(|h| h.measured)
        .map(|m| format_percent(m.value));
    assert_eq!(shown.as_deref(), Some("89,00%"));
}

#[test]
fn a_field_without_dossiers_is_not_applicable() {
    let t = per_field_target(&[
        ("Hộ tịch", "1.000", "1.000"),
        ("Chứng thực", "0", "0"),
        ("Xây dựng", "95", "100"),
    ]);
    let e = evaluate(&t, article_day());
    assert_eq!(e.fields[1].result.status, Status::NotApplicable);
    assert_eq!(e.fields[1].result.note, Some(Note::ZeroDenominator));
    // The empty field neither passes nor fails the target.
    assert_eq!(e.status, Status::Met);
    assert_eq!(e.worst_field, Some(FieldId("Xây dựng".into())));
}

// ---------------------------------------------------------------------------------------------
// seed 000: the plan's date 30/02/2019

#[test]
fn the_impossible_date_30_02_2019_is_refused() {
    assert_eq!(
        parse_vi_date("30/02/2019"),
        Err(DateError::NotACalendarDate {
            days_in_month: Some(28)
        })
    );
    assert_eq!(days_in_month(2019, 2), Some(28));
    // The article's own posting date is fine.
    assert_eq!(parse_vi_date("18/02/2019"), Ok(date(2019, 2, 18)));
}

// ---------------------------------------------------------------------------------------------
// seed 004: shortened processing time, 8 working hours a day

#[test]
fn working_days_convert_to_hours_exactly() {
    let district = times(vi("392"), 8);
    assert_eq!(district, Rational::from_int(3_136));
    assert_eq!(district.format_vi(0, true), "3.136");

    let ward_days = vi("124,5");
    assert_eq!(format_decimal(ward_days), "124,5");
    let ward = times(ward_days, 8);
    assert_eq!(ward, Rational::from_int(996));
    assert_eq!(ward.format_vi(2, true), "996");
}

// ---------------------------------------------------------------------------------------------
// the one-click example plan

fn find<'a>(plan: &'a Plan, label_start: &str) -> &'a Target {
    plan.targets
        .iter()
        .find(|t| t.label.starts_with(label_start))
        .unwrap_or_else(|| panic!("no target starting with {label_start:?}"))
}

#[test]
fn example_plan_is_the_2019_district_plan_without_an_issue_date() {
    let plan = example_plan_with_counter();
    assert_eq!(plan.year, 2019);
    assert_eq!(plan.unit.level, UnitLevel::LegacyDistrict);
    assert!(plan.unit.level.exists_in(plan.year));
    assert!(plan.unit.name.starts_with("Quận 2"));
    assert_eq!(plan.unit.superior, "UBND Thành phố Hồ Chí Minh");
    assert_eq!(plan.reference.number, "39/KH-UBND-NV");
    assert_eq!(plan.reference.number, EXAMPLE_PLAN_NUMBER);
    assert!(looks_like_document_number(&plan.reference.number));
    assert_eq!(plan.reference.issued_on, None);
    assert!(plan.reference.date_note.contains("30/02/2019"));
    assert_eq!(EXAMPLE_IMPOSSIBLE_DATE, "30/02/2019");
    assert!(parse_vi_date(EXAMPLE_IMPOSSIBLE_DATE).is_err());
}

#[test]
fn example_plan_targets_and_kinds() {
    let plan = example_plan_with_counter();
    assert_eq!(plan.targets.len(), 12);
    let kinds: Vec<&str> = plan.targets.iter().map(|t| t.goal.kind_name()).collect();
    for kind in ["single", "compound", "milestone", "free_text"] {
        assert!(kinds.contains(&kind), "{kind} missing");
    }
    assert_eq!(
        plan.areas_used(),
        vec![
            ReformArea::Direction,
            ReformArea::Procedures,
            ReformArea::DigitalGovernment,
            ReformArea::Impact
        ]
    );
    // Labels are Vietnamese, as the article words them.
    for t in &plan.targets {
        assert!(!t.label.trim().is_empty());
        assert!(!t.label.contains("  "), "double space in {:?}", t.label);
    }

    // Một là: per-field, strictly above 90%.
    let on_time = find(&plan, "Tỷ lệ giải quyết hồ sơ đúng hạn của từng lĩnh vực");
    match &on_time.goal {
        Goal::Single {
            condition,
            breakdown,
        } => {
            assert_eq!(condition.comparator, above("90"));
            assert!(matches!(condition.measure, Measure::Ratio { .. }));
            assert!(breakdown.len() >= 6);
            assert!(breakdown.iter().any(|f| f.name == "Hộ tịch"));
        }
        other => panic!("unexpected goal {other:?}"),
    }

    // Hai là: a band whose excess counts as "vượt".
    let band_target = find(&plan, "Đưa tỷ lệ từ 30% đến 40%");
    match &band_target.goal {
        Goal::Single { condition, .. } => assert_eq!(
            condition.comparator,
            band("30", "40", AboveRange::MetExceeded)
        ),
        other => panic!("unexpected goal {other:?}"),
    }

    // Ba là: two sub-targets of the household-business target, each naming its denominator.
    let household = find(&plan, "Có từ 50% trở lên hồ sơ đăng ký hộ kinh doanh");
    let subs: Vec<&Target> = plan
        .targets
        .iter()
        .filter(|t| t.parent.as_ref() == Some(&household.id))
        .collect();
    assert_eq!(subs.len(), 2);
    let thresholds: Vec<Comparator> = subs
        .iter()
        .map(|t| match &t.goal {
            Goal::Single { condition, .. } => {
                match &condition.measure {
                    Measure::Ratio { denominator, .. } => {
                        assert!(denominator.starts_with("tổng số hồ sơ đăng ký hộ kinh doanh"))
                    }
                    other => panic!("unexpected measure {other:?}"),
                }
                condition.comparator.clone()
            }
            other => panic!("unexpected goal {other:?}"),
        })
        .collect();
    assert_eq!(
        thresholds,
        vec![
            Comparator::AtLeast {
                threshold: vi("10")
            },
            Comparator::AtLeast {
                threshold: vi("15")
            }
        ]
    );
    // Every parent exists and is not itself a sub-target.
    for t in plan.targets.iter().filter(|t| t.parent.is_some()) {
        let parent = t.parent.as_ref().and_then(|p| plan.target(p));
        assert!(parent.is_some_and(|p| p.parent.is_none()));
    }

    // Bảy là: two labelled conditions, 40% rated and 80% satisfied.
    let rated = find(&plan, "Đảm bảo ít nhất có 40%");
    match &rated.goal {
        Goal::Compound { first, second } => {
            assert!(!first.label.is_empty() && !second.label.is_empty());
            assert_eq!(
                first.comparator,
                Comparator::AtLeast {
                    threshold: vi("40")
                }
            );
            assert_eq!(
                second.comparator,
                Comparator::AtLeast {
                    threshold: vi("80")
                }
            );
        }
        other => panic!("unexpected goal {other:?}"),
    }

    // Sáu là: last year's index is not known.
    let par = find(&plan, "Phấn đấu Chỉ số Cải cách hành chính (PAR Index)");
    match &par.goal {
        Goal::Single { condition, .. } => assert_eq!(
            condition.comparator,
            Comparator::HigherThanPrevious { previous: None }
        ),
        other => panic!("unexpected goal {other:?}"),
    }
}

#[test]
fn example_plan_evaluates_as_expected_on_07_03_2020() {
    let plan = example_plan_with_counter();
    let statuses: Vec<(String, Status, Option<Note>)> = plan
        .targets
        .iter()
        .map(|t| {
            let e = evaluate(t, article_day());
            (t.label.chars().take(40).collect(), e.status, e.note)
        })
        .collect();
    for (label, status, _) in &statuses {
        assert_ne!(*status, Status::Invalid, "{label}");
    }
    let got: Vec<Status> = statuses.iter().map(|(_, s, _)| *s).collect();
    assert_eq!(
        got,
        vec![
            Status::NoData,    // Ban hành Kế hoạch: no (real) date recorded
            Status::NoData,    // kiểm tra tối thiểu 30%
            Status::NotGauged, // trách nhiệm người đứng đầu
            Status::Met,       // đúng hạn từng lĩnh vực (100% everywhere)
            Status::NoData,    // từ 30% đến 40% TTHC mức độ 3, 4
            Status::Met,       // mức độ 4: 3.518/4.118
            Status::Met,       // hộ kinh doanh: 9.156/17.087
            Status::NoData,    // bưu chính: tiếp nhận
            Status::NoData,    // bưu chính: trả kết quả
            Status::Met,       // hài lòng 98,97%
            Status::Waiting,   // PAR Index: 2018 figure unknown
            Status::NoData,    // 40% được đánh giá, 80% hài lòng
        ],
        "{statuses:#?}"
    );
    let met = got.iter().filter(|s| **s == Status::Met).count();
    let not_met = got.iter().filter(|s| **s == Status::NotMet).count();
    assert_eq!((met, not_met), (4, 0));
    assert_eq!(statuses[0].2, Some(Note::NotDueYet));
    assert_eq!(statuses[10].2, Some(Note::WaitingForPrevious));

    // The headline figures are the articles' figures.
    let shown = |label: &str| {
        evaluate(find(&plan, label), article_day())
            .headline
            .and_then(|h| h.measured)
            .map(|m| format_percent(m.value))
    };
    assert_eq!(shown("Đạt từ 30% hồ sơ").as_deref(), Some("85,43%"));
    assert_eq!(
        shown("Có từ 50% trở lên hồ sơ đăng ký hộ kinh doanh").as_deref(),
        Some("53,58%")
    );
    assert_eq!(
        shown("Đạt trên 80% ý kiến hài lòng").as_deref(),
        Some("98,97%")
    );
    assert_eq!(
        shown("Tỷ lệ giải quyết hồ sơ đúng hạn").as_deref(),
        Some("100,00%")
    );

    // The level-4 target shows history: a mid-year entry before the year-end one, which counts.
    let level4 = find(&plan, "Đạt từ 30% hồ sơ");
    assert_eq!(level4.entries.len(), 2);
    assert_eq!(
        level4.latest_entry().map(|e| e.date),
        Some(date(2019, 12, 31))
    );
    let mid = evaluate(
        &Target {
            entries: level4.entries[..1].to_vec(),
            ..level4.clone()
        },
        article_day(),
    );
    assert_eq!(mid.as_of, Some(date(2019, 6, 30)));
    assert_eq!(mid.status, Status::Met);
}

#[test]
fn example_plan_comments_say_where_figures_come_from() {
    let plan = example_plan_with_counter();
    let comments: Vec<&str> = plan
        .targets
        .iter()
        .flat_map(|t| t.entries.iter().map(|e| e.comment.as_str()))
        .collect();
    assert!(comments.iter().all(|c| !c.is_empty()));
    let source = "Kết quả năm 2019 của quận Bình Tân (SGGP, 07/03/2020)";
    let from_article: Vec<&&str> = comments.iter().filter(|c| c.contains(source)).collect();
    // on-time, level 4, household business, satisfaction
    assert_eq!(from_article.len(), 4);
    // Each of them says the figures belong to another district.
    assert!(from_article
        .iter()
        .all(|c| c.contains("không phải kết quả của Quận 2")));
    // The on-time split by field is said to be illustrative.
    let on_time = find(&plan, "Tỷ lệ giải quyết hồ sơ đúng hạn");
    assert!(on_time.entries[0]
        .comment
        .contains("100% ở tất cả các lĩnh vực"));
    assert!(on_time.entries[0].comment.contains("minh họa"));
    // Made-up figures say so.
    let level4 = find(&plan, "Đạt từ 30% hồ sơ");
    assert!(level4.entries[0].comment.contains("tự đặt ra"));
    // The milestone explains why it has no completion date.
    let milestone = &plan.targets[0];
    assert!(matches!(milestone.goal, Goal::Milestone { deadline: None }));
    match &milestone.entries[0].reading {
        Reading::Milestone { done_on, evidence } => {
            assert_eq!(*done_on, None);
            assert!(evidence.contains("39/KH-UBND-NV"));
        }
        other => panic!("unexpected reading {other:?}"),
    }
    assert!(milestone.entries[0].comment.contains("30/02/2019"));
}

#[test]
fn example_plan_round_trips_through_json() {
    let plan = example_plan_with_counter();
    let meta = ExportMeta::default();
    let text = export_plan(&plan, &meta);
    let back = read_stored_plan(&text).expect("reads back");
    assert_eq!(back, plan);
    // A file from outside would be accepted too.
    assert_eq!(import_text(&text).expect("imports").plan, plan);
    // The missing date is written as null, not as an invented day.
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["plan"]["reference"]["issuedOn"], serde_json::Value::Null);
    assert_eq!(v["plan"]["reference"]["number"], "39/KH-UBND-NV");
    // The fingerprint is the plan part of the file, compact.
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&plan_fingerprint(&plan)).expect("json"),
        v["plan"]
    );
}

#[test]
fn example_plan_takes_its_ids_from_the_caller() {
    let mut n = 0u32;
    let mut seen: Vec<String> = Vec::new();
    let plan = example_plan(&mut |prefix: &str| {
        n += 1;
        let id = format!("{prefix}_{n:04}");
        seen.push(id.clone());
        id
    });
    assert_eq!(plan.id.0, "plan_0001");
    assert!(plan.targets.iter().all(|t| t.id.0.starts_with("t_")));
    assert!(plan
        .targets
        .iter()
        .flat_map(|t| &t.entries)
        .all(|e| e.id.0.starts_with("e_")));
    assert!(plan
        .targets
        .iter()
        .flat_map(|t| t.goal.breakdown())
        .all(|f| f.id.0.starts_with("f_")));
    // No id is handed out twice.
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len());
    // Same content, different ids, as the counter version.
    let counted = example_plan_with_counter();
    let labels = |p: &Plan| {
        p.targets
            .iter()
            .map(|t| t.label.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(labels(&plan), labels(&counted));
}
