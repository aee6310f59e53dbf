//! A consolidation in words, Vietnamese or English: each column's aggregate as the rule its
//! kind calls for (`25,12% (363/1.445)` beside `7/11 đơn vị đạt (63,64%)`, a total with its
//! mean per unit, units meeting, units reporting) and each cell's value. The interface only
//! places these strings.

use crate::consolidation::{AggregateRule, Cell, Column};
use crate::describe::{describe_value, unit_suffix};
use crate::evaluation::Measured;
use crate::locale::Locale;
use crate::number::{format_count, Rational};
use crate::target::{Condition, Goal};

/// One column's aggregate in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AggregateWords {
    /// How it is computed: `Tổng tử số / tổng mẫu số`.
    pub rule: &'static str,
    /// The figure for the whole area: `25,12% (363/1.445)`, `1.234 lần`, `7/11 đơn vị đạt`;
    /// `—` when no unit has reported.
    pub value: String,
    /// A second figure where it means something: the mean per unit of a total.
    pub detail: Option<String>,
    /// Units meeting the target beside a ratio or a total: `7/11 đơn vị đạt (63,64%)`.
    pub units: Option<String>,
    /// A ratio broken down by field: one line per field, `Đất đai: 98,97% (9.156/9.251)`.
    pub fields: Vec<String>,
}

/// How a rule computes the aggregate.
pub fn rule_words(rule: AggregateRule, l: Locale) -> &'static str {
    match rule {
        AggregateRule::RatioOfSums => l.pick(
            "Tổng tử số / tổng mẫu số",
            "Sum of numerators / sum of denominators",
        ),
        AggregateRule::Sum => l.pick("Cộng dồn các đơn vị", "Total over units"),
        AggregateRule::UnitsMeeting => l.pick("Số đơn vị đạt", "Units meeting it"),
        AggregateRule::UnitsReporting => l.pick("Số đơn vị báo cáo", "Units reporting"),
    }
}

/// `7/11 đơn vị đạt (63,64%)`.
pub fn units_meeting(met: usize, of: usize, l: Locale) -> String {
    let share = if of > 0 {
        format!(
            " ({}%)",
            Rational::percent(met as u64, of as u64).format_vi(2, true)
        )
    } else {
        String::new()
    };
    l.pick(
        format!("{met}/{of} đơn vị đạt{share}"),
        format!("{met}/{of} units meet it{share}"),
    )
}

fn single_condition(column: &Column) -> Option<&Condition> {
    match &column.target.goal {
        Goal::Single { condition, .. } => Some(condition),
        _ => None,
    }
}

/// The aggregate of one column in words.
pub fn aggregate_words(column: &Column, l: Locale) -> AggregateWords {
    let a = &column.aggregate;
    let none = || String::from("—");
    let units = units_meeting(a.units_met, a.units_with_target, l);
    let mut words = AggregateWords {
        rule: rule_words(a.rule, l),
        value: none(),
        detail: None,
        units: None,
        fields: Vec::new(),
    };
    match a.rule {
        AggregateRule::RatioOfSums => {
            let condition = single_condition(column);
            if let (Some((n, d)), Some(condition)) = (a.counts, condition) {
                words.value = ratio_words(condition, n, d, l);
                if let Goal::Single { breakdown, .. } = &column.target.goal {
                    words.fields = breakdown
                        .iter()
                        .filter_map(|f| {
                            let (_, n, d) = a.field_counts.iter().find(|(id, _, _)| *id == f.id)?;
                            Some(format!("{}: {}", f.name, ratio_words(condition, *n, *d, l)))
                        })
                        .collect();
                }
            }
            words.units = Some(units);
        }
        AggregateRule::Sum => {
            if let (Some(total), Some(condition)) = (a.total, single_condition(column)) {
                let suffix = unit_suffix(&condition.measure, l);
                let total = total.to_rational();
                words.value = format!("{}{suffix}", total.format_vi(2, true));
                if a.units_reporting > 0 {
                    let mean = Rational::new(
                        total.num(),
                        total.den().saturating_mul(a.units_reporting as i128),
                    );
                    words.detail = Some(l.pick(
                        format!("bình quân {}{suffix}/đơn vị", mean.format_vi(2, true)),
                        format!("mean {}{suffix} per unit", mean.format_vi(2, true)),
                    ));
                }
            }
            words.units = Some(units);
        }
        AggregateRule::UnitsMeeting => words.value = units,
        AggregateRule::UnitsReporting => {
            let (k, n) = (a.units_reporting, a.units_with_target);
            words.value = l.pick(
                format!("{k}/{n} đơn vị đã báo cáo"),
                format!("{k}/{n} units reported"),
            );
        }
    }
    words
}

fn ratio_words(condition: &Condition, n: u64, d: u64, l: Locale) -> String {
    if d == 0 {
        return format!("{}/{}", format_count(n), format_count(d));
    }
    let measured = Measured {
        value: Rational::percent(n, d),
        counts: Some((n, d)),
    };
    describe_value(condition, &measured, l)
}

/// A unit's value in a cell, short: `53,58%`, `2 lần`; empty when there is no figure.
pub fn cell_value(column: &Column, cell: &Cell, l: Locale) -> String {
    let Some(value) = cell.value else {
        return String::new();
    };
    let condition = match &column.target.goal {
        Goal::Single { condition, .. } => Some(condition),
        Goal::Compound { first, .. } => Some(first),
        _ => None,
    };
    let suffix = match condition {
        Some(c) => unit_suffix(&c.measure, l),
        None => String::new(),
    };
    format!("{}{suffix}", value.format_vi(2, true))
}
