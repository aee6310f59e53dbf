//! The plan's reporting card: the four reports of the year with their cut-off days (the
//! Ministry's, or the province's own), where today falls, how many targets are on track now,
//! and the snapshots that freeze a review's figures as they were reported.

use cchc_domain::date::format_vi_date;
use cchc_domain::describe::describe_value;
use cchc_domain::evaluation::evaluate;
use cchc_domain::i18n::{
    pace_icon, pace_name, pace_summary_words, reporting_period_name, review_name, snapshot_line,
    snapshot_taken_message, status_icon, status_name, today_in_report_year, Text,
};
use cchc_domain::locale::Locale;
use cchc_domain::pacing::summarise;
use cchc_domain::plan::{Plan, PlanId};
use cchc_domain::reporting_period::{
    cutoffs_from_texts, Cutoffs, CutoffsEntryProblem, ReportingPeriod,
};
use cchc_domain::snapshot::{next_snapshot_id, take_snapshot, FrozenFigure, Snapshot};
use cchc_domain::target::Goal;
use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser;
use crate::components::status::status_key;
use crate::state::{Book, Lang, NoticeKind, Notices, Today};

/// The figure a snapshot froze, in words, read with the target's definition when the plan
/// still has the target.
fn frozen_value(plan: &Plan, f: &FrozenFigure, taken_on: NaiveDate, l: Locale) -> String {
    let (Some(target), Some(entry)) = (plan.target(&f.target), &f.entry) else {
        return "—".into();
    };
    let mut t = target.clone();
    t.entries = vec![entry.clone()];
    let e = evaluate(&t, taken_on);
    let text = match &t.goal {
        Goal::Single { condition, .. } => e
            .headline
            .and_then(|h| h.measured)
            .map(|m| describe_value(condition, &m, l)),
        Goal::Compound { first, second } => {
            let part = |i: usize, c| {
                e.parts
                    .get(i)
                    .and_then(|p| p.measured)
                    .map(|m| describe_value(c, &m, l))
            };
            part(0, first)
                .zip(part(1, second))
                .map(|(a, b)| format!("{a} · {b}"))
        }
        Goal::Milestone { .. } => Some(status_name(e.status, l).to_string()),
        Goal::FreeText => None,
    };
    text.unwrap_or_else(|| "—".into())
}

fn cutoff_problem_text(p: CutoffsEntryProblem, l: Locale) -> String {
    match p {
        CutoffsEntryProblem::BadDay(period) => format!(
            "{}: {}",
            reporting_period_name(period, l),
            Text::CutoffsBadDay.get(l)
        ),
        CutoffsEntryProblem::OutOfOrder => Text::CutoffsOrder.get(l).to_string(),
    }
}

#[component]
fn SnapshotItem(plan_id: PlanId, snapshot: Snapshot) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let open = RwSignal::new(false);
    let sid = StoredValue::new(snapshot.id.clone());
    let pid = StoredValue::new(plan_id);
    let shot = StoredValue::new(snapshot);
    let delete = move |_| {
        if browser::confirm(lang.t(Text::SnapshotConfirmDelete)) {
            let id = sid.get_value();
            book.update_plan(&pid.get_value(), |p| {
                p.reporting.snapshots.retain(|s| s.id != id)
            });
        }
    };
    let rows = move || {
        let l = lang.get();
        let s = shot.get_value();
        book.0.with(|w| {
            let plan = w.plan(&pid.get_value())?;
            Some(
                s.figures
                    .iter()
                    .map(|f| {
                        let value = frozen_value(plan, f, s.taken_on, l);
                        let gone = plan.target(&f.target).is_none();
                        view! {
                            <tr data-testid="snapshot-figure">
                                <td>
                                    {f.label.clone()}
                                    {gone.then(|| view! { <span class="muted small">" " {Text::SnapshotTargetGone.get(l)}</span> })}
                                </td>
                                <td data-testid="snapshot-value">{value}</td>
                                <td data-status=status_key(f.status)>
                                    <span aria-hidden="true">{status_icon(f.status)} " "</span>{status_name(f.status, l)}
                                </td>
                                <td data-pace=f.pace.key()>
                                    <span aria-hidden="true">{pace_icon(f.pace)} " "</span>{pace_name(f.pace, l)}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
        })
    };
    view! {
        <li class="snapshot" data-testid="snapshot" data-period=shot.with_value(|s| s.period.as_str())>
            <div class="snapshot-head">
                <span class="snapshot-line">{move || shot.with_value(|s| snapshot_line(s, lang.get()))}</span>
                <button type="button" class="btn btn-small btn-quiet" data-testid="snapshot-toggle"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {move || if open.get() { lang.t(Text::SnapshotHide) } else { lang.t(Text::SnapshotShow) }}
                </button>
                <button type="button" class="btn btn-small btn-danger-quiet" data-testid="snapshot-delete" on:click=delete>
                    {move || lang.t(Text::SnapshotDelete)}
                </button>
            </div>
            {move || open.get().then(|| view! {
                <table class="snapshot-figures" data-testid="snapshot-figures">
                    <thead>
                        <tr>
                            <th scope="col">{lang.t(Text::SnapshotTargetCol)}</th>
                            <th scope="col">{lang.t(Text::SnapshotFigureCol)}</th>
                            <th scope="col">{lang.t(Text::SnapshotStatusCol)}</th>
                            <th scope="col">{lang.t(Text::SnapshotPaceCol)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            })}
        </li>
    }
}

#[component]
pub fn ReportingCard(plan_id: PlanId) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let notices = expect_context::<Notices>();
    let today = expect_context::<Today>().0;
    let pid = StoredValue::new(plan_id);

    let setup = Memo::new(move |_| {
        book.0.with(|w| {
            w.plan(&pid.get_value())
                .map(|p| (p.year, p.reporting.cutoffs))
        })
    });
    let summary = Memo::new(move |_| {
        book.0.with(|w| {
            w.plan(&pid.get_value())
                .map(|p| summarise(&p.targets, p.year, &p.reporting.cutoffs))
        })
    });
    let snapshots = Memo::new(move |_| {
        book.0
            .with(|w| {
                w.plan(&pid.get_value())
                    .map(|p| p.reporting.snapshots.clone())
            })
            .unwrap_or_default()
    });
    let current = move || {
        setup
            .get()
            .and_then(|(year, cutoffs)| cutoffs.period_of(year, today))
    };
    // The report to freeze: the one today falls in, else the year's.
    let chosen = RwSignal::new(None::<ReportingPeriod>);
    let period_to_take = move || {
        chosen
            .get()
            .or_else(current)
            .unwrap_or(ReportingPeriod::Year)
    };

    let take = move |_| {
        let period = period_to_take();
        let l = lang.get_untracked();
        let mut message = None;
        book.update_plan(&pid.get_value(), |p| {
            let id = next_snapshot_id(&p.reporting.snapshots);
            let cutoffs = p.reporting.cutoffs;
            let s = take_snapshot(p, &cutoffs, period, today, id);
            message = Some(snapshot_taken_message(&s, l));
            p.reporting.snapshots.push(s);
        });
        if let Some(m) = message {
            notices.push(NoticeKind::Success, m, Vec::new());
        }
    };

    // Cut-off days as typed, one per report.
    let typed: [RwSignal<String>; 4] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let fill_typed = move |c: Cutoffs| {
        for (period, field) in ReportingPeriod::ALL.into_iter().zip(typed) {
            field.set(c.of(period).to_vi());
        }
    };
    if let Some((_, c)) = setup.get_untracked() {
        fill_typed(c);
    }
    let cutoff_error = RwSignal::new(None::<CutoffsEntryProblem>);
    let save_cutoffs = move || {
        let texts = typed.map(|t| t.get_untracked());
        match cutoffs_from_texts([&texts[0], &texts[1], &texts[2], &texts[3]]) {
            Ok(c) => {
                cutoff_error.set(None);
                book.update_plan(&pid.get_value(), |p| p.reporting.cutoffs = c);
                fill_typed(c);
            }
            Err(e) => cutoff_error.set(Some(e)),
        }
    };
    let reset_cutoffs = move |_| {
        cutoff_error.set(None);
        book.update_plan(&pid.get_value(), |p| {
            p.reporting.cutoffs = Cutoffs::default()
        });
        fill_typed(Cutoffs::default());
    };

    let periods_table = move || {
        let l = lang.get();
        let (year, cutoffs) = setup.get()?;
        let now = cutoffs.period_of(year, today);
        let rows = cutoffs
            .spans(year)
            .into_iter()
            .map(|s| {
                let is_now = now == Some(s.period);
                view! {
                    <tr data-testid="reporting-period" data-period=s.period.as_str() class:current=is_now>
                        <th scope="row">{reporting_period_name(s.period, l)}</th>
                        <td>{format!("{} – {}", format_vi_date(s.start), format_vi_date(s.end))}</td>
                    </tr>
                }
            })
            .collect_view();
        let line = {
            let before = cutoffs
                .report_year(year)
                .is_some_and(|(start, _)| today < start);
            let cut = now.and_then(|p| cutoffs.of(p).in_year(year));
            today_in_report_year(now, cut, before, l)
        };
        Some(view! {
            <p class="reporting-now" data-testid="reporting-now">{line}</p>
            <table class="reporting-periods">
                <thead><tr>
                    <th scope="col">{Text::ReportingPeriodCol.get(l)}</th>
                    <th scope="col">{Text::ReportingSpanCol.get(l)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        })
    };

    view! {
        <section class="card reporting" data-testid="reporting">
            <h2 class="card-title">{move || lang.t(Text::ReportingTitle)}</h2>
            <div class="reporting-grid">
                <div class="reporting-periods-col">
                    {periods_table}
                    <details class="cutoffs" data-testid="cutoffs">
                        <summary>{move || lang.t(Text::CutoffsOwn)}</summary>
                        <p class="muted small">{move || lang.t(Text::CutoffsHint)}</p>
                        <form class="cutoffs-form" on:submit=move |ev| { ev.prevent_default(); save_cutoffs(); }>
                            {ReportingPeriod::ALL.into_iter().zip(typed).map(|(period, field)| view! {
                                <label class="field field-narrow">
                                    <span class="field-label">{move || reporting_period_name(period, lang.get())}</span>
                                    <input type="text" inputmode="numeric" size="6"
                                        data-testid=format!("cutoff-{}", period.as_str())
                                        prop:value=move || field.get()
                                        on:input:target=move |ev| field.set(ev.target().value()) />
                                </label>
                            }).collect_view()}
                            <button type="submit" class="btn btn-small btn-secondary" data-testid="save-cutoffs">
                                {move || lang.t(Text::CutoffsSave)}
                            </button>
                            <button type="button" class="btn btn-small btn-quiet" data-testid="reset-cutoffs" on:click=reset_cutoffs>
                                {move || lang.t(Text::CutoffsReset)}
                            </button>
                        </form>
                        {move || cutoff_error.get().map(|e| view! {
                            <p class="field-error" role="alert" data-testid="cutoffs-error">{cutoff_problem_text(e, lang.get())}</p>
                        })}
                    </details>
                </div>
                <div class="reporting-pace-col">
                    <h3 class="reporting-subtitle">{move || lang.t(Text::PaceSummaryTitle)}</h3>
                    <p class="pace-summary" data-testid="pace-summary">
                        {move || summary.get().map(|s| pace_summary_words(&s, lang.get()))}
                    </p>
                    <p class="muted small">{move || lang.t(Text::PaceHint)}</p>
                    <div class="form-row snapshot-take">
                        <label class="field">
                            <span class="field-label">{move || lang.t(Text::SnapshotPeriodLabel)}</span>
                            <select data-testid="snapshot-period" on:change:target=move |ev| {
                                chosen.set(ReportingPeriod::from_str_opt(&ev.target().value()));
                            }>
                                {move || {
                                    let l = lang.get();
                                    let selected = period_to_take();
                                    ReportingPeriod::ALL.into_iter().map(|p| view! {
                                        <option value=p.as_str() selected=p == selected>{review_name(p, l)}</option>
                                    }).collect_view()
                                }}
                            </select>
                        </label>
                        <button type="button" class="btn btn-secondary" data-testid="take-snapshot" on:click=take>
                            {move || lang.t(Text::SnapshotTake)}
                        </button>
                    </div>
                </div>
            </div>
            <div class="reporting-snapshots">
                <h3 class="reporting-subtitle">{move || lang.t(Text::SnapshotsTitle)}</h3>
                {move || snapshots.get().is_empty().then(|| view! {
                    <p class="muted small" data-testid="no-snapshots">{lang.t(Text::SnapshotsNone)}</p>
                })}
                <ul class="snapshots">
                    <For each=move || snapshots.get() key=|s| s.id.clone() children=move |s| {
                        view! { <SnapshotItem plan_id=pid.get_value() snapshot=s /> }
                    } />
                </ul>
            </div>
        </section>
    }
}
