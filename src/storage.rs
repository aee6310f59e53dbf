//! The localStorage adapter: the interface language, the import log, each year's
//! consolidation (`cchc.consolidation.<year>`), and the plans when IndexedDB is not available
//! (see [`crate::plan_store`]): each plan under its own key (`cchc.plan.<id>`) in the same
//! JSON envelope as an exported plan file, so one decoder and one migration chain serve both.
//! An entry that cannot be read is reported and left in place, never deleted; a failed write
//! is reported, never ignored.

use cchc_domain::backup_reminder::{decode_export_records, encode_export_records, ExportRecords};
use cchc_domain::consolidation_store::{
    consolidation_key, decode_consolidation, encode_consolidation, StoredConsolidation,
};
use cchc_domain::file::{read_stored_plan, stored_plan_text};
use cchc_domain::import_log::{decode_log, encode_log, ImportLog};
use cchc_domain::plan::{Plan, PlanId};
use wasm_bindgen::JsCast;

pub const PLAN_KEY_PREFIX: &str = "cchc.plan.";
/// Where the chosen interface language is kept.
pub const LOCALE_KEY: &str = "cchc.locale";
/// Where the import log is kept.
pub const IMPORT_LOG_KEY: &str = "cchc.import-log";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadedPlans {
    pub plans: Vec<Plan>,
    pub unreadable: Vec<UnreadableEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadableEntry {
    pub key: String,
    pub reason: String,
    /// The entry as stored, for the officer to download and keep or send for help.
    pub raw: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageFailure {
    /// Storage is disabled (private mode, policy, sandboxed frame).
    Unavailable,
    /// The browser refused the write because storage is full.
    QuotaExceeded,
    Other(String),
}

impl StorageFailure {
    pub fn describe(&self, locale: cchc_domain::locale::Locale) -> String {
        match self {
            StorageFailure::Unavailable => locale
                .pick("bộ nhớ trình duyệt bị tắt", "browser storage is disabled")
                .to_string(),
            StorageFailure::QuotaExceeded => locale
                .pick("bộ nhớ trình duyệt đã đầy", "browser storage is full")
                .to_string(),
            StorageFailure::Other(s) => s.clone(),
        }
    }
}

fn local_storage() -> Result<web_sys::Storage, StorageFailure> {
    web_sys::window()
        .ok_or(StorageFailure::Unavailable)?
        .local_storage()
        .map_err(|_| StorageFailure::Unavailable)?
        .ok_or(StorageFailure::Unavailable)
}

/// Every browser spells "storage full" differently.
pub fn classify(e: &wasm_bindgen::JsValue) -> StorageFailure {
    let (name, message) = match e.dyn_ref::<js_sys::Error>() {
        Some(err) => (String::from(err.name()), String::from(err.message())),
        None => (String::new(), e.as_string().unwrap_or_default()),
    };
    let code = js_sys::Reflect::get(e, &"code".into())
        .ok()
        .and_then(|c| c.as_f64())
        .unwrap_or(0.0);
    let quota = name == "QuotaExceededError"
        || name == "NS_ERROR_DOM_QUOTA_REACHED"
        || code == 22.0
        || code == 1014.0
        || message.to_ascii_lowercase().contains("quota");
    if quota {
        StorageFailure::QuotaExceeded
    } else {
        StorageFailure::Other(format!("{name}: {message}"))
    }
}

pub fn plan_key(id: &PlanId) -> String {
    format!("{PLAN_KEY_PREFIX}{}", id.0)
}

impl LoadedPlans {
    /// Stored plan texts, by plan id, read into plans; those that cannot be read are listed
    /// with their reason and text, never dropped.
    pub fn read(entries: Vec<(PlanId, String)>) -> LoadedPlans {
        let mut loaded = LoadedPlans::default();
        for (id, text) in entries {
            match read_stored_plan(&text) {
                Ok(plan) => loaded.plans.push(plan),
                Err(e) => loaded.unreadable.push(UnreadableEntry {
                    key: plan_key(&id),
                    reason: e.message(cchc_domain::locale::Locale::En),
                    raw: text,
                }),
            }
        }
        loaded
    }
}

/// Reads every plan kept in localStorage. Entries that cannot be read are listed, not removed.
pub fn load_plans() -> Result<LoadedPlans, StorageFailure> {
    // Storage that cannot be used is a failure to show, not an empty workbook.
    local_storage()?;
    Ok(LoadedPlans::read(plan_texts_in_local_storage()))
}

/// Copies a stored text that cannot be read to `<key>.unreadable`, unless an earlier one is
/// kept there, so that nothing written afterwards can replace it. Returns that key.
fn set_aside(storage: &web_sys::Storage, key: &str, text: &str) -> String {
    let aside = format!("{key}.unreadable");
    if let Ok(None) = storage.get_item(&aside) {
        let _ = storage.set_item(&aside, text);
    }
    aside
}

/// Writes one plan.
pub fn save_plan(plan: &Plan) -> Result<(), StorageFailure> {
    save_plan_text(
        &plan.id,
        &stored_plan_text(plan, &crate::browser::export_meta()),
    )
}

/// Writes one plan's stored text.
pub fn save_plan_text(id: &PlanId, text: &str) -> Result<(), StorageFailure> {
    local_storage()?
        .set_item(&plan_key(id), text)
        .map_err(|e| classify(&e))
}

/// The plans' stored texts left in localStorage (by an earlier version, or when IndexedDB
/// was not available), readable or not, by key.
pub fn plan_texts_in_local_storage() -> Vec<(PlanId, String)> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let len = storage.length().unwrap_or(0);
    let mut out: Vec<(PlanId, String)> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| {
            let id = k.strip_prefix(PLAN_KEY_PREFIX)?.to_string();
            let text = storage.get_item(&k).ok().flatten()?;
            Some((PlanId(id), text))
        })
        .collect();
    out.sort_by(|a, b| a.0 .0.cmp(&b.0 .0));
    out
}

/// Removes one plan.
pub fn delete_plan(id: &PlanId) -> Result<(), StorageFailure> {
    local_storage()?
        .remove_item(&plan_key(id))
        .map_err(|e| classify(&e))
}

/// The interface language chosen earlier, if any.
pub fn load_locale() -> Option<cchc_domain::locale::Locale> {
    let tag = local_storage().ok()?.get_item(LOCALE_KEY).ok()??;
    cchc_domain::locale::Locale::from_tag(&tag)
}

pub fn save_locale(locale: cchc_domain::locale::Locale) -> Result<(), StorageFailure> {
    local_storage()?
        .set_item(LOCALE_KEY, locale.tag())
        .map_err(|e| classify(&e))
}

/// The import log kept in this browser. A log that cannot be read is copied aside to
/// `cchc.import-log.unreadable` (the error says so) before a new one is started, so it is
/// never overwritten.
pub fn load_import_log() -> Result<ImportLog, String> {
    let Ok(storage) = local_storage() else {
        return Ok(ImportLog::default());
    };
    match storage.get_item(IMPORT_LOG_KEY) {
        Ok(Some(text)) => decode_log(&text).map_err(|e| {
            // Set aside before a new log can be written over it.
            let aside = set_aside(&storage, IMPORT_LOG_KEY, &text);
            format!("{e} (set aside as {aside})")
        }),
        _ => Ok(ImportLog::default()),
    }
}

pub fn save_import_log(log: &ImportLog) -> Result<(), StorageFailure> {
    local_storage()?
        .set_item(IMPORT_LOG_KEY, &encode_log(log))
        .map_err(|e| classify(&e))
}

/// A year's consolidation kept in this browser (`cchc.consolidation.<year>`), if any. One
/// that cannot be read is copied aside to `<key>.unreadable` (the error says so) before a new
/// one can be written over it.
pub fn load_consolidation(year: i32) -> Result<Option<StoredConsolidation>, String> {
    let Ok(storage) = local_storage() else {
        return Ok(None);
    };
    let key = consolidation_key(year);
    match storage.get_item(&key) {
        Ok(Some(text)) => decode_consolidation(&text).map(Some).map_err(|e| {
            let aside = set_aside(&storage, &key, &text);
            format!("{key}: {e} (set aside as {aside})")
        }),
        _ => Ok(None),
    }
}

pub fn save_consolidation(c: &StoredConsolidation) -> Result<(), StorageFailure> {
    local_storage()?
        .set_item(&consolidation_key(c.year), &encode_consolidation(c))
        .map_err(|e| classify(&e))
}

/// Where each plan's last export and the backup reminder period are kept.
pub const EXPORTS_KEY: &str = "cchc.exports";

/// Each plan's last export. A record that cannot be read is copied aside to
/// `cchc.exports.unreadable` and a new one started (it only drives reminders).
pub fn load_export_records() -> ExportRecords {
    let Ok(storage) = local_storage() else {
        return ExportRecords::default();
    };
    match storage.get_item(EXPORTS_KEY) {
        Ok(Some(text)) => decode_export_records(&text).unwrap_or_else(|| {
            set_aside(&storage, EXPORTS_KEY, &text);
            ExportRecords::default()
        }),
        _ => ExportRecords::default(),
    }
}

pub fn save_export_records(records: &ExportRecords) -> Result<(), StorageFailure> {
    local_storage()?
        .set_item(EXPORTS_KEY, &encode_export_records(records))
        .map_err(|e| classify(&e))
}
