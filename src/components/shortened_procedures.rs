//! The plan's «Cắt giảm thời gian giải quyết TTHC» section: the procedures whose processing
//! time the unit shortened, as a table (standard time, new time, days and hours saved) with
//! the totals as reports write them (`392 ngày = 3.136 giờ`), and a form to add one (Enter
//! adds it). Times are working days typed the Vietnamese way (`7,5`). The table and the form
//! are HTML text from [`crate::task_html`]; the form is read when it is submitted.

use cchc_domain::i18n::{procedure_draft_problems, Text};
use cchc_domain::plan::PlanId;
use cchc_domain::working_time::{ProcedureDraft, ProcedureId};
use leptos::prelude::*;

use crate::browser;
use crate::components::task_form::{change_plan, form_of, input, plan_html};
use crate::components::task_list::clicked_action;
use crate::state::{Book, Lang};
use crate::task_html::{procedure_form, procedure_section};

#[component]
pub fn ShortenedProcedures(plan_id: PlanId) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let l = lang.get();
    let pid = StoredValue::new(plan_id);
    let problems = RwSignal::new(String::new());

    let section = move || {
        plan_html(book, &pid.get_value(), &|p| {
            procedure_section(&p.shortened_procedures, l)
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some((action, id)) = clicked_action(&ev) {
            if action == "delete-procedure"
                && browser::confirm(lang.t(Text::ConfirmDeleteProcedure))
            {
                change_plan(book, &pid.get_value(), &mut |p| {
                    p.shortened_procedures.retain(|sp| sp.id.0 != id)
                });
            }
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = form_of(ev.target()) else {
            return;
        };
        let text = |name: &str| input(&form, name).map(|i| i.value()).unwrap_or_default();
        let draft = ProcedureDraft {
            name: text("name"),
            standard_days: text("standardDays"),
            new_days: text("newDays"),
        };
        match draft.build(ProcedureId(browser::fresh_id("tt"))) {
            Ok(p) => {
                problems.set(String::new());
                let mut added = Some(p);
                change_plan(book, &pid.get_value(), &mut |plan| {
                    plan.shortened_procedures.extend(added.take())
                });
                form.reset();
                if let Some(name) = input(&form, "name") {
                    let _ = name.focus();
                }
            }
            Err(e) => problems.set(procedure_draft_problems(&e, l)),
        }
    };

    view! {
        <section class="card working-time" data-testid="working-time" on:click=on_click on:submit=on_submit>
            <div inner_html=section></div>
            <div inner_html=procedure_form(l)></div>
            <p class="field-error" role="alert" data-testid="procedure-form-error">{move || problems.get()}</p>
        </section>
    }
}
