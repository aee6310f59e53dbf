//! Translation completeness (issue 6), natively: `cargo test -p cchc-workbook --test
//! translations`.
//!
//! * Every fixed text of the interface is a `Text` of the domain's table, which names its
//!   Vietnamese and English side by side: a text missing in either language does not compile.
//!   Here every text is checked to be non-empty, without stray spaces, in both languages.
//! * No Vietnamese text is written into the interface's code (`src/`) outside that table: a
//!   string literal with Vietnamese letters in `src/` fails this test, naming file and line.
//!   Tests inside `src/` (after `#[cfg(test)]`) and comments are not interface texts.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use cchc_domain::i18n::Text;
use cchc_domain::locale::Locale;

#[test]
fn every_text_is_written_in_both_languages() {
    let mut problems = Vec::new();
    for t in Text::ALL {
        for l in [Locale::Vi, Locale::En] {
            let s = t.get(l);
            if s.is_empty() || s.trim() != s {
                problems.push(format!("{t:?} in {l:?}: {s:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Letters that only Vietnamese uses among the interface's two languages.
fn is_vietnamese_letter(c: char) -> bool {
    "àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
        .contains(c.to_lowercase().next().unwrap_or(c))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of one line of code (comments left out).
fn literals(line: &str) -> Vec<String> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    let mut escaped = false;
    let mut previous = ' ';
    for c in code.chars() {
        match current.as_mut() {
            // A comment after the code ends the line.
            None if c == '/' && previous == '/' => break,
            None if c == '"' => current = Some(String::new()),
            None => {}
            Some(s) if escaped => {
                s.push(c);
                escaped = false;
            }
            Some(_) if c == '\\' => escaped = true,
            Some(_) if c == '"' => found.extend(current.take()),
            Some(s) => s.push(c),
        }
        previous = c;
    }
    found
}

#[test]
fn no_vietnamese_text_is_written_outside_the_translation_table() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(
        files.len() > 10,
        "the app's sources should be found in {src:?}"
    );
    let mut problems = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            for literal in literals(line) {
                if literal.chars().any(is_vietnamese_letter) {
                    problems.push(format!("{}:{}: {literal:?}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "texts to move into crates/domain/src/i18n.rs:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_scan_finds_what_it_should() {
    assert_eq!(literals(r#"let a = "Hoàn tác"; // "bỏ qua""#), ["Hoàn tác"]);
    assert_eq!(literals(r#"f("a \" b", "c")"#), [r#"a " b"#, "c"]);
    assert_eq!(literals(r#"url("http://x")"#), ["http://x"]);
    assert!(literals(r#"// "chú thích""#).is_empty());
    assert!("Đang".chars().any(is_vietnamese_letter));
    assert!(!"Undo".chars().any(is_vietnamese_letter));
}
