//! The «Sao chép sang năm …» button of a plan: makes next year's plan from it (see
//! [`cchc_domain::next_year`]) and opens it.

use cchc_domain::i18n::{copied_to_next_year, copy_to_next_year_button};
use cchc_domain::next_year::copy_to_next_year;
use cchc_domain::plan::PlanId;
use leptos::prelude::*;

use crate::browser;
use crate::state::{Book, Lang, Nav, NoticeKind, Notices, Screen, Today};

#[component]
pub fn CopyToNextYear(id: PlanId) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let nav = expect_context::<Nav>();
    let notices = expect_context::<Notices>();
    let today = expect_context::<Today>().0;
    let pid = StoredValue::new(id);
    let year = book
        .0
        .with_untracked(|w| w.plan(&pid.get_value()).map(|p| p.year))
        .unwrap_or_default();
    let copy = move |_| {
        let Some(plan) = book.0.with_untracked(|w| w.plan(&pid.get_value()).cloned()) else {
            return;
        };
        let next = copy_to_next_year(&plan, PlanId(browser::fresh_id("plan")), today);
        let targets = next.targets.len();
        let Some(new_id) = book.edit(|w| {
            w.add(next, || PlanId(browser::fresh_id("plan")))
                .id()
                .clone()
        }) else {
            return;
        };
        book.mark_open(&new_id);
        notices.push(
            NoticeKind::Success,
            copied_to_next_year(plan.year, plan.year.saturating_add(1), targets, lang.get()),
            vec![],
        );
        nav.0.set(Screen::Plan(new_id));
    };
    view! {
        <button type="button" class="btn btn-quiet" data-testid="copy-next-year" on:click=copy>
            {copy_to_next_year_button(year.saturating_add(1), lang.get())}
        </button>
    }
}
