//! Plan templates: the built-in template files load, validate and evaluate; their target ids
//! are unique and stable; plans started from one template consolidate without mapping; a
//! unit's plan saved as a template keeps its targets and nothing of its year; bad template
//! files are refused with a clear error; the browser's template library keeps what it cannot
//! read. See `docs/templates.md`.

use std::collections::HashSet;

use cchc_domain::area::ReformArea;
use cchc_domain::consolidation::{consolidate, ConsolidationSpec};
use cchc_domain::evaluation::{evaluate, Note, Status};
use cchc_domain::example::example_plan_with_counter;
use cchc_domain::file::{export_plan, import_bytes, import_text, ExportMeta, ImportError};
use cchc_domain::locale::Locale;
use cchc_domain::number::{Count, Decimal};
use cchc_domain::plan::{Plan, PlanId, PlanReference, PlanStatus};
use cchc_domain::progress::{EntryId, FieldFigure, Figure, ProgressEntry, Reading};
use cchc_domain::target::{Comparator, Goal, Measure, Period, Target, ValueUnit};
use cchc_domain::template::{
    read_template, shift_years, targets_for_year, template_file_name, template_from_plan,
    BuiltInTemplate, TemplateError,
};
use cchc_domain::template_library::{decode_library, encode_library, LibraryAdd, LibraryEntry};
use cchc_domain::unit::{Unit, UnitLevel};
use cchc_domain::validate::{validate_plan, ProblemKind};
use chrono::NaiveDate;
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn load(t: BuiltInTemplate) -> Plan {
    t.load()
        .unwrap_or_else(|e| panic!("{}: {}", t.id(), e.message(Locale::En)))
}

fn dec(s: &str) -> Decimal {
    Decimal::parse_plain(s).unwrap()
}

fn ratio(numerator: u64, denominator: u64) -> Figure {
    Figure::Ratio {
        numerator: Count(numerator),
        denominator: Count(denominator),
    }
}

/// A figure that fits a measure: 45 of 50 for a ratio, a plausible value otherwise.
fn figure_for(measure: &Measure) -> Figure {
    match measure {
        Measure::Ratio { .. } => ratio(45, 50),
        Measure::Value { unit } => Figure::Value {
            value: dec(match unit {
                ValueUnit::Percent => "51.5",
                ValueUnit::Count { .. } => "4",
                ValueUnit::Points => "86.2",
                ValueUnit::Days | ValueUnit::Hours => "12.5",
                ValueUnit::Money => "1500000",
            }),
        },
    }
}

/// A sample progress entry of the shape the target's goal calls for.
fn sample_reading(t: &Target) -> Reading {
    match &t.goal {
        Goal::Single {
            condition,
            breakdown,
        } if breakdown.is_empty() => Reading::Single {
            figure: figure_for(&condition.measure),
        },
        Goal::Single { breakdown, .. } => Reading::PerField {
            fields: breakdown
                .iter()
                .map(|f| FieldFigure {
                    field: f.id.clone(),
                    figure: ratio(98, 100),
                })
                .collect(),
        },
        Goal::Compound { first, second } => Reading::Pair {
            first: figure_for(&first.measure),
            second: figure_for(&second.measure),
        },
        Goal::Milestone { .. } => Reading::Milestone {
            done_on: Some(day(2026, 1, 20)),
            evidence: "Kế hoạch số 01/KH-UBND".into(),
        },
        Goal::FreeText => Reading::Text {
            text: "Đã tổ chức tuyên truyền".into(),
        },
    }
}

fn with_entry(t: &Target, date: NaiveDate) -> Target {
    let mut t = t.clone();
    t.entries.push(ProgressEntry {
        id: EntryId("e-1".into()),
        date,
        reading: sample_reading(&t),
        comment: String::new(),
        extra: Default::default(),
    });
    t
}

/// A unit's plan started from a template, as the new-plan form makes it.
fn plan_from(template: &Plan, id: &str, unit: &str, year: i32) -> Plan {
    Plan {
        id: PlanId(id.into()),
        unit: Unit {
            id: String::new(),
            name: unit.into(),
            level: UnitLevel::Commune,
            superior: "UBND tỉnh Sơn La".into(),
            superior_id: "14".into(),
            extra: Default::default(),
        },
        year,
        revision: 1,
        status: PlanStatus::Draft,
        reference: PlanReference::default(),
        notes: Default::default(),
        sources: Vec::new(),
        template: None,
        targets: targets_for_year(template, year),
        tasks: Vec::new(),
        shortened_procedures: Vec::new(),
        reporting: Default::default(),
        extra: Default::default(),
    }
}

fn meta_of(text: &str) -> ExportMeta {
    let v: Value = serde_json::from_str(text).unwrap();
    ExportMeta {
        app_version: v["app"]["version"].as_str().unwrap().into(),
        exported_at: v["exportedAt"].as_str().unwrap().into(),
    }
}

#[test]
fn every_built_in_template_loads_validates_and_is_written_as_the_app_writes() {
    for t in BuiltInTemplate::ALL {
        let plan = load(t);
        let marker = plan.template.clone().expect("a template marker");
        assert_eq!(marker.id, t.id());
        assert!(marker.version >= 1);
        assert!(!marker.name.trim().is_empty(), "{}", t.id());
        assert_eq!(validate_plan(&plan), vec![], "{}", t.id());
        assert_eq!(plan.unit.name, "", "{}: the unit is left empty", t.id());
        assert!(plan.targets.iter().all(|x| x.entries.is_empty()));
        assert!(plan.notes.is_empty() && plan.targets.iter().all(|x| x.notes.is_empty()));
        assert!(
            plan.targets.iter().all(|x| x.extra.is_empty()),
            "{}",
            t.id()
        );
        assert!(plan.extra.is_empty(), "{}", t.id());
        // The file is exactly what exporting the template writes: no key the app does not
        // know, nothing out of order, and editing it by hand shows in review.
        assert_eq!(
            export_plan(&plan, &meta_of(t.file_text())),
            t.file_text(),
            "{}",
            t.id()
        );
        assert_eq!(BuiltInTemplate::from_id(t.id()), Some(t));
        assert_eq!(
            template_file_name(&plan),
            format!("mau-chi-tieu_{}_v{}.json", t.id(), marker.version)
        );
    }
}

#[test]
fn every_target_evaluates_without_progress_and_with_a_sample_entry() {
    for t in BuiltInTemplate::ALL {
        let plan = load(t);
        let today = day(plan.year, 12, 20);
        for target in &plan.targets {
            // No progress: nothing to judge at the start of the year; at its end, a milestone
            // not reported done is overdue.
            let e = evaluate(target, day(plan.year, 1, 1));
            let expected = match &target.goal {
                Goal::FreeText => Status::NotGauged,
                Goal::Single { condition, .. }
                    if condition.comparator
                        == (Comparator::HigherThanPrevious { previous: None }) =>
                {
                    Status::Waiting
                }
                _ => Status::NoData,
            };
            assert_eq!(e.status, expected, "{}: no progress yet", target.id.0);
            let e = evaluate(target, today);
            if let Goal::Milestone { deadline } = target.goal {
                let due = if deadline.is_some_and(|d| d < today) {
                    (Status::NotMet, Some(Note::Overdue))
                } else {
                    (Status::NoData, Some(Note::NotDueYet))
                };
                assert_eq!((e.status, e.note), due, "{}", target.id.0);
            } else {
                assert_eq!(e.status, expected, "{}", target.id.0);
            }
            let e = evaluate(&with_entry(target, day(plan.year, 12, 14)), today);
            assert!(
                !matches!(e.status, Status::Invalid | Status::NoData),
                "{}: {:?} {:?}",
                target.id.0,
                e.status,
                e.note
            );
            if let Goal::Single { condition, .. } = &target.goal {
                if matches!(
                    condition.comparator,
                    Comparator::HigherThanPrevious { previous: None }
                ) {
                    assert_eq!(e.status, Status::Waiting, "{}", target.id.0);
                }
            }
        }
        // Every target of a template-made plan evaluates, in the plan's own year too.
        let made = plan_from(&plan, "p", "Xã Mường Bú", plan.year + 1);
        for target in &made.targets {
            let e = evaluate(
                &with_entry(target, day(made.year, 12, 14)),
                day(made.year, 12, 20),
            );
            assert_ne!(e.status, Status::Invalid, "{}", target.id.0);
        }
    }
}

#[test]
fn target_ids_are_unique_prefixed_and_stable() {
    let mut all = HashSet::new();
    for t in BuiltInTemplate::ALL {
        let plan = load(t);
        for (i, target) in plan.targets.iter().enumerate() {
            assert_eq!(target.id.0, format!("{}/t{:02}", t.id(), i + 1));
            assert!(all.insert(target.id.clone()), "{} twice", target.id.0);
        }
    }
    // A few ids pinned with what they stand for: plans already made from these templates
    // consolidate through them, so they must never move.
    let commune = load(BuiltInTemplate::Commune2026);
    let by_id = |plan: &Plan, id: &str| plan.targets.iter().find(|t| t.id.0 == id).cloned();
    let t01 = by_id(&commune, "xa-2026/t01").unwrap();
    assert_eq!(
        t01.goal,
        Goal::Milestone {
            deadline: Some(day(2026, 1, 31))
        }
    );
    assert!(t01.suggested);
    let t10 = by_id(&commune, "xa-2026/t10").unwrap();
    assert!(t10.label.contains("từng lĩnh vực"), "{}", t10.label);
    match &t10.goal {
        Goal::Single {
            condition,
            breakdown,
        } => {
            assert_eq!(
                condition.comparator,
                Comparator::AtLeast {
                    threshold: dec("98")
                }
            );
            let names: Vec<&str> = breakdown.iter().map(|f| f.name.as_str()).collect();
            assert_eq!(
                names,
                ["Hộ tịch", "Chứng thực", "Đất đai", "Xây dựng", "Kinh doanh"]
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(!t10.suggested);
    let t18 = by_id(&commune, "xa-2026/t18").unwrap();
    assert!(t18.label.starts_with("Mức độ hài lòng"));
    assert!(!t18.suggested);
    let t21 = by_id(&commune, "xa-2026/t21").unwrap();
    assert!(matches!(
        &t21.goal,
        Goal::Single { condition, .. } if condition.comparator == Comparator::PerPeriod { min: dec("2"), period: Period::Year }
    ));
    let t31 = by_id(&commune, "xa-2026/t31").unwrap();
    assert_eq!(t31.area, ReformArea::Impact);
    assert!(t31.suggested);
    let legacy = load(BuiltInTemplate::Legacy2019);
    let k01 = by_id(&legacy, "kieu-2019/t01").unwrap();
    assert!(matches!(
        &k01.goal,
        Goal::Single { condition, .. } if condition.comparator == Comparator::AtLeast { threshold: dec("10") }
    ));
    let department = load(BuiltInTemplate::Department2026);
    assert_eq!(department.unit.level, UnitLevel::Department);
    assert!(by_id(&department, "so-nganh-2026/t06")
        .unwrap()
        .label
        .starts_with("Chỉ số cải cách hành chính năm 2026 của sở, ngành"));
}

#[test]
fn the_commune_template_is_the_31_starter_targets_by_area() {
    let plan = load(BuiltInTemplate::Commune2026);
    assert_eq!(plan.year, 2026);
    assert_eq!(plan.targets.len(), 31);
    let per_area: Vec<(ReformArea, usize)> = plan
        .areas_used()
        .into_iter()
        .map(|a| (a, plan.targets_in(a).count()))
        .collect();
    use ReformArea::*;
    assert_eq!(
        per_area,
        [
            (Direction, 7),
            (Institutions, 2),
            (Procedures, 12),
            (Apparatus, 2),
            (CivilService, 2),
            (PublicFinance, 2),
            (DigitalGovernment, 3),
            (Impact, 1)
        ]
    );
    // The targets are listed area by area, in the order of the reference table.
    let areas: Vec<ReformArea> = plan.targets.iter().map(|t| t.area).collect();
    let mut sorted = areas.clone();
    sorted.sort();
    assert_eq!(areas, sorted);
    // Suggested thresholds: those the reference marks (gợi ý), and the example band of 27.
    let suggested: Vec<usize> = plan
        .targets
        .iter()
        .enumerate()
        .filter(|(_, t)| t.suggested)
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(
        suggested,
        [1, 8, 9, 13, 15, 19, 23, 24, 25, 26, 27, 29, 30, 31]
    );
}

#[test]
fn the_legacy_template_speaks_both_vocabularies() {
    let plan = load(BuiltInTemplate::Legacy2019);
    assert_eq!(plan.year, 2019);
    let labels: Vec<&str> = plan.targets.iter().map(|t| t.label.as_str()).collect();
    let all = labels.join("\n");
    for words in [
        "bưu chính",
        "mức độ 3, 4",
        "mức độ 4",
        "toàn trình",
        "một phần",
    ] {
        assert!(all.contains(words), "{words}");
    }
    // Wherever the old levels are named, the new words are named too.
    for label in &labels {
        if label.contains("mức độ 4") {
            assert!(label.contains("toàn trình"), "{label}");
        }
        if label.contains("mức độ 3") {
            assert!(label.contains("một phần"), "{label}");
        }
    }
    // The four legacy targets of the reference: 10% and 15% by post, the 30–40% band, 30%
    // processed online at level 4.
    let rules: Vec<Comparator> = plan
        .targets
        .iter()
        .filter_map(|t| match &t.goal {
            Goal::Single { condition, .. } => Some(condition.comparator.clone()),
            _ => None,
        })
        .collect();
    for rule in [
        Comparator::AtLeast {
            threshold: dec("10"),
        },
        Comparator::AtLeast {
            threshold: dec("15"),
        },
        Comparator::Range {
            min: dec("30"),
            max: dec("40"),
            above: cchc_domain::target::AboveRange::MetExceeded,
        },
        Comparator::AtLeast {
            threshold: dec("30"),
        },
    ] {
        assert!(rules.contains(&rule), "{rule:?}");
    }
}

#[test]
fn plans_from_the_same_template_consolidate_without_mapping() {
    let template = load(BuiltInTemplate::Commune2026);
    let mut a = plan_from(&template, "plan-a", "Xã Mường Bú", 2026);
    let mut b = plan_from(&template, "plan-b", "Phường Tô Hiệu", 2026);
    a.targets = a
        .targets
        .iter()
        .map(|t| with_entry(t, day(2026, 12, 14)))
        .collect();
    // The second unit has reported half of its targets so far.
    b.targets = b
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if i % 2 == 0 {
                with_entry(t, day(2026, 6, 14))
            } else {
                t.clone()
            }
        })
        .collect();
    for p in [&a, &b] {
        assert_eq!(validate_plan(p), vec![], "{}", p.unit.name);
    }
    let spec = ConsolidationSpec {
        plans: vec![a.id.clone(), b.id.clone()],
        ..Default::default()
    };
    assert!(spec.mappings.is_empty());
    let c = consolidate(&[a.clone(), b.clone()], &spec, day(2026, 12, 20));
    assert_eq!(c.columns.len(), 31, "one column per template target");
    for row in &c.rows {
        assert!(
            row.cells.iter().all(|cell| cell.status.is_some()),
            "every unit has every column"
        );
    }
    let ratio_column = c
        .columns
        .iter()
        .find(|col| col.id.0 == "xa-2026/t13")
        .unwrap();
    assert_eq!(ratio_column.aggregate.units_with_target, 2);
    assert_eq!(ratio_column.aggregate.units_reporting, 2);

    // A plan of the next year made from the same template keeps the same ids.
    let next = plan_from(&template, "plan-c", "Xã Mường Bú", 2027);
    let ids = |p: &Plan| p.targets.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&next), ids(&a));
}

#[test]
fn a_plan_of_another_year_gets_its_years_moved() {
    let template = load(BuiltInTemplate::Commune2026);
    assert_eq!(targets_for_year(&template, 2026), template.targets);
    let next = targets_for_year(&template, 2027);
    let t01 = &next[0];
    assert_eq!(
        t01.label,
        "Ban hành Kế hoạch cải cách hành chính năm 2027 của UBND xã, phường trước ngày 31/01/2027"
    );
    assert_eq!(
        t01.goal,
        Goal::Milestone {
            deadline: Some(day(2027, 1, 31))
        }
    );
    assert!(t01.suggested, "a suggestion stays a suggestion");
    assert_eq!(
        next[6].label,
        "Chỉ số cải cách hành chính (PAR Index) năm 2027 của xã, phường cao hơn năm 2026"
    );
    let legacy = load(BuiltInTemplate::Legacy2019);
    let back = targets_for_year(&legacy, 2018);
    assert_eq!(back.len(), legacy.targets.len());
    // Numbers that are not years stay.
    assert_eq!(
        shift_years("Quyết định 766/QĐ-TTg năm 2026", 2026, 2030),
        "Quyết định 766/QĐ-TTg năm 2030"
    );
    for t in &next {
        assert!(
            !t.label.contains("2026") || t.label.contains("cao hơn năm 2026"),
            "{}",
            t.label
        );
    }
}

#[test]
fn a_plan_saved_as_a_template_has_no_progress_or_notes() {
    // The superior unit's own plan: made from the commune template, with progress, notes of
    // both kinds, a document, a previous-year value, a target of its own.
    let commune = load(BuiltInTemplate::Commune2026);
    let mut plan = plan_from(&commune, "plan-tinh", "UBND tỉnh Sơn La", 2026);
    plan.unit.id = "14".into();
    plan.revision = 4;
    plan.reference.number = "15/KH-UBND".into();
    plan.notes.internal = "Chờ số liệu".into();
    plan.notes.for_superior = "Gửi Bộ Nội vụ".into();
    plan.targets = plan
        .targets
        .iter()
        .map(|t| {
            let mut t = with_entry(t, day(2026, 6, 14));
            t.notes.internal = "nội bộ".into();
            t.notes.for_superior = "gửi cấp trên".into();
            t
        })
        .collect();
    if let Goal::Single { condition, .. } = &mut plan.targets[6].goal {
        condition.comparator = Comparator::HigherThanPrevious {
            previous: Some(dec("88.37")),
        };
    }
    plan.targets[12].suggested = false;
    assert_eq!(validate_plan(&plan), vec![]);

    let template = template_from_plan(&plan, "Mẫu chỉ tiêu của UBND tỉnh Sơn La năm 2026".into());
    let marker = template.template.clone().unwrap();
    assert_eq!(marker.id, "ubnd-tinh-son-la-2026");
    assert_eq!(marker.version, 4, "the plan's revision");
    assert_eq!(template.unit.name, "");
    assert_eq!(template.unit.superior, "UBND tỉnh Sơn La");
    assert_eq!(template.unit.superior_id, "14");
    assert_eq!(template.reference, PlanReference::default());
    assert!(template.notes.is_empty());
    assert_eq!(template.targets.len(), plan.targets.len());
    for (t, original) in template.targets.iter().zip(&plan.targets) {
        assert_eq!(t.id, original.id);
        assert_eq!(t.label, original.label);
        assert_eq!(t.suggested, original.suggested);
        assert!(t.entries.is_empty(), "{}", t.id.0);
        assert!(t.notes.is_empty(), "{}", t.id.0);
    }
    assert!(matches!(
        &template.targets[6].goal,
        Goal::Single { condition, .. } if condition.comparator == Comparator::HigherThanPrevious { previous: None }
    ));
    assert!(!template.targets[12].suggested);
    assert_eq!(validate_plan(&template), vec![]);

    // As a file: it reads back as a template, and plans made from it share the ids.
    let file = export_plan(&template, &ExportMeta::default());
    let read = read_template(file.as_bytes()).unwrap();
    assert_eq!(read, template);
    assert!(!file.contains("Chờ số liệu") && !file.contains("nội bộ") && !file.contains("15/KH"));
    assert!(!file.contains("\"entries\": [\n"), "no entry in the file");
    let sub = plan_from(&read, "plan-xa", "Xã Chiềng Mung", 2026);
    let ids = |p: &Plan| p.targets.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&sub), ids(&commune));

    // The example plan (a 2019 district plan) too.
    let example = example_plan_with_counter();
    let t = template_from_plan(&example, "Mẫu".into());
    assert!(t.targets.iter().all(|t| t.entries.is_empty()));
    assert_eq!(validate_plan(&t), vec![]);
    assert_eq!(t.year, 2019);
}

#[test]
fn bad_template_files_are_refused_with_a_clear_error() {
    let read = |name: &str| {
        let bytes = std::fs::read(format!("{FIXTURES}/{name}")).unwrap();
        (import_bytes(&bytes), read_template(&bytes))
    };
    for (name, kind) in [
        (
            "invalid/template-with-progress.json",
            ProblemKind::TemplateWithProgress { entries: 1 },
        ),
        (
            "invalid/template-version-zero.json",
            ProblemKind::BadTemplateVersion { found: "0".into() },
        ),
        (
            "invalid/template-without-id.json",
            ProblemKind::EmptyTemplateId,
        ),
    ] {
        let (plan, template) = read(name);
        match &plan {
            Err(ImportError::Invalid { kind: k, .. }) => assert_eq!(k, &kind, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
        let Err(TemplateError::Import(e)) = template else {
            panic!("{name}: {template:?}");
        };
        assert_eq!(Err(e.clone()), plan.map(|_| ()));
        let vi = e.message(Locale::Vi);
        let en = e.message(Locale::En);
        assert!(vi.contains("mẫu"), "{name}: {vi}");
        assert!(en.contains("template"), "{name}: {en}");
    }
    // A unit's plan is not a template: it says so, and what to do instead.
    let (plan, template) = read("valid/plan-v2-base.json");
    assert!(plan.is_ok());
    assert_eq!(template, Err(TemplateError::NotATemplate));
    let words = TemplateError::NotATemplate.message(Locale::Vi);
    assert!(words.contains("không phải mẫu chỉ tiêu"), "{words}");
    assert!(words.contains("Nhập tệp kế hoạch"), "{words}");
    // Anything that is not a plan file at all is refused as any import is.
    assert!(matches!(
        read("invalid/excalidraw.json").1,
        Err(TemplateError::Import(ImportError::NotAPlanFile { .. }))
    ));
    // A valid template made elsewhere reads.
    let (_, saved) = read("valid/plan-v2-template-saved-from-plan.json");
    let saved = saved.unwrap();
    assert_eq!(saved.unit.superior, "UBND tỉnh Sơn La");
    assert_eq!(saved.targets.iter().filter(|t| t.suggested).count(), 2);
}

#[test]
fn the_suggestion_mark_is_written_only_when_set() {
    let template = load(BuiltInTemplate::Commune2026);
    let file = export_plan(&template, &ExportMeta::default());
    assert_eq!(file.matches("\"suggested\": true").count(), 14);
    assert!(!file.contains("\"suggested\": false"));
    // A plan made from it keeps the marks; confirming a threshold removes the key.
    let mut plan = plan_from(&template, "p", "Xã A", 2026);
    let before = plan.clone();
    for t in &mut plan.targets {
        t.suggested = false;
    }
    let diff = cchc_domain::plan_diff::diff_plans(&before, &plan);
    let lines = diff.lines(Locale::Vi);
    assert_eq!(lines.len(), 14, "one line per confirmed threshold");
    assert!(
        lines
            .iter()
            .all(|l| l.text == "ngưỡng: đã xác nhận theo kế hoạch"),
        "{lines:?}"
    );
    let text = export_plan(&plan, &ExportMeta::default());
    assert!(!text.contains("suggested"));
    assert!(!text.contains("\"template\""), "a plan is not a template");
    assert_eq!(import_text(&text).unwrap().plan, plan);
}

#[test]
fn the_template_library_keeps_what_it_cannot_read() {
    let meta = ExportMeta {
        app_version: "0.1.0".into(),
        exported_at: "2026-11-24T08:00:00+07:00".into(),
    };
    let commune = load(BuiltInTemplate::Commune2026);
    let legacy = load(BuiltInTemplate::Legacy2019);
    let mut library = decode_library("[]").unwrap();
    assert_eq!(library.add(commune.clone(), &meta), LibraryAdd::Added);
    assert_eq!(library.add(commune.clone(), &meta), LibraryAdd::Identical);
    assert_eq!(library.add(legacy.clone(), &meta), LibraryAdd::Added);
    let mut changed = commune.clone();
    changed.targets.pop();
    assert_eq!(library.add(changed.clone(), &meta), LibraryAdd::Replaced);
    let mut newer = commune.clone();
    newer.template.as_mut().unwrap().version = 2;
    assert_eq!(library.add(newer, &meta), LibraryAdd::Added);
    assert_eq!(library.templates().count(), 3);
    assert_eq!(library.find("xa-2026", 1), Some(&changed));
    // A plan without a marker is not kept.
    assert_eq!(
        library.add(example_plan_with_counter(), &meta),
        LibraryAdd::Identical
    );
    assert_eq!(library.templates().count(), 3);

    // Stored and read back; entries that cannot be read stay where they were, as they were.
    let stored = encode_library(&library);
    let mut value: Value = serde_json::from_str(&stored).unwrap();
    let items = value.as_array_mut().unwrap();
    items.insert(1, Value::from("{\"format\": \"cchc-workbook/plan\""));
    items.push(serde_json::json!({"not": "a template"}));
    let tampered = items[0]
        .as_str()
        .unwrap()
        .replace("Hộ tịch", "Hộ tịch (sửa tay)");
    items.push(Value::from(tampered));
    let text = serde_json::to_string(&value).unwrap();
    let read = decode_library(&text).unwrap();
    assert_eq!(read.templates().count(), 3);
    assert_eq!(read.unreadable().len(), 3, "{:?}", read.unreadable());
    assert!(read.unreadable()[0].starts_with("#2: "));
    assert!(
        matches!(&read.entries[1], LibraryEntry::Unreadable { raw, .. } if raw.as_str() == Some("{\"format\": \"cchc-workbook/plan\""))
    );
    let again: Value = serde_json::from_str(&encode_library(&read)).unwrap();
    assert_eq!(again, value, "written back unchanged");
    // Only a value that is not a list is refused as a whole.
    assert!(decode_library("{}").is_err());
    assert!(decode_library("not json").is_err());
}

#[test]
fn importing_a_template_offers_the_library_never_the_workbook() {
    use cchc_domain::file::ImportedPlan;
    use cchc_domain::import_log::LogAction;
    use cchc_domain::import_review::{apply, review, Arrival, IncomingFile, Resolution};
    use cchc_domain::workbook::Workbook;

    let template = load(BuiltInTemplate::Commune2026);
    let file = |plan: Plan| IncomingFile {
        name: "mau-chi-tieu_xa-2026_v1.json".into(),
        size: 1,
        result: Ok(ImportedPlan {
            plan,
            app_version: String::new(),
            exported_at: String::new(),
            format_version: 2,
            content_hash: None,
        }),
    };
    let mut workbook = Workbook::default();
    let rows = review(
        &workbook,
        vec![file(template.clone()), file(template.clone())],
    );
    assert_eq!(rows[0].arrival, Some(Arrival::Template));
    assert_eq!(
        rows[0].choices,
        [Resolution::UseAsTemplate, Resolution::Skip]
    );
    assert_eq!(rows[0].default, Resolution::UseAsTemplate);
    let log = apply(
        &mut workbook,
        rows,
        &[Resolution::UseAsTemplate, Resolution::Add],
        &mut || PlanId("fresh".into()),
        "2026-11-24T08:00:00Z",
    );
    assert_eq!(log[0].action, LogAction::TemplateKept);
    assert_eq!(log[1].action, LogAction::Skipped, "never added as a plan");
    assert!(workbook.plans.is_empty());
}
