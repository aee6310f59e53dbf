//! The plan's «Nhiệm vụ» section: the tasks as a table (what, department in charge,
//! deadline, output, state), ordered as entered or by deadline and filtered by department;
//! each task's state is judged against [`Today`], an overdue task flagged with an icon and
//! words, never by colour alone. A task is completed, edited or deleted from its row; the
//! form under the table adds tasks, or edits the one chosen.
//!
//! The table and the form are HTML text from [`crate::task_html`] (one string each, instead
//! of a reactive view per element); one listener per kind of event reads what happened:
//! which button was clicked, which choice changed, which form was submitted.

use std::time::Duration;

use cchc_domain::i18n::Text;
use cchc_domain::plan::PlanId;
use cchc_domain::task::{TaskDraft, TaskId, TaskOrder, TaskStatus};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::task_form::{change_plan, form_of, plan_html, stage_changed, submit};
use crate::state::{Book, Lang, Today};
use crate::task_html::{task_form, task_section};

/// The action and id of the button clicked (`data-action`, `data-id`), if a button was.
pub fn clicked_action(ev: &leptos::ev::MouseEvent) -> Option<(String, String)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("[data-action]").ok()??;
    Some((
        button.get_attribute("data-action")?,
        button.get_attribute("data-id")?,
    ))
}

/// Puts the keyboard focus on the element `selector` once the section is drawn again (a
/// choice redraws the table and its choices, and the new `<select>` must keep the focus).
pub fn focus_soon(selector: &'static str) {
    set_timeout(
        move || {
            let found = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector(selector).ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(e) = found {
                let _ = e.focus();
            }
        },
        Duration::ZERO,
    );
}

#[component]
pub fn TaskList(plan_id: PlanId) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let today = expect_context::<Today>().0;
    let l = lang.get();
    let pid = StoredValue::new(plan_id);
    let by_deadline = RwSignal::new(false);
    // The department shown: `*` for all, else `=` and its key (as the choice's value).
    let department = RwSignal::new("*".to_string());
    // The task being edited, by id; empty for none (the form then adds tasks).
    let editing = RwSignal::new(String::new());
    // What keeps the form from being written, empty when nothing does.
    let problems = RwSignal::new(String::new());

    let table = move || {
        let order = if by_deadline.get() {
            TaskOrder::Deadline
        } else {
            TaskOrder::Entered
        };
        let d = department.get();
        plan_html(book, &pid.get_value(), &|p| {
            task_section(&p.tasks, &p.targets, order, d.strip_prefix('='), today, l)
        })
    };
    // Drawn again only when the plan's targets or the task edited change (the same text is
    // not set again), so what is being typed stays.
    let form = move || {
        let id = editing.get();
        plan_html(book, &pid.get_value(), &|p| {
            let edited = p.tasks.iter().find(|t| !id.is_empty() && t.id.0 == id);
            let draft = edited.map(TaskDraft::of).unwrap_or_default();
            task_form(&draft, &p.targets, edited.is_some(), l)
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((action, id)) = clicked_action(&ev) else {
            return;
        };
        let id = TaskId(id);
        match action.as_str() {
            "complete" => change_plan(book, &pid.get_value(), &mut |p| {
                if let Some(t) = p.task_mut(&id) {
                    t.status = TaskStatus::Done { on: today };
                }
            }),
            "edit" => {
                problems.set(String::new());
                editing.set(id.0);
                focus_soon("[data-form=edit] [name=title]");
            }
            "cancel" => {
                problems.set(String::new());
                editing.set(String::new());
            }
            "delete" if browser::confirm(lang.t(Text::ConfirmDeleteTask)) => {
                change_plan(book, &pid.get_value(), &mut |p| {
                    p.tasks.retain(|t| t.id != id)
                });
            }
            _ => {}
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(select) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        match select.name().as_str() {
            "task-order" => {
                by_deadline.set(select.value() == TaskOrder::Deadline.as_str());
                focus_soon("[name=task-order]");
            }
            "task-department" => {
                department.set(select.value());
                focus_soon("[name=task-department]");
            }
            "stage" => stage_changed(&select, today),
            _ => {}
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(f) = form_of(ev.target()) else {
            return;
        };
        let edited = (f.get_attribute("data-form").as_deref() == Some("edit"))
            .then(|| TaskId(editing.get_untracked()));
        let saved_edit = edited.is_some();
        let wrong = submit(&f, book, &pid.get_value(), edited, l);
        let written = wrong.is_empty();
        problems.set(wrong);
        if written && saved_edit {
            editing.set(String::new());
        }
    };

    view! {
        <section class="card tasks" data-testid="tasks" on:click=on_click on:change=on_change on:submit=on_submit>
            <div inner_html=table></div>
            <div inner_html=form></div>
            <p class="field-error" role="alert" data-testid="task-form-error">{move || problems.get()}</p>
        </section>
    }
}
