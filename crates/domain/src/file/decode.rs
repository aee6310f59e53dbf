//! Decoding: from text to a JSON value, and from the `plan` value of a file to a [`Plan`].
//!
//! The plan is built by walking the JSON tree ([`Json`], whose texts borrow from the file) by
//! hand, one function per part of the model,
//! mirroring [`super::encode`]. The walk stops at the first problem and reports it as a typed
//! [`ProblemKind`] at its exact place: the target (position, and id and label as the file has
//! them), the progress entry (position, id and date) and the path of the field inside it
//! (`reading.fields[1].figure.numerator`). The path costs nothing until a problem is found: it
//! is a chain of keys and positions on the stack, turned into text only then.
//!
//! The same rules hold everywhere:
//!
//! * a required key that is absent is [`ProblemKind::MissingField`];
//! * a value of the wrong JSON type is [`ProblemKind::WrongType`];
//! * a tag (`kind`, `type`, `unit`, `rule`, `shape`) or a name (area, level, period, …) outside
//!   its list is [`ProblemKind::UnknownValue`], with the list;
//! * a number, count or date that cannot be accepted is [`ProblemKind::BadValue`];
//! * optional texts, lists and objects may be absent but not `null`; optional dates and
//!   numbers may be absent or `null` (an optional date may also be `""`);
//! * keys the format does not know are kept, in the records that carry an [`Extra`] (plan,
//!   unit, reference, target, entry, task, shortened procedure), and ignored elsewhere.

use chrono::NaiveDate;
use serde_json::error::Category;
use serde_json::Value;

use crate::area::ReformArea;
use crate::date::parse_iso_date;
use crate::evaluation::Status;
use crate::extra::{
    Extra, ENTRY_KEYS, PLAN_KEYS, PROCEDURE_KEYS, REFERENCE_KEYS, SNAPSHOT_KEYS, TARGET_KEYS,
    TASK_KEYS, UNIT_KEYS,
};
use crate::index_standing::IndexStanding;
use crate::notes::Notes;
use crate::number::{Count, Decimal, NumberError, MAX_MAGNITUDE};
use crate::pacing::{Pace, PaceKind, PeriodTargets};
use crate::plan::{Plan, PlanId, PlanReference, PlanReporting, PlanSource, PlanStatus};
use crate::problem::ValueProblem;
use crate::progress::{EntryId, FieldFigure, Figure, ProgressEntry, Reading};
use crate::reporting_period::{Cutoffs, DayOfYear, ReportingPeriod};
use crate::snapshot::{FrozenFigure, Snapshot, SnapshotId};
use crate::target::{
    AboveRange, Comparator, Condition, Field, FieldId, Goal, Measure, Period, Target, TargetId,
    ValueUnit,
};
use crate::target_history::YearValue;
use crate::task::{Task, TaskId, TaskStage, TaskStatus};
use crate::template::TemplateMarker;
use crate::tracking::Tracking;
use crate::unit::{Unit, UnitLevel};
use crate::validate::{
    EntryAt, ItemAt, ItemKind, JsonType, Location, Problem, ProblemKind, TargetAt,
};
use crate::working_time::{ProcedureId, ShortenedProcedure};

use super::error::{ImportError, JsonFault};
use super::tree::{same_key, Json, Leaf, Object};

/// serde_json refuses the 128th nested list or object.
const MAX_NESTING: usize = 128;

/// Parses JSON text with serde_json (a leading byte-order mark must already be gone): what
/// [`super::tree::parse`] falls back on, for every error.
pub(crate) fn parse_json(text: &str) -> Result<Value, ImportError> {
    serde_json::from_str::<Value>(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let fault = if e.classify() == Category::Eof {
            JsonFault::EndedEarly
        } else if nesting_exceeded(text, line, column) {
            JsonFault::TooDeep
        } else {
            JsonFault::Syntax
        };
        ImportError::NotJson {
            line,
            column,
            fault,
        }
    })
}

/// Whether serde_json stopped (at 1-based `line` and `column`) because of its nesting limit.
/// The text before that place is valid JSON, so counting brackets outside strings up to it
/// is exact; reaching the limit there means the limit is what stopped the parser. (serde_json
/// tells the reason only in its English message, and formatting that message would bring
/// every message of serde_json and `std::io` into the bundle.)
fn nesting_exceeded(text: &str, line: usize, column: usize) -> bool {
    let start = match line {
        0 | 1 => 0,
        n => match text.match_indices('\n').nth(n - 2) {
            Some((i, _)) => i + 1,
            None => return false,
        },
    };
    let end = start.saturating_add(column).min(text.len());
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in text.as_bytes().get(..end).unwrap_or_default() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth >= MAX_NESTING {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Builds the plan from the `plan` value of a file (after migrations).
pub(crate) fn decode_plan(v: &Json) -> Result<Plan, ImportError> {
    plan(v).map_err(|p| ImportError::from(*p))
}

// ------------------------------------------------------------------------------------------
// Places and problems
// ------------------------------------------------------------------------------------------

/// Where the decoder is, relative to the innermost target or entry (or to the plan).
#[derive(Clone, Copy)]
enum Path<'a> {
    Here,
    Key(&'a Path<'a>, &'static str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn key(&'a self, key: &'static str) -> Path<'a> {
        Path::Key(self, key)
    }

    fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Here => {}
            Path::Key(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.write(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }

    /// `reading.fields[1].figure.numerator`
    fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// The first problem found, boxed: every `Result` in the walk carries it.
type Fault = Box<Problem>;
type Decoded<T> = Result<T, Fault>;

/// A problem at a path; the target and the entry are added as it travels up.
fn fault(p: &Path, kind: ProblemKind) -> Fault {
    Box::new(Problem {
        location: Location {
            field: p.text(),
            ..Location::default()
        },
        kind,
    })
}

fn wrong_type(p: &Path, expected: JsonType, v: &impl Leaf) -> Fault {
    fault(
        p,
        ProblemKind::WrongType {
            expected,
            found: v.json_type(),
        },
    )
}

/// A text of the file for the location of a problem: what it says if it is a string.
fn raw_text(v: &Json, key: &str) -> String {
    match v.get(key) {
        Some(Json::String(s)) => String::from(&**s),
        _ => String::new(),
    }
}

// ------------------------------------------------------------------------------------------
// Objects and leaves
// ------------------------------------------------------------------------------------------

/// A JSON object of the file, with its path.
struct Obj<'v, 'a, 'p> {
    map: &'v Object<'a>,
    path: &'p Path<'p>,
}

/// How a member is decoded, at its own path.
type Decode<T> = fn(&Json, &Path) -> Decoded<T>;

impl<'v, 'a, 'p> Obj<'v, 'a, 'p> {
    fn of(v: &'v Json<'a>, path: &'p Path<'p>) -> Decoded<Self> {
        match v {
            Json::Object(map) => Ok(Obj { map, path }),
            _ => Err(wrong_type(path, JsonType::Object, v)),
        }
    }

    /// A required member.
    fn get(&self, key: &'static str) -> Decoded<&'v Json<'a>> {
        self.map.get(key).ok_or_else(|| {
            fault(
                &self.path.key(key),
                ProblemKind::MissingField {
                    field: key.to_string(),
                },
            )
        })
    }

    /// A required member, decoded at its own path.
    fn req<T>(&self, key: &'static str, decode: Decode<T>) -> Decoded<T> {
        decode(self.get(key)?, &self.path.key(key))
    }

    /// A member that may be absent (it then takes its default value), but not `null`.
    fn or_default<T: Default>(&self, key: &'static str, decode: Decode<T>) -> Decoded<T> {
        match self.map.get(key) {
            None => Ok(T::default()),
            Some(v) => decode(v, &self.path.key(key)),
        }
    }

    /// A member that may be absent or `null`.
    fn opt<T>(&self, key: &'static str, decode: Decode<T>) -> Decoded<Option<T>> {
        match self.map.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => decode(v, &self.path.key(key)).map(Some),
        }
    }

    /// A date that may be absent, `null` or `""`.
    fn opt_date(&self, key: &'static str) -> Decoded<Option<NaiveDate>> {
        match self.map.get(key) {
            Some(Json::String(s)) if s.is_empty() => Ok(None),
            _ => self.opt(key, date),
        }
    }

    /// The members whose keys are not in `known`, kept as they are (in key order).
    fn extra(&self, known: &[&str]) -> Extra {
        Extra(
            self.map
                .iter()
                .filter(|(k, _)| !known.iter().any(|n| same_key(n, k)))
                .map(|(k, v)| (String::from(k), v.to_value()))
                .collect(),
        )
    }

    /// The tag of a tagged object: one of `names`.
    fn tag(&self, key: &'static str, names: &[&'static str]) -> Decoded<&'static str> {
        one_of(self.get(key)?, &self.path.key(key), names, |n| n)
    }
}

/// One of a list of things known by name (`all` in the order messages list them).
fn one_of<T: Copy>(v: &Json, p: &Path, all: &[T], name: fn(T) -> &'static str) -> Decoded<T> {
    let Json::String(s) = v else {
        return Err(wrong_type(p, JsonType::Text, v));
    };
    match all.iter().find(|t| same_key(name(**t), s)) {
        Some(t) => Ok(*t),
        None => Err(fault(
            p,
            ProblemKind::UnknownValue {
                found: String::from(&**s),
                allowed: all.iter().map(|t| name(*t).to_string()).collect(),
            },
        )),
    }
}

fn list<T>(v: &Json, p: &Path, item: fn(usize, &Json, &Path) -> Decoded<T>) -> Decoded<Vec<T>> {
    let Json::Array(items) = v else {
        return Err(wrong_type(p, JsonType::Array, v));
    };
    // Sized for the list at once (up to a bound: a hostile file's long list of anything
    // else must not reserve memory for as many plan items).
    let mut out = Vec::with_capacity(items.len().min(MAX_RESERVED_ITEMS));
    for (i, v) in items.iter().enumerate() {
        out.push(item(i, v, &p.index(i))?);
    }
    Ok(out)
}

/// The most items [`list`] reserves room for before reading them.
const MAX_RESERVED_ITEMS: usize = 256;

fn text(v: &Json, p: &Path) -> Decoded<String> {
    match v {
        Json::String(s) => Ok(String::from(&**s)),
        _ => Err(wrong_type(p, JsonType::Text, v)),
    }
}

fn date(v: &Json, p: &Path) -> Decoded<NaiveDate> {
    let Json::String(s) = v else {
        return Err(wrong_type(p, JsonType::Text, v));
    };
    parse_iso_date(s).map_err(|e| fault(p, ProblemKind::BadValue(e)))
}

fn decimal(v: &Json, p: &Path) -> Decoded<Decimal> {
    decimal_from_json(v).map_err(|e| fault(p, ProblemKind::BadValue(e)))
}

fn count(v: &Json, p: &Path) -> Decoded<Count> {
    count_from_json(v)
        .map(Count)
        .map_err(|e| fault(p, ProblemKind::BadValue(e)))
}

/// A decimal: a string in machine form (`"98.97"`), or a JSON number.
fn decimal_from_json(v: &impl Leaf) -> Result<Decimal, ValueProblem> {
    let number;
    let text = match (v.text(), v.number()) {
        (Some(s), _) => s,
        (None, Some(n)) => {
            number = n.to_string();
            number.as_str()
        }
        (None, None) => return Err(ValueProblem::NotANumber(v.excerpt(40))),
    };
    Decimal::parse_plain(text).map_err(|e| {
        let text = text.to_string();
        match e {
            NumberError::TooManyDecimals => ValueProblem::TooManyDecimals(text),
            NumberError::TooLarge => ValueProblem::NumberTooLarge(text),
            _ => ValueProblem::NotANumber(text),
        }
    })
}

/// A count: a non-negative JSON integer no larger than [`MAX_MAGNITUDE`]. A whole number
/// written with a fraction (`5.0`) is still that count.
fn count_from_json(v: &impl Leaf) -> Result<u64, ValueProblem> {
    let Some(n) = v.number() else {
        return Err(ValueProblem::NotANumber(v.excerpt(40)));
    };
    if let Some(u) = n.as_u64() {
        return if i128::from(u) > MAX_MAGNITUDE {
            Err(ValueProblem::NumberTooLarge(n.to_string()))
        } else {
            Ok(u)
        };
    }
    if n.as_i64().is_some() {
        return Err(ValueProblem::NegativeCount(n.to_string()));
    }
    // Not an integer JSON number: judge it by its shortest decimal text.
    let text = n.to_string();
    if text.starts_with('-') {
        return Err(ValueProblem::NegativeCount(text));
    }
    if let Some((_, exponent)) = text.split_once(['e', 'E']) {
        let huge = exponent
            .trim_start_matches('+')
            .parse::<i32>()
            .map_or(true, |e| e > 15);
        return Err(if huge {
            ValueProblem::NumberTooLarge(text)
        } else {
            ValueProblem::NotANumber(text)
        });
    }
    match Decimal::parse_plain(&text) {
        Ok(d) if d.is_whole() => u64::try_from(d.units())
            .ok()
            .filter(|u| i128::from(*u) <= MAX_MAGNITUDE)
            .ok_or(ValueProblem::NumberTooLarge(text)),
        Ok(_) => Err(ValueProblem::FractionalCount(text)),
        Err(crate::number::NumberError::TooManyDecimals) => {
            Err(ValueProblem::FractionalCount(text))
        }
        Err(crate::number::NumberError::TooLarge) => Err(ValueProblem::NumberTooLarge(text)),
        Err(_) => Err(ValueProblem::NotANumber(text)),
    }
}

// ------------------------------------------------------------------------------------------
// The plan, part by part, in the order of `docs/plan-file-format.md`
// ------------------------------------------------------------------------------------------

const GOAL_KINDS: &[&str] = &["single", "compound", "milestone", "free_text"];
/// The `type` of a measure and of a figure.
const RATIO_OR_VALUE: &[&str] = &["ratio", "value"];
const VALUE_UNITS: &[&str] = &ValueUnit::NAMES;
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
const SHAPES: &[&str] = &["single", "per_field", "pair", "milestone", "text"];

// Each `match` on a tag below ends with `_` for the last name of its list.

fn plan(v: &Json) -> Decoded<Plan> {
    let o = Obj::of(v, &Path::Here)?;
    Ok(Plan {
        id: PlanId(o.req("id", text)?),
        unit: o.req("unit", unit)?,
        year: o.req("year", |v, p| year(v, p))?,
        revision: o.req("revision", revision)?,
        status: o.req("status", |v, p| {
            one_of(v, p, &PlanStatus::ALL, PlanStatus::as_str)
        })?,
        reference: o.or_default("reference", reference)?,
        notes: o.or_default("notes", notes)?,
        sources: o.or_default("sources", |v, p| list(v, p, source))?,
        template: o.or_default("template", |v, p| template_marker(v, p).map(Some))?,
        targets: o.or_default("targets", |v, p| list(v, p, target))?,
        tasks: o.or_default("tasks", |v, p| list(v, p, task))?,
        shortened_procedures: o.or_default("shortenedProcedures", |v, p| list(v, p, procedure))?,
        reporting: PlanReporting {
            cutoffs: o.or_default("reportingCutoffs", cutoffs)?,
            snapshots: o.or_default("snapshots", |v, p| list(v, p, snapshot))?,
        },
        extra: o.extra(PLAN_KEYS),
    })
}

fn unit(v: &Json, p: &Path) -> Decoded<Unit> {
    let o = Obj::of(v, p)?;
    let (superior_id, superior) = o.or_default("superior", superior)?;
    Ok(Unit {
        id: o.or_default("id", text)?,
        name: o.req("name", text)?,
        level: o.req("level", |v, p| {
            one_of(v, p, &UnitLevel::ALL, UnitLevel::as_str)
        })?,
        superior,
        superior_id,
        extra: o.extra(UNIT_KEYS),
    })
}

/// The superior unit `{"id": …, "name": …}`, as (id, name).
fn superior(v: &Json, p: &Path) -> Decoded<(String, String)> {
    let o = Obj::of(v, p)?;
    Ok((o.or_default("id", text)?, o.or_default("name", text)?))
}

fn source(_: usize, v: &Json, p: &Path) -> Decoded<PlanSource> {
    let o = Obj::of(v, p)?;
    Ok(PlanSource {
        plan: PlanId(o.req("plan", text)?),
        unit: o.or_default("unit", text)?,
        unit_id: o.or_default("unitId", text)?,
        revision: o.req("revision", revision)?,
        content_hash: o.or_default("contentHash", text)?,
    })
}

/// The marker of a template file: `{"id": …, "version": …, "name": …}`.
fn template_marker(v: &Json, p: &Path) -> Decoded<TemplateMarker> {
    let o = Obj::of(v, p)?;
    Ok(TemplateMarker {
        id: o.req("id", text)?,
        version: o.req("version", |v, p| {
            positive_u32(v).ok_or_else(|| {
                fault(
                    p,
                    ProblemKind::BadTemplateVersion {
                        found: v.excerpt(40),
                    },
                )
            })
        })?,
        name: o.or_default("name", text)?,
    })
}

fn boolean(v: &Json, p: &Path) -> Decoded<bool> {
    match v {
        Json::Bool(b) => Ok(*b),
        _ => Err(wrong_type(p, JsonType::Boolean, v)),
    }
}

/// A whole number from 1 that fits in 32 bits.
fn positive_u32(v: &Json) -> Option<u32> {
    v.as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n >= 1)
}

fn notes(v: &Json, p: &Path) -> Decoded<Notes> {
    let o = Obj::of(v, p)?;
    Ok(Notes {
        internal: o.or_default("internal", text)?,
        for_superior: o.or_default("forSuperior", text)?,
    })
}

/// A revision: a whole number from 1 that fits in 32 bits.
fn revision(v: &Json, p: &Path) -> Decoded<u32> {
    positive_u32(v).ok_or_else(|| {
        fault(
            p,
            ProblemKind::BadRevision {
                found: v.excerpt(40),
            },
        )
    })
}

fn year(v: &impl Leaf, p: &Path) -> Decoded<i32> {
    if let Some(n) = v.number() {
        if let Some(y) = n.as_i64() {
            return i32::try_from(y).map_err(|_| fault(p, ProblemKind::YearOutOfRange { year: y }));
        }
        if n.as_u64().is_some() {
            return Err(fault(p, ProblemKind::YearOutOfRange { year: i64::MAX }));
        }
    }
    Err(wrong_type(p, JsonType::WholeNumber, v))
}

fn reference(v: &Json, p: &Path) -> Decoded<PlanReference> {
    let o = Obj::of(v, p)?;
    Ok(PlanReference {
        number: o.or_default("number", text)?,
        issued_on: o.opt_date("issuedOn")?,
        date_note: o.or_default("dateNote", text)?,
        extra: o.extra(REFERENCE_KEYS),
    })
}

/// Target `i`: its fields are located relative to it, and the target by its position, id
/// and label as the file has them (even when they are what is wrong).
fn target(i: usize, v: &Json, _: &Path) -> Decoded<Target> {
    target_fields(v).map_err(|mut f| {
        f.location.target = Some(TargetAt {
            index: i,
            id: raw_text(v, "id"),
            label: raw_text(v, "label"),
        });
        f
    })
}

fn target_fields(v: &Json) -> Decoded<Target> {
    let o = Obj::of(v, &Path::Here)?;
    Ok(Target {
        id: TargetId(o.req("id", text)?),
        area: o.req("area", |v, p| {
            one_of(v, p, &ReformArea::ALL, ReformArea::as_str)
        })?,
        label: o.req("label", text)?,
        goal: o.req("goal", goal)?,
        parent: o.opt("parent", text)?.map(TargetId),
        suggested: o.or_default("suggested", boolean)?,
        tracking: Tracking {
            pace: o.opt("pace", |v, p| {
                one_of(v, p, &PaceKind::ALL, PaceKind::as_str)
            })?,
            period_targets: o.or_default("periodTargets", period_targets)?,
            history: o.or_default("previousYears", |v, p| list(v, p, year_value))?,
            standing: o.opt("standing", standing)?,
        },
        entries: o.or_default("entries", |v, p| list(v, p, entry))?,
        notes: o.or_default("notes", notes)?,
        extra: o.extra(TARGET_KEYS),
    })
}

// Reporting periods, pacing and snapshots (docs/periods-and-pacing.md).

fn cutoffs(v: &Json, p: &Path) -> Decoded<Cutoffs> {
    let o = Obj::of(v, p)?;
    let base = Cutoffs::default();
    let mut out = base;
    for (key, period) in CUTOFF_KEYS {
        if let Some(day) = o.opt(key, day_of_year)? {
            out = out.with(period, day);
        }
    }
    Ok(out)
}

/// The keys of `reportingCutoffs` and `periodTargets`, and the report each names.
const CUTOFF_KEYS: [(&str, ReportingPeriod); 4] = [
    ("firstQuarter", ReportingPeriod::FirstQuarter),
    ("sixMonths", ReportingPeriod::SixMonths),
    ("thirdQuarter", ReportingPeriod::ThirdQuarter),
    ("year", ReportingPeriod::Year),
];

fn day_of_year(v: &Json, p: &Path) -> Decoded<DayOfYear> {
    let Json::String(s) = v else {
        return Err(wrong_type(p, JsonType::Text, v));
    };
    DayOfYear::from_file_text(s).ok_or_else(|| {
        fault(
            p,
            ProblemKind::BadDayOfYear {
                found: s.chars().take(20).collect(),
            },
        )
    })
}

fn period_targets(v: &Json, p: &Path) -> Decoded<PeriodTargets> {
    let o = Obj::of(v, p)?;
    let mut out = PeriodTargets::default();
    for (key, period) in &CUTOFF_KEYS[..3] {
        out.set(*period, o.opt(key, decimal)?);
    }
    Ok(out)
}

fn year_value(_: usize, v: &Json, p: &Path) -> Decoded<YearValue> {
    let o = Obj::of(v, p)?;
    Ok(YearValue {
        year: o.req("year", |v, p| year(v, p))?,
        value: o.req("value", decimal)?,
    })
}

fn standing(v: &Json, p: &Path) -> Decoded<IndexStanding> {
    let o = Obj::of(v, p)?;
    let whole = |v: &Json, p: &Path| -> Decoded<u32> {
        count(v, p).and_then(|c| {
            u32::try_from(c.0).map_err(|_| {
                fault(
                    p,
                    ProblemKind::BadValue(ValueProblem::NumberTooLarge(v.excerpt(40))),
                )
            })
        })
    };
    Ok(IndexStanding {
        position: o.req("position", whole)?,
        of: o.req("of", whole)?,
        previous_position: o.opt("previousPosition", whole)?,
    })
}

fn snapshot(i: usize, v: &Json, _: &Path) -> Decoded<Snapshot> {
    located(ItemKind::Snapshot, "period", i, v, snapshot_fields)
}

fn snapshot_fields(v: &Json) -> Decoded<Snapshot> {
    let o = Obj::of(v, &Path::Here)?;
    Ok(Snapshot {
        id: SnapshotId(o.req("id", text)?),
        period: o.req("period", |v, p| {
            one_of(v, p, &ReportingPeriod::ALL, ReportingPeriod::as_str)
        })?,
        taken_on: o.req("takenOn", date)?,
        figures: o.or_default("figures", |v, p| list(v, p, frozen_figure))?,
        extra: o.extra(SNAPSHOT_KEYS),
    })
}

fn frozen_figure(_: usize, v: &Json, p: &Path) -> Decoded<FrozenFigure> {
    let o = Obj::of(v, p)?;
    Ok(FrozenFigure {
        target: TargetId(o.req("target", text)?),
        label: o.or_default("label", text)?,
        entry: match o.get("entry") {
            Ok(Json::Null) | Err(_) => None,
            Ok(e) => Some(entry_fields(e).map_err(|mut f| {
                f.location.field = format!("{}.entry.{}", p.text(), f.location.field);
                f
            })?),
        },
        status: o.req("status", |v, p| one_of(v, p, &Status::ALL, Status::as_str))?,
        pace: o.req("pace", |v, p| one_of(v, p, &Pace::ALL, Pace::key))?,
    })
}

/// Item `i` of the plan's tasks or shortened procedures (`kind`): its fields are located
/// relative to it, and the item by its position, id and name (`name_key`) as the file has
/// them.
fn located<T>(
    kind: ItemKind,
    name_key: &str,
    i: usize,
    v: &Json,
    fields: fn(&Json) -> Decoded<T>,
) -> Decoded<T> {
    fields(v).map_err(|mut f| {
        f.location.item = Some(ItemAt {
            kind,
            index: i,
            id: raw_text(v, "id"),
            name: raw_text(v, name_key),
        });
        f
    })
}

fn task(i: usize, v: &Json, _: &Path) -> Decoded<Task> {
    located(ItemKind::Task, "title", i, v, task_fields)
}

fn task_fields(v: &Json) -> Decoded<Task> {
    let o = Obj::of(v, &Path::Here)?;
    let stage = o
        .opt("status", |v, p| {
            one_of(v, p, &TaskStage::ALL, TaskStage::as_str)
        })?
        .unwrap_or(TaskStage::NotStarted);
    Ok(Task {
        id: TaskId(o.req("id", text)?),
        title: o.req("title", text)?,
        department: o.or_default("department", text)?,
        deadline: o.opt_date("deadline")?,
        output: o.or_default("output", text)?,
        status: match stage {
            TaskStage::NotStarted => TaskStatus::NotStarted,
            TaskStage::InProgress => TaskStatus::InProgress,
            TaskStage::Done => TaskStatus::Done {
                on: o.req("doneOn", date)?,
            },
        },
        targets: o.or_default("targets", |v, p| {
            list(v, p, |_, v, p| text(v, p).map(TargetId))
        })?,
        extra: o.extra(TASK_KEYS),
    })
}

fn procedure(i: usize, v: &Json, _: &Path) -> Decoded<ShortenedProcedure> {
    located(ItemKind::Procedure, "name", i, v, procedure_fields)
}

fn procedure_fields(v: &Json) -> Decoded<ShortenedProcedure> {
    let o = Obj::of(v, &Path::Here)?;
    Ok(ShortenedProcedure {
        id: ProcedureId(o.req("id", text)?),
        name: o.req("name", text)?,
        standard_days: o.req("standardDays", decimal)?,
        new_days: o.req("newDays", decimal)?,
        extra: o.extra(PROCEDURE_KEYS),
    })
}

fn goal(v: &Json, p: &Path) -> Decoded<Goal> {
    let o = Obj::of(v, p)?;
    Ok(match o.tag("kind", GOAL_KINDS)? {
        "single" => Goal::Single {
            condition: o.req("condition", condition)?,
            breakdown: o.or_default("breakdown", |v, p| list(v, p, field))?,
        },
        "compound" => Goal::Compound {
            first: o.req("first", condition)?,
            second: o.req("second", condition)?,
        },
        "milestone" => Goal::Milestone {
            deadline: o.opt_date("deadline")?,
        },
        _ => Goal::FreeText,
    })
}

fn field(_: usize, v: &Json, p: &Path) -> Decoded<Field> {
    let o = Obj::of(v, p)?;
    Ok(Field {
        id: FieldId(o.req("id", text)?),
        name: o.req("name", text)?,
    })
}

fn condition(v: &Json, p: &Path) -> Decoded<Condition> {
    let o = Obj::of(v, p)?;
    Ok(Condition {
        label: o.or_default("label", text)?,
        measure: o.req("measure", measure)?,
        comparator: o.req("comparator", comparator)?,
    })
}

fn measure(v: &Json, p: &Path) -> Decoded<Measure> {
    let o = Obj::of(v, p)?;
    Ok(match o.tag("type", RATIO_OR_VALUE)? {
        "ratio" => Measure::Ratio {
            numerator: o.or_default("numerator", text)?,
            denominator: o.or_default("denominator", text)?,
        },
        _ => Measure::Value {
            unit: match o.tag("unit", VALUE_UNITS)? {
                "count" => ValueUnit::Count {
                    noun: o.or_default("noun", text)?,
                },
                // The tag is one of VALUE_UNITS, so a name without a noun always matches.
                name => ValueUnit::from_name(name, String::new()).unwrap_or(ValueUnit::Percent),
            },
        },
    })
}

fn comparator(v: &Json, p: &Path) -> Decoded<Comparator> {
    let o = Obj::of(v, p)?;
    Ok(match o.tag("rule", RULES)? {
        "above" => Comparator::Above {
            threshold: o.req("threshold", decimal)?,
        },
        "at_least" => Comparator::AtLeast {
            threshold: o.req("threshold", decimal)?,
        },
        "at_most" => Comparator::AtMost {
            threshold: o.req("threshold", decimal)?,
        },
        "below" => Comparator::Below {
            threshold: o.req("threshold", decimal)?,
        },
        "range" => Comparator::Range {
            min: o.req("min", decimal)?,
            max: o.req("max", decimal)?,
            above: o.or_default("above", |v, p| {
                one_of(v, p, &AboveRange::ALL, AboveRange::as_str)
            })?,
        },
        "reduce_to" => Comparator::ReduceTo {
            low: o.req("low", decimal)?,
            high: o.req("high", decimal)?,
        },
        "all_items" => Comparator::AllItems,
        "per_period" => Comparator::PerPeriod {
            min: o.req("min", decimal)?,
            period: o.req("period", |v, p| one_of(v, p, &Period::ALL, Period::as_str))?,
        },
        _ => Comparator::HigherThanPrevious {
            previous: o.opt("previous", decimal)?,
        },
    })
}

/// Entry `j` of a target: its fields are located relative to it, and the entry by its
/// position, id and date as the file has them (the date only when it is a real one).
fn entry(j: usize, v: &Json, _: &Path) -> Decoded<ProgressEntry> {
    entry_fields(v).map_err(|mut f| {
        f.location.entry = Some(EntryAt {
            index: j,
            id: raw_text(v, "id"),
            date: match v.get("date") {
                Some(Json::String(s)) => parse_iso_date(s).ok(),
                _ => None,
            },
        });
        f
    })
}

fn entry_fields(v: &Json) -> Decoded<ProgressEntry> {
    let o = Obj::of(v, &Path::Here)?;
    Ok(ProgressEntry {
        id: EntryId(o.req("id", text)?),
        date: o.req("date", date)?,
        reading: o.req("reading", reading)?,
        comment: o.or_default("comment", text)?,
        extra: o.extra(ENTRY_KEYS),
    })
}

fn reading(v: &Json, p: &Path) -> Decoded<Reading> {
    let o = Obj::of(v, p)?;
    Ok(match o.tag("shape", SHAPES)? {
        "single" => Reading::Single {
            figure: o.req("figure", figure)?,
        },
        "per_field" => Reading::PerField {
            fields: o.req("fields", |v, p| list(v, p, field_figure))?,
        },
        "pair" => Reading::Pair {
            first: o.req("first", figure)?,
            second: o.req("second", figure)?,
        },
        "milestone" => Reading::Milestone {
            done_on: o.opt_date("doneOn")?,
            evidence: o.or_default("evidence", text)?,
        },
        _ => Reading::Text {
            text: o.req("text", text)?,
        },
    })
}

fn field_figure(_: usize, v: &Json, p: &Path) -> Decoded<FieldFigure> {
    let o = Obj::of(v, p)?;
    Ok(FieldFigure {
        field: FieldId(o.req("field", text)?),
        figure: o.req("figure", figure)?,
    })
}

fn figure(v: &Json, p: &Path) -> Decoded<Figure> {
    let o = Obj::of(v, p)?;
    Ok(match o.tag("type", RATIO_OR_VALUE)? {
        "ratio" => Figure::Ratio {
            numerator: o.req("numerator", count)?,
            denominator: o.req("denominator", count)?,
        },
        _ => Figure::Value {
            value: o.req("value", decimal)?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_read_like_the_file() {
        let here = Path::Here;
        let reading = here.key("reading");
        let fields = reading.key("fields");
        let one = fields.index(1);
        assert_eq!(one.key("figure").text(), "reading.fields[1].figure");
        assert_eq!(here.text(), "");
        assert_eq!(here.index(0).text(), "[0]");
    }

    #[test]
    fn counts_from_files() {
        assert_eq!(count_from_json(&json!(17087)), Ok(17087));
        assert_eq!(count_from_json(&json!(5.0)), Ok(5));
        assert_eq!(count_from_json(&json!(0)), Ok(0));
        assert!(matches!(
            count_from_json(&json!(-3)),
            Err(ValueProblem::NegativeCount(_))
        ));
        assert!(matches!(
            count_from_json(&json!(-3.5)),
            Err(ValueProblem::NegativeCount(_))
        ));
        assert!(matches!(
            count_from_json(&json!(2.5)),
            Err(ValueProblem::FractionalCount(_))
        ));
        assert!(matches!(
            count_from_json(&json!(1e300)),
            Err(ValueProblem::NumberTooLarge(_))
        ));
        assert!(matches!(
            count_from_json(&json!(1_000_000_000_000_001u64)),
            Err(ValueProblem::NumberTooLarge(_))
        ));
        assert_eq!(
            count_from_json(&json!("12")),
            Err(ValueProblem::NotANumber("\"12\"".into()))
        );
        assert_eq!(
            count_from_json(&json!(null)),
            Err(ValueProblem::NotANumber("null".into()))
        );
    }

    #[test]
    fn decimals_from_files() {
        let d = |v: Value| decimal_from_json(&v).map(Decimal::to_plain_string);
        assert_eq!(d(json!("98.97")), Ok("98.97".into()));
        assert_eq!(d(json!(98.97)), Ok("98.97".into()));
        assert_eq!(d(json!(-5)), Ok("-5".into()));
        assert_eq!(d(json!("90.00")), Ok("90".into()));
        assert_eq!(
            d(json!("1.23456")),
            Err(ValueProblem::TooManyDecimals("1.23456".into()))
        );
        assert_eq!(
            d(json!("9.156,5")),
            Err(ValueProblem::NotANumber("9.156,5".into()))
        );
        assert_eq!(d(json!(true)), Err(ValueProblem::NotANumber("true".into())));
        assert_eq!(
            d(json!({"a": "x".repeat(50)})),
            Err(ValueProblem::NotANumber(format!(
                "{{\"a\":\"{}…",
                "x".repeat(33)
            )))
        );
    }

    #[test]
    fn years() {
        let p = Path::Here;
        assert_eq!(year(&json!(2019), &p).ok(), Some(2019));
        assert_eq!(year(&json!(-1), &p).ok(), Some(-1));
        let kind = |v: Value| year(&v, &p).map_err(|f| f.kind).err();
        assert_eq!(
            kind(json!(3_000_000_000i64)),
            Some(ProblemKind::YearOutOfRange {
                year: 3_000_000_000
            })
        );
        assert_eq!(
            kind(json!(u64::MAX)),
            Some(ProblemKind::YearOutOfRange { year: i64::MAX })
        );
        assert_eq!(
            kind(json!(2019.5)),
            Some(ProblemKind::WrongType {
                expected: JsonType::WholeNumber,
                found: JsonType::Number
            })
        );
    }

    #[test]
    fn nesting_is_told_from_other_syntax_errors() {
        let fault = |text: &str| match parse_json(text) {
            Err(ImportError::NotJson { fault, .. }) => Some(fault),
            _ => None,
        };
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert_eq!(fault(&deep(127)), None);
        assert_eq!(fault(&deep(128)), Some(JsonFault::TooDeep));
        // Brackets inside strings do not count, on any line.
        let quoted = format!("{{\n\"a\": \"{}\",\n\"b\": x}}", "[".repeat(300));
        assert_eq!(fault(&quoted), Some(JsonFault::Syntax));
        let escaped = format!("[\"\\\"{}\", x]", "[".repeat(300));
        assert_eq!(fault(&escaped), Some(JsonFault::Syntax));
        // A syntax error before the nesting gets deep is a syntax error.
        let early = format!("[x{}", "[".repeat(300));
        assert_eq!(fault(&early), Some(JsonFault::Syntax));
        let lines = format!("{{\"a\":\n1,\n\"b\": {}", "[\n".repeat(200));
        assert_eq!(fault(&lines), Some(JsonFault::TooDeep));
        assert_eq!(fault("[1,"), Some(JsonFault::EndedEarly));
    }
}
