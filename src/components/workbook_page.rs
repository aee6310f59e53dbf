//! The first screen: the plans kept in this browser, and the ways to add one (create, import a
//! file, open the example).

use cchc_domain::date::format_vi_date;
use cchc_domain::example::example_plan;
use cchc_domain::i18n::{level_name, revision_and_status, scorecard_headline, Text};
use cchc_domain::plan::PlanId;
use cchc_domain::scorecard::plan_scorecard;
use leptos::prelude::*;

use crate::browser;
use crate::components::export::Exporter;
use crate::components::import::ImportButton;
use crate::components::import_log::ImportLogView;
use crate::components::new_plan::NewPlanForm;
use crate::components::storage_health::StorageHealth;
use crate::components::unreadable_entries::UnreadableEntries;
use crate::state::{Book, Lang, Nav, NoticeKind, Notices, Screen, Today};

#[derive(Clone, PartialEq)]
struct Row {
    id: PlanId,
    unit: String,
    level: cchc_domain::unit::UnitLevel,
    /// Revision and status: "phiên bản 3 · Đã gửi cấp trên".
    standing: String,
    year: i32,
    reference: String,
    headline: String,
    all_met: bool,
}

#[component]
pub fn WorkbookPage() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let nav = expect_context::<Nav>();
    let notices = expect_context::<Notices>();
    let today = expect_context::<Today>().0;
    let creating = RwSignal::new(false);
    let exporter = Exporter::from_context();

    let rows = Memo::new(move |_| {
        let l = lang.get();
        book.0.with(|w| {
            w.ordered()
                .into_iter()
                .map(|p| {
                    let card = plan_scorecard(p, today);
                    let mut reference = p.reference.number.clone();
                    if let Some(d) = p.reference.issued_on {
                        reference = format!("{reference} · {}", format_vi_date(d));
                    }
                    Row {
                        id: p.id.clone(),
                        unit: p.unit.name.clone(),
                        level: p.unit.level,
                        standing: revision_and_status(p.revision, p.status, l),
                        year: p.year,
                        reference,
                        headline: scorecard_headline(&card, l),
                        all_met: card.gauged() > 0 && card.met == card.gauged(),
                    }
                })
                .collect::<Vec<_>>()
        })
    });

    // The year most plans in the workbook are for; this year when there are none.
    let consolidation_year = move || {
        book.0.with_untracked(|w| {
            let mut counts: Vec<(i32, usize)> = Vec::new();
            for p in &w.plans {
                match counts.iter_mut().find(|(y, _)| *y == p.year) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((p.year, 1)),
                }
            }
            counts
                .into_iter()
                .max_by_key(|(y, n)| (*n, *y))
                .map(|(y, _)| y)
                .unwrap_or_else(|| chrono::Datelike::year(&today))
        })
    };

    let load_example = move |_| {
        let mut plan = example_plan(&mut |prefix| browser::fresh_id(prefix));
        plan.id = PlanId(browser::fresh_id("plan"));
        let id = book.edit(|w| {
            w.add(plan, || PlanId(browser::fresh_id("plan")))
                .id()
                .clone()
        });
        notices.push(
            NoticeKind::Info,
            lang.t(Text::ExampleLoaded).to_string(),
            vec![],
        );
        if let Some(id) = id {
            nav.0.set(Screen::Plan(id));
        }
    };

    view! {
        <section class="page workbook-page">
            <div class="page-head">
                <div>
                    <h1>{lang.t(Text::WorkbookTitle)}</h1>
                    <p class="lead">{lang.t(Text::WorkbookIntro)}</p>
                </div>
                <div class="toolbar">
                    <button
                        type="button"
                        class="btn btn-primary"
                        data-testid="new-plan"
                        on:click=move |_| creating.set(true)
                    >
                        <span aria-hidden="true">"+ "</span>
                        {lang.t(Text::NewPlan)}
                    </button>
                    <ImportButton />
                    <button
                        type="button"
                        class="btn btn-secondary"
                        data-testid="open-consolidation"
                        on:click=move |_| nav.0.set(Screen::Consolidation(consolidation_year()))
                    >
                        {lang.t(Text::ConsolidationOpen)}
                    </button>
                    <button
                        type="button"
                        class="btn btn-secondary"
                        data-testid="load-example"
                        on:click=load_example
                    >
                        {lang.t(Text::LoadExample)}
                    </button>
                </div>
            </div>
            {move || creating.get().then(|| view! {
                <NewPlanForm on_close=Callback::new(move |_| creating.set(false)) />
            })}
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! {
                        <div class="card empty" data-testid="empty-workbook">
                            <p>{lang.t(Text::EmptyWorkbook)}</p>
                        </div>
                    }
                    .into_any();
                }
                view! {
                <div class="card table-card">
                    <table class="plans-table" data-testid="plans-table">
                        <thead>
                            <tr>
                                <th scope="col">{lang.t(Text::ColUnit)}</th>
                                <th scope="col">{lang.t(Text::ColYear)}</th>
                                <th scope="col">{lang.t(Text::ColReference)}</th>
                                <th scope="col">{lang.t(Text::ColResult)}</th>
                                <th scope="col" class="actions-col">{lang.t(Text::ColActions)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|r| {
                                    let open_id = r.id.clone();
                                    let export_id = r.id.clone();
                                    view! {
                                        <tr data-testid="plan-row">
                                            <td>
                                                <a
                                                    href=format!("#plan/{}", r.id.0)
                                                    class="plan-link"
                                                    on:click=move |ev| {
                                                        ev.prevent_default();
                                                        nav.0.set(Screen::Plan(open_id.clone()));
                                                    }
                                                >
                                                    {r.unit.clone()}
                                                </a>
                                                <span class="muted small" data-testid="row-standing">{level_name(r.level, lang.get())} " · " {r.standing}</span>
                                            </td>
                                            <td>{r.year}</td>
                                            <td>{r.reference.clone()}</td>
                                            <td>
                                                <span class=if r.all_met { "pill pill-met" } else { "pill" } data-testid="row-result">
                                                    {r.headline.clone()}
                                                </span>
                                            </td>
                                            <td class="actions-col">
                                                <button
                                                    type="button"
                                                    class="btn btn-small btn-secondary"
                                                    data-testid="row-export"
                                                    on:click=move |_| exporter.plan(&export_id)
                                                >
                                                    {lang.t(Text::Export)}
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                        </tbody>
                    </table>
                </div>
                }
                .into_any()
            }}
        </section>
        <UnreadableEntries />
        <StorageHealth />
        <ImportLogView />
    }
}
