//! The name proposed for an exported plan file: readable, ASCII only, safe on every system:
//! `ke-hoach-cchc_phuong-binh-tan_2019_2026-11-23.json`. Vietnamese letters are folded to
//! their base letter with the small table of [`crate::letters`] (no Unicode tables in the
//! bundle).

use chrono::NaiveDate;

use crate::date::format_iso_date;
use crate::letters::base_letter;
use crate::plan::Plan;

/// Longest unit part of a file name, in bytes (all ASCII).
const MAX_SLUG: usize = 60;
/// Unit part used when the unit name has no letter or digit at all.
const FALLBACK_SLUG: &str = "ke-hoach";

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
    base_letter(c).map(Some)
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
    fn every_vietnamese_letter_folds_to_ascii() {
        let letters = "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ ìíỉĩịÌÍỈĨỊ \
            òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ ỳýỷỹỵỲÝỶỸỴ đĐ";
        let folded: Vec<String> = letters.split_whitespace().map(slug).collect();
        let expected: Vec<String> = [
            (34, 'a'),
            (22, 'e'),
            (10, 'i'),
            (34, 'o'),
            (22, 'u'),
            (10, 'y'),
            (2, 'd'),
        ]
        .iter()
        .map(|(n, c)| c.to_string().repeat(*n))
        .collect();
        assert_eq!(folded, expected);
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
