//! The workbook: the plans kept in this browser. Adding a plan never replaces one already
//! held: a plan whose id is already taken is added as a separate copy under a new id.

use crate::plan::{Plan, PlanId};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workbook {
    pub plans: Vec<Plan>,
}

/// What happened when a plan was added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddOutcome {
    Added(PlanId),
    /// A plan with the same id was already held; the new one was kept beside it under `new_id`.
    AddedAlongside {
        held: PlanId,
        new_id: PlanId,
    },
}

impl AddOutcome {
    pub fn id(&self) -> &PlanId {
        match self {
            AddOutcome::Added(id) => id,
            AddOutcome::AddedAlongside { new_id, .. } => new_id,
        }
    }
}

impl Workbook {
    pub fn plan(&self, id: &PlanId) -> Option<&Plan> {
        self.plans.iter().find(|p| &p.id == id)
    }

    pub fn plan_mut(&mut self, id: &PlanId) -> Option<&mut Plan> {
        self.plans.iter_mut().find(|p| &p.id == id)
    }

    pub fn contains(&self, id: &PlanId) -> bool {
        self.plan(id).is_some()
    }

    /// Adds a plan. `fresh_id` is asked for a new id only when the plan's id is taken.
    pub fn add(&mut self, mut plan: Plan, fresh_id: impl FnOnce() -> PlanId) -> AddOutcome {
        if self.contains(&plan.id) {
            let held = plan.id.clone();
            let mut new_id = fresh_id();
            // A colliding fresh id would hide a plan; lengthen it until it is unique.
            while self.contains(&new_id) {
                new_id = PlanId(format!("{}-1", new_id.0));
            }
            plan.id = new_id.clone();
            self.plans.push(plan);
            AddOutcome::AddedAlongside { held, new_id }
        } else {
            let id = plan.id.clone();
            self.plans.push(plan);
            AddOutcome::Added(id)
        }
    }

    pub fn remove(&mut self, id: &PlanId) -> Option<Plan> {
        let i = self.plans.iter().position(|p| &p.id == id)?;
        Some(self.plans.remove(i))
    }

    /// Plans in display order: newest year first, then by unit name.
    pub fn ordered(&self) -> Vec<&Plan> {
        let mut v: Vec<&Plan> = self.plans.iter().collect();
        v.sort_by(|a, b| {
            b.year
                .cmp(&a.year)
                .then_with(|| a.unit.name.cmp(&b.unit.name))
        });
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::PlanReference;
    use crate::unit::{Unit, UnitLevel};

    fn plan(id: &str) -> Plan {
        Plan {
            id: PlanId(id.into()),
            unit: Unit {
                id: String::new(),
                name: "Phường A".into(),
                level: UnitLevel::Ward,
                superior: String::new(),
                superior_id: String::new(),
                extra: Default::default(),
            },
            year: 2026,
            revision: 1,
            status: Default::default(),
            reference: PlanReference::default(),
            notes: Default::default(),
            sources: Vec::new(),
            targets: vec![],
            tasks: Vec::new(),
            shortened_procedures: Vec::new(),
            reporting: Default::default(),
            extra: Default::default(),
            template: None,
        }
    }

    #[test]
    fn never_replaces_a_held_plan() {
        let mut w = Workbook::default();
        assert_eq!(
            w.add(plan("a"), || PlanId("x".into())),
            AddOutcome::Added(PlanId("a".into()))
        );
        let mut changed = plan("a");
        changed.year = 2025;
        let out = w.add(changed, || PlanId("b".into()));
        assert_eq!(
            out,
            AddOutcome::AddedAlongside {
                held: PlanId("a".into()),
                new_id: PlanId("b".into())
            }
        );
        assert_eq!(w.plans.len(), 2);
        assert_eq!(w.plan(&PlanId("a".into())).map(|p| p.year), Some(2026));
        // Even a fresh id that collides does not hide a plan.
        let out = w.add(plan("a"), || PlanId("b".into()));
        assert_eq!(out.id(), &PlanId("b-1".into()));
        assert_eq!(w.plans.len(), 3);
    }
}
