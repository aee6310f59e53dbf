//! A status badge: icon and word together, so the status never depends on colour alone.

use cchc_domain::evaluation::{Note, Status};
use cchc_domain::i18n::{note_text, status_icon, status_name};
use cchc_domain::locale::Locale;
use leptos::prelude::*;

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

/// The badge for a status and its optional note.
pub fn status_badge(status: Status, note: Option<Note>, l: Locale) -> impl IntoView {
    view! {
        <span class=status_class(status) data-status=status_key(status) data-testid="status">
            <span class="status-icon" aria-hidden="true">{status_icon(status)}</span>
            <span class="status-word">{status_name(status, l)}</span>
            {note.map(|n| view! { <span class="status-note">{note_text(n, l)}</span> })}
        </span>
    }
}
