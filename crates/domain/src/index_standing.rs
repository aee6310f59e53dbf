//! Index targets (the provincial PAR Index, the service index of Decision 766): the band a
//! value falls in (*Nhóm A* from 90%, *B* 80–90%, *C* 70–80%) and the rank the published
//! results give (*xếp thứ 12/63, tăng 01 bậc*). Bands are derived from the value; the rank is
//! entered as published. This module owns both.

use crate::number::Rational;

/// The band of an index value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndexBand {
    /// From 90%.
    A,
    /// From 80% to under 90%.
    B,
    /// From 70% to under 80%.
    C,
    /// Under 70%.
    BelowC,
}

impl IndexBand {
    /// The band of a value in percent (or points out of 100).
    pub fn of(value: Rational) -> IndexBand {
        let at_least = |n: i128| value >= Rational::from_int(n);
        if at_least(90) {
            IndexBand::A
        } else if at_least(80) {
            IndexBand::B
        } else if at_least(70) {
            IndexBand::C
        } else {
            IndexBand::BelowC
        }
    }

    /// Stable key: `a`, `b`, `c`, `below-c`.
    pub fn key(self) -> &'static str {
        match self {
            IndexBand::A => "a",
            IndexBand::B => "b",
            IndexBand::C => "c",
            IndexBand::BelowC => "below-c",
        }
    }
}

/// A published rank: `position` of `of` units, and the previous year's position if known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IndexStanding {
    pub position: u32,
    pub of: u32,
    pub previous_position: Option<u32>,
}

/// Why a rank cannot be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StandingProblem {
    /// Positions count from 1.
    Zero,
    /// A position beyond the number of units ranked.
    BeyondCount,
}

impl IndexStanding {
    pub fn check(&self) -> Result<(), StandingProblem> {
        if self.position == 0 || self.of == 0 || self.previous_position == Some(0) {
            return Err(StandingProblem::Zero);
        }
        if self.position > self.of || self.previous_position.is_some_and(|p| p > self.of) {
            return Err(StandingProblem::BeyondCount);
        }
        Ok(())
    }

    /// Places gained since last year: positive when the rank number went down (better).
    pub fn places_gained(&self) -> Option<i64> {
        self.previous_position
            .map(|p| i64::from(p) - i64::from(self.position))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_of_the_reference() {
        let pc = |n, d| Rational::new(n, d);
        assert_eq!(IndexBand::of(pc(9002, 100)), IndexBand::A); // Sơn La 2024: 90,02%
        assert_eq!(IndexBand::of(pc(90, 1)), IndexBand::A);
        assert_eq!(IndexBand::of(pc(8999, 100)), IndexBand::B);
        assert_eq!(IndexBand::of(pc(80, 1)), IndexBand::B);
        assert_eq!(IndexBand::of(pc(7999, 100)), IndexBand::C);
        assert_eq!(IndexBand::of(pc(70, 1)), IndexBand::C);
        assert_eq!(IndexBand::of(pc(6999, 100)), IndexBand::BelowC);
    }

    #[test]
    fn rank_and_places_gained() {
        let s = IndexStanding {
            position: 12,
            of: 63,
            previous_position: Some(13),
        };
        assert_eq!(s.check(), Ok(()));
        assert_eq!(s.places_gained(), Some(1));
        let lost = IndexStanding {
            previous_position: Some(10),
            ..s
        };
        assert_eq!(lost.places_gained(), Some(-2));
        let zero = IndexStanding { position: 0, ..s };
        assert_eq!(zero.check(), Err(StandingProblem::Zero));
        let beyond = IndexStanding { position: 64, ..s };
        assert_eq!(beyond.check(), Err(StandingProblem::BeyondCount));
    }
}
