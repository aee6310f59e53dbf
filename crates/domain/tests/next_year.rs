//! Copying a plan to the next year (`cchc_domain::next_year`).

use cchc_domain::example::example_plan_with_counter;
use cchc_domain::next_year::copy_to_next_year;
use cchc_domain::number::Decimal;
use cchc_domain::plan::{PlanId, PlanStatus};
use cchc_domain::progress::{EntryId, Figure, ProgressEntry, Reading};
use cchc_domain::target::{Comparator, Goal};
use cchc_domain::template::shift_years;
use cchc_domain::validate::validate_plan;
use chrono::NaiveDate;

fn date(d: u32, m: u32, y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn higher_than_previous(goal: &Goal) -> Option<Option<Decimal>> {
    match goal {
        Goal::Single { condition, .. } => match condition.comparator {
            Comparator::HigherThanPrevious { previous } => Some(previous),
            _ => None,
        },
        _ => None,
    }
}

#[test]
fn the_same_targets_with_the_same_ids_and_no_progress() {
    let plan = example_plan_with_counter();
    let next = copy_to_next_year(&plan, PlanId("next".into()), date(31, 12, 2019));
    assert_eq!(next.year, plan.year + 1);
    assert_eq!(next.revision, 1);
    assert_eq!(next.status, PlanStatus::Draft);
    assert_eq!(next.reference.number, "");
    assert!(next.sources.is_empty());
    let ids =
        |p: &cchc_domain::plan::Plan| p.targets.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&next), ids(&plan));
    assert!(next.targets.iter().all(|t| t.entries.is_empty()));
    assert!(
        plan.targets.iter().any(|t| !t.entries.is_empty()),
        "the example has progress"
    );
    assert!(
        validate_plan(&next).is_empty(),
        "{:?}",
        validate_plan(&next)
    );
}

#[test]
fn the_year_moves_on_in_wordings() {
    let plan = example_plan_with_counter();
    let next = copy_to_next_year(&plan, PlanId("next".into()), date(31, 12, 2019));
    let par = next
        .targets
        .iter()
        .find(|t| t.label.contains("PAR Index"))
        .expect("the PAR Index target");
    assert_eq!(
        par.label,
        "Phấn đấu Chỉ số Cải cách hành chính (PAR Index) của quận năm 2020 cao hơn năm 2019"
    );
    assert_eq!(
        shift_years("năm 2026, cao hơn năm 2025; 30/2020/NĐ-CP", 2026, 2027),
        "năm 2027, cao hơn năm 2026; 30/2020/NĐ-CP"
    );
}

#[test]
fn this_years_final_value_becomes_next_years_baseline() {
    let mut plan = example_plan_with_counter();
    // Without a value this year, next year's target waits for one.
    let waiting = copy_to_next_year(&plan, PlanId("n".into()), date(31, 12, 2019));
    let waiting_par = waiting
        .targets
        .iter()
        .find(|t| t.label.contains("PAR Index"));
    assert_eq!(
        waiting_par.and_then(|t| higher_than_previous(&t.goal)),
        Some(None)
    );

    let value = Decimal::parse_plain("83.71").expect("decimal");
    let par = plan
        .targets
        .iter_mut()
        .find(|t| t.label.contains("PAR Index"))
        .expect("the PAR Index target");
    par.entries.push(ProgressEntry {
        id: EntryId("e-par".into()),
        date: date(28, 3, 2020),
        reading: Reading::Single {
            figure: Figure::Value { value },
        },
        comment: String::new(),
        extra: Default::default(),
    });
    let next = copy_to_next_year(&plan, PlanId("n".into()), date(30, 4, 2020));
    let next_par = next.targets.iter().find(|t| t.label.contains("PAR Index"));
    assert_eq!(
        next_par.and_then(|t| higher_than_previous(&t.goal)),
        Some(Some(value))
    );
}

#[test]
fn milestone_deadlines_move_one_year_on() {
    let mut plan = example_plan_with_counter();
    plan.targets[0].goal = Goal::Milestone {
        deadline: Some(date(29, 2, 2020)),
    };
    plan.targets[1].goal = Goal::Milestone {
        deadline: Some(date(31, 1, 2019)),
    };
    let next = copy_to_next_year(&plan, PlanId("n".into()), date(31, 12, 2019));
    assert_eq!(
        next.targets[0].goal,
        Goal::Milestone {
            deadline: Some(date(28, 2, 2021))
        }
    );
    assert_eq!(
        next.targets[1].goal,
        Goal::Milestone {
            deadline: Some(date(31, 1, 2020))
        }
    );
}

#[test]
fn tasks_not_done_carry_over_and_done_ones_do_not() {
    use cchc_domain::task::{Task, TaskId, TaskStatus};
    let mut plan = example_plan_with_counter();
    let task = |id: &str, status: TaskStatus| Task {
        id: TaskId(id.into()),
        title: format!("Nhiệm vụ {id}"),
        department: "Văn phòng HĐND và UBND".into(),
        deadline: Some(date(30, 6, 2019)),
        output: String::new(),
        status,
        targets: Vec::new(),
        extra: Default::default(),
    };
    plan.tasks = vec![
        task("a", TaskStatus::NotStarted),
        task("b", TaskStatus::InProgress),
        task(
            "c",
            TaskStatus::Done {
                on: date(1, 6, 2019),
            },
        ),
    ];
    let next = copy_to_next_year(&plan, PlanId("n".into()), date(31, 12, 2019));
    let ids: Vec<&str> = next.tasks.iter().map(|t| t.id.0.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert!(next.shortened_procedures.is_empty());
}
