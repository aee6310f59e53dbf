//! Browser tests of the IndexedDB plan store (`cchc_workbook::plan_store`), in headless
//! Chromium: `cargo test -p cchc-workbook --target wasm32-unknown-unknown`. Plans written are
//! read back equal; a transaction writes and deletes together; plans an earlier version kept
//! in localStorage move into IndexedDB (an unreadable one too, reported and kept), and an
//! IndexedDB record is never replaced by an older localStorage copy. On native targets this
//! file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use cchc_domain::example::example_plan;
use cchc_domain::file::{stored_plan_text, ExportMeta};
use cchc_domain::plan::{Plan, PlanId};
use cchc_workbook::plan_store::PlanStore;
use cchc_workbook::storage::{plan_key, PLAN_KEY_PREFIX};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .expect("window")
        .local_storage()
        .expect("localStorage access")
        .expect("localStorage present")
}

fn plan(id: &str, unit: &str) -> Plan {
    let mut n = 0;
    let mut p = example_plan(&mut |prefix| {
        n += 1;
        format!("{prefix}-{n}")
    });
    p.id = PlanId(id.into());
    p.unit.name = unit.into();
    p
}

fn text(p: &Plan) -> String {
    stored_plan_text(p, &ExportMeta::default())
}

/// An opened store with no plans in it (the tests share one origin).
async fn empty_store() -> PlanStore {
    local_storage().clear().expect("clear localStorage");
    let store = PlanStore::open().await;
    assert!(store.is_indexed(), "IndexedDB should open in Chromium");
    let held: Vec<PlanId> = store
        .load()
        .await
        .expect("load")
        .plans
        .into_iter()
        .map(|p| p.id)
        .collect();
    store.save(&[], &held).await.expect("empty the store");
    store
}

fn ids(mut plans: Vec<Plan>) -> Vec<String> {
    plans.sort_by(|a, b| a.id.cmp(&b.id));
    plans.into_iter().map(|p| p.id.0).collect()
}

#[wasm_bindgen_test]
async fn plans_written_are_read_back_equal_and_deleted_in_the_same_transaction() {
    let store = empty_store().await;
    let a = plan("p-a", "Phường Bến Nghé");
    let b = plan("p-b", "Xã Đại Phước");
    store
        .save(&[(a.id.clone(), text(&a)), (b.id.clone(), text(&b))], &[])
        .await
        .expect("save");
    let loaded = store.load().await.expect("load");
    assert_eq!(ids(loaded.plans.clone()), vec!["p-a", "p-b"]);
    assert!(loaded.plans.contains(&a) && loaded.plans.contains(&b));

    let mut changed = b.clone();
    changed.year = 2027;
    store
        .save(
            &[(changed.id.clone(), text(&changed))],
            std::slice::from_ref(&a.id),
        )
        .await
        .expect("save and delete");
    let loaded = store.load().await.expect("load again");
    assert_eq!(loaded.plans, vec![changed]);
    // Nothing was written to localStorage.
    assert_eq!(local_storage().length().expect("length"), 0);
}

#[wasm_bindgen_test]
async fn plans_left_in_local_storage_move_into_indexeddb_and_nothing_is_lost() {
    let store = empty_store().await;
    // IndexedDB holds p-kept at revision 5; localStorage an older copy (4), as when edits went
    // to localStorage in a session where IndexedDB could not be opened.
    let mut kept = plan("p-kept", "Xã Long Thọ");
    kept.revision = 5;
    store
        .save(&[(kept.id.clone(), text(&kept))], &[])
        .await
        .expect("save");
    let mut stale = kept.clone();
    stale.revision = 4;
    let moved = plan("p-moved", "Xã Tân Hiệp");
    let storage = local_storage();
    storage
        .set_item(&plan_key(&stale.id), &text(&stale))
        .expect("set");
    storage
        .set_item(&plan_key(&moved.id), &text(&moved))
        .expect("set");
    storage
        .set_item(&format!("{PLAN_KEY_PREFIX}broken"), "{ not a plan")
        .expect("set");
    storage.set_item("cchc.locale", "vi").expect("set");

    // The same plan in both, written at another time: nothing to keep twice.
    let same = plan("p-same", "Xã Bình An");
    store
        .save(&[(same.id.clone(), text(&same))], &[])
        .await
        .expect("save");
    storage
        .set_item(
            &plan_key(&same.id),
            &stored_plan_text(
                &same,
                &ExportMeta {
                    exported_at: "2026-01-01T00:00:00Z".into(),
                    ..Default::default()
                },
            ),
        )
        .expect("set");

    let loaded = store.load().await.expect("load");
    // The localStorage copy of p-kept differs from IndexedDB's: it is kept beside it.
    assert_eq!(
        ids(loaded.plans.clone()),
        vec!["p-kept", "p-kept-2", "p-moved", "p-same"]
    );
    let beside = loaded.plans.iter().find(|p| p.id.0 == "p-kept-2");
    assert_eq!(beside.map(|p| p.revision), Some(4));
    let revision = loaded
        .plans
        .iter()
        .find(|p| p.id == kept.id)
        .map(|p| p.revision);
    assert_eq!(revision, Some(5), "the IndexedDB record is never replaced");
    assert_eq!(loaded.unreadable.len(), 1, "{:?}", loaded.unreadable);
    assert_eq!(loaded.unreadable[0].key, format!("{PLAN_KEY_PREFIX}broken"));
    // The plans left localStorage once written to IndexedDB; other keys stay.
    assert_eq!(storage.length().expect("length"), 1);
    assert_eq!(
        storage.get_item("cchc.locale").expect("get"),
        Some("vi".into())
    );
    // The unreadable entry was moved as it was, and is still reported.
    assert_eq!(store.load().await.expect("load again").unreadable.len(), 1);
    store
        .save(
            &[],
            &[
                PlanId("broken".into()),
                PlanId("p-kept-2".into()),
                PlanId("p-same".into()),
            ],
        )
        .await
        .expect("clean up");
}
