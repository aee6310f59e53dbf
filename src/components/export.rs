//! Exporting plans as files: one plan for sending upward, or every plan as a backup. A plan
//! with problems is not exported (its file would be refused on import); the user is told
//! exactly what to fix.

use cchc_domain::file::{export_file_name, export_plan, ExportMeta};
use cchc_domain::i18n::{exported_message, Text};
use cchc_domain::plan::PlanId;
use cchc_domain::validate::validate_plan;
use leptos::prelude::*;

use crate::browser;
use crate::state::{Book, Lang, NoticeKind, Notices, Today};

fn meta() -> ExportMeta {
    ExportMeta {
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        exported_at: browser::now_rfc3339(),
    }
}

/// Everything an export needs, taken from context once in a component body so that event
/// handlers can use it.
#[derive(Clone, Copy)]
pub struct Exporter {
    book: Book,
    lang: Lang,
    notices: Notices,
    today: Today,
}

impl Exporter {
    pub fn from_context() -> Self {
        Exporter {
            book: expect_context::<Book>(),
            lang: expect_context::<Lang>(),
            notices: expect_context::<Notices>(),
            today: expect_context::<Today>(),
        }
    }

    /// Exports one plan as a JSON file download, after checking it.
    pub fn plan(&self, id: &PlanId) {
        export_plan_file(self, id)
    }

    /// Downloads every plan as a backup.
    pub fn backup_all(&self) {
        export_all_backup(self)
    }
}

fn export_plan_file(x: &Exporter, id: &PlanId) {
    let (book, notices, today) = (x.book, x.notices, x.today.0);
    let locale = x.lang.0.get_untracked();
    let Some(plan) = book.0.with_untracked(|w| w.plan(id).cloned()) else {
        return;
    };
    let problems = validate_plan(&plan);
    if !problems.is_empty() {
        notices.push(
            NoticeKind::Error,
            Text::ExportBlocked.get(locale).to_string(),
            problems.iter().map(|p| p.message(locale)).collect(),
        );
        return;
    }
    let name = export_file_name(&plan, today);
    match browser::download_text(&name, &export_plan(&plan, &meta()), "application/json") {
        Ok(()) => notices.push(NoticeKind::Success, exported_message(&name, locale), vec![]),
        Err(e) => notices.push(NoticeKind::Error, browser::describe_js_error(&e), vec![]),
    }
}

/// Downloads every plan as it is, problems included, so nothing can be lost when saving fails.
fn export_all_backup(x: &Exporter) {
    let (book, today) = (x.book, x.today.0);
    let plans = book.0.with_untracked(|w| w.plans.clone());
    for plan in plans {
        let name = export_file_name(&plan, today);
        let _ = browser::download_text(&name, &export_plan(&plan, &meta()), "application/json");
    }
}
