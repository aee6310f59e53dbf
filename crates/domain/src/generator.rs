//! Realistic plans of subordinate units (communes, wards, special zones), generated
//! deterministically from a seed, for the tests and benchmarks of consolidation.
//!
//! Every generated plan is built from one fixed template of 32 targets: the 31 starter
//! targets of a ward/commune annual CCHC plan (milestones with deadlines, ratios that must
//! reach a threshold or cover every item, a per-field breakdown, counts per year, a "reduce
//! to" band, two "higher than last year" indices, a compound target) and one free-text
//! target. Target ids (`tpl-01` … `tpl-32`) and breakdown field ids (`f-01` … `f-05`) are the
//! same in every plan, so the plans consolidate without any mapping; only the figures, and
//! the previous year's index values, differ from unit to unit.
//!
//! The figures are year-to-date as of [`GeneratorOptions::as_of`] (the reporting year runs
//! from 15/12 of the year before, as in the national reporting rules) and are shaped by each
//! unit's size and diligence: some units meet a target and some do not, some have not
//! reported a target yet, and some have nothing to report (`0` of `0` dossiers). Numerators
//! never exceed denominators, and every plan passes [`crate::validate::validate_plan`].
//!
//! The same options always give the same plans, on every machine: the randomness is a small
//! SplitMix64 generator in this module, one stream per unit, so the first `n` plans of a
//! larger batch are the `n` plans of a smaller one.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use crate::area::ReformArea;
use crate::date::format_vi_date;
use crate::notes::Notes;
use crate::number::{Count, Decimal};
use crate::plan::{Plan, PlanId, PlanReference, PlanStatus};
use crate::progress::{EntryId, FieldFigure, Figure, ProgressEntry, Reading};
use crate::target::{
    Comparator, Condition, Field, FieldId, Goal, Measure, Period, Target, TargetId, ValueUnit,
};
use crate::unit::{Unit, UnitLevel};

/// What the generated plans have in common.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratorOptions {
    /// The same seed gives the same plans; another seed gives other figures, names and ids.
    pub seed: u64,
    /// The plan year. Plans of a year outside `MIN_PLAN_YEAR..=MAX_PLAN_YEAR` are generated
    /// but are refused by validation.
    pub year: i32,
    /// The superior unit every plan is sent to (`UBND Thành phố Hà Nội`).
    pub superior: String,
    /// The superior unit's code (`01`).
    pub superior_id: String,
    /// The date of the progress entries: the figures are year-to-date on that day.
    pub as_of: NaiveDate,
}

/// Number of targets of the template, and so of every generated plan.
pub const TEMPLATE_TARGET_COUNT: usize = 32;

/// The ids of the breakdown fields of the per-field target (`tpl-10`), with their names.
pub const BREAKDOWN_FIELDS: [(&str, &str); 5] = [
    ("f-01", "Hộ tịch"),
    ("f-02", "Chứng thực"),
    ("f-03", "Đất đai"),
    ("f-04", "Xây dựng"),
    ("f-05", "Kinh doanh"),
];

/// The id of the `position`-th target of the template (from 1): `tpl-01`.
pub fn template_target_id(position: usize) -> TargetId {
    TargetId(format!("tpl-{position:02}"))
}

/// The template's targets for `year`, without progress and with the previous year's index
/// values unknown (each generated plan fills in its own).
pub fn template_targets(year: i32) -> Vec<Target> {
    template(year)
        .into_iter()
        .enumerate()
        .map(|(i, t)| Target {
            id: template_target_id(i + 1),
            area: t.area,
            label: t.label,
            goal: t.goal,
            parent: None,
            entries: Vec::new(),
            notes: Notes::default(),
            extra: Default::default(),
            suggested: false,
            tracking: Default::default(),
        })
        .collect()
}

/// `count` plans of communes, wards and special zones (in the national proportions of 2,621,
/// 687 and 13), each with the [`TEMPLATE_TARGET_COUNT`] targets of the template and one
/// progress entry per reported target, dated `as_of`. Unit names are unique ("Phường 12",
/// "Xã Tân Phú", "Xã Tân Phú 3"), unit codes are unique 5-digit codes (6 digits beyond the
/// 90,000th unit) and plan ids are unique and derived from the seed.
pub fn generate_plans(options: &GeneratorOptions, count: usize) -> Vec<Plan> {
    PlanGenerator::new(options.clone()).take(count).collect()
}

/// The plans of [`generate_plans`] one at a time, for batches too large to hold at once.
/// The sequence never ends; take as many as needed.
#[derive(Clone, Debug)]
pub struct PlanGenerator {
    options: GeneratorOptions,
    template: Vec<Target>,
    names: NameRegistry,
    codes: CodeSequence,
    /// Base of the plan ids: the `i`-th plan's id is built around `mix64(id_base + i)`.
    id_base: u64,
    next_index: u64,
}

impl PlanGenerator {
    pub fn new(options: GeneratorOptions) -> Self {
        let mut setup = SplitMix64::new(options.seed ^ SETUP_STREAM);
        PlanGenerator {
            template: template_targets(options.year),
            codes: CodeSequence::new(&mut setup),
            id_base: setup.next_u64(),
            names: NameRegistry::default(),
            next_index: 0,
            options,
        }
    }

    fn plan(&mut self, index: u64) -> Plan {
        let mut rng = SplitMix64::new(mix64(self.options.seed).wrapping_add(mix64(index)));
        let level = pick_level(&mut rng);
        let name = self.names.name_for(level, &mut rng);
        let code = self.codes.code(index);
        let plan_id = plan_id(mix64(self.id_base.wrapping_add(index)), &mut rng);
        let mut unit = UnitFigures::new(&self.options, level, rng);

        let mut targets = self.template.clone();
        let reports_progress = unit.reports_progress;
        for (target, recipe) in targets.iter_mut().zip(RECIPES) {
            unit.personalise(recipe, &mut target.goal);
            // The plan's own issue is always recorded: its reference names the document.
            let unreported = recipe != Recipe::PlanIssued && unit.leaves_unreported();
            if !reports_progress || unreported {
                continue;
            }
            if let Some(progress) = unit.progress(recipe) {
                target.entries.push(ProgressEntry {
                    id: EntryId("e-01".to_string()),
                    date: self.options.as_of,
                    reading: progress.reading,
                    comment: progress.comment,
                    extra: Default::default(),
                });
                target.notes = progress.notes;
            }
        }

        Plan {
            id: PlanId(plan_id),
            unit: Unit {
                id: code,
                name,
                level,
                superior: self.options.superior.clone(),
                superior_id: self.options.superior_id.clone(),
                extra: Default::default(),
            },
            year: self.options.year,
            revision: unit.revision(),
            status: unit.status(),
            reference: PlanReference {
                number: unit.plan_number.clone(),
                issued_on: Some(unit.plan_issued_on),
                date_note: String::new(),
                extra: Default::default(),
            },
            notes: unit.plan_notes(),
            sources: Vec::new(),
            targets,
            tasks: Vec::new(),
            shortened_procedures: Vec::new(),
            reporting: Default::default(),
            extra: Default::default(),
            template: None,
        }
    }
}

impl Iterator for PlanGenerator {
    type Item = Plan;

    fn next(&mut self) -> Option<Plan> {
        let index = self.next_index;
        self.next_index = self.next_index.wrapping_add(1);
        Some(self.plan(index))
    }
}

// ------------------------------------------------------------------------------------------
// Randomness.
// ------------------------------------------------------------------------------------------

/// Stream constants, so that the set-up draws and the units' draws never share a sequence.
const SETUP_STREAM: u64 = 0x5EED_5E70_0000_0001;
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 finaliser: a bijection of `u64` that scatters nearby inputs.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// SplitMix64 (Steele, Lea and Flood, 2014): small, fast, and the same on every platform.
#[derive(Clone, Debug)]
struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        mix64(self.state)
    }

    /// Uniform in `0..bound`; `0` when `bound` is `0`.
    fn below(&mut self, bound: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(bound)) >> 64) as u64
    }

    /// Uniform in `low..=high`; `low` when `high` is not above it.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        if high <= low {
            return low;
        }
        match (high - low).checked_add(1) {
            Some(span) => low + self.below(span),
            None => self.next_u64(),
        }
    }

    /// True with a probability of `per_mille` / 1000.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let index = self.below(items.len() as u64) as usize;
        items.get(index).copied().unwrap_or_default()
    }
}

// ------------------------------------------------------------------------------------------
// Units: level, name, code, plan id.
// ------------------------------------------------------------------------------------------

/// Commune-level units since the 2025 reorganisation: 2,621 communes, 687 wards and 13
/// special zones, 3,321 in all.
const NATIONAL_COMMUNES: u64 = 2_621;
const NATIONAL_WARDS: u64 = 687;
const NATIONAL_SPECIAL_ZONES: u64 = 13;

fn pick_level(rng: &mut SplitMix64) -> UnitLevel {
    let draw = rng.below(NATIONAL_COMMUNES + NATIONAL_WARDS + NATIONAL_SPECIAL_ZONES);
    if draw < NATIONAL_SPECIAL_ZONES {
        UnitLevel::SpecialZone
    } else if draw < NATIONAL_SPECIAL_ZONES + NATIONAL_WARDS {
        UnitLevel::Ward
    } else {
        UnitLevel::Commune
    }
}

/// Syllables of commune and ward names, combined two by two ("Tân Phú", "Long Hòa").
const NAME_SYLLABLES: [&str; 40] = [
    "An", "Bình", "Phú", "Tân", "Long", "Hòa", "Thạnh", "Phước", "Hưng", "Mỹ", "Vĩnh", "Thuận",
    "Đông", "Tây", "Nam", "Bắc", "Trung", "Quang", "Minh", "Hiệp", "Lộc", "Định", "Thành", "Xuân",
    "Thịnh", "Hải", "Sơn", "Hà", "Thái", "Khánh", "Phong", "Đức", "Lợi", "Thọ", "Hội", "Cường",
    "Nghĩa", "Lạc", "Yên", "Tiến",
];

/// The thirteen special zones (*đặc khu*) created in 2025.
const SPECIAL_ZONE_NAMES: [&str; 13] = [
    "Vân Đồn",
    "Cô Tô",
    "Cát Hải",
    "Bạch Long Vĩ",
    "Cồn Cỏ",
    "Lý Sơn",
    "Phú Quý",
    "Côn Đảo",
    "Phú Quốc",
    "Thổ Châu",
    "Kiên Hải",
    "Trường Sa",
    "Hoàng Sa",
];

/// Hands out unit names that no earlier unit of the batch has.
#[derive(Clone, Debug, Default)]
struct NameRegistry {
    taken: HashSet<String>,
    numbered_wards: u64,
}

impl NameRegistry {
    fn name_for(&mut self, level: UnitLevel, rng: &mut SplitMix64) -> String {
        let wanted = match level {
            UnitLevel::SpecialZone => format!("Đặc khu {}", rng.pick(&SPECIAL_ZONE_NAMES)),
            // Some cities still number their wards ("Phường 12").
            UnitLevel::Ward if rng.chance(300) => {
                self.numbered_wards += 1;
                format!("Phường {}", self.numbered_wards)
            }
            UnitLevel::Ward => format!("Phường {}", two_syllables(rng)),
            _ => format!("Xã {}", two_syllables(rng)),
        };
        self.claim(wanted)
    }

    /// `wanted` if it is free, otherwise `wanted 2`, `wanted 3`, …
    fn claim(&mut self, wanted: String) -> String {
        if !self.taken.contains(&wanted) {
            self.taken.insert(wanted.clone());
            return wanted;
        }
        let mut suffix: u64 = 2;
        loop {
            let candidate = format!("{wanted} {suffix}");
            if !self.taken.contains(&candidate) {
                self.taken.insert(candidate.clone());
                return candidate;
            }
            suffix += 1;
        }
    }
}

fn two_syllables(rng: &mut SplitMix64) -> String {
    let first = rng.pick(&NAME_SYLLABLES);
    let mut second = rng.pick(&NAME_SYLLABLES);
    while second == first {
        second = rng.pick(&NAME_SYLLABLES);
    }
    format!("{first} {second}")
}

/// Unit codes: the 5-digit codes 10000–99999 in an order drawn from the seed (an affine
/// permutation, so no code repeats), then 6-digit codes for units beyond the 90,000th.
#[derive(Clone, Debug)]
struct CodeSequence {
    offset: u64,
    stride: u64,
}

const FIRST_CODE: u64 = 10_000;
const FIVE_DIGIT_CODES: u64 = 90_000;

impl CodeSequence {
    fn new(rng: &mut SplitMix64) -> Self {
        let offset = rng.below(FIVE_DIGIT_CODES);
        let mut stride = rng.between(FIVE_DIGIT_CODES / 10, FIVE_DIGIT_CODES - 1);
        while greatest_common_divisor(stride, FIVE_DIGIT_CODES) != 1 {
            stride += 1;
        }
        CodeSequence { offset, stride }
    }

    fn code(&self, index: u64) -> String {
        if index < FIVE_DIGIT_CODES {
            let position = (self.offset + index * self.stride) % FIVE_DIGIT_CODES;
            (FIRST_CODE + position).to_string()
        } else {
            (FIRST_CODE * 10)
                .saturating_add(index - FIVE_DIGIT_CODES)
                .to_string()
        }
    }
}

fn greatest_common_divisor(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// A plan id shaped like a random UUID, as the app makes them. `unique` (different for every
/// plan of a batch) supplies 64 of its bits, so two plans never share an id.
fn plan_id(unique: u64, rng: &mut SplitMix64) -> String {
    let filler = rng.next_u64();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:x}{:03x}-{:04x}{:08x}",
        unique >> 32,
        (unique >> 16) & 0xffff,
        filler & 0xfff,
        8 + ((filler >> 12) & 0x3),
        (filler >> 14) & 0xfff,
        unique & 0xffff,
        (filler >> 26) & 0xffff_ffff,
    )
}

// ------------------------------------------------------------------------------------------
// The template.
// ------------------------------------------------------------------------------------------

/// How a unit's figures for one template target are made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Recipe {
    PlanIssued,
    TasksOnSchedule,
    ProvinceTasksOnTime,
    PeriodicReports,
    SubunitsInspected,
    SubunitsWithInitiatives,
    ParIndex,
    LegalDocumentsProper,
    LegalReviewDone,
    OnTimePerField,
    ProceduresPublished,
    DossiersSynchronised,
    OnlineSubmissions,
    FullyOnlineServices,
    DossiersDigitised,
    ElectronicResults,
    OnlinePayment,
    Satisfaction,
    LandConstructionSatisfaction,
    FeedbackHandled,
    Dialogues,
    OfficialsInApprovedPositions,
    WorkingRulesIssued,
    OfficialsTrained,
    DisciplineInspections,
    BudgetPublished,
    RecurrentSpending,
    DocumentsProcessedOnline,
    DocumentsSigned,
    DigitalTechnologyTeams,
    ServiceIndex,
    Communication,
}

/// The recipes in template order: the `i`-th recipe makes the figures of `tpl-(i+1)`.
const RECIPES: [Recipe; TEMPLATE_TARGET_COUNT] = [
    Recipe::PlanIssued,
    Recipe::TasksOnSchedule,
    Recipe::ProvinceTasksOnTime,
    Recipe::PeriodicReports,
    Recipe::SubunitsInspected,
    Recipe::SubunitsWithInitiatives,
    Recipe::ParIndex,
    Recipe::LegalDocumentsProper,
    Recipe::LegalReviewDone,
    Recipe::OnTimePerField,
    Recipe::ProceduresPublished,
    Recipe::DossiersSynchronised,
    Recipe::OnlineSubmissions,
    Recipe::FullyOnlineServices,
    Recipe::DossiersDigitised,
    Recipe::ElectronicResults,
    Recipe::OnlinePayment,
    Recipe::Satisfaction,
    Recipe::LandConstructionSatisfaction,
    Recipe::FeedbackHandled,
    Recipe::Dialogues,
    Recipe::OfficialsInApprovedPositions,
    Recipe::WorkingRulesIssued,
    Recipe::OfficialsTrained,
    Recipe::DisciplineInspections,
    Recipe::BudgetPublished,
    Recipe::RecurrentSpending,
    Recipe::DocumentsProcessedOnline,
    Recipe::DocumentsSigned,
    Recipe::DigitalTechnologyTeams,
    Recipe::ServiceIndex,
    Recipe::Communication,
];

struct TemplateTarget {
    area: ReformArea,
    label: String,
    goal: Goal,
}

fn whole(n: i64) -> Decimal {
    Decimal::from_int(n)
}

/// A date of the plan year; `None` only for a year chrono cannot represent.
fn date_of(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn ratio_condition(numerator: &str, denominator: &str, comparator: Comparator) -> Condition {
    Condition {
        label: String::new(),
        measure: Measure::Ratio {
            numerator: numerator.to_string(),
            denominator: denominator.to_string(),
        },
        comparator,
    }
}

fn value_condition(unit: ValueUnit, comparator: Comparator) -> Condition {
    Condition {
        label: String::new(),
        measure: Measure::Value { unit },
        comparator,
    }
}

fn single(condition: Condition) -> Goal {
    Goal::Single {
        condition,
        breakdown: Vec::new(),
    }
}

fn at_least(percent: i64) -> Comparator {
    Comparator::AtLeast {
        threshold: whole(percent),
    }
}

fn per_year(min: i64) -> Comparator {
    Comparator::PerPeriod {
        min: whole(min),
        period: Period::Year,
    }
}

fn count_of(noun: &str) -> ValueUnit {
    ValueUnit::Count {
        noun: noun.to_string(),
    }
}

/// The 31 starter targets of a ward/commune annual CCHC plan, with the wording plans use,
/// and a free-text target. Thresholds are the template's; a province's own plan governs.
fn template(year: i32) -> Vec<TemplateTarget> {
    use ReformArea::*;
    let last_year = year.saturating_sub(1);
    let target = |area: ReformArea, label: String, goal: Goal| TemplateTarget { area, label, goal };
    let all = |area: ReformArea, label: &str, numerator: &str, denominator: &str| {
        target(
            area,
            label.to_string(),
            single(ratio_condition(
                numerator,
                denominator,
                Comparator::AllItems,
            )),
        )
    };
    vec![
        // 1–7: Công tác chỉ đạo, điều hành.
        target(
            Direction,
            format!(
                "Ban hành Kế hoạch cải cách hành chính năm {year} của UBND xã, phường trước ngày \
                 31/01/{year}"
            ),
            Goal::Milestone {
                deadline: date_of(year, 1, 31),
            },
        ),
        all(
            Direction,
            &format!(
                "100% nhiệm vụ trong Kế hoạch cải cách hành chính năm {year} hoàn thành đầy đủ, \
                 đúng tiến độ"
            ),
            "nhiệm vụ hoàn thành đúng tiến độ",
            "nhiệm vụ đã đến hạn trong Kế hoạch",
        ),
        all(
            Direction,
            "100% nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao hoàn thành đúng hạn",
            "nhiệm vụ hoàn thành đúng hạn",
            "nhiệm vụ được giao đã đến hạn",
        ),
        target(
            Direction,
            "Gửi đúng hạn báo cáo cải cách hành chính định kỳ (Quý I, 6 tháng, Quý III, năm): ít \
             nhất 4 báo cáo/năm"
                .to_string(),
            single(value_condition(count_of("báo cáo"), per_year(4))),
        ),
        target(
            Direction,
            "Kiểm tra công tác cải cách hành chính tối thiểu 30% bộ phận, đơn vị trực thuộc trong \
             năm"
            .to_string(),
            single(ratio_condition(
                "bộ phận, đơn vị được kiểm tra",
                "bộ phận, đơn vị trực thuộc",
                at_least(30),
            )),
        ),
        all(
            Direction,
            "Phấn đấu 100% bộ phận, đơn vị trực thuộc có sáng kiến, giải pháp cải cách hành chính",
            "bộ phận, đơn vị có sáng kiến, giải pháp",
            "bộ phận, đơn vị trực thuộc",
        ),
        target(
            Direction,
            format!(
                "Chỉ số cải cách hành chính (PAR Index) năm {year} của xã, phường cao hơn năm \
                 {last_year}"
            ),
            single(value_condition(
                ValueUnit::Percent,
                Comparator::HigherThanPrevious { previous: None },
            )),
        ),
        // 8–9: Cải cách thể chế.
        all(
            Institutions,
            "100% văn bản quy phạm pháp luật của HĐND, UBND xã, phường ban hành đúng thẩm quyền, \
             trình tự, thủ tục",
            "văn bản ban hành đúng thẩm quyền, trình tự, thủ tục",
            "văn bản quy phạm pháp luật đã ban hành",
        ),
        target(
            Institutions,
            format!(
                "Hoàn thành rà soát, hệ thống hóa văn bản quy phạm pháp luật theo kế hoạch trước \
                 ngày 31/12/{year}"
            ),
            Goal::Milestone {
                deadline: date_of(year, 12, 31),
            },
        ),
        // 10–21: Cải cách thủ tục hành chính.
        target(
            Procedures,
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước hạn, đúng hạn của từng lĩnh vực đều \
             đạt tối thiểu 98%"
                .to_string(),
            Goal::Single {
                condition: ratio_condition(
                    "hồ sơ giải quyết trước hạn, đúng hạn",
                    "hồ sơ đã giải quyết",
                    at_least(98),
                ),
                breakdown: BREAKDOWN_FIELDS
                    .iter()
                    .map(|(id, name)| Field {
                        id: FieldId((*id).to_string()),
                        name: (*name).to_string(),
                    })
                    .collect(),
            },
        ),
        all(
            Procedures,
            "100% thủ tục hành chính thuộc thẩm quyền được công bố, công khai đầy đủ, đúng hạn",
            "thủ tục được công bố, công khai đầy đủ, đúng hạn",
            "thủ tục hành chính thuộc thẩm quyền giải quyết",
        ),
        all(
            Procedures,
            "100% hồ sơ thủ tục hành chính được tiếp nhận, cập nhật trạng thái trên Hệ thống thông \
             tin giải quyết thủ tục hành chính của tỉnh, đồng bộ với Cổng Dịch vụ công quốc gia",
            "hồ sơ được cập nhật, đồng bộ trạng thái",
            "hồ sơ tiếp nhận",
        ),
        target(
            Procedures,
            "Tỷ lệ hồ sơ nộp trực tuyến trên tổng số hồ sơ tiếp nhận đạt trên 50%".to_string(),
            single(ratio_condition(
                "hồ sơ nộp trực tuyến",
                "tổng số hồ sơ tiếp nhận",
                Comparator::Above {
                    threshold: whole(50),
                },
            )),
        ),
        all(
            Procedures,
            "100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình",
            "thủ tục cung cấp dịch vụ công trực tuyến toàn trình",
            "thủ tục hành chính đủ điều kiện",
        ),
        target(
            Procedures,
            "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 100%".to_string(),
            single(ratio_condition(
                "hồ sơ, kết quả được số hóa",
                "hồ sơ đã giải quyết",
                at_least(100),
            )),
        ),
        all(
            Procedures,
            "100% kết quả giải quyết thủ tục hành chính được cấp bản điện tử",
            "kết quả được cấp bản điện tử",
            "kết quả giải quyết thủ tục hành chính",
        ),
        target(
            Procedures,
            "Tối thiểu 80% thủ tục hành chính có nghĩa vụ tài chính được triển khai thanh toán \
             trực tuyến"
                .to_string(),
            single(ratio_condition(
                "thủ tục được thanh toán trực tuyến",
                "thủ tục hành chính có nghĩa vụ tài chính",
                at_least(80),
            )),
        ),
        target(
            Procedures,
            "Ít nhất 40% hồ sơ thủ tục hành chính được người dân, doanh nghiệp đánh giá, với mức \
             độ hài lòng tối thiểu 90%"
                .to_string(),
            Goal::Compound {
                first: Condition {
                    label: "Tỷ lệ hồ sơ được đánh giá".to_string(),
                    ..ratio_condition("hồ sơ được đánh giá", "hồ sơ đã giải quyết", at_least(40))
                },
                second: Condition {
                    label: "Tỷ lệ đánh giá hài lòng".to_string(),
                    ..ratio_condition("đánh giá hài lòng", "hồ sơ được đánh giá", at_least(90))
                },
            },
        ),
        target(
            Procedures,
            "Mức độ hài lòng về giải quyết thủ tục hành chính lĩnh vực đất đai, xây dựng, đầu tư \
             đạt tối thiểu 85%"
                .to_string(),
            single(ratio_condition(
                "đánh giá hài lòng",
                "hồ sơ đất đai, xây dựng, đầu tư được đánh giá",
                at_least(85),
            )),
        ),
        all(
            Procedures,
            "100% phản ánh, kiến nghị về thủ tục hành chính được xử lý đúng hạn",
            "phản ánh, kiến nghị xử lý đúng hạn",
            "phản ánh, kiến nghị đã tiếp nhận",
        ),
        target(
            Procedures,
            "Đối thoại với người dân, doanh nghiệp về giải quyết thủ tục hành chính ít nhất 2 \
             lần/năm"
                .to_string(),
            single(value_condition(count_of("lần"), per_year(2))),
        ),
        // 22–23: Cải cách tổ chức bộ máy.
        all(
            Apparatus,
            "100% công chức được bố trí đúng vị trí việc làm được phê duyệt",
            "công chức bố trí đúng vị trí việc làm",
            "công chức của UBND xã, phường",
        ),
        target(
            Apparatus,
            format!(
                "Ban hành quy chế làm việc; quy định chức năng, nhiệm vụ các phòng chuyên môn, \
                 Trung tâm Phục vụ hành chính công trước ngày 31/03/{year}"
            ),
            Goal::Milestone {
                deadline: date_of(year, 3, 31),
            },
        ),
        // 24–25: Cải cách chế độ công vụ.
        all(
            CivilService,
            "100% cán bộ, công chức được đào tạo, bồi dưỡng theo kế hoạch năm",
            "cán bộ, công chức đã được đào tạo, bồi dưỡng",
            "cán bộ, công chức phải đào tạo, bồi dưỡng theo kế hoạch",
        ),
        target(
            CivilService,
            "Kiểm tra công vụ, kỷ luật, kỷ cương hành chính ít nhất 2 cuộc/năm".to_string(),
            single(value_condition(count_of("cuộc"), per_year(2))),
        ),
        // 26–27: Cải cách tài chính công.
        all(
            PublicFinance,
            "100% báo cáo dự toán, quyết toán ngân sách xã, phường được công khai đúng quy định",
            "báo cáo được công khai đúng quy định",
            "báo cáo phải công khai",
        ),
        target(
            PublicFinance,
            "Cơ cấu chi thường xuyên trong tổng chi ngân sách giảm xuống còn 50% – 52%".to_string(),
            single(value_condition(
                ValueUnit::Percent,
                Comparator::ReduceTo {
                    low: whole(50),
                    high: whole(52),
                },
            )),
        ),
        // 28–30: Chính quyền số.
        all(
            DigitalGovernment,
            "100% văn bản đi, đến được xử lý trên môi trường điện tử (trừ văn bản mật)",
            "văn bản xử lý trên môi trường điện tử",
            "văn bản đi, đến (trừ văn bản mật)",
        ),
        all(
            DigitalGovernment,
            "100% văn bản đi được ký số",
            "văn bản đi được ký số",
            "văn bản đi (trừ văn bản mật)",
        ),
        all(
            DigitalGovernment,
            "100% thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động",
            "thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động",
            "thôn, tổ dân phố",
        ),
        // 31: Tác động.
        target(
            Impact,
            format!(
                "Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) của xã, \
                 phường cao hơn năm {last_year}"
            ),
            single(value_condition(
                ValueUnit::Points,
                Comparator::HigherThanPrevious { previous: None },
            )),
        ),
        // 32: tracked with notes only.
        target(
            Direction,
            "Công tác thông tin, tuyên truyền về cải cách hành chính".to_string(),
            Goal::FreeText,
        ),
    ]
}

// ------------------------------------------------------------------------------------------
// One unit's figures.
// ------------------------------------------------------------------------------------------

/// One progress entry's content, and the target notes that go with it.
struct Progress {
    reading: Reading,
    comment: String,
    notes: Notes,
}

impl Progress {
    fn of(reading: Reading) -> Self {
        Progress {
            reading,
            comment: String::new(),
            notes: Notes::default(),
        }
    }

    fn with_comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = comment.into();
        self
    }
}

fn ratio(numerator: u64, denominator: u64) -> Figure {
    Figure::Ratio {
        numerator: Count(numerator),
        denominator: Count(denominator),
    }
}

fn single_ratio(numerator: u64, denominator: u64) -> Reading {
    Reading::Single {
        figure: ratio(numerator, denominator),
    }
}

fn single_value(value: Decimal) -> Reading {
    Reading::Single {
        figure: Figure::Value { value },
    }
}

/// A decimal of hundredths (`8734` → `87.34`). The generator's values are at most a few
/// thousand, well inside what `Decimal` accepts, so the fallback is never taken.
fn hundredths(units: u64) -> Decimal {
    Decimal::new(i128::from(units), 2).unwrap_or(Decimal::ZERO)
}

/// `whole × basis_points / 10 000`, rounded down.
fn share_of(whole: u64, basis_points: u64) -> u64 {
    whole.saturating_mul(basis_points) / 10_000
}

/// The smallest numerator out of `denominator` that reaches `threshold_bp` (in basis points).
fn lowest_at_least(denominator: u64, threshold_bp: u64) -> u64 {
    denominator.saturating_mul(threshold_bp).div_ceil(10_000)
}

/// The smallest numerator out of `denominator` strictly above `threshold_bp`.
fn lowest_above(denominator: u64, threshold_bp: u64) -> u64 {
    share_of(denominator, threshold_bp) + 1
}

/// The size of the unit's whole-year work, by level: dossiers received, documents handled.
struct Workload {
    dossiers_per_year: u64,
    documents_per_year: u64,
    outgoing_documents_per_year: u64,
    officials: u64,
    subunits: u64,
    hamlets: u64,
}

impl Workload {
    fn draw(level: UnitLevel, rng: &mut SplitMix64) -> Self {
        match level {
            UnitLevel::Ward => Workload {
                dossiers_per_year: if rng.chance(200) {
                    rng.between(12_000, 40_000)
                } else {
                    rng.between(3_000, 12_000)
                },
                documents_per_year: rng.between(4_000, 12_000),
                outgoing_documents_per_year: rng.between(1_500, 4_000),
                officials: rng.between(25, 40),
                subunits: rng.between(6, 12),
                hamlets: rng.between(10, 40),
            },
            UnitLevel::SpecialZone => Workload {
                dossiers_per_year: rng.between(1_000, 8_000),
                documents_per_year: rng.between(2_500, 8_000),
                outgoing_documents_per_year: rng.between(900, 2_500),
                officials: rng.between(25, 38),
                subunits: rng.between(6, 10),
                hamlets: rng.between(5, 20),
            },
            _ => Workload {
                dossiers_per_year: if rng.chance(150) {
                    rng.between(5_000, 9_000)
                } else {
                    rng.between(600, 5_000)
                },
                documents_per_year: rng.between(2_000, 7_000),
                outgoing_documents_per_year: rng.between(700, 2_500),
                officials: rng.between(22, 32),
                subunits: rng.between(5, 9),
                hamlets: rng.between(8, 30),
            },
        }
    }
}

/// Everything one unit's progress is made from.
struct UnitFigures {
    rng: SplitMix64,
    year: i32,
    as_of: NaiveDate,
    level: UnitLevel,
    /// How much of the reporting year (15/12 of the year before to 14/12) has passed on
    /// `as_of`, in per mille.
    elapsed_per_mille: u64,
    /// 0–999: how reliably the unit meets its targets and reports its figures.
    diligence_per_mille: u64,
    /// How fast the unit gets through its yearly activities: 1000 is evenly over the year,
    /// 1500 half as fast again (per mille).
    pace_per_mille: u64,
    /// False for a unit that has sent its plan but no progress yet.
    reports_progress: bool,
    workload: Workload,
    /// Dossiers received and resolved so far this year.
    received: u64,
    resolved: u64,
    /// Dossiers resolved so far per breakdown field, in [`BREAKDOWN_FIELDS`] order.
    resolved_per_field: [u64; BREAKDOWN_FIELDS.len()],
    plan_number: String,
    plan_issued_on: NaiveDate,
    plan_issued_late: bool,
    /// Last year's PAR Index (%) and service index (points), in hundredths.
    par_index_last_year: u64,
    service_index_last_year: u64,
}

impl UnitFigures {
    fn new(options: &GeneratorOptions, level: UnitLevel, mut rng: SplitMix64) -> Self {
        let year = options.year;
        let as_of = options.as_of;
        let period_start = date_of(year.saturating_sub(1), 12, 15).unwrap_or(as_of);
        let days_passed = u64::try_from(as_of.signed_duration_since(period_start).num_days())
            .unwrap_or(0)
            .min(365);
        let elapsed_per_mille = days_passed * 1000 / 365;
        let diligence_per_mille = rng.below(1000);
        let pace_per_mille = rng.between(700, 1_700);
        let reports_progress = as_of >= period_start && !rng.chance(30);
        let workload = Workload::draw(level, &mut rng);

        let received = workload.dossiers_per_year * elapsed_per_mille / 1000;
        let pending = share_of(received, rng.between(100, 400));
        let resolved = received - pending;
        // Shares of the resolved dossiers per field, in per mille; the rest are other fields.
        let few_building_permits = level != UnitLevel::Ward && rng.chance(300);
        let field_shares = [
            rng.between(180, 280),
            rng.between(320, 460),
            if rng.chance(50) {
                0
            } else {
                rng.between(50, 130)
            },
            if few_building_permits || rng.chance(30) {
                0
            } else {
                rng.between(10, 50)
            },
            if rng.chance(80) {
                0
            } else {
                rng.between(20, 80)
            },
        ];
        let resolved_per_field = field_shares.map(|share| resolved * share / 1000);

        let plan_issued_late = rng.chance(scaled_chance(150, diligence_per_mille));
        let plan_issued_on = match (date_of(year, 1, 2), date_of(year, 1, 31)) {
            (Some(_), Some(deadline)) if plan_issued_late => {
                day_between(&mut rng, days_after(deadline, 1), days_after(deadline, 40))
            }
            (Some(first), Some(deadline)) => day_between(&mut rng, first, deadline),
            _ => as_of,
        };
        let plan_number = format!("{:02}/KH-UBND", rng.between(1, 12));

        UnitFigures {
            year,
            as_of,
            level,
            elapsed_per_mille,
            diligence_per_mille,
            pace_per_mille,
            reports_progress,
            received,
            resolved,
            resolved_per_field,
            plan_number,
            plan_issued_on,
            plan_issued_late,
            par_index_last_year: rng.between(7_000, 9_300),
            service_index_last_year: rng.between(6_500, 8_800),
            workload,
            rng,
        }
    }

    fn revision(&mut self) -> u32 {
        match self.rng.below(20) {
            0..=9 => 1,
            10..=16 => 2,
            _ => 3,
        }
    }

    fn status(&mut self) -> PlanStatus {
        if self.rng.chance(450) {
            PlanStatus::Approved
        } else {
            PlanStatus::Submitted
        }
    }

    fn plan_notes(&mut self) -> Notes {
        let mut notes = Notes::default();
        if self.reports_progress && self.rng.chance(400) {
            notes.for_superior = format!("Số liệu tính đến ngày {}.", format_vi_date(self.as_of));
        }
        if self.rng.chance(150) {
            notes.internal = "Chờ bộ phận một cửa gửi số liệu lĩnh vực đất đai.".to_string();
        }
        notes
    }

    /// Whether the unit misses a target that units miss `base_per_mille` times in a
    /// thousand on average; diligent units miss less.
    fn misses(&mut self, base_per_mille: u64) -> bool {
        let chance = scaled_chance(base_per_mille, self.diligence_per_mille);
        self.rng.chance(chance)
    }

    /// Whether the unit has not reported this target yet.
    fn leaves_unreported(&mut self) -> bool {
        self.misses(50)
    }

    /// The part done by `as_of` of a whole-year activity (inspections, training, dialogues),
    /// at the unit's own pace: all of it once the reporting year is over.
    fn activity_so_far(&self, whole_year: u64) -> u64 {
        if self.elapsed_per_mille >= 1000 {
            return whole_year;
        }
        let done_per_mille = (self.elapsed_per_mille * self.pace_per_mille / 1000).min(1000);
        whole_year * done_per_mille / 1000
    }

    /// The part of a whole-year amount done by `as_of`, rounded down.
    fn so_far(&self, whole_year: u64) -> u64 {
        whole_year * self.elapsed_per_mille / 1000
    }

    /// The part done by `as_of` of a whole-year amount drawn from `low..=high`.
    fn so_far_between(&mut self, low: u64, high: u64) -> u64 {
        let whole_year = self.rng.between(low, high);
        self.so_far(whole_year)
    }

    fn date(&self, month: u32, day: u32) -> Option<NaiveDate> {
        date_of(self.year, month, day)
    }

    /// A numerator out of `denominator` that is at least `lowest_meeting` when `meets`
    /// (and at most `met_top_bp` of the denominator, when that is higher) and below it
    /// otherwise (but at least `missed_bottom_bp` of the denominator, when that is lower).
    fn numerator(
        &mut self,
        denominator: u64,
        lowest_meeting: u64,
        meets: bool,
        met_top_bp: u64,
        missed_bottom_bp: u64,
    ) -> u64 {
        if denominator == 0 {
            return 0;
        }
        if meets {
            if lowest_meeting > denominator {
                return denominator;
            }
            let top = share_of(denominator, met_top_bp).clamp(lowest_meeting, denominator);
            self.rng.between(lowest_meeting, top)
        } else {
            let Some(top) = lowest_meeting.checked_sub(1) else {
                return 0;
            };
            let top = top.min(denominator);
            let bottom = share_of(denominator, missed_bottom_bp).min(top);
            self.rng.between(bottom, top)
        }
    }

    /// A numerator for "every item": all of them, or a few missing (at most `most_missing_bp`
    /// of the denominator, and at least one).
    fn all_or_most(&mut self, denominator: u64, meets: bool, most_missing_bp: u64) -> u64 {
        if meets || denominator == 0 {
            return denominator;
        }
        let missing = self
            .rng
            .between(1, share_of(denominator, most_missing_bp).max(1));
        denominator - missing.min(denominator)
    }

    /// An "every item" ratio of `denominator` items.
    fn all_items(&mut self, denominator: u64, base_miss: u64, most_missing_bp: u64) -> Progress {
        let meets = !self.misses(base_miss);
        let numerator = self.all_or_most(denominator, meets, most_missing_bp);
        let progress = Progress::of(single_ratio(numerator, denominator));
        if denominator == 0 {
            progress.with_comment("Không phát sinh trong kỳ.")
        } else {
            progress
        }
    }

    /// A ratio that must reach `threshold_bp`, with the shares units typically report.
    fn at_least(
        &mut self,
        denominator: u64,
        threshold_bp: u64,
        base_miss: u64,
        met_top_bp: u64,
        missed_bottom_bp: u64,
    ) -> Progress {
        let meets = !self.misses(base_miss);
        let lowest = lowest_at_least(denominator, threshold_bp);
        let numerator = self.numerator(denominator, lowest, meets, met_top_bp, missed_bottom_bp);
        Progress::of(single_ratio(numerator, denominator))
    }

    /// A milestone due on `deadline`: done between `earliest` and the deadline when the unit
    /// meets it, up to `days_late` days after it otherwise; not done yet if that day is after
    /// `as_of`.
    fn milestone(
        &mut self,
        earliest: Option<NaiveDate>,
        deadline: Option<NaiveDate>,
        base_miss: u64,
        days_late: u64,
        evidence: String,
    ) -> Option<Progress> {
        let (earliest, deadline) = (earliest?, deadline?);
        let done_on = if self.misses(base_miss) {
            day_between(
                &mut self.rng,
                days_after(deadline, 1),
                days_after(deadline, days_late),
            )
        } else {
            day_between(&mut self.rng, earliest, deadline)
        };
        Some(self.milestone_as_of(done_on, evidence))
    }

    fn milestone_as_of(&self, done_on: NaiveDate, evidence: String) -> Progress {
        if done_on <= self.as_of {
            Progress::of(Reading::Milestone {
                done_on: Some(done_on),
                evidence,
            })
        } else {
            Progress::of(Reading::Milestone {
                done_on: None,
                evidence: String::new(),
            })
            .with_comment("Đang thực hiện.")
        }
    }

    /// A count that must reach `min` a year: `min` to `most` over the whole year when the
    /// unit meets it, fewer otherwise; the part done by `as_of` is reported.
    fn yearly_count(&mut self, min: u64, most: u64, base_miss: u64) -> Progress {
        let whole_year = if self.misses(base_miss) {
            self.rng.between(0, min.saturating_sub(1))
        } else {
            self.rng.between(min, most)
        };
        Progress::of(single_value(Decimal::from_int(
            i64::try_from(self.activity_so_far(whole_year)).unwrap_or(0),
        )))
    }

    /// An index that must beat last year's (hundredths): up to `most_gain` above it when
    /// the unit meets the target, up to `most_loss` below (or equal) otherwise, within 0–100.
    fn index_value(
        &mut self,
        last_year: u64,
        base_miss: u64,
        most_gain: u64,
        most_loss: u64,
    ) -> Decimal {
        let value = if self.misses(base_miss) {
            last_year.saturating_sub(self.rng.between(0, most_loss))
        } else {
            last_year + self.rng.between(1, most_gain)
        };
        hundredths(value.min(10_000))
    }

    /// Fills in the unit's own part of a goal: last year's index values.
    fn personalise(&self, recipe: Recipe, goal: &mut Goal) {
        let last_year = match recipe {
            Recipe::ParIndex => self.par_index_last_year,
            Recipe::ServiceIndex => self.service_index_last_year,
            _ => return,
        };
        if let Goal::Single { condition, .. } = goal {
            condition.comparator = Comparator::HigherThanPrevious {
                previous: Some(hundredths(last_year)),
            };
        }
    }

    /// The unit's progress entry for one target, if it has one.
    fn progress(&mut self, recipe: Recipe) -> Option<Progress> {
        let workload_officials = self.workload.officials;
        let subunits = self.workload.subunits;
        Some(match recipe {
            Recipe::PlanIssued => {
                let evidence = format!(
                    "Kế hoạch số {} ngày {}",
                    self.plan_number,
                    format_vi_date(self.plan_issued_on)
                );
                let progress = self.milestone_as_of(self.plan_issued_on, evidence);
                if self.plan_issued_late {
                    progress.with_comment("Ban hành chậm do chờ kế hoạch của tỉnh.")
                } else {
                    progress
                }
            }
            Recipe::TasksOnSchedule => {
                let due = self.so_far_between(25, 60);
                self.all_items(due, 250, 1_500)
            }
            Recipe::ProvinceTasksOnTime => {
                let due = self.so_far_between(10, 80);
                self.all_items(due, 200, 1_000)
            }
            Recipe::PeriodicReports => {
                let deadlines = [(3, 20), (6, 20), (9, 20), (12, 20)];
                let due = deadlines
                    .iter()
                    .filter(|(month, day)| self.date(*month, *day).is_some_and(|d| d <= self.as_of))
                    .count() as i64;
                let late = i64::from(due > 0 && self.misses(150));
                Progress::of(single_value(Decimal::from_int(due - late)))
            }
            Recipe::SubunitsInspected => {
                let meets = !self.misses(200);
                let lowest = lowest_at_least(subunits, 3_000);
                let whole_year = self.numerator(subunits, lowest, meets, 6_000, 0);
                Progress::of(single_ratio(self.activity_so_far(whole_year), subunits))
            }
            Recipe::SubunitsWithInitiatives => {
                let meets = !self.misses(350);
                let whole_year = self.all_or_most(subunits, meets, 5_000);
                Progress::of(single_ratio(self.activity_so_far(whole_year), subunits))
            }
            Recipe::ParIndex => {
                // The index of the year is known only at its end, as a self-assessment.
                let assessed_from = self.date(12, 1)?;
                if self.as_of < assessed_from || self.rng.chance(200) {
                    return None;
                }
                let value = self.index_value(self.par_index_last_year, 300, 600, 500);
                Progress::of(single_value(value))
                    .with_comment("Điểm tự đánh giá, chờ kết quả thẩm định của tỉnh.")
            }
            Recipe::LegalDocumentsProper => {
                let issued = self.so_far_between(0, 4);
                self.all_items(issued, 100, 5_000)
            }
            Recipe::LegalReviewDone => {
                let evidence = format!(
                    "Báo cáo kết quả rà soát, hệ thống hóa văn bản số {:02}/BC-UBND",
                    self.rng.between(10, 99)
                );
                self.milestone(self.date(9, 1), self.date(12, 31), 150, 60, evidence)?
            }
            Recipe::OnTimePerField => self.on_time_per_field(),
            Recipe::ProceduresPublished => {
                let procedures = self.rng.between(300, 380);
                self.all_items(procedures, 80, 150)
            }
            Recipe::DossiersSynchronised => self.all_items(self.received, 250, 50),
            Recipe::OnlineSubmissions => {
                let received = self.received;
                let meets = !self.misses(250);
                let numerator = if !meets && received % 2 == 0 && self.rng.chance(80) {
                    // Exactly half: "trên 50%" is not met.
                    received / 2
                } else {
                    let lowest = lowest_above(received, 5_000);
                    self.numerator(received, lowest, meets, 9_200, 2_500)
                };
                Progress::of(single_ratio(numerator, received))
            }
            Recipe::FullyOnlineServices => {
                let eligible = self.rng.between(90, 180);
                self.all_items(eligible, 200, 800)
            }
            Recipe::DossiersDigitised => self.at_least(self.resolved, 10_000, 300, 10_000, 8_500),
            Recipe::ElectronicResults => self.all_items(self.resolved, 300, 200),
            Recipe::OnlinePayment => {
                let procedures = self.rng.between(20, 60);
                self.at_least(procedures, 8_000, 250, 10_000, 5_000)
            }
            Recipe::Satisfaction => self.satisfaction(),
            Recipe::LandConstructionSatisfaction => {
                let land_and_building = self.resolved_per_field[2] + self.resolved_per_field[3];
                let evaluated = share_of(land_and_building, self.rng.between(3_000, 7_000));
                self.at_least(evaluated, 8_500, 250, 9_900, 6_500)
            }
            Recipe::FeedbackHandled => {
                let received = self.so_far_between(0, 24);
                self.all_items(received, 150, 2_000)
            }
            Recipe::Dialogues => self.yearly_count(2, 4, 200),
            Recipe::OfficialsInApprovedPositions => self.all_items(workload_officials, 100, 1_000),
            Recipe::WorkingRulesIssued => {
                let evidence = format!("Quyết định số {:02}/QĐ-UBND", self.rng.between(10, 99));
                self.milestone(self.date(1, 5), self.date(3, 31), 200, 90, evidence)?
            }
            Recipe::OfficialsTrained => {
                let to_train = self.rng.between(workload_officials / 2, workload_officials);
                let meets = !self.misses(300);
                let whole_year = self.all_or_most(to_train, meets, 2_000);
                Progress::of(single_ratio(self.activity_so_far(whole_year), to_train))
            }
            Recipe::DisciplineInspections => self.yearly_count(2, 5, 200),
            Recipe::BudgetPublished => {
                let deadlines = [(1, 31), (4, 20), (6, 30), (7, 20), (10, 20)];
                let due = deadlines
                    .iter()
                    .filter(|(month, day)| self.date(*month, *day).is_some_and(|d| d <= self.as_of))
                    .count() as u64;
                self.all_items(due, 100, 2_500)
            }
            Recipe::RecurrentSpending => {
                let share = if self.misses(350) {
                    self.rng.between(5_201, 6_800)
                } else {
                    self.rng.between(4_400, 5_200)
                };
                Progress::of(single_value(hundredths(share)))
            }
            Recipe::DocumentsProcessedOnline => {
                let documents = self.so_far(self.workload.documents_per_year);
                self.all_items(documents, 250, 50)
            }
            Recipe::DocumentsSigned => {
                let outgoing = self.so_far(self.workload.outgoing_documents_per_year);
                self.all_items(outgoing, 250, 200)
            }
            Recipe::DigitalTechnologyTeams => self.all_items(self.workload.hamlets, 250, 2_500),
            Recipe::ServiceIndex => {
                let value = self.index_value(self.service_index_last_year, 300, 800, 600);
                Progress::of(single_value(value))
            }
            Recipe::Communication => {
                let articles = self.so_far_between(6, 30);
                let meetings = self.so_far_between(2, 12);
                let place = if self.level == UnitLevel::Ward {
                    "phường"
                } else {
                    "xã"
                };
                Progress::of(Reading::Text {
                    text: format!(
                        "Đã đăng {articles} tin, bài về cải cách hành chính trên trang thông tin \
                         điện tử của {place}; tổ chức {meetings} buổi tuyên truyền tại thôn, tổ \
                         dân phố."
                    ),
                })
            }
        })
    }

    /// The per-field target: every field with dossiers must reach 98% on time. A unit that
    /// misses it misses in one or two fields; a field without dossiers reports 0 of 0.
    fn on_time_per_field(&mut self) -> Progress {
        let meets = !self.misses(300);
        let fields_with_dossiers: Vec<usize> = (0..BREAKDOWN_FIELDS.len())
            .filter(|&i| self.resolved_per_field[i] > 0)
            .collect();
        let mut missing_fields: Vec<usize> = Vec::new();
        if !meets && !fields_with_dossiers.is_empty() {
            let how_many = if self.rng.chance(300) { 2 } else { 1 };
            for _ in 0..how_many {
                let pick = self.rng.below(fields_with_dossiers.len() as u64) as usize;
                if let Some(&field) = fields_with_dossiers.get(pick) {
                    missing_fields.push(field);
                }
            }
        }
        let mut figures = Vec::with_capacity(BREAKDOWN_FIELDS.len());
        let mut fields_without_dossiers = Vec::new();
        for (i, (id, name)) in BREAKDOWN_FIELDS.iter().enumerate() {
            let resolved = self.resolved_per_field[i];
            if resolved == 0 {
                fields_without_dossiers.push(*name);
            }
            let field_meets = !missing_fields.contains(&i);
            let lowest = lowest_at_least(resolved, 9_800);
            let on_time = if field_meets && self.rng.chance(500) {
                resolved
            } else {
                self.numerator(resolved, lowest, field_meets, 10_000, 9_300)
            };
            figures.push(FieldFigure {
                field: FieldId((*id).to_string()),
                figure: ratio(on_time, resolved),
            });
        }
        let mut progress = Progress::of(Reading::PerField { fields: figures });
        if !fields_without_dossiers.is_empty() {
            let fields = fields_without_dossiers.join(", ");
            progress.comment = format!("Lĩnh vực {fields} chưa phát sinh hồ sơ.");
            if self.rng.chance(500) {
                progress.notes.for_superior =
                    format!("Lĩnh vực {fields} chưa phát sinh hồ sơ trong kỳ.");
            }
        }
        if let Some(&field) = missing_fields.first() {
            if let Some((_, name)) = BREAKDOWN_FIELDS.get(field) {
                progress.notes.internal = format!(
                    "Lĩnh vực {name} còn hồ sơ trễ hạn; đề nghị bộ phận chuyên môn rà soát."
                );
            }
        }
        progress
    }

    /// The compound target: at least 40% of resolved dossiers evaluated, and at least 90% of
    /// the evaluations satisfied. A unit that misses it misses one part or both.
    fn satisfaction(&mut self) -> Progress {
        let (first_meets, second_meets) = if self.misses(250) {
            match self.rng.below(3) {
                0 => (false, true),
                1 => (true, false),
                _ => (false, false),
            }
        } else {
            (true, true)
        };
        let resolved = self.resolved;
        let lowest_evaluated = lowest_at_least(resolved, 4_000);
        let evaluated = self.numerator(resolved, lowest_evaluated, first_meets, 7_500, 1_500);
        let lowest_satisfied = lowest_at_least(evaluated, 9_000);
        let satisfied = self.numerator(evaluated, lowest_satisfied, second_meets, 9_950, 7_500);
        Progress::of(Reading::Pair {
            first: ratio(evaluated, resolved),
            second: ratio(satisfied, evaluated),
        })
    }
}

/// A chance of `base_per_mille` adjusted for diligence (0–999): from 1.5 times the base for
/// the least diligent unit down to 0.5 times for the most.
fn scaled_chance(base_per_mille: u64, diligence_per_mille: u64) -> u64 {
    base_per_mille * (1_500 - diligence_per_mille.min(999)) / 1_000
}

/// The day `days` after `date`; `date` itself at the end of the calendar.
fn days_after(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

/// A day from `first` to `last` (both included); `first` when `last` is not after it.
fn day_between(rng: &mut SplitMix64, first: NaiveDate, last: NaiveDate) -> NaiveDate {
    let span = u64::try_from(last.signed_duration_since(first).num_days()).unwrap_or(0);
    days_after(first, rng.between(0, span))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_mix_is_the_reference_sequence() {
        // First outputs of SplitMix64 seeded with 1234567 (Vigna's reference implementation).
        let mut rng = SplitMix64::new(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn draws_stay_in_their_bounds() {
        let mut rng = SplitMix64::new(7);
        for _ in 0..10_000 {
            assert!(rng.below(10) < 10);
            let x = rng.between(5, 8);
            assert!((5..=8).contains(&x));
        }
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.between(9, 3), 9);
        let _ = rng.between(0, u64::MAX);
    }

    #[test]
    fn codes_are_a_permutation_of_five_digit_codes() {
        let codes = CodeSequence::new(&mut SplitMix64::new(42));
        let all: HashSet<String> = (0..FIVE_DIGIT_CODES).map(|i| codes.code(i)).collect();
        assert_eq!(all.len() as u64, FIVE_DIGIT_CODES);
        assert!(all.iter().all(|c| c.len() == 5));
        assert_eq!(codes.code(FIVE_DIGIT_CODES), "100000");
    }

    #[test]
    fn thresholds_in_counts() {
        assert_eq!(lowest_at_least(1_000, 9_800), 980);
        assert_eq!(lowest_at_least(1_001, 9_800), 981);
        assert_eq!(lowest_above(1_000, 5_000), 501);
        assert_eq!(lowest_above(999, 5_000), 500);
        assert_eq!(lowest_at_least(0, 9_800), 0);
    }

    #[test]
    fn template_and_recipes_line_up() {
        let template = template_targets(2026);
        assert_eq!(template.len(), TEMPLATE_TARGET_COUNT);
        assert_eq!(RECIPES.len(), TEMPLATE_TARGET_COUNT);
        assert_eq!(template[0].id, TargetId("tpl-01".to_string()));
        assert_eq!(template[31].id, TargetId("tpl-32".to_string()));
        assert!(matches!(template[0].goal, Goal::Milestone { .. }));
        assert_eq!(template[9].goal.breakdown().len(), BREAKDOWN_FIELDS.len());
        assert!(matches!(template[17].goal, Goal::Compound { .. }));
        assert!(matches!(template[31].goal, Goal::FreeText));
    }
}
