//! Keys of a plan file that this version of the app does not know. A file written by a newer
//! app of the same major format version may carry them; they are kept with the record they
//! were found in (plan, unit, reference, target, progress entry, task, shortened procedure) and written back on export,
//! so passing a plan through this app never drops another version's data.

use serde_json::Value;

/// The keys this version knows in each record whose unknown keys are kept: any other key of
/// these objects is an unknown key.
pub const PLAN_KEYS: &[&str] = &[
    "id",
    "unit",
    "year",
    "revision",
    "status",
    "reference",
    "notes",
    "sources",
    "template",
    "targets",
    "tasks",
    "shortenedProcedures",
    "reportingCutoffs",
    "snapshots",
];
pub const UNIT_KEYS: &[&str] = &["id", "name", "level", "superior"];
pub const REFERENCE_KEYS: &[&str] = &["number", "issuedOn", "dateNote"];
pub const TARGET_KEYS: &[&str] = &[
    "id",
    "area",
    "label",
    "goal",
    "parent",
    "suggested",
    "pace",
    "periodTargets",
    "previousYears",
    "standing",
    "entries",
    "notes",
];
pub const ENTRY_KEYS: &[&str] = &["id", "date", "reading", "comment"];
pub const TASK_KEYS: &[&str] = &[
    "id",
    "title",
    "department",
    "deadline",
    "output",
    "status",
    "doneOn",
    "targets",
];
pub const SNAPSHOT_KEYS: &[&str] = &["id", "period", "takenOn", "figures"];
pub const PROCEDURE_KEYS: &[&str] = &["id", "name", "standardDays", "newDays"];

/// Unknown keys of one JSON object, in key order, with their values as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extra(pub Vec<(String, Value)>);

impl Extra {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The names of the unknown keys.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
}
