//! The name proposed for an exported plan file: readable, ASCII only, safe on every system:
//! `ke-hoach-cchc_phuong-binh-tan_2019_2026-11-23.json`. Vietnamese letters are folded to
//! their base letter with a small hand-made table (no Unicode tables in the bundle).

use chrono::NaiveDate;

use crate::date::format_iso_date;
use crate::plan::Plan;

/// Longest unit part of a file name, in bytes (all ASCII).
const MAX_SLUG: usize = 60;
/// Unit part used when the unit name has no letter or digit at all.
const FALLBACK_SLUG: &str = "ke-hoach";

/// Every precomposed (NFC) Vietnamese vowel with a mark, lower and upper case, and `đ`/`Đ`,
/// with the ASCII letter it folds to.
const FOLD: &[(&str, char)] = &[
    ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
    ("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'),
    ("èéẻẽẹêềếểễệ", 'e'),
    ("ÈÉẺẼẸÊỀẾỂỄỆ", 'e'),
    ("ìíỉĩị", 'i'),
    ("ÌÍỈĨỊ", 'i'),
    ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
    ("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'),
    ("ùúủũụưừứửữự", 'u'),
    ("ÙÚỦŨỤƯỪỨỬỮỰ", 'u'),
    ("ỳýỷỹỵ", 'y'),
    ("ỲÝỶỸỴ", 'y'),
    ("đĐ", 'd'),
];

/// Folds one character to lower-case ASCII: `Ắ` → `a`, `đ` → `d`, `B` → `b`. Combining
/// marks (text typed in decomposed form) vanish; anything else that is not an ASCII letter
/// or digit becomes `None`.
fn fold(c: char) -> Option<Option<char>> {
    if c.is_ascii_alphanumeric() {
        return Some(Some(c.to_ascii_lowercase()));
    }
    if ('\u{0300}'..='\u{036f}').contains(&c) {
        // A combining mark: belongs to the previous letter, which is already folded.
        return Some(None);
    }
    FOLD.iter()
        .find(|(letters, _)| letters.contains(c))
        .map(|(_, base)| Some(*base))
}

/// The unit name as a file-name part: `Phường Bình Tân` → `phuong-binh-tan`.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_dash = false;
    for c in name.chars() {
        match fold(c) {
            Some(Some(a)) => {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                out.push(a);
            }
            Some(None) => {}
            None => pending_dash = true,
        }
        if out.len() >= MAX_SLUG {
            break;
        }
    }
    out.truncate(MAX_SLUG);
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        FALLBACK_SLUG.to_string()
    } else {
        trimmed.to_string()
    }
}

/// `ke-hoach-cchc_<unit>_<year>_<yyyy-mm-dd>.json`
pub fn export_file_name(plan: &Plan, date: NaiveDate) -> String {
    format!(
        "ke-hoach-cchc_{}_{}_{}.json",
        slug(&plan.unit.name),
        plan.year,
        format_iso_date(date)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese_names() {
        assert_eq!(slug("Phường Bình Tân"), "phuong-binh-tan");
        assert_eq!(slug("ỦY BAN NHÂN DÂN QUẬN 2"), "uy-ban-nhan-dan-quan-2");
        assert_eq!(slug("Xã Định Hưng"), "xa-dinh-hung");
        assert_eq!(slug("Đặc khu Phú Quốc"), "dac-khu-phu-quoc");
        assert_eq!(
            slug("  Sở Nội vụ — TP. Hồ Chí Minh!  "),
            "so-noi-vu-tp-ho-chi-minh"
        );
        assert_eq!(slug("Thị trấn Ỷ Ỵ ữ ỡ"), "thi-tran-y-y-u-o");
        // Decomposed input (base letter + combining marks).
        assert_eq!(slug("Phu\u{031b}\u{0300}o\u{031b}ng"), "phuong");
        assert_eq!(slug(""), "ke-hoach");
        assert_eq!(slug("《》 ---"), "ke-hoach");
        assert_eq!(slug("<script>alert(1)</script>"), "script-alert-1-script");
    }

    #[test]
    fn every_table_letter_folds_to_ascii() {
        for (letters, base) in FOLD {
            for c in letters.chars() {
                assert_eq!(fold(c), Some(Some(*base)), "{c}");
            }
        }
        let lower: usize = FOLD.iter().step_by(2).map(|(l, _)| l.chars().count()).sum();
        // Lower-case rows: 17 a, 11 e, 5 i, 17 o, 11 u, 5 y, then the row "đĐ".
        assert_eq!(lower, 17 + 11 + 5 + 17 + 11 + 5 + 2);
    }

    #[test]
    fn long_names_are_cut_cleanly() {
        let name = "Ủy ban nhân dân phường ".repeat(10);
        let s = slug(&name);
        assert!(s.len() <= MAX_SLUG);
        assert!(!s.ends_with('-'));
        assert!(s.starts_with("uy-ban-nhan-dan-phuong-uy-ban"));
    }
}
