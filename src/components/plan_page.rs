//! One plan: its details, its scorecard, its targets grouped by reform area, its tasks and
//! shortened procedures, and the actions on the whole plan (export, copy to the next year,
//! save as a template for the subordinate units, delete).

use cchc_domain::area::ReformArea;
use cchc_domain::editing::{new_target, TargetShape};
use cchc_domain::i18n::{
    area_name, scorecard_headline, shape_name, template_name_for, template_saved_message, Text,
};
use cchc_domain::plan::PlanId;
use cchc_domain::scorecard::Scorecard;
use cchc_domain::target::TargetId;
use cchc_domain::template::{template_file_name, template_from_plan};
use cchc_domain::validate::validate_plan;
use leptos::prelude::*;

use crate::browser;
use crate::components::copy_next_year::CopyToNextYear;
use crate::components::export::{download_checked, Exporter};
use crate::components::plan_details::PlanDetails;
use crate::components::reporting::ReportingCard;
use crate::components::shortened_procedures::ShortenedProcedures;
use crate::components::summary::PlanSummary;
use crate::components::target_card::TargetCard;
use crate::components::task_list::TaskList;
use crate::state::{Book, Lang, Nav, Notices, ReturnTo, Screen, Today};

/// The target most recently added, whose editor opens by itself.
#[derive(Clone, Copy)]
pub struct JustAdded(pub RwSignal<Option<TargetId>>);

#[component]
pub fn PlanPage(id: PlanId) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let nav = expect_context::<Nav>();
    let return_to = expect_context::<ReturnTo>();
    // A plan opened from a consolidation leads back to it.
    let back_to = StoredValue::new(return_to.0.get_untracked().unwrap_or(Screen::Workbook));
    let back_text = match back_to.get_value() {
        Screen::Consolidation(_) => Text::BackToConsolidation,
        _ => Text::BackToWorkbook,
    };
    let today = expect_context::<Today>().0;
    let exporter = Exporter::from_context();
    let just_added = JustAdded(RwSignal::new(None));
    provide_context(just_added);

    let pid = StoredValue::new(id.clone());
    let exists = Memo::new(move |_| book.0.with(|w| w.contains(&pid.get_value())));
    let title = Memo::new(move |_| {
        book.0
            .with(|w| {
                w.plan(&pid.get_value())
                    .map(|p| (p.unit.name.clone(), p.year))
            })
            .unwrap_or_default()
    });
    // Areas in use, in canonical order. Each area section, and each target card inside it,
    // is keyed by identity only, so editing a target never re-creates its card.
    let areas = Memo::new(move |_| {
        book.0
            .with(|w| w.plan(&pid.get_value()).map(|p| p.areas_used()))
            .unwrap_or_default()
    });
    let problems = Memo::new(move |_| {
        let l = lang.get();
        book.0.with(|w| {
            w.plan(&pid.get_value())
                .map(|p| {
                    validate_plan(p)
                        .iter()
                        .map(|pr| pr.message(l))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });

    let delete = move |_| {
        if browser::confirm(lang.t(Text::ConfirmDeletePlan)) {
            let id = pid.get_value();
            nav.0.set(Screen::Workbook);
            book.edit(|w| w.remove(&id));
        }
    };

    let notices = expect_context::<Notices>();
    // The plan's targets as a template file for the subordinate units (no progress, notes or
    // figures of this unit's year); like an export, it ends the plan's round of changes, so
    // a template saved again after changes has a higher version.
    let save_as_template = move |id: &PlanId| {
        let l = lang.get_untracked();
        let Some(plan) = book.0.with_untracked(|w| w.plan(id).cloned()) else {
            return;
        };
        let template = template_from_plan(&plan, template_name_for(&plan.unit.name, plan.year, l));
        let name = template_file_name(&template);
        let done = template_saved_message(&name, l);
        if download_checked(&template, &name, done, l, notices) {
            book.close_revision(id);
        }
    };

    let new_area = RwSignal::new(ReformArea::Procedures);
    let new_shape = RwSignal::new(TargetShape::Ratio);
    let add_target = move |_| {
        let tid = TargetId(browser::fresh_id("t"));
        let target = new_target(
            tid.clone(),
            new_area.get_untracked(),
            new_shape.get_untracked(),
        );
        book.update_plan(&pid.get_value(), |p| p.targets.push(target));
        just_added.0.set(Some(tid));
    };

    let page = move || {
        view! {
            <section class="page plan-page" data-testid="plan-page">
                <a href="#" class="back" data-testid="back" on:click=move |ev| { ev.prevent_default(); return_to.0.set(None); nav.0.set(back_to.get_value()); }>
                    {lang.t(back_text)}
                </a>
                <div class="page-head">
                    <h1 data-testid="plan-title">
                        {move || {
                            let (unit, year) = title.get();
                            view! { {unit} <span class="title-year">{format!(" · {year}")}</span> }
                        }}
                    </h1>
                    <div class="toolbar">
                        <button type="button" class="btn btn-primary" data-testid="export-plan" on:click=move |_| exporter.plan(&pid.get_value())>
                            {lang.t(Text::ExportPlan)}
                        </button>
                        <CopyToNextYear id=pid.get_value() />
                        <button type="button" class="btn btn-secondary" data-testid="save-template" on:click=move |_| save_as_template(&pid.get_value())>
                            {lang.t(Text::SaveAsTemplate)}
                        </button>
                        <button type="button" class="btn btn-danger-quiet" data-testid="delete-plan" on:click=delete>
                            {lang.t(Text::DeletePlan)}
                        </button>
                    </div>
                </div>
                <div class="plan-top">
                    <PlanSummary id=pid.get_value() />
                    <PlanDetails id=pid.get_value() />
                </div>
                <ReportingCard plan_id=pid.get_value() />
                {move || {
                    let problems = problems.get();
                    (!problems.is_empty()).then(|| view! {
                        <div class="card problems" role="alert" data-testid="plan-problems">
                            <h2 class="card-title">"⚠ " {lang.t(Text::InvalidTargetsTitle)}</h2>
                            <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
                {move || areas.get().is_empty().then(|| view! { <p class="card empty">{lang.t(Text::NoTargets)}</p> })}
                <For each=move || areas.get() key=|a| *a children=move |area| {
                    let l = lang.get();
                    let ids = Memo::new(move |_| {
                        book.0
                            .with(|w| w.plan(&pid.get_value()).map(|p| p.targets_in(area).map(|t| t.id.clone()).collect::<Vec<_>>()))
                            .unwrap_or_default()
                    });
                    let card = Memo::new(move |_| {
                        book.0
                            .with(|w| w.plan(&pid.get_value()).map(|p| Scorecard::of(p.targets_in(area), today)))
                            .unwrap_or_default()
                    });
                    view! {
                        <section class="area" data-testid="area" data-area=area.as_str()>
                            <h2 class="area-title">
                                <span>{area_name(area, l)}</span>
                                <span class="area-title-score">{move || scorecard_headline(&card.get(), l)}</span>
                            </h2>
                            <For each=move || ids.get() key=|id| id.clone() children=move |tid| {
                                view! { <TargetCard plan_id=pid.get_value() target_id=tid /> }
                            } />
                        </section>
                    }
                } />
                <div class="card add-target" data-testid="add-target">
                    <h2 class="card-title">{lang.t(Text::AddTarget)}</h2>
                    <div class="form-row">
                        <label class="field">
                            <span class="field-label">{lang.t(Text::AreaLabel)}</span>
                            <select data-testid="add-target-area" on:change:target=move |ev| {
                                if let Some(a) = ReformArea::from_str_opt(&ev.target().value()) { new_area.set(a); }
                            }>
                                {ReformArea::ALL.into_iter().map(|a| view! {
                                    <option value=a.as_str() selected=a == ReformArea::Procedures>{area_name(a, lang.get())}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="field">
                            <span class="field-label">{lang.t(Text::KindLabel)}</span>
                            <select data-testid="add-target-kind" on:change:target=move |ev| {
                                if let Some(k) = TargetShape::from_str_opt(&ev.target().value()) { new_shape.set(k); }
                            }>
                                {TargetShape::ALL.into_iter().map(|k| view! {
                                    <option value=k.as_str() selected=k == TargetShape::Ratio>{shape_name(k, lang.get())}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <button type="button" class="btn btn-primary" data-testid="add-target-submit" on:click=add_target>
                            <span aria-hidden="true">"+ "</span>
                            {lang.t(Text::AddTarget)}
                        </button>
                    </div>
                </div>
                <TaskList plan_id=pid.get_value() />
                <ShortenedProcedures plan_id=pid.get_value() />
            </section>
        }
    };
    // The page exists as long as its plan does (deleting it returns to the workbook).
    move || exists.get().then(page)
}
