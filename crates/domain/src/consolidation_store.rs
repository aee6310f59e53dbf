//! A consolidation as the workbook keeps it between visits, one per year under
//! `cchc.consolidation.<year>`: the superior unit it is made for, the officer's choices (the
//! plans, the units expected, the targets mapped by hand, the cells left out), what the
//! officer last saw of each unit (to mark what a newer file changed), and the revision of the
//! consolidated plan last exported.
//!
//! It is stored as compact JSON ([`encode_consolidation`]):
//!
//! ```json
//! {"format":"cchc-workbook/consolidation","version":1,"year":2026,
//!  "superior":{"id":"01","name":"UBND thành phố Hà Nội","level":"province",
//!              "superior":"","superiorId":""},
//!  "planId":"consolidation-2026-k3f9","revision":2,"exportedHash":"sha256:…",
//!  "plans":["p-1","p-2"],
//!  "expected":[{"code":"00004","name":"Phường Ba Đình"}],
//!  "mappings":[{"plan":"p-2","target":"t-9","column":"tpl-04"}],
//!  "excluded":[{"plan":"p-1","column":"tpl-07"}],
//!  "seen":[{"plan":"p-1","revision":3,"cells":{"tpl-01":"met 9156/17087"}}]}
//! ```
//!
//! Reading ([`decode_consolidation`]) never panics and is lenient below the envelope, like
//! the import log: a list item of the wrong shape is left out, a missing text reads as
//! empty. Only a text that is not a consolidation of this version at all is refused.

use serde_json::{Map, Value};

use crate::consolidation::{ConsolidationSpec, ExpectedUnit, TargetMapping};
use crate::file::content_hash;
use crate::file::encode::Writer;
use crate::plan::{Plan, PlanId};
use crate::target::TargetId;
use crate::unit::{Unit, UnitLevel};

/// Marker of a stored consolidation.
pub const CONSOLIDATION_FORMAT_ID: &str = "cchc-workbook/consolidation";
/// The version of its shape, the only one read.
pub const CONSOLIDATION_FORMAT_VERSION: u64 = 1;

/// What the officer last saw of one unit's plan in the consolidation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeenPlan {
    pub plan: PlanId,
    pub revision: u32,
    /// Column id → the cell as seen ([`crate::consolidation_changes::cell_fingerprint`]).
    pub cells: Vec<(TargetId, String)>,
}

/// One year's consolidation, as kept in the workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredConsolidation {
    pub year: i32,
    /// The unit the consolidation is made for: it owns the exported plan.
    pub superior: Unit,
    /// The id of the consolidated plan, the same in every export so that the next level
    /// sees a newer revision of one plan.
    pub plan_id: PlanId,
    /// The revision of the last export (0: never exported).
    pub revision: u32,
    /// The content hash of the last export, to raise the revision only when it changed.
    pub exported_hash: Option<String>,
    pub spec: ConsolidationSpec,
    pub seen: Vec<SeenPlan>,
}

impl StoredConsolidation {
    /// A new consolidation of `year` for an unnamed provincial unit.
    pub fn new(year: i32, plan_id: PlanId) -> Self {
        StoredConsolidation {
            year,
            superior: Unit {
                id: String::new(),
                name: String::new(),
                level: UnitLevel::Province,
                superior: String::new(),
                superior_id: String::new(),
                extra: Default::default(),
            },
            plan_id,
            revision: 0,
            exported_hash: None,
            spec: ConsolidationSpec::default(),
            seen: Vec::new(),
        }
    }

    /// A first consolidation of `year` from the plans held: every plan of that year that is
    /// not itself a consolidation, for the superior unit most of them name.
    pub fn for_year(year: i32, plans: &[Plan], plan_id: PlanId) -> Self {
        let mut c = StoredConsolidation::new(year, plan_id);
        let chosen: Vec<&Plan> = plans
            .iter()
            .filter(|p| p.year == year && p.sources.is_empty())
            .collect();
        c.spec.plans = chosen.iter().map(|p| p.id.clone()).collect();
        let mut named: Vec<((&str, &str), usize)> = Vec::new();
        for p in chosen.iter().filter(|p| !p.unit.superior.trim().is_empty()) {
            let key = (p.unit.superior.trim(), p.unit.superior_id.trim());
            match named.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => named.push((key, 1)),
            }
        }
        // The most named superior; the first named on a tie.
        let mut best: Option<((&str, &str), usize)> = None;
        for (key, n) in named {
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((key, n));
            }
        }
        if let Some(((name, code), _)) = best {
            c.superior.name = name.to_string();
            c.superior.id = code.to_string();
        }
        c
    }

    /// Makes `plan` (built by [`crate::consolidated_plan::consolidated_plan`]) the next
    /// export: it gets this consolidation's plan id, and the revision of the last export if
    /// nothing in it changed since, or the next revision. Remembers what was exported.
    pub fn next_export(&mut self, mut plan: Plan) -> Plan {
        plan.id = self.plan_id.clone();
        plan.revision = self.revision.max(1);
        let same = self.revision > 0
            && self.exported_hash.as_deref() == Some(content_hash(&plan).as_str());
        if !same {
            plan.revision = self.revision.saturating_add(1);
            self.revision = plan.revision;
            self.exported_hash = Some(content_hash(&plan));
        }
        plan
    }
}

/// Why a stored text is not a consolidation this version can read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConsolidationStoreError {
    #[error("not JSON: {0}")]
    NotJson(String),
    #[error("not a stored consolidation")]
    WrongFormat,
    #[error("written by a newer version (shape {0})")]
    NewerVersion(u64),
}

/// The stored key of a year's consolidation.
pub fn consolidation_key(year: i32) -> String {
    format!("cchc.consolidation.{year}")
}

/// Writes a consolidation as compact JSON.
pub fn encode_consolidation(c: &StoredConsolidation) -> String {
    let mut w = Writer::new(false);
    let text = |w: &mut Writer, key: &str, value: &str| {
        w.key(key);
        w.string(value);
    };
    w.open_object();
    text(&mut w, "format", CONSOLIDATION_FORMAT_ID);
    w.key("version");
    w.int(CONSOLIDATION_FORMAT_VERSION as i64);
    w.key("year");
    w.int(i64::from(c.year));
    w.key("superior");
    w.open_object();
    text(&mut w, "id", &c.superior.id);
    text(&mut w, "name", &c.superior.name);
    text(&mut w, "level", c.superior.level.as_str());
    text(&mut w, "superior", &c.superior.superior);
    text(&mut w, "superiorId", &c.superior.superior_id);
    w.close_object();
    text(&mut w, "planId", &c.plan_id.0);
    w.key("revision");
    w.int(i64::from(c.revision));
    w.key("exportedHash");
    match &c.exported_hash {
        Some(hash) => w.string(hash),
        None => w.null(),
    }
    let spec = &c.spec;
    w.key("plans");
    w.open_list();
    for p in &spec.plans {
        w.item();
        w.string(&p.0);
    }
    w.close_list();
    let objects = |w: &mut Writer, key: &str, items: Vec<Vec<(&str, &str)>>| {
        w.key(key);
        w.open_list();
        for fields in items {
            w.item();
            w.open_object();
            for (k, v) in fields {
                text(w, k, v);
            }
            w.close_object();
        }
        w.close_list();
    };
    objects(
        &mut w,
        "expected",
        spec.expected
            .iter()
            .map(|e| vec![("code", e.code.as_str()), ("name", e.name.as_str())])
            .collect(),
    );
    objects(
        &mut w,
        "mappings",
        spec.mappings
            .iter()
            .map(|m| {
                vec![
                    ("plan", m.plan.0.as_str()),
                    ("target", m.target.0.as_str()),
                    ("column", m.column.0.as_str()),
                ]
            })
            .collect(),
    );
    objects(
        &mut w,
        "excluded",
        spec.excluded
            .iter()
            .map(|(p, col)| vec![("plan", p.0.as_str()), ("column", col.0.as_str())])
            .collect(),
    );
    w.key("seen");
    w.open_list();
    for seen in &c.seen {
        w.item();
        w.open_object();
        text(&mut w, "plan", &seen.plan.0);
        w.key("revision");
        w.int(i64::from(seen.revision));
        w.key("cells");
        w.open_object();
        for (id, fingerprint) in &seen.cells {
            text(&mut w, &id.0, fingerprint);
        }
        w.close_object();
        w.close_object();
    }
    w.close_list();
    w.close_object();
    w.finish()
}

/// Reads a stored consolidation (see the module documentation for what is lenient).
pub fn decode_consolidation(text: &str) -> Result<StoredConsolidation, ConsolidationStoreError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ConsolidationStoreError::NotJson(e.to_string()))?;
    let Some(root) = value.as_object() else {
        return Err(ConsolidationStoreError::WrongFormat);
    };
    if root.get("format").and_then(Value::as_str) != Some(CONSOLIDATION_FORMAT_ID) {
        return Err(ConsolidationStoreError::WrongFormat);
    }
    match root.get("version").and_then(Value::as_u64) {
        Some(CONSOLIDATION_FORMAT_VERSION) => {}
        Some(v) if v > CONSOLIDATION_FORMAT_VERSION => {
            return Err(ConsolidationStoreError::NewerVersion(v))
        }
        _ => return Err(ConsolidationStoreError::WrongFormat),
    }
    let year = root
        .get("year")
        .and_then(Value::as_i64)
        .and_then(|y| i32::try_from(y).ok())
        .ok_or(ConsolidationStoreError::WrongFormat)?;
    let superior = root.get("superior").and_then(Value::as_object);
    let sup = |key: &str| text_of(superior.and_then(|s| s.get(key)));
    let list = |key: &str| -> Vec<&Map<String, Value>> {
        root.get(key)
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_object).collect())
            .unwrap_or_default()
    };
    let field = |o: &Map<String, Value>, key: &str| text_of(o.get(key));
    let spec = ConsolidationSpec {
        plans: root
            .get("plans")
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|s| PlanId(s.to_string()))
                    .collect()
            })
            .unwrap_or_default(),
        expected: list("expected")
            .into_iter()
            .map(|o| ExpectedUnit {
                code: field(o, "code"),
                name: field(o, "name"),
            })
            .collect(),
        mappings: list("mappings")
            .into_iter()
            .map(|o| TargetMapping {
                plan: PlanId(field(o, "plan")),
                target: TargetId(field(o, "target")),
                column: TargetId(field(o, "column")),
            })
            .collect(),
        excluded: list("excluded")
            .into_iter()
            .map(|o| (PlanId(field(o, "plan")), TargetId(field(o, "column"))))
            .collect(),
    };
    let seen = list("seen")
        .into_iter()
        .map(|o| SeenPlan {
            plan: PlanId(field(o, "plan")),
            revision: revision_of(o.get("revision")),
            cells: o
                .get("cells")
                .and_then(Value::as_object)
                .map(|cells| {
                    cells
                        .iter()
                        .map(|(k, v)| (TargetId(k.clone()), text_of(Some(v))))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect();
    Ok(StoredConsolidation {
        year,
        superior: Unit {
            id: sup("id"),
            name: sup("name"),
            level: UnitLevel::from_str_opt(&sup("level")).unwrap_or(UnitLevel::Province),
            superior: sup("superior"),
            superior_id: sup("superiorId"),
            extra: Default::default(),
        },
        plan_id: PlanId(text_of(root.get("planId"))),
        revision: revision_of(root.get("revision")),
        exported_hash: root
            .get("exportedHash")
            .and_then(Value::as_str)
            .map(str::to_string),
        spec,
        seen,
    })
}

fn text_of(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or_default().to_string()
}

fn revision_of(v: Option<&Value>) -> u32 {
    v.and_then(Value::as_u64)
        .and_then(|r| u32::try_from(r).ok())
        .unwrap_or(0)
}
