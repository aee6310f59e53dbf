//! The localStorage adapter: the interface language, the import log, each year's
//! consolidation (`cchc.consolidation.<year>`), and the plans when IndexedDB is not available
//! (see [`crate::plan_store`]): each plan under its own key (`cchc.plan.<id>`) in the same
//! JSON envelope as an exported plan file, so one decoder and one migration chain serve both.
//! An entry that cannot be read is reported and left in place, never deleted: the import log,
//! consolidation and export records that cannot be read are copied aside
//! (`<key>.unreadable`, then `.unreadable.2`, …) and never written over until that copy is
//! made. A failed write is reported, never ignored.

use cchc_domain::backup_reminder::{decode_export_records, encode_export_records, ExportRecords};
use cchc_domain::consolidation_store::{
    consolidation_key, decode_consolidation, encode_consolidation, StoredConsolidation,
};
use cchc_domain::file::{read_stored_plan, stored_plan_text};
use cchc_domain::i18n::Text;
use cchc_domain::import_log::{decode_log, encode_log, ImportLog};
use cchc_domain::plan::{Plan, PlanId};

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
            StorageFailure::Unavailable => Text::StorageDisabled.get(locale).to_string(),
            StorageFailure::QuotaExceeded => Text::StorageFull.get(locale).to_string(),
            StorageFailure::Other(s) => s.clone(),
        }
    }
}

pub(crate) fn local_storage() -> Result<web_sys::Storage, StorageFailure> {
    web_sys::window()
        .ok_or(StorageFailure::Unavailable)?
        .local_storage()
        .map_err(|_| StorageFailure::Unavailable)?
        .ok_or(StorageFailure::Unavailable)
}

/// Every browser spells "storage full" differently. The name and message are read from any
/// object, not only from an `Error`: older engines throw exceptions that are not `Error`s
/// (Firefox's `NS_ERROR_DOM_QUOTA_REACHED`, a `DOMException` outside the `Error` chain).
pub fn classify(e: &wasm_bindgen::JsValue) -> StorageFailure {
    let field = |name: &str| {
        js_sys::Reflect::get(e, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let (name, message) = if e.is_object() {
        (field("name"), field("message"))
    } else {
        (String::new(), e.as_string().unwrap_or_default())
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
    Ok(LoadedPlans::read(plan_texts(&local_storage()?)?))
}

/// Copies a stored text that cannot be read to `<key>.unreadable` (`<key>.unreadable.2`, `.3`,
/// … when that one holds an earlier copy, which is never replaced), unless the same text is
/// kept there already. Returns that key.
fn set_aside(storage: &web_sys::Storage, key: &str, text: &str) -> Result<String, StorageFailure> {
    let mut n = 1u32;
    loop {
        let aside = match n {
            1 => format!("{key}.unreadable"),
            n => format!("{key}.unreadable.{n}"),
        };
        match storage.get_item(&aside).map_err(|e| classify(&e))? {
            Some(kept) if kept == text => return Ok(aside),
            Some(_) => n += 1,
            None => {
                storage.set_item(&aside, text).map_err(|e| classify(&e))?;
                return Ok(aside);
            }
        }
    }
}

/// What a load says about a stored text it could not read: why, and where it was set aside
/// (or why it could not be, in which case it stays under its key and
/// [`write_over_readable`] will not write over it).
pub(crate) fn set_aside_reason(
    storage: &web_sys::Storage,
    key: &str,
    text: &str,
    why: String,
) -> String {
    match set_aside(storage, key, text) {
        Ok(aside) => format!("{why} (set aside as {aside})"),
        Err(e) => format!(
            "{why} (kept under {key}: it could not be set aside: {})",
            e.describe(cchc_domain::locale::Locale::En)
        ),
    }
}

/// Writes `text` under `key`, unless what is stored there cannot be read (`readable`) and
/// cannot be set aside first: a stored text that cannot be read is never written over.
pub(crate) fn write_over_readable(
    key: &str,
    text: &str,
    readable: fn(&str) -> bool,
) -> Result<(), StorageFailure> {
    let storage = local_storage()?;
    if let Some(old) = storage.get_item(key).map_err(|e| classify(&e))? {
        if old != text && !readable(&old) {
            set_aside(&storage, key, &old)?;
        }
    }
    storage.set_item(key, text).map_err(|e| classify(&e))
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
/// was not available), readable or not, by key. Nothing when localStorage cannot be read.
pub fn plan_texts_in_local_storage() -> Vec<(PlanId, String)> {
    local_storage()
        .and_then(|storage| plan_texts(&storage))
        .unwrap_or_default()
}

/// Every plan's stored text in `storage`, by key; a failure to read any of them is a failure.
fn plan_texts(storage: &web_sys::Storage) -> Result<Vec<(PlanId, String)>, StorageFailure> {
    let failure = |e: wasm_bindgen::JsValue| classify(&e);
    let len = storage.length().map_err(failure)?;
    let mut out = Vec::new();
    for i in 0..len {
        let Some(key) = storage.key(i).map_err(failure)? else {
            continue;
        };
        let Some(id) = key.strip_prefix(PLAN_KEY_PREFIX) else {
            continue;
        };
        if let Some(text) = storage.get_item(&key).map_err(failure)? {
            out.push((PlanId(id.to_string()), text));
        }
    }
    out.sort_by(|a, b| a.0 .0.cmp(&b.0 .0));
    Ok(out)
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
/// `cchc.import-log.unreadable` (the error says so) before a new one is started, and is never
/// written over (see [`save_import_log`]).
pub fn load_import_log() -> Result<ImportLog, String> {
    let Ok(storage) = local_storage() else {
        return Ok(ImportLog::default());
    };
    match storage.get_item(IMPORT_LOG_KEY) {
        Ok(Some(text)) => decode_log(&text)
            .map_err(|e| set_aside_reason(&storage, IMPORT_LOG_KEY, &text, e.to_string())),
        Ok(None) => Ok(ImportLog::default()),
        Err(e) => Err(classify(&e).describe(cchc_domain::locale::Locale::En)),
    }
}

/// Writes the import log; one stored that cannot be read is set aside first, and when that
/// fails nothing is written.
pub fn save_import_log(log: &ImportLog) -> Result<(), StorageFailure> {
    write_over_readable(IMPORT_LOG_KEY, &encode_log(log), |t| decode_log(t).is_ok())
}

/// A year's consolidation kept in this browser (`cchc.consolidation.<year>`), if any. One
/// that cannot be read is copied aside to `<key>.unreadable` (the error says so) before a new
/// one can be written over it, and is never written over (see [`save_consolidation`]).
pub fn load_consolidation(year: i32) -> Result<Option<StoredConsolidation>, String> {
    let Ok(storage) = local_storage() else {
        return Ok(None);
    };
    let key = consolidation_key(year);
    match storage.get_item(&key) {
        Ok(Some(text)) => decode_consolidation(&text).map(Some).map_err(|e| {
            let reason = set_aside_reason(&storage, &key, &text, e.to_string());
            format!("{key}: {reason}")
        }),
        Ok(None) => Ok(None),
        Err(e) => Err(format!(
            "{key}: {}",
            classify(&e).describe(cchc_domain::locale::Locale::En)
        )),
    }
}

/// Writes a year's consolidation; one stored that cannot be read is set aside first, and when
/// that fails nothing is written.
pub fn save_consolidation(c: &StoredConsolidation) -> Result<(), StorageFailure> {
    write_over_readable(&consolidation_key(c.year), &encode_consolidation(c), |t| {
        decode_consolidation(t).is_ok()
    })
}

/// Where each plan's last export and the backup reminder period are kept.
pub const EXPORTS_KEY: &str = "cchc.exports";

/// Each plan's last export. A record that cannot be read is copied aside to
/// `cchc.exports.unreadable` and a new one started (it only drives reminders); the error says
/// why and where, as `cchc.exports: <reason> (set aside as <key>)`.
pub fn read_export_records() -> Result<ExportRecords, String> {
    let Ok(storage) = local_storage() else {
        return Ok(ExportRecords::default());
    };
    match storage.get_item(EXPORTS_KEY) {
        Ok(Some(text)) => decode_export_records(&text).ok_or_else(|| {
            let why = "not export records this version can read".to_string();
            let reason = set_aside_reason(&storage, EXPORTS_KEY, &text, why);
            format!("{EXPORTS_KEY}: {reason}")
        }),
        Ok(None) => Ok(ExportRecords::default()),
        Err(e) => Err(format!(
            "{EXPORTS_KEY}: {}",
            classify(&e).describe(cchc_domain::locale::Locale::En)
        )),
    }
}

/// [`read_export_records`], with a new record when the stored one cannot be read (set aside,
/// but not reported: prefer [`read_export_records`], which says why).
pub fn load_export_records() -> ExportRecords {
    read_export_records().unwrap_or_default()
}

/// Writes the export records; one stored that cannot be read is set aside first, and when
/// that fails nothing is written.
pub fn save_export_records(records: &ExportRecords) -> Result<(), StorageFailure> {
    write_over_readable(EXPORTS_KEY, &encode_export_records(records), |t| {
        decode_export_records(t).is_some()
    })
}
