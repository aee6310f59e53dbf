//! Exporting plans as files: one plan for sending upward, or every plan as a backup. A plan
//! with problems is not exported (its file would be refused on import); the user is told
//! exactly what to fix. A plan with internal notes asks first whether to leave them out
//! ([`ExportDialog`]). Exporting ends the plan's round of changes: the next edit starts a new
//! revision.

use cchc_domain::file::{export_file_name, export_plan};
use cchc_domain::i18n::{exported_message, Text};
use cchc_domain::plan::PlanId;
use cchc_domain::validate::validate_plan;
use leptos::prelude::*;

use crate::browser;
use crate::components::storage_health::ExportRecordsState;
use crate::state::{Book, Lang, NoticeKind, Notices, Today};

/// The plan whose export waits for the officer's answer about internal notes.
#[derive(Clone, Copy)]
pub struct ExportAsk(pub RwSignal<Option<PlanId>>);

/// Everything an export needs, taken from context once in a component body so that event
/// handlers can use it.
#[derive(Clone, Copy)]
pub struct Exporter {
    book: Book,
    lang: Lang,
    notices: Notices,
    today: Today,
    ask: ExportAsk,
    records: ExportRecordsState,
}

impl Exporter {
    pub fn from_context() -> Self {
        Exporter {
            book: expect_context::<Book>(),
            lang: expect_context::<Lang>(),
            notices: expect_context::<Notices>(),
            today: expect_context::<Today>(),
            ask: expect_context::<ExportAsk>(),
            records: expect_context::<ExportRecordsState>(),
        }
    }

    /// Exports one plan as a JSON file download, after checking it; asks first when the plan
    /// has internal notes.
    pub fn plan(&self, id: &PlanId) {
        let has_internal = self
            .book
            .0
            .with_untracked(|w| w.plan(id).is_some_and(|p| p.has_internal_notes()));
        if has_internal {
            self.ask.0.set(Some(id.clone()));
        } else {
            export_plan_file(self, id, false)
        }
    }

    /// Downloads every plan as a backup.
    pub fn backup_all(&self) {
        export_all_backup(self)
    }
}

fn export_plan_file(x: &Exporter, id: &PlanId, omit_internal_notes: bool) {
    let (book, notices, today) = (x.book, x.notices, x.today.0);
    let locale = x.lang.0.get_untracked();
    let Some(mut plan) = book.0.with_untracked(|w| w.plan(id).cloned()) else {
        return;
    };
    if omit_internal_notes {
        plan = plan.without_internal_notes();
    }
    if download_checked_plan(&plan, today, locale, notices) {
        book.close_revision(id);
        x.records.0.update(|r| r.exported(&plan, today));
    }
}

/// Checks a plan and downloads it as a plan file named for it; says what happened, or what
/// to fix. Returns whether the file was handed to the browser.
pub fn download_checked_plan(
    plan: &cchc_domain::plan::Plan,
    today: chrono::NaiveDate,
    locale: cchc_domain::locale::Locale,
    notices: Notices,
) -> bool {
    let name = export_file_name(plan, today);
    let done = exported_message(&name, locale);
    download_checked(plan, &name, done, locale, notices)
}

/// Checks a plan (or a template) and downloads it as a file named `name`; says `done`, or
/// what to fix. Returns whether the file was handed to the browser.
pub fn download_checked(
    plan: &cchc_domain::plan::Plan,
    name: &str,
    done: String,
    locale: cchc_domain::locale::Locale,
    notices: Notices,
) -> bool {
    let problems = validate_plan(plan);
    if !problems.is_empty() {
        notices.push(
            NoticeKind::Error,
            Text::ExportBlocked.get(locale).to_string(),
            problems.iter().map(|p| p.message(locale)).collect(),
        );
        return false;
    }
    match browser::download_text(
        name,
        &export_plan(plan, &browser::export_meta()),
        "application/json",
    ) {
        Ok(()) => {
            notices.push(NoticeKind::Success, done, vec![]);
            true
        }
        Err(e) => {
            notices.push(NoticeKind::Error, browser::describe_js_error(&e), vec![]);
            false
        }
    }
}

/// Downloads every plan as it is, problems included, so nothing can be lost when saving fails.
fn export_all_backup(x: &Exporter) {
    let (book, today) = (x.book, x.today.0);
    let plans = book.0.with_untracked(|w| w.plans.clone());
    for plan in plans {
        let name = export_file_name(&plan, today);
        let downloaded = browser::download_text(
            &name,
            &export_plan(&plan, &browser::export_meta()),
            "application/json",
        );
        if downloaded.is_ok() {
            x.records.0.update(|r| r.exported(&plan, today));
        }
    }
}

/// Asks whether to leave internal notes out of an exported file.
#[component]
pub fn ExportDialog() -> impl IntoView {
    let x = Exporter::from_context();
    let ask = x.ask;
    let lang = x.lang;
    let answer = move |omit: Option<bool>| {
        if let (Some(id), Some(omit)) = (ask.0.get_untracked(), omit) {
            export_plan_file(&x, &id, omit);
        }
        ask.0.set(None);
    };
    move || {
        ask.0.get().map(|_| {
            view! {
                <div class="overlay">
                    <div class="dialog dialog-small" role="dialog" aria-modal="true" aria-labelledby="export-ask-title" data-testid="export-dialog">
                        <h2 id="export-ask-title" class="card-title">{lang.t(Text::ExportInternalTitle)}</h2>
                        <p>{lang.t(Text::ExportInternalQuestion)}</p>
                        <div class="form-actions">
                            <button type="button" class="btn btn-primary" data-testid="export-without-internal" on:click=move |_| answer(Some(true))>
                                {lang.t(Text::ExportWithoutInternal)}
                            </button>
                            <button type="button" class="btn btn-secondary" data-testid="export-with-internal" on:click=move |_| answer(Some(false))>
                                {lang.t(Text::ExportWithInternal)}
                            </button>
                            <button type="button" class="btn btn-quiet" data-testid="export-cancel" on:click=move |_| answer(None)>
                                {lang.t(Text::Cancel)}
                            </button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}
