//! Scorecards: how many targets of a plan, or of one reform area, are met (`8/9 chỉ tiêu đạt`).

use chrono::NaiveDate;

use crate::area::ReformArea;
use crate::evaluation::{evaluate, Status};
use crate::plan::Plan;
use crate::target::Target;

/// Counts of targets by verdict. Free-text targets are tracked but not counted as gauged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Scorecard {
    pub met: usize,
    pub not_met: usize,
    /// No data yet, waiting for a reference figure, not applicable, or figures to fix.
    pub pending: usize,
    pub not_gauged: usize,
}

impl Scorecard {
    /// Targets that carry a gauge: the denominator of "8/9 chỉ tiêu đạt".
    pub fn gauged(&self) -> usize {
        self.met + self.not_met + self.pending
    }

    pub fn add(&mut self, status: Status) {
        match status {
            Status::Met => self.met += 1,
            Status::NotMet => self.not_met += 1,
            Status::NotGauged => self.not_gauged += 1,
            Status::NoData | Status::Waiting | Status::NotApplicable | Status::Invalid => {
                self.pending += 1
            }
        }
    }

    pub fn of<'a>(targets: impl IntoIterator<Item = &'a Target>, today: NaiveDate) -> Self {
        let mut card = Scorecard::default();
        for t in targets {
            card.add(evaluate(t, today).status);
        }
        card
    }
}

/// The whole plan's scorecard.
pub fn plan_scorecard(plan: &Plan, today: NaiveDate) -> Scorecard {
    Scorecard::of(&plan.targets, today)
}

/// One scorecard per reform area that has targets, in canonical area order.
pub fn area_scorecards(plan: &Plan, today: NaiveDate) -> Vec<(ReformArea, Scorecard)> {
    plan.areas_used()
        .into_iter()
        .map(|a| (a, Scorecard::of(plan.targets_in(a), today)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_by_status() {
        let mut c = Scorecard::default();
        for s in [
            Status::Met,
            Status::Met,
            Status::NotMet,
            Status::NoData,
            Status::Waiting,
            Status::NotGauged,
        ] {
            c.add(s);
        }
        assert_eq!((c.met, c.not_met, c.pending, c.not_gauged), (2, 1, 2, 1));
        assert_eq!(c.gauged(), 5);
    }
}
