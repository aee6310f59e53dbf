//! When each plan was last exported, and which plans call for a backup: a plan that changed
//! since its last export (or was never exported) and whose last export is at least the
//! chosen number of days old. Browser storage is the only place a plan lives between
//! exports, so the workbook reminds the officer to export.
//!
//! "Changed since" uses the plan's revision: exporting closes a revision, and the first change
//! after it raises the revision (see [`crate::revision`]).
//!
//! Kept as compact JSON in the browser (`cchc.exports`):
//!
//! ```json
//! {"format":"cchc-workbook/exports","version":1,"remindAfterDays":7,
//!  "plans":[{"plan":"p-1","on":"2026-11-23","revision":3}]}
//! ```
//!
//! Read leniently like the import log: an item of the wrong shape is left out; only a text
//! that is not this record at all is refused.

use chrono::NaiveDate;
use serde_json::Value;

use crate::date::{format_iso_date, parse_iso_date};
use crate::file::encode::Writer;
use crate::plan::{Plan, PlanId};

/// Marker of the stored record.
pub const EXPORTS_FORMAT_ID: &str = "cchc-workbook/exports";
/// Days after which a changed plan calls for a backup, unless the officer chose otherwise.
pub const DEFAULT_REMIND_AFTER_DAYS: u32 = 7;
/// The longest reminder period offered.
pub const MAX_REMIND_AFTER_DAYS: u32 = 365;

/// One plan's last export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastExport {
    pub plan: PlanId,
    pub on: NaiveDate,
    /// The plan's revision as exported.
    pub revision: u32,
}

/// Every plan's last export, and the reminder period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRecords {
    pub remind_after_days: u32,
    pub plans: Vec<LastExport>,
}

impl Default for ExportRecords {
    fn default() -> Self {
        ExportRecords {
            remind_after_days: DEFAULT_REMIND_AFTER_DAYS,
            plans: Vec::new(),
        }
    }
}

impl ExportRecords {
    /// Records an export of `plan` on `on`.
    pub fn exported(&mut self, plan: &Plan, on: NaiveDate) {
        self.plans.retain(|e| e.plan != plan.id);
        self.plans.push(LastExport {
            plan: plan.id.clone(),
            on,
            revision: plan.revision,
        });
    }

    /// Forgets plans no longer held.
    pub fn keep_only(&mut self, plans: &[Plan]) {
        self.plans.retain(|e| plans.iter().any(|p| p.id == e.plan));
    }
}

/// One plan's backup standing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupStatus {
    pub plan: PlanId,
    pub unit: String,
    pub year: i32,
    pub last_export: Option<NaiveDate>,
    /// Changed since its last export, or never exported.
    pub changed: bool,
    /// Calls for a backup now.
    pub due: bool,
}

/// Every plan's backup standing on `today`.
pub fn backup_status(
    plans: &[Plan],
    records: &ExportRecords,
    today: NaiveDate,
) -> Vec<BackupStatus> {
    plans
        .iter()
        .map(|p| {
            let last = records.plans.iter().find(|e| e.plan == p.id);
            let changed = last.is_none_or(|e| e.revision != p.revision);
            let old_enough = last
                .is_none_or(|e| (today - e.on).num_days() >= i64::from(records.remind_after_days));
            BackupStatus {
                plan: p.id.clone(),
                unit: p.unit.name.clone(),
                year: p.year,
                last_export: last.map(|e| e.on),
                changed,
                due: changed && old_enough,
            }
        })
        .collect()
}

/// Writes the records as compact JSON.
pub fn encode_export_records(r: &ExportRecords) -> String {
    let mut w = Writer::new(false);
    w.open_object();
    w.key("format");
    w.string(EXPORTS_FORMAT_ID);
    w.key("version");
    w.int(1);
    w.key("remindAfterDays");
    w.int(i64::from(r.remind_after_days));
    w.key("plans");
    w.open_list();
    for e in &r.plans {
        w.item();
        w.open_object();
        w.key("plan");
        w.string(&e.plan.0);
        w.key("on");
        w.string(&format_iso_date(e.on));
        w.key("revision");
        w.int(i64::from(e.revision));
        w.close_object();
    }
    w.close_list();
    w.close_object();
    w.finish()
}

/// Reads the records; `None` when the text is not this record (the caller starts afresh and
/// keeps the text aside).
pub fn decode_export_records(text: &str) -> Option<ExportRecords> {
    let value: Value = serde_json::from_str(text).ok()?;
    let root = value.as_object()?;
    if root.get("format")?.as_str()? != EXPORTS_FORMAT_ID || root.get("version")?.as_u64()? != 1 {
        return None;
    }
    let remind_after_days = root
        .get("remindAfterDays")
        .and_then(Value::as_u64)
        .and_then(|d| u32::try_from(d).ok())
        .filter(|d| *d <= MAX_REMIND_AFTER_DAYS)
        .unwrap_or(DEFAULT_REMIND_AFTER_DAYS);
    let plans = root
        .get("plans")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|item| {
                    let o = item.as_object()?;
                    Some(LastExport {
                        plan: PlanId(o.get("plan")?.as_str()?.to_string()),
                        on: parse_iso_date(o.get("on")?.as_str()?).ok()?,
                        revision: u32::try_from(o.get("revision")?.as_u64()?).ok()?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Some(ExportRecords {
        remind_after_days,
        plans,
    })
}
