//! The consolidation screen of one year: loads (or starts) the year's consolidation, keeps it
//! saved, computes the roll-up from the plans held whenever they or the choices change, and
//! lays out its parts. The arithmetic is in `cchc_domain::consolidation`; the parts only show
//! it.

use cchc_domain::consolidated_plan::consolidated_plan;
use cchc_domain::consolidation::{consolidate, Consolidation, ConsolidationSpec};
use cchc_domain::consolidation_changes::{changes, mark_all_seen, remember_new_rows, RowChange};
use cchc_domain::consolidation_store::StoredConsolidation;
use cchc_domain::i18n::Text;
use cchc_domain::plan::PlanId;
use leptos::prelude::*;

use crate::browser;
use crate::components::consolidation_adjust::{Exclusions, Mappings};
use crate::components::consolidation_aggregates::Aggregates;
use crate::components::consolidation_matrix::Matrix;
use crate::components::consolidation_setup::{ChosenPlans, ExpectedUnits, SuperiorUnit};
use crate::components::export::download_checked_plan;
use crate::consolidation_html::changes_list;
use crate::state::{Book, Lang, Nav, NoticeKind, Notices, SaveHealth, Screen, Today};
use crate::storage;

/// The year's consolidation, shared by the parts of the screen.
#[derive(Clone, Copy)]
pub struct ConsolidationState {
    /// What is kept: the choices, what was seen, the last export.
    pub stored: RwSignal<StoredConsolidation>,
    /// The roll-up of the plans held, as the choices say.
    pub result: Memo<Consolidation>,
    /// Units whose plan changed since last seen.
    pub changes: Memo<Vec<RowChange>>,
    pub year: i32,
}

impl ConsolidationState {
    /// Changes the officer's choices.
    pub fn edit_spec(&self, f: impl FnOnce(&mut ConsolidationSpec)) {
        self.stored.update(|s| f(&mut s.spec));
    }
}

/// A memo's comparison that always reports a change.
fn always_changed<T>(_: Option<&T>, _: Option<&T>) -> bool {
    true
}

#[component]
pub fn ConsolidationPage(year: i32) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let nav = expect_context::<Nav>();
    let notices = expect_context::<Notices>();
    let health = expect_context::<SaveHealth>();
    let today = expect_context::<Today>().0;

    let fresh = move || {
        book.0.with_untracked(|w| {
            StoredConsolidation::for_year(
                year,
                &w.plans,
                PlanId(browser::fresh_id("consolidation")),
            )
        })
    };
    let initial = match storage::load_consolidation(year) {
        Ok(Some(c)) => c,
        Ok(None) => fresh(),
        Err(reason) => {
            notices.push(
                NoticeKind::Error,
                lang.t(Text::ConsolidationUnreadable).to_string(),
                vec![reason],
            );
            fresh()
        }
    };
    let stored = RwSignal::new(initial);
    let spec = Memo::new(move |_| stored.with(|s| s.spec.clone()));
    // Recomputed whenever the plans or the choices change. Not compared with the previous
    // result: a deep comparison of every target would cost more code than it saves.
    let result = Memo::new_with_compare(
        move |_| spec.with(|s| book.0.with(|w| consolidate(&w.plans, s, today))),
        always_changed,
    );
    let changes = Memo::new_with_compare(
        move |_| result.with(|c| stored.with(|s| changes(c, &s.seen))),
        always_changed,
    );
    let state = ConsolidationState {
        stored,
        result,
        changes,
        year,
    };
    provide_context(state);

    // Units consolidated for the first time are remembered as seen (new, not changed).
    Effect::new(move |_| {
        result.with(|c| stored.maybe_update(|s| remember_new_rows(c, &mut s.seen)));
    });
    // Kept in storage on every change; a failed write shows the lasting storage banner.
    Effect::new(move |_| {
        stored.with(|s| {
            if let Err(e) = storage::save_consolidation(s) {
                health.0.set(Some(e));
            }
        })
    });

    // The years that have plans, and this one, in order.
    let years = Memo::new(move |_| {
        book.0.with(|w| {
            let has = |y: i32| y == year || w.plans.iter().any(|p| p.year == y);
            let (low, high) = w
                .plans
                .iter()
                .fold((year, year), |(lo, hi), p| (lo.min(p.year), hi.max(p.year)));
            (low..=high).filter(|y| has(*y)).collect::<Vec<_>>()
        })
    });

    let export = move |_| {
        let l = lang.get();
        let current = stored.get_untracked();
        if current.superior.name.trim().is_empty() {
            notices.push(
                NoticeKind::Error,
                lang.t(Text::SuperiorNameNeeded).into(),
                vec![],
            );
            return;
        }
        if result.with_untracked(|c| c.rows.is_empty()) {
            notices.push(
                NoticeKind::Error,
                lang.t(Text::NoPlansChosen).into(),
                vec![],
            );
            return;
        }
        let plan = book.0.with_untracked(|w| {
            result.with_untracked(|c| {
                consolidated_plan(
                    c,
                    &w.plans,
                    current.plan_id.clone(),
                    current.superior.clone(),
                    year,
                    today,
                    l,
                )
            })
        });
        let mut next = current;
        let plan = next.next_export(plan);
        if download_checked_plan(&plan, today, l, notices) {
            stored.set(next);
        }
    };
    let mark_seen = move |_| {
        let seen = result.with_untracked(mark_all_seen);
        stored.update(|s| s.seen = seen);
    };

    view! {
        <section class="page consolidation-page" data-testid="consolidation-page">
            <a href="#" class="back" on:click=move |ev| { ev.prevent_default(); nav.0.set(Screen::Workbook); }>
                {lang.t(Text::BackToWorkbook)}
            </a>
            <div class="page-head">
                <div>
                    <h1 data-testid="consolidation-title">
                        {lang.t(Text::ConsolidationTitle)} " " {year}
                        {move || {
                            let name = stored.with(|s| s.superior.name.clone());
                            (!name.trim().is_empty()).then(|| view! { <span class="title-year">" · " {name}</span> })
                        }}
                    </h1>
                    <p class="lead">{lang.t(Text::ConsolidationIntro)}</p>
                </div>
                <div class="toolbar">
                    <label class="field">
                        <span class="field-label">{lang.t(Text::ConsolidationYear)}</span>
                        <select data-testid="consolidation-year" on:change:target=move |ev| {
                            if let Ok(y) = ev.target().value().parse::<i32>() { nav.0.set(Screen::Consolidation(y)); }
                        }>
                            {move || years.get().into_iter().map(|y| view! {
                                <option value=y.to_string() selected=y == year>{y}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="button" class="btn btn-primary" data-testid="export-consolidation" on:click=export>
                        {lang.t(Text::ExportConsolidated)}
                    </button>
                </div>
            </div>
            {move || {
                let n = changes.with(Vec::len);
                (n > 0).then(|| view! {
                    <div class="card changes" role="status" data-testid="consolidation-changes">
                        <h2 class="card-title">"▲ " {lang.t(Text::ChangesTitle)}</h2>
                        <p>{lang.t(Text::ChangesHint)}</p>
                        <div inner_html=move || result.with(|c| changes.with(|ch| changes_list(c, ch, lang.get())))></div>
                        <button type="button" class="btn btn-secondary btn-small" data-testid="mark-seen" on:click=mark_seen>
                            {lang.t(Text::MarkSeen)}
                        </button>
                    </div>
                })
            }}
            <div class="consolidation-setup">
                <SuperiorUnit />
                <ChosenPlans />
                <ExpectedUnits />
            </div>
            <Aggregates />
            <Matrix />
            <div class="consolidation-setup">
                <Exclusions />
                <Mappings />
            </div>
        </section>
    }
}
