//! Undo and redo of the workbook's plans (`cchc_domain::undo`).

use std::collections::HashMap;

use cchc_domain::example::example_plan_with_counter;
use cchc_domain::plan::{Plan, PlanId};
use cchc_domain::revision::RevisionTracker;
use cchc_domain::undo::{UndoHistory, UndoIndexError, UndoRefusal, UNDO_LIMIT};
use cchc_domain::workbook::Workbook;

fn plan(id: &str) -> Plan {
    let mut p = example_plan_with_counter();
    p.id = PlanId(id.to_string());
    p
}

/// Edits a plan as the app does: the state before is noted, then the tracked change applied.
fn edit(
    history: &mut UndoHistory,
    tracker: &mut RevisionTracker,
    wb: &mut Workbook,
    id: &str,
    f: impl FnOnce(&mut Plan),
) {
    let id = PlanId(id.to_string());
    let p = wb.plan_mut(&id).expect("plan in workbook");
    let before = p.clone();
    if tracker.change(p, f) {
        history.note_before(&id, Some(before));
    }
}

fn name(wb: &Workbook, id: &str) -> String {
    wb.plan(&PlanId(id.into()))
        .map(|p| p.unit.name.clone())
        .unwrap_or_default()
}

#[test]
fn typing_in_one_field_is_one_step_and_moving_on_starts_the_next() {
    let mut wb = Workbook {
        plans: vec![plan("a")],
    };
    let mut tr = RevisionTracker::default();
    let mut h = UndoHistory::default();
    for text in ["P", "Ph", "Phường"] {
        edit(&mut h, &mut tr, &mut wb, "a", |p| p.unit.name = text.into());
    }
    assert!(h.close_step(&wb));
    edit(&mut h, &mut tr, &mut wb, "a", |p| {
        p.notes.internal = "ghi chú".into()
    });
    assert!(h.close_step(&wb));
    assert_eq!(h.depth(), (2, 0));

    h.undo(&mut wb, &mut tr).expect("undo notes");
    assert_eq!(name(&wb, "a"), "Phường");
    assert_eq!(wb.plans[0].notes.internal, "");
    h.undo(&mut wb, &mut tr).expect("undo name");
    assert_eq!(name(&wb, "a"), plan("a").unit.name);
    assert_eq!(
        h.undo(&mut wb, &mut tr),
        Err(UndoRefusal::NothingToDo),
        "nothing left"
    );
    h.redo(&mut wb, &mut tr).expect("redo name");
    h.redo(&mut wb, &mut tr).expect("redo notes");
    assert_eq!(name(&wb, "a"), "Phường");
    assert_eq!(wb.plans[0].notes.internal, "ghi chú");
    assert_eq!(h.depth(), (2, 0));
}

#[test]
fn an_edit_typed_back_to_what_it_was_is_no_step() {
    let mut wb = Workbook {
        plans: vec![plan("a")],
    };
    let original = name(&wb, "a");
    let mut tr = RevisionTracker::default();
    let mut h = UndoHistory::default();
    edit(&mut h, &mut tr, &mut wb, "a", |p| p.unit.name = "x".into());
    let back = original.clone();
    edit(&mut h, &mut tr, &mut wb, "a", move |p| p.unit.name = back);
    // The revision rose with the first change, but the contents are as before: no step.
    assert!(!h.close_step(&wb));
    assert!(!h.can_undo());
    assert_eq!(name(&wb, "a"), original);
}

#[test]
fn a_new_edit_after_undo_clears_redo() {
    let mut wb = Workbook {
        plans: vec![plan("a")],
    };
    let mut tr = RevisionTracker::default();
    let mut h = UndoHistory::default();
    edit(&mut h, &mut tr, &mut wb, "a", |p| p.unit.name = "1".into());
    h.close_step(&wb);
    h.undo(&mut wb, &mut tr).expect("undo");
    assert!(h.can_redo());
    edit(&mut h, &mut tr, &mut wb, "a", |p| p.unit.name = "2".into());
    h.close_step(&wb);
    assert!(!h.can_redo());
    assert_eq!(h.redo(&mut wb, &mut tr), Err(UndoRefusal::NothingToDo));
}

#[test]
fn at_least_fifty_steps_are_kept_and_the_oldest_go_first() {
    const { assert!(UNDO_LIMIT >= 50) };
    let mut wb = Workbook {
        plans: vec![plan("a")],
    };
    let mut tr = RevisionTracker::default();
    let mut h = UndoHistory::default();
    for i in 0..UNDO_LIMIT + 5 {
        edit(&mut h, &mut tr, &mut wb, "a", |p| {
            p.unit.name = format!("v{i}")
        });
        h.close_step(&wb);
    }
    assert_eq!(h.depth(), (UNDO_LIMIT, 0));
    for _ in 0..UNDO_LIMIT {
        h.undo(&mut wb, &mut tr).expect("undo");
    }
    // The five oldest steps were dropped: the name is the one after the fifth edit.
    assert_eq!(name(&wb, "a"), "v4");
}

#[test]
fn revisions_never_go_back() {
    let mut wb = Workbook {
        plans: vec![plan("a")],
    };
    let start = wb.plans[0].revision;
    let mut tr = RevisionTracker::default();
    let mut h = UndoHistory::default();
    edit(&mut h, &mut tr, &mut wb, "a", |p| {
        p.unit.name = "sửa".into()
    });
    h.close_step(&wb);
    assert_eq!(wb.plans[0].revision, start + 1);
    // Exported: the round is closed.
    tr.close(&PlanId("a".into()));
    h.undo(&mut wb, &mut tr).expect("undo");
    assert_eq!(name(&wb, "a"), plan("a").unit.name);
    assert_eq!(
        wb.plans[0].revision,
        start + 2,
        "the undone state is a new revision, not the old number again"
    );
    h.redo(&mut wb, &mut tr).expect("redo");
    assert_eq!(name(&wb, "a"), "sửa");
    assert_eq!(wb.plans[0].revision, start + 2, "same open round");
}

#[test]
fn a_plan_changed_since_is_never_overwritten() {
    let mut wb = Workbook {
        plans: vec![plan("a")],
    };
    let mut tr = RevisionTracker::default();
    let mut h = UndoHistory::default();
    edit(&mut h, &mut tr, &mut wb, "a", |p| {
        p.unit.name = "tab 1".into()
    });
    h.close_step(&wb);
    // Another tab changed the plan, and this tab read it back from storage.
    wb.plans[0].unit.name = "tab 2".into();
    assert_eq!(h.undo(&mut wb, &mut tr), Err(UndoRefusal::ChangedSince));
    assert_eq!(name(&wb, "a"), "tab 2");
    assert!(
        !h.can_undo() && !h.can_redo(),
        "the stale history is cleared"
    );
}

#[test]
fn creating_importing_and_deleting_are_steps_too() {
    let mut wb = Workbook {
        plans: vec![plan("a"), plan("b")],
    };
    let mut tr = RevisionTracker::default();
    let mut h = UndoHistory::default();
    // An import that adds c and replaces b, and a deletion of a.
    let before = wb.plans.clone();
    wb.plans.push(plan("c"));
    wb.plans[1].unit.name = "b từ tệp".into();
    assert!(h.record_bulk(&before, &wb));
    let before = wb.plans.clone();
    wb.remove(&PlanId("a".into()));
    assert!(h.record_bulk(&before, &wb));
    let unchanged = wb.plans.clone();
    assert!(!h.record_bulk(&unchanged, &wb), "no change, no step");

    h.undo(&mut wb, &mut tr).expect("undo delete");
    assert!(wb.contains(&PlanId("a".into())));
    h.undo(&mut wb, &mut tr).expect("undo import");
    assert!(!wb.contains(&PlanId("c".into())));
    assert_eq!(name(&wb, "b"), plan("b").unit.name);
    h.redo(&mut wb, &mut tr).expect("redo import");
    assert!(wb.contains(&PlanId("c".into())));
    assert_eq!(name(&wb, "b"), "b từ tệp");
}

#[test]
fn the_history_is_kept_by_hash_and_read_back() {
    let mut wb = Workbook {
        plans: vec![plan("a")],
    };
    let mut tr = RevisionTracker::default();
    let mut h = UndoHistory::default();
    for i in 0..3 {
        edit(&mut h, &mut tr, &mut wb, "a", |p| {
            p.unit.name = format!("v{i}")
        });
        h.close_step(&wb);
    }
    h.undo(&mut wb, &mut tr).expect("undo");
    let (index, states) = h.index_json();
    // Four states (original, v0, v1, v2), each kept once though steps share them.
    assert_eq!(states.len(), 4);
    let kept: HashMap<String, Plan> = states
        .iter()
        .map(|s| (s.hash().to_string(), s.plan.clone()))
        .collect();
    let mut back =
        UndoHistory::from_index_json(&index, |hash| kept.get(hash).cloned()).expect("read back");
    assert_eq!(back.depth(), (2, 1));
    back.redo(&mut wb, &mut tr).expect("redo after reload");
    assert_eq!(name(&wb, "a"), "v2");
    back.undo(&mut wb, &mut tr).expect("undo after reload");
    back.undo(&mut wb, &mut tr).expect("undo after reload");
    back.undo(&mut wb, &mut tr).expect("undo after reload");
    assert_eq!(name(&wb, "a"), plan("a").unit.name);
}

#[test]
fn a_kept_history_that_cannot_be_read_is_refused() {
    assert_eq!(
        UndoHistory::from_index_json("{", |_| None).err(),
        Some(UndoIndexError::NotJson)
    );
    assert_eq!(
        UndoHistory::from_index_json(r#"{"version":99,"undo":[]}"#, |_| None).err(),
        Some(UndoIndexError::UnknownVersion)
    );
    assert_eq!(
        UndoHistory::from_index_json(
            r#"{"version":1,"undo":[[["a","sha256:x",null]]],"redo":[]}"#,
            |_| None
        )
        .err(),
        Some(UndoIndexError::MissingState("sha256:x".into()))
    );
}
