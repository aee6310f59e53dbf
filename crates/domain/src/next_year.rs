//! Copying a plan to the next year: the same targets with the same ids (so next year's plans
//! consolidate with this year's template and each other), the year moved on in wordings and
//! deadlines, and this year's final values as the baselines of "higher than last year".
//! Progress is not copied: the new year starts with none.

use chrono::NaiveDate;

use crate::evaluation::evaluate;
use crate::number::{Decimal, Rational};
use crate::plan::{Plan, PlanId, PlanReference, PlanStatus};
use crate::target::{Comparator, Condition, Goal, Target};
use crate::template::targets_for_year;

/// Digits kept of a last-year value used as a baseline (53,5836 %).
const BASELINE_DIGITS: u8 = 4;

/// The plan for `plan.year + 1`, under `new_id`, as a draft at revision 1.
///
/// * Targets keep their ids, areas, wording, rules and notes; the years in their wording and
///   their milestone deadlines move on as a template's do ([`targets_for_year`]:
///   `năm 2026` → `năm 2027`, `cao hơn năm 2025` → `cao hơn năm 2026`, 31/01/2026 →
///   31/01/2027).
/// * A "higher than last year" rule gets this year's final value as its baseline (the value
///   of the latest entry), so it has its reference from the start; without a value this year
///   it waits for one, as before.
/// * Tasks not done carry over as they are; done tasks, shortened procedures, progress
///   entries, the plan's number and date, its provenance (`sources`) and the notes for the
///   superior are not copied; internal notes and the unit are.
pub fn copy_to_next_year(plan: &Plan, new_id: PlanId, as_of: NaiveDate) -> Plan {
    let year = plan.year;
    // Wordings, deadlines and ids moved on as a template's are (one rule for both).
    let mut targets = targets_for_year(plan, year.saturating_add(1));
    for target in &mut targets {
        if let Some(this_year) = plan.targets.iter().find(|t| t.id == target.id) {
            set_baselines(target, this_year, as_of);
            add_to_history(target, this_year, year, as_of);
        }
    }
    Plan {
        id: new_id,
        unit: plan.unit.clone(),
        year: year.saturating_add(1),
        revision: 1,
        status: PlanStatus::Draft,
        reference: PlanReference::default(),
        notes: crate::notes::Notes {
            internal: plan.notes.internal.clone(),
            for_superior: String::new(),
        },
        sources: Vec::new(),
        targets,
        // Tasks not done carry over, as they are (their deadline and links stay); the year's
        // shortened procedures are its results, not next year's.
        tasks: plan
            .tasks
            .iter()
            .filter(|t| !matches!(t.status, crate::task::TaskStatus::Done { .. }))
            .cloned()
            .collect(),
        shortened_procedures: Vec::new(),
        // The province's cut-off days hold next year too; the reviews were this year's.
        reporting: crate::plan::PlanReporting {
            cutoffs: plan.reporting.cutoffs,
            snapshots: Vec::new(),
        },
        // Next year's plan of a unit, not a template (even if this one was made as one).
        template: None,
        extra: plan.extra.clone(),
    }
}

/// Gives each "higher than last year" rule of `target` the final value of the same condition
/// of `this_year` (the value of its latest entry), or none when there is none yet: last
/// year's baseline was the year before's value and no longer applies.
fn set_baselines(target: &mut Target, this_year: &Target, as_of: NaiveDate) {
    let evaluation = evaluate(this_year, as_of);
    let final_value = |part: Option<usize>| -> Option<Decimal> {
        let result = match part {
            None => evaluation.headline.as_ref(),
            Some(i) => evaluation.parts.get(i),
        };
        result
            .and_then(|r| r.measured)
            .and_then(|m| baseline(m.value))
    };
    let set = |condition: &mut Condition, value: Option<Decimal>| {
        if let Comparator::HigherThanPrevious { previous } = &mut condition.comparator {
            *previous = value;
        }
    };
    match &mut target.goal {
        Goal::Single { condition, .. } => set(condition, final_value(None)),
        Goal::Compound { first, second } => {
            set(first, final_value(Some(0)));
            set(second, final_value(Some(1)));
        }
        Goal::Milestone { .. } | Goal::FreeText => {}
    }
}

/// Adds this year's final value of a single-figure target to next year's history (the
/// multi-year chart grows by itself), replacing what the history had for this year.
fn add_to_history(target: &mut Target, this_year: &Target, year: i32, as_of: NaiveDate) {
    if !matches!(this_year.goal, Goal::Single { .. }) {
        return;
    }
    let value = evaluate(this_year, as_of)
        .headline
        .and_then(|r| r.measured)
        .and_then(|m| baseline(m.value));
    if let Some(value) = value {
        crate::target_history::set_year(&mut target.tracking.history, year, Some(value));
    }
}

/// A value as a baseline, to [`BASELINE_DIGITS`] decimals.
fn baseline(value: Rational) -> Option<Decimal> {
    let scale = 10i128.pow(u32::from(BASELINE_DIGITS));
    let scaled = value.num().checked_mul(scale)?;
    let den = value.den();
    // Round half away from zero.
    let units = if scaled >= 0 {
        (scaled + den / 2) / den
    } else {
        (scaled - den / 2) / den
    };
    Decimal::new(units, BASELINE_DIGITS).ok()
}
