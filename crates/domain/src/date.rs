//! Calendar dates: typed by officers as `dd/mm/yyyy`, stored in files as ISO `yyyy-mm-dd`.
//! An impossible date such as `30/02/2019` is refused, never moved to a nearby real day.

use chrono::{Datelike, NaiveDate};

use crate::problem::ValueProblem;

/// Why a typed date was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("empty")]
    Empty,
    /// Not of the form `dd/mm/yyyy`.
    #[error("format")]
    Format,
    /// Well formed but not a day of the calendar; carries the number of days of that month
    /// when the month itself exists (`30/02/2019`: February 2019 has 28 days).
    #[error("not a calendar date")]
    NotACalendarDate { days_in_month: Option<u32> },
    #[error("year out of range")]
    YearOutOfRange,
}

/// Earliest and latest years the workbook accepts in any date.
pub const MIN_YEAR: i32 = 1990;
pub const MAX_YEAR: i32 = 2100;

/// Parses `dd/mm/yyyy` (two-digit day and month, four-digit year).
pub fn parse_vi_date(input: &str) -> Result<NaiveDate, DateError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    let parts: Vec<&str> = s.split('/').collect();
    let shape_ok = parts.len() == 3
        && parts[0].len() == 2
        && parts[1].len() == 2
        && parts[2].len() == 4
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !shape_ok {
        return Err(DateError::Format);
    }
    let (day, month, year) = match (
        parts[0].parse::<u32>(),
        parts[1].parse::<u32>(),
        parts[2].parse::<i32>(),
    ) {
        (Ok(d), Ok(m), Ok(y)) => (d, m, y),
        _ => return Err(DateError::Format),
    };
    from_parts(year, month, day)
}

fn from_parts(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::YearOutOfRange);
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NotACalendarDate {
        days_in_month: days_in_month(year, month),
    })
}

/// Number of days of a month, or `None` when the month number is not 1–12.
pub fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    u32::try_from(next.signed_duration_since(first).num_days()).ok()
}

/// `dd/mm/yyyy`.
pub fn format_vi_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// `yyyy-mm-dd`.
/// A time written as RFC 3339 by the browser (`2026-11-23T10:15:00+07:00`) shown the
/// Vietnamese way, as the clock that wrote it read: `23/11/2026 10:15`. A text of another
/// form is shown as it is.
pub fn format_vi_timestamp(rfc3339: &str) -> String {
    let b = rfc3339.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let shaped = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && matches!(b.get(10), Some(b'T' | b't' | b' '))
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16);
    match (shaped, rfc3339.get(0..16)) {
        (true, Some(s)) => format!("{}/{}/{} {}", &s[8..10], &s[5..7], &s[0..4], &s[11..16]),
        _ => rfc3339.to_string(),
    }
}

pub fn format_iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Parses the file form `yyyy-mm-dd`.
pub fn parse_iso_date(s: &str) -> Result<NaiveDate, ValueProblem> {
    let parts: Vec<&str> = s.split('-').collect();
    let shape_ok = parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !shape_ok {
        return Err(ValueProblem::BadDate(s.chars().take(40).collect()));
    }
    match (
        parts[0].parse::<i32>(),
        parts[1].parse::<u32>(),
        parts[2].parse::<u32>(),
    ) {
        (Ok(y), Ok(m), Ok(d)) => from_parts(y, m, d).map_err(|e| match e {
            DateError::NotACalendarDate { .. } => ValueProblem::ImpossibleDate(s.to_string()),
            _ => ValueProblem::BadDate(s.to_string()),
        }),
        _ => Err(ValueProblem::BadDate(s.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_impossible_dates_instead_of_moving_them() {
        assert_eq!(
            parse_vi_date("30/02/2019"),
            Err(DateError::NotACalendarDate {
                days_in_month: Some(28)
            })
        );
        assert_eq!(
            parse_vi_date("31/04/2019"),
            Err(DateError::NotACalendarDate {
                days_in_month: Some(30)
            })
        );
        assert_eq!(
            parse_vi_date("15/13/2019"),
            Err(DateError::NotACalendarDate {
                days_in_month: None
            })
        );
        assert!(parse_vi_date("29/02/2020").is_ok());
        assert!(parse_vi_date("29/02/2019").is_err());
    }

    #[test]
    fn demands_the_full_shape() {
        assert_eq!(parse_vi_date("1/2/2019"), Err(DateError::Format));
        assert_eq!(parse_vi_date("01/02/19"), Err(DateError::Format));
        assert_eq!(parse_vi_date("01-02-2019"), Err(DateError::Format));
        assert_eq!(parse_vi_date(""), Err(DateError::Empty));
        assert_eq!(parse_vi_date("01/02/1800"), Err(DateError::YearOutOfRange));
        assert_eq!(
            parse_vi_date(" 06/03/2020 ").map(format_vi_date),
            Ok("06/03/2020".to_string())
        );
    }

    #[test]
    fn iso_form_for_files() {
        assert_eq!(
            parse_iso_date("2019-02-30"),
            Err(ValueProblem::ImpossibleDate("2019-02-30".into()))
        );
        assert!(matches!(
            parse_iso_date("30/02/2019"),
            Err(ValueProblem::BadDate(_))
        ));
        let d = parse_iso_date("2020-03-06").unwrap();
        assert_eq!(format_iso_date(d), "2020-03-06");
        assert_eq!(format_vi_date(d), "06/03/2020");
    }
}

#[cfg(test)]
mod timestamp_tests {
    use super::format_vi_timestamp;

    #[test]
    fn timestamps_read_the_vietnamese_way() {
        assert_eq!(
            format_vi_timestamp("2026-11-23T10:15:00+07:00"),
            "23/11/2026 10:15"
        );
        assert_eq!(format_vi_timestamp("2026-11-23T10:1"), "2026-11-23T10:1");
        assert_eq!(format_vi_timestamp("hôm qua"), "hôm qua");
        assert_eq!(format_vi_timestamp(""), "");
    }
}
