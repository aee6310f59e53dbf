//! Which tab of this browser edits the workbook, so that two tabs never overwrite each
//! other's changes.
//!
//! One tab edits; the others only show the plans, read again from storage each time the
//! editing tab says it saved, with a «Sửa ở thẻ này» button. The editing tab is the one that
//! holds the lock of [`crate::edit_lock`]: the first tab opened takes it, and a tab that comes
//! to the front while no tab edits (the editing one was closed) takes it too. Taking over from
//! an editing tab asks it to let go first: it writes its changes, stops editing, and releases
//! the lock; the new tab then reads the plans from storage and edits. A tab that does not
//! answer within [`HAND_OVER_WAIT`] (frozen by the browser) loses the lock anyway.
//!
//! Chosen over merging changes between tabs live: a plan is edited by one officer at a time,
//! and a merge of two edits of the same target could only guess which one to keep.

use std::time::Duration;

use cchc_domain::i18n::Text;
use cchc_domain::workbook::Workbook;
use leptos::prelude::*;

use crate::edit_lock::{self, Claim, TabChannel, TabMessage};
use crate::plan_store::PlanStore;
use crate::state::{Book, Lang, NoticeKind, Notices, PendingWrites, Saver};

/// How long a tab asking to edit waits for the editing tab to save and let go.
const HAND_OVER_WAIT: Duration = Duration::from_secs(3);
/// How long the editing tab waits for its writes before letting go regardless.
const WRITES_WAIT: Duration = Duration::from_secs(5);
/// A viewing tab reads the plans again this long after the last "saved" it heard.
const RELOAD_DELAY: Duration = Duration::from_millis(200);

/// This tab's part in the coordination; provided as context.
#[derive(Clone, Copy)]
pub struct TabRole {
    /// Whether this tab is waiting to take over the editing.
    pub asking: RwSignal<bool>,
    channel: StoredValue<Option<TabChannel>, LocalStorage>,
}

/// What the coordination needs from the rest of the app.
#[derive(Clone, Copy)]
pub struct TabContext {
    pub book: Book,
    pub saver: Saver,
    pub pending: PendingWrites,
    pub store: StoredValue<PlanStore, LocalStorage>,
    pub notices: Notices,
    pub lang: Lang,
    /// Runs after this tab read the plans again and starts editing (other kept state, the
    /// import log and export records, is read again too).
    pub on_editing: Callback<()>,
}

impl TabRole {
    pub fn new() -> TabRole {
        TabRole {
            asking: RwSignal::new(false),
            channel: StoredValue::new_local(None),
        }
    }

    /// Tells the other tabs that this one saved.
    pub fn announce_saved(&self) {
        self.channel.with_value(|c| {
            if let Some(c) = c {
                c.post(TabMessage::Saved);
            }
        });
    }

    /// Starts listening to the other tabs.
    pub fn listen(self, cx: TabContext) {
        let reload_timer = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
        let channel = TabChannel::open(move |message| match message {
            TabMessage::Saved if !cx.book.control().editable.get_untracked() => {
                if let Some(t) = reload_timer.get_value() {
                    t.clear();
                }
                let t = set_timeout_with_handle(
                    move || leptos::task::spawn_local(read_again(cx, false)),
                    RELOAD_DELAY,
                );
                reload_timer.set_value(t.ok());
            }
            TabMessage::PleaseRelease if cx.book.control().editable.get_untracked() => {
                self.hand_over(cx);
            }
            TabMessage::Released if self.asking.get_untracked() => {
                self.take(cx, true);
            }
            _ => {}
        });
        self.channel.set_value(Some(channel));
        // A tab brought to the front while no tab edits starts editing.
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| !d.hidden());
            if visible
                && !cx.book.control().editable.get_untracked()
                && !self.asking.get_untracked()
            {
                self.take(cx, false);
            }
        });
    }

    /// The user wants to edit in this tab: at once if no tab edits, else after the editing
    /// tab has saved and let go (or did not answer in time).
    pub fn take_over(self, cx: TabContext) {
        if self.asking.get_untracked() || cx.book.control().editable.get_untracked() {
            return;
        }
        self.asking.set(true);
        leptos::task::spawn_local(async move {
            let editable = cx.book.control().editable;
            if edit_lock::claim(false, editable).await != Claim::HeldElsewhere {
                self.become_editor(cx).await;
                return;
            }
            self.channel.with_value(|c| {
                if let Some(c) = c {
                    c.post(TabMessage::PleaseRelease);
                }
            });
            // No answer: the editing tab is frozen; take the lock from it.
            set_timeout(
                move || {
                    if self.asking.get_untracked() {
                        self.take(cx, true);
                    }
                },
                HAND_OVER_WAIT,
            );
        });
    }

    /// Asks for the lock (with `steal`, from whoever holds it) and, given it, reads the plans
    /// again and edits.
    fn take(self, cx: TabContext, steal: bool) {
        leptos::task::spawn_local(async move {
            let editable = cx.book.control().editable;
            if edit_lock::claim(steal, editable).await != Claim::HeldElsewhere {
                self.become_editor(cx).await;
            }
        });
    }

    async fn become_editor(self, cx: TabContext) {
        read_again(cx, true).await;
        if self.asking.get_untracked() && cx.book.control().editable.get_untracked() {
            cx.notices.push(
                NoticeKind::Info,
                cx.lang.t(Text::EditingMovedHere).to_string(),
                vec![],
            );
        }
        self.asking.set(false);
    }

    /// Another tab asks to edit: write everything, stop editing, let go, and say so.
    fn hand_over(self, cx: TabContext) {
        cx.book.close_step();
        // The writes are collected at once, so no later edit can slip past them.
        cx.saver.flush();
        cx.book.control().editable.set(false);
        let channel = self.channel;
        leptos::task::spawn_local(async move {
            let mut waited = Duration::ZERO;
            let step = Duration::from_millis(50);
            while cx.pending.0.get_untracked() > 0 && waited < WRITES_WAIT {
                sleep(step).await;
                waited += step;
            }
            edit_lock::release();
            channel.with_value(|c| {
                if let Some(c) = c {
                    c.post(TabMessage::Released);
                }
            });
        });
    }
}

impl Default for TabRole {
    fn default() -> Self {
        TabRole::new()
    }
}

/// Reads the plans again from storage into the workbook; with `edit`, this tab then edits.
/// A plan that cannot be read now stays as this tab last had it (it is never dropped).
async fn read_again(cx: TabContext, edit: bool) {
    let store = cx.store.get_value();
    match store.load().await {
        // This tab started editing while it read: what it holds now is newer.
        Ok(_) if !edit && cx.book.control().editable.get_untracked() => {}
        Ok(loaded) => {
            let workbook = Workbook {
                plans: loaded.plans,
            };
            // What storage holds is known before the workbook changes, so nothing is
            // written back.
            cx.saver.rebase(&workbook);
            cx.book.replace_all(workbook);
            if edit {
                cx.book.control().editable.set(true);
                cx.on_editing.run(());
            }
        }
        Err(failure) if edit => {
            // Editing plans not read again could overwrite the other tab's work: stay viewing.
            edit_lock::release();
            cx.notices.push(
                NoticeKind::Error,
                failure.describe(cx.lang.get_untracked()),
                vec![],
            );
        }
        Err(_) => {}
    }
}

async fn sleep(duration: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(
            move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            },
            duration,
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
