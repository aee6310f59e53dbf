//! Browser tests of the localStorage adapter (`cchc_workbook::storage`), run in headless Chromium:
//! `cargo test -p cchc-workbook --target wasm32-unknown-unknown` (see docs/development.md).
//! On native targets this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use cchc_domain::area::ReformArea;
use cchc_domain::notes::Notes;
use cchc_domain::number::Decimal;
use cchc_domain::plan::{Plan, PlanId, PlanReference, PlanStatus};
use cchc_domain::target::{Comparator, Condition, Goal, Measure, Target, TargetId};
use cchc_domain::unit::{Unit, UnitLevel};
use cchc_workbook::storage::{delete_plan, load_plans, save_plan, StorageFailure, PLAN_KEY_PREFIX};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .expect("window")
        .local_storage()
        .expect("localStorage access")
        .expect("localStorage present")
}

fn clear() {
    local_storage().clear().expect("clear localStorage");
}

/// A minimal plan with one ratio target, with Vietnamese text to exercise UTF-8 round trips.
fn plan(id: &str, unit_name: &str) -> Plan {
    Plan {
        id: PlanId(id.to_string()),
        unit: Unit {
            id: "26734".to_string(),
            name: unit_name.to_string(),
            level: UnitLevel::Commune,
            superior: "UBND tỉnh Đồng Nai".to_string(),
            superior_id: "75".to_string(),
            extra: Default::default(),
        },
        year: 2026,
        revision: 3,
        status: PlanStatus::Submitted,
        reference: PlanReference {
            number: "01/KH-UBND".to_string(),
            ..Default::default()
        },
        notes: Notes {
            internal: "Nhắc bộ phận một cửa".to_string(),
            for_superior: String::new(),
        },
        sources: Vec::new(),
        targets: vec![Target {
            id: TargetId(format!("{id}-t1")),
            area: ReformArea::Procedures,
            label: "Tỷ lệ hồ sơ giải quyết đúng hạn".to_string(),
            goal: Goal::Single {
                condition: Condition {
                    label: String::new(),
                    measure: Measure::Ratio {
                        numerator: "hồ sơ giải quyết đúng hạn".to_string(),
                        denominator: "tổng số hồ sơ".to_string(),
                    },
                    comparator: Comparator::AtLeast {
                        threshold: Decimal::from_int(95),
                    },
                },
                breakdown: Vec::new(),
            },
            parent: None,
            entries: Vec::new(),
            notes: Default::default(),
            extra: Default::default(),
            suggested: false,
            tracking: Default::default(),
        }],
        tasks: Vec::new(),
        shortened_procedures: Vec::new(),
        reporting: Default::default(),
        extra: Default::default(),
        template: None,
    }
}

fn sorted_by_id(mut plans: Vec<Plan>) -> Vec<Plan> {
    plans.sort_by(|a, b| a.id.cmp(&b.id));
    plans
}

#[wasm_bindgen_test]
fn saved_plan_loads_back_equal() {
    clear();
    let p = plan("p-one", "Xã Phước Thiền");
    save_plan(&p).expect("save");
    let loaded = load_plans().expect("load");
    assert_eq!(loaded.plans, vec![p]);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    clear();
}

#[wasm_bindgen_test]
fn several_plans_are_kept_apart_and_deleted_one_by_one() {
    clear();
    let plans = vec![
        plan("p-a", "Phường Bến Nghé"),
        plan("p-b", "Xã Đại Phước"),
        plan("p-c", "Đặc khu Phú Quốc"),
    ];
    for p in &plans {
        save_plan(p).expect("save");
    }
    // A key outside the prefix is not a plan and is left alone.
    local_storage()
        .set_item("cchc.locale", "vi")
        .expect("set locale");
    let loaded = load_plans().expect("load");
    assert_eq!(sorted_by_id(loaded.plans), plans);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);

    // Saving again overwrites instead of duplicating.
    let mut changed = plans[1].clone();
    changed.year = 2027;
    save_plan(&changed).expect("save changed");
    delete_plan(&plans[0].id).expect("delete");
    let loaded = sorted_by_id(load_plans().expect("load after delete").plans);
    assert_eq!(loaded, vec![changed, plans[2].clone()]);
    assert_eq!(
        local_storage().get_item("cchc.locale").expect("get"),
        Some("vi".to_string())
    );
    clear();
}

#[wasm_bindgen_test]
fn unreadable_entry_is_reported_and_kept() {
    clear();
    let good = plan("p-good", "Xã Long Thọ");
    save_plan(&good).expect("save");
    let bad_key = format!("{PLAN_KEY_PREFIX}broken");
    let garbage = "{ this is not a plan";
    local_storage()
        .set_item(&bad_key, garbage)
        .expect("write garbage");

    let loaded = load_plans().expect("load");
    assert_eq!(loaded.plans, vec![good]);
    assert_eq!(loaded.unreadable.len(), 1, "{:?}", loaded.unreadable);
    assert_eq!(loaded.unreadable[0].key, bad_key);
    assert!(!loaded.unreadable[0].reason.is_empty());

    // Reading must never destroy what it could not read.
    assert_eq!(
        local_storage().get_item(&bad_key).expect("get"),
        Some(garbage.to_string())
    );
    // And loading again reports it again.
    assert_eq!(load_plans().expect("load again").unreadable.len(), 1);
    clear();
}

/// Fills localStorage to the brim with junk keys: big chunks first, then ever smaller ones,
/// until not even a one-character value fits. Returns how many junk keys were written.
fn fill_storage() -> usize {
    let storage = local_storage();
    let mut written = 0usize;
    let mut size = 1_000_000usize;
    loop {
        let chunk = "x".repeat(size);
        // Bounded: ~5 M characters fit, so at most a handful of writes per size.
        for _ in 0..64 {
            if storage
                .set_item(&format!("junk.{written}"), &chunk)
                .is_err()
            {
                break;
            }
            written += 1;
        }
        if size == 1 {
            return written;
        }
        size /= 10;
    }
}

#[wasm_bindgen_test]
fn full_storage_reports_quota_and_keeps_previous_plan() {
    clear();
    let original = plan("p-quota", "Xã Tân Hiệp");
    save_plan(&original).expect("save before filling");

    let junk = fill_storage();
    assert!(junk > 0, "no junk could be written at all");

    // A bigger version of the same plan cannot fit any more.
    let mut bigger = original.clone();
    bigger.targets[0].label = "Tỷ lệ hồ sơ giải quyết đúng hạn ".repeat(500);
    let result = save_plan(&bigger);

    // Free the space before asserting, so a failure leaves a usable origin behind.
    for i in 0..junk {
        local_storage()
            .remove_item(&format!("junk.{i}"))
            .expect("remove junk");
    }
    assert_eq!(result, Err(StorageFailure::QuotaExceeded));

    let loaded = load_plans().expect("load after quota failure");
    assert_eq!(loaded.plans, vec![original]);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    clear();
}

#[wasm_bindgen_test]
fn import_log_round_trips_and_an_unreadable_one_is_set_aside() {
    use cchc_domain::import_log::{ImportLog, LogAction, LogEntry};
    use cchc_workbook::storage::{load_import_log, save_import_log, IMPORT_LOG_KEY};
    clear();
    assert_eq!(load_import_log().expect("no log yet"), ImportLog::default());
    let mut log = ImportLog::default();
    log.append(vec![LogEntry {
        at: "2026-11-23T10:15:00+07:00".to_string(),
        file_name: "ke-hoach-cchc_xa-long-tho_2026.json".to_string(),
        plan: None,
        action: LogAction::Refused {
            code: "damaged".to_string(),
        },
    }]);
    save_import_log(&log).expect("save log");
    assert_eq!(load_import_log().expect("load log"), log);

    let garbage = "{\"format\": 5";
    local_storage()
        .set_item(IMPORT_LOG_KEY, garbage)
        .expect("write garbage");
    assert!(load_import_log().is_err());
    let aside = format!("{IMPORT_LOG_KEY}.unreadable");
    assert_eq!(
        local_storage().get_item(&aside).expect("read aside"),
        Some(garbage.to_string())
    );
    clear();
}
