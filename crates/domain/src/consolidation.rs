//! Consolidation: a superior unit's roll-up of its subordinates' plans. Targets are matched
//! across plans by their stable id (or by a mapping the officer made once), each unit's
//! target is evaluated as in its own plan, and every target gets an aggregate computed with
//! the rule its kind calls for:
//!
//! * a ratio: the sum of the numerators over the sum of the denominators, never the mean of
//!   the units' percentages, beside the number of units that meet the target;
//! * a count or an amount (count, days, hours, money): the sum, and the mean per reporting
//!   unit;
//! * a milestone, a percentage or index entered directly, a compound target: the number of
//!   units that meet it (their values have no common sum);
//! * free text: the number of units reporting.
//!
//! A cell can be switched out of the aggregate; the unit's own verdict is still shown.
//! Units the superior expects to report but whose plan is not held are listed as missing.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::area::ReformArea;
use crate::evaluation::{evaluate, Status};
use crate::number::{Count, Decimal, Rational};
use crate::plan::{Plan, PlanId};
use crate::progress::{EntryId, FieldFigure, Figure, ProgressEntry, Reading};
use crate::target::{Comparator, FieldId, Goal, Measure, Target, TargetId, ValueUnit};

/// A unit the superior expects a plan from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedUnit {
    /// The unit's code, matched against [`crate::unit::Unit::id`]; when empty, the name is
    /// matched instead (ignoring case and surrounding spaces).
    pub code: String,
    pub name: String,
}

/// A target of one plan counted under another column: for plans not made from the same
/// template, mapped by hand once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetMapping {
    pub plan: PlanId,
    pub target: TargetId,
    pub column: TargetId,
}

/// What the officer chose: the plans, the units expected, the mappings, the cells left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConsolidationSpec {
    pub plans: Vec<PlanId>,
    pub expected: Vec<ExpectedUnit>,
    pub mappings: Vec<TargetMapping>,
    /// Cells switched out of the aggregate: (plan, column).
    pub excluded: Vec<(PlanId, TargetId)>,
}

/// How a column is aggregated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AggregateRule {
    /// Σ numerators / Σ denominators.
    RatioOfSums,
    /// Σ values, and the mean per reporting unit.
    Sum,
    /// Number of units that meet the target.
    UnitsMeeting,
    /// Number of units that reported something.
    UnitsReporting,
}

/// The aggregate of one column over the units counted in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aggregate {
    pub rule: AggregateRule,
    /// Units whose plan has this target (mapped or not), excluded cells left out.
    pub units_with_target: usize,
    /// Of those, units with figures for it.
    pub units_reporting: usize,
    pub units_met: usize,
    /// Σ numerators and Σ denominators ([`AggregateRule::RatioOfSums`]).
    pub counts: Option<(u64, u64)>,
    /// Σ values ([`AggregateRule::Sum`]).
    pub total: Option<Decimal>,
    /// Σ numerators and Σ denominators per field, for a ratio with a breakdown.
    pub field_counts: Vec<(FieldId, u64, u64)>,
    /// The verdict on Σ numerators / Σ denominators against the column's rule (ratios only:
    /// a per-unit threshold such as "2 lần/năm" says nothing of a sum over units).
    pub status: Option<Status>,
}

/// One target across the units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub id: TargetId,
    pub area: ReformArea,
    pub label: String,
    /// The definition the column is judged by: the first chosen plan's.
    pub target: Target,
    pub aggregate: Aggregate,
}

/// One unit's value and verdict for one column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// `None` when the unit's plan has no such target.
    pub status: Option<Status>,
    /// Switched out of the aggregate by the officer.
    pub excluded: bool,
    /// The unit's own target id, when it differs from the column's (a mapped target).
    pub mapped_from: Option<TargetId>,
    /// The unit's headline value (a percentage for a ratio), for sorting and ranking.
    pub value: Option<Rational>,
}

/// One unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitRow {
    pub plan: PlanId,
    pub unit: String,
    pub code: String,
    pub revision: u32,
    /// One per column, in column order.
    pub cells: Vec<Cell>,
    pub met: usize,
    /// Targets with a verdict (met or not met).
    pub gauged: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consolidation {
    pub columns: Vec<Column>,
    pub rows: Vec<UnitRow>,
    /// Expected units with no plan among the chosen ones.
    pub missing: Vec<ExpectedUnit>,
    /// Chosen plan ids that are not in the workbook.
    pub unknown_plans: Vec<PlanId>,
}

/// Targets met and judged in one reform area, over every unit (excluded cells left out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaSummary {
    pub area: ReformArea,
    pub targets: usize,
    pub met: usize,
    pub gauged: usize,
}

impl Consolidation {
    /// Units by targets met (most first), then by fewest targets judged, then by name.
    pub fn ranking(&self) -> Vec<&UnitRow> {
        let mut rows: Vec<&UnitRow> = self.rows.iter().collect();
        rows.sort_by(|a, b| {
            b.met
                .cmp(&a.met)
                .then(a.gauged.cmp(&b.gauged))
                .then_with(|| a.unit.cmp(&b.unit))
        });
        rows
    }

    /// Units by their value for one column, best first (lowest first where lower is
    /// better); units without a value come last.
    pub fn ranking_by(&self, column: &TargetId) -> Vec<&UnitRow> {
        let Some(i) = self.columns.iter().position(|c| &c.id == column) else {
            return Vec::new();
        };
        let lower_is_better = match self.columns.get(i).map(|c| &c.target.goal) {
            Some(Goal::Single { condition, .. }) => condition.comparator.lower_is_better(),
            _ => false,
        };
        let value = |r: &UnitRow| r.cells.get(i).and_then(|c| c.value);
        let mut rows: Vec<&UnitRow> = self.rows.iter().collect();
        rows.sort_by(|a, b| match (value(a), value(b)) {
            (Some(x), Some(y)) => {
                let order = x.cmp(&y);
                if lower_is_better {
                    order
                } else {
                    order.reverse()
                }
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.unit.cmp(&b.unit),
        });
        rows
    }

    /// Column indexes grouped by reform area, areas in the canonical order, columns in their
    /// own order within an area: the order the columns are numbered and shown in.
    pub fn columns_by_area(&self) -> Vec<(ReformArea, Vec<usize>)> {
        ReformArea::ALL
            .into_iter()
            .map(|area| {
                let columns = (0..self.columns.len())
                    .filter(|i| self.columns.get(*i).is_some_and(|c| c.area == area))
                    .collect::<Vec<_>>();
                (area, columns)
            })
            .filter(|(_, columns)| !columns.is_empty())
            .collect()
    }

    /// One summary per reform area that has a column, in the canonical order.
    pub fn areas(&self) -> Vec<AreaSummary> {
        ReformArea::ALL
            .into_iter()
            .filter_map(|area| {
                let columns: Vec<usize> = (0..self.columns.len())
                    .filter(|i| self.columns.get(*i).is_some_and(|c| c.area == area))
                    .collect();
                if columns.is_empty() {
                    return None;
                }
                let (mut met, mut gauged) = (0, 0);
                for row in &self.rows {
                    for cell in columns.iter().filter_map(|i| row.cells.get(*i)) {
                        match (cell.excluded, cell.status) {
                            (false, Some(Status::Met)) => {
                                met += 1;
                                gauged += 1;
                            }
                            (false, Some(Status::NotMet)) => gauged += 1,
                            _ => {}
                        }
                    }
                }
                Some(AreaSummary {
                    area,
                    targets: columns.len(),
                    met,
                    gauged,
                })
            })
            .collect()
    }
}

/// Standard competition ranks (1, 2, 2, 4) of items already in order, where `tied` says
/// whether two neighbours share a rank.
pub fn competition_ranks<T>(ordered: &[T], tied: impl Fn(&T, &T) -> bool) -> Vec<usize> {
    let mut ranks: Vec<usize> = Vec::with_capacity(ordered.len());
    for (i, item) in ordered.iter().enumerate() {
        let rank = match (i.checked_sub(1).and_then(|p| ordered.get(p)), ranks.last()) {
            (Some(previous), Some(&r)) if tied(previous, item) => r,
            _ => i + 1,
        };
        ranks.push(rank);
    }
    ranks
}

/// The rule a target's kind calls for.
pub fn aggregate_rule(goal: &Goal) -> AggregateRule {
    match goal {
        Goal::Single { condition, .. } => match &condition.measure {
            Measure::Ratio { .. } => AggregateRule::RatioOfSums,
            Measure::Value {
                unit:
                    ValueUnit::Count { .. } | ValueUnit::Days | ValueUnit::Hours | ValueUnit::Money,
            } if !matches!(condition.comparator, Comparator::HigherThanPrevious { .. }) => {
                AggregateRule::Sum
            }
            Measure::Value { .. } => AggregateRule::UnitsMeeting,
        },
        Goal::Compound { .. } | Goal::Milestone { .. } => AggregateRule::UnitsMeeting,
        Goal::FreeText => AggregateRule::UnitsReporting,
    }
}

/// Rolls up the chosen plans of `plans` as the spec says, evaluating against `today`.
pub fn consolidate(plans: &[Plan], spec: &ConsolidationSpec, today: NaiveDate) -> Consolidation {
    let held: HashMap<&PlanId, &Plan> = plans.iter().map(|p| (&p.id, p)).collect();
    let chosen: Vec<&Plan> = spec
        .plans
        .iter()
        .filter_map(|id| held.get(id).copied())
        .collect();
    let unknown_plans = spec
        .plans
        .iter()
        .filter(|id| !held.contains_key(id))
        .cloned()
        .collect();
    // Lookups by key, so the cost grows linearly with the number of plans.
    let mappings: HashMap<(&PlanId, &TargetId), &TargetId> = spec
        .mappings
        .iter()
        .map(|m| ((&m.plan, &m.target), &m.column))
        .collect();
    let excluded: HashSet<(&PlanId, &TargetId)> =
        spec.excluded.iter().map(|(p, c)| (p, c)).collect();
    let column_of = |plan: &Plan, target: &Target| -> TargetId {
        mappings
            .get(&(&plan.id, &target.id))
            .map(|c| (*c).clone())
            .unwrap_or_else(|| target.id.clone())
    };

    // Columns in the order they first appear, plan by plan.
    let mut columns: Vec<Column> = Vec::new();
    let mut index: HashMap<TargetId, usize> = HashMap::new();
    for plan in &chosen {
        for target in &plan.targets {
            let id = column_of(plan, target);
            if !index.contains_key(&id) {
                index.insert(id.clone(), columns.len());
                columns.push(Column {
                    id,
                    area: target.area,
                    label: target.label.clone(),
                    target: target.clone(),
                    aggregate: Aggregate {
                        rule: aggregate_rule(&target.goal),
                        units_with_target: 0,
                        units_reporting: 0,
                        units_met: 0,
                        counts: None,
                        total: None,
                        field_counts: Vec::new(),
                        status: None,
                    },
                });
            }
        }
    }

    let mut sums: Vec<Sums> = vec![Sums::default(); columns.len()];
    let mut rows = Vec::with_capacity(chosen.len());
    for plan in &chosen {
        let mut cells: Vec<Cell> = columns
            .iter()
            .map(|_| Cell {
                status: None,
                excluded: false,
                mapped_from: None,
                value: None,
            })
            .collect();
        let (mut met, mut gauged) = (0, 0);
        for target in &plan.targets {
            let id = column_of(plan, target);
            let Some(&i) = index.get(&id) else {
                continue;
            };
            let evaluation = evaluate(target, today);
            let status = evaluation.status;
            match status {
                Status::Met => {
                    met += 1;
                    gauged += 1;
                }
                Status::NotMet => gauged += 1,
                _ => {}
            }
            let excluded = excluded.contains(&(&plan.id, &id));
            if let (Some(cell), Some(s)) = (cells.get_mut(i), sums.get_mut(i)) {
                cell.status = Some(status);
                cell.excluded = excluded;
                cell.mapped_from = (target.id != id).then(|| target.id.clone());
                cell.value = evaluation
                    .headline
                    .and_then(|h| h.measured)
                    .map(|m| m.value);
                if !excluded {
                    s.add(target, status);
                }
            }
        }
        rows.push(UnitRow {
            plan: plan.id.clone(),
            unit: plan.unit.name.clone(),
            code: plan.unit.id.clone(),
            revision: plan.revision,
            cells,
            met,
            gauged,
        });
    }
    for (column, s) in columns.iter_mut().zip(sums) {
        column.aggregate = s.finish(&column.target, today);
    }

    let codes: HashSet<&str> = chosen.iter().map(|p| p.unit.id.trim()).collect();
    let names: HashSet<String> = chosen.iter().map(|p| name_key(&p.unit.name)).collect();
    let missing = spec
        .expected
        .iter()
        .filter(|e| {
            if e.code.trim().is_empty() {
                !names.contains(&name_key(&e.name))
            } else {
                !codes.contains(e.code.trim())
            }
        })
        .cloned()
        .collect();
    Consolidation {
        columns,
        rows,
        missing,
        unknown_plans,
    }
}

/// A unit name as matched against the expected list: case and surrounding spaces ignored.
fn name_key(name: &str) -> String {
    crate::letters::lowercase(name.trim())
}

/// Running sums of one column.
#[derive(Clone, Default)]
struct Sums {
    with_target: usize,
    reporting: usize,
    met: usize,
    numerator: u64,
    denominator: u64,
    /// Σ values in units of 10⁻⁴ (the finest a decimal of the format has).
    total: i128,
    /// Σ numerators and denominators per field of a breakdown, matched by field id.
    fields: Vec<(FieldId, u64, u64)>,
}

impl Sums {
    fn add(&mut self, target: &Target, status: Status) {
        self.with_target += 1;
        if status == Status::Met {
            self.met += 1;
        }
        // A unit with no figures yet, or not for every field, is left out of the sums: its
        // figures are incomplete.
        let Some(entry) = target.latest_entry().filter(|_| status != Status::NoData) else {
            return;
        };
        self.reporting += 1;
        match &entry.reading {
            Reading::Single { figure } => {
                self.add_figure(figure);
            }
            Reading::PerField { fields } => {
                for f in fields {
                    let Some((n, d)) = self.add_figure(&f.figure) else {
                        continue;
                    };
                    match self.fields.iter_mut().find(|(id, _, _)| *id == f.field) {
                        Some((_, sn, sd)) => {
                            *sn = sn.saturating_add(n);
                            *sd = sd.saturating_add(d);
                        }
                        None => self.fields.push((f.field.clone(), n, d)),
                    }
                }
            }
            _ => {}
        }
    }

    /// Adds one figure to the sums; returns the counts of a ratio that was added.
    fn add_figure(&mut self, figure: &Figure) -> Option<(u64, u64)> {
        match figure {
            Figure::Ratio {
                numerator,
                denominator,
            } if numerator.0 <= denominator.0 => {
                self.numerator = self.numerator.saturating_add(numerator.0);
                self.denominator = self.denominator.saturating_add(denominator.0);
                Some((numerator.0, denominator.0))
            }
            Figure::Value { value } => {
                let scaled = value
                    .units()
                    .saturating_mul(10i128.pow(u32::from(4u8.saturating_sub(value.scale()))));
                self.total = self.total.saturating_add(scaled);
                None
            }
            Figure::Ratio { .. } => None,
        }
    }

    fn finish(self, target: &Target, today: NaiveDate) -> Aggregate {
        let rule = aggregate_rule(&target.goal);
        let mut aggregate = Aggregate {
            rule,
            units_with_target: self.with_target,
            units_reporting: self.reporting,
            units_met: self.met,
            counts: (rule == AggregateRule::RatioOfSums && self.reporting > 0)
                .then_some((self.numerator, self.denominator)),
            total: (rule == AggregateRule::Sum && self.reporting > 0)
                .then(|| Decimal::new(self.total, 4).ok())
                .flatten(),
            field_counts: self.fields,
            status: None,
        };
        // The area as a whole judged by the target's own rule: ratios only (a per-unit
        // threshold such as "2 lần/năm" says nothing of a sum over units).
        if let Some(reading) = aggregate_reading(&aggregate, target) {
            let mut whole = target.clone();
            whole.entries = vec![ProgressEntry {
                id: EntryId("aggregate".into()),
                date: today,
                reading,
                comment: String::new(),
                extra: Default::default(),
            }];
            aggregate.status = Some(evaluate(&whole, today).status);
        }
        aggregate
    }
}

/// The aggregate of a ratio column as a reading of its target: Σ numerators / Σ
/// denominators, per field when the target has a breakdown. `None` for other rules and
/// when no unit has reported.
pub fn aggregate_reading(aggregate: &Aggregate, target: &Target) -> Option<Reading> {
    let (n, d) = aggregate.counts?;
    let ratio = |n: u64, d: u64| Figure::Ratio {
        numerator: Count(n),
        denominator: Count(d),
    };
    match &target.goal {
        Goal::Single { breakdown, .. } if !breakdown.is_empty() => Some(Reading::PerField {
            fields: breakdown
                .iter()
                .filter_map(|f| {
                    let (_, n, d) = aggregate
                        .field_counts
                        .iter()
                        .find(|(id, _, _)| *id == f.id)?;
                    Some(FieldFigure {
                        field: f.id.clone(),
                        figure: ratio(*n, *d),
                    })
                })
                .collect(),
        }),
        Goal::Single { .. } => Some(Reading::Single {
            figure: ratio(n, d),
        }),
        _ => None,
    }
}
