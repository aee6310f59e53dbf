//! A unit's annual CCHC plan: who made it, for which year, under which document, its
//! targets grouped by reform area, its tasks and the procedures it shortened.

use chrono::NaiveDate;

use crate::area::ReformArea;
use crate::extra::Extra;
use crate::notes::Notes;
use crate::target::{Target, TargetId};
use crate::task::{Task, TaskId};
use crate::unit::Unit;
use crate::working_time::ShortenedProcedure;

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
    /// Grows by one with each round of changes: the first change after the plan was opened,
    /// exported or imported raises it, so two files of one plan with the same revision and
    /// different contents come from copies that were both edited.
    pub revision: u32,
    pub status: PlanStatus,
    pub reference: PlanReference,
    pub notes: Notes,
    /// For a consolidated plan: the subordinate plans it was built from, as they were.
    pub sources: Vec<PlanSource>,
    /// Set when the file is a template (*mẫu chỉ tiêu*) to start plans from, not a unit's
    /// plan: which template, in which version. See [`crate::template`].
    pub template: Option<crate::template::TemplateMarker>,
    pub targets: Vec<Target>,
    /// The plan's tasks (*nhiệm vụ*), in the order they were entered.
    pub tasks: Vec<Task>,
    /// Procedures whose processing time the unit shortened (*cắt giảm thời gian giải quyết
    /// TTHC*).
    pub shortened_procedures: Vec<ShortenedProcedure>,
    /// Reporting periods' cut-offs and the snapshots of past reviews.
    pub reporting: PlanReporting,
    /// Keys of the file's `plan` object that this app does not know, kept for export.
    pub extra: Extra,
}

/// One subordinate plan a consolidated plan was built from (its provenance).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSource {
    pub plan: PlanId,
    pub unit: String,
    pub unit_id: String,
    pub revision: u32,
    /// The content hash of that plan when it was consolidated (`sha256:…`).
    pub content_hash: String,
}

/// The plan's reporting: the cut-off days of its periodic reports (the Ministry's unless the
/// province set its own; file key `reportingCutoffs`, written only when changed) and the
/// snapshots of its reviews (file key `snapshots`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PlanReporting {
    pub cutoffs: crate::reporting_period::Cutoffs,
    pub snapshots: Vec<crate::snapshot::Snapshot>,
}

/// Where the plan stands in its approval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PlanStatus {
    /// Being drafted (*dự thảo*).
    #[default]
    Draft,
    /// Sent to the superior unit (*đã gửi*).
    Submitted,
    /// Approved and issued (*đã phê duyệt*).
    Approved,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 3] = [
        PlanStatus::Draft,
        PlanStatus::Submitted,
        PlanStatus::Approved,
    ];

    /// The name in files: `draft`, `submitted`, `approved`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Draft => "draft",
            PlanStatus::Submitted => "submitted",
            PlanStatus::Approved => "approved",
        }
    }

    pub fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// The document that issued the plan: *Kế hoạch số 39/KH-UBND-NV ngày …*.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PlanReference {
    /// Number and symbol, e.g. `39/KH-UBND-NV`, `01/KH-UBND`.
    pub number: String,
    pub issued_on: Option<NaiveDate>,
    /// Why the date is missing or doubtful (the source gave an impossible date, …).
    pub date_note: String,
    /// Keys of the file's `reference` object that this app does not know.
    pub extra: Extra,
}

impl Plan {
    pub fn target(&self, id: &TargetId) -> Option<&Target> {
        self.targets.iter().find(|t| &t.id == id)
    }

    pub fn target_mut(&mut self, id: &TargetId) -> Option<&mut Target> {
        self.targets.iter_mut().find(|t| &t.id == id)
    }

    pub fn task_mut(&mut self, id: &TaskId) -> Option<&mut Task> {
        self.tasks.iter_mut().find(|t| &t.id == id)
    }

    /// Removes a target, and its id from the tasks that served it.
    pub fn remove_target(&mut self, id: &TargetId) {
        self.targets.retain(|t| &t.id != id);
        for task in &mut self.tasks {
            task.targets.retain(|t| t != id);
        }
    }

    /// Targets of one area, in plan order.
    pub fn targets_in(&self, area: ReformArea) -> impl Iterator<Item = &Target> {
        self.targets.iter().filter(move |t| t.area == area)
    }

    /// Whether the plan or any of its targets has an internal note.
    pub fn has_internal_notes(&self) -> bool {
        !self.notes.internal.is_empty() || self.targets.iter().any(|t| !t.notes.internal.is_empty())
    }

    /// Whether this is a template to start plans from rather than a unit's plan.
    pub fn is_template(&self) -> bool {
        self.template.is_some()
    }

    /// The plan as it is sent to the superior unit when the officer leaves the internal
    /// notes out of the export.
    pub fn without_internal_notes(&self) -> Plan {
        let mut plan = self.clone();
        plan.notes.internal.clear();
        for t in &mut plan.targets {
            t.notes.internal.clear();
        }
        plan
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
