//! The administrative unit that owns a plan. Since 1 July 2025 local government has two
//! tiers (province/city and commune/ward/special zone); the district level survives only in
//! plans made before that date.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitLevel {
    /// Tỉnh / thành phố trực thuộc trung ương
    Province,
    /// Xã
    Commune,
    /// Phường
    Ward,
    /// Đặc khu
    SpecialZone,
    /// Sở, ban, ngành (a department of a province)
    Department,
    /// Quận / huyện / thị xã: only for plans of years up to 2025.
    LegacyDistrict,
}

/// Last plan year in which a district-level unit can exist.
pub const LAST_DISTRICT_YEAR: i32 = 2025;

impl UnitLevel {
    pub const ALL: [UnitLevel; 6] = [
        UnitLevel::Commune,
        UnitLevel::Ward,
        UnitLevel::SpecialZone,
        UnitLevel::Province,
        UnitLevel::Department,
        UnitLevel::LegacyDistrict,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UnitLevel::Province => "province",
            UnitLevel::Commune => "commune",
            UnitLevel::Ward => "ward",
            UnitLevel::SpecialZone => "special_zone",
            UnitLevel::Department => "department",
            UnitLevel::LegacyDistrict => "legacy_district",
        }
    }

    pub fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Whether a unit of this level can own a plan of `year`.
    pub fn exists_in(self, year: i32) -> bool {
        self != UnitLevel::LegacyDistrict || year <= LAST_DISTRICT_YEAR
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Stable code of the unit: the official administrative-unit code (*mã đơn vị hành
    /// chính*, e.g. `26734`) or any code the superior assigns. Empty when not known yet.
    pub id: String,
    pub name: String,
    pub level: UnitLevel,
    /// The unit the plan is sent to (*đơn vị cấp trên*), as free text.
    pub superior: String,
    /// The superior unit's code, like [`Unit::id`]. Empty when not known.
    pub superior_id: String,
    /// Keys of the file's `unit` object that this app does not know.
    pub extra: crate::extra::Extra,
}
