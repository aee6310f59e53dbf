//! Shared interface state, provided once by the root component as context newtypes: the
//! workbook, the language, the current screen, notices, and whether saving works. Keeping
//! the workbook in storage is done here, by one effect, never by components.

use std::collections::HashMap;

use cchc_domain::i18n::Text;
use cchc_domain::locale::Locale;
use cchc_domain::plan::{Plan, PlanId};
use cchc_domain::revision::RevisionTracker;
use cchc_domain::undo::{UndoHistory, UndoRefusal};
use cchc_domain::workbook::Workbook;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use crate::plan_store::PlanStore;
use crate::storage::StorageFailure;

/// The plans of this browser, which of them have a revision open for changes, and what this
/// tab may do with them (undo, redo, edit at all).
#[derive(Clone, Copy)]
pub struct Book(
    pub RwSignal<Workbook>,
    pub StoredValue<RevisionTracker>,
    // One handle for the rest, so that the many closures holding a `Book` stay small.
    StoredValue<BookControl>,
);

/// The undo history of this tab, and whether this tab may edit.
#[derive(Clone, Copy)]
pub struct BookControl {
    history: StoredValue<UndoHistory>,
    /// Whether there is something to undo and to redo (for the buttons).
    pub undo_redo: RwSignal<(bool, bool)>,
    /// Whether this tab edits (another tab may hold the editing, see [`crate::tab_role`]).
    pub editable: RwSignal<bool>,
    /// Counts the changes made to the plans from outside the form being typed in (undo,
    /// redo, the plans read again from storage): the screen is drawn again for each, since
    /// text fields show the value they started with.
    pub redraw: RwSignal<u64>,
}

impl Book {
    pub fn new(workbook: Workbook, history: UndoHistory, editable: RwSignal<bool>) -> Self {
        let undo_redo = RwSignal::new((history.can_undo(), history.can_redo()));
        Book(
            RwSignal::new(workbook),
            StoredValue::new(RevisionTracker::default()),
            StoredValue::new(BookControl {
                history: StoredValue::new(history),
                undo_redo,
                editable,
                redraw: RwSignal::new(0),
            }),
        )
    }

    /// The undo history and whether this tab edits.
    pub fn control(&self) -> BookControl {
        self.2.get_value()
    }

    fn editable(&self) -> bool {
        self.control().editable.get_untracked()
    }

    /// Edits a plan. The first real change of a round raises the plan's revision (see
    /// [`RevisionTracker`]); a change that changes nothing notifies no one. The plan's state
    /// before is noted in the open undo step.
    pub fn update_plan(&self, id: &PlanId, f: impl FnOnce(&mut Plan)) {
        if !self.editable() {
            return;
        }
        let tracker = self.1;
        let history = self.control().history;
        let mut changed = false;
        self.0.maybe_update(|w| match w.plan_mut(id) {
            Some(p) => {
                // One copy serves both the revision's comparison and the undo step.
                let before = p.clone();
                f(p);
                changed = tracker
                    .try_update_value(|t| t.changed_from(p, &before))
                    .unwrap_or(false);
                if changed {
                    history.update_value(|h| h.note_before(id, Some(before)));
                }
                changed
            }
            None => false,
        });
        if changed && !self.control().undo_redo.get_untracked().0 {
            self.control().undo_redo.set((true, false));
        }
    }

    /// Changes the workbook all at once (adds, imports, deletes plans) as one undo step.
    /// Returns None, changing nothing, when this tab does not edit.
    pub fn edit<R>(&self, f: impl FnOnce(&mut Workbook) -> R) -> Option<R> {
        let mut f = Some(f);
        let mut out = None;
        self.edit_dyn(&mut |w| out = f.take().map(|f| f(w)));
        out
    }

    /// [`Book::edit`] without its type parameter, so that its body is in the bundle once.
    fn edit_dyn(&self, f: &mut dyn FnMut(&mut Workbook)) {
        if !self.editable() {
            return;
        }
        let history = self.control().history;
        self.0.update(|w| {
            let before = w.plans.clone();
            f(w);
            history.update_value(|h| {
                h.record_bulk(&before, w);
            });
        });
        self.history_changed();
    }

    /// Ends the undo step being recorded (the user moved to another control, or leaves).
    pub fn close_step(&self) {
        let added = self
            .0
            .with_untracked(|w| self.control().history.try_update_value(|h| h.close_step(w)))
            .unwrap_or(false);
        if added {
            self.history_changed();
        }
    }

    /// Undoes (or, with `redo`, redoes) the last step.
    pub fn undo_or_redo(&self, redo: bool) -> Result<(), UndoRefusal> {
        if !self.editable() {
            return Err(UndoRefusal::NothingToDo);
        }
        let (tracker, history) = (self.1, self.control().history);
        let mut result = Err(UndoRefusal::NothingToDo);
        self.0.maybe_update(|w| {
            result = tracker
                .try_update_value(|t| {
                    history
                        .try_update_value(|h| if redo { h.redo(w, t) } else { h.undo(w, t) })
                        .unwrap_or(Err(UndoRefusal::NothingToDo))
                })
                .unwrap_or(Err(UndoRefusal::NothingToDo));
            result.is_ok()
        });
        self.history_changed();
        if result.is_ok() {
            self.control().redraw.update(|n| *n += 1);
        }
        result.map(|_| ())
    }

    /// Puts the plans read again from storage in place (another tab changed them).
    pub fn replace_all(&self, workbook: Workbook) {
        self.0.set(workbook);
        self.control().redraw.update(|n| *n += 1);
    }

    /// The history changed: update the buttons, and keep it for a reload of this tab.
    fn history_changed(&self) {
        self.control().history.with_value(|h| {
            self.control().undo_redo.set((h.can_undo(), h.can_redo()));
            // Not kept: it still works until the tab is reloaded.
            let _ = crate::undo_store::save(h);
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
///
/// Only the tab that edits writes (see [`crate::tab_role`]); `on_saved` runs after each
/// successful write, to tell the other tabs.
pub fn persist_workbook(
    book: Book,
    health: SaveHealth,
    pending: PendingWrites,
    store: PlanStore,
    initial: &Workbook,
    on_saved: Callback<()>,
) -> Saver {
    // What storage holds, as far as this tab knows: each plan's fingerprint.
    let saved: StoredValue<HashMap<PlanId, String>> = StoredValue::new(fingerprints(initial));
    let store = StoredValue::new_local(store);
    let write_changes = move || {
        if !book.control().editable.get_untracked() {
            return;
        }
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
                    on_saved.run(());
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
    // The listeners live as long as the page. Leaving also ends the undo step being
    // recorded, so that it is kept for a reload.
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if hidden() {
            book.close_step();
            write_now();
        }
    });
    let _ = window_event_listener(leptos::ev::pagehide, move |_| {
        book.close_step();
        write_now();
    });
    // Asked to save at once (by the offer to reload into a new version: docs/offline.md).
    let _ = window_event_listener_untyped("cchc:flush", move |_| write_now());
    Saver {
        saved,
        write_now: Callback::new(move |()| write_now()),
    }
}

fn fingerprints(workbook: &Workbook) -> HashMap<PlanId, String> {
    workbook
        .plans
        .iter()
        .map(|p| (p.id.clone(), cchc_domain::file::plan_fingerprint(p)))
        .collect()
}

/// What [`persist_workbook`] lets others do: write at once, and know the plans read again
/// from storage.
#[derive(Clone, Copy)]
pub struct Saver {
    saved: StoredValue<HashMap<PlanId, String>>,
    write_now: Callback<()>,
}

impl Saver {
    /// Writes the change waiting for its write, if any, at once.
    pub fn flush(&self) {
        self.write_now.run(());
    }

    /// The plans were read again from storage: that is what storage holds.
    pub fn rebase(&self, workbook: &Workbook) {
        self.saved.set_value(fingerprints(workbook));
    }
}
