//! The whole area's figures: one line per reform area, then one row per target, grouped by
//! reform area, with the rule it is computed by, the figure, the units meeting it and what
//! was left out or mapped. Written as HTML text by [`crate::consolidation_html`].

use cchc_domain::i18n::Text;
use leptos::prelude::*;

use crate::components::consolidation_page::ConsolidationState;
use crate::consolidation_html::{aggregates_table, area_summaries};
use crate::state::Lang;

#[component]
pub fn Aggregates() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let state = expect_context::<ConsolidationState>();
    view! {
        <div class="card">
            <h2 class="card-title">{lang.t(Text::AreasTitle)}</h2>
            <div inner_html=move || state.result.with(|c| area_summaries(c, lang.get()))></div>
        </div>
        <div class="card">
            <h2 class="card-title">{lang.t(Text::AggregatesTitle)}</h2>
            <div class="wide-scroll" inner_html=move || state.result.with(|c| aggregates_table(c, lang.get()))></div>
        </div>
    }
}
