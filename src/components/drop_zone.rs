//! Files dropped anywhere on the page are imported like files chosen in the picker. While
//! files are dragged over the page, a full-page hint says where they go; dropping anything
//! that is not a file does nothing, and the browser never opens the dropped file itself.

use cchc_domain::i18n::Text;
use leptos::ev;
use leptos::prelude::*;

use crate::components::import::Importer;
use crate::state::Lang;

fn carries_files(e: &web_sys::DragEvent) -> bool {
    e.data_transfer()
        .map(|d| {
            d.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
        .unwrap_or(false)
}

#[component]
pub fn DropZone() -> impl IntoView {
    let lang = expect_context::<Lang>();
    let importer = Importer::from_context();
    // dragenter/dragleave fire for every element crossed: count them.
    let depth = RwSignal::new(0i32);
    let h1 = window_event_listener(ev::dragenter, move |e| {
        if carries_files(&e) {
            e.prevent_default();
            depth.update(|d| *d += 1);
        }
    });
    let h2 = window_event_listener(ev::dragleave, move |e| {
        if carries_files(&e) {
            depth.update(|d| *d = (*d - 1).max(0));
        }
    });
    let h3 = window_event_listener(ev::dragover, move |e| {
        if carries_files(&e) {
            // Without this the browser would open the file instead of handing it over.
            e.prevent_default();
            if let Some(d) = e.data_transfer() {
                d.set_drop_effect("copy");
            }
        }
    });
    let h4 = window_event_listener(ev::drop, move |e| {
        depth.set(0);
        let Some(list) = e.data_transfer().and_then(|d| d.files()) else {
            return;
        };
        e.prevent_default();
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        importer.bring_in(files);
    });
    on_cleanup(move || {
        h1.remove();
        h2.remove();
        h3.remove();
        h4.remove();
    });
    move || {
        (depth.get() > 0).then(|| {
            view! {
                <div class="drop-hint" data-testid="drop-hint" aria-hidden="true">
                    <p>{lang.t(Text::DropHere)}</p>
                </div>
            }
        })
    }
}
