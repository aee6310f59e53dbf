//! The template library kept in this browser (localStorage `cchc.templates`, see
//! [`cchc_domain::template_library`]): the templates received from the superior unit. The
//! import review adds to it ([`add_template`]) and the new-plan form reads it when it opens
//! ([`load_library`]); nothing of it is held in memory in between.
//!
//! Nothing stored is ever lost: an entry of the list that cannot be read stays in the list as
//! it is (and is reported), and a stored value that is not a list at all is copied aside to
//! `cchc.templates.unreadable` before anything is written over it.

use cchc_domain::plan::Plan;
use cchc_domain::template_library::{
    decode_library, encode_library, LibraryAdd, TemplateLibrary, TEMPLATES_KEY,
};

use crate::storage::{
    classify, local_storage, set_aside_reason, write_over_readable, StorageFailure,
};

/// The library kept in this browser, with the reasons of what could not be read: entries of
/// the list (kept in it), or the whole stored value (set aside; the library is then empty).
pub fn load_library() -> (TemplateLibrary, Vec<String>) {
    let Ok(storage) = local_storage() else {
        return (TemplateLibrary::default(), Vec::new());
    };
    match storage.get_item(TEMPLATES_KEY) {
        Ok(Some(text)) => match decode_library(&text) {
            Ok(library) => {
                let unreadable = library
                    .unreadable()
                    .into_iter()
                    .map(|r| format!("{TEMPLATES_KEY} {r}"))
                    .collect();
                (library, unreadable)
            }
            Err(e) => {
                let reason = set_aside_reason(&storage, TEMPLATES_KEY, &text, e.reason);
                (
                    TemplateLibrary::default(),
                    vec![format!("{TEMPLATES_KEY}: {reason}")],
                )
            }
        },
        Ok(None) => (TemplateLibrary::default(), Vec::new()),
        Err(e) => (
            TemplateLibrary::default(),
            vec![format!(
                "{TEMPLATES_KEY}: {}",
                classify(&e).describe(cchc_domain::locale::Locale::En)
            )],
        ),
    }
}

/// Keeps a template in the library and writes it; a stored value that cannot be read is set
/// aside first, and when that fails nothing is written.
pub fn add_template(template: Plan) -> Result<LibraryAdd, StorageFailure> {
    let (mut library, _) = load_library();
    let outcome = library.add(template, &crate::browser::export_meta());
    if outcome != LibraryAdd::Identical {
        write_over_readable(TEMPLATES_KEY, &encode_library(&library), |t| {
            decode_library(t).is_ok()
        })?;
    }
    Ok(outcome)
}
