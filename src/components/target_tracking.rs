//! A target followed over the years and through the year's reports: its previous years'
//! results with a small chart beside this year's, an index's band and published rank, the
//! per-report targets, and how its pace is followed. Typed texts are read by
//! [`cchc_domain::tracking_form`]; every change goes through [`Book::update_plan`], so undo,
//! redo and saving apply.

use cchc_domain::describe::unit_suffix;
use cchc_domain::i18n::{
    history_chart_label, index_band_line, index_rank_words, pace_kind_name, reporting_period_name,
    tracking_problem, Text,
};
use cchc_domain::locale::Locale;
use cchc_domain::number::{format_decimal, Rational};
use cchc_domain::pacing::PaceKind;
use cchc_domain::plan::PlanId;
use cchc_domain::reporting_period::ReportingPeriod;
use cchc_domain::target::{Goal, Measure, Target, TargetId, ValueUnit};
use cchc_domain::target_history::{series, set_year};
use cchc_domain::tracking_form::{
    band_of_latest, chart_points, chart_y, history_row, is_index_target, measured_condition,
    period_target_from_text, standing_from_texts, this_year_value, year_target, ChartFrame,
    TrackingProblem,
};
use leptos::prelude::*;

use crate::state::{Book, Lang, Today};

/// The part of the panel a refusal belongs to, so its message shows beside the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    History,
    Standing,
    Periods,
}

const FRAME: ChartFrame = ChartFrame {
    width: 360,
    height: 150,
    left: 24,
    right: 24,
    top: 24,
    bottom: 26,
};

/// A value in the target's unit: `4,28%`, `90,02 điểm`, `12 lần`.
fn value_text(t: &Target, v: Rational, l: Locale) -> String {
    let suffix = measured_condition(t)
        .map(|c| unit_suffix(&c.measure, l))
        .unwrap_or_default();
    format!("{}{suffix}", v.format_vi(2, true))
}

/// A value as the chart writes it beside its point: `4,28%`, or the bare number for other
/// units (the text alternative and the table give the unit).
fn short_value(t: &Target, v: Rational) -> String {
    let percent = matches!(
        measured_condition(t).map(|c| &c.measure),
        Some(
            Measure::Ratio { .. }
                | Measure::Value {
                    unit: ValueUnit::Percent
                }
        )
    );
    format!("{}{}", v.format_vi(2, true), if percent { "%" } else { "" })
}

fn percent_scale(t: &Target) -> bool {
    matches!(
        measured_condition(t).map(|c| &c.measure),
        Some(
            Measure::Ratio { .. }
                | Measure::Value {
                    unit: ValueUnit::Percent | ValueUnit::Points
                }
        )
    )
}

/// The chart of the years: a line through the values, each labelled; this year's point is a
/// square (not a colour) and named in the caption.
fn history_chart(t: &Target, this_year: Option<(i32, Rational)>, l: Locale) -> Option<AnyView> {
    let s = series(&t.tracking.history, this_year);
    if s.is_empty() {
        return None;
    }
    let now_year = this_year.map(|(y, _)| y);
    let (points, top) = chart_points(&s, percent_scale(t), FRAME);
    // The year's target as a dashed line, when it falls within the scale.
    let threshold = year_target(t)
        .map(|d| d.to_rational())
        .filter(|v| *v >= Rational::from_int(0) && *v <= top)
        .map(|v| {
            let y = chart_y(v, top, FRAME);
            let words = format!("{} {}", Text::Threshold.get(l), value_text(t, v, l));
            view! {
                <line class="chart-threshold" x1={FRAME.left - 12} x2={FRAME.width - FRAME.right + 12} y1=y y2=y />
                <text class="chart-threshold-label" x={FRAME.left - 10} y={y - 4}>{words}</text>
            }
        });
    let label_items: Vec<(i32, String, bool)> = points
        .iter()
        .map(|p| (p.year, value_text(t, p.value, l), Some(p.year) == now_year))
        .collect();
    let aria = history_chart_label(&label_items, l);
    let line = points
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    let last = points.len().saturating_sub(1);
    let marks = points
        .iter()
        .zip(label_items)
        .enumerate()
        .map(|(i, (p, (year, _, now)))| {
            let value = short_value(t, p.value);
            // The first and last values lean inward so that they stay inside the drawing.
            let (anchor, x) = match i {
                _ if last == 0 => ("middle", p.x),
                0 => ("start", p.x - 6),
                i if i == last => ("end", p.x + 6),
                _ => ("middle", p.x),
            };
            let marker = if now {
                view! { <rect class="chart-point chart-now" x={p.x - 5} y={p.y - 5} width="10" height="10" /> }
                    .into_any()
            } else {
                view! { <circle class="chart-point" cx=p.x cy=p.y r="4" /> }.into_any()
            };
            // Value labels above the point, years under the base line.
            view! {
                {marker}
                <text class="chart-value" x=x y={p.y - 9} text-anchor=anchor>{value}</text>
                <text class=if now { "chart-year chart-year-now" } else { "chart-year" } x=p.x y={FRAME.height - 8} text-anchor="middle">{year.to_string()}</text>
            }
        })
        .collect_view();
    Some(
        view! {
            <figure class="tracking-chart">
                <svg viewBox=format!("0 0 {} {}", FRAME.width, FRAME.height) role="img" aria-label=aria
                    data-testid="history-chart" data-points=points.len().to_string()>
                    <line class="chart-base" x1={FRAME.left - 12} x2={FRAME.width - FRAME.right + 12} y1=FRAME.base() y2=FRAME.base() />
                    {threshold}
                    <polyline class="chart-line" points=line />
                    {marks}
                </svg>
                {now_year.map(|_| view! {
                    <figcaption class="muted small">
                        <span aria-hidden="true">"■ "</span>{Text::ChartThisYear.get(l)}
                    </figcaption>
                })}
            </figure>
        }
        .into_any(),
    )
}

#[component]
pub fn TargetTracking(plan_id: PlanId, target_id: TargetId) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let today = expect_context::<Today>().0;
    let pid = StoredValue::new(plan_id);
    let tid = StoredValue::new(target_id);

    // The plan's year and the target, as they are now.
    let data = Memo::new(move |_| {
        book.0.with(|w| {
            let p = w.plan(&pid.get_value())?;
            Some((p.year, p.target(&tid.get_value())?.clone()))
        })
    });
    let error = RwSignal::new(None::<(Part, TrackingProblem)>);
    let error_in = move |part: Part| {
        move || {
            error.get().filter(|(p, _)| *p == part).map(|(_, e)| {
                view! {
                    <p class="field-error" role="alert" data-testid="tracking-error">{tracking_problem(&e, lang.get())}</p>
                }
            })
        }
    };
    let edit = move |f: Box<dyn FnOnce(&mut Target)>| {
        let id = tid.get_value();
        book.update_plan(&pid.get_value(), |p| {
            if let Some(t) = p.target_mut(&id) {
                f(t);
            }
        });
    };

    // Previous years.
    let year_text = RwSignal::new(String::new());
    let value_text_in = RwSignal::new(String::new());
    let add_year = move || {
        let Some((plan_year, t)) = data.get_untracked() else {
            return;
        };
        match history_row(
            &year_text.get_untracked(),
            &value_text_in.get_untracked(),
            &t.tracking.history,
            plan_year,
        ) {
            Ok(row) => {
                error.set(None);
                edit(Box::new(move |t| {
                    set_year(&mut t.tracking.history, row.year, Some(row.value))
                }));
                year_text.set(String::new());
                value_text_in.set(String::new());
            }
            Err(e) => error.set(Some((Part::History, e))),
        }
    };
    let history_rows = move || {
        let l = lang.get();
        let (_, t) = data.get()?;
        if t.tracking.history.is_empty() {
            return Some(
                view! { <p class="muted small" data-testid="no-history-years">{Text::PreviousYearsNone.get(l)}</p> }
                    .into_any(),
            );
        }
        let rows = t
            .tracking
            .history
            .iter()
            .map(|h| {
                let year = h.year;
                let remove_label = format!("{} {year}", Text::RemoveHistoryYear.get(l));
                view! {
                    <tr data-testid="history-row" data-year=year.to_string()>
                        <th scope="row">{year.to_string()}</th>
                        <td data-testid="history-row-value">{value_text(&t, h.value.to_rational(), l)}</td>
                        <td>
                            <button type="button" class="btn btn-small btn-quiet" data-testid="remove-history-year"
                                aria-label=remove_label
                                on:click=move |_| {
                                    error.set(None);
                                    edit(Box::new(move |t| set_year(&mut t.tracking.history, year, None)));
                                }>
                                {Text::RemoveHistoryYear.get(l)}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        Some(
            view! {
                <table class="tracking-years">
                    <thead><tr>
                        <th scope="col">{Text::HistoryYearLabel.get(l)}</th>
                        <th scope="col">{Text::HistoryValueLabel.get(l)}</th>
                        <th scope="col"><span class="visually-hidden">{Text::ColActions.get(l)}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any(),
        )
    };
    let chart = move || {
        let l = lang.get();
        let (year, t) = data.get()?;
        let now = this_year_value(&t, year, today);
        history_chart(&t, now, l)
    };

    // The index's band and rank.
    let is_index = Memo::new(move |_| data.get().is_some_and(|(_, t)| is_index_target(&t)));
    let standing_texts: [RwSignal<String>; 3] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let fill_standing = move || {
        let s = data.get_untracked().and_then(|(_, t)| t.tracking.standing);
        let [a, b, c] = standing_texts;
        a.set(s.map(|s| s.position.to_string()).unwrap_or_default());
        b.set(s.map(|s| s.of.to_string()).unwrap_or_default());
        c.set(
            s.and_then(|s| s.previous_position)
                .map(|p| p.to_string())
                .unwrap_or_default(),
        );
    };
    fill_standing();
    let save_standing = move || {
        let [a, b, c] = standing_texts.map(|s| s.get_untracked());
        match standing_from_texts(&a, &b, &c) {
            Ok(s) => {
                error.set(None);
                edit(Box::new(move |t| t.tracking.standing = s));
                fill_standing();
            }
            Err(e) => error.set(Some((Part::Standing, e))),
        }
    };
    let band = move || {
        let l = lang.get();
        let (year, t) = data.get()?;
        let s = series(&t.tracking.history, this_year_value(&t, year, today));
        let line = band_of_latest(&t, &s).map(|(y, b)| {
            let value = s
                .iter()
                .find(|(sy, _)| *sy == y)
                .map(|(_, v)| value_text(&t, *v, l))
                .unwrap_or_default();
            (b.key(), index_band_line(b, y, &value, l))
        });
        Some(match line {
            Some((key, words)) => view! {
                <p class="index-band" data-testid="index-band" data-band=key>
                    <span class="index-band-mark" aria-hidden="true">{key.to_ascii_uppercase().replace("BELOW-C", "<C")}</span>
                    {words}
                </p>
            }
            .into_any(),
            None => view! { <p class="muted small" data-testid="index-band" data-band="none">{Text::IndexBandNone.get(l)}</p> }
                .into_any(),
        })
    };
    let rank = move || {
        let l = lang.get();
        let (_, t) = data.get()?;
        Some(match t.tracking.standing {
            Some(s) => view! { <p class="index-rank" data-testid="index-rank">{index_rank_words(&s, l)}</p> }.into_any(),
            None => view! { <p class="muted small" data-testid="index-rank">{Text::StandingNone.get(l)}</p> }.into_any(),
        })
    };

    // Per-report targets (single conditions only: those the pace reads them for).
    let has_periods = Memo::new(move |_| {
        data.get()
            .is_some_and(|(_, t)| matches!(t.goal, Goal::Single { .. }))
    });
    let period_value = move |period: ReportingPeriod| {
        data.get()
            .and_then(|(_, t)| {
                if period == ReportingPeriod::Year {
                    year_target(&t)
                } else {
                    t.tracking.period_targets.get(period)
                }
            })
            .map(format_decimal)
            .unwrap_or_default()
    };
    let save_period =
        move |period: ReportingPeriod, text: String| match period_target_from_text(&text) {
            Ok(v) => {
                error.set(None);
                edit(Box::new(move |t| t.tracking.period_targets.set(period, v)));
            }
            Err(e) => error.set(Some((Part::Periods, e))),
        };
    let period_inputs = move || {
        ReportingPeriod::ALL
            .into_iter()
            .map(|period| {
                let is_year = period == ReportingPeriod::Year;
                view! {
                    <label class="field field-narrow">
                        <span class="field-label">{reporting_period_name(period, lang.get())}</span>
                        <input type="text" inputmode="decimal" size="8"
                            data-testid=format!("period-target-{}", period.as_str())
                            readonly=is_year
                            prop:value=move || period_value(period)
                            on:change:target=move |ev| if !is_year { save_period(period, ev.target().value()) } />
                    </label>
                }
            })
            .collect_view()
    };

    // How the pace is followed.
    let pace_choice = move || {
        data.get()
            .and_then(|(_, t)| t.tracking.pace)
            .map(|k| k.as_str())
            .unwrap_or("auto")
    };
    let set_pace = move |value: String| {
        let kind: Option<PaceKind> = PaceKind::from_str_opt(&value);
        edit(Box::new(move |t| t.tracking.pace = kind));
    };

    view! {
        <div class="panel tracking" data-testid="tracking-panel">
            <h3 class="panel-title">{lang.t(Text::TrackingTitle)}</h3>
            <div class="tracking-grid">
                <section class="tracking-part tracking-years-part">
                    <h4 class="tracking-subtitle">{lang.t(Text::PreviousYearsTitle)}</h4>
                    <p class="muted small">{lang.t(Text::PreviousYearsHint)}</p>
                    <div class="tracking-years-body">
                        <div>
                            {history_rows}
                            <form class="tracking-add-year" on:submit=move |ev| { ev.prevent_default(); add_year(); }>
                                <label class="field field-narrow">
                                    <span class="field-label">{lang.t(Text::HistoryYearLabel)}</span>
                                    <input type="text" inputmode="numeric" size="5" maxlength="4" data-testid="history-year"
                                        prop:value=move || year_text.get()
                                        on:input:target=move |ev| year_text.set(ev.target().value()) />
                                </label>
                                <label class="field field-narrow">
                                    <span class="field-label">{lang.t(Text::HistoryValueLabel)}</span>
                                    <input type="text" inputmode="decimal" size="8" data-testid="history-value"
                                        prop:value=move || value_text_in.get()
                                        on:input:target=move |ev| value_text_in.set(ev.target().value()) />
                                </label>
                                <button type="submit" class="btn btn-small btn-secondary" data-testid="add-history-year">
                                    {lang.t(Text::AddHistoryYear)}
                                </button>
                            </form>
                            {error_in(Part::History)}
                        </div>
                        {chart}
                    </div>
                </section>
                {move || is_index.get().then(|| view! {
                    <section class="tracking-part tracking-index-part">
                        <h4 class="tracking-subtitle">{lang.t(Text::IndexTitle)}</h4>
                        {band}
                        {rank}
                        <form class="tracking-standing" on:submit=move |ev| { ev.prevent_default(); save_standing(); }>
                            {[
                                (Text::StandingPosition, "standing-position", standing_texts[0]),
                                (Text::StandingOf, "standing-of", standing_texts[1]),
                                (Text::StandingPrevious, "standing-previous", standing_texts[2]),
                            ].into_iter().map(|(label, test_id, field)| view! {
                                <label class="field field-narrow">
                                    <span class="field-label">{lang.t(label)}</span>
                                    <input type="text" inputmode="numeric" size="4" data-testid=test_id
                                        prop:value=move || field.get()
                                        on:input:target=move |ev| field.set(ev.target().value()) />
                                </label>
                            }).collect_view()}
                            <button type="submit" class="btn btn-small btn-secondary" data-testid="save-standing">
                                {lang.t(Text::SaveStanding)}
                            </button>
                        </form>
                        <p class="muted small">{lang.t(Text::StandingHint)}</p>
                        {error_in(Part::Standing)}
                    </section>
                })}
                <section class="tracking-part tracking-pace-part">
                    {move || has_periods.get().then(|| view! {
                        <h4 class="tracking-subtitle">{lang.t(Text::PeriodTargetsTitle)}</h4>
                        <div class="tracking-periods">{period_inputs}</div>
                        <p class="muted small">{lang.t(Text::PeriodTargetsHint)}</p>
                        {error_in(Part::Periods)}
                    })}
                    <label class="field tracking-pace-kind">
                        <span class="field-label">{lang.t(Text::PaceKindLabel)}</span>
                        <select data-testid="pace-kind" on:change:target=move |ev| set_pace(ev.target().value())>
                            {move || {
                                let l = lang.get();
                                let chosen = pace_choice();
                                std::iter::once(None)
                                    .chain(PaceKind::ALL.into_iter().map(Some))
                                    .map(|k| {
                                        let value = k.map(|k| k.as_str()).unwrap_or("auto");
                                        view! { <option value=value selected=value == chosen>{pace_kind_name(k, l)}</option> }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </label>
                </section>
            </div>
        </div>
    }
}
