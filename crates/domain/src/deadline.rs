//! Work against a deadline, judged on a given day: still due (and in how many days), overdue
//! (*quá hạn*), done on time (*hoàn thành đúng hạn*) or done late (*hoàn thành trễ hạn*).
//! One rule for the plan's tasks ([`crate::task`]) and its milestone targets, so both read
//! the same way: the deadline day itself is still on time, the day after is late.

use chrono::NaiveDate;

use crate::progress::Reading;
use crate::target::{Goal, Target};

/// Where a piece of work stands against its deadline on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadlineState {
    /// Not done, and no deadline is set.
    Open,
    /// Not done; the deadline is today (`days_left` 0) or later.
    Due { days_left: i64 },
    /// Not done, and the deadline has passed `days` days ago.
    Overdue { days: i64 },
    /// Done, with no deadline to be late for.
    Done,
    /// Done on or before the deadline.
    DoneOnTime,
    /// Done `days` days after the deadline.
    DoneLate { days: i64 },
}

impl DeadlineState {
    /// Overdue now, or done after the deadline: the work missed its deadline.
    pub fn missed(self) -> bool {
        matches!(
            self,
            DeadlineState::Overdue { .. } | DeadlineState::DoneLate { .. }
        )
    }

    pub fn is_done(self) -> bool {
        matches!(
            self,
            DeadlineState::Done | DeadlineState::DoneOnTime | DeadlineState::DoneLate { .. }
        )
    }

    /// Stable machine name (for tests and styling): `open`, `due`, `overdue`, `done`,
    /// `done-on-time`, `done-late`.
    pub fn key(self) -> &'static str {
        match self {
            DeadlineState::Open => "open",
            DeadlineState::Due { .. } => "due",
            DeadlineState::Overdue { .. } => "overdue",
            DeadlineState::Done => "done",
            DeadlineState::DoneOnTime => "done-on-time",
            DeadlineState::DoneLate { .. } => "done-late",
        }
    }
}

/// The state of work with an optional `deadline`, done on `done_on` (if done), on `today`.
pub fn deadline_state(
    deadline: Option<NaiveDate>,
    done_on: Option<NaiveDate>,
    today: NaiveDate,
) -> DeadlineState {
    let days = |from: NaiveDate, to: NaiveDate| to.signed_duration_since(from).num_days();
    match (done_on, deadline) {
        (Some(_), None) => DeadlineState::Done,
        (Some(done), Some(deadline)) if done > deadline => DeadlineState::DoneLate {
            days: days(deadline, done),
        },
        (Some(_), Some(_)) => DeadlineState::DoneOnTime,
        (None, None) => DeadlineState::Open,
        (None, Some(deadline)) if today > deadline => DeadlineState::Overdue {
            days: days(deadline, today),
        },
        (None, Some(deadline)) => DeadlineState::Due {
            days_left: days(today, deadline),
        },
    }
}

/// The state of a milestone target (*hoàn thành trước ngày …*) on `today`, from its deadline
/// and the done date of its latest progress entry; `None` for any other kind of target, or
/// when the latest entry is not a milestone's.
pub fn milestone_state(target: &Target, today: NaiveDate) -> Option<DeadlineState> {
    let Goal::Milestone { deadline } = target.goal else {
        return None;
    };
    let done_on = match target.latest_entry().map(|e| &e.reading) {
        Some(Reading::Milestone { done_on, .. }) => *done_on,
        Some(_) => return None,
        None => None,
    };
    Some(deadline_state(deadline, done_on, today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::ReformArea;
    use crate::evaluation::{evaluate, Note, Status};
    use crate::progress::{EntryId, ProgressEntry};
    use crate::target::TargetId;

    fn day(d: u32, m: u32, y: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_deadline_day_is_still_on_time() {
        let deadline = Some(day(31, 3, 2026));
        assert_eq!(
            deadline_state(deadline, None, day(31, 3, 2026)),
            DeadlineState::Due { days_left: 0 }
        );
        assert_eq!(
            deadline_state(deadline, None, day(21, 3, 2026)),
            DeadlineState::Due { days_left: 10 }
        );
        assert_eq!(
            deadline_state(deadline, None, day(1, 4, 2026)),
            DeadlineState::Overdue { days: 1 }
        );
        assert_eq!(
            deadline_state(deadline, Some(day(31, 3, 2026)), day(1, 12, 2026)),
            DeadlineState::DoneOnTime
        );
        assert_eq!(
            deadline_state(deadline, Some(day(3, 4, 2026)), day(1, 12, 2026)),
            DeadlineState::DoneLate { days: 3 }
        );
    }

    #[test]
    fn done_is_judged_by_its_date_not_by_today() {
        // Done early, looked at long after the deadline: still on time.
        assert_eq!(
            deadline_state(
                Some(day(31, 1, 2026)),
                Some(day(3, 1, 2026)),
                day(23, 11, 2026)
            ),
            DeadlineState::DoneOnTime
        );
        // Recorded as done before the deadline is reached: done, on time.
        assert_eq!(
            deadline_state(
                Some(day(31, 12, 2026)),
                Some(day(1, 6, 2026)),
                day(1, 6, 2026)
            ),
            DeadlineState::DoneOnTime
        );
    }

    #[test]
    fn without_a_deadline_nothing_is_late() {
        assert_eq!(
            deadline_state(None, None, day(1, 1, 2100)),
            DeadlineState::Open
        );
        assert_eq!(
            deadline_state(None, Some(day(1, 1, 2026)), day(1, 1, 2100)),
            DeadlineState::Done
        );
        assert!(!DeadlineState::Open.missed());
        assert!(DeadlineState::Overdue { days: 1 }.missed());
        assert!(DeadlineState::DoneLate { days: 1 }.missed());
        assert!(!DeadlineState::DoneOnTime.missed());
        assert!(DeadlineState::Done.is_done());
        assert!(!DeadlineState::Due { days_left: 0 }.is_done());
    }

    #[test]
    fn across_a_leap_day_and_a_year_end() {
        assert_eq!(
            deadline_state(Some(day(28, 2, 2028)), None, day(1, 3, 2028)),
            DeadlineState::Overdue { days: 2 }
        );
        assert_eq!(
            deadline_state(
                Some(day(31, 12, 2026)),
                Some(day(15, 1, 2027)),
                day(1, 2, 2027)
            ),
            DeadlineState::DoneLate { days: 15 }
        );
    }

    fn milestone(deadline: Option<NaiveDate>, done: Option<Option<NaiveDate>>) -> Target {
        Target {
            id: TargetId("t".into()),
            area: ReformArea::Direction,
            label: "Ban hành Kế hoạch CCHC năm 2026".into(),
            goal: Goal::Milestone { deadline },
            parent: None,
            entries: done
                .map(|done_on| ProgressEntry {
                    id: EntryId("e".into()),
                    date: day(1, 6, 2026),
                    reading: Reading::Milestone {
                        done_on,
                        evidence: "01/KH-UBND".into(),
                    },
                    comment: String::new(),
                    extra: Default::default(),
                })
                .into_iter()
                .collect(),
            notes: Default::default(),
            suggested: false,
            tracking: Default::default(),
            extra: Default::default(),
        }
    }

    #[test]
    fn milestone_targets_show_due_on_time_late_or_overdue() {
        let deadline = Some(day(31, 1, 2026));
        let today = day(23, 11, 2026);
        assert_eq!(
            milestone_state(&milestone(deadline, None), day(21, 1, 2026)),
            Some(DeadlineState::Due { days_left: 10 })
        );
        assert_eq!(
            milestone_state(&milestone(deadline, Some(Some(day(3, 1, 2026)))), today),
            Some(DeadlineState::DoneOnTime)
        );
        assert_eq!(
            milestone_state(&milestone(deadline, Some(Some(day(5, 2, 2026)))), today),
            Some(DeadlineState::DoneLate { days: 5 })
        );
        assert_eq!(
            milestone_state(&milestone(deadline, Some(None)), today),
            Some(DeadlineState::Overdue { days: 296 })
        );
        let mut ratio = milestone(deadline, None);
        ratio.goal = Goal::FreeText;
        assert_eq!(milestone_state(&ratio, today), None);
    }

    /// The milestone's state and the evaluation's verdict never disagree.
    #[test]
    fn milestone_state_agrees_with_the_evaluation() {
        let deadlines = [None, Some(day(31, 3, 2026))];
        let done = [
            None,
            Some(None),
            Some(Some(day(1, 3, 2026))),
            Some(Some(day(31, 3, 2026))),
            Some(Some(day(1, 4, 2026))),
        ];
        let todays = [day(1, 3, 2026), day(31, 3, 2026), day(1, 4, 2026)];
        for deadline in deadlines {
            for d in done {
                for today in todays {
                    let t = milestone(deadline, d);
                    let e = evaluate(&t, today);
                    let state = milestone_state(&t, today);
                    let expected = match state {
                        Some(DeadlineState::Open | DeadlineState::Due { .. }) => {
                            (Status::NoData, Some(Note::NotDueYet))
                        }
                        Some(DeadlineState::Overdue { .. }) => {
                            (Status::NotMet, Some(Note::Overdue))
                        }
                        Some(DeadlineState::Done | DeadlineState::DoneOnTime) => {
                            (Status::Met, Some(Note::DoneOnTime))
                        }
                        Some(DeadlineState::DoneLate { .. }) => {
                            (Status::NotMet, Some(Note::DoneLate))
                        }
                        None => unreachable!("a milestone has a state"),
                    };
                    assert_eq!((e.status, e.note), expected, "{deadline:?} {d:?} {today}");
                }
            }
        }
    }
}
