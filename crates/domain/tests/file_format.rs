//! The plan file format end to end: export and import round trips, one fixture per kind of
//! bad input with the exact error it must give, semantic validation rules, messages in both
//! languages, the documented example, and "nothing panics".
//!
//! `tests/fixtures/valid/plan-v1-full.json` is the export of [`rich_plan`] by the version-1
//! app: released, it never changes again (its bytes are pinned below). `plan-v2-full.json` is
//! the export of [`rich_plan_v2`]; run with `CCHC_BLESS_FIXTURES=1` to rewrite it after a
//! deliberate change to the current format version, never once that version is released.

use chrono::NaiveDate;

use cchc_domain::area::ReformArea;
use cchc_domain::extra::Extra;
use cchc_domain::file::{
    content_hash, content_hash_of_value, export_file_name, export_plan, import_bytes, import_text,
    plan_fingerprint, read_stored_plan, ExportMeta, HashFault, ImportError, ImportedPlan,
    JsonFault, FORMAT_ID, FORMAT_VERSION, MAX_FILE_BYTES,
};
use cchc_domain::locale::Locale;
use cchc_domain::notes::Notes;
use cchc_domain::number::{Count, Decimal};
use cchc_domain::plan::{Plan, PlanId, PlanReference, PlanStatus};
use cchc_domain::problem::ValueProblem;
use cchc_domain::progress::{EntryId, FieldFigure, Figure, ProgressEntry, Reading};
use cchc_domain::target::{
    AboveRange, Comparator, Condition, Field, FieldId, Goal, Measure, Period, Target, TargetId,
    ValueUnit,
};
use cchc_domain::unit::{Unit, UnitLevel};
use cchc_domain::validate::{
    validate_plan, EntryAt, FigureKind, ItemAt, ItemKind, JsonType, Location, Part, Problem,
    ProblemKind, ReadingShape, TargetAt,
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
        extra: Extra::default(),
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
        notes: Notes::default(),
        extra: Extra::default(),
        suggested: false,
        tracking: Default::default(),
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
            id: String::new(),
            name: "Quận 2".into(),
            level: UnitLevel::LegacyDistrict,
            superior: "UBND Thành phố Hồ Chí Minh".into(),
            superior_id: String::new(),
            extra: Extra::default(),
        },
        year: 2019,
        // What a version-1 file becomes: revision 1, a draft.
        revision: 1,
        status: PlanStatus::Draft,
        reference: PlanReference {
            number: "39/KH-UBND-NV".into(),
            issued_on: None,
            date_note: "Nguồn ghi ngày 30/02/2019, không có trên lịch.".into(),
            extra: Extra::default(),
        },
        notes: Notes::default(),
        sources: Vec::new(),
        targets: t,
        tasks: Vec::new(),
        shortened_procedures: Vec::new(),
        reporting: Default::default(),
        extra: Extra::default(),
        template: None,
    }
}

/// The rich plan with what version 2 adds: unit codes (Quận 2 is 769 in the list of
/// administrative units, Hồ Chí Minh City 79), a revision, an approval status, and notes of
/// both kinds on the plan and on some targets. `plan-v2-full.json` is its export.
fn rich_plan_v2() -> Plan {
    let mut plan = rich_plan();
    plan.unit.id = "769".into();
    plan.unit.superior_id = "79".into();
    plan.revision = 4;
    plan.status = PlanStatus::Approved;
    plan.notes = Notes {
        internal: "Số liệu quý IV chờ Phòng Tư pháp xác nhận.".into(),
        for_superior: "Kính gửi Sở Nội vụ: số liệu tính đến 31/12/2019.".into(),
    };
    plan.targets[2].notes = Notes {
        internal: "Hỏi lại bộ phận một cửa về 312 hồ sơ nộp qua bưu chính.".into(),
        for_superior: "Tính cả hồ sơ mức độ 4.".into(),
    };
    plan.targets[5].notes.internal = "Khảo sát 400 phiếu, chưa đủ mẫu.".into();
    plan.targets[8].notes.for_superior =
        "Nguồn ghi ngày ban hành 30/02/2019; đã đề nghị đính chính.".into();
    plan
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
    let hash = content_hash(&rich_plan());
    let expected_head = format!(
        "{{\n  \"format\": \"{FORMAT_ID}\",\n  \"formatVersion\": {FORMAT_VERSION},\n  \"app\": {{\n    \"name\": \"CCHC Workbook\",\n    \"version\": \"0.1.0\"\n  }},\n  \"exportedAt\": \"2026-11-23T09:15:00+07:00\",\n  \"contentHash\": \"{hash}\",\n  \"plan\": {{\n    \"id\": \"plan-quan-2-2019\",\n    \"unit\": {{\n      \"id\": \"\",\n      \"name\": \"Quận 2\",\n      \"level\": \"legacy_district\",\n      \"superior\": {{\n        \"id\": \"\",\n        \"name\": \"UBND Thành phố Hồ Chí Minh\"\n      }}\n    }},\n    \"year\": 2019,\n    \"revision\": 1,\n    \"status\": \"draft\",\n    \"reference\": {{\n"
    );
    assert_eq!(FORMAT_VERSION, 2);
    assert!(
        hash.starts_with("sha256:") && hash.len() == 7 + 64,
        "{hash}"
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
    // Version 1: the released file, read through the migration to version 2.
    let imported = import_fixture("valid/plan-v1-full.json").unwrap();
    assert_eq!(imported.plan, rich_plan());
    assert_eq!(imported.format_version, 1);
    assert_eq!(imported.content_hash, None);
    // Version 2: the export of the same plan with what version 2 adds, byte for byte.
    let path = format!("{FIXTURES}/valid/plan-v2-full.json");
    let text = export_plan(&rich_plan_v2(), &meta());
    if std::env::var_os("CCHC_BLESS_FIXTURES").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    assert_eq!(
        String::from_utf8(fixture("valid/plan-v2-full.json")).unwrap(),
        text
    );
    let imported = import_fixture("valid/plan-v2-full.json").unwrap();
    assert_eq!(imported.plan, rich_plan_v2());
    assert_eq!(imported.format_version, 2);
    assert_eq!(imported.content_hash, Some(content_hash(&rich_plan_v2())));
    assert_eq!(validate_plan(&imported.plan), vec![]);
    // What version 2 adds is in the file.
    for needle in [
        "\"revision\": 4,",
        "\"status\": \"approved\",",
        "\"id\": \"769\",",
        "\"superior\": {\n        \"id\": \"79\",\n        \"name\": \"UBND Thành phố Hồ Chí Minh\"\n      }",
        "\"forSuperior\": \"Tính cả hồ sơ mức độ 4.\"",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    // A note of one kind only is written with the other one empty.
    assert!(plan_fingerprint(&rich_plan_v2()).contains(
        "\"notes\":{\"internal\":\"Khảo sát 400 phiếu, chưa đủ mẫu.\",\"forSuperior\":\"\"}"
    ));
}

/// SHA-256 of the released version-1 fixtures: they are the files officers hold, and must
/// import forever exactly as they are. Never change these bytes; add a new fixture instead.
const RELEASED_V1_FIXTURES: [(&str, &str); 5] = [
    (
        "plan-v1-base.json",
        "33b298165f125401a94aa3fcbf34c0d201bd3ef003d6b2d9360037f6f30d24f1",
    ),
    (
        "plan-v1-bom.json",
        "7a295cf0c2768c880c9b0b90967b4d5e663e71b5ac9c4d250a54e95c04817628",
    ),
    (
        "plan-v1-full.json",
        "73367b8d7651371f952380bae1c552cbea967668e441f2c50e1c75e4accf2791",
    ),
    (
        "plan-v1-minimal.json",
        "5bc36cb7febd7dd42c03a4644633ebf10f1f632b6b76fa86bf057bf9a43168c0",
    ),
    (
        "plan-v1-script-in-text.json",
        "5acb8abbf81c1049234e6966f9179e9bcbbe5335b835d8aad46d4c17dc7224a4",
    ),
];

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn released_v1_fixtures_are_unchanged_and_migrate() {
    let listed: Vec<String> = std::fs::read_dir(format!("{FIXTURES}/valid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("plan-v1-"))
        .collect();
    assert_eq!(listed.len(), RELEASED_V1_FIXTURES.len(), "{listed:?}");
    for (name, sha) in RELEASED_V1_FIXTURES {
        let bytes = fixture(&format!("valid/{name}"));
        assert_eq!(sha256_hex(&bytes), sha, "{name} changed");
        let text = String::from_utf8(bytes.clone()).unwrap();
        let raw: serde_json::Value =
            serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
        assert_eq!(raw["formatVersion"], 1, "{name}");
        assert_eq!(raw.get("contentHash"), None, "{name}");
        let imported = import_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(imported.format_version, 1, "{name}");
        assert_eq!(imported.content_hash, None, "{name}");
        // The migration: revision 1, a draft, the superior's name kept with no code.
        let plan = &imported.plan;
        assert_eq!(plan.revision, 1, "{name}");
        assert_eq!(plan.status, PlanStatus::Draft, "{name}");
        let superior = raw["plan"]["unit"]["superior"].as_str().unwrap_or("");
        assert_eq!(plan.unit.superior, superior, "{name}");
        assert_eq!(plan.unit.superior_id, "", "{name}");
        assert_eq!(plan.unit.id, "", "{name}");
        assert_eq!(plan.notes, Notes::default(), "{name}");
        assert!(plan.targets.iter().all(|t| t.notes.is_empty()), "{name}");
        // Stored the same way, and exported as version 2 without loss.
        assert_eq!(&read_stored_plan(&text).unwrap(), plan, "{name}");
        let again = import_text(&export_plan(plan, &meta())).unwrap();
        assert_eq!(&again.plan, plan, "{name}");
        assert_eq!(again.format_version, 2);
    }
    let full = import_fixture("valid/plan-v1-full.json").unwrap().plan;
    assert_eq!(full.unit.superior, "UBND Thành phố Hồ Chí Minh");
}

#[test]
fn every_valid_fixture_imports() {
    let dir = format!("{FIXTURES}/valid");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let imported = import_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let version: u32 = if name.starts_with("plan-v1-") {
            1
        } else if name.starts_with("plan-v2-") {
            2
        } else {
            panic!("{name}: valid fixtures are named plan-v<version>-…");
        };
        assert_eq!(imported.format_version, version, "{name}");
        assert_eq!(imported.content_hash.is_some(), version >= 2, "{name}");
        assert_eq!(validate_plan(&imported.plan), vec![], "{name}");
        // Export → import gives the same plan, with a hash that checks.
        let text = export_plan(&imported.plan, &meta());
        let again = import_text(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(again.plan, imported.plan, "{name}");
        assert_eq!(again.content_hash, Some(content_hash(&imported.plan)));
        assert_eq!(
            plan_fingerprint(&again.plan),
            plan_fingerprint(&imported.plan)
        );
        seen += 1;
    }
    assert!(seen >= 11, "only {seen} valid fixtures");
}

#[test]
fn minimal_fixture_takes_defaults() {
    for name in ["valid/plan-v1-minimal.json", "valid/plan-v2-minimal.json"] {
        let imported = import_fixture(name).unwrap();
        let plan = imported.plan;
        assert_eq!(plan.unit.id, "", "{name}");
        assert_eq!(plan.unit.name, "Phường Bình Tân");
        assert_eq!(plan.unit.level, UnitLevel::Ward);
        assert_eq!(plan.unit.superior, "");
        assert_eq!(plan.unit.superior_id, "");
        assert_eq!(plan.year, 2026);
        assert_eq!(plan.revision, 1);
        assert_eq!(plan.status, PlanStatus::Draft);
        assert_eq!(plan.reference, PlanReference::default());
        assert_eq!(plan.notes, Notes::default());
        assert!(plan.targets.is_empty());
        assert!(plan.extra.is_empty() && plan.unit.extra.is_empty());
    }
    // Version 2 needs only the marker, the version, the hash and the plan.
    let v2 = import_fixture("valid/plan-v2-minimal.json").unwrap();
    assert_eq!((v2.app_version.as_str(), v2.exported_at.as_str()), ("", ""));
    let raw: serde_json::Value =
        serde_json::from_slice(&fixture("valid/plan-v2-minimal.json")).unwrap();
    assert_eq!(
        raw.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["contentHash", "format", "formatVersion", "plan"]
    );
    assert_eq!(
        raw["plan"].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["id", "revision", "status", "unit", "year"]
    );
}

#[test]
fn a_leading_bom_is_accepted() {
    for (bom, plain) in [
        ("valid/plan-v1-bom.json", "valid/plan-v1-minimal.json"),
        ("valid/plan-v2-bom.json", "valid/plan-v2-minimal.json"),
    ] {
        let bytes = fixture(bom);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        assert_eq!(&bytes[3..], &fixture(plain)[..], "{bom}");
        let with_bom = import_bytes(&bytes).unwrap();
        let without = import_fixture(plain).unwrap();
        assert_eq!(with_bom, without);
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(import_text(&text).unwrap(), without);
        assert_eq!(read_stored_plan(&text).unwrap(), without.plan);
    }
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

/// Keys whose string values are names from a list, dates or decimals: everything else in a
/// plan is free text.
const NOT_FREE_TEXT: [&str; 20] = [
    "kind",
    "type",
    "unit",
    "rule",
    "shape",
    "area",
    "level",
    "status",
    "above",
    "period",
    "date",
    "issuedOn",
    "deadline",
    "doneOn",
    "threshold",
    "min",
    "max",
    "low",
    "high",
    "value",
];

/// Every free text of a JSON value (and every key of an object whose key is not one the
/// format knows), with its JSON pointer.
fn free_texts(v: &serde_json::Value, at: String, key: &str, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    match v {
        Value::String(s) if !NOT_FREE_TEXT.contains(&key) => out.push((at, s.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                free_texts(item, format!("{at}/{i}"), key, out);
            }
        }
        Value::Object(m) => {
            for (k, item) in m {
                free_texts(item, format!("{at}/{k}"), k, out);
            }
        }
        _ => {}
    }
}

#[test]
fn script_payloads_in_every_text_field_are_kept_as_plain_text() {
    let bytes = fixture("valid/plan-v2-script-in-every-text-field.json");
    let imported = import_bytes(&bytes).unwrap_or_else(|e| panic!("{e:?}"));
    let plan = &imported.plan;
    let hostile = |s: &str| {
        [
            "<img src=x onerror=alert(1)>",
            "<script>alert(1)</script>",
            "<svg onload=",
            "javascript:",
            "{{7*7}}",
            "DROP TABLE",
            "<iframe",
            "<a href=\"data:",
        ]
        .iter()
        .any(|p| s.contains(p))
    };
    // In the file, every free text carries a payload (the envelope's too)…
    let raw: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let mut texts = Vec::new();
    free_texts(&raw["plan"], "/plan".into(), "plan", &mut texts);
    assert!(texts.len() >= 55, "{}", texts.len());
    for (at, text) in &texts {
        assert!(hostile(text), "{at}: {text}");
    }
    assert!(hostile(&imported.app_version) && hostile(&imported.exported_at));
    // …and the imported plan holds each of them as it was, character for character.
    let mut back = Vec::new();
    let exported: serde_json::Value = serde_json::from_str(&plan_fingerprint(plan)).unwrap();
    free_texts(&exported, "/plan".into(), "plan", &mut back);
    assert_eq!(back, texts);
    let u = &plan.unit;
    for (text, base) in [
        (&plan.id.0, " plan"),
        (&u.id, " 26734"),
        (&u.name, " Phường Bình Tân"),
        (&u.superior_id, " 79"),
        (&u.superior, " UBND Thành phố Hồ Chí Minh"),
        (&plan.reference.number, " 01/KH-UBND"),
        (&plan.reference.date_note, " ngày ghi tay"),
        (&plan.notes.internal, " nội bộ"),
        (&plan.notes.for_superior, " gửi cấp trên"),
        (&plan.targets[1].notes.internal, " nội bộ"),
    ] {
        assert!(hostile(text) && text.ends_with(base), "{text}");
    }
    // Control and direction characters too.
    assert!(texts
        .iter()
        .any(|(_, t)| t.contains('\u{0}') && t.contains('\u{202e}') && t.contains('\u{2028}')));
    let t = &plan.targets;
    assert_eq!(t[1].parent.as_ref(), Some(&t[0].id));
    assert!(hostile(&t[0].goal.breakdown()[0].name));
    assert!(
        matches!(&t[2].entries[0].reading, Reading::Milestone { evidence, .. } if hostile(evidence))
    );
    assert!(matches!(&t[3].entries[0].reading, Reading::Text { text } if hostile(text)));
    assert!(hostile(&t[0].entries[0].comment));
    assert!(t[0].entries[0].extra.keys().all(hostile));
    assert!(plan.extra.keys().all(hostile));
    // Exporting writes the same file (the fixture is in the app's own layout).
    let meta = ExportMeta {
        app_version: imported.app_version.clone(),
        exported_at: imported.exported_at.clone(),
    };
    assert_eq!(export_plan(plan, &meta).as_bytes(), &bytes[..]);
}

#[test]
fn unknown_keys_are_kept_where_the_format_keeps_them() {
    use serde_json::json;
    let bytes = fixture("valid/plan-v2-unknown-keys.json");
    let first = import_bytes(&bytes).unwrap_or_else(|e| panic!("{e:?}"));
    let plan = &first.plan;
    // Kept: plan, unit, reference, target and entry, in key order, values as read.
    assert_eq!(
        plan.extra.keys().collect::<Vec<_>>(),
        [
            "__proto__",
            "approval",
            "beyond64Bits",
            "bigCount",
            "ghiChúĐặcBiệt",
            "hugeFloat",
            "longFloat",
            "minInt",
            "tiny",
            "weight"
        ]
    );
    let get = |e: &Extra, k: &str| e.0.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    assert_eq!(
        get(&plan.extra, "approval"),
        Some(json!({"by": "Sở Nội vụ", "on": "2026-12-01", "steps": [1, 2.5, null, true, "ba"]}))
    );
    assert_eq!(get(&plan.extra, "weight"), Some(json!(1.5)));
    assert_eq!(
        get(&plan.extra, "bigCount"),
        Some(json!(12_345_678_901_234_567_890u64))
    );
    assert_eq!(get(&plan.extra, "minInt"), Some(json!(i64::MIN)));
    assert_eq!(get(&plan.extra, "tiny"), Some(json!(1e-7)));
    assert_eq!(
        get(&plan.extra, "longFloat"),
        Some(json!(-7.372_390_048_838_631_5e-93))
    );
    // An integer beyond 64 bits is read as the nearest double.
    assert_eq!(
        get(&plan.extra, "beyond64Bits"),
        Some(json!(1.2345678901234568e29))
    );
    assert_eq!(plan.unit.extra.keys().collect::<Vec<_>>(), ["address"]);
    assert_eq!(
        plan.reference.extra.0,
        vec![(
            "attachments".to_string(),
            json!([{"name": "39-KH.pdf", "bytes": 2_048_576}])
        )]
    );
    assert_eq!(plan.targets[0].extra.keys().collect::<Vec<_>>(), ["Notes"]);
    assert_eq!(
        plan.targets[2].extra.keys().collect::<Vec<_>>(),
        ["history", "weight"]
    );
    assert_eq!(get(&plan.targets[2].extra, "weight"), Some(json!(0.25)));
    assert_eq!(plan.targets[2].notes.internal, "Nội bộ");
    assert_eq!(
        plan.targets[2].entries[0].extra.0,
        vec![(
            "source".to_string(),
            json!({"system": "Hệ thống thông tin giải quyết TTHC", "exportId": 987_654_321, "ratio": 0.5358})
        )]
    );
    assert_eq!(plan.unit.superior, "UBND Thành phố Hồ Chí Minh");

    // Export → import → export: the same plan and the same text, extras and all.
    let text = export_plan(plan, &meta());
    let second = import_text(&text).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(&second.plan, plan);
    assert_eq!(export_plan(&second.plan, &meta()), text);
    for needle in [
        "\"__proto__\": {\n      \"polluted\": true\n    }",
        "\"weight\": 1.5",
        "\"bigCount\": 12345678901234567890",
        "\"minInt\": -9223372036854775808",
        "\"beyond64Bits\": 1.2345678901234568e+29",
        "\"tiny\": 1e-7",
        // Doubles with 17 digits come back exactly (the reader rounds to the nearest double).
        "\"longFloat\": -7.3723900488386315e-93",
        "\"hugeFloat\": -1.1162766361011822e+270",
        "\"ghiChúĐặcBiệt\": \"khóa có dấu\"",
        "\"street\": \"Lương Định Của\"",
        "\"bytes\": 2048576",
        "\"Notes\": \"a key that differs from a known one only in case\"",
        "\"weight\": 0.25",
        "\"exportId\": 987654321",
        "\"ratio\": 0.5358",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    // After the known keys: the plan's extras close the plan object.
    assert!(text.find("\"targets\": [").unwrap() < text.find("\"__proto__\"").unwrap());
    // Ignored: the envelope, the superior, notes, and tagged objects (goal, comparator,
    // reading, figure).
    for gone in [
        "\"signature\"",
        "ignored:",
        "\"strict\"",
        "\"unitPrice\"",
        "\"priority\"",
        "\"author\"",
    ] {
        assert!(!text.contains(gone), "{gone}");
    }
    let exported: serde_json::Value = serde_json::from_str(&text).unwrap();
    let original: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    for pointer in [
        "/plan/approval",
        "/plan/unit/address",
        "/plan/reference/attachments",
        "/plan/targets/2/history",
        "/plan/targets/2/entries/0/source",
        "/plan/tiny",
    ] {
        assert_eq!(
            exported.pointer(pointer),
            original.pointer(pointer),
            "{pointer}"
        );
    }
}

#[test]
fn exports_can_leave_internal_notes_out() {
    let plan = rich_plan_v2();
    assert!(plan.has_internal_notes());
    let outward = plan.without_internal_notes();
    assert!(!outward.has_internal_notes());
    let text = export_plan(&outward, &meta());
    assert!(!text.contains("Phòng Tư pháp") && !text.contains("400 phiếu"));
    assert!(!text.contains("\"internal\": \"Hỏi lại"));
    let imported = import_text(&text).unwrap().plan;
    assert_eq!(imported, outward);
    assert_eq!(imported.notes.for_superior, plan.notes.for_superior);
    assert_eq!(
        imported.targets[2].notes.for_superior,
        "Tính cả hồ sơ mức độ 4."
    );
    // A target whose only note was internal has none left, and none is written.
    assert!(imported.targets[5].notes.is_empty());
    let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(raw["plan"]["targets"][5].get("notes"), None);
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
    // The next version, with a key this version does not know: refused before its hash or
    // its plan is looked at, and a stored plan of it too.
    let next = fixture("invalid/format-version-3.json");
    let expected = Err(ImportError::NewerVersion {
        found: 3,
        supported: 2,
    });
    assert_eq!(import_bytes(&next), expected);
    assert_eq!(
        read_stored_plan(std::str::from_utf8(&next).unwrap()).map(|_| ()),
        expected.map(|_: ImportedPlan| ())
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

// ------------------------------------------------------------------------------------------
// Every hostile file, with the exact error it gives
// ------------------------------------------------------------------------------------------

/// Targets 1 and 2 of the built-in 2019-style template, which the template fixtures change.
const LEGACY_T1_LABEL: &str =
    "Tối thiểu 10% hồ sơ thủ tục hành chính được tiếp nhận qua dịch vụ bưu chính công ích";
const LEGACY_T2_LABEL: &str =
    "Tối thiểu 15% hồ sơ thủ tục hành chính được trả kết quả qua dịch vụ bưu chính công ích";

const T2_LABEL: &str =
    "Tỷ lệ TTHC đủ điều kiện được cung cấp trực tuyến mức độ 3, 4 đạt từ 30% đến 40%";

fn invalid_at(location: Location, kind: ProblemKind) -> ImportError {
    ImportError::Invalid {
        location: Box::new(location),
        kind,
    }
}

/// A plan-level key (`unit.level`).
fn at_plan(field: &str) -> Location {
    Location {
        field: field.into(),
        ..Location::default()
    }
}

/// A key of target 3 (`t-03`) of the base plan.
fn in_t3(field: &str) -> Location {
    Location {
        target: target_at(2, "t-03", T3_LABEL),
        field: field.into(),
        ..Location::default()
    }
}

/// A key of the entry of 31/12/2019 of target 3.
fn in_t3_entry(field: &str) -> Location {
    Location {
        entry: Some(EntryAt {
            index: 0,
            id: "e-01".into(),
            date: Some(day(2019, 12, 31)),
        }),
        ..in_t3(field)
    }
}

fn not_json(line: usize, column: usize, fault: JsonFault) -> ImportError {
    ImportError::NotJson {
        line,
        column,
        fault,
    }
}

fn damaged(fault: HashFault) -> ImportError {
    ImportError::Damaged { fault }
}

fn bad_value(location: Location, problem: ValueProblem) -> ImportError {
    invalid_at(location, ProblemKind::BadValue(problem))
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Every file of `tests/fixtures/invalid/` and the error it must give, exactly.
fn expected_refusals() -> Vec<(&'static str, ImportError)> {
    use JsonFault::*;
    use ValueProblem::*;
    let t3_threshold = || in_t3("goal.condition.comparator.threshold");
    let t3_numerator = || in_t3_entry("reading.figure.numerator");
    vec![
        // Not text, or nothing in it.
        ("empty.json", ImportError::Empty),
        ("whitespace-only.json", ImportError::Empty),
        ("bom-and-whitespace.json", ImportError::Empty),
        ("not-utf8.json", ImportError::NotUtf8),
        // Not JSON.
        ("not-json.json", not_json(1, 1, Syntax)),
        ("truncated.json", not_json(45, 1, EndedEarly)),
        ("nan-literal.json", not_json(71, 28, Syntax)),
        ("infinity-literal.json", not_json(78, 28, Syntax)),
        ("deeply-nested.json", not_json(23, 138, TooDeep)),
        // JSON, but not ours.
        (
            "top-level-array.json",
            ImportError::NotAnObject {
                found: JsonType::Array,
            },
        ),
        (
            "top-level-string.json",
            ImportError::NotAnObject {
                found: JsonType::Text,
            },
        ),
        ("excalidraw.json", ImportError::NotAPlanFile { found: None }),
        (
            "package-json.json",
            ImportError::NotAPlanFile { found: None },
        ),
        (
            "other-format.json",
            ImportError::NotAPlanFile {
                found: Some("cchc-workbook/report".into()),
            },
        ),
        // Versions.
        (
            "newer-version.json",
            ImportError::NewerVersion {
                found: 99,
                supported: 2,
            },
        ),
        (
            "format-version-3.json",
            ImportError::NewerVersion {
                found: 3,
                supported: 2,
            },
        ),
        (
            "version-zero.json",
            ImportError::UnsupportedVersion { found: "0".into() },
        ),
        // The content hash (version 2).
        ("hash-missing.json", damaged(HashFault::Missing)),
        ("hash-malformed.json", damaged(HashFault::Malformed)),
        ("hash-mismatch.json", damaged(HashFault::Mismatch)),
        ("hash-over-pretty-text.json", damaged(HashFault::Mismatch)),
        // The envelope's plan.
        (
            "missing-plan.json",
            invalid_at(
                at_plan("plan"),
                ProblemKind::MissingField {
                    field: "plan".into(),
                },
            ),
        ),
        // The plan's structure.
        (
            "year-as-text.json",
            invalid_at(
                at_plan("year"),
                ProblemKind::WrongType {
                    expected: JsonType::WholeNumber,
                    found: JsonType::Text,
                },
            ),
        ),
        (
            "revision-zero.json",
            invalid_at(
                at_plan("revision"),
                ProblemKind::BadRevision { found: "0".into() },
            ),
        ),
        (
            "revision-as-text.json",
            invalid_at(
                at_plan("revision"),
                ProblemKind::BadRevision {
                    found: "\"3\"".into(),
                },
            ),
        ),
        (
            "revision-too-large.json",
            invalid_at(
                at_plan("revision"),
                ProblemKind::BadRevision {
                    found: "4294967296".into(),
                },
            ),
        ),
        // Templates: a plan file with a `template` marker.
        (
            "template-with-progress.json",
            invalid_at(
                Location {
                    target: target_at(1, "kieu-2019/t02", LEGACY_T2_LABEL),
                    field: "entries".into(),
                    ..Location::default()
                },
                ProblemKind::TemplateWithProgress { entries: 1 },
            ),
        ),
        (
            "template-version-zero.json",
            invalid_at(
                at_plan("template.version"),
                ProblemKind::BadTemplateVersion { found: "0".into() },
            ),
        ),
        (
            "template-without-id.json",
            invalid_at(at_plan("template.id"), ProblemKind::EmptyTemplateId),
        ),
        (
            "template-marker-as-text.json",
            invalid_at(
                at_plan("template"),
                ProblemKind::WrongType {
                    expected: JsonType::Object,
                    found: JsonType::Text,
                },
            ),
        ),
        (
            "suggested-as-text.json",
            invalid_at(
                Location {
                    target: target_at(0, "kieu-2019/t01", LEGACY_T1_LABEL),
                    field: "suggested".into(),
                    ..Location::default()
                },
                ProblemKind::WrongType {
                    expected: JsonType::Boolean,
                    found: JsonType::Text,
                },
            ),
        ),
        (
            "unknown-status.json",
            invalid_at(
                at_plan("status"),
                ProblemKind::UnknownValue {
                    found: "published".into(),
                    allowed: names(&["draft", "submitted", "approved"]),
                },
            ),
        ),
        (
            "superior-as-text.json",
            invalid_at(
                at_plan("unit.superior"),
                ProblemKind::WrongType {
                    expected: JsonType::Object,
                    found: JsonType::Text,
                },
            ),
        ),
        (
            "impossible-issued-on.json",
            bad_value(
                at_plan("reference.issuedOn"),
                ImpossibleDate("2019-02-30".into()),
            ),
        ),
        (
            "missing-label.json",
            invalid_at(
                Location {
                    target: target_at(1, "t-02", ""),
                    field: "label".into(),
                    ..Location::default()
                },
                ProblemKind::MissingField {
                    field: "label".into(),
                },
            ),
        ),
        (
            "unknown-area.json",
            invalid_at(
                Location {
                    target: target_at(1, "t-02", T2_LABEL),
                    field: "area".into(),
                    ..Location::default()
                },
                ProblemKind::UnknownValue {
                    found: "finance".into(),
                    allowed: ReformArea::ALL
                        .iter()
                        .map(|a| a.as_str().to_string())
                        .collect(),
                },
            ),
        ),
        (
            "unknown-comparator.json",
            invalid_at(
                in_t3("goal.condition.comparator.rule"),
                ProblemKind::UnknownValue {
                    found: "between".into(),
                    allowed: names(&[
                        "above",
                        "at_least",
                        "at_most",
                        "below",
                        "range",
                        "reduce_to",
                        "all_items",
                        "per_period",
                        "higher_than_previous",
                    ]),
                },
            ),
        ),
        (
            "notes-internal-as-number.json",
            invalid_at(
                in_t3("notes.internal"),
                ProblemKind::WrongType {
                    expected: JsonType::Text,
                    found: JsonType::WholeNumber,
                },
            ),
        ),
        (
            "nan-threshold.json",
            bad_value(t3_threshold(), NotANumber("NaN".into())),
        ),
        (
            "exponent-threshold.json",
            bad_value(t3_threshold(), NotANumber("1e999".into())),
        ),
        (
            "huge-threshold.json",
            bad_value(
                t3_threshold(),
                NumberTooLarge("99999999999999999999".into()),
            ),
        ),
        (
            "negative-count.json",
            bad_value(t3_numerator(), NegativeCount("-3".into())),
        ),
        (
            "negative-denominator.json",
            bad_value(
                in_t3_entry("reading.figure.denominator"),
                NegativeCount("-17087".into()),
            ),
        ),
        (
            "fractional-count.json",
            bad_value(t3_numerator(), FractionalCount("9156.5".into())),
        ),
        (
            "huge-count.json",
            bad_value(t3_numerator(), NumberTooLarge("1e+30".into())),
        ),
        (
            "impossible-entry-date.json",
            bad_value(
                Location {
                    entry: Some(EntryAt {
                        index: 0,
                        id: "e-01".into(),
                        date: None,
                    }),
                    ..in_t3("date")
                },
                ImpossibleDate("2019-02-30".into()),
            ),
        ),
        // The plan's meaning.
        (
            "district-in-2026.json",
            invalid_at(
                at_plan("unit.level"),
                ProblemKind::DistrictAbolished { year: 2026 },
            ),
        ),
        (
            "duplicate-target-ids.json",
            invalid_at(
                Location {
                    target: target_at(2, "t-02", T3_LABEL),
                    field: "id".into(),
                    ..Location::default()
                },
                ProblemKind::DuplicateTargetId {
                    id: "t-02".into(),
                    first: 1,
                },
            ),
        ),
        (
            "range-min-above-max.json",
            invalid_at(
                Location {
                    target: target_at(1, "t-02", T2_LABEL),
                    field: "goal.condition.comparator.min".into(),
                    ..Location::default()
                },
                ProblemKind::RangeMinAboveMax {
                    min: dec("40"),
                    max: dec("30"),
                },
            ),
        ),
        (
            "numerator-above-denominator.json",
            invalid_at(
                t3_numerator(),
                ProblemKind::NumeratorAboveDenominator {
                    numerator: 9_200,
                    denominator: 9_156,
                },
            ),
        ),
        (
            "zero-denominator.json",
            invalid_at(
                t3_numerator(),
                ProblemKind::NumeratorAboveDenominator {
                    numerator: 9_156,
                    denominator: 0,
                },
            ),
        ),
        (
            "reading-shape-mismatch.json",
            invalid_at(
                in_t3_entry("reading.shape"),
                ProblemKind::ReadingMismatch {
                    expected: ReadingShape::Single,
                    found: ReadingShape::Pair,
                },
            ),
        ),
    ]
}

/// The files of `tests/fixtures/invalid/` about reporting periods, pacing, previous years,
/// ranks and snapshots: the export of `plan_with_periods()` of `periods_and_pacing.rs`
/// (`valid/plan-v2-periods.json`) edited by hand.
fn period_refusals() -> Vec<(&'static str, ImportError)> {
    let in_target = |index: usize, id: &str, label: &str, field: &str| Location {
        target: target_at(index, id, label),
        field: field.into(),
        ..Location::default()
    };
    let post = |field: &str| {
        in_target(
            0,
            "t-post",
            "Tiếp nhận ít nhất 200 hồ sơ qua dịch vụ bưu chính công ích",
            field,
        )
    };
    vec![
        (
            "cutoff-impossible-day.json",
            invalid_at(
                at_plan("reportingCutoffs.sixMonths"),
                ProblemKind::BadDayOfYear {
                    found: "02-30".into(),
                },
            ),
        ),
        (
            "cutoffs-out-of-order.json",
            invalid_at(at_plan("reportingCutoffs"), ProblemKind::CutoffsOutOfOrder),
        ),
        (
            "rank-beyond-count.json",
            invalid_at(
                in_target(
                    3,
                    "t-par",
                    "Chỉ số CCHC của phường thuộc nhóm A",
                    "standing",
                ),
                ProblemKind::RankBeyondCount {
                    position: 64,
                    of: 63,
                },
            ),
        ),
        (
            "previous-year-twice.json",
            invalid_at(
                in_target(
                    2,
                    "t-online",
                    "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3 cao hơn năm trước",
                    "previousYears",
                ),
                ProblemKind::HistoryYearTwice { year: 2017 },
            ),
        ),
        (
            "snapshot-unknown-period.json",
            invalid_at(
                Location {
                    item: Some(ItemAt {
                        kind: ItemKind::Snapshot,
                        index: 0,
                        id: "s1".into(),
                        name: "nine_months".into(),
                    }),
                    field: "period".into(),
                    ..Location::default()
                },
                ProblemKind::UnknownValue {
                    found: "nine_months".into(),
                    allowed: names(&["first_quarter", "six_months", "third_quarter", "year"]),
                },
            ),
        ),
        (
            "pace-unknown-kind.json",
            invalid_at(
                post("pace"),
                ProblemKind::UnknownValue {
                    found: "linear".into(),
                    allowed: names(&["cumulative", "rate", "none"]),
                },
            ),
        ),
        (
            "period-target-negative.json",
            invalid_at(
                post("periodTargets.sixMonths"),
                ProblemKind::NegativePeriodTarget { value: dec("-5") },
            ),
        ),
    ]
}

/// The files of `tests/fixtures/invalid/` about tasks and shortened procedures: the export
/// of `plan_with_tasks()` of `tasks_file.rs` (`valid/plan-v2-tasks.json`) edited by hand.
fn task_and_procedure_refusals() -> Vec<(&'static str, ImportError)> {
    let at = |kind, index, id: &str, name: &str, field: &str| Location {
        item: Some(ItemAt {
            kind,
            index,
            id: id.into(),
            name: name.into(),
        }),
        field: field.into(),
        ..Location::default()
    };
    let task2 = |field: &str| {
        at(
            ItemKind::Task,
            1,
            "nv-2",
            "Rà soát, công bố thủ tục hành chính thuộc thẩm quyền",
            field,
        )
    };
    vec![
        (
            "task-impossible-deadline.json",
            bad_value(
                task2("deadline"),
                ValueProblem::ImpossibleDate("2026-02-30".into()),
            ),
        ),
        (
            "task-unknown-status.json",
            invalid_at(
                task2("status"),
                ProblemKind::UnknownValue {
                    found: "overdue".into(),
                    allowed: names(&["not_started", "in_progress", "done"]),
                },
            ),
        ),
        (
            "task-done-without-date.json",
            invalid_at(
                task2("doneOn"),
                ProblemKind::MissingField {
                    field: "doneOn".into(),
                },
            ),
        ),
        (
            "task-unknown-target.json",
            invalid_at(
                at(
                    ItemKind::Task,
                    2,
                    "nv-3",
                    "Tuyên truyền về cải cách hành chính",
                    "targets[0]",
                ),
                ProblemKind::UnknownTaskTarget {
                    target: "tpl-99".into(),
                },
            ),
        ),
        (
            "procedure-new-time-above-standard.json",
            invalid_at(
                at(
                    ItemKind::Procedure,
                    0,
                    "tt-1",
                    "Đăng ký khai sinh",
                    "newDays",
                ),
                ProblemKind::NewTimeAboveStandard {
                    standard: dec("3"),
                    new: dec("4"),
                },
            ),
        ),
        (
            "procedure-days-with-comma.json",
            bad_value(
                at(
                    ItemKind::Procedure,
                    1,
                    "tt-2",
                    "Chứng thực bản sao từ bản chính",
                    "newDays",
                ),
                ValueProblem::NotANumber("0,5".into()),
            ),
        ),
    ]
}

#[test]
fn every_invalid_fixture_gives_its_exact_error() {
    let mut expected = expected_refusals();
    expected.extend(task_and_procedure_refusals());
    expected.extend(period_refusals());
    let dir = format!("{FIXTURES}/invalid");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = expected.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    let unlisted: Vec<&String> = on_disk.iter().filter(|n| !listed.contains(n)).collect();
    assert!(
        unlisted.is_empty(),
        "fixtures without an expected error in expected_refusals(): {unlisted:?}"
    );
    let missing: Vec<&String> = listed.iter().filter(|n| !on_disk.contains(n)).collect();
    assert!(missing.is_empty(), "listed but not in {dir}: {missing:?}");
    listed.dedup();
    assert_eq!(listed.len(), expected.len(), "a fixture is listed twice");
    assert!(expected.len() >= 25, "{}", expected.len());

    for (name, error) in &expected {
        let bytes = fixture(&format!("invalid/{name}"));
        assert_eq!(import_bytes(&bytes).as_ref(), Err(error), "{name}");
        let Ok(text) = std::str::from_utf8(&bytes) else {
            assert_eq!(*error, ImportError::NotUtf8, "{name}");
            continue;
        };
        assert_eq!(import_text(text).as_ref(), Err(error), "{name}");
        // A stored plan is read without the hash and the plan's meaning; everything
        // before and besides them is refused the same way.
        let stored = read_stored_plan(text);
        match error {
            ImportError::Damaged { .. } => assert!(stored.is_ok(), "{name}: {stored:?}"),
            ImportError::Invalid { kind, .. }
                if !kind.is_structural() && !matches!(kind, ProblemKind::BadRevision { .. }) =>
            {
                assert!(stored.is_ok(), "{name}: {stored:?}")
            }
            _ => assert_eq!(stored.as_ref().map(|_| ()), Err(error), "{name}"),
        }
        // Every message names the problem in both languages, and no text from the file
        // can make it longer than a screenful.
        for locale in Locale::ALL {
            let message = error.message(locale);
            assert!(
                !message.is_empty() && message.chars().count() < 600,
                "{name}: {message}"
            );
        }
        // A version-2 file whose plan is what is wrong carries the right hash of that plan,
        // so that the plan's problem is what is reported.
        let raw: Option<serde_json::Value> = serde_json::from_str(text).ok();
        if let (Some(raw), ImportError::Invalid { .. }) = (&raw, error) {
            if raw["formatVersion"] == 2 {
                assert_eq!(
                    raw["contentHash"].as_str(),
                    Some(content_hash_of_value(&raw["plan"]).as_str()),
                    "{name}: run the rehash example on it"
                );
            }
        }
    }
}

#[test]
fn the_hash_covers_the_plan_not_the_layout() {
    use serde_json::{json, Value};
    let plan = rich_plan_v2();
    let text = export_plan(&plan, &meta());
    let file: Value = serde_json::from_str(&text).unwrap();
    let hash = content_hash(&plan);
    assert_eq!(file["contentHash"], hash.as_str());
    assert_eq!(content_hash_of_value(&file["plan"]), hash);
    assert_eq!(import_text(&text).unwrap().content_hash, Some(hash.clone()));
    // The same JSON data in another layout and key order (compact, keys sorted) still
    // matches: the hash is over the canonical form, not over the text.
    let compact = file.to_string();
    assert_ne!(compact.trim(), text.trim());
    assert_eq!(import_text(&compact).unwrap().plan, plan);
    let reindented = serde_json::to_string_pretty(&file)
        .unwrap()
        .replace("  ", "\t");
    assert_eq!(import_text(&reindented).unwrap().plan, plan);
    // The envelope's informational keys are outside the hash.
    let mut doc = file.clone();
    doc["app"]["version"] = json!("9.9.9");
    doc["exportedAt"] = json!("2030-01-01T00:00:00Z");
    doc["signature"] = json!({"any": "thing"});
    assert_eq!(import_text(&doc.to_string()).unwrap().plan, plan);
    // Any edit of the plan is refused, even one that keeps it valid…
    for (pointer, value) in [
        ("/plan/revision", json!(5)),
        ("/plan/status", json!("draft")),
        ("/plan/notes/internal", json!("")),
        ("/plan/unit/superior/id", json!("80")),
        (
            "/plan/targets/2/entries/0/reading/figure/numerator",
            json!(9157),
        ),
        (
            "/plan/targets/2/entries/0/comment",
            json!("Bình Tân 2019: 53,58% "),
        ),
    ] {
        let mut doc = file.clone();
        *doc.pointer_mut(pointer).unwrap() = value;
        assert_eq!(
            import_text(&doc.to_string()),
            Err(damaged(HashFault::Mismatch)),
            "{pointer}"
        );
        // …unless the hash is computed again, as a program writing plan files would.
        doc["contentHash"] = json!(content_hash_of_value(&doc["plan"]));
        assert!(import_text(&doc.to_string()).is_ok(), "{pointer}");
    }
    // A whole number written with a fraction is another JSON value: another hash.
    let mut doc = file.clone();
    doc["plan"]["targets"][2]["entries"][0]["reading"]["figure"]["numerator"] = json!(9156.0);
    assert_eq!(
        import_text(&doc.to_string()),
        Err(damaged(HashFault::Mismatch))
    );
    // Malformed hashes.
    let hex = &hash["sha256:".len()..];
    for bad in [
        json!(hash.to_uppercase()),
        json!(format!("sha256:{}", hex.to_uppercase())),
        json!(format!("SHA256:{hex}")),
        json!(format!("sha256:{}", &hex[1..])),
        json!(format!("sha256:{hex}0")),
        json!(format!("sha256: {}", &hex[1..])),
        json!(format!("sha1:{hex}")),
        json!(hex),
        json!(""),
        json!(42),
        json!([hash.as_str()]),
        json!({"sha256": hex}),
        json!(true),
    ] {
        let mut doc = file.clone();
        doc["contentHash"] = bad.clone();
        assert_eq!(
            import_text(&doc.to_string()),
            Err(damaged(HashFault::Malformed)),
            "{bad}"
        );
    }
    for missing in [None, Some(Value::Null)] {
        let mut doc = file.clone();
        match missing {
            Some(v) => doc["contentHash"] = v,
            None => {
                doc.as_object_mut().unwrap().remove("contentHash");
            }
        }
        assert_eq!(
            import_text(&doc.to_string()),
            Err(damaged(HashFault::Missing))
        );
    }
    // A well-formed hash of something else.
    let mut doc = file.clone();
    doc["contentHash"] = json!(content_hash(&rich_plan()));
    assert_eq!(
        import_text(&doc.to_string()),
        Err(damaged(HashFault::Mismatch))
    );
}

#[test]
fn stored_plans_and_version_1_files_are_not_hash_checked() {
    // A stored plan is the app's own: read even with a wrong hash.
    let edited = String::from_utf8(fixture("invalid/hash-mismatch.json")).unwrap();
    let plan = read_stored_plan(&edited).unwrap();
    assert!(matches!(
        plan.targets[2].entries[0].reading,
        Reading::Single {
            figure: Figure::Ratio {
                numerator: Count(9_165),
                ..
            }
        }
    ));
    let missing = String::from_utf8(fixture("invalid/hash-missing.json")).unwrap();
    assert_eq!(
        read_stored_plan(&missing).unwrap(),
        import_fixture("valid/plan-v2-base.json").unwrap().plan
    );
    // Version 1 had no hash: a `contentHash` key there is an unknown key, not checked and
    // not reported as the file's hash.
    let mut v1: serde_json::Value =
        serde_json::from_slice(&fixture("valid/plan-v1-base.json")).unwrap();
    v1["contentHash"] = serde_json::json!("sha256:not a hash");
    let imported = import_text(&v1.to_string()).unwrap();
    assert_eq!(imported.format_version, 1);
    assert_eq!(imported.content_hash, None);
    // The same plan as version 2 with that hash is refused.
    v1["formatVersion"] = serde_json::json!(2);
    assert_eq!(
        import_text(&v1.to_string()),
        Err(damaged(HashFault::Malformed))
    );
}

#[test]
fn a_20_mb_file_is_refused_before_reading() {
    // Generated here, not committed: a real plan file padded to 20 MiB, and one whose plan
    // holds 20 MiB of text. Neither is parsed (the first would read, the second is JSON).
    const SIZE: usize = 20 * 1024 * 1024;
    let mut padded = export_plan(&rich_plan_v2(), &meta()).into_bytes();
    padded.resize(SIZE, b' ');
    let too_large = Err(ImportError::TooLarge {
        bytes: SIZE,
        limit: MAX_FILE_BYTES,
    });
    assert_eq!(import_bytes(&padded), too_large);
    let text = String::from_utf8(padded).unwrap();
    assert_eq!(import_text(&text), too_large);
    // Trimmed back under the limit, the same file imports.
    assert_eq!(import_text(text.trim_end()).unwrap().plan, rich_plan_v2());
    let mut plan = rich_plan_v2();
    plan.targets[2].entries[0].comment = "đ".repeat(SIZE / 2);
    let big = export_plan(&plan, &meta());
    assert!(big.len() > SIZE);
    assert!(matches!(
        import_bytes(big.as_bytes()),
        Err(ImportError::TooLarge { .. })
    ));
    let message = import_text(&big).unwrap_err().message(Locale::Vi);
    assert!(
        message.contains("Tệp quá lớn (20,0 MB; giới hạn 5,0 MB)"),
        "{message}"
    );
    // A stored plan has no size limit: the officer's work is read back whatever its size.
    assert_eq!(read_stored_plan(&big).unwrap(), plan);
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
            item: None,
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
    // Unknown fields do not stop the reading (a later addition must not break older
    // readers); in a plan and a target they are kept.
    let mut doc = base.clone();
    doc["plan"]["colour"] = json!("red");
    doc["plan"]["targets"][0]["note"] = json!({"any": ["thing"]});
    let plan = import_text(&doc.to_string()).unwrap().plan;
    assert_eq!(plan.extra.0, vec![("colour".to_string(), json!("red"))]);
    assert_eq!(
        plan.targets[0].extra.0,
        vec![("note".to_string(), json!({"any": ["thing"]}))]
    );
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
        ProblemKind::BadRevision { found: "0".into() },
        ProblemKind::DistrictAbolished { year: 2026 },
        ProblemKind::BadTemplateVersion { found: "0".into() },
        ProblemKind::EmptyTemplateId,
        ProblemKind::TemplateWithProgress { entries: 2 },
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
        ProblemKind::DuplicateItemId {
            id: "nv-1".into(),
            first: 0,
        },
        ProblemKind::EmptyTaskTitle,
        ProblemKind::UnknownTaskTarget {
            target: "t-9".into(),
        },
        ProblemKind::EmptyProcedureName,
        ProblemKind::NegativeDays { value: dec("-1") },
        ProblemKind::NewTimeAboveStandard {
            standard: dec("10"),
            new: dec("12.5"),
        },
        ProblemKind::BadDayOfYear {
            found: "02-30".into(),
        },
        ProblemKind::CutoffsOutOfOrder,
        ProblemKind::NegativePeriodTarget { value: dec("-1") },
        ProblemKind::HistoryYearTwice { year: 2017 },
        ProblemKind::HistoryYearNotBefore {
            year: 2026,
            plan_year: 2026,
        },
        ProblemKind::RankZero,
        ProblemKind::RankBeyondCount {
            position: 64,
            of: 63,
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
            | ProblemKind::BadRevision { .. }
            | ProblemKind::DistrictAbolished { .. }
            | ProblemKind::BadTemplateVersion { .. }
            | ProblemKind::EmptyTemplateId
            | ProblemKind::TemplateWithProgress { .. }
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
            | ProblemKind::NumeratorAboveDenominator { .. }
            | ProblemKind::DuplicateItemId { .. }
            | ProblemKind::EmptyTaskTitle
            | ProblemKind::UnknownTaskTarget { .. }
            | ProblemKind::EmptyProcedureName
            | ProblemKind::NegativeDays { .. }
            | ProblemKind::NewTimeAboveStandard { .. }
            | ProblemKind::BadDayOfYear { .. }
            | ProblemKind::CutoffsOutOfOrder
            | ProblemKind::NegativePeriodTarget { .. }
            | ProblemKind::HistoryYearTwice { .. }
            | ProblemKind::HistoryYearNotBefore { .. }
            | ProblemKind::RankZero
            | ProblemKind::RankBeyondCount { .. } => {}
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
        ImportError::Damaged {
            fault: HashFault::Missing,
        },
        ImportError::Damaged {
            fault: HashFault::Malformed,
        },
        ImportError::Damaged {
            fault: HashFault::Mismatch,
        },
    ];
    for kind in every_problem_kind() {
        all.push(ImportError::Invalid {
            location: Box::new(Location {
                target: target_at(2, "t-03", T3_LABEL),
                item: None,
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
            | ImportError::Damaged { .. }
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
fn every_error_has_a_stable_code_and_a_headline() {
    let mut codes = std::collections::BTreeMap::new();
    for e in every_import_error() {
        let code = e.code();
        assert!(
            !code.is_empty()
                && code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{code}"
        );
        // One code per variant of the error.
        let variant = format!("{e:?}")
            .split([' ', '{', '('])
            .next()
            .unwrap_or("")
            .to_string();
        assert_eq!(
            codes.insert(variant.clone(), code).unwrap_or(code),
            code,
            "{variant}"
        );
        for locale in Locale::ALL {
            assert!(!e.headline(locale).trim().is_empty(), "{e:?}");
        }
        assert_ne!(e.headline(Locale::Vi), e.headline(Locale::En), "{e:?}");
    }
    let distinct: std::collections::BTreeSet<&str> = codes.values().copied().collect();
    assert_eq!(distinct.len(), codes.len(), "{codes:?}");
    assert_eq!(
        distinct.into_iter().collect::<Vec<_>>(),
        vec![
            "damaged",
            "empty",
            "invalid",
            "newer_version",
            "not_a_plan_file",
            "not_an_object",
            "not_json",
            "not_utf8",
            "too_large",
            "unsupported_version"
        ]
    );
}

#[test]
fn messages_say_what_to_do() {
    let damaged = ImportError::Damaged {
        fault: HashFault::Mismatch,
    };
    assert!(damaged.message(Locale::Vi).contains("xuất lại"));
    assert!(damaged
        .message(Locale::En)
        .contains("export the plan again"));
    let old = ImportError::UnsupportedVersion { found: "0".into() };
    assert!(
        old.message(Locale::En).contains("from 1 to 2"),
        "{}",
        old.message(Locale::En)
    );
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
    // Imported as a file from outside: every check, the content hash included.
    let imported = import_text(example).unwrap_or_else(|e| panic!("{}", e.message(Locale::En)));
    assert_eq!(imported.format_version, FORMAT_VERSION);
    let raw: serde_json::Value = serde_json::from_str(example).unwrap();
    let hash = raw["contentHash"]
        .as_str()
        .expect("the example has a contentHash");
    assert_eq!(imported.content_hash.as_deref(), Some(hash));
    assert_eq!(content_hash_of_value(&raw["plan"]), hash);
    assert_eq!(content_hash(&imported.plan), hash);
    // It shows what version 2 adds.
    let plan = &imported.plan;
    assert!(plan.targets.len() >= 8);
    assert!(plan.revision > 1 && plan.status != PlanStatus::Draft);
    assert!(!plan.unit.id.is_empty() && !plan.unit.superior_id.is_empty());
    assert!(!plan.notes.internal.is_empty() && !plan.notes.for_superior.is_empty());
    assert!(plan.targets.iter().any(|t| !t.notes.is_empty()));
    // Exporting the imported plan gives back the example's plan exactly…
    let meta = ExportMeta {
        app_version: imported.app_version.clone(),
        exported_at: imported.exported_at.clone(),
    };
    let exported = export_plan(plan, &meta);
    let exported_raw: serde_json::Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(exported_raw["plan"], raw["plan"]);
    let plan_part = |text: &str| {
        text[text.find("\n  \"plan\": ").unwrap()..]
            .trim_end()
            .to_string()
    };
    assert_eq!(plan_part(&exported), plan_part(example));
    // …and, the envelope too, the very same text: the example is what the app writes.
    assert_eq!(exported.trim_end(), example.trim_end());
}
