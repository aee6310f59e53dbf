//! The CCHC Workbook in the browser: thin Leptos components over the pure domain crate
//! (`cchc-domain`), plus adapters for browser storage, file download and file upload.

pub mod browser;
pub mod components;
pub mod consolidation_html;
pub mod html;
pub mod plan_store;
pub mod state;
pub mod storage;
