//! A status badge: icon and word together, so the status never depends on colour alone.

use cchc_domain::evaluation::{Note, Status};
use cchc_domain::i18n::{note_text, status_icon, status_name};
use leptos::prelude::*;

use crate::state::Lang;

pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::Met => "status status-met",
        Status::NotMet => "status status-not-met",
        Status::NoData | Status::NotApplicable => "status status-pending",
        Status::Waiting => "status status-waiting",
        Status::NotGauged => "status status-tracked",
        Status::Invalid => "status status-invalid",
    }
}

/// Machine-readable status for tests and styling hooks.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::NotMet => "not-met",
        Status::NoData => "no-data",
        Status::Waiting => "waiting",
        Status::NotApplicable => "not-applicable",
        Status::NotGauged => "tracked",
        Status::Invalid => "invalid",
    }
}

#[component]
pub fn StatusBadge(
    #[prop(into)] status: Signal<Status>,
    #[prop(into, optional)] note: Signal<Option<Note>>,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    view! {
        <span class=move || status_class(status.get()) data-status=move || status_key(status.get())>
            <span class="status-icon" aria-hidden="true">{move || status_icon(status.get())}</span>
            <span class="status-word">{move || status_name(status.get(), lang.get())}</span>
            {move || {
                note.get()
                    .map(|n| view! { <span class="status-note">{note_text(n, lang.get())}</span> })
            }}
        </span>
    }
}
