//! Exact numbers as officers type and read them: Vietnamese notation (`9.156`, `124,5`,
//! `53,58%`), an exact [`Decimal`] for entered values and an exact [`Rational`] for computed
//! ones. Nothing here rounds a stored value; rounding happens only in the `format_*` functions.

use std::cmp::Ordering;
use std::fmt;

/// Most fraction digits an entered value may carry (`98,9712` is fine, `1,23456` is not).
pub const MAX_FRACTION_DIGITS: u8 = 4;
/// Largest magnitude accepted for any entered number (a thousand trillion: enough for money in đồng).
pub const MAX_MAGNITUDE: i128 = 1_000_000_000_000_000;

/// An exact decimal number: `units / 10^scale`, kept in canonical form (no trailing zeros).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    units: i128,
    scale: u8,
}

/// Why a typed number was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("empty")]
    Empty,
    #[error("not a number")]
    NotANumber,
    /// Dots must separate groups of three digits (`9.156`); `9.15` or `99.8` is ambiguous.
    #[error("ambiguous grouping")]
    AmbiguousGrouping,
    #[error("too many decimals")]
    TooManyDecimals,
    #[error("too large")]
    TooLarge,
    #[error("negative")]
    Negative,
    #[error("not a whole number")]
    NotWhole,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal { units: 0, scale: 0 };
    pub const HUNDRED: Decimal = Decimal {
        units: 100,
        scale: 0,
    };

    /// Builds `units / 10^scale`; refuses values outside the accepted range.
    pub fn new(units: i128, scale: u8) -> Result<Self, NumberError> {
        if scale > MAX_FRACTION_DIGITS {
            // Trailing zeros beyond the limit are harmless; anything else is too precise.
            let mut d = Decimal { units, scale };
            d.normalize();
            if d.scale > MAX_FRACTION_DIGITS {
                return Err(NumberError::TooManyDecimals);
            }
            return d.checked_range();
        }
        let mut d = Decimal { units, scale };
        d.normalize();
        d.checked_range()
    }

    pub fn from_int(n: i64) -> Self {
        let mut d = Decimal {
            units: i128::from(n),
            scale: 0,
        };
        d.normalize();
        d
    }

    fn checked_range(self) -> Result<Self, NumberError> {
        let limit = MAX_MAGNITUDE.saturating_mul(pow10(self.scale));
        if self.units.abs() > limit {
            Err(NumberError::TooLarge)
        } else {
            Ok(self)
        }
    }

    fn normalize(&mut self) {
        while self.scale > 0 && self.units % 10 == 0 {
            self.units /= 10;
            self.scale -= 1;
        }
        if self.units == 0 {
            self.scale = 0;
        }
    }

    pub fn units(self) -> i128 {
        self.units
    }
    pub fn scale(self) -> u8 {
        self.scale
    }
    pub fn is_negative(self) -> bool {
        self.units < 0
    }
    pub fn is_whole(self) -> bool {
        self.scale == 0
    }

    /// The exact value as a rational number.
    pub fn to_rational(self) -> Rational {
        Rational::new(self.units, pow10(self.scale))
    }

    /// Machine form used in files: `-1234.5` (dot decimal, no grouping).
    pub fn to_plain_string(self) -> String {
        let mut out = String::new();
        if self.units < 0 {
            out.push('-');
        }
        let digits = self.units.unsigned_abs().to_string();
        let scale = usize::from(self.scale);
        if scale == 0 {
            out.push_str(&digits);
        } else if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            out.push_str(int);
            out.push('.');
            out.push_str(frac);
        } else {
            out.push_str("0.");
            out.push_str(&"0".repeat(scale - digits.len()));
            out.push_str(&digits);
        }
        out
    }

    /// Parses the machine form (`-1234.5`, also `1e3`-free plain JSON number text).
    pub fn parse_plain(s: &str) -> Result<Self, NumberError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(NumberError::Empty);
        }
        let (neg, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NumberError::NotANumber);
        }
        if body.contains('.') && (frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit())) {
            return Err(NumberError::NotANumber);
        }
        Self::from_digits(neg, int, frac)
    }

    fn from_digits(neg: bool, int: &str, frac: &str) -> Result<Self, NumberError> {
        let frac_trimmed = frac.trim_end_matches('0');
        if frac_trimmed.len() > usize::from(MAX_FRACTION_DIGITS) {
            return Err(NumberError::TooManyDecimals);
        }
        let int_trimmed = int.trim_start_matches('0');
        if int_trimmed.len() > 16 {
            return Err(NumberError::TooLarge);
        }
        let mut units: i128 = 0;
        for b in int_trimmed.bytes().chain(frac_trimmed.bytes()) {
            units = units * 10 + i128::from(b - b'0');
        }
        if neg {
            units = -units;
        }
        // frac_trimmed.len() <= 4 so the cast cannot truncate.
        Decimal::new(units, frac_trimmed.len() as u8)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_plain_string())
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        self.to_rational().cmp(&other.to_rational())
    }
}

fn pow10(n: u8) -> i128 {
    10i128.pow(u32::from(n))
}

/// Parses a number typed the Vietnamese way: `.` groups thousands, `,` is the decimal mark.
/// `9.156` is 9156, `124,5` is 124.5, `1.234.567,89` works, spaces and a trailing `%` are
/// ignored. A dot that cannot be a thousands separator (`9.15`, `99.8`) is refused as
/// ambiguous instead of being guessed.
pub fn parse_vi_number(input: &str) -> Result<Decimal, NumberError> {
    let cleaned: String = input
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if cleaned.is_empty() {
        return Err(NumberError::Empty);
    }
    let (neg, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    if body.matches(',').count() > 1 {
        return Err(NumberError::NotANumber);
    }
    let (int, frac) = match body.split_once(',') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    if body.contains(',') && (frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit())) {
        return Err(NumberError::NotANumber);
    }
    let groups: Vec<&str> = int.split('.').collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        // `.5`, `5.` or letters
        if groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
            return Err(NumberError::AmbiguousGrouping);
        }
        return Err(NumberError::NotANumber);
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return Err(NumberError::AmbiguousGrouping);
    }
    let int_digits: String = groups.concat();
    Decimal::from_digits(neg, &int_digits, frac)
}

/// Parses a count of items (dossiers, procedures, times): a whole, non-negative number.
pub fn parse_vi_count(input: &str) -> Result<u64, NumberError> {
    let d = parse_vi_number(input)?;
    if d.is_negative() {
        return Err(NumberError::Negative);
    }
    if !d.is_whole() {
        return Err(NumberError::NotWhole);
    }
    u64::try_from(d.units()).map_err(|_| NumberError::TooLarge)
}

/// Groups the digits of a whole number with dots: `17087` → `17.087`.
pub fn group_thousands(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// Formats a count: `17087` → `17.087`.
pub fn format_count(n: u64) -> String {
    group_thousands(u128::from(n))
}

/// An exact fraction `num / den` with `den > 0`, kept reduced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rational {
    num: i128,
    den: i128,
}

impl Rational {
    /// `num / den`; a zero or negative denominator is normalised (zero becomes 0/1: callers
    /// must treat a zero denominator as "not applicable" before dividing).
    pub fn new(num: i128, den: i128) -> Self {
        if den == 0 {
            return Rational { num: 0, den: 1 };
        }
        let (mut num, mut den) = if den < 0 { (-num, -den) } else { (num, den) };
        let g = gcd(num.unsigned_abs(), den.unsigned_abs());
        if g > 1 {
            // g divides both, and fits i128 because it is at most |den|.
            let g = g as i128;
            num /= g;
            den /= g;
        }
        Rational { num, den }
    }
    pub fn from_int(n: i128) -> Self {
        Rational { num: n, den: 1 }
    }
    /// `part / whole × 100`, the percentage of a ratio. `whole` must be non-zero.
    pub fn percent(part: u64, whole: u64) -> Self {
        Rational::new(i128::from(part) * 100, i128::from(whole))
    }
    pub fn num(self) -> i128 {
        self.num
    }
    pub fn den(self) -> i128 {
        self.den
    }
    pub fn is_negative(self) -> bool {
        self.num < 0
    }
    /// `self − other`, exactly (falls back to an approximation only far outside the accepted range).
    pub fn minus(self, other: Rational) -> Rational {
        match (
            self.num.checked_mul(other.den),
            other.num.checked_mul(self.den),
            self.den.checked_mul(other.den),
        ) {
            (Some(a), Some(b), Some(d)) => match a.checked_sub(b) {
                Some(n) => Rational::new(n, d),
                None => Rational::from_f64(self.to_f64() - other.to_f64()),
            },
            _ => Rational::from_f64(self.to_f64() - other.to_f64()),
        }
    }
    /// `self + other`, exactly (falls back to an approximation only far outside the accepted range).
    pub fn plus(self, other: Rational) -> Rational {
        self.minus(Rational::new(-other.num, other.den))
    }
    /// `self × other`, exactly (falls back to an approximation only far outside the accepted range).
    pub fn times(self, other: Rational) -> Rational {
        match (
            self.num.checked_mul(other.num),
            self.den.checked_mul(other.den),
        ) {
            (Some(n), Some(d)) => Rational::new(n, d),
            _ => Rational::from_f64(self.to_f64() * other.to_f64()),
        }
    }
    pub fn abs(self) -> Rational {
        Rational {
            num: self.num.abs(),
            den: self.den,
        }
    }
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
    fn from_f64(v: f64) -> Rational {
        // Only reached on overflow of values far outside the accepted range.
        Rational::new((v * 10_000.0).round() as i128, 10_000)
    }

    /// Rounds half away from zero to `digits` decimals and returns (negative, int, frac digits).
    fn rounded_parts(self, digits: u8) -> (bool, u128, String) {
        let scale = pow10(digits) as u128;
        let n = self.num.unsigned_abs();
        let d = self.den.unsigned_abs();
        let scaled = n.saturating_mul(scale);
        let mut q = scaled / d;
        let r = scaled % d;
        if r.saturating_mul(2) >= d {
            q += 1;
        }
        let int = q / scale;
        let frac = q % scale;
        let frac_str = if digits == 0 {
            String::new()
        } else {
            format!("{:0width$}", frac, width = usize::from(digits))
        };
        (self.num < 0 && q != 0, int, frac_str)
    }

    /// Vietnamese display: `53,58`, `17.087`, trailing zeros after the comma trimmed when
    /// `trim` is set (`124,5`, `90`).
    pub fn format_vi(self, digits: u8, trim: bool) -> String {
        let (neg, int, frac) = self.rounded_parts(digits);
        let frac = if trim {
            frac.trim_end_matches('0').to_string()
        } else {
            frac
        };
        let mut out = String::new();
        if neg {
            out.push('-');
        }
        out.push_str(&group_thousands(int));
        if !frac.is_empty() {
            out.push(',');
            out.push_str(&frac);
        }
        out
    }
}

impl PartialOrd for Rational {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Rational {
    fn cmp(&self, other: &Self) -> Ordering {
        match (
            self.num.checked_mul(other.den),
            other.num.checked_mul(self.den),
        ) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self
                .to_f64()
                .partial_cmp(&other.to_f64())
                .unwrap_or(Ordering::Equal),
        }
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

/// Formats an entered decimal the Vietnamese way, exactly (`124,5`, `1.234.567`).
pub fn format_decimal(d: Decimal) -> String {
    d.to_rational().format_vi(d.scale(), true)
}

/// Formats a percentage with two decimals: `53,58%`.
pub fn format_percent(r: Rational) -> String {
    format!("{}%", r.format_vi(2, false))
}

/// A whole, non-negative count (of dossiers, procedures, times), written in files as a JSON
/// integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Count(pub u64);

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse_plain(s).unwrap()
    }

    #[test]
    fn parses_vietnamese_numbers() {
        assert_eq!(parse_vi_number("9.156"), Ok(d("9156")));
        assert_eq!(parse_vi_number("17.087"), Ok(d("17087")));
        assert_eq!(parse_vi_number("124,5"), Ok(d("124.5")));
        assert_eq!(parse_vi_number("1.234.567,89"), Ok(d("1234567.89")));
        assert_eq!(parse_vi_number(" 98,97 % "), Ok(d("98.97")));
        assert_eq!(parse_vi_number("1.500"), Ok(d("1500")));
        assert_eq!(parse_vi_number("-5"), Ok(d("-5")));
        assert_eq!(parse_vi_number("0,5"), Ok(d("0.5")));
    }

    #[test]
    fn refuses_ambiguous_or_bad_numbers() {
        assert_eq!(parse_vi_number("9.15"), Err(NumberError::AmbiguousGrouping));
        assert_eq!(parse_vi_number("99.8"), Err(NumberError::AmbiguousGrouping));
        assert_eq!(
            parse_vi_number("1234.567"),
            Err(NumberError::AmbiguousGrouping)
        );
        assert_eq!(parse_vi_number(""), Err(NumberError::Empty));
        assert_eq!(parse_vi_number("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_vi_number("1,2,3"), Err(NumberError::NotANumber));
        assert_eq!(
            parse_vi_number("1,23456"),
            Err(NumberError::TooManyDecimals)
        );
        assert_eq!(
            parse_vi_number("99999999999999999999"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(parse_vi_count("-3"), Err(NumberError::Negative));
        assert_eq!(parse_vi_count("2,5"), Err(NumberError::NotWhole));
        assert_eq!(parse_vi_count("17.087"), Ok(17087));
    }

    #[test]
    fn formats_the_vietnamese_way() {
        assert_eq!(format_percent(Rational::percent(9156, 17087)), "53,58%");
        assert_eq!(format_percent(Rational::percent(3518, 4118)), "85,43%");
        assert_eq!(format_count(17087), "17.087");
        assert_eq!(format_count(3136), "3.136");
        assert_eq!(format_decimal(d("124.5")), "124,5");
        assert_eq!(format_decimal(d("98.97")), "98,97");
        assert_eq!(format_decimal(d("1234567")), "1.234.567");
        assert_eq!(format_decimal(d("-0.5")), "-0,5");
    }

    #[test]
    fn compares_exactly_and_rounds_only_for_display() {
        // 89,996% shows as 90,00% but is below 90.
        let v = Rational::new(89_996, 1000);
        assert_eq!(format_percent(v), "90,00%");
        assert!(v < d("90").to_rational());
        assert_eq!(d("90.0"), d("90"));
        assert!(d("0.1") < d("0.11"));
    }

    #[test]
    fn plain_form_round_trips() {
        for s in ["0", "1", "-1", "0.0001", "123.45", "1000000000000000"] {
            assert_eq!(d(s).to_plain_string(), s);
        }
        assert!(Decimal::parse_plain("1e5").is_err());
        assert!(Decimal::parse_plain("NaN").is_err());
        assert!(Decimal::parse_plain("1.").is_err());
    }
}
