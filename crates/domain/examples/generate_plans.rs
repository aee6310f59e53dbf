//! Writes generated plans of subordinate units as plan files, one per unit, for trying out
//! consolidation and for benchmarks:
//!
//! ```sh
//! cargo run -p cchc-domain --release --example generate_plans -- \
//!     --count 126 --seed 7 --year 2026 --out /tmp/plans
//! ```
//!
//! The plans are those of [`cchc_domain::generator`]; the files are what the app's export
//! writes ([`cchc_domain::file::export_plan`]), named by
//! [`cchc_domain::file::export_file_name`] with the `--as-of` date as the export date (a
//! `-2`, `-3`, … is added when two names collide). The same arguments always give the same
//! files. Existing files of the same names are replaced.
//!
//! Bad arguments end with a message and exit code 2; a file that cannot be written, with
//! exit code 1.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cchc_domain::date::{format_iso_date, parse_iso_date, parse_vi_date};
use cchc_domain::file::{export_file_name, export_plan, ExportMeta};
use cchc_domain::generator::{GeneratorOptions, PlanGenerator};
use cchc_domain::plan::{MAX_PLAN_YEAR, MIN_PLAN_YEAR};
use chrono::NaiveDate;

const USAGE: &str = "\
usage: generate_plans --out DIR [--count N] [--seed S] [--year YYYY] [--as-of DATE]
                      [--superior NAME] [--superior-id CODE]

  --out DIR          folder for the plan files (created if missing)
  --count N          number of plans, 1 to 100000 (default 126)
  --seed S           seed, a whole number from 0 to 18446744073709551615 (default 7)
  --year YYYY        plan year, 2000 to 2100 (default 2026)
  --as-of DATE       date of the progress entries, dd/mm/yyyy or yyyy-mm-dd
                     (default 31/12 of the plan year)
  --superior NAME    superior unit (default \"UBND Thành phố Hà Nội\")
  --superior-id CODE superior unit's code (default \"01\")";

/// Most plans one run writes: far beyond the 3,321 commune-level units of the country.
const MAX_COUNT: usize = 100_000;

/// What the command line asks for.
#[derive(Debug)]
struct Arguments {
    out: PathBuf,
    count: usize,
    options: GeneratorOptions,
}

/// Why the program stopped.
enum Failure {
    /// Bad arguments: exit code 2.
    Usage(String),
    /// A folder or file could not be written: exit code 1.
    Io(String),
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    if arguments.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let outcome = parse_arguments(&arguments).and_then(|parsed| write_plans(&parsed));
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("generate_plans: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Io(message)) => {
            eprintln!("generate_plans: {message}");
            ExitCode::from(1)
        }
    }
}

fn parse_arguments(arguments: &[String]) -> Result<Arguments, Failure> {
    let mut out: Option<PathBuf> = None;
    let mut count: usize = 126;
    let mut seed: u64 = 7;
    let mut year: i32 = 2026;
    let mut as_of: Option<NaiveDate> = None;
    let mut superior = "UBND Thành phố Hà Nội".to_string();
    let mut superior_id = "01".to_string();
    let mut seen: HashSet<String> = HashSet::new();

    let mut rest = arguments.iter();
    while let Some(argument) = rest.next() {
        // Both `--count 126` and `--count=126`.
        let (flag, inline_value) = match argument.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
            _ => (argument.as_str(), None),
        };
        let known = [
            "--out",
            "--count",
            "--seed",
            "--year",
            "--as-of",
            "--superior",
            "--superior-id",
        ];
        if !known.contains(&flag) {
            return Err(Failure::Usage(format!("unknown argument «{argument}»")));
        }
        if !seen.insert(flag.to_string()) {
            return Err(Failure::Usage(format!("{flag} is given twice")));
        }
        let value = match inline_value {
            Some(value) => value,
            None => rest
                .next()
                .cloned()
                .ok_or_else(|| Failure::Usage(format!("{flag} needs a value")))?,
        };
        match flag {
            "--out" => {
                if value.is_empty() {
                    return Err(Failure::Usage("--out needs a folder".to_string()));
                }
                out = Some(PathBuf::from(value));
            }
            "--count" => {
                count = value
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=MAX_COUNT).contains(n))
                    .ok_or_else(|| {
                        Failure::Usage(format!(
                            "--count must be a whole number from 1 to {MAX_COUNT}, not «{value}»"
                        ))
                    })?;
            }
            "--seed" => {
                seed = value.parse::<u64>().map_err(|_| {
                    Failure::Usage(format!(
                        "--seed must be a whole number from 0 to {}, not «{value}»",
                        u64::MAX
                    ))
                })?;
            }
            "--year" => {
                year = value
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (MIN_PLAN_YEAR..=MAX_PLAN_YEAR).contains(y))
                    .ok_or_else(|| {
                        Failure::Usage(format!(
                            "--year must be a year from {MIN_PLAN_YEAR} to {MAX_PLAN_YEAR}, not \
                             «{value}»"
                        ))
                    })?;
            }
            "--as-of" => {
                let parsed = parse_vi_date(&value)
                    .ok()
                    .or_else(|| parse_iso_date(&value).ok());
                as_of = Some(parsed.ok_or_else(|| {
                    Failure::Usage(format!(
                        "--as-of must be a real date, dd/mm/yyyy or yyyy-mm-dd, between 1990 and \
                         2100, not «{value}»"
                    ))
                })?);
            }
            "--superior" => superior = value,
            _ => superior_id = value,
        }
    }

    let out = out.ok_or_else(|| Failure::Usage("--out DIR is required".to_string()))?;
    let as_of = match as_of {
        Some(date) => date,
        None => NaiveDate::from_ymd_opt(year, 12, 31)
            .ok_or_else(|| Failure::Usage(format!("no 31/12 in year {year}")))?,
    };
    Ok(Arguments {
        out,
        count,
        options: GeneratorOptions {
            seed,
            year,
            superior,
            superior_id,
            as_of,
        },
    })
}

fn write_plans(arguments: &Arguments) -> Result<(), Failure> {
    let out = &arguments.out;
    std::fs::create_dir_all(out)
        .map_err(|e| Failure::Io(format!("cannot create {}: {e}", out.display())))?;
    let as_of = arguments.options.as_of;
    let meta = ExportMeta {
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        exported_at: format!("{}T08:00:00+07:00", format_iso_date(as_of)),
    };

    let mut names_used: HashSet<String> = HashSet::new();
    let mut total_bytes: usize = 0;
    let mut smallest = usize::MAX;
    let mut largest = 0;
    for plan in PlanGenerator::new(arguments.options.clone()).take(arguments.count) {
        let text = export_plan(&plan, &meta);
        let name = unique_name(&export_file_name(&plan, as_of), &mut names_used);
        write_file(&out.join(&name), &text)?;
        total_bytes += text.len();
        smallest = smallest.min(text.len());
        largest = largest.max(text.len());
    }

    let count = arguments.count;
    println!(
        "{count} plan files in {} (seed {}, year {}, figures as of {})",
        out.display(),
        arguments.options.seed,
        arguments.options.year,
        format_iso_date(as_of)
    );
    println!("total bytes:    {total_bytes}");
    println!(
        "bytes per plan: {} on average (smallest {smallest}, largest {largest})",
        total_bytes / count
    );
    Ok(())
}

/// `name`, or `name` with `-2`, `-3`, … before `.json` when an earlier plan took it.
fn unique_name(name: &str, used: &mut HashSet<String>) -> String {
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    let mut candidate = name.to_string();
    let mut suffix: u64 = 2;
    while used.contains(&candidate) {
        candidate = if extension.is_empty() {
            format!("{stem}-{suffix}")
        } else {
            format!("{stem}-{suffix}.{extension}")
        };
        suffix += 1;
    }
    used.insert(candidate.clone());
    candidate
}

fn write_file(path: &Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text)
        .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))
}
