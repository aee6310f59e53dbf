//! Pacing: whether a target is on track *now*, beside its year-end verdict, so that the
//! six-month review (*sơ kết 6 tháng*) means something.
//!
//! - A **cumulative** target (a count that grows through the year: dialogues held, initiatives,
//!   a per-period count) is expected to grow linearly from the start of the report year
//!   (15/12) to its year-end value at the year's cut-off (14/12), or through the per-period
//!   targets the plan sets. The figure recorded on a date is set against what was expected by
//!   that date: at least 90% of it is on track, 50–90% at risk, less off track.
//! - A **rate** (a percentage, a time, an index) does not accumulate: it is judged against its
//!   threshold (or the period's own target) as it stands; not met but within 5 points (or 10%
//!   of the threshold for other units) is at risk.
//!
//! This module owns the pace kinds, the per-period targets and the verdict.

use chrono::NaiveDate;

use crate::evaluation::{evaluate, evaluate_condition, ConditionResult, Status};
use crate::number::{Decimal, Rational};
use crate::progress::{Figure, Reading};
use crate::reporting_period::{Cutoffs, ReportingPeriod};
use crate::target::{Comparator, Condition, Goal, Measure, Target, ValueUnit};

/// How a target is paced through the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PaceKind {
    /// A quantity counted from the start of the report year.
    Cumulative,
    /// A rate judged as it stands.
    Rate,
    /// Not paced (milestones, free text, or the officer's choice).
    NotPaced,
}

impl PaceKind {
    pub const ALL: [PaceKind; 3] = [PaceKind::Cumulative, PaceKind::Rate, PaceKind::NotPaced];

    /// The name in files: `cumulative`, `rate`, `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            PaceKind::Cumulative => "cumulative",
            PaceKind::Rate => "rate",
            PaceKind::NotPaced => "none",
        }
    }

    pub fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Targets for the reports before the year's: what must be reached by the first-quarter and
/// six-month cut-offs (cumulative, as those reports are), and within the third quarter alone
/// (as its report is). The year's target is the target's own threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct PeriodTargets {
    pub first_quarter: Option<Decimal>,
    pub six_months: Option<Decimal>,
    pub third_quarter: Option<Decimal>,
}

impl PeriodTargets {
    pub fn is_empty(&self) -> bool {
        *self == PeriodTargets::default()
    }

    pub fn get(&self, period: ReportingPeriod) -> Option<Decimal> {
        match period {
            ReportingPeriod::FirstQuarter => self.first_quarter,
            ReportingPeriod::SixMonths => self.six_months,
            ReportingPeriod::ThirdQuarter => self.third_quarter,
            ReportingPeriod::Year => None,
        }
    }

    pub fn set(&mut self, period: ReportingPeriod, value: Option<Decimal>) {
        match period {
            ReportingPeriod::FirstQuarter => self.first_quarter = value,
            ReportingPeriod::SixMonths => self.six_months = value,
            ReportingPeriod::ThirdQuarter => self.third_quarter = value,
            ReportingPeriod::Year => {}
        }
    }
}

/// The verdict on a target's pace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pace {
    OnTrack,
    AtRisk,
    OffTrack,
    /// Nothing recorded yet (or figures that cannot be judged).
    NoData,
    /// The reference figure is not published yet (last year's index).
    Waiting,
    NotPaced,
}

impl Pace {
    pub const ALL: [Pace; 6] = [
        Pace::OnTrack,
        Pace::AtRisk,
        Pace::OffTrack,
        Pace::NoData,
        Pace::Waiting,
        Pace::NotPaced,
    ];

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == s)
    }

    /// Stable key, for styles, test ids and files: `on-track`, `at-risk`, …
    pub fn key(self) -> &'static str {
        match self {
            Pace::OnTrack => "on-track",
            Pace::AtRisk => "at-risk",
            Pace::OffTrack => "off-track",
            Pace::NoData => "no-data",
            Pace::Waiting => "waiting",
            Pace::NotPaced => "not-paced",
        }
    }
}

/// A target's pace and the figures it rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pacing {
    pub kind: PaceKind,
    pub pace: Pace,
    /// The date of the figure judged.
    pub as_of: Option<NaiveDate>,
    /// The figure judged, in display units.
    pub actual: Option<Rational>,
    /// What was expected by `as_of` (cumulative), or the threshold in force (rate).
    pub expected: Option<Rational>,
    /// The report `as_of` falls in.
    pub period: Option<ReportingPeriod>,
}

/// The kind a target is paced by when the plan does not say: counts that grow through the
/// year are cumulative, milestones and free text are not paced, the rest are rates.
pub fn default_kind(target: &Target) -> PaceKind {
    match &target.goal {
        Goal::Milestone { .. } | Goal::FreeText => PaceKind::NotPaced,
        Goal::Compound { .. } => PaceKind::Rate,
        Goal::Single {
            condition,
            breakdown,
        } => {
            if breakdown.is_empty() && year_end_value(condition).is_some() {
                let counted = matches!(condition.comparator, Comparator::PerPeriod { .. })
                    || matches!(
                        condition.measure,
                        Measure::Value {
                            unit: ValueUnit::Count { .. } | ValueUnit::Money
                        }
                    );
                if counted {
                    return PaceKind::Cumulative;
                }
            }
            PaceKind::Rate
        }
    }
}

/// The kind a target is paced by: the plan's choice, or [`default_kind`]. A cumulative choice
/// for a target that has no year-end quantity (a ratio, a breakdown) is paced as a rate.
pub fn kind_of(target: &Target) -> PaceKind {
    match target.tracking.pace.unwrap_or_else(|| default_kind(target)) {
        PaceKind::Cumulative if cumulative_condition(target).is_none() => PaceKind::Rate,
        PaceKind::Cumulative if !matches!(target.goal, Goal::Single { .. }) => PaceKind::Rate,
        _ if matches!(target.goal, Goal::Milestone { .. } | Goal::FreeText) => PaceKind::NotPaced,
        k => k,
    }
}

/// The quantity a cumulative condition must reach by the year's cut-off.
fn year_end_value(condition: &Condition) -> Option<Rational> {
    if !matches!(condition.measure, Measure::Value { .. }) {
        return None;
    }
    match &condition.comparator {
        Comparator::AtLeast { threshold } | Comparator::Above { threshold } => {
            Some(threshold.to_rational())
        }
        Comparator::Range { min, .. } => Some(min.to_rational()),
        Comparator::PerPeriod { min, period } => Some(
            min.to_rational()
                .times(Rational::from_int(period.per_year())),
        ),
        _ => None,
    }
}

fn cumulative_condition(target: &Target) -> Option<(&Condition, Rational)> {
    match &target.goal {
        Goal::Single {
            condition,
            breakdown,
        } if breakdown.is_empty() => year_end_value(condition).map(|v| (condition, v)),
        _ => None,
    }
}

/// The quantity expected by the end of `date`: linear through the known points of the year
/// (nothing at its start, the per-period targets at their cut-offs, the year-end value at
/// the year's cut-off).
pub fn expected_by(
    cutoffs: &Cutoffs,
    year: i32,
    periods: &PeriodTargets,
    year_end: Rational,
    date: NaiveDate,
) -> Rational {
    let Some((start, end)) = cutoffs.report_year(year) else {
        return year_end;
    };
    let day_before_start = start.pred_opt().unwrap_or(start);
    let mut points: Vec<(NaiveDate, Rational)> = vec![(day_before_start, Rational::from_int(0))];
    let mut push = |period: ReportingPeriod, value: Option<Rational>| {
        if let (Some(v), Some(on)) = (value, cutoffs.of(period).in_year(year)) {
            points.push((on, v));
        }
    };
    let r = |d: Option<Decimal>| d.map(Decimal::to_rational);
    push(ReportingPeriod::FirstQuarter, r(periods.first_quarter));
    push(ReportingPeriod::SixMonths, r(periods.six_months));
    // The third quarter's target is for the quarter alone: cumulative only on top of the
    // six months'.
    push(
        ReportingPeriod::ThirdQuarter,
        r(periods.six_months)
            .zip(r(periods.third_quarter))
            .map(|(h, q)| h.plus(q)),
    );
    points.push((end, year_end));
    if date >= end {
        return year_end;
    }
    for pair in points.windows(2) {
        let ((d0, v0), (d1, v1)) = (pair[0], pair[1]);
        if date <= d1 {
            let span = (d1 - d0).num_days();
            if span <= 0 {
                return v1;
            }
            let done = (date - d0).num_days().clamp(0, span);
            let share = Rational::new(i128::from(done), i128::from(span));
            return v0.plus(v1.minus(v0).times(share));
        }
    }
    year_end
}

/// How far from the threshold a rate may be and still be only at risk.
fn slack(condition: &Condition) -> Rational {
    let percent_like = matches!(
        condition.measure,
        Measure::Ratio { .. }
            | Measure::Value {
                unit: ValueUnit::Percent | ValueUnit::Points
            }
    );
    if percent_like {
        return Rational::from_int(5);
    }
    let threshold = condition
        .comparator
        .reference()
        .map_or(Rational::from_int(0), Decimal::to_rational);
    threshold.abs().times(Rational::new(1, 10))
}

fn rate_pace(condition: &Condition, result: &ConditionResult) -> Pace {
    match result.status {
        Status::Met => Pace::OnTrack,
        Status::NotMet => match result.margin {
            Some(m) if m.plus(slack(condition)) >= Rational::from_int(0) => Pace::AtRisk,
            _ => Pace::OffTrack,
        },
        Status::Waiting => Pace::Waiting,
        Status::NotGauged => Pace::NotPaced,
        Status::NoData | Status::NotApplicable | Status::Invalid => Pace::NoData,
    }
}

fn worse(a: Pace, b: Pace) -> Pace {
    let rank = |p: Pace| match p {
        Pace::OffTrack => 0,
        Pace::AtRisk => 1,
        Pace::NoData => 2,
        Pace::Waiting => 3,
        Pace::OnTrack => 4,
        Pace::NotPaced => 5,
    };
    if rank(a) <= rank(b) {
        a
    } else {
        b
    }
}

/// The pace of a target of the plan year `year`, judged on its latest figure.
pub fn pace(target: &Target, year: i32, cutoffs: &Cutoffs) -> Pacing {
    let kind = kind_of(target);
    let latest = target.latest_entry();
    let as_of = latest.map(|e| e.date);
    let period = as_of.and_then(|d| cutoffs.period_of(year, d));
    let mut out = Pacing {
        kind,
        pace: Pace::NoData,
        as_of,
        actual: None,
        expected: None,
        period,
    };
    if kind == PaceKind::NotPaced {
        out.pace = Pace::NotPaced;
        return out;
    }
    let Some(entry) = latest else {
        return out;
    };
    let period_target = period.and_then(|p| target.tracking.period_targets.get(p));
    match (kind, &target.goal, &entry.reading) {
        (
            PaceKind::Cumulative,
            _,
            Reading::Single {
                figure: Figure::Value { value },
            },
        ) => {
            let Some((_, year_end)) = cumulative_condition(target) else {
                return out;
            };
            let actual = value.to_rational();
            let expected = expected_by(
                cutoffs,
                year,
                &target.tracking.period_targets,
                year_end,
                entry.date,
            );
            out.actual = Some(actual);
            out.expected = Some(expected);
            // Reached the year-end value, nothing expected yet, or at least 90% of what
            // was expected by then: on track; from half of it: at risk.
            let ten = Rational::from_int(10);
            let on_track = actual >= year_end
                || expected <= Rational::from_int(0)
                || actual.times(ten) >= expected.times(Rational::from_int(9));
            out.pace = if on_track {
                Pace::OnTrack
            } else if actual.times(Rational::from_int(2)) >= expected {
                Pace::AtRisk
            } else {
                Pace::OffTrack
            };
            out
        }
        (PaceKind::Cumulative, _, _) => out,
        (
            _,
            Goal::Single {
                condition,
                breakdown,
            },
            reading,
        ) => {
            // Without a breakdown the figure itself; with one, the worst field decides, as
            // for the year-end gauge.
            let headline = match reading {
                Reading::Single { figure } if breakdown.is_empty() => {
                    Some(evaluate_condition(condition, figure))
                }
                _ => evaluate(target, entry.date).headline,
            };
            let Some(headline) = headline else {
                out.pace = match evaluate(target, entry.date).status {
                    Status::Waiting => Pace::Waiting,
                    _ => Pace::NoData,
                };
                return out;
            };
            out.actual = headline.measured.map(|m| m.value);
            out.expected = match period_target {
                Some(t) => Some(t.to_rational()),
                None => condition.comparator.reference().map(Decimal::to_rational),
            };
            out.pace = match (period_target, headline.measured) {
                (Some(t), Some(m)) if headline.status != Status::Invalid => {
                    let t = t.to_rational();
                    let margin = if condition.comparator.lower_is_better() {
                        t.minus(m.value)
                    } else {
                        m.value.minus(t)
                    };
                    let zero = Rational::from_int(0);
                    if margin >= zero {
                        Pace::OnTrack
                    } else if margin.plus(slack(condition)) >= zero {
                        Pace::AtRisk
                    } else {
                        Pace::OffTrack
                    }
                }
                _ => rate_pace(condition, &headline),
            };
            out
        }
        (
            _,
            Goal::Compound { first, second },
            Reading::Pair {
                first: a,
                second: b,
            },
        ) => {
            let p1 = rate_pace(first, &evaluate_condition(first, a));
            let p2 = rate_pace(second, &evaluate_condition(second, b));
            out.pace = worse(p1, p2);
            out
        }
        _ => out,
    }
}

/// How many of a plan's paced targets are on track, at risk and off track.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PaceSummary {
    pub on_track: usize,
    pub at_risk: usize,
    pub off_track: usize,
    /// Paced targets with no figure to judge yet (or waiting for a published figure).
    pub unknown: usize,
}

impl PaceSummary {
    pub fn paced(&self) -> usize {
        self.on_track + self.at_risk + self.off_track + self.unknown
    }
}

/// The pace of every target of a plan, summed up.
pub fn summarise<'a>(
    targets: impl IntoIterator<Item = &'a Target>,
    year: i32,
    cutoffs: &Cutoffs,
) -> PaceSummary {
    let mut s = PaceSummary::default();
    for t in targets {
        match pace(t, year, cutoffs).pace {
            Pace::OnTrack => s.on_track += 1,
            Pace::AtRisk => s.at_risk += 1,
            Pace::OffTrack => s.off_track += 1,
            Pace::NoData | Pace::Waiting => s.unknown += 1,
            Pace::NotPaced => {}
        }
    }
    s
}
