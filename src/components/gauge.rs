//! The compliance gauge picture: a bar with the value, the threshold marks and the band where
//! the target is met, drawn in SVG from the domain's [`GaugeModel`].

use cchc_domain::evaluation::Status;
use cchc_domain::gauge::GaugeModel;
use leptos::prelude::*;

/// Width of the drawing in tenths of a unit, so positions print as integers.
const WIDTH: i64 = 2400;

fn x(pos: f64) -> String {
    let tenths = (pos.clamp(0.0, 1.0) * WIDTH as f64).round() as i64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The gauge for one condition. `label` describes it in words for screen readers.
pub fn gauge(model: &GaugeModel, status: Status, label: String, preview: bool) -> impl IntoView {
    let fill = match status {
        Status::Met => "gauge-fill gauge-fill-met",
        Status::NotMet | Status::Invalid => "gauge-fill gauge-fill-not-met",
        _ => "gauge-fill gauge-fill-pending",
    };
    let (from, to) = model.good;
    let value = model.value.map(|v| {
        view! {
            <rect class=fill x="0" y="11" width=x(v) height="6" rx="2" />
            <circle class=fill cx=x(v) cy="14" r="5" />
        }
    });
    let marks = model
        .marks
        .iter()
        .map(|m| view! { <line class="gauge-mark" x1=x(*m) x2=x(*m) y1="2" y2="28" /> })
        .collect_view();
    view! {
        <svg class=if preview { "gauge gauge-preview" } else { "gauge" } viewBox="0 0 240 30"
            role="img" aria-label=label data-testid="gauge">
            <rect class="gauge-track" x="0" y="8" width="240" height="12" rx="3" />
            <rect class="gauge-good" x=x(from) y="8" width=x((to - from).max(0.0)) height="12" />
            {value}
            {marks}
        </svg>
    }
}
