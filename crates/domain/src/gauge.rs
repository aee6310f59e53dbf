//! Geometry of a compliance gauge: where the value, the threshold marks and the target band
//! sit on a 0–1 scale. The browser only draws what this module computes.

use crate::evaluation::ConditionResult;
use crate::number::{Decimal, Rational};
use crate::target::{Comparator, Condition, Measure, ValueUnit};

#[derive(Clone, Debug, PartialEq)]
pub struct GaugeModel {
    /// The value at the right end of the scale, in display units.
    pub scale_max: Rational,
    /// Position of the measured value (0–1), if any.
    pub value: Option<f64>,
    /// Positions of threshold marks (0–1).
    pub marks: Vec<f64>,
    /// The stretch of the scale where the rule is met: (from, to) in 0–1.
    pub good: (f64, f64),
}

fn is_percent(condition: &Condition) -> bool {
    matches!(
        condition.measure,
        Measure::Ratio { .. }
            | Measure::Value {
                unit: ValueUnit::Percent
            }
    )
}

fn thresholds(c: &Comparator) -> Vec<Decimal> {
    match c {
        Comparator::Above { threshold }
        | Comparator::AtLeast { threshold }
        | Comparator::AtMost { threshold }
        | Comparator::Below { threshold } => vec![*threshold],
        Comparator::Range { min, max, .. } => vec![*min, *max],
        Comparator::ReduceTo { low, high } => vec![*low, *high],
        Comparator::AllItems => vec![Decimal::HUNDRED],
        Comparator::PerPeriod { min, .. } => vec![*min],
        Comparator::HigherThanPrevious { previous } => previous.iter().copied().collect(),
    }
}

/// Rounds a positive scale end up to 1, 2 or 5 × a power of ten.
fn nice_ceiling(v: f64) -> f64 {
    if v <= 0.0 || !v.is_finite() {
        return 1.0;
    }
    let exp = v.log10().floor();
    let base = 10f64.powf(exp);
    for step in [1.0, 2.0, 5.0, 10.0] {
        if step * base >= v {
            return step * base;
        }
    }
    10.0 * base
}

/// Computes the gauge for one condition and its result.
pub fn gauge_for(condition: &Condition, result: Option<&ConditionResult>) -> GaugeModel {
    let marks_abs: Vec<f64> = thresholds(&condition.comparator)
        .into_iter()
        .map(|d| d.to_rational().to_f64())
        .collect();
    let value_abs = result
        .and_then(|r| r.measured)
        .map(|m| m.value.to_f64())
        .filter(|v| v.is_finite());
    let largest = marks_abs
        .iter()
        .copied()
        .chain(value_abs)
        .fold(0.0f64, f64::max);
    let scale = if is_percent(condition) && largest <= 100.0 {
        100.0
    } else {
        nice_ceiling(largest * 1.25)
    };
    let pos = |v: f64| (v / scale).clamp(0.0, 1.0);
    let marks: Vec<f64> = marks_abs.iter().map(|m| pos(*m)).collect();
    let first = marks.first().copied().unwrap_or(0.0);
    let good = match &condition.comparator {
        Comparator::Above { .. }
        | Comparator::AtLeast { .. }
        | Comparator::PerPeriod { .. }
        | Comparator::HigherThanPrevious { .. }
        | Comparator::AllItems => (first, 1.0),
        Comparator::AtMost { .. } | Comparator::Below { .. } => (0.0, first),
        Comparator::Range { above, .. } => {
            let hi = marks.get(1).copied().unwrap_or(1.0);
            match above {
                crate::target::AboveRange::MetExceeded => (first, 1.0),
                crate::target::AboveRange::OutOfRange => (first, hi),
            }
        }
        Comparator::ReduceTo { .. } => (0.0, marks.get(1).copied().unwrap_or(first)),
    };
    GaugeModel {
        scale_max: Rational::new((scale * 100.0).round() as i128, 100),
        value: value_abs.map(pos),
        marks,
        good,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::{evaluate_condition, Status};
    use crate::number::Count;
    use crate::progress::Figure;

    fn dec(s: &str) -> Decimal {
        Decimal::parse_plain(s).unwrap()
    }

    #[test]
    fn ratio_gauge_is_on_a_percent_scale() {
        let c = Condition {
            label: String::new(),
            measure: Measure::Ratio {
                numerator: String::new(),
                denominator: String::new(),
            },
            comparator: Comparator::Above {
                threshold: dec("90"),
            },
        };
        let r = evaluate_condition(
            &c,
            &Figure::Ratio {
                numerator: Count(9156),
                denominator: Count(17087),
            },
        );
        assert_eq!(r.status, Status::NotMet);
        let g = gauge_for(&c, Some(&r));
        assert_eq!(g.scale_max, Rational::from_int(100));
        assert_eq!(g.marks, vec![0.9]);
        assert!((g.value.unwrap() - 0.5358).abs() < 0.001);
        assert_eq!(g.good, (0.9, 1.0));
    }

    #[test]
    fn count_gauge_scales_to_the_threshold() {
        let c = Condition {
            label: String::new(),
            measure: Measure::Value {
                unit: ValueUnit::Count {
                    noun: "lần".into()
                },
            },
            comparator: Comparator::PerPeriod {
                min: dec("2"),
                period: crate::target::Period::Year,
            },
        };
        let g = gauge_for(&c, None);
        assert_eq!(g.scale_max, Rational::from_int(5));
        assert_eq!(g.value, None);
        assert_eq!(g.marks, vec![0.4]);
    }
}
