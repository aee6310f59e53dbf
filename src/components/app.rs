//! The root component: opens the plans' storage, then provides the shared state, keeps it
//! saved, and shows the current screen.

use cchc_domain::locale::Locale;
use cchc_domain::workbook::Workbook;
use leptos::prelude::*;

use crate::components::consolidation_page::ConsolidationPage;
use crate::components::drop_zone::DropZone;
use crate::components::export::{ExportAsk, ExportDialog};
use crate::components::header::Header;
use crate::components::import::PendingImport;
use crate::components::import_log::{persist_import_log, ImportLogState};
use crate::components::import_review::ImportReview;
use crate::components::notices::NoticeArea;
use crate::components::plan_page::PlanPage;
use crate::components::storage_health::{persist_export_records, ExportRecordsState};
use crate::components::tab_banner::TabBanner;
use crate::components::workbook_page::WorkbookPage;
use crate::edit_lock::{self, Claim};
use crate::plan_store::PlanStore;
use crate::state::{
    persist_workbook, Book, Lang, Nav, NoticeKind, Notices, PendingWrites, ReturnTo, SaveHealth,
    Screen, Today,
};
use crate::storage::{LoadedPlans, StorageFailure, UnreadableEntry};
use crate::tab_role::{TabContext, TabRole};
use crate::template_store;
use crate::{browser, storage};

/// Stored entries that could not be read: kept as they are, offered for download, and their
/// plan ids never reused.
#[derive(Clone, Copy)]
pub struct Unreadable(pub StoredValue<Vec<UnreadableEntry>>);

/// What opening the plans' storage gave: the store, and the plans or why they could not be
/// read.
type Opened = (PlanStore, Result<LoadedPlans, StorageFailure>);

/// Asks to be the tab that edits (see [`crate::tab_role`]), opens the plans' storage
/// (IndexedDB is asynchronous), then shows the workbook.
#[component]
pub fn App() -> impl IntoView {
    let opened: RwSignal<Option<Opened>, LocalStorage> = RwSignal::new_local(None);
    let editable = RwSignal::new(false);
    let opening_locale = storage::load_locale()
        .unwrap_or_else(|| Locale::from_browser_tag(&browser::browser_language()));
    leptos::task::spawn_local(async move {
        let claim = edit_lock::claim(false, editable).await;
        editable.set(claim != Claim::HeldElsewhere);
        let store = PlanStore::open().await;
        let loaded = store.load().await;
        opened.set(Some((store, loaded)));
    });
    move || {
        match opened.with(Clone::clone) {
        None => view! { <p class="opening">{cchc_domain::i18n::Text::OpeningWorkbook.get(opening_locale)}</p> }
            .into_any(),
        Some((store, loaded)) => {
            view! { <Workbench store=store loaded=loaded editable=editable /> }.into_any()
        }
    }
    }
}

/// The workbook once its plans are read: provides the shared state, keeps it saved, and shows
/// the current screen.
#[component]
fn Workbench(
    store: PlanStore,
    loaded: Result<LoadedPlans, StorageFailure>,
    editable: RwSignal<bool>,
) -> impl IntoView {
    let locale = storage::load_locale()
        .unwrap_or_else(|| Locale::from_browser_tag(&browser::browser_language()));
    let lang = Lang(RwSignal::new(locale));
    let notices = Notices(RwSignal::new(Vec::new()));
    let health = SaveHealth(RwSignal::new(None));
    let pending = PendingWrites(RwSignal::new(0));

    let (workbook, unreadable) = match loaded {
        Ok(loaded) => (
            Workbook {
                plans: loaded.plans,
            },
            loaded.unreadable,
        ),
        Err(failure) => {
            health.0.set(Some(failure));
            (Workbook::default(), Vec::new())
        }
    };
    if !unreadable.is_empty() {
        notices.push(
            NoticeKind::Error,
            cchc_domain::i18n::unreadable_message(unreadable.len(), locale),
            unreadable
                .iter()
                .map(|u| format!("{}: {}", u.key, u.reason))
                .collect(),
        );
    }
    let book = Book::new(workbook.clone(), crate::undo_store::load(), editable);
    let role = TabRole::new();
    let saver = persist_workbook(
        book,
        health,
        pending,
        store.clone(),
        &workbook,
        Callback::new(move |()| role.announce_saved()),
    );
    provide_context(pending);
    // Moving to another control ends the undo step being recorded.
    let _ = window_event_listener(leptos::ev::focusin, move |_| book.close_step());
    // When a write succeeds after failures, say that saving works again.
    Effect::new(move |was_failing: Option<bool>| {
        let failing = health.0.with(Option::is_some);
        if was_failing == Some(true) && !failing {
            notices.push(
                NoticeKind::Success,
                cchc_domain::i18n::Text::SavingResumed
                    .get(lang.get_untracked())
                    .to_string(),
                vec![],
            );
        }
        failing
    });

    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let mut screen = Screen::from_hash(&hash);
    if let Screen::Plan(id) = &screen {
        if !workbook.contains(id) {
            screen = Screen::Workbook;
        }
    }
    let nav = Nav(RwSignal::new(screen));

    provide_context(book);
    provide_context(lang);
    provide_context(nav);
    provide_context(ReturnTo(RwSignal::new(None)));
    provide_context(notices);
    provide_context(health);
    provide_context(Today(browser::today()));
    provide_context(ExportAsk(RwSignal::new(None)));
    provide_context(PendingImport::default());
    let import_log = match storage::load_import_log() {
        Ok(log) => ImportLogState(RwSignal::new(log)),
        Err(reason) => {
            notices.push(
                NoticeKind::Error,
                cchc_domain::i18n::unreadable_message(1, locale),
                vec![format!("{}: {reason}", storage::IMPORT_LOG_KEY)],
            );
            // The unreadable log was set aside under another key by `load_import_log`.
            ImportLogState(RwSignal::new(Default::default()))
        }
    };
    provide_context(import_log);
    let export_records = ExportRecordsState(RwSignal::new(match storage::read_export_records() {
        Ok(records) => records,
        Err(reason) => {
            // Set aside under another key by `read_export_records`; the reminders start afresh.
            notices.push(
                NoticeKind::Error,
                cchc_domain::i18n::unreadable_message(1, locale),
                vec![reason],
            );
            Default::default()
        }
    }));
    provide_context(export_records);
    persist_export_records(export_records, health);
    persist_import_log(import_log, health);
    provide_context(Unreadable(StoredValue::new(unreadable)));
    let (_, unreadable_templates) = template_store::load_library();
    if !unreadable_templates.is_empty() {
        notices.push(
            NoticeKind::Error,
            cchc_domain::i18n::unreadable_message(unreadable_templates.len(), locale),
            unreadable_templates,
        );
    }

    let tabs = TabContext {
        book,
        saver,
        pending,
        store: StoredValue::new_local(store),
        notices,
        lang,
        // Taking over the editing: what the other tab kept is read again too.
        on_editing: Callback::new(move |()| {
            if let Ok(log) = storage::load_import_log() {
                import_log.0.set(log);
            }
            export_records.0.set(storage::load_export_records());
        }),
    };
    role.listen(tabs);
    provide_context(role);
    provide_context(tabs);

    // The language: remembered, and set on <html lang> for screen readers and hyphenation.
    Effect::new(move |_| {
        let l = lang.0.get();
        let _ = storage::save_locale(l);
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", l.tag());
        }
    });
    // A plan that goes away while shown (undo of its making, deleted in another tab) leads
    // back to the workbook.
    Effect::new(move |_| {
        if let Screen::Plan(id) = nav.0.get() {
            if !book.0.with(|w| w.contains(&id)) {
                nav.0.set(Screen::Workbook);
            }
        }
    });
    // The screen is mirrored in the location hash so that a reload stays on it.
    Effect::new(move |_| {
        let hash = nav.0.get().to_hash();
        if let Some(w) = web_sys::window() {
            let current = w.location().hash().unwrap_or_default();
            if current != hash {
                let url = if hash.is_empty() {
                    w.location().pathname().unwrap_or_default()
                } else {
                    hash
                };
                if let Ok(history) = w.history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&url),
                    );
                }
            }
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });

    view! {
        <div
            class="app"
            data-testid="app-ready"
            data-pending-writes=move || pending.0.get().to_string()
            data-editing=move || editable.get().to_string()
        >
            // The whole interface is rebuilt when the language changes. A tab that only views
            // cannot be used until it takes over (`inert`).
            {move || {
                lang.0.track();
                view! {
                    <TabBanner />
                    <div class="app-body" inert=move || !editable.get()>
                    <Header />
                    <NoticeArea />
                    <ExportDialog />
                    <ImportReview />
                    <DropZone />
                    <main class="main">
                        {move || {
                            book.control().redraw.track();
                            match nav.0.get() {
                                Screen::Workbook => view! { <WorkbookPage /> }.into_any(),
                                Screen::Plan(id) => view! { <PlanPage id=id /> }.into_any(),
                                Screen::Consolidation(year) => view! { <ConsolidationPage year=year /> }.into_any(),
                            }
                        }}
                    </main>
                    </div>
                }
            }}
        </div>
    }
}
