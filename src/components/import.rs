//! Importing plan files through the file picker. Each file is checked completely before
//! anything changes; a valid plan is added beside the plans already held (never replacing
//! one), and a bad file is refused with a message naming the file and the problem.

use cchc_domain::file::{import_bytes, ImportError, MAX_FILE_BYTES};
use cchc_domain::i18n::{import_failed_message, imported_message, Text};
use cchc_domain::plan::PlanId;
use cchc_domain::workbook::AddOutcome;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::components::app::Unreadable;
use crate::state::{Book, Lang, Nav, NoticeKind, Notices, Screen};
use crate::storage::plan_key;

#[component]
pub fn ImportButton() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let notices = expect_context::<Notices>();
    let nav = expect_context::<Nav>();
    let unreadable = expect_context::<Unreadable>();

    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else {
            return;
        };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        // Reset so that choosing the same file again fires a new change event.
        input.set_value("");
        let locale = lang.0.get_untracked();
        let single = files.len() == 1;
        for file in files {
            let unreadable = unreadable.clone();
            spawn_local(async move {
                let name = file.name();
                let size = file.size();
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
                                import_failed_message(
                                    &name,
                                    &browser::describe_js_error(&e),
                                    locale,
                                ),
                                vec![],
                            );
                            return;
                        }
                    }
                };
                match result {
                    Ok(imported) => {
                        let mut plan = imported.plan;
                        // Never let an import land on a stored entry that could not be read.
                        let taken = unreadable
                            .0
                            .with_value(|keys| keys.contains(&plan_key(&plan.id)));
                        if taken {
                            plan.id = PlanId(browser::fresh_id("plan"));
                        }
                        let (unit, year) = (plan.unit.name.clone(), plan.year);
                        let mut outcome = None;
                        book.0.update(|w| {
                            outcome = Some(w.add(plan, || PlanId(browser::fresh_id("plan"))));
                        });
                        let alongside = matches!(outcome, Some(AddOutcome::AddedAlongside { .. }));
                        notices.push(
                            NoticeKind::Success,
                            imported_message(&name, &unit, year, alongside, locale),
                            vec![],
                        );
                        if single {
                            if let Some(o) = outcome {
                                nav.0.set(Screen::Plan(o.id().clone()));
                            }
                        }
                    }
                    Err(e) => notices.push(
                        NoticeKind::Error,
                        import_failed_message(&name, &e.message(locale), locale),
                        vec![],
                    ),
                }
            });
        }
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
