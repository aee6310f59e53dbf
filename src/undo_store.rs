//! Keeps this tab's undo history in sessionStorage, so that it survives a reload of the tab
//! (and only of this tab: another tab has its own). The index of steps is kept under
//! `cchc.undo`, and each plan state once under `cchc.undo.plan.<content hash>`, in the stored
//! plan envelope; consecutive steps share their states, so a history of typing in one plan
//! keeps about one plan text per step. States no step names any more are removed.
//!
//! The history is a convenience, not the work: the work is in the plans' storage. A history
//! that cannot be read starts empty; one that cannot be written, or holds more than
//! [`MAX_KEPT_STATES`] plan states (a large import), stays in memory only.

use cchc_domain::file::{read_stored_plan, stored_plan_text};
use cchc_domain::undo::UndoHistory;

use crate::storage::{classify, StorageFailure};

const INDEX_KEY: &str = "cchc.undo";
const STATE_PREFIX: &str = "cchc.undo.plan.";
/// A history holding more plan states than this (a large import) is not kept across a reload:
/// writing it would take long and most likely not fit.
const MAX_KEPT_STATES: usize = 400;

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The history this tab kept before its last reload, or an empty one.
pub fn load() -> UndoHistory {
    let Some(storage) = session_storage() else {
        return UndoHistory::default();
    };
    let Some(index) = storage.get_item(INDEX_KEY).ok().flatten() else {
        return UndoHistory::default();
    };
    UndoHistory::from_index_json(&index, |hash| {
        let text = storage
            .get_item(&format!("{STATE_PREFIX}{hash}"))
            .ok()
            .flatten()?;
        read_stored_plan(&text).ok()
    })
    .unwrap_or_default()
}

/// Writes the history: the states not kept yet, then the index, then removes states no
/// longer named.
pub fn save(history: &UndoHistory) -> Result<(), StorageFailure> {
    let storage = session_storage().ok_or(StorageFailure::Unavailable)?;
    let (index, states) = if history.state_count() > MAX_KEPT_STATES {
        // Kept in memory only; no older history may come back after a reload either.
        (String::new(), Vec::new())
    } else {
        history.index_json()
    };
    let mut kept: Vec<String> = Vec::new();
    let count = storage.length().unwrap_or(0);
    for i in 0..count {
        if let Ok(Some(key)) = storage.key(i) {
            if key.starts_with(STATE_PREFIX) {
                kept.push(key);
            }
        }
    }
    let meta = crate::browser::export_meta();
    let mut named: Vec<String> = Vec::with_capacity(states.len());
    for state in states {
        let key = format!("{STATE_PREFIX}{}", state.hash());
        if !kept.contains(&key) {
            storage
                .set_item(&key, &stored_plan_text(&state.plan, &meta))
                .map_err(|e| classify(&e))?;
        }
        named.push(key);
    }
    if index.is_empty() {
        let _ = storage.remove_item(INDEX_KEY);
    } else {
        storage
            .set_item(INDEX_KEY, &index)
            .map_err(|e| classify(&e))?;
    }
    for key in kept {
        if !named.contains(&key) {
            let _ = storage.remove_item(&key);
        }
    }
    Ok(())
}
