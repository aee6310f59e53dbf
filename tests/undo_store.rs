//! Browser tests of the undo history kept in sessionStorage (`cchc_workbook::undo_store`), in
//! headless Chromium: `cargo test -p cchc-workbook --target wasm32-unknown-unknown`. A history
//! written is read back with the same steps; each plan state is kept once and states no step
//! names are removed; a history that cannot be read starts empty; a write refused by a full
//! storage is reported as such. On native targets this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use cchc_domain::example::example_plan;
use cchc_domain::plan::{Plan, PlanId};
use cchc_domain::revision::RevisionTracker;
use cchc_domain::undo::UndoHistory;
use cchc_domain::workbook::Workbook;
use cchc_workbook::storage::StorageFailure;
use cchc_workbook::undo_store;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn session_storage() -> web_sys::Storage {
    web_sys::window()
        .expect("window")
        .session_storage()
        .expect("sessionStorage access")
        .expect("sessionStorage present")
}

fn kept_states() -> usize {
    let s = session_storage();
    (0..s.length().expect("length"))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with("cchc.undo.plan."))
        .count()
}

fn plan(id: &str) -> Plan {
    let mut n = 0;
    let mut p = example_plan(&mut |prefix| {
        n += 1;
        format!("{prefix}-{n}")
    });
    p.id = PlanId(id.into());
    p
}

/// `n` edits of the unit's name, each a step.
fn history_of(n: usize) -> (UndoHistory, Workbook, RevisionTracker) {
    let mut wb = Workbook {
        plans: vec![plan("a")],
    };
    let mut tracker = RevisionTracker::default();
    let mut h = UndoHistory::default();
    let id = PlanId("a".into());
    for i in 0..n {
        let p = wb.plan_mut(&id).expect("plan");
        let before = p.clone();
        tracker.change(p, |p| p.unit.name = format!("Phường số {i}"));
        h.note_before(&id, Some(before));
        h.close_step(&wb);
    }
    (h, wb, tracker)
}

#[wasm_bindgen_test]
fn a_history_is_read_back_with_its_states_kept_once() {
    session_storage().clear().expect("clear");
    let (mut h, mut wb, mut tracker) = history_of(5);
    h.undo(&mut wb, &mut tracker).expect("undo");
    undo_store::save(&h).expect("save");
    // Six states: the name before and after each of the five edits, shared between steps.
    assert_eq!(kept_states(), 6);
    let mut back = undo_store::load();
    assert_eq!(back.depth(), (4, 1));
    back.redo(&mut wb, &mut tracker)
        .expect("redo after reading back");
    assert_eq!(wb.plans[0].unit.name, "Phường số 4");

    // A shorter history: the states it no longer names are removed.
    let (short, _, _) = history_of(1);
    undo_store::save(&short).expect("save");
    assert_eq!(kept_states(), 2);
}

#[wasm_bindgen_test]
fn a_history_that_cannot_be_read_starts_empty() {
    session_storage().clear().expect("clear");
    session_storage()
        .set_item("cchc.undo", "{not json")
        .expect("set");
    assert_eq!(undo_store::load().depth(), (0, 0));
    // A step naming a state that is not kept.
    session_storage()
        .set_item(
            "cchc.undo",
            r#"{"version":1,"undo":[[["a","sha256:missing",null]]],"redo":[]}"#,
        )
        .expect("set");
    assert_eq!(undo_store::load().depth(), (0, 0));
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported() {
    session_storage().clear().expect("clear");
    // Storage.prototype.setItem refuses as a full storage does, for this test only.
    let patch = js_sys::Function::new_no_args(
        "const p = Storage.prototype; p.__setItem = p.setItem; \
         p.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    );
    let restore = js_sys::Function::new_no_args(
        "const p = Storage.prototype; p.setItem = p.__setItem; delete p.__setItem;",
    );
    patch.call0(&JsValue::NULL).expect("patch");
    let (h, _, _) = history_of(2);
    let result = undo_store::save(&h);
    restore.call0(&JsValue::NULL).expect("restore");
    assert_eq!(result, Err(StorageFailure::QuotaExceeded));
}

#[wasm_bindgen_test]
fn a_large_import_is_kept_in_memory_only_and_no_older_history_comes_back() {
    session_storage().clear().expect("clear");
    let (small, _, _) = history_of(2);
    undo_store::save(&small).expect("save");
    assert_eq!(undo_store::load().depth(), (2, 0));
    // One step bringing in 401 plans.
    let mut h = UndoHistory::default();
    let base = plan("p");
    let now = Workbook {
        plans: (0..401)
            .map(|i| {
                let mut p = base.clone();
                p.id = PlanId(format!("p{i}"));
                p
            })
            .collect(),
    };
    assert!(h.record_bulk(&[], &now));
    assert!(h.state_count() > 400);
    undo_store::save(&h).expect("save");
    assert_eq!(kept_states(), 0, "no plan state written");
    assert_eq!(
        undo_store::load().depth(),
        (0, 0),
        "the earlier history is gone too"
    );
}
