//! A unit's annual CCHC plan: who made it, for which year, under which document, and its
//! targets grouped by reform area.

use chrono::NaiveDate;

use crate::area::ReformArea;
use crate::target::{Target, TargetId};
use crate::unit::Unit;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlanId(pub String);

/// Earliest and latest plan years the workbook accepts.
pub const MIN_PLAN_YEAR: i32 = 2000;
pub const MAX_PLAN_YEAR: i32 = 2100;

/// A plan year typed by the user, if it is a whole number within the accepted range.
pub fn parse_plan_year(text: &str) -> Option<i32> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (MIN_PLAN_YEAR..=MAX_PLAN_YEAR).contains(y))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub id: PlanId,
    pub unit: Unit,
    pub year: i32,
    pub reference: PlanReference,
    pub targets: Vec<Target>,
}

/// The document that issued the plan: *Kế hoạch số 39/KH-UBND-NV ngày …*.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PlanReference {
    /// Number and symbol, e.g. `39/KH-UBND-NV`, `01/KH-UBND`.
    pub number: String,
    pub issued_on: Option<NaiveDate>,
    /// Why the date is missing or doubtful (the source gave an impossible date, …).
    pub date_note: String,
}

impl Plan {
    pub fn target(&self, id: &TargetId) -> Option<&Target> {
        self.targets.iter().find(|t| &t.id == id)
    }

    pub fn target_mut(&mut self, id: &TargetId) -> Option<&mut Target> {
        self.targets.iter_mut().find(|t| &t.id == id)
    }

    /// Targets of one area, in plan order.
    pub fn targets_in(&self, area: ReformArea) -> impl Iterator<Item = &Target> {
        self.targets.iter().filter(move |t| t.area == area)
    }

    /// Areas that have at least one target, in the canonical order.
    pub fn areas_used(&self) -> Vec<ReformArea> {
        ReformArea::ALL
            .into_iter()
            .filter(|a| self.targets.iter().any(|t| t.area == *a))
            .collect()
    }
}

/// Whether a document number looks like one issued under Decree 30/2020
/// (`39/KH-UBND-NV`, `01/KH-UBND`, `30/2020/NĐ-CP`, `1888/KH-VPUBND`). Only a hint for the
/// officer: an unusual number is still accepted.
pub fn looks_like_document_number(s: &str) -> bool {
    let mut parts = s.split('/');
    let Some(number) = parts.next() else {
        return false;
    };
    if number.is_empty() || number.len() > 5 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let rest: Vec<&str> = parts.collect();
    let symbol = match rest.as_slice() {
        [symbol] => *symbol,
        [year, symbol] if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => *symbol,
        _ => return false,
    };
    let is_letter = |c: char| c.is_ascii_alphabetic() || c == 'Đ' || c == 'đ';
    let mut groups = symbol.split('-');
    let Some(first) = groups.next() else {
        return false;
    };
    let mut chars = first.chars();
    match chars.next() {
        Some(c) if is_letter(c) => {}
        _ => return false,
    }
    if !chars.all(|c| is_letter(c) || c.is_ascii_digit()) {
        return false;
    }
    groups.all(|g| {
        !g.is_empty()
            && g.chars()
                .all(|c| is_letter(c) || c.is_ascii_digit() || c == '&')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_years() {
        assert_eq!(parse_plan_year(" 2026 "), Some(2026));
        assert_eq!(parse_plan_year("1999"), None);
        assert_eq!(parse_plan_year("202"), None);
        assert_eq!(parse_plan_year("năm"), None);
    }

    #[test]
    fn recognises_document_numbers() {
        for ok in [
            "39/KH-UBND-NV",
            "01/KH-UBND",
            "30/2020/NĐ-CP",
            "1888/KH-VPUBND",
            "581/BNV-CCHC",
            "7028/QĐ-UBND",
            "12/SNV-CCHC&PC",
            "5/TTr-UBND",
        ] {
            assert!(looks_like_document_number(ok), "{ok}");
        }
        for bad in [
            "",
            "KH-UBND",
            "39/",
            "39/KH UBND",
            "abc/KH",
            "39/-KH",
            "123456/KH",
        ] {
            assert!(!looks_like_document_number(bad), "{bad}");
        }
    }
}
