//! Progress entries: what a unit reports against a target on a date. Counts stay exact
//! integers; percentages are computed from them, never stored rounded.

use chrono::NaiveDate;

use crate::number::{Count, Decimal};
use crate::target::FieldId;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(pub String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressEntry {
    pub id: EntryId,
    pub date: NaiveDate,
    pub reading: Reading,
    pub comment: String,
    /// Keys of the file's entry object that this app does not know.
    pub extra: crate::extra::Extra,
}

/// The figures of one entry; its shape follows the target's goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// For a single condition without breakdown.
    Single { figure: Figure },
    /// For a single condition broken down by field: one figure per field. A field that is
    /// missing here, or whose ratio has a zero denominator, is "not applicable".
    PerField { fields: Vec<FieldFigure> },
    /// For a compound target: one figure per condition.
    Pair { first: Figure, second: Figure },
    /// For a milestone: when it was done (if it was) and the document that proves it.
    Milestone {
        done_on: Option<NaiveDate>,
        evidence: String,
    },
    /// For a free-text target.
    Text { text: String },
}

/// One measured figure: two counts for a ratio, or a direct value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Figure {
    Ratio {
        numerator: Count,
        denominator: Count,
    },
    Value {
        value: Decimal,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldFigure {
    pub field: FieldId,
    pub figure: Figure,
}
