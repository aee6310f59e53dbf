//! The task form's behaviour (its HTML is [`crate::task_html::task_form`]): reading it when it
//! is submitted (one `FormData`, no signal per input, which keeps the WebAssembly small),
//! adding or saving the task, and proposing today's date when «Hoàn thành» is chosen. Enter
//! in any input submits the form; after adding, the form is empty again (the department kept,
//! for the next task of the same department) and the cursor is back in its first input.

use cchc_domain::date::format_vi_date;
use cchc_domain::i18n::task_draft_problems;
use cchc_domain::locale::Locale;
use cchc_domain::plan::{Plan, PlanId};
use cchc_domain::target::TargetId;
use cchc_domain::task::{Task, TaskDraft, TaskId, TaskStage};
use chrono::NaiveDate;
use leptos::prelude::With;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::state::Book;

/// Changes the plan through `Book::update_plan` with one closure type for every change of
/// the task and procedure sections: each closure type given to that generic function is
/// another copy of its body in the WebAssembly.
pub fn change_plan(book: Book, plan: &PlanId, f: &mut dyn FnMut(&mut Plan)) {
    book.update_plan(plan, |p| f(p));
}

/// The HTML text `f` writes from the plan (tracking the workbook), or `""` when the plan is
/// gone; one closure type for the sections' texts, as for [`change_plan`].
pub fn plan_html(book: Book, plan: &PlanId, f: &dyn Fn(&Plan) -> String) -> String {
    book.0.with(|w| w.plan(plan).map(f)).unwrap_or_default()
}

/// The form an event happened in, if it happened in a form.
pub fn form_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::HtmlFormElement> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    element.closest("form").ok()??.dyn_into().ok()
}

/// The input named `name` of the form.
pub fn input(form: &web_sys::HtmlFormElement, name: &str) -> Option<web_sys::HtmlInputElement> {
    form.query_selector(&format!("[name={name}]"))
        .ok()??
        .dyn_into()
        .ok()
}

/// The form's inputs, by name, as the draft of a task.
fn read_draft(form: &web_sys::HtmlFormElement) -> Option<TaskDraft> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let text = |name: &str| data.get(name).as_string().unwrap_or_default();
    Some(TaskDraft {
        title: text("title"),
        department: text("department"),
        deadline: text("deadline"),
        output: text("output"),
        stage: TaskStage::from_str_opt(&text("stage")),
        done_on: text("doneOn"),
        targets: data
            .get_all("target")
            .iter()
            .filter_map(|v| v.as_string())
            .map(TargetId)
            .collect(),
    })
}

/// Adds the task of the form (or, with `editing`, saves it over that task). Returns what is
/// wrong with the form, nothing being written, or `""` when it was written.
pub fn submit(
    form: &web_sys::HtmlFormElement,
    book: Book,
    plan: &PlanId,
    editing: Option<TaskId>,
    l: Locale,
) -> String {
    let Some(d) = read_draft(form) else {
        return String::new();
    };
    let mut t = Task::new(TaskId(browser::fresh_id("nv")));
    if let Err(e) = d.apply(&mut t) {
        return task_draft_problems(&e, &d, l);
    }
    match editing {
        Some(id) => change_plan(book, plan, &mut |p| {
            if let Some(t) = p.task_mut(&id) {
                // Checked above: the draft applies whole.
                let _ = d.apply(t);
            }
        }),
        None => {
            let mut added = Some(t);
            change_plan(book, plan, &mut |p| p.tasks.extend(added.take()));
            form.reset();
            if let Some(department) = input(form, "department") {
                department.set_value(&d.department);
            }
            if let Some(title) = input(form, "title") {
                let _ = title.focus();
            }
        }
    }
    String::new()
}

/// Choosing «Hoàn thành» in `select` proposes `today` as the completion date, when none is
/// typed yet.
pub fn stage_changed(select: &web_sys::HtmlSelectElement, today: NaiveDate) {
    if select.value() != TaskStage::Done.as_str() {
        return;
    }
    let done_on = select
        .closest("form")
        .ok()
        .flatten()
        .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok())
        .and_then(|f| input(&f, "doneOn"));
    if let Some(done_on) = done_on {
        if done_on.value().trim().is_empty() {
            done_on.set_value(&format_vi_date(today));
        }
    }
}
