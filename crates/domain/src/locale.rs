//! The two languages of the workbook. Vietnamese is the default; English is the second
//! language. Every user-facing text is chosen with [`Locale::pick`] or through the
//! translation table in [`crate::i18n`], so a missing translation does not compile.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    Vi,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Vi, Locale::En];

    /// Chooses between the Vietnamese and the English form of a text.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Locale::Vi => vi,
            Locale::En => en,
        }
    }

    /// BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        self.pick("vi", "en")
    }

    /// Picks the language from a browser language tag: Vietnamese unless it says English.
    pub fn from_browser_tag(tag: &str) -> Self {
        if tag.to_ascii_lowercase().starts_with("en") {
            Locale::En
        } else {
            Locale::Vi
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag {
            "vi" => Some(Locale::Vi),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}
