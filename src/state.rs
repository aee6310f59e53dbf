//! Shared interface state, provided once by the root component as context newtypes: the
//! workbook, the language, the current screen, notices, and whether saving works. Keeping
//! the workbook in storage is done here, by one effect, never by components.

use std::collections::HashMap;

use cchc_domain::i18n::Text;
use cchc_domain::locale::Locale;
use cchc_domain::plan::{Plan, PlanId};
use cchc_domain::revision::RevisionTracker;
use cchc_domain::workbook::Workbook;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use crate::plan_store::PlanStore;
use crate::storage::StorageFailure;

/// The plans of this browser, and which of them have a revision open for changes.
#[derive(Clone, Copy)]
pub struct Book(pub RwSignal<Workbook>, pub StoredValue<RevisionTracker>);

impl Book {
    pub fn new(workbook: Workbook) -> Self {
        Book(
            RwSignal::new(workbook),
            StoredValue::new(RevisionTracker::default()),
        )
    }

    /// Edits a plan. The first real change of a round raises the plan's revision (see
    /// [`RevisionTracker`]); a change that changes nothing notifies no one.
    pub fn update_plan(&self, id: &PlanId, f: impl FnOnce(&mut Plan)) {
        let tracker = self.1;
        self.0.maybe_update(|w| match w.plan_mut(id) {
            Some(p) => tracker
                .try_update_value(|t| t.change(p, f))
                .unwrap_or(false),
            None => false,
        });
    }

    /// Starts the plan's round of changes without raising its revision (a plan just made).
    pub fn mark_open(&self, id: &PlanId) {
        self.1.update_value(|t| t.mark_open(id));
    }

    /// Ends the plan's round of changes: it was exported or replaced by an imported file.
    pub fn close_revision(&self, id: &PlanId) {
        self.1.update_value(|t| t.close(id));
    }
}

/// The interface language. Switching it rebuilds the interface (see the root component), so
/// components read it without tracking: texts are plain strings, not one reactive closure
/// each, which keeps the WebAssembly bundle small.
#[derive(Clone, Copy)]
pub struct Lang(pub RwSignal<Locale>);

impl Lang {
    pub fn get(&self) -> Locale {
        self.0.get_untracked()
    }
    pub fn get_untracked(&self) -> Locale {
        self.0.get_untracked()
    }
    /// A fixed text in the current language.
    pub fn t(&self, text: Text) -> &'static str {
        text.get(self.0.get_untracked())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Workbook,
    Plan(PlanId),
    /// The consolidation of a year's subordinate plans.
    Consolidation(i32),
}

impl Screen {
    /// The location hash that shows this screen, so a reload stays where the user was.
    pub fn to_hash(&self) -> String {
        match self {
            Screen::Workbook => String::new(),
            Screen::Plan(id) => format!("#plan/{}", id.0),
            Screen::Consolidation(year) => format!("#consolidation/{year}"),
        }
    }
    pub fn from_hash(hash: &str) -> Screen {
        if let Some(year) = hash
            .strip_prefix("#consolidation/")
            .and_then(cchc_domain::plan::parse_plan_year)
        {
            return Screen::Consolidation(year);
        }
        match hash.strip_prefix("#plan/") {
            Some(id) if !id.is_empty() => Screen::Plan(PlanId(id.to_string())),
            _ => Screen::Workbook,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Nav(pub RwSignal<Screen>);

/// Where a plan's «back» link leads when the plan was opened from another screen than the
/// workbook (a consolidation).
#[derive(Clone, Copy)]
pub struct ReturnTo(pub RwSignal<Option<Screen>>);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Success,
    Error,
    Info,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
    /// Extra lines (the problems that blocked an export, …).
    pub details: Vec<String>,
}

/// Messages shown at the top of the page until dismissed.
#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Vec<Notice>>);

impl Notices {
    pub fn push(&self, kind: NoticeKind, text: String, details: Vec<String>) {
        self.0.update(|v| {
            let id = v.iter().map(|n| n.id).max().unwrap_or(0) + 1;
            v.push(Notice {
                id,
                kind,
                text,
                details,
            });
            // Keep the list short: the oldest messages go first.
            if v.len() > 5 {
                v.remove(0);
            }
        });
    }
    pub fn dismiss(&self, id: u64) {
        self.0.update(|v| v.retain(|n| n.id != id));
    }
}

/// The last storage failure, if saving does not work right now. Shown as a lasting banner.
#[derive(Clone, Copy)]
pub struct SaveHealth(pub RwSignal<Option<StorageFailure>>);

/// Today's date, read once at start.
#[derive(Clone, Copy)]
pub struct Today(pub chrono::NaiveDate);

/// Writes to the plans' storage not finished yet (shown on the root element as
/// `data-pending-writes`, so a test can wait for them before reloading).
#[derive(Clone, Copy)]
pub struct PendingWrites(pub RwSignal<u32>);

/// How long the workbook waits after a change before writing, so that typing does not write
/// on every keystroke. Hiding or leaving the page writes at once.
const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

/// Keeps the workbook in the plans' storage ([`PlanStore`]): [`SAVE_DELAY`] after the last
/// change, or at once when the page is hidden or left, the plans that changed are written
/// and the ones deleted removed, in one transaction. A failed write is recorded in
/// [`SaveHealth`] and retried on the next change; the work stays in memory meanwhile.
/// Writes are started in the order of the changes, and IndexedDB completes them in that
/// order, so the last change is what stays. A change waiting for its write counts in
/// [`PendingWrites`] like a write under way.
pub fn persist_workbook(
    book: Book,
    health: SaveHealth,
    pending: PendingWrites,
    store: PlanStore,
    initial: &Workbook,
) {
    // What storage holds, as far as this tab knows: each plan's fingerprint.
    let saved: StoredValue<HashMap<PlanId, String>> = StoredValue::new(
        initial
            .plans
            .iter()
            .map(|p| (p.id.clone(), cchc_domain::file::plan_fingerprint(p)))
            .collect(),
    );
    let store = StoredValue::new_local(store);
    let write_changes = move || {
        let (writes, fingerprints, deletes) = book.0.with_untracked(|w| {
            let cache = saved.get_value();
            let mut writes = Vec::new();
            let mut fingerprints = Vec::new();
            for plan in &w.plans {
                let fingerprint = cchc_domain::file::plan_fingerprint(plan);
                if cache.get(&plan.id) == Some(&fingerprint) {
                    continue;
                }
                let text =
                    cchc_domain::file::stored_plan_text(plan, &crate::browser::export_meta());
                writes.push((plan.id.clone(), text));
                fingerprints.push((plan.id.clone(), fingerprint));
            }
            let deletes: Vec<PlanId> = cache.keys().filter(|id| !w.contains(id)).cloned().collect();
            (writes, fingerprints, deletes)
        });
        if writes.is_empty() && deletes.is_empty() {
            return;
        }
        pending.0.update(|n| *n += 1);
        let store = store.get_value();
        leptos::task::spawn_local(async move {
            match store.save(&writes, &deletes).await {
                Ok(()) => {
                    saved.update_value(|cache| {
                        cache.extend(fingerprints);
                        for id in &deletes {
                            cache.remove(id);
                        }
                    });
                    // A failure is shown until a later write succeeds.
                    health.0.set(None);
                }
                Err(e) => health.0.set(Some(e)),
            }
            pending.0.update(|n| *n = n.saturating_sub(1));
        });
    };
    // The change waiting for its write, if any.
    let timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let write_now = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
            timer.set_value(None);
            pending.0.update(|n| *n = n.saturating_sub(1));
            write_changes();
        }
    };
    Effect::new(move |_| {
        book.0.track();
        match timer.get_value() {
            Some(handle) => handle.clear(),
            None => pending.0.update(|n| *n += 1),
        }
        let later = set_timeout_with_handle(
            move || {
                timer.set_value(None);
                pending.0.update(|n| *n = n.saturating_sub(1));
                write_changes();
            },
            SAVE_DELAY,
        );
        timer.set_value(later.ok());
        if timer.get_value().is_none() {
            // No timer to be had: write at once.
            pending.0.update(|n| *n = n.saturating_sub(1));
            write_changes();
        }
    });
    let hidden = move || {
        web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden())
    };
    // The listeners live as long as the page.
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if hidden() {
            write_now();
        }
    });
    let _ = window_event_listener(leptos::ev::pagehide, move |_| write_now());
}
