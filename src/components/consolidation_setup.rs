//! The choices behind a consolidation: the consolidating unit (it owns the exported plan),
//! the plans included, and the units expected to report.

use cchc_domain::expected_units::{format_expected_units, parse_expected_units};
use cchc_domain::i18n::{
    plans_chosen, plans_not_chosen, revision_words, units_in_consolidation, Text,
};
use cchc_domain::plan::PlanId;
use leptos::prelude::*;

use crate::components::consolidation_page::ConsolidationState;
use crate::state::{Book, Lang};

/// The consolidating unit's name and code, and the unit it reports to.
#[component]
pub fn SuperiorUnit() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let state = expect_context::<ConsolidationState>();
    let stored = state.stored;
    let input = move |label: Text,
                      testid: &'static str,
                      get: fn(&cchc_domain::unit::Unit) -> &String,
                      set: fn(&mut cchc_domain::unit::Unit, String)| {
        view! {
            <label class="field">
                <span class="field-label">{lang.t(label)}</span>
                <input
                    type="text"
                    data-testid=testid
                    prop:value=move || stored.with(|s| get(&s.superior).clone())
                    on:change:target=move |ev| {
                        let v = ev.target().value().trim().to_string();
                        stored.update(|s| set(&mut s.superior, v));
                    }
                />
            </label>
        }
    };
    view! {
        <div class="card">
            <h2 class="card-title">{lang.t(Text::SuperiorTitle)}</h2>
            <div class="form-grid">
                {input(Text::UnitName, "superior-name", |u| &u.name, |u, v| u.name = v)}
                {input(Text::UnitCode, "superior-code", |u| &u.id, |u, v| u.id = v)}
                {input(Text::Superior, "superior-up", |u| &u.superior, |u, v| u.superior = v)}
                {input(Text::SuperiorCode, "superior-up-code", |u| &u.superior_id, |u, v| u.superior_id = v)}
            </div>
        </div>
    }
}

#[derive(Clone, PartialEq)]
struct Choice {
    id: PlanId,
    label: String,
    consolidated: bool,
}

/// The plans of the year held in the workbook, each with a box to include it.
#[component]
pub fn ChosenPlans() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let state = expect_context::<ConsolidationState>();
    let year = state.year;
    let choices = Memo::new(move |_| {
        let l = lang.get();
        book.0.with(|w| {
            w.ordered()
                .into_iter()
                .filter(|p| p.year == year)
                .map(|p| Choice {
                    id: p.id.clone(),
                    label: format!("{} · {}", p.unit.name, revision_words(p.revision, l)),
                    consolidated: !p.sources.is_empty(),
                })
                .collect::<Vec<_>>()
        })
    });
    let set_all = move |all: bool| {
        let ids: Vec<PlanId> = if all {
            choices.with_untracked(|c| {
                c.iter()
                    .filter(|c| !c.consolidated)
                    .map(|c| c.id.clone())
                    .collect()
            })
        } else {
            Vec::new()
        };
        state.edit_spec(|s| s.plans = ids);
    };
    let summary = move || {
        let l = lang.get();
        let chosen = state.result.with(|c| c.rows.len());
        let missing = state.result.with(|c| c.missing.len());
        format!(
            "{} · {}",
            plans_chosen(chosen, choices.with(Vec::len), l),
            units_in_consolidation(chosen, missing, l)
        )
    };
    view! {
        <div class="card">
            <h2 class="card-title">{lang.t(Text::PlansChosenTitle)}</h2>
            {move || choices.with(Vec::is_empty).then(|| view! {
                <p class="empty" data-testid="no-plans-for-year">{lang.t(Text::NoPlansForYear)}</p>
            })}
            {move || {
                // Subordinate plans of the year imported since, not in the consolidation yet.
                let left_out = choices.with(|c| {
                    state.stored.with(|s| c.iter().filter(|c| !c.consolidated && !s.spec.plans.contains(&c.id)).count())
                });
                (left_out > 0).then(|| view! {
                    <p class="field-error" data-testid="plans-not-chosen">
                        {plans_not_chosen(left_out, lang.get())} " "
                        <button type="button" class="btn btn-secondary btn-small" data-testid="choose-all-plans" on:click=move |_| set_all(true)>
                            {lang.t(Text::SelectAll)}
                        </button>
                    </p>
                })
            }}
            <details class="choose-plans">
                <summary data-testid="plans-chosen-summary">{summary}</summary>
                <div class="form-actions">
                    <button type="button" class="btn btn-quiet btn-small" on:click=move |_| set_all(true)>{lang.t(Text::SelectAll)}</button>
                    <button type="button" class="btn btn-quiet btn-small" on:click=move |_| set_all(false)>{lang.t(Text::SelectNone)}</button>
                </div>
                <ul class="plain-list plan-choices">
                    {move || choices.get().into_iter().map(|c| {
                        let id = c.id.clone();
                        let checked = state.stored.with(|s| s.spec.plans.contains(&c.id));
                        view! {
                            <li>
                                <label class="check check-plain">
                                    <input type="checkbox" data-testid="choose-plan" prop:checked=checked on:change:target=move |ev| {
                                        let on = ev.target().checked();
                                        let id = id.clone();
                                        state.edit_spec(move |s| {
                                            s.plans.retain(|p| *p != id);
                                            if on { s.plans.push(id); }
                                        });
                                    } />
                                    <span>{c.label.clone()}</span>
                                    {c.consolidated.then(|| view! { <span class="muted small">"(" {lang.t(Text::ConsolidatedMark)} ")"</span> })}
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
            {move || {
                let unknown = state.result.with(|c| c.unknown_plans.len());
                (unknown > 0).then(|| view! {
                    <p class="field-error">{lang.t(Text::UnknownPlansTitle)} ": " {unknown}</p>
                })
            }}
        </div>
    }
}

/// The units expected to report, typed or pasted one per line, and those still missing.
#[component]
pub fn ExpectedUnits() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let state = expect_context::<ConsolidationState>();
    let text = RwSignal::new(
        state
            .stored
            .with_untracked(|s| format_expected_units(&s.spec.expected)),
    );
    let save = move |_| {
        let units = parse_expected_units(&text.get_untracked());
        text.set(format_expected_units(&units));
        state.edit_spec(|s| s.expected = units);
    };
    view! {
        <div class="card">
            <h2 class="card-title">{lang.t(Text::ExpectedTitle)}</h2>
            <label class="field">
                <span class="field-hint">{lang.t(Text::ExpectedHint)}</span>
                <textarea rows="4" data-testid="expected-units" prop:value=move || text.get() on:input:target=move |ev| text.set(ev.target().value())></textarea>
            </label>
            <div class="form-actions">
                <button type="button" class="btn btn-secondary btn-small" data-testid="save-expected" on:click=save>{lang.t(Text::SaveList)}</button>
            </div>
            {move || {
                let missing = state.result.with(|c| c.missing.clone());
                (!missing.is_empty()).then(|| view! {
                    <div class="missing" data-testid="missing-units">
                        <h3 class="small">"⚠ " {lang.t(Text::MissingTitle)} " (" {missing.len()} ")"</h3>
                        <ul class="plain-list">
                            {missing.into_iter().map(|u| view! {
                                <li>{if u.code.is_empty() { u.name } else { format!("{} ({})", u.name, u.code) }}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
        </div>
    }
}
