//! A target (*chỉ tiêu*) as real plans phrase it: what is measured (a ratio of counts or a
//! direct value), the rule it must satisfy (a comparator), an optional per-field breakdown
//! where every field must meet the rule, and the dated progress entries recorded against it.

use chrono::NaiveDate;

use crate::area::ReformArea;
use crate::number::Decimal;
use crate::progress::ProgressEntry;

/// Stable identifier of a target inside a plan (and, later, across plans and years).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TargetId(pub String);

/// Stable identifier of a field (*lĩnh vực*) of a per-field breakdown.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldId(pub String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub id: TargetId,
    pub area: ReformArea,
    /// The target as the plan words it ("Tỷ lệ giải quyết hồ sơ đúng hạn…").
    pub label: String,
    pub goal: Goal,
    /// Set for a sub-target (*trong đó*): the target this one is part of. Its ratio must then
    /// name its own denominator.
    pub parent: Option<TargetId>,
    /// Progress entries in the order they were recorded; the latest by date counts.
    pub entries: Vec<ProgressEntry>,
    pub notes: crate::notes::Notes,
    /// Keys of the file's target object that this app does not know.
    pub extra: crate::extra::Extra,
    /// Whether the threshold (or deadline) is only a suggestion (*gợi ý*) of a template, to be
    /// replaced by the figure of the province's own plan. Written `"suggested": true` in files,
    /// only when set.
    pub suggested: bool,
    /// Pacing, per-period targets, previous years' values, published rank.
    pub tracking: crate::tracking::Tracking,
}

/// What the target demands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Goal {
    /// One measured condition, optionally broken down by field (every applicable field must
    /// meet it: *từng lĩnh vực đều đạt*).
    Single {
        condition: Condition,
        breakdown: Vec<Field>,
    },
    /// Two conditions that must both hold (*ít nhất 40% … được đánh giá, với từ 80% hài lòng*).
    Compound { first: Condition, second: Condition },
    /// Something to be done by a deadline, proven by a document.
    Milestone { deadline: Option<NaiveDate> },
    /// Tracked with notes, never gauged.
    FreeText,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub id: FieldId,
    pub name: String,
}

/// A measured quantity and the rule it must satisfy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// Short name of what is measured, used for the parts of a compound target
    /// ("Tỷ lệ hồ sơ được đánh giá"). May be empty for a single condition.
    pub label: String,
    pub measure: Measure,
    pub comparator: Comparator,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Measure {
    /// A percentage computed from two counts entered by the user (9.156 of 17.087 dossiers).
    Ratio {
        /// What the numerator counts ("hồ sơ giải quyết trực tuyến").
        numerator: String,
        /// What the denominator counts ("tổng số hồ sơ"). A sub-target must name it.
        denominator: String,
    },
    /// A value entered directly.
    Value { unit: ValueUnit },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueUnit {
    Percent,
    /// A count of things; `noun` says of what ("lần", "cuộc", "sáng kiến").
    Count {
        noun: String,
    },
    /// Working days.
    Days,
    /// Working hours.
    Hours,
    /// Money in đồng.
    Money,
    /// Index points (PAR Index, service index).
    Points,
}

impl ValueUnit {
    /// Names of the units, as in files, in the order the editor offers them.
    pub const NAMES: [&'static str; 6] = ["percent", "count", "days", "hours", "money", "points"];

    /// The unit's name, as in files.
    pub fn as_str(&self) -> &'static str {
        match self {
            ValueUnit::Percent => "percent",
            ValueUnit::Count { .. } => "count",
            ValueUnit::Days => "days",
            ValueUnit::Hours => "hours",
            ValueUnit::Money => "money",
            ValueUnit::Points => "points",
        }
    }

    /// A unit from its name; a count gets `noun`.
    pub fn from_name(name: &str, noun: String) -> Option<Self> {
        Some(match name {
            "percent" => ValueUnit::Percent,
            "count" => ValueUnit::Count { noun },
            "days" => ValueUnit::Days,
            "hours" => ValueUnit::Hours,
            "money" => ValueUnit::Money,
            "points" => ValueUnit::Points,
            _ => return None,
        })
    }
}

/// How often a count-per-period target must happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Year,
    HalfYear,
    Quarter,
    Month,
}

impl Period {
    pub const ALL: [Period; 4] = [
        Period::Year,
        Period::HalfYear,
        Period::Quarter,
        Period::Month,
    ];
    /// How many of this period a year holds.
    pub fn per_year(self) -> i128 {
        match self {
            Period::Year => 1,
            Period::HalfYear => 2,
            Period::Quarter => 4,
            Period::Month => 12,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::HalfYear => "half_year",
            Period::Quarter => "quarter",
            Period::Month => "month",
        }
    }
    pub fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// What a value above a closed range means for that target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum AboveRange {
    /// Met, and marked as exceeded (*vượt*): the usual intent of "từ 30% đến 40%".
    #[default]
    MetExceeded,
    /// Out of range: not met.
    OutOfRange,
}

impl AboveRange {
    pub const ALL: [AboveRange; 2] = [AboveRange::MetExceeded, AboveRange::OutOfRange];

    /// Stable machine name, as in files.
    pub fn as_str(self) -> &'static str {
        match self {
            AboveRange::MetExceeded => "met_exceeded",
            AboveRange::OutOfRange => "out_of_range",
        }
    }
}

/// The rule a measured value must satisfy. Values compare exactly; nothing is rounded first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Comparator {
    /// *trên X*: strictly greater. Exactly X does not meet it.
    Above { threshold: Decimal },
    /// *tối thiểu X*, *ít nhất X*, *từ X trở lên*, *đạt X*.
    AtLeast { threshold: Decimal },
    /// *tối đa X*, *không quá X*.
    AtMost { threshold: Decimal },
    /// *dưới X*: strictly less.
    Below { threshold: Decimal },
    /// *từ X đến Y*: closed range, with a choice of what above Y means.
    Range {
        min: Decimal,
        max: Decimal,
        above: AboveRange,
    },
    /// *giảm xuống còn X – Y*: lower is better; met at or below the upper bound.
    ReduceTo { low: Decimal, high: Decimal },
    /// *100% …*: every item; a ratio's numerator must equal its denominator.
    AllItems,
    /// *ít nhất N lần/năm*: a count per period.
    PerPeriod { min: Decimal, period: Period },
    /// *cao hơn năm trước*: strictly above last year's value, once that value is known.
    HigherThanPrevious { previous: Option<Decimal> },
}

impl Comparator {
    /// The figure the rule is measured against: its threshold, the lower end of a range or of
    /// a count per period, the upper end of "reduce to", 100 for "all items", and last year's
    /// figure once it is known.
    pub fn reference(&self) -> Option<Decimal> {
        match self {
            Comparator::Above { threshold }
            | Comparator::AtLeast { threshold }
            | Comparator::AtMost { threshold }
            | Comparator::Below { threshold } => Some(*threshold),
            Comparator::Range { min, .. } | Comparator::PerPeriod { min, .. } => Some(*min),
            Comparator::ReduceTo { high, .. } => Some(*high),
            Comparator::AllItems => Some(Decimal::HUNDRED),
            Comparator::HigherThanPrevious { previous } => *previous,
        }
    }

    /// Stable machine name of the rule, as in files.
    pub fn rule_name(&self) -> &'static str {
        match self {
            Comparator::Above { .. } => "above",
            Comparator::AtLeast { .. } => "at_least",
            Comparator::AtMost { .. } => "at_most",
            Comparator::Below { .. } => "below",
            Comparator::Range { .. } => "range",
            Comparator::ReduceTo { .. } => "reduce_to",
            Comparator::AllItems => "all_items",
            Comparator::PerPeriod { .. } => "per_period",
            Comparator::HigherThanPrevious { .. } => "higher_than_previous",
        }
    }

    /// Whether a lower value is the better direction (the gauge is read the other way round).
    pub fn lower_is_better(&self) -> bool {
        matches!(
            self,
            Comparator::AtMost { .. } | Comparator::Below { .. } | Comparator::ReduceTo { .. }
        )
    }
}

impl Goal {
    /// Stable machine name of the goal kind, as in files.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Goal::Single { .. } => "single",
            Goal::Compound { .. } => "compound",
            Goal::Milestone { .. } => "milestone",
            Goal::FreeText => "free_text",
        }
    }

    /// The per-field breakdown, empty when the target is not broken down.
    pub fn breakdown(&self) -> &[Field] {
        match self {
            Goal::Single { breakdown, .. } => breakdown,
            _ => &[],
        }
    }
}

impl Target {
    /// The latest progress entry: the one with the latest date; of several on the same date,
    /// the one recorded last.
    pub fn latest_entry(&self) -> Option<&ProgressEntry> {
        self.entries
            .iter()
            .enumerate()
            .max_by(|(ia, a), (ib, b)| a.date.cmp(&b.date).then(ia.cmp(ib)))
            .map(|(_, e)| e)
    }
}
