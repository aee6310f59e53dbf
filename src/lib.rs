//! The CCHC Workbook in the browser: thin Leptos components over the pure domain crate
//! (`cchc-domain`), plus adapters for browser storage, file download and file upload.

pub mod browser;
pub mod components;
pub mod consolidation_html;
pub mod edit_lock;
pub mod html;
pub mod plan_store;
pub mod state;
pub mod storage;
pub mod tab_role;
pub mod task_html;
pub mod template_store;
pub mod tracking_html;
pub mod undo_store;
