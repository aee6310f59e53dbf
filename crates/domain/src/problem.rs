//! Problems with one value read from a file (a number, a count, a date). They travel through
//! serde's error channel as a short code (see [`ValueProblem::code`]) so that the file decoder
//! can turn them back into typed, translatable problems with the path where they occurred.

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

const PREFIX: &str = "@cchc:";

impl ValueProblem {
    fn parts(&self) -> (&'static str, &str) {
        match self {
            ValueProblem::NotANumber(s) => ("not-a-number", s),
            ValueProblem::NumberTooLarge(s) => ("number-too-large", s),
            ValueProblem::TooManyDecimals(s) => ("too-many-decimals", s),
            ValueProblem::NegativeCount(s) => ("negative-count", s),
            ValueProblem::FractionalCount(s) => ("fractional-count", s),
            ValueProblem::ImpossibleDate(s) => ("impossible-date", s),
            ValueProblem::BadDate(s) => ("bad-date", s),
        }
    }

    /// The code carried in a serde error message: `@cchc:impossible-date|2019-02-30`.
    pub fn code(&self) -> String {
        let (kind, text) = self.parts();
        format!("{PREFIX}{kind}|{text}")
    }

    /// Recovers a problem from a serde error message, if it carries one of our codes.
    pub fn from_message(message: &str) -> Option<ValueProblem> {
        let start = message.find(PREFIX)?;
        let rest = &message[start + PREFIX.len()..];
        let (kind, text) = rest.split_once('|')?;
        // serde_json appends " at line L column C" to custom messages.
        let text = match text.rfind(" at line ") {
            Some(i) => &text[..i],
            None => text,
        }
        .to_string();
        Some(match kind {
            "not-a-number" => ValueProblem::NotANumber(text),
            "number-too-large" => ValueProblem::NumberTooLarge(text),
            "too-many-decimals" => ValueProblem::TooManyDecimals(text),
            "negative-count" => ValueProblem::NegativeCount(text),
            "fractional-count" => ValueProblem::FractionalCount(text),
            "impossible-date" => ValueProblem::ImpossibleDate(text),
            "bad-date" => ValueProblem::BadDate(text),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_serde_messages() {
        let p = ValueProblem::ImpossibleDate("2019-02-30".into());
        let msg = format!("{} at line 3 column 9", p.code());
        assert_eq!(ValueProblem::from_message(&msg), Some(p));
        assert_eq!(ValueProblem::from_message("missing field `x`"), None);
    }
}
