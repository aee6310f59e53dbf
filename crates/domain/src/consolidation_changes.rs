//! What changed in a consolidation since the officer last looked: when a newer file of a
//! unit's plan replaces the one held, the consolidation is computed again from it, and the
//! unit's row and the cells whose value or verdict moved are marked until the officer says
//! they have been seen.
//!
//! What was seen is kept per unit ([`SeenPlan`]): the plan's revision and a short
//! fingerprint of each cell. A unit consolidated for the first time is simply remembered
//! (it is new, not changed).

use std::collections::HashMap;

use crate::consolidation::{Cell, Consolidation, UnitRow};
use crate::consolidation_store::SeenPlan;
use crate::evaluation::Status;
use crate::plan::PlanId;
use crate::target::TargetId;

/// A unit whose plan changed since it was last seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowChange {
    pub plan: PlanId,
    pub from_revision: u32,
    pub to_revision: u32,
    /// Indexes of the columns whose cell changed (value, verdict, or the target appeared or
    /// went away).
    pub columns: Vec<usize>,
}

/// A cell as remembered: its verdict and value (`met 9156/17087`), or empty when the plan
/// has no such target.
pub fn cell_fingerprint(cell: &Cell) -> String {
    let Some(status) = cell.status else {
        return String::new();
    };
    let word = match status {
        Status::Met => "met",
        Status::NotMet => "not-met",
        Status::NoData => "no-data",
        Status::Waiting => "waiting",
        Status::NotApplicable => "n/a",
        Status::NotGauged => "tracked",
        Status::Invalid => "invalid",
    };
    match cell.value {
        Some(v) => format!("{word} {}/{}", v.num(), v.den()),
        None => word.to_string(),
    }
}

/// What the officer sees now of one row.
pub fn seen_row(consolidation: &Consolidation, row: &UnitRow) -> SeenPlan {
    SeenPlan {
        plan: row.plan.clone(),
        revision: row.revision,
        cells: consolidation
            .columns
            .iter()
            .zip(&row.cells)
            .filter(|(_, cell)| cell.status.is_some())
            .map(|(column, cell)| (column.id.clone(), cell_fingerprint(cell)))
            .collect(),
    }
}

/// The rows that changed since `seen` (rows never seen are not changes).
pub fn changes(consolidation: &Consolidation, seen: &[SeenPlan]) -> Vec<RowChange> {
    let seen: HashMap<&PlanId, &SeenPlan> = seen.iter().map(|s| (&s.plan, s)).collect();
    let mut out = Vec::new();
    for row in &consolidation.rows {
        let Some(before) = seen.get(&row.plan) else {
            continue;
        };
        let cells: HashMap<&TargetId, &str> = before
            .cells
            .iter()
            .map(|(id, f)| (id, f.as_str()))
            .collect();
        let columns: Vec<usize> = consolidation
            .columns
            .iter()
            .zip(&row.cells)
            .enumerate()
            .filter(|(_, (column, cell))| {
                cells.get(&column.id).copied().unwrap_or_default() != cell_fingerprint(cell)
            })
            .map(|(i, _)| i)
            .collect();
        if before.revision != row.revision || !columns.is_empty() {
            out.push(RowChange {
                plan: row.plan.clone(),
                from_revision: before.revision,
                to_revision: row.revision,
                columns,
            });
        }
    }
    out
}

/// Remembers the rows never seen before and forgets units no longer consolidated; rows
/// already seen keep what was seen. Returns whether anything changed.
pub fn remember_new_rows(consolidation: &Consolidation, seen: &mut Vec<SeenPlan>) -> bool {
    let before = seen.len();
    let chosen: std::collections::HashSet<&PlanId> =
        consolidation.rows.iter().map(|r| &r.plan).collect();
    seen.retain(|s| chosen.contains(&s.plan));
    let mut changed = seen.len() != before;
    let known: std::collections::HashSet<PlanId> = seen.iter().map(|s| s.plan.clone()).collect();
    for row in &consolidation.rows {
        if !known.contains(&row.plan) {
            seen.push(seen_row(consolidation, row));
            changed = true;
        }
    }
    changed
}

/// Everything as it is now is seen.
pub fn mark_all_seen(consolidation: &Consolidation) -> Vec<SeenPlan> {
    consolidation
        .rows
        .iter()
        .map(|row| seen_row(consolidation, row))
        .collect()
}
