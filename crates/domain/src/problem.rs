//! Problems with one value read from a file (a number, a count, a date), each with the offending
//! text. The file decoder reports them with the place where they occurred; their messages are
//! in [`crate::validate`].

/// A value in a file that cannot be accepted, with the offending text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueProblem {
    NotANumber(String),
    NumberTooLarge(String),
    TooManyDecimals(String),
    NegativeCount(String),
    FractionalCount(String),
    /// A date of the right shape that does not exist in the calendar (`2019-02-30`).
    ImpossibleDate(String),
    /// Not a date of the form `yyyy-mm-dd`.
    BadDate(String),
}
