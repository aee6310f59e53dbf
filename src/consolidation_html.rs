//! The consolidation's read-only tables as HTML text (see [`crate::html`]): the whole area
//! target by target, the reform areas, the units that sent newer files, and the matrix of
//! units by targets. Plain functions of the roll-up and the language, tested natively.
//!
//! The matrix marks what a click does with data attributes, read by the component's one
//! listener: `data-plan` on a cell (open the unit's plan), `data-sort` on a column heading
//! (rank the units by that target).

use std::collections::{HashMap, HashSet};

use cchc_domain::consolidation::{competition_ranks, Consolidation, UnitRow};
use cchc_domain::consolidation_changes::RowChange;
use cchc_domain::consolidation_text::{aggregate_words, cell_value};
use cchc_domain::evaluation::Status;
use cchc_domain::i18n::{
    area_name, area_tally, cells_left_out, in_plans, mapped_from_plans, revision_change,
    status_icon, status_name, Text,
};
use cchc_domain::letters::lowercase;
use cchc_domain::locale::Locale;
use cchc_domain::plan::PlanId;

use crate::components::status::{status_class, status_key};
use crate::html::Html;

/// How the matrix rows are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatrixOrder {
    /// By targets met, most first.
    Met,
    /// By unit name.
    Name,
    /// By one column (its index), best first.
    Column(usize),
}

fn status_badge(h: &mut Html, status: Status, l: Locale) {
    h.open(
        "span",
        &[
            ("class", status_class(status)),
            ("data-status", status_key(status)),
        ],
    )
    .element("span", &[("aria-hidden", "true")], status_icon(status))
    .text(" ")
    .text(status_name(status, l))
    .close("span");
}

/// The whole area, one row per target, grouped by reform area.
pub fn aggregates_table(c: &Consolidation, l: Locale) -> String {
    let t = |text: Text| text.get(l);
    let mut h = Html::new();
    h.open(
        "table",
        &[("class", "aggregates-table"), ("data-testid", "aggregates")],
    )
    .open("thead", &[])
    .open("tr", &[]);
    for (text, class) in [
        (Text::ColNo, "num-col"),
        (Text::ColTarget, ""),
        (Text::ColRule, ""),
        (Text::ColWhole, ""),
        (Text::ColUnitsMeeting, ""),
        (Text::ColNotes, ""),
    ] {
        h.element("th", &[("scope", "col"), ("class", class)], t(text));
    }
    h.close("tr").close("thead");
    let mut number = 0;
    for (area, columns) in c.columns_by_area() {
        h.open("tbody", &[])
            .open("tr", &[("class", "group-row")])
            .element(
                "th",
                &[("scope", "rowgroup"), ("colspan", "6")],
                area_name(area, l),
            )
            .close("tr");
        for i in columns {
            let Some(column) = c.columns.get(i) else {
                continue;
            };
            number += 1;
            let words = aggregate_words(column, l);
            let (mut having, mut mapped, mut left_out) = (0, 0, Vec::new());
            for row in &c.rows {
                let Some(cell) = row.cells.get(i) else {
                    continue;
                };
                having += usize::from(cell.status.is_some());
                mapped += usize::from(cell.mapped_from.is_some());
                if cell.excluded {
                    left_out.push(row.unit.clone());
                }
            }
            let mut notes = Vec::new();
            if having < c.rows.len() {
                notes.push(in_plans(having, c.rows.len(), l));
            }
            if mapped > 0 {
                notes.push(mapped_from_plans(mapped, l));
            }
            if !left_out.is_empty() {
                notes.push(cells_left_out(&left_out, l));
            }
            h.open(
                "tr",
                &[
                    ("data-testid", "aggregate-row"),
                    ("data-target", &column.id.0),
                ],
            )
            .element("td", &[("class", "num-col")], &number.to_string())
            .element("td", &[], &column.label)
            .element("td", &[("class", "muted small")], words.rule)
            .open("td", &[("data-testid", "aggregate-value")])
            .element("strong", &[], &words.value);
            if let Some(status) = column.aggregate.status {
                h.text(" ");
                status_badge(&mut h, status, l);
            }
            if let Some(detail) = &words.detail {
                h.element("div", &[("class", "small muted")], detail);
            }
            if !words.fields.is_empty() {
                h.open("ul", &[("class", "plain-list small")]);
                for field in &words.fields {
                    h.element("li", &[], field);
                }
                h.close("ul");
            }
            h.close("td")
                .element(
                    "td",
                    &[("data-testid", "aggregate-units")],
                    words.units.as_deref().unwrap_or_default(),
                )
                .element("td", &[("class", "small")], &notes.join(" · "))
                .close("tr");
        }
        h.close("tbody");
    }
    h.close("table");
    h.finish()
}

/// One line per reform area: its targets, and targets met over every unit.
pub fn area_summaries(c: &Consolidation, l: Locale) -> String {
    let mut h = Html::new();
    h.open(
        "ul",
        &[
            ("class", "area-summaries"),
            ("data-testid", "area-summaries"),
        ],
    );
    for a in c.areas() {
        h.open("li", &[])
            .element(
                "span",
                &[("class", "area-summary-name")],
                area_name(a.area, l),
            )
            .element("span", &[], &area_tally(a.targets, a.met, a.gauged, l))
            .close("li");
    }
    h.close("ul");
    h.finish()
}

/// The units that sent a newer file since the changes were last marked as seen.
pub fn changes_list(c: &Consolidation, changes: &[RowChange], l: Locale) -> String {
    let mut h = Html::new();
    h.open("ul", &[]);
    for change in changes {
        let unit = c
            .rows
            .iter()
            .find(|r| r.plan == change.plan)
            .map(|r| r.unit.as_str())
            .unwrap_or_default();
        h.element(
            "li",
            &[],
            &revision_change(
                unit,
                change.from_revision,
                change.to_revision,
                change.columns.len(),
                l,
            ),
        );
    }
    h.close("ul");
    h.finish()
}

/// The rows in the chosen order, with their ranks: by targets met (ties share a rank), by
/// one target (ties share a rank), or by name (with the rank by targets met).
pub fn ordered_rows(c: &Consolidation, order: MatrixOrder) -> Vec<(usize, &UnitRow)> {
    let by_met = c.ranking();
    let met_ranks = competition_ranks(&by_met, |a, b| a.met == b.met && a.gauged == b.gauged);
    match order {
        MatrixOrder::Met => met_ranks.into_iter().zip(by_met).collect(),
        MatrixOrder::Name => {
            let rank_of: HashMap<&PlanId, usize> = by_met
                .iter()
                .zip(&met_ranks)
                .map(|(r, rank)| (&r.plan, *rank))
                .collect();
            let mut rows: Vec<&UnitRow> = c.rows.iter().collect();
            rows.sort_by_cached_key(|r| lowercase(&r.unit));
            rows.into_iter()
                .map(|r| (rank_of.get(&r.plan).copied().unwrap_or(0), r))
                .collect()
        }
        MatrixOrder::Column(i) => {
            let Some(column) = c.columns.get(i) else {
                return Vec::new();
            };
            let rows = c.ranking_by(&column.id);
            let value = |r: &&UnitRow| r.cells.get(i).and_then(|cell| cell.value);
            competition_ranks(&rows, |a, b| value(a) == value(b))
                .into_iter()
                .zip(rows)
                .collect()
        }
    }
}

/// The matrix: the first `shown` units in `order`, every column grouped by reform area.
/// Cells that changed since last seen carry ▲, cells left out say so.
pub fn matrix_table(
    c: &Consolidation,
    order: MatrixOrder,
    shown: usize,
    changes: &[RowChange],
    l: Locale,
) -> String {
    let t = |text: Text| text.get(l);
    let groups = c.columns_by_area();
    let display: Vec<usize> = groups.iter().flat_map(|(_, cols)| cols.clone()).collect();
    let changed: HashMap<&PlanId, HashSet<usize>> = changes
        .iter()
        .map(|ch| (&ch.plan, ch.columns.iter().copied().collect()))
        .collect();

    let mut h = Html::new();
    h.open("table", &[("class", "matrix"), ("data-testid", "matrix")])
        .open("thead", &[])
        .open("tr", &[])
        .element(
            "th",
            &[("scope", "col"), ("rowspan", "2"), ("class", "num-col")],
            t(Text::ColRank),
        )
        .element(
            "th",
            &[("scope", "col"), ("rowspan", "2"), ("class", "matrix-unit")],
            t(Text::ColUnit),
        )
        .element("th", &[("scope", "col"), ("rowspan", "2")], t(Text::ColMet));
    for (area, columns) in &groups {
        h.element(
            "th",
            &[
                ("scope", "colgroup"),
                ("colspan", &columns.len().to_string()),
                ("class", "matrix-area"),
            ],
            area_name(*area, l),
        );
    }
    h.close("tr").open("tr", &[]);
    for (k, &i) in display.iter().enumerate() {
        let Some(column) = c.columns.get(i) else {
            continue;
        };
        let sorted = order == MatrixOrder::Column(i);
        h.open(
            "th",
            &[
                ("scope", "col"),
                ("class", "matrix-head"),
                ("aria-sort", if sorted { "descending" } else { "none" }),
            ],
        )
        .open(
            "button",
            &[
                ("type", "button"),
                ("class", "matrix-sort"),
                ("title", &column.label),
                ("data-sort", &i.to_string()),
                ("data-testid", "sort-column"),
            ],
        )
        .element("span", &[("class", "matrix-num")], &(k + 1).to_string())
        .element("span", &[("class", "matrix-label")], &column.label)
        .close("button")
        .close("th");
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for (rank, row) in ordered_rows(c, order).into_iter().take(shown) {
        let cells_changed = changed.get(&row.plan);
        h.open(
            "tr",
            &[
                ("data-testid", "matrix-row"),
                (
                    "class",
                    if cells_changed.is_some() {
                        "row-changed"
                    } else {
                        ""
                    },
                ),
            ],
        )
        .element(
            "td",
            &[("class", "num-col"), ("data-testid", "matrix-rank")],
            &rank.to_string(),
        )
        .open("th", &[("scope", "row"), ("class", "matrix-unit")])
        .text(&row.unit);
        if !row.code.is_empty() {
            h.element(
                "span",
                &[("class", "muted small")],
                &format!(" · {}", row.code),
            );
        }
        h.close("th").element(
            "td",
            &[("data-testid", "matrix-met")],
            &format!("{}/{}", row.met, row.gauged),
        );
        for &i in &display {
            let (Some(column), Some(cell)) = (c.columns.get(i), row.cells.get(i)) else {
                continue;
            };
            let is_changed = cells_changed.is_some_and(|set| set.contains(&i));
            let status_words = match cell.status {
                Some(s) => status_name(s, l),
                None => t(Text::NoSuchTarget),
            };
            let mut class = String::from("matrix-cell");
            if cell.excluded {
                class.push_str(" cell-excluded");
            }
            if is_changed {
                class.push_str(" cell-changed");
            }
            let title = format!("{} — {}: {status_words}", row.unit, column.label);
            h.open(
                "td",
                &[
                    ("class", &class),
                    ("data-status", cell.status.map(status_key).unwrap_or("none")),
                ],
            )
            .open(
                "a",
                &[
                    ("href", &format!("#plan/{}", row.plan.0)),
                    ("title", &title),
                    ("data-plan", &row.plan.0),
                    ("data-testid", "matrix-cell"),
                ],
            );
            if is_changed {
                h.element(
                    "span",
                    &[("class", "cell-mark"), ("aria-hidden", "true")],
                    "▲",
                );
            }
            h.element(
                "span",
                &[("aria-hidden", "true")],
                cell.status.map(status_icon).unwrap_or("·"),
            )
            .text(" ")
            .element(
                "span",
                &[("class", "cell-value")],
                &cell_value(column, cell, l),
            )
            .element("span", &[("class", "visually-hidden")], &title);
            if cell.excluded {
                h.element(
                    "span",
                    &[("class", "cell-note")],
                    &format!("⊘ {}", t(Text::NotCounted)),
                );
            }
            h.close("a").close("td");
        }
        h.close("tr");
    }
    h.close("tbody").close("table");
    h.finish()
}

/// `✔ Đạt · ✖ Chưa đạt · …`: what the matrix's marks mean.
pub fn matrix_legend(l: Locale) -> String {
    let mut parts: Vec<String> = [
        Status::Met,
        Status::NotMet,
        Status::NoData,
        Status::NotGauged,
    ]
    .into_iter()
    .map(|s| format!("{} {}", status_icon(s), status_name(s, l)))
    .collect();
    parts.push(format!("▲ {}", Text::ChangedMark.get(l)));
    parts.push(format!("⊘ {}", Text::NotCounted.get(l)));
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use cchc_domain::consolidation::{consolidate, ConsolidationSpec};
    use cchc_domain::consolidation_changes::{changes, mark_all_seen};
    use cchc_domain::file::import_text;
    use cchc_domain::plan::Plan;
    use cchc_domain::target::TargetId;

    fn wards() -> Vec<Plan> {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/consolidation");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        paths.sort();
        paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .filter_map(|text| import_text(&text).ok())
            .map(|i| i.plan)
            .collect()
    }

    fn rolled_up(plans: &[Plan], excluded: Vec<(PlanId, TargetId)>) -> Consolidation {
        let spec = ConsolidationSpec {
            plans: plans.iter().map(|p| p.id.clone()).collect(),
            excluded,
            ..Default::default()
        };
        consolidate(
            plans,
            &spec,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
        )
    }

    #[test]
    fn the_matrix_has_a_row_per_unit_a_cell_per_target_and_a_link_per_cell() {
        let plans = wards();
        assert_eq!(plans.len(), 11);
        let c = rolled_up(&plans, Vec::new());
        let html = matrix_table(&c, MatrixOrder::Met, 50, &[], Locale::Vi);
        assert_eq!(html.matches("data-testid=\"matrix-row\"").count(), 11);
        assert_eq!(html.matches("data-testid=\"matrix-cell\"").count(), 11 * 32);
        assert_eq!(html.matches("data-sort=\"").count(), 32);
        assert!(html.contains(&format!("data-plan=\"{}\"", plans[0].id.0)));
        // A page at a time.
        let first = matrix_table(&c, MatrixOrder::Met, 5, &[], Locale::Vi);
        assert_eq!(first.matches("data-testid=\"matrix-row\"").count(), 5);
    }

    #[test]
    fn imported_text_is_escaped_everywhere() {
        let mut plans = wards();
        plans[0].unit.name = "<script>alert(1)</script>".into();
        plans[0].targets[0].label = "\"><img src=x onerror=alert(2)>".into();
        let c = rolled_up(&plans, Vec::new());
        for html in [
            matrix_table(&c, MatrixOrder::Name, 50, &[], Locale::Vi),
            aggregates_table(&c, Locale::Vi),
        ] {
            assert!(!html.contains("<script>"), "{html}");
            assert!(!html.contains("<img"));
        }
        assert!(matrix_table(&c, MatrixOrder::Met, 50, &[], Locale::Vi)
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    #[test]
    fn left_out_and_changed_cells_say_so_in_words_and_marks() {
        let plans = wards();
        let before = rolled_up(&plans, Vec::new());
        let seen = mark_all_seen(&before);
        let mut newer = plans.clone();
        newer[0].revision += 1;
        newer[0].targets.retain(|t| t.id.0 != "tpl-13");
        let after = rolled_up(
            &newer,
            vec![(plans[1].id.clone(), TargetId("tpl-10".into()))],
        );
        let found = changes(&after, &seen);
        assert_eq!(found.len(), 1);
        let html = matrix_table(&after, MatrixOrder::Met, 50, &found, Locale::Vi);
        assert_eq!(html.matches("cell-changed").count(), 1);
        assert_eq!(html.matches("row-changed").count(), 1);
        assert_eq!(html.matches("⊘ không tính").count(), 1);
        let list = changes_list(&after, &found, Locale::Vi);
        assert!(list.contains("phiên bản 1 → 2, 1 ô đã đổi"), "{list}");
        let table = aggregates_table(&after, Locale::Vi);
        assert!(table.contains("có ở 10/11 kế hoạch"));
        assert!(table.contains("1 ô không tính"));
    }

    #[test]
    fn ranks_follow_the_order_and_ties_share_them() {
        let c = rolled_up(&wards(), Vec::new());
        let by_met: Vec<usize> = ordered_rows(&c, MatrixOrder::Met)
            .iter()
            .map(|(r, _)| *r)
            .collect();
        // Xã Lộc Hà and Xã Thọ Thái both meet 15 of 28.
        assert_eq!(by_met, vec![1, 2, 3, 4, 5, 6, 7, 8, 8, 10, 11]);
        let names: Vec<&str> = ordered_rows(&c, MatrixOrder::Name)
            .iter()
            .map(|(_, r)| r.unit.as_str())
            .collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|n| lowercase(n));
        assert_eq!(names, sorted);
        let i = c
            .columns
            .iter()
            .position(|x| x.id.0 == "tpl-13")
            .unwrap_or_default();
        let values: Vec<_> = ordered_rows(&c, MatrixOrder::Column(i))
            .iter()
            .filter_map(|(_, r)| r.cells[i].value)
            .collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]));
    }
}
