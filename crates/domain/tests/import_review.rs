//! Reviewing a batch of plan files and applying the officer's choices: every kind of arrival
//! and its proposed choice, each resolution, two files of one plan in a batch, refused files
//! in the log, and that no held plan is ever lost except by an explicit "take theirs".

use cchc_domain::example::example_plan_with_counter;
use cchc_domain::file::{export_plan, import_bytes, import_text, ExportMeta, ImportedPlan};
use cchc_domain::import_log::{LogAction, LoggedPlan};
use cchc_domain::import_review::{
    apply, arrival_label, arrival_label_with_revision, classify, resolution_label, review, Arrival,
    IncomingFile, Resolution, ReviewRow,
};
use cchc_domain::locale::Locale;
use cchc_domain::plan::{Plan, PlanId, PlanStatus};
use cchc_domain::workbook::Workbook;

use Resolution::{Add, KeepBoth, KeepMine, Skip, TakeTheirs};

const AT: &str = "2026-11-23T09:15:00+07:00";

fn held_plan() -> Plan {
    let mut p = example_plan_with_counter();
    p.revision = 3;
    p
}

/// Another plan of another unit, to surround the held one.
fn other_plan(id: &str) -> Plan {
    let mut p = example_plan_with_counter();
    p.id = PlanId(id.into());
    p.unit.name = format!("Đơn vị {id}");
    p
}

/// The held plan as another copy left it: `revision`, with the status changed.
fn revision_of(plan: &Plan, revision: u32) -> Plan {
    let mut p = plan.clone();
    p.revision = revision;
    p.status = PlanStatus::Submitted;
    p
}

fn read(plan: &Plan) -> ImportedPlan {
    let meta = ExportMeta {
        app_version: "0.2.0".into(),
        exported_at: AT.into(),
    };
    import_text(&export_plan(plan, &meta)).unwrap()
}

fn file(name: &str, plan: &Plan) -> IncomingFile {
    IncomingFile {
        name: name.into(),
        size: 12_345,
        result: Ok(read(plan)),
    }
}

fn broken(name: &str) -> IncomingFile {
    IncomingFile {
        name: name.into(),
        size: 9,
        result: import_bytes(b"{\"plan\":"),
    }
}

fn workbook_with(plans: Vec<Plan>) -> Workbook {
    Workbook { plans }
}

/// Fresh ids `fresh-1`, `fresh-2`, …
fn fresh_ids() -> impl FnMut() -> PlanId {
    let mut n = 0;
    move || {
        n += 1;
        PlanId(format!("fresh-{n}"))
    }
}

fn run(workbook: &mut Workbook, files: Vec<IncomingFile>, chosen: &[Resolution]) -> Vec<LogAction> {
    let rows = review(workbook, files);
    let mut fresh = fresh_ids();
    apply(workbook, rows, chosen, &mut fresh, AT)
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[test]
fn a_file_read_back_equals_the_plan() {
    // The tests below rely on it: an exported and imported plan is equal to the original.
    let p = held_plan();
    assert_eq!(read(&p).plan, p);
}

#[test]
fn every_arrival() {
    let held = held_plan();
    let id = held.id.clone();
    let w = workbook_with(vec![other_plan("a"), held.clone()]);
    assert_eq!(classify(&w, &other_plan("new")), Arrival::New);
    assert_eq!(classify(&w, &held), Arrival::Identical { held: id.clone() });
    assert_eq!(
        classify(&w, &revision_of(&held, 5)),
        Arrival::Newer {
            held: id.clone(),
            held_revision: 3
        }
    );
    assert_eq!(
        classify(&w, &revision_of(&held, 2)),
        Arrival::Older {
            held: id.clone(),
            held_revision: 3
        }
    );
    assert_eq!(
        classify(&w, &revision_of(&held, 3)),
        Arrival::Diverged { held: id.clone() }
    );
    // A higher revision that is otherwise equal is still newer, not identical.
    let mut bumped = held.clone();
    bumped.revision = 4;
    assert!(matches!(classify(&w, &bumped), Arrival::Newer { .. }));
    assert_eq!(Arrival::New.held(), None);
    assert_eq!(Arrival::Diverged { held: id.clone() }.held(), Some(&id));
}

#[test]
fn review_proposes_the_safe_choice() {
    let held = held_plan();
    let w = workbook_with(vec![held.clone()]);
    let rows = review(
        &w,
        vec![
            file("new.json", &other_plan("new")),
            file("same.json", &held),
            broken("broken.json"),
        ],
    );
    // Each file of the held plan in its own batch (a second one would be "the same plan as"
    // the first).
    let mut rows = rows;
    rows.insert(
        2,
        review(&w, vec![file("newer.json", &revision_of(&held, 5))]).remove(0),
    );
    let rows_older = review(&w, vec![file("older.json", &revision_of(&held, 2))]);
    let rows_diverged = review(&w, vec![file("diverged.json", &revision_of(&held, 3))]);

    let summary = |r: &ReviewRow| (r.choices.clone(), r.default);
    assert_eq!(summary(&rows[0]), (vec![Add, Skip], Add));
    assert_eq!(summary(&rows[1]), (vec![Skip], Skip));
    assert_eq!(
        summary(&rows[2]),
        (vec![TakeTheirs, KeepMine, KeepBoth], TakeTheirs)
    );
    assert_eq!(summary(&rows[3]), (vec![Skip], Skip));
    assert_eq!(
        summary(&rows_older[0]),
        (vec![TakeTheirs, KeepMine, KeepBoth], KeepMine)
    );
    assert_eq!(
        summary(&rows_diverged[0]),
        (vec![TakeTheirs, KeepMine, KeepBoth], KeepMine)
    );

    // A diff for the plans that differ from the held one, none for the others.
    assert!(rows[0].diff.is_none() && rows[1].diff.is_none() && rows[3].diff.is_none());
    let diff = rows[2].diff.as_ref().unwrap();
    assert_eq!(
        diff.summary(Locale::Vi),
        "Thông tin chung của kế hoạch thay đổi"
    );
    assert!(rows_older[0].diff.is_some() && rows_diverged[0].diff.is_some());

    // An unreadable file has no arrival; the others are not "the same plan as" anything.
    assert_eq!(rows[3].arrival, None);
    assert!(rows.iter().all(|r| r.same_plan_as.is_none()));
    assert_eq!(rows[3].arrival_text(Locale::Vi), "Không phải JSON hợp lệ");

    // Words.
    assert_eq!(rows[0].arrival_text(Locale::Vi), "Kế hoạch mới");
    assert_eq!(rows[1].arrival_text(Locale::Vi), "Giống hệt bản đang có");
    assert_eq!(
        rows[2].arrival_text(Locale::Vi),
        "Bản mới hơn (phiên bản 5; đang có 3)"
    );
    assert_eq!(
        rows_older[0].arrival_text(Locale::Vi),
        "Bản cũ hơn (phiên bản 2; đang có 3)"
    );
    assert_eq!(
        rows_diverged[0].arrival_text(Locale::Vi),
        "Cùng phiên bản nhưng nội dung khác"
    );
    assert_eq!(
        rows[2].arrival_text(Locale::En),
        "Newer version (revision 5; you have 3)"
    );
    let newer = rows[2].arrival.as_ref().unwrap();
    assert_eq!(
        arrival_label(newer, Locale::Vi),
        "Bản mới hơn (đang có phiên bản 3)"
    );
    assert_eq!(
        arrival_label_with_revision(newer, 5, Locale::Vi),
        "Bản mới hơn (phiên bản 5; đang có 3)"
    );
    let words: Vec<&str> = [Add, TakeTheirs, KeepMine, KeepBoth, Skip]
        .into_iter()
        .map(|r| resolution_label(r, Locale::Vi))
        .collect();
    assert_eq!(
        words,
        [
            "Thêm vào sổ",
            "Lấy bản nhận được",
            "Giữ bản đang có",
            "Giữ cả hai",
            "Bỏ qua"
        ]
    );
    for r in [Add, TakeTheirs, KeepMine, KeepBoth, Skip] {
        assert!(!resolution_label(r, Locale::En).is_empty());
    }
}

#[test]
fn add_and_skip_a_new_plan() {
    let mut w = workbook_with(vec![held_plan()]);
    let new = other_plan("new");
    assert_eq!(
        run(&mut w, vec![file("new.json", &new)], &[Add]),
        [LogAction::Added]
    );
    assert_eq!(w.plans.len(), 2);
    assert_eq!(w.plans[1], new);

    let mut w = workbook_with(vec![held_plan()]);
    assert_eq!(
        run(&mut w, vec![file("new.json", &new)], &[Skip]),
        [LogAction::Skipped]
    );
    // Keeping "mine" when nothing is held keeps nothing.
    assert_eq!(
        run(&mut w, vec![file("new.json", &new)], &[KeepMine]),
        [LogAction::Skipped]
    );
    assert_eq!(w.plans, [held_plan()]);
}

#[test]
fn take_theirs_replaces_in_place() {
    let held = held_plan();
    let newer = revision_of(&held, 5);
    let mut w = workbook_with(vec![other_plan("a"), held.clone(), other_plan("b")]);
    let log = {
        let rows = review(&w, vec![file("newer.json", &newer)]);
        let mut fresh = fresh_ids();
        apply(&mut w, rows, &[TakeTheirs], &mut fresh, AT)
    };
    assert_eq!(log.len(), 1);
    assert_eq!(
        log[0].action,
        LogAction::Replaced {
            previous_revision: 3
        }
    );
    assert_eq!(log[0].plan, Some(LoggedPlan::of(&newer)));
    assert_eq!(log[0].file_name, "newer.json");
    assert_eq!(log[0].at, AT);
    let ids: Vec<&str> = w.plans.iter().map(|p| p.id.0.as_str()).collect();
    assert_eq!(ids, ["a", held.id.0.as_str(), "b"]);
    assert_eq!(w.plans[1], newer);

    // Taking an older file is allowed when chosen explicitly.
    let older = revision_of(&held, 2);
    assert_eq!(
        run(&mut w, vec![file("older.json", &older)], &[TakeTheirs]),
        [LogAction::Replaced {
            previous_revision: 5
        }]
    );
    assert_eq!(w.plans[1], older);

    // Taking an identical file changes nothing.
    assert_eq!(
        run(&mut w, vec![file("same.json", &older)], &[TakeTheirs]),
        [LogAction::Identical]
    );
    assert_eq!(w.plans.len(), 3);
}

#[test]
fn keep_mine_and_keep_both() {
    let held = held_plan();
    let diverged = revision_of(&held, 3);
    let mut w = workbook_with(vec![held.clone()]);
    assert_eq!(
        run(&mut w, vec![file("d.json", &diverged)], &[KeepMine]),
        [LogAction::KeptMine]
    );
    assert_eq!(w.plans.len(), 1);
    assert_eq!(w.plans[0], held);

    assert_eq!(
        run(&mut w, vec![file("d.json", &diverged)], &[KeepBoth]),
        [LogAction::AddedAlongside {
            new_id: "fresh-1".into()
        }]
    );
    assert_eq!(w.plans.len(), 2);
    assert_eq!(w.plans[0], held);
    let mut copy = diverged.clone();
    copy.id = PlanId("fresh-1".into());
    assert_eq!(w.plans[1], copy);

    // Skipping an identical file is logged as identical.
    assert_eq!(
        run(&mut w, vec![file("same.json", &held)], &[Skip]),
        [LogAction::Identical]
    );
}

#[test]
fn add_for_a_held_plan_keeps_both() {
    // The interface offers Add only for new plans; if it is chosen anyway, nothing is replaced.
    let held = held_plan();
    let mut w = workbook_with(vec![held.clone()]);
    assert_eq!(
        run(
            &mut w,
            vec![file("newer.json", &revision_of(&held, 5))],
            &[Add]
        ),
        [LogAction::AddedAlongside {
            new_id: "fresh-1".into()
        }]
    );
    assert_eq!(w.plans[0], held);
    assert_eq!(w.plans.len(), 2);
}

#[test]
fn two_files_of_one_plan_in_a_batch() {
    let plan = other_plan("p");
    let first = revision_of(&plan, 2);
    let second = revision_of(&plan, 3);
    let files = || {
        vec![
            file("p-r2.json", &first),
            file("p-r3.json", &second),
            broken("x.json"),
            file("p-r2-again.json", &first),
        ]
    };
    let w = Workbook::default();
    let rows = review(&w, files());
    assert_eq!(rows[0].same_plan_as, None);
    assert_eq!(rows[0].default, Add);
    assert_eq!(rows[1].same_plan_as, Some(0));
    assert_eq!(rows[1].arrival, Some(Arrival::New));
    assert_eq!(rows[1].choices, [Add, Skip]);
    assert_eq!(rows[1].default, Skip);
    assert_eq!(rows[2].same_plan_as, None);
    assert_eq!(rows[3].same_plan_as, Some(0));

    // With the proposed choices, the first file is added and the others left.
    let mut w = Workbook::default();
    let defaults: Vec<Resolution> = rows.iter().map(|r| r.default).collect();
    let actions = run(&mut w, files(), &defaults);
    assert_eq!(
        actions,
        [
            LogAction::Added,
            LogAction::Skipped,
            LogAction::Refused {
                code: "not_json".into()
            },
            LogAction::Identical,
        ]
    );
    assert_eq!(w.plans.len(), 1);
    assert_eq!(w.plans[0], first);

    // Adding both: the second is classified again, finds the first held, and is kept beside it.
    let mut w = Workbook::default();
    let actions = run(&mut w, files(), &[Add, Add, Skip, Add]);
    assert_eq!(
        actions[..2],
        [
            LogAction::Added,
            LogAction::AddedAlongside {
                new_id: "fresh-1".into()
            }
        ]
    );
    assert_eq!(
        actions[3],
        LogAction::AddedAlongside {
            new_id: "fresh-2".into()
        }
    );
    assert_eq!(w.plans.len(), 3);
    assert_eq!(w.plans[0], first);

    // Taking the second replaces the first, which the batch itself added.
    let mut w = Workbook::default();
    let actions = run(&mut w, files(), &[Add, TakeTheirs]);
    assert_eq!(
        actions,
        [
            LogAction::Added,
            LogAction::Replaced {
                previous_revision: 2
            },
            LogAction::Refused {
                code: "not_json".into()
            },
            LogAction::Skipped,
        ]
    );
    assert_eq!(w.plans, [second]);
}

#[test]
fn every_row_is_logged_and_missing_choices_skip() {
    let held = held_plan();
    let mut w = workbook_with(vec![held.clone()]);
    let rows = review(
        &w,
        vec![
            broken("a.json"),
            IncomingFile {
                name: "empty.json".into(),
                size: 0,
                result: import_bytes(b""),
            },
            file("new.json", &other_plan("new")),
            file("newer.json", &revision_of(&held, 4)),
        ],
    );
    let mut fresh = fresh_ids();
    let log = apply(&mut w, rows, &[Add, Add], &mut fresh, AT);
    assert_eq!(log.len(), 4);
    assert_eq!(
        log[0].action,
        LogAction::Refused {
            code: "not_json".into()
        }
    );
    assert_eq!(log[0].plan, None);
    assert_eq!(log[0].file_name, "a.json");
    assert_eq!(
        log[1].action,
        LogAction::Refused {
            code: "empty".into()
        }
    );
    assert_eq!(log[2].action, LogAction::Skipped);
    assert_eq!(log[3].action, LogAction::Skipped);
    assert_eq!(
        log[3].plan,
        Some(LoggedPlan {
            id: held.id.0.clone(),
            unit: held.unit.name.clone(),
            year: 2019,
            revision: 4
        })
    );
    assert_eq!(w.plans, [held]);
}

/// Every combination of choices over a batch with a newer, an older, a diverged, a second
/// newer file of the same plan and a new plan: the plans held before are all still there, in
/// their places, and each one changed only if a "take theirs" for its id was chosen.
#[test]
fn no_held_plan_is_lost_except_by_take_theirs() {
    let held = held_plan();
    let neighbour = other_plan("n");
    let before = vec![other_plan("a"), held.clone(), neighbour.clone()];
    let mut neighbour_newer = revision_of(&neighbour, 2);
    neighbour_newer.unit.name.push_str(" (sửa)");
    let batch = vec![
        file("1.json", &revision_of(&held, 5)),
        file("2.json", &neighbour_newer),
        file("3.json", &revision_of(&held, 2)),
        file("4.json", &revision_of(&held, 3)),
        file("5.json", &other_plan("z")),
    ];
    let files = || batch.clone();
    let ids = [
        held.id.clone(),
        neighbour.id.clone(),
        held.id.clone(),
        held.id.clone(),
    ];
    let all = [Add, TakeTheirs, KeepMine, KeepBoth, Skip];
    let mut combos = 0;
    for code in 0..all.len().pow(5) {
        let chosen: Vec<Resolution> = (0..5)
            .map(|i| all[(code / all.len().pow(i)) % all.len()])
            .collect();
        let mut w = workbook_with(before.clone());
        let actions = run(&mut w, files(), &chosen);
        assert_eq!(actions.len(), 5);
        for (place, plan) in before.iter().enumerate() {
            assert_eq!(w.plans[place].id, plan.id, "{chosen:?}");
            let taken = chosen[..4]
                .iter()
                .zip(&ids)
                .any(|(c, id)| *c == TakeTheirs && *id == plan.id);
            if !taken {
                assert_eq!(&w.plans[place], plan, "{chosen:?}");
            }
        }
        let added = actions
            .iter()
            .filter(|a| matches!(a, LogAction::Added | LogAction::AddedAlongside { .. }))
            .count();
        assert_eq!(w.plans.len(), before.len() + added, "{chosen:?}");
        // No two plans share an id.
        for (i, p) in w.plans.iter().enumerate() {
            assert!(w.plans[i + 1..].iter().all(|q| q.id != p.id), "{chosen:?}");
        }
        combos += 1;
    }
    assert_eq!(combos, 3125);
}
