//! Why a plan file was refused: [`ImportError`], one variant per thing that can be wrong with
//! a file, from its bytes up to the meaning of the plan inside, each with a bilingual message
//! that says what is wrong and what to do.

use crate::locale::Locale;
use crate::validate::{JsonType, Location, Problem, ProblemKind};

use super::{FORMAT_ID, FORMAT_VERSION};

/// What kind of JSON syntax problem stopped the reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonFault {
    /// Something that is not JSON (a stray character, a missing comma, `NaN`, a number too
    /// large for JSON …).
    Syntax,
    /// The text stops in the middle (a cut-off download or copy).
    EndedEarly,
    /// Lists or objects nested too deeply to be a plan.
    TooDeep,
}

/// What is wrong with a file's content hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HashFault {
    /// The envelope has no `contentHash` (every file since format version 2 has one).
    Missing,
    /// The `contentHash` is not `sha256:` and 64 hex digits.
    Malformed,
    /// The plan does not match the hash: it changed after the file was written.
    Mismatch,
}

/// Why a file could not be imported (or a stored plan could not be read).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Nothing in the file but whitespace or a byte-order mark.
    #[error("the file is empty")]
    Empty,
    /// Bigger than [`super::MAX_FILE_BYTES`]; refused before reading.
    #[error("the file is too large ({bytes} bytes, limit {limit})")]
    TooLarge { bytes: usize, limit: usize },
    /// Not UTF-8 text (a spreadsheet, an image, a file saved in a legacy encoding).
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    /// Not JSON; `line` and `column` are 1-based.
    #[error("the file is not valid JSON ({fault:?} at line {line}, column {column})")]
    NotJson {
        line: usize,
        column: usize,
        fault: JsonFault,
    },
    /// Valid JSON, but not an object at the top.
    #[error("the file holds {found:?}, not a JSON object")]
    NotAnObject { found: JsonType },
    /// A JSON object without our `format` marker: another program's file. `found` is the
    /// text of its `format` field, if it has one.
    #[error("not a CCHC Workbook plan file")]
    NotAPlanFile { found: Option<String> },
    /// Made by a newer version of the app.
    #[error("the file uses format version {found}; this app reads up to {supported}")]
    NewerVersion { found: u64, supported: u32 },
    /// A `formatVersion` that no version of the app ever wrote (`0`, `-1`, `"one"`), or none
    /// at all (`found` is then empty). `found` is the JSON text of the value.
    #[error("unsupported format version {found:?}")]
    UnsupportedVersion { found: String },
    /// The content hash is missing, malformed or does not match: the file was damaged or
    /// edited by hand after it was exported.
    #[error("the content hash is wrong ({fault:?})")]
    Damaged { fault: HashFault },
    /// The plan inside cannot be read or does not make sense. The location is boxed to keep
    /// the error small (every `Result` carrying it pays for its largest variant).
    #[error("invalid plan: {kind:?} at {location:?}")]
    Invalid {
        location: Box<Location>,
        kind: ProblemKind,
    },
}

impl From<Problem> for ImportError {
    fn from(p: Problem) -> Self {
        ImportError::Invalid {
            location: Box::new(p.location),
            kind: p.kind,
        }
    }
}

impl ImportError {
    /// A short stable name of the kind of error, for the import log: `empty`, `too_large`,
    /// `not_utf8`, `not_json`, `not_an_object`, `not_a_plan_file`, `newer_version`,
    /// `unsupported_version`, `damaged`, `invalid`.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Empty => "empty",
            ImportError::TooLarge { .. } => "too_large",
            ImportError::NotUtf8 => "not_utf8",
            ImportError::NotJson { .. } => "not_json",
            ImportError::NotAnObject { .. } => "not_an_object",
            ImportError::NotAPlanFile { .. } => "not_a_plan_file",
            ImportError::NewerVersion { .. } => "newer_version",
            ImportError::UnsupportedVersion { .. } => "unsupported_version",
            ImportError::Damaged { .. } => "damaged",
            ImportError::Invalid { .. } => "invalid",
        }
    }

    /// A few words naming the kind of error, for the import report's table.
    pub fn headline(&self, locale: Locale) -> &'static str {
        let (vi, en) = match self {
            ImportError::Empty => ("Tệp trống", "Empty file"),
            ImportError::TooLarge { .. } => ("Tệp quá lớn", "File too large"),
            ImportError::NotUtf8 => ("Không phải văn bản UTF-8", "Not UTF-8 text"),
            ImportError::NotJson { .. } => ("Không phải JSON hợp lệ", "Not valid JSON"),
            ImportError::NotAnObject { .. } | ImportError::NotAPlanFile { .. } => {
                ("Không phải tệp kế hoạch", "Not a plan file")
            }
            ImportError::NewerVersion { .. } => (
                "Tạo bởi phiên bản mới hơn của ứng dụng",
                "Made by a newer version of the app",
            ),
            ImportError::UnsupportedVersion { .. } => {
                ("Phiên bản định dạng không hợp lệ", "Invalid format version")
            }
            ImportError::Damaged { .. } => ("Tệp bị hỏng hoặc bị sửa", "Damaged or edited file"),
            ImportError::Invalid { .. } => ("Nội dung không hợp lệ", "Invalid content"),
        };
        locale.pick(vi, en)
    }

    /// The message for the officer: what is wrong and what to do.
    pub fn message(&self, locale: Locale) -> String {
        let vi = locale == Locale::Vi;
        let choose_again = locale.pick(
            "Hãy chọn tệp kế hoạch (.json) đã xuất từ CCHC Workbook.",
            "Choose a plan file (.json) exported from the CCHC Workbook.",
        );
        let export_again = locale.pick(
            "Tệp có thể đã bị sửa tay hoặc bị hỏng: hãy xuất lại từ ứng dụng đã tạo ra nó.",
            "The file may have been edited by hand or damaged: export it again from the app that made it.",
        );
        match self {
            ImportError::Empty => format!(
                "{} {choose_again}",
                locale.pick(
                    "Tệp trống: không có nội dung nào để nhập.",
                    "The file is empty: there is nothing to import."
                )
            ),
            ImportError::TooLarge { bytes, limit } => {
                let (size, max) = (megabytes(*bytes, locale), megabytes(*limit, locale));
                if vi {
                    format!(
                        "Tệp quá lớn ({size}; giới hạn {max}) nên không được đọc. Tệp kế hoạch thường chỉ vài trăm KB: hãy kiểm tra đã chọn đúng tệp chưa."
                    )
                } else {
                    format!(
                        "The file is too large ({size}; the limit is {max}) and was not read. A plan file is usually a few hundred KB: check that you chose the right file."
                    )
                }
            }
            ImportError::NotUtf8 => format!(
                "{} {choose_again}",
                locale.pick(
                    "Tệp không phải là văn bản UTF-8 (có thể là tệp Word, Excel, hình ảnh, tệp lưu bằng bảng mã cũ, hoặc tệp bị hỏng).",
                    "The file is not UTF-8 text (it may be a Word or Excel file, an image, a file saved in a legacy encoding, or a damaged file)."
                )
            ),
            ImportError::NotJson {
                line,
                column,
                fault,
            } => {
                let what = match (fault, vi) {
                    (JsonFault::Syntax, true) => format!(
                        "Tệp không phải là JSON hợp lệ: có lỗi cú pháp ở dòng {line}, cột {column}."
                    ),
                    (JsonFault::Syntax, false) => format!(
                        "The file is not valid JSON: there is a syntax error at line {line}, column {column}."
                    ),
                    (JsonFault::EndedEarly, true) => format!(
                        "Tệp JSON bị cắt cụt: nội dung dừng giữa chừng ở dòng {line}, cột {column} (có thể tải về hoặc sao chép chưa xong)."
                    ),
                    (JsonFault::EndedEarly, false) => format!(
                        "The JSON file is cut short: it stops in the middle at line {line}, column {column} (the download or copy may not have finished)."
                    ),
                    (JsonFault::TooDeep, true) => format!(
                        "Tệp JSON lồng nhau quá nhiều tầng (tại dòng {line}, cột {column}); một tệp kế hoạch không bao giờ như vậy."
                    ),
                    (JsonFault::TooDeep, false) => format!(
                        "The JSON file is nested too deeply (at line {line}, column {column}); a plan file never is."
                    ),
                };
                format!("{what} {export_again}")
            }
            ImportError::NotAnObject { found } => {
                if vi {
                    format!(
                        "Tệp chứa {} chứ không phải một kế hoạch (một đối tượng JSON có dấu hiệu \"format\": \"{FORMAT_ID}\"). {choose_again}",
                        found.name(locale)
                    )
                } else {
                    format!(
                        "The file holds {} instead of a plan (a JSON object marked \"format\": \"{FORMAT_ID}\"). {choose_again}",
                        found.name(locale)
                    )
                }
            }
            ImportError::NotAPlanFile { found } => {
                let marker = match (found, vi) {
                    (Some(f), true) => format!(
                        "trường \"format\" của nó ghi «{}» thay vì \"{FORMAT_ID}\"",
                        short(f)
                    ),
                    (Some(f), false) => format!(
                        "its \"format\" field says «{}» instead of \"{FORMAT_ID}\"",
                        short(f)
                    ),
                    (None, true) => format!("tệp không có dấu hiệu \"format\": \"{FORMAT_ID}\""),
                    (None, false) => format!("it lacks the marker \"format\": \"{FORMAT_ID}\""),
                };
                if vi {
                    format!(
                        "Đây không phải là tệp kế hoạch của CCHC Workbook ({marker}); có thể đây là tệp JSON của một chương trình khác. {choose_again}"
                    )
                } else {
                    format!(
                        "This is not a CCHC Workbook plan file ({marker}); it may be another program's JSON file. {choose_again}"
                    )
                }
            }
            ImportError::NewerVersion { found, supported } => {
                if vi {
                    format!(
                        "Tệp được tạo bởi một phiên bản mới hơn của ứng dụng (định dạng phiên bản {found}; phiên bản đang dùng chỉ đọc được đến phiên bản {supported}). Hãy cập nhật CCHC Workbook (tải lại trang khi có mạng) rồi nhập lại tệp."
                    )
                } else {
                    format!(
                        "The file was made by a newer version of the app (format version {found}; this version reads up to version {supported}). Update the CCHC Workbook (reload the page while online) and import the file again."
                    )
                }
            }
            ImportError::UnsupportedVersion { found } => {
                let what = match (found.is_empty(), vi) {
                    (true, true) => {
                        "Tệp không ghi phiên bản định dạng (trường \"formatVersion\").".to_string()
                    }
                    (true, false) => {
                        "The file does not state its format version (the \"formatVersion\" field).".to_string()
                    }
                    (false, true) => format!(
                        "Tệp ghi phiên bản định dạng «{}», nhưng chưa từng có phiên bản nào như vậy ({}).",
                        short(found),
                        if FORMAT_VERSION == 1 {
                            "phiên bản duy nhất hiện có là 1".to_string()
                        } else {
                            format!("các phiên bản là số nguyên từ 1 đến {FORMAT_VERSION}")
                        }
                    ),
                    (false, false) => format!(
                        "The file states format version «{}», which never existed ({}).",
                        short(found),
                        if FORMAT_VERSION == 1 {
                            "the only version so far is 1".to_string()
                        } else {
                            format!("versions are whole numbers from 1 to {FORMAT_VERSION}")
                        }
                    ),
                };
                format!("{what} {export_again}")
            }
            ImportError::Damaged { fault } => {
                let what = match fault {
                    HashFault::Missing => locale.pick(
                        "Tệp không có mã kiểm tra nội dung (trường \"contentHash\"), nên không thể biết tệp có còn nguyên vẹn không.",
                        "The file has no content hash (the \"contentHash\" field), so there is no telling whether it is intact.",
                    ),
                    HashFault::Malformed => locale.pick(
                        "Mã kiểm tra nội dung của tệp (trường \"contentHash\") bị sai dạng.",
                        "The file's content hash (the \"contentHash\" field) is malformed.",
                    ),
                    HashFault::Mismatch => locale.pick(
                        "Nội dung tệp không khớp với mã kiểm tra ghi trong tệp: tệp đã bị thay đổi sau khi xuất (bị hỏng hoặc bị sửa tay).",
                        "The file's content does not match the content hash it carries: it changed after it was exported (damaged or edited by hand).",
                    ),
                };
                format!(
                    "{what} {}",
                    locale.pick(
                        "Kế hoạch chưa được nhập. Hãy đề nghị đơn vị gửi tệp xuất lại kế hoạch từ ứng dụng và gửi lại.",
                        "The plan was not imported. Ask the unit that sent it to export the plan again from the app and resend it.",
                    )
                )
            }
            ImportError::Invalid { location, kind } => {
                let problem = Problem {
                    location: location.as_ref().clone(),
                    kind: kind.clone(),
                };
                let advice = if kind.is_structural() {
                    locale.pick(
                        "Kế hoạch chưa được nhập. Tệp có thể đã bị sửa tay hoặc bị hỏng: hãy xuất lại từ ứng dụng đã tạo ra nó, hoặc sửa đúng chỗ này trong tệp.",
                        "The plan was not imported. The file may have been edited by hand or damaged: export it again from the app that made it, or correct this spot in the file.",
                    )
                } else {
                    locale.pick(
                        "Kế hoạch chưa được nhập. Hãy sửa chỗ này trong ứng dụng đã xuất tệp rồi xuất lại.",
                        "The plan was not imported. Correct this in the workbook that exported the file, then export it again.",
                    )
                };
                format!("{} {advice}", problem.message(locale))
            }
        }
    }
}

/// `5,0 MB` / `5.0 MB`.
fn megabytes(bytes: usize, locale: Locale) -> String {
    let tenths = (bytes as u128 * 10 + 524_288) / 1_048_576;
    let (int, frac) = (tenths / 10, tenths % 10);
    format!("{int}{}{frac} MB", locale.pick(",", "."))
}

fn short(s: &str) -> String {
    if s.chars().count() > 60 {
        let cut: String = s.chars().take(59).collect();
        format!("{cut}…")
    } else {
        s.to_string()
    }
}
