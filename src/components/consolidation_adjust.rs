//! Adjusting a consolidation by hand: cells left out of the whole area's figures, and targets
//! of plans made from another template mapped onto a matching target. Both are kept with the
//! consolidation. Each is a form of two lists and a button, and the list of what was done,
//! each line with a button to undo it.

use cchc_domain::consolidation::{Consolidation, ConsolidationSpec, TargetMapping};
use cchc_domain::i18n::{in_plans, Text};
use cchc_domain::plan::PlanId;
use cchc_domain::target::TargetId;
use leptos::prelude::*;

use crate::components::consolidation_page::ConsolidationState;
use crate::state::{Book, Lang};

/// (value, label) pairs of a list.
type Options = Vec<(String, String)>;

/// Two lists, a button that acts on both chosen values, and the undo list.
#[allow(clippy::too_many_arguments)]
fn adjust_card(
    lang: Lang,
    title: Text,
    hint: Text,
    labels: (Text, Text, Text),
    testid: &'static str,
    // Shown instead of the form when the first list is empty.
    nothing_to_do: Text,
    options: Memo<(Options, Options)>,
    on_add: impl Fn(String, String) + Copy + Send + Sync + 'static,
    done: Memo<Vec<(usize, String)>>,
    on_undo: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let chosen = move |picked: RwSignal<String>, list: fn(&(Options, Options)) -> &Options| {
        let v = picked.get_untracked();
        options.with_untracked(|o| {
            let list = list(o);
            if list.iter().any(|(value, _)| *value == v) {
                v
            } else {
                list.first()
                    .map(|(value, _)| value.clone())
                    .unwrap_or_default()
            }
        })
    };
    let add = move |_| {
        let (a, b) = (chosen(first, |o| &o.0), chosen(second, |o| &o.1));
        if !a.is_empty() && !b.is_empty() {
            on_add(a, b);
        }
    };
    let select = move |label: Text,
                       picked: RwSignal<String>,
                       list: fn(&(Options, Options)) -> &Options,
                       part: &'static str| {
        view! {
            <label class="field field-wide">
                <span class="field-label">{lang.t(label)}</span>
                <select data-testid=format!("{testid}-{part}") on:change:target=move |ev| picked.set(ev.target().value())>
                    {move || options.with(|o| list(o).iter().map(|(value, text)| view! {
                        <option value=value.clone() selected=picked.get_untracked() == *value>{text.clone()}</option>
                    }).collect_view())}
                </select>
            </label>
        }
    };
    view! {
        <div class="card">
            <h2 class="card-title">{lang.t(title)}</h2>
            <p class="field-hint">{lang.t(hint)}</p>
            <div class="form-row" class:hidden=move || options.with(|o| o.0.is_empty())>
                {select(labels.0, first, |o| &o.0, "which")}
                {select(labels.1, second, |o| &o.1, "into")}
                <button type="button" class="btn btn-secondary btn-small" data-testid=format!("{testid}-add") on:click=add>
                    {lang.t(labels.2)}
                </button>
            </div>
            <p class="muted" data-testid=format!("{testid}-nothing") class:hidden=move || options.with(|o| !o.0.is_empty())>
                {lang.t(nothing_to_do)}
            </p>
            <ul class="plain-list adjust-list" data-testid=format!("{testid}-list")>
                {move || done.get().into_iter().map(|(k, text)| view! {
                    <li>
                        <span>{text}</span>
                        <button type="button" class="btn btn-quiet btn-small" data-testid=format!("{testid}-undo") on:click=move |_| on_undo(k)>
                            {lang.t(if testid == "exclude" { Text::IncludeAgain } else { Text::Unmap })}
                        </button>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Columns in display order, numbered as in the tables.
fn numbered_columns(c: &Consolidation) -> Options {
    let mut number = 0;
    c.columns_by_area()
        .into_iter()
        .flat_map(|(_, columns)| columns)
        .filter_map(|i| {
            number += 1;
            let column = c.columns.get(i)?;
            Some((column.id.0.clone(), format!("{number}. {}", column.label)))
        })
        .collect()
}

fn unit_name(c: &Consolidation, plan: &PlanId) -> String {
    c.rows
        .iter()
        .find(|r| &r.plan == plan)
        .map(|r| r.unit.clone())
        .unwrap_or_else(|| plan.0.clone())
}

fn column_label(c: &Consolidation, id: &TargetId) -> String {
    c.columns
        .iter()
        .find(|x| &x.id == id)
        .map(|x| x.label.clone())
        .unwrap_or_else(|| id.0.clone())
}

/// Cells switched out of the aggregate.
#[component]
pub fn Exclusions() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let state = expect_context::<ConsolidationState>();
    let result = state.result;
    let options = Memo::new(move |_| {
        result.with(|c| {
            let units = c
                .rows
                .iter()
                .map(|r| (r.plan.0.clone(), r.unit.clone()))
                .collect();
            (units, numbered_columns(c))
        })
    });
    let done = Memo::new(move |_| {
        result.with(|c| {
            state.stored.with(|s| {
                s.spec
                    .excluded
                    .iter()
                    .enumerate()
                    .map(|(k, (p, col))| {
                        (
                            k,
                            format!("⊘ {} — {}", unit_name(c, p), column_label(c, col)),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    adjust_card(
        lang,
        Text::ExcludeTitle,
        Text::ExcludeHint,
        (Text::ColUnit, Text::ColTarget, Text::ExcludeButton),
        "exclude",
        Text::NoPlansChosen,
        options,
        move |plan, column| {
            let cell = (PlanId(plan), TargetId(column));
            state.edit_spec(|s| {
                if !s.excluded.contains(&cell) {
                    s.excluded.push(cell);
                }
            });
        },
        done,
        move |k| state.edit_spec(|s| remove_at(&mut s.excluded, k)),
    )
}

fn remove_at<T>(list: &mut Vec<T>, k: usize) {
    if k < list.len() {
        list.remove(k);
    }
}

/// Targets not in every chosen plan, mapped onto a matching target.
#[component]
pub fn Mappings() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let state = expect_context::<ConsolidationState>();
    let result = state.result;
    let options = Memo::new(move |_| {
        let l = lang.get();
        result.with(|c| {
            let columns = numbered_columns(c);
            let unmatched = columns
                .iter()
                .filter_map(|(id, label)| {
                    let i = c.columns.iter().position(|x| x.id.0 == *id)?;
                    let having = c
                        .rows
                        .iter()
                        .filter(|r| r.cells.get(i).is_some_and(|cell| cell.status.is_some()))
                        .count();
                    (having < c.rows.len()).then(|| {
                        (
                            id.clone(),
                            format!("{label} ({})", in_plans(having, c.rows.len(), l)),
                        )
                    })
                })
                .collect();
            (unmatched, columns)
        })
    });
    let done = Memo::new(move |_| {
        result.with(|c| {
            state.stored.with(|s| {
                s.spec
                    .mappings
                    .iter()
                    .enumerate()
                    .map(|(k, m)| {
                        // The unit's own wording of its target, from its plan.
                        let own = book.0.with(|w| {
                            w.plan(&m.plan)
                                .and_then(|p| p.targets.iter().find(|t| t.id == m.target))
                                .map(|t| t.label.clone())
                        });
                        let own = own.unwrap_or_else(|| m.target.0.clone());
                        let into = column_label(c, &m.column);
                        (
                            k,
                            format!("⇄ {}: «{own}» → «{into}»", unit_name(c, &m.plan)),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    adjust_card(
        lang,
        Text::MappingTitle,
        Text::MappingHint,
        (Text::MapWhich, Text::MapInto, Text::MapButton),
        "map",
        Text::NoMappingNeeded,
        options,
        move |from, into| {
            let members = result.with_untracked(|c| members_of(c, &TargetId(from)));
            state.edit_spec(|s| map_members(s, members, TargetId(into)));
        },
        done,
        move |k| state.edit_spec(|s| remove_at(&mut s.mappings, k)),
    )
}

/// The unit targets counted in a column: (plan, the unit's own target id).
fn members_of(c: &Consolidation, column: &TargetId) -> Vec<(PlanId, TargetId)> {
    let Some(i) = c.columns.iter().position(|x| &x.id == column) else {
        return Vec::new();
    };
    c.rows
        .iter()
        .filter_map(|r| {
            let cell = r.cells.get(i).filter(|cell| cell.status.is_some())?;
            Some((
                r.plan.clone(),
                cell.mapped_from.clone().unwrap_or_else(|| column.clone()),
            ))
        })
        .collect()
}

fn map_members(spec: &mut ConsolidationSpec, members: Vec<(PlanId, TargetId)>, into: TargetId) {
    for (plan, target) in members {
        spec.mappings
            .retain(|m| !(m.plan == plan && m.target == target));
        if target != into {
            spec.mappings.push(TargetMapping {
                plan,
                target,
                column: into.clone(),
            });
        }
    }
}
