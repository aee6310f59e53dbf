//! The content hash of a plan file: SHA-256 over the canonical form of the file's `plan`
//! value, written in the envelope as `"contentHash": "sha256:<64 lower-case hex digits>"`.
//! A file that was damaged or edited by hand after export no longer matches its hash.
//!
//! The canonical form is the `plan` value as compact JSON (no whitespace), with the keys of
//! every object in byte order of their UTF-8 text, strings escaped only where JSON requires
//! (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control characters as `\u00xx`) and
//! numbers as serde_json prints them. It depends only on the JSON data, not on the layout or
//! key order of the file, so any program can compute it.

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::plan::Plan;

use super::encode::{self, Writer};

/// Written before the hex digits, naming the algorithm.
pub const HASH_PREFIX: &str = "sha256:";

/// The canonical form of a JSON value (see the module docs).
pub fn canonical_json(v: &Value) -> String {
    // `Writer::value` writes compact JSON in the order of serde_json's `Map`, which (without
    // the `preserve_order` feature) is sorted by key.
    let mut w = Writer::new(false);
    w.value(v);
    w.finish()
}

/// The hash of a file's `plan` value, as written in the envelope.
pub fn content_hash_of_value(plan: &Value) -> String {
    hash_text(&canonical_json(plan))
}

/// The hash the envelope of this plan's file carries: the same as
/// [`content_hash_of_value`] of the `plan` value read back from the file.
pub fn content_hash(plan: &Plan) -> String {
    let mut w = Writer::new(false);
    encode::plan(&mut w, plan);
    let text = w.finish();
    match super::tree::parse(&text) {
        Ok(tree) => hash_bytes(&super::tree::canonical(&tree)),
        // Unreachable: the writer always writes valid JSON of limited depth. Hashing the
        // compact text still gives a hash that changes with the plan.
        Err(_) => hash_text(&text),
    }
}

fn hash_text(text: &str) -> String {
    hash_bytes(text.as_bytes())
}

/// `sha256:` and the hex digits of SHA-256 of `bytes`.
pub(crate) fn hash_bytes(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(HASH_PREFIX.len() + 64);
    out.push_str(HASH_PREFIX);
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_texts() {
        // FIPS 180-2 examples.
        assert_eq!(
            hash_text("abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hash_text(""),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn canonical_form_ignores_layout_and_key_order() {
        let a: Value = serde_json::from_str(
            "{\"b\": [1, 2.5, \"x\\u0041\"], \"a\": {\"é\": null, \"z\": true}}",
        )
        .unwrap();
        let b: Value =
            serde_json::from_str("{\"a\":{\"z\":true,\"é\":null},\"b\":[1,2.5,\"xA\"]}").unwrap();
        assert_eq!(
            canonical_json(&a),
            "{\"a\":{\"z\":true,\"é\":null},\"b\":[1,2.5,\"xA\"]}"
        );
        assert_eq!(content_hash_of_value(&a), content_hash_of_value(&b));
    }

    #[test]
    fn canonical_escapes() {
        let v = Value::String("a\"b\\c\n\u{1}đ<".into());
        assert_eq!(canonical_json(&v), "\"a\\\"b\\\\c\\n\\u0001đ<\"");
    }
}
