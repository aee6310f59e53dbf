//! The one-click example plan, built from public articles so that every figure can be traced.
//!
//! * The plan itself is the 2019 district plan reported in "Chương trình cải cách hành chính
//!   trên địa bàn quận năm 2019" (district portal, posted 18/02/2019): *Kế hoạch số
//!   39/KH-UBND-NV* with its seven key targets ("Một là … Bảy là"). The article does not
//!   name the district; the site appears to be Quận 2, TP.HCM, which had 11 wards.
//! * The progress entries use the 2019 results of **another** district, Bình Tân, from
//!   "Tỷ lệ hồ sơ giải quyết đúng hạn ở quận Bình Tân đạt 100%" (SGGP, 07/03/2020; meeting of
//!   06/03/2020). They are not Quận 2's results; each entry's comment says so, and says which
//!   figures are the article's and which are made up for illustration.
//!
//! Nothing here invents a date or a figure silently: the plan's impossible date 30/02/2019 is
//! left empty with a note, and illustrative figures are labelled as such.

use chrono::NaiveDate;

use crate::area::ReformArea;
use crate::number::{Count, Decimal};
use crate::plan::{Plan, PlanId, PlanReference, PlanStatus};
use crate::progress::{EntryId, FieldFigure, Figure, ProgressEntry, Reading};
use crate::target::{
    AboveRange, Comparator, Condition, Field, FieldId, Goal, Measure, Target, TargetId, ValueUnit,
};
use crate::unit::{Unit, UnitLevel};

/// Number and symbol of the example's plan, as the article gives it.
pub const EXAMPLE_PLAN_NUMBER: &str = "39/KH-UBND-NV";
/// Year of the example plan.
pub const EXAMPLE_PLAN_YEAR: i32 = 2019;
/// The date the article gives for the plan; it does not exist (February 2019 has 28 days).
pub const EXAMPLE_IMPOSSIBLE_DATE: &str = "30/02/2019";

/// Where the results used by the progress entries come from.
const SOURCE_RESULTS: &str = "Kết quả năm 2019 của quận Bình Tân (SGGP, 07/03/2020)";
/// Reminder that those results belong to another district.
const NOT_THIS_UNIT: &str =
    "Đây là số liệu của quận Bình Tân, dùng để minh họa, không phải kết quả của Quận 2.";

/// A decimal from a compile-time literal (`units / 10^scale`). Every literal used below is
/// small and has at most two decimals, so `Decimal::new` accepts it; the tests check that no
/// value of the example fell back to zero.
fn dec(units: i128, scale: u8) -> Decimal {
    Decimal::new(units, scale).unwrap_or(Decimal::ZERO)
}

/// A date from a compile-time literal. Every literal below is a real calendar day; the tests
/// check that no date of the example fell back to the default.
fn day(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).unwrap_or_default()
}

fn ratio_measure(numerator: &str, denominator: &str) -> Measure {
    Measure::Ratio {
        numerator: numerator.to_string(),
        denominator: denominator.to_string(),
    }
}

fn condition(label: &str, measure: Measure, comparator: Comparator) -> Condition {
    Condition {
        label: label.to_string(),
        measure,
        comparator,
    }
}

fn single(condition: Condition) -> Goal {
    Goal::Single {
        condition,
        breakdown: Vec::new(),
    }
}

fn ratio(numerator: u64, denominator: u64) -> Figure {
    Figure::Ratio {
        numerator: Count(numerator),
        denominator: Count(denominator),
    }
}

struct Builder<'a, F: FnMut(&str) -> String> {
    ids: &'a mut F,
}

impl<F: FnMut(&str) -> String> Builder<'_, F> {
    fn target(&mut self, area: ReformArea, label: &str, goal: Goal) -> Target {
        Target {
            id: TargetId((self.ids)("t")),
            area,
            label: label.to_string(),
            goal,
            parent: None,
            entries: Vec::new(),
            notes: Default::default(),
            extra: Default::default(),
            suggested: false,
            tracking: Default::default(),
        }
    }

    fn entry(&mut self, date: NaiveDate, reading: Reading, comment: &str) -> ProgressEntry {
        ProgressEntry {
            id: EntryId((self.ids)("e")),
            date,
            reading,
            comment: comment.to_string(),
            extra: Default::default(),
        }
    }

    fn field(&mut self, name: &str) -> Field {
        Field {
            id: FieldId((self.ids)("f")),
            name: name.to_string(),
        }
    }
}

/// The example plan. `ids` hands out a fresh identifier for a prefix (`"plan"`, `"t"` for
/// targets, `"e"` for entries, `"f"` for fields): random in the browser, a counter in tests.
pub fn example_plan(ids: &mut impl FnMut(&str) -> String) -> Plan {
    let plan_id = PlanId(ids("plan"));
    let mut b = Builder { ids };

    // Results of 2019 are dated 31/12/2019, the end of the year they describe, rather than
    // 06/03/2020 (the review meeting where Bình Tân announced them) or 07/03/2020 (the article):
    // an entry's date is the date its figures are "as of".
    let year_end = day(2019, 12, 31);
    let mid_year = day(2019, 6, 30);

    let mut targets = Vec::new();

    // --- Công tác chỉ đạo, điều hành -------------------------------------------------------

    // Issuing the plan itself, so that a milestone appears in the example. The article says the
    // plan was issued but dates it 30/02/2019, a day that does not exist; it gives no deadline
    // either. So the milestone has no deadline and its entry no completion date: recording one
    // would mean inventing it. It therefore shows "no data yet", never "done on time".
    let mut issue_plan = b.target(
        ReformArea::Direction,
        "Ban hành Kế hoạch thực hiện Chương trình cải cách hành chính trên địa bàn quận năm 2019",
        Goal::Milestone { deadline: None },
    );
    let e = b.entry(
        day(2019, 2, 18),
        Reading::Milestone {
            done_on: None,
            evidence: format!("Kế hoạch số {EXAMPLE_PLAN_NUMBER}"),
        },
        "Bài viết đăng ngày 18/02/2019 cho biết Ủy ban nhân dân quận đã ban hành Kế hoạch số \
         39/KH-UBND-NV, nhưng ghi ngày ban hành 30/02/2019 — ngày không có thật (tháng 2 năm \
         2019 chỉ có 28 ngày). Ví dụ để trống ngày hoàn thành thay vì tự đặt ra một ngày.",
    );
    issue_plan.entries.push(e);
    targets.push(issue_plan);

    // Năm là (first sentence): a share of the units to inspect.
    let inspect = b.target(
        ReformArea::Direction,
        "Tổ chức kiểm tra định kỳ và đột xuất tối thiểu 30% cơ quan chuyên môn, đơn vị sự nghiệp \
         thuộc Ủy ban nhân dân quận, Ủy ban nhân dân 11 phường",
        single(condition(
            "",
            ratio_measure(
                "cơ quan, đơn vị được kiểm tra",
                "cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND quận và UBND 11 phường",
            ),
            Comparator::AtLeast {
                threshold: dec(30, 0),
            },
        )),
    );
    targets.push(inspect);

    // Năm là (second sentence): not measurable, tracked with notes.
    let accountability = b.target(
        ReformArea::Direction,
        "Đặc biệt kiểm tra trách nhiệm người đứng đầu trong chỉ đạo, điều hành công tác cải cách \
         hành chính, đề xuất xử lý nghiêm các hành vi nhũng nhiễu, gây khó khăn cho người dân và \
         doanh nghiệp của cán bộ, công chức, viên chức trong thi hành công vụ",
        Goal::FreeText,
    );
    targets.push(accountability);

    // --- Cải cách thủ tục hành chính -------------------------------------------------------

    // Một là: every field must be strictly above 90%.
    let field_names = [
        "Hộ tịch",
        "Chứng thực",
        "Đất đai",
        "Xây dựng",
        "Kinh tế",
        "Lao động – Thương binh và Xã hội",
        "Tài nguyên và Môi trường",
    ];
    let fields: Vec<Field> = field_names.iter().map(|n| b.field(n)).collect();
    // Illustrative per-field counts: the article gives only "100% ở tất cả các lĩnh vực".
    let on_time_counts: [u64; 7] = [5_214, 12_480, 3_927, 1_356, 2_148, 873, 96];
    let per_field = Reading::PerField {
        fields: fields
            .iter()
            .zip(on_time_counts)
            .map(|(f, n)| FieldFigure {
                field: f.id.clone(),
                figure: ratio(n, n),
            })
            .collect(),
    };
    let mut on_time = b.target(
        ReformArea::Procedures,
        "Tỷ lệ giải quyết hồ sơ đúng hạn của từng lĩnh vực đều đạt trên 90%",
        Goal::Single {
            condition: condition(
                "",
                ratio_measure("hồ sơ giải quyết đúng hạn", "hồ sơ đã giải quyết"),
                Comparator::Above {
                    threshold: dec(90, 0),
                },
            ),
            breakdown: fields,
        },
    );
    let e = b.entry(
        year_end,
        per_field,
        &format!(
            "{SOURCE_RESULTS}: \"tỷ lệ hồ sơ giải quyết đúng hạn ở tất cả các lĩnh vực đều đạt \
             100%\" (chỉ tiêu của Bình Tân là 98%). Bài viết chỉ nêu \"100% ở tất cả các lĩnh \
             vực\", không nêu danh sách lĩnh vực hay số hồ sơ: cách chia lĩnh vực và số hồ sơ \
             từng lĩnh vực ở đây là minh họa. {NOT_THIS_UNIT}"
        ),
    );
    on_time.entries.push(e);
    targets.push(on_time);

    // --- Chính phủ điện tử (dịch vụ công trực tuyến, bưu chính công ích) ------------------

    // Hai là: a band; going beyond 40% is read as "vượt", not as a failure.
    let online_procedures = b.target(
        ReformArea::DigitalGovernment,
        "Đưa tỷ lệ từ 30% đến 40% số lượng thủ tục hành chính đủ yêu cầu, điều kiện vào cung cấp \
         dịch vụ công mức độ 3, mức độ 4",
        single(condition(
            "",
            ratio_measure(
                "thủ tục hành chính được đưa vào cung cấp dịch vụ công mức độ 3, mức độ 4",
                "thủ tục hành chính đủ yêu cầu, điều kiện",
            ),
            Comparator::Range {
                min: dec(30, 0),
                max: dec(40, 0),
                above: AboveRange::MetExceeded,
            },
        )),
    );
    targets.push(online_procedures);

    // Ba là (1): dossiers processed online at level 4.
    let mut level4 = b.target(
        ReformArea::DigitalGovernment,
        "Đạt từ 30% hồ sơ thủ tục hành chính được xử lý trực tuyến mức độ 4",
        single(condition(
            "",
            ratio_measure(
                "hồ sơ được xử lý trực tuyến mức độ 4",
                "hồ sơ của các thủ tục hành chính có cung cấp dịch vụ công trực tuyến mức độ 4",
            ),
            Comparator::AtLeast {
                threshold: dec(30, 0),
            },
        )),
    );
    let e = b.entry(
        mid_year,
        Reading::Single {
            figure: ratio(1_536, 1_987),
        },
        "Số liệu giữa năm do ví dụ tự đặt ra để minh họa lịch sử cập nhật (1.536/1.987 hồ \
         sơ); không có trong bài viết nào.",
    );
    level4.entries.push(e);
    let e = b.entry(
        year_end,
        Reading::Single {
            figure: ratio(3_518, 4_118),
        },
        &format!(
            "{SOURCE_RESULTS}: \"kết quả giải quyết thủ tục hành chính trực tuyến mức độ 4 đạt \
             85,4% (3.518/4.118 hồ sơ)\"; tính chính xác là 85,43%. Bài viết không \
             nói rõ mẫu số. {NOT_THIS_UNIT}"
        ),
    );
    level4.entries.push(e);
    targets.push(level4);

    // Ba là (2): household-business registrations online at level 3 or 4.
    let mut household = b.target(
        ReformArea::DigitalGovernment,
        "Có từ 50% trở lên hồ sơ đăng ký hộ kinh doanh được giải quyết thông qua dịch vụ công \
         trực tuyến mức độ 3, 4",
        single(condition(
            "",
            ratio_measure(
                "hồ sơ đăng ký hộ kinh doanh được giải quyết trực tuyến mức độ 3, 4",
                "hồ sơ đăng ký hộ kinh doanh đã giải quyết",
            ),
            Comparator::AtLeast {
                threshold: dec(50, 0),
            },
        )),
    );
    let e = b.entry(
        year_end,
        Reading::Single {
            figure: ratio(9_156, 17_087),
        },
        &format!(
            "{SOURCE_RESULTS}: \"kết quả giải quyết thủ tục hành chính trực tuyến mức độ 3 … năm \
             2019 đạt 53,58% (9.156/17.087 hồ sơ)\". Lưu ý: đây là tỷ lệ chung của các thủ tục \
             trực tuyến mức độ 3, không riêng hồ sơ đăng ký hộ kinh doanh; ví dụ dùng tạm số này \
             để minh họa. {NOT_THIS_UNIT}"
        ),
    );
    household.entries.push(e);
    let household_id = household.id.clone();
    targets.push(household);

    // Ba là (3), (4): "trong đó, từ 10% trở lên số hồ sơ được tiếp nhận qua dịch vụ bưu chính,
    // có từ 15% trở lên số hồ sơ được trả kết quả qua dịch vụ bưu chính". The article does not
    // say 10% / 15% *of what*. Read as sub-targets of the household-business target ("trong
    // đó"), each names its own denominator explicitly: all household-business registrations
    // received, and all whose results were returned. (The Hà Nội 2019 plan words the same
    // targets over all dossiers received / returned; a unit that means that can edit the
    // denominators.)
    let mut postal_in = b.target(
        ReformArea::DigitalGovernment,
        "Trong đó, từ 10% trở lên số hồ sơ được tiếp nhận qua dịch vụ bưu chính",
        single(condition(
            "",
            ratio_measure(
                "hồ sơ đăng ký hộ kinh doanh được tiếp nhận qua dịch vụ bưu chính",
                "tổng số hồ sơ đăng ký hộ kinh doanh tiếp nhận",
            ),
            Comparator::AtLeast {
                threshold: dec(10, 0),
            },
        )),
    );
    postal_in.parent = Some(household_id.clone());
    targets.push(postal_in);

    let mut postal_out = b.target(
        ReformArea::DigitalGovernment,
        "Có từ 15% trở lên số hồ sơ được trả kết quả qua dịch vụ bưu chính",
        single(condition(
            "",
            ratio_measure(
                "hồ sơ đăng ký hộ kinh doanh được trả kết quả qua dịch vụ bưu chính",
                "tổng số hồ sơ đăng ký hộ kinh doanh trả kết quả",
            ),
            Comparator::AtLeast {
                threshold: dec(15, 0),
            },
        )),
    );
    postal_out.parent = Some(household_id);
    targets.push(postal_out);

    // --- Tác động của cải cách hành chính ---------------------------------------------------

    // Bốn là: satisfaction, a percentage entered directly (the article gives no counts).
    let mut satisfaction = b.target(
        ReformArea::Impact,
        "Đạt trên 80% ý kiến hài lòng khi thực hiện khảo sát sự hài lòng của người dân, tổ chức \
         đối với sự phục vụ của cơ quan hành chính nhà nước",
        single(condition(
            "",
            Measure::Value {
                unit: ValueUnit::Percent,
            },
            Comparator::Above {
                threshold: dec(80, 0),
            },
        )),
    );
    let e = b.entry(
        year_end,
        Reading::Single {
            figure: Figure::Value {
                value: dec(9_897, 2),
            },
        },
        &format!(
            "{SOURCE_RESULTS}: \"mức độ hài lòng của người dân và doanh nghiệp đối với sự phục \
             vụ của cơ quan hành chính nhà nước đạt 98,97%\" (chỉ tiêu của Bình Tân là 80%). \
             {NOT_THIS_UNIT}"
        ),
    );
    satisfaction.entries.push(e);
    targets.push(satisfaction);

    // Sáu là: needs the 2018 index, published only the following year; left unknown, so the
    // target shows "waiting for last year's figure".
    let par_index = b.target(
        ReformArea::Impact,
        "Phấn đấu Chỉ số Cải cách hành chính (PAR Index) của quận năm 2019 cao hơn năm 2018",
        single(condition(
            "",
            Measure::Value {
                unit: ValueUnit::Points,
            },
            Comparator::HigherThanPrevious { previous: None },
        )),
    );
    targets.push(par_index);

    // Bảy là: two conditions that must both hold.
    let rated = b.target(
        ReformArea::Impact,
        "Đảm bảo ít nhất có 40% số hồ sơ được tiếp nhận, trả kết quả tại Bộ phận tiếp nhận và trả \
         kết quả, hoặc qua dịch vụ công trực tuyến hoặc qua dịch vụ bưu chính công ích có sự tham \
         gia đánh giá của người dân, tổ chức, với tỷ lệ đạt từ 80% ý kiến hài lòng khi được thực \
         hiện khảo sát",
        Goal::Compound {
            first: condition(
                "Tỷ lệ hồ sơ có sự tham gia đánh giá",
                ratio_measure(
                    "hồ sơ có sự tham gia đánh giá của người dân, tổ chức",
                    "hồ sơ được tiếp nhận, trả kết quả (tại Bộ phận tiếp nhận và trả kết quả, \
                     trực tuyến hoặc qua bưu chính công ích)",
                ),
                Comparator::AtLeast {
                    threshold: dec(40, 0),
                },
            ),
            second: condition(
                "Tỷ lệ ý kiến hài lòng",
                ratio_measure("ý kiến hài lòng", "ý kiến đánh giá"),
                Comparator::AtLeast {
                    threshold: dec(80, 0),
                },
            ),
        },
    );
    targets.push(rated);

    Plan {
        id: plan_id,
        unit: Unit {
            // Codes of the General Statistics Office's list of administrative units.
            id: "769".to_string(),
            name: "Quận 2 (ví dụ từ bài viết năm 2019)".to_string(),
            level: UnitLevel::LegacyDistrict,
            superior: "UBND Thành phố Hồ Chí Minh".to_string(),
            superior_id: "79".to_string(),
            extra: Default::default(),
        },
        year: EXAMPLE_PLAN_YEAR,
        reference: PlanReference {
            number: EXAMPLE_PLAN_NUMBER.to_string(),
            issued_on: None,
            date_note: format!(
                "Bài viết ghi \"Kế hoạch số {EXAMPLE_PLAN_NUMBER} ngày {EXAMPLE_IMPOSSIBLE_DATE}\", \
                 nhưng ngày {EXAMPLE_IMPOSSIBLE_DATE} không có thật (tháng 2 năm 2019 chỉ có 28 \
                 ngày; bài viết lại được đăng ngày 18/02/2019). Ví dụ để trống ngày ban hành thay \
                 vì tự đặt ra một ngày."
            ),
            extra: Default::default(),
        },
        revision: 1,
        status: PlanStatus::Approved,
        notes: Default::default(),
        sources: Vec::new(),
        targets,
        tasks: Vec::new(),
        shortened_procedures: Vec::new(),
        reporting: Default::default(),
        extra: Default::default(),
        template: None,
    }
}

/// The example plan with readable counter ids (`plan-1`, `t-1`, `t-2`, `e-1`, `f-1`, …).
pub fn example_plan_with_counter() -> Plan {
    let mut counters: Vec<(String, u32)> = Vec::new();
    let mut next = |prefix: &str| -> String {
        let n = match counters.iter_mut().find(|(p, _)| p == prefix) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                counters.push((prefix.to_string(), 1));
                1
            }
        };
        format!("{prefix}-{n}")
    };
    example_plan(&mut next)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every decimal the example holds (thresholds, bounds, entered values).
    fn decimals(plan: &Plan) -> Vec<Decimal> {
        fn of_comparator(c: &Comparator, out: &mut Vec<Decimal>) {
            match c {
                Comparator::Above { threshold }
                | Comparator::AtLeast { threshold }
                | Comparator::AtMost { threshold }
                | Comparator::Below { threshold } => out.push(*threshold),
                Comparator::Range { min, max, .. } => out.extend([*min, *max]),
                Comparator::ReduceTo { low, high } => out.extend([*low, *high]),
                Comparator::PerPeriod { min, .. } => out.push(*min),
                Comparator::HigherThanPrevious { previous } => out.extend(*previous),
                Comparator::AllItems => {}
            }
        }
        fn of_figure(f: &Figure, out: &mut Vec<Decimal>) {
            if let Figure::Value { value } = f {
                out.push(*value);
            }
        }
        let mut out = Vec::new();
        for t in &plan.targets {
            match &t.goal {
                Goal::Single { condition, .. } => of_comparator(&condition.comparator, &mut out),
                Goal::Compound { first, second } => {
                    of_comparator(&first.comparator, &mut out);
                    of_comparator(&second.comparator, &mut out);
                }
                Goal::Milestone { .. } | Goal::FreeText => {}
            }
            for e in &t.entries {
                match &e.reading {
                    Reading::Single { figure } => of_figure(figure, &mut out),
                    Reading::PerField { fields } => {
                        for f in fields {
                            of_figure(&f.figure, &mut out);
                        }
                    }
                    Reading::Pair { first, second } => {
                        of_figure(first, &mut out);
                        of_figure(second, &mut out);
                    }
                    Reading::Milestone { .. } | Reading::Text { .. } => {}
                }
            }
        }
        out
    }

    #[test]
    fn every_decimal_literal_is_accepted() {
        let plan = example_plan_with_counter();
        let got: Vec<String> = decimals(&plan)
            .into_iter()
            .map(Decimal::to_plain_string)
            .collect();
        // In plan order: inspection 30, on-time 90, band 30–40, level 4 30, household 50,
        // postal 10 and 15, satisfaction 80 and its entry 98,97, compound 40 and 80.
        let expected = [
            "30", "90", "30", "40", "30", "50", "10", "15", "80", "98.97", "40", "80",
        ];
        assert_eq!(got, expected);
        // None fell back to zero.
        assert!(decimals(&plan).iter().all(|d| *d != Decimal::ZERO));
    }

    #[test]
    fn every_date_literal_is_a_real_day_of_the_plan_period() {
        let plan = example_plan_with_counter();
        let first = NaiveDate::from_ymd_opt(2019, 1, 1);
        let last = NaiveDate::from_ymd_opt(2019, 12, 31);
        for t in &plan.targets {
            for e in &t.entries {
                assert!(Some(e.date) >= first && Some(e.date) <= last, "{}", e.date);
            }
        }
    }

    #[test]
    fn counter_ids_are_readable_and_unique() {
        let plan = example_plan_with_counter();
        assert_eq!(plan.id.0, "plan-1");
        assert_eq!(plan.targets[0].id.0, "t-1");
        let mut ids: Vec<String> = plan.targets.iter().map(|t| t.id.0.clone()).collect();
        ids.extend(
            plan.targets
                .iter()
                .flat_map(|t| t.entries.iter().map(|e| e.id.0.clone())),
        );
        ids.extend(
            plan.targets
                .iter()
                .flat_map(|t| t.goal.breakdown().iter().map(|f| f.id.0.clone())),
        );
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
