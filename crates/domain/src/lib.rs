//! The CCHC Workbook domain: plans, targets, progress, evaluation, number and date handling,
//! and the plan file format. Pure Rust with no browser dependencies, tested natively.

pub mod area;
pub mod backup_reminder;
pub mod consolidated_plan;
pub mod consolidation;
pub mod consolidation_changes;
pub mod consolidation_store;
pub mod consolidation_text;
pub mod date;
pub mod describe;
pub mod draft;
pub mod editing;
pub mod evaluation;
pub mod example;
pub mod expected_units;
pub mod extra;
pub mod file;
pub mod gauge;
pub mod generator;
pub mod i18n;
pub mod import_log;
pub mod import_review;
pub mod letters;
pub mod locale;
pub mod notes;
pub mod number;
pub mod plan;
pub mod plan_diff;
pub mod problem;
pub mod progress;
pub mod revision;
pub mod scorecard;
pub mod target;
pub mod unit;
pub mod validate;
pub mod workbook;
