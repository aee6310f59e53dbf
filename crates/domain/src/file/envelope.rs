//! The envelope around a plan in a file: the `format` marker that tells our files from any
//! other JSON, the format version, the app that wrote the file and when, and the ordered
//! chain of migrations that brings a plan written by an older version up to date.

use serde_json::Value;

use crate::plan::Plan;
use crate::validate::{JsonType, Location, ProblemKind};

use super::content_hash::{content_hash, hash_bytes, HASH_PREFIX};
use super::encode::{self, json_excerpt, Writer};
use super::error::{HashFault, ImportError};
use super::tree::{canonical, Json, Leaf};
use super::{ExportMeta, ReadStep, APP_NAME, FORMAT_ID, FORMAT_VERSION};

/// Writes a plan in its envelope as pretty JSON, ending with a newline. The envelope's keys
/// come first, in this order, so that the marker is the first thing anyone opening the file
/// sees.
pub(crate) fn write(plan: &Plan, meta: &ExportMeta, pretty: bool) -> String {
    let mut w = Writer::new(pretty);
    w.open_object();
    w.key("format");
    w.string(FORMAT_ID);
    w.key("formatVersion");
    w.int(i64::from(FORMAT_VERSION));
    w.key("app");
    w.open_object();
    w.key("name");
    w.string(APP_NAME);
    w.key("version");
    w.string(&meta.app_version);
    w.close_object();
    w.key("exportedAt");
    w.string(&meta.exported_at);
    w.key("contentHash");
    w.string(&content_hash(plan));
    w.key("plan");
    encode::plan(&mut w, plan);
    w.close_object();
    let mut text = w.finish();
    if pretty {
        text.push('\n');
    }
    text
}

/// What the envelope of a file says, with the plan brought up to the current version.
pub(crate) struct Opened<'a> {
    pub format_version: u32,
    pub app_version: String,
    pub exported_at: String,
    /// The content hash the file carries (checked when asked to), if any.
    pub content_hash: Option<String>,
    pub plan: Json<'a>,
}

/// Whether to check the content hash: always for a file; not for a plan the app stored
/// itself (see [`super::read_stored_plan`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum HashCheck {
    Verify,
    Skip,
}

/// The first format version whose files carry a content hash.
const FIRST_HASHED_VERSION: u32 = 2;

/// Checks the envelope of a parsed file and migrates its plan.
/// `step_done` is told of [`ReadStep::Envelope`] and, when the hash is checked, of
/// [`ReadStep::Canonical`] and [`ReadStep::Hash`].
pub(crate) fn open<'a>(
    root: Json<'a>,
    check: HashCheck,
    step_done: &mut dyn FnMut(ReadStep),
) -> Result<Opened<'a>, ImportError> {
    let mut root = match root {
        Json::Object(m) => m,
        other => {
            return Err(ImportError::NotAnObject {
                found: other.json_type(),
            })
        }
    };
    match root.get("format") {
        Some(Json::String(s)) if *s == FORMAT_ID => {}
        Some(Json::String(s)) => {
            return Err(ImportError::NotAPlanFile {
                found: Some(String::from(&**s)),
            })
        }
        Some(other) => {
            return Err(ImportError::NotAPlanFile {
                found: Some(other.excerpt(100)),
            })
        }
        None => return Err(ImportError::NotAPlanFile { found: None }),
    }
    let stated_version = root.get("formatVersion").map(Json::to_value);
    let format_version = version(stated_version.as_ref())?;
    // The app and the export time only inform; a file without them is still a plan.
    let app_version = match root.get("app").and_then(|a| a.get("version")) {
        Some(Json::String(s)) => String::from(&**s),
        _ => String::new(),
    };
    let exported_at = match root.get("exportedAt") {
        Some(Json::String(s)) => String::from(&**s),
        _ => String::new(),
    };
    let plan = match root.take("plan") {
        Some(p @ Json::Object(_)) => p,
        Some(other) => {
            return Err(ImportError::Invalid {
                location: Box::new(envelope_field("plan")),
                kind: ProblemKind::WrongType {
                    expected: JsonType::Object,
                    found: other.json_type(),
                },
            })
        }
        None => {
            return Err(ImportError::Invalid {
                location: Box::new(envelope_field("plan")),
                kind: ProblemKind::MissingField {
                    field: "plan".to_string(),
                },
            })
        }
    };
    // Only a version that has the hash carries one: a `contentHash` key in a version-1 file
    // is an unknown key, never checked, so it is not reported as the file's hash either.
    let content_hash = match root.get("contentHash") {
        Some(Json::String(s)) if format_version >= FIRST_HASHED_VERSION => Some(String::from(&**s)),
        _ => None,
    };
    step_done(ReadStep::Envelope);
    if check == HashCheck::Verify && format_version >= FIRST_HASHED_VERSION {
        verify_hash(root.get("contentHash"), &plan, step_done)?;
    }
    // The migrations work on serde_json's `Value`; a current file needs none.
    let plan = if format_version < FORMAT_VERSION {
        Json::from_value(&migrate(format_version, plan.to_value())?)
    } else {
        plan
    };
    Ok(Opened {
        format_version,
        app_version,
        exported_at,
        content_hash,
        plan,
    })
}

/// Checks the `contentHash` of the envelope against the `plan` value as the file has it.
fn verify_hash(
    stated: Option<&Json>,
    plan: &Json,
    step_done: &mut dyn FnMut(ReadStep),
) -> Result<(), ImportError> {
    let stated = match stated {
        None | Some(Json::Null) => {
            return Err(ImportError::Damaged {
                fault: HashFault::Missing,
            })
        }
        Some(Json::String(s)) => s,
        Some(_) => {
            return Err(ImportError::Damaged {
                fault: HashFault::Malformed,
            })
        }
    };
    let well_formed = stated.len() == HASH_PREFIX.len() + 64
        && stated.starts_with(HASH_PREFIX)
        && stated
            .bytes()
            .skip(HASH_PREFIX.len())
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !well_formed {
        return Err(ImportError::Damaged {
            fault: HashFault::Malformed,
        });
    }
    let canonical = canonical(plan);
    step_done(ReadStep::Canonical);
    let actual = hash_bytes(&canonical);
    step_done(ReadStep::Hash);
    if **stated != *actual {
        return Err(ImportError::Damaged {
            fault: HashFault::Mismatch,
        });
    }
    Ok(())
}

fn envelope_field(name: &str) -> Location {
    Location {
        field: name.to_string(),
        ..Location::default()
    }
}

fn version(v: Option<&Value>) -> Result<u32, ImportError> {
    let Some(v) = v else {
        return Err(ImportError::UnsupportedVersion {
            found: String::new(),
        });
    };
    let unsupported = || ImportError::UnsupportedVersion {
        found: json_excerpt(v, 40),
    };
    match v.as_u64() {
        Some(0) | None => Err(unsupported()),
        Some(n) if n > u64::from(FORMAT_VERSION) => Err(ImportError::NewerVersion {
            found: n,
            supported: FORMAT_VERSION,
        }),
        Some(n) => u32::try_from(n).map_err(|_| unsupported()),
    }
}

/// One migration: the `plan` value of version N turned into version N + 1.
pub(crate) type Migration = fn(Value) -> Result<Value, ImportError>;

/// `MIGRATIONS[n - 1]` turns a version-`n` plan into version `n + 1`; there is one per
/// released version but the last. Each is applied once, in order, and each released version
/// keeps a fixture file under `tests/fixtures/valid/` that must keep importing.
pub(crate) const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Version 1 → 2: the plan gains a revision (1) and a status (`draft`: version 1 did not
/// say); the unit's `superior`, a name in version 1, becomes `{"id": "", "name": …}`. The
/// content hash, new in version 2, is not asked of a version-1 file.
fn v1_to_v2(mut plan: Value) -> Result<Value, ImportError> {
    if let Value::Object(p) = &mut plan {
        p.insert("revision".to_string(), Value::from(1));
        p.insert("status".to_string(), Value::from("draft"));
        let superior = p.get_mut("unit").and_then(|unit| unit.get_mut("superior"));
        if let Some(superior) = superior {
            if let Value::String(name) = superior {
                let mut object = serde_json::Map::new();
                object.insert("id".to_string(), Value::from(""));
                object.insert("name".to_string(), Value::from(std::mem::take(name)));
                *superior = Value::Object(object);
            }
        }
    }
    Ok(plan)
}

/// Brings a plan of `from` (1 ≤ `from` ≤ current, already checked) to the current version.
fn migrate(from: u32, mut plan: Value) -> Result<Value, ImportError> {
    let start = usize::try_from(from.saturating_sub(1)).unwrap_or(usize::MAX);
    for step in MIGRATIONS.iter().skip(start) {
        plan = step(plan)?;
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_migration_per_older_version() {
        assert_eq!(MIGRATIONS.len(), FORMAT_VERSION as usize - 1);
    }

    #[test]
    fn version_1_superior_becomes_an_object() {
        let v1: Value = serde_json::from_str(
            r#"{"id":"p","unit":{"name":"Phường A","level":"ward","superior":"UBND Quận 1"},"year":2024}"#,
        )
        .unwrap();
        let v2 = migrate(1, v1).unwrap();
        assert_eq!(
            canonical(&v2),
            r#"{"id":"p","revision":1,"status":"draft","unit":{"level":"ward","name":"Phường A","superior":{"id":"","name":"UBND Quận 1"}},"year":2024}"#
        );
        // A superior that is not a text is left for the decoder to report.
        let odd: Value = serde_json::from_str(r#"{"unit":{"superior":5}}"#).unwrap();
        assert_eq!(
            canonical(&migrate(1, odd).unwrap()),
            r#"{"revision":1,"status":"draft","unit":{"superior":5}}"#
        );
    }

    fn canonical(v: &Value) -> String {
        super::super::content_hash::canonical_json(v)
    }

    #[test]
    fn stored_text_is_a_compact_file_with_the_same_plan_and_hash() {
        let plan = crate::example::example_plan_with_counter();
        let meta = ExportMeta::default();
        let (pretty, compact) = (write(&plan, &meta, true), write(&plan, &meta, false));
        assert!(
            compact.len() * 3 < pretty.len() * 2,
            "{} vs {}",
            compact.len(),
            pretty.len()
        );
        assert!(!compact.contains('\n'));
        let stored = super::super::import_text(&compact).unwrap();
        let file = super::super::import_text(&pretty).unwrap();
        assert_eq!(stored.plan, plan);
        assert_eq!(stored.content_hash, file.content_hash);
    }

    #[test]
    fn versions() {
        let v = |s: &str| version(Some(&serde_json::from_str(s).unwrap()));
        assert_eq!(v("1"), Ok(1));
        assert_eq!(v("2"), Ok(2));
        assert_eq!(
            v("3"),
            Err(ImportError::NewerVersion {
                found: 3,
                supported: 2
            })
        );
        assert_eq!(
            v("0"),
            Err(ImportError::UnsupportedVersion { found: "0".into() })
        );
        assert_eq!(
            v("-1"),
            Err(ImportError::UnsupportedVersion { found: "-1".into() })
        );
        assert_eq!(
            v("1.5"),
            Err(ImportError::UnsupportedVersion {
                found: "1.5".into()
            })
        );
        assert_eq!(
            v("\"1\""),
            Err(ImportError::UnsupportedVersion {
                found: "\"1\"".into()
            })
        );
        assert_eq!(
            version(None),
            Err(ImportError::UnsupportedVersion {
                found: String::new()
            })
        );
    }
}
