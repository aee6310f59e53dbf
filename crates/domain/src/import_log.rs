//! The import log kept in the workbook: which file was imported when, which plan it held, and
//! what was done with it (added, replaced, kept, skipped, refused and why).
//!
//! The log is kept oldest first and holds at most [`MAX_LOG_ENTRIES`] entries:
//! [`ImportLog::append`] drops the oldest beyond that, so the stored log stays small.
//!
//! It is stored as compact JSON ([`encode_log`]):
//!
//! ```json
//! {"format":"cchc-workbook/import-log","version":1,"entries":[
//!   {"at":"2026-11-23T09:15:00+07:00","fileName":"ke-hoach.json",
//!    "plan":{"id":"p-1","unit":"Phường A","year":2026,"revision":3},
//!    "action":{"kind":"replaced","previousRevision":2}}]}
//! ```
//!
//! `plan` is left out for a refused file. `action.kind` is one of `added`, `added_alongside`
//! (with `newId`), `replaced` (with `previousRevision`), `kept_mine`, `identical`, `skipped`,
//! `refused` (with `code`, an [`ImportError::code`]), `template_kept` (a template file added
//! to the template library).
//!
//! Reading ([`decode_log`]) never panics. The log only reports what happened, so it is read
//! leniently below its envelope: an entry that is not an object is left out, a field that is
//! missing or of the wrong type reads as empty (text), `0` (number) or no plan, and an action
//! kind this version does not know (written by a newer app) is kept as
//! [`LogAction::Unknown`] with its name, shown as such and written back unchanged. Only a
//! text that is not a log at all (too large, not JSON, another format, another version, no
//! list of entries) is refused, with a [`LogError`].

use serde_json::{Map, Value};

use crate::file::encode::{json_excerpt, Writer};
use crate::file::{HashFault, ImportError, JsonFault};
use crate::locale::Locale;
use crate::plan::Plan;
use crate::validate::{JsonType, ProblemKind};

/// Marker of the stored log.
pub const LOG_FORMAT_ID: &str = "cchc-workbook/import-log";
/// The version of the log's shape, the only one read.
pub const LOG_FORMAT_VERSION: u32 = 1;
/// Most entries kept; [`ImportLog::append`] drops the oldest beyond it.
pub const MAX_LOG_ENTRIES: usize = 500;
/// A stored log longer than this is refused before it is parsed (a full log of
/// [`MAX_LOG_ENTRIES`] entries is some hundreds of KB).
pub const MAX_LOG_BYTES: usize = 4 * 1024 * 1024;

/// What was done with one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// When, RFC 3339, from the browser's clock.
    pub at: String,
    pub file_name: String,
    /// The plan the file held; none for a refused file.
    pub plan: Option<LoggedPlan>,
    pub action: LogAction,
}

/// The plan a file held, as it was in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoggedPlan {
    pub id: String,
    /// The unit's name.
    pub unit: String,
    pub year: i32,
    pub revision: u32,
}

impl LoggedPlan {
    pub fn of(plan: &Plan) -> Self {
        LoggedPlan {
            id: plan.id.0.clone(),
            unit: plan.unit.name.clone(),
            year: plan.year,
            revision: plan.revision,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogAction {
    /// Added as a plan not held before.
    Added,
    /// Added beside the held plan of the same id, under `new_id`.
    AddedAlongside {
        new_id: String,
    },
    /// Replaced the held plan of the same id, which had `previous_revision`.
    Replaced {
        previous_revision: u32,
    },
    /// The held plan was kept; the file was not taken.
    KeptMine,
    /// A template file, kept in the template library (the workbook is unchanged).
    TemplateKept,
    /// The file held exactly the plan already held.
    Identical,
    Skipped,
    /// The file could not be read; `code` is [`ImportError::code`].
    Refused {
        code: String,
    },
    /// An action a newer version of the app logged, by its name in the log.
    Unknown {
        kind: String,
    },
}

impl LogAction {
    /// The name in the stored log.
    pub fn kind(&self) -> &str {
        match self {
            LogAction::Added => "added",
            LogAction::AddedAlongside { .. } => "added_alongside",
            LogAction::Replaced { .. } => "replaced",
            LogAction::KeptMine => "kept_mine",
            LogAction::TemplateKept => "template_kept",
            LogAction::Identical => "identical",
            LogAction::Skipped => "skipped",
            LogAction::Refused { .. } => "refused",
            LogAction::Unknown { kind } => kind,
        }
    }
}

/// The log, oldest entry first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportLog {
    pub entries: Vec<LogEntry>,
}

impl ImportLog {
    /// Adds entries after the existing ones, then drops the oldest beyond
    /// [`MAX_LOG_ENTRIES`].
    pub fn append(&mut self, new: Vec<LogEntry>) {
        self.entries.extend(new);
        self.keep_newest();
    }

    fn keep_newest(&mut self) {
        let excess = self.entries.len().saturating_sub(MAX_LOG_ENTRIES);
        self.entries.drain(..excess);
    }

    pub fn newest_first(&self) -> impl Iterator<Item = &LogEntry> {
        self.entries.iter().rev()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Why a stored log could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LogError {
    /// Longer than [`MAX_LOG_BYTES`]; not parsed.
    #[error("the import log is too large ({bytes} bytes)")]
    TooLarge { bytes: usize },
    #[error("the import log is not valid JSON")]
    NotJson,
    /// Valid JSON without the log's `format` marker.
    #[error("not an import log")]
    NotALog,
    /// A `version` other than [`LOG_FORMAT_VERSION`] (`found` is its JSON text, empty when
    /// there is none).
    #[error("unsupported import log version {found:?}")]
    UnsupportedVersion { found: String },
    /// No `entries` list.
    #[error("the import log has no list of entries")]
    NoEntries,
}

impl LogError {
    /// A message for the officer.
    pub fn message(&self, locale: Locale) -> &'static str {
        match self {
            LogError::UnsupportedVersion { .. } => locale.pick(
                "Nhật ký nhập được ghi bởi phiên bản khác của ứng dụng nên không đọc được.",
                "The import log was written by another version of the app and cannot be read.",
            ),
            _ => locale.pick(
                "Nhật ký nhập bị hỏng nên không đọc được.",
                "The import log is damaged and cannot be read.",
            ),
        }
    }
}

/// The log as compact JSON (the shape is in the module documentation).
pub fn encode_log(log: &ImportLog) -> String {
    let mut w = Writer::new(false);
    w.open_object();
    w.key("format");
    w.string(LOG_FORMAT_ID);
    w.key("version");
    w.int(i64::from(LOG_FORMAT_VERSION));
    w.key("entries");
    w.open_list();
    for e in &log.entries {
        w.item();
        w.open_object();
        w.key("at");
        w.string(&e.at);
        w.key("fileName");
        w.string(&e.file_name);
        if let Some(p) = &e.plan {
            w.key("plan");
            w.open_object();
            w.key("id");
            w.string(&p.id);
            w.key("unit");
            w.string(&p.unit);
            w.key("year");
            w.int(i64::from(p.year));
            w.key("revision");
            w.int(i64::from(p.revision));
            w.close_object();
        }
        w.key("action");
        w.open_object();
        w.key("kind");
        w.string(e.action.kind());
        match &e.action {
            LogAction::AddedAlongside { new_id } => {
                w.key("newId");
                w.string(new_id);
            }
            LogAction::Replaced { previous_revision } => {
                w.key("previousRevision");
                w.int(i64::from(*previous_revision));
            }
            LogAction::Refused { code } => {
                w.key("code");
                w.string(code);
            }
            _ => {}
        }
        w.close_object();
        w.close_object();
    }
    w.close_list();
    w.close_object();
    w.finish()
}

/// Reads a stored log (see the module documentation for what is refused and what is read
/// leniently). At most the newest [`MAX_LOG_ENTRIES`] entries are kept.
pub fn decode_log(text: &str) -> Result<ImportLog, LogError> {
    if text.len() > MAX_LOG_BYTES {
        return Err(LogError::TooLarge { bytes: text.len() });
    }
    // serde_json refuses nesting deeper than 128 levels with an error, never a stack overflow.
    let root: Value = serde_json::from_str(text).map_err(|_| LogError::NotJson)?;
    let Value::Object(root) = root else {
        return Err(LogError::NotALog);
    };
    if root.get("format").and_then(Value::as_str) != Some(LOG_FORMAT_ID) {
        return Err(LogError::NotALog);
    }
    match root.get("version") {
        Some(v) if v.as_u64() == Some(u64::from(LOG_FORMAT_VERSION)) => {}
        found => {
            return Err(LogError::UnsupportedVersion {
                found: found.map(|v| json_excerpt(v, 40)).unwrap_or_default(),
            })
        }
    }
    let Some(Value::Array(items)) = root.get("entries") else {
        return Err(LogError::NoEntries);
    };
    let mut log = ImportLog {
        entries: items.iter().filter_map(decode_entry).collect(),
    };
    log.keep_newest();
    Ok(log)
}

fn text(o: &Map<String, Value>, key: &str) -> String {
    o.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn number<T: TryFrom<i64> + Default>(o: &Map<String, Value>, key: &str) -> T {
    o.get(key)
        .and_then(Value::as_i64)
        .and_then(|n| T::try_from(n).ok())
        .unwrap_or_default()
}

fn decode_entry(v: &Value) -> Option<LogEntry> {
    let o = v.as_object()?;
    let plan = o
        .get("plan")
        .and_then(Value::as_object)
        .map(|p| LoggedPlan {
            id: text(p, "id"),
            unit: text(p, "unit"),
            year: number(p, "year"),
            revision: number(p, "revision"),
        });
    let empty = Map::new();
    let a = o.get("action").and_then(Value::as_object).unwrap_or(&empty);
    let action = match a.get("kind").and_then(Value::as_str).unwrap_or_default() {
        "added" => LogAction::Added,
        "added_alongside" => LogAction::AddedAlongside {
            new_id: text(a, "newId"),
        },
        "replaced" => LogAction::Replaced {
            previous_revision: number(a, "previousRevision"),
        },
        "kept_mine" => LogAction::KeptMine,
        "template_kept" => LogAction::TemplateKept,
        "identical" => LogAction::Identical,
        "skipped" => LogAction::Skipped,
        "refused" => LogAction::Refused {
            code: text(a, "code"),
        },
        other => LogAction::Unknown {
            kind: other.to_string(),
        },
    };
    Some(LogEntry {
        at: text(o, "at"),
        file_name: text(o, "fileName"),
        plan,
        action,
    })
}

/// What was done, in words: `Đã thêm`, `Đã thay bằng bản nhận được (trước là phiên bản 3)`,
/// `Không nhập: Tệp bị hỏng hoặc bị sửa`, …
pub fn describe_action(a: &LogAction, locale: Locale) -> String {
    let l = locale;
    match a {
        LogAction::Added => l.pick("Đã thêm", "Added").into(),
        LogAction::AddedAlongside { .. } => l
            .pick("Đã thêm thành bản riêng", "Added as a separate copy")
            .into(),
        LogAction::Replaced {
            previous_revision: n,
        } => l.pick(
            format!("Đã thay bằng bản nhận được (trước là phiên bản {n})"),
            format!("Replaced with the received version (was revision {n})"),
        ),
        LogAction::KeptMine => l.pick("Giữ bản đang có", "Kept the plan held").into(),
        LogAction::TemplateKept => l
            .pick("Đã thêm vào thư viện mẫu", "Added to the template library")
            .into(),
        LogAction::Identical => l
            .pick("Giống hệt, không thay đổi", "Identical, nothing changed")
            .into(),
        LogAction::Skipped => l.pick("Bỏ qua", "Skipped").into(),
        LogAction::Refused { code } => {
            let why = match error_of_code(code) {
                Some(e) => e.headline(l).to_string(),
                None => code.clone(),
            };
            format!("{}: {why}", l.pick("Không nhập", "Not imported"))
        }
        LogAction::Unknown { kind } => {
            let what = l.pick("Thao tác không rõ", "Unknown action");
            if kind.is_empty() {
                what.into()
            } else {
                format!("{what} ({})", crate::plan_diff::excerpt(kind, 40))
            }
        }
    }
}

/// An error of the kind named by `code`, for its headline.
fn error_of_code(code: &str) -> Option<ImportError> {
    Some(match code {
        "empty" => ImportError::Empty,
        "too_large" => ImportError::TooLarge { bytes: 0, limit: 0 },
        "not_utf8" => ImportError::NotUtf8,
        "not_json" => ImportError::NotJson {
            line: 0,
            column: 0,
            fault: JsonFault::Syntax,
        },
        "not_an_object" => ImportError::NotAnObject {
            found: JsonType::Null,
        },
        "not_a_plan_file" => ImportError::NotAPlanFile { found: None },
        "newer_version" => ImportError::NewerVersion {
            found: 0,
            supported: 0,
        },
        "unsupported_version" => ImportError::UnsupportedVersion {
            found: String::new(),
        },
        "damaged" => ImportError::Damaged {
            fault: HashFault::Mismatch,
        },
        "invalid" => ImportError::Invalid {
            location: Box::default(),
            kind: ProblemKind::EmptyUnitName,
        },
        _ => return None,
    })
    .filter(|e| e.code() == code)
}
