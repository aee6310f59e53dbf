//! Semantic validation of a plan and the vocabulary of plan problems.
//!
//! This module owns [`Problem`] (a [`ProblemKind`] at a [`Location`]) and its bilingual
//! messages, for both kinds of problems a plan can have:
//!
//! * *structural* problems found while decoding a file (a missing field, a wrong JSON type, an
//!   unknown rule, an impossible date, a negative count), produced by [`crate::file`];
//! * *semantic* problems of a well-formed plan (a range whose minimum is above its maximum, a
//!   numerator above its denominator, a reading of the wrong shape, …), produced by
//!   [`validate_plan`].
//!
//! Validation never changes the plan and never stops at the first problem: the editor shows
//! every problem; the importer refuses a file on the first one.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::date::{days_in_month, format_vi_date};
use crate::index_standing::StandingProblem;
use crate::letters::{capitalize, lowercase};
use crate::locale::Locale;
use crate::number::{format_count, format_decimal, Decimal};
use crate::plan::{Plan, MAX_PLAN_YEAR, MIN_PLAN_YEAR};
use crate::problem::ValueProblem;
use crate::progress::{Figure, ProgressEntry, Reading};
use crate::reporting_period::ReportingPeriod;
use crate::target::{Comparator, Condition, Goal, Measure, Target, ValueUnit};
use crate::target_history::{check_history, HistoryProblem};

/// Where a problem is: which target (by position and label), which progress entry (by
/// position and date), which part of the target, and which field of the file.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Location {
    pub target: Option<TargetAt>,
    /// A task or a shortened procedure of the plan (never with a target).
    pub item: Option<ItemAt>,
    pub entry: Option<EntryAt>,
    pub part: Option<Part>,
    /// Path of the field as it is named in the file, relative to the entry when there is one,
    /// else to the target, else to the plan: `reading.figure.numerator`,
    /// `goal.condition.comparator.min`, `unit.name`. Empty when the whole thing is meant.
    pub field: String,
}

/// A target, as the officer sees it: its position in the plan (0-based; shown 1-based) and
/// its label. Both come from the raw file when the target itself could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TargetAt {
    pub index: usize,
    pub id: String,
    pub label: String,
}

/// A task or a shortened procedure, as the officer sees it: its position in its list
/// (0-based; shown 1-based) and its title or name, from the raw file when the item itself
/// could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemAt {
    pub kind: ItemKind,
    pub index: usize,
    pub id: String,
    pub name: String,
}

/// Which list of the plan an [`ItemAt`] is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// `tasks`
    Task,
    /// `shortenedProcedures`
    Procedure,
    /// `snapshots`
    Snapshot,
}

/// A progress entry: its position in the target (0-based) and its date when it is a real one.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EntryAt {
    pub index: usize,
    pub id: String,
    pub date: Option<NaiveDate>,
}

/// A part of a target: one condition of a compound target, or one field of a breakdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    FirstCondition,
    SecondCondition,
    /// A field (*lĩnh vực*) of a breakdown, by position (0-based) and name.
    BreakdownField {
        index: usize,
        name: String,
    },
}

/// A JSON type, as named in messages about a value of the wrong type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonType {
    Object,
    Array,
    Text,
    WholeNumber,
    Number,
    Boolean,
    Null,
}

impl JsonType {
    /// The type of a JSON value.
    pub fn of(v: &serde_json::Value) -> JsonType {
        match v {
            serde_json::Value::Object(_) => JsonType::Object,
            serde_json::Value::Array(_) => JsonType::Array,
            serde_json::Value::String(_) => JsonType::Text,
            serde_json::Value::Number(n) if n.is_u64() || n.is_i64() => JsonType::WholeNumber,
            serde_json::Value::Number(_) => JsonType::Number,
            serde_json::Value::Bool(_) => JsonType::Boolean,
            serde_json::Value::Null => JsonType::Null,
        }
    }

    pub fn name(self, locale: Locale) -> &'static str {
        match self {
            JsonType::Object => locale.pick("một đối tượng {…}", "an object {…}"),
            JsonType::Array => locale.pick("một danh sách […]", "a list […]"),
            JsonType::Text => locale.pick("một chuỗi văn bản", "a text string"),
            JsonType::WholeNumber => locale.pick("một số nguyên", "a whole number"),
            JsonType::Number => locale.pick("một số", "a number"),
            JsonType::Boolean => locale.pick("giá trị đúng/sai", "a true/false value"),
            JsonType::Null => locale.pick("giá trị rỗng (null)", "an empty value (null)"),
        }
    }
}

/// The shape of a progress entry's reading (see [`Reading`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReadingShape {
    Single,
    PerField,
    Pair,
    Milestone,
    Text,
}

impl ReadingShape {
    pub fn of(reading: &Reading) -> ReadingShape {
        match reading {
            Reading::Single { .. } => ReadingShape::Single,
            Reading::PerField { .. } => ReadingShape::PerField,
            Reading::Pair { .. } => ReadingShape::Pair,
            Reading::Milestone { .. } => ReadingShape::Milestone,
            Reading::Text { .. } => ReadingShape::Text,
        }
    }

    /// The shape a goal's entries must have.
    pub fn expected_for(goal: &Goal) -> ReadingShape {
        match goal {
            Goal::Single { breakdown, .. } if breakdown.is_empty() => ReadingShape::Single,
            Goal::Single { .. } => ReadingShape::PerField,
            Goal::Compound { .. } => ReadingShape::Pair,
            Goal::Milestone { .. } => ReadingShape::Milestone,
            Goal::FreeText => ReadingShape::Text,
        }
    }

    pub fn name(self, locale: Locale) -> &'static str {
        match self {
            ReadingShape::Single => locale.pick("một số liệu", "one figure"),
            ReadingShape::PerField => {
                locale.pick("số liệu theo từng lĩnh vực", "figures per field")
            }
            ReadingShape::Pair => locale.pick(
                "hai số liệu (chỉ tiêu kép)",
                "two figures (compound target)",
            ),
            ReadingShape::Milestone => locale.pick(
                "ngày hoàn thành và văn bản chứng minh",
                "a completion date and proof",
            ),
            ReadingShape::Text => locale.pick("ghi chú bằng chữ", "a text note"),
        }
    }
}

/// Whether a figure (or a measure) is a ratio of two counts or a direct value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FigureKind {
    Ratio,
    Value,
}

impl FigureKind {
    pub fn of(figure: &Figure) -> FigureKind {
        match figure {
            Figure::Ratio { .. } => FigureKind::Ratio,
            Figure::Value { .. } => FigureKind::Value,
        }
    }

    pub fn for_measure(measure: &Measure) -> FigureKind {
        match measure {
            Measure::Ratio { .. } => FigureKind::Ratio,
            Measure::Value { .. } => FigureKind::Value,
        }
    }

    pub fn name(self, locale: Locale) -> &'static str {
        match self {
            FigureKind::Ratio => locale.pick(
                "tỷ lệ (tử số / mẫu số)",
                "a ratio (numerator / denominator)",
            ),
            FigureKind::Value => {
                locale.pick("một giá trị nhập trực tiếp", "a directly entered value")
            }
        }
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    // --- Structural: the file cannot be read as a plan. ---
    /// A number, count or date that cannot be accepted (`-3` dossiers, `2019-02-30`, `NaN`).
    BadValue(ValueProblem),
    /// A required field is absent. The field is the last part of [`Location::field`].
    MissingField {
        field: String,
    },
    /// A value of the wrong JSON type.
    WrongType {
        expected: JsonType,
        found: JsonType,
    },
    /// A name outside the allowed list (an unknown rule, area, unit level, …).
    UnknownValue {
        found: String,
        allowed: Vec<String>,
    },
    /// Any other structural problem, with an (English) detail. The decoder of format version 1
    /// reports every problem with one of the kinds above; this one is left for migrations.
    Structure {
        detail: String,
    },

    // --- Plan. ---
    EmptyUnitName,
    /// The plan year is outside [`MIN_PLAN_YEAR`]`..=`[`MAX_PLAN_YEAR`].
    YearOutOfRange {
        year: i64,
    },
    /// The revision is not a whole number from 1 to 4 294 967 295.
    BadRevision {
        found: String,
    },
    /// A district-level unit in a plan for a year after the district level was abolished.
    DistrictAbolished {
        year: i32,
    },

    // --- Templates (a plan file with a `template` marker). ---
    /// A template's version is not a whole number from 1 to 4 294 967 295.
    BadTemplateVersion {
        found: String,
    },
    /// A template without an id: plans made from it could not be told apart from others.
    EmptyTemplateId,
    /// A template holds progress entries; a template is only targets to start from.
    TemplateWithProgress {
        entries: usize,
    },

    // --- Targets. ---
    /// Another target has the same id; `first` is the 0-based position of the first one.
    DuplicateTargetId {
        id: String,
        first: usize,
    },
    EmptyTargetLabel,
    /// The parent id names no target of the plan.
    UnknownParent {
        parent: String,
    },
    /// The target names itself as its parent.
    OwnParent,
    /// Following the parents leads back to this target.
    ParentCycle,
    /// A sub-target measured as a ratio does not say what its denominator counts.
    SubTargetWithoutDenominator,

    // --- Thresholds. ---
    NegativeThreshold {
        value: Decimal,
    },
    /// A percentage threshold above 100.
    PercentAbove100 {
        value: Decimal,
    },
    RangeMinAboveMax {
        min: Decimal,
        max: Decimal,
    },
    ReduceToLowAboveHigh {
        low: Decimal,
        high: Decimal,
    },
    /// "N times per period" only makes sense for a count.
    PerPeriodNeedsCount,
    /// "every item" only makes sense for a ratio or a percentage.
    AllItemsNeedsRatioOrPercent,

    // --- Breakdown fields. ---
    EmptyFieldName,
    DuplicateFieldId {
        id: String,
    },
    DuplicateFieldName {
        name: String,
    },

    // --- Progress entries. ---
    DuplicateEntryId {
        id: String,
    },
    ReadingMismatch {
        expected: ReadingShape,
        found: ReadingShape,
    },
    /// A per-field reading names a field that is not in the breakdown.
    UnknownBreakdownField {
        field: String,
    },
    /// A per-field reading gives figures twice for the same field.
    RepeatedBreakdownField {
        field: String,
    },
    FigureMismatch {
        expected: FigureKind,
        found: FigureKind,
    },
    NumeratorAboveDenominator {
        numerator: u64,
        denominator: u64,
    },

    // --- Tasks and shortened procedures. ---
    /// Another task (or shortened procedure) has the same id; `first` is the 0-based
    /// position of the first one.
    DuplicateItemId {
        id: String,
        first: usize,
    },
    EmptyTaskTitle,
    /// A task serves a target that the plan does not have.
    UnknownTaskTarget {
        target: String,
    },
    EmptyProcedureName,
    /// A working time below zero.
    NegativeDays {
        value: Decimal,
    },
    /// The new time of a shortened procedure is longer than its standard time.
    NewTimeAboveStandard {
        standard: Decimal,
        new: Decimal,
    },

    // --- Reporting periods, pacing, history, rank. ---
    /// A cut-off day that is not `MM-DD` of a day every year has (`02-30`, `14/6`, `02-29`).
    BadDayOfYear {
        found: String,
    },
    /// The cut-offs do not follow each other through the year.
    CutoffsOutOfOrder,
    /// A per-period target below zero.
    NegativePeriodTarget {
        value: Decimal,
    },
    /// A previous year's value given twice.
    HistoryYearTwice {
        year: i32,
    },
    /// A "previous year" that is not before the plan's year.
    HistoryYearNotBefore {
        year: i32,
        plan_year: i32,
    },
    /// A rank or a count of ranked units of 0.
    RankZero,
    /// A rank beyond the number of units ranked.
    RankBeyondCount {
        position: u32,
        of: u32,
    },
}

impl ProblemKind {
    /// Whether the problem is about the file's structure rather than the plan's meaning; the
    /// message of a structural problem names the field.
    pub fn is_structural(&self) -> bool {
        matches!(
            self,
            ProblemKind::BadValue(_)
                | ProblemKind::MissingField { .. }
                | ProblemKind::WrongType { .. }
                | ProblemKind::UnknownValue { .. }
                | ProblemKind::Structure { .. }
                | ProblemKind::BadRevision { .. }
                | ProblemKind::BadTemplateVersion { .. }
                | ProblemKind::BadDayOfYear { .. }
        )
    }

    /// What is wrong, as a sentence without the location.
    pub fn message(&self, locale: Locale) -> String {
        let vi = locale == Locale::Vi;
        let q = |s: &str| format!("«{s}»");
        match self {
            ProblemKind::BadValue(p) => value_problem_message(p, locale),
            ProblemKind::MissingField { .. } => locale
                .pick(
                    "thiếu trường bắt buộc này.",
                    "this required field is missing.",
                )
                .to_string(),
            ProblemKind::WrongType { expected, found } => {
                if vi {
                    format!(
                        "cần {} nhưng tệp ghi {}.",
                        expected.name(locale),
                        found.name(locale)
                    )
                } else {
                    format!(
                        "expected {} but the file has {}.",
                        expected.name(locale),
                        found.name(locale)
                    )
                }
            }
            ProblemKind::UnknownValue { found, allowed } => {
                let list = allowed.join(", ");
                if vi {
                    format!(
                        "giá trị {} không được hỗ trợ; chỉ chấp nhận: {list}.",
                        q(&short(found))
                    )
                } else {
                    format!(
                        "the value {} is not supported; accepted values: {list}.",
                        q(&short(found))
                    )
                }
            }
            ProblemKind::Structure { detail } => {
                if vi {
                    format!("cấu trúc không hợp lệ ({detail}).")
                } else {
                    format!("invalid structure ({detail}).")
                }
            }
            ProblemKind::EmptyUnitName => locale
                .pick(
                    "tên đơn vị đang để trống; hãy nhập tên đơn vị lập kế hoạch.",
                    "the unit name is empty; enter the name of the unit that makes the plan.",
                )
                .to_string(),
            ProblemKind::YearOutOfRange { year } => {
                if vi {
                    format!(
                        "năm kế hoạch {year} nằm ngoài khoảng {MIN_PLAN_YEAR}–{MAX_PLAN_YEAR}."
                    )
                } else {
                    format!(
                        "the plan year {year} is outside {MIN_PLAN_YEAR}–{MAX_PLAN_YEAR}."
                    )
                }
            }
            ProblemKind::BadRevision { found } => {
                if vi {
                    format!("số phiên bản {} không hợp lệ; phải là số nguyên từ 1 trở lên.", q(&short(found)))
                } else {
                    format!("the revision {} is invalid; it must be a whole number from 1.", q(&short(found)))
                }
            }
            ProblemKind::DistrictAbolished { year } => {
                if vi {
                    format!(
                        "cấp quận/huyện không còn tồn tại từ ngày 01/07/2025, nên không thể là đơn vị lập kế hoạch năm {year}; hãy chọn cấp xã, phường, đặc khu, tỉnh hoặc sở, ngành."
                    )
                } else {
                    format!(
                        "the district level was abolished on 1 July 2025, so it cannot own a plan for {year}; choose commune, ward, special zone, province or department."
                    )
                }
            }
            ProblemKind::BadTemplateVersion { found } => {
                if vi {
                    format!("phiên bản mẫu {} không hợp lệ; phải là số nguyên từ 1 trở lên.", q(&short(found)))
                } else {
                    format!("the template version {} is invalid; it must be a whole number from 1.", q(&short(found)))
                }
            }
            ProblemKind::EmptyTemplateId => locale
                .pick(
                    "tệp mẫu chỉ tiêu không có mã mẫu (trường \"template.id\"), nên không thể nhận ra các kế hoạch lập từ mẫu này.",
                    "the template file has no template id (the \"template.id\" field), so plans made from it could not be recognised.",
                )
                .to_string(),
            ProblemKind::TemplateWithProgress { entries } => {
                if vi {
                    format!(
                        "tệp mẫu chỉ tiêu không được chứa số liệu tiến độ, nhưng chỉ tiêu này có {entries} mục tiến độ; mẫu chỉ gồm các chỉ tiêu để bắt đầu kế hoạch."
                    )
                } else {
                    format!(
                        "a template file must not hold progress, but this target has {entries} progress entries; a template holds only targets to start plans from."
                    )
                }
            }
            ProblemKind::DuplicateTargetId { id, first } => {
                if vi {
                    format!(
                        "mã chỉ tiêu {} trùng với chỉ tiêu {}; mỗi chỉ tiêu phải có mã riêng.",
                        q(&short(id)),
                        first + 1
                    )
                } else {
                    format!(
                        "the target id {} is the same as that of target {}; every target needs its own id.",
                        q(&short(id)),
                        first + 1
                    )
                }
            }
            ProblemKind::EmptyTargetLabel => locale
                .pick(
                    "nội dung chỉ tiêu đang để trống; hãy ghi chỉ tiêu như trong kế hoạch.",
                    "the target has no wording; enter the target as the plan words it.",
                )
                .to_string(),
            ProblemKind::UnknownParent { parent } => {
                if vi {
                    format!(
                        "là chỉ tiêu con của chỉ tiêu có mã {}, nhưng kế hoạch không có chỉ tiêu nào mang mã đó.",
                        q(&short(parent))
                    )
                } else {
                    format!(
                        "it is a sub-target of the target with id {}, but the plan has no target with that id.",
                        q(&short(parent))
                    )
                }
            }
            ProblemKind::OwnParent => locale
                .pick(
                    "chỉ tiêu không thể là chỉ tiêu con của chính nó.",
                    "a target cannot be a sub-target of itself.",
                )
                .to_string(),
            ProblemKind::ParentCycle => locale
                .pick(
                    "các chỉ tiêu cha – con tạo thành vòng lặp (chỉ tiêu này, qua các chỉ tiêu cha, lại là chỉ tiêu con của chính nó).",
                    "the parent links form a loop (following its parents leads back to this target).",
                )
                .to_string(),
            ProblemKind::SubTargetWithoutDenominator => locale
                .pick(
                    "chỉ tiêu con («trong đó») tính theo tỷ lệ phải ghi rõ mẫu số là gì (ví dụ «tổng số hồ sơ tiếp nhận»).",
                    "a sub-target (\"of which\") measured as a ratio must say what its denominator counts (e.g. \"all dossiers received\").",
                )
                .to_string(),
            ProblemKind::NegativeThreshold { value } => {
                if vi {
                    format!("ngưỡng không được âm ({}).", num(*value, locale))
                } else {
                    format!("a threshold cannot be negative ({}).", num(*value, locale))
                }
            }
            ProblemKind::PercentAbove100 { value } => {
                if vi {
                    format!(
                        "ngưỡng tỷ lệ phần trăm phải từ 0 đến 100, nhưng đang là {}.",
                        num(*value, locale)
                    )
                } else {
                    format!(
                        "a percentage threshold must be between 0 and 100, but it is {}.",
                        num(*value, locale)
                    )
                }
            }
            ProblemKind::RangeMinAboveMax { min, max } => {
                if vi {
                    format!(
                        "khoảng «từ {} đến {}» có giá trị đầu lớn hơn giá trị cuối; hãy đổi chỗ hai giá trị.",
                        num(*min, locale),
                        num(*max, locale)
                    )
                } else {
                    format!(
                        "the range \"from {} to {}\" starts above its end; swap the two values.",
                        num(*min, locale),
                        num(*max, locale)
                    )
                }
            }
            ProblemKind::ReduceToLowAboveHigh { low, high } => {
                if vi {
                    format!(
                        "khoảng «giảm xuống còn {} – {}» có giá trị thấp lớn hơn giá trị cao; hãy đổi chỗ hai giá trị.",
                        num(*low, locale),
                        num(*high, locale)
                    )
                } else {
                    format!(
                        "the band \"reduce to {} – {}\" has its low end above its high end; swap the two values.",
                        num(*low, locale),
                        num(*high, locale)
                    )
                }
            }
            ProblemKind::PerPeriodNeedsCount => locale
                .pick(
                    "quy tắc «ít nhất N lần mỗi kỳ» chỉ dùng cho chỉ tiêu đếm số lần; hãy đổi cách đo thành số đếm hoặc chọn quy tắc khác.",
                    "the rule \"at least N times per period\" only applies to a count; measure a count or choose another rule.",
                )
                .to_string(),
            ProblemKind::AllItemsNeedsRatioOrPercent => locale
                .pick(
                    "quy tắc «100%» chỉ dùng cho chỉ tiêu tỷ lệ hoặc phần trăm.",
                    "the rule \"100% of items\" only applies to a ratio or a percentage.",
                )
                .to_string(),
            ProblemKind::EmptyFieldName => locale
                .pick(
                    "tên lĩnh vực đang để trống.",
                    "the field name is empty.",
                )
                .to_string(),
            ProblemKind::DuplicateFieldId { id } => {
                if vi {
                    format!("mã lĩnh vực {} bị trùng.", q(&short(id)))
                } else {
                    format!("the field id {} is used twice.", q(&short(id)))
                }
            }
            ProblemKind::DuplicateFieldName { name } => {
                if vi {
                    format!("tên lĩnh vực {} bị trùng.", q(&short(name)))
                } else {
                    format!("the field name {} is used twice.", q(&short(name)))
                }
            }
            ProblemKind::DuplicateEntryId { id } => {
                if vi {
                    format!(
                        "mã mục tiến độ {} trùng với một mục khác của cùng chỉ tiêu.",
                        q(&short(id))
                    )
                } else {
                    format!(
                        "the entry id {} is also used by another entry of this target.",
                        q(&short(id))
                    )
                }
            }
            ProblemKind::ReadingMismatch { expected, found } => {
                if vi {
                    format!(
                        "chỉ tiêu này cần {} nhưng mục tiến độ ghi {}.",
                        expected.name(locale),
                        found.name(locale)
                    )
                } else {
                    format!(
                        "this target needs {} but the entry holds {}.",
                        expected.name(locale),
                        found.name(locale)
                    )
                }
            }
            ProblemKind::UnknownBreakdownField { field } => {
                if vi {
                    format!(
                        "có số liệu cho lĩnh vực mã {} nhưng chỉ tiêu không có lĩnh vực đó.",
                        q(&short(field))
                    )
                } else {
                    format!(
                        "it has figures for the field with id {}, which the target does not have.",
                        q(&short(field))
                    )
                }
            }
            ProblemKind::RepeatedBreakdownField { field } => {
                if vi {
                    format!(
                        "lĩnh vực mã {} có số liệu hai lần trong cùng một mục.",
                        q(&short(field))
                    )
                } else {
                    format!(
                        "the field with id {} has figures twice in the same entry.",
                        q(&short(field))
                    )
                }
            }
            ProblemKind::FigureMismatch { expected, found } => {
                if vi {
                    format!(
                        "chỉ tiêu đo bằng {} nhưng số liệu là {}.",
                        expected.name(locale),
                        found.name(locale)
                    )
                } else {
                    format!(
                        "the target is measured as {} but the figure is {}.",
                        expected.name(locale),
                        found.name(locale)
                    )
                }
            }
            ProblemKind::NumeratorAboveDenominator {
                numerator,
                denominator,
            } => {
                if vi {
                    format!(
                        "tử số ({}) lớn hơn mẫu số ({}).",
                        count(*numerator, locale),
                        count(*denominator, locale)
                    )
                } else {
                    format!(
                        "the numerator ({}) is larger than the denominator ({}).",
                        count(*numerator, locale),
                        count(*denominator, locale)
                    )
                }
            }
            ProblemKind::DuplicateItemId { id, first } => {
                if vi {
                    format!(
                        "mã {} trùng với mục thứ {} của cùng danh sách; mỗi mục phải có mã riêng.",
                        q(&short(id)),
                        first + 1
                    )
                } else {
                    format!(
                        "the id {} is also that of item {} of the same list; every item needs its own id.",
                        q(&short(id)),
                        first + 1
                    )
                }
            }
            ProblemKind::EmptyTaskTitle => locale
                .pick(
                    "nội dung nhiệm vụ đang để trống; hãy ghi việc cần làm.",
                    "the task has no wording; enter what is to be done.",
                )
                .to_string(),
            ProblemKind::UnknownTaskTarget { target } => {
                if vi {
                    format!(
                        "nhiệm vụ gắn với chỉ tiêu có mã {}, nhưng kế hoạch không có chỉ tiêu nào mang mã đó.",
                        q(&short(target))
                    )
                } else {
                    format!(
                        "the task is linked to the target with id {}, but the plan has no target with that id.",
                        q(&short(target))
                    )
                }
            }
            ProblemKind::EmptyProcedureName => locale
                .pick(
                    "tên thủ tục hành chính đang để trống.",
                    "the procedure has no name.",
                )
                .to_string(),
            ProblemKind::NegativeDays { value } => {
                if vi {
                    format!("số ngày làm việc không được âm ({}).", num(*value, locale))
                } else {
                    format!("a number of working days cannot be negative ({}).", num(*value, locale))
                }
            }
            ProblemKind::NewTimeAboveStandard { standard, new } => {
                if vi {
                    format!(
                        "thời gian mới ({} ngày) dài hơn thời gian theo quy định ({} ngày): thủ tục chưa được rút ngắn.",
                        num(*new, locale),
                        num(*standard, locale)
                    )
                } else {
                    format!(
                        "the new time ({} days) is longer than the standard time ({} days): the procedure was not shortened.",
                        num(*new, locale),
                        num(*standard, locale)
                    )
                }
            }
            ProblemKind::BadDayOfYear { found } => {
                if vi {
                    format!(
                        "ngày chốt số liệu {} không hợp lệ; phải có dạng \"MM-DD\" của một ngày có trong mọi năm (ví dụ \"06-14\" cho 14/6).",
                        q(&short(found))
                    )
                } else {
                    format!(
                        "the cut-off day {} is invalid; it must be \"MM-DD\" of a day every year has (e.g. \"06-14\" for 14 June).",
                        q(&short(found))
                    )
                }
            }
            ProblemKind::CutoffsOutOfOrder => locale
                .pick(
                    "các ngày chốt số liệu phải nối tiếp nhau trong năm: quý I trước 6 tháng, 6 tháng trước quý III, quý III trước cả năm.",
                    "the cut-off days must follow each other through the year: first quarter before six months, six months before third quarter, third quarter before the year.",
                )
                .to_string(),
            ProblemKind::NegativePeriodTarget { value } => {
                if vi {
                    format!("chỉ tiêu của kỳ không được âm ({}).", num(*value, locale))
                } else {
                    format!("a period's target cannot be negative ({}).", num(*value, locale))
                }
            }
            ProblemKind::HistoryYearTwice { year } => {
                if vi {
                    format!("giá trị năm {year} được ghi hai lần trong số liệu các năm trước; chỉ giữ một.")
                } else {
                    format!("the value of {year} is given twice in the previous years' values; keep one.")
                }
            }
            ProblemKind::HistoryYearNotBefore { year, plan_year } => {
                if vi {
                    format!("số liệu các năm trước có năm {year}, không trước năm kế hoạch {plan_year}.")
                } else {
                    format!("the previous years' values include {year}, which is not before the plan year {plan_year}.")
                }
            }
            ProblemKind::RankZero => locale
                .pick(
                    "thứ hạng và số đơn vị được xếp hạng phải từ 1 trở lên.",
                    "a rank and the number of units ranked must be 1 or more.",
                )
                .to_string(),
            ProblemKind::RankBeyondCount { position, of } => {
                if vi {
                    format!("thứ hạng {position} lớn hơn số đơn vị được xếp hạng ({of}).")
                } else {
                    format!("the rank {position} is beyond the number of units ranked ({of}).")
                }
            }
        }
    }
}

fn value_problem_message(p: &ValueProblem, locale: Locale) -> String {
    let vi = locale == Locale::Vi;
    match p {
        ValueProblem::NotANumber(s) => {
            if vi {
                format!(
                    "«{}» không phải là một số (số trong tệp được ghi kiểu máy, ví dụ \"98.97\").",
                    short(s)
                )
            } else {
                format!(
                    "\"{}\" is not a number (numbers in files use machine form, e.g. \"98.97\").",
                    short(s)
                )
            }
        }
        ValueProblem::NumberTooLarge(s) => {
            if vi {
                format!("số «{}» quá lớn.", short(s))
            } else {
                format!("the number \"{}\" is too large.", short(s))
            }
        }
        ValueProblem::TooManyDecimals(s) => {
            if vi {
                format!(
                    "số «{}» có quá {} chữ số sau dấu thập phân.",
                    short(s),
                    crate::number::MAX_FRACTION_DIGITS
                )
            } else {
                format!(
                    "the number \"{}\" has more than {} decimal places.",
                    short(s),
                    crate::number::MAX_FRACTION_DIGITS
                )
            }
        }
        ValueProblem::NegativeCount(s) => {
            if vi {
                format!("số lượng không thể âm («{}»).", short(s))
            } else {
                format!("a count cannot be negative (\"{}\").", short(s))
            }
        }
        ValueProblem::FractionalCount(s) => {
            if vi {
                format!("số lượng phải là số nguyên («{}»).", short(s))
            } else {
                format!("a count must be a whole number (\"{}\").", short(s))
            }
        }
        ValueProblem::ImpossibleDate(s) => {
            let hint = impossible_date_hint(s, locale);
            if vi {
                format!("ngày «{}» không có trên lịch{hint}.", short(s))
            } else {
                format!("the date \"{}\" does not exist{hint}.", short(s))
            }
        }
        ValueProblem::BadDate(s) => {
            if vi {
                format!(
                    "«{}» không phải là ngày dạng năm-tháng-ngày (ví dụ \"2019-12-31\").",
                    short(s)
                )
            } else {
                format!(
                    "\"{}\" is not a date of the form year-month-day (e.g. \"2019-12-31\").",
                    short(s)
                )
            }
        }
    }
}

/// ` (tháng 02/2019 chỉ có 28 ngày)` for an impossible ISO date whose month exists.
fn impossible_date_hint(s: &str, locale: Locale) -> String {
    let mut parts = s.split('-');
    let (Some(y), Some(m)) = (parts.next(), parts.next()) else {
        return String::new();
    };
    let (Ok(year), Ok(month)) = (y.parse::<i32>(), m.parse::<u32>()) else {
        return String::new();
    };
    match days_in_month(year, month) {
        Some(days) => locale.pick(
            format!(": tháng {month:02}/{year} chỉ có {days} ngày"),
            format!(": {month:02}/{year} has only {days} days"),
        ),
        None => locale.pick(
            format!(": không có tháng {month}"),
            format!(": there is no month {month}"),
        ),
    }
}

/// A problem and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    pub kind: ProblemKind,
}

impl Problem {
    /// The full sentence: where, then what.
    /// `Chỉ tiêu 3 «Tỷ lệ hồ sơ…», mục tiến độ ngày 31/12/2019: tử số (9.200) lớn hơn mẫu số (9.156).`
    pub fn message(&self, locale: Locale) -> String {
        let place = self.location.describe(locale, self.kind.is_structural());
        let what = self.kind.message(locale);
        if place.is_empty() {
            capitalize(&what)
        } else {
            format!("{place}: {what}")
        }
    }
}

impl Location {
    /// The location as a phrase: `Chỉ tiêu 3 «…», mục tiến độ ngày 31/12/2019, trường
    /// \`reading.figure.numerator\``. The field path is named only when `with_field` is set.
    pub fn describe(&self, locale: Locale, with_field: bool) -> String {
        let vi = locale == Locale::Vi;
        let mut parts: Vec<String> = Vec::new();
        if let Some(t) = &self.target {
            let label = t.label.trim();
            parts.push(if label.is_empty() {
                locale.pick(
                    format!("Chỉ tiêu {}", t.index + 1),
                    format!("Target {}", t.index + 1),
                )
            } else {
                locale.pick(
                    format!("Chỉ tiêu {} «{}»", t.index + 1, short(label)),
                    format!("Target {} «{}»", t.index + 1, short(label)),
                )
            });
        }
        if let Some(item) = &self.item {
            let n = item.index + 1;
            let (vi_kind, en_kind) = match item.kind {
                ItemKind::Task => ("Nhiệm vụ", "Task"),
                ItemKind::Procedure => ("Thủ tục rút ngắn thời gian", "Shortened procedure"),
                ItemKind::Snapshot => ("Bản chốt số liệu", "Snapshot"),
            };
            let name = item.name.trim();
            parts.push(match (name.is_empty(), vi) {
                (true, true) => format!("{vi_kind} {n}"),
                (true, false) => format!("{en_kind} {n}"),
                (false, true) => format!("{vi_kind} {n} «{}»", short(name)),
                (false, false) => format!("{en_kind} {n} «{}»", short(name)),
            });
        }
        if let Some(e) = &self.entry {
            parts.push(match (e.date, vi) {
                (Some(d), true) => format!("mục tiến độ ngày {}", format_vi_date(d)),
                (Some(d), false) => format!("progress entry of {}", format_vi_date(d)),
                (None, true) => format!("mục tiến độ thứ {}", e.index + 1),
                (None, false) => format!("progress entry {}", e.index + 1),
            });
        }
        if let Some(p) = &self.part {
            parts.push(match p {
                Part::FirstCondition => locale
                    .pick("điều kiện thứ nhất", "first condition")
                    .to_string(),
                Part::SecondCondition => locale
                    .pick("điều kiện thứ hai", "second condition")
                    .to_string(),
                Part::BreakdownField { index, name } => {
                    let name = name.trim();
                    match (name.is_empty(), vi) {
                        (false, true) => format!("lĩnh vực «{}»", short(name)),
                        (false, false) => format!("field «{}»", short(name)),
                        (true, true) => format!("lĩnh vực thứ {}", index + 1),
                        (true, false) => format!("field {}", index + 1),
                    }
                }
            });
        }
        if with_field && !self.field.is_empty() {
            parts.push(locale.pick(
                format!("trường `{}`", self.field),
                format!("field `{}`", self.field),
            ));
        }
        let joined = parts.join(", ");
        capitalize(&joined)
    }
}

/// Shortens a text quoted in a message to at most 60 characters.
fn short(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() > MAX {
        let cut: String = s.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        s.to_string()
    }
}

/// A decimal for a message: `124,5` in Vietnamese, `124.5` in English.
fn num(d: Decimal, locale: Locale) -> String {
    match locale {
        Locale::Vi => format_decimal(d),
        Locale::En => {
            let plain = d.to_plain_string();
            let (sign, body) = match plain.strip_prefix('-') {
                Some(rest) => ("-", rest),
                None => ("", plain.as_str()),
            };
            let (int, frac) = match body.split_once('.') {
                Some((i, f)) => (i, Some(f)),
                None => (body, None),
            };
            let grouped = group_en(int);
            match frac {
                Some(f) => format!("{sign}{grouped}.{f}"),
                None => format!("{sign}{grouped}"),
            }
        }
    }
}

/// A count for a message: `9.156` in Vietnamese, `9,156` in English.
fn count(n: u64, locale: Locale) -> String {
    match locale {
        Locale::Vi => format_count(n),
        Locale::En => group_en(&n.to_string()),
    }
}

fn group_en(digits: &str) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

// ------------------------------------------------------------------------------------------
// The rules.
// ------------------------------------------------------------------------------------------

/// Every semantic problem of a plan, in plan order. An empty list means the plan is sound.
pub fn validate_plan(plan: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();
    let plan_level = |field: &str| Location {
        field: field.to_string(),
        ..Location::default()
    };
    // A template is made for units to come: its unit is left empty.
    if plan.unit.name.trim().is_empty() && plan.template.is_none() {
        out.push(Problem {
            location: plan_level("unit.name"),
            kind: ProblemKind::EmptyUnitName,
        });
    }
    if let Some(marker) = &plan.template {
        if marker.id.trim().is_empty() {
            out.push(Problem {
                location: plan_level("template.id"),
                kind: ProblemKind::EmptyTemplateId,
            });
        }
    }
    if !(MIN_PLAN_YEAR..=MAX_PLAN_YEAR).contains(&plan.year) {
        out.push(Problem {
            location: plan_level("year"),
            kind: ProblemKind::YearOutOfRange {
                year: i64::from(plan.year),
            },
        });
    } else if !plan.unit.level.exists_in(plan.year) {
        out.push(Problem {
            location: plan_level("unit.level"),
            kind: ProblemKind::DistrictAbolished { year: plan.year },
        });
    }

    let mut first_index: HashMap<&str, usize> = HashMap::new();
    for (i, t) in plan.targets.iter().enumerate() {
        first_index.entry(t.id.0.as_str()).or_insert(i);
    }
    for (i, target) in plan.targets.iter().enumerate() {
        // Built only for a problem: most targets have none, and reading thousands of plans
        // should not copy every id and label.
        let at = || TargetAt {
            index: i,
            id: target.id.0.clone(),
            label: target.label.clone(),
        };
        let mut push = |field: &str, part: Option<Part>, kind: ProblemKind| {
            out.push(Problem {
                location: Location {
                    target: Some(at()),
                    item: None,
                    entry: None,
                    part,
                    field: field.to_string(),
                },
                kind,
            })
        };
        if let Some(&first) = first_index.get(target.id.0.as_str()) {
            if first != i {
                push(
                    "id",
                    None,
                    ProblemKind::DuplicateTargetId {
                        id: target.id.0.clone(),
                        first,
                    },
                );
            }
        }
        if target.label.trim().is_empty() {
            push("label", None, ProblemKind::EmptyTargetLabel);
        }
        if let Some(kind) = parent_problem(plan, &first_index, i) {
            push("parent", None, kind);
        }
        if plan.template.is_some() && !target.entries.is_empty() {
            push(
                "entries",
                None,
                ProblemKind::TemplateWithProgress {
                    entries: target.entries.len(),
                },
            );
        }
        check_goal(target, &mut push);
        check_tracking(target, plan.year, &mut push);
        check_entries(target, &at, &mut out);
    }
    check_tasks(plan, &first_index, &mut out);
    check_procedures(plan, &mut out);
    check_reporting(plan, &mut out);
    out
}

fn check_tracking(
    target: &Target,
    plan_year: i32,
    push: &mut impl FnMut(&str, Option<Part>, ProblemKind),
) {
    let tracking = &target.tracking;
    for (key, period) in [
        ("firstQuarter", ReportingPeriod::FirstQuarter),
        ("sixMonths", ReportingPeriod::SixMonths),
        ("thirdQuarter", ReportingPeriod::ThirdQuarter),
    ] {
        if let Some(value) = tracking.period_targets.get(period) {
            if value.is_negative() {
                push(
                    &format!("periodTargets.{key}"),
                    None,
                    ProblemKind::NegativePeriodTarget { value },
                );
            }
        }
    }
    match check_history(&tracking.history, plan_year) {
        Ok(()) => {}
        Err(HistoryProblem::YearTwice(year)) => push(
            "previousYears",
            None,
            ProblemKind::HistoryYearTwice { year },
        ),
        Err(HistoryProblem::NotBefore(year)) => push(
            "previousYears",
            None,
            ProblemKind::HistoryYearNotBefore { year, plan_year },
        ),
    }
    if let Some(standing) = &tracking.standing {
        match standing.check() {
            Ok(()) => {}
            Err(StandingProblem::Zero) => push("standing", None, ProblemKind::RankZero),
            Err(StandingProblem::BeyondCount) => push(
                "standing",
                None,
                ProblemKind::RankBeyondCount {
                    position: standing
                        .position
                        .max(standing.previous_position.unwrap_or(0)),
                    of: standing.of,
                },
            ),
        }
    }
}

fn check_reporting(plan: &Plan, out: &mut Vec<Problem>) {
    if plan.reporting.cutoffs.check().is_err() {
        out.push(Problem {
            location: Location {
                field: "reportingCutoffs".to_string(),
                ..Location::default()
            },
            kind: ProblemKind::CutoffsOutOfOrder,
        });
    }
    let list = &plan.reporting.snapshots;
    let duplicates = duplicate_ids(list.iter().map(|s| s.id.0.as_str()));
    for (i, (snapshot, duplicate)) in list.iter().zip(duplicates).enumerate() {
        if let Some((id, first)) = duplicate {
            out.push(item_problem(
                ItemKind::Snapshot,
                i,
                &snapshot.id.0,
                snapshot.period.as_str(),
                "id",
                ProblemKind::DuplicateItemId { id, first },
            ));
        }
    }
}

/// A problem of the `index`-th item of a list, at `field` of the item.
fn item_problem(
    kind: ItemKind,
    index: usize,
    id: &str,
    name: &str,
    field: &str,
    problem: ProblemKind,
) -> Problem {
    Problem {
        location: Location {
            item: Some(ItemAt {
                kind,
                index,
                id: id.to_string(),
                name: name.to_string(),
            }),
            field: field.to_string(),
            ..Location::default()
        },
        kind: problem,
    }
}

/// For each item, the position of an earlier item with the same id, if any (the lists are
/// short: a scan, no hashing).
fn duplicate_ids<'a>(ids: impl Iterator<Item = &'a str> + Clone) -> Vec<Option<(String, usize)>> {
    let all: Vec<&str> = ids.collect();
    all.iter()
        .enumerate()
        .map(|(i, id)| {
            all[..i]
                .iter()
                .position(|x| x == id)
                .map(|first| (id.to_string(), first))
        })
        .collect()
}

fn check_tasks(plan: &Plan, targets: &HashMap<&str, usize>, out: &mut Vec<Problem>) {
    let duplicates = duplicate_ids(plan.tasks.iter().map(|t| t.id.0.as_str()));
    for (i, (task, duplicate)) in plan.tasks.iter().zip(duplicates).enumerate() {
        let mut push = |field: &str, problem: ProblemKind| {
            out.push(item_problem(
                ItemKind::Task,
                i,
                &task.id.0,
                &task.title,
                field,
                problem,
            ));
        };
        if let Some((id, first)) = duplicate {
            push("id", ProblemKind::DuplicateItemId { id, first });
        }
        if task.title.trim().is_empty() {
            push("title", ProblemKind::EmptyTaskTitle);
        }
        for (k, target) in task.targets.iter().enumerate() {
            if !targets.contains_key(target.0.as_str()) {
                push(
                    &format!("targets[{k}]"),
                    ProblemKind::UnknownTaskTarget {
                        target: target.0.clone(),
                    },
                );
            }
        }
    }
}

fn check_procedures(plan: &Plan, out: &mut Vec<Problem>) {
    let list = &plan.shortened_procedures;
    let duplicates = duplicate_ids(list.iter().map(|p| p.id.0.as_str()));
    for (i, (p, duplicate)) in list.iter().zip(duplicates).enumerate() {
        let mut push = |field: &str, problem: ProblemKind| {
            out.push(item_problem(
                ItemKind::Procedure,
                i,
                &p.id.0,
                &p.name,
                field,
                problem,
            ));
        };
        if let Some((id, first)) = duplicate {
            push("id", ProblemKind::DuplicateItemId { id, first });
        }
        if p.name.trim().is_empty() {
            push("name", ProblemKind::EmptyProcedureName);
        }
        let mut negative = false;
        for (field, value) in [("standardDays", p.standard_days), ("newDays", p.new_days)] {
            if value.is_negative() {
                negative = true;
                push(field, ProblemKind::NegativeDays { value });
            }
        }
        if !negative && p.new_days > p.standard_days {
            push(
                "newDays",
                ProblemKind::NewTimeAboveStandard {
                    standard: p.standard_days,
                    new: p.new_days,
                },
            );
        }
    }
}

fn parent_problem(
    plan: &Plan,
    first_index: &HashMap<&str, usize>,
    index: usize,
) -> Option<ProblemKind> {
    let target = plan.targets.get(index)?;
    let parent = target.parent.as_ref()?;
    if parent == &target.id {
        return Some(ProblemKind::OwnParent);
    }
    let Some(&start) = first_index.get(parent.0.as_str()) else {
        return Some(ProblemKind::UnknownParent {
            parent: parent.0.clone(),
        });
    };
    // Follow the chain of parents; coming back to this target means a loop. The walk is
    // bounded by the number of targets, so a loop elsewhere cannot keep it going.
    let mut current = start;
    for _ in 0..plan.targets.len() {
        if current == index {
            return Some(ProblemKind::ParentCycle);
        }
        let next = plan
            .targets
            .get(current)
            .and_then(|t| t.parent.as_ref())
            .and_then(|p| first_index.get(p.0.as_str()));
        match next {
            Some(&n) => current = n,
            None => return None,
        }
    }
    None
}

fn check_goal(target: &Target, push: &mut impl FnMut(&str, Option<Part>, ProblemKind)) {
    let is_sub = target.parent.is_some();
    match &target.goal {
        Goal::Single {
            condition,
            breakdown,
        } => {
            check_condition(condition, "goal.condition", None, is_sub, push);
            let mut ids: HashSet<&str> = HashSet::new();
            let mut names: HashSet<String> = HashSet::new();
            for (k, field) in breakdown.iter().enumerate() {
                let part = || {
                    Some(Part::BreakdownField {
                        index: k,
                        name: field.name.clone(),
                    })
                };
                let path = format!("goal.breakdown[{k}]");
                let name = field.name.trim();
                if name.is_empty() {
                    push(&format!("{path}.name"), part(), ProblemKind::EmptyFieldName);
                } else if !names.insert(lowercase(name)) {
                    push(
                        &format!("{path}.name"),
                        part(),
                        ProblemKind::DuplicateFieldName {
                            name: name.to_string(),
                        },
                    );
                }
                if !ids.insert(field.id.0.as_str()) {
                    push(
                        &format!("{path}.id"),
                        part(),
                        ProblemKind::DuplicateFieldId {
                            id: field.id.0.clone(),
                        },
                    );
                }
            }
        }
        Goal::Compound { first, second } => {
            check_condition(
                first,
                "goal.first",
                Some(Part::FirstCondition),
                is_sub,
                push,
            );
            check_condition(
                second,
                "goal.second",
                Some(Part::SecondCondition),
                is_sub,
                push,
            );
        }
        Goal::Milestone { .. } | Goal::FreeText => {}
    }
}

fn check_condition(
    condition: &Condition,
    path: &str,
    part: Option<Part>,
    is_sub: bool,
    push: &mut impl FnMut(&str, Option<Part>, ProblemKind),
) {
    let is_ratio = matches!(condition.measure, Measure::Ratio { .. });
    let is_percent = matches!(
        condition.measure,
        Measure::Value {
            unit: ValueUnit::Percent
        }
    );
    let is_count = matches!(
        condition.measure,
        Measure::Value {
            unit: ValueUnit::Count { .. }
        }
    );
    if let Measure::Ratio { denominator, .. } = &condition.measure {
        if is_sub && denominator.trim().is_empty() {
            push(
                &format!("{path}.measure.denominator"),
                part.clone(),
                ProblemKind::SubTargetWithoutDenominator,
            );
        }
    }
    let cpath = format!("{path}.comparator");
    let mut thresholds: Vec<(&str, Decimal)> = Vec::new();
    match &condition.comparator {
        Comparator::Above { threshold }
        | Comparator::AtLeast { threshold }
        | Comparator::AtMost { threshold }
        | Comparator::Below { threshold } => thresholds.push(("threshold", *threshold)),
        Comparator::Range { min, max, .. } => {
            thresholds.push(("min", *min));
            thresholds.push(("max", *max));
            if min > max {
                push(
                    &format!("{cpath}.min"),
                    part.clone(),
                    ProblemKind::RangeMinAboveMax {
                        min: *min,
                        max: *max,
                    },
                );
            }
        }
        Comparator::ReduceTo { low, high } => {
            thresholds.push(("low", *low));
            thresholds.push(("high", *high));
            if low > high {
                push(
                    &format!("{cpath}.low"),
                    part.clone(),
                    ProblemKind::ReduceToLowAboveHigh {
                        low: *low,
                        high: *high,
                    },
                );
            }
        }
        Comparator::AllItems => {
            if !(is_ratio || is_percent) {
                push(
                    &format!("{cpath}.rule"),
                    part.clone(),
                    ProblemKind::AllItemsNeedsRatioOrPercent,
                );
            }
        }
        Comparator::PerPeriod { min, .. } => {
            thresholds.push(("min", *min));
            if !is_count {
                push(
                    &format!("{cpath}.rule"),
                    part.clone(),
                    ProblemKind::PerPeriodNeedsCount,
                );
            }
        }
        Comparator::HigherThanPrevious { previous } => {
            if let Some(p) = previous {
                thresholds.push(("previous", *p));
            }
        }
    }
    for (name, value) in thresholds {
        let field = format!("{cpath}.{name}");
        if value.is_negative() {
            push(
                &field,
                part.clone(),
                ProblemKind::NegativeThreshold { value },
            );
        } else if (is_ratio || is_percent) && value > Decimal::HUNDRED {
            push(&field, part.clone(), ProblemKind::PercentAbove100 { value });
        }
    }
}

fn check_entries(target: &Target, at: &impl Fn() -> TargetAt, out: &mut Vec<Problem>) {
    let mut seen: HashSet<&str> = HashSet::new();
    let expected = ReadingShape::expected_for(&target.goal);
    for (j, entry) in target.entries.iter().enumerate() {
        let entry_at = || EntryAt {
            index: j,
            id: entry.id.0.clone(),
            date: Some(entry.date),
        };
        let mut push = |field: &str, part: Option<Part>, kind: ProblemKind| {
            out.push(Problem {
                location: Location {
                    target: Some(at()),
                    item: None,
                    entry: Some(entry_at()),
                    part,
                    field: field.to_string(),
                },
                kind,
            })
        };
        if !seen.insert(entry.id.0.as_str()) {
            push(
                "id",
                None,
                ProblemKind::DuplicateEntryId {
                    id: entry.id.0.clone(),
                },
            );
        }
        check_reading(target, entry, expected, &mut push);
    }
}

fn check_reading(
    target: &Target,
    entry: &ProgressEntry,
    expected: ReadingShape,
    push: &mut impl FnMut(&str, Option<Part>, ProblemKind),
) {
    let found = ReadingShape::of(&entry.reading);
    if found != expected {
        push(
            "reading.shape",
            None,
            ProblemKind::ReadingMismatch { expected, found },
        );
        // The figures cannot be matched to conditions; still catch impossible ratios.
        for (path, figure) in figures_of(&entry.reading) {
            check_counts(figure, &path, None, push);
        }
        return;
    }
    match (&target.goal, &entry.reading) {
        (Goal::Single { condition, .. }, Reading::Single { figure }) => {
            check_figure(&condition.measure, figure, "reading.figure", None, push);
        }
        (
            Goal::Single {
                condition,
                breakdown,
            },
            Reading::PerField { fields },
        ) => {
            let mut seen: HashSet<&str> = HashSet::new();
            for (k, ff) in fields.iter().enumerate() {
                let position = breakdown.iter().position(|f| f.id == ff.field);
                let repeated = position.is_some() && !seen.insert(ff.field.0.as_str());
                // The path and the field's name are only written for a problem.
                if position.is_some()
                    && !repeated
                    && figure_is_sound(&condition.measure, &ff.figure)
                {
                    continue;
                }
                let path = format!("reading.fields[{k}]");
                let part = position.and_then(|p| {
                    breakdown.get(p).map(|f| Part::BreakdownField {
                        index: p,
                        name: f.name.clone(),
                    })
                });
                if position.is_none() {
                    push(
                        &format!("{path}.field"),
                        None,
                        ProblemKind::UnknownBreakdownField {
                            field: ff.field.0.clone(),
                        },
                    );
                } else if repeated {
                    push(
                        &format!("{path}.field"),
                        part.clone(),
                        ProblemKind::RepeatedBreakdownField {
                            field: ff.field.0.clone(),
                        },
                    );
                }
                check_figure(
                    &condition.measure,
                    &ff.figure,
                    &format!("{path}.figure"),
                    part,
                    push,
                );
            }
        }
        (
            Goal::Compound { first, second },
            Reading::Pair {
                first: a,
                second: b,
            },
        ) => {
            check_figure(
                &first.measure,
                a,
                "reading.first",
                Some(Part::FirstCondition),
                push,
            );
            check_figure(
                &second.measure,
                b,
                "reading.second",
                Some(Part::SecondCondition),
                push,
            );
        }
        _ => {}
    }
}

fn figures_of(reading: &Reading) -> Vec<(String, &Figure)> {
    match reading {
        Reading::Single { figure } => vec![("reading.figure".to_string(), figure)],
        Reading::PerField { fields } => fields
            .iter()
            .enumerate()
            .map(|(k, f)| (format!("reading.fields[{k}].figure"), &f.figure))
            .collect(),
        Reading::Pair { first, second } => vec![
            ("reading.first".to_string(), first),
            ("reading.second".to_string(), second),
        ],
        Reading::Milestone { .. } | Reading::Text { .. } => Vec::new(),
    }
}

/// Whether [`check_figure`] would find nothing wrong with a figure.
fn figure_is_sound(measure: &Measure, figure: &Figure) -> bool {
    let counts_ok = match figure {
        Figure::Ratio {
            numerator,
            denominator,
        } => numerator.0 <= denominator.0,
        Figure::Value { .. } => true,
    };
    counts_ok && FigureKind::for_measure(measure) == FigureKind::of(figure)
}

fn check_figure(
    measure: &Measure,
    figure: &Figure,
    path: &str,
    part: Option<Part>,
    push: &mut impl FnMut(&str, Option<Part>, ProblemKind),
) {
    let expected = FigureKind::for_measure(measure);
    let found = FigureKind::of(figure);
    if expected != found {
        push(
            &format!("{path}.type"),
            part.clone(),
            ProblemKind::FigureMismatch { expected, found },
        );
    }
    check_counts(figure, path, part, push);
}

fn check_counts(
    figure: &Figure,
    path: &str,
    part: Option<Part>,
    push: &mut impl FnMut(&str, Option<Part>, ProblemKind),
) {
    if let Figure::Ratio {
        numerator,
        denominator,
    } = figure
    {
        // 0 of 0 means "not applicable" (no dossiers at all) and is fine; 5 of 0 is not.
        if numerator.0 > denominator.0 {
            push(
                &format!("{path}.numerator"),
                part,
                ProblemKind::NumeratorAboveDenominator {
                    numerator: numerator.0,
                    denominator: denominator.0,
                },
            );
        }
    }
}
