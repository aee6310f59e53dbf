//! Fuzzes the import of a plan file: whatever the bytes, `import_bytes` returns (never
//! panics, never hangs), and a plan it accepts survives export → import unchanged.
//!
//! Run with `bash fuzz/run.sh` (see docs/development.md, "Fuzzing").

#![no_main]

use cchc_domain::file::{export_plan, import_bytes, import_text, plan_fingerprint, ExportMeta};
use cchc_domain::locale::Locale;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match import_bytes(data) {
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
            assert_eq!(
                plan_fingerprint(&again.plan),
                plan_fingerprint(&imported.plan)
            );
            assert_eq!(export_plan(&again.plan, &meta), text, "re-export differs");
        }
        Err(e) => {
            // The officer's messages must render for every error, in both languages.
            let _ = e.message(Locale::Vi);
            let _ = e.message(Locale::En);
        }
    }
});
