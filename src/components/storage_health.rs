//! Storage health, on the workbook page: how much the browser lets the workbook keep and how
//! much it uses (`navigator.storage.estimate()`), whether the browser keeps it for good
//! (`persisted()`, with a button to ask, `persist()`), when each plan was last exported, and
//! which plans call for a backup after the chosen number of days (see
//! `cchc_domain::backup_reminder`). Each plan's last export is kept in `cchc.exports`.

use cchc_domain::backup_reminder::{backup_status, ExportRecords, MAX_REMIND_AFTER_DAYS};
use cchc_domain::date::format_vi_date;
use cchc_domain::i18n::Text;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::html::Html;
use crate::state::{Book, Lang, SaveHealth, Today};
use crate::storage;

/// Each plan's last export, shared with the exports that record it.
#[derive(Clone, Copy)]
pub struct ExportRecordsState(pub RwSignal<ExportRecords>);

/// Keeps the records in storage whenever they change (not at start).
pub fn persist_export_records(records: ExportRecordsState, health: SaveHealth) {
    Effect::new(move |first: Option<()>| {
        records.0.with(|r| {
            if first.is_some() {
                if let Err(e) = storage::save_export_records(r) {
                    health.0.set(Some(e));
                }
            }
        });
    });
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    Some(web_sys::window()?.navigator().storage())
}

/// (usage, quota) in bytes.
async fn estimate() -> Option<(f64, f64)> {
    let promise = storage_manager()?.estimate().ok()?;
    let value = JsFuture::from(promise).await.ok()?;
    let get = |k: &str| js_sys::Reflect::get(&value, &k.into()).ok()?.as_f64();
    Some((get("usage")?, get("quota")?))
}

async fn persisted(ask: bool) -> Option<bool> {
    let manager = storage_manager()?;
    let promise = if ask {
        manager.persist()
    } else {
        manager.persisted()
    }
    .ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// `1,6 MB`.
fn megabytes(bytes: f64) -> String {
    let tenths = (bytes / 100_000.0).round() as i128;
    format!(
        "{} MB",
        cchc_domain::number::Rational::new(tenths, 10).format_vi(1, true)
    )
}

#[component]
pub fn StorageHealth() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let today = expect_context::<Today>().0;
    let records = expect_context::<ExportRecordsState>().0;
    let usage = RwSignal::new(None::<(f64, f64)>);
    let kept = RwSignal::new(None::<bool>);
    let refresh = move || {
        leptos::task::spawn_local(async move {
            usage.set(estimate().await);
            kept.set(persisted(false).await);
        })
    };
    refresh();
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            kept.set(persisted(true).await);
        })
    };
    let rows = Memo::new(move |_| {
        book.0
            .with(|w| records.with(|r| backup_status(&w.plans, r, today)))
    });
    view! {
        <details class="card storage-health" data-testid="storage-health">
            <summary class="card-title">
                {lang.t(Text::StorageHealthTitle)}
                {move || {
                    let due = rows.with(|r| r.iter().filter(|s| s.due).count());
                    (due > 0).then(|| view! {
                        <span class="pill" data-testid="backup-due-count">" ⚠ " {due} " " {lang.t(Text::BackupDue)}</span>
                    })
                }}
            </summary>
            <p data-testid="storage-usage">
                {move || match usage.get() {
                    Some((used, quota)) => format!("{} {} / {} {}", lang.t(Text::StorageUsed), megabytes(used), megabytes(quota), lang.t(Text::StorageAllowed)),
                    None => lang.t(Text::StorageUnknown).to_string(),
                }}
            </p>
            <p data-testid="storage-persisted">
                {move || lang.t(match kept.get() {
                    Some(true) => Text::StoragePersistent,
                    Some(false) => Text::StorageNotPersistent,
                    None => Text::StorageUnknown,
                })}
                " "
                {move || (kept.get() == Some(false)).then(|| view! {
                    <button type="button" class="btn btn-secondary btn-small" data-testid="ask-persist" on:click=ask>{lang.t(Text::AskPersist)}</button>
                })}
            </p>
            <p class="field-hint">{lang.t(Text::EvictionWarning)}</p>
            <label class="field field-inline">
                <span class="field-label">{lang.t(Text::RemindAfterDays)}</span>
                <input type="number" min="0" max=MAX_REMIND_AFTER_DAYS.to_string() class="field-number" data-testid="remind-days"
                    prop:value=move || records.with(|r| r.remind_after_days.to_string())
                    on:change:target=move |ev| {
                        if let Ok(d) = ev.target().value().trim().parse::<u32>() {
                            records.update(|r| r.remind_after_days = d.min(MAX_REMIND_AFTER_DAYS));
                        }
                    } />
            </label>
            <ul class="plain-list adjust-list" data-testid="backup-list" inner_html=move || {
                let l = lang.get();
                let mut h = Html::new();
                for s in rows.get() {
                    let last = match s.last_export {
                        Some(d) => format!("{} {}", Text::LastExported.get(l), format_vi_date(d)),
                        None => Text::NeverExported.get(l).to_string(),
                    };
                    h.open("li", &[("data-testid", "backup-row"), ("data-due", if s.due { "true" } else { "false" })])
                        .element("span", &[], &format!("{} · {}", s.unit, s.year))
                        .open("span", &[("class", "small")])
                        .text(&last);
                    if s.due {
                        h.element("strong", &[("class", "backup-due")], &format!(" · ⚠ {}", Text::BackupDue.get(l)));
                    }
                    h.close("span").close("li");
                }
                h.finish()
            }></ul>
        </details>
    }
}
