//! Undo and redo of the workbook's plans.
//!
//! A **step** is what one user action changed: the state of every plan it touched before and
//! after (a plan absent before was created, absent after was deleted). Typing in one field is
//! one step, not one per keystroke: the app keeps a step *open* while the user edits, noting
//! each plan's state before its first change ([`UndoHistory::note_before`]), and closes it when
//! the user moves to another control, undoes, or leaves the page ([`UndoHistory::close_step`]).
//!
//! Undo puts back the states before; redo the states after. Neither touches a plan that has
//! changed since (in another tab, say): the step is refused and the history cleared, so a
//! stale step can never overwrite newer work. Revision numbers never go back: putting back an
//! earlier state counts as a change (see [`RevisionTracker`]), so an exported revision number
//! is never reused for other contents.
//!
//! The history can be kept across reloads of the tab: [`UndoHistory::index_json`] lists the
//! steps with each plan state named by its content hash, and [`UndoHistory::from_index_json`]
//! reads it back, asking for each state by hash.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde_json::Value;

use crate::file::content_hash;
use crate::file::encode::Writer;
use crate::plan::{Plan, PlanId};
use crate::revision::RevisionTracker;
use crate::workbook::Workbook;

/// How many steps are kept; the oldest go first.
pub const UNDO_LIMIT: usize = 60;

/// Version of the kept history's index; an index of another version is not read.
const INDEX_VERSION: u64 = 1;

/// A plan's state, with its content hash (the name it is kept under), worked out when first
/// asked for: a large import's step may never be kept.
#[derive(Clone, Debug)]
pub struct PlanState {
    pub plan: Plan,
    hash: OnceLock<String>,
}

impl PlanState {
    pub fn new(plan: Plan) -> PlanState {
        PlanState {
            plan,
            hash: OnceLock::new(),
        }
    }

    fn with_hash(plan: Plan, hash: &str) -> PlanState {
        PlanState {
            plan,
            hash: OnceLock::from(hash.to_string()),
        }
    }

    pub fn hash(&self) -> &str {
        self.hash.get_or_init(|| content_hash(&self.plan))
    }
}

impl PartialEq for PlanState {
    fn eq(&self, other: &PlanState) -> bool {
        self.plan == other.plan
    }
}

/// One plan's change within a step.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanChange {
    pub id: PlanId,
    pub before: Option<PlanState>,
    pub after: Option<PlanState>,
}

/// What one user action changed.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Step {
    pub changes: Vec<PlanChange>,
}

/// Why an undo or redo did nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UndoRefusal {
    /// There is no step to undo (or redo).
    NothingToDo,
    /// A plan of the step has changed since (another tab, an import): nothing was changed,
    /// and the history was cleared.
    ChangedSince,
}

/// Why a kept history could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UndoIndexError {
    NotJson,
    UnknownVersion,
    MissingState(String),
}

#[derive(Clone, Debug, Default)]
pub struct UndoHistory {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The step being recorded: each plan touched, with its state before.
    open: Vec<(PlanId, Option<Plan>)>,
}

impl UndoHistory {
    /// Whether the open step already holds the plan's state before (then the caller need not
    /// copy the plan again).
    pub fn is_noted(&self, id: &PlanId) -> bool {
        self.open.iter().any(|(i, _)| i == id)
    }

    /// Notes the plan's state before a change (None: the plan did not exist), unless the open
    /// step already holds an earlier one.
    pub fn note_before(&mut self, id: &PlanId, before: Option<Plan>) {
        if !self.is_noted(id) {
            self.open.push((id.clone(), before));
        }
    }

    /// Ends the open step, comparing each plan noted with its state now. Returns whether a
    /// step was added (an edit typed back to what it was adds none, whatever its revision). A new step
    /// clears what could be redone.
    pub fn close_step(&mut self, now: &Workbook) -> bool {
        let open = std::mem::take(&mut self.open);
        let mut step = Step::default();
        for (id, before) in open {
            let after = now.plan(&id).cloned();
            let unchanged = match (&before, &after) {
                (Some(b), Some(a)) => same_content(a, b),
                (None, None) => true,
                _ => false,
            };
            if unchanged {
                continue;
            }
            step.changes.push(PlanChange {
                id,
                before: before.map(PlanState::new),
                after: after.map(PlanState::new),
            });
        }
        if step.changes.is_empty() {
            return false;
        }
        self.push_undo(step);
        self.redo.clear();
        true
    }

    /// Records a change made all at once (an import, a deletion): the plans of `before` and
    /// `now` that differ, as one step of its own.
    pub fn record_bulk(&mut self, before: &[Plan], now: &Workbook) -> bool {
        self.close_step(now);
        let by_id: HashMap<&PlanId, &Plan> = before.iter().map(|p| (&p.id, p)).collect();
        for plan in &now.plans {
            match by_id.get(&plan.id) {
                Some(old) if *old == plan => {}
                Some(old) => self.note_before(&plan.id, Some((*old).clone())),
                None => self.note_before(&plan.id, None),
            }
        }
        for old in before {
            if !now.contains(&old.id) {
                self.note_before(&old.id, Some(old.clone()));
            }
        }
        self.close_step(now)
    }

    /// Whether there is something to undo (a closed step, or one being recorded).
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() || !self.open.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many plan states the steps hold (at most; steps share some).
    pub fn state_count(&self) -> usize {
        self.undo
            .iter()
            .chain(&self.redo)
            .flat_map(|s| &s.changes)
            .map(|c| usize::from(c.before.is_some()) + usize::from(c.after.is_some()))
            .sum()
    }

    /// Steps that can be undone and redone.
    pub fn depth(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    /// Undoes the last step: puts back each plan's state before it. Returns the plans changed.
    pub fn undo(
        &mut self,
        workbook: &mut Workbook,
        tracker: &mut RevisionTracker,
    ) -> Result<Vec<PlanId>, UndoRefusal> {
        self.close_step(workbook);
        let step = self.undo.pop().ok_or(UndoRefusal::NothingToDo)?;
        let ids = self.apply(&step, Direction::Back, workbook, tracker)?;
        self.redo.push(step);
        Ok(ids)
    }

    /// Redoes the last undone step: puts back each plan's state after it.
    pub fn redo(
        &mut self,
        workbook: &mut Workbook,
        tracker: &mut RevisionTracker,
    ) -> Result<Vec<PlanId>, UndoRefusal> {
        self.close_step(workbook);
        let step = self.redo.pop().ok_or(UndoRefusal::NothingToDo)?;
        let ids = self.apply(&step, Direction::Forward, workbook, tracker)?;
        self.push_undo(step);
        Ok(ids)
    }

    fn push_undo(&mut self, step: Step) {
        self.undo.push(step);
        if self.undo.len() > UNDO_LIMIT {
            let extra = self.undo.len() - UNDO_LIMIT;
            self.undo.drain(..extra);
        }
    }

    fn apply(
        &mut self,
        step: &Step,
        direction: Direction,
        workbook: &mut Workbook,
        tracker: &mut RevisionTracker,
    ) -> Result<Vec<PlanId>, UndoRefusal> {
        let expected = |c| direction.expected(c);
        let wanted = |c| direction.wanted(c);
        // Every plan must be as the step left it, or nothing is changed.
        let current_matches =
            step.changes
                .iter()
                .all(|c| match (workbook.plan(&c.id), expected(c)) {
                    (None, None) => true,
                    (Some(now), Some(state)) => same_content(now, &state.plan),
                    _ => false,
                });
        if !current_matches {
            self.undo.clear();
            self.redo.clear();
            return Err(UndoRefusal::ChangedSince);
        }
        let mut ids = Vec::new();
        for change in &step.changes {
            match (workbook.plan_mut(&change.id), wanted(change)) {
                (Some(now), Some(state)) => {
                    let revision = now.revision;
                    tracker.change(now, |p| {
                        *p = state.plan.clone();
                        p.revision = revision;
                    });
                }
                (Some(_), None) => {
                    workbook.remove(&change.id);
                }
                (None, Some(state)) => workbook.plans.push(state.plan.clone()),
                (None, None) => {}
            }
            ids.push(change.id.clone());
        }
        Ok(ids)
    }

    /// The kept form: the steps as JSON naming plan states by hash, and the states to keep
    /// beside it (each once).
    pub fn index_json(&self) -> (String, Vec<&PlanState>) {
        let mut states: Vec<&PlanState> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut w = Writer::new(false);
        w.open_object();
        w.key("version");
        w.int(INDEX_VERSION as i64);
        for (key, steps) in [("undo", &self.undo), ("redo", &self.redo)] {
            w.key(key);
            w.open_list();
            for step in steps {
                w.item();
                w.open_list();
                for c in &step.changes {
                    w.item();
                    w.open_list();
                    w.item();
                    w.string(&c.id.0);
                    for st in [&c.before, &c.after] {
                        w.item();
                        match st {
                            Some(st) => {
                                if seen.insert(st.hash()) {
                                    states.push(st);
                                }
                                w.string(st.hash());
                            }
                            None => w.null(),
                        }
                    }
                    w.close_list();
                }
                w.close_list();
            }
            w.close_list();
        }
        w.close_object();
        (w.finish(), states)
    }

    /// Reads a kept history; `state` gives the plan kept under a hash.
    pub fn from_index_json(
        text: &str,
        mut state: impl FnMut(&str) -> Option<Plan>,
    ) -> Result<UndoHistory, UndoIndexError> {
        let root: Value = serde_json::from_str(text).map_err(|_| UndoIndexError::NotJson)?;
        if root.get("version").and_then(Value::as_u64) != Some(INDEX_VERSION) {
            return Err(UndoIndexError::UnknownVersion);
        }
        // States read so far (steps share them): a list, since a history has few.
        let mut cache: Vec<PlanState> = Vec::new();
        let mut read_steps = |key: &str| -> Result<Vec<Step>, UndoIndexError> {
            let mut steps = Vec::new();
            for s in root
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let mut step = Step::default();
                for c in s.as_array().into_iter().flatten() {
                    let parts = c.as_array().ok_or(UndoIndexError::NotJson)?;
                    let id = parts
                        .first()
                        .and_then(Value::as_str)
                        .ok_or(UndoIndexError::NotJson)?;
                    let mut named =
                        |v: Option<&Value>| -> Result<Option<PlanState>, UndoIndexError> {
                            let Some(hash) = v.and_then(Value::as_str) else {
                                return Ok(None);
                            };
                            if let Some(found) = cache.iter().find(|s| s.hash() == hash) {
                                return Ok(Some(found.clone()));
                            }
                            let plan = state(hash)
                                .ok_or_else(|| UndoIndexError::MissingState(hash.into()))?;
                            let st = PlanState::with_hash(plan, hash);
                            cache.push(st.clone());
                            Ok(Some(st))
                        };
                    let before = named(parts.get(1))?;
                    let after = named(parts.get(2))?;
                    step.changes.push(PlanChange {
                        id: PlanId(id.to_string()),
                        before,
                        after,
                    });
                }
                steps.push(step);
            }
            Ok(steps)
        };
        let undo = read_steps("undo")?;
        let redo = read_steps("redo")?;
        Ok(UndoHistory {
            undo,
            redo,
            open: Vec::new(),
        })
    }
}

#[derive(Clone, Copy)]
enum Direction {
    Back,
    Forward,
}

impl Direction {
    /// The state a plan must be in for the step to apply.
    fn expected(self, c: &PlanChange) -> Option<&PlanState> {
        match self {
            Direction::Back => c.after.as_ref(),
            Direction::Forward => c.before.as_ref(),
        }
    }
    /// The state the step puts back.
    fn wanted(self, c: &PlanChange) -> Option<&PlanState> {
        match self {
            Direction::Back => c.before.as_ref(),
            Direction::Forward => c.after.as_ref(),
        }
    }
}

/// Equal but for the revision number (which undo and redo never lower).
fn same_content(a: &Plan, b: &Plan) -> bool {
    if a.revision == b.revision {
        return a == b;
    }
    let mut b = b.clone();
    b.revision = a.revision;
    *a == b
}
