//! One target: its wording and rule, the live gauge with status in words and icon, the value
//! and the margin to the threshold, and the panels to edit it, record progress and read its
//! history. While progress is being typed, the gauge previews the draft.

use cchc_domain::date::format_vi_date;
use cchc_domain::deadline::milestone_state;
use cchc_domain::describe::{describe_margin, describe_rule, describe_value, unit_suffix};
use cchc_domain::evaluation::{evaluate, ConditionResult, Evaluation, Status};
use cchc_domain::gauge::gauge_for;
use cchc_domain::i18n::{deadline_words, history_count, note_text, status_icon, status_name, Text};
use cchc_domain::locale::Locale;
use cchc_domain::pacing::{pace, Pacing};
use cchc_domain::plan::PlanId;
use cchc_domain::progress::{EntryId, ProgressEntry, Reading};
use cchc_domain::target::{Condition, Goal, Target, TargetId};
use cchc_domain::tracking_form::is_trackable;
use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::gauge::gauge;
use crate::components::history::History;
use crate::components::pace_badge::pace_badge;
use crate::components::plan_page::JustAdded;
use crate::components::progress_form::ProgressForm;
use crate::components::status::{status_badge, status_key};
use crate::components::target_editor::TargetEditor;
use crate::components::target_tracking::TargetTracking;
use crate::state::{Book, Lang, Today};

/// A draft entry being typed, shown as a preview on the gauge.
pub type DraftPreview = RwSignal<Option<(NaiveDate, Reading)>>;

fn with_preview(target: &Target, preview: Option<(NaiveDate, Reading)>) -> Target {
    let mut t = target.clone();
    if let Some((date, reading)) = preview {
        t.entries.push(ProgressEntry {
            id: EntryId("preview".into()),
            date,
            reading,
            comment: String::new(),
            extra: Default::default(),
        });
    }
    t
}

/// Words for one condition's result: value, margin.
fn result_lines(
    condition: &Condition,
    r: &ConditionResult,
    l: Locale,
) -> (Option<String>, Option<String>) {
    let value = r.measured.map(|m| describe_value(condition, &m, l));
    let margin = match r.status {
        Status::Met | Status::NotMet => r.margin.map(|m| describe_margin(condition, m, l)),
        _ => None,
    };
    (value, margin)
}

/// The gauge, value and margin of one condition.
fn condition_gauge(
    condition: &Condition,
    result: Option<ConditionResult>,
    status: Status,
    title: Option<String>,
    preview: bool,
    l: Locale,
) -> impl IntoView {
    let model = gauge_for(condition, result.as_ref());
    let (value, margin) = result
        .as_ref()
        .map(|r| result_lines(condition, r, l))
        .unwrap_or((None, None));
    let aria = format!(
        "{}{}: {}; {} {}",
        title.clone().map(|t| format!("{t} · ")).unwrap_or_default(),
        status_name(status, l),
        value
            .clone()
            .unwrap_or_else(|| status_name(Status::NoData, l).to_string()),
        Text::RuleLabel.get(l),
        describe_rule(condition, l)
    );
    view! {
        <div class="condition-gauge">
            {title.map(|t| view! { <p class="condition-title">{t}</p> })}
            {gauge(&model, status, aria, preview)}
            <dl class="figures">
                {value.map(|v| view! {
                    <div><dt>{Text::ResultLabel.get(l)}</dt><dd data-testid="target-value">{v}</dd></div>
                })}
                {margin.map(|m| view! {
                    <div><dt>{Text::MarginLabel.get(l)}</dt><dd data-testid="target-margin">{m}</dd></div>
                })}
            </dl>
        </div>
    }
}

fn gauges_view(target: &Target, e: &Evaluation, preview: bool, l: Locale) -> AnyView {
    match &target.goal {
        Goal::Single {
            condition,
            breakdown,
        } if breakdown.is_empty() => {
            condition_gauge(condition, e.headline, e.status, None, preview, l).into_any()
        }
        Goal::Single { condition, .. } => {
            let worst = e
                .worst_field
                .as_ref()
                .and_then(|id| e.fields.iter().find(|f| &f.field == id))
                .map(|f| f.name.clone());
            let rows = e
                .fields
                .iter()
                .map(|f| {
                    let value = f
                        .result
                        .measured
                        .filter(|_| f.result.status != Status::NotApplicable)
                        .map(|m| describe_value(condition, &m, l))
                        .unwrap_or_default();
                    let s = f.result.status;
                    view! {
                        <li class="field-result" data-status=status_key(s)>
                            <span class="field-result-icon" aria-hidden="true">{status_icon(s)}</span>
                            <span class="field-result-name">{f.name.clone()}</span>
                            <span class="field-result-value">{value}</span>
                            <span class="field-result-status">{status_name(s, l)}</span>
                        </li>
                    }
                })
                .collect_view();
            let title = worst.map(|w| format!("{}: {w}", Text::WorstField.get(l)));
            view! {
                {condition_gauge(condition, e.headline, e.status, title, preview, l)}
                <ul class="field-results" data-testid="field-results">{rows}</ul>
            }
            .into_any()
        }
        Goal::Compound { first, second } => {
            let title = |c: &Condition, fallback: Text| {
                if c.label.trim().is_empty() {
                    fallback.get(l).to_string()
                } else {
                    c.label.clone()
                }
            };
            let p1 = e.parts.first().copied();
            let p2 = e.parts.get(1).copied();
            view! {
                {condition_gauge(first, p1, p1.map(|p| p.status).unwrap_or(e.status), Some(title(first, Text::FirstCondition)), preview, l)}
                {condition_gauge(second, p2, p2.map(|p| p.status).unwrap_or(e.status), Some(title(second, Text::SecondCondition)), preview, l)}
            }
            .into_any()
        }
        Goal::Milestone { deadline } => {
            let done = target.latest_entry().and_then(|en| match &en.reading {
                Reading::Milestone { done_on, evidence } => Some((*done_on, evidence.clone())),
                _ => None,
            });
            // Due (and in how many days), done on time, done late, or overdue.
            let against = milestone_state(target, expect_context::<Today>().0);
            view! {
                <dl class="figures">
                    <div><dt>{Text::Deadline.get(l)}</dt><dd>{deadline.map(format_vi_date).unwrap_or_else(|| "—".into())}</dd></div>
                    {against.map(|s| view! {
                        <div><dt>{Text::DeadlineStateLabel.get(l)}</dt><dd data-testid="milestone-deadline" data-state=s.key()>{deadline_words(s, l)}</dd></div>
                    })}
                    {done.clone().and_then(|(d, _)| d).map(|d| view! {
                        <div><dt>{Text::DoneOn.get(l)}</dt><dd data-testid="target-value">{format_vi_date(d)}</dd></div>
                    })}
                    {done.and_then(|(_, ev)| (!ev.is_empty()).then_some(ev)).map(|ev| view! {
                        <div><dt>{Text::Evidence.get(l)}</dt><dd>{ev}</dd></div>
                    })}
                </dl>
            }
            .into_any()
        }
        Goal::FreeText => {
            let text = target.latest_entry().and_then(|en| match &en.reading {
                Reading::Text { text } => Some(text.clone()),
                _ => None,
            });
            view! {
                <p class="muted small">{Text::NotGaugedHint.get(l)}</p>
                {text.map(|t| view! { <p class="free-text" data-testid="target-value">{t}</p> })}
            }
            .into_any()
        }
    }
}

fn rule_text(t: &Target, l: Locale) -> String {
    match &t.goal {
        Goal::Single {
            condition,
            breakdown,
        } => {
            let r = describe_rule(condition, l);
            if breakdown.is_empty() {
                r
            } else {
                format!("{r} · {}", Text::EveryFieldMeets.get(l))
            }
        }
        Goal::Compound { first, second } => format!(
            "{} {} {}",
            describe_rule(first, l),
            Text::ConditionsAnd.get(l),
            describe_rule(second, l)
        ),
        Goal::Milestone { deadline } => match deadline {
            Some(d) => format!("{} {}", Text::DoneBy.get(l), format_vi_date(*d)),
            None => Text::DoneNoDeadline.get(l).into(),
        },
        Goal::FreeText => Text::NotGaugedHint.get(l).into(),
    }
}

/// Everything the card shows about a target, rebuilt as one piece when the target changes.
fn card_body(
    t: &Target,
    e: &Evaluation,
    pacing: Option<Pacing>,
    preview: bool,
    parent: Option<String>,
    keep_suggested: Callback<()>,
    l: Locale,
) -> impl IntoView {
    let label = if t.label.trim().is_empty() {
        Text::TargetWordingMissing.get(l).to_string()
    } else {
        t.label.clone()
    };
    view! {
        <div class="target-main">
            <div class="target-text">
                <p class="target-label" data-testid="target-label">{label}</p>
                <p class="target-rule" data-testid="target-rule">
                    <span class="muted">{Text::RuleLabel.get(l)} ": "</span>
                    {rule_text(t, l)}
                    // A template's suggestion, to replace with the province's figure.
                    {t.suggested.then(|| view! {
                        " "
                        <span class="suggested-mark" data-testid="suggested-mark">{Text::SuggestedMark.get(l)}</span>
                        " "
                        <button type="button" class="btn btn-small btn-quiet" data-testid="keep-suggested"
                            on:click=move |_| keep_suggested.run(())>
                            {Text::KeepSuggested.get(l)}
                        </button>
                    })}
                </p>
                {parent.map(|p| view! {
                    <p class="target-parent muted small">{Text::SubTargetOf.get(l)} ": " {p}</p>
                })}
                <div class="target-status-line">
                    {status_badge(e.status, e.note, l)}
                    {e.as_of.map(|d| view! {
                        <span class="muted small">{Text::AsOf.get(l)} " " {format_vi_date(d)}</span>
                    })}
                    {preview.then(|| view! {
                        <span class="preview-tag" data-testid="preview-tag">{Text::Preview.get(l)}</span>
                    })}
                </div>
                // The pace now, beside the year-end verdict.
                {pacing.as_ref().and_then(|p| {
                    let suffix = match &t.goal {
                        Goal::Single { condition, .. } => unit_suffix(&condition.measure, l),
                        _ => String::new(),
                    };
                    pace_badge(p, &suffix, l)
                })}
            </div>
            <div class="target-gauges" data-testid="target-gauges">{gauges_view(t, e, preview, l)}</div>
        </div>
    }
}

#[component]
pub fn TargetCard(plan_id: PlanId, target_id: TargetId) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let today = expect_context::<Today>().0;
    let just_added = expect_context::<JustAdded>();
    let pid = StoredValue::new(plan_id);
    let tid = StoredValue::new(target_id.clone());

    let target = Memo::new(move |_| {
        book.0.with(|w| {
            w.plan(&pid.get_value())
                .and_then(|p| p.target(&tid.get_value()).cloned())
        })
    });
    let parent_label = Memo::new(move |_| {
        let parent = target.get().and_then(|t| t.parent)?;
        book.0.with(|w| {
            w.plan(&pid.get_value())
                .and_then(|p| p.target(&parent).map(|t| t.label.clone()))
        })
    });
    let preview: DraftPreview = RwSignal::new(None);
    // The plan's year and cut-off days, which the pace is reckoned against.
    let report_year = Memo::new(move |_| {
        book.0.with(|w| {
            w.plan(&pid.get_value())
                .map(|p| (p.year, p.reporting.cutoffs))
        })
    });
    let shown = Memo::new(move |_| {
        target.get().map(|t| {
            let p = preview.get();
            let is_preview = p.is_some();
            let t = with_preview(&t, p);
            let e = evaluate(&t, today);
            let pacing = report_year
                .get()
                .map(|(year, cutoffs)| pace(&t, year, &cutoffs));
            (t, e, pacing, is_preview)
        })
    });
    let status = Signal::derive(move || {
        shown
            .get()
            .map(|(_, e, _, _)| e.status)
            .unwrap_or(Status::NoData)
    });
    let invalid_note = move || {
        shown
            .get()
            .and_then(|(_, e, _, _)| e.note.filter(|_| e.status == Status::Invalid))
    };

    // «Giữ ngưỡng này»: the suggested threshold is the plan's own after all.
    let keep_suggested = Callback::new(move |()| {
        let tid = tid.get_value();
        book.update_plan(&pid.get_value(), |p| {
            if let Some(t) = p.target_mut(&tid) {
                t.suggested = false;
            }
        });
    });

    let editing = RwSignal::new(just_added.0.get_untracked().as_ref() == Some(&target_id));
    let recording = RwSignal::new(false);
    let show_history = RwSignal::new(false);
    let show_tracking = RwSignal::new(false);
    let trackable = Memo::new(move |_| target.with(|t| t.as_ref().is_some_and(is_trackable)));
    let entry_count = Memo::new(move |_| target.get().map(|t| t.entries.len()).unwrap_or(0));

    view! {
        <article class="card target-card" data-testid="target-card" data-target-id=target_id.0.clone()
            data-status=move || status_key(status.get())>
            {move || {
                let l = lang.get();
                shown.get().map(|(t, e, pacing, p)| card_body(&t, &e, pacing, p, parent_label.get(), keep_suggested, l))
            }}
            <div class="target-actions">
                <button type="button" class="btn btn-small btn-primary" data-testid="record-progress"
                    aria-expanded=move || recording.get().to_string()
                    on:click=move |_| { recording.update(|r| *r = !*r); if !recording.get_untracked() { preview.set(None); } }>
                    {lang.t(Text::RecordProgress)}
                </button>
                <button type="button" class="btn btn-small btn-secondary" data-testid="edit-target"
                    aria-expanded=move || editing.get().to_string()
                    on:click=move |_| editing.update(|e| *e = !*e)>
                    {move || if editing.get() { lang.t(Text::CloseEditor) } else { lang.t(Text::EditTarget) }}
                </button>
                <button type="button" class="btn btn-small btn-quiet" data-testid="show-history"
                    aria-expanded=move || show_history.get().to_string()
                    on:click=move |_| show_history.update(|h| *h = !*h)>
                    {move || history_count(entry_count.get(), lang.get())}
                </button>
                // Previous years, index rank, per-report targets, pace kind.
                {move || trackable.get().then(|| view! {
                    <button type="button" class="btn btn-small btn-quiet" data-testid="show-tracking"
                        aria-expanded=move || show_tracking.get().to_string()
                        on:click=move |_| show_tracking.update(|s| *s = !*s)>
                        {lang.t(Text::TrackingShow)}
                    </button>
                })}
                {move || invalid_note().map(|n| view! {
                    <span class="field-error">{note_text(n, lang.get())}</span>
                })}
            </div>
            {move || editing.get().then(|| view! {
                <TargetEditor plan_id=pid.get_value() target_id=tid.get_value() />
            })}
            {move || recording.get().then(|| view! {
                <ProgressForm plan_id=pid.get_value() target_id=tid.get_value() preview=preview
                    on_done=Callback::new(move |_| { recording.set(false); preview.set(None); }) />
            })}
            {move || show_history.get().then(|| view! {
                <History plan_id=pid.get_value() target_id=tid.get_value() />
            })}
            {move || (show_tracking.get() && trackable.get()).then(|| view! {
                <TargetTracking plan_id=pid.get_value() target_id=tid.get_value() />
            })}
        </article>
    }
}
