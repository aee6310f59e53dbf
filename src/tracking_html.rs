//! The target tracking panel as HTML text (see [`crate::html`]): the previous years' table
//! and its chart, an index's band and rank, and the panel's forms (a previous year, the
//! rank, the per-report targets, the pace kind). Plain functions of the target and the
//! language, tested natively; one string per piece instead of a reactive view per element
//! keeps the WebAssembly small. Every text goes through [`crate::html::escape`].
//!
//! The component reads the forms when they are submitted or changed: `data-form` names a
//! form (`add-year`, `standing`), inputs are read by `name`; a per-report field carries
//! `data-period`; the pace kind is the `<select name="pace">`. A row's remove button says
//! `data-action="remove-year"` and `data-id` (the year).

use cchc_domain::describe::unit_suffix;
use cchc_domain::i18n::{
    history_chart_label, index_band_line, index_rank_words, pace_kind_name, reporting_period_name,
    Text,
};
use cchc_domain::index_standing::IndexStanding;
use cchc_domain::locale::Locale;
use cchc_domain::number::{format_decimal, Rational};
use cchc_domain::pacing::PaceKind;
use cchc_domain::reporting_period::ReportingPeriod;
use cchc_domain::target::{Measure, Target, ValueUnit};
use cchc_domain::target_history::series;
use cchc_domain::tracking_form::{
    band_of_latest, chart_points, chart_y, measured_condition, year_target, ChartFrame,
};

use crate::html::Html;

const FRAME: ChartFrame = ChartFrame {
    width: 360,
    height: 150,
    left: 24,
    right: 24,
    top: 24,
    bottom: 26,
};

/// A value in the target's unit: `4,28%`, `90,02 điểm`, `12 lần`.
pub fn value_text(t: &Target, v: Rational, l: Locale) -> String {
    let suffix = measured_condition(t)
        .map(|c| unit_suffix(&c.measure, l))
        .unwrap_or_default();
    format!("{}{suffix}", v.format_vi(2, true))
}

fn measure_of(t: &Target) -> Option<&Measure> {
    measured_condition(t).map(|c| &c.measure)
}

/// A value as the chart writes it beside its point: `4,28%`, or the bare number for other
/// units (the text alternative and the table give the unit).
fn short_value(t: &Target, v: Rational) -> String {
    let percent = matches!(
        measure_of(t),
        Some(
            Measure::Ratio { .. }
                | Measure::Value {
                    unit: ValueUnit::Percent
                }
        )
    );
    format!("{}{}", v.format_vi(2, true), if percent { "%" } else { "" })
}

fn percent_scale(t: &Target) -> bool {
    matches!(
        measure_of(t),
        Some(
            Measure::Ratio { .. }
                | Measure::Value {
                    unit: ValueUnit::Percent | ValueUnit::Points
                }
        )
    )
}

/// The previous years' table with a remove button per row, or a sentence when there is none.
pub fn years_table(t: &Target, l: Locale) -> String {
    let mut h = Html::new();
    if t.tracking.history.is_empty() {
        h.element(
            "p",
            &[
                ("class", "muted small"),
                ("data-testid", "no-history-years"),
            ],
            Text::PreviousYearsNone.get(l),
        );
        return h.finish();
    }
    h.open("table", &[("class", "tracking-years")])
        .open("thead", &[])
        .open("tr", &[])
        .element("th", &[("scope", "col")], Text::HistoryYearLabel.get(l))
        .element("th", &[("scope", "col")], Text::HistoryValueLabel.get(l))
        .open("th", &[("scope", "col")])
        .element(
            "span",
            &[("class", "visually-hidden")],
            Text::ColActions.get(l),
        )
        .close("th")
        .close("tr")
        .close("thead")
        .open("tbody", &[]);
    let remove = Text::RemoveHistoryYear.get(l);
    for row in &t.tracking.history {
        let year = row.year.to_string();
        h.open(
            "tr",
            &[("data-testid", "history-row"), ("data-year", &year)],
        )
        .element("th", &[("scope", "row")], &year)
        .element(
            "td",
            &[("data-testid", "history-row-value")],
            &value_text(t, row.value.to_rational(), l),
        )
        .open("td", &[])
        .element(
            "button",
            &[
                ("type", "button"),
                ("class", "btn btn-small btn-quiet"),
                ("data-testid", "remove-history-year"),
                ("data-action", "remove-year"),
                ("data-id", &year),
                ("aria-label", &format!("{remove} {year}")),
            ],
            remove,
        )
        .close("td")
        .close("tr");
    }
    h.close("tbody").close("table");
    h.finish()
}

/// The chart of the years, or `""` when there is nothing to draw: a line through the values,
/// each labelled, the year's target as a dashed line; this year's point is a square (not a
/// colour), named in the caption and the text alternative.
pub fn years_chart(t: &Target, this_year: Option<(i32, Rational)>, l: Locale) -> String {
    let s = series(&t.tracking.history, this_year);
    if s.is_empty() {
        return String::new();
    }
    let now_year = this_year.map(|(y, _)| y);
    let (points, top) = chart_points(&s, percent_scale(t), FRAME);
    let items: Vec<(i32, String, bool)> = points
        .iter()
        .map(|p| (p.year, value_text(t, p.value, l), Some(p.year) == now_year))
        .collect();
    let n = |v: i64| v.to_string();
    let (left, right, base) = (
        n(FRAME.left - 12),
        n(FRAME.width - FRAME.right + 12),
        n(FRAME.base()),
    );
    let mut h = Html::new();
    h.open("figure", &[("class", "tracking-chart")]).open(
        "svg",
        &[
            ("viewBox", &format!("0 0 {} {}", FRAME.width, FRAME.height)),
            ("role", "img"),
            ("aria-label", &history_chart_label(&items, l)),
            ("data-testid", "history-chart"),
            ("data-points", &n(points.len() as i64)),
        ],
    );
    h.open(
        "line",
        &[
            ("class", "chart-base"),
            ("x1", &left),
            ("x2", &right),
            ("y1", &base),
            ("y2", &base),
        ],
    )
    .close("line");
    let threshold = year_target(t)
        .map(|d| d.to_rational())
        .filter(|v| *v >= Rational::from_int(0) && *v <= top);
    if let Some(v) = threshold {
        let y = chart_y(v, top, FRAME);
        h.open(
            "line",
            &[
                ("class", "chart-threshold"),
                ("x1", &left),
                ("x2", &right),
                ("y1", &n(y)),
                ("y2", &n(y)),
            ],
        )
        .close("line")
        .element(
            "text",
            &[
                ("class", "chart-threshold-label"),
                ("x", &n(FRAME.left - 10)),
                ("y", &n(y - 4)),
            ],
            &format!("{} {}", Text::Threshold.get(l), value_text(t, v, l)),
        );
    }
    let line: Vec<String> = points.iter().map(|p| format!("{},{}", p.x, p.y)).collect();
    h.open(
        "polyline",
        &[("class", "chart-line"), ("points", &line.join(" "))],
    )
    .close("polyline");
    let last = points.len().saturating_sub(1);
    for (i, (p, (year, _, now))) in points.iter().zip(&items).enumerate() {
        if *now {
            h.open(
                "rect",
                &[
                    ("class", "chart-point chart-now"),
                    ("x", &n(p.x - 5)),
                    ("y", &n(p.y - 5)),
                    ("width", "10"),
                    ("height", "10"),
                ],
            )
            .close("rect");
        } else {
            h.open(
                "circle",
                &[
                    ("class", "chart-point"),
                    ("cx", &n(p.x)),
                    ("cy", &n(p.y)),
                    ("r", "4"),
                ],
            )
            .close("circle");
        }
        // The first and last values lean inward so that they stay inside the drawing.
        let (anchor, x) = match i {
            _ if last == 0 => ("middle", p.x),
            0 => ("start", p.x - 6),
            i if i == last => ("end", p.x + 6),
            _ => ("middle", p.x),
        };
        h.element(
            "text",
            &[
                ("class", "chart-value"),
                ("x", &n(x)),
                ("y", &n(p.y - 9)),
                ("text-anchor", anchor),
            ],
            &short_value(t, p.value),
        )
        .element(
            "text",
            &[
                (
                    "class",
                    if *now {
                        "chart-year chart-year-now"
                    } else {
                        "chart-year"
                    },
                ),
                ("x", &n(p.x)),
                ("y", &n(FRAME.height - 8)),
                ("text-anchor", "middle"),
            ],
            &year.to_string(),
        );
    }
    h.close("svg");
    if now_year.is_some() {
        h.open("figcaption", &[("class", "muted small")])
            .element("span", &[("aria-hidden", "true")], "■ ")
            .text(Text::ChartThisYear.get(l))
            .close("figcaption");
    }
    h.close("figure");
    h.finish()
}

/// An index's band (of its latest value) and its published rank, in words.
pub fn index_lines(t: &Target, this_year: Option<(i32, Rational)>, l: Locale) -> String {
    let s = series(&t.tracking.history, this_year);
    let mut h = Html::new();
    match band_of_latest(t, &s) {
        Some((year, band)) => {
            let value = s
                .iter()
                .find(|(y, _)| *y == year)
                .map(|(_, v)| value_text(t, *v, l))
                .unwrap_or_default();
            let mark = match band.key() {
                "below-c" => "<C".to_string(),
                k => k.to_ascii_uppercase(),
            };
            h.open(
                "p",
                &[
                    ("class", "index-band"),
                    ("data-testid", "index-band"),
                    ("data-band", band.key()),
                ],
            )
            .element(
                "span",
                &[("class", "index-band-mark"), ("aria-hidden", "true")],
                &mark,
            )
            .text(&index_band_line(band, year, &value, l))
            .close("p");
        }
        None => {
            h.element(
                "p",
                &[
                    ("class", "muted small"),
                    ("data-testid", "index-band"),
                    ("data-band", "none"),
                ],
                Text::IndexBandNone.get(l),
            );
        }
    }
    match &t.tracking.standing {
        Some(s) => h.element(
            "p",
            &[("class", "index-rank"), ("data-testid", "index-rank")],
            &index_rank_words(s, l),
        ),
        None => h.element(
            "p",
            &[("class", "muted small"), ("data-testid", "index-rank")],
            Text::StandingNone.get(l),
        ),
    };
    h.finish()
}

/// A labelled text field: `[label, name, test id, value, inputmode, size]`.
fn field(
    h: &mut Html,
    [label, name, testid, value, mode, size]: [&str; 6],
    extra: &[(&'static str, &str)],
) {
    h.open("label", &[("class", "field field-narrow")]).element(
        "span",
        &[("class", "field-label")],
        label,
    );
    let mut attributes = vec![
        ("type", "text"),
        ("name", name),
        ("data-testid", testid),
        ("value", value),
        ("inputmode", mode),
        ("size", size),
        ("autocomplete", "off"),
    ];
    attributes.extend_from_slice(extra);
    h.open("input", &attributes).close("label");
}

fn submit_button(h: &mut Html, testid: &str, text: &str) {
    h.element(
        "button",
        &[
            ("type", "submit"),
            ("class", "btn btn-small btn-secondary"),
            ("data-testid", testid),
        ],
        text,
    );
}

/// The form of a previous year (`year`, `value`); Enter adds it.
pub fn add_year_form(l: Locale) -> String {
    let mut h = Html::new();
    h.open(
        "form",
        &[
            ("class", "tracking-add-year"),
            ("data-form", "add-year"),
            ("novalidate", "novalidate"),
        ],
    );
    field(
        &mut h,
        [
            Text::HistoryYearLabel.get(l),
            "year",
            "history-year",
            "",
            "numeric",
            "5",
        ],
        &[("maxlength", "4")],
    );
    field(
        &mut h,
        [
            Text::HistoryValueLabel.get(l),
            "value",
            "history-value",
            "",
            "decimal",
            "8",
        ],
        &[],
    );
    submit_button(&mut h, "add-history-year", Text::AddHistoryYear.get(l));
    h.close("form");
    h.finish()
}

/// The rank form (`position`, `of`, `previous`), filled with the rank kept.
pub fn standing_form(s: Option<IndexStanding>, l: Locale) -> String {
    let text = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    let values = [
        text(s.map(|s| s.position)),
        text(s.map(|s| s.of)),
        text(s.and_then(|s| s.previous_position)),
    ];
    let mut h = Html::new();
    h.open(
        "form",
        &[
            ("class", "tracking-standing"),
            ("data-form", "standing"),
            ("novalidate", "novalidate"),
        ],
    );
    for ((label, name, testid), value) in [
        (Text::StandingPosition, "position", "standing-position"),
        (Text::StandingOf, "of", "standing-of"),
        (Text::StandingPrevious, "previous", "standing-previous"),
    ]
    .into_iter()
    .zip(&values)
    {
        field(
            &mut h,
            [label.get(l), name, testid, value, "numeric", "4"],
            &[],
        );
    }
    submit_button(&mut h, "save-standing", Text::SaveStanding.get(l));
    h.close("form");
    h.finish()
}

/// The per-report targets, one field per report (`data-period`), saved when changed; the
/// year's field is read-only and shows the target's own year-end value.
pub fn period_fields(t: &Target, l: Locale) -> String {
    let mut h = Html::new();
    h.open("div", &[("class", "tracking-periods")]);
    for period in ReportingPeriod::ALL {
        let is_year = period == ReportingPeriod::Year;
        let value = if is_year {
            year_target(t)
        } else {
            t.tracking.period_targets.get(period)
        }
        .map(format_decimal)
        .unwrap_or_default();
        let testid = format!("period-target-{}", period.as_str());
        let extra: &[(&'static str, &str)] = if is_year {
            &[("readonly", "readonly")]
        } else {
            &[("data-period", period.as_str())]
        };
        field(
            &mut h,
            [
                reporting_period_name(period, l),
                period.as_str(),
                &testid,
                &value,
                "decimal",
                "8",
            ],
            extra,
        );
    }
    h.close("div");
    h.finish()
}

/// The pace kind choice (`<select name="pace">`: `auto`, `cumulative`, `rate`, `none`).
pub fn pace_select(current: Option<PaceKind>, l: Locale) -> String {
    let mut h = Html::new();
    h.open("label", &[("class", "field tracking-pace-kind")])
        .element(
            "span",
            &[("class", "field-label")],
            Text::PaceKindLabel.get(l),
        )
        .open("select", &[("name", "pace"), ("data-testid", "pace-kind")]);
    for kind in std::iter::once(None).chain(PaceKind::ALL.into_iter().map(Some)) {
        let value = kind.map(PaceKind::as_str).unwrap_or("auto");
        let selected = if kind == current { "selected" } else { "" };
        h.element(
            "option",
            &[("value", value), ("selected", selected)],
            pace_kind_name(kind, l),
        );
    }
    h.close("select").close("label");
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cchc_domain::area::ReformArea;
    use cchc_domain::number::parse_vi_number;
    use cchc_domain::target::{Comparator, Condition, Goal, TargetId};
    use cchc_domain::target_history::YearValue;

    fn online() -> Target {
        let dec = |s: &str| parse_vi_number(s).unwrap();
        let mut t = Target {
            id: TargetId("t1".into()),
            area: ReformArea::DigitalGovernment,
            label: "Có từ 50% trở lên hồ sơ <b>trực tuyến</b>".into(),
            goal: Goal::Single {
                condition: Condition {
                    label: String::new(),
                    measure: Measure::Ratio {
                        numerator: "a".into(),
                        denominator: "b".into(),
                    },
                    comparator: Comparator::AtLeast {
                        threshold: dec("50"),
                    },
                },
                breakdown: Vec::new(),
            },
            parent: None,
            entries: Vec::new(),
            notes: Default::default(),
            extra: Default::default(),
            suggested: false,
            tracking: Default::default(),
        };
        for (year, v) in [(2016, "4,28"), (2017, "27,34"), (2018, "51,38")] {
            t.tracking.history.push(YearValue {
                year,
                value: dec(v),
            });
        }
        t
    }

    #[test]
    fn the_table_lists_each_year_with_its_remove_button() {
        let html = years_table(&online(), Locale::Vi);
        assert_eq!(html.matches("data-testid=\"history-row\"").count(), 3);
        assert!(html.contains(
            "<th scope=\"row\">2016</th><td data-testid=\"history-row-value\">4,28%</td>"
        ));
        assert!(html.contains(
            "data-action=\"remove-year\" data-id=\"2017\" aria-label=\"Bỏ năm này 2017\""
        ));
        let mut empty = online();
        empty.tracking.history.clear();
        assert!(years_table(&empty, Locale::En).contains("No previous year entered yet."));
    }

    #[test]
    fn the_chart_draws_the_seed_series_with_this_year_as_a_square() {
        let now = parse_vi_number("53,58").unwrap().to_rational();
        let html = years_chart(&online(), Some((2019, now)), Locale::Vi);
        assert!(html.contains("role=\"img\""));
        assert!(html.contains(
            "aria-label=\"Diễn biến qua các năm: 2016: 4,28%; 2017: 27,34%; 2018: 51,38%; \
             2019 (năm nay, đến nay): 53,58%\""
        ));
        assert!(html.contains("data-points=\"4\""));
        assert_eq!(html.matches("<circle").count(), 3);
        assert_eq!(
            html.matches("<rect class=\"chart-point chart-now\"")
                .count(),
            1
        );
        assert!(html.contains("points=\"24,120 128,97 232,73 336,70\""));
        assert!(html.contains(">Ngưỡng 50%</text>"));
        assert!(html.contains("năm nay, đến nay</figcaption>"));
        let mut none = online();
        none.tracking.history.clear();
        assert_eq!(years_chart(&none, None, Locale::Vi), "");
    }

    #[test]
    fn forms_keep_their_values_escaped() {
        let s = IndexStanding {
            position: 12,
            of: 63,
            previous_position: None,
        };
        let html = standing_form(Some(s), Locale::Vi);
        assert!(html.contains("name=\"position\" data-testid=\"standing-position\" value=\"12\""));
        assert!(html.contains("name=\"previous\" data-testid=\"standing-previous\" inputmode"));
        let periods = period_fields(&online(), Locale::Vi);
        assert!(periods.contains("data-testid=\"period-target-year\" value=\"50\""));
        assert!(periods.contains("readonly=\"readonly\""));
        assert!(periods.contains("data-period=\"six_months\""));
        let pace = pace_select(Some(PaceKind::NotPaced), Locale::En);
        assert!(pace.contains("<option value=\"none\" selected=\"selected\">Not paced</option>"));
        assert!(pace.contains("<option value=\"auto\">"));
        assert!(add_year_form(Locale::Vi).contains("data-form=\"add-year\""));
    }
}
