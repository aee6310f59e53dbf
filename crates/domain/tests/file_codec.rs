//! The hand-written plan codec: every variant of the model survives encode → decode, the
//! shapes written are the documented ones, every structural problem is reported at its exact
//! place (target, entry, field) however deep it is, and no mutation of a file makes the
//! decoder panic or point somewhere else than where the file is wrong.

use chrono::NaiveDate;
use serde_json::{json, Value};

use cchc_domain::area::ReformArea;
use cchc_domain::extra::Extra;
use cchc_domain::file::{
    content_hash_of_value, export_plan, import_text, plan_fingerprint, read_stored_plan,
    ExportMeta, HashFault, ImportError,
};
use cchc_domain::locale::Locale;
use cchc_domain::notes::Notes;
use cchc_domain::number::{Count, Decimal};
use cchc_domain::plan::{Plan, PlanId, PlanReference, PlanSource, PlanStatus};
use cchc_domain::problem::ValueProblem;
use cchc_domain::progress::{EntryId, FieldFigure, Figure, ProgressEntry, Reading};
use cchc_domain::target::{
    AboveRange, Comparator, Condition, Field, FieldId, Goal, Measure, Period, Target, TargetId,
    ValueUnit,
};
use cchc_domain::unit::{Unit, UnitLevel};
use cchc_domain::validate::{EntryAt, JsonType, Location, ProblemKind, TargetAt};

// ------------------------------------------------------------------------------------------
// A plan with every variant
// ------------------------------------------------------------------------------------------

fn dec(s: &str) -> Decimal {
    Decimal::parse_plain(s).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
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

fn cond(label: &str, measure: Measure, comparator: Comparator) -> Condition {
    Condition {
        label: label.into(),
        measure,
        comparator,
    }
}

fn ratio_measure() -> Measure {
    Measure::Ratio {
        numerator: "hồ sơ đúng hạn".into(),
        denominator: "hồ sơ".into(),
    }
}

fn entry(id: &str, date: NaiveDate, reading: Reading) -> ProgressEntry {
    ProgressEntry {
        id: EntryId(id.into()),
        date,
        reading,
        comment: String::new(),
        extra: Extra::default(),
    }
}

/// A target; its id (`t-<position>`), area and label are set once the plan is complete.
fn target(goal: Goal, entries: Vec<ProgressEntry>) -> Target {
    Target {
        id: TargetId(String::new()),
        area: ReformArea::Other,
        label: String::new(),
        goal,
        parent: None,
        entries,
        notes: Notes::default(),
        extra: Extra::default(),
        suggested: false,
        tracking: Default::default(),
    }
}

/// Targets 0–2 are the ones the location tests below poke at; the rest cover every variant:
/// 5–11 value measures (6 a count of "lần"), 12–20 ratios under each rule (20 with a known
/// previous value), 21–24 counts per period (21 per year).
fn every_variant_plan() -> Plan {
    let mut t = Vec::new();
    // 0: compound goal, pair reading of a ratio and a value.
    t.push(target(
        Goal::Compound {
            first: cond(
                "Tỷ lệ hồ sơ được đánh giá",
                ratio_measure(),
                Comparator::AtLeast {
                    threshold: dec("40"),
                },
            ),
            second: cond(
                "Tỷ lệ hài lòng",
                Measure::Value {
                    unit: ValueUnit::Percent,
                },
                Comparator::Above {
                    threshold: dec("80.5"),
                },
            ),
        },
        vec![entry(
            "e-0",
            day(2019, 6, 30),
            Reading::Pair {
                first: ratio(5_000, 12_000),
                second: value("96.25"),
            },
        )],
    ));
    // 1: single goal with a breakdown, per-field reading.
    t.push(target(
        Goal::Single {
            condition: cond(
                "",
                ratio_measure(),
                Comparator::Range {
                    min: dec("30"),
                    max: dec("40"),
                    above: AboveRange::OutOfRange,
                },
            ),
            breakdown: vec![
                Field {
                    id: FieldId("f-a".into()),
                    name: "Hộ tịch".into(),
                },
                Field {
                    id: FieldId("f-b".into()),
                    name: "Đất đai".into(),
                },
            ],
        },
        vec![
            entry(
                "e-0",
                day(2019, 3, 31),
                Reading::PerField { fields: vec![] },
            ),
            entry(
                "e-1",
                day(2019, 12, 31),
                Reading::PerField {
                    fields: vec![
                        FieldFigure {
                            field: FieldId("f-a".into()),
                            figure: ratio(0, 0),
                        },
                        FieldFigure {
                            field: FieldId("f-b".into()),
                            figure: ratio(88, 90),
                        },
                    ],
                },
            ),
        ],
    ));
    // 2: milestone, with and without a completion date; a sub-target of 1.
    let mut milestone = target(
        Goal::Milestone {
            deadline: Some(day(2019, 2, 28)),
        },
        vec![
            entry(
                "e-0",
                day(2019, 2, 18),
                Reading::Milestone {
                    done_on: Some(day(2019, 2, 18)),
                    evidence: "Kế hoạch số 39/KH-UBND-NV".into(),
                },
            ),
            entry(
                "e-1",
                day(2019, 2, 19),
                Reading::Milestone {
                    done_on: None,
                    evidence: String::new(),
                },
            ),
        ],
    );
    milestone.parent = Some(TargetId("t-1".into()));
    t.push(milestone);
    t.push(target(Goal::Milestone { deadline: None }, vec![]));
    t.push(target(
        Goal::FreeText,
        vec![entry(
            "e-0",
            day(2019, 9, 30),
            Reading::Text {
                // Everything a JSON string must escape, and text that must stay text.
                text: "\"quoted\" \\ back\nslash\ttab \u{1} \u{7f} <b>&amp;</b> 😀".into(),
            },
        )],
    ));
    let units = [
        ValueUnit::Percent,
        ValueUnit::Count {
            noun: "lần".into()
        },
        ValueUnit::Count {
            noun: String::new(),
        },
        ValueUnit::Days,
        ValueUnit::Hours,
        ValueUnit::Money,
        ValueUnit::Points,
    ];
    let comparators = [
        Comparator::Above {
            threshold: dec("90"),
        },
        Comparator::AtLeast {
            threshold: dec("0.0001"),
        },
        Comparator::AtMost {
            threshold: dec("1000000000000000"),
        },
        Comparator::Below {
            threshold: dec("-2.5"),
        },
        Comparator::Range {
            min: dec("5"),
            max: dec("10"),
            above: AboveRange::MetExceeded,
        },
        Comparator::ReduceTo {
            low: dec("50"),
            high: dec("52"),
        },
        Comparator::AllItems,
        Comparator::HigherThanPrevious { previous: None },
        Comparator::HigherThanPrevious {
            previous: Some(dec("84.1")),
        },
    ];
    for (k, unit) in units.into_iter().enumerate() {
        let comparator = comparators[k % comparators.len()].clone();
        t.push(target(
            Goal::Single {
                condition: cond("", Measure::Value { unit }, comparator),
                breakdown: vec![],
            },
            vec![entry(
                "e-0",
                day(2019, 12, 31),
                Reading::Single {
                    figure: value(&format!("{k}.5")),
                },
            )],
        ));
    }
    for comparator in comparators {
        t.push(target(
            Goal::Single {
                condition: cond("", ratio_measure(), comparator),
                breakdown: vec![],
            },
            vec![entry(
                "e-0",
                day(2019, 12, 31),
                Reading::Single {
                    figure: ratio(9_156, 17_087),
                },
            )],
        ));
    }
    for period in Period::ALL {
        t.push(target(
            Goal::Single {
                condition: cond(
                    "",
                    Measure::Value {
                        unit: ValueUnit::Count {
                            noun: "cuộc".into(),
                        },
                    },
                    Comparator::PerPeriod {
                        min: dec("2"),
                        period,
                    },
                ),
                breakdown: vec![],
            },
            vec![],
        ));
    }
    for (i, target) in t.iter_mut().enumerate() {
        target.id = TargetId(format!("t-{i}"));
        target.area = ReformArea::ALL[i % ReformArea::ALL.len()];
        target.label = format!("Chỉ tiêu {i}");
    }
    // Notes on some targets: both kinds, one kind only (the other written empty).
    t[3].notes = Notes {
        internal: "Hỏi lại chị Lan <b>trước</b> ngày 15.".into(),
        for_superior: "Đã báo cáo \"Sở Nội vụ\".".into(),
    };
    t[4].notes = Notes {
        internal: String::new(),
        for_superior: "Chỉ gửi cấp trên.".into(),
    };
    t[5].notes = Notes {
        internal: "Chỉ nội bộ.".into(),
        for_superior: String::new(),
    };
    // Keys of a later version, kept where the format keeps them.
    t[2].extra = extra(&[("evidenceUrl", json!("https://example.org/39.pdf"))]);
    t[0].entries[0].extra = extra(&[
        (
            "approvedBy",
            json!({"name": "Trưởng phòng", "on": "2019-07-01"}),
        ),
        ("weight", json!(1.5)),
    ]);
    Plan {
        id: PlanId("plan-every-variant".into()),
        unit: Unit {
            id: "26734".into(),
            name: "Quận 2".into(),
            level: UnitLevel::LegacyDistrict,
            superior: "UBND Thành phố Hồ Chí Minh".into(),
            superior_id: "79".into(),
            extra: extra(&[("taxCode", json!("0301234567"))]),
        },
        year: 2019,
        revision: 7,
        status: PlanStatus::Submitted,
        reference: PlanReference {
            number: "39/KH-UBND-NV".into(),
            issued_on: Some(day(2019, 2, 1)),
            date_note: "Ngày ghi tay.".into(),
            extra: extra(&[("signer", json!("Nguyễn Văn A"))]),
        },
        notes: Notes {
            internal: "Chưa có số liệu quý IV.".into(),
            for_superior: "Kính gửi Sở Nội vụ.".into(),
        },
        sources: vec![PlanSource {
            plan: PlanId("plan-phuong-an-khanh".into()),
            unit: "Phường An Khánh".into(),
            unit_id: "26794".into(),
            revision: 3,
            content_hash: format!("sha256:{}", "ab".repeat(32)),
        }],
        targets: t,
        tasks: Vec::new(),
        shortened_procedures: Vec::new(),
        reporting: Default::default(),
        extra: extra(&[
            (
                "attachments",
                json!([{"name": "a.pdf", "size": 12_345_678_901_234u64}]),
            ),
            ("zz", json!(null)),
        ]),
        template: None,
    }
}

/// Unknown keys as the decoder keeps them: in key order.
fn extra(pairs: &[(&str, Value)]) -> Extra {
    let mut v: Vec<(String, Value)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    Extra(v)
}

fn meta() -> ExportMeta {
    ExportMeta {
        app_version: "0.1.0".into(),
        exported_at: "2026-11-23T09:15:00+07:00".into(),
    }
}

/// Encode → decode, without the semantic rules (which a plan of every variant need not meet).
fn round_trip(plan: &Plan) -> Plan {
    let text = export_plan(plan, &meta());
    read_stored_plan(&text).unwrap_or_else(|e| panic!("{}\n{text}", e.message(Locale::En)))
}

// These matches have no wildcard: a new variant does not compile until the plan above uses it.
fn goal_no(g: &Goal) -> usize {
    match g {
        Goal::Single { .. } => 0,
        Goal::Compound { .. } => 1,
        Goal::Milestone { .. } => 2,
        Goal::FreeText => 3,
    }
}
fn measure_no(m: &Measure) -> usize {
    match m {
        Measure::Ratio { .. } => 0,
        Measure::Value { .. } => 1,
    }
}
fn unit_no(u: &ValueUnit) -> usize {
    match u {
        ValueUnit::Percent => 0,
        ValueUnit::Count { .. } => 1,
        ValueUnit::Days => 2,
        ValueUnit::Hours => 3,
        ValueUnit::Money => 4,
        ValueUnit::Points => 5,
    }
}
fn rule_no(c: &Comparator) -> usize {
    match c {
        Comparator::Above { .. } => 0,
        Comparator::AtLeast { .. } => 1,
        Comparator::AtMost { .. } => 2,
        Comparator::Below { .. } => 3,
        Comparator::Range { .. } => 4,
        Comparator::ReduceTo { .. } => 5,
        Comparator::AllItems => 6,
        Comparator::PerPeriod { .. } => 7,
        Comparator::HigherThanPrevious { .. } => 8,
    }
}
fn above_no(a: AboveRange) -> usize {
    match a {
        AboveRange::MetExceeded => 0,
        AboveRange::OutOfRange => 1,
    }
}
fn shape_no(r: &Reading) -> usize {
    match r {
        Reading::Single { .. } => 0,
        Reading::PerField { .. } => 1,
        Reading::Pair { .. } => 2,
        Reading::Milestone { .. } => 3,
        Reading::Text { .. } => 4,
    }
}
fn figure_no(f: &Figure) -> usize {
    match f {
        Figure::Ratio { .. } => 0,
        Figure::Value { .. } => 1,
    }
}

#[test]
fn the_plan_uses_every_variant() {
    use std::collections::BTreeSet;
    let plan = every_variant_plan();
    let (mut goals, mut measures, mut units, mut rules, mut aboves) = (
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
    );
    let (mut periods, mut shapes, mut figures, mut areas) = (
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
    );
    let mut see_condition = |c: &Condition| {
        measures.insert(measure_no(&c.measure));
        if let Measure::Value { unit } = &c.measure {
            units.insert(unit_no(unit));
        }
        rules.insert(rule_no(&c.comparator));
        match &c.comparator {
            Comparator::Range { above, .. } => {
                aboves.insert(above_no(*above));
            }
            Comparator::PerPeriod { period, .. } => {
                periods.insert(period.as_str());
            }
            _ => {}
        }
    };
    for t in &plan.targets {
        areas.insert(t.area);
        goals.insert(goal_no(&t.goal));
        match &t.goal {
            Goal::Single { condition, .. } => see_condition(condition),
            Goal::Compound { first, second } => {
                see_condition(first);
                see_condition(second);
            }
            Goal::Milestone { .. } | Goal::FreeText => {}
        }
        for e in &t.entries {
            shapes.insert(shape_no(&e.reading));
            match &e.reading {
                Reading::Single { figure } => {
                    figures.insert(figure_no(figure));
                }
                Reading::PerField { fields } => {
                    for f in fields {
                        figures.insert(figure_no(&f.figure));
                    }
                }
                Reading::Pair { first, second } => {
                    figures.insert(figure_no(first));
                    figures.insert(figure_no(second));
                }
                Reading::Milestone { .. } | Reading::Text { .. } => {}
            }
        }
    }
    assert_eq!(goals.len(), 4);
    assert_eq!(measures.len(), 2);
    assert_eq!(units.len(), 6);
    assert_eq!(rules.len(), 9);
    assert_eq!(aboves.len(), 2);
    assert_eq!(periods.len(), Period::ALL.len());
    assert_eq!(shapes.len(), 5);
    assert_eq!(figures.len(), 2);
    assert_eq!(areas.len(), ReformArea::ALL.len());
}

#[test]
fn every_variant_round_trips() {
    let plan = every_variant_plan();
    assert_eq!(round_trip(&plan), plan);
    // Target by target too, so that a failure names the variant.
    for t in &plan.targets {
        let mut one = plan.clone();
        one.targets = vec![t.clone()];
        assert_eq!(round_trip(&one), one, "{}", t.label);
    }
    // Every unit level, and the defaults of an empty plan.
    for level in UnitLevel::ALL {
        let mut p = plan.clone();
        p.unit.level = level;
        p.unit.superior.clear();
        p.reference = PlanReference::default();
        p.targets.clear();
        assert_eq!(round_trip(&p), p, "{level:?}");
    }
    // Exporting what was read gives the same text.
    let text = export_plan(&plan, &meta());
    assert_eq!(export_plan(&round_trip(&plan), &meta()), text);
}

#[test]
fn fingerprints_are_the_compact_plan() {
    let plan = every_variant_plan();
    let fingerprint = plan_fingerprint(&plan);
    assert!(!fingerprint.contains('\n'));
    let file: Value = serde_json::from_str(&export_plan(&plan, &meta())).unwrap();
    let compact: Value = serde_json::from_str(&fingerprint).unwrap();
    assert_eq!(compact, file["plan"]);
    assert_eq!(plan_fingerprint(&plan.clone()), fingerprint);
    // Any change shows, however small.
    let mut changed = plan.clone();
    if let Reading::Pair { second, .. } = &mut changed.targets[0].entries[0].reading {
        *second = value("96.26");
    }
    assert_ne!(plan_fingerprint(&changed), fingerprint);
    let mut changed = plan.clone();
    changed.reference.date_note.clear();
    assert_ne!(plan_fingerprint(&changed), fingerprint);
}

#[test]
fn shapes_are_the_documented_ones() {
    let plan = every_variant_plan();
    let v: Value = serde_json::from_str(&plan_fingerprint(&plan)).unwrap();
    let t = &v["targets"];
    assert_eq!(
        v["reference"],
        json!({"number": "39/KH-UBND-NV", "issuedOn": "2019-02-01", "dateNote": "Ngày ghi tay.", "signer": "Nguyễn Văn A"})
    );
    assert_eq!(
        v["unit"],
        json!({
            "id": "26734",
            "name": "Quận 2",
            "level": "legacy_district",
            "superior": {"id": "79", "name": "UBND Thành phố Hồ Chí Minh"},
            "taxCode": "0301234567",
        })
    );
    assert_eq!(
        (v["revision"].clone(), v["status"].clone()),
        (json!(7), json!("submitted"))
    );
    assert_eq!(
        v["notes"],
        json!({"internal": "Chưa có số liệu quý IV.", "forSuperior": "Kính gửi Sở Nội vụ."})
    );
    assert_eq!(
        t[4]["notes"],
        json!({"internal": "", "forSuperior": "Chỉ gửi cấp trên."})
    );
    assert_eq!(
        t[5]["notes"],
        json!({"internal": "Chỉ nội bộ.", "forSuperior": ""})
    );
    assert_eq!(t[6].get("notes"), None);
    assert_eq!(t[2]["evidenceUrl"], "https://example.org/39.pdf");
    assert_eq!(t[0]["entries"][0]["weight"], json!(1.5));
    assert_eq!(
        t[0]["goal"]["second"]["measure"],
        json!({"type": "value", "unit": "percent"})
    );
    assert_eq!(
        t[0]["goal"]["second"]["comparator"],
        json!({"rule": "above", "threshold": "80.5"})
    );
    assert_eq!(
        t[0]["entries"][0]["reading"],
        json!({
            "shape": "pair",
            "first": {"type": "ratio", "numerator": 5000, "denominator": 12000},
            "second": {"type": "value", "value": "96.25"},
        })
    );
    assert_eq!(
        t[1]["goal"]["condition"]["comparator"],
        json!({"rule": "range", "min": "30", "max": "40", "above": "out_of_range"})
    );
    assert_eq!(t[1]["entries"][1]["reading"]["shape"], "per_field");
    assert_eq!(
        t[1]["entries"][1]["reading"]["fields"][0],
        json!({"field": "f-a", "figure": {"type": "ratio", "numerator": 0, "denominator": 0}})
    );
    assert_eq!(t[2]["parent"], "t-1");
    assert_eq!(t[2]["entries"][0]["reading"]["doneOn"], "2019-02-18");
    assert_eq!(t[2]["entries"][1]["reading"]["doneOn"], Value::Null);
    assert_eq!(t[3]["goal"], json!({"kind": "milestone", "deadline": null}));
    assert_eq!(t[4]["goal"], json!({"kind": "free_text"}));
    assert_eq!(
        t[6]["goal"]["condition"]["measure"],
        json!({"type": "value", "unit": "count", "noun": "lần"})
    );
    assert_eq!(
        t[21]["goal"]["condition"]["comparator"],
        json!({"rule": "per_period", "min": "2", "period": "year"})
    );
    assert_eq!(v["unit"]["level"], "legacy_district");
    // Tags come first in the text, identity first in a target.
    let text = export_plan(&plan, &meta());
    let first_keys = |opener: &str| -> Vec<String> {
        text.match_indices(opener)
            .map(|(i, _)| {
                let rest = text[i + opener.len()..].trim_start();
                rest.split(':').next().unwrap_or("").to_string()
            })
            .collect()
    };
    for (opener, tag, n) in [
        ("\"goal\": {", "\"kind\"", 25),
        ("\"measure\": {", "\"type\"", 23),
        ("\"comparator\": {", "\"rule\"", 23),
        ("\"reading\": {", "\"shape\"", 22),
        ("\"figure\": {", "\"type\"", 18),
        ("\"condition\": {", "\"label\"", 21),
        ("\"targets\": [", "{\n        \"id\"", 1),
    ] {
        let keys = first_keys(opener);
        assert_eq!(keys.len(), n, "{opener}");
        assert!(
            keys.iter().all(|k| k.starts_with(tag)),
            "{opener}: {keys:?}"
        );
    }
    assert!(text.contains("\"type\": \"ratio\",\n                \"numerator\": 5000,"));
    // Key order: the known keys in the documented order, then the unknown ones in key order.
    let order = |from: &str, names: &[&str]| {
        let start = text.find(from).unwrap_or_else(|| panic!("{from}"));
        let mut at = start;
        for name in names {
            let found = text[at..]
                .find(&format!("\"{name}\":"))
                .unwrap_or_else(|| panic!("{from}: {name} missing or out of order"));
            at += found;
        }
    };
    order(
        "\"plan\": {",
        &[
            "id",
            "unit",
            "year",
            "revision",
            "status",
            "reference",
            "notes",
            "sources",
            "targets",
            "attachments",
            "zz",
        ],
    );
    order(
        "\"unit\": {",
        &["id", "name", "level", "superior", "taxCode"],
    );
    order(
        "\"reference\": {",
        &["number", "issuedOn", "dateNote", "signer"],
    );
    order(
        "\"id\": \"t-2\"",
        &["area", "label", "goal", "parent", "entries", "evidenceUrl"],
    );
    order(
        "\"id\": \"t-3\"",
        &["area", "label", "goal", "entries", "notes"],
    );
    order(
        "\"id\": \"e-0\"",
        &["date", "reading", "comment", "approvedBy", "weight"],
    );
    order(
        "\"format\": ",
        &["formatVersion", "app", "exportedAt", "contentHash", "plan"],
    );
}

// ------------------------------------------------------------------------------------------
// Problems, located exactly
// ------------------------------------------------------------------------------------------

fn base() -> Value {
    serde_json::from_str(&export_plan(&every_variant_plan(), &meta())).unwrap()
}

/// The problem a change to the base file gives (`value` `None` removes the key).
fn problem_after(pointer: &str, value: Option<Value>) -> (Location, ProblemKind) {
    let mut doc = base();
    match value {
        Some(v) => {
            *doc.pointer_mut(pointer)
                .unwrap_or_else(|| panic!("{pointer}")) = v
        }
        None => {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            let removed = doc
                .pointer_mut(parent)
                .and_then(Value::as_object_mut)
                .and_then(|o| o.remove(key));
            assert!(removed.is_some(), "{pointer}");
        }
    }
    // Stored plans and imported files report structure problems the same way. A stored
    // plan is read without its content hash; a file edited by hand is first refused as
    // damaged, and with a hash that matches the edit, reports the same problem.
    let stored = read_stored_plan(&doc.to_string());
    assert_eq!(
        import_text(&doc.to_string()).map(|_| ()),
        Err(ImportError::Damaged {
            fault: HashFault::Mismatch
        }),
        "{pointer}"
    );
    rehash(&mut doc);
    assert_eq!(
        stored.clone().map(|_| ()),
        import_text(&doc.to_string()).map(|_| ()),
        "{pointer}"
    );
    match stored {
        Err(ImportError::Invalid { location, kind }) => (*location, kind),
        other => panic!("{pointer}: expected Invalid, got {other:?}"),
    }
}

/// Writes the content hash of the file's (changed) plan, as an exporter would have.
fn rehash(doc: &mut Value) {
    doc["contentHash"] = Value::String(content_hash_of_value(&doc["plan"]));
}

fn in_target(i: usize, field: &str) -> Location {
    Location {
        target: Some(TargetAt {
            index: i,
            id: format!("t-{i}"),
            label: format!("Chỉ tiêu {i}"),
        }),
        item: None,
        entry: None,
        part: None,
        field: field.into(),
    }
}

fn in_entry(i: usize, j: usize, date: NaiveDate, field: &str) -> Location {
    Location {
        entry: Some(EntryAt {
            index: j,
            id: format!("e-{j}"),
            date: Some(date),
        }),
        ..in_target(i, field)
    }
}

fn missing(field: &str) -> ProblemKind {
    ProblemKind::MissingField {
        field: field.into(),
    }
}

fn wrong(expected: JsonType, found: JsonType) -> ProblemKind {
    ProblemKind::WrongType { expected, found }
}

fn unknown(found: &str, allowed: &[&str]) -> ProblemKind {
    ProblemKind::UnknownValue {
        found: found.into(),
        allowed: allowed.iter().map(|s| s.to_string()).collect(),
    }
}

const T0: &str = "/plan/targets/0";
const T1: &str = "/plan/targets/1";

#[test]
fn problems_in_goals() {
    let kinds = ["single", "compound", "milestone", "free_text"];
    assert_eq!(
        problem_after(&format!("{T0}/goal/kind"), None),
        (in_target(0, "goal.kind"), missing("kind"))
    );
    assert_eq!(
        problem_after(&format!("{T0}/goal/kind"), Some(json!(7))),
        (
            in_target(0, "goal.kind"),
            wrong(JsonType::Text, JsonType::WholeNumber)
        )
    );
    assert_eq!(
        problem_after(&format!("{T0}/goal/kind"), Some(json!("double"))),
        (in_target(0, "goal.kind"), unknown("double", &kinds))
    );
    assert_eq!(
        problem_after(&format!("{T0}/goal/second"), None),
        (in_target(0, "goal.second"), missing("second"))
    );
    // A tag changed to another valid one: the new variant's keys are looked for.
    assert_eq!(
        problem_after(&format!("{T0}/goal/kind"), Some(json!("single"))),
        (in_target(0, "goal.condition"), missing("condition"))
    );
    assert_eq!(
        problem_after(
            &format!("{T0}/goal/second/measure/unit"),
            Some(json!("percent2"))
        ),
        (
            in_target(0, "goal.second.measure.unit"),
            unknown(
                "percent2",
                &["percent", "count", "days", "hours", "money", "points"]
            )
        )
    );
    assert_eq!(
        problem_after(
            &format!("{T0}/goal/second/measure/unit"),
            Some(json!({"unit": "percent"}))
        ),
        (
            in_target(0, "goal.second.measure.unit"),
            wrong(JsonType::Text, JsonType::Object)
        )
    );
    assert_eq!(
        problem_after(&format!("{T0}/goal/first/label"), Some(json!(null))),
        (
            in_target(0, "goal.first.label"),
            wrong(JsonType::Text, JsonType::Null)
        )
    );
    assert_eq!(
        problem_after(&format!("{T1}/goal/breakdown/1/name"), Some(json!(null))),
        (
            in_target(1, "goal.breakdown[1].name"),
            wrong(JsonType::Text, JsonType::Null)
        )
    );
    assert_eq!(
        problem_after(&format!("{T1}/goal/breakdown"), Some(json!({}))),
        (
            in_target(1, "goal.breakdown"),
            wrong(JsonType::Array, JsonType::Object)
        )
    );
    assert_eq!(
        problem_after("/plan/targets/2/goal/deadline", Some(json!("2019-02-29"))),
        (
            in_target(2, "goal.deadline"),
            ProblemKind::BadValue(ValueProblem::ImpossibleDate("2019-02-29".into()))
        )
    );
}

#[test]
fn problems_in_comparators() {
    let c = format!("{T0}/goal/first/comparator");
    assert_eq!(
        problem_after(&format!("{c}/threshold"), None),
        (
            in_target(0, "goal.first.comparator.threshold"),
            missing("threshold")
        )
    );
    assert_eq!(
        problem_after(&format!("{c}/rule"), Some(json!("between"))),
        (
            in_target(0, "goal.first.comparator.rule"),
            unknown(
                "between",
                &[
                    "above",
                    "at_least",
                    "at_most",
                    "below",
                    "range",
                    "reduce_to",
                    "all_items",
                    "per_period",
                    "higher_than_previous"
                ]
            )
        )
    );
    assert_eq!(
        problem_after(&format!("{c}/threshold"), Some(json!(true))),
        (
            in_target(0, "goal.first.comparator.threshold"),
            ProblemKind::BadValue(ValueProblem::NotANumber("true".into()))
        )
    );
    assert_eq!(
        problem_after(&format!("{c}/threshold"), Some(json!("40,5"))),
        (
            in_target(0, "goal.first.comparator.threshold"),
            ProblemKind::BadValue(ValueProblem::NotANumber("40,5".into()))
        )
    );
    let range = format!("{T1}/goal/condition/comparator");
    assert_eq!(
        problem_after(&format!("{range}/above"), Some(json!("sometimes"))),
        (
            in_target(1, "goal.condition.comparator.above"),
            unknown("sometimes", &["met_exceeded", "out_of_range"])
        )
    );
    assert_eq!(
        problem_after(&format!("{range}/max"), Some(json!("1.23456"))),
        (
            in_target(1, "goal.condition.comparator.max"),
            ProblemKind::BadValue(ValueProblem::TooManyDecimals("1.23456".into()))
        )
    );
    let per_period = "/plan/targets/21/goal/condition/comparator/period";
    let (location, kind) = problem_after(per_period, Some(json!("week")));
    assert_eq!(location, in_target(21, "goal.condition.comparator.period"));
    assert_eq!(
        kind,
        unknown("week", &["year", "half_year", "quarter", "month"])
    );
    let previous = "/plan/targets/20/goal/condition/comparator/previous";
    assert_eq!(
        problem_after(previous, Some(json!([]))),
        (
            in_target(20, "goal.condition.comparator.previous"),
            ProblemKind::BadValue(ValueProblem::NotANumber("[]".into()))
        )
    );
}

#[test]
fn problems_in_readings_and_figures() {
    let e0 = day(2019, 6, 30);
    let r = format!("{T0}/entries/0/reading");
    assert_eq!(
        problem_after(&format!("{r}/shape"), None),
        (in_entry(0, 0, e0, "reading.shape"), missing("shape"))
    );
    assert_eq!(
        problem_after(&r, Some(json!([]))),
        (
            in_entry(0, 0, e0, "reading"),
            wrong(JsonType::Object, JsonType::Array)
        )
    );
    assert_eq!(
        problem_after(&format!("{r}/second"), None),
        (in_entry(0, 0, e0, "reading.second"), missing("second"))
    );
    assert_eq!(
        problem_after(&format!("{r}/first/type"), Some(json!("percent"))),
        (
            in_entry(0, 0, e0, "reading.first.type"),
            unknown("percent", &["ratio", "value"])
        )
    );
    assert_eq!(
        problem_after(&format!("{r}/first/denominator"), None),
        (
            in_entry(0, 0, e0, "reading.first.denominator"),
            missing("denominator")
        )
    );
    assert_eq!(
        problem_after(&format!("{r}/second/value"), Some(json!("1e3"))),
        (
            in_entry(0, 0, e0, "reading.second.value"),
            ProblemKind::BadValue(ValueProblem::NotANumber("1e3".into()))
        )
    );
    // Per-field figures, in the second entry of target 1.
    let e1 = day(2019, 12, 31);
    let f = format!("{T1}/entries/1/reading/fields");
    assert_eq!(
        problem_after(&format!("{f}/1/figure/denominator"), Some(json!(-1))),
        (
            in_entry(1, 1, e1, "reading.fields[1].figure.denominator"),
            ProblemKind::BadValue(ValueProblem::NegativeCount("-1".into()))
        )
    );
    assert_eq!(
        problem_after(&format!("{f}/1/figure/numerator"), Some(json!(88.5))),
        (
            in_entry(1, 1, e1, "reading.fields[1].figure.numerator"),
            ProblemKind::BadValue(ValueProblem::FractionalCount("88.5".into()))
        )
    );
    assert_eq!(
        problem_after(&format!("{f}/0/field"), None),
        (
            in_entry(1, 1, e1, "reading.fields[0].field"),
            missing("field")
        )
    );
    assert_eq!(
        problem_after(&format!("{f}/0/figure/type"), Some(json!(null))),
        (
            in_entry(1, 1, e1, "reading.fields[0].figure.type"),
            wrong(JsonType::Text, JsonType::Null)
        )
    );
    assert_eq!(
        problem_after(&format!("{f}/0"), Some(json!("f-a"))),
        (
            in_entry(1, 1, e1, "reading.fields[0]"),
            wrong(JsonType::Object, JsonType::Text)
        )
    );
    assert_eq!(
        problem_after(&f, Some(json!({}))),
        (
            in_entry(1, 1, e1, "reading.fields"),
            wrong(JsonType::Array, JsonType::Object)
        )
    );
    // Milestone readings.
    let m = "/plan/targets/2/entries/1/reading";
    assert_eq!(
        problem_after(&format!("{m}/doneOn"), Some(json!("18/02/2019"))),
        (
            in_entry(2, 1, day(2019, 2, 19), "reading.doneOn"),
            ProblemKind::BadValue(ValueProblem::BadDate("18/02/2019".into()))
        )
    );
    assert_eq!(
        problem_after(&format!("{m}/evidence"), Some(json!(3))),
        (
            in_entry(2, 1, day(2019, 2, 19), "reading.evidence"),
            wrong(JsonType::Text, JsonType::WholeNumber)
        )
    );
}

#[test]
fn problems_with_whole_parts() {
    // An entry that is not an object: its position is all there is.
    let (location, kind) = problem_after(&format!("{T1}/entries/1"), Some(json!(42)));
    assert_eq!(
        location.entry,
        Some(EntryAt {
            index: 1,
            id: String::new(),
            date: None
        })
    );
    assert_eq!(location.field, "");
    assert_eq!(kind, wrong(JsonType::Object, JsonType::WholeNumber));
    // An entry whose date is wrong is named by its position, not by that date.
    let (location, _) = problem_after(&format!("{T1}/entries/1/date"), Some(json!("2019-13-01")));
    assert_eq!(location.entry.map(|e| (e.index, e.date)), Some((1, None)));
    assert_eq!(
        problem_after(&format!("{T1}/entries"), Some(json!(null))),
        (
            in_target(1, "entries"),
            wrong(JsonType::Array, JsonType::Null)
        )
    );
    // A target that is not an object, or whose label is what is wrong.
    let (location, kind) = problem_after(T1, Some(json!([])));
    assert_eq!(
        location.target,
        Some(TargetAt {
            index: 1,
            id: String::new(),
            label: String::new()
        })
    );
    assert_eq!((location.field.as_str(), location.entry), ("", None));
    assert_eq!(kind, wrong(JsonType::Object, JsonType::Array));
    let (location, _) = problem_after(&format!("{T1}/label"), Some(json!(1)));
    assert_eq!(
        location.target.map(|t| (t.id, t.label)),
        Some(("t-1".into(), String::new()))
    );
    assert_eq!(
        problem_after("/plan/targets/2/parent", Some(json!(1))),
        (
            in_target(2, "parent"),
            wrong(JsonType::Text, JsonType::WholeNumber)
        )
    );
    // Plan level.
    let plan_field = |field: &str| Location {
        field: field.into(),
        ..Location::default()
    };
    assert_eq!(
        problem_after("/plan/targets", Some(json!({}))),
        (
            plan_field("targets"),
            wrong(JsonType::Array, JsonType::Object)
        )
    );
    assert_eq!(
        problem_after("/plan/unit/level", Some(json!("district"))),
        (
            plan_field("unit.level"),
            unknown(
                "district",
                &[
                    "commune",
                    "ward",
                    "special_zone",
                    "province",
                    "department",
                    "legacy_district"
                ]
            )
        )
    );
    assert_eq!(
        problem_after("/plan/reference/issuedOn", Some(json!(5))),
        (
            plan_field("reference.issuedOn"),
            wrong(JsonType::Text, JsonType::WholeNumber)
        )
    );
    assert_eq!(
        problem_after("/plan/reference", Some(json!(null))),
        (
            plan_field("reference"),
            wrong(JsonType::Object, JsonType::Null)
        )
    );
    assert_eq!(
        problem_after("/plan/id", None),
        (plan_field("id"), missing("id"))
    );
}

#[test]
fn what_may_be_left_out() {
    let ok = |doc: &Value| read_stored_plan(&doc.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    // Optional dates: absent, null or "".
    for date in [None, Some(json!(null)), Some(json!(""))] {
        let mut doc = base();
        let r = doc.pointer_mut("/plan/reference").unwrap();
        match date {
            Some(d) => r["issuedOn"] = d,
            None => {
                r.as_object_mut().unwrap().remove("issuedOn");
            }
        }
        doc["plan"]["targets"][2]["goal"]["deadline"] = json!("");
        doc["plan"]["targets"][2]["entries"][0]["reading"]["doneOn"] = json!(null);
        let plan = ok(&doc);
        assert_eq!(plan.reference.issued_on, None);
        assert_eq!(plan.targets[2].goal, Goal::Milestone { deadline: None });
    }
    // Defaults: texts, lists, the reference, the range's `above`, a count's noun, `previous`.
    let mut doc = base();
    for (pointer, key) in [
        ("/plan", "reference"),
        ("/plan/unit", "superior"),
        ("/plan/targets/0/goal/first", "label"),
        ("/plan/targets/0/goal/first/measure", "numerator"),
        ("/plan/targets/0/entries/0", "comment"),
        ("/plan/targets/1/goal", "breakdown"),
        ("/plan/targets/1/goal/condition/comparator", "above"),
        ("/plan/targets/2", "parent"),
        ("/plan/targets/2/entries/0/reading", "evidence"),
        ("/plan/targets/4", "entries"),
        ("/plan/targets/6/goal/condition/measure", "noun"),
        ("/plan/targets/20/goal/condition/comparator", "previous"),
    ] {
        let removed = doc
            .pointer_mut(pointer)
            .and_then(Value::as_object_mut)
            .and_then(|o| o.remove(key));
        assert!(removed.is_some(), "{pointer}/{key}");
    }
    let plan = ok(&doc);
    assert_eq!(plan.reference, PlanReference::default());
    assert_eq!(plan.unit.superior, "");
    assert!(plan.targets[1].goal.breakdown().is_empty());
    assert_eq!(plan.targets[2].parent, None);
    assert!(plan.targets[4].entries.is_empty());
    assert!(matches!(
        plan.targets[1].goal,
        Goal::Single {
            condition: Condition {
                comparator: Comparator::Range {
                    above: AboveRange::MetExceeded,
                    ..
                },
                ..
            },
            ..
        }
    ));
    // Numbers written as JSON numbers, and whole counts written as `5.0`.
    let mut doc = base();
    doc["plan"]["targets"][0]["goal"]["first"]["comparator"]["threshold"] = json!(40.5);
    doc["plan"]["targets"][0]["entries"][0]["reading"]["first"]["numerator"] = json!(5000.0);
    let plan = ok(&doc);
    assert!(matches!(
        &plan.targets[0].goal,
        Goal::Compound { first, .. } if first.comparator == Comparator::AtLeast { threshold: dec("40.5") }
    ));
    // Keys the format does not know are kept in the plan, the unit, the reference, a target
    // and an entry (after the known keys, in key order), and ignored everywhere else.
    let mut doc = base();
    doc["plan"]["x"] = json!(1);
    doc["plan"]["unit"]["x"] = json!([]);
    doc["plan"]["unit"]["superior"]["x"] = json!("ignored");
    doc["plan"]["notes"]["x"] = json!("ignored");
    doc["plan"]["targets"][3]["notes"]["x"] = json!("ignored");
    doc["plan"]["targets"][0]["goal"]["second"]["comparator"]["x"] = json!({});
    doc["plan"]["targets"][1]["entries"][1]["reading"]["fields"][0]["figure"]["x"] = json!(null);
    doc["plan"]["targets"][1]["goal"]["breakdown"][0]["x"] = json!(2);
    doc["plan"]["targets"][1]["entries"][1]["x"] = json!({"b": [1.5, -7], "a": "đ"});
    let mut expected = every_variant_plan();
    expected.extra = extra(&[
        ("attachments", expected.extra.0[0].1.clone()),
        ("x", json!(1)),
        ("zz", json!(null)),
    ]);
    expected.unit.extra = extra(&[("taxCode", json!("0301234567")), ("x", json!([]))]);
    expected.targets[1].entries[1].extra = extra(&[("x", json!({"a": "đ", "b": [1.5, -7]}))]);
    let plan = ok(&doc);
    assert_eq!(plan, expected);
    let written: Value = serde_json::from_str(&plan_fingerprint(&plan)).unwrap();
    assert_eq!(written["x"], json!(1));
    assert_eq!(
        written["unit"]["superior"],
        json!({"id": "79", "name": "UBND Thành phố Hồ Chí Minh"})
    );
    assert_eq!(written["notes"].get("x"), None);
    assert_eq!(
        written["targets"][1]["entries"][1]["x"],
        json!({"a": "đ", "b": [1.5, -7]})
    );
    // Notes: either kind may be absent; absent or empty notes are not written.
    let mut doc = base();
    doc["plan"]["notes"] = json!({"forSuperior": "Chỉ gửi cấp trên."});
    doc["plan"]["targets"][3]["notes"] = json!({});
    doc["plan"]["unit"].as_object_mut().unwrap().remove("id");
    doc["plan"]["unit"]["superior"] = json!({"name": "UBND tỉnh"});
    let plan = ok(&doc);
    assert_eq!(
        plan.notes,
        Notes {
            internal: String::new(),
            for_superior: "Chỉ gửi cấp trên.".into()
        }
    );
    assert_eq!(plan.targets[3].notes, Notes::default());
    assert_eq!(
        (
            plan.unit.id.as_str(),
            plan.unit.superior_id.as_str(),
            plan.unit.superior.as_str()
        ),
        ("", "", "UBND tỉnh")
    );
    let written: Value = serde_json::from_str(&plan_fingerprint(&plan)).unwrap();
    assert_eq!(
        written["notes"],
        json!({"internal": "", "forSuperior": "Chỉ gửi cấp trên."})
    );
    assert_eq!(written["targets"][3].get("notes"), None);
    assert_eq!(written["unit"]["id"], "");
    assert_eq!(
        written["unit"]["superior"],
        json!({"id": "", "name": "UBND tỉnh"})
    );
}

// ------------------------------------------------------------------------------------------
// Every small change to a file: no panic, and the problem is where the change is
// ------------------------------------------------------------------------------------------

/// JSON pointers of every value in `v`, with `prefix`.
fn pointers(v: &Value, prefix: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, item) in m {
                pointers(item, format!("{prefix}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{prefix}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(prefix);
}

/// The JSON pointer a reported location names.
fn pointer_of(location: &Location) -> String {
    let mut p = "/plan".to_string();
    if let Some(t) = &location.target {
        p.push_str(&format!("/targets/{}", t.index));
    }
    if let Some(e) = &location.entry {
        p.push_str(&format!("/entries/{}", e.index));
    }
    for part in location.field.split('.').filter(|s| !s.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            p.push('/');
            p.push_str(key);
        }
        for index in pieces {
            p.push('/');
            p.push_str(index.trim_end_matches(']'));
        }
    }
    p
}

fn parent_of(pointer: &str) -> &str {
    pointer.rsplit_once('/').map_or("", |(parent, _)| parent)
}

#[test]
fn every_change_is_reported_where_it_is() {
    let base = base();
    let mut all = Vec::new();
    pointers(&base["plan"], "/plan".into(), &mut all);
    assert!(all.len() > 400, "{}", all.len());
    // Wrong types, bad values, and tags of other variants.
    let replacements = [
        json!(null),
        json!(true),
        json!(-1),
        json!(1.5),
        json!("x"),
        json!("2019-02-30"),
        json!("single"),
        json!("value"),
        json!("range"),
        json!([]),
        json!({}),
    ];
    let mut checked = 0;
    for pointer in all.iter().filter(|p| *p != "/plan") {
        let mut changes: Vec<(Option<&Value>, Value)> = Vec::new();
        for r in &replacements {
            let mut doc = base.clone();
            if let Some(v) = doc.pointer_mut(pointer) {
                *v = r.clone();
            }
            changes.push((Some(r), doc));
        }
        let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", ""));
        let mut doc = base.clone();
        if let Some(o) = doc.pointer_mut(parent).and_then(Value::as_object_mut) {
            o.remove(key);
            changes.push((None, doc));
        }
        for (replacement, doc) in changes {
            let text = doc.to_string();
            let outcome = std::panic::catch_unwind(|| read_stored_plan(&text));
            let result =
                outcome.unwrap_or_else(|_| panic!("panicked: {pointer} → {replacement:?}"));
            let Err(error) = result else {
                continue;
            };
            for locale in Locale::ALL {
                assert!(!error.message(locale).is_empty());
            }
            let ImportError::Invalid { location, kind } = error else {
                panic!("{pointer} → {replacement:?}: {error:?}");
            };
            // A revision that is not a whole number from 1 is structural too: the app never
            // writes one, so only a hand edit or damage makes it.
            assert!(
                kind.is_structural(),
                "{pointer} → {replacement:?}: {kind:?}"
            );
            let at = pointer_of(&location);
            match replacement {
                // A removed key is reported missing exactly there, if it was required.
                None => {
                    assert_eq!(at, *pointer, "{kind:?}");
                    assert!(
                        matches!(kind, ProblemKind::MissingField { .. }),
                        "{pointer}"
                    );
                }
                // A changed value is reported there or inside it, or (a tag changed to
                // another valid tag) as a key of the new variant missing beside it.
                Some(r) => {
                    let inside = at == *pointer || at.starts_with(&format!("{pointer}/"));
                    let beside = matches!(kind, ProblemKind::MissingField { .. })
                        && parent_of(&at) == parent_of(pointer);
                    assert!(
                        inside || beside,
                        "{pointer} → {r}: reported at {at}: {kind:?}"
                    );
                }
            }
            // The target and entry of the location are read from the changed file.
            if let Some(t) = &location.target {
                let raw = doc.pointer(&format!("/plan/targets/{}", t.index));
                assert!(raw.is_some(), "{pointer}");
                let label = raw.and_then(|t| t["label"].as_str()).unwrap_or("");
                assert_eq!(t.label, label);
            }
            checked += 1;
        }
    }
    assert!(checked > 2000, "only {checked} problems checked");
}
