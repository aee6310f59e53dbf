//! Editing a target's definition without losing recorded progress: target shapes offered by
//! the editor, switching a rule while keeping its threshold, and the guards that refuse a
//! change which would orphan progress entries.

use crate::area::ReformArea;
use crate::number::Decimal;
use crate::target::{
    AboveRange, Comparator, Condition, Field, FieldId, Goal, Measure, Period, Target, TargetId,
    ValueUnit,
};

/// The kinds of target the editor offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TargetShape {
    /// A percentage from two counts.
    Ratio,
    /// A value entered directly (percentage, count, days, hours, money, points).
    Value,
    /// Two conditions that must both hold.
    Compound,
    Milestone,
    FreeText,
}

impl TargetShape {
    pub const ALL: [TargetShape; 5] = [
        TargetShape::Ratio,
        TargetShape::Value,
        TargetShape::Compound,
        TargetShape::Milestone,
        TargetShape::FreeText,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            TargetShape::Ratio => "ratio",
            TargetShape::Value => "value",
            TargetShape::Compound => "compound",
            TargetShape::Milestone => "milestone",
            TargetShape::FreeText => "free_text",
        }
    }
    pub fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

pub fn shape_of(goal: &Goal) -> TargetShape {
    match goal {
        Goal::Single { condition, .. } => match condition.measure {
            Measure::Ratio { .. } => TargetShape::Ratio,
            Measure::Value { .. } => TargetShape::Value,
        },
        Goal::Compound { .. } => TargetShape::Compound,
        Goal::Milestone { .. } => TargetShape::Milestone,
        Goal::FreeText => TargetShape::FreeText,
    }
}

fn ratio_condition(threshold: i64) -> Condition {
    Condition {
        label: String::new(),
        measure: Measure::Ratio {
            numerator: String::new(),
            denominator: String::new(),
        },
        comparator: Comparator::AtLeast {
            threshold: Decimal::from_int(threshold),
        },
    }
}

/// A fresh goal of a shape with sensible defaults (at least 90%, …).
pub fn blank_goal(shape: TargetShape) -> Goal {
    match shape {
        TargetShape::Ratio => Goal::Single {
            condition: ratio_condition(90),
            breakdown: Vec::new(),
        },
        TargetShape::Value => Goal::Single {
            condition: Condition {
                label: String::new(),
                measure: Measure::Value {
                    unit: ValueUnit::Percent,
                },
                comparator: Comparator::AtLeast {
                    threshold: Decimal::from_int(80),
                },
            },
            breakdown: Vec::new(),
        },
        TargetShape::Compound => Goal::Compound {
            first: ratio_condition(40),
            second: ratio_condition(80),
        },
        TargetShape::Milestone => Goal::Milestone { deadline: None },
        TargetShape::FreeText => Goal::FreeText,
    }
}

pub fn new_target(id: TargetId, area: ReformArea, shape: TargetShape) -> Target {
    Target {
        id,
        area,
        label: String::new(),
        goal: blank_goal(shape),
        parent: None,
        entries: Vec::new(),
        notes: Default::default(),
        extra: Default::default(),
        suggested: false,
        tracking: Default::default(),
    }
}

/// A target's kind can change only while it has no progress entries: entries recorded for one
/// kind cannot be read as another, and nothing recorded may be dropped silently.
pub fn can_change_shape(target: &Target) -> bool {
    target.entries.is_empty()
}

/// Changes the kind of a target; refused (returns false) when progress would be orphaned.
pub fn change_shape(target: &mut Target, shape: TargetShape) -> bool {
    if shape_of(&target.goal) == shape {
        return true;
    }
    if !can_change_shape(target) {
        return false;
    }
    target.goal = blank_goal(shape);
    true
}

/// The rules the editor offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleKind {
    Above,
    AtLeast,
    AtMost,
    Below,
    Range,
    ReduceTo,
    AllItems,
    PerPeriod,
    HigherThanPrevious,
}

impl RuleKind {
    pub const ALL: [RuleKind; 9] = [
        RuleKind::Above,
        RuleKind::AtLeast,
        RuleKind::AtMost,
        RuleKind::Below,
        RuleKind::Range,
        RuleKind::ReduceTo,
        RuleKind::AllItems,
        RuleKind::PerPeriod,
        RuleKind::HigherThanPrevious,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Above => "above",
            RuleKind::AtLeast => "at_least",
            RuleKind::AtMost => "at_most",
            RuleKind::Below => "below",
            RuleKind::Range => "range",
            RuleKind::ReduceTo => "reduce_to",
            RuleKind::AllItems => "all_items",
            RuleKind::PerPeriod => "per_period",
            RuleKind::HigherThanPrevious => "higher_than_previous",
        }
    }
    pub fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
    /// Whether the rule makes sense for a measure (a count per period needs counted things).
    pub fn fits(self, measure: &Measure) -> bool {
        match self {
            RuleKind::PerPeriod => matches!(
                measure,
                Measure::Value {
                    unit: ValueUnit::Count { .. }
                }
            ),
            _ => true,
        }
    }
}

pub fn rule_kind(c: &Comparator) -> RuleKind {
    match c {
        Comparator::Above { .. } => RuleKind::Above,
        Comparator::AtLeast { .. } => RuleKind::AtLeast,
        Comparator::AtMost { .. } => RuleKind::AtMost,
        Comparator::Below { .. } => RuleKind::Below,
        Comparator::Range { .. } => RuleKind::Range,
        Comparator::ReduceTo { .. } => RuleKind::ReduceTo,
        Comparator::AllItems => RuleKind::AllItems,
        Comparator::PerPeriod { .. } => RuleKind::PerPeriod,
        Comparator::HigherThanPrevious { .. } => RuleKind::HigherThanPrevious,
    }
}

/// The main threshold of a rule (the one carried over when the rule changes).
fn main_threshold(c: &Comparator) -> Option<Decimal> {
    match c {
        Comparator::AllItems => None,
        c => c.reference(),
    }
}

/// The same rule family with a new kind, keeping the main threshold.
pub fn with_rule_kind(current: &Comparator, kind: RuleKind) -> Comparator {
    if rule_kind(current) == kind {
        return current.clone();
    }
    let t = main_threshold(current).unwrap_or(Decimal::from_int(90));
    match kind {
        RuleKind::Above => Comparator::Above { threshold: t },
        RuleKind::AtLeast => Comparator::AtLeast { threshold: t },
        RuleKind::AtMost => Comparator::AtMost { threshold: t },
        RuleKind::Below => Comparator::Below { threshold: t },
        RuleKind::Range => Comparator::Range {
            min: t,
            max: t,
            above: AboveRange::MetExceeded,
        },
        RuleKind::ReduceTo => Comparator::ReduceTo { low: t, high: t },
        RuleKind::AllItems => Comparator::AllItems,
        RuleKind::PerPeriod => Comparator::PerPeriod {
            min: Decimal::from_int(2),
            period: Period::Year,
        },
        RuleKind::HigherThanPrevious => Comparator::HigherThanPrevious { previous: None },
    }
}

/// The editable numbers of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ThresholdSlot {
    Main,
    Min,
    Max,
    Low,
    High,
    Previous,
}

/// The slots a rule shows in the editor, in display order.
pub fn slots(c: &Comparator) -> &'static [ThresholdSlot] {
    match c {
        Comparator::Above { .. }
        | Comparator::AtLeast { .. }
        | Comparator::AtMost { .. }
        | Comparator::Below { .. } => &[ThresholdSlot::Main],
        Comparator::Range { .. } => &[ThresholdSlot::Min, ThresholdSlot::Max],
        Comparator::ReduceTo { .. } => &[ThresholdSlot::Low, ThresholdSlot::High],
        Comparator::PerPeriod { .. } => &[ThresholdSlot::Min],
        Comparator::AllItems => &[],
        Comparator::HigherThanPrevious { .. } => &[ThresholdSlot::Previous],
    }
}

pub fn get_threshold(c: &Comparator, slot: ThresholdSlot) -> Option<Decimal> {
    match (c, slot) {
        (
            Comparator::Above { threshold }
            | Comparator::AtLeast { threshold }
            | Comparator::AtMost { threshold }
            | Comparator::Below { threshold },
            ThresholdSlot::Main,
        ) => Some(*threshold),
        (Comparator::Range { min, .. }, ThresholdSlot::Min) => Some(*min),
        (Comparator::Range { max, .. }, ThresholdSlot::Max) => Some(*max),
        (Comparator::ReduceTo { low, .. }, ThresholdSlot::Low) => Some(*low),
        (Comparator::ReduceTo { high, .. }, ThresholdSlot::High) => Some(*high),
        (Comparator::PerPeriod { min, .. }, ThresholdSlot::Min) => Some(*min),
        (Comparator::HigherThanPrevious { previous }, ThresholdSlot::Previous) => *previous,
        _ => None,
    }
}

/// Sets one number of a rule; `None` clears it where that is allowed (last year's value).
pub fn set_threshold(c: &mut Comparator, slot: ThresholdSlot, value: Option<Decimal>) {
    match (c, slot, value) {
        (
            Comparator::Above { threshold }
            | Comparator::AtLeast { threshold }
            | Comparator::AtMost { threshold }
            | Comparator::Below { threshold },
            ThresholdSlot::Main,
            Some(v),
        ) => *threshold = v,
        (Comparator::Range { min, .. }, ThresholdSlot::Min, Some(v)) => *min = v,
        (Comparator::Range { max, .. }, ThresholdSlot::Max, Some(v)) => *max = v,
        (Comparator::ReduceTo { low, .. }, ThresholdSlot::Low, Some(v)) => *low = v,
        (Comparator::ReduceTo { high, .. }, ThresholdSlot::High, Some(v)) => *high = v,
        (Comparator::PerPeriod { min, .. }, ThresholdSlot::Min, Some(v)) => *min = v,
        (Comparator::HigherThanPrevious { previous }, ThresholdSlot::Previous, v) => *previous = v,
        _ => {}
    }
}

/// Whether a breakdown field can be removed: not while any entry holds figures for it.
pub fn can_remove_field(target: &Target, field: &FieldId) -> bool {
    !target.entries.iter().any(|e| match &e.reading {
        crate::progress::Reading::PerField { fields } => fields.iter().any(|f| &f.field == field),
        _ => false,
    })
}

/// Whether a breakdown can be switched on or off: only before progress is recorded, because
/// entries with and without per-field figures cannot be mixed.
pub fn can_toggle_breakdown(target: &Target) -> bool {
    target.entries.is_empty()
}

/// Adds a field to a single-condition goal's breakdown.
pub fn add_field(target: &mut Target, field: Field) {
    if let Goal::Single { breakdown, .. } = &mut target.goal {
        breakdown.push(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{EntryId, ProgressEntry, Reading};

    #[test]
    fn switching_rules_keeps_the_threshold() {
        let c = Comparator::Above {
            threshold: Decimal::from_int(90),
        };
        assert_eq!(
            with_rule_kind(&c, RuleKind::AtLeast),
            Comparator::AtLeast {
                threshold: Decimal::from_int(90)
            }
        );
        let mut r = with_rule_kind(&c, RuleKind::Range);
        set_threshold(&mut r, ThresholdSlot::Max, Some(Decimal::from_int(95)));
        assert_eq!(
            get_threshold(&r, ThresholdSlot::Max),
            Some(Decimal::from_int(95))
        );
        assert_eq!(slots(&r), &[ThresholdSlot::Min, ThresholdSlot::Max]);
    }

    #[test]
    fn shape_changes_never_orphan_progress() {
        let mut t = new_target(
            TargetId("t".into()),
            ReformArea::Procedures,
            TargetShape::Ratio,
        );
        assert!(change_shape(&mut t, TargetShape::Value));
        t.entries.push(ProgressEntry {
            id: EntryId("e".into()),
            date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            reading: Reading::Text { text: "x".into() },
            comment: String::new(),
            extra: Default::default(),
        });
        assert!(!change_shape(&mut t, TargetShape::Milestone));
        assert_eq!(shape_of(&t.goal), TargetShape::Value);
    }

    #[test]
    fn per_period_needs_a_count() {
        assert!(!RuleKind::PerPeriod.fits(&Measure::Value {
            unit: ValueUnit::Percent
        }));
        assert!(RuleKind::PerPeriod.fits(&Measure::Value {
            unit: ValueUnit::Count {
                noun: "lần".into()
            }
        }));
    }
}
