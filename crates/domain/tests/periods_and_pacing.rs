//! Reporting periods, pacing, snapshots, previous years' values and index ranks
//! (docs/periods-and-pacing.md): pacing on chosen dates, per-period targets, a snapshot that
//! stays as reported, next year's copy, and the plan file with the new keys
//! (`tests/fixtures/valid/plan-v2-periods.json`, the export of [`plan_with_periods`]; run with
//! `CCHC_BLESS_FIXTURES=1` to rewrite it after a deliberate change). The hostile files made
//! from it are checked with the others in `file_format.rs`.

use chrono::NaiveDate;

use cchc_domain::area::ReformArea;
use cchc_domain::evaluation::Status;
use cchc_domain::file::{content_hash, export_plan, import_bytes, ExportMeta};
use cchc_domain::index_standing::{IndexBand, IndexStanding};
use cchc_domain::next_year::copy_to_next_year;
use cchc_domain::number::{Count, Decimal, Rational};
use cchc_domain::pacing::{pace, summarise, Pace, PaceKind, PeriodTargets};
use cchc_domain::plan::{Plan, PlanId, PlanReference, PlanStatus};
use cchc_domain::progress::{EntryId, Figure, ProgressEntry, Reading};
use cchc_domain::reporting_period::{Cutoffs, DayOfYear, ReportingPeriod};
use cchc_domain::snapshot::{take_snapshot, SnapshotId};
use cchc_domain::target::{
    Comparator, Condition, Goal, Measure, Period, Target, TargetId, ValueUnit,
};
use cchc_domain::target_history::YearValue;
use cchc_domain::tracking::Tracking;
use cchc_domain::unit::{Unit, UnitLevel};
use cchc_domain::validate::validate_plan;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn dec(s: &str) -> Decimal {
    Decimal::parse_plain(s).unwrap()
}

fn value_entry(id: &str, on: NaiveDate, v: &str) -> ProgressEntry {
    ProgressEntry {
        id: EntryId(id.into()),
        date: on,
        reading: Reading::Single {
            figure: Figure::Value { value: dec(v) },
        },
        comment: String::new(),
        extra: Default::default(),
    }
}

fn ratio_entry(id: &str, on: NaiveDate, n: u64, d: u64) -> ProgressEntry {
    ProgressEntry {
        id: EntryId(id.into()),
        date: on,
        reading: Reading::Single {
            figure: Figure::Ratio {
                numerator: Count(n),
                denominator: Count(d),
            },
        },
        comment: String::new(),
        extra: Default::default(),
    }
}

fn target(id: &str, label: &str, measure: Measure, comparator: Comparator) -> Target {
    Target {
        id: TargetId(id.into()),
        area: ReformArea::Procedures,
        label: label.into(),
        goal: Goal::Single {
            condition: Condition {
                label: String::new(),
                measure,
                comparator,
            },
            breakdown: Vec::new(),
        },
        parent: None,
        entries: Vec::new(),
        notes: Default::default(),
        extra: Default::default(),
        suggested: false,
        tracking: Default::default(),
    }
}

fn count(noun: &str) -> Measure {
    Measure::Value {
        unit: ValueUnit::Count { noun: noun.into() },
    }
}

fn ratio() -> Measure {
    Measure::Ratio {
        numerator: "hồ sơ đúng hạn".into(),
        denominator: "tổng số hồ sơ".into(),
    }
}

/// "At least 200 dossiers received by post this year": a cumulative count.
fn postal_count() -> Target {
    target(
        "t-post",
        "Tiếp nhận ít nhất 200 hồ sơ qua dịch vụ bưu chính công ích",
        count("hồ sơ"),
        Comparator::AtLeast {
            threshold: dec("200"),
        },
    )
}

#[test]
fn a_cumulative_target_on_30_june_at_40_percent_is_at_risk_and_at_55_on_track() {
    let cutoffs = Cutoffs::default();
    let mut t = postal_count();
    assert_eq!(pace(&t, 2026, &cutoffs).kind, PaceKind::Cumulative);
    assert_eq!(pace(&t, 2026, &cutoffs).pace, Pace::NoData);
    // 40% of the year-end value on 30 June (198 days of 365 gone: 54% expected).
    t.entries = vec![value_entry("e1", day(2026, 6, 30), "80")];
    let p = pace(&t, 2026, &cutoffs);
    assert_eq!(p.pace, Pace::AtRisk);
    assert_eq!(p.expected, Some(Rational::new(200 * 198, 365)));
    assert_eq!(p.period, Some(ReportingPeriod::ThirdQuarter));
    t.entries = vec![value_entry("e1", day(2026, 6, 30), "110")];
    assert_eq!(pace(&t, 2026, &cutoffs).pace, Pace::OnTrack);
    // Under half of what was expected is off track.
    t.entries = vec![value_entry("e1", day(2026, 6, 30), "50")];
    assert_eq!(pace(&t, 2026, &cutoffs).pace, Pace::OffTrack);
    // The year-end value reached is on track whatever the date.
    t.entries = vec![value_entry("e1", day(2026, 1, 10), "200")];
    assert_eq!(pace(&t, 2026, &cutoffs).pace, Pace::OnTrack);
}

#[test]
fn a_count_per_period_is_paced_over_the_year() {
    // "Dialogue with citizens at least 2 times a year": 1 by 14/6 is on track, 0 on 30/9 is
    // off track.
    let mut t = target(
        "t-dialogue",
        "Tổ chức đối thoại với người dân ít nhất 2 lần/năm",
        count("lần"),
        Comparator::PerPeriod {
            min: dec("2"),
            period: Period::Year,
        },
    );
    let cutoffs = Cutoffs::default();
    t.entries = vec![value_entry("e1", day(2026, 6, 14), "1")];
    assert_eq!(pace(&t, 2026, &cutoffs).pace, Pace::OnTrack);
    t.entries = vec![value_entry("e1", day(2026, 9, 30), "0")];
    assert_eq!(pace(&t, 2026, &cutoffs).pace, Pace::OffTrack);
}

#[test]
fn per_period_targets_set_the_expectation() {
    let cutoffs = Cutoffs::default();
    let mut t = postal_count();
    // The plan wants most of it early: 120 by the six-month cut-off.
    t.tracking.period_targets = PeriodTargets {
        first_quarter: Some(dec("50")),
        six_months: Some(dec("120")),
        third_quarter: Some(dec("40")),
    };
    t.entries = vec![value_entry("e1", day(2026, 6, 14), "110")];
    let p = pace(&t, 2026, &cutoffs);
    assert_eq!(p.expected, Some(Rational::from_int(120)));
    assert_eq!(p.pace, Pace::OnTrack);
    // Linear without them: 110 of 200 × 182/365 ≈ 99,7 expected.
    t.tracking.period_targets = PeriodTargets::default();
    assert_eq!(
        pace(&t, 2026, &cutoffs).expected,
        Some(Rational::new(200 * 182, 365))
    );
    // The third quarter's target is for the quarter alone: 120 + 40 by 14/9.
    t.tracking.period_targets = PeriodTargets {
        first_quarter: None,
        six_months: Some(dec("120")),
        third_quarter: Some(dec("40")),
    };
    t.entries = vec![value_entry("e1", day(2026, 9, 14), "100")];
    let p = pace(&t, 2026, &cutoffs);
    assert_eq!(p.expected, Some(Rational::from_int(160)));
    assert_eq!(p.pace, Pace::AtRisk);
}

#[test]
fn a_rate_is_judged_as_it_stands() {
    let cutoffs = Cutoffs::default();
    let mut t = target(
        "t-ontime",
        "Tỷ lệ hồ sơ giải quyết đúng hạn trên 90%",
        ratio(),
        Comparator::Above {
            threshold: dec("90"),
        },
    );
    assert_eq!(pace(&t, 2026, &cutoffs).kind, PaceKind::Rate);
    t.entries = vec![ratio_entry("e1", day(2026, 6, 14), 9_156, 10_000)];
    assert_eq!(pace(&t, 2026, &cutoffs).pace, Pace::OnTrack);
    t.entries = vec![ratio_entry("e1", day(2026, 6, 14), 8_800, 10_000)];
    assert_eq!(pace(&t, 2026, &cutoffs).pace, Pace::AtRisk);
    t.entries = vec![ratio_entry("e1", day(2026, 6, 14), 8_000, 10_000)];
    assert_eq!(pace(&t, 2026, &cutoffs).pace, Pace::OffTrack);
    // A six-month target of its own: 85% by then is on track for a target of 80%.
    t.tracking.period_targets.six_months = Some(dec("80"));
    t.entries = vec![ratio_entry("e1", day(2026, 6, 14), 8_500, 10_000)];
    assert_eq!(pace(&t, 2026, &cutoffs).pace, Pace::OnTrack);
    // The officer may say a target is not paced.
    t.tracking.pace = Some(PaceKind::NotPaced);
    assert_eq!(pace(&t, 2026, &cutoffs).pace, Pace::NotPaced);
}

#[test]
fn a_province_s_own_cutoffs_move_the_expectation() {
    let own = Cutoffs::default().with(ReportingPeriod::Year, DayOfYear::new(30, 11).unwrap());
    let mut t = postal_count();
    t.entries = vec![value_entry("e1", day(2026, 6, 30), "100")];
    // The year runs 1/12/2025 – 30/11/2026 (365 days); 30/6 ends day 212.
    assert_eq!(
        pace(&t, 2026, &own).expected,
        Some(Rational::new(200 * 212, 365))
    );
}

/// A ward's 2026 plan with a paced count, a rate with a six-month target, an index with its
/// previous years and rank, the province's own six-month cut-off and a six-month snapshot.
fn plan_with_periods() -> Plan {
    let mut post = postal_count();
    post.tracking.period_targets.six_months = Some(dec("100"));
    post.entries = vec![value_entry("e1", day(2026, 6, 10), "80")];
    let mut ontime = target(
        "t-ontime",
        "Tỷ lệ hồ sơ giải quyết đúng hạn trên 90%",
        ratio(),
        Comparator::Above {
            threshold: dec("90"),
        },
    );
    ontime.entries = vec![ratio_entry("e1", day(2026, 6, 10), 9_156, 10_000)];
    let mut online = target(
        "t-online",
        "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3 cao hơn năm trước",
        Measure::Value {
            unit: ValueUnit::Percent,
        },
        Comparator::HigherThanPrevious {
            previous: Some(dec("51.38")),
        },
    );
    online.tracking = Tracking {
        pace: Some(PaceKind::Rate),
        period_targets: PeriodTargets::default(),
        history: vec![
            YearValue {
                year: 2016,
                value: dec("4.28"),
            },
            YearValue {
                year: 2017,
                value: dec("27.34"),
            },
            YearValue {
                year: 2018,
                value: dec("51.38"),
            },
        ],
        standing: None,
    };
    online.entries = vec![value_entry("e1", day(2026, 5, 31), "53.58")];
    let mut par = target(
        "t-par",
        "Chỉ số CCHC của phường thuộc nhóm A",
        Measure::Value {
            unit: ValueUnit::Points,
        },
        Comparator::AtLeast {
            threshold: dec("90"),
        },
    );
    par.area = ReformArea::Impact;
    par.tracking.standing = Some(IndexStanding {
        position: 12,
        of: 63,
        previous_position: Some(13),
    });
    par.entries = vec![value_entry("e1", day(2026, 3, 28), "90.02")];
    let mut plan = Plan {
        id: PlanId("plan-periods-v2".into()),
        unit: Unit {
            id: "26734".into(),
            name: "Phường Bình Tân".into(),
            level: UnitLevel::Ward,
            superior: "UBND Thành phố Hồ Chí Minh".into(),
            superior_id: "79".into(),
            extra: Default::default(),
        },
        year: 2026,
        revision: 3,
        status: PlanStatus::Approved,
        reference: PlanReference {
            number: "01/KH-UBND".into(),
            issued_on: Some(day(2026, 1, 5)),
            ..Default::default()
        },
        notes: Default::default(),
        sources: Vec::new(),
        template: None,
        targets: vec![post, ontime, online, par],
        tasks: Vec::new(),
        shortened_procedures: Vec::new(),
        reporting: Default::default(),
        extra: Default::default(),
    };
    plan.reporting.cutoffs =
        Cutoffs::default().with(ReportingPeriod::SixMonths, DayOfYear::new(10, 6).unwrap());
    let cutoffs = plan.reporting.cutoffs;
    let s = take_snapshot(
        &plan,
        &cutoffs,
        ReportingPeriod::SixMonths,
        day(2026, 6, 20),
        SnapshotId("s1".into()),
    );
    plan.reporting.snapshots.push(s);
    plan
}

fn meta() -> ExportMeta {
    ExportMeta {
        app_version: "0.1.0".into(),
        exported_at: "2026-11-23T09:15:00+07:00".into(),
    }
}

#[test]
fn the_periods_fixture_is_the_export_of_the_plan() {
    let plan = plan_with_periods();
    assert_eq!(validate_plan(&plan), vec![]);
    let path = format!("{FIXTURES}/valid/plan-v2-periods.json");
    let text = export_plan(&plan, &meta());
    if std::env::var_os("CCHC_BLESS_FIXTURES").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let on_disk = std::fs::read(&path).unwrap();
    assert_eq!(String::from_utf8(on_disk.clone()).unwrap(), text);
    let imported = import_bytes(&on_disk).unwrap();
    assert_eq!(imported.plan, plan);
    assert_eq!(imported.content_hash, Some(content_hash(&plan)));
    // The keys as docs/plan-file-format.md shows them.
    for key in [
        "\"reportingCutoffs\": {",
        "\"sixMonths\": \"06-10\"",
        "\"periodTargets\": {",
        "\"previousYears\": [",
        "\"standing\": {",
        "\"previousPosition\": 13",
        "\"pace\": \"rate\"",
        "\"snapshots\": [",
        "\"status\": \"met\"",
    ] {
        assert!(text.contains(key), "{key}");
    }
}

#[test]
fn a_snapshot_stays_as_reported_while_the_year_goes_on() {
    let mut plan = plan_with_periods();
    let before = plan.reporting.snapshots[0].clone();
    assert_eq!(before.met(), (3, 4));
    assert_eq!(before.on_track(), (3, 4));
    let post = before.figure(&TargetId("t-post".into())).unwrap();
    assert_eq!(post.status, Status::NotMet);
    assert_eq!(post.pace, Pace::AtRisk);
    // The year goes on: new figures, a changed label, a target removed.
    plan.targets[0]
        .entries
        .push(value_entry("e2", day(2026, 9, 10), "190"));
    plan.targets[1].label = "Tỷ lệ đúng hạn".into();
    plan.remove_target(&TargetId("t-par".into()));
    assert_eq!(plan.reporting.snapshots[0], before);
    assert_eq!(
        summarise(&plan.targets, 2026, &plan.reporting.cutoffs).on_track,
        3
    );
}

#[test]
fn next_year_keeps_the_cutoffs_not_the_snapshots_and_the_history_grows() {
    let plan = plan_with_periods();
    let next = copy_to_next_year(&plan, PlanId("next".into()), day(2026, 12, 20));
    assert_eq!(next.reporting.cutoffs, plan.reporting.cutoffs);
    assert!(next.reporting.snapshots.is_empty());
    let online = next.target(&TargetId("t-online".into())).unwrap();
    let years: Vec<i32> = online.tracking.history.iter().map(|h| h.year).collect();
    assert_eq!(years, vec![2016, 2017, 2018, 2026]);
    assert_eq!(online.tracking.history[3].value, dec("53.58"));
    // Per-period targets and the pace choice are the plan's wording; the rank was 2026's.
    let post = next.target(&TargetId("t-post".into())).unwrap();
    assert_eq!(post.tracking.period_targets.six_months, Some(dec("100")));
    let par = next.target(&TargetId("t-par".into())).unwrap();
    assert_eq!(par.tracking.standing, None);
    assert_eq!(validate_plan(&next), vec![]);
}

#[test]
fn an_index_value_has_its_band() {
    let plan = plan_with_periods();
    let par = plan.target(&TargetId("t-par".into())).unwrap();
    let value = pace(par, 2026, &plan.reporting.cutoffs).actual.unwrap();
    assert_eq!(IndexBand::of(value), IndexBand::A);
    assert_eq!(par.tracking.standing.unwrap().places_gained(), Some(1));
}
