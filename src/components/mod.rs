//! The interface, one component per file. Components read the domain and write user input
//! back through the context newtypes of [`crate::state`]; they hold no domain rules.

pub mod app;
pub mod consolidation_adjust;
pub mod consolidation_aggregates;
pub mod consolidation_matrix;
pub mod consolidation_page;
pub mod consolidation_setup;
pub mod copy_next_year;
pub mod drop_zone;
pub mod export;
pub mod gauge;
pub mod header;
pub mod history;
pub mod import;
pub mod import_log;
pub mod import_review;
pub mod new_plan;
pub mod notices;
pub mod pace_badge;
pub mod plan_details;
pub mod plan_page;
pub mod progress_form;
pub mod reporting;
pub mod shortcuts;
pub mod shortened_procedures;
pub mod status;
pub mod storage_health;
pub mod summary;
pub mod tab_banner;
pub mod target_card;
pub mod target_editor;
pub mod task_form;
pub mod task_list;
pub mod undo_redo;
pub mod unreadable_entries;
pub mod workbook_page;
