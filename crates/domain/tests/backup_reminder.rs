//! Which plans call for a backup export: changed since their last export (or never
//! exported), and last exported at least the chosen number of days ago; the record read back
//! as written, leniently, or refused when it is not one.

use cchc_domain::backup_reminder::{
    backup_status, decode_export_records, encode_export_records, ExportRecords,
    DEFAULT_REMIND_AFTER_DAYS,
};
use cchc_domain::example::example_plan;
use cchc_domain::plan::{Plan, PlanId};
use chrono::NaiveDate;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn plan(id: &str, revision: u32) -> Plan {
    let mut n = 0;
    let mut p = example_plan(&mut |prefix| {
        n += 1;
        format!("{prefix}-{n}")
    });
    p.id = PlanId(id.into());
    p.revision = revision;
    p
}

#[test]
fn a_changed_plan_calls_for_a_backup_once_its_last_export_is_old_enough() {
    let mut records = ExportRecords::default();
    assert_eq!(records.remind_after_days, DEFAULT_REMIND_AFTER_DAYS);
    let never = plan("never", 1);
    let mut kept = plan("kept", 2);
    records.exported(&kept, day(10));
    let status = |plans: &[Plan], today| backup_status(plans, &records, today);

    // Never exported: due at once. Exported and unchanged: never due.
    let s = status(&[never.clone(), kept.clone()], day(23));
    assert!(s[0].due && s[0].changed && s[0].last_export.is_none());
    assert!(!s[1].due && !s[1].changed);
    assert_eq!(s[1].last_export, Some(day(10)));

    // Changed after the export (a new revision): due after 7 days, not before.
    kept.revision = 3;
    assert!(!status(std::slice::from_ref(&kept), day(16))[0].due);
    assert!(status(std::slice::from_ref(&kept), day(17))[0].due);

    // Exported again: not due; a period of 0 days reminds at the first change.
    records.exported(&kept, day(23));
    assert_eq!(records.plans.len(), 1);
    records.remind_after_days = 0;
    assert!(!backup_status(std::slice::from_ref(&kept), &records, day(23))[0].due);
    kept.revision = 4;
    assert!(backup_status(std::slice::from_ref(&kept), &records, day(23))[0].due);

    records.keep_only(&[never]);
    assert!(records.plans.is_empty());
}

#[test]
fn the_record_is_read_back_leniently_or_refused() {
    let mut records = ExportRecords {
        remind_after_days: 14,
        plans: Vec::new(),
    };
    records.exported(&plan("p-1", 3), day(23));
    let text = encode_export_records(&records);
    assert_eq!(decode_export_records(&text), Some(records));

    let lenient = r#"{"format":"cchc-workbook/exports","version":1,"remindAfterDays":9999,
        "plans":[{"plan":"a","on":"2026-02-30","revision":1},{"plan":"b","on":"2026-11-01","revision":2},7]}"#;
    let read = decode_export_records(lenient).unwrap();
    assert_eq!(read.remind_after_days, DEFAULT_REMIND_AFTER_DAYS);
    assert_eq!(read.plans.len(), 1);
    assert_eq!(read.plans[0].plan, PlanId("b".into()));

    for text in [
        "",
        "[]",
        "{}",
        r#"{"format":"cchc-workbook/exports","version":2}"#,
    ] {
        assert_eq!(decode_export_records(text), None, "{text}");
    }
}
