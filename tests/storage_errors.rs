//! Browser tests of every error path of the storage adapter (`cchc_workbook::storage`, the
//! localStorage side, and `cchc_workbook::plan_store`, the IndexedDB side), in headless
//! Chromium: `cargo test -p cchc-workbook --target wasm32-unknown-unknown` (see
//! docs/development.md). On native targets this file compiles to nothing.
//!
//! The browser's own APIs are made to fail: a test replaces a method or getter on the real
//! prototype (`Storage.prototype.setItem`, `IDBObjectStore.prototype.put`, the
//! `window.localStorage` getter, …) with a function that throws what a browser throws, and
//! puts the original back afterwards ([`Patch`]). A full localStorage is also filled for
//! real. Nothing of the adapter is mocked.
//!
//! A panic in WebAssembly aborts without running `Drop`, so every replacement is also listed
//! on `globalThis`, and each test starts by putting back whatever a failed test left behind
//! ([`fresh_start`]). Assertions run after the patch is dropped wherever that is possible.
//! The IndexedDB tests each use their own database (`PlanStore::open_named`).
#![cfg(target_arch = "wasm32")]

use cchc_domain::backup_reminder::{ExportRecords, LastExport};
use cchc_domain::consolidation_store::{consolidation_key, StoredConsolidation};
use cchc_domain::example::example_plan;
use cchc_domain::file::{stored_plan_text, ExportMeta};
use cchc_domain::import_log::{ImportLog, LogAction, LogEntry};
use cchc_domain::locale::Locale;
use cchc_domain::plan::{Plan, PlanId};
use cchc_workbook::plan_store::{PlanStore, PLANS_STORE};
use cchc_workbook::storage::{
    classify, load_consolidation, load_import_log, load_locale, load_plans, plan_key,
    read_export_records, save_consolidation, save_export_records, save_import_log, save_locale,
    save_plan, StorageFailure, EXPORTS_KEY, IMPORT_LOG_KEY, LOCALE_KEY,
};
use idb::{Factory, TransactionMode};
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------------------------------------
// Replacing browser APIs for one test
// ---------------------------------------------------------------------------------------------

/// Where the replaced properties are listed, so that a test that stopped half-way is undone.
const PATCHES: &str = "__cchcStorageErrorsPatches";

fn patch_list() -> Array {
    let global = js_sys::global();
    let list = Reflect::get(&global, &PATCHES.into()).expect("global");
    if list.is_undefined() {
        let list = Array::new();
        Reflect::set(&global, &PATCHES.into(), &list).expect("set global");
        list
    } else {
        list.unchecked_into()
    }
}

/// One property of a browser object replaced; dropping it puts the original back.
struct Patch {
    /// The `[owner, name, original descriptor]` entry in the list on `globalThis`.
    entry: Array,
}

impl Patch {
    /// Replaces `name` where `target` gets it from (the object itself or a prototype): its
    /// value, when `getter` is false, or its getter.
    fn new(target: &JsValue, name: &str, replacement: &Function, getter: bool) -> Patch {
        let key = JsValue::from_str(name);
        let mut owner: Object = target.clone().unchecked_into();
        while !Object::has_own(&owner, &key) {
            let up = Reflect::get_prototype_of(&owner).expect("prototype");
            assert!(!up.is_null(), "no property {name} to replace");
            owner = up;
        }
        let original = Reflect::get_own_property_descriptor(&owner, &key).expect("descriptor");
        let descriptor = Object::assign(&Object::new(), original.unchecked_ref());
        Reflect::set(
            &descriptor,
            &(if getter { "get" } else { "value" }).into(),
            replacement,
        )
        .expect("descriptor");
        let entry = Array::of3(&owner, &key, &original);
        patch_list().push(&entry);
        let replaced = Reflect::define_property(&owner, &key, &descriptor);
        assert_eq!(replaced, Ok(true), "{name} could not be replaced");
        Patch { entry }
    }

    /// Replaces a method of `target` (usually a prototype).
    fn method(target: &JsValue, name: &str, replacement: &Function) -> Patch {
        Patch::new(target, name, replacement, false)
    }

    /// Replaces a getter that `target` has or inherits.
    fn getter(target: &JsValue, name: &str, replacement: &Function) -> Patch {
        Patch::new(target, name, replacement, true)
    }
}

fn put_back(entry: &Array) {
    let owner: Object = entry.get(0).unchecked_into();
    let descriptor: Object = entry.get(2).unchecked_into();
    // Not an assertion: this runs in `drop`, and must not stop the other patches going back.
    let _ = Reflect::define_property(&owner, &entry.get(1), &descriptor);
}

impl Drop for Patch {
    fn drop(&mut self) {
        put_back(&self.entry);
        let list = patch_list();
        let at = list.index_of(&self.entry, 0);
        if at >= 0 {
            let splice: Function = Reflect::get(&list, &"splice".into())
                .expect("splice")
                .unchecked_into();
            splice
                .call2(&list, &JsValue::from(at), &JsValue::from(1))
                .expect("remove from the list");
        }
    }
}

/// Puts back whatever an earlier test that failed half-way left replaced, newest first.
fn put_back_leftovers() {
    let list = patch_list();
    while list.length() > 0 {
        let entry: Array = list.pop().unchecked_into();
        put_back(&entry);
    }
}

/// A function made from JavaScript source: `(original) => function (…) { … }`, given the
/// original property (a function, or a getter), so that the replacement can call it.
fn js_fn(source: &str, original: &JsValue) -> Function {
    Function::new_with_args("original", &format!("return {source};"))
        .call1(&JsValue::NULL, original)
        .expect("build function")
        .unchecked_into()
}

/// A function that throws `new DOMException(message, name)`.
fn thrower(message: &str, name: &str) -> Function {
    Function::new_with_args(
        "",
        &format!(
            "throw new DOMException({}, {});",
            js_string(message),
            js_string(name)
        ),
    )
}

fn js_string(s: &str) -> String {
    String::from(js_sys::JSON::stringify(&JsValue::from_str(s)).expect("stringify"))
}

fn global(name: &str) -> JsValue {
    Reflect::get(&js_sys::global(), &name.into()).expect("global")
}

fn prototype(interface: &str) -> JsValue {
    Reflect::get(&global(interface), &"prototype".into()).expect("prototype")
}

/// What Chromium throws when localStorage is full.
fn quota_setter() -> Function {
    thrower(
        "Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.",
        "QuotaExceededError",
    )
}

/// `Storage.prototype.setItem` refusing every write for quota.
fn full_local_storage() -> Patch {
    Patch::method(&prototype("Storage"), "setItem", &quota_setter())
}

/// `Storage.prototype.setItem` refusing, for quota, the keys that `pattern` (a JavaScript
/// regular expression) matches; other keys are written.
fn full_local_storage_for(pattern: &str) -> Patch {
    let proto = prototype("Storage");
    let original = Reflect::get(&proto, &"setItem".into()).expect("setItem");
    let replacement = js_fn(
        &format!(
            "function (key, value) {{
                if (/{pattern}/.test(String(key))) {{
                    throw new DOMException('Setting the value of ' + key + ' exceeded the quota.',
                        'QuotaExceededError');
                }}
                return original.call(this, key, value);
            }}"
        ),
        &original,
    );
    Patch::method(&proto, "setItem", &replacement)
}

/// The `window.localStorage` getter throwing as Chromium does when site data is blocked
/// (and in a sandboxed frame).
fn local_storage_denied() -> Patch {
    Patch::getter(
        &global("window"),
        "localStorage",
        &thrower(
            "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.",
            "SecurityError",
        ),
    )
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .expect("window")
        .local_storage()
        .expect("localStorage access")
        .expect("localStorage present")
}

fn get(key: &str) -> Option<String> {
    local_storage().get_item(key).expect("getItem")
}

fn set(key: &str, text: &str) {
    local_storage().set_item(key, text).expect("setItem");
}

/// Every test starts here: no replaced API left over, an empty localStorage.
fn fresh_start() {
    put_back_leftovers();
    local_storage().clear().expect("clear localStorage");
}

fn plan(id: &str, unit: &str) -> Plan {
    let mut n = 0;
    let mut p = example_plan(&mut |prefix| {
        n += 1;
        format!("{prefix}-{n}")
    });
    p.id = PlanId(id.into());
    p.unit.name = unit.into();
    p
}

fn text(p: &Plan) -> String {
    stored_plan_text(p, &ExportMeta::default())
}

/// A stored plan text cut off half-way, with text a byte-for-byte check can trip on:
/// Vietnamese, an emoji, a NUL, a tab, a lone backslash and a BOM.
fn damaged_text(p: &Plan) -> String {
    let whole = text(p);
    let mut cut = whole.len() / 2;
    while !whole.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}\"Xã Long Thọ 🌾\u{0}\t\\\u{feff}", &whole[..cut])
}

/// A plan text written by a newer format version than this app reads.
fn newer_version_text(p: &Plan) -> String {
    let current = text(p);
    let newer = current.replacen("\"formatVersion\":2", "\"formatVersion\":3", 1);
    assert_ne!(newer, current, "the stored text names its format version");
    newer
}

fn log_with(file_name: &str) -> ImportLog {
    let mut log = ImportLog::default();
    log.append(vec![LogEntry {
        at: "2026-11-23T10:15:00+07:00".to_string(),
        file_name: file_name.to_string(),
        plan: None,
        action: LogAction::Refused {
            code: "damaged".to_string(),
        },
    }]);
    log
}

fn records_with(plan: &str, revision: u32) -> ExportRecords {
    ExportRecords {
        remind_after_days: 10,
        plans: vec![LastExport {
            plan: PlanId(plan.into()),
            on: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
            revision,
        }],
    }
}

fn consolidation(year: i32, revision: u32) -> StoredConsolidation {
    let mut c = StoredConsolidation::new(year, PlanId(format!("consolidation-{year}")));
    c.revision = revision;
    c.superior.name = "UBND tỉnh Đồng Nai".into();
    c
}

/// A plan store on its own database (tests share one origin), with no plans in localStorage.
async fn indexed_store(database: &str) -> PlanStore {
    let store = PlanStore::open_named(database).await;
    assert!(store.is_indexed(), "IndexedDB should open in Chromium");
    store
}

fn database(store: &PlanStore) -> &idb::Database {
    match store {
        PlanStore::Indexed(db) => db,
        PlanStore::Local => panic!("not IndexedDB"),
    }
}

/// Every record of the plans store as it is: (key, value), by key.
async fn records(store: &PlanStore) -> Vec<(JsValue, JsValue)> {
    let tx = database(store)
        .transaction(&[PLANS_STORE], TransactionMode::ReadOnly)
        .expect("transaction");
    let os = tx.object_store(PLANS_STORE).expect("store");
    let keys = os
        .get_all_keys(None, None)
        .expect("getAllKeys")
        .await
        .expect("keys");
    let values = os
        .get_all(None, None)
        .expect("getAll")
        .await
        .expect("values");
    keys.into_iter().zip(values).collect()
}

/// The records as (key, text), failing on a record that is not a string.
async fn texts(store: &PlanStore) -> Vec<(String, String)> {
    records(store)
        .await
        .into_iter()
        .map(|(k, v)| {
            (
                k.as_string().expect("string key"),
                v.as_string().expect("string record"),
            )
        })
        .collect()
}

/// Writes one record as it is, bypassing the plan store.
async fn put_raw(store: &PlanStore, key: &JsValue, value: &JsValue) {
    let tx = database(store)
        .transaction(&[PLANS_STORE], TransactionMode::ReadWrite)
        .expect("transaction");
    let os = tx.object_store(PLANS_STORE).expect("store");
    os.put(value, Some(key)).expect("put");
    let done = tx.commit().expect("commit").await.expect("transaction");
    assert!(done.is_committed());
}

fn pairs(entries: &[(&Plan, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = entries
        .iter()
        .map(|(p, t)| (p.id.0.clone(), t.to_string()))
        .collect();
    v.sort();
    v
}

/// Stored texts by key, as `(key, text)`; `None` for a key with nothing stored.
type Stored = Vec<(String, Option<String>)>;

fn stored(records: Vec<(String, String)>) -> Stored {
    records.into_iter().map(|(k, t)| (k, Some(t))).collect()
}

/// Asserts that two sets of stored texts are the same, byte for byte; on a difference it
/// names each key with the length and a checksum of both sides instead of printing plans.
fn assert_same(actual: &Stored, expected: &Stored, what: &str) {
    fn brief(texts: &Stored) -> Vec<String> {
        texts
            .iter()
            .map(|(k, t)| match t {
                None => format!("{k}: nothing"),
                Some(t) => {
                    let sum = t.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
                    });
                    format!("{k}: {} bytes, fnv {sum:016x}", t.len())
                }
            })
            .collect()
    }
    assert!(
        actual == expected,
        "{what}\n   found {:#?}\nexpected {:#?}",
        brief(actual),
        brief(expected)
    );
}

// ---------------------------------------------------------------------------------------------
// classify: every browser's spelling of "storage full"
// ---------------------------------------------------------------------------------------------

/// Evaluates a JavaScript expression (the value a browser would throw).
fn js(expression: &str) -> JsValue {
    Function::new_no_args(&format!("return {expression};"))
        .call0(&JsValue::NULL)
        .expect("evaluate")
}

#[wasm_bindgen_test]
fn classify_reads_a_quota_exceeded_dom_exception() {
    // Chromium, Firefox and Safari today.
    let e = js(
        "new DOMException('Setting the value of \"k\" exceeded the quota.', 'QuotaExceededError')",
    );
    assert_eq!(classify(&e), StorageFailure::QuotaExceeded);
    // Its legacy code is 22 even when the message says nothing of quotas.
    let e = js("new DOMException('The storage is full.', 'QuotaExceededError')");
    assert_eq!(
        Reflect::get(&e, &"code".into()).unwrap().as_f64(),
        Some(22.0)
    );
    assert_eq!(classify(&e), StorageFailure::QuotaExceeded);
}

#[wasm_bindgen_test]
fn classify_reads_firefox_ns_error_dom_quota_reached() {
    // By its name alone (a DOMException of an unknown name has code 0).
    let e = js(
        "new DOMException('Persistent storage maximum size reached', 'NS_ERROR_DOM_QUOTA_REACHED')",
    );
    assert_eq!(
        Reflect::get(&e, &"code".into()).unwrap().as_f64(),
        Some(0.0)
    );
    assert_eq!(classify(&e), StorageFailure::QuotaExceeded);
    // Older Firefox threw an XPCOM exception, which is not an `Error`.
    let e = js("({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'Persistent storage maximum size reached', result: 0x8053000c })");
    assert!(!e.is_instance_of::<js_sys::Error>());
    assert_eq!(classify(&e), StorageFailure::QuotaExceeded);
}

#[wasm_bindgen_test]
fn classify_reads_legacy_code_22_and_1014() {
    // Old WebKit: QUOTA_EXCEEDED_ERR, code 22 (Safari's private mode threw it on every write).
    let e = js(
        "Object.assign(new Error('DOM Exception 22'), { name: 'QUOTA_EXCEEDED_ERR', code: 22 })",
    );
    assert_eq!(classify(&e), StorageFailure::QuotaExceeded);
    let e = js("({ name: 'QUOTA_EXCEEDED_ERR', message: 'DOM Exception 22', code: 22 })");
    assert_eq!(classify(&e), StorageFailure::QuotaExceeded);
    // Old Firefox: code 1014, whatever the name.
    let e = js("({ name: 'NS_ERROR_DOM_QUOTA_REACHED_OLD', message: 'Persistent storage maximum size reached', code: 1014 })");
    assert_eq!(classify(&e), StorageFailure::QuotaExceeded);
    let e =
        js("Object.assign(new Error('Persistent storage maximum size reached'), { code: 1014 })");
    assert_eq!(classify(&e), StorageFailure::QuotaExceeded);
}

#[wasm_bindgen_test]
fn classify_reads_a_message_that_says_quota() {
    let e = js("new Error('The QUOTA for this origin has been exceeded')");
    assert_eq!(classify(&e), StorageFailure::QuotaExceeded);
    let e = js("new DOMException('Quota exceeded', 'UnknownError')");
    assert_eq!(classify(&e), StorageFailure::QuotaExceeded);
    // A thrown string.
    assert_eq!(
        classify(&JsValue::from_str("storage quota exceeded")),
        StorageFailure::QuotaExceeded
    );
}

#[wasm_bindgen_test]
fn classify_gives_other_errors_with_their_name_and_message() {
    let e = js("new DOMException('The operation is insecure.', 'SecurityError')");
    assert_eq!(
        classify(&e),
        StorageFailure::Other("SecurityError: The operation is insecure.".into())
    );
    let e = js("new TypeError('Cannot read properties of null')");
    assert_eq!(
        classify(&e),
        StorageFailure::Other("TypeError: Cannot read properties of null".into())
    );
    // An exception that is not an `Error` (older engines, another realm) keeps its words too.
    let e = js("({ name: 'NS_ERROR_FILE_CORRUPTED', message: 'Component returned failure code' })");
    assert_eq!(
        classify(&e),
        StorageFailure::Other("NS_ERROR_FILE_CORRUPTED: Component returned failure code".into())
    );
    assert_eq!(
        classify(&JsValue::from_str("disk I/O error")),
        StorageFailure::Other(": disk I/O error".into())
    );
    assert_eq!(classify(&JsValue::NULL), StorageFailure::Other(": ".into()));
}

// ---------------------------------------------------------------------------------------------
// localStorage writes refused for quota: the failure is reported, what was stored stays
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn a_plan_refused_for_quota_is_reported_and_the_stored_one_stays() {
    fresh_start();
    let p = plan("p-quota", "Xã Tân Hiệp");
    save_plan(&p).expect("save");
    let before = get(&plan_key(&p.id));
    let mut changed = p.clone();
    changed.unit.name = "Xã Tân Hiệp mới".into();

    let patch = full_local_storage();
    let result = save_plan(&changed);
    drop(patch);

    assert_eq!(result, Err(StorageFailure::QuotaExceeded));
    assert_eq!(get(&plan_key(&p.id)), before);
    assert_eq!(load_plans().expect("load").plans, vec![p]);
}

#[wasm_bindgen_test]
fn an_import_log_refused_for_quota_is_reported_and_the_stored_one_stays() {
    fresh_start();
    save_import_log(&log_with("a.json")).expect("save");
    let before = get(IMPORT_LOG_KEY);

    let patch = full_local_storage();
    let result = save_import_log(&log_with("b.json"));
    drop(patch);

    assert_eq!(result, Err(StorageFailure::QuotaExceeded));
    assert_eq!(get(IMPORT_LOG_KEY), before);
    assert_eq!(load_import_log(), Ok(log_with("a.json")));
}

#[wasm_bindgen_test]
fn export_records_refused_for_quota_are_reported_and_the_stored_ones_stay() {
    fresh_start();
    save_export_records(&records_with("p-1", 1)).expect("save");
    let before = get(EXPORTS_KEY);

    let patch = full_local_storage();
    let result = save_export_records(&records_with("p-1", 2));
    drop(patch);

    assert_eq!(result, Err(StorageFailure::QuotaExceeded));
    assert_eq!(get(EXPORTS_KEY), before);
    assert_eq!(read_export_records(), Ok(records_with("p-1", 1)));
}

#[wasm_bindgen_test]
fn a_consolidation_refused_for_quota_is_reported_and_the_stored_one_stays() {
    fresh_start();
    save_consolidation(&consolidation(2026, 1)).expect("save");
    let before = get(&consolidation_key(2026));

    let patch = full_local_storage();
    let result = save_consolidation(&consolidation(2026, 2));
    drop(patch);

    assert_eq!(result, Err(StorageFailure::QuotaExceeded));
    assert_eq!(get(&consolidation_key(2026)), before);
    assert_eq!(load_consolidation(2026), Ok(Some(consolidation(2026, 1))));
}

#[wasm_bindgen_test]
fn a_language_refused_for_quota_is_reported_and_the_stored_one_stays() {
    fresh_start();
    save_locale(Locale::Vi).expect("save");

    let patch = full_local_storage();
    let result = save_locale(Locale::En);
    drop(patch);

    assert_eq!(result, Err(StorageFailure::QuotaExceeded));
    assert_eq!(get(LOCALE_KEY).as_deref(), Some("vi"));
    assert_eq!(load_locale(), Some(Locale::Vi));
}

/// Fills localStorage to the brim with junk keys, big chunks first, then ever smaller ones,
/// until not even one character fits. Returns how many junk keys were written.
fn fill_local_storage() -> usize {
    let storage = local_storage();
    let mut written = 0usize;
    let mut size = 1_000_000usize;
    loop {
        let chunk = "x".repeat(size);
        // About 5 million characters fit, so at most a handful of writes per size.
        for _ in 0..64 {
            if storage
                .set_item(&format!("junk.{written}"), &chunk)
                .is_err()
            {
                break;
            }
            written += 1;
        }
        if size == 1 {
            return written;
        }
        size /= 10;
    }
}

fn remove_junk(junk: usize) {
    for i in 0..junk {
        local_storage()
            .remove_item(&format!("junk.{i}"))
            .expect("remove junk");
    }
}

#[wasm_bindgen_test]
fn a_really_full_local_storage_refuses_every_writer_and_keeps_what_was_stored() {
    fresh_start();
    let p = plan("p-full", "Phường Bến Nghé");
    save_plan(&p).expect("save plan");
    save_import_log(&log_with("a.json")).expect("save log");
    save_export_records(&records_with("p-full", 1)).expect("save records");
    save_consolidation(&consolidation(2026, 1)).expect("save consolidation");
    let keys = [
        plan_key(&p.id),
        IMPORT_LOG_KEY.to_string(),
        EXPORTS_KEY.to_string(),
        consolidation_key(2026),
    ];
    let before: Stored = keys.iter().map(|k| (k.clone(), get(k))).collect();

    let junk = fill_local_storage();
    // Each writer now writes something longer than what it replaces.
    let mut bigger = p.clone();
    bigger.unit.name = "Phường Bến Nghé ".repeat(200);
    let mut long_log = log_with("a.json");
    long_log.append(vec![LogEntry {
        at: "2026-11-24T08:00:00+07:00".into(),
        file_name: "b".repeat(2000),
        plan: None,
        action: LogAction::Refused {
            code: "damaged".into(),
        },
    }]);
    let mut more_records = records_with("p-full", 1);
    for i in 0..50 {
        more_records.plans.push(LastExport {
            plan: PlanId(format!("p-{i}")),
            on: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"),
            revision: 2,
        });
    }
    let mut bigger_consolidation = consolidation(2026, 2);
    bigger_consolidation.superior.name = "UBND tỉnh Đồng Nai ".repeat(200);
    let results = [
        save_plan(&bigger),
        save_import_log(&long_log),
        save_export_records(&more_records),
        save_consolidation(&bigger_consolidation),
    ];
    let after: Stored = keys.iter().map(|k| (k.clone(), get(k))).collect();
    // Free the space before asserting, so that a failure leaves a usable origin behind.
    remove_junk(junk);

    assert!(junk > 0, "no junk could be written at all");
    for (key, result) in keys.iter().zip(&results) {
        assert_eq!(result, &Err(StorageFailure::QuotaExceeded), "{key}");
    }
    assert_same(&after, &before, "what was stored stays");
}

// ---------------------------------------------------------------------------------------------
// localStorage not available
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn local_storage_denied_is_a_failure_not_an_empty_workbook() {
    fresh_start();
    let p = plan("p-kept", "Xã Long Thọ");
    save_plan(&p).expect("save");
    save_locale(Locale::En).expect("save locale");

    let patch = local_storage_denied();
    let loaded = load_plans();
    // The fallback plan store reads through the same adapter.
    let store_loaded = PlanStore::Local.load().await;
    let writes = [
        save_plan(&p),
        save_import_log(&log_with("a.json")),
        save_export_records(&records_with("p-kept", 1)),
        save_consolidation(&consolidation(2026, 1)),
        save_locale(Locale::Vi),
        PlanStore::Local
            .save(&[(p.id.clone(), text(&p))], &[])
            .await,
    ];
    let locale = load_locale();
    drop(patch);

    assert_eq!(loaded, Err(StorageFailure::Unavailable));
    assert_eq!(store_loaded, Err(StorageFailure::Unavailable));
    for result in writes {
        assert_eq!(result, Err(StorageFailure::Unavailable));
    }
    // No language can be read: the browser's is used, nothing is written.
    assert_eq!(locale, None);
    // What was stored is still there once storage is back.
    assert_eq!(load_plans().expect("load").plans, vec![p]);
    assert_eq!(load_locale(), Some(Locale::En));
}

#[wasm_bindgen_test]
fn local_storage_missing_is_unavailable() {
    fresh_start();
    // `window.localStorage` is null in some embedded browsers.
    let patch = Patch::getter(
        &global("window"),
        "localStorage",
        &Function::new_no_args("return null;"),
    );
    let loaded = load_plans();
    let written = save_plan(&plan("p-1", "Xã Long Thọ"));
    drop(patch);
    assert_eq!(loaded, Err(StorageFailure::Unavailable));
    assert_eq!(written, Err(StorageFailure::Unavailable));
}

#[wasm_bindgen_test]
fn local_storage_that_cannot_be_read_is_a_failure_not_an_empty_workbook() {
    fresh_start();
    let p = plan("p-kept", "Xã Long Thọ");
    save_plan(&p).expect("save");
    let patch = Patch::method(
        &prototype("Storage"),
        "getItem",
        &thrower(
            "Component returned failure code: 0x80520015 (NS_ERROR_FILE_CORRUPTED)",
            "NS_ERROR_FILE_CORRUPTED",
        ),
    );
    let loaded = load_plans();
    drop(patch);
    assert_eq!(
        loaded,
        Err(StorageFailure::Other(
            "NS_ERROR_FILE_CORRUPTED: Component returned failure code: 0x80520015 (NS_ERROR_FILE_CORRUPTED)"
                .into()
        ))
    );
    assert_eq!(load_plans().expect("load").plans, vec![p]);
}

// ---------------------------------------------------------------------------------------------
// IndexedDB not available: the plans go to localStorage
// ---------------------------------------------------------------------------------------------

/// The fallback store keeps and reads plans in localStorage.
async fn assert_local_fallback_works(store: &PlanStore) {
    assert!(
        !store.is_indexed(),
        "IndexedDB failed: the store says localStorage"
    );
    let p = plan("p-local", "Xã Đại Phước");
    store
        .save(&[(p.id.clone(), text(&p))], &[])
        .await
        .expect("save to localStorage");
    assert_eq!(get(&plan_key(&p.id)), Some(text(&p)));
    assert_eq!(store.load().await.expect("load").plans, vec![p]);
}

#[wasm_bindgen_test]
async fn indexeddb_denied_falls_back_to_local_storage() {
    fresh_start();
    let patch = Patch::getter(
        &global("window"),
        "indexedDB",
        &thrower(
            "Failed to read the 'indexedDB' property from 'Window': access to the Indexed Database API is denied in this context.",
            "SecurityError",
        ),
    );
    let store = PlanStore::open_named("errors-denied").await;
    drop(patch);
    assert_local_fallback_works(&store).await;
}

#[wasm_bindgen_test]
async fn indexeddb_open_throwing_falls_back_to_local_storage() {
    fresh_start();
    let patch = Patch::method(
        &prototype("IDBFactory"),
        "open",
        &thrower(
            "Failed to execute 'open' on 'IDBFactory': access to the Indexed Database API is denied in this context.",
            "SecurityError",
        ),
    );
    let store = PlanStore::open_named("errors-open-throws").await;
    drop(patch);
    assert_local_fallback_works(&store).await;
}

#[wasm_bindgen_test]
async fn indexeddb_open_request_failing_falls_back_to_local_storage() {
    fresh_start();
    // The database exists in a newer version than the app's: the open request fails with
    // VersionError (a real failure, nothing replaced).
    let name = "errors-newer-database";
    let newer = Factory::new()
        .expect("factory")
        .open(name, Some(7))
        .expect("open")
        .await
        .expect("create version 7");
    newer.close();
    let store = PlanStore::open_named(name).await;
    assert_local_fallback_works(&store).await;
}

#[wasm_bindgen_test]
async fn no_indexeddb_and_no_local_storage_is_a_failure_not_an_empty_workbook() {
    fresh_start();
    save_plan(&plan("p-kept", "Xã Long Thọ")).expect("save");
    let no_idb = Patch::getter(
        &global("window"),
        "indexedDB",
        &thrower("access denied", "SecurityError"),
    );
    let no_local = local_storage_denied();
    let store = PlanStore::open_named("errors-nothing").await;
    let loaded = store.load().await;
    drop(no_local);
    drop(no_idb);
    assert!(!store.is_indexed());
    assert_eq!(loaded, Err(StorageFailure::Unavailable));
}

// ---------------------------------------------------------------------------------------------
// IndexedDB writes that fail: all or nothing
// ---------------------------------------------------------------------------------------------

/// A store holding `kept` (to be changed) and `doomed` (to be deleted), and the same save
/// each write-failure test tries: `kept` changed, `fresh` added, `doomed` deleted.
struct FailingSave {
    store: PlanStore,
    before: Vec<(String, String)>,
    writes: Vec<(PlanId, String)>,
    deletes: Vec<PlanId>,
}

async fn transaction_to_fail(database: &str) -> FailingSave {
    fresh_start();
    let store = indexed_store(database).await;
    let kept = plan("p-kept", "Xã Long Thọ");
    let doomed = plan("p-doomed", "Xã Tân Hiệp");
    store
        .save(
            &[
                (kept.id.clone(), text(&kept)),
                (doomed.id.clone(), text(&doomed)),
            ],
            &[],
        )
        .await
        .expect("save");
    let before = texts(&store).await;
    assert_same(
        &stored(before.clone()),
        &stored(pairs(&[
            (&doomed, text(&doomed).as_str()),
            (&kept, text(&kept).as_str()),
        ])),
        "the records before",
    );
    let mut changed = kept.clone();
    changed.revision += 1;
    let fresh = plan("p-fresh", "Phường Bến Nghé");
    FailingSave {
        store,
        before,
        writes: vec![
            (changed.id.clone(), text(&changed)),
            (fresh.id.clone(), text(&fresh)),
        ],
        deletes: vec![doomed.id],
    }
}

impl FailingSave {
    async fn save(&self) -> Result<(), StorageFailure> {
        self.store.save(&self.writes, &self.deletes).await
    }

    /// Nothing of the failed save was written: the records are as they were, and the same
    /// save works once the browser does.
    async fn assert_nothing_written(&self) {
        assert_same(
            &stored(texts(&self.store).await),
            &stored(self.before.clone()),
            "nothing of the failed save is written",
        );
        self.save()
            .await
            .expect("the same save, the browser working again");
        let mut expected: Vec<(String, String)> = self
            .writes
            .iter()
            .map(|(id, t)| (id.0.clone(), t.clone()))
            .collect();
        expected.sort();
        assert_same(
            &stored(texts(&self.store).await),
            &stored(expected),
            "the save made again",
        );
        // And nothing went to localStorage.
        assert_eq!(local_storage().length().expect("length"), 0);
    }
}

#[wasm_bindgen_test]
async fn indexeddb_put_refused_for_quota_writes_nothing_of_the_transaction() {
    let t = transaction_to_fail("errors-put-quota").await;
    // The second put of the transaction throws, after the first was accepted.
    let proto = prototype("IDBObjectStore");
    let original = Reflect::get(&proto, &"put".into()).expect("put");
    let put = js_fn(
        "(function () {
            let calls = 0;
            return function (value, key) {
                calls += 1;
                if (calls === 2) {
                    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
                }
                return original.call(this, value, key);
            };
        })()",
        &original,
    );
    let patch = Patch::method(&proto, "put", &put);
    let result = t.save().await;
    drop(patch);
    assert_eq!(result, Err(StorageFailure::QuotaExceeded));
    t.assert_nothing_written().await;
}

#[wasm_bindgen_test]
async fn indexeddb_transaction_aborted_for_quota_is_quota_and_writes_nothing() {
    let t = transaction_to_fail("errors-abort-quota").await;
    // Chromium checks the quota as the transaction commits, and aborts it with a
    // QuotaExceededError: here `commit` aborts the real transaction, whose `error` says so.
    let commit = js_fn(
        "function () {
            Object.defineProperty(this, 'error', {
                value: new DOMException('The transaction was aborted: quota exceeded.', 'QuotaExceededError'),
                configurable: true,
            });
            this.abort();
        }",
        &JsValue::UNDEFINED,
    );
    let patch = Patch::method(&prototype("IDBTransaction"), "commit", &commit);
    let result = t.save().await;
    drop(patch);
    assert_eq!(result, Err(StorageFailure::QuotaExceeded));
    t.assert_nothing_written().await;
}

#[wasm_bindgen_test]
async fn indexeddb_transaction_aborted_by_a_failed_request_writes_nothing() {
    let t = transaction_to_fail("errors-abort-request").await;
    // `put` made an `add`: the record of p-kept exists, so its request fails with a real
    // ConstraintError and the browser aborts the transaction (as Firefox does for quota).
    let put = js_fn(
        "function (value, key) { return this.add(value, key); }",
        &JsValue::UNDEFINED,
    );
    let patch = Patch::method(&prototype("IDBObjectStore"), "put", &put);
    let result = t.save().await;
    drop(patch);
    match &result {
        Err(StorageFailure::Other(message)) => {
            assert!(message.contains("ConstraintError"), "{message}")
        }
        other => panic!("expected the ConstraintError, got {other:?}"),
    }
    t.assert_nothing_written().await;
}

#[wasm_bindgen_test]
async fn indexeddb_request_failing_for_quota_is_quota_and_writes_nothing() {
    let t = transaction_to_fail("errors-request-quota").await;
    // Firefox fails the request itself with QuotaExceededError, which aborts the transaction
    // with that error: here the request is really failed (a ConstraintError), and the error the
    // transaction reports is the quota one.
    let proto = prototype("IDBTransaction");
    let original =
        Reflect::get_own_property_descriptor(proto.unchecked_ref::<Object>(), &"error".into())
            .expect("descriptor");
    let original_get = Reflect::get(&original, &"get".into()).expect("error getter");
    let error = js_fn(
        "function () {
            const e = original.call(this);
            return e && e.name === 'ConstraintError'
                ? new DOMException('Quota exceeded.', 'QuotaExceededError')
                : e;
        }",
        &original_get,
    );
    let put = js_fn(
        "function (value, key) { return this.add(value, key); }",
        &JsValue::UNDEFINED,
    );
    let error_patch = Patch::getter(&proto, "error", &error);
    let put_patch = Patch::method(&prototype("IDBObjectStore"), "put", &put);
    let result = t.save().await;
    drop(put_patch);
    drop(error_patch);
    assert_eq!(result, Err(StorageFailure::QuotaExceeded));
    t.assert_nothing_written().await;
}

#[wasm_bindgen_test]
async fn indexeddb_delete_failing_writes_nothing_of_the_transaction() {
    let t = transaction_to_fail("errors-delete").await;
    let patch = Patch::method(
        &prototype("IDBObjectStore"),
        "delete",
        &thrower(
            "Failed to execute 'delete' on 'IDBObjectStore': The transaction is not active.",
            "TransactionInactiveError",
        ),
    );
    let result = t.save().await;
    drop(patch);
    match &result {
        Err(StorageFailure::Other(message)) => {
            assert!(message.contains("TransactionInactiveError"), "{message}")
        }
        other => panic!("expected the delete's error, got {other:?}"),
    }
    t.assert_nothing_written().await;
}

// ---------------------------------------------------------------------------------------------
// Entries that cannot be read: reported, kept byte for byte, never deleted
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn unreadable_plans_in_indexeddb_are_reported_and_kept_byte_for_byte() {
    fresh_start();
    let store = indexed_store("errors-unreadable").await;
    let good = plan("p-good", "Xã Long Thọ");
    let damaged = plan("p-damaged", "Xã Tân Hiệp");
    let newer = plan("p-newer", "Phường Bến Nghé");
    let (damaged_text, newer_text) = (damaged_text(&damaged), newer_version_text(&newer));
    store
        .save(
            &[
                (good.id.clone(), text(&good)),
                (damaged.id.clone(), damaged_text.clone()),
                (newer.id.clone(), newer_text.clone()),
            ],
            &[],
        )
        .await
        .expect("save");

    let loaded = store.load().await.expect("load");
    assert_eq!(loaded.plans, vec![good.clone()]);
    assert_eq!(loaded.unreadable.len(), 2, "{:?}", loaded.unreadable);
    let damaged_entry = &loaded.unreadable[0];
    assert_eq!(damaged_entry.key, plan_key(&damaged.id));
    assert!(!damaged_entry.reason.is_empty());
    assert_eq!(damaged_entry.raw, damaged_text);
    let newer_entry = &loaded.unreadable[1];
    assert_eq!(newer_entry.key, plan_key(&newer.id));
    assert!(
        newer_entry.reason.contains("format version 3")
            && newer_entry.reason.contains("up to version 2"),
        "the reason names the versions: {}",
        newer_entry.reason
    );
    assert_eq!(newer_entry.raw, newer_text);

    // Saving the plans read (as the app does) leaves the unreadable records as they were.
    let mut changed = good.clone();
    changed.revision += 1;
    store
        .save(&[(changed.id.clone(), text(&changed))], &[])
        .await
        .expect("save again");
    assert_same(
        &stored(texts(&store).await),
        &stored(pairs(&[
            (&damaged, damaged_text.as_str()),
            (&good, text(&changed).as_str()),
            (&newer, newer_text.as_str()),
        ])),
        "the unreadable records are as they were",
    );
    assert_eq!(store.load().await.expect("load again").unreadable.len(), 2);
}

#[wasm_bindgen_test]
async fn unreadable_plans_in_local_storage_are_reported_and_kept_byte_for_byte() {
    fresh_start();
    let good = plan("p-good", "Xã Long Thọ");
    let damaged = plan("p-damaged", "Xã Tân Hiệp");
    let newer = plan("p-newer", "Phường Bến Nghé");
    let (damaged_text, newer_text) = (damaged_text(&damaged), newer_version_text(&newer));
    set(&plan_key(&good.id), &text(&good));
    set(&plan_key(&damaged.id), &damaged_text);
    set(&plan_key(&newer.id), &newer_text);

    let store = PlanStore::Local;
    let loaded = store.load().await.expect("load");
    assert_eq!(loaded.plans, vec![good.clone()]);
    let reported: Vec<(String, String)> = loaded
        .unreadable
        .iter()
        .map(|u| (u.key.clone(), u.raw.clone()))
        .collect();
    assert_eq!(
        reported,
        vec![
            (plan_key(&damaged.id), damaged_text.clone()),
            (plan_key(&newer.id), newer_text.clone()),
        ]
    );
    assert!(loaded.unreadable.iter().all(|u| !u.reason.is_empty()));
    store
        .save(&[(good.id.clone(), text(&good))], &[])
        .await
        .expect("save");
    assert_eq!(get(&plan_key(&damaged.id)), Some(damaged_text));
    assert_eq!(get(&plan_key(&newer.id)), Some(newer_text));
}

#[wasm_bindgen_test]
async fn an_indexeddb_record_that_is_not_text_is_reported_and_kept() {
    fresh_start();
    let store = indexed_store("errors-not-text").await;
    let good = plan("p-good", "Xã Long Thọ");
    store
        .save(&[(good.id.clone(), text(&good))], &[])
        .await
        .expect("save");
    // Records another program (or a future version) wrote as structured values.
    put_raw(&store, &"p-number".into(), &JsValue::from_f64(42.0)).await;
    let object = js("({ format: 'cchc-workbook/plan', formatVersion: 9, note: 'Xã Tân Hiệp 🌾' })");
    put_raw(&store, &"p-object".into(), &object).await;

    let loaded = store.load().await.expect("load");
    assert_eq!(loaded.plans, vec![good]);
    let reported: Vec<(String, String)> = loaded
        .unreadable
        .iter()
        .map(|u| (u.key.clone(), u.raw.clone()))
        .collect();
    assert_eq!(
        reported,
        vec![
            (plan_key(&PlanId("p-number".into())), "42".to_string()),
            (
                plan_key(&PlanId("p-object".into())),
                r#"{"format":"cchc-workbook/plan","formatVersion":9,"note":"Xã Tân Hiệp 🌾"}"#
                    .to_string()
            ),
        ]
    );
    assert!(loaded.unreadable.iter().all(|u| !u.reason.is_empty()));
    // Never removed.
    let kept = records(&store).await;
    assert_eq!(kept.len(), 3);
    assert_eq!(kept[1].1.as_f64(), Some(42.0));
    assert!(kept[2].1.is_object());
}

#[wasm_bindgen_test]
fn an_unreadable_import_log_is_set_aside_reported_and_never_written_over() {
    fresh_start();
    // An earlier unreadable log, set aside before.
    let earlier = "{\"format\": 5";
    set(&format!("{IMPORT_LOG_KEY}.unreadable"), earlier);
    let garbage = "nhật ký hỏng 🌾\u{0}{[";
    set(IMPORT_LOG_KEY, garbage);

    let reason = load_import_log().expect_err("unreadable");
    let aside = format!("{IMPORT_LOG_KEY}.unreadable.2");
    assert!(reason.contains(&aside), "{reason}");
    assert!(reason.contains("JSON"), "{reason}");
    assert_eq!(get(&aside).as_deref(), Some(garbage));
    assert_eq!(get(IMPORT_LOG_KEY).as_deref(), Some(garbage), "not deleted");
    // Loading again sets nothing more aside.
    assert!(load_import_log()
        .expect_err("still unreadable")
        .contains(&aside));
    assert_eq!(get(&format!("{IMPORT_LOG_KEY}.unreadable.3")), None);

    // A new log is started over it; both copies stay.
    save_import_log(&log_with("a.json")).expect("save");
    assert_eq!(load_import_log(), Ok(log_with("a.json")));
    assert_eq!(
        get(&format!("{IMPORT_LOG_KEY}.unreadable")).as_deref(),
        Some(earlier)
    );
    assert_eq!(get(&aside).as_deref(), Some(garbage));
}

#[wasm_bindgen_test]
fn an_unreadable_import_log_that_cannot_be_set_aside_is_not_written_over() {
    fresh_start();
    let garbage = "{ not a log";
    set(IMPORT_LOG_KEY, garbage);
    // Storage is full: the copy cannot be made, while a shorter value could still be written
    // over the unreadable log.
    let patch = full_local_storage_for("unreadable");
    let reason = load_import_log().expect_err("unreadable");
    let saved = save_import_log(&ImportLog::default());
    drop(patch);

    assert!(reason.contains("could not be set aside"), "{reason}");
    assert!(reason.contains(IMPORT_LOG_KEY), "{reason}");
    assert_eq!(saved, Err(StorageFailure::QuotaExceeded));
    assert_eq!(get(IMPORT_LOG_KEY).as_deref(), Some(garbage));
    // Once there is room, the log is set aside as the new one is written.
    save_import_log(&log_with("a.json")).expect("save");
    assert_eq!(
        get(&format!("{IMPORT_LOG_KEY}.unreadable")).as_deref(),
        Some(garbage)
    );
    assert_eq!(load_import_log(), Ok(log_with("a.json")));
}

#[wasm_bindgen_test]
fn an_unreadable_consolidation_is_set_aside_reported_and_never_written_over() {
    fresh_start();
    let key = consolidation_key(2026);
    let earlier = "not JSON at all";
    set(&format!("{key}.unreadable"), earlier);
    // Written by a newer version of the app.
    let newer = r#"{"format":"cchc-workbook/consolidation","version":99,"year":2026}"#;
    set(&key, newer);

    let reason = load_consolidation(2026).expect_err("unreadable");
    let aside = format!("{key}.unreadable.2");
    assert!(reason.starts_with(&format!("{key}: ")), "{reason}");
    assert!(reason.contains("newer"), "{reason}");
    assert!(reason.contains(&aside), "{reason}");
    assert_eq!(get(&aside).as_deref(), Some(newer));
    assert_eq!(get(&key).as_deref(), Some(newer), "not deleted");

    save_consolidation(&consolidation(2026, 1)).expect("save");
    assert_eq!(load_consolidation(2026), Ok(Some(consolidation(2026, 1))));
    assert_eq!(get(&format!("{key}.unreadable")).as_deref(), Some(earlier));
    assert_eq!(get(&aside).as_deref(), Some(newer));

    // Full storage: a consolidation that cannot be read and cannot be set aside stays.
    let damaged = "{\"format\":\"cchc-workbook/consolidation\"";
    set(&key, damaged);
    let patch = full_local_storage_for("unreadable");
    let reason = load_consolidation(2026).expect_err("unreadable");
    let saved = save_consolidation(&consolidation(2026, 2));
    drop(patch);
    assert!(reason.contains("could not be set aside"), "{reason}");
    assert_eq!(saved, Err(StorageFailure::QuotaExceeded));
    assert_eq!(get(&key).as_deref(), Some(damaged));
}

#[wasm_bindgen_test]
fn unreadable_export_records_are_set_aside_reported_and_never_written_over() {
    fresh_start();
    let garbage = "{\"format\":\"cchc-workbook/exports\",\"version\":2,\"plans\":[]}";
    set(EXPORTS_KEY, garbage);

    let reason = read_export_records().expect_err("unreadable");
    let aside = format!("{EXPORTS_KEY}.unreadable");
    assert!(reason.starts_with(&format!("{EXPORTS_KEY}: ")), "{reason}");
    assert!(reason.contains(&aside), "{reason}");
    assert_eq!(get(&aside).as_deref(), Some(garbage));
    assert_eq!(get(EXPORTS_KEY).as_deref(), Some(garbage), "not deleted");

    // A second unreadable record does not replace the first copy.
    let second = "[1, 2,";
    set(EXPORTS_KEY, second);
    let reason = read_export_records().expect_err("unreadable");
    assert!(reason.contains(&format!("{aside}.2")), "{reason}");
    save_export_records(&records_with("p-1", 1)).expect("save");
    assert_eq!(read_export_records(), Ok(records_with("p-1", 1)));
    assert_eq!(get(&aside).as_deref(), Some(garbage));
    assert_eq!(get(&format!("{aside}.2")).as_deref(), Some(second));
}

// ---------------------------------------------------------------------------------------------
// Moving plans from localStorage to IndexedDB when something fails
// ---------------------------------------------------------------------------------------------

/// Plans an earlier version left in localStorage (one of them unreadable), and a store that
/// holds another plan. Returns the store and what localStorage holds.
async fn plans_left_behind(database: &str) -> (PlanStore, Stored) {
    fresh_start();
    let store = indexed_store(database).await;
    let held = plan("p-held", "Xã Long Thọ");
    store
        .save(&[(held.id.clone(), text(&held))], &[])
        .await
        .expect("save");
    let a = plan("p-a", "Phường Bến Nghé");
    let b = plan("p-b", "Xã Đại Phước");
    set(&plan_key(&a.id), &text(&a));
    set(&plan_key(&b.id), &text(&b));
    set(&plan_key(&PlanId("p-broken".into())), &damaged_text(&a));
    let left = ["p-a", "p-b", "p-broken"]
        .iter()
        .map(|id| {
            let key = plan_key(&PlanId((*id).into()));
            let text = get(&key);
            (key, text)
        })
        .collect();
    (store, left)
}

fn local_copies(left: &Stored) -> Stored {
    left.iter().map(|(k, _)| (k.clone(), get(k))).collect()
}

#[wasm_bindgen_test]
async fn plans_left_in_local_storage_stay_there_when_indexeddb_refuses_them_for_quota() {
    let (store, left) = plans_left_behind("errors-move-put").await;
    let before = texts(&store).await;
    let proto = prototype("IDBObjectStore");
    let original = Reflect::get(&proto, &"put".into()).expect("put");
    let put = js_fn(
        "(function () {
            let calls = 0;
            return function (value, key) {
                calls += 1;
                if (calls === 3) {
                    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
                }
                return original.call(this, value, key);
            };
        })()",
        &original,
    );
    let patch = Patch::method(&proto, "put", &put);
    let loaded = store.load().await;
    drop(patch);

    assert_eq!(loaded, Err(StorageFailure::QuotaExceeded));
    assert_same(&local_copies(&left), &left, "every localStorage copy stays");
    assert_same(
        &stored(texts(&store).await),
        &stored(before),
        "none was half moved",
    );
    // The move is done at the next start.
    let loaded = store.load().await.expect("load");
    assert_eq!(loaded.plans.len(), 3);
    assert_eq!(loaded.unreadable.len(), 1);
    assert!(local_copies(&left).iter().all(|(_, t)| t.is_none()));
}

#[wasm_bindgen_test]
async fn plans_left_in_local_storage_stay_there_when_the_move_is_aborted() {
    let (store, left) = plans_left_behind("errors-move-abort").await;
    let before = texts(&store).await;
    let commit = js_fn(
        "function () {
            Object.defineProperty(this, 'error', {
                value: new DOMException('The transaction was aborted: quota exceeded.', 'QuotaExceededError'),
                configurable: true,
            });
            this.abort();
        }",
        &JsValue::UNDEFINED,
    );
    let patch = Patch::method(&prototype("IDBTransaction"), "commit", &commit);
    let loaded = store.load().await;
    drop(patch);

    assert_eq!(loaded, Err(StorageFailure::QuotaExceeded));
    assert_same(&local_copies(&left), &left, "every localStorage copy stays");
    assert_same(
        &stored(texts(&store).await),
        &stored(before),
        "nothing moved",
    );
}

#[wasm_bindgen_test]
async fn plans_moved_but_not_removed_from_local_storage_are_not_lost_or_doubled() {
    let (store, left) = plans_left_behind("errors-move-remove").await;
    let patch = Patch::method(
        &prototype("Storage"),
        "removeItem",
        &thrower(
            "The operation failed for an unknown reason.",
            "UnknownError",
        ),
    );
    let loaded = store.load().await;
    drop(patch);

    // The failure is reported; the plans are in both places.
    assert_eq!(
        loaded,
        Err(StorageFailure::Other(
            "UnknownError: The operation failed for an unknown reason.".into()
        ))
    );
    assert_same(&local_copies(&left), &left, "the localStorage copies stay");
    assert_eq!(records(&store).await.len(), 4);
    // The next start finds them in IndexedDB and only removes the localStorage copies.
    let loaded = store.load().await.expect("load");
    assert_eq!(loaded.plans.len(), 3);
    assert_eq!(loaded.unreadable.len(), 1);
    assert!(local_copies(&left).iter().all(|(_, t)| t.is_none()));
}

// ---------------------------------------------------------------------------------------------
// The localStorage fallback store
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_local_storage_store_stops_at_the_first_write_refused() {
    fresh_start();
    let a = plan("p-a", "Phường Bến Nghé");
    let b = plan("p-b", "Xã Đại Phước");
    let c = plan("p-c", "Xã Long Thọ");
    let store = PlanStore::Local;
    store
        .save(&[(b.id.clone(), text(&b)), (c.id.clone(), text(&c))], &[])
        .await
        .expect("save");
    let mut changed_b = b.clone();
    changed_b.revision += 1;

    let patch = full_local_storage_for("p-b$");
    let result = store
        .save(
            &[
                (a.id.clone(), text(&a)),
                (changed_b.id.clone(), text(&changed_b)),
            ],
            std::slice::from_ref(&c.id),
        )
        .await;
    drop(patch);

    assert_eq!(result, Err(StorageFailure::QuotaExceeded));
    // The refused plan keeps its stored text and the delete after it is not made; the write
    // before it stays (localStorage has no transactions; the app writes it again anyway).
    assert_eq!(get(&plan_key(&b.id)), Some(text(&b)));
    assert_eq!(get(&plan_key(&c.id)), Some(text(&c)));
    assert_eq!(get(&plan_key(&a.id)), Some(text(&a)));
}
