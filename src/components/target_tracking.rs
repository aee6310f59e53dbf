//! A target followed over the years and through the year's reports: its previous years'
//! results with a small chart beside this year's, an index's band and published rank, the
//! per-report targets, and how its pace is followed. The pieces are HTML text from
//! [`crate::tracking_html`], read by one listener per event; typed texts are read by
//! [`cchc_domain::tracking_form`]; every change goes through [`Book::update_plan`], so undo,
//! redo and saving apply. The forms are written once (and again when the target changes
//! kind), so that what is typed stays while a refusal is corrected.

use cchc_domain::i18n::{tracking_problem, Text};
use cchc_domain::locale::Locale;
use cchc_domain::pacing::PaceKind;
use cchc_domain::plan::{Plan, PlanId};
use cchc_domain::reporting_period::ReportingPeriod;
use cchc_domain::target::{Goal, Target, TargetId};
use cchc_domain::target_history::set_year;
use cchc_domain::tracking_form::{
    history_row, is_index_target, keep_previous_year, period_target_from_text, standing_from_texts,
    this_year_value, TrackingProblem,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::task_form::{change_plan, form_of, input, plan_html};
use crate::components::task_list::clicked_action;
use crate::state::{Book, Lang, Today};
use crate::tracking_html::{
    add_year_form, index_lines, pace_select, period_fields, standing_form, years_chart, years_table,
};

/// Changes the target through one closure type (see [`change_plan`]).
fn change_target(book: Book, plan: &PlanId, target: &TargetId, f: &mut dyn FnMut(&mut Target)) {
    change_plan(book, plan, &mut |p: &mut Plan| {
        if let Some(t) = p.target_mut(target) {
            f(t)
        }
    });
}

/// What `f` writes from the plan's year and the target (tracking the workbook), or `""`.
fn target_html(
    book: Book,
    plan: &PlanId,
    target: &TargetId,
    f: &dyn Fn(i32, &Target) -> String,
) -> String {
    plan_html(book, plan, &|p: &Plan| {
        p.target(target).map(|t| f(p.year, t)).unwrap_or_default()
    })
}

/// A refusal's message beside its form, when there is one.
fn error_view(message: RwSignal<String>) -> impl IntoView {
    move || {
        let m = message.get();
        (!m.is_empty()).then(|| {
            view! { <p class="field-error" role="alert" data-testid="tracking-error">{m}</p> }
        })
    }
}

/// Shows a refusal's message in `slot` (clearing the others'), or clears them all.
fn report(slots: [RwSignal<String>; 3], slot: usize, r: Result<(), TrackingProblem>, l: Locale) {
    for (i, s) in slots.into_iter().enumerate() {
        let text = match &r {
            Err(e) if i == slot => tracking_problem(e, l),
            _ => String::new(),
        };
        s.set(text);
    }
}

#[component]
pub fn TargetTracking(plan_id: PlanId, target_id: TargetId) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let today = expect_context::<Today>().0;
    let l = lang.get();
    let pid = StoredValue::new(plan_id);
    let tid = StoredValue::new(target_id);

    let html = move |f: &dyn Fn(i32, &Target) -> String| {
        target_html(book, &pid.get_value(), &tid.get_value(), f)
    };
    // Whether the target is an index and has a single condition: which forms the panel has.
    // The forms are written again only when these change.
    let flag = move |f: &dyn Fn(&Target) -> bool| {
        book.0.with(|w| {
            w.plan(&pid.get_value())
                .and_then(|p| p.target(&tid.get_value()))
                .is_some_and(f)
        })
    };
    let is_index = Memo::new(move |_| flag(&is_index_target));
    let has_periods = Memo::new(move |_| flag(&|t| matches!(t.goal, Goal::Single { .. })));
    let form_html = move |f: &dyn Fn(i32, &Target) -> String| {
        is_index.track();
        has_periods.track();
        untrack(|| html(f))
    };

    // One message slot per form: a previous year, the rank, the per-report targets.
    let errors: [RwSignal<String>; 3] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let edit = move |f: &mut dyn FnMut(&mut Target)| {
        change_target(book, &pid.get_value(), &tid.get_value(), f)
    };
    let current = move || {
        book.0.with_untracked(|w| {
            let p = w.plan(&pid.get_value())?;
            Some((p.year, p.target(&tid.get_value())?.tracking.history.clone()))
        })
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = form_of(ev.target()) else {
            return;
        };
        let text = |name: &str| input(&form, name).map(|i| i.value()).unwrap_or_default();
        match form.get_attribute("data-form").as_deref() {
            Some("add-year") => {
                let Some((plan_year, history)) = current() else {
                    return;
                };
                let row = history_row(&text("year"), &text("value"), &history, plan_year);
                if let Ok(row) = row {
                    edit(&mut |t| keep_previous_year(t, plan_year, row));
                    form.reset();
                    if let Some(year) = input(&form, "year") {
                        let _ = year.focus();
                    }
                }
                report(errors, 0, row.map(|_| ()), l);
            }
            Some("standing") => {
                let s = standing_from_texts(&text("position"), &text("of"), &text("previous"));
                if let Ok(s) = s {
                    edit(&mut |t| t.tracking.standing = s);
                }
                report(errors, 1, s.map(|_| ()), l);
            }
            _ => {}
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(element) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if let Some(period) = element
            .get_attribute("data-period")
            .and_then(|p| ReportingPeriod::from_str_opt(&p))
        {
            let Ok(field) = element.dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let v = period_target_from_text(&field.value());
            if let Ok(v) = v {
                edit(&mut |t| t.tracking.period_targets.set(period, v));
            }
            report(errors, 2, v.map(|_| ()), l);
        } else if let Ok(select) = element.dyn_into::<web_sys::HtmlSelectElement>() {
            if select.name() == "pace" {
                let kind = PaceKind::from_str_opt(&select.value());
                edit(&mut |t| t.tracking.pace = kind);
            }
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((action, id)) = clicked_action(&ev) else {
            return;
        };
        if let (true, Ok(year)) = (action == "remove-year", id.parse::<i32>()) {
            report(errors, 0, Ok(()), l);
            edit(&mut |t| set_year(&mut t.tracking.history, year, None));
        }
    };

    view! {
        <div class="panel tracking" data-testid="tracking-panel"
            on:submit=on_submit on:change=on_change on:click=on_click>
            <h3 class="panel-title">{lang.t(Text::TrackingTitle)}</h3>
            <div class="tracking-grid">
                <section class="tracking-part tracking-years-part">
                    <h4 class="tracking-subtitle">{lang.t(Text::PreviousYearsTitle)}</h4>
                    <p class="muted small">{lang.t(Text::PreviousYearsHint)}</p>
                    <div class="tracking-years-body">
                        <div>
                            <div inner_html=move || html(&|_, t| years_table(t, l))></div>
                            <div inner_html=add_year_form(l)></div>
                            {error_view(errors[0])}
                        </div>
                        <div inner_html=move || html(&|y, t| years_chart(t, this_year_value(t, y, today), l))></div>
                    </div>
                </section>
                {move || is_index.get().then(|| view! {
                    <section class="tracking-part tracking-index-part">
                        <h4 class="tracking-subtitle">{lang.t(Text::IndexTitle)}</h4>
                        <div inner_html=move || html(&|y, t| index_lines(t, this_year_value(t, y, today), l))></div>
                        <div inner_html=move || form_html(&|_, t| standing_form(t.tracking.standing, l))></div>
                        <p class="muted small">{lang.t(Text::StandingHint)}</p>
                        {error_view(errors[1])}
                    </section>
                })}
                <section class="tracking-part tracking-pace-part">
                    {move || has_periods.get().then(|| view! {
                        <h4 class="tracking-subtitle">{lang.t(Text::PeriodTargetsTitle)}</h4>
                        <div inner_html=move || form_html(&|_, t| period_fields(t, l))></div>
                        <p class="muted small">{lang.t(Text::PeriodTargetsHint)}</p>
                        {error_view(errors[2])}
                    })}
                    <div inner_html=move || form_html(&|_, t| pace_select(t.tracking.pace, l))></div>
                </section>
            </div>
        </div>
    }
}
