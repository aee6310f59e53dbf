//! A consolidation written as the superior unit's own plan, so that it travels upward as a
//! plan file like any other and consolidates again at the next level. Every column becomes
//! a target with the column's id, area and wording, and one progress entry dated the day of
//! the consolidation:
//!
//! * a ratio keeps its rule and gets Σ numerators / Σ denominators (per field for a
//!   breakdown);
//! * a target every unit must meet on its own (a milestone, a count per unit, a percentage
//!   entered directly, a compound target) becomes "units meeting it out of the units that
//!   have it", which must be all of them (*k/n đơn vị đạt*); a sum of counts is named in the
//!   entry's comment;
//! * free text records how many units reported.
//!
//! The plan's `sources` say which subordinate plans, at which revision and content hash,
//! it was built from.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::consolidation::{aggregate_reading, AggregateRule, Column, Consolidation};
use crate::file::content_hash;
use crate::locale::Locale;
use crate::number::{format_decimal, Count};
use crate::plan::{Plan, PlanId, PlanReference, PlanSource, PlanStatus};
use crate::progress::{EntryId, Figure, ProgressEntry, Reading};
use crate::target::{Comparator, Condition, Goal, Measure, Target};
use crate::unit::Unit;

/// The superior unit's plan built from a consolidation of `plans`, with its provenance:
/// each unit's plan id, revision and content hash as consolidated.
pub fn consolidated_plan(
    consolidation: &Consolidation,
    plans: &[Plan],
    id: PlanId,
    unit: Unit,
    year: i32,
    date: NaiveDate,
    locale: Locale,
) -> Plan {
    let columns = &consolidation.columns;
    let targets = columns
        .iter()
        .map(|c| {
            let mut target = column_target(c, date, locale);
            // A sub-target keeps its parent only when the parent is a column too.
            if let Some(parent) = &c.target.parent {
                target.parent = columns
                    .iter()
                    .any(|p| &p.id == parent)
                    .then(|| parent.clone());
            }
            target
        })
        .collect();
    let held: HashMap<&PlanId, &Plan> = plans.iter().map(|p| (&p.id, p)).collect();
    let sources = consolidation
        .rows
        .iter()
        .map(|r| PlanSource {
            plan: r.plan.clone(),
            unit: r.unit.clone(),
            unit_id: r.code.clone(),
            revision: r.revision,
            content_hash: held
                .get(&r.plan)
                .map(|p| content_hash(p))
                .unwrap_or_default(),
        })
        .collect();
    Plan {
        id,
        unit,
        year,
        revision: 1,
        status: PlanStatus::Draft,
        reference: PlanReference::default(),
        notes: Default::default(),
        sources,
        targets,
        tasks: Vec::new(),
        shortened_procedures: Vec::new(),
        reporting: Default::default(),
        extra: Default::default(),
        template: None,
    }
}

fn column_target(c: &Column, date: NaiveDate, locale: Locale) -> Target {
    let a = &c.aggregate;
    let entry = |reading: Reading, comment: String| ProgressEntry {
        id: EntryId("tong-hop".into()),
        date,
        reading,
        comment,
        extra: Default::default(),
    };
    let units_meeting = || {
        let goal = Goal::Single {
            condition: Condition {
                label: String::new(),
                measure: Measure::Ratio {
                    numerator: locale.pick("đơn vị đạt", "units meeting it").into(),
                    denominator: locale
                        .pick("đơn vị có chỉ tiêu", "units with the target")
                        .into(),
                },
                comparator: Comparator::AllItems,
            },
            breakdown: Vec::new(),
        };
        let comment = match a.total {
            Some(total) => format!(
                "{} {}",
                locale.pick("Tổng các đơn vị:", "Total over the units:"),
                format_decimal(total)
            ),
            None => String::new(),
        };
        let reading = Reading::Single {
            figure: Figure::Ratio {
                numerator: Count(a.units_met as u64),
                denominator: Count(a.units_with_target as u64),
            },
        };
        (
            goal,
            (a.units_with_target > 0).then(|| entry(reading, comment)),
        )
    };
    let (goal, entry) = match a.rule {
        AggregateRule::RatioOfSums => (
            c.target.goal.clone(),
            aggregate_reading(a, &c.target).map(|r| entry(r, String::new())),
        ),
        AggregateRule::Sum | AggregateRule::UnitsMeeting => units_meeting(),
        AggregateRule::UnitsReporting => {
            let text = format!(
                "{}/{} {}",
                a.units_reporting,
                a.units_with_target,
                locale.pick("đơn vị đã báo cáo", "units reported")
            );
            (
                Goal::FreeText,
                Some(entry(Reading::Text { text }, String::new())),
            )
        }
    };
    Target {
        id: c.id.clone(),
        area: c.area,
        label: c.label.clone(),
        goal,
        parent: None,
        entries: entry.into_iter().collect(),
        notes: Default::default(),
        extra: Default::default(),
        suggested: false,
        tracking: Default::default(),
    }
}
