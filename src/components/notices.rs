//! Messages at the top of the page: import results, export refusals, and the lasting banner
//! shown while changes cannot be saved.

use cchc_domain::i18n::{storage_failed_message, Text};
use leptos::prelude::*;

use crate::components::export::Exporter;
use crate::state::{Lang, NoticeKind, Notices, SaveHealth};

#[component]
pub fn NoticeArea() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let notices = expect_context::<Notices>();
    let health = expect_context::<SaveHealth>();
    let exporter = Exporter::from_context();
    view! {
        <div class="notices" aria-live="polite">
            {move || {
                health
                    .0
                    .get()
                    .map(|failure| {
                        view! {
                            <div class="notice notice-error notice-lasting" role="alert" data-testid="save-failed">
                                <span class="notice-icon" aria-hidden="true">"⚠"</span>
                                <div class="notice-body">
                                    <p>{storage_failed_message(&failure.describe(lang.get()), lang.get())}</p>
                                </div>
                                <button type="button" class="btn btn-small" on:click=move |_| exporter.backup_all()>
                                    {lang.t(Text::ExportBackup)}
                                </button>
                            </div>
                        }
                    })
            }}
            {move || notices.0.get().into_iter().map(|n| {
                    let (class, icon, testid) = match n.kind {
                        NoticeKind::Success => ("notice notice-success", "✔", "notice-success"),
                        NoticeKind::Error => ("notice notice-error", "⚠", "notice-error"),
                        NoticeKind::Info => ("notice notice-info", "ℹ", "notice-info"),
                    };
                    let id = n.id;
                    let role = if n.kind == NoticeKind::Error { "alert" } else { "status" };
                    view! {
                        <div class=class role=role data-testid=testid>
                            <span class="notice-icon" aria-hidden="true">{icon}</span>
                            <div class="notice-body">
                                <p>{n.text}</p>
                                {(!n.details.is_empty())
                                    .then(|| {
                                        view! {
                                            <ul>
                                                {n.details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                                            </ul>
                                        }
                                    })}
                            </div>
                            <button
                                type="button"
                                class="btn btn-small btn-quiet"
                                on:click=move |_| notices.dismiss(id)
                            >
                                {lang.t(Text::Dismiss)}
                            </button>
                        </div>
                    }
                }).collect_view()}
        </div>
    }
}
