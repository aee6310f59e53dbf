//! Target evaluation: from a target's definition and its latest progress entry to a status
//! (met / not met / no data yet / …), the measured value, and the margin to the threshold.
//! Everything is compared exactly; a value is rounded only when it is shown.

use chrono::NaiveDate;

use crate::number::{Decimal, Rational};
use crate::progress::{Figure, Reading};
use crate::target::{AboveRange, Comparator, Condition, Field, FieldId, Goal, Measure, Target};

/// The verdict on a target or one of its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Met,
    NotMet,
    /// Nothing recorded yet (or not every field has figures yet).
    NoData,
    /// A reference figure the rule needs is not known yet (last year's PAR Index).
    Waiting,
    /// Nothing to judge: a field with no dossiers at all (*không phát sinh*).
    NotApplicable,
    /// Free-text targets are tracked, not gauged.
    NotGauged,
    /// The definition or the figures contradict themselves (numerator above denominator, …).
    Invalid,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Met,
        Status::NotMet,
        Status::NoData,
        Status::Waiting,
        Status::NotApplicable,
        Status::NotGauged,
        Status::Invalid,
    ];

    /// The name in files (a snapshot keeps the verdict as it was): `met`, `not_met`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not_met",
            Status::NoData => "no_data",
            Status::Waiting => "waiting",
            Status::NotApplicable => "not_applicable",
            Status::NotGauged => "not_gauged",
            Status::Invalid => "invalid",
        }
    }

    pub fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Extra detail that explains a status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Note {
    /// Met and beyond the upper bound of a range, or below the band of a "reduce to" target.
    Exceeded,
    /// Above a range whose upper bound is a hard limit.
    OutOfRange,
    DoneOnTime,
    DoneLate,
    Overdue,
    NotDueYet,
    WaitingForPrevious,
    ZeroDenominator,
    NumeratorAboveDenominator,
    /// The entry's figures do not have the shape the target needs (a value for a ratio, …).
    ReadingMismatch,
    /// Some fields of a breakdown still have no figures.
    FieldsMissing,
}

/// A measured value in display units: a percentage for ratios, the value itself otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Measured {
    pub value: Rational,
    /// The two counts of a ratio (numerator, denominator).
    pub counts: Option<(u64, u64)>,
}

/// The verdict on one condition for one figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConditionResult {
    pub status: Status,
    pub note: Option<Note>,
    pub measured: Option<Measured>,
    /// Signed distance to the threshold in display units: positive on the good side.
    pub margin: Option<Rational>,
}

impl ConditionResult {
    fn bare(status: Status, note: Option<Note>) -> Self {
        ConditionResult {
            status,
            note,
            measured: None,
            margin: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldResult {
    pub field: FieldId,
    pub name: String,
    pub result: ConditionResult,
}

/// The verdict on a whole target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub status: Status,
    pub note: Option<Note>,
    /// Date of the entry the verdict is based on.
    pub as_of: Option<NaiveDate>,
    /// The headline figure: the value of a single condition, or of the worst field.
    pub headline: Option<ConditionResult>,
    /// For a breakdown: the field that decides the gauge (the worst one).
    pub worst_field: Option<FieldId>,
    /// For a breakdown: every field in definition order.
    pub fields: Vec<FieldResult>,
    /// For a compound target: both conditions.
    pub parts: Vec<ConditionResult>,
}

impl Evaluation {
    fn simple(status: Status, note: Option<Note>, as_of: Option<NaiveDate>) -> Self {
        Evaluation {
            status,
            note,
            as_of,
            headline: None,
            worst_field: None,
            fields: Vec::new(),
            parts: Vec::new(),
        }
    }
}

/// Evaluates a target on `today` (today matters for milestone deadlines).
pub fn evaluate(target: &Target, today: NaiveDate) -> Evaluation {
    if matches!(target.goal, Goal::FreeText) {
        return Evaluation::simple(Status::NotGauged, None, None);
    }
    let latest = target.latest_entry();
    let as_of = latest.map(|e| e.date);
    match (&target.goal, latest.map(|e| &e.reading)) {
        (Goal::FreeText, _) => Evaluation::simple(Status::NotGauged, None, None),
        (Goal::Milestone { deadline }, reading) => {
            let done = match reading {
                Some(Reading::Milestone { done_on, .. }) => *done_on,
                Some(_) => {
                    return Evaluation::simple(Status::Invalid, Some(Note::ReadingMismatch), as_of)
                }
                None => None,
            };
            let (status, note) = milestone_status(*deadline, done, today);
            Evaluation::simple(status, Some(note), as_of)
        }
        (
            Goal::Single {
                condition,
                breakdown,
            },
            None,
        ) => {
            let (status, note) = no_data_status(condition);
            let mut e = Evaluation::simple(status, note, None);
            if !breakdown.is_empty() {
                e.fields = breakdown
                    .iter()
                    .map(|f| FieldResult {
                        field: f.id.clone(),
                        name: f.name.clone(),
                        result: ConditionResult::bare(Status::NoData, None),
                    })
                    .collect();
            }
            e
        }
        (Goal::Compound { first, second }, None) => {
            let mut e = Evaluation::simple(Status::NoData, None, None);
            e.parts = vec![
                ConditionResult::bare(no_data_status(first).0, no_data_status(first).1),
                ConditionResult::bare(no_data_status(second).0, no_data_status(second).1),
            ];
            e
        }
        (
            Goal::Single {
                condition,
                breakdown,
            },
            Some(reading),
        ) if breakdown.is_empty() => match reading {
            Reading::Single { figure } => {
                let r = evaluate_condition(condition, figure);
                let mut e = Evaluation::simple(r.status, r.note, as_of);
                e.headline = Some(r);
                e
            }
            _ => Evaluation::simple(Status::Invalid, Some(Note::ReadingMismatch), as_of),
        },
        (
            Goal::Single {
                condition,
                breakdown,
            },
            Some(reading),
        ) => match reading {
            Reading::PerField { fields } => {
                let results: Vec<FieldResult> = breakdown
                    .iter()
                    .map(|f| FieldResult {
                        field: f.id.clone(),
                        name: f.name.clone(),
                        result: match fields.iter().find(|ff| ff.field == f.id) {
                            Some(ff) => evaluate_condition(condition, &ff.figure),
                            None => ConditionResult::bare(Status::NoData, None),
                        },
                    })
                    .collect();
                combine_fields(results, breakdown, as_of)
            }
            _ => Evaluation::simple(Status::Invalid, Some(Note::ReadingMismatch), as_of),
        },
        (Goal::Compound { first, second }, Some(reading)) => match reading {
            Reading::Pair {
                first: f1,
                second: f2,
            } => {
                let a = evaluate_condition(first, f1);
                let b = evaluate_condition(second, f2);
                let status = combine_all(&[a.status, b.status]);
                let mut e = Evaluation::simple(status, None, as_of);
                e.headline = Some(a);
                e.parts = vec![a, b];
                e
            }
            _ => Evaluation::simple(Status::Invalid, Some(Note::ReadingMismatch), as_of),
        },
    }
}

fn no_data_status(condition: &Condition) -> (Status, Option<Note>) {
    match condition.comparator {
        Comparator::HigherThanPrevious { previous: None } => {
            (Status::Waiting, Some(Note::WaitingForPrevious))
        }
        _ => (Status::NoData, None),
    }
}

fn milestone_status(
    deadline: Option<NaiveDate>,
    done_on: Option<NaiveDate>,
    today: NaiveDate,
) -> (Status, Note) {
    match (done_on, deadline) {
        (Some(done), Some(deadline)) if done > deadline => (Status::NotMet, Note::DoneLate),
        (Some(_), _) => (Status::Met, Note::DoneOnTime),
        (None, Some(deadline)) if today > deadline => (Status::NotMet, Note::Overdue),
        (None, _) => (Status::NoData, Note::NotDueYet),
    }
}

/// Combines the statuses of parts that must all hold.
fn combine_all(statuses: &[Status]) -> Status {
    let has = |s: Status| statuses.contains(&s);
    if has(Status::Invalid) {
        Status::Invalid
    } else if has(Status::NotMet) {
        Status::NotMet
    } else if has(Status::Waiting) {
        Status::Waiting
    } else if has(Status::NoData) {
        Status::NoData
    } else if statuses.iter().all(|s| *s == Status::NotApplicable) {
        Status::NotApplicable
    } else {
        Status::Met
    }
}

fn combine_fields(
    results: Vec<FieldResult>,
    breakdown: &[Field],
    as_of: Option<NaiveDate>,
) -> Evaluation {
    let statuses: Vec<Status> = results.iter().map(|r| r.result.status).collect();
    // Not-applicable fields drop out; the rest must all be met.
    let applicable: Vec<Status> = statuses
        .iter()
        .copied()
        .filter(|s| *s != Status::NotApplicable)
        .collect();
    let status = if applicable.is_empty() && !breakdown.is_empty() {
        Status::NotApplicable
    } else {
        combine_all(&applicable)
    };
    let note = match status {
        Status::NoData if statuses.iter().any(|s| *s != Status::NoData) => {
            Some(Note::FieldsMissing)
        }
        Status::NotApplicable => Some(Note::ZeroDenominator),
        _ => None,
    };
    let worst = results
        .iter()
        .filter(|r| r.result.measured.is_some() && r.result.status != Status::NotApplicable)
        .min_by(|a, b| {
            let rank = |r: &ConditionResult| match r.status {
                Status::Invalid => 0,
                Status::NotMet => 1,
                _ => 2,
            };
            rank(&a.result)
                .cmp(&rank(&b.result))
                .then(a.result.margin.cmp(&b.result.margin))
        });
    let mut e = Evaluation::simple(status, note, as_of);
    if let Some(w) = worst {
        e.headline = Some(w.result);
        e.worst_field = Some(w.field.clone());
    }
    e.fields = results;
    e
}

/// Evaluates one condition against one figure.
pub fn evaluate_condition(condition: &Condition, figure: &Figure) -> ConditionResult {
    let measured = match (&condition.measure, figure) {
        (
            Measure::Ratio { .. },
            Figure::Ratio {
                numerator,
                denominator,
            },
        ) => {
            let (n, d) = (numerator.0, denominator.0);
            // More items done than exist is wrong whatever the denominator (even 5/0).
            if n > d {
                return ConditionResult {
                    status: Status::Invalid,
                    note: Some(Note::NumeratorAboveDenominator),
                    measured: Some(Measured {
                        value: if d == 0 {
                            Rational::from_int(0)
                        } else {
                            Rational::percent(n, d)
                        },
                        counts: Some((n, d)),
                    }),
                    margin: None,
                };
            }
            if d == 0 {
                return ConditionResult {
                    status: Status::NotApplicable,
                    note: Some(Note::ZeroDenominator),
                    measured: Some(Measured {
                        value: Rational::from_int(0),
                        counts: Some((n, d)),
                    }),
                    margin: None,
                };
            }
            Measured {
                value: Rational::percent(n, d),
                counts: Some((n, d)),
            }
        }
        (Measure::Value { .. }, Figure::Value { value }) => Measured {
            value: value.to_rational(),
            counts: None,
        },
        _ => return ConditionResult::bare(Status::Invalid, Some(Note::ReadingMismatch)),
    };
    let (status, note, margin) = judge(&condition.comparator, measured);
    ConditionResult {
        status,
        note,
        measured: Some(measured),
        margin,
    }
}

fn r(d: Decimal) -> Rational {
    d.to_rational()
}

/// Applies a comparator to a measured value.
fn judge(comparator: &Comparator, m: Measured) -> (Status, Option<Note>, Option<Rational>) {
    let v = m.value;
    let met = |ok: bool| if ok { Status::Met } else { Status::NotMet };
    match comparator {
        Comparator::Above { threshold } => {
            (met(v > r(*threshold)), None, Some(v.minus(r(*threshold))))
        }
        Comparator::AtLeast { threshold } | Comparator::PerPeriod { min: threshold, .. } => {
            (met(v >= r(*threshold)), None, Some(v.minus(r(*threshold))))
        }
        Comparator::AtMost { threshold } => {
            (met(v <= r(*threshold)), None, Some(r(*threshold).minus(v)))
        }
        Comparator::Below { threshold } => {
            (met(v < r(*threshold)), None, Some(r(*threshold).minus(v)))
        }
        Comparator::Range { min, max, above } => {
            let (lo, hi) = (r(*min), r(*max));
            if v < lo {
                (Status::NotMet, None, Some(v.minus(lo)))
            } else if v <= hi {
                let to_lo = v.minus(lo);
                let to_hi = hi.minus(v);
                (Status::Met, None, Some(to_lo.min(to_hi)))
            } else {
                match above {
                    AboveRange::MetExceeded => {
                        (Status::Met, Some(Note::Exceeded), Some(v.minus(hi)))
                    }
                    AboveRange::OutOfRange => {
                        (Status::NotMet, Some(Note::OutOfRange), Some(hi.minus(v)))
                    }
                }
            }
        }
        Comparator::ReduceTo { low, high } => {
            let note = (v < r(*low)).then_some(Note::Exceeded);
            (met(v <= r(*high)), note, Some(r(*high).minus(v)))
        }
        Comparator::AllItems => match m.counts {
            Some((n, d)) => (met(n == d), None, Some(v.minus(Rational::from_int(100)))),
            None => {
                let hundred = Rational::from_int(100);
                (met(v >= hundred), None, Some(v.minus(hundred)))
            }
        },
        Comparator::HigherThanPrevious { previous } => match previous {
            Some(p) => (met(v > r(*p)), None, Some(v.minus(r(*p)))),
            None => (Status::Waiting, Some(Note::WaitingForPrevious), None),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::ReformArea;
    use crate::number::Count;
    use crate::progress::{EntryId, FieldFigure, ProgressEntry};
    use crate::target::{FieldId, TargetId, ValueUnit};

    fn dec(s: &str) -> Decimal {
        Decimal::parse_plain(s).unwrap()
    }
    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }
    fn ratio_condition(comparator: Comparator) -> Condition {
        Condition {
            label: String::new(),
            measure: Measure::Ratio {
                numerator: "hồ sơ".into(),
                denominator: "tổng số hồ sơ".into(),
            },
            comparator,
        }
    }
    fn percent_condition(comparator: Comparator) -> Condition {
        Condition {
            label: String::new(),
            measure: Measure::Value {
                unit: ValueUnit::Percent,
            },
            comparator,
        }
    }
    fn ratio(n: u64, d: u64) -> Figure {
        Figure::Ratio {
            numerator: Count(n),
            denominator: Count(d),
        }
    }
    fn value(s: &str) -> Figure {
        Figure::Value { value: dec(s) }
    }
    fn target(goal: Goal, readings: Vec<Reading>) -> Target {
        Target {
            id: TargetId("t".into()),
            area: ReformArea::Procedures,
            label: "x".into(),
            goal,
            parent: None,
            entries: readings
                .into_iter()
                .enumerate()
                .map(|(i, reading)| ProgressEntry {
                    id: EntryId(format!("e{i}")),
                    date: date(2019, 12, 1 + i as u32),
                    reading,
                    comment: String::new(),
                    extra: Default::default(),
                })
                .collect(),
            notes: Default::default(),
            extra: Default::default(),
            suggested: false,
            tracking: Default::default(),
        }
    }
    fn single(c: Condition, f: Figure) -> Evaluation {
        let t = target(
            Goal::Single {
                condition: c,
                breakdown: vec![],
            },
            vec![Reading::Single { figure: f }],
        );
        evaluate(&t, date(2020, 1, 1))
    }

    #[test]
    fn strictly_above_is_strict_and_exact() {
        let above90 = || {
            ratio_condition(Comparator::Above {
                threshold: dec("90"),
            })
        };
        assert_eq!(single(above90(), ratio(90, 100)).status, Status::NotMet);
        // 89,996% displays as 90,00% and still fails.
        assert_eq!(
            single(above90(), ratio(89_996, 100_000)).status,
            Status::NotMet
        );
        assert_eq!(
            single(above90(), ratio(90_001, 100_000)).status,
            Status::Met
        );
        let e = single(
            percent_condition(Comparator::Above {
                threshold: dec("80"),
            }),
            value("98.97"),
        );
        assert_eq!(e.status, Status::Met);
        assert_eq!(e.headline.unwrap().margin, Some(dec("18.97").to_rational()));
    }

    #[test]
    fn at_least_includes_the_threshold() {
        let c = || {
            ratio_condition(Comparator::AtLeast {
                threshold: dec("30"),
            })
        };
        assert_eq!(single(c(), ratio(30, 100)).status, Status::Met);
        assert_eq!(single(c(), ratio(29, 100)).status, Status::NotMet);
    }

    #[test]
    fn range_and_above_range_policy() {
        let range = |above| {
            percent_condition(Comparator::Range {
                min: dec("30"),
                max: dec("40"),
                above,
            })
        };
        assert_eq!(
            single(range(AboveRange::OutOfRange), value("35")).status,
            Status::Met
        );
        assert_eq!(
            single(range(AboveRange::OutOfRange), value("41")).status,
            Status::NotMet
        );
        assert_eq!(
            single(range(AboveRange::OutOfRange), value("29.99")).status,
            Status::NotMet
        );
        let e = single(range(AboveRange::MetExceeded), value("41"));
        assert_eq!((e.status, e.note), (Status::Met, Some(Note::Exceeded)));
    }

    #[test]
    fn reduce_to_is_lower_is_better() {
        let c = || {
            percent_condition(Comparator::ReduceTo {
                low: dec("50"),
                high: dec("52"),
            })
        };
        assert_eq!(single(c(), value("51")).status, Status::Met);
        assert_eq!(single(c(), value("52.5")).status, Status::NotMet);
        assert_eq!(single(c(), value("49")).note, Some(Note::Exceeded));
    }

    #[test]
    fn all_items_needs_every_item() {
        let c = || ratio_condition(Comparator::AllItems);
        assert_eq!(single(c(), ratio(120, 120)).status, Status::Met);
        assert_eq!(single(c(), ratio(119, 120)).status, Status::NotMet);
    }

    #[test]
    fn ratio_guards() {
        let c = || {
            ratio_condition(Comparator::AtLeast {
                threshold: dec("10"),
            })
        };
        let e = single(c(), ratio(0, 0));
        assert_eq!(
            (e.status, e.note),
            (Status::NotApplicable, Some(Note::ZeroDenominator))
        );
        let e = single(c(), ratio(5, 0));
        assert_eq!(
            (e.status, e.note),
            (Status::Invalid, Some(Note::NumeratorAboveDenominator))
        );
        let e = single(c(), ratio(6, 5));
        assert_eq!(
            (e.status, e.note),
            (Status::Invalid, Some(Note::NumeratorAboveDenominator))
        );
        let e = single(c(), value("12"));
        assert_eq!(e.status, Status::Invalid);
    }

    #[test]
    fn higher_than_previous_waits_for_the_figure() {
        let c = |p: Option<&str>| {
            percent_condition(Comparator::HigherThanPrevious {
                previous: p.map(dec),
            })
        };
        assert_eq!(single(c(None), value("85")).status, Status::Waiting);
        assert_eq!(single(c(Some("84.1")), value("85")).status, Status::Met);
        assert_eq!(single(c(Some("85")), value("85")).status, Status::NotMet);
        let t = target(
            Goal::Single {
                condition: c(None),
                breakdown: vec![],
            },
            vec![],
        );
        assert_eq!(evaluate(&t, date(2020, 1, 1)).status, Status::Waiting);
    }

    #[test]
    fn per_field_breakdown_every_field_must_meet() {
        let fields: Vec<Field> = ["Hộ tịch", "Đất đai", "Xây dựng"]
            .iter()
            .enumerate()
            .map(|(i, n)| Field {
                id: FieldId(format!("f{i}")),
                name: n.to_string(),
            })
            .collect();
        let goal = Goal::Single {
            condition: ratio_condition(Comparator::Above {
                threshold: dec("90"),
            }),
            breakdown: fields,
        };
        let reading = |figs: Vec<(usize, u64, u64)>| Reading::PerField {
            fields: figs
                .into_iter()
                .map(|(i, n, d)| FieldFigure {
                    field: FieldId(format!("f{i}")),
                    figure: ratio(n, d),
                })
                .collect(),
        };
        let today = date(2020, 1, 1);
        // One field at 89% fails the whole target, and it is the worst field.
        let t = target(
            goal.clone(),
            vec![reading(vec![(0, 95, 100), (1, 89, 100), (2, 100, 100)])],
        );
        let e = evaluate(&t, today);
        assert_eq!(e.status, Status::NotMet);
        assert_eq!(e.worst_field, Some(FieldId("f1".into())));
        // A field with no dossiers is not applicable, not 0% and not 100%.
        let t = target(
            goal.clone(),
            vec![reading(vec![(0, 95, 100), (1, 0, 0), (2, 100, 100)])],
        );
        let e = evaluate(&t, today);
        assert_eq!(e.status, Status::Met);
        assert_eq!(e.fields[1].result.status, Status::NotApplicable);
        assert_eq!(e.worst_field, Some(FieldId("f0".into())));
        // A field without figures keeps the target waiting for data.
        let t = target(goal.clone(), vec![reading(vec![(0, 95, 100)])]);
        let e = evaluate(&t, today);
        assert_eq!(
            (e.status, e.note),
            (Status::NoData, Some(Note::FieldsMissing))
        );
        // All fields empty.
        let t = target(goal, vec![reading(vec![(0, 0, 0), (1, 0, 0), (2, 0, 0)])]);
        assert_eq!(evaluate(&t, today).status, Status::NotApplicable);
    }

    #[test]
    fn compound_needs_both() {
        let goal = Goal::Compound {
            first: ratio_condition(Comparator::AtLeast {
                threshold: dec("40"),
            }),
            second: ratio_condition(Comparator::AtLeast {
                threshold: dec("80"),
            }),
        };
        let pair = |a: Figure, b: Figure| Reading::Pair {
            first: a,
            second: b,
        };
        let today = date(2020, 1, 1);
        let t = target(goal.clone(), vec![pair(ratio(45, 100), ratio(40, 45))]);
        assert_eq!(evaluate(&t, today).status, Status::Met);
        let t = target(goal.clone(), vec![pair(ratio(39, 100), ratio(39, 39))]);
        assert_eq!(evaluate(&t, today).status, Status::NotMet);
        let t = target(goal, vec![]);
        assert_eq!(evaluate(&t, today).status, Status::NoData);
    }

    #[test]
    fn milestones_follow_the_deadline() {
        let goal = Goal::Milestone {
            deadline: Some(date(2019, 12, 1)),
        };
        let done = |d: Option<NaiveDate>| Reading::Milestone {
            done_on: d,
            evidence: "39/KH-UBND-NV".into(),
        };
        let t = target(goal.clone(), vec![done(Some(date(2019, 11, 30)))]);
        assert_eq!(evaluate(&t, date(2020, 1, 1)).note, Some(Note::DoneOnTime));
        let t = target(goal.clone(), vec![done(Some(date(2019, 12, 2)))]);
        assert_eq!(evaluate(&t, date(2020, 1, 1)).status, Status::NotMet);
        let t = target(goal.clone(), vec![]);
        assert_eq!(evaluate(&t, date(2019, 11, 1)).note, Some(Note::NotDueYet));
        assert_eq!(evaluate(&t, date(2019, 12, 2)).note, Some(Note::Overdue));
    }

    #[test]
    fn latest_entry_counts() {
        let c = ratio_condition(Comparator::AtLeast {
            threshold: dec("50"),
        });
        let t = target(
            Goal::Single {
                condition: c,
                breakdown: vec![],
            },
            vec![
                Reading::Single {
                    figure: ratio(10, 100),
                },
                Reading::Single {
                    figure: ratio(60, 100),
                },
            ],
        );
        let e = evaluate(&t, date(2020, 1, 1));
        assert_eq!(e.status, Status::Met);
        assert_eq!(e.as_of, Some(date(2019, 12, 2)));
    }

    #[test]
    fn free_text_is_not_gauged() {
        let t = target(Goal::FreeText, vec![Reading::Text { text: "…".into() }]);
        assert_eq!(evaluate(&t, date(2020, 1, 1)).status, Status::NotGauged);
    }
}
