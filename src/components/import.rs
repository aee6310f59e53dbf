//! Bringing plan files in: through the file picker (several at once) or dropped anywhere on
//! the page ([`crate::components::drop_zone`]). Every file is read and checked in full, its
//! size first, so a huge file is refused without being read; then the batch waits in
//! [`PendingImport`] for the officer's review ([`crate::components::import_review`]).
//! Nothing in the workbook changes before the review is applied.

use cchc_domain::file::{import_bytes, ImportError, MAX_FILE_BYTES};
use cchc_domain::i18n::{import_failed_message, Text};
use cchc_domain::import_review::{review, IncomingFile, ReviewRow};
use cchc_domain::plan::PlanId;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::components::app::Unreadable;
use crate::state::{Book, Lang, NoticeKind, Notices};
use crate::storage::plan_key;

/// The batch of files waiting for review (`None`: no review open), and whether files are
/// still being read.
#[derive(Clone, Copy)]
pub struct PendingImport {
    pub rows: RwSignal<Option<Vec<ReviewRow>>>,
    pub reading: RwSignal<bool>,
}

impl Default for PendingImport {
    fn default() -> Self {
        PendingImport {
            rows: RwSignal::new(None),
            reading: RwSignal::new(false),
        }
    }
}

/// Everything bringing files in needs, taken from context once in a component body so that
/// event handlers can use it.
#[derive(Clone, Copy)]
pub struct Importer {
    pending: PendingImport,
    book: Book,
    notices: Notices,
    unreadable: StoredValue<Vec<crate::storage::UnreadableEntry>>,
    lang: Lang,
}

impl Importer {
    pub fn from_context() -> Self {
        Importer {
            pending: expect_context::<PendingImport>(),
            book: expect_context::<Book>(),
            notices: expect_context::<Notices>(),
            unreadable: expect_context::<Unreadable>().0,
            lang: expect_context::<Lang>(),
        }
    }

    /// Reads and checks `files`, then opens (or extends) the review.
    pub fn bring_in(&self, files: Vec<web_sys::File>) {
        bring_in(*self, files)
    }
}

/// Files already under review stay in it: the batch is reviewed again as a whole.
fn bring_in(x: Importer, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    let Importer {
        pending,
        book,
        notices,
        unreadable,
        lang,
    } = x;
    let locale = lang.get_untracked();
    // A tab that only views (another tab edits) takes in no file; its banner says why.
    if !book.control().editable.get_untracked() {
        return;
    }
    pending.reading.set(true);
    spawn_local(async move {
        let mut incoming: Vec<IncomingFile> = Vec::with_capacity(files.len());
        for file in files {
            let name = file.name();
            let size = file.size();
            // The size is known before reading: a huge file is never read into memory.
            let result = if size > MAX_FILE_BYTES as f64 {
                Err(ImportError::TooLarge {
                    bytes: size as usize,
                    limit: MAX_FILE_BYTES,
                })
            } else {
                match browser::read_file_bytes(&file).await {
                    Ok(bytes) => import_bytes(&bytes),
                    Err(e) => {
                        notices.push(
                            NoticeKind::Error,
                            import_failed_message(&name, &browser::describe_js_error(&e), locale),
                            vec![],
                        );
                        continue;
                    }
                }
            };
            let result = result.map(|mut imported| {
                // Never let an import land on a stored entry that could not be read.
                let key = plan_key(&imported.plan.id);
                if unreadable.with_value(|entries| entries.iter().any(|u| u.key == key)) {
                    imported.plan.id = PlanId(browser::fresh_id("plan"));
                }
                imported
            });
            incoming.push(IncomingFile {
                name,
                size: size as u64,
                result,
            });
        }
        let mut files: Vec<IncomingFile> = pending
            .rows
            .get_untracked()
            .map(|rows| rows.into_iter().map(|r| r.file).collect())
            .unwrap_or_default();
        files.extend(incoming);
        let rows = book.0.with_untracked(|w| review(w, files));
        pending.reading.set(false);
        pending.rows.set(Some(rows));
    });
}

#[component]
pub fn ImportButton() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let importer = Importer::from_context();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else {
            return;
        };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        // Reset so that choosing the same file again fires a new change event.
        input.set_value("");
        importer.bring_in(files);
    };

    view! {
        <label class="btn btn-secondary file-button">
            <input
                type="file"
                accept=".json,application/json"
                multiple
                class="visually-hidden"
                data-testid="import-input"
                on:change=on_change
            />
            {lang.t(Text::ImportPlan)}
        </label>
    }
}
