//! The difference between a held plan and an incoming revision: plan facts, targets added,
//! removed and changed (matched by id), goal changes worded as plans word them, progress
//! entries, the one-line summary in both languages, and "empty exactly when equal".

use chrono::NaiveDate;

use cchc_domain::area::ReformArea;
use cchc_domain::example::example_plan_with_counter;
use cchc_domain::locale::Locale;
use cchc_domain::number::{Count, Decimal};
use cchc_domain::plan::{Plan, PlanStatus};
use cchc_domain::plan_diff::{
    diff_plans, excerpt, Change, DiffCounts, DiffLine, DiffSign, PlanDiff, TargetDiff,
};
use cchc_domain::progress::{EntryId, Figure, ProgressEntry, Reading};
use cchc_domain::target::{Comparator, Field, FieldId, Goal, Measure, TargetId, ValueUnit};
use cchc_domain::unit::UnitLevel;

fn dec(s: &str) -> Decimal {
    Decimal::parse_plain(s).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The example plan's targets, by position: 0 milestone, 1 inspections (at least 30%, no
/// entries), 2 free text, 3 on time per field, 4 range, 5 level 4 (two entries), 6 household
/// businesses (9.156/17.087), 7 and 8 its sub-targets, 9 satisfaction (98,97%), 10 PAR index,
/// 11 compound.
fn plan() -> Plan {
    example_plan_with_counter()
}

fn texts_in(diff: &PlanDiff, locale: Locale) -> Vec<String> {
    diff.lines(locale).into_iter().map(|l| l.text).collect()
}

fn set_single_comparator(p: &mut Plan, target: usize, comparator: Comparator) {
    match &mut p.targets[target].goal {
        Goal::Single { condition, .. } => condition.comparator = comparator,
        other => panic!("not a single goal: {other:?}"),
    }
}

fn new_entry(id: &str, date: NaiveDate, reading: Reading) -> ProgressEntry {
    let mut e = plan().targets[6].entries[0].clone();
    e.id = EntryId(id.into());
    e.date = date;
    e.reading = reading;
    e.comment = "Số liệu 6 tháng".into();
    e
}

#[test]
fn equal_plans_have_no_difference() {
    let p = plan();
    let diff = diff_plans(&p, &p.clone());
    assert!(diff.is_empty());
    assert!(diff.lines(Locale::Vi).is_empty());
    assert_eq!(diff.summary(Locale::Vi), "Không có khác biệt");
    assert_eq!(diff.summary(Locale::En), "No differences");
    assert_eq!(diff.counts(), DiffCounts::default());
}

#[test]
fn plan_facts_before_and_after() {
    let held = plan();
    let mut incoming = held.clone();
    incoming.revision = 5;
    incoming.status = PlanStatus::Submitted;
    incoming.unit.id = "26734".into();
    incoming.unit.name = "Phường Bình Tân".into();
    incoming.unit.level = UnitLevel::Ward;
    incoming.unit.superior = "UBND TP. Hồ Chí Minh".into();
    incoming.unit.superior_id = String::new();
    incoming.year = 2025;
    incoming.reference.number = "40/KH-UBND".into();
    incoming.reference.issued_on = Some(day(2025, 1, 15));
    incoming.notes.internal = "Nhắc anh Nam gửi số liệu. ".repeat(20);
    incoming.notes.for_superior = "Đề nghị xem xét".into();
    let diff = diff_plans(&held, &incoming);
    let lines = diff.lines(Locale::Vi);
    assert!(lines
        .iter()
        .all(|l| l.subject == "Kế hoạch" && l.sign == DiffSign::Changed));
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts[..10],
        [
            "mã đơn vị: 769 → 26734",
            "tên đơn vị: Quận 2 (ví dụ từ bài viết năm 2019) → Phường Bình Tân",
            "cấp đơn vị: Quận / huyện (trước 01/7/2025) → Phường",
            "đơn vị cấp trên: UBND Thành phố Hồ Chí Minh → UBND TP. Hồ Chí Minh",
            "mã đơn vị cấp trên: 79 → (trống)",
            "năm: 2019 → 2025",
            "phiên bản 1 → 5",
            "trạng thái: Đã phê duyệt → Đã gửi cấp trên",
            "số văn bản: 39/KH-UBND-NV → 40/KH-UBND",
            "ngày ban hành: (trống) → 15/01/2025",
        ]
    );
    // Long notes are not printed: a short excerpt says they changed.
    let internal = texts[10];
    assert!(internal.starts_with("ghi chú nội bộ đã sửa: «Nhắc anh Nam gửi số liệu."));
    assert!(internal.ends_with("…»"), "{internal}");
    assert!(internal.chars().count() < 120, "{internal}");
    assert_eq!(texts[11], "ghi chú gửi cấp trên đã sửa: «Đề nghị xem xét»");
    assert_eq!(texts.len(), 12);
    assert_eq!(
        diff.summary(Locale::Vi),
        "Thông tin chung của kế hoạch thay đổi"
    );
    assert_eq!(diff.summary(Locale::En), "Plan details changed");
    let en = diff.lines(Locale::En);
    assert_eq!(en[0].subject, "Plan");
    assert_eq!(en[6].text, "revision 1 → 5");
    assert_eq!(en[7].text, "status: Approved → Submitted");

    // Notes removed.
    let diff = diff_plans(&incoming, &held);
    assert!(texts_of(&diff).contains(&"ghi chú nội bộ đã xoá".to_string()));
}

fn texts_of(diff: &PlanDiff) -> Vec<String> {
    texts_in(diff, Locale::Vi)
}

#[test]
fn targets_added_removed_and_changed_in_plan_order() {
    let held = plan();
    let mut incoming = held.clone();
    // Target 3 of the held plan (free text) is removed.
    let removed = incoming.targets.remove(2);
    // The inspections' threshold rises from 30% to 35%.
    set_single_comparator(
        &mut incoming,
        1,
        Comparator::AtLeast {
            threshold: dec("35"),
        },
    );
    // A new target at the end.
    let mut added = incoming.targets[1].clone();
    added.id = TargetId("t-new".into());
    added.label = "Tỷ lệ văn bản điện tử".into();
    set_goal_threshold(&mut added.goal, "90");
    incoming.targets.push(added);
    // A new progress entry on the household-business target (now at position 6, 1-based).
    incoming.targets[5].entries.push(new_entry(
        "e-new",
        day(2019, 6, 30),
        Reading::Single {
            figure: Figure::Ratio {
                numerator: Count(9_156),
                denominator: Count(17_087),
            },
        },
    ));

    let diff = diff_plans(&held, &incoming);
    assert_eq!(
        diff.counts(),
        DiffCounts {
            targets_added: 1,
            targets_removed: 1,
            targets_changed: 1,
            entries_added: 1,
            ..DiffCounts::default()
        }
    );
    assert_eq!(
        diff.summary(Locale::Vi),
        "1 chỉ tiêu mới, 1 chỉ tiêu bị bỏ, 1 chỉ tiêu thay đổi, 1 mục tiến độ mới"
    );
    assert_eq!(
        diff.summary(Locale::En),
        "1 target added, 1 removed, 1 changed, 1 new progress entry"
    );

    let lines = diff.lines(Locale::Vi);
    let signs: Vec<DiffSign> = lines.iter().map(|l| l.sign).collect();
    assert_eq!(
        signs,
        [
            DiffSign::Changed,
            DiffSign::Removed,
            DiffSign::Added,
            DiffSign::Added
        ]
    );
    // Changed: position in the incoming plan, threshold before → after.
    assert!(lines[0]
        .subject
        .starts_with("Chỉ tiêu 2 «Tổ chức kiểm tra định kỳ"));
    assert!(lines[0].subject.ends_with("…»"));
    assert_eq!(lines[0].text, "ngưỡng: tối thiểu 30% → tối thiểu 35%");
    // Removed: right after the target that preceded it, at its position in the held plan.
    assert!(lines[1]
        .subject
        .starts_with("Chỉ tiêu 3 «Đặc biệt kiểm tra"));
    assert_eq!(lines[1].text, "chỉ tiêu bị bỏ: theo dõi bằng nội dung");
    // The new entry, with Vietnamese counts.
    assert!(lines[2]
        .subject
        .starts_with("Chỉ tiêu 6 «Có từ 50% trở lên"));
    assert_eq!(
        lines[2].text,
        "mục tiến độ mới ngày 30/06/2019: 9.156/17.087"
    );
    // Added: at its position in the incoming plan.
    assert_eq!(lines[3].subject, "Chỉ tiêu 12 «Tỷ lệ văn bản điện tử»");
    assert_eq!(lines[3].text, "chỉ tiêu mới: tối thiểu 90%");

    let en = diff.lines(Locale::En);
    assert_eq!(en[0].text, "threshold: at least 30% → at least 35%");
    assert_eq!(en[2].text, "new progress entry of 30/06/2019: 9.156/17.087");
    assert_eq!(en[3].subject, "Target 12 «Tỷ lệ văn bản điện tử»");

    assert!(matches!(
        &diff.targets[1],
        TargetDiff::Removed { position: 2, target } if *target == removed
    ));
}

fn set_goal_threshold(goal: &mut Goal, threshold: &str) {
    if let Goal::Single { condition, .. } = goal {
        condition.comparator = Comparator::AtLeast {
            threshold: dec(threshold),
        };
    }
}

#[test]
fn a_removed_target_names_the_progress_it_takes_with_it() {
    let held = plan();
    let mut incoming = held.clone();
    incoming.targets.remove(5);
    incoming.targets.remove(0);
    let diff = diff_plans(&held, &incoming);
    let lines = diff.lines(Locale::Vi);
    assert_eq!(lines.len(), 2);
    assert!(lines[0].subject.starts_with("Chỉ tiêu 1 «Ban hành"));
    assert_eq!(
        lines[0].text,
        "chỉ tiêu bị bỏ: mốc hoàn thành, chưa có hạn; cùng 1 mục tiến độ"
    );
    assert!(lines[1].subject.starts_with("Chỉ tiêu 6 «Đạt từ 30%"));
    assert_eq!(
        lines[1].text,
        "chỉ tiêu bị bỏ: tối thiểu 30%; cùng 2 mục tiến độ"
    );
    assert_eq!(
        diff.lines(Locale::En)[1].text,
        "target removed: at least 30%; with its 2 progress entries"
    );
    assert_eq!(diff.summary(Locale::En), "2 targets removed");
    assert_eq!(diff.summary(Locale::Vi), "2 chỉ tiêu bị bỏ");
}

#[test]
fn progress_entries_added_removed_and_changed() {
    let held = plan();
    let mut incoming = held.clone();
    // Level 4: the mid-year entry is removed, the year-end one corrected.
    let level4 = &mut incoming.targets[5];
    level4.entries.remove(0);
    level4.entries[0].reading = Reading::Single {
        figure: Figure::Ratio {
            numerator: Count(3_600),
            denominator: Count(4_118),
        },
    };
    // Satisfaction: the value corrected, the date moved, the comment edited.
    let satisfaction = &mut incoming.targets[9].entries[0];
    satisfaction.reading = Reading::Single {
        figure: Figure::Value { value: dec("99") },
    };
    satisfaction.date = day(2020, 1, 15);
    satisfaction.comment.push_str(" Đã kiểm tra lại.");
    // Milestone: done.
    let milestone = &mut incoming.targets[0].entries[0];
    milestone.reading = Reading::Milestone {
        done_on: Some(day(2019, 2, 18)),
        evidence: "Kế hoạch số 39/KH-UBND-NV".into(),
    };

    let diff = diff_plans(&held, &incoming);
    let lines = diff.lines(Locale::Vi);
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "mục tiến độ ngày 18/02/2019: chưa hoàn thành, «Kế hoạch số 39/KH-UBND-NV» → \
             hoàn thành 18/02/2019, «Kế hoạch số 39/KH-UBND-NV»",
            "mục tiến độ ngày 31/12/2019: 3.518/4.118 → 3.600/4.118",
            "mục tiến độ bị xoá ngày 30/06/2019: 1.536/1.987",
            "mục tiến độ ngày 31/12/2019: chuyển sang ngày 15/01/2020; 98,97% → 99%; ghi chú đã sửa",
        ]
    );
    assert_eq!(lines[2].sign, DiffSign::Removed);
    assert_eq!(
        diff.summary(Locale::Vi),
        "1 mục tiến độ bị xoá, 3 mục tiến độ được sửa"
    );
    assert_eq!(
        diff.summary(Locale::En),
        "1 progress entry removed, 3 progress entries changed"
    );
    assert_eq!(
        diff.lines(Locale::En)[3].text,
        "progress entry of 31/12/2019: moved to 15/01/2020; 98,97% → 99%; comment changed"
    );
}

#[test]
fn per_field_and_pair_readings_name_their_fields_and_units() {
    let held = plan();
    let mut incoming = held.clone();
    let on_time = &mut incoming.targets[3];
    let mut entry = on_time.entries[0].clone();
    entry.id = EntryId("e-mid".into());
    entry.date = day(2019, 6, 30);
    if let Reading::PerField { fields } = &mut entry.reading {
        fields.truncate(2);
        fields[0].figure = Figure::Ratio {
            numerator: Count(2_500),
            denominator: Count(2_600),
        };
    }
    on_time.entries.push(entry);
    incoming.targets[11].entries.push(new_entry(
        "e-pair",
        day(2019, 12, 31),
        Reading::Pair {
            first: Figure::Ratio {
                numerator: Count(4_500),
                denominator: Count(10_000),
            },
            second: Figure::Ratio {
                numerator: Count(4_000),
                denominator: Count(4_500),
            },
        },
    ));
    let diff = diff_plans(&held, &incoming);
    assert_eq!(
        texts_of(&diff),
        [
            "mục tiến độ mới ngày 30/06/2019: Hộ tịch: 2.500/2.600; Chứng thực: 12.480/12.480",
            "mục tiến độ mới ngày 31/12/2019: 4.500/10.000; 4.000/4.500",
        ]
    );
}

#[test]
fn goal_changes_are_worded_as_plans_word_them() {
    let held = plan();
    let mut incoming = held.clone();
    // Milestone → deadline.
    incoming.targets[0].goal = Goal::Milestone {
        deadline: Some(day(2019, 3, 31)),
    };
    // Free text → a ratio: the kind changes.
    incoming.targets[2].goal = incoming.targets[1].goal.clone();
    // Breakdown: one field renamed, one removed, one added.
    if let Goal::Single { breakdown, .. } = &mut incoming.targets[3].goal {
        breakdown[0].name = "Hộ tịch (gồm khai sinh)".into();
        breakdown.remove(6);
        breakdown.push(Field {
            id: FieldId("f-new".into()),
            name: "Tư pháp".into(),
        });
    }
    // Range: above the range now fails.
    set_single_comparator(
        &mut incoming,
        4,
        Comparator::Range {
            min: dec("30"),
            max: dec("40"),
            above: cchc_domain::target::AboveRange::OutOfRange,
        },
    );
    // The satisfaction becomes a count of surveys.
    if let Goal::Single { condition, .. } = &mut incoming.targets[9].goal {
        condition.measure = Measure::Value {
            unit: ValueUnit::Count {
                noun: "cuộc".into(),
            },
        };
    }
    // The second condition of the compound target.
    if let Goal::Compound { second, .. } = &mut incoming.targets[11].goal {
        second.comparator = Comparator::Above {
            threshold: dec("85"),
        };
        second.label = "Tỷ lệ hài lòng".into();
    }
    // Parent, area, wording and notes.
    incoming.targets[8].parent = None;
    incoming.targets[10].area = ReformArea::Other;
    incoming.targets[10].label = "Chỉ số PAR Index năm 2019 cao hơn năm 2018".into();
    incoming.targets[10].notes.for_superior = "Chờ Bộ Nội vụ công bố".into();

    let diff = diff_plans(&held, &incoming);
    let lines = diff.lines(Locale::Vi);
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "hạn: (trống) → 31/03/2019",
            "yêu cầu: theo dõi bằng nội dung → tối thiểu 30%",
            "tên lĩnh vực: Hộ tịch → Hộ tịch (gồm khai sinh)",
            "thêm lĩnh vực: Tư pháp",
            "bỏ lĩnh vực: Tài nguyên và Môi trường",
            "ngưỡng: từ 30% đến 40% → từ 30% đến 40% (vượt trần là không đạt)",
            "thuộc chỉ tiêu: «Có từ 50% trở lên hồ sơ đăng ký hộ kinh doanh được giải…» → (không)",
            "cách đo: phần trăm (%) → số lượng (cuộc)",
            "nội dung chỉ tiêu: Phấn đấu Chỉ số Cải cách hành chính (PAR Index) của quận… → \
             Chỉ số PAR Index năm 2019 cao hơn năm 2018",
            "lĩnh vực cải cách: Tác động của CCHC → Khác",
            "ghi chú gửi cấp trên đã sửa: «Chờ Bộ Nội vụ công bố»",
            "tên điều kiện 2: Tỷ lệ ý kiến hài lòng → Tỷ lệ hài lòng",
            "điều kiện 2, ngưỡng: tối thiểu 80% → trên 85%",
        ]
    );
    assert_eq!(lines[3].sign, DiffSign::Added);
    assert_eq!(lines[4].sign, DiffSign::Removed);
    assert_eq!(
        diff.summary(Locale::Vi),
        "8 chỉ tiêu thay đổi",
        "{texts:#?}"
    );
    let en = texts_in(&diff, Locale::En);
    assert_eq!(en[1], "goal: tracked by notes → at least 30%");
    assert_eq!(en[12], "condition 2, threshold: at least 80% → above 85%");
}

#[test]
fn differences_nobody_reads_still_count() {
    let held = plan();
    // Targets in another order.
    let mut incoming = held.clone();
    incoming.targets.swap(0, 1);
    let diff = diff_plans(&held, &incoming);
    assert!(!diff.is_empty());
    assert_eq!(diff.plan, [Change::Other]);
    assert_eq!(
        diff.lines(Locale::Vi),
        [DiffLine {
            sign: DiffSign::Changed,
            subject: "Kế hoạch".into(),
            text: "khác biệt khác (thứ tự, hoặc dữ liệu của phiên bản ứng dụng khác)".into(),
        }]
    );
    // A key from a newer app on one target.
    let mut incoming = held.clone();
    incoming.targets[4]
        .extra
        .0
        .push(("weight".into(), serde_json::json!(2)));
    let diff = diff_plans(&held, &incoming);
    assert_eq!(diff.counts().targets_changed, 1);
    assert!(texts_of(&diff)[0].starts_with("khác biệt khác"));
    // An entry's unknown key.
    let mut incoming = held.clone();
    incoming.targets[9].entries[0]
        .extra
        .0
        .push(("source".into(), serde_json::json!("x")));
    assert_eq!(
        texts_of(&diff_plans(&held, &incoming)),
        ["mục tiến độ ngày 31/12/2019: dữ liệu khác đã thay đổi"]
    );
}

#[test]
fn empty_exactly_when_equal() {
    let held = plan();
    type Mutation = fn(&mut Plan);
    let mutations: [Mutation; 14] = [
        |p| p.id.0.push('x'),
        |p| p.unit.extra.0.push(("k".into(), serde_json::json!(1))),
        |p| p.reference.extra.0.push(("k".into(), serde_json::json!(1))),
        |p| p.reference.date_note.clear(),
        |p| p.extra.0.push(("k".into(), serde_json::json!(1))),
        |p| p.targets[3].entries[0].comment.clear(),
        |p| p.targets[5].entries.swap(0, 1),
        |p| {
            if let Goal::Single { breakdown, .. } = &mut p.targets[3].goal {
                breakdown.swap(0, 1);
            }
        },
        |p| p.targets[2].notes.internal = "x".into(),
        |p| p.targets.clear(),
        |p| p.targets[6].id = TargetId("renamed".into()),
        |p| p.targets[6].entries[0].id = EntryId("renamed".into()),
        |p| {
            let t = p.targets[1].clone();
            p.targets.push(t);
        },
        |p| p.year += 1,
    ];
    for (i, mutate) in mutations.iter().enumerate() {
        let mut incoming = held.clone();
        mutate(&mut incoming);
        assert_ne!(held, incoming, "mutation {i}");
        for (a, b) in [(&held, &incoming), (&incoming, &held)] {
            let diff = diff_plans(a, b);
            assert!(!diff.is_empty(), "mutation {i}");
            assert!(!diff.lines(Locale::Vi).is_empty(), "mutation {i}");
            assert_ne!(
                diff.summary(Locale::Vi),
                "Không có khác biệt",
                "mutation {i}"
            );
        }
    }
}

#[test]
fn a_repeated_target_id_shows_as_added() {
    let held = plan();
    let mut incoming = held.clone();
    let copy = incoming.targets[1].clone();
    incoming.targets.push(copy);
    let diff = diff_plans(&held, &incoming);
    assert_eq!(diff.counts().targets_added, 1);
    assert_eq!(diff.lines(Locale::Vi).len(), 1);
}

#[test]
fn excerpts_are_one_short_line() {
    assert_eq!(excerpt("  a\n\n b\tc ", 10), "a b c");
    assert_eq!(excerpt("abcdef", 6), "abcdef");
    assert_eq!(excerpt("abc defgh", 6), "abc…");
    assert_eq!(excerpt("abcdefgh", 6), "abcde…");
    assert_eq!(excerpt("ab cdefg", 4), "ab…");
    assert_eq!(excerpt("ữữữữữữữữ", 4), "ữữữ…");
    assert_eq!(excerpt("", 4), "");
}

#[test]
fn tasks_and_shortened_procedures_are_counted() {
    use cchc_domain::task::{Task, TaskId, TaskStatus};
    use cchc_domain::working_time::{ProcedureId, ShortenedProcedure};
    let held = plan();
    let mut incoming = held.clone();
    let task = |id: &str, status| Task {
        title: format!("Nhiệm vụ {id}"),
        status,
        ..Task::new(TaskId(id.into()))
    };
    incoming.tasks = vec![
        task("a", TaskStatus::InProgress),
        task(
            "b",
            TaskStatus::Done {
                on: day(2019, 6, 1),
            },
        ),
    ];
    incoming.shortened_procedures = vec![ShortenedProcedure {
        id: ProcedureId("p".into()),
        name: "Đăng ký khai sinh".into(),
        standard_days: dec("3"),
        new_days: dec("1.5"),
        extra: Default::default(),
    }];
    let diff = diff_plans(&held, &incoming);
    assert_eq!(
        texts_of(&diff),
        [
            "nhiệm vụ: 0 (0 hoàn thành) → 2 (1 hoàn thành)",
            "thủ tục rút ngắn thời gian: 0 (0 ngày) → 1 (1,5 ngày)",
        ]
    );
    assert_eq!(
        texts_in(&diff, Locale::En),
        [
            "tasks: 0 (0 done) → 2 (1 done)",
            "shortened procedures: 0 (0 days) → 1 (1,5 days)",
        ]
    );
    assert_eq!(
        diff.summary(Locale::Vi),
        "Thông tin chung của kế hoạch thay đổi"
    );
    // A task edited without changing the counts still shows.
    let mut edited = incoming.clone();
    edited.tasks[0].department = "Phòng Kinh tế".into();
    assert!(matches!(
        diff_plans(&incoming, &edited).plan[..],
        [Change::Tasks { .. }]
    ));
    assert!(diff_plans(&incoming, &incoming.clone()).is_empty());
}

#[test]
fn cutoffs_snapshots_and_tracking_are_shown() {
    use cchc_domain::index_standing::IndexStanding;
    use cchc_domain::pacing::PaceKind;
    use cchc_domain::reporting_period::{Cutoffs, DayOfYear, ReportingPeriod};
    use cchc_domain::snapshot::{take_snapshot, SnapshotId};
    use cchc_domain::target_history::YearValue;
    let held = plan();
    let mut incoming = held.clone();
    incoming.reporting.cutoffs =
        Cutoffs::default().with(ReportingPeriod::SixMonths, DayOfYear::new(20, 6).unwrap());
    let cutoffs = incoming.reporting.cutoffs;
    let s = take_snapshot(
        &incoming,
        &cutoffs,
        ReportingPeriod::SixMonths,
        day(2019, 6, 20),
        SnapshotId("s1".into()),
    );
    incoming.reporting.snapshots.push(s);
    let t = &mut incoming.targets[5].tracking;
    t.pace = Some(PaceKind::Cumulative);
    t.period_targets
        .set(ReportingPeriod::SixMonths, Some(dec("100")));
    t.history = vec![
        YearValue {
            year: 2016,
            value: dec("4.28"),
        },
        YearValue {
            year: 2017,
            value: dec("27.34"),
        },
    ];
    incoming.targets[10].tracking.standing = Some(IndexStanding {
        position: 12,
        of: 63,
        previous_position: Some(13),
    });
    let diff = diff_plans(&held, &incoming);
    assert_eq!(
        texts_of(&diff),
        [
            "ngày chốt số liệu: 14/03, 14/06, 14/09, 14/12 → 14/03, 20/06, 14/09, 14/12",
            "số lần chốt số liệu: 0 → 1",
            "cách tính tiến độ: tự động → cộng dồn",
            "chỉ tiêu theo kỳ báo cáo: (không có) → 6 tháng 100",
            "số liệu các năm trước: (không có) → 2016 4,28 · 2017 27,34",
            "xếp hạng: (không có) → 12/63",
        ]
    );
    assert_eq!(
        texts_in(&diff, Locale::En)[..2],
        [
            "report cut-off days: 14/03, 14/06, 14/09, 14/12 → 14/03, 20/06, 14/09, 14/12",
            "frozen reviews: 0 → 1",
        ]
    );
    // Targets whose only change is their tracking count as changed, and the diff is empty
    // exactly when the plans are equal.
    assert_eq!(diff.counts().targets_changed, 2);
    assert!(diff_plans(&incoming, &incoming.clone()).is_empty());
}
