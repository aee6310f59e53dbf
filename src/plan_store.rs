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
//! committed. An entry already in IndexedDB is never replaced by a localStorage copy (the
//! IndexedDB one is at least as new). Entries that cannot be read are moved as they are and
//! reported, never dropped.

use std::rc::Rc;

use cchc_domain::plan::PlanId;
use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use wasm_bindgen::JsValue;

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
        match open_database().await {
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

async fn open_database() -> Result<Database, idb::Error> {
    let factory = Factory::new()?;
    let mut request = factory.open(DATABASE_NAME, Some(DATABASE_VERSION))?;
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
        .map(|(k, v)| (k.as_string().unwrap_or_default(), text_of(v)))
        .collect())
}

fn text_of(v: &JsValue) -> String {
    v.as_string().unwrap_or_default()
}

async fn write(
    db: &Database,
    writes: &[PlanWrite],
    deletes: &[PlanId],
) -> Result<(), StorageFailure> {
    let tx = db
        .transaction(&[PLANS_STORE], TransactionMode::ReadWrite)
        .map_err(idb_failure)?;
    let store = tx.object_store(PLANS_STORE).map_err(idb_failure)?;
    for (id, text) in writes {
        // The requests complete with the transaction; their futures are not awaited one by one.
        store
            .put(&JsValue::from_str(text), Some(&JsValue::from_str(&id.0)))
            .map_err(|e| match e {
                idb::Error::UpdateFailed(js) => storage::classify(&js),
                other => idb_failure(other),
            })?;
    }
    for id in deletes {
        store
            .delete(JsValue::from_str(&id.0))
            .map_err(idb_failure)?;
    }
    let result = tx
        .commit()
        .map_err(idb_failure)?
        .await
        .map_err(idb_failure)?;
    if result.is_committed() {
        Ok(())
    } else {
        Err(StorageFailure::Other(
            "IndexedDB: the write was aborted".into(),
        ))
    }
}

/// Moves the plans an earlier version kept in localStorage into IndexedDB (see the module
/// documentation for the order that makes this safe).
async fn move_from_local_storage(db: &Database) -> Result<(), StorageFailure> {
    let left = storage::plan_texts_in_local_storage();
    if left.is_empty() {
        return Ok(());
    }
    let held: Vec<String> = read_all(db).await?.into_iter().map(|(id, _)| id).collect();
    let writes: Vec<PlanWrite> = left
        .iter()
        .filter(|(id, _)| !held.contains(&id.0))
        .cloned()
        .collect();
    if !writes.is_empty() {
        write(db, &writes, &[]).await?;
    }
    for (id, _) in &left {
        storage::delete_plan(id)?;
    }
    Ok(())
}
