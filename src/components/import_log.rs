//! The import log, visible in the workbook: every file brought in, when, and what was done
//! with it. Kept in browser storage by [`persist_import_log`].

use cchc_domain::date::format_vi_timestamp;
use cchc_domain::i18n::{revision_words, Text};
use cchc_domain::import_log::{describe_action, ImportLog};
use leptos::prelude::*;

use crate::state::{Lang, SaveHealth};
use crate::storage;

#[derive(Clone, Copy)]
pub struct ImportLogState(pub RwSignal<ImportLog>);

/// Writes the log to storage whenever it changes (not at start). A failed write shows in
/// the storage banner like any other.
pub fn persist_import_log(log: ImportLogState, health: SaveHealth) {
    Effect::new(move |first: Option<()>| {
        log.0.with(|l| {
            if first.is_some() {
                if let Err(e) = storage::save_import_log(l) {
                    health.0.set(Some(e));
                }
            }
        });
    });
}

#[component]
pub fn ImportLogView() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let log = expect_context::<ImportLogState>();
    move || {
        let l = lang.get_untracked();
        log.0.with(|log| {
            let count = log.entries.len();
            let rows = log
                .newest_first()
                .map(|e| {
                    let plan = e
                        .plan
                        .as_ref()
                        .map(|p| {
                            format!(
                                "{} · {} · {}",
                                p.unit,
                                p.year,
                                revision_words(p.revision, l)
                            )
                        })
                        .unwrap_or_default();
                    view! {
                        <tr data-testid="log-row">
                            <td class="nowrap">{format_vi_timestamp(&e.at)}</td>
                            <td class="cell-file">{e.file_name.clone()}</td>
                            <td>{plan}</td>
                            <td>{describe_action(&e.action, l)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <details class="card import-log" data-testid="import-log">
                    <summary class="card-title">{lang.t(Text::ImportLogTitle)} " (" {count} ")"</summary>
                    {if count == 0 {
                        view! { <p class="muted">{lang.t(Text::ImportLogEmpty)}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-scroll">
                                <table class="table">
                                    <thead><tr>
                                        <th>{lang.t(Text::ColWhen)}</th>
                                        <th>{lang.t(Text::ColFile)}</th>
                                        <th>{lang.t(Text::ColPlan)}</th>
                                        <th>{lang.t(Text::ColAction)}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                </details>
            }
        })
    }
}
