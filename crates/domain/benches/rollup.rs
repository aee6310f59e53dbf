//! The consolidation at province and national scale: `cargo bench -p cchc-domain --bench
//! rollup`. Generates 126 (Hà Nội), 1.000 and 3.321 (the whole country) commune plans of
//! about 30 targets each, then times, for each set:
//!
//! * reading the plan files (import with every check, hash included), as a superior unit
//!   does when it receives them;
//! * the roll-up itself ([`consolidate`]), with the ranking and the per-area summary.
//!
//! Figures are the median of several runs, in milliseconds, with the cost per plan, so
//! that linear growth shows as a constant per-plan figure. A last table breaks the reading
//! down into its steps ([`ReadStep`]), in µs per plan, the least of three more runs timed
//! step by step. A plain `harness = false` benchmark: no external benchmarking crate, so it
//! builds offline.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cchc_domain::consolidation::{consolidate, ConsolidationSpec};
use cchc_domain::file::{export_plan, import_text, import_text_in_steps, ExportMeta, ReadStep};
use cchc_domain::generator::{generate_plans, GeneratorOptions};
use chrono::NaiveDate;

const SIZES: [usize; 3] = [126, 1_000, 3_321];
const RUNS: usize = 5;

/// Time spent in each step of reading every file, in seconds: the least of three passes
/// for each step (the machine's other work only ever adds time).
fn steps(files: &[String]) -> [f64; 6] {
    let mut best = [f64::INFINITY; 6];
    for _ in 0..3 {
        let mut spent = [0.0; 6];
        for f in files {
            let mut last = Instant::now();
            let outcome = import_text_in_steps(f, &mut |step| {
                let now = Instant::now();
                if let Some(i) = ReadStep::ALL.iter().position(|s| *s == step) {
                    spent[i] += (now - last).as_secs_f64();
                }
                last = now;
            });
            black_box(outcome.is_ok());
        }
        for (b, s) in best.iter_mut().zip(spent) {
            *b = b.min(s);
        }
    }
    best
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let Some(as_of) = NaiveDate::from_ymd_opt(2026, 6, 14) else {
        return;
    };
    let Some(today) = NaiveDate::from_ymd_opt(2026, 6, 30) else {
        return;
    };
    let options = GeneratorOptions {
        seed: 2026,
        year: 2026,
        superior: "UBND tỉnh (sinh tự động)".into(),
        superior_id: "99".into(),
        as_of,
    };
    let meta = ExportMeta {
        app_version: env!("CARGO_PKG_VERSION").into(),
        exported_at: "2026-06-30T08:00:00+07:00".into(),
    };
    println!("consolidation benchmark (median of {RUNS} runs; release profile)");
    println!(
        "{:>6} {:>7} {:>12} {:>12} {:>14} {:>12} {:>14}",
        "plans",
        "targets",
        "file bytes",
        "import ms",
        "import µs/plan",
        "roll-up ms",
        "roll-up µs/plan"
    );
    let mut breakdown = Vec::new();
    for n in SIZES {
        let plans = generate_plans(&options, n);
        let targets: usize = plans.iter().map(|p| p.targets.len()).sum();
        let files: Vec<String> = plans.iter().map(|p| export_plan(p, &meta)).collect();
        let bytes: usize = files.iter().map(String::len).sum();
        let import = time(RUNS, || {
            for f in &files {
                black_box(import_text(f).is_ok());
            }
        });
        let spec = ConsolidationSpec {
            plans: plans.iter().map(|p| p.id.clone()).collect(),
            ..Default::default()
        };
        let rollup = time(RUNS, || {
            let c = consolidate(&plans, &spec, today);
            black_box(c.ranking().len());
            black_box(c.areas().len());
        });
        breakdown.push((n, steps(&files)));
        let per_plan = |d: Duration| d.as_secs_f64() * 1e6 / n as f64;
        println!(
            "{:>6} {:>7} {:>12} {:>12.1} {:>14.1} {:>12.1} {:>14.1}",
            n,
            targets,
            bytes,
            import.as_secs_f64() * 1e3,
            per_plan(import),
            rollup.as_secs_f64() * 1e3,
            per_plan(rollup)
        );
    }
    println!("reading, step by step (µs per plan, best of 3 runs)");
    print!("{:>6}", "plans");
    for name in ReadStep::ALL.map(ReadStep::name) {
        print!(" {name:>9}");
    }
    println!(" {:>9}", "total");
    for (n, spent) in breakdown {
        print!("{n:>6}");
        for s in spent {
            print!(" {:>9.1}", s * 1e6 / n as f64);
        }
        println!(" {:>9.1}", spent.iter().sum::<f64>() * 1e6 / n as f64);
    }
}
