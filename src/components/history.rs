//! A target's progress history: every entry, newest first, with its figures and comment.
//! Entries stay in the history; deleting one asks first.

use cchc_domain::date::format_vi_date;
use cchc_domain::describe::describe_value;
use cchc_domain::evaluation::evaluate_condition;
use cchc_domain::i18n::Text;
use cchc_domain::locale::Locale;
use cchc_domain::plan::PlanId;
use cchc_domain::progress::{EntryId, Figure, Reading};
use cchc_domain::target::{Condition, Goal, TargetId};
use leptos::prelude::*;

use crate::browser;
use crate::state::{Book, Lang};

fn figure_text(c: &Condition, f: &Figure, l: Locale) -> String {
    evaluate_condition(c, f)
        .measured
        .map(|m| describe_value(c, &m, l))
        .unwrap_or_default()
}

fn reading_text(goal: &Goal, reading: &Reading, l: Locale) -> String {
    match (goal, reading) {
        (Goal::Single { condition, .. }, Reading::Single { figure }) => {
            figure_text(condition, figure, l)
        }
        (
            Goal::Single {
                condition,
                breakdown,
            },
            Reading::PerField { fields },
        ) => fields
            .iter()
            .map(|ff| {
                let name = breakdown
                    .iter()
                    .find(|f| f.id == ff.field)
                    .map(|f| f.name.clone())
                    .unwrap_or_default();
                format!("{name}: {}", figure_text(condition, &ff.figure, l))
            })
            .collect::<Vec<_>>()
            .join("; "),
        (
            Goal::Compound { first, second },
            Reading::Pair {
                first: a,
                second: b,
            },
        ) => {
            format!(
                "{}; {}",
                figure_text(first, a, l),
                figure_text(second, b, l)
            )
        }
        (_, Reading::Milestone { done_on, evidence }) => {
            let done = done_on
                .map(format_vi_date)
                .unwrap_or_else(|| Text::MilestoneNotDone.get(l).into());
            if evidence.is_empty() {
                done
            } else {
                format!("{done} · {evidence}")
            }
        }
        (_, Reading::Text { text }) => text.clone(),
        _ => String::new(),
    }
}

#[component]
pub fn History(plan_id: PlanId, target_id: TargetId) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let pid = StoredValue::new(plan_id);
    let tid = StoredValue::new(target_id);
    let rows = Memo::new(move |_| {
        let l = lang.get();
        book.0.with(|w| {
            w.plan(&pid.get_value())
                .and_then(|p| p.target(&tid.get_value()))
                .map(|t| {
                    let mut v: Vec<(EntryId, chrono::NaiveDate, String, String)> = t
                        .entries
                        .iter()
                        .map(|e| {
                            (
                                e.id.clone(),
                                e.date,
                                reading_text(&t.goal, &e.reading, l),
                                e.comment.clone(),
                            )
                        })
                        .collect();
                    v.reverse();
                    v.sort_by_key(|r| std::cmp::Reverse(r.1));
                    v
                })
                .unwrap_or_default()
        })
    });
    let delete = move |id: EntryId| {
        if browser::confirm(lang.t(Text::ConfirmDeleteEntry)) {
            book.update_plan(&pid.get_value(), |p| {
                if let Some(t) = p.target_mut(&tid.get_value()) {
                    t.entries.retain(|e| e.id != id);
                }
            });
        }
    };
    view! {
        <div class="panel history" data-testid="history">
            <h3 class="panel-title">{lang.t(Text::HistoryTitle)}</h3>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p class="muted">{lang.t(Text::NoEntries)}</p> }.into_any();
                }
                view! {
                    <p class="muted small">{lang.t(Text::LatestCounts)}</p>
                    <table class="history-table">
                        <thead><tr>
                            <th scope="col">{lang.t(Text::ColDate)}</th>
                            <th scope="col">{lang.t(Text::ColFigures)}</th>
                            <th scope="col">{lang.t(Text::ColComment)}</th>
                            <th scope="col"><span class="visually-hidden">{lang.t(Text::ColActions)}</span></th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(id, date, figures, comment)| view! {
                                <tr data-testid="history-row">
                                    <td>{format_vi_date(date)}</td>
                                    <td>{figures}</td>
                                    <td>{comment}</td>
                                    <td><button type="button" class="btn btn-small btn-quiet" on:click=move |_| delete(id.clone())>{lang.t(Text::DeleteEntry)}</button></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </div>
    }
}
