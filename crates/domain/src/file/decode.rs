//! Decoding: from text to a JSON value, and from the `plan` value of a file to a [`Plan`],
//! turning every failure into a typed problem with the place where it occurred.
//!
//! The plan is always built by serde from the model's own `Deserialize` implementations, so
//! the decoder can never accept anything the model would not. When serde refuses, two things
//! locate the problem:
//!
//! 1. `serde_path_to_error` gives the path serde had reached. It stops at internally tagged
//!    enums (`goal`, `reading`, …), because serde buffers their content before decoding it.
//! 2. A walker that knows the file's schema checks the raw JSON and lists every structural
//!    problem with its full path (`targets[2].entries[0].reading.figure.numerator`). The first
//!    of them that lies under serde's path is the one reported; if none does (the walker and
//!    the model disagree), serde's own path and message are used.
//!
//! Paths are then turned into a [`Location`] naming the target (position and label, read
//! from the raw JSON), the entry (position and date) and the field.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::area::ReformArea;
use crate::date::parse_iso_date;
use crate::number::{Count, Decimal};
use crate::plan::Plan;
use crate::problem::ValueProblem;
use crate::target::Period;
use crate::unit::UnitLevel;
use crate::validate::{EntryAt, JsonType, Location, ProblemKind, TargetAt};

use super::error::{ImportError, JsonFault};

/// Parses JSON text (a leading byte-order mark must already be gone).
pub(crate) fn parse_json(text: &str) -> Result<Value, ImportError> {
    serde_json::from_str::<Value>(text).map_err(|e| {
        let fault = if e.classify() == serde_json::error::Category::Eof {
            JsonFault::EndedEarly
        } else if e.to_string().starts_with("recursion limit exceeded") {
            JsonFault::TooDeep
        } else {
            JsonFault::Syntax
        };
        ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            fault,
        }
    })
}

/// Builds the plan from the `plan` value of a file (after migrations).
pub(crate) fn decode_plan(plan: &Value) -> Result<Plan, ImportError> {
    let err = match serde_path_to_error::deserialize::<_, Plan>(plan) {
        Ok(p) => return Ok(p),
        Err(e) => e,
    };
    let anchor = segments_of(err.path());
    let mut found = Vec::new();
    walk_plan(plan, &mut found);
    let (path, kind) = match found.into_iter().find(|f| f.path.starts_with(&anchor)) {
        Some(f) => (f.path, f.kind),
        None => {
            let message = err.inner().to_string();
            let (extra, kind) = classify(&message);
            let mut path = anchor;
            if let Some(field) = extra {
                path.push(Seg::Key(field));
            }
            (path, kind)
        }
    };
    Err(ImportError::Invalid {
        location: Box::new(location_of(plan, &path)),
        kind,
    })
}

/// One step of a path in the JSON of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

fn segments_of(path: &serde_path_to_error::Path) -> Vec<Seg> {
    use serde_path_to_error::Segment;
    let mut out = Vec::new();
    for s in path.iter() {
        match s {
            Segment::Seq { index } => out.push(Seg::Index(*index)),
            Segment::Map { key } => out.push(Seg::Key(key.clone())),
            Segment::Enum { variant } => out.push(Seg::Key(variant.clone())),
            Segment::Unknown => break,
        }
    }
    out
}

/// Turns serde's message into a problem. Returns the name of a missing field separately,
/// since serde reports it at the enclosing object.
fn classify(message: &str) -> (Option<String>, ProblemKind) {
    if let Some(p) = ValueProblem::from_message(message) {
        return (None, ProblemKind::BadValue(p));
    }
    // serde_json adds a position to messages from text; values read from a `Value` have none.
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    if let Some(rest) = message.strip_prefix("missing field `") {
        if let Some(name) = rest.strip_suffix('`') {
            return (
                Some(name.to_string()),
                ProblemKind::MissingField {
                    field: name.to_string(),
                },
            );
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((found, expected)) = rest.split_once('`') {
            let allowed = expected
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect();
            return (
                None,
                ProblemKind::UnknownValue {
                    found: found.to_string(),
                    allowed,
                },
            );
        }
    }
    (
        None,
        ProblemKind::Structure {
            detail: message.to_string(),
        },
    )
}

/// Names the place of a path: target and entry from the raw JSON, and the rest as a field.
pub(crate) fn location_of(plan: &Value, path: &[Seg]) -> Location {
    let mut loc = Location::default();
    let mut rest = path;
    if let [Seg::Key(k), Seg::Index(i), tail @ ..] = rest {
        if k == "targets" {
            let raw = plan.get("targets").and_then(|t| t.get(*i));
            loc.target = Some(TargetAt {
                index: *i,
                id: raw_text(raw, "id"),
                label: raw_text(raw, "label"),
            });
            rest = tail;
            if let [Seg::Key(k), Seg::Index(j), tail @ ..] = rest {
                if k == "entries" {
                    let raw = raw.and_then(|t| t.get("entries")).and_then(|e| e.get(*j));
                    loc.entry = Some(EntryAt {
                        index: *j,
                        id: raw_text(raw, "id"),
                        date: raw_date(raw),
                    });
                    rest = tail;
                }
            }
        }
    }
    loc.field = path_text(rest);
    loc
}

fn raw_text(raw: Option<&Value>, key: &str) -> String {
    match raw.and_then(|v| v.get(key)) {
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    }
}

fn raw_date(raw: Option<&Value>) -> Option<NaiveDate> {
    match raw.and_then(|v| v.get("date")) {
        Some(Value::String(s)) => parse_iso_date(s).ok(),
        _ => None,
    }
}

/// `reading.fields[1].figure.numerator`
pub(crate) fn path_text(path: &[Seg]) -> String {
    let mut out = String::new();
    for s in path {
        match s {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

// ------------------------------------------------------------------------------------------
// The schema walker. It mirrors the model's serde shape: required fields, optional fields
// (absent is fine, `null` only for `Option`s), tags of internally tagged enums, and leaves
// decoded with the model's own deserializers. It never builds anything.
// ------------------------------------------------------------------------------------------

struct Found {
    path: Vec<Seg>,
    kind: ProblemKind,
}

type Check = Result<(), Found>;

const GOAL_KINDS: &[&str] = &["single", "compound", "milestone", "free_text"];
const MEASURE_TYPES: &[&str] = &["ratio", "value"];
const VALUE_UNITS: &[&str] = &["percent", "count", "days", "hours", "money", "points"];
const RULES: &[&str] = &[
    "above",
    "at_least",
    "at_most",
    "below",
    "range",
    "reduce_to",
    "all_items",
    "per_period",
    "higher_than_previous",
];
const ABOVE_RANGE: &[&str] = &["met_exceeded", "out_of_range"];
const SHAPES: &[&str] = &["single", "per_field", "pair", "milestone", "text"];
const FIGURE_TYPES: &[&str] = &["ratio", "value"];

fn at(path: &[Seg], key: &str) -> Vec<Seg> {
    let mut p = path.to_vec();
    p.push(Seg::Key(key.to_string()));
    p
}

fn at_index(path: &[Seg], i: usize) -> Vec<Seg> {
    let mut p = path.to_vec();
    p.push(Seg::Index(i));
    p
}

fn problem(path: &[Seg], kind: ProblemKind) -> Found {
    Found {
        path: path.to_vec(),
        kind,
    }
}

fn wrong_type(path: &[Seg], expected: JsonType, v: &Value) -> Found {
    problem(
        path,
        ProblemKind::WrongType {
            expected,
            found: JsonType::of(v),
        },
    )
}

fn object<'v>(v: &'v Value, path: &[Seg]) -> Result<&'v Map<String, Value>, Found> {
    v.as_object()
        .ok_or_else(|| wrong_type(path, JsonType::Object, v))
}

fn array<'v>(v: &'v Value, path: &[Seg]) -> Result<&'v Vec<Value>, Found> {
    v.as_array()
        .ok_or_else(|| wrong_type(path, JsonType::Array, v))
}

fn required<'v>(m: &'v Map<String, Value>, key: &str, path: &[Seg]) -> Result<&'v Value, Found> {
    m.get(key).ok_or_else(|| {
        problem(
            &at(path, key),
            ProblemKind::MissingField {
                field: key.to_string(),
            },
        )
    })
}

fn text(v: &Value, path: &[Seg]) -> Check {
    if v.is_string() {
        Ok(())
    } else {
        Err(wrong_type(path, JsonType::Text, v))
    }
}

fn required_text(m: &Map<String, Value>, key: &str, path: &[Seg]) -> Check {
    text(required(m, key, path)?, &at(path, key))
}

/// A `#[serde(default)] String`: may be absent, but not `null`.
fn optional_text(m: &Map<String, Value>, key: &str, path: &[Seg]) -> Check {
    match m.get(key) {
        None => Ok(()),
        Some(v) => text(v, &at(path, key)),
    }
}

/// An `Option<String>`: absent, `null` or text.
fn nullable_text(m: &Map<String, Value>, key: &str, path: &[Seg]) -> Check {
    match m.get(key) {
        None | Some(Value::Null) => Ok(()),
        Some(v) => text(v, &at(path, key)),
    }
}

fn choice(v: &Value, path: &[Seg], allowed: &[&str]) -> Check {
    let s = v
        .as_str()
        .ok_or_else(|| wrong_type(path, JsonType::Text, v))?;
    if allowed.contains(&s) {
        Ok(())
    } else {
        Err(problem(
            path,
            ProblemKind::UnknownValue {
                found: s.to_string(),
                allowed: allowed.iter().map(|a| a.to_string()).collect(),
            },
        ))
    }
}

/// The tag of an internally tagged enum.
fn tag<'v>(
    m: &'v Map<String, Value>,
    key: &str,
    path: &[Seg],
    allowed: &[&str],
) -> Result<&'v str, Found> {
    let v = required(m, key, path)?;
    let p = at(path, key);
    choice(v, &p, allowed)?;
    v.as_str().ok_or_else(|| wrong_type(&p, JsonType::Text, v))
}

/// A leaf decoded by the model's own deserializer.
fn leaf<'v, T: Deserialize<'v>>(v: &'v Value, path: &[Seg]) -> Check {
    T::deserialize(v)
        .map(|_| ())
        .map_err(|e| problem(path, classify(&e.to_string()).1))
}

fn decimal(m: &Map<String, Value>, key: &str, path: &[Seg]) -> Check {
    leaf::<Decimal>(required(m, key, path)?, &at(path, key))
}

fn count(m: &Map<String, Value>, key: &str, path: &[Seg]) -> Check {
    leaf::<Count>(required(m, key, path)?, &at(path, key))
}

fn date(v: &Value, path: &[Seg]) -> Check {
    let s = v
        .as_str()
        .ok_or_else(|| wrong_type(path, JsonType::Text, v))?;
    parse_iso_date(s)
        .map(|_| ())
        .map_err(|p| problem(path, ProblemKind::BadValue(p)))
}

/// An optional date: absent, `null`, `""` or an ISO date.
fn optional_date(m: &Map<String, Value>, key: &str, path: &[Seg]) -> Check {
    match m.get(key) {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(s)) if s.is_empty() => Ok(()),
        Some(v) => date(v, &at(path, key)),
    }
}

fn keep(out: &mut Vec<Found>, check: Check) {
    if let Err(f) = check {
        out.push(f);
    }
}

fn walk_plan(v: &Value, out: &mut Vec<Found>) {
    let root: Vec<Seg> = Vec::new();
    let m = match object(v, &root) {
        Ok(m) => m,
        Err(f) => return out.push(f),
    };
    keep(out, plan_head(m, &root));
    let Some(targets) = m.get("targets") else {
        return;
    };
    let tpath = at(&root, "targets");
    let targets = match array(targets, &tpath) {
        Ok(t) => t,
        Err(f) => return out.push(f),
    };
    for (i, t) in targets.iter().enumerate() {
        let p = at_index(&tpath, i);
        keep(out, target_head(t, &p));
        let Some(entries) = t.get("entries") else {
            continue;
        };
        let epath = at(&p, "entries");
        match array(entries, &epath) {
            Ok(entries) => {
                for (j, e) in entries.iter().enumerate() {
                    keep(out, entry(e, &at_index(&epath, j)));
                }
            }
            Err(f) => out.push(f),
        }
    }
}

fn plan_head(m: &Map<String, Value>, p: &[Seg]) -> Check {
    required_text(m, "id", p)?;
    let up = at(p, "unit");
    let unit = object(required(m, "unit", p)?, &up)?;
    required_text(unit, "name", &up)?;
    let levels: Vec<&str> = UnitLevel::ALL.iter().map(|l| l.as_str()).collect();
    choice(required(unit, "level", &up)?, &at(&up, "level"), &levels)?;
    optional_text(unit, "superior", &up)?;
    year(required(m, "year", p)?, &at(p, "year"))?;
    if let Some(r) = m.get("reference") {
        let rp = at(p, "reference");
        let r = object(r, &rp)?;
        optional_text(r, "number", &rp)?;
        optional_date(r, "issued_on", &rp)?;
        optional_text(r, "date_note", &rp)?;
    }
    Ok(())
}

fn year(v: &Value, p: &[Seg]) -> Check {
    match v {
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(y), _) if i32::try_from(y).is_ok() => Ok(()),
            (Some(y), _) => Err(problem(p, ProblemKind::YearOutOfRange { year: y })),
            (None, Some(_)) => Err(problem(p, ProblemKind::YearOutOfRange { year: i64::MAX })),
            (None, None) => Err(wrong_type(p, JsonType::WholeNumber, v)),
        },
        _ => Err(wrong_type(p, JsonType::WholeNumber, v)),
    }
}

fn target_head(v: &Value, p: &[Seg]) -> Check {
    let m = object(v, p)?;
    required_text(m, "id", p)?;
    let areas: Vec<&str> = ReformArea::ALL.iter().map(|a| a.as_str()).collect();
    choice(required(m, "area", p)?, &at(p, "area"), &areas)?;
    required_text(m, "label", p)?;
    goal(required(m, "goal", p)?, &at(p, "goal"))?;
    nullable_text(m, "parent", p)?;
    Ok(())
}

fn goal(v: &Value, p: &[Seg]) -> Check {
    let m = object(v, p)?;
    match tag(m, "kind", p, GOAL_KINDS)? {
        "single" => {
            condition(required(m, "condition", p)?, &at(p, "condition"))?;
            if let Some(b) = m.get("breakdown") {
                let bp = at(p, "breakdown");
                for (k, f) in array(b, &bp)?.iter().enumerate() {
                    let fp = at_index(&bp, k);
                    let fm = object(f, &fp)?;
                    required_text(fm, "id", &fp)?;
                    required_text(fm, "name", &fp)?;
                }
            }
            Ok(())
        }
        "compound" => {
            condition(required(m, "first", p)?, &at(p, "first"))?;
            condition(required(m, "second", p)?, &at(p, "second"))
        }
        "milestone" => optional_date(m, "deadline", p),
        _ => Ok(()),
    }
}

fn condition(v: &Value, p: &[Seg]) -> Check {
    let m = object(v, p)?;
    optional_text(m, "label", p)?;
    measure(required(m, "measure", p)?, &at(p, "measure"))?;
    comparator(required(m, "comparator", p)?, &at(p, "comparator"))
}

fn measure(v: &Value, p: &[Seg]) -> Check {
    let m = object(v, p)?;
    match tag(m, "type", p, MEASURE_TYPES)? {
        "ratio" => {
            optional_text(m, "numerator", p)?;
            optional_text(m, "denominator", p)
        }
        _ => {
            let up = at(p, "unit");
            let u = object(required(m, "unit", p)?, &up)?;
            if tag(u, "unit", &up, VALUE_UNITS)? == "count" {
                optional_text(u, "noun", &up)?;
            }
            Ok(())
        }
    }
}

fn comparator(v: &Value, p: &[Seg]) -> Check {
    let m = object(v, p)?;
    match tag(m, "rule", p, RULES)? {
        "above" | "at_least" | "at_most" | "below" => decimal(m, "threshold", p),
        "range" => {
            decimal(m, "min", p)?;
            decimal(m, "max", p)?;
            match m.get("above") {
                Some(a) => choice(a, &at(p, "above"), ABOVE_RANGE),
                None => Ok(()),
            }
        }
        "reduce_to" => {
            decimal(m, "low", p)?;
            decimal(m, "high", p)
        }
        "per_period" => {
            decimal(m, "min", p)?;
            let periods: Vec<&str> = Period::ALL.iter().map(|x| x.as_str()).collect();
            choice(required(m, "period", p)?, &at(p, "period"), &periods)
        }
        "higher_than_previous" => match m.get("previous") {
            None | Some(Value::Null) => Ok(()),
            Some(prev) => leaf::<Decimal>(prev, &at(p, "previous")),
        },
        _ => Ok(()),
    }
}

fn entry(v: &Value, p: &[Seg]) -> Check {
    let m = object(v, p)?;
    required_text(m, "id", p)?;
    date(required(m, "date", p)?, &at(p, "date"))?;
    reading(required(m, "reading", p)?, &at(p, "reading"))?;
    optional_text(m, "comment", p)
}

fn reading(v: &Value, p: &[Seg]) -> Check {
    let m = object(v, p)?;
    match tag(m, "shape", p, SHAPES)? {
        "single" => figure(required(m, "figure", p)?, &at(p, "figure")),
        "per_field" => {
            let fp = at(p, "fields");
            for (k, f) in array(required(m, "fields", p)?, &fp)?.iter().enumerate() {
                let kp = at_index(&fp, k);
                let fm = object(f, &kp)?;
                required_text(fm, "field", &kp)?;
                figure(required(fm, "figure", &kp)?, &at(&kp, "figure"))?;
            }
            Ok(())
        }
        "pair" => {
            figure(required(m, "first", p)?, &at(p, "first"))?;
            figure(required(m, "second", p)?, &at(p, "second"))
        }
        "milestone" => {
            optional_date(m, "done_on", p)?;
            optional_text(m, "evidence", p)
        }
        _ => required_text(m, "text", p),
    }
}

fn figure(v: &Value, p: &[Seg]) -> Check {
    let m = object(v, p)?;
    match tag(m, "type", p, FIGURE_TYPES)? {
        "ratio" => {
            count(m, "numerator", p)?;
            count(m, "denominator", p)
        }
        _ => decimal(m, "value", p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Figure, Reading};
    use crate::target::{Comparator, Goal, Measure, ValueUnit};

    // These matches have no wildcard: adding a variant to the model fails to compile here
    // until the walker's list of names learns it.
    fn goal_kind(g: &Goal) -> &'static str {
        match g {
            Goal::Single { .. }
            | Goal::Compound { .. }
            | Goal::Milestone { .. }
            | Goal::FreeText => g.kind_name(),
        }
    }
    fn rule(c: &Comparator) -> &'static str {
        match c {
            Comparator::Above { .. }
            | Comparator::AtLeast { .. }
            | Comparator::AtMost { .. }
            | Comparator::Below { .. }
            | Comparator::Range { .. }
            | Comparator::ReduceTo { .. }
            | Comparator::AllItems
            | Comparator::PerPeriod { .. }
            | Comparator::HigherThanPrevious { .. } => c.rule_name(),
        }
    }
    fn shape(r: &Reading) -> usize {
        match r {
            Reading::Single { .. }
            | Reading::PerField { .. }
            | Reading::Pair { .. }
            | Reading::Milestone { .. }
            | Reading::Text { .. } => SHAPES.len(),
        }
    }
    fn figure_type(f: &Figure) -> usize {
        match f {
            Figure::Ratio { .. } | Figure::Value { .. } => FIGURE_TYPES.len(),
        }
    }
    fn measure_type(m: &Measure) -> usize {
        match m {
            Measure::Ratio { .. } | Measure::Value { .. } => MEASURE_TYPES.len(),
        }
    }
    fn value_unit(u: &ValueUnit) -> usize {
        match u {
            ValueUnit::Percent
            | ValueUnit::Count { .. }
            | ValueUnit::Days
            | ValueUnit::Hours
            | ValueUnit::Money
            | ValueUnit::Points => VALUE_UNITS.len(),
        }
    }

    #[test]
    fn walker_names_match_the_model() {
        let d = Decimal::ZERO;
        for c in [
            Comparator::Above { threshold: d },
            Comparator::AtLeast { threshold: d },
            Comparator::AtMost { threshold: d },
            Comparator::Below { threshold: d },
            Comparator::Range {
                min: d,
                max: d,
                above: Default::default(),
            },
            Comparator::ReduceTo { low: d, high: d },
            Comparator::AllItems,
            Comparator::PerPeriod {
                min: d,
                period: Period::Year,
            },
            Comparator::HigherThanPrevious { previous: None },
        ] {
            assert!(RULES.contains(&rule(&c)));
            let json = serde_json::to_value(&c).unwrap();
            assert_eq!(json["rule"], rule(&c));
        }
        assert_eq!(RULES.len(), 9);
        assert!(GOAL_KINDS.contains(&goal_kind(&Goal::FreeText)));
        assert_eq!(
            shape(&Reading::Text {
                text: String::new()
            }),
            5
        );
        assert_eq!(figure_type(&Figure::Value { value: d }), 2);
        assert_eq!(
            measure_type(&Measure::Value {
                unit: ValueUnit::Days
            }),
            2
        );
        assert_eq!(value_unit(&ValueUnit::Money), 6);
        for u in [
            ValueUnit::Percent,
            ValueUnit::Count {
                noun: String::new(),
            },
            ValueUnit::Days,
            ValueUnit::Hours,
            ValueUnit::Money,
            ValueUnit::Points,
        ] {
            let json = serde_json::to_value(&u).unwrap();
            assert!(VALUE_UNITS.contains(&json["unit"].as_str().unwrap()));
        }
    }

    #[test]
    fn classifies_serde_messages() {
        assert_eq!(
            classify("missing field `label`"),
            (
                Some("label".into()),
                ProblemKind::MissingField {
                    field: "label".into()
                }
            )
        );
        assert_eq!(
            classify("unknown variant `x`, expected `a` or `b`").1,
            ProblemKind::UnknownValue {
                found: "x".into(),
                allowed: vec!["a".into(), "b".into()]
            }
        );
        assert_eq!(
            classify("@cchc:negative-count|-3").1,
            ProblemKind::BadValue(ValueProblem::NegativeCount("-3".into()))
        );
        assert!(matches!(
            classify("invalid type: null, expected a string at line 1 column 2").1,
            ProblemKind::Structure { detail } if detail == "invalid type: null, expected a string"
        ));
    }

    #[test]
    fn paths_read_like_the_file() {
        let p = vec![
            Seg::Key("reading".into()),
            Seg::Key("fields".into()),
            Seg::Index(1),
            Seg::Key("figure".into()),
        ];
        assert_eq!(path_text(&p), "reading.fields[1].figure");
    }
}
