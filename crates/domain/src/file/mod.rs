//! The plan file format: writing a plan to a file, and reading one back with every check a
//! file from outside needs. See `docs/plan-file-format.md` for the format itself.
//!
//! Reading goes through these steps, and stops at the first that fails with an
//! [`ImportError`] saying what is wrong and what to do:
//!
//! 1. size (before anything else), byte-order mark, emptiness, UTF-8;
//! 2. JSON syntax (with line and column; deep nesting is refused, never a crash);
//! 3. the envelope: a JSON object, our `format` marker, a `formatVersion` this app knows;
//! 4. migrations from older format versions;
//! 5. the plan's structure, decoded by hand from the JSON tree with the exact place of any
//!    problem (target, entry, field);
//! 6. for files from outside only, the plan's meaning ([`crate::validate::validate_plan`]).
//!
//! Writing and reading are one hand-written codec: `encode` writes the model as JSON text
//! and `decode` reads it back, so the model itself knows nothing of JSON (no serde derives:
//! they cost most of the domain's share of the WebAssembly bundle).
//!
//! Submodules: `envelope` (marker, version, content hash check, migrations), `encode` (plan
//! to JSON text), `tree` (the JSON tree a file is read into, its parser and its canonical
//! form), `decode` (serde_json's reading and errors, which `tree` falls back on, and the
//! plan's structure), `content_hash`, `error` ([`ImportError`] and its messages),
//! `file_name` (export file names).

mod content_hash;
mod decode;
pub(crate) mod encode;
mod envelope;
mod error;
pub(crate) mod file_name;
mod tree;

use chrono::NaiveDate;

use crate::plan::Plan;
use crate::validate::validate_plan;

pub use content_hash::{canonical_json, content_hash, content_hash_of_value, HASH_PREFIX};
pub use error::{HashFault, ImportError, JsonFault};

/// Marker of our files: no other program's JSON carries it.
pub const FORMAT_ID: &str = "cchc-workbook/plan";
/// The format version this app writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 2;
/// Files bigger than this are refused before they are parsed.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The app's name as written in the envelope.
pub const APP_NAME: &str = "CCHC Workbook";

/// Facts about an export that the domain cannot know by itself.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ExportMeta {
    /// The app's version (`0.1.0`).
    pub app_version: String,
    /// When the file was made, RFC 3339, from the browser's clock.
    pub exported_at: String,
}

/// A plan read from a file, with what the envelope said about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedPlan {
    pub plan: Plan,
    /// Version of the app that wrote the file (empty when the file does not say).
    pub app_version: String,
    /// When the file was written, as the file says it (empty when it does not say).
    pub exported_at: String,
    /// The format version the file was written in (before migrations).
    pub format_version: u32,
    /// The content hash the file carries (verified for a file; none before version 2).
    pub content_hash: Option<String>,
}

/// The plan as a file: pretty JSON, envelope keys first, ending with a newline.
pub fn export_plan(plan: &Plan, meta: &ExportMeta) -> String {
    envelope::write(plan, meta, true)
}

/// The plan as the app keeps it in browser storage: the same envelope and content hash as
/// a file, written compact (about half the size of the pretty file, which matters at
/// province scale: 168 plans of about 30 targets), read back by [`read_stored_plan`].
pub fn stored_plan_text(plan: &Plan, meta: &ExportMeta) -> String {
    envelope::write(plan, meta, false)
}

/// The plan as compact JSON (the `plan` part of a file, without the envelope): equal for
/// equal plans and different for different ones, so the app can tell which plans changed
/// since they were last saved.
pub fn plan_fingerprint(plan: &Plan) -> String {
    let mut w = encode::Writer::new(false);
    encode::plan(&mut w, plan);
    w.finish()
}

/// Reads a file chosen by the user, with every check (including the plan's meaning).
pub fn import_bytes(bytes: &[u8]) -> Result<ImportedPlan, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    import_text(text)
}

/// Reads a file's text, with every check (including the plan's meaning).
pub fn import_text(text: &str) -> Result<ImportedPlan, ImportError> {
    import_text_in_steps(text, &mut |_| {})
}

/// A step of reading a file, in the order they run: what [`import_text_in_steps`] reports
/// as each one ends, so that a benchmark can tell where the time goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadStep {
    /// The JSON text read into a tree.
    Parse,
    /// The envelope checked (marker, version, `plan`).
    Envelope,
    /// The canonical form of the `plan` value written (for the content hash).
    Canonical,
    /// SHA-256 of the canonical form, compared with the file's `contentHash`.
    Hash,
    /// Migrations, then the plan's structure decoded into the model.
    Decode,
    /// The plan's meaning checked ([`crate::validate::validate_plan`]).
    Validate,
}

impl ReadStep {
    /// Every step, in the order they run.
    pub const ALL: [ReadStep; 6] = [
        ReadStep::Parse,
        ReadStep::Envelope,
        ReadStep::Canonical,
        ReadStep::Hash,
        ReadStep::Decode,
        ReadStep::Validate,
    ];

    /// The step's short name in benchmark figures.
    pub fn name(self) -> &'static str {
        match self {
            ReadStep::Parse => "parse",
            ReadStep::Envelope => "envelope",
            ReadStep::Canonical => "canonical",
            ReadStep::Hash => "sha-256",
            ReadStep::Decode => "decode",
            ReadStep::Validate => "validate",
        }
    }
}

/// [`import_text`], calling `step_done` as each [`ReadStep`] ends (a step the file does not
/// reach is not reported). The same code as [`import_text`], which calls it.
pub fn import_text_in_steps(
    text: &str,
    step_done: &mut dyn FnMut(ReadStep),
) -> Result<ImportedPlan, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let imported = read(text, envelope::HashCheck::Verify, step_done)?;
    let problem = validate_plan(&imported.plan).into_iter().next();
    step_done(ReadStep::Validate);
    if let Some(problem) = problem {
        return Err(problem.into());
    }
    Ok(imported)
}

/// Reads a plan the app stored itself: the same envelope, structure and migrations as a
/// file, but no semantic validation (a plan being edited may be half done, e.g. a range whose
/// minimum was just typed above its maximum), no size limit (a stored plan that grew is
/// still the officer's work) and no content-hash check (the app wrote it, one key at a time;
/// a stored plan that still reads is not refused over its hash).
pub fn read_stored_plan(text: &str) -> Result<crate::plan::Plan, ImportError> {
    read(text, envelope::HashCheck::Skip, &mut |_| {}).map(|i| i.plan)
}

/// The proposed name of an exported file:
/// `ke-hoach-cchc_phuong-binh-tan_2019_2026-11-23.json`.
pub fn export_file_name(plan: &Plan, date: NaiveDate) -> String {
    file_name::export_file_name(plan, date)
}

/// Steps 1 (without the size) to 5.
fn read(
    text: &str,
    check: envelope::HashCheck,
    step_done: &mut dyn FnMut(ReadStep),
) -> Result<ImportedPlan, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(ImportError::Empty);
    }
    let root = tree::parse(text)?;
    step_done(ReadStep::Parse);
    let opened = envelope::open(root, check, step_done)?;
    let plan = decode::decode_plan(&opened.plan)?;
    step_done(ReadStep::Decode);
    Ok(ImportedPlan {
        plan,
        app_version: opened.app_version,
        exported_at: opened.exported_at,
        format_version: opened.format_version,
        content_hash: opened.content_hash,
    })
}
