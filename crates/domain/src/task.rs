//! The plan's tasks (*nhiệm vụ*), as the appendix of a CCHC plan lists them: what is to be
//! done, the department in charge (*cơ quan, bộ phận chủ trì*), the deadline (*thời gian hoàn
//! thành*), the expected output (*sản phẩm*), where the task stands, and the targets it
//! serves. This module owns the task, its state on a given day (overdue is derived, never
//! stored), the task list's order and its filter by department, and the form's text → task.

use chrono::NaiveDate;

use crate::date::{parse_vi_date, DateError};
use crate::deadline::{deadline_state, DeadlineState};
use crate::extra::Extra;
use crate::letters::lowercase;
use crate::target::TargetId;

/// Stable identifier of a task inside a plan.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskId(pub String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    pub id: TaskId,
    /// What is to be done (*nội dung nhiệm vụ*).
    pub title: String,
    /// The department in charge, as free text (*Văn phòng HĐND và UBND*, …).
    pub department: String,
    /// *Thời gian hoàn thành*; none for a standing task (*thường xuyên*).
    pub deadline: Option<NaiveDate>,
    /// The expected output (*sản phẩm*): a report, a decision, a plan.
    pub output: String,
    pub status: TaskStatus,
    /// The plan's targets the task serves, by id.
    pub targets: Vec<TargetId>,
    /// Keys of the file's task object that this app does not know.
    pub extra: Extra,
}

/// Where a task stands, as the officer records it. Being overdue is not a status: it is
/// derived against today ([`Task::state`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TaskStatus {
    /// *Chưa bắt đầu*.
    NotStarted,
    /// *Đang thực hiện*.
    InProgress,
    /// *Hoàn thành*, on the given day.
    Done { on: NaiveDate },
}

/// The status without its completion date: what the officer chooses in the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TaskStage {
    NotStarted,
    InProgress,
    Done,
}

impl TaskStage {
    pub const ALL: [TaskStage; 3] = [
        TaskStage::NotStarted,
        TaskStage::InProgress,
        TaskStage::Done,
    ];

    /// The name in files: `not_started`, `in_progress`, `done`.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStage::NotStarted => "not_started",
            TaskStage::InProgress => "in_progress",
            TaskStage::Done => "done",
        }
    }

    pub fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

impl TaskStatus {
    pub fn stage(self) -> TaskStage {
        match self {
            TaskStatus::NotStarted => TaskStage::NotStarted,
            TaskStatus::InProgress => TaskStage::InProgress,
            TaskStatus::Done { .. } => TaskStage::Done,
        }
    }

    pub fn done_on(self) -> Option<NaiveDate> {
        match self {
            TaskStatus::Done { on } => Some(on),
            _ => None,
        }
    }
}

/// A task's state on a given day: its status, with overdue and lateness derived from the
/// deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TaskState {
    NotStarted,
    InProgress,
    /// Not done and the deadline has passed (*quá hạn*) `days` days ago; `started` when it is
    /// in progress.
    Overdue {
        days: i64,
        started: bool,
    },
    /// Done, and no deadline was set.
    Done,
    /// *Hoàn thành đúng hạn*.
    DoneOnTime,
    /// *Hoàn thành trễ hạn*, `days` days after the deadline.
    DoneLate {
        days: i64,
    },
}

impl TaskState {
    /// Stable machine name, for tests and styling: `not-started`, `in-progress`, `overdue`,
    /// `done`, `done-on-time`, `done-late`.
    pub fn key(self) -> &'static str {
        match self {
            TaskState::NotStarted => "not-started",
            TaskState::InProgress => "in-progress",
            TaskState::Overdue { .. } => "overdue",
            TaskState::Done => "done",
            TaskState::DoneOnTime => "done-on-time",
            TaskState::DoneLate { .. } => "done-late",
        }
    }

    /// Overdue now, or done after the deadline.
    pub fn missed(self) -> bool {
        matches!(self, TaskState::Overdue { .. } | TaskState::DoneLate { .. })
    }
}

impl Task {
    /// A task not started yet, with nothing but its id.
    pub fn new(id: TaskId) -> Self {
        Task {
            id,
            title: String::new(),
            department: String::new(),
            deadline: None,
            output: String::new(),
            status: TaskStatus::NotStarted,
            targets: Vec::new(),
            extra: Extra::default(),
        }
    }

    /// Where the task stands against its deadline on `today`.
    pub fn deadline_state(&self, today: NaiveDate) -> DeadlineState {
        deadline_state(self.deadline, self.status.done_on(), today)
    }

    /// The task's state on `today`.
    pub fn state(&self, today: NaiveDate) -> TaskState {
        match (self.deadline_state(today), self.status) {
            (DeadlineState::Overdue { days }, status) => TaskState::Overdue {
                days,
                started: status == TaskStatus::InProgress,
            },
            (DeadlineState::DoneLate { days }, _) => TaskState::DoneLate { days },
            (DeadlineState::DoneOnTime, _) => TaskState::DoneOnTime,
            (DeadlineState::Done, _) => TaskState::Done,
            (_, TaskStatus::InProgress) => TaskState::InProgress,
            _ => TaskState::NotStarted,
        }
    }
}

// ------------------------------------------------------------------------------------------
// Departments
// ------------------------------------------------------------------------------------------

/// The departments a commune or ward usually puts in charge since the two-tier reform of
/// 1 July 2025 (Decree 150/2025), offered as suggestions; any other name may be typed.
pub const DEPARTMENT_SUGGESTIONS: [&str; 5] = [
    "Văn phòng HĐND và UBND",
    "Phòng Kinh tế",
    "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Phòng Văn hóa – Xã hội",
    "Trung tâm Phục vụ hành chính công",
];

/// The form of a department's name that tells departments apart: lower case, spaces around
/// it dropped and runs of spaces made one, so `Phòng Kinh tế` and ` phòng  kinh tế` are one
/// department. A task with no department has the key `""`.
pub fn department_key(name: &str) -> String {
    lowercase(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The departments of the tasks, each once (as first written, trimmed), in the order of
/// their keys; a task without a department adds `""`.
pub fn departments(tasks: &[Task]) -> Vec<String> {
    // Few departments: an insertion by key keeps the bundle free of a sort.
    let mut out: Vec<(String, String)> = Vec::new();
    for t in tasks {
        let key = department_key(&t.department);
        if let Err(at) = out.binary_search_by(|(k, _)| k.as_str().cmp(key.as_str())) {
            out.insert(at, (key, t.department.trim().to_string()));
        }
    }
    out.into_iter().map(|(_, name)| name).collect()
}

/// The suggestions for the department input: the departments already used in the plan,
/// then the usual ones not used yet.
pub fn department_suggestions(tasks: &[Task]) -> Vec<String> {
    let mut out: Vec<String> = departments(tasks)
        .into_iter()
        .filter(|d| !d.is_empty())
        .collect();
    for s in DEPARTMENT_SUGGESTIONS {
        if !out.iter().any(|d| department_key(d) == department_key(s)) {
            out.push(s.to_string());
        }
    }
    out
}

// ------------------------------------------------------------------------------------------
// The list: order and filter
// ------------------------------------------------------------------------------------------

/// How the task list is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum TaskOrder {
    /// As the tasks were entered (the plan's order).
    #[default]
    Entered,
    /// Earliest deadline first; tasks without a deadline last; ties in the plan's order.
    Deadline,
}

impl TaskOrder {
    pub const ALL: [TaskOrder; 2] = [TaskOrder::Entered, TaskOrder::Deadline];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskOrder::Entered => "entered",
            TaskOrder::Deadline => "deadline",
        }
    }

    pub fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// The positions of the tasks to show, in the order to show them: those of the department
/// whose [`department_key`] is `department` (all when `None`), ordered by `order`.
pub fn task_list(tasks: &[Task], order: TaskOrder, department: Option<&str>) -> Vec<usize> {
    let mut shown: Vec<usize> = (0..tasks.len())
        .filter(|&i| department.is_none_or(|key| department_key(&tasks[i].department) == key))
        .collect();
    if order == TaskOrder::Deadline {
        // An insertion sort (a task list is short): stable, so equal deadlines keep the
        // plan's order; `None` sorts after every date.
        let key = |i: usize| tasks.get(i).map(|t| (t.deadline.is_none(), t.deadline));
        for k in 1..shown.len() {
            let mut j = k;
            while j > 0 && key(shown[j - 1]) > key(shown[j]) {
                shown.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    shown
}

/// How many tasks there are, done, overdue now, and done late.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TaskTally {
    pub total: usize,
    pub done: usize,
    pub overdue: usize,
    pub done_late: usize,
}

pub fn tally(tasks: &[Task], today: NaiveDate) -> TaskTally {
    let mut t = TaskTally {
        total: tasks.len(),
        ..TaskTally::default()
    };
    for task in tasks {
        match task.state(today) {
            TaskState::Overdue { .. } => t.overdue += 1,
            TaskState::DoneLate { .. } => {
                t.done += 1;
                t.done_late += 1;
            }
            TaskState::Done | TaskState::DoneOnTime => t.done += 1,
            TaskState::NotStarted | TaskState::InProgress => {}
        }
    }
    t
}

// ------------------------------------------------------------------------------------------
// The form
// ------------------------------------------------------------------------------------------

/// The task form's text as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskDraft {
    pub title: String,
    pub department: String,
    /// `dd/mm/yyyy`, or empty for no deadline.
    pub deadline: String,
    pub output: String,
    pub stage: Option<TaskStage>,
    /// `dd/mm/yyyy`; needed when the stage is done.
    pub done_on: String,
    pub targets: Vec<TargetId>,
}

/// What keeps a draft from becoming a task, input by input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskDraftErrors {
    pub title_missing: bool,
    pub deadline: Option<DateError>,
    pub done_on: Option<DateError>,
}

impl TaskDraftErrors {
    pub fn is_empty(&self) -> bool {
        !self.title_missing && self.deadline.is_none() && self.done_on.is_none()
    }
}

impl TaskDraft {
    /// The form filled with a task, to edit it.
    pub fn of(task: &Task) -> Self {
        TaskDraft {
            title: task.title.clone(),
            department: task.department.clone(),
            deadline: task
                .deadline
                .map(crate::date::format_vi_date)
                .unwrap_or_default(),
            output: task.output.clone(),
            stage: Some(task.status.stage()),
            done_on: task
                .status
                .done_on()
                .map(crate::date::format_vi_date)
                .unwrap_or_default(),
            targets: task.targets.clone(),
        }
    }

    /// Writes the draft into `task` (keeping its id and unknown keys), or says what is
    /// wrong and changes nothing. Texts are trimmed; an impossible date is refused.
    pub fn apply(&self, task: &mut Task) -> Result<(), TaskDraftErrors> {
        let mut errors = TaskDraftErrors {
            title_missing: self.title.trim().is_empty(),
            ..TaskDraftErrors::default()
        };
        let deadline = match self.deadline.trim() {
            "" => None,
            text => match parse_vi_date(text) {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.deadline = Some(e);
                    None
                }
            },
        };
        let status = match self.stage.unwrap_or(TaskStage::NotStarted) {
            TaskStage::NotStarted => TaskStatus::NotStarted,
            TaskStage::InProgress => TaskStatus::InProgress,
            TaskStage::Done => match parse_vi_date(&self.done_on) {
                Ok(on) => TaskStatus::Done { on },
                Err(e) => {
                    errors.done_on = Some(e);
                    TaskStatus::NotStarted
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        task.title = self.title.trim().to_string();
        task.department = self.department.trim().to_string();
        task.deadline = deadline;
        task.output = self.output.trim().to_string();
        task.status = status;
        task.targets.clone_from(&self.targets);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32, m: u32, y: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn task(id: &str, department: &str, deadline: Option<NaiveDate>, status: TaskStatus) -> Task {
        Task {
            title: format!("Nhiệm vụ {id}"),
            department: department.into(),
            deadline,
            status,
            ..Task::new(TaskId(id.into()))
        }
    }

    const TODAY: (u32, u32, i32) = (23, 11, 2026);

    fn today() -> NaiveDate {
        day(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn overdue_is_derived_from_the_deadline_and_today() {
        let late = task("a", "", Some(day(30, 9, 2026)), TaskStatus::InProgress);
        assert_eq!(
            late.state(today()),
            TaskState::Overdue {
                days: 54,
                started: true
            }
        );
        let not_started = task("b", "", Some(day(22, 11, 2026)), TaskStatus::NotStarted);
        assert_eq!(
            not_started.state(today()),
            TaskState::Overdue {
                days: 1,
                started: false
            }
        );
        // The deadline day itself is not overdue yet.
        let due_today = task("c", "", Some(today()), TaskStatus::InProgress);
        assert_eq!(due_today.state(today()), TaskState::InProgress);
        let later = task("d", "", Some(day(31, 12, 2026)), TaskStatus::NotStarted);
        assert_eq!(later.state(today()), TaskState::NotStarted);
        let standing = task("e", "", None, TaskStatus::InProgress);
        assert_eq!(standing.state(day(1, 1, 2100)), TaskState::InProgress);
        // The same task, seen before its deadline, is not overdue.
        assert_eq!(late.state(day(30, 9, 2026)), TaskState::InProgress);
    }

    #[test]
    fn done_tasks_are_on_time_or_late_by_their_completion_date() {
        let deadline = Some(day(31, 3, 2026));
        let on_time = task(
            "a",
            "",
            deadline,
            TaskStatus::Done {
                on: day(31, 3, 2026),
            },
        );
        assert_eq!(on_time.state(today()), TaskState::DoneOnTime);
        let late = task(
            "b",
            "",
            deadline,
            TaskStatus::Done {
                on: day(10, 4, 2026),
            },
        );
        assert_eq!(late.state(today()), TaskState::DoneLate { days: 10 });
        assert!(late.state(today()).missed());
        let no_deadline = task(
            "c",
            "",
            None,
            TaskStatus::Done {
                on: day(10, 4, 2026),
            },
        );
        assert_eq!(no_deadline.state(today()), TaskState::Done);
        assert!(!no_deadline.state(today()).missed());
    }

    #[test]
    fn tally_counts_done_overdue_and_late() {
        let tasks = vec![
            task("a", "", Some(day(1, 1, 2026)), TaskStatus::NotStarted),
            task(
                "b",
                "",
                Some(day(1, 1, 2026)),
                TaskStatus::Done {
                    on: day(2, 1, 2026),
                },
            ),
            task(
                "c",
                "",
                Some(day(1, 1, 2027)),
                TaskStatus::Done {
                    on: day(2, 1, 2026),
                },
            ),
            task("d", "", None, TaskStatus::InProgress),
        ];
        assert_eq!(
            tally(&tasks, today()),
            TaskTally {
                total: 4,
                done: 2,
                overdue: 1,
                done_late: 1
            }
        );
    }

    #[test]
    fn sorted_by_deadline_with_undated_tasks_last_and_ties_in_plan_order() {
        let tasks = vec![
            task("a", "", None, TaskStatus::NotStarted),
            task("b", "", Some(day(31, 12, 2026)), TaskStatus::NotStarted),
            task("c", "", Some(day(31, 3, 2026)), TaskStatus::NotStarted),
            task("d", "", Some(day(31, 12, 2026)), TaskStatus::NotStarted),
            task("e", "", None, TaskStatus::NotStarted),
        ];
        assert_eq!(
            task_list(&tasks, TaskOrder::Entered, None),
            vec![0, 1, 2, 3, 4]
        );
        assert_eq!(
            task_list(&tasks, TaskOrder::Deadline, None),
            vec![2, 1, 3, 0, 4]
        );
    }

    #[test]
    fn filtered_by_department_whatever_the_spelling() {
        let tasks = vec![
            task("a", "Phòng Kinh tế", None, TaskStatus::NotStarted),
            task(
                "b",
                "Văn phòng HĐND và UBND",
                Some(day(1, 2, 2026)),
                TaskStatus::NotStarted,
            ),
            task(
                "c",
                "  phòng  KINH tế ",
                Some(day(1, 1, 2026)),
                TaskStatus::NotStarted,
            ),
            task("d", "", None, TaskStatus::NotStarted),
        ];
        assert_eq!(department_key("  Phòng  KINH Tế "), "phòng kinh tế");
        assert_eq!(department_key("VĂN PHÒNG HĐND"), "văn phòng hđnd");
        assert_eq!(
            departments(&tasks),
            vec!["", "Phòng Kinh tế", "Văn phòng HĐND và UBND"]
        );
        let key = department_key("Phòng Kinh tế");
        assert_eq!(
            task_list(&tasks, TaskOrder::Entered, Some(&key)),
            vec![0, 2]
        );
        assert_eq!(
            task_list(&tasks, TaskOrder::Deadline, Some(&key)),
            vec![2, 0]
        );
        assert_eq!(task_list(&tasks, TaskOrder::Entered, Some("")), vec![3]);
        assert!(task_list(&tasks, TaskOrder::Entered, Some("phòng tư pháp")).is_empty());
    }

    #[test]
    fn suggestions_put_the_plan_s_departments_first() {
        let tasks = vec![
            task("a", "Phòng kinh tế", None, TaskStatus::NotStarted),
            task("b", "Công an xã", None, TaskStatus::NotStarted),
        ];
        let s = department_suggestions(&tasks);
        assert_eq!(s[0], "Công an xã");
        assert_eq!(s[1], "Phòng kinh tế");
        // The usual spelling of a department already used is not offered twice.
        assert!(!s.iter().any(|d| d == "Phòng Kinh tế"));
        assert!(s.iter().any(|d| d == "Trung tâm Phục vụ hành chính công"));
        assert_eq!(s.len(), 6);
    }

    #[test]
    fn the_form_refuses_impossible_dates_and_a_missing_title() {
        let mut t = Task::new(TaskId("t".into()));
        let draft = TaskDraft {
            title: "  ".into(),
            deadline: "30/02/2026".into(),
            stage: Some(TaskStage::Done),
            done_on: String::new(),
            ..TaskDraft::default()
        };
        let errors = draft.apply(&mut t).unwrap_err();
        assert!(errors.title_missing);
        assert_eq!(
            errors.deadline,
            Some(DateError::NotACalendarDate {
                days_in_month: Some(28)
            })
        );
        assert_eq!(errors.done_on, Some(DateError::Empty));
        assert_eq!(t, Task::new(TaskId("t".into())), "nothing written");

        let draft = TaskDraft {
            title: " Rà soát quy chế làm việc ".into(),
            department: " Văn phòng HĐND và UBND ".into(),
            deadline: "31/03/2026".into(),
            output: "Quyết định ban hành quy chế".into(),
            stage: Some(TaskStage::Done),
            done_on: "02/04/2026".into(),
            targets: vec![TargetId("tpl-23".into())],
        };
        draft.apply(&mut t).unwrap();
        assert_eq!(t.title, "Rà soát quy chế làm việc");
        assert_eq!(t.department, "Văn phòng HĐND và UBND");
        assert_eq!(t.deadline, Some(day(31, 3, 2026)));
        assert_eq!(
            t.status,
            TaskStatus::Done {
                on: day(2, 4, 2026)
            }
        );
        assert_eq!(t.state(today()), TaskState::DoneLate { days: 2 });
        assert_eq!(
            TaskDraft::of(&t),
            TaskDraft {
                title: t.title.clone(),
                department: t.department.clone(),
                ..draft
            }
        );
    }

    #[test]
    fn an_empty_deadline_is_a_standing_task() {
        let mut t = Task::new(TaskId("t".into()));
        let draft = TaskDraft {
            title: "Tuyên truyền CCHC".into(),
            stage: Some(TaskStage::InProgress),
            done_on: "99/99/9999".into(),
            ..TaskDraft::default()
        };
        draft.apply(&mut t).unwrap();
        assert_eq!(t.deadline, None);
        assert_eq!(
            t.status,
            TaskStatus::InProgress,
            "the done date is only read when done"
        );
    }

    #[test]
    fn states_in_words_in_both_languages() {
        use crate::i18n::{deadline_words, task_state_icon, task_state_words, task_tally_words};
        use crate::locale::Locale::{En, Vi};
        let overdue = TaskState::Overdue {
            days: 54,
            started: true,
        };
        assert_eq!(task_state_words(overdue, Vi), "Quá hạn 54 ngày");
        assert_eq!(task_state_words(overdue, En), "Overdue by 54 days");
        assert_eq!(task_state_icon(overdue), "⚠");
        assert_eq!(
            task_state_words(TaskState::DoneLate { days: 2 }, Vi),
            "Hoàn thành trễ hạn 2 ngày"
        );
        assert_eq!(
            task_state_words(TaskState::DoneOnTime, Vi),
            "Hoàn thành đúng hạn"
        );
        assert_eq!(task_state_words(TaskState::InProgress, En), "In progress");
        assert_eq!(
            deadline_words(DeadlineState::Due { days_left: 0 }, Vi),
            "đến hạn hôm nay"
        );
        assert_eq!(
            deadline_words(DeadlineState::Due { days_left: 10 }, Vi),
            "còn 10 ngày đến hạn"
        );
        assert_eq!(
            deadline_words(DeadlineState::Overdue { days: 3 }, En),
            "overdue by 3 days"
        );
        let t = TaskTally {
            total: 4,
            done: 2,
            overdue: 1,
            done_late: 1,
        };
        assert_eq!(
            task_tally_words(&t, Vi),
            "4 nhiệm vụ · 2 hoàn thành (1 trễ hạn) · 1 quá hạn"
        );
        assert_eq!(
            task_tally_words(&TaskTally::default(), En),
            "0 tasks · 0 done"
        );
    }

    #[test]
    fn stage_names() {
        for s in TaskStage::ALL {
            assert_eq!(TaskStage::from_str_opt(s.as_str()), Some(s));
        }
        for o in TaskOrder::ALL {
            assert_eq!(TaskOrder::from_str_opt(o.as_str()), Some(o));
        }
        assert_eq!(TaskStage::from_str_opt("overdue"), None);
    }
}
