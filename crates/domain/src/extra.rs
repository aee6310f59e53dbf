//! Keys of a plan file that this version of the app does not know. A file written by a newer
//! app of the same major format version may carry them; they are kept with the record they
//! were found in (plan, unit, reference, target, progress entry) and written back on export,
//! so passing a plan through this app never drops another version's data.

use serde_json::Value;

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
