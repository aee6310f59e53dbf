//! Stored entries that could not be read (damaged, or written by a newer version): listed on
//! the workbook page with the reason, each downloadable exactly as stored. They stay in
//! storage untouched.

use cchc_domain::i18n::Text;
use leptos::prelude::*;

use crate::browser;
use crate::components::app::Unreadable;
use crate::state::{Lang, NoticeKind, Notices};

/// The file name of a downloaded entry: `muc-khong-doc-duoc_cchc.plan.abc.json`, with the key
/// reduced to safe characters.
fn file_name(key: &str) -> String {
    let safe: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    format!("muc-khong-doc-duoc_{safe}.json")
}

#[component]
pub fn UnreadableEntries() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let notices = expect_context::<Notices>();
    let entries = expect_context::<Unreadable>().0.get_value();
    (!entries.is_empty()).then(|| {
        view! {
            <div class="card unreadable" data-testid="unreadable-entries">
                <h2 class="card-title">"⚠ " {lang.t(Text::UnreadableTitle)}</h2>
                <p class="field-hint">{lang.t(Text::UnreadableHint)}</p>
                <ul class="plain-list adjust-list">
                    {entries.into_iter().map(|e| {
                        let (key, raw) = (e.key.clone(), e.raw);
                        view! {
                            <li data-testid="unreadable-entry">
                                <div>
                                    <strong>{e.key}</strong>
                                    <div class="small muted">{e.reason}</div>
                                </div>
                                <button type="button" class="btn btn-secondary btn-small" data-testid="download-raw" on:click=move |_| {
                                    if let Err(err) = browser::download_text(&file_name(&key), &raw, "application/json") {
                                        notices.push(NoticeKind::Error, browser::describe_js_error(&err), vec![]);
                                    }
                                }>
                                    {lang.t(Text::DownloadRaw)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn a_key_becomes_a_safe_file_name() {
        assert_eq!(
            file_name("cchc.plan.p-1"),
            "muc-khong-doc-duoc_cchc.plan.p-1.json"
        );
        assert_eq!(
            file_name("cchc.plan.<x>/../y"),
            "muc-khong-doc-duoc_cchc.plan._x__.._y.json"
        );
    }
}
