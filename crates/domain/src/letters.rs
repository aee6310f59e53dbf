//! Letter case and accent folding for Vietnamese text, from one small table instead of the
//! standard library's Unicode tables (`char::to_uppercase` and `str::to_lowercase` bring about
//! 37 KB of tables and code into the WebAssembly bundle, 17 KB gzipped).
//!
//! Covered: ASCII letters, and every precomposed (NFC) Vietnamese letter with a mark, `đ` and
//! `Đ`. Any other character is left as it is (no other script has a case here).

/// Every Vietnamese lower-case letter with a mark, and `đ`, ...
const LOWER: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
/// ... the same letters in upper case, in the same order ...
const UPPER: &str = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";
/// ... and the ASCII letter each one folds to.
const BASE: &[u8] = b"aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd";

/// `c` in upper case: `a` → `A`, `ữ` → `Ữ`, `đ` → `Đ`.
pub fn upper(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    match LOWER.chars().position(|l| l == c) {
        Some(i) => UPPER.chars().nth(i).unwrap_or(c),
        None => c,
    }
}

/// `c` in lower case: `A` → `a`, `Ữ` → `ữ`, `Đ` → `đ`.
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match UPPER.chars().position(|u| u == c) {
        Some(i) => LOWER.chars().nth(i).unwrap_or(c),
        None => c,
    }
}

/// The text in lower case (see [`lower`]).
pub fn lowercase(s: &str) -> String {
    s.chars().map(lower).collect()
}

/// The text with its first letter in upper case (see [`upper`]).
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => std::iter::once(upper(c)).chain(chars).collect(),
        None => String::new(),
    }
}

/// The ASCII letter a Vietnamese letter with a mark folds to, in lower case: `Ắ` → `a`,
/// `đ` → `d`. `None` for any other character.
pub fn base_letter(c: char) -> Option<char> {
    let i = LOWER.chars().position(|l| l == lower(c))?;
    BASE.get(i).map(|b| char::from(*b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_agrees_with_unicode() {
        assert_eq!(LOWER.chars().count(), 67);
        assert_eq!(UPPER.chars().count(), 67);
        assert_eq!(BASE.len(), 67);
        for (l, u) in LOWER.chars().zip(UPPER.chars()) {
            assert_eq!(l.to_uppercase().collect::<String>(), u.to_string());
            assert_eq!(u.to_lowercase().collect::<String>(), l.to_string());
            assert_eq!(upper(l), u);
            assert_eq!(lower(u), l);
            assert_eq!(upper(u), u);
            assert_eq!(lower(l), l);
        }
        // 17 a, 11 e, 5 i, 17 o, 11 u, 5 y, then đ.
        assert_eq!(
            String::from_utf8_lossy(BASE),
            format!(
                "{}{}{}{}{}{}d",
                "a".repeat(17),
                "e".repeat(11),
                "i".repeat(5),
                "o".repeat(17),
                "u".repeat(11),
                "y".repeat(5)
            )
        );
        for c in ('\u{0}'..='\u{7f}')
            .chain(LOWER.chars())
            .chain(UPPER.chars())
        {
            assert_eq!(upper(c).to_string(), c.to_uppercase().collect::<String>());
            assert_eq!(lower(c).to_string(), c.to_lowercase().collect::<String>());
        }
    }

    #[test]
    fn vietnamese_text() {
        assert_eq!(capitalize("điều kiện thứ nhất"), "Điều kiện thứ nhất");
        assert_eq!(capitalize("ưu tiên"), "Ưu tiên");
        assert_eq!(capitalize("«x»"), "«x»");
        assert_eq!(capitalize(""), "");
        assert_eq!(lowercase(" HỘ TỊCH Đất Đai "), " hộ tịch đất đai ");
        assert_eq!(base_letter('Ắ'), Some('a'));
        assert_eq!(base_letter('đ'), Some('d'));
        assert_eq!(base_letter('Ỵ'), Some('y'));
        assert_eq!(base_letter('a'), None);
        assert_eq!(base_letter('ß'), None);
        // Other scripts are left alone.
        assert_eq!(upper('ß'), 'ß');
        assert_eq!(lower('Ж'), 'Ж');
    }
}
