//! The matrix: units as rows, targets as columns grouped by reform area, each cell the
//! unit's value and status (icon and words, never colour alone). Ordered by targets met, by
//! name, or by any one target (click its heading); the rank follows the order. Clicking a
//! cell opens the unit's plan. Long lists are shown a page at a time. The table is HTML text
//! from [`crate::consolidation_html`]; one listener reads what was clicked.

use cchc_domain::i18n::Text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::consolidation_page::ConsolidationState;
use crate::consolidation_html::{matrix_legend, matrix_table, MatrixOrder};
use crate::state::{Lang, Nav, ReturnTo, Screen};

/// Rows shown at first, and added by «Xem thêm».
const PAGE: usize = 50;

/// The value of `name` on the clicked element or the nearest element around it that has it.
fn clicked(ev: &leptos::ev::MouseEvent, name: &str) -> Option<String> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let found = target.closest(&format!("[{name}]")).ok()??;
    found.get_attribute(name)
}

#[component]
pub fn Matrix() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let nav = expect_context::<Nav>();
    let return_to = expect_context::<ReturnTo>();
    let state = expect_context::<ConsolidationState>();
    let order = RwSignal::new(MatrixOrder::Met);
    let shown = RwSignal::new(PAGE);
    let total = Memo::new(move |_| state.result.with(|c| c.rows.len()));

    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(plan) = clicked(&ev, "data-plan") {
            ev.prevent_default();
            return_to.0.set(Some(Screen::Consolidation(state.year)));
            nav.0.set(Screen::Plan(cchc_domain::plan::PlanId(plan)));
        } else if let Some(i) = clicked(&ev, "data-sort").and_then(|i| i.parse().ok()) {
            order.set(MatrixOrder::Column(i));
        }
    };

    view! {
        <div class="card">
            <div class="card-head">
                <h2 class="card-title">{lang.t(Text::MatrixTitle)}</h2>
                <label class="field field-inline">
                    <span class="field-label">{lang.t(Text::SortBy)}</span>
                    <select data-testid="matrix-order" on:change:target=move |ev| {
                        order.set(if ev.target().value() == "name" { MatrixOrder::Name } else { MatrixOrder::Met });
                    }>
                        <option value="met" selected=move || order.get() != MatrixOrder::Name>{lang.t(Text::SortByMet)}</option>
                        <option value="name" selected=move || order.get() == MatrixOrder::Name>{lang.t(Text::SortByName)}</option>
                    </select>
                </label>
            </div>
            <p class="muted small">{lang.t(Text::MatrixHint)} " " {matrix_legend(lang.get())}</p>
            <div
                class="matrix-scroll"
                on:click=on_click
                inner_html=move || {
                    let (order, shown) = (order.get(), shown.get());
                    state.changes.with(|ch| state.result.with(|c| matrix_table(c, order, shown, ch, lang.get())))
                }
            ></div>
            {move || (shown.get() < total.get()).then(|| view! {
                <div class="form-actions">
                    <button type="button" class="btn btn-secondary btn-small" data-testid="show-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {lang.t(Text::ShowMore)} {format!(" ({}/{})", shown.get(), total.get())}
                    </button>
                </div>
            })}
        </div>
    }
}
