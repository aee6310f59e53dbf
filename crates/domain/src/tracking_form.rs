//! The target tracking panel's typed texts turned into values: a previous year's row (`2017`,
//! `27,34`), the published rank of an index (`12` of `63`, `13` last year), a per-period
//! target (`300`; empty clears it). Each refusal is a [`TrackingProblem`] that the
//! translation table words; nothing is guessed. Also the panel's read-only derivations: which
//! targets are indexes, the band to show, the year's own target beside the per-period ones,
//! and the points of the small chart of the years.

use crate::evaluation::evaluate;
use crate::index_standing::{IndexBand, IndexStanding, StandingProblem};
use crate::number::{parse_vi_count, parse_vi_number, Decimal, NumberError, Rational};
use crate::target::{Comparator, Condition, Goal, Measure, Target, ValueUnit};
use crate::target_history::YearValue;
use chrono::NaiveDate;

/// The earliest year a previous year's value may be entered for.
pub const EARLIEST_YEAR: i32 = 1990;

/// One of the three rank fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StandingField {
    Position,
    Of,
    Previous,
}

/// Why a typed text was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrackingProblem {
    /// The year is empty.
    YearMissing,
    /// Not a whole year from [`EARLIEST_YEAR`].
    YearNotAYear,
    /// A year that is not before the plan's.
    YearNotBefore { year: i32, plan_year: i32 },
    /// The year already has a value.
    YearTwice(i32),
    /// The value is not a number.
    Value(NumberError),
    /// A negative value (no target measures one).
    Negative,
    /// A rank field is not a whole number (or is missing while another is given).
    StandingNumber(StandingField, NumberError),
    /// A rank of 0.
    StandingZero,
    /// A rank beyond the number of units ranked.
    StandingBeyond,
}

fn non_negative(text: &str) -> Result<Decimal, TrackingProblem> {
    let d = parse_vi_number(text).map_err(TrackingProblem::Value)?;
    if d.is_negative() {
        return Err(TrackingProblem::Negative);
    }
    Ok(d)
}

/// Keeps a previous year's value on the target. The value of the year just before the plan's
/// is also the reference of a "higher than last year" rule that has none yet, so the target
/// stops waiting for the published figure once the officer has entered it; a reference the
/// plan already gives is left as it is.
pub fn keep_previous_year(target: &mut Target, plan_year: i32, row: YearValue) {
    crate::target_history::set_year(&mut target.tracking.history, row.year, Some(row.value));
    if row.year != plan_year.saturating_sub(1) {
        return;
    }
    if let Goal::Single { condition, .. } = &mut target.goal {
        if let Comparator::HigherThanPrevious {
            previous: previous @ None,
        } = &mut condition.comparator
        {
            *previous = Some(row.value);
        }
    }
}

/// A previous year's row from its typed year and value, for a target whose history is
/// `history` in a plan of `plan_year`.
pub fn history_row(
    year_text: &str,
    value_text: &str,
    history: &[YearValue],
    plan_year: i32,
) -> Result<YearValue, TrackingProblem> {
    let y = year_text.trim();
    if y.is_empty() {
        return Err(TrackingProblem::YearMissing);
    }
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TrackingProblem::YearNotAYear);
    }
    let year: i32 = y.parse().map_err(|_| TrackingProblem::YearNotAYear)?;
    if year < EARLIEST_YEAR {
        return Err(TrackingProblem::YearNotAYear);
    }
    if year >= plan_year {
        return Err(TrackingProblem::YearNotBefore { year, plan_year });
    }
    if history.iter().any(|h| h.year == year) {
        return Err(TrackingProblem::YearTwice(year));
    }
    let value = non_negative(value_text)?;
    Ok(YearValue { year, value })
}

/// The published rank from its three typed fields; all three empty clears it (`None`). The
/// previous year's position may be left empty.
pub fn standing_from_texts(
    position: &str,
    of: &str,
    previous: &str,
) -> Result<Option<IndexStanding>, TrackingProblem> {
    if [position, of, previous].iter().all(|t| t.trim().is_empty()) {
        return Ok(None);
    }
    let whole = |text: &str, field| -> Result<u32, TrackingProblem> {
        let n = parse_vi_count(text).map_err(|e| TrackingProblem::StandingNumber(field, e))?;
        u32::try_from(n).map_err(|_| TrackingProblem::StandingNumber(field, NumberError::TooLarge))
    };
    let s = IndexStanding {
        position: whole(position, StandingField::Position)?,
        of: whole(of, StandingField::Of)?,
        previous_position: if previous.trim().is_empty() {
            None
        } else {
            Some(whole(previous, StandingField::Previous)?)
        },
    };
    match s.check() {
        Ok(()) => Ok(Some(s)),
        Err(StandingProblem::Zero) => Err(TrackingProblem::StandingZero),
        Err(StandingProblem::BeyondCount) => Err(TrackingProblem::StandingBeyond),
    }
}

/// A per-period target from its typed text: empty clears it (`None`).
pub fn period_target_from_text(text: &str) -> Result<Option<Decimal>, TrackingProblem> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    non_negative(text).map(Some)
}

/// The condition a target's values are measured by (the first of two), if it has one.
pub fn measured_condition(target: &Target) -> Option<&Condition> {
    match &target.goal {
        Goal::Single { condition, .. } => Some(condition),
        Goal::Compound { first, .. } => Some(first),
        Goal::Milestone { .. } | Goal::FreeText => None,
    }
}

/// Whether the tracking panel has anything to offer: a target with a measured value.
pub fn is_trackable(target: &Target) -> bool {
    measured_condition(target).is_some()
}

/// Whether a measure reads as a percentage or points out of 100, which the index bands are for.
fn percent_like(measure: &Measure) -> bool {
    matches!(
        measure,
        Measure::Ratio { .. }
            | Measure::Value {
                unit: ValueUnit::Percent | ValueUnit::Points
            }
    )
}

/// Whether a target is an index (the PAR Index, the service index): a single value in points,
/// or a percentage whose wording names an index (`Chỉ số`, `Index`, `SIPAS`).
pub fn is_index_target(target: &Target) -> bool {
    let Goal::Single { condition, .. } = &target.goal else {
        return false;
    };
    if matches!(
        condition.measure,
        Measure::Value {
            unit: ValueUnit::Points
        }
    ) {
        return true;
    }
    let label = target.label.to_ascii_lowercase();
    percent_like(&condition.measure)
        && ["chỉ số", "index", "sipas"]
            .iter()
            .any(|w| label.contains(w))
}

/// This year's value so far, when the target has one measured (`None` for a compound's second
/// part, a milestone, free text or no figure).
pub fn this_year_value(
    target: &Target,
    plan_year: i32,
    today: NaiveDate,
) -> Option<(i32, Rational)> {
    let e = evaluate(target, today);
    let value = match &target.goal {
        Goal::Single { .. } => e.headline.and_then(|h| h.measured)?.value,
        Goal::Compound { .. } => e.parts.first().and_then(|p| p.measured)?.value,
        _ => return None,
    };
    Some((plan_year, value))
}

/// The band of an index target's latest value (this year's, else the latest previous
/// year's), with its year; `None` for a target that is not an index or a value outside
/// 0–100.
pub fn band_of_latest(target: &Target, series: &[(i32, Rational)]) -> Option<(i32, IndexBand)> {
    if !is_index_target(target) {
        return None;
    }
    let (year, value) = *series.last()?;
    let in_range = value >= Rational::from_int(0) && value <= Rational::from_int(100);
    in_range.then(|| (year, IndexBand::of(value)))
}

/// What the year's report is judged against, shown beside the per-period targets: the
/// year-end quantity of a count, or the threshold of a rate.
pub fn year_target(target: &Target) -> Option<Decimal> {
    let Goal::Single { condition, .. } = &target.goal else {
        return None;
    };
    match &condition.comparator {
        Comparator::PerPeriod { min, period } => min
            .units()
            .checked_mul(period.per_year())
            .and_then(|units| Decimal::new(units, min.scale()).ok()),
        c => c.reference(),
    }
}

/// One point of the chart of the years, in the drawing's own units (y grows downward).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartPoint {
    pub year: i32,
    pub value: Rational,
    pub x: i64,
    pub y: i64,
}

/// The chart's size and margins, in the drawing's units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartFrame {
    pub width: i64,
    pub height: i64,
    pub left: i64,
    pub right: i64,
    pub top: i64,
    pub bottom: i64,
}

impl ChartFrame {
    /// The y of the chart's base line (the value 0).
    pub fn base(&self) -> i64 {
        self.height - self.bottom
    }
}

/// The y of `value` on a chart whose scale goes from 0 at the base up to `top`; values
/// outside the scale are drawn at its edge.
pub fn chart_y(value: Rational, top: Rational, frame: ChartFrame) -> i64 {
    let inner_h = (frame.height - frame.top - frame.bottom).max(1);
    let share = value.to_f64() / top.to_f64();
    let share = if share.is_finite() {
        share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    frame.base() - (share * inner_h as f64).round() as i64
}

/// Places the series in `frame`: years spread evenly from left to right, values from 0 at
/// the base up to the scale's top (100 for percentages that stay within it, else the
/// largest value).
pub fn chart_points(
    series: &[(i32, Rational)],
    percent_scale: bool,
    frame: ChartFrame,
) -> (Vec<ChartPoint>, Rational) {
    let largest = series
        .iter()
        .map(|(_, v)| *v)
        .max()
        .unwrap_or(Rational::from_int(0));
    let hundred = Rational::from_int(100);
    let top = if percent_scale && largest <= hundred {
        hundred
    } else if largest > Rational::from_int(0) {
        largest
    } else {
        Rational::from_int(1)
    };
    let inner_w = (frame.width - frame.left - frame.right).max(1);
    let steps = series.len().saturating_sub(1).max(1) as i64;
    let points = series
        .iter()
        .enumerate()
        .map(|(i, (year, value))| {
            let x = if series.len() == 1 {
                frame.left + inner_w / 2
            } else {
                frame.left + inner_w * i as i64 / steps
            };
            ChartPoint {
                year: *year,
                value: *value,
                x,
                y: chart_y(*value, top, frame),
            }
        })
        .collect();
    (points, top)
}

#[cfg(test)]
mod tests {
    use super::keep_previous_year;

    #[test]
    fn last_year_s_value_becomes_the_reference_of_higher_than_last_year() {
        use crate::target::{Comparator, Goal};
        use crate::target_history::YearValue;
        let mut t = crate::example::example_plan_with_counter()
            .targets
            .into_iter()
            .find(|t| {
                matches!(&t.goal, Goal::Single { condition, .. }
                    if matches!(condition.comparator, Comparator::HigherThanPrevious { previous: None }))
            })
            .expect("the example has a PAR Index target waiting for last year");
        let previous = |t: &crate::target::Target| match &t.goal {
            Goal::Single { condition, .. } => match condition.comparator {
                Comparator::HigherThanPrevious { previous } => previous,
                _ => None,
            },
            _ => None,
        };
        let v = |s: &str| crate::number::Decimal::parse_plain(s).unwrap();
        // An earlier year is history only.
        keep_previous_year(
            &mut t,
            2019,
            YearValue {
                year: 2017,
                value: v("78.12"),
            },
        );
        assert_eq!(previous(&t), None);
        // The year before the plan's is the reference too.
        keep_previous_year(
            &mut t,
            2019,
            YearValue {
                year: 2018,
                value: v("81.5"),
            },
        );
        assert_eq!(previous(&t), Some(v("81.5")));
        assert_eq!(t.tracking.history.len(), 2);
        // A reference already given is not replaced.
        t.tracking.history.clear();
        keep_previous_year(
            &mut t,
            2019,
            YearValue {
                year: 2018,
                value: v("70"),
            },
        );
        assert_eq!(previous(&t), Some(v("81.5")));
    }

    use super::*;
    use crate::area::ReformArea;
    use crate::target::{Period, TargetId};
    use crate::target_history::{check_history, series, set_year};

    fn dec(s: &str) -> Decimal {
        parse_vi_number(s).unwrap_or(Decimal::ZERO)
    }

    fn target(label: &str, measure: Measure, comparator: Comparator) -> Target {
        Target {
            id: TargetId("t1".into()),
            area: ReformArea::Procedures,
            label: label.into(),
            goal: Goal::Single {
                condition: Condition {
                    label: String::new(),
                    measure,
                    comparator,
                },
                breakdown: Vec::new(),
            },
            parent: None,
            entries: Vec::new(),
            notes: Default::default(),
            extra: Default::default(),
            suggested: false,
            tracking: Default::default(),
        }
    }

    fn percent() -> Measure {
        Measure::Value {
            unit: ValueUnit::Percent,
        }
    }

    #[test]
    fn the_seed_rows_are_taken_in_vietnamese_numbers() {
        let mut h = Vec::new();
        for (y, v) in [("2016", "4,28"), ("2017", "27,34"), ("2018", " 51,38% ")] {
            let row = history_row(y, v, &h, 2019);
            assert!(row.is_ok(), "{y}: {row:?}");
            if let Ok(row) = row {
                set_year(&mut h, row.year, Some(row.value));
            }
        }
        assert_eq!(check_history(&h, 2019), Ok(()));
        assert_eq!(h[2].value, dec("51,38"));
        let s = series(&h, Some((2019, dec("53,58").to_rational())));
        assert_eq!(s.len(), 4);
    }

    #[test]
    fn rows_that_cannot_be_kept_are_refused_with_a_reason() {
        let h = vec![YearValue {
            year: 2017,
            value: dec("27,34"),
        }];
        let row = |y: &str, v: &str| history_row(y, v, &h, 2019);
        assert_eq!(row("", "1"), Err(TrackingProblem::YearMissing));
        assert_eq!(row("17", "1"), Err(TrackingProblem::YearNotAYear));
        assert_eq!(row("2o17", "1"), Err(TrackingProblem::YearNotAYear));
        assert_eq!(row("1985", "1"), Err(TrackingProblem::YearNotAYear));
        assert_eq!(
            row("2019", "1"),
            Err(TrackingProblem::YearNotBefore {
                year: 2019,
                plan_year: 2019
            })
        );
        assert_eq!(
            row("2020", "1"),
            Err(TrackingProblem::YearNotBefore {
                year: 2020,
                plan_year: 2019
            })
        );
        assert_eq!(row("2017", "1"), Err(TrackingProblem::YearTwice(2017)));
        assert_eq!(
            row("2016", ""),
            Err(TrackingProblem::Value(NumberError::Empty))
        );
        assert_eq!(
            row("2016", "4.28"),
            Err(TrackingProblem::Value(NumberError::AmbiguousGrouping))
        );
        assert_eq!(row("2016", "-4"), Err(TrackingProblem::Negative));
        assert_eq!(
            row("2016", "3.136"),
            Ok(YearValue {
                year: 2016,
                value: Decimal::from_int(3136)
            })
        );
    }

    #[test]
    fn the_published_rank() {
        assert_eq!(
            standing_from_texts("12", "63", "13"),
            Ok(Some(IndexStanding {
                position: 12,
                of: 63,
                previous_position: Some(13)
            }))
        );
        assert_eq!(
            standing_from_texts(" 5 ", "63", ""),
            Ok(Some(IndexStanding {
                position: 5,
                of: 63,
                previous_position: None
            }))
        );
        assert_eq!(standing_from_texts("", " ", ""), Ok(None));
        assert_eq!(
            standing_from_texts("0", "63", ""),
            Err(TrackingProblem::StandingZero)
        );
        assert_eq!(
            standing_from_texts("12", "0", ""),
            Err(TrackingProblem::StandingZero)
        );
        assert_eq!(
            standing_from_texts("12", "63", "0"),
            Err(TrackingProblem::StandingZero)
        );
        assert_eq!(
            standing_from_texts("64", "63", ""),
            Err(TrackingProblem::StandingBeyond)
        );
        assert_eq!(
            standing_from_texts("12", "63", "70"),
            Err(TrackingProblem::StandingBeyond)
        );
        assert_eq!(
            standing_from_texts("12", "", ""),
            Err(TrackingProblem::StandingNumber(
                StandingField::Of,
                NumberError::Empty
            ))
        );
        assert_eq!(
            standing_from_texts("1,5", "63", ""),
            Err(TrackingProblem::StandingNumber(
                StandingField::Position,
                NumberError::NotWhole
            ))
        );
        assert_eq!(
            standing_from_texts("12", "63", "-1"),
            Err(TrackingProblem::StandingNumber(
                StandingField::Previous,
                NumberError::Negative
            ))
        );
        assert_eq!(
            standing_from_texts("99.999.999.999", "63", ""),
            Err(TrackingProblem::StandingNumber(
                StandingField::Position,
                NumberError::TooLarge
            ))
        );
    }

    #[test]
    fn period_targets_clear_when_empty_and_refuse_negatives() {
        assert_eq!(period_target_from_text("  "), Ok(None));
        assert_eq!(period_target_from_text("300"), Ok(Some(dec("300"))));
        assert_eq!(period_target_from_text("1.000"), Ok(Some(dec("1000"))));
        assert_eq!(period_target_from_text("50,5"), Ok(Some(dec("50,5"))));
        assert_eq!(
            period_target_from_text("-3"),
            Err(TrackingProblem::Negative)
        );
        assert_eq!(
            period_target_from_text("abc"),
            Err(TrackingProblem::Value(NumberError::NotANumber))
        );
    }

    #[test]
    fn index_targets_and_their_band() {
        let par = target(
            "Chỉ số CCHC (PAR Index) cao hơn năm trước",
            Measure::Value {
                unit: ValueUnit::Points,
            },
            Comparator::HigherThanPrevious { previous: None },
        );
        let sipas = target(
            "Chỉ số hài lòng của người dân đạt trên 90%",
            percent(),
            Comparator::Above {
                threshold: dec("90"),
            },
        );
        let online = target(
            "Tỷ lệ hồ sơ trực tuyến mức độ 3",
            percent(),
            Comparator::AtLeast {
                threshold: dec("50"),
            },
        );
        let dialogues = target(
            "Index of dialogues",
            Measure::Value {
                unit: ValueUnit::Count {
                    noun: "lần".into()
                },
            },
            Comparator::AtLeast {
                threshold: dec("2"),
            },
        );
        assert!(is_index_target(&par));
        assert!(is_index_target(&sipas));
        assert!(!is_index_target(&online));
        assert!(!is_index_target(&dialogues));
        let r = |s: &str| dec(s).to_rational();
        assert_eq!(
            band_of_latest(&par, &[(2024, r("79,5")), (2025, r("90,02"))]),
            Some((2025, IndexBand::A))
        );
        assert_eq!(
            band_of_latest(&sipas, &[(2025, r("85"))]),
            Some((2025, IndexBand::B))
        );
        assert_eq!(band_of_latest(&par, &[(2025, r("120"))]), None);
        assert_eq!(band_of_latest(&par, &[]), None);
        assert_eq!(band_of_latest(&online, &[(2025, r("95"))]), None);
    }

    #[test]
    fn the_years_own_target() {
        let per_quarter = target(
            "Đối thoại",
            Measure::Value {
                unit: ValueUnit::Count {
                    noun: "lần".into()
                },
            },
            Comparator::PerPeriod {
                min: dec("1,5"),
                period: Period::Quarter,
            },
        );
        assert_eq!(year_target(&per_quarter), Some(dec("6")));
        let all = target("Tất cả", percent(), Comparator::AllItems);
        assert_eq!(year_target(&all), Some(Decimal::HUNDRED));
        let mut milestone = all.clone();
        milestone.goal = Goal::Milestone { deadline: None };
        assert_eq!(year_target(&milestone), None);
        assert!(!is_trackable(&milestone));
        assert!(is_trackable(&all));
    }

    #[test]
    fn this_years_value_comes_from_the_latest_figure() {
        use crate::progress::{EntryId, Figure, ProgressEntry, Reading};
        let mut t = target(
            "Tỷ lệ hồ sơ trực tuyến mức độ 3",
            percent(),
            Comparator::AtLeast {
                threshold: dec("50"),
            },
        );
        let today = NaiveDate::from_ymd_opt(2019, 12, 14).unwrap_or_default();
        assert_eq!(this_year_value(&t, 2019, today), None);
        t.entries.push(ProgressEntry {
            id: EntryId("e1".into()),
            date: today,
            reading: Reading::Single {
                figure: Figure::Value {
                    value: dec("53,58"),
                },
            },
            comment: String::new(),
            extra: Default::default(),
        });
        assert_eq!(
            this_year_value(&t, 2019, today),
            Some((2019, dec("53,58").to_rational()))
        );
    }

    #[test]
    fn chart_points_spread_the_years_and_scale_percentages_to_100() {
        let frame = ChartFrame {
            width: 240,
            height: 120,
            left: 10,
            right: 10,
            top: 10,
            bottom: 10,
        };
        let r = |s: &str| dec(s).to_rational();
        let s = [
            (2016, r("4,28")),
            (2017, r("27,34")),
            (2018, r("51,38")),
            (2019, r("53,58")),
        ];
        let (points, top) = chart_points(&s, true, frame);
        assert_eq!(top, Rational::from_int(100));
        let xs: Vec<i64> = points.iter().map(|p| p.x).collect();
        assert_eq!(xs, vec![10, 83, 156, 230]);
        let ys: Vec<i64> = points.iter().map(|p| p.y).collect();
        assert_eq!(ys, vec![106, 83, 59, 56]);
        // A count is scaled to its largest value; a single point sits in the middle.
        let (one, top) = chart_points(&[(2020, r("12"))], false, frame);
        assert_eq!(top, r("12"));
        assert_eq!((one[0].x, one[0].y), (120, 10));
        let (zero, _) = chart_points(&[(2020, r("0"))], false, frame);
        assert_eq!(zero[0].y, frame.base());
        assert!(chart_points(&[], true, frame).0.is_empty());
        // A threshold line: 50% halfway up, a value beyond the scale at its top.
        let hundred = Rational::from_int(100);
        assert_eq!(chart_y(r("50"), hundred, frame), 60);
        assert_eq!(chart_y(r("150"), hundred, frame), 10);
    }
}
