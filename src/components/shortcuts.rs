//! The keyboard help panel in the top bar: the shortcuts of the workbook, listed once.

use cchc_domain::i18n::Text;
use leptos::prelude::*;

use crate::state::Lang;

/// Each shortcut and what it does.
const SHORTCUTS: [(&str, Text); 6] = [
    ("Ctrl+Z", Text::ShortcutUndo),
    ("Ctrl+Y · Ctrl+Shift+Z", Text::ShortcutRedo),
    ("Tab · Shift+Tab", Text::ShortcutMove),
    ("Enter", Text::ShortcutSubmit),
    ("Esc", Text::ShortcutClose),
    ("Space · Enter", Text::ShortcutPress),
];

#[component]
pub fn Shortcuts() -> impl IntoView {
    let lang = expect_context::<Lang>();
    view! {
        <details class="shortcuts" data-testid="shortcuts">
            <summary>
                <span aria-hidden="true">"⌨ "</span>
                {lang.t(Text::ShortcutsTitle)}
            </summary>
            <dl class="shortcuts-list">
                {SHORTCUTS
                    .iter()
                    .map(|(keys, what)| {
                        view! {
                            <dt><kbd>{*keys}</kbd></dt>
                            <dd>{lang.t(*what)}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
        </details>
    }
}
