//! The plan file format end to end: export and import round trips, one fixture per kind of
//! bad input with the exact error it must give, semantic validation rules, messages in both
//! languages, the documented example, and "nothing panics".
//!
//! `tests/fixtures/valid/plan-v1-full.json` is the export of [`rich_plan`]; run with
//! `CCHC_BLESS_FIXTURES=1` to rewrite it after a deliberate change (never for a released
//! format version: old files must keep importing unchanged).

use chrono::NaiveDate;

use cchc_domain::area::ReformArea;
use cchc_domain::file::{
    export_file_name, export_plan, import_bytes, import_text, plan_fingerprint, read_stored_plan,
    ExportMeta, ImportError, ImportedPlan, JsonFault, FORMAT_ID, FORMAT_VERSION, MAX_FILE_BYTES,
};
use cchc_domain::locale::Locale;
use cchc_domain::number::{Count, Decimal};
use cchc_domain::plan::{Plan, PlanId, PlanReference};
use cchc_domain::problem::ValueProblem;
use cchc_domain::progress::{EntryId, FieldFigure, Figure, ProgressEntry, Reading};
use cchc_domain::target::{
    AboveRange, Comparator, Condition, Field, FieldId, Goal, Measure, Period, Target, TargetId,
    ValueUnit,
};
use cchc_domain::unit::{Unit, UnitLevel};
use cchc_domain::validate::{
    validate_plan, EntryAt, FigureKind, JsonType, Location, Part, Problem, ProblemKind,
    ReadingShape, TargetAt,
};

// ------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{FIXTURES}/{name}");
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn import_fixture(name: &str) -> Result<ImportedPlan, ImportError> {
    import_bytes(&fixture(name))
}

fn dec(s: &str) -> Decimal {
    Decimal::parse_plain(s).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn meta() -> ExportMeta {
    ExportMeta {
        app_version: "0.1.0".into(),
        exported_at: "2026-11-23T09:15:00+07:00".into(),
    }
}

fn ratio_measure(numerator: &str, denominator: &str) -> Measure {
    Measure::Ratio {
        numerator: numerator.into(),
        denominator: denominator.into(),
    }
}

fn value_measure(unit: ValueUnit) -> Measure {
    Measure::Value { unit }
}

fn cond(measure: Measure, comparator: Comparator) -> Condition {
    Condition {
        label: String::new(),
        measure,
        comparator,
    }
}

fn single(measure: Measure, comparator: Comparator) -> Goal {
    Goal::Single {
        condition: cond(measure, comparator),
        breakdown: vec![],
    }
}

fn ratio(n: u64, d: u64) -> Figure {
    Figure::Ratio {
        numerator: Count(n),
        denominator: Count(d),
    }
}

fn value(s: &str) -> Figure {
    Figure::Value { value: dec(s) }
}

fn entry(id: &str, date: NaiveDate, reading: Reading, comment: &str) -> ProgressEntry {
    ProgressEntry {
        id: EntryId(id.into()),
        date,
        reading,
        comment: comment.into(),
    }
}

fn target(id: &str, area: ReformArea, label: &str, goal: Goal) -> Target {
    Target {
        id: TargetId(id.into()),
        area,
        label: label.into(),
        goal,
        parent: None,
        entries: vec![],
    }
}

/// A plan that uses every goal kind, comparator, value unit, reading shape and figure kind,
/// every reform area, a sub-target and a plan reference with a note. Targets follow the 2019
/// district plan of seed 000 (Kế hoạch 39/KH-UBND-NV); figures are illustrative, some taken
/// from Bình Tân's 2019 results (seed 002).
fn rich_plan() -> Plan {
    use ReformArea::*;
    let mut t = Vec::new();

    let mut per_field = target(
        "t-01",
        Procedures,
        "Tỷ lệ hồ sơ giải quyết đúng hạn của từng lĩnh vực đều đạt trên 90%",
        Goal::Single {
            condition: cond(
                ratio_measure("hồ sơ giải quyết đúng hạn", "hồ sơ đã giải quyết"),
                Comparator::Above {
                    threshold: dec("90"),
                },
            ),
            breakdown: vec![
                Field {
                    id: FieldId("f-hotich".into()),
                    name: "Hộ tịch".into(),
                },
                Field {
                    id: FieldId("f-datdai".into()),
                    name: "Đất đai".into(),
                },
                Field {
                    id: FieldId("f-xaydung".into()),
                    name: "Xây dựng".into(),
                },
            ],
        },
    );
    per_field.entries = vec![
        entry(
            "e-01",
            day(2019, 6, 30),
            Reading::PerField {
                fields: vec![
                    FieldFigure {
                        field: FieldId("f-hotich".into()),
                        figure: ratio(1_204, 1_210),
                    },
                    FieldFigure {
                        field: FieldId("f-datdai".into()),
                        figure: ratio(88, 90),
                    },
                    FieldFigure {
                        field: FieldId("f-xaydung".into()),
                        figure: ratio(0, 0),
                    },
                ],
            },
            "Lĩnh vực xây dựng chưa phát sinh hồ sơ.",
        ),
        entry(
            "e-02",
            day(2019, 12, 31),
            Reading::PerField {
                fields: vec![FieldFigure {
                    field: FieldId("f-datdai".into()),
                    figure: ratio(180, 180),
                }],
            },
            "",
        ),
    ];
    t.push(per_field);

    let mut range = target(
        "t-02",
        Procedures,
        "Từ 30% đến 40% TTHC đủ điều kiện được cung cấp trực tuyến mức độ 3, 4",
        single(
            ratio_measure("TTHC mức độ 3, 4", "TTHC đủ điều kiện"),
            Comparator::Range {
                min: dec("30"),
                max: dec("40"),
                above: AboveRange::MetExceeded,
            },
        ),
    );
    range.entries = vec![entry(
        "e-01",
        day(2019, 12, 31),
        Reading::Single {
            figure: ratio(74, 150),
        },
        "61 TTHC mức độ 3 và 13 TTHC mức độ 4; mẫu số minh họa.",
    )];
    t.push(range);

    let mut online = target(
        "t-03",
        DigitalGovernment,
        "Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3 đạt từ 30%",
        single(
            ratio_measure("hồ sơ giải quyết trực tuyến", "tổng số hồ sơ"),
            Comparator::AtLeast {
                threshold: dec("30"),
            },
        ),
    );
    online.entries = vec![entry(
        "e-01",
        day(2019, 12, 31),
        Reading::Single {
            figure: ratio(9_156, 17_087),
        },
        "Bình Tân 2019: 53,58%.",
    )];
    t.push(online);

    t.push(target(
        "t-04",
        Procedures,
        "Từ 50% trở lên hồ sơ đăng ký hộ kinh doanh được tiếp nhận trực tuyến",
        single(
            ratio_measure("hồ sơ tiếp nhận trực tuyến", "hồ sơ đăng ký hộ kinh doanh"),
            Comparator::AtLeast {
                threshold: dec("50"),
            },
        ),
    ));
    let mut sub = target(
        "t-05",
        Procedures,
        "Trong đó, từ 10% trở lên hồ sơ được tiếp nhận qua dịch vụ bưu chính công ích",
        single(
            ratio_measure("hồ sơ tiếp nhận qua bưu chính", "tổng số hồ sơ tiếp nhận"),
            Comparator::AtLeast {
                threshold: dec("10"),
            },
        ),
    );
    sub.parent = Some(TargetId("t-04".into()));
    t.push(sub);

    let mut satisfaction = target(
        "t-06",
        Impact,
        "Mức độ hài lòng của người dân, tổ chức đạt trên 80%",
        single(
            value_measure(ValueUnit::Percent),
            Comparator::Above {
                threshold: dec("80"),
            },
        ),
    );
    satisfaction.entries = vec![entry(
        "e-01",
        day(2019, 12, 31),
        Reading::Single {
            figure: value("98.97"),
        },
        "",
    )];
    t.push(satisfaction);

    t.push(target(
        "t-07",
        Direction,
        "Chỉ số CCHC năm 2019 cao hơn năm 2018",
        single(
            value_measure(ValueUnit::Points),
            Comparator::HigherThanPrevious { previous: None },
        ),
    ));

    let mut compound = target(
        "t-08",
        Impact,
        "Ít nhất 40% hồ sơ có sự tham gia đánh giá của người dân, với từ 80% ý kiến hài lòng",
        Goal::Compound {
            first: Condition {
                label: "Tỷ lệ hồ sơ được đánh giá".into(),
                measure: ratio_measure("hồ sơ được đánh giá", "hồ sơ đã giải quyết"),
                comparator: Comparator::AtLeast {
                    threshold: dec("40"),
                },
            },
            second: Condition {
                label: "Tỷ lệ ý kiến hài lòng".into(),
                measure: ratio_measure("ý kiến hài lòng", "ý kiến đánh giá"),
                comparator: Comparator::AtLeast {
                    threshold: dec("80"),
                },
            },
        },
    );
    compound.entries = vec![entry(
        "e-01",
        day(2019, 12, 31),
        Reading::Pair {
            first: ratio(5_000, 12_000),
            second: ratio(4_800, 5_000),
        },
        "Số liệu minh họa.",
    )];
    t.push(compound);

    let mut milestone = target(
        "t-09",
        Direction,
        "Ban hành Kế hoạch CCHC năm 2019",
        Goal::Milestone {
            deadline: Some(day(2019, 2, 28)),
        },
    );
    milestone.entries = vec![entry(
        "e-01",
        day(2019, 2, 18),
        Reading::Milestone {
            done_on: None,
            evidence: "Kế hoạch số 39/KH-UBND-NV (ngày ghi trong nguồn không có thật)".into(),
        },
        "",
    )];
    t.push(milestone);
    t.push(target(
        "t-10",
        Apparatus,
        "Rà soát, sắp xếp tổ chức bộ máy",
        Goal::Milestone { deadline: None },
    ));

    let mut free = target(
        "t-11",
        Other,
        "Tuyên truyền về cải cách hành chính",
        Goal::FreeText,
    );
    free.entries = vec![entry(
        "e-01",
        day(2019, 9, 30),
        Reading::Text {
            text: "Đã đăng 12 tin bài trên Cổng thông tin điện tử.".into(),
        },
        "",
    )];
    t.push(free);

    let mut dialogue = target(
        "t-12",
        Procedures,
        "Đối thoại với người dân, doanh nghiệp ít nhất 2 lần/năm",
        single(
            value_measure(ValueUnit::Count {
                noun: "lần".into()
            }),
            Comparator::PerPeriod {
                min: dec("2"),
                period: Period::Year,
            },
        ),
    );
    dialogue.entries = vec![entry(
        "e-01",
        day(2019, 6, 30),
        Reading::Single { figure: value("1") },
        "",
    )];
    t.push(dialogue);

    let mut spending = target(
        "t-13",
        PublicFinance,
        "Chi thường xuyên giảm xuống còn 50% – 52% tổng chi ngân sách",
        single(
            value_measure(ValueUnit::Percent),
            Comparator::ReduceTo {
                low: dec("50"),
                high: dec("52"),
            },
        ),
    );
    spending.entries = vec![entry(
        "e-01",
        day(2019, 12, 31),
        Reading::Single {
            figure: value("51.25"),
        },
        "",
    )];
    t.push(spending);

    let mut days = target(
        "t-14",
        Procedures,
        "Thời gian giải quyết TTHC tối đa 5 ngày làm việc",
        single(
            value_measure(ValueUnit::Days),
            Comparator::AtMost {
                threshold: dec("5"),
            },
        ),
    );
    days.entries = vec![entry(
        "e-01",
        day(2019, 12, 31),
        Reading::Single {
            figure: value("4.5"),
        },
        "",
    )];
    t.push(days);

    let mut late = target(
        "t-15",
        Procedures,
        "Tỷ lệ hồ sơ trễ hạn dưới 2%",
        single(
            ratio_measure("hồ sơ trễ hạn", "hồ sơ đã giải quyết"),
            Comparator::Below {
                threshold: dec("2"),
            },
        ),
    );
    late.entries = vec![entry(
        "e-01",
        day(2019, 12, 31),
        Reading::Single {
            figure: ratio(14, 8_914),
        },
        "",
    )];
    t.push(late);

    let mut all = target(
        "t-16",
        Institutions,
        "100% văn bản QPPL ban hành đúng thẩm quyền, trình tự, thủ tục",
        single(
            ratio_measure("văn bản đúng quy định", "văn bản ban hành"),
            Comparator::AllItems,
        ),
    );
    all.entries = vec![entry(
        "e-01",
        day(2019, 12, 31),
        Reading::Single {
            figure: ratio(7, 7),
        },
        "",
    )];
    t.push(all);

    t.push(target(
        "t-17",
        Apparatus,
        "Tỷ lệ biên chế tinh giản từ 5% đến 10% (không vượt)",
        single(
            value_measure(ValueUnit::Percent),
            Comparator::Range {
                min: dec("5"),
                max: dec("10"),
                above: AboveRange::OutOfRange,
            },
        ),
    ));

    let mut hours = target(
        "t-18",
        CivilService,
        "Cắt giảm thời gian giải quyết TTHC ít nhất 3.000 giờ",
        single(
            value_measure(ValueUnit::Hours),
            Comparator::AtLeast {
                threshold: dec("3000"),
            },
        ),
    );
    hours.entries = vec![entry(
        "e-01",
        day(2019, 6, 28),
        Reading::Single {
            figure: value("3136"),
        },
        "392 ngày = 3.136 giờ (8 giờ/ngày).",
    )];
    t.push(hours);

    t.push(target(
        "t-19",
        PublicFinance,
        "Tiết kiệm chi thường xuyên ít nhất 1 tỷ đồng",
        single(
            value_measure(ValueUnit::Money),
            Comparator::AtLeast {
                threshold: dec("1000000000"),
            },
        ),
    ));

    let mut par = target(
        "t-20",
        Institutions,
        "Chỉ số phục vụ người dân, doanh nghiệp cao hơn năm trước",
        single(
            value_measure(ValueUnit::Points),
            Comparator::HigherThanPrevious {
                previous: Some(dec("84.1")),
            },
        ),
    );
    par.entries = vec![entry(
        "e-01",
        day(2019, 12, 31),
        Reading::Single {
            figure: value("85.0125"),
        },
        "",
    )];
    t.push(par);

    Plan {
        id: PlanId("plan-quan-2-2019".into()),
        unit: Unit {
            name: "Quận 2".into(),
            level: UnitLevel::LegacyDistrict,
            superior: "UBND Thành phố Hồ Chí Minh".into(),
        },
        year: 2019,
        reference: PlanReference {
            number: "39/KH-UBND-NV".into(),
            issued_on: None,
            date_note: "Nguồn ghi ngày 30/02/2019, không có trên lịch.".into(),
        },
        targets: t,
    }
}

fn invalid(result: Result<ImportedPlan, ImportError>) -> (Location, ProblemKind) {
    match result {
        Err(ImportError::Invalid { location, kind }) => (*location, kind),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn kinds(plan: &Plan) -> Vec<ProblemKind> {
    validate_plan(plan).into_iter().map(|p| p.kind).collect()
}

// ------------------------------------------------------------------------------------------
// Export and round trip
// ------------------------------------------------------------------------------------------

#[test]
fn rich_plan_is_valid_and_uses_every_variant() {
    let plan = rich_plan();
    assert_eq!(validate_plan(&plan), vec![]);
    let json = plan_fingerprint(&plan);
    for needle in [
        "\"kind\":\"single\"",
        "\"kind\":\"compound\"",
        "\"kind\":\"milestone\"",
        "\"kind\":\"free_text\"",
        "\"shape\":\"single\"",
        "\"shape\":\"per_field\"",
        "\"shape\":\"pair\"",
        "\"shape\":\"milestone\"",
        "\"shape\":\"text\"",
        "\"unit\":\"percent\"",
        "\"unit\":\"count\"",
        "\"unit\":\"days\"",
        "\"unit\":\"hours\"",
        "\"unit\":\"money\"",
        "\"unit\":\"points\"",
        "\"above\":\"met_exceeded\"",
        "\"above\":\"out_of_range\"",
    ] {
        assert!(json.contains(needle), "{needle}");
    }
    for rule in [
        "above",
        "at_least",
        "at_most",
        "below",
        "range",
        "reduce_to",
        "all_items",
        "per_period",
        "higher_than_previous",
    ] {
        assert!(json.contains(&format!("\"rule\":\"{rule}\"")), "{rule}");
    }
    for area in ReformArea::ALL {
        assert!(plan.targets.iter().any(|t| t.area == area), "{area:?}");
    }
}

#[test]
fn export_then_import_gives_back_the_same_plan() {
    let plan = rich_plan();
    let text = export_plan(&plan, &meta());
    let imported = import_text(&text).unwrap();
    assert_eq!(imported.plan, plan);
    assert_eq!(imported.app_version, "0.1.0");
    assert_eq!(imported.exported_at, "2026-11-23T09:15:00+07:00");
    assert_eq!(imported.format_version, FORMAT_VERSION);
    assert_eq!(import_bytes(text.as_bytes()).unwrap(), imported);
    assert_eq!(read_stored_plan(&text).unwrap(), plan);
    // Exporting the imported plan again gives the very same text.
    assert_eq!(export_plan(&imported.plan, &meta()), text);
}

#[test]
fn export_writes_the_envelope_first_in_order() {
    let text = export_plan(&rich_plan(), &meta());
    let expected_head = format!(
        "{{\n  \"format\": \"{FORMAT_ID}\",\n  \"formatVersion\": {FORMAT_VERSION},\n  \"app\": {{\n    \"name\": \"CCHC Workbook\",\n    \"version\": \"0.1.0\"\n  }},\n  \"exportedAt\": \"2026-11-23T09:15:00+07:00\",\n  \"plan\": {{\n"
    );
    assert!(text.starts_with(&expected_head), "{}", &text[..300]);
    assert!(text.ends_with("}\n"));
    // Numbers that are entered as decimals are written as exact strings.
    assert!(text.contains("\"threshold\": \"90\""));
    assert!(text.contains("\"value\": \"98.97\""));
    assert!(text.contains("\"numerator\": 9156"));
}

#[test]
fn full_fixture_is_the_rich_plan() {
    let path = format!("{FIXTURES}/valid/plan-v1-full.json");
    if std::env::var_os("CCHC_BLESS_FIXTURES").is_some() {
        std::fs::write(&path, export_plan(&rich_plan(), &meta())).unwrap();
    }
    let imported = import_fixture("valid/plan-v1-full.json").unwrap();
    assert_eq!(imported.plan, rich_plan());
    assert_eq!(imported.format_version, 1);
}

#[test]
fn every_valid_fixture_imports() {
    let dir = format!("{FIXTURES}/valid");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let result = import_bytes(&bytes);
        assert!(result.is_ok(), "{}: {result:?}", path.display());
        seen += 1;
    }
    assert!(seen >= 5, "only {seen} valid fixtures");
}

#[test]
fn minimal_fixture_takes_defaults() {
    let plan = import_fixture("valid/plan-v1-minimal.json").unwrap().plan;
    assert_eq!(plan.unit.name, "Phường Bình Tân");
    assert_eq!(plan.unit.level, UnitLevel::Ward);
    assert_eq!(plan.unit.superior, "");
    assert_eq!(plan.year, 2026);
    assert_eq!(plan.reference, PlanReference::default());
    assert!(plan.targets.is_empty());
}

#[test]
fn a_leading_bom_is_accepted() {
    let bytes = fixture("valid/plan-v1-bom.json");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let with_bom = import_bytes(&bytes).unwrap();
    let without = import_fixture("valid/plan-v1-minimal.json").unwrap();
    assert_eq!(with_bom, without);
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(import_text(&text).unwrap(), without);
    assert_eq!(read_stored_plan(&text).unwrap(), without.plan);
}

#[test]
fn script_payloads_are_kept_as_plain_text() {
    let plan = import_fixture("valid/plan-v1-script-in-text.json")
        .unwrap()
        .plan;
    assert_eq!(plan.unit.name, "<script>alert(\"xss\")</script> Phường 1");
    assert_eq!(
        plan.targets[2].label,
        "<img src=x onerror=alert(1)> Tỷ lệ hồ sơ"
    );
    assert_eq!(
        plan.targets[2].entries[0].comment,
        "'; DROP TABLE plans; --"
    );
    // And they survive a round trip unchanged.
    let again = import_text(&export_plan(&plan, &meta())).unwrap().plan;
    assert_eq!(again, plan);
}

#[test]
fn informational_envelope_fields_may_be_missing() {
    let text = format!(
        "{{\"format\": \"{FORMAT_ID}\", \"formatVersion\": 1, \"plan\": {{\"id\": \"p\", \"unit\": {{\"name\": \"Xã A\", \"level\": \"commune\"}}, \"year\": 2026}}}}"
    );
    let imported = import_text(&text).unwrap();
    assert_eq!(imported.app_version, "");
    assert_eq!(imported.exported_at, "");
    assert_eq!(imported.plan.unit.level, UnitLevel::Commune);
}

#[test]
fn stored_plans_skip_semantic_checks_only() {
    let mut plan = rich_plan();
    if let Goal::Single { condition, .. } = &mut plan.targets[1].goal {
        condition.comparator = Comparator::Range {
            min: dec("40"),
            max: dec("30"),
            above: AboveRange::MetExceeded,
        };
    }
    let text = export_plan(&plan, &meta());
    // Half-edited plan: storage reads it back as it is…
    assert_eq!(read_stored_plan(&text).unwrap(), plan);
    // …but a file with it is refused.
    let (_, kind) = invalid(import_text(&text));
    assert_eq!(
        kind,
        ProblemKind::RangeMinAboveMax {
            min: dec("40"),
            max: dec("30")
        }
    );
    // Structure, envelope and version are still checked.
    assert_eq!(read_stored_plan(""), Err(ImportError::Empty));
    assert!(matches!(
        read_stored_plan("{\"format\": \"x\"}"),
        Err(ImportError::NotAPlanFile { .. })
    ));
    let bad = String::from_utf8(fixture("invalid/negative-count.json")).unwrap();
    assert!(matches!(
        read_stored_plan(&bad),
        Err(ImportError::Invalid {
            kind: ProblemKind::BadValue(ValueProblem::NegativeCount(_)),
            ..
        })
    ));
}

#[test]
fn export_file_names_are_readable_ascii() {
    let mut plan = rich_plan();
    plan.unit.name = "Phường Bình Tân".into();
    assert_eq!(
        export_file_name(&plan, day(2026, 11, 23)),
        "ke-hoach-cchc_phuong-binh-tan_2019_2026-11-23.json"
    );
    plan.unit.name = "ỦY BAN NHÂN DÂN XÃ ĐỊNH HƯNG".into();
    plan.year = 2026;
    assert_eq!(
        export_file_name(&plan, day(2026, 1, 3)),
        "ke-hoach-cchc_uy-ban-nhan-dan-xa-dinh-hung_2026_2026-01-03.json"
    );
    plan.unit.name = "   ".into();
    assert_eq!(
        export_file_name(&plan, day(2026, 1, 3)),
        "ke-hoach-cchc_ke-hoach_2026_2026-01-03.json"
    );
    plan.unit.name = "Đặc khu Côn Đảo / \"Bà Rịa – Vũng Tàu\" ".repeat(5);
    let name = export_file_name(&plan, day(2026, 1, 3));
    assert!(name.is_ascii());
    assert!(name.len() <= "ke-hoach-cchc__2026_2026-01-03.json".len() + 60);
    assert!(!name.contains("--") && !name.contains("-_"));
}

// ------------------------------------------------------------------------------------------
// Bad input, one fixture each
// ------------------------------------------------------------------------------------------

#[test]
fn bytes_that_are_not_text() {
    assert_eq!(
        import_fixture("invalid/empty.json"),
        Err(ImportError::Empty)
    );
    assert_eq!(
        import_fixture("invalid/whitespace-only.json"),
        Err(ImportError::Empty)
    );
    assert_eq!(
        import_fixture("invalid/bom-and-whitespace.json"),
        Err(ImportError::Empty)
    );
    assert_eq!(import_bytes(b""), Err(ImportError::Empty));
    assert_eq!(import_text(" \u{feff}\n"), Err(ImportError::Empty));
    assert_eq!(
        import_fixture("invalid/not-utf8.json"),
        Err(ImportError::NotUtf8)
    );
    // Written here too, byte by byte: a valid plan with one Latin-1 byte in a name.
    let mut bytes = fixture("valid/plan-v1-minimal.json");
    let at = bytes.iter().position(|b| *b == b'B').unwrap();
    bytes[at] = 0xE9;
    assert_eq!(import_bytes(&bytes), Err(ImportError::NotUtf8));
    assert_eq!(
        import_bytes(&[0xFF, 0xFE, b'{', 0]),
        Err(ImportError::NotUtf8)
    );
}

#[test]
fn too_large_is_refused_before_reading() {
    // Not even JSON: the size is checked first.
    let big = vec![0xFFu8; MAX_FILE_BYTES + 1];
    assert_eq!(
        import_bytes(&big),
        Err(ImportError::TooLarge {
            bytes: MAX_FILE_BYTES + 1,
            limit: MAX_FILE_BYTES
        })
    );
    let text = " ".repeat(MAX_FILE_BYTES + 1);
    assert!(matches!(
        import_text(&text),
        Err(ImportError::TooLarge { .. })
    ));
    // Exactly at the limit is read (and found empty).
    assert_eq!(
        import_bytes(&vec![b' '; MAX_FILE_BYTES]),
        Err(ImportError::Empty)
    );
}

#[test]
fn text_that_is_not_json() {
    assert_eq!(
        import_fixture("invalid/not-json.json"),
        Err(ImportError::NotJson {
            line: 1,
            column: 1,
            fault: JsonFault::Syntax
        })
    );
    assert!(matches!(
        import_fixture("invalid/truncated.json"),
        Err(ImportError::NotJson {
            fault: JsonFault::EndedEarly,
            ..
        })
    ));
    assert!(matches!(
        import_fixture("invalid/nan-literal.json"),
        Err(ImportError::NotJson {
            fault: JsonFault::Syntax,
            ..
        })
    ));
}

#[test]
fn deeply_nested_json_is_refused_without_crashing() {
    let deep = "[".repeat(10_000);
    assert!(matches!(
        import_text(&deep),
        Err(ImportError::NotJson {
            fault: JsonFault::TooDeep,
            ..
        })
    ));
    let closed = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(
        import_bytes(closed.as_bytes()),
        Err(ImportError::NotJson {
            fault: JsonFault::TooDeep,
            ..
        })
    ));
    let in_plan = format!(
        "{{\"format\": \"{FORMAT_ID}\", \"formatVersion\": 1, \"plan\": {}{}}}",
        "{\"a\":".repeat(10_000),
        "}".repeat(10_000)
    );
    assert!(matches!(
        read_stored_plan(&in_plan),
        Err(ImportError::NotJson {
            fault: JsonFault::TooDeep,
            ..
        })
    ));
}

#[test]
fn json_that_is_not_ours() {
    assert_eq!(
        import_fixture("invalid/top-level-array.json"),
        Err(ImportError::NotAnObject {
            found: JsonType::Array
        })
    );
    assert_eq!(
        import_fixture("invalid/top-level-string.json"),
        Err(ImportError::NotAnObject {
            found: JsonType::Text
        })
    );
    assert_eq!(
        import_text("42"),
        Err(ImportError::NotAnObject {
            found: JsonType::WholeNumber
        })
    );
    assert_eq!(
        import_text("null"),
        Err(ImportError::NotAnObject {
            found: JsonType::Null
        })
    );
    assert_eq!(
        import_fixture("invalid/excalidraw.json"),
        Err(ImportError::NotAPlanFile { found: None })
    );
    assert_eq!(
        import_fixture("invalid/package-json.json"),
        Err(ImportError::NotAPlanFile { found: None })
    );
    assert_eq!(
        import_fixture("invalid/other-format.json"),
        Err(ImportError::NotAPlanFile {
            found: Some("cchc-workbook/report".into())
        })
    );
    assert_eq!(
        import_text("{\"format\": 1}"),
        Err(ImportError::NotAPlanFile {
            found: Some("1".into())
        })
    );
}

#[test]
fn versions_this_app_cannot_read() {
    assert_eq!(
        import_fixture("invalid/newer-version.json"),
        Err(ImportError::NewerVersion {
            found: 99,
            supported: FORMAT_VERSION
        })
    );
    assert_eq!(
        import_fixture("invalid/version-zero.json"),
        Err(ImportError::UnsupportedVersion { found: "0".into() })
    );
    assert_eq!(
        import_text(&format!("{{\"format\": \"{FORMAT_ID}\"}}")),
        Err(ImportError::UnsupportedVersion {
            found: String::new()
        })
    );
    assert_eq!(
        import_text(&format!(
            "{{\"format\": \"{FORMAT_ID}\", \"formatVersion\": \"một\"}}"
        )),
        Err(ImportError::UnsupportedVersion {
            found: "\"một\"".into()
        })
    );
}

#[test]
fn missing_plan() {
    let (location, kind) = invalid(import_fixture("invalid/missing-plan.json"));
    assert_eq!(location.field, "plan");
    assert_eq!(
        kind,
        ProblemKind::MissingField {
            field: "plan".into()
        }
    );
}

fn target_at(index: usize, id: &str, label: &str) -> Option<TargetAt> {
    Some(TargetAt {
        index,
        id: id.into(),
        label: label.into(),
    })
}

const T3_LABEL: &str = "Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3 đạt từ 30%";

#[test]
fn bad_counts_are_located_down_to_the_field() {
    let entry = Some(EntryAt {
        index: 0,
        id: "e-01".into(),
        date: Some(day(2019, 12, 31)),
    });
    let (location, kind) = invalid(import_fixture("invalid/negative-count.json"));
    assert_eq!(
        kind,
        ProblemKind::BadValue(ValueProblem::NegativeCount("-3".into()))
    );
    assert_eq!(
        location,
        Location {
            target: target_at(2, "t-03", T3_LABEL),
            entry: entry.clone(),
            part: None,
            field: "reading.figure.numerator".into(),
        }
    );
    let (location, kind) = invalid(import_fixture("invalid/fractional-count.json"));
    assert_eq!(
        kind,
        ProblemKind::BadValue(ValueProblem::FractionalCount("9156.5".into()))
    );
    assert_eq!(location.field, "reading.figure.numerator");
    assert_eq!(location.entry, entry);
    let (location, kind) = invalid(import_fixture("invalid/huge-count.json"));
    assert!(matches!(
        kind,
        ProblemKind::BadValue(ValueProblem::NumberTooLarge(_))
    ));
    assert_eq!(location.field, "reading.figure.numerator");
}

#[test]
fn bad_thresholds_are_located() {
    for (name, expected) in [
        (
            "invalid/nan-threshold.json",
            ValueProblem::NotANumber("NaN".into()),
        ),
        (
            "invalid/huge-threshold.json",
            ValueProblem::NumberTooLarge("99999999999999999999".into()),
        ),
        (
            "invalid/exponent-threshold.json",
            ValueProblem::NotANumber("1e999".into()),
        ),
    ] {
        let (location, kind) = invalid(import_fixture(name));
        assert_eq!(kind, ProblemKind::BadValue(expected), "{name}");
        assert_eq!(location.target, target_at(2, "t-03", T3_LABEL), "{name}");
        assert_eq!(location.entry, None);
        assert_eq!(location.field, "goal.condition.comparator.threshold");
    }
}

#[test]
fn impossible_dates_are_refused_not_moved() {
    let (location, kind) = invalid(import_fixture("invalid/impossible-issued-on.json"));
    assert_eq!(
        kind,
        ProblemKind::BadValue(ValueProblem::ImpossibleDate("2019-02-30".into()))
    );
    assert_eq!(location.target, None);
    assert_eq!(location.field, "reference.issuedOn");

    let (location, kind) = invalid(import_fixture("invalid/impossible-entry-date.json"));
    assert_eq!(
        kind,
        ProblemKind::BadValue(ValueProblem::ImpossibleDate("2019-02-30".into()))
    );
    assert_eq!(location.target, target_at(2, "t-03", T3_LABEL));
    assert_eq!(
        location.entry,
        Some(EntryAt {
            index: 0,
            id: "e-01".into(),
            date: None
        })
    );
    assert_eq!(location.field, "date");
    let message = Problem {
        location,
        kind: kind.clone(),
    }
    .message(Locale::Vi);
    assert!(message.contains("mục tiến độ thứ 1"), "{message}");
    assert!(
        message.contains("tháng 02/2019 chỉ có 28 ngày"),
        "{message}"
    );
}

#[test]
fn unknown_names_and_wrong_shapes() {
    let (location, kind) = invalid(import_fixture("invalid/unknown-comparator.json"));
    match kind {
        ProblemKind::UnknownValue { found, allowed } => {
            assert_eq!(found, "between");
            assert!(allowed.contains(&"range".to_string()));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(location.target, target_at(2, "t-03", T3_LABEL));
    assert_eq!(location.field, "goal.condition.comparator.rule");

    let (location, kind) = invalid(import_fixture("invalid/unknown-area.json"));
    assert!(matches!(kind, ProblemKind::UnknownValue { ref found, .. } if found == "finance"));
    assert_eq!(location.field, "area");
    assert_eq!(location.target.map(|t| t.index), Some(1));

    let (location, kind) = invalid(import_fixture("invalid/missing-label.json"));
    assert_eq!(
        kind,
        ProblemKind::MissingField {
            field: "label".into()
        }
    );
    assert_eq!(location.field, "label");
    assert_eq!(location.target, target_at(1, "t-02", ""));

    let (location, kind) = invalid(import_fixture("invalid/year-as-text.json"));
    assert_eq!(
        kind,
        ProblemKind::WrongType {
            expected: JsonType::WholeNumber,
            found: JsonType::Text
        }
    );
    assert_eq!(location.field, "year");
}

#[test]
fn structure_problems_inside_tagged_parts_are_located() {
    use serde_json::json;
    let base: serde_json::Value =
        serde_json::from_slice(&fixture("valid/plan-v1-base.json")).unwrap();
    let entry = "/plan/targets/2/entries/0";
    let cases = [
        (
            format!("{entry}/reading/shape"),
            json!("singel"),
            "reading.shape",
        ),
        (
            format!("{entry}/reading/figure/numerator"),
            json!("9156"),
            "reading.figure.numerator",
        ),
        (
            format!("{entry}/reading/figure"),
            json!({"type": "ratio", "numerator": 1}),
            "reading.figure.denominator",
        ),
        (format!("{entry}/comment"), json!(null), "comment"),
        (
            "/plan/targets/0/goal/kind".to_string(),
            json!(7),
            "goal.kind",
        ),
        (
            "/plan/targets/2/goal/condition/measure/type".to_string(),
            json!("value"),
            "goal.condition.measure.unit",
        ),
        (
            "/plan/targets/1/goal/condition/comparator/above".to_string(),
            json!("sometimes"),
            "goal.condition.comparator.above",
        ),
        (
            "/plan/targets/1/goal/condition".to_string(),
            json!([]),
            "goal.condition",
        ),
    ];
    for (pointer, replacement, field) in cases {
        let mut doc = base.clone();
        *doc.pointer_mut(&pointer).unwrap() = replacement;
        let (location, kind) = invalid(import_text(&doc.to_string()));
        assert_eq!(location.field, field, "{pointer}: {kind:?}");
        assert!(location.target.is_some(), "{pointer}");
    }
    // The kinds are typed, not serde's English text.
    let mut doc = base.clone();
    *doc.pointer_mut(&format!("{entry}/reading/figure/numerator"))
        .unwrap() = json!("9156");
    let (_, kind) = invalid(import_text(&doc.to_string()));
    assert_eq!(
        kind,
        ProblemKind::BadValue(ValueProblem::NotANumber("\"9156\"".into()))
    );
    // Unknown fields are ignored (a later addition must not break older readers).
    let mut doc = base.clone();
    doc["plan"]["colour"] = json!("red");
    doc["plan"]["targets"][0]["note"] = json!({"any": ["thing"]});
    assert!(import_text(&doc.to_string()).is_ok());
}

#[test]
fn semantic_problems_in_files() {
    let (location, kind) = invalid(import_fixture("invalid/numerator-above-denominator.json"));
    assert_eq!(
        kind,
        ProblemKind::NumeratorAboveDenominator {
            numerator: 9_200,
            denominator: 9_156
        }
    );
    let problem = Problem { location, kind };
    assert_eq!(
        problem.message(Locale::Vi),
        format!("Chỉ tiêu 3 «{T3_LABEL}», mục tiến độ ngày 31/12/2019: tử số (9.200) lớn hơn mẫu số (9.156).")
    );
    assert_eq!(
        problem.message(Locale::En),
        format!("Target 3 «{T3_LABEL}», progress entry of 31/12/2019: the numerator (9,200) is larger than the denominator (9,156).")
    );

    let (location, kind) = invalid(import_fixture("invalid/range-min-above-max.json"));
    assert_eq!(
        kind,
        ProblemKind::RangeMinAboveMax {
            min: dec("40"),
            max: dec("30")
        }
    );
    assert_eq!(location.field, "goal.condition.comparator.min");
    assert_eq!(location.target.map(|t| t.index), Some(1));

    let (location, kind) = invalid(import_fixture("invalid/duplicate-target-ids.json"));
    assert_eq!(
        kind,
        ProblemKind::DuplicateTargetId {
            id: "t-02".into(),
            first: 1
        }
    );
    assert_eq!(location.target.map(|t| t.index), Some(2));

    let (_, kind) = invalid(import_fixture("invalid/reading-shape-mismatch.json"));
    assert_eq!(
        kind,
        ProblemKind::ReadingMismatch {
            expected: ReadingShape::Single,
            found: ReadingShape::Pair
        }
    );

    let (location, kind) = invalid(import_fixture("invalid/district-in-2026.json"));
    assert_eq!(kind, ProblemKind::DistrictAbolished { year: 2026 });
    assert_eq!(location.field, "unit.level");
}

#[test]
fn nothing_panics_on_any_fixture() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(std::path::Path::new(FIXTURES), &mut files);
    assert!(files.len() > 30, "{} fixtures", files.len());
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| {
            let imported = import_bytes(&bytes);
            if let Err(e) = &imported {
                for locale in Locale::ALL {
                    assert!(!e.message(locale).is_empty());
                }
            }
            if let Ok(text) = std::str::from_utf8(&bytes) {
                let _ = read_stored_plan(text);
                let _ = import_text(text);
            }
            // Every prefix of the file (a cut-off download) is refused cleanly too.
            for cut in (0..bytes.len()).step_by(97) {
                let _ = import_bytes(&bytes[..cut]);
            }
        });
        assert!(outcome.is_ok(), "panicked on {}", path.display());
    }
}

// ------------------------------------------------------------------------------------------
// Semantic rules, one by one
// ------------------------------------------------------------------------------------------

fn with_goal(index: usize, goal: Goal) -> Plan {
    let mut plan = rich_plan();
    plan.targets[index].goal = goal;
    plan.targets[index].entries.clear();
    plan
}

#[test]
fn rule_unit_name_year_and_level() {
    let mut plan = rich_plan();
    plan.unit.name = "  ".into();
    assert_eq!(kinds(&plan), vec![ProblemKind::EmptyUnitName]);

    let mut plan = rich_plan();
    plan.year = 1999;
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::YearOutOfRange { year: 1999 }]
    );
    plan.year = 2101;
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::YearOutOfRange { year: 2101 }]
    );

    let mut plan = rich_plan();
    plan.year = 2025;
    assert_eq!(kinds(&plan), vec![]);
    plan.year = 2026;
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::DistrictAbolished { year: 2026 }]
    );
    plan.unit.level = UnitLevel::Ward;
    assert_eq!(kinds(&plan), vec![]);
}

#[test]
fn rule_target_ids_labels_and_parents() {
    let mut plan = rich_plan();
    plan.targets[4].id = TargetId("t-01".into());
    plan.targets[4].parent = None;
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::DuplicateTargetId {
            id: "t-01".into(),
            first: 0
        }]
    );

    let mut plan = rich_plan();
    plan.targets[2].label = " ".into();
    assert_eq!(kinds(&plan), vec![ProblemKind::EmptyTargetLabel]);

    let mut plan = rich_plan();
    plan.targets[4].parent = Some(TargetId("t-99".into()));
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::UnknownParent {
            parent: "t-99".into()
        }]
    );
    plan.targets[4].parent = Some(TargetId("t-05".into()));
    assert_eq!(kinds(&plan), vec![ProblemKind::OwnParent]);

    // t-04 → t-05 → t-04
    let mut plan = rich_plan();
    plan.targets[3].parent = Some(TargetId("t-05".into()));
    if let Goal::Single { condition, .. } = &mut plan.targets[3].goal {
        condition.measure = ratio_measure("a", "b");
    }
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::ParentCycle, ProblemKind::ParentCycle]
    );
    // A target hanging below a loop is not itself in it.
    plan.targets[5].parent = Some(TargetId("t-05".into()));
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::ParentCycle, ProblemKind::ParentCycle]
    );

    let mut plan = rich_plan();
    if let Goal::Single { condition, .. } = &mut plan.targets[4].goal {
        condition.measure = ratio_measure("hồ sơ qua bưu chính", " ");
    }
    let problems = validate_plan(&plan);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::SubTargetWithoutDenominator);
    assert_eq!(
        problems[0].location.field,
        "goal.condition.measure.denominator"
    );
}

#[test]
fn rule_thresholds() {
    let ratio_goal = |c: Comparator| single(ratio_measure("a", "b"), c);
    let plan = with_goal(
        2,
        ratio_goal(Comparator::AtLeast {
            threshold: dec("-1"),
        }),
    );
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::NegativeThreshold { value: dec("-1") }]
    );
    let plan = with_goal(
        2,
        ratio_goal(Comparator::Above {
            threshold: dec("100.5"),
        }),
    );
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::PercentAbove100 {
            value: dec("100.5")
        }]
    );
    // 100 itself is fine, and above 100 is fine for values that are not percentages.
    let plan = with_goal(
        2,
        ratio_goal(Comparator::AtLeast {
            threshold: dec("100"),
        }),
    );
    assert_eq!(kinds(&plan), vec![]);
    let plan = with_goal(
        2,
        single(
            value_measure(ValueUnit::Days),
            Comparator::AtMost {
                threshold: dec("120"),
            },
        ),
    );
    assert_eq!(kinds(&plan), vec![]);
    let plan = with_goal(
        2,
        single(
            value_measure(ValueUnit::Percent),
            Comparator::HigherThanPrevious {
                previous: Some(dec("101")),
            },
        ),
    );
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::PercentAbove100 { value: dec("101") }]
    );
    let plan = with_goal(
        2,
        single(
            value_measure(ValueUnit::Money),
            Comparator::Below {
                threshold: dec("-5"),
            },
        ),
    );
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::NegativeThreshold { value: dec("-5") }]
    );

    let plan = with_goal(
        2,
        ratio_goal(Comparator::Range {
            min: dec("40"),
            max: dec("30"),
            above: AboveRange::OutOfRange,
        }),
    );
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::RangeMinAboveMax {
            min: dec("40"),
            max: dec("30")
        }]
    );
    let plan = with_goal(
        2,
        ratio_goal(Comparator::Range {
            min: dec("30"),
            max: dec("30"),
            above: AboveRange::OutOfRange,
        }),
    );
    assert_eq!(kinds(&plan), vec![]);
    let plan = with_goal(
        2,
        ratio_goal(Comparator::ReduceTo {
            low: dec("52"),
            high: dec("50"),
        }),
    );
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::ReduceToLowAboveHigh {
            low: dec("52"),
            high: dec("50")
        }]
    );

    let per_period = |measure: Measure, min: &str| {
        single(
            measure,
            Comparator::PerPeriod {
                min: dec(min),
                period: Period::Quarter,
            },
        )
    };
    let plan = with_goal(2, per_period(ratio_measure("a", "b"), "2"));
    assert_eq!(kinds(&plan), vec![ProblemKind::PerPeriodNeedsCount]);
    let plan = with_goal(2, per_period(value_measure(ValueUnit::Percent), "2"));
    assert_eq!(kinds(&plan), vec![ProblemKind::PerPeriodNeedsCount]);
    let plan = with_goal(
        2,
        per_period(
            value_measure(ValueUnit::Count {
                noun: "cuộc".into(),
            }),
            "-1",
        ),
    );
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::NegativeThreshold { value: dec("-1") }]
    );

    for (unit, ok) in [
        (ValueUnit::Percent, true),
        (
            ValueUnit::Count {
                noun: String::new(),
            },
            false,
        ),
        (ValueUnit::Days, false),
        (ValueUnit::Points, false),
    ] {
        let plan = with_goal(2, single(value_measure(unit.clone()), Comparator::AllItems));
        let expected = if ok {
            vec![]
        } else {
            vec![ProblemKind::AllItemsNeedsRatioOrPercent]
        };
        assert_eq!(kinds(&plan), expected, "{unit:?}");
    }

    // Compound conditions are checked one by one, and say which one.
    let plan = with_goal(
        2,
        Goal::Compound {
            first: cond(ratio_measure("a", "b"), Comparator::AllItems),
            second: cond(
                ratio_measure("a", "b"),
                Comparator::AtLeast {
                    threshold: dec("120"),
                },
            ),
        },
    );
    let problems = validate_plan(&plan);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].location.part, Some(Part::SecondCondition));
    assert_eq!(
        problems[0].location.field,
        "goal.second.comparator.threshold"
    );
}

#[test]
fn rule_breakdown_fields() {
    let goal = |fields: &[(&str, &str)]| Goal::Single {
        condition: cond(
            ratio_measure("a", "b"),
            Comparator::Above {
                threshold: dec("90"),
            },
        ),
        breakdown: fields
            .iter()
            .map(|(id, name)| Field {
                id: FieldId(id.to_string()),
                name: name.to_string(),
            })
            .collect(),
    };
    let plan = with_goal(0, goal(&[("a", "Hộ tịch"), ("b", "")]));
    let problems = validate_plan(&plan);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::EmptyFieldName);
    assert_eq!(
        problems[0].location.part,
        Some(Part::BreakdownField {
            index: 1,
            name: String::new()
        })
    );
    let plan = with_goal(0, goal(&[("a", "Hộ tịch"), ("a", "Đất đai")]));
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::DuplicateFieldId { id: "a".into() }]
    );
    let plan = with_goal(0, goal(&[("a", "Hộ tịch"), ("b", " hộ tịch ")]));
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::DuplicateFieldName {
            name: "hộ tịch".into()
        }]
    );
}

#[test]
fn rule_entries() {
    let mut plan = rich_plan();
    let e = plan.targets[2].entries[0].clone();
    plan.targets[2].entries.push(e);
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::DuplicateEntryId { id: "e-01".into() }]
    );

    // Every goal kind against a wrong shape.
    let cases: [(usize, Reading, ReadingShape, ReadingShape); 5] = [
        (
            2,
            Reading::Text { text: "x".into() },
            ReadingShape::Single,
            ReadingShape::Text,
        ),
        (
            0,
            Reading::Single {
                figure: ratio(1, 2),
            },
            ReadingShape::PerField,
            ReadingShape::Single,
        ),
        (
            7,
            Reading::Single {
                figure: ratio(1, 2),
            },
            ReadingShape::Pair,
            ReadingShape::Single,
        ),
        (
            8,
            Reading::Text { text: "x".into() },
            ReadingShape::Milestone,
            ReadingShape::Text,
        ),
        (
            10,
            Reading::Milestone {
                done_on: None,
                evidence: String::new(),
            },
            ReadingShape::Text,
            ReadingShape::Milestone,
        ),
    ];
    for (index, reading, expected, found) in cases {
        let mut plan = rich_plan();
        plan.targets[index].entries = vec![entry("e-x", day(2019, 12, 31), reading, "")];
        assert_eq!(
            kinds(&plan),
            vec![ProblemKind::ReadingMismatch { expected, found }],
            "target {index}"
        );
    }

    // Per-field readings: unknown and repeated fields.
    let mut plan = rich_plan();
    plan.targets[0].entries = vec![entry(
        "e-x",
        day(2019, 12, 31),
        Reading::PerField {
            fields: vec![
                FieldFigure {
                    field: FieldId("f-hotich".into()),
                    figure: ratio(1, 2),
                },
                FieldFigure {
                    field: FieldId("f-khac".into()),
                    figure: ratio(1, 2),
                },
                FieldFigure {
                    field: FieldId("f-hotich".into()),
                    figure: ratio(3, 2),
                },
            ],
        },
        "",
    )];
    let problems = validate_plan(&plan);
    let got: Vec<ProblemKind> = problems.iter().map(|p| p.kind.clone()).collect();
    assert_eq!(
        got,
        vec![
            ProblemKind::UnknownBreakdownField {
                field: "f-khac".into()
            },
            ProblemKind::RepeatedBreakdownField {
                field: "f-hotich".into()
            },
            ProblemKind::NumeratorAboveDenominator {
                numerator: 3,
                denominator: 2
            },
        ]
    );
    assert_eq!(
        problems[2].location.field,
        "reading.fields[2].figure.numerator"
    );
    // A long label is shortened in messages.
    assert_eq!(
        problems[2].message(Locale::Vi),
        "Chỉ tiêu 1 «Tỷ lệ hồ sơ giải quyết đúng hạn của từng lĩnh vực đều đạt t…», mục tiến độ ngày 31/12/2019, lĩnh vực «Hộ tịch»: tử số (3) lớn hơn mẫu số (2)."
    );

    // Figure kinds follow the measure.
    let mut plan = rich_plan();
    plan.targets[2].entries[0].reading = Reading::Single {
        figure: value("53.58"),
    };
    plan.targets[5].entries[0].reading = Reading::Single {
        figure: ratio(9_897, 10_000),
    };
    assert_eq!(
        kinds(&plan),
        vec![
            ProblemKind::FigureMismatch {
                expected: FigureKind::Ratio,
                found: FigureKind::Value
            },
            ProblemKind::FigureMismatch {
                expected: FigureKind::Value,
                found: FigureKind::Ratio
            },
        ]
    );
    let mut plan = rich_plan();
    plan.targets[7].entries[0].reading = Reading::Pair {
        first: ratio(1, 2),
        second: value("3"),
    };
    let problems = validate_plan(&plan);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].location.part, Some(Part::SecondCondition));

    // 0 of 0 is "not applicable" and fine; 5 of 0 and 9.200 of 9.156 are not.
    let mut plan = rich_plan();
    plan.targets[2].entries[0].reading = Reading::Single {
        figure: ratio(0, 0),
    };
    assert_eq!(kinds(&plan), vec![]);
    plan.targets[2].entries[0].reading = Reading::Single {
        figure: ratio(5, 0),
    };
    assert_eq!(
        kinds(&plan),
        vec![ProblemKind::NumeratorAboveDenominator {
            numerator: 5,
            denominator: 0
        }]
    );
    // Even in a reading of the wrong shape, an impossible ratio is reported.
    plan.targets[2].entries[0].reading = Reading::Pair {
        first: ratio(9_200, 9_156),
        second: ratio(1, 1),
    };
    assert_eq!(kinds(&plan).len(), 2);
}

// ------------------------------------------------------------------------------------------
// Messages
// ------------------------------------------------------------------------------------------

/// One of each problem kind. The match below has no wildcard: a new variant does not compile
/// until it is added here, so every kind's message is tested.
fn every_problem_kind() -> Vec<ProblemKind> {
    let d = dec("12.5");
    let all = vec![
        ProblemKind::BadValue(ValueProblem::NotANumber("abc".into())),
        ProblemKind::BadValue(ValueProblem::NumberTooLarge("1e30".into())),
        ProblemKind::BadValue(ValueProblem::TooManyDecimals("1.23456".into())),
        ProblemKind::BadValue(ValueProblem::NegativeCount("-3".into())),
        ProblemKind::BadValue(ValueProblem::FractionalCount("2.5".into())),
        ProblemKind::BadValue(ValueProblem::ImpossibleDate("2019-02-30".into())),
        ProblemKind::BadValue(ValueProblem::ImpossibleDate("2019-13-01".into())),
        ProblemKind::BadValue(ValueProblem::BadDate("30/02/2019".into())),
        ProblemKind::MissingField {
            field: "label".into(),
        },
        ProblemKind::WrongType {
            expected: JsonType::Object,
            found: JsonType::Array,
        },
        ProblemKind::UnknownValue {
            found: "between".into(),
            allowed: vec!["above".into(), "range".into()],
        },
        ProblemKind::Structure {
            detail: "invalid length 3".into(),
        },
        ProblemKind::EmptyUnitName,
        ProblemKind::YearOutOfRange { year: 1999 },
        ProblemKind::DistrictAbolished { year: 2026 },
        ProblemKind::DuplicateTargetId {
            id: "t-1".into(),
            first: 0,
        },
        ProblemKind::EmptyTargetLabel,
        ProblemKind::UnknownParent {
            parent: "t-9".into(),
        },
        ProblemKind::OwnParent,
        ProblemKind::ParentCycle,
        ProblemKind::SubTargetWithoutDenominator,
        ProblemKind::NegativeThreshold { value: dec("-1") },
        ProblemKind::PercentAbove100 { value: dec("120") },
        ProblemKind::RangeMinAboveMax { min: d, max: d },
        ProblemKind::ReduceToLowAboveHigh { low: d, high: d },
        ProblemKind::PerPeriodNeedsCount,
        ProblemKind::AllItemsNeedsRatioOrPercent,
        ProblemKind::EmptyFieldName,
        ProblemKind::DuplicateFieldId { id: "f".into() },
        ProblemKind::DuplicateFieldName {
            name: "Hộ tịch".into(),
        },
        ProblemKind::DuplicateEntryId { id: "e".into() },
        ProblemKind::ReadingMismatch {
            expected: ReadingShape::Pair,
            found: ReadingShape::Milestone,
        },
        ProblemKind::UnknownBreakdownField { field: "f".into() },
        ProblemKind::RepeatedBreakdownField { field: "f".into() },
        ProblemKind::FigureMismatch {
            expected: FigureKind::Ratio,
            found: FigureKind::Value,
        },
        ProblemKind::NumeratorAboveDenominator {
            numerator: 9_200,
            denominator: 9_156,
        },
    ];
    for k in &all {
        match k {
            ProblemKind::BadValue(_)
            | ProblemKind::MissingField { .. }
            | ProblemKind::WrongType { .. }
            | ProblemKind::UnknownValue { .. }
            | ProblemKind::Structure { .. }
            | ProblemKind::EmptyUnitName
            | ProblemKind::YearOutOfRange { .. }
            | ProblemKind::DistrictAbolished { .. }
            | ProblemKind::DuplicateTargetId { .. }
            | ProblemKind::EmptyTargetLabel
            | ProblemKind::UnknownParent { .. }
            | ProblemKind::OwnParent
            | ProblemKind::ParentCycle
            | ProblemKind::SubTargetWithoutDenominator
            | ProblemKind::NegativeThreshold { .. }
            | ProblemKind::PercentAbove100 { .. }
            | ProblemKind::RangeMinAboveMax { .. }
            | ProblemKind::ReduceToLowAboveHigh { .. }
            | ProblemKind::PerPeriodNeedsCount
            | ProblemKind::AllItemsNeedsRatioOrPercent
            | ProblemKind::EmptyFieldName
            | ProblemKind::DuplicateFieldId { .. }
            | ProblemKind::DuplicateFieldName { .. }
            | ProblemKind::DuplicateEntryId { .. }
            | ProblemKind::ReadingMismatch { .. }
            | ProblemKind::UnknownBreakdownField { .. }
            | ProblemKind::RepeatedBreakdownField { .. }
            | ProblemKind::FigureMismatch { .. }
            | ProblemKind::NumeratorAboveDenominator { .. } => {}
        }
    }
    all
}

fn every_import_error() -> Vec<ImportError> {
    let mut all = vec![
        ImportError::Empty,
        ImportError::TooLarge {
            bytes: 6 * 1024 * 1024,
            limit: MAX_FILE_BYTES,
        },
        ImportError::NotUtf8,
        ImportError::NotJson {
            line: 3,
            column: 7,
            fault: JsonFault::Syntax,
        },
        ImportError::NotJson {
            line: 40,
            column: 1,
            fault: JsonFault::EndedEarly,
        },
        ImportError::NotJson {
            line: 1,
            column: 128,
            fault: JsonFault::TooDeep,
        },
        ImportError::NotAnObject {
            found: JsonType::Array,
        },
        ImportError::NotAPlanFile { found: None },
        ImportError::NotAPlanFile {
            found: Some("x".into()),
        },
        ImportError::NewerVersion {
            found: 99,
            supported: FORMAT_VERSION,
        },
        ImportError::UnsupportedVersion { found: "0".into() },
        ImportError::UnsupportedVersion {
            found: String::new(),
        },
    ];
    for kind in every_problem_kind() {
        all.push(ImportError::Invalid {
            location: Box::new(Location {
                target: target_at(2, "t-03", T3_LABEL),
                entry: Some(EntryAt {
                    index: 0,
                    id: "e-01".into(),
                    date: Some(day(2019, 12, 31)),
                }),
                part: None,
                field: "reading.figure.numerator".into(),
            }),
            kind,
        });
    }
    for e in &all {
        match e {
            ImportError::Empty
            | ImportError::TooLarge { .. }
            | ImportError::NotUtf8
            | ImportError::NotJson { .. }
            | ImportError::NotAnObject { .. }
            | ImportError::NotAPlanFile { .. }
            | ImportError::NewerVersion { .. }
            | ImportError::UnsupportedVersion { .. }
            | ImportError::Invalid { .. } => {}
        }
    }
    all
}

#[test]
fn every_message_exists_in_both_languages() {
    let mut seen_vi = std::collections::HashSet::new();
    for e in every_import_error() {
        let vi = e.message(Locale::Vi);
        let en = e.message(Locale::En);
        assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{e:?}");
        assert_ne!(vi, en, "{e:?}");
        assert!(!e.to_string().is_empty());
        assert!(
            seen_vi.insert(vi.clone()),
            "two errors share a message: {vi}"
        );
    }
    for kind in every_problem_kind() {
        let vi = kind.message(Locale::Vi);
        let en = kind.message(Locale::En);
        assert!(!vi.is_empty() && !en.is_empty(), "{kind:?}");
        assert_ne!(vi, en, "{kind:?}");
        // A problem with no location still reads as a sentence.
        let bare = Problem {
            location: Location::default(),
            kind: kind.clone(),
        };
        let first = bare.message(Locale::Vi).chars().next().unwrap();
        assert!(first.is_uppercase() || !first.is_alphabetic(), "{kind:?}");
    }
}

#[test]
fn messages_say_what_to_do() {
    let newer = ImportError::NewerVersion {
        found: 99,
        supported: 1,
    };
    assert!(newer.message(Locale::Vi).contains("cập nhật"));
    assert!(newer.message(Locale::En).contains("Update"));
    let foreign = import_fixture("invalid/excalidraw.json").unwrap_err();
    assert!(foreign
        .message(Locale::Vi)
        .contains("không phải là tệp kế hoạch"));
    assert!(foreign
        .message(Locale::En)
        .contains("not a CCHC Workbook plan file"));
    let json = import_fixture("invalid/not-json.json").unwrap_err();
    assert!(json.message(Locale::Vi).contains("dòng 1, cột 1"));
    let large = ImportError::TooLarge {
        bytes: 6 * 1024 * 1024,
        limit: MAX_FILE_BYTES,
    };
    assert!(large.message(Locale::Vi).contains("6,0 MB"));
    assert!(large.message(Locale::En).contains("5.0 MB"));
    let (location, kind) = invalid(import_fixture("invalid/unknown-comparator.json"));
    let message = ImportError::Invalid {
        location: Box::new(location),
        kind,
    }
    .message(Locale::Vi);
    assert!(message.contains("«between»"), "{message}");
    assert!(
        message.contains("goal.condition.comparator.rule"),
        "{message}"
    );
    assert!(message.starts_with("Chỉ tiêu 3 «"), "{message}");
}

// ------------------------------------------------------------------------------------------
// The documentation's example
// ------------------------------------------------------------------------------------------

#[test]
fn documented_example_imports() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/plan-file-format.md"
    );
    let doc = std::fs::read_to_string(path).unwrap();
    let start = doc.find("```json\n").expect("a ```json block") + "```json\n".len();
    let len = doc[start..]
        .find("\n```")
        .expect("end of the ```json block");
    let example = &doc[start..start + len];
    let imported = import_text(example).unwrap_or_else(|e| panic!("{}", e.message(Locale::En)));
    assert!(!imported.plan.targets.is_empty());
    // The example is in canonical form: exporting it again gives the same text.
    let meta = ExportMeta {
        app_version: imported.app_version.clone(),
        exported_at: imported.exported_at.clone(),
    };
    assert_eq!(
        export_plan(&imported.plan, &meta).trim_end(),
        example.trim_end()
    );
}
