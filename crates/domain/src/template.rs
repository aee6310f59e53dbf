//! Plan templates (*mẫu chỉ tiêu*): sets of targets, with their rules and thresholds, that a
//! plan starts from.
//!
//! A template is a plan file whose `plan` carries a `template` marker ([`TemplateMarker`]:
//! id, version, name), has no progress and may leave its unit empty; so one reader and one
//! set of rules ([`crate::file`], [`crate::validate`]) serve plans and templates. Every target
//! of a template has a stable id (`xa-2026/t10`): plans started from the same template share
//! their target ids and consolidate without any mapping.
//!
//! The built-in templates ([`BuiltInTemplate`]) are files of `crates/domain/templates/`,
//! compiled in; a unit can also save its own plan as a template for its subordinates
//! ([`template_from_plan`]). [`targets_for_year`] gives a template's targets for a plan of
//! another year, its years moved with it. See `docs/templates.md`.

use chrono::{Datelike, NaiveDate};

use crate::file::{import_bytes, import_text, ImportError};
use crate::locale::Locale;
use crate::plan::{Plan, PlanId, PlanReference, PlanStatus};
use crate::target::{Comparator, Condition, Goal, Measure, Target};
use crate::unit::{Unit, UnitLevel};

/// What makes a plan file a template: which template it is and in which version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateMarker {
    /// Stable id of the template (`xa-2026`); the prefix of its targets' ids.
    pub id: String,
    /// Grows with each published change of the template (1, 2, …).
    pub version: u32,
    /// The name offered to the officer (`Xã, phường 2026`).
    pub name: String,
}

/// The templates that come with the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BuiltInTemplate {
    /// The 31 standard targets of a commune's or ward's annual CCHC plan for 2026.
    Commune2026,
    /// Targets of a province department's (*sở, ban, ngành*) annual CCHC plan for 2026.
    Department2026,
    /// The 2019-style online-service and postal targets, for historical plans.
    Legacy2019,
}

impl BuiltInTemplate {
    pub const ALL: [BuiltInTemplate; 3] = [
        BuiltInTemplate::Commune2026,
        BuiltInTemplate::Department2026,
        BuiltInTemplate::Legacy2019,
    ];

    /// The template id inside the file, also the file's name without `.json`.
    pub fn id(self) -> &'static str {
        match self {
            BuiltInTemplate::Commune2026 => "xa-2026",
            BuiltInTemplate::Department2026 => "so-nganh-2026",
            BuiltInTemplate::Legacy2019 => "kieu-2019",
        }
    }

    /// The template file as it is in the repository.
    pub fn file_text(self) -> &'static str {
        match self {
            BuiltInTemplate::Commune2026 => include_str!("../templates/xa-2026.json"),
            BuiltInTemplate::Department2026 => include_str!("../templates/so-nganh-2026.json"),
            BuiltInTemplate::Legacy2019 => include_str!("../templates/kieu-2019.json"),
        }
    }

    /// The template, read and checked like any template file. The tests make sure every
    /// built-in template reads; a failure here is reported, never a panic.
    pub fn load(self) -> Result<Plan, TemplateError> {
        template_from_text(self.file_text())
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// Why a file could not be taken as a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// The file is not a plan file that reads (with the reason).
    Import(ImportError),
    /// A plan file that reads, but is a unit's plan, not a template.
    NotATemplate,
}

impl TemplateError {
    /// What is wrong and what to do, for the officer.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            TemplateError::Import(e) => e.message(locale),
            TemplateError::NotATemplate => locale
                .pick(
                    "Tệp này là kế hoạch của một đơn vị, không phải mẫu chỉ tiêu. Hãy dùng «Nhập tệp kế hoạch…» để thêm kế hoạch vào sổ, hoặc chọn tệp mẫu do cấp trên gửi (tạo bằng «Lưu làm mẫu cho cấp dưới»).",
                    "This file is a unit's plan, not a template. Use «Import plan file…» to add the plan to the workbook, or choose a template file sent by your superior unit (made with «Save as a template for subordinates»).",
                )
                .to_string(),
        }
    }
}

fn template_of(read: Result<Plan, ImportError>) -> Result<Plan, TemplateError> {
    let plan = read.map_err(TemplateError::Import)?;
    if plan.is_template() {
        Ok(plan)
    } else {
        Err(TemplateError::NotATemplate)
    }
}

/// Reads a template's text (a file's, or one the app stored), with every check.
pub(crate) fn template_from_text(text: &str) -> Result<Plan, TemplateError> {
    template_of(import_text(text).map(|i| i.plan))
}

/// Reads a template file chosen by the officer, with every check of a plan file and of a
/// template (no progress, an id); a plan file without the marker is [`TemplateError::NotATemplate`].
pub fn read_template(bytes: &[u8]) -> Result<Plan, TemplateError> {
    template_of(import_bytes(bytes).map(|i| i.plan))
}

/// The id of the template a unit's plan gives: the unit's name as a file-name part and the
/// year (`ubnd-tinh-son-la-2026`).
pub fn template_id_for(plan: &Plan) -> String {
    format!(
        "{}-{}",
        crate::file::file_name::slug(&plan.unit.name),
        plan.year
    )
}

/// A unit's plan as a template for its subordinates: the same targets with the same ids,
/// wording, rules, thresholds and suggestion marks, and nothing of the unit's own year: no
/// progress, no notes, no previous-year values (each subordinate has its own), no document,
/// no sources, and no keys kept from a newer app (they may hold figures). The unit is left
/// empty for the subordinate to fill in; the plan's unit becomes the superior of the plans
/// made from it. The template's version is the plan's revision, so a template saved again
/// after changes has a higher version.
pub fn template_from_plan(plan: &Plan, name: String) -> Plan {
    let id = template_id_for(plan);
    Plan {
        id: PlanId(format!("mau-{id}")),
        unit: Unit {
            id: String::new(),
            name: String::new(),
            level: UnitLevel::Commune,
            superior: plan.unit.name.clone(),
            superior_id: plan.unit.id.clone(),
            extra: Default::default(),
        },
        year: plan.year,
        revision: 1,
        status: PlanStatus::Draft,
        reference: PlanReference::default(),
        notes: Default::default(),
        sources: Vec::new(),
        template: Some(TemplateMarker {
            id,
            version: plan.revision,
            name,
        }),
        targets: plan.targets.iter().map(bare_target).collect(),
        // A unit's own tasks and results are not a template's.
        tasks: Vec::new(),
        shortened_procedures: Vec::new(),
        reporting: Default::default(),
        extra: Default::default(),
    }
}

/// A target without anything recorded against it. Every field is named, so that a field
/// added to targets later is a decision here: does it belong to the target as a plan words
/// it, or to the unit's year?
fn bare_target(t: &Target) -> Target {
    let mut t = Target {
        id: t.id.clone(),
        area: t.area,
        label: t.label.clone(),
        goal: t.goal.clone(),
        parent: t.parent.clone(),
        suggested: t.suggested,
        // How the target is paced and its per-period targets are how the plan words it; the
        // values of past years and a published rank are the unit's own.
        tracking: crate::tracking::Tracking {
            pace: t.tracking.pace,
            period_targets: t.tracking.period_targets,
            history: Vec::new(),
            standing: None,
        },
        entries: Vec::new(),
        notes: Default::default(),
        extra: Default::default(),
    };
    for_each_condition(&mut t.goal, &mut |c| {
        if let Comparator::HigherThanPrevious { previous } = &mut c.comparator {
            *previous = None;
        }
    });
    t
}

fn for_each_condition(goal: &mut Goal, f: &mut dyn FnMut(&mut Condition)) {
    match goal {
        Goal::Single { condition, .. } => f(condition),
        Goal::Compound { first, second } => {
            f(first);
            f(second);
        }
        Goal::Milestone { .. } | Goal::FreeText => {}
    }
}

/// The template's targets for a plan of `year`: the same ids, rules and thresholds, no
/// progress, and the years moved by the difference between `year` and the template's year:
/// milestone deadlines (31/01/2026 → 31/01/2027; 29/02 becomes 28/02 in a common year) and
/// the years in the wording ([`shift_years`]). A previous-year value belongs to the
/// template's year, so it is dropped when the year changes.
pub fn targets_for_year(template: &Plan, year: i32) -> Vec<Target> {
    let from = template.year;
    template
        .targets
        .iter()
        .map(|t| {
            let mut t = Target {
                entries: Vec::new(),
                ..t.clone()
            };
            if year == from {
                return t;
            }
            // A published rank belongs to its year.
            t.tracking.standing = None;
            t.label = shift_years(&t.label, from, year);
            for_each_condition(&mut t.goal, &mut |c| {
                c.label = shift_years(&c.label, from, year);
                if let Measure::Ratio {
                    numerator,
                    denominator,
                } = &mut c.measure
                {
                    *numerator = shift_years(numerator, from, year);
                    *denominator = shift_years(denominator, from, year);
                }
                if let Comparator::HigherThanPrevious { previous } = &mut c.comparator {
                    *previous = None;
                }
            });
            match &mut t.goal {
                Goal::Milestone { deadline } => {
                    *deadline = deadline.and_then(|d| shift_date(d, year - from));
                }
                Goal::Single { breakdown, .. } => {
                    for f in breakdown {
                        f.name = shift_years(&f.name, from, year);
                    }
                }
                Goal::Compound { .. } | Goal::FreeText => {}
            }
            t
        })
        .collect()
}

/// The same day `years` years later (or earlier); 29 February becomes 28 February in a
/// common year. None outside the calendar `chrono` knows.
fn shift_date(d: NaiveDate, years: i32) -> Option<NaiveDate> {
    let y = d.year().checked_add(years)?;
    NaiveDate::from_ymd_opt(y, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(y, d.month(), d.day().saturating_sub(1)))
}

/// Moves the plan years in a text by `to − from`: a four-digit year of `from − 1`, `from` or
/// `from + 1` that follows `năm ` (`năm 2026`, `cao hơn năm 2025`) or ends a date
/// (`31/01/2026`). Other numbers stay: document numbers (`30/2020/NĐ-CP`, `766/QĐ-TTg`),
/// periods (`giai đoạn 2026–2030`), longer numbers, and years far from the template's.
pub fn shift_years(text: &str, from: i32, to: i32) -> String {
    if from == to {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let standalone_year = i + 4 <= chars.len()
            && (i..i + 4).all(digit_at)
            && (i == 0 || !digit_at(i - 1))
            && !digit_at(i + 4);
        if standalone_year {
            let year: i32 = chars
                .get(i..i + 4)
                .unwrap_or_default()
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            let before = chars.get(..i).unwrap_or_default();
            if (from - 1..=from + 1).contains(&year) && names_a_year(before) {
                out.push_str(&(year + to - from).to_string());
                i += 4;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Whether the text just before a number makes it a year: `năm ` (any case) or the day and
/// month of a date (`d/m/`, `dd/mm/`).
fn names_a_year(before: &[char]) -> bool {
    let n = before.len();
    let last = |k: usize| before.get(n.wrapping_sub(k)).copied();
    let year_word = matches!(
        (last(4), last(3), last(2), last(1)),
        (Some('n' | 'N'), Some('ă' | 'Ă'), Some('m' | 'M'), Some(' '))
    );
    if year_word {
        return true;
    }
    // `dd/mm/`: read back over the month and the day, one or two digits each.
    let mut k = 1;
    for _part in 0..2 {
        if last(k) != Some('/') {
            return false;
        }
        k += 1;
        let digits = (0..2)
            .take_while(|j| last(k + j).is_some_and(|c| c.is_ascii_digit()))
            .count();
        if digits == 0 {
            return false;
        }
        k += digits;
    }
    !last(k).is_some_and(|c| c.is_ascii_digit() || c == '/')
}

/// The proposed name of a template file: `mau-chi-tieu_<template id>_v<version>.json`.
pub fn template_file_name(template: &Plan) -> String {
    let (id, version) = template
        .template
        .as_ref()
        .map(|m| (m.id.as_str(), m.version))
        .unwrap_or(("", 1));
    format!(
        "mau-chi-tieu_{}_v{version}.json",
        crate::file::file_name::slug(id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_move_only_where_they_are_years() {
        let s = |t: &str| shift_years(t, 2026, 2027);
        assert_eq!(
            s("Chỉ số năm 2026 cao hơn năm 2025"),
            "Chỉ số năm 2027 cao hơn năm 2026"
        );
        assert_eq!(s("trước ngày 31/01/2026"), "trước ngày 31/01/2027");
        assert_eq!(s("hạn 1/2/2027"), "hạn 1/2/2028");
        assert_eq!(s("Năm 2026: kế hoạch"), "Năm 2027: kế hoạch");
        for same in [
            "Nghị định 30/2020/NĐ-CP",
            "Nghị định 118/2025/NĐ-CP",
            "giai đoạn 2026–2030",
            "Quyết định 766/QĐ-TTg",
            "so với năm 2021",
            "năm 20261",
            "năm 12026",
            "3.136 giờ",
            "",
        ] {
            assert_eq!(s(same), same);
        }
        assert_eq!(shift_years("năm 2019", 2019, 2019), "năm 2019");
        assert_eq!(shift_years("năm 2026", 2026, 2019), "năm 2019");
    }

    #[test]
    fn leap_days_move_to_the_last_day_of_february() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(shift_date(d(2028, 2, 29), 1), Some(d(2029, 2, 28)));
        assert_eq!(shift_date(d(2026, 1, 31), -7), Some(d(2019, 1, 31)));
    }
}
