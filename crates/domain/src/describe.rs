//! Words and figures for people: a rule as a plan would write it (`trên 90%`,
//! `từ 30% đến 40%`), a measured value with its unit (`53,58% (9.156/17.087)`, `124,5 ngày`),
//! and the margin to the threshold (`+18,97 điểm %`), in Vietnamese or English.

use crate::evaluation::Measured;
use crate::locale::Locale;
use crate::number::{format_count, format_decimal, Decimal, Rational};
use crate::target::{AboveRange, Comparator, Condition, Measure, Period, ValueUnit};

/// The unit suffix of a condition's values (`%`, ` ngày`, ` lần`).
pub fn unit_suffix(measure: &Measure, locale: Locale) -> String {
    match measure {
        Measure::Ratio { .. } => "%".into(),
        Measure::Value { unit } => match unit {
            ValueUnit::Percent => "%".into(),
            ValueUnit::Count { noun } if !noun.trim().is_empty() => format!(" {}", noun.trim()),
            ValueUnit::Count { .. } => String::new(),
            ValueUnit::Days => locale.pick(" ngày", " days").into(),
            ValueUnit::Hours => locale.pick(" giờ", " hours").into(),
            ValueUnit::Money => " ₫".into(),
            ValueUnit::Points => locale.pick(" điểm", " points").into(),
        },
    }
}

fn with_unit(d: Decimal, measure: &Measure, locale: Locale) -> String {
    format!("{}{}", format_decimal(d), unit_suffix(measure, locale))
}

pub fn period_name(period: Period, locale: Locale) -> &'static str {
    match period {
        Period::Year => locale.pick("năm", "year"),
        Period::HalfYear => locale.pick("6 tháng", "half-year"),
        Period::Quarter => locale.pick("quý", "quarter"),
        Period::Month => locale.pick("tháng", "month"),
    }
}

/// The rule of a condition as a plan would word it.
pub fn describe_rule(condition: &Condition, locale: Locale) -> String {
    let m = &condition.measure;
    let u = |d: Decimal| with_unit(d, m, locale);
    match &condition.comparator {
        Comparator::Above { threshold } => {
            format!("{} {}", locale.pick("trên", "above"), u(*threshold))
        }
        Comparator::AtLeast { threshold } => {
            format!("{} {}", locale.pick("tối thiểu", "at least"), u(*threshold))
        }
        Comparator::AtMost { threshold } => {
            format!("{} {}", locale.pick("tối đa", "at most"), u(*threshold))
        }
        Comparator::Below { threshold } => {
            format!("{} {}", locale.pick("dưới", "below"), u(*threshold))
        }
        Comparator::Range { min, max, above } => {
            let base = locale.pick(
                format!("từ {} đến {}", u(*min), u(*max)),
                format!("from {} to {}", u(*min), u(*max)),
            );
            match above {
                AboveRange::MetExceeded => base,
                AboveRange::OutOfRange => format!(
                    "{base} {}",
                    locale.pick("(vượt trần là không đạt)", "(above the range fails)")
                ),
            }
        }
        Comparator::ReduceTo { low, high } => locale.pick(
            format!("giảm xuống còn {} – {}", u(*low), u(*high)),
            format!("reduce to {} – {}", u(*low), u(*high)),
        ),
        Comparator::AllItems => locale.pick("100% (tất cả)", "100% (all items)").into(),
        Comparator::PerPeriod { min, period } => locale.pick(
            format!("ít nhất {}/{}", u(*min), period_name(*period, locale)),
            format!("at least {} per {}", u(*min), period_name(*period, locale)),
        ),
        Comparator::HigherThanPrevious { previous } => match previous {
            Some(p) => locale.pick(
                format!("cao hơn năm trước ({})", u(*p)),
                format!("higher than last year ({})", u(*p)),
            ),
            None => locale
                .pick(
                    "cao hơn năm trước (chưa có số liệu năm trước)",
                    "higher than last year (last year's figure not entered)",
                )
                .into(),
        },
    }
}

/// A measured value with its unit: `53,58% (9.156/17.087)`; for "all items" targets the
/// count comes first: `119/120 (99,17%)`.
pub fn describe_value(condition: &Condition, measured: &Measured, locale: Locale) -> String {
    match measured.counts {
        Some((n, d)) => {
            let pct = crate::number::format_percent(measured.value);
            if matches!(condition.comparator, Comparator::AllItems) {
                format!("{}/{} ({pct})", format_count(n), format_count(d))
            } else {
                format!("{pct} ({}/{})", format_count(n), format_count(d))
            }
        }
        None => {
            let digits = if matches!(
                condition.measure,
                Measure::Value {
                    unit: ValueUnit::Percent
                }
            ) {
                2
            } else {
                4
            };
            format!(
                "{}{}",
                measured.value.format_vi(digits, true),
                unit_suffix(&condition.measure, locale)
            )
        }
    }
}

/// The signed margin to the threshold: `+18,97 điểm %`, `−1 lần`. Positive is the good side.
pub fn describe_margin(condition: &Condition, margin: Rational, locale: Locale) -> String {
    let sign = if margin.is_negative() { "−" } else { "+" };
    let abs = margin.abs().format_vi(2, true);
    let unit = match &condition.measure {
        Measure::Ratio { .. }
        | Measure::Value {
            unit: ValueUnit::Percent,
        } => locale.pick(" điểm %", " pp").to_string(),
        other => unit_suffix(other, locale),
    };
    format!("{sign}{abs}{unit}")
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
    fn ratio(c: Comparator) -> Condition {
        Condition {
            label: String::new(),
            measure: Measure::Ratio {
                numerator: String::new(),
                denominator: String::new(),
            },
            comparator: c,
        }
    }

    #[test]
    fn words_rules_like_plans() {
        let l = Locale::Vi;
        assert_eq!(
            describe_rule(
                &ratio(Comparator::Above {
                    threshold: dec("90")
                }),
                l
            ),
            "trên 90%"
        );
        assert_eq!(
            describe_rule(
                &ratio(Comparator::Range {
                    min: dec("30"),
                    max: dec("40"),
                    above: AboveRange::MetExceeded
                }),
                l
            ),
            "từ 30% đến 40%"
        );
        assert_eq!(
            describe_rule(
                &ratio(Comparator::ReduceTo {
                    low: dec("50"),
                    high: dec("52")
                }),
                Locale::En
            ),
            "reduce to 50% – 52%"
        );
        let count = Condition {
            label: String::new(),
            measure: Measure::Value {
                unit: ValueUnit::Count {
                    noun: "lần".into()
                },
            },
            comparator: Comparator::PerPeriod {
                min: dec("2"),
                period: Period::Year,
            },
        };
        assert_eq!(describe_rule(&count, l), "ít nhất 2 lần/năm");
    }

    #[test]
    fn shows_values_and_margins() {
        let c = ratio(Comparator::Above {
            threshold: dec("90"),
        });
        let r = evaluate_condition(
            &c,
            &Figure::Ratio {
                numerator: Count(9156),
                denominator: Count(17087),
            },
        );
        assert_eq!(r.status, Status::NotMet);
        let m = r.measured.unwrap();
        assert_eq!(describe_value(&c, &m, Locale::Vi), "53,58% (9.156/17.087)");
        assert_eq!(
            describe_margin(&c, r.margin.unwrap(), Locale::Vi),
            "−36,42 điểm %"
        );
        let all = ratio(Comparator::AllItems);
        let r = evaluate_condition(
            &all,
            &Figure::Ratio {
                numerator: Count(119),
                denominator: Count(120),
            },
        );
        assert_eq!(
            describe_value(&all, &r.measured.unwrap(), Locale::Vi),
            "119/120 (99,17%)"
        );
    }
}
