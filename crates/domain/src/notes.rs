//! Notes attached to a plan or a target: internal notes for the unit's own staff, and notes
//! meant for the superior unit. Exporting can leave the internal notes out of the file.

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    /// For the unit itself (*ghi chú nội bộ*): who to chase, doubts about a figure, …
    pub internal: String,
    /// For the superior unit that receives the plan (*ghi chú gửi cấp trên*).
    pub for_superior: String,
}

impl Notes {
    pub fn is_empty(&self) -> bool {
        self.internal.is_empty() && self.for_superior.is_empty()
    }
}
