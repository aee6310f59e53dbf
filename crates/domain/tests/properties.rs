//! Property tests of the plan file codec (`proptest`):
//!
//! * **round trip**: any valid plan, exported then imported (`import_text`, `import_bytes`,
//!   `read_stored_plan`), comes back equal, with a content hash that checks, and exporting it
//!   again gives the same bytes;
//! * **fingerprint and content hash**: changing any single leaf of a plan (a text, a number,
//!   a count, a date, a name from a list, the variant of a tagged value, one element of a
//!   list, a note, an unknown key kept from a file) changes [`plan_fingerprint`] and
//!   [`content_hash`], unless the change leaves the plan equal;
//! * **damage is detected**: changing any leaf, key or member of an exported file's `plan`
//!   without computing the hash again makes the import fail with `Damaged { Mismatch }`;
//! * **no panic**: random bytes, exports with random byte edits, random JSON trees built from
//!   the format's own keys and tags, and valid files with one random subtree replaced (with
//!   the hash left as it was or computed again), all import without panicking; whatever is
//!   accepted is valid and round-trips.
//!
//! Valid plans are built valid by construction (every goal, comparator, measure, unit,
//! reading and figure variant; every status, revisions from 1 to `u32::MAX`, notes, unit and
//! superior codes, tasks (every status, linked to the plan's targets) and shortened
//! procedures, and unknown keys with any JSON value in the seven objects that keep them;
//! Vietnamese and hostile text; decimals within [`MAX_FRACTION_DIGITS`] and
//! [`MAX_MAGNITUDE`]; ratios with numerator ≤ denominator; real dates in 1990–2100; unique ids;
//! per-field readings naming breakdown fields once; readings shaped by their goal), and the
//! round-trip property asserts that `validate_plan` agrees.
//!
//! Each property runs proptest's default 256 cases. For a deep run:
//!
//! ```sh
//! PROPTEST_CASES=10000 cargo test -p cchc-domain --test properties
//! ```

use std::collections::{BTreeSet, HashSet};

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::{select, subsequence, Index};
use proptest::strategy::Union;
use proptest::test_runner::TestRunner;
use serde_json::{Map, Number, Value};

use cchc_domain::area::ReformArea;
use cchc_domain::extra::Extra;
use cchc_domain::file::{
    content_hash, content_hash_of_value, export_plan, import_bytes, import_text, plan_fingerprint,
    read_stored_plan, ExportMeta, HashFault, ImportError, FORMAT_ID, FORMAT_VERSION,
};
use cchc_domain::index_standing::IndexStanding;
use cchc_domain::letters::lowercase;
use cchc_domain::locale::Locale;
use cchc_domain::notes::Notes;
use cchc_domain::number::{Count, Decimal, MAX_FRACTION_DIGITS, MAX_MAGNITUDE};
use cchc_domain::pacing::{PaceKind, PeriodTargets};
use cchc_domain::plan::{Plan, PlanId, PlanReference, PlanStatus, MAX_PLAN_YEAR, MIN_PLAN_YEAR};
use cchc_domain::progress::{EntryId, FieldFigure, Figure, ProgressEntry, Reading};
use cchc_domain::reporting_period::{Cutoffs, DayOfYear, ReportingPeriod};
use cchc_domain::snapshot::{take_snapshot, SnapshotId};
use cchc_domain::target::{
    AboveRange, Comparator, Condition, Field, FieldId, Goal, Measure, Period, Target, TargetId,
    ValueUnit,
};
use cchc_domain::task::{Task, TaskId, TaskStatus};
use cchc_domain::template::TemplateMarker;
use cchc_domain::tracking::Tracking;
use cchc_domain::unit::{Unit, UnitLevel, LAST_DISTRICT_YEAR};
use cchc_domain::validate::validate_plan;
use cchc_domain::working_time::{ProcedureId, ShortenedProcedure};

// ------------------------------------------------------------------------------------------
// Text
// ------------------------------------------------------------------------------------------

const VIETNAMESE: &[&str] = &[
    "Tỷ lệ hồ sơ giải quyết đúng hạn",
    "Phường Bình Tân",
    "Ủy ban nhân dân tỉnh Đắk Lắk",
    "lĩnh vực Đất đai",
    "ĐẮK LẮK",
    "Chính quyền số",
    "ít nhất 40% … với từ 80% hài lòng",
    "hồ sơ",
    "39/KH-UBND-NV",
    "Nghị định 30/2020/NĐ-CP",
    "Ỹ ữ ằ ẩ ệ ộ ự Ơ Ư",
    "cuộc",
];

const HOSTILE: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script>",
    "\"quoted\"",
    "'single'",
    "back\\slash",
    "\\u0000",
    "\\\"",
    "\u{0}",
    "\u{1}\u{7}\u{8}\u{b}\u{c}\u{1f}\u{7f}",
    "\n\r\t",
    "\u{feff}",
    "\u{200b}\u{200d}",
    "\u{2028}\u{2029}",
    "\u{85}\u{a0}",
    "😀👍🏽🇻🇳👨‍👩‍👧",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "e\u{301}",
    "{\"format\":\"cchc-workbook/plan\"}",
    "]},{",
    "${x}",
    "%s%n",
    "null",
    "  ",
    "",
];

/// A piece of text: Vietnamese, hostile, arbitrary Unicode, or plain ASCII.
fn piece() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(VIETNAMESE).prop_map(String::from),
        3 => select(HOSTILE).prop_map(String::from),
        2 => any::<String>(),
        2 => "[a-zA-Z0-9 _-]{0,8}",
    ]
    .boxed()
}

/// Any text, possibly empty or blank.
fn text() -> BoxedStrategy<String> {
    prop::collection::vec(piece(), 0..4)
        .prop_map(|pieces| pieces.concat())
        .boxed()
}

/// A text with something in it besides white space (unit names, labels, field names, the
/// denominator of a sub-target).
fn nonblank() -> BoxedStrategy<String> {
    let solid: Vec<&'static str> = VIETNAMESE
        .iter()
        .chain(HOSTILE)
        .copied()
        .filter(|s| !s.trim().is_empty())
        .collect();
    (text(), select(solid), text())
        .prop_map(|(a, b, c)| format!("{a}{b}{c}"))
        .boxed()
}

/// Makes `s` differ from every member of `taken` (by `key`), by appending `~` as often as
/// needed, and records it.
fn make_unique(s: &mut String, taken: &mut HashSet<String>, key: fn(&str) -> String) {
    while !taken.insert(key(s)) {
        s.push('~');
    }
}

fn same(s: &str) -> String {
    s.to_string()
}

fn field_name_key(s: &str) -> String {
    lowercase(s.trim())
}

// ------------------------------------------------------------------------------------------
// Numbers and dates
// ------------------------------------------------------------------------------------------

fn pow10(n: u8) -> i128 {
    10i128.pow(u32::from(n))
}

/// A decimal in `0..=bound` (`bound` whole), with 0 to `MAX_FRACTION_DIGITS` decimals.
fn non_negative(bound: i128) -> BoxedStrategy<Decimal> {
    (0..=MAX_FRACTION_DIGITS)
        .prop_flat_map(move |scale| {
            let limit = bound * pow10(scale);
            let units = prop_oneof![
                1 => Just(0i128),
                1 => Just(limit),
                4 => 0..=limit.min(100_000),
                4 => 0..=limit,
            ];
            units.prop_map(move |u| Decimal::new(u, scale).expect("within range by construction"))
        })
        .boxed()
}

/// Any accepted decimal, negative ones included (a directly entered value).
fn any_decimal() -> BoxedStrategy<Decimal> {
    (non_negative(MAX_MAGNITUDE), any::<bool>())
        .prop_map(|(d, negative)| {
            if negative {
                Decimal::new(-d.units(), d.scale()).expect("the negation is in range too")
            } else {
                d
            }
        })
        .boxed()
}

fn count_value() -> BoxedStrategy<u64> {
    let max = u64::try_from(MAX_MAGNITUDE).expect("MAX_MAGNITUDE fits a u64");
    prop_oneof![
        1 => Just(0u64),
        1 => Just(max),
        4 => 0..=20u64,
        4 => 0..=100_000u64,
        4 => 0..=max,
    ]
    .boxed()
}

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(1990, 1, 1).expect("a real date")
}

/// A real calendar date in 1990–2100 (the years files accept).
fn date() -> BoxedStrategy<NaiveDate> {
    let last = NaiveDate::from_ymd_opt(2100, 12, 31).expect("a real date");
    let span = u64::try_from((last - first_day()).num_days()).expect("positive");
    // 2000-02-29 and 2020-02-29 are in the list on purpose: leap days.
    let special = [0u64, span, 3711, 10_651];
    prop_oneof![
        1 => select(special.to_vec()),
        6 => 0..=span,
    ]
    .prop_map(|d| {
        first_day()
            .checked_add_days(Days::new(d))
            .expect("within 1990–2100")
    })
    .boxed()
}

// ------------------------------------------------------------------------------------------
// What version 2 adds: revisions, statuses, notes, unknown keys
// ------------------------------------------------------------------------------------------

fn revision() -> BoxedStrategy<u32> {
    prop_oneof![
        1 => Just(1u32),
        1 => Just(u32::MAX),
        4 => 1..=20u32,
        2 => 1..=u32::MAX,
    ]
    .boxed()
}

fn status() -> BoxedStrategy<PlanStatus> {
    select(PlanStatus::ALL.to_vec()).boxed()
}

/// Notes: often none, sometimes one kind only.
fn notes() -> BoxedStrategy<Notes> {
    prop_oneof![
        2 => Just(Notes::default()),
        1 => (text(), text()).prop_map(|(internal, for_superior)| Notes { internal, for_superior }),
        1 => nonblank().prop_map(|internal| Notes { internal, for_superior: String::new() }),
        1 => nonblank().prop_map(|for_superior| Notes { internal: String::new(), for_superior }),
    ]
    .boxed()
}

// The keys each object that keeps unknown keys knows (an unknown key is none of them).
use cchc_domain::extra::{
    ENTRY_KEYS, PLAN_KEYS, PROCEDURE_KEYS, REFERENCE_KEYS, TARGET_KEYS, TASK_KEYS, UNIT_KEYS,
};

/// A finite number other than −0 (which equals 0 as a value but is written `-0.0`).
fn float() -> BoxedStrategy<f64> {
    prop_oneof![
        select(vec![
            1.5,
            0.25,
            1e-7,
            1e16,
            1.2345678901234568e29,
            -2.5e-300,
            f64::MAX,
            f64::MIN_POSITIVE
        ]),
        any::<f64>(),
    ]
    .prop_map(|f| if f == 0.0 || !f.is_finite() { 0.0 } else { f })
    .boxed()
}

/// Any JSON value a newer app might put under an unknown key.
fn extra_value() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        float().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((extra_key_name(), inner), 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

fn extra_key_name() -> BoxedStrategy<String> {
    prop_oneof![
        2 => select(vec![
            "approval", "weight", "Notes", "ID", "unitCode", "é", "__proto__", "", "x-y", "🙂",
            "revision2", "superiorCode", "contentHash", "format",
        ])
        .prop_map(String::from),
        1 => text(),
    ]
    .boxed()
}

/// Unknown keys of an object that knows `known`, as the reader keeps them: unique, in key
/// order.
fn extra(known: &'static [&'static str]) -> BoxedStrategy<Extra> {
    prop_oneof![
        2 => Just(Extra::default()),
        1 => prop::collection::btree_map(extra_key_name(), extra_value(), 1..4).prop_map(move |m| {
            Extra(m.into_iter().filter(|(k, _)| !known.contains(&k.as_str())).collect())
        }),
    ]
    .boxed()
}

// ------------------------------------------------------------------------------------------
// Valid plans, by construction
// ------------------------------------------------------------------------------------------

fn is_percentish(m: &Measure) -> bool {
    matches!(
        m,
        Measure::Ratio { .. }
            | Measure::Value {
                unit: ValueUnit::Percent
            }
    )
}

fn value_unit() -> BoxedStrategy<ValueUnit> {
    prop_oneof![
        Just(ValueUnit::Percent),
        text().prop_map(|noun| ValueUnit::Count { noun }),
        Just(ValueUnit::Days),
        Just(ValueUnit::Hours),
        Just(ValueUnit::Money),
        Just(ValueUnit::Points),
    ]
    .boxed()
}

/// A measure; a sub-target's ratio names its denominator.
fn measure(is_sub: bool) -> BoxedStrategy<Measure> {
    let denominator = if is_sub { nonblank() } else { text() };
    prop_oneof![
        (text(), denominator).prop_map(|(numerator, denominator)| Measure::Ratio {
            numerator,
            denominator
        }),
        value_unit().prop_map(|unit| Measure::Value { unit }),
    ]
    .boxed()
}

/// A rule that fits the measure: thresholds within 0–100 for a ratio or percentage, ordered
/// bounds, "every item" only for a ratio or percentage, "per period" only for a count.
fn comparator_for(m: &Measure) -> BoxedStrategy<Comparator> {
    let bound = if is_percentish(m) { 100 } else { MAX_MAGNITUDE };
    let th = move || non_negative(bound);
    let ordered = move || (th(), th()).prop_map(|(a, b)| (a.min(b), a.max(b)));
    let mut rules: Vec<BoxedStrategy<Comparator>> = vec![
        th().prop_map(|threshold| Comparator::Above { threshold })
            .boxed(),
        th().prop_map(|threshold| Comparator::AtLeast { threshold })
            .boxed(),
        th().prop_map(|threshold| Comparator::AtMost { threshold })
            .boxed(),
        th().prop_map(|threshold| Comparator::Below { threshold })
            .boxed(),
        (ordered(), select(AboveRange::ALL.to_vec()))
            .prop_map(|((min, max), above)| Comparator::Range { min, max, above })
            .boxed(),
        ordered()
            .prop_map(|(low, high)| Comparator::ReduceTo { low, high })
            .boxed(),
        proptest::option::of(th())
            .prop_map(|previous| Comparator::HigherThanPrevious { previous })
            .boxed(),
    ];
    if is_percentish(m) {
        rules.push(Just(Comparator::AllItems).boxed());
    }
    if matches!(
        m,
        Measure::Value {
            unit: ValueUnit::Count { .. }
        }
    ) {
        rules.push(
            (th(), select(Period::ALL.to_vec()))
                .prop_map(|(min, period)| Comparator::PerPeriod { min, period })
                .boxed(),
        );
    }
    Union::new(rules).boxed()
}

fn condition(is_sub: bool) -> BoxedStrategy<Condition> {
    measure(is_sub)
        .prop_flat_map(|m| (text(), comparator_for(&m), Just(m)))
        .prop_map(|(label, comparator, measure)| Condition {
            label,
            measure,
            comparator,
        })
        .boxed()
}

/// Breakdown fields with unique ids and unique, non-blank names (compared as the validator
/// does: trimmed, in lower case).
fn breakdown() -> BoxedStrategy<Vec<Field>> {
    prop::collection::vec((text(), nonblank()), 0..5)
        .prop_map(|raw| {
            let (mut ids, mut names) = (HashSet::new(), HashSet::new());
            raw.into_iter()
                .map(|(mut id, mut name)| {
                    make_unique(&mut id, &mut ids, same);
                    make_unique(&mut name, &mut names, field_name_key);
                    Field {
                        id: FieldId(id),
                        name,
                    }
                })
                .collect()
        })
        .boxed()
}

fn goal(is_sub: bool) -> BoxedStrategy<Goal> {
    prop_oneof![
        4 => (condition(is_sub), breakdown())
            .prop_map(|(condition, breakdown)| Goal::Single { condition, breakdown }),
        3 => (condition(is_sub), condition(is_sub))
            .prop_map(|(first, second)| Goal::Compound { first, second }),
        1 => proptest::option::of(date()).prop_map(|deadline| Goal::Milestone { deadline }),
        1 => Just(Goal::FreeText),
    ]
    .boxed()
}

/// A figure of the measure's kind; a ratio's numerator is at most its denominator.
fn figure_for(m: &Measure) -> BoxedStrategy<Figure> {
    match m {
        Measure::Ratio { .. } => (count_value(), count_value())
            .prop_map(|(a, b)| Figure::Ratio {
                numerator: Count(a.min(b)),
                denominator: Count(a.max(b)),
            })
            .boxed(),
        Measure::Value { .. } => any_decimal()
            .prop_map(|value| Figure::Value { value })
            .boxed(),
    }
}

/// A reading of the shape the goal asks for.
fn reading_for(goal: &Goal) -> BoxedStrategy<Reading> {
    match goal {
        Goal::Single {
            condition,
            breakdown,
        } if breakdown.is_empty() => figure_for(&condition.measure)
            .prop_map(|figure| Reading::Single { figure })
            .boxed(),
        Goal::Single {
            condition,
            breakdown,
        } => {
            let measure = condition.measure.clone();
            let ids: Vec<FieldId> = breakdown.iter().map(|f| f.id.clone()).collect();
            let n = ids.len();
            subsequence(ids, 0..=n)
                .prop_shuffle()
                .prop_flat_map(move |ids| {
                    ids.into_iter()
                        .map(|field| {
                            figure_for(&measure).prop_map(move |figure| FieldFigure {
                                field: field.clone(),
                                figure,
                            })
                        })
                        .collect::<Vec<_>>()
                })
                .prop_map(|fields| Reading::PerField { fields })
                .boxed()
        }
        Goal::Compound { first, second } => {
            (figure_for(&first.measure), figure_for(&second.measure))
                .prop_map(|(first, second)| Reading::Pair { first, second })
                .boxed()
        }
        Goal::Milestone { .. } => (proptest::option::of(date()), text())
            .prop_map(|(done_on, evidence)| Reading::Milestone { done_on, evidence })
            .boxed(),
        Goal::FreeText => text().prop_map(|text| Reading::Text { text }).boxed(),
    }
}

/// A target's tracking, derived from a length drawn for it (so that the seeds kept in
/// properties.proptest-regressions still give the plans they gave).
fn tracking_from(n: usize) -> Tracking {
    let pace = [
        None,
        Some(PaceKind::Cumulative),
        Some(PaceKind::Rate),
        Some(PaceKind::NotPaced),
    ][n % 4];
    let mut period_targets = PeriodTargets::default();
    if n % 5 == 0 {
        period_targets.first_quarter = Some(Decimal::from_int(n as i64));
        period_targets.third_quarter = Some(Decimal::new(15, 1).unwrap());
    }
    let standing = (n % 3 == 1).then_some(IndexStanding {
        position: 1 + (n % 10) as u32,
        of: 63,
        previous_position: (n % 2 == 0).then_some(12),
    });
    Tracking {
        pace,
        period_targets,
        history: Vec::new(),
        standing,
    }
}

/// A target; its id is made unique and its parent set once the plan's targets are known.
fn target(is_sub: bool) -> BoxedStrategy<Target> {
    goal(is_sub)
        .prop_flat_map(|goal| {
            let entries = prop::collection::vec(
                (
                    text(),
                    date(),
                    reading_for(&goal),
                    text(),
                    extra(ENTRY_KEYS),
                ),
                0..4,
            );
            (
                (text(), select(ReformArea::ALL.to_vec()), nonblank()),
                entries,
                Just(goal),
                notes(),
                extra(TARGET_KEYS),
            )
        })
        .prop_map(|((id, area, label), raw_entries, goal, notes, extra)| {
            let mut ids = HashSet::new();
            let entries = raw_entries
                .into_iter()
                .map(|(mut id, date, reading, comment, extra)| {
                    make_unique(&mut id, &mut ids, same);
                    ProgressEntry {
                        id: EntryId(id),
                        date,
                        reading,
                        comment,
                        extra,
                    }
                })
                .collect();
            Target {
                id: TargetId(id),
                area,
                goal,
                parent: None,
                entries,
                notes,
                // From the label rather than a value of its own, so that the seeds kept in
                // properties.proptest-regressions still give the plans they gave.
                suggested: label.len() % 3 == 0,
                tracking: tracking_from(label.len()),
                label,
                extra,
            }
        })
        .boxed()
}

fn unit_and_year() -> BoxedStrategy<(Unit, i32)> {
    select(UnitLevel::ALL.to_vec())
        .prop_flat_map(|level| {
            let last = if level.exists_in(MAX_PLAN_YEAR) {
                MAX_PLAN_YEAR
            } else {
                LAST_DISTRICT_YEAR
            };
            (
                (text(), nonblank(), text(), text()),
                MIN_PLAN_YEAR..=last,
                Just(level),
                extra(UNIT_KEYS),
            )
        })
        .prop_map(|((id, name, superior, superior_id), year, level, extra)| {
            (
                Unit {
                    id,
                    name,
                    level,
                    superior,
                    superior_id,
                    extra,
                },
                year,
            )
        })
        .boxed()
}

fn reference() -> BoxedStrategy<PlanReference> {
    (
        text(),
        proptest::option::of(date()),
        text(),
        extra(REFERENCE_KEYS),
    )
        .prop_map(|(number, issued_on, date_note, extra)| PlanReference {
            number,
            issued_on,
            date_note,
            extra,
        })
        .boxed()
}

/// A task; its target links are set by [`plan_with`] from the plan's targets (indices).
fn task() -> BoxedStrategy<(Task, Vec<Index>)> {
    let status = prop_oneof![
        Just(TaskStatus::NotStarted),
        Just(TaskStatus::InProgress),
        date().prop_map(|on| TaskStatus::Done { on }),
    ];
    (
        (text(), nonblank(), text(), prop::option::of(date()), text()),
        status,
        prop::collection::vec(any::<Index>(), 0..3),
        extra(TASK_KEYS),
    )
        .prop_map(
            |((id, title, department, deadline, output), status, links, extra)| {
                (
                    Task {
                        id: TaskId(id),
                        title,
                        department,
                        deadline,
                        output,
                        status,
                        targets: Vec::new(),
                        extra,
                    },
                    links,
                )
            },
        )
        .boxed()
}

/// A shortened procedure: its new time the standard time, zero, or any decimal at most the
/// standard time.
fn shortened_procedure() -> BoxedStrategy<ShortenedProcedure> {
    (
        (text(), nonblank()),
        non_negative(MAX_MAGNITUDE),
        non_negative(MAX_MAGNITUDE),
        0..3u8,
        extra(PROCEDURE_KEYS),
    )
        .prop_map(|((id, name), standard_days, other, how, extra)| {
            let new_days = match how {
                0 => standard_days,
                1 => Decimal::ZERO,
                _ => other.min(standard_days),
            };
            ShortenedProcedure {
                id: ProcedureId(id),
                name,
                standard_days,
                new_days,
                extra,
            }
        })
        .boxed()
}

/// A valid plan of up to `max_targets` targets. Each target may be a sub-target of one made
/// before it (so the parents never form a loop); the targets are then put in a random order,
/// so a sub-target may also come before its parent.
fn plan_with(max_targets: usize) -> BoxedStrategy<Plan> {
    prop::collection::vec(any::<Option<Index>>(), 0..=max_targets)
        .prop_flat_map(|parents| {
            let targets: Vec<BoxedStrategy<Target>> = parents
                .iter()
                .enumerate()
                .map(|(i, p)| target(i > 0 && p.is_some()))
                .collect();
            (
                (text(), unit_and_year(), reference()),
                (revision(), status(), notes(), extra(PLAN_KEYS)),
                targets,
                Just(parents),
                any::<u64>(),
                (
                    prop::collection::vec(task(), 0..4),
                    prop::collection::vec(shortened_procedure(), 0..3),
                ),
            )
        })
        .prop_map(
            |(
                (id, (unit, year), reference),
                (revision, status, notes, extra),
                mut targets,
                parents,
                order,
                (tasks, mut shortened_procedures),
            )| {
                let mut ids = HashSet::new();
                for t in &mut targets {
                    make_unique(&mut t.id.0, &mut ids, same);
                }
                for (i, p) in parents.iter().enumerate() {
                    if let (true, Some(p)) = (i > 0, p) {
                        targets[i].parent = Some(targets[p.index(i)].id.clone());
                    }
                }
                // A deterministic shuffle driven by `order`.
                let mut seed = order;
                for i in (1..targets.len()).rev() {
                    seed = seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    let j = usize::try_from(seed >> 33).unwrap_or(0) % (i + 1);
                    targets.swap(i, j);
                }
                // One plan in five is a template (no progress), again without a value of its
                // own for the same reason.
                let template = (order % 5 == 0).then(|| {
                    for t in &mut targets {
                        t.entries.clear();
                    }
                    TemplateMarker {
                        id: format!("mau-{id}"),
                        version: u32::try_from(order >> 40).unwrap_or(1).max(1),
                        name: id.clone(),
                    }
                });
                // Tasks with unique ids, linked to targets of the plan only.
                let mut ids = HashSet::new();
                let tasks: Vec<Task> = tasks
                    .into_iter()
                    .map(|(mut task, links)| {
                        make_unique(&mut task.id.0, &mut ids, same);
                        if !targets.is_empty() {
                            task.targets =
                                links.iter().map(|l| l.get(&targets).id.clone()).collect();
                        }
                        task
                    })
                    .collect();
                let mut ids = HashSet::new();
                for p in &mut shortened_procedures {
                    make_unique(&mut p.id.0, &mut ids, same);
                }
                let mut plan = Plan {
                    id: PlanId(id),
                    unit,
                    year,
                    revision,
                    status,
                    reference,
                    notes,
                    sources: Vec::new(),
                    targets,
                    tasks,
                    shortened_procedures,
                    reporting: Default::default(),
                    extra,
                    template,
                };
                // Like the targets' tracking, derived from values already drawn.
                if revision % 3 == 0 {
                    plan.reporting.cutoffs = Cutoffs::default()
                        .with(ReportingPeriod::SixMonths, DayOfYear { month: 5, day: 31 });
                }
                if revision % 2 == 0 && plan.template.is_none() {
                    let taken_on = plan
                        .targets
                        .iter()
                        .filter_map(|t| t.latest_entry().map(|e| e.date))
                        .max()
                        .unwrap_or(NaiveDate::from_ymd_opt(2020, 6, 20).unwrap());
                    let cutoffs = plan.reporting.cutoffs;
                    let s = take_snapshot(
                        &plan,
                        &cutoffs,
                        ReportingPeriod::SixMonths,
                        taken_on,
                        SnapshotId("s1".into()),
                    );
                    plan.reporting.snapshots.push(s);
                }
                plan
            },
        )
        .boxed()
}

fn plan() -> BoxedStrategy<Plan> {
    plan_with(6)
}

fn meta() -> BoxedStrategy<ExportMeta> {
    prop_oneof![
        Just(ExportMeta {
            app_version: "0.1.0".into(),
            exported_at: "2026-11-23T09:30:00+07:00".into(),
        }),
        (text(), text()).prop_map(|(app_version, exported_at)| ExportMeta {
            app_version,
            exported_at
        }),
    ]
    .boxed()
}

/// A plan's variants, by name, to check the generator reaches every one.
fn variants(plan: &Plan, out: &mut BTreeSet<String>) {
    out.insert(format!("level:{}", plan.unit.level.as_str()));
    out.insert(format!("status:{}", plan.status.as_str()));
    if plan.revision == 1 {
        out.insert("revision:1".into());
    } else if plan.revision == u32::MAX {
        out.insert("revision:max".into());
    }
    let mut notes = |n: &Notes, at: &str| {
        match (n.internal.is_empty(), n.for_superior.is_empty()) {
            (false, false) => out.insert(format!("notes:{at}:both")),
            (false, true) => out.insert(format!("notes:{at}:internal")),
            (true, false) => out.insert(format!("notes:{at}:for_superior")),
            (true, true) => false,
        };
    };
    notes(&plan.notes, "plan");
    for t in &plan.targets {
        notes(&t.notes, "target");
    }
    if !plan.unit.id.is_empty() && !plan.unit.superior_id.is_empty() {
        out.insert("codes".into());
    }
    for (at, e) in [
        ("plan", &plan.extra),
        ("unit", &plan.unit.extra),
        ("reference", &plan.reference.extra),
    ] {
        if !e.is_empty() {
            out.insert(format!("extra:{at}"));
        }
    }
    for t in &plan.tasks {
        out.insert(format!("task:{}", t.status.stage().as_str()));
        if t.deadline.is_none() {
            out.insert("task:no_deadline".into());
        }
        if !t.targets.is_empty() {
            out.insert("task:linked".into());
        }
        if !t.extra.is_empty() {
            out.insert("extra:task".into());
        }
    }
    for p in &plan.shortened_procedures {
        out.insert(if p.new_days < p.standard_days {
            "procedure:shortened".into()
        } else {
            "procedure:unchanged".into()
        });
        if !p.extra.is_empty() {
            out.insert("extra:procedure".into());
        }
    }
    for t in &plan.targets {
        if !t.extra.is_empty() {
            out.insert("extra:target".into());
        }
        if t.entries.iter().any(|e| !e.extra.is_empty()) {
            out.insert("extra:entry".into());
        }
    }
    if plan.reference.issued_on.is_none() {
        out.insert("issued_on:none".into());
    }
    for t in &plan.targets {
        out.insert(format!("goal:{}", t.goal.kind_name()));
        if t.parent.is_some() {
            out.insert("parent".into());
        }
        let conditions: Vec<&Condition> = match &t.goal {
            Goal::Single {
                condition,
                breakdown,
            } => {
                if !breakdown.is_empty() {
                    out.insert("breakdown".into());
                }
                vec![condition]
            }
            Goal::Compound { first, second } => vec![first, second],
            _ => vec![],
        };
        for c in conditions {
            out.insert(format!("rule:{}", c.comparator.rule_name()));
            out.insert(match &c.measure {
                Measure::Ratio { .. } => "measure:ratio".to_string(),
                Measure::Value { unit } => format!("unit:{}", unit.as_str()),
            });
        }
        for e in &t.entries {
            let figures = match &e.reading {
                Reading::Single { figure } => {
                    out.insert("reading:single".into());
                    vec![figure]
                }
                Reading::PerField { fields } => {
                    out.insert("reading:per_field".into());
                    fields.iter().map(|f| &f.figure).collect()
                }
                Reading::Pair { first, second } => {
                    out.insert("reading:pair".into());
                    vec![first, second]
                }
                Reading::Milestone { .. } => {
                    out.insert("reading:milestone".into());
                    vec![]
                }
                Reading::Text { .. } => {
                    out.insert("reading:text".into());
                    vec![]
                }
            };
            for f in figures {
                out.insert(match f {
                    Figure::Ratio { .. } => "figure:ratio".into(),
                    Figure::Value { .. } => "figure:value".into(),
                });
            }
        }
    }
}

#[test]
fn the_generator_reaches_every_variant() {
    let mut runner = TestRunner::deterministic();
    let strategy = plan();
    let mut seen = BTreeSet::new();
    for _ in 0..200 {
        let p = strategy
            .new_tree(&mut runner)
            .expect("a plan is generated")
            .current();
        variants(&p, &mut seen);
    }
    let mut expected: Vec<String> = Vec::new();
    expected.extend(
        UnitLevel::ALL
            .iter()
            .map(|l| format!("level:{}", l.as_str())),
    );
    expected.extend(
        ["single", "compound", "milestone", "free_text"]
            .iter()
            .map(|k| format!("goal:{k}")),
    );
    expected.extend(
        [
            "above",
            "at_least",
            "at_most",
            "below",
            "range",
            "reduce_to",
            "all_items",
            "per_period",
            "higher_than_previous",
        ]
        .iter()
        .map(|r| format!("rule:{r}")),
    );
    expected.extend(ValueUnit::NAMES.iter().map(|u| format!("unit:{u}")));
    expected.extend(
        ["single", "per_field", "pair", "milestone", "text"]
            .iter()
            .map(|s| format!("reading:{s}")),
    );
    expected.extend(
        [
            "measure:ratio",
            "figure:ratio",
            "figure:value",
            "parent",
            "breakdown",
            "issued_on:none",
            "status:draft",
            "status:submitted",
            "status:approved",
            "revision:1",
            "revision:max",
            "notes:plan:both",
            "notes:plan:internal",
            "notes:plan:for_superior",
            "notes:target:both",
            "notes:target:internal",
            "notes:target:for_superior",
            "codes",
            "extra:plan",
            "extra:unit",
            "extra:reference",
            "extra:target",
            "extra:entry",
            "extra:task",
            "extra:procedure",
            "task:not_started",
            "task:in_progress",
            "task:done",
            "task:no_deadline",
            "task:linked",
            "procedure:shortened",
            "procedure:unchanged",
        ]
        .map(String::from),
    );
    let missing: Vec<&String> = expected.iter().filter(|e| !seen.contains(*e)).collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
}

// ------------------------------------------------------------------------------------------
// (a) Round trip
// ------------------------------------------------------------------------------------------

proptest! {
    #[test]
    fn export_then_import_gives_back_the_same_plan(plan in plan(), meta in meta()) {
        let problems = validate_plan(&plan);
        prop_assert!(problems.is_empty(), "the generator made an invalid plan: {:?}", problems);

        let text = export_plan(&plan, &meta);
        let imported = import_text(&text);
        prop_assert!(imported.is_ok(), "refused: {:?}\n{}", imported.err(), text);
        let imported = imported.expect("checked above");
        prop_assert_eq!(&imported.plan, &plan);
        prop_assert_eq!(&imported.app_version, &meta.app_version);
        prop_assert_eq!(&imported.exported_at, &meta.exported_at);
        prop_assert_eq!(imported.format_version, FORMAT_VERSION);
        // The hash is checked on import, and is the plan's.
        let hash = content_hash(&plan);
        prop_assert_eq!(imported.content_hash.as_deref(), Some(hash.as_str()));
        let file: Value = serde_json::from_str(&text).expect("an export is JSON");
        prop_assert_eq!(content_hash_of_value(&file["plan"]), hash.clone());
        prop_assert_eq!(file["contentHash"].as_str(), Some(hash.as_str()));

        prop_assert_eq!(read_stored_plan(&text), Ok(plan.clone()));
        let from_bytes = import_bytes(text.as_bytes()).map(|i| i.plan);
        prop_assert_eq!(from_bytes, Ok(plan.clone()));
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        prop_assert_eq!(import_bytes(&with_bom).map(|i| i.plan), Ok(plan.clone()));

        // Writing is deterministic: the imported plan exports to the very same bytes.
        prop_assert_eq!(export_plan(&imported.plan, &meta), text);
        prop_assert_eq!(plan_fingerprint(&imported.plan), plan_fingerprint(&plan));
        prop_assert_eq!(content_hash(&imported.plan), hash);
        // Unknown keys are in the text, and leaving out internal notes leaves only them out.
        for (k, _) in &plan.extra.0 {
            prop_assert!(file["plan"].get(k).is_some(), "{} lost", k);
        }
        let outward = plan.without_internal_notes();
        let sent = import_text(&export_plan(&outward, &meta)).map(|i| i.plan);
        prop_assert_eq!(sent, Ok(outward));
    }
}

// ------------------------------------------------------------------------------------------
// (b) The fingerprint sees every field
// ------------------------------------------------------------------------------------------

/// The new value for the one leaf that changes.
#[derive(Clone, Debug)]
struct Replacement {
    text: String,
    decimal: Decimal,
    count: u64,
    year: i32,
    date: NaiveDate,
    choice: Index,
    flag: bool,
    revision: u32,
    key: String,
    json: Value,
}

fn replacement() -> BoxedStrategy<Replacement> {
    (
        text(),
        any_decimal(),
        count_value(),
        any::<i32>(),
        date(),
        any::<Index>(),
        any::<bool>(),
        (any::<u32>(), extra_key_name(), extra_value()),
    )
        .prop_map(
            |(text, decimal, count, year, date, choice, flag, (revision, key, json))| Replacement {
                text,
                decimal,
                count,
                year,
                date,
                choice,
                flag,
                revision,
                key,
                json,
            },
        )
        .boxed()
}

/// Walks every leaf of a plan in a fixed order and changes the `target`-th one (counting
/// from 0); with `target == usize::MAX` it only counts them (`seen`).
struct Mutator<'r> {
    target: usize,
    seen: usize,
    r: &'r Replacement,
}

impl Mutator<'_> {
    fn hit(&mut self) -> bool {
        let hit = self.seen == self.target;
        self.seen += 1;
        hit
    }

    fn text(&mut self, s: &mut String) {
        if self.hit() {
            s.clone_from(&self.r.text);
        }
    }

    fn decimal(&mut self, d: &mut Decimal) {
        if self.hit() {
            *d = self.r.decimal;
        }
    }

    fn opt_decimal(&mut self, d: &mut Option<Decimal>) {
        if self.hit() {
            *d = (!self.r.flag).then_some(self.r.decimal);
        }
    }

    fn count(&mut self, c: &mut Count) {
        if self.hit() {
            *c = Count(self.r.count);
        }
    }

    fn date(&mut self, d: &mut NaiveDate) {
        if self.hit() {
            *d = self.r.date;
        }
    }

    fn opt_date(&mut self, d: &mut Option<NaiveDate>) {
        if self.hit() {
            *d = (!self.r.flag).then_some(self.r.date);
        }
    }

    fn pick<T: Clone>(&mut self, v: &mut T, all: &[T]) {
        if self.hit() {
            *v = self.r.choice.get(all).clone();
        }
    }

    /// Removes or doubles one element of a list.
    fn list<T: Clone>(&mut self, v: &mut Vec<T>) {
        if self.hit() && !v.is_empty() {
            let i = self.r.choice.index(v.len());
            if self.r.flag {
                v.remove(i);
            } else {
                let copy = v[i].clone();
                v.insert(i, copy);
            }
        }
    }

    fn notes(&mut self, n: &mut Notes) {
        self.text(&mut n.internal);
        self.text(&mut n.for_superior);
    }

    /// Adds an unknown key, or changes or removes one, keeping the keys unique, in order and
    /// apart from the object's known keys (as the reader keeps them).
    fn extra(&mut self, e: &mut Extra, known: &[&str]) {
        if self.hit() {
            let key = &self.r.key;
            let at = e.0.binary_search_by(|(k, _)| k.as_str().cmp(key));
            match at {
                _ if known.contains(&key.as_str()) => {}
                Err(i) => e.0.insert(i, (key.clone(), self.r.json.clone())),
                Ok(i) if self.r.flag => {
                    e.0.remove(i);
                }
                Ok(i) => e.0[i].1 = self.r.json.clone(),
            }
        }
        for (_, v) in &mut e.0 {
            if self.hit() {
                *v = self.r.json.clone();
            }
        }
    }

    fn plan(&mut self, p: &mut Plan) {
        self.text(&mut p.id.0);
        self.text(&mut p.unit.id);
        self.text(&mut p.unit.name);
        self.pick(&mut p.unit.level, &UnitLevel::ALL);
        self.text(&mut p.unit.superior);
        self.text(&mut p.unit.superior_id);
        self.extra(&mut p.unit.extra, UNIT_KEYS);
        if self.hit() {
            p.year = self.r.year;
        }
        if self.hit() {
            p.revision = self.r.revision;
        }
        self.pick(&mut p.status, &PlanStatus::ALL);
        self.text(&mut p.reference.number);
        self.opt_date(&mut p.reference.issued_on);
        self.text(&mut p.reference.date_note);
        self.extra(&mut p.reference.extra, REFERENCE_KEYS);
        self.notes(&mut p.notes);
        self.extra(&mut p.extra, PLAN_KEYS);
        self.list(&mut p.targets);
        for t in &mut p.targets {
            self.target(t);
        }
        self.list(&mut p.tasks);
        for t in &mut p.tasks {
            self.task(t);
        }
        self.list(&mut p.shortened_procedures);
        for sp in &mut p.shortened_procedures {
            self.text(&mut sp.id.0);
            self.text(&mut sp.name);
            self.decimal(&mut sp.standard_days);
            self.decimal(&mut sp.new_days);
            self.extra(&mut sp.extra, PROCEDURE_KEYS);
        }
    }

    fn task(&mut self, t: &mut Task) {
        self.text(&mut t.id.0);
        self.text(&mut t.title);
        self.text(&mut t.department);
        self.opt_date(&mut t.deadline);
        self.text(&mut t.output);
        if self.hit() {
            t.status = match t.status {
                TaskStatus::Done { .. } if self.r.flag => TaskStatus::InProgress,
                TaskStatus::Done { .. } => TaskStatus::NotStarted,
                _ => TaskStatus::Done { on: self.r.date },
            };
        }
        if let TaskStatus::Done { on } = &mut t.status {
            self.date(on);
        }
        self.list(&mut t.targets);
        for id in &mut t.targets {
            self.text(&mut id.0);
        }
        self.extra(&mut t.extra, TASK_KEYS);
    }

    fn target(&mut self, t: &mut Target) {
        self.text(&mut t.id.0);
        self.pick(&mut t.area, &ReformArea::ALL);
        self.text(&mut t.label);
        if self.hit() {
            t.parent = match t.parent {
                Some(_) if self.r.flag => None,
                _ => Some(TargetId(self.r.text.clone())),
            };
        }
        if let Some(parent) = &mut t.parent {
            self.text(&mut parent.0);
        }
        self.goal(&mut t.goal);
        self.notes(&mut t.notes);
        self.extra(&mut t.extra, TARGET_KEYS);
        self.list(&mut t.entries);
        for e in &mut t.entries {
            self.entry(e);
        }
    }

    fn condition_from(&self) -> Condition {
        Condition {
            label: self.r.text.clone(),
            measure: Measure::Value {
                unit: ValueUnit::Points,
            },
            comparator: Comparator::AtLeast {
                threshold: self.r.decimal,
            },
        }
    }

    fn goal(&mut self, g: &mut Goal) {
        if self.hit() {
            let others = [
                Goal::Single {
                    condition: self.condition_from(),
                    breakdown: vec![],
                },
                Goal::Compound {
                    first: self.condition_from(),
                    second: self.condition_from(),
                },
                Goal::Milestone { deadline: None },
                Goal::FreeText,
            ];
            *g = self.r.choice.get(&others).clone();
        }
        match g {
            Goal::Single {
                condition,
                breakdown,
            } => {
                self.condition(condition);
                self.list(breakdown);
                for f in breakdown {
                    self.text(&mut f.id.0);
                    self.text(&mut f.name);
                }
            }
            Goal::Compound { first, second } => {
                self.condition(first);
                self.condition(second);
            }
            Goal::Milestone { deadline } => self.opt_date(deadline),
            Goal::FreeText => {}
        }
    }

    fn condition(&mut self, c: &mut Condition) {
        self.text(&mut c.label);
        self.measure(&mut c.measure);
        self.comparator(&mut c.comparator);
    }

    fn measure(&mut self, m: &mut Measure) {
        if self.hit() {
            *m = match m {
                Measure::Ratio { .. } => Measure::Value {
                    unit: ValueUnit::Percent,
                },
                Measure::Value { .. } => Measure::Ratio {
                    numerator: String::new(),
                    denominator: String::new(),
                },
            };
        }
        match m {
            Measure::Ratio {
                numerator,
                denominator,
            } => {
                self.text(numerator);
                self.text(denominator);
            }
            Measure::Value { unit } => {
                let units = [
                    ValueUnit::Percent,
                    ValueUnit::Count {
                        noun: self.r.text.clone(),
                    },
                    ValueUnit::Days,
                    ValueUnit::Hours,
                    ValueUnit::Money,
                    ValueUnit::Points,
                ];
                self.pick(unit, &units);
                if let ValueUnit::Count { noun } = unit {
                    self.text(noun);
                }
            }
        }
    }

    fn comparator(&mut self, c: &mut Comparator) {
        if self.hit() {
            let d = self.r.decimal;
            let rules = [
                Comparator::Above { threshold: d },
                Comparator::AtLeast { threshold: d },
                Comparator::AtMost { threshold: d },
                Comparator::Below { threshold: d },
                Comparator::Range {
                    min: d,
                    max: d,
                    above: AboveRange::OutOfRange,
                },
                Comparator::ReduceTo { low: d, high: d },
                Comparator::AllItems,
                Comparator::PerPeriod {
                    min: d,
                    period: Period::Quarter,
                },
                Comparator::HigherThanPrevious { previous: None },
            ];
            *c = self.r.choice.get(&rules).clone();
        }
        match c {
            Comparator::Above { threshold }
            | Comparator::AtLeast { threshold }
            | Comparator::AtMost { threshold }
            | Comparator::Below { threshold } => self.decimal(threshold),
            Comparator::Range { min, max, above } => {
                self.decimal(min);
                self.decimal(max);
                self.pick(above, &AboveRange::ALL);
            }
            Comparator::ReduceTo { low, high } => {
                self.decimal(low);
                self.decimal(high);
            }
            Comparator::AllItems => {}
            Comparator::PerPeriod { min, period } => {
                self.decimal(min);
                self.pick(period, &Period::ALL);
            }
            Comparator::HigherThanPrevious { previous } => self.opt_decimal(previous),
        }
    }

    fn entry(&mut self, e: &mut ProgressEntry) {
        self.text(&mut e.id.0);
        self.date(&mut e.date);
        self.reading(&mut e.reading);
        self.text(&mut e.comment);
        self.extra(&mut e.extra, ENTRY_KEYS);
    }

    fn reading(&mut self, r: &mut Reading) {
        if self.hit() {
            let figure = Figure::Value {
                value: self.r.decimal,
            };
            let shapes = [
                Reading::Single {
                    figure: figure.clone(),
                },
                Reading::PerField { fields: vec![] },
                Reading::Pair {
                    first: figure.clone(),
                    second: figure,
                },
                Reading::Milestone {
                    done_on: None,
                    evidence: String::new(),
                },
                Reading::Text {
                    text: self.r.text.clone(),
                },
            ];
            *r = self.r.choice.get(&shapes).clone();
        }
        match r {
            Reading::Single { figure } => self.figure(figure),
            Reading::PerField { fields } => {
                self.list(fields);
                for ff in fields {
                    self.text(&mut ff.field.0);
                    self.figure(&mut ff.figure);
                }
            }
            Reading::Pair { first, second } => {
                self.figure(first);
                self.figure(second);
            }
            Reading::Milestone { done_on, evidence } => {
                self.opt_date(done_on);
                self.text(evidence);
            }
            Reading::Text { text } => self.text(text),
        }
    }

    fn figure(&mut self, f: &mut Figure) {
        if self.hit() {
            *f = match f {
                Figure::Ratio { .. } => Figure::Value {
                    value: self.r.decimal,
                },
                Figure::Value { .. } => Figure::Ratio {
                    numerator: Count(self.r.count),
                    denominator: Count(self.r.count),
                },
            };
        }
        match f {
            Figure::Ratio {
                numerator,
                denominator,
            } => {
                self.count(numerator);
                self.count(denominator);
            }
            Figure::Value { value } => self.decimal(value),
        }
    }
}

proptest! {
    #[test]
    fn the_fingerprint_and_the_hash_change_with_any_single_field(
        plan in plan(),
        leaf in any::<Index>(),
        r in replacement(),
    ) {
        let mut counter = Mutator { target: usize::MAX, seen: 0, r: &r };
        counter.plan(&mut plan.clone());
        let k = leaf.index(counter.seen);

        let mut changed = plan.clone();
        Mutator { target: k, seen: 0, r: &r }.plan(&mut changed);

        let (before, after) = (plan_fingerprint(&plan), plan_fingerprint(&changed));
        let (hash_before, hash_after) = (content_hash(&plan), content_hash(&changed));
        if changed == plan {
            prop_assert_eq!(before, after);
            prop_assert_eq!(hash_before, hash_after);
        } else {
            prop_assert_ne!(&before, &after, "leaf {} changed but the fingerprint did not", k);
            prop_assert_ne!(&hash_before, &hash_after, "leaf {} changed but the hash did not", k);
            // The hash of the changed plan is what its file carries, whatever the change.
            let text = export_plan(&changed, &ExportMeta::default());
            let file: Value = serde_json::from_str(&text).expect("an export is JSON");
            prop_assert_eq!(content_hash_of_value(&file["plan"]), hash_after);
            // The fingerprint is the compact form of the plan: it reads back as the plan
            // (semantic checks aside, as for a stored plan).
            let envelope = format!(
                "{{\"format\":\"{FORMAT_ID}\",\"formatVersion\":{FORMAT_VERSION},\"plan\":{after}}}"
            );
            if let Ok(back) = read_stored_plan(&envelope) {
                prop_assert_eq!(back, changed);
            }
        }
    }
}

// ------------------------------------------------------------------------------------------
// (c) A file changed after export is refused as damaged
// ------------------------------------------------------------------------------------------

/// Paths (keys and positions) of every node under `v`, containers included.
fn paths(v: &Value, at: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(at.clone());
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push(PathStep::Index(i));
                paths(item, at, out);
                at.pop();
            }
        }
        Value::Object(members) => {
            for (k, item) in members {
                at.push(PathStep::Key(k.clone()));
                paths(item, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn node_at<'v>(v: &'v mut Value, path: &[PathStep]) -> &'v mut Value {
    path.iter().fold(v, |v, step| match step {
        PathStep::Key(k) => &mut v[k.as_str()],
        PathStep::Index(i) => &mut v[*i],
    })
}

/// One edit of a file's plan.
#[derive(Clone, Debug)]
enum Edit {
    /// Replace the node (a leaf, or a whole object or list) with another value.
    Replace(Value),
    /// Remove it from its object or list.
    Remove,
    /// Give it another key in its object.
    Rename(String),
    /// Add a member to the object or an item to the list.
    Add(String, Value),
}

fn edit() -> BoxedStrategy<Edit> {
    prop_oneof![
        4 => prop_oneof![json_leaf(), extra_value()].prop_map(Edit::Replace),
        1 => Just(Edit::Remove),
        1 => extra_key_name().prop_map(Edit::Rename),
        1 => (extra_key_name(), extra_value()).prop_map(|(k, v)| Edit::Add(k, v)),
    ]
    .boxed()
}

/// Applies the edit to the node at `path` of `plan`; false if it changed nothing.
fn apply(plan: &mut Value, path: &[PathStep], edit: &Edit) -> bool {
    let before = plan.clone();
    match edit {
        Edit::Replace(new) => *node_at(plan, path) = new.clone(),
        Edit::Add(k, new) => match node_at(plan, path) {
            Value::Object(m) => {
                m.insert(k.clone(), new.clone());
            }
            Value::Array(items) => items.push(new.clone()),
            _ => return false,
        },
        Edit::Remove | Edit::Rename(_) => {
            let Some((last, parent)) = path.split_last() else {
                return false;
            };
            let parent = node_at(plan, parent);
            match (parent, last) {
                (Value::Object(m), PathStep::Key(k)) => {
                    if let Some(v) = m.remove(k) {
                        if let Edit::Rename(new_key) = edit {
                            m.insert(new_key.clone(), v);
                        }
                    }
                }
                (Value::Array(items), PathStep::Index(i)) => {
                    items.remove(*i);
                }
                _ => return false,
            }
        }
    }
    // A change to another value (not, e.g., 5 for 5 or −0 for 0, which JSON holds equal).
    *plan != before
}

proptest! {
    #[test]
    fn any_change_to_an_exported_plan_is_detected(
        plan in plan_with(3),
        meta in meta(),
        at in any::<Index>(),
        edit in edit(),
        compact in any::<bool>(),
    ) {
        let text = export_plan(&plan, &meta);
        let mut file: Value = serde_json::from_str(&text).expect("an export is JSON");
        let mut all = Vec::new();
        paths(&file["plan"], &mut Vec::new(), &mut all);
        let path = at.get(&all).clone();
        if path.is_empty() && matches!(edit, Edit::Replace(_)) {
            // Not a change of the plan but of the envelope: a `plan` that is no plan.
            return Ok(());
        }
        if !apply(&mut file["plan"], &path, &edit) {
            return Ok(());
        }
        let edited = if compact {
            serde_json::to_string(&file)
        } else {
            serde_json::to_string_pretty(&file)
        }
        .expect("a JSON value serialises");
        prop_assert_eq!(
            import_text(&edited).map(|i| i.plan),
            Err(ImportError::Damaged { fault: HashFault::Mismatch }),
            "{:?} at {:?} was not detected", edit, path
        );
        // With the hash computed again, the hash is no longer what is wrong.
        file["contentHash"] = Value::from(content_hash_of_value(&file["plan"]));
        let rehashed = serde_json::to_string(&file).expect("a JSON value serialises");
        let outcome = import_text(&rehashed);
        prop_assert!(!matches!(outcome, Err(ImportError::Damaged { .. })), "{:?}", outcome);
        check_outcome(outcome)?;
    }
}

// ------------------------------------------------------------------------------------------
// (d) No input makes the import panic
// ------------------------------------------------------------------------------------------

/// Whatever an import returns: an accepted plan is valid and survives another round trip;
/// a refusal has a message in both languages.
fn check_outcome(
    result: Result<cchc_domain::file::ImportedPlan, cchc_domain::file::ImportError>,
) -> Result<(), TestCaseError> {
    match result {
        Ok(imported) => {
            prop_assert!(validate_plan(&imported.plan).is_empty());
            if imported.format_version >= 2 {
                prop_assert_eq!(imported.content_hash.is_some(), true);
            } else {
                prop_assert_eq!(imported.content_hash.as_ref(), None);
            }
            let meta = ExportMeta {
                app_version: imported.app_version.clone(),
                exported_at: imported.exported_at.clone(),
            };
            let again = import_text(&export_plan(&imported.plan, &meta)).map(|i| i.plan);
            prop_assert_eq!(again, Ok(imported.plan));
        }
        Err(e) => {
            for locale in Locale::ALL {
                prop_assert!(!e.message(locale).is_empty());
            }
        }
    }
    Ok(())
}

/// Every key of the format, envelope included.
const KEYS: &[&str] = &[
    "format",
    "formatVersion",
    "app",
    "name",
    "version",
    "exportedAt",
    "contentHash",
    "plan",
    "id",
    "unit",
    "year",
    "revision",
    "status",
    "notes",
    "internal",
    "forSuperior",
    "reference",
    "targets",
    "level",
    "superior",
    "number",
    "issuedOn",
    "dateNote",
    "area",
    "label",
    "goal",
    "parent",
    "entries",
    "kind",
    "condition",
    "breakdown",
    "first",
    "second",
    "deadline",
    "measure",
    "comparator",
    "type",
    "numerator",
    "denominator",
    "noun",
    "rule",
    "threshold",
    "min",
    "max",
    "above",
    "low",
    "high",
    "period",
    "previous",
    "date",
    "reading",
    "comment",
    "shape",
    "figure",
    "fields",
    "field",
    "doneOn",
    "evidence",
    "text",
    "value",
    "tasks",
    "title",
    "department",
    "output",
    "shortenedProcedures",
    "standardDays",
    "newDays",
];

/// Every tag and name the format knows.
const TAGS: &[&str] = &[
    FORMAT_ID,
    "not_started",
    "in_progress",
    "done",
    "single",
    "compound",
    "milestone",
    "free_text",
    "ratio",
    "value",
    "percent",
    "count",
    "days",
    "hours",
    "money",
    "points",
    "above",
    "at_least",
    "at_most",
    "below",
    "range",
    "reduce_to",
    "all_items",
    "per_period",
    "higher_than_previous",
    "per_field",
    "pair",
    "text",
    "met_exceeded",
    "out_of_range",
    "year",
    "half_year",
    "quarter",
    "month",
    "direction",
    "institutions",
    "procedures",
    "apparatus",
    "civil_service",
    "public_finance",
    "digital_government",
    "impact",
    "other",
    "province",
    "commune",
    "ward",
    "special_zone",
    "department",
    "legacy_district",
    "draft",
    "submitted",
    "approved",
];

fn json_leaf() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (0u64..3000).prop_map(Value::from),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        select(TAGS).prop_map(Value::from),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Value::from),
        "-?[0-9]{1,18}(\\.[0-9]{1,6})?(e[0-9]{1,3})?".prop_map(Value::from),
        text().prop_map(Value::from),
    ]
    .boxed()
}

fn json_tree() -> BoxedStrategy<Value> {
    json_leaf()
        .prop_recursive(6, 96, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((select(KEYS), inner), 0..8).prop_map(|members| {
                    Value::Object(
                        members
                            .into_iter()
                            .map(|(k, v)| (k.to_string(), v))
                            .collect::<Map<String, Value>>(),
                    )
                }),
            ]
        })
        .boxed()
}

/// Every node of a JSON tree, by the path of keys and positions that leads to it.
fn node_count(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(node_count).sum(),
        Value::Object(members) => members.values().map(node_count).sum(),
        _ => 0,
    }
}

/// Replaces the `k`-th node (pre-order, the root is 0) with `new`; returns the nodes left to
/// skip when `k` is not in this subtree.
fn replace_node(v: &mut Value, k: usize, new: &Value) -> Option<usize> {
    if k == 0 {
        *v = new.clone();
        return None;
    }
    let mut k = k - 1;
    let children: Vec<&mut Value> = match v {
        Value::Array(items) => items.iter_mut().collect(),
        Value::Object(members) => members.values_mut().collect(),
        _ => Vec::new(),
    };
    for child in children {
        k = replace_node(child, k, new)?;
    }
    Some(k)
}

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_outcome(import_bytes(&bytes))?;
    }

    #[test]
    fn exports_with_random_byte_edits_never_panic(
        plan in plan_with(3),
        edits in prop::collection::vec((any::<Index>(), any::<u8>(), 0..3u8), 1..8),
    ) {
        let mut bytes = export_plan(&plan, &ExportMeta::default()).into_bytes();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len() + 1);
            match op {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ if i < bytes.len() => {
                    bytes.remove(i);
                }
                _ => bytes.push(byte),
            }
        }
        check_outcome(import_bytes(&bytes))?;
        // Edits that leave JSON behind get past the hash when it is computed again.
        if let Ok(mut root) = serde_json::from_slice::<Value>(&bytes) {
            if root.get("plan").is_some() && root.is_object() {
                root["contentHash"] = Value::from(content_hash_of_value(&root["plan"]));
                let text = serde_json::to_string(&root).expect("a JSON value serialises");
                check_outcome(import_text(&text))?;
            }
        }
    }

    #[test]
    fn random_json_trees_never_panic(tree in json_tree(), wrapped in 0..4u8) {
        // Bare, or in an envelope of version 1 (no hash), of version 2 with the tree's hash
        // (so the decoder sees it), or of version 2 with another hash.
        let root = if wrapped > 0 {
            let mut envelope = Map::new();
            envelope.insert("format".into(), Value::from(FORMAT_ID));
            let version = if wrapped == 1 { 1 } else { FORMAT_VERSION };
            envelope.insert("formatVersion".into(), Value::from(version));
            match wrapped {
                2 => {
                    envelope.insert("contentHash".into(), Value::from(content_hash_of_value(&tree)));
                }
                3 => {
                    envelope.insert("contentHash".into(), Value::from(content_hash_of_value(&Value::Null)));
                }
                _ => {}
            }
            envelope.insert("plan".into(), tree);
            Value::Object(envelope)
        } else {
            tree
        };
        let text = serde_json::to_string(&root).expect("a JSON value serialises");
        check_outcome(import_text(&text))?;
        let _ = read_stored_plan(&text);
    }

    #[test]
    fn valid_files_with_one_subtree_replaced_never_panic(
        plan in plan_with(3),
        at in any::<Index>(),
        new in json_tree(),
        rehash in any::<bool>(),
    ) {
        let text = export_plan(&plan, &ExportMeta::default());
        let mut root: Value = serde_json::from_str(&text).expect("an export is JSON");
        let k = at.index(node_count(&root));
        let _ = replace_node(&mut root, k, &new);
        // With the hash computed again (as a program writing plan files would), the
        // decoder and the rules see the change; without, the hash stops it.
        if rehash && root.get("plan").is_some() {
            let hash = content_hash_of_value(&root["plan"]);
            if let Some(envelope) = root.as_object_mut() {
                envelope.insert("contentHash".into(), Value::from(hash));
            }
        }
        let text = serde_json::to_string_pretty(&root).expect("a JSON value serialises");
        check_outcome(import_text(&text))?;
        let _ = read_stored_plan(&text);
    }
}
