//! Progress entries: what a unit reports against a target on a date. Counts stay exact
//! integers; percentages are computed from them, never stored rounded.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::number::{Count, Decimal};
use crate::target::FieldId;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(pub String);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressEntry {
    pub id: EntryId,
    #[serde(with = "crate::date::iso")]
    pub date: NaiveDate,
    pub reading: Reading,
    #[serde(default)]
    pub comment: String,
}

/// The figures of one entry; its shape follows the target's goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
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
        #[serde(default, with = "crate::date::iso_opt")]
        done_on: Option<NaiveDate>,
        #[serde(default)]
        evidence: String,
    },
    /// For a free-text target.
    Text { text: String },
}

/// One measured figure: two counts for a ratio, or a direct value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Figure {
    Ratio {
        numerator: Count,
        denominator: Count,
    },
    Value {
        value: Decimal,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldFigure {
    pub field: FieldId,
    pub figure: Figure,
}
