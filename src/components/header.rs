//! The top bar: the product name, undo and redo, the keyboard shortcuts, and the language
//! switch.

use cchc_domain::i18n::Text;
use cchc_domain::locale::Locale;
use leptos::prelude::*;

use crate::components::shortcuts::Shortcuts;
use crate::components::undo_redo::UndoRedo;
use crate::state::{Lang, Nav, Screen};

#[component]
pub fn Header() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let nav = expect_context::<Nav>();
    view! {
        <header class="topbar">
            <div class="topbar-inner">
                <a
                    class="brand"
                    href="#"
                    on:click=move |ev| {
                        ev.prevent_default();
                        nav.0.set(Screen::Workbook);
                    }
                >
                    <span class="brand-mark" aria-hidden="true">"✔"</span>
                    <span class="brand-text">
                        <span class="brand-name">{lang.t(Text::AppTitle)}</span>
                        <span class="brand-tagline">{lang.t(Text::AppTagline)}</span>
                    </span>
                </a>
                <UndoRedo />
                <Shortcuts />
                <div class="lang-switch" role="group" aria-label=lang.t(Text::Language)>
                    <button
                        type="button"
                        data-testid="lang-vi"
                        aria-pressed=move || (lang.get() == Locale::Vi).to_string()
                        on:click=move |_| lang.0.set(Locale::Vi)
                    >
                        {Text::SwitchToVietnamese.get(Locale::Vi)}
                    </button>
                    <button
                        type="button"
                        data-testid="lang-en"
                        aria-pressed=move || (lang.get() == Locale::En).to_string()
                        on:click=move |_| lang.0.set(Locale::En)
                    >
                        {Text::SwitchToEnglish.get(Locale::En)}
                    </button>
                </div>
            </div>
        </header>
    }
}
