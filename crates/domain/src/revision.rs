//! When a plan's revision number grows. A revision is a round of changes, not a keystroke:
//! the first change after the plan was opened in this tab, exported or imported raises the
//! revision by one, and later changes belong to that same revision until the next export.
//! So every exported state of a plan that differs from an earlier export has a higher
//! revision, and two files of one plan with the same revision and different contents come
//! from copies that were both edited.

use crate::plan::{Plan, PlanId};

/// The plans whose current revision is open, i.e. already raised for changes not yet
/// exported.
#[derive(Clone, Debug, Default)]
pub struct RevisionTracker {
    open: Vec<PlanId>,
}

impl RevisionTracker {
    /// Applies `change` to the plan, raising its revision when the change is the first of a
    /// round and really changes something. Returns whether anything changed.
    pub fn change(&mut self, plan: &mut Plan, change: impl FnOnce(&mut Plan)) -> bool {
        let before = plan.clone();
        change(plan);
        self.changed_from(plan, &before)
    }

    /// The same as [`RevisionTracker::change`] for a plan already changed, given its state
    /// `before` (for a caller that keeps that copy anyway, as the undo history does).
    pub fn changed_from(&mut self, plan: &mut Plan, before: &Plan) -> bool {
        if *plan == *before {
            return false;
        }
        if !self.open.contains(&plan.id) {
            plan.revision = before.revision.saturating_add(1);
            self.open.push(plan.id.clone());
        }
        true
    }

    /// Ends the plan's round of changes (it was exported, or replaced by an imported file):
    /// the next change starts a new revision.
    pub fn close(&mut self, id: &PlanId) {
        self.open.retain(|p| p != id);
    }

    /// Counts the plan's current revision as open without raising it: a plan just created
    /// is revision 1, and its first edits belong to it.
    pub fn mark_open(&mut self, id: &PlanId) {
        if !self.open.contains(id) {
            self.open.push(id.clone());
        }
    }

    pub fn is_open(&self, id: &PlanId) -> bool {
        self.open.contains(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_plan_with_counter;

    #[test]
    fn one_revision_per_round_of_changes() {
        let mut plan = example_plan_with_counter();
        let start = plan.revision;
        let mut tracker = RevisionTracker::default();
        assert!(!tracker.change(&mut plan, |p| p.unit.name = p.unit.name.clone()));
        assert_eq!(plan.revision, start, "a change that changes nothing");
        assert!(tracker.change(&mut plan, |p| p.unit.name.push('A')));
        assert!(tracker.change(&mut plan, |p| p.unit.name.push('B')));
        assert_eq!(plan.revision, start + 1);
        tracker.close(&plan.id);
        assert!(tracker.change(&mut plan, |p| p.unit.name.pop().map(drop).unwrap_or(())));
        assert_eq!(plan.revision, start + 2);
    }

    #[test]
    fn the_revision_saturates() {
        let mut plan = example_plan_with_counter();
        plan.revision = u32::MAX;
        RevisionTracker::default().change(&mut plan, |p| p.year += 1);
        assert_eq!(plan.revision, u32::MAX);
    }
}
