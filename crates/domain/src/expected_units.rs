//! The list of units a superior expects plans from, as the officer types or pastes it: one
//! unit per line, `code; name` (a tab or a comma also separates them, as when pasted from a
//! spreadsheet) or the name alone. Blank lines are skipped; a unit listed twice counts once.

use crate::consolidation::ExpectedUnit;

/// Reads the typed list.
pub fn parse_expected_units(text: &str) -> Vec<ExpectedUnit> {
    let mut units: Vec<ExpectedUnit> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (code, name) = match line.split_once([';', '\t', ',']) {
            // A leading code is digits or a short token without spaces; otherwise the whole
            // line is a name that happens to hold a comma.
            Some((code, name)) if is_code(code.trim()) && !name.trim().is_empty() => {
                (code.trim().to_string(), name.trim().to_string())
            }
            _ => (String::new(), line.to_string()),
        };
        let unit = ExpectedUnit { code, name };
        if !units.contains(&unit) {
            units.push(unit);
        }
    }
    units
}

fn is_code(s: &str) -> bool {
    !s.is_empty() && s.chars().count() <= 20 && !s.contains(char::is_whitespace)
}

/// Writes the list back as the officer would type it.
pub fn format_expected_units(units: &[ExpectedUnit]) -> String {
    units
        .iter()
        .map(|u| {
            if u.code.is_empty() {
                u.name.clone()
            } else {
                format!("{}; {}", u.code, u.name)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
