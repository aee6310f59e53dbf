//! The import report: one row per file with what the check found (a new plan, a newer or
//! older revision of a plan held here, an identical copy, or the exact error), the
//! differences from the plan held, and a choice of what to do. Nothing changes until the
//! officer presses «Áp dụng»; the outcome of every row goes to the import log.

use cchc_domain::i18n::{revision_and_status, template_kept_message, template_option, Text};
use cchc_domain::import_log::LogAction;
use cchc_domain::import_review::{apply, resolution_label, Resolution, ReviewRow};
use cchc_domain::number::format_count;
use cchc_domain::plan::PlanId;
use leptos::prelude::*;

use crate::browser;
use crate::components::import::PendingImport;
use crate::components::import_log::ImportLogState;
use crate::state::{Book, Lang, Nav, NoticeKind, Notices, SaveHealth, Screen};
use crate::template_store;

/// One row as shown: texts worked out once when the review opens.
struct RowView {
    file: String,
    size: String,
    plan: String,
    finding: String,
    detail: String,
    is_error: bool,
    same_plan_as: Option<usize>,
    diff_summary: String,
    diff_lines: Vec<(&'static str, String, String)>,
    choices: Vec<Resolution>,
}

fn row_view(r: &ReviewRow, l: cchc_domain::locale::Locale) -> RowView {
    let (plan, finding, detail, is_error) = match (&r.file.result, &r.arrival) {
        (Ok(imported), Some(_)) => {
            let p = &imported.plan;
            (
                match &p.template {
                    Some(m) => format!("{} · {}", template_option(&m.name, m.version, l), p.year),
                    None => format!(
                        "{} · {} · {}",
                        p.unit.name,
                        p.year,
                        revision_and_status(p.revision, p.status, l)
                    ),
                },
                r.arrival_text(l),
                String::new(),
                false,
            )
        }
        (Err(e), _) => (String::new(), e.headline(l).to_string(), e.message(l), true),
        (Ok(_), None) => (String::new(), String::new(), String::new(), false),
    };
    let (diff_summary, diff_lines) = match &r.diff {
        Some(d) => (
            d.summary(l),
            d.lines(l)
                .into_iter()
                .map(|line| {
                    let sign = match line.sign {
                        cchc_domain::plan_diff::DiffSign::Added => "+",
                        cchc_domain::plan_diff::DiffSign::Removed => "−",
                        cchc_domain::plan_diff::DiffSign::Changed => "~",
                    };
                    (sign, line.subject, line.text)
                })
                .collect(),
        ),
        None => (String::new(), Vec::new()),
    };
    RowView {
        file: r.file.name.clone(),
        size: format!("{} KB", format_count(r.file.size.div_ceil(1024))),
        plan,
        finding,
        detail,
        is_error,
        same_plan_as: r.same_plan_as,
        diff_summary,
        diff_lines,
        choices: r.choices.clone(),
    }
}

fn resolution_value(r: Resolution) -> &'static str {
    match r {
        Resolution::Add => "add",
        Resolution::TakeTheirs => "take-theirs",
        Resolution::KeepMine => "keep-mine",
        Resolution::KeepBoth => "keep-both",
        Resolution::UseAsTemplate => "use-as-template",
        Resolution::Skip => "skip",
    }
}

#[component]
pub fn ImportReview() -> impl IntoView {
    let pending = expect_context::<PendingImport>();
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let notices = expect_context::<Notices>();
    let nav = expect_context::<Nav>();
    let log = expect_context::<ImportLogState>();
    let health = expect_context::<SaveHealth>();
    let choices: RwSignal<Vec<Resolution>> = RwSignal::new(Vec::new());

    let apply_rows = move |_| {
        let Some(rows) = pending.rows.get_untracked() else {
            return;
        };
        let chosen = choices.get_untracked();
        let l = lang.get_untracked();
        let single = rows.len() == 1;
        // Template files chosen for the library: kept there, never added to the workbook.
        let templates: Vec<_> = rows
            .iter()
            .zip(&chosen)
            .filter(|(_, c)| **c == Resolution::UseAsTemplate)
            .filter_map(|(r, _)| r.file.plan().filter(|p| p.is_template()).cloned())
            .collect();
        let Some(entries) = book.edit(|w| {
            apply(
                w,
                rows,
                &chosen,
                &mut || PlanId(browser::fresh_id("plan")),
                &browser::now_rfc3339(),
            )
        }) else {
            return;
        };
        let mut opened = None;
        let mut replaced: Vec<PlanId> = Vec::new();
        for e in &entries {
            if let (LogAction::Replaced { .. }, Some(p)) = (&e.action, &e.plan) {
                replaced.push(PlanId(p.id.clone()));
            }
            let id = match (&e.action, &e.plan) {
                (LogAction::AddedAlongside { new_id }, _) => Some(PlanId(new_id.clone())),
                (LogAction::Added | LogAction::Replaced { .. }, Some(p)) => {
                    Some(PlanId(p.id.clone()))
                }
                _ => None,
            };
            if let Some(id) = id {
                // The plan now is the file's revision; the next edit starts a new one.
                book.close_revision(&id);
                opened = Some(id);
            }
        }
        // Only reached when this tab edits (the workbook took the batch).
        let mut details: Vec<String> = Vec::new();
        for t in templates {
            let name = t
                .template
                .as_ref()
                .map(|m| m.name.clone())
                .unwrap_or_default();
            match template_store::add_template(t) {
                Ok(outcome) => details.push(template_kept_message(&name, outcome, l)),
                Err(e) => health.0.set(Some(e)),
            }
        }
        details.extend(entries.iter().map(|e| {
            format!(
                "{}: {}",
                e.file_name,
                cchc_domain::import_log::describe_action(&e.action, l)
            )
        }));
        log.0.update(|log| log.append(entries));
        notices.push(
            NoticeKind::Success,
            Text::ImportApplied.get(l).to_string(),
            details,
        );
        pending.rows.set(None);
        // One file opens its plan, except on the consolidation screen, which shows the file's
        // effect where the officer is.
        let consolidating = matches!(nav.0.get_untracked(), Screen::Consolidation(_));
        if single && !consolidating {
            if let Some(id) = opened {
                nav.0.set(Screen::Plan(id));
            }
        } else if let Screen::Plan(current) = nav.0.get_untracked() {
            // The plan on screen was replaced: show the new one, not the inputs of the old.
            if replaced.contains(&current) {
                nav.0.set(Screen::Plan(current));
            }
        }
    };
    let cancel = move |_| pending.rows.set(None);
    // Escape closes the report like «Huỷ»: nothing was applied.
    let escape = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "Escape" && pending.rows.with_untracked(Option::is_some) {
            pending.rows.set(None);
        }
    });
    on_cleanup(move || escape.remove());

    move || {
        let reading = pending.reading.get();
        let rows = pending.rows.get();
        if rows.is_none() && !reading {
            return ().into_any();
        }
        let l = lang.get_untracked();
        let rows = rows.unwrap_or_default();
        choices.set(rows.iter().map(|r| r.default).collect());
        let views: Vec<RowView> = rows.iter().map(|r| row_view(r, l)).collect();
        let any_rows = !views.is_empty();
        view! {
            <div class="overlay">
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="review-title" data-testid="import-review">
                    <h2 id="review-title" class="card-title">{lang.t(Text::ReviewTitle)}</h2>
                    {reading.then(|| view! { <p class="muted" role="status" data-testid="import-reading">{lang.t(Text::ReadingFiles)}</p> })}
                    {any_rows.then(|| view! { <p>{lang.t(Text::ReviewIntro)}</p> })}
                    <div class="table-scroll">
                    <table class="table review-table">
                        <thead><tr>
                            <th>"#"</th>
                            <th>{lang.t(Text::ColFile)}</th>
                            <th>{lang.t(Text::ColPlan)}</th>
                            <th>{lang.t(Text::ColFinding)}</th>
                            <th>{lang.t(Text::ColChoice)}</th>
                        </tr></thead>
                        <tbody>
                            {views.into_iter().enumerate().map(|(i, v)| {
                                let single_choice = v.choices.len() == 1;
                                let has_diff = !v.diff_lines.is_empty();
                                let chosen = choices.get_untracked().get(i).copied();
                                view! {
                                    <tr data-testid="review-row" class:row-error=v.is_error>
                                        <td>{i + 1}</td>
                                        <td class="cell-file">
                                            <span data-testid="review-file">{v.file}</span>
                                            <span class="muted small">{v.size}</span>
                                        </td>
                                        <td data-testid="review-plan">{v.plan}</td>
                                        <td>
                                            <strong data-testid="review-finding">{v.finding}</strong>
                                            {(!v.detail.is_empty()).then(|| view! { <p class="small" data-testid="review-error">{v.detail}</p> })}
                                            {v.same_plan_as.map(|j| view! { <p class="small">{lang.t(Text::SamePlanAsRow)} " " {j + 1}</p> })}
                                            {has_diff.then(|| view! {
                                                <details class="diff" data-testid="review-diff">
                                                    <summary>{lang.t(Text::ShowDifferences)} ": " {v.diff_summary}</summary>
                                                    <ul class="diff-lines">
                                                        {v.diff_lines.into_iter().map(|(sign, subject, text)| view! {
                                                            <li><span class="diff-sign" aria-hidden="true">{sign}</span> <strong>{subject}</strong> ": " {text}</li>
                                                        }).collect_view()}
                                                    </ul>
                                                </details>
                                            })}
                                        </td>
                                        <td>
                                            {if single_choice {
                                                view! { <span class="muted" data-testid="review-choice-fixed">{v.choices.first().map(|r| resolution_label(*r, l)).unwrap_or_default()}</span> }.into_any()
                                            } else {
                                                view! {
                                                    <select data-testid="review-choice" aria-label=lang.t(Text::ColChoice)
                                                        on:change:target=move |ev| {
                                                            let value = ev.target().value();
                                                            choices.update(|c| {
                                                                if let (Some(slot), Some(r)) = (c.get_mut(i), [Resolution::Add, Resolution::TakeTheirs, Resolution::KeepMine, Resolution::KeepBoth, Resolution::UseAsTemplate, Resolution::Skip].into_iter().find(|r| resolution_value(*r) == value)) {
                                                                    *slot = r;
                                                                }
                                                            });
                                                        }>
                                                        {v.choices.iter().map(|r| view! {
                                                            <option value=resolution_value(*r) selected=chosen == Some(*r)>{resolution_label(*r, l)}</option>
                                                        }).collect_view()}
                                                    </select>
                                                }.into_any()
                                            }}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                    <div class="form-actions">
                        <button type="button" class="btn btn-primary" data-testid="review-apply" disabled=reading on:click=apply_rows>
                            {lang.t(Text::Apply)}
                        </button>
                        <button type="button" class="btn btn-secondary" data-testid="review-cancel" on:click=cancel>
                            {lang.t(Text::Cancel)}
                        </button>
                    </div>
                </div>
            </div>
        }
        .into_any()
    }
}
