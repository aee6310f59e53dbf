//! The consolidation benchmark in the browser: `bash scripts/browser-bench.sh` builds this
//! crate to WebAssembly and runs [`run`] in headless Chromium for 126, 1.000 and 3.321
//! plans. Each run generates the plans (`cchc_domain::generator`, not timed), writes them as
//! plan files, then times what a superior unit's browser does with them: reading every file
//! with every check (content hash included), and the roll-up with its ranking and per-area
//! summary. The same code as the app, compiled the same way (release profile). Three more
//! readings of every file, timed step by step ([`ReadStep`]), tell where the time goes.

use cchc_domain::consolidation::{consolidate, ConsolidationSpec};
use cchc_domain::file::{export_plan, import_text, import_text_in_steps, ExportMeta, ReadStep};
use cchc_domain::generator::{generate_plans, GeneratorOptions};
use chrono::NaiveDate;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: milliseconds with sub-millisecond precision.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Reads every file again, timing each step: µs per file, in the order of [`ReadStep::ALL`], the
/// least of three passes (the machine's other work only ever adds time).
fn steps(files: &[String]) -> String {
    let mut best = [f64::INFINITY; 6];
    for _ in 0..3 {
        let mut spent = [0.0; 6];
        for f in files {
            let mut last = performance_now();
            let outcome = import_text_in_steps(f, &mut |step| {
                let now = performance_now();
                if let Some(i) = ReadStep::ALL.iter().position(|s| *s == step) {
                    spent[i] += now - last;
                }
                last = now;
            });
            std::hint::black_box(outcome.is_ok());
        }
        for (b, s) in best.iter_mut().zip(spent) {
            *b = b.min(s);
        }
    }
    let per_file = |ms: f64| ms * 1000.0 / files.len().max(1) as f64;
    let parts: Vec<String> = ReadStep::ALL
        .iter()
        .zip(best)
        .map(|(step, ms)| format!("{} {:.0}", step.name(), per_file(ms)))
        .collect();
    format!(
        "{} (total {:.0})",
        parts.join(", "),
        per_file(best.iter().sum())
    )
}

/// Times reading and consolidating `count` generated plans; returns one line of figures.
#[wasm_bindgen]
pub fn run(count: u32) -> String {
    let (Some(as_of), Some(today)) = (
        NaiveDate::from_ymd_opt(2026, 6, 14),
        NaiveDate::from_ymd_opt(2026, 6, 30),
    ) else {
        return String::from("bad dates");
    };
    let options = GeneratorOptions {
        seed: 2026,
        year: 2026,
        superior: "UBND tỉnh (sinh tự động)".into(),
        superior_id: "99".into(),
        as_of,
    };
    let plans = generate_plans(&options, count as usize);
    let meta = ExportMeta::default();
    let files: Vec<String> = plans.iter().map(|p| export_plan(p, &meta)).collect();
    let bytes: usize = files.iter().map(String::len).sum();

    let start = performance_now();
    let read: Vec<_> = files
        .iter()
        .filter_map(|f| import_text(f).ok().map(|i| i.plan))
        .collect();
    let imported = performance_now();
    let spec = ConsolidationSpec {
        plans: read.iter().map(|p| p.id.clone()).collect(),
        ..Default::default()
    };
    let c = consolidate(&read, &spec, today);
    let ranked = c.ranking().len();
    let areas = c.areas().len();
    let done = performance_now();

    let (import_ms, rollup_ms) = (imported - start, done - imported);
    let breakdown = steps(&files);
    format!(
        "{count} plans ({} read, {bytes} bytes): import {import_ms:.0} ms ({:.0} µs/plan), \
         roll-up {rollup_ms:.0} ms ({:.1} µs/plan; {ranked} ranked, {areas} areas), \
         total {:.0} ms\n    reading step by step, µs/plan, best of 3: {breakdown}",
        read.len(),
        import_ms * 1000.0 / f64::from(count.max(1)),
        rollup_ms * 1000.0 / f64::from(count.max(1)),
        import_ms + rollup_ms
    )
}
