//! A target's values of previous years (*4,28% → 27,34% → 51,38% → 53,58%* for 2016–2019
//! online level-3 processing), entered once and shown as a small chart beside this year's.
//! This module owns the list, its order and the points of the chart.

use crate::number::{Decimal, Rational};

/// The value a target reached in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct YearValue {
    pub year: i32,
    pub value: Decimal,
}

/// Why a history cannot be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryProblem {
    /// The same year twice.
    YearTwice(i32),
    /// A year that is not before the plan's.
    NotBefore(i32),
}

/// Checks a history for a plan of `plan_year`.
pub fn check_history(history: &[YearValue], plan_year: i32) -> Result<(), HistoryProblem> {
    let mut seen = Vec::with_capacity(history.len());
    for h in history {
        if h.year >= plan_year {
            return Err(HistoryProblem::NotBefore(h.year));
        }
        if seen.contains(&h.year) {
            return Err(HistoryProblem::YearTwice(h.year));
        }
        seen.push(h.year);
    }
    Ok(())
}

/// The history in year order, with this year's value (if any) last.
pub fn series(history: &[YearValue], this_year: Option<(i32, Rational)>) -> Vec<(i32, Rational)> {
    let mut out: Vec<(i32, Rational)> = history
        .iter()
        .map(|h| (h.year, h.value.to_rational()))
        .collect();
    out.sort_by_key(|(y, _)| *y);
    if let Some(now) = this_year {
        out.retain(|(y, _)| *y != now.0);
        out.push(now);
    }
    out
}

/// Sets one year's value (replacing the one the year had), or removes it with `None`; the
/// list stays in year order.
pub fn set_year(history: &mut Vec<YearValue>, year: i32, value: Option<Decimal>) {
    history.retain(|h| h.year != year);
    if let Some(value) = value {
        history.push(YearValue { year, value });
    }
    history.sort_by_key(|h| h.year);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::parse_plain(s).unwrap_or(Decimal::from_int(0))
    }

    #[test]
    fn the_seed_series_in_order() {
        let mut h = Vec::new();
        for (y, v) in [(2018, "51.38"), (2016, "4.28"), (2017, "27.34")] {
            set_year(&mut h, y, Some(dec(v)));
        }
        assert_eq!(check_history(&h, 2019), Ok(()));
        let s = series(&h, Some((2019, dec("53.58").to_rational())));
        let years: Vec<i32> = s.iter().map(|(y, _)| *y).collect();
        assert_eq!(years, vec![2016, 2017, 2018, 2019]);
        assert_eq!(s[0].1, dec("4.28").to_rational());
        set_year(&mut h, 2017, None);
        assert_eq!(h.len(), 2);
    }

    #[test]
    fn bad_histories() {
        let one = |year| YearValue {
            year,
            value: dec("1"),
        };
        assert_eq!(
            check_history(&[one(2019)], 2019),
            Err(HistoryProblem::NotBefore(2019))
        );
        assert_eq!(
            check_history(&[one(2017), one(2017)], 2019),
            Err(HistoryProblem::YearTwice(2017))
        );
    }
}
