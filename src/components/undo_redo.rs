//! The undo and redo buttons, and their keyboard shortcuts: Ctrl+Z (⌘Z) undoes, Ctrl+Y and
//! Ctrl+Shift+Z redo. In a text field the browser's own undo of the typing applies.

use cchc_domain::i18n::Text;
use cchc_domain::undo::UndoRefusal;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{Book, Lang, NoticeKind, Notices};

#[component]
pub fn UndoRedo() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let notices = expect_context::<Notices>();
    let run = move |redo: bool| {
        if let Err(UndoRefusal::ChangedSince) = book.undo_or_redo(redo) {
            notices.push(
                NoticeKind::Error,
                lang.t(Text::UndoChangedSince).to_string(),
                vec![],
            );
        }
    };
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
            return;
        }
        let key = e.key().to_lowercase();
        let redo = key == "y" || (key == "z" && e.shift_key());
        if key != "z" && !redo {
            return;
        }
        let typing = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"));
        if typing {
            return;
        }
        e.prevent_default();
        run(redo);
    });
    on_cleanup(move || keys.remove());
    let can = book.control().undo_redo;
    let editable = book.control().editable;
    view! {
        <div class="undo-redo" role="group">
            <button
                type="button"
                class="btn btn-small btn-quiet"
                data-testid="undo"
                title=lang.t(Text::UndoHint)
                aria-keyshortcuts="Control+Z"
                disabled=move || !(can.get().0 && editable.get())
                on:click=move |_| run(false)
            >
                <span aria-hidden="true">"↶ "</span>
                {lang.t(Text::Undo)}
            </button>
            <button
                type="button"
                class="btn btn-small btn-quiet"
                data-testid="redo"
                title=lang.t(Text::RedoHint)
                aria-keyshortcuts="Control+Y Control+Shift+Z"
                disabled=move || !(can.get().1 && editable.get())
                on:click=move |_| run(true)
            >
                <span aria-hidden="true">"↷ "</span>
                {lang.t(Text::Redo)}
            </button>
        </div>
    }
}
