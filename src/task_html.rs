//! A plan's tasks and shortened procedures as HTML text (see [`crate::html`]): the task
//! section (tally, order and department choices, the table with each task's state against
//! today, in icon and words, never colour alone; the department suggestions), the task form,
//! and the section of shortened procedures with its totals, and its form. Plain functions of
//! the plan and the language, tested natively. One string per section, instead of a reactive
//! view per element, keeps the WebAssembly small; for the same reason the markup is written
//! from templates ([`fill`]) rather than element by element.
//!
//! A button says what a click does with data attributes, read by the component's one
//! listener: `data-action` (`complete`, `edit`, `delete`, `cancel`, `delete-procedure`) and
//! `data-id` (the task's or the procedure's id).

use chrono::NaiveDate;

use cchc_domain::date::format_vi_date;
use cchc_domain::deadline::DeadlineState;
use cchc_domain::i18n::{
    deadline_words, procedures_total_label, task_stage_name, task_state_icon, task_state_words,
    task_tally_words, Text,
};
use cchc_domain::letters::lowercase;
use cchc_domain::locale::Locale;
use cchc_domain::target::Target;
use cchc_domain::task::{
    department_key, department_suggestions, departments, tally, task_list, Task, TaskDraft,
    TaskOrder, TaskStage, TaskState, TaskStatus,
};
use cchc_domain::working_time::{days_and_hours, days_words, totals, ShortenedProcedure};

use crate::html::escape;

/// The id of the page's list of department suggestions (the task list's `<datalist>`).
pub const DEPARTMENT_OPTIONS: &str = "task-department-options";

/// Appends `template` to `out`, each `\x01` replaced by the next of `values` escaped, each
/// `\x02` by the next of `values` as it is: markup of this crate only (a fixed name, or text
/// [`fill`] already escaped).
fn fill(out: &mut String, template: &str, values: &[&str]) {
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find(['\x01', '\x02']) {
        out.push_str(&rest[..at]);
        let value = values.next().copied().unwrap_or_default();
        let (marker, after) = rest[at..].split_at(1);
        if marker == "\x01" {
            out.push_str(&escape(value));
        } else {
            out.push_str(value);
        }
        rest = after;
    }
    out.push_str(rest);
}

/// ` selected` / ` checked` when `on`.
fn flag(on: bool, name: &'static str) -> &'static str {
    if on {
        name
    } else {
        ""
    }
}

const EMPTY: &str = "<p class=\"empty\" data-testid=\"\x02\">\x01</p>";
const OPTION: &str = "<option value=\"\x01\"\x02>\x01</option>";
const BUTTON: &str = "<button type=\"button\" class=\"btn btn-small \x02\" data-testid=\"\x02\" \
     data-action=\"\x02\" data-id=\"\x01\" title=\"\x01\">\x01</button>";

/// The small line under a task's state: in progress though overdue, when it was done, or
/// how many days are left.
fn state_detail(task: &Task, state: TaskState, today: NaiveDate, l: Locale) -> Option<String> {
    match (state, task.status, task.deadline_state(today)) {
        (TaskState::Overdue { started: true, .. }, ..) => Some(format!(
            "({})",
            lowercase(task_stage_name(TaskStage::InProgress, l))
        )),
        (_, TaskStatus::Done { on }, _) => {
            Some(format!("{} {}", Text::DoneOnDay.get(l), format_vi_date(on)))
        }
        (_, _, s @ DeadlineState::Due { .. }) => Some(deadline_words(s, l)),
        _ => None,
    }
}

/// A `<select>` with its label: `choices` are (value, text), the one whose value is
/// `current` selected.
fn select(
    out: &mut String,
    label: &str,
    name: &str,
    testid: &str,
    choices: &[(&str, &str)],
    current: &str,
) {
    fill(
        out,
        "<label class=\"field field-inline\"><span class=\"field-label\">\x01</span>\
         <select name=\"\x02\" data-testid=\"\x02\">",
        &[label, name, testid],
    );
    for (value, text) in choices {
        fill(
            out,
            OPTION,
            &[value, flag(*value == current, " selected"), text],
        );
    }
    out.push_str("</select></label>");
}

/// The «Nhiệm vụ» section but its form: the heading with the tally, the hint, the
/// department suggestions, the order and department choices (`name="task-order"` with the
/// values `entered` and `deadline`; `name="task-department"` with `*` for all, or `=` and a
/// department's key), and the table of the tasks shown (those of the department whose key is
/// `department`, all when `None`) in `order`, each judged against `today`.
pub fn task_section(
    tasks: &[Task],
    targets: &[Target],
    order: TaskOrder,
    department: Option<&str>,
    today: NaiveDate,
    l: Locale,
) -> String {
    let t = |text: Text| text.get(l);
    let mut out = String::new();
    fill(
        &mut out,
        "<h2 class=\"card-title\">\x01<span class=\"card-title-aside\" data-testid=\"task-tally\">\
         \x01</span></h2><p class=\"muted small\">\x01</p><datalist id=\"\x02\">",
        &[
            t(Text::TasksTitle),
            &task_tally_words(&tally(tasks, today), l),
            t(Text::TasksHint),
            DEPARTMENT_OPTIONS,
        ],
    );
    for name in department_suggestions(tasks) {
        fill(&mut out, "<option value=\"\x01\"></option>", &[&name]);
    }
    out.push_str("</datalist>");
    if tasks.is_empty() {
        fill(&mut out, EMPTY, &["no-tasks", t(Text::NoTasks)]);
        return out;
    }
    out.push_str("<div class=\"form-row task-tools\">");
    select(
        &mut out,
        t(Text::SortBy),
        "task-order",
        "task-order",
        &[
            (TaskOrder::Entered.as_str(), t(Text::TaskOrderEntered)),
            (TaskOrder::Deadline.as_str(), t(Text::TaskOrderDeadline)),
        ],
        order.as_str(),
    );
    let names = departments(tasks);
    let values: Vec<String> = names
        .iter()
        .map(|n| format!("={}", department_key(n)))
        .collect();
    let mut choices: Vec<(&str, &str)> = vec![("*", t(Text::AllDepartments))];
    for (value, name) in values.iter().zip(&names) {
        let shown = if name.is_empty() {
            t(Text::NoDepartment)
        } else {
            name.as_str()
        };
        choices.push((value, shown));
    }
    let current = department.map_or_else(|| "*".to_string(), |k| format!("={k}"));
    select(
        &mut out,
        t(Text::TaskDepartment),
        "task-department",
        "task-department-filter",
        &choices,
        &current,
    );
    out.push_str("</div>");
    let shown = task_list(tasks, order, department);
    if shown.is_empty() {
        fill(&mut out, EMPTY, &["no-tasks-shown", t(Text::NoTasksShown)]);
        return out;
    }
    fill(
        &mut out,
        "<div class=\"wide-scroll\"><table class=\"task-table\" data-testid=\"task-table\"><thead><tr>\
         <th scope=\"col\" class=\"num\">\x01</th><th scope=\"col\">\x01</th><th scope=\"col\">\x01</th>\
         <th scope=\"col\">\x01</th><th scope=\"col\">\x01</th><th scope=\"col\">\x01</th>\
         <th scope=\"col\"><span class=\"visually-hidden\">\x01</span></th></tr></thead><tbody>",
        &[
            t(Text::ColNo),
            t(Text::TaskTitle),
            t(Text::TaskDepartment),
            t(Text::Deadline),
            t(Text::TaskOutput),
            t(Text::TaskState),
            t(Text::ColActions),
        ],
    );
    for (n, i) in shown.into_iter().enumerate() {
        let Some(task) = tasks.get(i) else { continue };
        let state = task.state(today);
        let mut linked = String::new();
        for x in targets.iter().filter(|x| task.targets.contains(&x.id)) {
            linked.push_str(if linked.is_empty() { ": «" } else { ", «" });
            linked.push_str(&x.label);
            linked.push('»');
        }
        let mut extra = String::new();
        if !linked.is_empty() {
            let linked = format!("{}{linked}", t(Text::TaskLinks));
            fill(
                &mut extra,
                "<span class=\"task-linked\">\x01</span>",
                &[&linked],
            );
        }
        let mut detail = String::new();
        if let Some(d) = state_detail(task, state, today, l) {
            fill(
                &mut detail,
                "<span class=\"task-state-detail\">\x01</span>",
                &[&d],
            );
        }
        let deadline = task
            .deadline
            .map(format_vi_date)
            .unwrap_or_else(|| t(Text::NoDeadline).into());
        fill(
            &mut out,
            "<tr class=\"task-row\" data-testid=\"task-row\" data-task-id=\"\x01\" data-state=\"\x02\">\
             <td class=\"num\">\x02</td>\
             <td><span class=\"task-title\" data-testid=\"task-row-title\">\x01</span>\x02</td>\
             <td data-testid=\"task-row-department\">\x01</td>\
             <td class=\"nowrap\" data-testid=\"task-row-deadline\">\x01</td><td>\x01</td>\
             <td><span class=\"task-state\" data-state=\"\x02\" data-testid=\"task-state\">\
             <span aria-hidden=\"true\">\x02</span> \x01</span>\x02</td><td><div class=\"task-actions\">",
            &[
                &task.id.0,
                state.key(),
                &(n + 1).to_string(),
                &task.title,
                &extra,
                &task.department,
                &deadline,
                &task.output,
                state.key(),
                task_state_icon(state),
                &task_state_words(state, l),
                &detail,
            ],
        );
        let id = task.id.0.as_str();
        if task.status.done_on().is_none() {
            fill(
                &mut out,
                BUTTON,
                &[
                    "btn-secondary",
                    "task-complete",
                    "complete",
                    id,
                    t(Text::CompleteTaskHint),
                    t(Text::CompleteTask),
                ],
            );
        }
        fill(
            &mut out,
            BUTTON,
            &["btn-quiet", "task-edit", "edit", id, "", t(Text::EditTask)],
        );
        fill(
            &mut out,
            BUTTON,
            &[
                "btn-danger-quiet",
                "task-delete",
                "delete",
                id,
                "",
                t(Text::DeleteEntry),
            ],
        );
        out.push_str("</div></td></tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}

/// `<label class="…"><span class="field-label">label</span><input type="text" name="…"
/// data-testid="…" placeholder="…" value="…"><span class="field-hint">hint</span></label>`;
/// `values` are the label, the name, the test id, the placeholder, the value and the hint.
fn text_input(out: &mut String, class: &str, values: [&str; 6]) {
    let [label, name, testid, placeholder, value, hint] = values;
    fill(
        out,
        "<label class=\"\x02\"><span class=\"field-label\">\x01</span><input type=\"text\" name=\"\x02\" \
         data-testid=\"\x02\" placeholder=\"\x01\" value=\"\x01\">",
        &[class, label, name, testid, placeholder, value],
    );
    if !hint.is_empty() {
        fill(out, "<span class=\"field-hint\">\x01</span>", &[hint]);
    }
    out.push_str("</label>");
}

/// The task form (`data-form="add"`, or `"edit"` when `editing`), its inputs filled with
/// `draft` and read by name when it is submitted; one checkbox per target of the plan
/// (`name="target"`); editing adds a cancel button (`data-action="cancel"`) and says «Lưu»
/// instead of «Thêm nhiệm vụ».
pub fn task_form(draft: &TaskDraft, targets: &[Target], editing: bool, l: Locale) -> String {
    let t = |text: Text| text.get(l);
    let mut out = String::new();
    let (form, testid, heading) = if editing {
        ("edit", "task-edit-form", t(Text::EditTaskTitle))
    } else {
        ("add", "task-form", t(Text::AddTask))
    };
    fill(
        &mut out,
        "<form class=\"panel task-form\" data-form=\"\x02\" data-testid=\"\x02\" novalidate>\
         <h3 class=\"panel-title\">\x01</h3><div class=\"form-row\">",
        &[form, testid, heading],
    );
    let date = t(Text::DatePlaceholder);
    text_input(
        &mut out,
        "field field-wide task-title-field",
        [
            t(Text::TaskTitle),
            "title",
            "task-title",
            t(Text::TaskTitlePlaceholder),
            &draft.title,
            "",
        ],
    );
    text_input(
        &mut out,
        "field",
        [
            t(Text::TaskDepartment),
            "department",
            "task-department",
            "",
            &draft.department,
            "",
        ],
    );
    text_input(
        &mut out,
        "field task-date-field",
        [
            t(Text::Deadline),
            "deadline",
            "task-deadline",
            date,
            &draft.deadline,
            t(Text::TaskDeadlineHint),
        ],
    );
    out.push_str("</div><div class=\"form-row\">");
    text_input(
        &mut out,
        "field field-wide",
        [
            t(Text::TaskOutput),
            "output",
            "task-output",
            t(Text::TaskOutputPlaceholder),
            &draft.output,
            "",
        ],
    );
    let stage = draft.stage.unwrap_or(TaskStage::NotStarted);
    fill(
        &mut out,
        "<label class=\"field\"><span class=\"field-label\">\x01</span>\
         <select name=\"stage\" data-testid=\"task-stage\">",
        &[t(Text::TaskState)],
    );
    for s in TaskStage::ALL {
        fill(
            &mut out,
            OPTION,
            &[
                s.as_str(),
                flag(s == stage, " selected"),
                task_stage_name(s, l),
            ],
        );
    }
    out.push_str("</select></label>");
    text_input(
        &mut out,
        "field task-date-field",
        [
            t(Text::DoneOn),
            "doneOn",
            "task-done-on",
            date,
            &draft.done_on,
            t(Text::TaskDoneOnHint),
        ],
    );
    out.push_str("</div>");
    if !targets.is_empty() {
        fill(
            &mut out,
            "<details class=\"task-links\"><summary>\x01</summary><div class=\"task-link-list\">",
            &[t(Text::TaskLinks)],
        );
        for target in targets {
            fill(
                &mut out,
                "<label class=\"check check-plain\"><input type=\"checkbox\" name=\"target\" \
                 value=\"\x01\"\x02 data-testid=\"task-link\">\x01</label>",
                &[
                    &target.id.0,
                    flag(draft.targets.contains(&target.id), " checked"),
                    &target.label,
                ],
            );
        }
        out.push_str("</div></details>");
    }
    let (submit_testid, submit) = if editing {
        ("task-save", t(Text::SaveTask))
    } else {
        ("task-add", t(Text::AddTask))
    };
    fill(
        &mut out,
        "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\" \
         data-testid=\"\x02\">\x01</button>",
        &[submit_testid, submit],
    );
    if editing {
        fill(
            &mut out,
            BUTTON,
            &[
                "btn-quiet",
                "task-cancel",
                "cancel",
                "edit",
                "",
                t(Text::Cancel),
            ],
        );
    }
    out.push_str("</div></form>");
    out
}

/// The shortened-procedure form (`data-form="procedure"`), its inputs read by name when it
/// is submitted.
pub fn procedure_form(l: Locale) -> String {
    let t = |text: Text| text.get(l);
    let mut out = String::new();
    out.push_str(
        "<form class=\"panel\" data-form=\"procedure\" data-testid=\"procedure-form\" novalidate>\
         <div class=\"form-row\">",
    );
    text_input(
        &mut out,
        "field field-wide",
        [
            t(Text::ProcedureName),
            "name",
            "procedure-name-input",
            t(Text::ProcedureNamePlaceholder),
            "",
            "",
        ],
    );
    text_input(
        &mut out,
        "field procedure-days",
        [
            t(Text::StandardDays),
            "standardDays",
            "procedure-standard",
            "",
            "",
            "",
        ],
    );
    text_input(
        &mut out,
        "field procedure-days",
        [t(Text::NewDays), "newDays", "procedure-new", "", "", ""],
    );
    fill(
        &mut out,
        "<button type=\"submit\" class=\"btn btn-primary\" data-testid=\"procedure-add\">\x01\
         </button></div></form>",
        &[t(Text::AddProcedure)],
    );
    out
}

/// The «Cắt giảm thời gian giải quyết TTHC» section but its form: the heading, the hint,
/// the shortened procedures with the time each one saves, and the totals as reports write
/// them (`392 ngày = 3.136 giờ`); a sentence instead when there is none.
pub fn procedure_section(list: &[ShortenedProcedure], l: Locale) -> String {
    let t = |text: Text| text.get(l);
    let mut out = String::new();
    fill(
        &mut out,
        "<h2 class=\"card-title\">\x01</h2><p class=\"muted small\">\x01</p>",
        &[t(Text::WorkingTimeTitle), t(Text::WorkingTimeHint)],
    );
    if list.is_empty() {
        fill(&mut out, EMPTY, &["no-procedures", t(Text::NoProcedures)]);
        return out;
    }
    fill(
        &mut out,
        "<div class=\"wide-scroll\"><table class=\"procedure-table\" data-testid=\"procedure-table\">\
         <thead><tr><th scope=\"col\" class=\"num\">\x01</th><th scope=\"col\">\x01</th>\
         <th scope=\"col\" class=\"num\">\x01</th><th scope=\"col\" class=\"num\">\x01</th>\
         <th scope=\"col\" class=\"num\">\x01</th>\
         <th scope=\"col\"><span class=\"visually-hidden\">\x01</span></th></tr></thead><tbody>",
        &[
            t(Text::ColNo),
            t(Text::ProcedureName),
            t(Text::StandardDays),
            t(Text::NewDays),
            t(Text::SavedTime),
            t(Text::ColActions),
        ],
    );
    const FIGURES: &str = "<td class=\"num\">\x01</td><td class=\"num\">\x01</td>\
         <td class=\"num\" data-testid=\"\x02\">\x01</td>";
    for (n, p) in list.iter().enumerate() {
        fill(
            &mut out,
            "<tr data-testid=\"procedure-row\"><td class=\"num\">\x02</td>\
             <td data-testid=\"procedure-name\">\x01</td>",
            &[&(n + 1).to_string(), &p.name],
        );
        fill(
            &mut out,
            FIGURES,
            &[
                &days_words(p.standard_days.to_rational(), l),
                &days_words(p.new_days.to_rational(), l),
                "procedure-saved",
                &days_and_hours(p.saved_days(), l),
            ],
        );
        out.push_str("<td>");
        fill(
            &mut out,
            BUTTON,
            &[
                "btn-danger-quiet",
                "procedure-delete",
                "delete-procedure",
                &p.id.0,
                "",
                t(Text::DeleteEntry),
            ],
        );
        out.push_str("</td></tr>");
    }
    let sum = totals(list);
    fill(
        &mut out,
        "</tbody><tfoot><tr data-testid=\"procedure-totals\"><th scope=\"row\" colspan=\"2\">\x01</th>",
        &[&procedures_total_label(sum.procedures, l)],
    );
    fill(
        &mut out,
        FIGURES,
        &[
            &days_words(sum.standard_days, l),
            &days_words(sum.new_days, l),
            "procedure-saved-total",
            &days_and_hours(sum.saved_days, l),
        ],
    );
    out.push_str("<td></td></tr></tfoot></table></div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use cchc_domain::area::ReformArea;
    use cchc_domain::number::Decimal;
    use cchc_domain::target::{Goal, TargetId};
    use cchc_domain::task::TaskId;
    use cchc_domain::working_time::ProcedureId;

    fn day(d: u32, m: u32, y: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
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

    fn target(id: &str, label: &str) -> Target {
        Target {
            id: TargetId(id.into()),
            area: ReformArea::Direction,
            label: label.into(),
            goal: Goal::FreeText,
            parent: None,
            entries: Vec::new(),
            notes: Default::default(),
            suggested: false,
            tracking: Default::default(),
            extra: Default::default(),
        }
    }

    const TODAY: (u32, u32, i32) = (23, 11, 2026);

    #[test]
    fn templates_escape_values_and_keep_markup() {
        let mut out = String::new();
        fill(
            &mut out,
            "<a title=\"\x01\">\x02</a>\x01",
            &["\"><script>", "<b>x</b>", "<img src=x onerror=alert(1)>"],
        );
        assert_eq!(
            out,
            "<a title=\"&quot;&gt;&lt;script&gt;\"><b>x</b></a>&lt;img src=x onerror=alert(1)&gt;"
        );
        let mut short = String::new();
        fill(&mut short, "\x01-\x01", &["a"]);
        assert_eq!(short, "a-");
    }

    #[test]
    fn overdue_tasks_carry_icon_and_words() {
        let today = day(TODAY.0, TODAY.1, TODAY.2);
        let mut done = task(
            "a",
            "Quy chế",
            "VP",
            Some(day(31, 3, 2026)),
            TaskStatus::Done {
                on: day(28, 3, 2026),
            },
        );
        done.targets = vec![TargetId("t1".into())];
        let tasks = vec![
            done,
            task(
                "b",
                "Rà soát <TTHC>",
                "TTPVHCC",
                Some(day(30, 9, 2026)),
                TaskStatus::InProgress,
            ),
            task(
                "c",
                "Báo cáo",
                "VP",
                Some(day(14, 12, 2026)),
                TaskStatus::NotStarted,
            ),
        ];
        let targets = vec![target("t1", "Ban hành quy chế")];
        let html = task_section(
            &tasks,
            &targets,
            TaskOrder::Entered,
            None,
            today,
            Locale::Vi,
        );
        assert!(html.contains("data-state=\"overdue\""));
        assert!(html.contains("<span aria-hidden=\"true\">⚠</span> Quá hạn 54 ngày</span>"));
        assert!(html.contains("(đang thực hiện)"));
        assert!(html.contains("✔</span> Hoàn thành đúng hạn"));
        assert!(html.contains("ngày 28/03/2026"));
        assert!(html.contains("còn 21 ngày đến hạn"));
        assert!(html.contains("Gắn với chỉ tiêu: «Ban hành quy chế»"));
        // Text from the plan is escaped.
        assert!(html.contains("Rà soát &lt;TTHC&gt;"));
        // A done task has no «complete» button.
        assert_eq!(html.matches("data-action=\"complete\"").count(), 2);
        let vp = department_key("VP");
        let only_vp = task_section(
            &tasks,
            &targets,
            TaskOrder::Deadline,
            Some(&vp),
            today,
            Locale::En,
        );
        assert!(only_vp.contains("Done on time") && !only_vp.contains("Rà soát"));
        let none = task_section(
            &tasks,
            &targets,
            TaskOrder::Entered,
            Some("x"),
            today,
            Locale::Vi,
        );
        assert!(none.contains("no-tasks-shown") && none.contains("task-order"));
        assert!(
            task_section(&[], &targets, TaskOrder::Entered, None, today, Locale::Vi)
                .contains("no-tasks")
        );
    }

    #[test]
    fn department_choices_and_suggestions() {
        let tasks = vec![
            task("a", "A", "Phòng Kinh tế", None, TaskStatus::NotStarted),
            task("b", "B", "", None, TaskStatus::NotStarted),
        ];
        let today = day(TODAY.0, TODAY.1, TODAY.2);
        let key = department_key("Phòng Kinh tế");
        let html = task_section(
            &tasks,
            &[],
            TaskOrder::Deadline,
            Some(&key),
            today,
            Locale::Vi,
        );
        assert!(html.contains(
            "<select name=\"task-department\" data-testid=\"task-department-filter\">\
             <option value=\"*\">Tất cả đơn vị</option>\
             <option value=\"=\">(chưa ghi đơn vị chủ trì)</option>\
             <option value=\"=phòng kinh tế\" selected>Phòng Kinh tế</option>\
             </select>"
        ));
        assert!(html.contains("<option value=\"deadline\" selected>"));
        // The suggestions: the plan's departments first, then the usual ones.
        assert!(html.contains(
            "<datalist id=\"task-department-options\"><option value=\"Phòng Kinh tế\"></option>"
        ));
        assert!(html.contains("<option value=\"Văn phòng HĐND và UBND\"></option>"));
        assert!(html.contains("data-testid=\"task-tally\">2 nhiệm vụ · 0 hoàn thành</span>"));
        let draft = TaskDraft {
            title: "Quy chế \"mới\"".into(),
            stage: Some(TaskStage::Done),
            done_on: "28/03/2026".into(),
            targets: vec![TargetId("t2".into())],
            ..TaskDraft::default()
        };
        let targets = [target("t1", "A"), target("t2", "B")];
        let form = task_form(&draft, &targets, true, Locale::Vi);
        assert_eq!(form.matches(" checked").count(), 1);
        assert!(form.contains("value=\"t2\" checked"));
        assert!(form.contains("value=\"Quy chế &quot;mới&quot;\""));
        assert!(form.contains("<option value=\"done\" selected>Hoàn thành</option>"));
        assert!(form.contains("data-action=\"cancel\"") && form.contains(">Lưu<"));
        let add = task_form(&TaskDraft::default(), &[], false, Locale::Vi);
        assert!(!add.contains("<details") && !add.contains("cancel"));
        assert!(add.contains(">Thêm nhiệm vụ<"));
        assert!(procedure_form(Locale::En).contains("name=\"standardDays\""));
    }

    #[test]
    fn procedures_with_their_totals() {
        let p = |id: &str, name: &str, s: &str, n: &str| ShortenedProcedure {
            id: ProcedureId(id.into()),
            name: name.into(),
            standard_days: Decimal::parse_plain(s).unwrap(),
            new_days: Decimal::parse_plain(n).unwrap(),
            extra: Default::default(),
        };
        let list = vec![
            p("1", "Cấp giấy phép xây dựng", "15", "10"),
            p("2", "Đăng ký khai sinh", "3", "1.5"),
        ];
        let html = procedure_section(&list, Locale::Vi);
        assert!(html.contains(">5 ngày = 40 giờ<"));
        assert!(html.contains(">1,5 ngày = 12 giờ<"));
        assert!(html.contains("Tổng cộng 2 thủ tục"));
        assert!(html.contains("data-testid=\"procedure-saved-total\">6,5 ngày = 52 giờ<"));
        assert!(procedure_section(&[], Locale::Vi).contains("no-procedures"));
    }
}
