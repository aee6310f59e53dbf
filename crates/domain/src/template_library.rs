//! The templates a unit keeps in its browser to start plans from (localStorage key
//! `cchc.templates`): those received from the superior unit and imported. Stored as a JSON
//! list of template files, each a string holding the file's text in the app's stored form
//! (the envelope with its content hash, compact), so each is read back with every check of a
//! template file.
//!
//! An entry that cannot be read is kept in the list as it is, reported and never offered;
//! writing the library back writes it unchanged, so nothing stored is ever lost. A stored
//! value that is not a list at all is refused as a whole ([`decode_library`]); the browser
//! adapter sets it aside before anything is written over it.

use serde_json::Value;

use crate::file::encode::Writer;
use crate::file::{stored_plan_text, ExportMeta};
use crate::locale::Locale;
use crate::plan::Plan;

/// Where the library is kept in localStorage.
pub const TEMPLATES_KEY: &str = "cchc.templates";

/// The templates kept, in the order they were added.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TemplateLibrary {
    pub entries: Vec<LibraryEntry>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LibraryEntry {
    /// A template that reads, with its stored text.
    Template { template: Box<Plan>, text: String },
    /// An entry that could not be read, kept as stored, with the reason.
    Unreadable { raw: Value, reason: String },
}

/// What adding a template did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryAdd {
    /// A template whose id and version were not kept yet.
    Added,
    /// The template of the same id and version was replaced by this one.
    Replaced,
    /// The same template was kept already: nothing changed.
    Identical,
}

impl TemplateLibrary {
    /// The templates that read, in the order they were added.
    pub fn templates(&self) -> impl Iterator<Item = &Plan> {
        self.entries.iter().filter_map(|e| match e {
            LibraryEntry::Template { template, .. } => Some(&**template),
            LibraryEntry::Unreadable { .. } => None,
        })
    }

    /// The reasons of the entries that could not be read, by position (1-based).
    pub fn unreadable(&self) -> Vec<String> {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match e {
                LibraryEntry::Unreadable { reason, .. } => Some(format!("#{}: {reason}", i + 1)),
                LibraryEntry::Template { .. } => None,
            })
            .collect()
    }

    /// The template of an id and version, if kept.
    pub fn find(&self, id: &str, version: u32) -> Option<&Plan> {
        self.templates().find(|t| {
            t.template
                .as_ref()
                .is_some_and(|m| m.id == id && m.version == version)
        })
    }

    /// Keeps a template (a plan with a template marker; anything else changes nothing and
    /// says [`LibraryAdd::Identical`]). One of the same id and version is replaced in place.
    pub fn add(&mut self, template: Plan, meta: &ExportMeta) -> LibraryAdd {
        let Some(marker) = template.template.clone() else {
            return LibraryAdd::Identical;
        };
        let same = self.entries.iter().position(|e| match e {
            LibraryEntry::Template { template: t, .. } => t
                .template
                .as_ref()
                .is_some_and(|m| m.id == marker.id && m.version == marker.version),
            LibraryEntry::Unreadable { .. } => false,
        });
        let held = same.and_then(|i| self.entries.get_mut(i));
        if let Some(LibraryEntry::Template { template: t, .. }) = &held {
            if **t == template {
                return LibraryAdd::Identical;
            }
        }
        let text = stored_plan_text(&template, meta);
        let entry = LibraryEntry::Template {
            template: Box::new(template),
            text,
        };
        match held {
            Some(held) => {
                *held = entry;
                LibraryAdd::Replaced
            }
            None => {
                self.entries.push(entry);
                LibraryAdd::Added
            }
        }
    }
}

/// Why a stored library was refused as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryRefused {
    pub reason: String,
}

/// Reads the stored library. Entries that cannot be read are kept as
/// [`LibraryEntry::Unreadable`]; only a value that is not a JSON list is refused.
pub fn decode_library(text: &str) -> Result<TemplateLibrary, LibraryRefused> {
    let refused = |reason: &str| LibraryRefused {
        reason: reason.to_string(),
    };
    let value: Value = serde_json::from_str(text).map_err(|_| refused("not JSON"))?;
    let Value::Array(items) = value else {
        return Err(refused("not a list of templates"));
    };
    let entries = items
        .into_iter()
        .map(|raw| match raw {
            Value::String(text) => match crate::template::template_from_text(&text) {
                Ok(template) => LibraryEntry::Template {
                    template: Box::new(template),
                    text,
                },
                Err(e) => LibraryEntry::Unreadable {
                    reason: e.message(Locale::En),
                    raw: Value::String(text),
                },
            },
            raw => LibraryEntry::Unreadable {
                raw,
                reason: "not the text of a template file".to_string(),
            },
        })
        .collect();
    Ok(TemplateLibrary { entries })
}

/// The library as stored: a JSON list, each template's stored text as a string, each entry
/// that could not be read as it was.
pub fn encode_library(library: &TemplateLibrary) -> String {
    let mut w = Writer::new(false);
    w.open_list();
    for e in &library.entries {
        w.item();
        match e {
            LibraryEntry::Template { text, .. } => w.string(text),
            LibraryEntry::Unreadable { raw, .. } => w.value(raw),
        }
    }
    w.close_list();
    w.finish()
}
