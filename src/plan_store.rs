//! Where the plans are kept: IndexedDB (database `cchc-workbook`, object store `plans`, one
//! record per plan keyed by its id, holding the same JSON envelope as an exported file), with
//! localStorage as the fallback when IndexedDB cannot be opened.
//!
//! Why IndexedDB: localStorage holds about 5 million characters per site. A commune's plan is
//! about 16 thousand characters with one progress entry per target and 29 thousand with the
//! four of a year's reports, so the 168 plans of a province fill it (see docs/storage.md).
//! IndexedDB's quota is a share of the disk.
//!
//! Plans kept in localStorage by earlier versions are moved into IndexedDB at start: each is
//! written to IndexedDB first and removed from localStorage only once that write has
//! committed. An entry already in IndexedDB is never replaced by a localStorage copy; when the
//! two differ (edits went to localStorage in a session where IndexedDB could not be opened),
//! the localStorage copy is kept beside it under a new id. Entries that cannot be read are
//! moved as they are and reported, never dropped.

use std::rc::Rc;

use cchc_domain::plan::PlanId;
use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use wasm_bindgen::JsValue;
use web_sys::IdbTransaction;

use crate::storage::{self, LoadedPlans, StorageFailure};

/// The IndexedDB database of the workbook.
pub const DATABASE_NAME: &str = "cchc-workbook";
/// Its object store of plans.
pub const PLANS_STORE: &str = "plans";
const DATABASE_VERSION: u32 = 1;

/// The plans' storage: IndexedDB, or localStorage when IndexedDB is not available.
#[derive(Clone)]
pub enum PlanStore {
    Indexed(Rc<Database>),
    Local,
}

/// One plan to write: its id and its stored text.
pub type PlanWrite = (PlanId, String);

fn idb_failure(e: idb::Error) -> StorageFailure {
    let text = format!("{e:?}");
    if text.to_ascii_lowercase().contains("quota") {
        StorageFailure::QuotaExceeded
    } else {
        StorageFailure::Other(format!("IndexedDB: {e}"))
    }
}

impl PlanStore {
    /// Opens IndexedDB, creating the store on first use; localStorage when that fails.
    pub async fn open() -> PlanStore {
        PlanStore::open_named(DATABASE_NAME).await
    }

    /// [`PlanStore::open`] with another database than [`DATABASE_NAME`] (tests use their own).
    pub async fn open_named(database: &str) -> PlanStore {
        match open_database(database).await {
            Ok(db) => PlanStore::Indexed(Rc::new(db)),
            Err(_) => PlanStore::Local,
        }
    }

    /// Whether plans are kept in IndexedDB.
    pub fn is_indexed(&self) -> bool {
        matches!(self, PlanStore::Indexed(_))
    }

    /// Every plan kept, after moving any left in localStorage by an earlier version. Entries
    /// that cannot be read are listed, not removed.
    pub async fn load(&self) -> Result<LoadedPlans, StorageFailure> {
        let db = match self {
            PlanStore::Local => return storage::load_plans(),
            PlanStore::Indexed(db) => db,
        };
        move_from_local_storage(db).await?;
        let entries = read_all(db).await?;
        Ok(LoadedPlans::read(
            entries
                .into_iter()
                .map(|(id, text)| (PlanId(id), text))
                .collect(),
        ))
    }

    /// Writes the plans and removes the deleted ones, all or nothing.
    pub async fn save(
        &self,
        writes: &[PlanWrite],
        deletes: &[PlanId],
    ) -> Result<(), StorageFailure> {
        match self {
            PlanStore::Local => {
                for (id, text) in writes {
                    storage::save_plan_text(id, text)?;
                }
                for id in deletes {
                    storage::delete_plan(id)?;
                }
                Ok(())
            }
            PlanStore::Indexed(db) => write(db, writes, deletes).await,
        }
    }
}

async fn open_database(name: &str) -> Result<Database, idb::Error> {
    let factory = Factory::new()?;
    let mut request = factory.open(name, Some(DATABASE_VERSION))?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|n| n == PLANS_STORE) {
                let _ = db.create_object_store(PLANS_STORE, ObjectStoreParams::new());
            }
        }
    });
    request.await
}

/// Every (id, stored text) in the store, by id.
async fn read_all(db: &Database) -> Result<Vec<(String, String)>, StorageFailure> {
    let tx = db
        .transaction(&[PLANS_STORE], TransactionMode::ReadOnly)
        .map_err(idb_failure)?;
    let store = tx.object_store(PLANS_STORE).map_err(idb_failure)?;
    let keys = store
        .get_all_keys(None, None)
        .map_err(idb_failure)?
        .await
        .map_err(idb_failure)?;
    let values = store
        .get_all(None, None)
        .map_err(idb_failure)?
        .await
        .map_err(idb_failure)?;
    // getAllKeys and getAll of one transaction list the records in the same (key) order.
    Ok(keys
        .iter()
        .zip(values.iter())
        .map(|(k, v)| (k.as_string().unwrap_or_else(|| text_of(k)), text_of(v)))
        .collect())
}

/// A record's stored text. A record that is not a string (written by another program) is
/// given as JSON, so that it is reported with its content and its reason like any unreadable
/// text; the record itself is left as it is.
fn text_of(v: &JsValue) -> String {
    v.as_string().unwrap_or_else(|| {
        js_sys::JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| format!("{v:?}"))
    })
}

/// Writes and deletes in one transaction: all of it or, when anything fails, none of it.
async fn write(
    db: &Database,
    writes: &[PlanWrite],
    deletes: &[PlanId],
) -> Result<(), StorageFailure> {
    let raw: IdbTransaction = db
        .transaction(&[PLANS_STORE], TransactionMode::ReadWrite)
        .map_err(idb_failure)?
        .into();
    // Settles when the transaction has committed or has been aborted (whatever aborted it:
    // a request that failed, the quota checked as it commits, `abort` below).
    let finished = js_sys::Promise::new(&mut |resolve, reject| {
        raw.set_oncomplete(Some(&resolve));
        raw.set_onabort(Some(&reject));
    });
    let tx = idb::Transaction::from(raw.clone());
    let requested = request(&tx, writes, deletes);
    match &requested {
        // The requests already made would otherwise be committed when the transaction ends.
        Err(_) => {
            let _ = raw.abort();
        }
        // A transaction that cannot be asked to commit commits by itself or aborts, and
        // `finished` says which.
        Ok(()) => {
            let _ = tx.commit();
        }
    }
    let outcome = wasm_bindgen_futures::JsFuture::from(finished).await;
    requested?;
    outcome.map(|_| ()).map_err(|_| match raw.error() {
        Some(e) => storage::classify(&e),
        None => StorageFailure::Other("IndexedDB: the write was aborted".into()),
    })
}

/// Makes the requests of [`write`] in `tx`; the first that the browser refuses stops them.
fn request(
    tx: &idb::Transaction,
    writes: &[PlanWrite],
    deletes: &[PlanId],
) -> Result<(), StorageFailure> {
    let store = tx.object_store(PLANS_STORE).map_err(idb_failure)?;
    let refused = |e: idb::Error| match e {
        idb::Error::UpdateFailed(js) | idb::Error::DeleteFailed(js) => storage::classify(&js),
        other => idb_failure(other),
    };
    for (id, text) in writes {
        // The requests complete with the transaction; their futures are not awaited one by one.
        store
            .put(&JsValue::from_str(text), Some(&JsValue::from_str(&id.0)))
            .map_err(refused)?;
    }
    for id in deletes {
        store.delete(JsValue::from_str(&id.0)).map_err(refused)?;
    }
    Ok(())
}

/// Whether two stored texts hold the same plan (written at different times, say).
fn same_plan(a: &str, b: &str) -> bool {
    use cchc_domain::file::{plan_fingerprint, read_stored_plan};
    a == b
        || matches!(
            (read_stored_plan(a), read_stored_plan(b)),
            (Ok(x), Ok(y)) if plan_fingerprint(&x) == plan_fingerprint(&y)
        )
}

/// The localStorage copy of a plan IndexedDB holds in another version, under a new id of
/// its own (`<id>-2`, …) so that it shows beside the other; a copy that cannot be read is
/// kept under `<id>.copy…`, reported like any unreadable entry.
fn kept_beside(id: &PlanId, text: &str, taken: &mut Vec<String>) -> PlanWrite {
    use cchc_domain::file::{read_stored_plan, stored_plan_text};
    let readable = read_stored_plan(text).ok();
    let base = if readable.is_some() {
        id.0.clone()
    } else {
        format!("{}.copy", id.0)
    };
    let mut n = 2;
    let mut new_id = format!("{base}-{n}");
    while taken.contains(&new_id) {
        n += 1;
        new_id = format!("{base}-{n}");
    }
    taken.push(new_id.clone());
    match readable {
        Some(mut plan) => {
            plan.id = PlanId(new_id.clone());
            let text = stored_plan_text(&plan, &crate::browser::export_meta());
            (PlanId(new_id), text)
        }
        None => (PlanId(new_id), text.to_string()),
    }
}

/// Moves the plans an earlier version kept in localStorage into IndexedDB (see the module
/// documentation for the order that makes this safe).
async fn move_from_local_storage(db: &Database) -> Result<(), StorageFailure> {
    let left = storage::plan_texts_in_local_storage();
    if left.is_empty() {
        return Ok(());
    }
    let held = read_all(db).await?;
    let mut taken: Vec<String> = held.iter().map(|(id, _)| id.clone()).collect();
    let mut writes: Vec<PlanWrite> = Vec::new();
    for (id, text) in &left {
        match held.iter().find(|(h, _)| *h == id.0) {
            None => writes.push((id.clone(), text.clone())),
            Some((_, held_text)) if same_plan(held_text, text) => {}
            // IndexedDB and localStorage hold different versions (edits went to
            // localStorage while IndexedDB could not be opened): both are kept.
            Some(_) => writes.push(kept_beside(id, text, &mut taken)),
        }
    }
    if !writes.is_empty() {
        write(db, &writes, &[]).await?;
    }
    for (id, _) in &left {
        storage::delete_plan(id)?;
    }
    Ok(())
}
