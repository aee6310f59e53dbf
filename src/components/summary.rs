//! The plan's scorecard: `8/9 chỉ tiêu đạt` overall and per reform area.

use cchc_domain::i18n::{area_name, scorecard_details, scorecard_headline, Text};
use cchc_domain::plan::PlanId;
use cchc_domain::scorecard::{area_scorecards, plan_scorecard, Scorecard};
use leptos::prelude::*;

use crate::state::{Book, Lang, Today};

/// The meter's fill width as a CSS length (`53.5%`). It is set with `style:width`, which goes
/// through the CSSOM (`style.setProperty`): the Content-Security-Policy (`style-src 'self'`,
/// see docs/security.md) blocks `style="…"` attributes but not CSSOM writes.
fn ratio_width(c: &Scorecard) -> String {
    // Whole per-mille, printed as an integer: no float formatting in the bundle.
    let per_mille = (c.met * 1000).checked_div(c.gauged()).unwrap_or(0);
    format!("{}.{}%", per_mille / 10, per_mille % 10)
}

#[component]
pub fn PlanSummary(id: PlanId) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let today = expect_context::<Today>().0;
    let id2 = id.clone();
    let overall = Memo::new(move |_| {
        book.0
            .with(|w| w.plan(&id).map(|p| plan_scorecard(p, today)))
            .unwrap_or_default()
    });
    let areas = Memo::new(move |_| {
        book.0
            .with(|w| w.plan(&id2).map(|p| area_scorecards(p, today)))
            .unwrap_or_default()
    });
    view! {
        <section class="card summary" aria-labelledby="summary-title" data-testid="plan-summary">
            <h2 id="summary-title" class="card-title">{lang.t(Text::Summary)}</h2>
            {move || {
                let l = lang.get();
                let card = overall.get();
                view! {
                    <div class="summary-main">
                        <p class="summary-headline" data-testid="summary-headline">{scorecard_headline(&card, l)}</p>
                        <div class="meter" aria-hidden="true">
                            <div class="meter-fill" style:width=ratio_width(&card)></div>
                        </div>
                        <p class="summary-details">{scorecard_details(&card, l)}</p>
                    </div>
                    <ul class="area-scores">
                        {areas.get().into_iter().map(|(area, c)| view! {
                            <li class="area-score" data-area=area.as_str()>
                                <span class="area-score-name">{area_name(area, l)}</span>
                                <span class="area-score-value">{scorecard_headline(&c, l)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }
            }}
        </section>
    }
}
