//! The compliance gauge picture: a bar with the value, the threshold marks and the band where
//! the target is met, drawn in SVG from the domain's [`GaugeModel`].

use cchc_domain::evaluation::Status;
use cchc_domain::gauge::GaugeModel;
use leptos::prelude::*;

const WIDTH: f64 = 240.0;
const HEIGHT: f64 = 30.0;
const BAR_Y: f64 = 8.0;
const BAR_H: f64 = 12.0;

fn x(pos: f64) -> String {
    format!("{:.1}", pos.clamp(0.0, 1.0) * WIDTH)
}

#[component]
pub fn Gauge(
    #[prop(into)] model: Signal<GaugeModel>,
    #[prop(into)] status: Signal<Status>,
    /// Accessible description: value, rule and status in words.
    #[prop(into)]
    label: Signal<String>,
    #[prop(optional)] preview: bool,
) -> impl IntoView {
    let fill_class = move || match status.get() {
        Status::Met => "gauge-fill gauge-fill-met",
        Status::NotMet | Status::Invalid => "gauge-fill gauge-fill-not-met",
        _ => "gauge-fill gauge-fill-pending",
    };
    view! {
        <svg
            class=if preview { "gauge gauge-preview" } else { "gauge" }
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            role="img"
            aria-label=move || label.get()
            data-testid="gauge"
        >
            <rect class="gauge-track" x="0" y=BAR_Y width=WIDTH height=BAR_H rx="3" />
            {move || {
                let m = model.get();
                let (from, to) = m.good;
                view! {
                    <rect
                        class="gauge-good"
                        x=x(from)
                        y=BAR_Y
                        width=format!("{:.1}", ((to - from).max(0.0)) * WIDTH)
                        height=BAR_H
                    />
                }
            }}
            {move || {
                model
                    .get()
                    .value
                    .map(|v| {
                        view! {
                            <rect class=fill_class x="0" y=BAR_Y + 3.0 width=x(v) height=BAR_H - 6.0 rx="2" />
                            <circle class=fill_class cx=x(v) cy=BAR_Y + BAR_H / 2.0 r="5" />
                        }
                    })
            }}
            {move || {
                model
                    .get()
                    .marks
                    .into_iter()
                    .map(|m| {
                        view! {
                            <line class="gauge-mark" x1=x(m) x2=x(m) y1="2" y2=HEIGHT - 2.0 />
                        }
                    })
                    .collect_view()
            }}
        </svg>
    }
}
