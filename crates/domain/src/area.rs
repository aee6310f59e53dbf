//! The reform areas (*lĩnh vực cải cách*) that group a plan's targets, in the order plans list
//! them: direction first, impact and "other" last.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReformArea {
    /// Công tác chỉ đạo, điều hành
    Direction,
    /// Cải cách thể chế
    Institutions,
    /// Cải cách thủ tục hành chính
    Procedures,
    /// Cải cách tổ chức bộ máy
    Apparatus,
    /// Cải cách chế độ công vụ
    CivilService,
    /// Cải cách tài chính công
    PublicFinance,
    /// Chính phủ điện tử, chính quyền số
    DigitalGovernment,
    /// Tác động của CCHC
    Impact,
    /// Khác
    Other,
}

impl ReformArea {
    pub const ALL: [ReformArea; 9] = [
        ReformArea::Direction,
        ReformArea::Institutions,
        ReformArea::Procedures,
        ReformArea::Apparatus,
        ReformArea::CivilService,
        ReformArea::PublicFinance,
        ReformArea::DigitalGovernment,
        ReformArea::Impact,
        ReformArea::Other,
    ];

    /// Stable machine name, as in files.
    pub fn as_str(self) -> &'static str {
        match self {
            ReformArea::Direction => "direction",
            ReformArea::Institutions => "institutions",
            ReformArea::Procedures => "procedures",
            ReformArea::Apparatus => "apparatus",
            ReformArea::CivilService => "civil_service",
            ReformArea::PublicFinance => "public_finance",
            ReformArea::DigitalGovernment => "digital_government",
            ReformArea::Impact => "impact",
            ReformArea::Other => "other",
        }
    }

    pub fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
}
