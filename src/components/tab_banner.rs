//! The banner of a tab that only views the workbook (another tab edits it), with the button
//! that takes the editing over (see [`crate::tab_role`]).

use cchc_domain::i18n::Text;
use leptos::prelude::*;

use crate::state::{Book, Lang};
use crate::tab_role::{TabContext, TabRole};

#[component]
pub fn TabBanner() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let role = expect_context::<TabRole>();
    let cx = expect_context::<TabContext>();
    move || {
        (!book.control().editable.get()).then(|| {
            let asking = role.asking;
            view! {
                <div class="tab-banner" role="status" data-testid="read-only-tab">
                    <span class="notice-icon" aria-hidden="true">"ℹ"</span>
                    <p class="tab-banner-text">{lang.t(Text::ReadOnlyTab)}</p>
                    <button
                        type="button"
                        class="btn btn-primary"
                        data-testid="take-over"
                        disabled=move || asking.get()
                        on:click=move |_| role.take_over(cx)
                    >
                        {move || lang.t(if asking.get() { Text::TakingOverEditing } else { Text::TakeOverEditing })}
                    </button>
                </div>
            }
        })
    }
}
