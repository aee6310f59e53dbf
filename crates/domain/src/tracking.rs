//! What a target carries besides its definition and progress for following it through the
//! years: how it is paced, its per-period targets, its values of previous years and, for an
//! index, its published rank. Grouped so that a target literal names it once.

use crate::index_standing::IndexStanding;
use crate::pacing::{PaceKind, PeriodTargets};
use crate::target_history::YearValue;

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Tracking {
    /// How the target is paced; `None` lets [`crate::pacing::default_kind`] decide. File key
    /// `pace`.
    pub pace: Option<PaceKind>,
    /// File key `periodTargets`.
    pub period_targets: PeriodTargets,
    /// Values of previous years, in year order. File key `previousYears`.
    pub history: Vec<YearValue>,
    /// For an index target: the published rank. File key `standing`.
    pub standing: Option<IndexStanding>,
}

impl Tracking {
    pub fn is_empty(&self) -> bool {
        *self == Tracking::default()
    }
}
