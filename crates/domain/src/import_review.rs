//! Importing a batch of plan files in two steps: [`review`] classifies every file against the
//! workbook (new plan, identical, newer, older, or the same revision edited elsewhere), with
//! the choices that make sense for it and the one proposed; [`apply`] then carries out the
//! officer's choices and returns one [`LogEntry`] per file.
//!
//! Nothing held is lost by accident: a plan is replaced only by an explicit
//! [`Resolution::TakeTheirs`], in place (same position, same id). [`apply`] classifies every
//! file again against the workbook as earlier files of the batch left it, so two files of one
//! plan in a batch never overwrite each other silently: an [`Resolution::Add`] of a plan that
//! is held by then adds it alongside, as [`Resolution::KeepBoth`] does.

use std::cmp::Ordering;

use crate::file::{ImportError, ImportedPlan};
use crate::import_log::{LogAction, LogEntry, LoggedPlan};
use crate::locale::Locale;
use crate::plan::{Plan, PlanId};
use crate::plan_diff::{diff_plans, PlanDiff};
use crate::workbook::{AddOutcome, Workbook};

/// A file chosen for import, already read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomingFile {
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    pub result: Result<ImportedPlan, ImportError>,
}

impl IncomingFile {
    /// The plan the file holds, if it could be read.
    pub fn plan(&self) -> Option<&Plan> {
        self.result.as_ref().ok().map(|i| &i.plan)
    }
}

/// How an incoming plan relates to the plans held, matched by plan id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// No plan with its id is held.
    New,
    /// Equal to the held plan in everything.
    Identical { held: PlanId },
    /// A higher revision than the held plan's.
    Newer { held: PlanId, held_revision: u32 },
    /// A lower revision than the held plan's.
    Older { held: PlanId, held_revision: u32 },
    /// The same revision with different content: both copies were edited.
    Diverged { held: PlanId },
    /// A template file (a plan file with a `template` marker): offered for the template
    /// library, never added to the workbook as a plan.
    Template,
}

impl Arrival {
    /// The held plan of the same id, if there is one.
    pub fn held(&self) -> Option<&PlanId> {
        match self {
            Arrival::New | Arrival::Template => None,
            Arrival::Identical { held }
            | Arrival::Newer { held, .. }
            | Arrival::Older { held, .. }
            | Arrival::Diverged { held } => Some(held),
        }
    }
}

/// How `incoming` relates to the plans of `workbook`.
pub fn classify(workbook: &Workbook, incoming: &Plan) -> Arrival {
    if incoming.is_template() {
        return Arrival::Template;
    }
    let Some(held) = workbook.plan(&incoming.id) else {
        return Arrival::New;
    };
    let (id, held_revision) = (held.id.clone(), held.revision);
    if held == incoming {
        return Arrival::Identical { held: id };
    }
    match incoming.revision.cmp(&held_revision) {
        Ordering::Greater => Arrival::Newer {
            held: id,
            held_revision,
        },
        Ordering::Less => Arrival::Older {
            held: id,
            held_revision,
        },
        Ordering::Equal => Arrival::Diverged { held: id },
    }
}

/// What to do with one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Add a plan not held yet.
    Add,
    /// Replace the held plan with the file's, in place.
    TakeTheirs,
    /// Keep the held plan; leave the file.
    KeepMine,
    /// Keep the held plan and add the file's beside it under a new id.
    KeepBoth,
    /// Keep a template file in the template library (the workbook does not change).
    UseAsTemplate,
    Skip,
}

/// One file of a batch, classified, with the choices offered and the one proposed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewRow {
    pub file: IncomingFile,
    /// None for a file that could not be read.
    pub arrival: Option<Arrival>,
    /// The first earlier row of the batch that holds a plan with the same id.
    pub same_plan_as: Option<usize>,
    /// What taking the file would change, for a newer, older or diverged plan.
    pub diff: Option<PlanDiff>,
    pub choices: Vec<Resolution>,
    pub default: Resolution,
}

impl ReviewRow {
    /// What the file is, in words: the arrival with both revisions (`Bản mới hơn (phiên bản
    /// 5; đang có 3)`), or the headline of the error for a file that could not be read.
    pub fn arrival_text(&self, locale: Locale) -> String {
        match (&self.file.result, &self.arrival) {
            (Err(e), _) => e.headline(locale).into(),
            (Ok(imported), Some(a)) => arrival_words(a, Some(imported.plan.revision), locale),
            (Ok(_), None) => String::new(),
        }
    }
}

/// The choices for a plan and the one proposed.
fn choices_for(arrival: &Arrival) -> (Vec<Resolution>, Resolution) {
    use Resolution::*;
    match arrival {
        Arrival::New => (vec![Add, Skip], Add),
        Arrival::Template => (vec![UseAsTemplate, Skip], UseAsTemplate),
        Arrival::Identical { .. } => (vec![Skip], Skip),
        Arrival::Newer { .. } => (vec![TakeTheirs, KeepMine, KeepBoth], TakeTheirs),
        Arrival::Older { .. } | Arrival::Diverged { .. } => {
            (vec![TakeTheirs, KeepMine, KeepBoth], KeepMine)
        }
    }
}

/// Classifies every file against the workbook as it is now (see [`apply`] for what happens
/// when two files of a batch hold the same plan).
pub fn review(workbook: &Workbook, files: Vec<IncomingFile>) -> Vec<ReviewRow> {
    let mut rows: Vec<ReviewRow> = Vec::with_capacity(files.len());
    for file in files {
        let Some(plan) = file.plan() else {
            rows.push(ReviewRow {
                file,
                arrival: None,
                same_plan_as: None,
                diff: None,
                choices: vec![Resolution::Skip],
                default: Resolution::Skip,
            });
            continue;
        };
        let arrival = classify(workbook, plan);
        let diff = match &arrival {
            Arrival::Newer { held, .. }
            | Arrival::Older { held, .. }
            | Arrival::Diverged { held } => workbook.plan(held).map(|h| diff_plans(h, plan)),
            Arrival::New | Arrival::Identical { .. } | Arrival::Template => None,
        };
        let same_plan_as = rows
            .iter()
            .position(|r| r.file.plan().is_some_and(|p| p.id == plan.id));
        let (mut choices, mut default) = choices_for(&arrival);
        if same_plan_as.is_some() {
            default = Resolution::Skip;
            if !choices.contains(&Resolution::Skip) {
                choices.push(Resolution::Skip);
            }
        }
        rows.push(ReviewRow {
            file,
            arrival: Some(arrival),
            same_plan_as,
            diff,
            choices,
            default,
        });
    }
    rows
}

/// Carries out `chosen[i]` for `rows[i]`, in order (a `chosen` shorter than `rows` means
/// [`Resolution::Skip`] for the rest), and returns one log entry per row, refused files
/// included. Each plan is classified again against the workbook as the earlier rows left it:
///
/// * `Add` and `KeepBoth` add the plan; when its id is held by then, beside the held plan
///   under an id from `fresh_id` ([`Workbook::add`] never replaces).
/// * `TakeTheirs` replaces the held plan of the same id in place (same position, same id);
///   when none is held, it adds the plan; when the held plan is identical, nothing changes.
/// * `KeepMine` and `Skip` change nothing.
///
/// `at` is the time written in the log (RFC 3339).
pub fn apply(
    workbook: &mut Workbook,
    rows: Vec<ReviewRow>,
    chosen: &[Resolution],
    fresh_id: &mut dyn FnMut() -> PlanId,
    at: &str,
) -> Vec<LogEntry> {
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            let choice = chosen.get(i).copied().unwrap_or(Resolution::Skip);
            let IncomingFile { name, result, .. } = row.file;
            let (plan, action) = match result {
                Err(e) => (
                    None,
                    LogAction::Refused {
                        code: e.code().to_string(),
                    },
                ),
                Ok(imported) => {
                    let logged = LoggedPlan::of(&imported.plan);
                    let action = apply_one(workbook, imported.plan, choice, fresh_id);
                    (Some(logged), action)
                }
            };
            LogEntry {
                at: at.to_string(),
                file_name: name,
                plan,
                action,
            }
        })
        .collect()
}

fn apply_one(
    workbook: &mut Workbook,
    plan: Plan,
    choice: Resolution,
    fresh_id: &mut dyn FnMut() -> PlanId,
) -> LogAction {
    let add =
        |workbook: &mut Workbook, plan: Plan, fresh_id: &mut dyn FnMut() -> PlanId| match workbook
            .add(plan, fresh_id)
        {
            AddOutcome::Added(_) => LogAction::Added,
            AddOutcome::AddedAlongside { new_id, .. } => {
                LogAction::AddedAlongside { new_id: new_id.0 }
            }
        };
    if plan.is_template() {
        return if choice == Resolution::UseAsTemplate {
            LogAction::TemplateKept
        } else {
            LogAction::Skipped
        };
    }
    match (choice, classify(workbook, &plan)) {
        (Resolution::Add | Resolution::KeepBoth, _) | (Resolution::TakeTheirs, Arrival::New) => {
            add(workbook, plan, fresh_id)
        }
        (_, Arrival::Identical { .. }) => LogAction::Identical,
        (Resolution::TakeTheirs, _) => match workbook.plan_mut(&plan.id) {
            Some(held) => {
                let previous_revision = held.revision;
                *held = plan;
                LogAction::Replaced { previous_revision }
            }
            None => add(workbook, plan, fresh_id),
        },
        (Resolution::KeepMine, Arrival::New)
        | (Resolution::Skip | Resolution::UseAsTemplate, _) => LogAction::Skipped,
        (Resolution::KeepMine, _) => LogAction::KeptMine,
    }
}

/// The arrival in words: `Kế hoạch mới`, `Bản mới hơn (đang có phiên bản 3)`, … The
/// file's own revision is not part of an [`Arrival`]; [`ReviewRow::arrival_text`] and
/// [`arrival_label_with_revision`] name it too.
pub fn arrival_label(a: &Arrival, locale: Locale) -> String {
    arrival_words(a, None, locale)
}

/// The arrival in words with the file's revision: `Bản mới hơn (phiên bản 5; đang có 3)`,
/// `Bản cũ hơn (phiên bản 2; đang có 3)`.
pub fn arrival_label_with_revision(a: &Arrival, incoming_revision: u32, locale: Locale) -> String {
    arrival_words(a, Some(incoming_revision), locale)
}

fn arrival_words(a: &Arrival, incoming_revision: Option<u32>, locale: Locale) -> String {
    let l = locale;
    let versions = |held: u32| match incoming_revision {
        Some(n) => l.pick(
            format!("phiên bản {n}; đang có {held}"),
            format!("revision {n}; you have {held}"),
        ),
        None => l.pick(
            format!("đang có phiên bản {held}"),
            format!("you have revision {held}"),
        ),
    };
    match a {
        Arrival::New => l.pick("Kế hoạch mới", "New plan").into(),
        Arrival::Identical { .. } => l
            .pick("Giống hệt bản đang có", "Identical to the plan held")
            .into(),
        Arrival::Newer { held_revision, .. } => format!(
            "{} ({})",
            l.pick("Bản mới hơn", "Newer version"),
            versions(*held_revision)
        ),
        Arrival::Older { held_revision, .. } => format!(
            "{} ({})",
            l.pick("Bản cũ hơn", "Older version"),
            versions(*held_revision)
        ),
        Arrival::Diverged { .. } => l
            .pick(
                "Cùng phiên bản nhưng nội dung khác",
                "Same revision, different content",
            )
            .into(),
        Arrival::Template => l.pick("Tệp mẫu chỉ tiêu", "Template file").into(),
    }
}

pub fn resolution_label(r: Resolution, locale: Locale) -> &'static str {
    match r {
        Resolution::Add => locale.pick("Thêm vào sổ", "Add to the workbook"),
        Resolution::TakeTheirs => locale.pick("Lấy bản nhận được", "Take the received version"),
        Resolution::KeepMine => locale.pick("Giữ bản đang có", "Keep the plan held"),
        Resolution::KeepBoth => locale.pick("Giữ cả hai", "Keep both"),
        Resolution::UseAsTemplate => locale.pick("Dùng làm mẫu", "Use as a template"),
        Resolution::Skip => locale.pick("Bỏ qua", "Skip"),
    }
}
