//! Fuzzes the import of a plan file: whatever the bytes, `import_bytes` returns (never
//! panics, never hangs), and a plan it accepts survives export → import unchanged.
//!
//! Since format version 2 a file carries a content hash, so nearly every mutation of a
//! version-2 file stops at the hash check. Each input that is a JSON object with a `plan` is
//! therefore also imported a second time with the hash of its (mutated) plan written in, as
//! a program making plan files would: that is how the decoder and the rules see version-2
//! plans.
//!
//! Run with `bash fuzz/run.sh` (see docs/development.md, "Fuzzing").

#![no_main]

use cchc_domain::file::{
    content_hash, content_hash_of_value, export_plan, import_bytes, import_text, plan_fingerprint,
    ExportMeta, ImportError, ImportedPlan,
};
use cchc_domain::locale::Locale;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    check(import_bytes(data));
    if let Some(rehashed) = rehashed(data) {
        match import_text(&rehashed) {
            Err(ImportError::Damaged { fault }) => {
                panic!("a file with the hash of its own plan is refused as damaged: {fault:?}")
            }
            outcome => check(outcome),
        }
    }
});

/// The input with `contentHash` set to the hash of its `plan`, if it is a JSON object with
/// a `plan` (in any layout; written back compact, keys sorted).
fn rehashed(data: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(data).ok()?;
    let mut root: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let hash = content_hash_of_value(root.as_object()?.get("plan")?);
    root["contentHash"] = Value::String(hash);
    serde_json::to_string(&root).ok()
}

fn check(outcome: Result<ImportedPlan, ImportError>) {
    match outcome {
        Ok(imported) => {
            let meta = ExportMeta {
                app_version: imported.app_version.clone(),
                exported_at: imported.exported_at.clone(),
            };
            let text = export_plan(&imported.plan, &meta);
            let again = match import_text(&text) {
                Ok(again) => again,
                Err(e) => panic!("an accepted plan does not re-import: {e:?}\n{text}"),
            };
            assert_eq!(
                again.plan, imported.plan,
                "export → import changed the plan"
            );
            assert_eq!(again.app_version, imported.app_version);
            assert_eq!(again.exported_at, imported.exported_at);
            assert_eq!(again.content_hash, Some(content_hash(&imported.plan)));
            assert_eq!(
                plan_fingerprint(&again.plan),
                plan_fingerprint(&imported.plan)
            );
            assert_eq!(export_plan(&again.plan, &meta), text, "re-export differs");
            // What is sent upward without internal notes imports too.
            let outward = imported.plan.without_internal_notes();
            let sent = import_text(&export_plan(&outward, &meta)).map(|i| i.plan);
            assert_eq!(
                sent,
                Ok(outward),
                "leaving internal notes out broke the plan"
            );
        }
        Err(e) => {
            // The officer's messages must render for every error, in both languages.
            let _ = e.message(Locale::Vi);
            let _ = e.message(Locale::En);
            let _ = e.headline(Locale::Vi);
            let _ = e.code();
        }
    }
}
