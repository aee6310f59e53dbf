//! Working-time reduction (*cắt giảm thời gian giải quyết thủ tục hành chính*): the
//! administrative procedures whose processing time the unit shortened, each with its
//! standard time and its new time in working days, and the totals as reports give them, in
//! days and in working hours at 8 hours a day (*392 ngày = 3.136 giờ*). Fractional days are
//! kept exactly (*124,5 ngày*). This module owns the procedure, the totals and their
//! wording, and the form's text → procedure.

use crate::extra::Extra;
use crate::locale::Locale;
use crate::number::{parse_vi_number, Decimal, NumberError, Rational};

/// Working hours in a working day (*8 giờ làm việc*).
pub const HOURS_PER_DAY: i128 = 8;

/// Stable identifier of a shortened procedure inside a plan.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProcedureId(pub String);

/// One procedure whose processing time was shortened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShortenedProcedure {
    pub id: ProcedureId,
    /// The procedure's name as published (*Đăng ký khai sinh*).
    pub name: String,
    /// The time the law allows, in working days.
    pub standard_days: Decimal,
    /// The time the unit now takes, in working days; at most the standard time.
    pub new_days: Decimal,
    /// Keys of the file's procedure object that this app does not know.
    pub extra: Extra,
}

/// The decimal as an exact count of ten-thousandths (every decimal has at most 4 digits
/// after the mark, so sums of them are exact).
fn ten_thousandths(d: Decimal) -> i128 {
    d.units()
        .saturating_mul(10i128.pow(4 - u32::from(d.scale().min(4))))
}

fn days_of(units: i128) -> Rational {
    Rational::new(units, 10_000)
}

impl ShortenedProcedure {
    /// The working days saved: standard time minus new time.
    pub fn saved_days(&self) -> Rational {
        days_of(ten_thousandths(self.standard_days).saturating_sub(ten_thousandths(self.new_days)))
    }
}

/// The totals of a list of shortened procedures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkingTimeTotals {
    pub procedures: usize,
    pub standard_days: Rational,
    pub new_days: Rational,
    /// Working days saved over all procedures.
    pub saved_days: Rational,
    /// The same in working hours ([`HOURS_PER_DAY`] a day).
    pub saved_hours: Rational,
}

pub fn totals(procedures: &[ShortenedProcedure]) -> WorkingTimeTotals {
    let (mut standard, mut new) = (0i128, 0i128);
    for p in procedures {
        standard = standard.saturating_add(ten_thousandths(p.standard_days));
        new = new.saturating_add(ten_thousandths(p.new_days));
    }
    let saved = standard.saturating_sub(new);
    WorkingTimeTotals {
        procedures: procedures.len(),
        standard_days: days_of(standard),
        new_days: days_of(new),
        saved_days: days_of(saved),
        saved_hours: days_of(saved.saturating_mul(HOURS_PER_DAY)),
    }
}

/// A number of working days the Vietnamese way, exactly: `392`, `124,5`, `0,25`.
pub fn format_days(days: Rational) -> String {
    days.format_vi(4, true)
}

/// `5 ngày` / `5 days`.
pub fn days_words(days: Rational, l: Locale) -> String {
    let n = format_days(days);
    l.pick(format!("{n} ngày"), format!("{n} days"))
}

/// Days and their working hours, as reports write them: `392 ngày = 3.136 giờ`,
/// `124,5 ngày = 996 giờ`.
pub fn days_and_hours(days: Rational, l: Locale) -> String {
    let hours = Rational::new(days.num().saturating_mul(HOURS_PER_DAY), days.den());
    let (d, h) = (format_days(days), format_days(hours));
    l.pick(
        format!("{d} ngày = {h} giờ"),
        format!("{d} days = {h} hours"),
    )
}

// ------------------------------------------------------------------------------------------
// The form
// ------------------------------------------------------------------------------------------

/// The form's text as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProcedureDraft {
    pub name: String,
    /// Working days, `15` or `7,5`.
    pub standard_days: String,
    pub new_days: String,
}

/// Why a typed time was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimeProblem {
    Number(NumberError),
    /// The new time is longer than the standard time: nothing was shortened.
    LongerThanStandard,
}

/// What keeps a draft from becoming a procedure, input by input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProcedureDraftErrors {
    pub name_missing: bool,
    pub standard_days: Option<TimeProblem>,
    pub new_days: Option<TimeProblem>,
}

/// A number of working days typed the Vietnamese way: not negative.
fn parse_days(text: &str) -> Result<Decimal, TimeProblem> {
    match parse_vi_number(text) {
        Ok(d) if d.is_negative() => Err(TimeProblem::Number(NumberError::Negative)),
        Ok(d) => Ok(d),
        Err(e) => Err(TimeProblem::Number(e)),
    }
}

impl ProcedureDraft {
    /// The procedure the draft describes, or what is wrong with it.
    pub fn build(&self, id: ProcedureId) -> Result<ShortenedProcedure, ProcedureDraftErrors> {
        let standard = parse_days(&self.standard_days);
        let new = parse_days(&self.new_days);
        let mut errors = ProcedureDraftErrors {
            name_missing: self.name.trim().is_empty(),
            standard_days: standard.clone().err(),
            new_days: new.clone().err(),
        };
        if let (Ok(s), Ok(n)) = (&standard, &new) {
            if n > s {
                errors.new_days = Some(TimeProblem::LongerThanStandard);
            }
        }
        match (standard, new) {
            (Ok(standard_days), Ok(new_days)) if errors == ProcedureDraftErrors::default() => {
                Ok(ShortenedProcedure {
                    id,
                    name: self.name.trim().to_string(),
                    standard_days,
                    new_days,
                    extra: Extra::default(),
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::parse_plain(s).unwrap()
    }

    fn procedure(i: usize, standard: &str, new: &str) -> ShortenedProcedure {
        ShortenedProcedure {
            id: ProcedureId(format!("p-{i}")),
            name: format!("Thủ tục {i}"),
            standard_days: dec(standard),
            new_days: dec(new),
            extra: Extra::default(),
        }
    }

    /// Seed 004 (Tây Hồ, 6 months of 2018): 86 district-level procedures shortened by 392
    /// days in all; here 84 shortened from 15 to 11 days and 2 from 30 to 2.
    #[test]
    fn the_district_figures_of_the_seed() {
        let mut list: Vec<ShortenedProcedure> = (0..84).map(|i| procedure(i, "15", "11")).collect();
        list.push(procedure(84, "30", "2"));
        list.push(procedure(85, "30", "2"));
        let t = totals(&list);
        assert_eq!(t.procedures, 86);
        assert_eq!(t.saved_days, Rational::from_int(392));
        assert_eq!(t.saved_hours, Rational::from_int(3_136));
        assert_eq!(
            days_and_hours(t.saved_days, Locale::Vi),
            "392 ngày = 3.136 giờ"
        );
        assert_eq!(
            days_and_hours(t.saved_days, Locale::En),
            "392 days = 3.136 hours"
        );
        assert_eq!(format_days(t.standard_days), "1.320");
        assert_eq!(format_days(t.new_days), "928");
    }

    /// Seed 004: 51 ward-level procedures shortened by 124,5 days = 996 hours; here 49
    /// shortened by 2,5 days (from 7 to 4,5) and 2 by 1 day.
    #[test]
    fn the_ward_figures_of_the_seed() {
        let mut list: Vec<ShortenedProcedure> = (0..49).map(|i| procedure(i, "7", "4.5")).collect();
        list.push(procedure(49, "3", "2"));
        list.push(procedure(50, "1", "0"));
        let t = totals(&list);
        assert_eq!(t.procedures, 51);
        assert_eq!(t.saved_days, Rational::new(249, 2));
        assert_eq!(
            days_and_hours(t.saved_days, Locale::Vi),
            "124,5 ngày = 996 giờ"
        );
        assert_eq!(list[0].saved_days(), Rational::new(5, 2));
        assert_eq!(days_words(list[0].saved_days(), Locale::Vi), "2,5 ngày");
    }

    #[test]
    fn fractions_of_a_day_are_kept_exactly() {
        let list = vec![procedure(0, "0.25", "0.125"), procedure(1, "1.0001", "1")];
        let t = totals(&list);
        assert_eq!(format_days(t.saved_days), "0,1251");
        assert_eq!(
            days_and_hours(t.saved_days, Locale::Vi),
            "0,1251 ngày = 1,0008 giờ"
        );
        assert_eq!(
            days_and_hours(totals(&[]).saved_days, Locale::Vi),
            "0 ngày = 0 giờ"
        );
    }

    #[test]
    fn the_form_reads_vietnamese_numbers_and_refuses_a_longer_time() {
        let draft = ProcedureDraft {
            name: " Đăng ký khai sinh ".into(),
            standard_days: "3".into(),
            new_days: "1,5".into(),
        };
        let p = draft.build(ProcedureId("p".into())).unwrap();
        assert_eq!(p.name, "Đăng ký khai sinh");
        assert_eq!(p.new_days, dec("1.5"));
        assert_eq!(p.saved_days(), Rational::new(3, 2));

        let longer = ProcedureDraft {
            new_days: "4".into(),
            ..draft.clone()
        };
        let e = longer.build(ProcedureId("p".into())).unwrap_err();
        assert_eq!(e.new_days, Some(TimeProblem::LongerThanStandard));
        assert!(!e.name_missing);

        let bad = ProcedureDraft {
            name: "".into(),
            standard_days: "-2".into(),
            new_days: "1.5".into(),
        };
        let e = bad.build(ProcedureId("p".into())).unwrap_err();
        assert!(e.name_missing);
        assert_eq!(
            e.standard_days,
            Some(TimeProblem::Number(NumberError::Negative))
        );
        assert_eq!(
            e.new_days,
            Some(TimeProblem::Number(NumberError::AmbiguousGrouping))
        );
        let empty = ProcedureDraft::default()
            .build(ProcedureId("p".into()))
            .unwrap_err();
        assert_eq!(
            empty.standard_days,
            Some(TimeProblem::Number(NumberError::Empty))
        );
    }
}
