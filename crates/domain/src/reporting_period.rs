//! Reporting periods as the Ministry of Home Affairs sets them (581/BNV-CCHC): first quarter,
//! six months, third quarter and year, each ending on a data cut-off day. The report year
//! runs from the day after the year's cut-off of the previous year (15/12) to the year's
//! cut-off (14/12); the first-quarter, six-month and year reports are cumulative from that
//! start, the third quarter is a single quarter (15/6–14/9). Provinces may set their own
//! cut-off days; this module owns the periods, the cut-offs and the dates they give a year.

use chrono::{Datelike, Duration, NaiveDate};

/// One of the four periodic CCHC reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReportingPeriod {
    FirstQuarter,
    SixMonths,
    ThirdQuarter,
    Year,
}

impl ReportingPeriod {
    pub const ALL: [ReportingPeriod; 4] = [
        ReportingPeriod::FirstQuarter,
        ReportingPeriod::SixMonths,
        ReportingPeriod::ThirdQuarter,
        ReportingPeriod::Year,
    ];

    /// The name in files: `first_quarter`, `six_months`, `third_quarter`, `year`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportingPeriod::FirstQuarter => "first_quarter",
            ReportingPeriod::SixMonths => "six_months",
            ReportingPeriod::ThirdQuarter => "third_quarter",
            ReportingPeriod::Year => "year",
        }
    }

    pub fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Whether the report counts from the start of the report year (*lũy kế*); the third
    /// quarter counts from the day after the six-month cut-off.
    pub fn is_cumulative(self) -> bool {
        self != ReportingPeriod::ThirdQuarter
    }
}

/// A day of the year, without the year (a cut-off repeats every year).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DayOfYear {
    pub month: u32,
    pub day: u32,
}

impl DayOfYear {
    /// A day that exists in every year: 29/2 is refused (it would move in three years of four).
    pub fn new(day: u32, month: u32) -> Option<Self> {
        let d = DayOfYear { month, day };
        (d.in_year(2025).is_some() && !(month == 2 && day == 29)).then_some(d)
    }

    /// The date of this day in `year`.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }

    /// `MM-DD`, as in files.
    pub fn to_file_text(self) -> String {
        format!("{:02}-{:02}", self.month, self.day)
    }

    /// From `MM-DD`.
    pub fn from_file_text(s: &str) -> Option<Self> {
        let (m, d) = s.split_once('-')?;
        if m.len() != 2 || d.len() != 2 {
            return None;
        }
        DayOfYear::new(d.parse().ok()?, m.parse().ok()?)
    }

    /// `dd/mm`, as the officer reads and types it.
    pub fn to_vi(self) -> String {
        format!("{:02}/{:02}", self.day, self.month)
    }

    /// From `d/m` or `dd/mm`.
    pub fn parse_vi(s: &str) -> Option<Self> {
        let (d, m) = s.trim().split_once('/')?;
        let all_digits =
            |t: &str| !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(d) || !all_digits(m) {
            return None;
        }
        DayOfYear::new(d.parse().ok()?, m.parse().ok()?)
    }
}

/// The data cut-off day of each report. The year's cut-off also sets where the report year
/// starts: the day after it, in the previous year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cutoffs {
    pub first_quarter: DayOfYear,
    pub six_months: DayOfYear,
    pub third_quarter: DayOfYear,
    pub year: DayOfYear,
}

impl Default for Cutoffs {
    /// 14/3, 14/6, 14/9 and 14/12, as 581/BNV-CCHC sets them.
    fn default() -> Self {
        let on = |day, month| DayOfYear { month, day };
        Cutoffs {
            first_quarter: on(14, 3),
            six_months: on(14, 6),
            third_quarter: on(14, 9),
            year: on(14, 12),
        }
    }
}

/// Why a set of cut-off days cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CutoffsProblem {
    /// The cut-offs must follow each other through the year: Q1 < 6 months < Q3 < year.
    OutOfOrder,
}

impl Cutoffs {
    /// The cut-off of one report.
    pub fn of(&self, period: ReportingPeriod) -> DayOfYear {
        match period {
            ReportingPeriod::FirstQuarter => self.first_quarter,
            ReportingPeriod::SixMonths => self.six_months,
            ReportingPeriod::ThirdQuarter => self.third_quarter,
            ReportingPeriod::Year => self.year,
        }
    }

    /// The same cut-offs with one report's day changed.
    pub fn with(mut self, period: ReportingPeriod, day: DayOfYear) -> Self {
        match period {
            ReportingPeriod::FirstQuarter => self.first_quarter = day,
            ReportingPeriod::SixMonths => self.six_months = day,
            ReportingPeriod::ThirdQuarter => self.third_quarter = day,
            ReportingPeriod::Year => self.year = day,
        }
        self
    }

    pub fn check(&self) -> Result<(), CutoffsProblem> {
        let ordered = self.first_quarter < self.six_months
            && self.six_months < self.third_quarter
            && self.third_quarter < self.year;
        if ordered {
            Ok(())
        } else {
            Err(CutoffsProblem::OutOfOrder)
        }
    }

    pub fn is_default(&self) -> bool {
        *self == Cutoffs::default()
    }

    /// The dates of the report year `year`: from the day after the previous year's cut-off to
    /// this year's. `None` only for years out of the calendar's range.
    pub fn report_year(&self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        let start = self.year.in_year(year - 1)? + Duration::days(1);
        let end = self.year.in_year(year)?;
        Some((start, end))
    }

    /// The span of one report of `year`: from its start to its cut-off, both included.
    pub fn span(&self, year: i32, period: ReportingPeriod) -> Option<PeriodSpan> {
        let (year_start, _) = self.report_year(year)?;
        let end = self.of(period).in_year(year)?;
        let start = if period.is_cumulative() {
            year_start
        } else {
            self.six_months.in_year(year)? + Duration::days(1)
        };
        Some(PeriodSpan { period, start, end })
    }

    /// The four reports of `year`, in order.
    pub fn spans(&self, year: i32) -> Vec<PeriodSpan> {
        ReportingPeriod::ALL
            .into_iter()
            .filter_map(|p| self.span(year, p))
            .collect()
    }

    /// The report a date belongs to: the first whose cut-off is on or after it (in the
    /// report year `year`); `None` outside the report year.
    pub fn period_of(&self, year: i32, date: NaiveDate) -> Option<ReportingPeriod> {
        let (start, end) = self.report_year(year)?;
        if date < start || date > end {
            return None;
        }
        ReportingPeriod::ALL
            .into_iter()
            .find(|p| self.of(*p).in_year(year).is_some_and(|cut| date <= cut))
    }

    /// The share of the report year `year` elapsed at the end of `date`, in days over days:
    /// 0 before the year starts, 1 from its cut-off on.
    pub fn elapsed(&self, year: i32, date: NaiveDate) -> (i64, i64) {
        let Some((start, end)) = self.report_year(year) else {
            return (0, 1);
        };
        let total = (end - start).num_days() + 1;
        let done = ((date - start).num_days() + 1).clamp(0, total);
        (done, total)
    }
}

/// Why cut-off days typed by the officer cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CutoffsEntryProblem {
    /// This report's day is not a day/month every year has.
    BadDay(ReportingPeriod),
    OutOfOrder,
}

/// Cut-off days as typed (`14/6`), in the order of [`ReportingPeriod::ALL`].
pub fn cutoffs_from_texts(texts: [&str; 4]) -> Result<Cutoffs, CutoffsEntryProblem> {
    let mut out = Cutoffs::default();
    for (period, text) in ReportingPeriod::ALL.into_iter().zip(texts) {
        let day = DayOfYear::parse_vi(text).ok_or(CutoffsEntryProblem::BadDay(period))?;
        out = out.with(period, day);
    }
    out.check().map_err(|_| CutoffsEntryProblem::OutOfOrder)?;
    Ok(out)
}

/// The dates one report covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodSpan {
    pub period: ReportingPeriod,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl PeriodSpan {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// The plan year a report year's day falls into when the plan is for `plan_year`: used to
/// tell a date of 20/12 (next report year) from one of 10/12.
pub fn report_year_of(cutoffs: &Cutoffs, date: NaiveDate) -> i32 {
    match cutoffs.year.in_year(date.year()) {
        Some(cut) if date > cut => date.year() + 1,
        _ => date.year(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_ministry_s_periods() {
        let c = Cutoffs::default();
        let spans = c.spans(2026);
        let got: Vec<_> = spans.iter().map(|s| (s.period, s.start, s.end)).collect();
        assert_eq!(
            got,
            vec![
                (
                    ReportingPeriod::FirstQuarter,
                    d(2025, 12, 15),
                    d(2026, 3, 14)
                ),
                (ReportingPeriod::SixMonths, d(2025, 12, 15), d(2026, 6, 14)),
                (
                    ReportingPeriod::ThirdQuarter,
                    d(2026, 6, 15),
                    d(2026, 9, 14)
                ),
                (ReportingPeriod::Year, d(2025, 12, 15), d(2026, 12, 14)),
            ]
        );
    }

    #[test]
    fn a_date_belongs_to_the_first_report_still_open() {
        let c = Cutoffs::default();
        assert_eq!(
            c.period_of(2026, d(2025, 12, 20)),
            Some(ReportingPeriod::FirstQuarter)
        );
        assert_eq!(
            c.period_of(2026, d(2026, 3, 14)),
            Some(ReportingPeriod::FirstQuarter)
        );
        assert_eq!(
            c.period_of(2026, d(2026, 3, 15)),
            Some(ReportingPeriod::SixMonths)
        );
        assert_eq!(
            c.period_of(2026, d(2026, 6, 30)),
            Some(ReportingPeriod::ThirdQuarter)
        );
        assert_eq!(
            c.period_of(2026, d(2026, 12, 14)),
            Some(ReportingPeriod::Year)
        );
        assert_eq!(c.period_of(2026, d(2026, 12, 15)), None);
        assert_eq!(c.period_of(2026, d(2025, 12, 14)), None);
        assert_eq!(report_year_of(&c, d(2026, 12, 15)), 2027);
        assert_eq!(report_year_of(&c, d(2026, 12, 14)), 2026);
    }

    #[test]
    fn elapsed_share_of_the_year() {
        let c = Cutoffs::default();
        // 15/12/2025 – 14/12/2026 is 365 days; 30/6/2026 ends day 198.
        assert_eq!(c.elapsed(2026, d(2026, 6, 30)), (198, 365));
        assert_eq!(c.elapsed(2026, d(2025, 1, 1)), (0, 365));
        assert_eq!(c.elapsed(2026, d(2027, 1, 1)), (365, 365));
    }

    #[test]
    fn a_province_s_own_cutoffs() {
        let own = Cutoffs::default().with(
            ReportingPeriod::SixMonths,
            DayOfYear::parse_vi("31/5").unwrap_or(DayOfYear { month: 1, day: 1 }),
        );
        assert_eq!(own.check(), Ok(()));
        assert_eq!(
            own.span(2026, ReportingPeriod::ThirdQuarter)
                .map(|s| s.start),
            Some(d(2026, 6, 1))
        );
        let bad = Cutoffs::default().with(
            ReportingPeriod::FirstQuarter,
            DayOfYear { month: 7, day: 1 },
        );
        assert_eq!(bad.check(), Err(CutoffsProblem::OutOfOrder));
    }

    #[test]
    fn cutoffs_as_typed() {
        let own = cutoffs_from_texts(["14/3", "31/5", "14/9", "14/12"]);
        assert_eq!(own.map(|c| c.six_months.to_vi()).as_deref(), Ok("31/05"));
        assert_eq!(
            cutoffs_from_texts(["14/3", "30/2", "14/9", "14/12"]),
            Err(CutoffsEntryProblem::BadDay(ReportingPeriod::SixMonths))
        );
        assert_eq!(
            cutoffs_from_texts(["14/9", "14/6", "14/3", "14/12"]),
            Err(CutoffsEntryProblem::OutOfOrder)
        );
    }

    #[test]
    fn days_of_the_year_as_typed_and_in_files() {
        assert_eq!(
            DayOfYear::parse_vi("14/6").map(DayOfYear::to_vi).as_deref(),
            Some("14/06")
        );
        assert_eq!(DayOfYear::from_file_text("06-14"), DayOfYear::new(14, 6));
        for bad in [
            "30/2", "29/2", "32/1", "14", "a/b", "14/13", "0/5", "014/06",
        ] {
            assert_eq!(DayOfYear::parse_vi(bad), None, "{bad}");
        }
        for bad in ["6-14", "06/14", "13-01", "02-29", ""] {
            assert_eq!(DayOfYear::from_file_text(bad), None, "{bad}");
        }
    }
}
