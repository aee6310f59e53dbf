//! Period snapshots: the figures of a review (*sơ kết 6 tháng*, a quarter's report) frozen as
//! they were reported, so that they stay as reported while the year goes on. A snapshot keeps,
//! for every gauged target, its label, the latest progress entry at the time and the verdict
//! it had; later entries, edits of the target or its removal do not change it. Snapshots are
//! kept in the plan and in its file (key `snapshots`). This module owns taking one and reading
//! its totals.

use chrono::NaiveDate;

use crate::evaluation::{evaluate, Status};
use crate::extra::Extra;
use crate::pacing::{pace, Pace};
use crate::plan::Plan;
use crate::progress::ProgressEntry;
use crate::reporting_period::{Cutoffs, ReportingPeriod};
use crate::target::{Goal, TargetId};

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SnapshotId(pub String);

/// The figures of one review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub id: SnapshotId,
    pub period: ReportingPeriod,
    /// The day it was taken.
    pub taken_on: NaiveDate,
    pub figures: Vec<FrozenFigure>,
    /// Keys of the file's snapshot object that this app does not know.
    pub extra: Extra,
}

/// One target as a snapshot froze it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrozenFigure {
    pub target: TargetId,
    /// The target's label at the time.
    pub label: String,
    /// The latest entry at the time; `None` when nothing was recorded yet.
    pub entry: Option<ProgressEntry>,
    /// The year-end verdict at the time.
    pub status: Status,
    /// The pace at the time.
    pub pace: Pace,
}

/// The snapshot of `plan`'s figures for `period`, taken on `today`.
pub fn take_snapshot(
    plan: &Plan,
    cutoffs: &Cutoffs,
    period: ReportingPeriod,
    today: NaiveDate,
    id: SnapshotId,
) -> Snapshot {
    let figures = plan
        .targets
        .iter()
        .filter(|t| !matches!(t.goal, Goal::FreeText))
        .map(|t| FrozenFigure {
            target: t.id.clone(),
            label: t.label.clone(),
            entry: t.latest_entry().cloned(),
            status: evaluate(t, today).status,
            pace: pace(t, plan.year, cutoffs).pace,
        })
        .collect();
    Snapshot {
        id,
        period,
        taken_on: today,
        figures,
        extra: Extra::default(),
    }
}

/// A new snapshot id that none of `existing` has: `s1`, `s2`, …
pub fn next_snapshot_id(existing: &[Snapshot]) -> SnapshotId {
    let n = (1..)
        .find(|n| !existing.iter().any(|s| s.id.0 == format!("s{n}")))
        .unwrap_or(1);
    SnapshotId(format!("s{n}"))
}

impl Snapshot {
    /// How many frozen targets were met, of those that could be judged (met or not met).
    pub fn met(&self) -> (usize, usize) {
        let met = self
            .figures
            .iter()
            .filter(|f| f.status == Status::Met)
            .count();
        let judged = self
            .figures
            .iter()
            .filter(|f| matches!(f.status, Status::Met | Status::NotMet))
            .count();
        (met, judged)
    }

    /// How many frozen targets were on track, of those paced with a figure.
    pub fn on_track(&self) -> (usize, usize) {
        let on = self
            .figures
            .iter()
            .filter(|f| f.pace == Pace::OnTrack)
            .count();
        let judged = self
            .figures
            .iter()
            .filter(|f| matches!(f.pace, Pace::OnTrack | Pace::AtRisk | Pace::OffTrack))
            .count();
        (on, judged)
    }

    pub fn figure(&self, target: &TargetId) -> Option<&FrozenFigure> {
        self.figures.iter().find(|f| &f.target == target)
    }
}
