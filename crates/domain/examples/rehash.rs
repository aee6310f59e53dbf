//! Rewrites the `contentHash` of plan files in place, for fixtures edited by hand:
//!
//! ```sh
//! cargo run -p cchc-domain --example rehash -- tests/fixtures/invalid/revision-zero.json …
//! ```
//!
//! The hash is [`cchc_domain::file::content_hash_of_value`] of the file's `plan` value, as the
//! reader computes it. Only the text of the hash changes: layout, key order, a byte-order
//! mark and everything else in the file stay as they are. The file must already have a
//! top-level `"contentHash": "…"` (any text, e.g. `""`), written before `"plan"`.

use std::process::ExitCode;

use cchc_domain::file::content_hash_of_value;
use serde_json::Value;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: cargo run -p cchc-domain --example rehash -- FILE...");
        return ExitCode::FAILURE;
    }
    let mut failed = false;
    for file in &files {
        match rehash(file) {
            Ok(Some(hash)) => println!("{file}: {hash}"),
            Ok(None) => println!("{file}: unchanged"),
            Err(e) => {
                eprintln!("{file}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The new hash if the file changed.
fn rehash(file: &str) -> Result<Option<String>, String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, &bytes[..]),
    };
    let text = std::str::from_utf8(body).map_err(|_| "not UTF-8".to_string())?;
    let root: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let plan = root
        .get("plan")
        .ok_or_else(|| "no top-level \"plan\"".to_string())?;
    let hash = content_hash_of_value(plan);

    let (start, end) = hash_span(text)
        .ok_or_else(|| "no top-level \"contentHash\": \"…\" before \"plan\"".to_string())?;
    if text[start..end] == hash {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(bytes.len());
    if bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    out.extend_from_slice(&text.as_bytes()[..start]);
    out.extend_from_slice(hash.as_bytes());
    out.extend_from_slice(&text.as_bytes()[end..]);

    // Check the result: the same JSON but for the hash, which is now the right one.
    let again: Value = std::str::from_utf8(&out[usize::from(bom) * 3..])
        .ok()
        .and_then(|t| serde_json::from_str(t).ok())
        .ok_or_else(|| "rewriting broke the file (not changed)".to_string())?;
    let mut expected = root.clone();
    expected["contentHash"] = Value::String(hash.clone());
    if again != expected {
        return Err("the \"contentHash\" found is not the top-level one (not changed)".into());
    }
    std::fs::write(file, out).map_err(|e| e.to_string())?;
    Ok(Some(hash))
}

/// The byte range of the text of the first `"contentHash": "…"` string, if it comes before
/// the first `"plan"` key (so it is the envelope's, not a text inside the plan).
fn hash_span(text: &str) -> Option<(usize, usize)> {
    let key = text.find("\"contentHash\"")?;
    if text.find("\"plan\"").is_some_and(|plan| plan < key) {
        return None;
    }
    let rest = &text[key + "\"contentHash\"".len()..];
    let after_colon = rest.trim_start().strip_prefix(':')?.trim_start();
    let value = after_colon.strip_prefix('"')?;
    let start = text.len() - value.len();
    let len = value.find('"')?;
    Some((start, start + len))
}
