//! Tasks (`tasks`) and shortened procedures (`shortenedProcedures`) in the plan file: new
//! optional keys of `plan` within format version 2. Written only when the plan has some,
//! read back equal, covered by the content hash, each problem located at its task or
//! procedure, unknown keys inside them kept, and the rules of their meaning.
//!
//! `tests/fixtures/valid/plan-v2-tasks.json` is the export of [`plan_with_tasks`]; run with
//! `CCHC_BLESS_FIXTURES=1` to rewrite it after a deliberate change. The hostile files
//! `tests/fixtures/invalid/task-*.json` and `procedure-*.json` are that file edited by hand
//! (and rehashed); `file_format.rs` lists their exact errors, and this file checks their
//! messages.

use chrono::NaiveDate;
use serde_json::Value;

use cchc_domain::area::ReformArea;
use cchc_domain::file::{
    content_hash, export_plan, import_bytes, import_text, read_stored_plan, ExportMeta, ImportError,
};
use cchc_domain::locale::Locale;
use cchc_domain::number::Decimal;
use cchc_domain::plan::{Plan, PlanId, PlanReference, PlanStatus};
use cchc_domain::problem::ValueProblem;
use cchc_domain::target::{Goal, Target, TargetId};
use cchc_domain::task::{Task, TaskId, TaskState, TaskStatus};
use cchc_domain::unit::{Unit, UnitLevel};
use cchc_domain::validate::{validate_plan, ItemAt, ItemKind, Location, ProblemKind};
use cchc_domain::working_time::{days_and_hours, totals, ProcedureId, ShortenedProcedure};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{FIXTURES}/{name}");
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn dec(s: &str) -> Decimal {
    Decimal::parse_plain(s).unwrap()
}

fn meta() -> ExportMeta {
    ExportMeta {
        app_version: "0.1.0".into(),
        exported_at: "2026-11-23T09:15:00+07:00".into(),
    }
}

fn task(
    id: &str,
    title: &str,
    department: &str,
    deadline: Option<NaiveDate>,
    status: TaskStatus,
) -> Task {
    Task {
        title: title.into(),
        department: department.into(),
        deadline,
        status,
        ..Task::new(TaskId(id.into()))
    }
}

fn procedure(id: &str, name: &str, standard: &str, new: &str) -> ShortenedProcedure {
    ShortenedProcedure {
        id: ProcedureId(id.into()),
        name: name.into(),
        standard_days: dec(standard),
        new_days: dec(new),
        extra: Default::default(),
    }
}

/// A ward's 2026 plan with one milestone target, four tasks (one of each status, one
/// linked to the target, one standing task without deadline) and two shortened procedures.
fn plan_with_tasks() -> Plan {
    let mut plan = Plan {
        id: PlanId("plan-tasks-v2".into()),
        unit: Unit {
            id: "26734".into(),
            name: "Phường Bình Tân".into(),
            level: UnitLevel::Ward,
            superior: "UBND Thành phố Hồ Chí Minh".into(),
            superior_id: "79".into(),
            extra: Default::default(),
        },
        year: 2026,
        revision: 2,
        status: PlanStatus::Submitted,
        reference: PlanReference {
            number: "01/KH-UBND".into(),
            issued_on: Some(day(2026, 1, 5)),
            ..Default::default()
        },
        notes: Default::default(),
        sources: Vec::new(),
        template: None,
        targets: vec![Target {
            id: TargetId("tpl-23".into()),
            area: ReformArea::Apparatus,
            label: "Ban hành quy chế làm việc của UBND phường".into(),
            goal: Goal::Milestone {
                deadline: Some(day(2026, 3, 31)),
            },
            parent: None,
            entries: Vec::new(),
            notes: Default::default(),
            suggested: false,
            tracking: Default::default(),
            extra: Default::default(),
        }],
        tasks: vec![
            task(
                "nv-1",
                "Xây dựng dự thảo quy chế làm việc",
                "Văn phòng HĐND và UBND",
                Some(day(2026, 3, 15)),
                TaskStatus::Done {
                    on: day(2026, 3, 10),
                },
            ),
            task(
                "nv-2",
                "Rà soát, công bố thủ tục hành chính thuộc thẩm quyền",
                "Trung tâm Phục vụ hành chính công",
                Some(day(2026, 9, 30)),
                TaskStatus::InProgress,
            ),
            task(
                "nv-3",
                "Tuyên truyền về cải cách hành chính",
                "Phòng Văn hóa – Xã hội",
                None,
                TaskStatus::NotStarted,
            ),
            task(
                "nv-4",
                "Báo cáo kết quả CCHC năm",
                "Văn phòng HĐND và UBND",
                Some(day(2026, 12, 14)),
                TaskStatus::NotStarted,
            ),
        ],
        shortened_procedures: vec![
            procedure("tt-1", "Đăng ký khai sinh", "3", "1.5"),
            procedure("tt-2", "Chứng thực bản sao từ bản chính", "2", "0.5"),
        ],
        reporting: Default::default(),
        extra: Default::default(),
    };
    plan.tasks[0].output = "Quyết định ban hành quy chế làm việc".into();
    plan.tasks[0].targets = vec![TargetId("tpl-23".into())];
    plan.tasks[1].output = "Danh mục TTHC được công bố".into();
    plan
}

#[test]
fn the_tasks_fixture_is_the_export_of_the_plan() {
    let plan = plan_with_tasks();
    assert_eq!(validate_plan(&plan), vec![]);
    let path = format!("{FIXTURES}/valid/plan-v2-tasks.json");
    let text = export_plan(&plan, &meta());
    if std::env::var_os("CCHC_BLESS_FIXTURES").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    assert_eq!(
        String::from_utf8(fixture("valid/plan-v2-tasks.json")).unwrap(),
        text
    );
    let imported = import_bytes(&fixture("valid/plan-v2-tasks.json")).unwrap();
    assert_eq!(imported.plan, plan);
    assert_eq!(imported.content_hash, Some(content_hash(&plan)));
    assert_eq!(read_stored_plan(&text).unwrap(), plan);
    // Exported again, the very same text.
    assert_eq!(export_plan(&imported.plan, &meta()), text);
}

#[test]
fn the_keys_as_written() {
    let text = export_plan(&plan_with_tasks(), &meta());
    let file: Value = serde_json::from_str(&text).unwrap();
    let plan = &file["plan"];
    let keys: Vec<&str> = plan
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert!(keys.contains(&"tasks") && keys.contains(&"shortenedProcedures"));
    // In the file, after the targets.
    let at = |k: &str| text.find(&format!("\n    \"{k}\": ")).unwrap();
    assert!(at("targets") < at("tasks") && at("tasks") < at("shortenedProcedures"));
    let done = &plan["tasks"][0];
    assert_eq!(
        done.as_object().unwrap().keys().collect::<Vec<_>>(),
        [
            "deadline",
            "department",
            "doneOn",
            "id",
            "output",
            "status",
            "targets",
            "title"
        ]
    );
    assert_eq!(done["status"], "done");
    assert_eq!(done["doneOn"], "2026-03-10");
    assert_eq!(done["deadline"], "2026-03-15");
    assert_eq!(done["targets"], serde_json::json!(["tpl-23"]));
    // Only a done task has a completion date; a task without deadline has `null`.
    assert_eq!(plan["tasks"][1]["status"], "in_progress");
    assert!(plan["tasks"][1].get("doneOn").is_none());
    assert_eq!(plan["tasks"][2]["status"], "not_started");
    assert_eq!(plan["tasks"][2]["deadline"], Value::Null);
    // Working days are decimals in machine form.
    assert_eq!(
        plan["shortenedProcedures"][0],
        serde_json::json!({"id": "tt-1", "name": "Đăng ký khai sinh", "standardDays": "3", "newDays": "1.5"})
    );
    assert!(text.contains(
        "{\n        \"id\": \"tt-1\",\n        \"name\": \"Đăng ký khai sinh\",\n        \"standardDays\": \"3\",\n        \"newDays\": \"1.5\"\n      }"
    ));
}

#[test]
fn a_plan_without_tasks_writes_neither_key_and_older_files_read() {
    let mut plan = plan_with_tasks();
    plan.tasks.clear();
    plan.shortened_procedures.clear();
    let text = export_plan(&plan, &meta());
    assert!(!text.contains("\"tasks\""), "{text}");
    assert!(!text.contains("\"shortenedProcedures\""));
    for name in [
        "valid/plan-v2-full.json",
        "valid/plan-v2-minimal.json",
        "valid/plan-v1-full.json",
    ] {
        let imported = import_bytes(&fixture(name)).unwrap();
        assert!(imported.plan.tasks.is_empty(), "{name}");
        assert!(imported.plan.shortened_procedures.is_empty(), "{name}");
    }
}

#[test]
fn the_hash_covers_tasks_and_procedures() {
    let plan = plan_with_tasks();
    let hash = content_hash(&plan);
    let mut changed = plan.clone();
    changed.tasks[1].status = TaskStatus::Done {
        on: day(2026, 9, 30),
    };
    assert_ne!(content_hash(&changed), hash);
    let mut changed = plan.clone();
    changed.shortened_procedures[1].new_days = dec("1");
    assert_ne!(content_hash(&changed), hash);
    // A task marked done in the file after export no longer matches the hash.
    let text = export_plan(&plan, &meta());
    let edited = text.replacen("\"in_progress\"", "\"not_started\"", 1);
    assert!(matches!(
        import_text(&edited),
        Err(ImportError::Damaged { .. })
    ));
}

/// The plan of the fixture with one change to its `plan` value, as a file with the right
/// hash: so the change itself is what the reader judges.
fn edited(change: impl FnOnce(&mut Value)) -> Result<cchc_domain::file::ImportedPlan, ImportError> {
    let mut file: Value = serde_json::from_str(&export_plan(&plan_with_tasks(), &meta())).unwrap();
    change(&mut file["plan"]);
    file["contentHash"] = Value::from(cchc_domain::file::content_hash_of_value(&file["plan"]));
    import_text(&serde_json::to_string_pretty(&file).unwrap())
}

fn item(kind: ItemKind, index: usize, id: &str, name: &str, field: &str) -> Location {
    Location {
        item: Some(ItemAt {
            kind,
            index,
            id: id.into(),
            name: name.into(),
        }),
        field: field.into(),
        ..Location::default()
    }
}

fn refusal(
    result: Result<cchc_domain::file::ImportedPlan, ImportError>,
) -> (Location, ProblemKind) {
    match result {
        Err(ImportError::Invalid { location, kind }) => (*location, kind),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

const T2: &str = "Rà soát, công bố thủ tục hành chính thuộc thẩm quyền";

#[test]
fn structural_problems_are_located_at_their_task_or_procedure() {
    let (location, kind) = refusal(edited(|p| p["tasks"][1]["deadline"] = "2026-02-30".into()));
    assert_eq!(location, item(ItemKind::Task, 1, "nv-2", T2, "deadline"));
    assert_eq!(
        kind,
        ProblemKind::BadValue(ValueProblem::ImpossibleDate("2026-02-30".into()))
    );
    let (location, kind) = refusal(edited(|p| p["tasks"][1]["status"] = "overdue".into()));
    assert_eq!(location, item(ItemKind::Task, 1, "nv-2", T2, "status"));
    assert_eq!(
        kind,
        ProblemKind::UnknownValue {
            found: "overdue".into(),
            allowed: vec!["not_started".into(), "in_progress".into(), "done".into()],
        }
    );
    let (location, kind) = refusal(edited(|p| p["tasks"][1]["status"] = "done".into()));
    assert_eq!(location, item(ItemKind::Task, 1, "nv-2", T2, "doneOn"));
    assert_eq!(
        kind,
        ProblemKind::MissingField {
            field: "doneOn".into()
        }
    );
    let (location, _) = refusal(edited(|p| {
        p["tasks"][0].as_object_mut().unwrap().remove("title");
    }));
    assert_eq!(location, item(ItemKind::Task, 0, "nv-1", "", "title"));
    let (location, kind) = refusal(edited(|p| p["tasks"][2]["targets"] = "tpl-23".into()));
    assert_eq!(location.field, "targets");
    assert!(matches!(kind, ProblemKind::WrongType { .. }));
    let (location, kind) = refusal(edited(|p| {
        p["shortenedProcedures"][1]["newDays"] = "0,5".into()
    }));
    assert_eq!(
        location,
        item(
            ItemKind::Procedure,
            1,
            "tt-2",
            "Chứng thực bản sao từ bản chính",
            "newDays"
        )
    );
    assert_eq!(
        kind,
        ProblemKind::BadValue(ValueProblem::NotANumber("0,5".into()))
    );
    let (_, kind) = refusal(edited(|p| p["tasks"] = serde_json::json!({"nv-1": {}})));
    assert!(matches!(kind, ProblemKind::WrongType { .. }));
}

#[test]
fn rules_of_tasks_and_procedures() {
    let (location, kind) = refusal(edited(|p| {
        p["tasks"][2]["targets"] = serde_json::json!(["tpl-99"])
    }));
    assert_eq!(
        location,
        item(
            ItemKind::Task,
            2,
            "nv-3",
            "Tuyên truyền về cải cách hành chính",
            "targets[0]"
        )
    );
    assert_eq!(
        kind,
        ProblemKind::UnknownTaskTarget {
            target: "tpl-99".into()
        }
    );
    let (location, kind) = refusal(edited(|p| p["tasks"][3]["id"] = "nv-1".into()));
    assert_eq!(location.field, "id");
    assert_eq!(
        kind,
        ProblemKind::DuplicateItemId {
            id: "nv-1".into(),
            first: 0
        }
    );
    let (_, kind) = refusal(edited(|p| p["tasks"][3]["title"] = " ".into()));
    assert_eq!(kind, ProblemKind::EmptyTaskTitle);
    let (location, kind) = refusal(edited(|p| {
        p["shortenedProcedures"][0]["newDays"] = "4".into()
    }));
    assert_eq!(location.field, "newDays");
    assert_eq!(
        kind,
        ProblemKind::NewTimeAboveStandard {
            standard: dec("3"),
            new: dec("4")
        }
    );
    let (location, kind) = refusal(edited(|p| {
        p["shortenedProcedures"][0]["standardDays"] = "-3".into()
    }));
    assert_eq!(location.field, "standardDays");
    assert_eq!(kind, ProblemKind::NegativeDays { value: dec("-3") });
    let (_, kind) = refusal(edited(|p| p["shortenedProcedures"][1]["name"] = "".into()));
    assert_eq!(kind, ProblemKind::EmptyProcedureName);
    let (_, kind) = refusal(edited(|p| {
        p["shortenedProcedures"][1]["id"] = "tt-1".into()
    }));
    assert_eq!(
        kind,
        ProblemKind::DuplicateItemId {
            id: "tt-1".into(),
            first: 0
        }
    );
    // The same time before and after is accepted (nothing saved, nothing wrong).
    assert!(edited(|p| p["shortenedProcedures"][0]["newDays"] = "3".into()).is_ok());
    // A stored plan being edited is read without these rules.
    let mut half_done = plan_with_tasks();
    half_done.tasks[0].title.clear();
    let text = export_plan(&half_done, &meta());
    assert_eq!(read_stored_plan(&text).unwrap(), half_done);
}

#[test]
fn messages_name_the_task_or_procedure() {
    let error = edited(|p| p["tasks"][1]["deadline"] = "2026-02-30".into()).unwrap_err();
    assert!(
        error
            .message(Locale::Vi)
            .contains(&format!("Nhiệm vụ 2 «{T2}»")),
        "{}",
        error.message(Locale::Vi)
    );
    let problem = cchc_domain::validate::Problem {
        location: item(ItemKind::Task, 1, "nv-2", T2, "deadline"),
        kind: ProblemKind::BadValue(ValueProblem::ImpossibleDate("2026-02-30".into())),
    };
    assert_eq!(
        problem.message(Locale::Vi),
        format!("Nhiệm vụ 2 «{T2}», trường `deadline`: ngày «2026-02-30» không có trên lịch: tháng 02/2026 chỉ có 28 ngày.")
    );
    assert_eq!(
        problem.message(Locale::En),
        format!("Task 2 «{T2}», field `deadline`: the date \"2026-02-30\" does not exist: 02/2026 has only 28 days.")
    );
    let problem = cchc_domain::validate::Problem {
        location: item(
            ItemKind::Procedure,
            0,
            "tt-1",
            "Đăng ký khai sinh",
            "newDays",
        ),
        kind: ProblemKind::NewTimeAboveStandard {
            standard: dec("3"),
            new: dec("4.5"),
        },
    };
    assert_eq!(
        problem.message(Locale::Vi),
        "Thủ tục rút ngắn thời gian 1 «Đăng ký khai sinh»: thời gian mới (4,5 ngày) dài hơn thời gian theo quy định (3 ngày): thủ tục chưa được rút ngắn."
    );
    let problem = cchc_domain::validate::Problem {
        location: item(ItemKind::Task, 4, "", "", "title"),
        kind: ProblemKind::EmptyTaskTitle,
    };
    assert_eq!(
        problem.message(Locale::En),
        "Task 5: the task has no wording; enter what is to be done."
    );
}

#[test]
fn unknown_keys_inside_tasks_and_procedures_are_kept() {
    let imported = edited(|p| {
        p["tasks"][0]["coordinating"] = "Công an phường".into();
        p["shortenedProcedures"][1]["level"] = "ward".into();
    })
    .unwrap();
    let task = &imported.plan.tasks[0];
    assert_eq!(task.extra.keys().collect::<Vec<_>>(), ["coordinating"]);
    let p = &imported.plan.shortened_procedures[1];
    assert_eq!(p.extra.keys().collect::<Vec<_>>(), ["level"]);
    let again = export_plan(&imported.plan, &meta());
    assert!(again.contains("\"coordinating\": \"Công an phường\""));
    assert!(again.contains("\"level\": \"ward\""));
    // A known key is never doubled by an unknown one of the same name.
    let mut plan = imported.plan.clone();
    plan.tasks[0]
        .extra
        .0
        .push(("title".into(), Value::from("forged")));
    assert!(!export_plan(&plan, &meta()).contains("forged"));
}

#[test]
fn states_and_totals_of_the_fixture_plan() {
    let plan = plan_with_tasks();
    let on = day(2026, 11, 23);
    let states: Vec<TaskState> = plan.tasks.iter().map(|t| t.state(on)).collect();
    assert_eq!(
        states,
        [
            TaskState::DoneOnTime,
            TaskState::Overdue {
                days: 54,
                started: true
            },
            TaskState::NotStarted,
            TaskState::NotStarted,
        ]
    );
    let t = totals(&plan.shortened_procedures);
    assert_eq!(days_and_hours(t.saved_days, Locale::Vi), "3 ngày = 24 giờ");
}

#[test]
fn deleting_a_target_unlinks_its_tasks() {
    let mut plan = plan_with_tasks();
    plan.remove_target(&TargetId("tpl-23".into()));
    assert!(plan.targets.is_empty());
    assert!(plan.tasks[0].targets.is_empty());
    assert_eq!(validate_plan(&plan), vec![]);
}
