//! The difference between a plan held in the workbook and an incoming revision of it (a file
//! of the same plan): what taking the file would change, shown before the officer chooses.
//!
//! [`diff_plans`] compares the plan's own facts (unit, year, revision, status, document,
//! notes, and in short its tasks, shortened procedures, report cut-offs and snapshots), then the targets matched by [`TargetId`] (added, removed, changed: wording, area,
//! goal, parent, notes, pacing, per-period targets, previous years, rank) and, inside a target held in both, the progress entries matched by
//! [`crate::progress::EntryId`]. The result keeps the domain values, not words, so
//! [`PlanDiff::summary`] and [`PlanDiff::lines`] can word it in either language.
//!
//! Two plans that differ give a non-empty diff, even when the difference is one nobody reads
//! (the order of targets, keys kept from a newer app): it then shows as [`Change::Other`]. So
//! [`PlanDiff::is_empty`] holds exactly when the two plans are equal.
//!
//! Counting: a target is "changed" when something of its own changed (wording, goal, …); new,
//! removed and edited progress entries are counted apart, over the targets held in both
//! plans (an added target's entries come with it and are named on its line).

use chrono::NaiveDate;

use crate::area::ReformArea;
use crate::date::format_vi_date;
use crate::describe::{describe_rule, unit_suffix};
use crate::i18n::{
    area_name, level_name, plan_status_name, reporting_period_name, value_unit_name,
};
use crate::index_standing::IndexStanding;
use crate::letters::{capitalize, lowercase};
use crate::locale::Locale;
use crate::notes::Notes;
use crate::number::{format_count, format_decimal, Rational};
use crate::pacing::{PaceKind, PeriodTargets};
use crate::plan::{Plan, PlanStatus};
use crate::progress::{Figure, ProgressEntry, Reading};
use crate::reporting_period::{Cutoffs, ReportingPeriod};
use crate::target::{Condition, Field, Goal, Measure, Target, TargetId, ValueUnit};
use crate::target_history::YearValue;
use crate::tracking::Tracking;
use crate::unit::UnitLevel;
use crate::working_time::{days_words, totals};

/// The difference between a held plan and an incoming one; see the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanDiff {
    /// Changes of the plan's own facts, in the order of the plan details form.
    pub plan: Vec<Change>,
    /// Targets added, removed or changed, in plan order: the incoming plan's order, with each
    /// removed target placed after the target that preceded it in the held plan.
    pub targets: Vec<TargetDiff>,
}

/// One target that differs. Positions are 0-based (shown 1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetDiff {
    /// Only in the incoming plan; `position` is in the incoming plan.
    Added {
        position: usize,
        target: Target,
    },
    /// Only in the held plan; `position` is in the held plan.
    Removed {
        position: usize,
        target: Target,
    },
    Changed(Box<ChangedTarget>),
}

/// A target held in both plans that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedTarget {
    /// Position in the incoming plan, 0-based.
    pub position: usize,
    pub held: Target,
    pub incoming: Target,
    /// What changed in the target itself, empty when only its progress entries did.
    pub changes: Vec<Change>,
    pub entries: Vec<EntryChange>,
}

/// A progress entry that differs, matched by its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryChange {
    Added(ProgressEntry),
    Removed(ProgressEntry),
    Changed {
        before: ProgressEntry,
        after: ProgressEntry,
    },
}

/// Which condition of a goal a change is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConditionPart {
    /// The condition of a single-condition goal.
    Only,
    First,
    Second,
}

/// A short text shown before and after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextItem {
    UnitCode,
    UnitName,
    Superior,
    SuperiorCode,
    DocumentNumber,
    TargetLabel,
    ConditionLabel(ConditionPart),
    /// The name of a field of a breakdown.
    FieldName,
}

/// A long free text: only the beginning of the new text is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteItem {
    Internal,
    ForSuperior,
    /// Why the plan's issue date is missing or doubtful.
    DateNote,
}

/// One changed fact of the plan or of a target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Text {
        item: TextItem,
        before: String,
        after: String,
    },
    Note {
        item: NoteItem,
        after: String,
    },
    Level {
        before: UnitLevel,
        after: UnitLevel,
    },
    Year {
        before: i32,
        after: i32,
    },
    Revision {
        before: u32,
        after: u32,
    },
    Status {
        before: PlanStatus,
        after: PlanStatus,
    },
    IssuedOn {
        before: Option<NaiveDate>,
        after: Option<NaiveDate>,
    },
    Area {
        before: ReformArea,
        after: ReformArea,
    },
    /// The goal became another kind (a ratio became a milestone, …).
    GoalKind {
        before: Box<Goal>,
        after: Box<Goal>,
    },
    /// The rule or its threshold changed.
    Rule {
        part: ConditionPart,
        before: Box<Condition>,
        after: Box<Condition>,
    },
    /// What is measured changed (a ratio's counts, a value's unit).
    Measure {
        part: ConditionPart,
        before: Measure,
        after: Measure,
    },
    Deadline {
        before: Option<NaiveDate>,
        after: Option<NaiveDate>,
    },
    FieldAdded {
        name: String,
    },
    FieldRemoved {
        name: String,
    },
    /// The target a sub-target belongs to, by label (by id when that target is not found).
    Parent {
        before: Option<String>,
        after: Option<String>,
    },
    /// The threshold became, or stopped being, a template's suggestion (*gợi ý*).
    Suggested {
        after: bool,
    },
    /// The tasks differ: how many there are, and how many are done, before and after.
    Tasks {
        before: TaskCount,
        after: TaskCount,
    },
    /// The shortened procedures differ: how many, and the working days saved in all.
    ShortenedProcedures {
        before: (usize, Rational),
        after: (usize, Rational),
    },
    /// The data cut-off days of the reports differ.
    ReportingCutoffs {
        before: Cutoffs,
        after: Cutoffs,
    },
    /// The frozen review figures differ: how many snapshots there are, before and after.
    Snapshots {
        before: usize,
        after: usize,
    },
    /// How the target is paced differs (`None`: the app decides from the goal).
    Pace {
        before: Option<PaceKind>,
        after: Option<PaceKind>,
    },
    /// The quantities expected by the reports' cut-offs differ.
    PeriodTargets {
        before: PeriodTargets,
        after: PeriodTargets,
    },
    /// The values of previous years differ.
    PreviousYears {
        before: Vec<YearValue>,
        after: Vec<YearValue>,
    },
    /// The published rank of an index differs.
    Standing {
        before: Option<IndexStanding>,
        after: Option<IndexStanding>,
    },
    /// A difference shown nowhere else: the order of targets, entries or fields, keys kept
    /// from a newer version of the app, the plan id.
    Other,
}

/// A plan's tasks in a diff: how many, and how many are done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskCount {
    pub total: usize,
    pub done: usize,
}

impl TaskCount {
    fn of(plan: &Plan) -> Self {
        TaskCount {
            total: plan.tasks.len(),
            done: plan
                .tasks
                .iter()
                .filter(|t| t.status.done_on().is_some())
                .count(),
        }
    }
}

impl Change {
    pub fn sign(&self) -> DiffSign {
        match self {
            Change::FieldAdded { .. } => DiffSign::Added,
            Change::FieldRemoved { .. } => DiffSign::Removed,
            _ => DiffSign::Changed,
        }
    }
}

/// How many targets and progress entries differ (see the module documentation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DiffCounts {
    pub targets_added: usize,
    pub targets_removed: usize,
    pub targets_changed: usize,
    pub entries_added: usize,
    pub entries_removed: usize,
    pub entries_changed: usize,
}

/// One change as shown to the officer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffLine {
    pub sign: DiffSign,
    /// `Kế hoạch`, or `Chỉ tiêu 3 «label»` (position in the incoming plan for added and
    /// changed targets, in the held plan for removed ones).
    pub subject: String,
    /// `ngưỡng: tối thiểu 90% → tối thiểu 95%`, `phiên bản 3 → 5`, …
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffSign {
    Added,
    Removed,
    Changed,
}

/// What taking `incoming` in place of `held` would change.
pub fn diff_plans(held: &Plan, incoming: &Plan) -> PlanDiff {
    let mut plan = Vec::new();
    let (a, b) = (&held.unit, &incoming.unit);
    text(&mut plan, TextItem::UnitCode, &a.id, &b.id);
    text(&mut plan, TextItem::UnitName, &a.name, &b.name);
    if a.level != b.level {
        plan.push(Change::Level {
            before: a.level,
            after: b.level,
        });
    }
    text(&mut plan, TextItem::Superior, &a.superior, &b.superior);
    text(
        &mut plan,
        TextItem::SuperiorCode,
        &a.superior_id,
        &b.superior_id,
    );
    if held.year != incoming.year {
        plan.push(Change::Year {
            before: held.year,
            after: incoming.year,
        });
    }
    if held.revision != incoming.revision {
        plan.push(Change::Revision {
            before: held.revision,
            after: incoming.revision,
        });
    }
    if held.status != incoming.status {
        plan.push(Change::Status {
            before: held.status,
            after: incoming.status,
        });
    }
    let (a, b) = (&held.reference, &incoming.reference);
    text(&mut plan, TextItem::DocumentNumber, &a.number, &b.number);
    if a.issued_on != b.issued_on {
        plan.push(Change::IssuedOn {
            before: a.issued_on,
            after: b.issued_on,
        });
    }
    note(&mut plan, NoteItem::DateNote, &a.date_note, &b.date_note);
    notes(&mut plan, &held.notes, &incoming.notes);
    if held.tasks != incoming.tasks {
        plan.push(Change::Tasks {
            before: TaskCount::of(held),
            after: TaskCount::of(incoming),
        });
    }
    if held.shortened_procedures != incoming.shortened_procedures {
        let of = |p: &Plan| {
            (
                p.shortened_procedures.len(),
                totals(&p.shortened_procedures).saved_days,
            )
        };
        plan.push(Change::ShortenedProcedures {
            before: of(held),
            after: of(incoming),
        });
    }

    if held.reporting.cutoffs != incoming.reporting.cutoffs {
        plan.push(Change::ReportingCutoffs {
            before: held.reporting.cutoffs,
            after: incoming.reporting.cutoffs,
        });
    }
    if held.reporting.snapshots != incoming.reporting.snapshots {
        plan.push(Change::Snapshots {
            before: held.reporting.snapshots.len(),
            after: incoming.reporting.snapshots.len(),
        });
    }

    let mut diff = PlanDiff {
        plan,
        targets: diff_targets(held, incoming),
    };
    if diff.is_empty() && held != incoming {
        diff.plan.push(Change::Other);
    }
    diff
}

fn text(out: &mut Vec<Change>, item: TextItem, before: &str, after: &str) {
    if before != after {
        out.push(Change::Text {
            item,
            before: before.to_string(),
            after: after.to_string(),
        });
    }
}

fn note(out: &mut Vec<Change>, item: NoteItem, before: &str, after: &str) {
    if before != after {
        out.push(Change::Note {
            item,
            after: after.to_string(),
        });
    }
}

fn notes(out: &mut Vec<Change>, before: &Notes, after: &Notes) {
    note(out, NoteItem::Internal, &before.internal, &after.internal);
    note(
        out,
        NoteItem::ForSuperior,
        &before.for_superior,
        &after.for_superior,
    );
}

fn diff_targets(held: &Plan, incoming: &Plan) -> Vec<TargetDiff> {
    // Whether `t`, at `i` in the incoming plan, is the first target there with its id (a
    // repeated id, which validation refuses, is shown as an added target).
    let first_with_id =
        |i: usize, t: &Target| incoming.targets.iter().position(|x| x.id == t.id) == Some(i);
    // Each removed target with the last target before it in the held plan that is kept.
    let mut removed: Vec<(Option<&TargetId>, usize, &Target)> = Vec::new();
    let mut last_kept = None;
    for (i, t) in held.targets.iter().enumerate() {
        if incoming.target(&t.id).is_some() {
            last_kept = Some(&t.id);
        } else {
            removed.push((last_kept, i, t));
        }
    }
    let place_removed = |out: &mut Vec<TargetDiff>, after: Option<&TargetId>| {
        for (anchor, position, target) in &removed {
            if *anchor == after {
                out.push(TargetDiff::Removed {
                    position: *position,
                    target: (*target).clone(),
                });
            }
        }
    };

    let mut out = Vec::new();
    place_removed(&mut out, None);
    for (i, t) in incoming.targets.iter().enumerate() {
        let first = first_with_id(i, t);
        match held.target(&t.id).filter(|_| first) {
            None => out.push(TargetDiff::Added {
                position: i,
                target: t.clone(),
            }),
            Some(h) => {
                if let Some(changed) = diff_target(held, incoming, h, t, i) {
                    out.push(TargetDiff::Changed(Box::new(changed)));
                }
            }
        }
        if first {
            place_removed(&mut out, Some(&t.id));
        }
    }
    out
}

fn diff_target(
    held_plan: &Plan,
    incoming_plan: &Plan,
    held: &Target,
    incoming: &Target,
    position: usize,
) -> Option<ChangedTarget> {
    if held == incoming {
        return None;
    }
    let mut changes = Vec::new();
    text(
        &mut changes,
        TextItem::TargetLabel,
        &held.label,
        &incoming.label,
    );
    if held.area != incoming.area {
        changes.push(Change::Area {
            before: held.area,
            after: incoming.area,
        });
    }
    diff_goal(&mut changes, &held.goal, &incoming.goal);
    if held.parent != incoming.parent {
        let name = |plan: &Plan, id: &TargetId| {
            plan.target(id)
                .map_or_else(|| id.0.clone(), |t| t.label.clone())
        };
        changes.push(Change::Parent {
            before: held.parent.as_ref().map(|id| name(held_plan, id)),
            after: incoming.parent.as_ref().map(|id| name(incoming_plan, id)),
        });
    }
    if held.suggested != incoming.suggested {
        changes.push(Change::Suggested {
            after: incoming.suggested,
        });
    }
    notes(&mut changes, &held.notes, &incoming.notes);
    diff_tracking(&mut changes, &held.tracking, &incoming.tracking);
    let entries = diff_entries(&held.entries, &incoming.entries);
    if changes.is_empty() && entries.is_empty() {
        changes.push(Change::Other);
    }
    Some(ChangedTarget {
        position,
        held: held.clone(),
        incoming: incoming.clone(),
        changes,
        entries,
    })
}

fn diff_goal(out: &mut Vec<Change>, before: &Goal, after: &Goal) {
    match (before, after) {
        (
            Goal::Single {
                condition: a,
                breakdown: fields_a,
            },
            Goal::Single {
                condition: b,
                breakdown: fields_b,
            },
        ) => {
            diff_condition(out, ConditionPart::Only, a, b);
            diff_fields(out, fields_a, fields_b);
        }
        (
            Goal::Compound {
                first: a1,
                second: a2,
            },
            Goal::Compound {
                first: b1,
                second: b2,
            },
        ) => {
            diff_condition(out, ConditionPart::First, a1, b1);
            diff_condition(out, ConditionPart::Second, a2, b2);
        }
        (Goal::Milestone { deadline: a }, Goal::Milestone { deadline: b }) => {
            if a != b {
                out.push(Change::Deadline {
                    before: *a,
                    after: *b,
                });
            }
        }
        (Goal::FreeText, Goal::FreeText) => {}
        _ => out.push(Change::GoalKind {
            before: Box::new(before.clone()),
            after: Box::new(after.clone()),
        }),
    }
}

fn diff_condition(out: &mut Vec<Change>, part: ConditionPart, a: &Condition, b: &Condition) {
    text(out, TextItem::ConditionLabel(part), &a.label, &b.label);
    if a.comparator != b.comparator {
        out.push(Change::Rule {
            part,
            before: Box::new(a.clone()),
            after: Box::new(b.clone()),
        });
    }
    if a.measure != b.measure {
        out.push(Change::Measure {
            part,
            before: a.measure.clone(),
            after: b.measure.clone(),
        });
    }
}

fn diff_fields(out: &mut Vec<Change>, before: &[Field], after: &[Field]) {
    for f in after {
        match before.iter().find(|x| x.id == f.id) {
            Some(old) => text(out, TextItem::FieldName, &old.name, &f.name),
            None => out.push(Change::FieldAdded {
                name: f.name.clone(),
            }),
        }
    }
    for f in before {
        if !after.iter().any(|x| x.id == f.id) {
            out.push(Change::FieldRemoved {
                name: f.name.clone(),
            });
        }
    }
}

fn diff_entries(before: &[ProgressEntry], after: &[ProgressEntry]) -> Vec<EntryChange> {
    let mut out = Vec::new();
    for e in after {
        match before.iter().find(|x| x.id == e.id) {
            None => out.push(EntryChange::Added(e.clone())),
            Some(old) if old != e => out.push(EntryChange::Changed {
                before: old.clone(),
                after: e.clone(),
            }),
            Some(_) => {}
        }
    }
    for e in before {
        if !after.iter().any(|x| x.id == e.id) {
            out.push(EntryChange::Removed(e.clone()));
        }
    }
    out
}

impl PlanDiff {
    /// Whether the two plans are equal.
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty() && self.targets.is_empty()
    }

    pub fn counts(&self) -> DiffCounts {
        let mut c = DiffCounts::default();
        for t in &self.targets {
            match t {
                TargetDiff::Added { .. } => c.targets_added += 1,
                TargetDiff::Removed { .. } => c.targets_removed += 1,
                TargetDiff::Changed(t) => {
                    if !t.changes.is_empty() {
                        c.targets_changed += 1;
                    }
                    for e in &t.entries {
                        match e {
                            EntryChange::Added(_) => c.entries_added += 1,
                            EntryChange::Removed(_) => c.entries_removed += 1,
                            EntryChange::Changed { .. } => c.entries_changed += 1,
                        }
                    }
                }
            }
        }
        c
    }

    /// One line: `2 chỉ tiêu mới, 1 chỉ tiêu bị bỏ, 3 chỉ tiêu thay đổi, 5 mục tiến độ mới`
    /// (`2 targets added, 1 removed, 3 changed, 5 new progress entries`); `Không có khác
    /// biệt` when the plans are equal.
    pub fn summary(&self, locale: Locale) -> String {
        if self.is_empty() {
            return locale.pick("Không có khác biệt", "No differences").into();
        }
        let c = self.counts();
        let mut parts: Vec<String> = Vec::new();
        match locale {
            Locale::Vi => {
                for (n, what) in [
                    (c.targets_added, "chỉ tiêu mới"),
                    (c.targets_removed, "chỉ tiêu bị bỏ"),
                    (c.targets_changed, "chỉ tiêu thay đổi"),
                    (c.entries_added, "mục tiến độ mới"),
                    (c.entries_removed, "mục tiến độ bị xoá"),
                    (c.entries_changed, "mục tiến độ được sửa"),
                ] {
                    if n > 0 {
                        parts.push(format!("{n} {what}"));
                    }
                }
            }
            Locale::En => {
                for (n, what) in [
                    (c.targets_added, "added"),
                    (c.targets_removed, "removed"),
                    (c.targets_changed, "changed"),
                ] {
                    if n > 0 {
                        parts.push(if parts.is_empty() {
                            format!("{n} {} {what}", plural(n, "target", "targets"))
                        } else {
                            format!("{n} {what}")
                        });
                    }
                }
                let entries = |n| plural(n, "progress entry", "progress entries");
                if c.entries_added > 0 {
                    let n = c.entries_added;
                    parts.push(format!("{n} new {}", entries(n)));
                }
                for (n, what) in [
                    (c.entries_removed, "removed"),
                    (c.entries_changed, "changed"),
                ] {
                    if n > 0 {
                        parts.push(format!("{n} {} {what}", entries(n)));
                    }
                }
            }
        }
        if !self.plan.is_empty() {
            parts.push(
                locale
                    .pick(
                        "thông tin chung của kế hoạch thay đổi",
                        "plan details changed",
                    )
                    .into(),
            );
        }
        capitalize(&parts.join(", "))
    }

    /// Every change, in plan order: the plan's own facts first, then target by target.
    pub fn lines(&self, locale: Locale) -> Vec<DiffLine> {
        let mut out = Vec::new();
        let plan_subject = locale.pick("Kế hoạch", "Plan");
        for c in &self.plan {
            out.push(change_line(c, plan_subject.into(), locale));
        }
        for t in &self.targets {
            match t {
                TargetDiff::Added { position, target } => {
                    out.push(whole_target_line(
                        DiffSign::Added,
                        *position,
                        target,
                        locale,
                    ));
                }
                TargetDiff::Removed { position, target } => {
                    out.push(whole_target_line(
                        DiffSign::Removed,
                        *position,
                        target,
                        locale,
                    ));
                }
                TargetDiff::Changed(t) => {
                    let subject = target_subject(t.position, &t.incoming.label, locale);
                    for c in &t.changes {
                        out.push(change_line(c, subject.clone(), locale));
                    }
                    for e in &t.entries {
                        out.push(entry_line(
                            e,
                            &t.held.goal,
                            &t.incoming.goal,
                            &subject,
                            locale,
                        ));
                    }
                }
            }
        }
        out
    }
}

/// The line of a target added or removed as a whole, with its goal and entries.
fn whole_target_line(sign: DiffSign, position: usize, target: &Target, locale: Locale) -> DiffLine {
    let goal = goal_text(&target.goal, locale);
    let n = target.entries.len();
    let added = sign == DiffSign::Added;
    let mut text = match (added, locale) {
        (true, Locale::Vi) => format!("chỉ tiêu mới: {goal}"),
        (true, Locale::En) => format!("new target: {goal}"),
        (false, Locale::Vi) => format!("chỉ tiêu bị bỏ: {goal}"),
        (false, Locale::En) => format!("target removed: {goal}"),
    };
    if n > 0 {
        let entries = plural(n, "progress entry", "progress entries");
        text.push_str(&match (added, locale) {
            (true, Locale::Vi) => format!("; {n} mục tiến độ"),
            (true, Locale::En) => format!("; {n} {entries}"),
            (false, Locale::Vi) => format!("; cùng {n} mục tiến độ"),
            (false, Locale::En) => format!("; with its {n} {entries}"),
        });
    }
    DiffLine {
        sign,
        subject: target_subject(position, &target.label, locale),
        text,
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// `Chỉ tiêu 3 «…»`: a position (0-based, shown 1-based) and the beginning of the label.
fn target_subject(position: usize, label: &str, locale: Locale) -> String {
    format!(
        "{} {} «{}»",
        locale.pick("Chỉ tiêu", "Target"),
        position.saturating_add(1),
        excerpt(label, 60)
    )
}

/// The text on one line, whitespace runs (line breaks included) as single spaces, cut to
/// at most `max` characters with `…` marking the cut, at the end of a word when one ends
/// in the last 20 characters kept.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut chars = text
        .split_whitespace()
        .flat_map(|word| std::iter::once(' ').chain(word.chars()))
        .skip(1);
    let mut out: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        out.pop();
        if let Some(space) = out.rfind(' ') {
            if out[space..].chars().count() <= 20 {
                out.truncate(space);
            }
        }
        out.truncate(out.trim_end().len());
        out.push('…');
    }
    out
}

fn diff_tracking(out: &mut Vec<Change>, held: &Tracking, incoming: &Tracking) {
    if held.pace != incoming.pace {
        out.push(Change::Pace {
            before: held.pace,
            after: incoming.pace,
        });
    }
    if held.period_targets != incoming.period_targets {
        out.push(Change::PeriodTargets {
            before: held.period_targets,
            after: incoming.period_targets,
        });
    }
    if held.history != incoming.history {
        out.push(Change::PreviousYears {
            before: held.history.clone(),
            after: incoming.history.clone(),
        });
    }
    if held.standing != incoming.standing {
        out.push(Change::Standing {
            before: held.standing,
            after: incoming.standing,
        });
    }
}

fn cutoffs_words(c: &Cutoffs) -> String {
    ReportingPeriod::ALL
        .into_iter()
        .map(|p| c.of(p).to_vi())
        .collect::<Vec<_>>()
        .join(", ")
}

fn pace_kind_words(k: Option<PaceKind>, l: Locale) -> &'static str {
    match k {
        None => l.pick("tự động", "automatic"),
        Some(PaceKind::Cumulative) => l.pick("cộng dồn", "cumulative"),
        Some(PaceKind::Rate) => l.pick("theo tỷ lệ hiện tại", "rate as it stands"),
        Some(PaceKind::NotPaced) => l.pick("không theo dõi tiến độ", "not paced"),
    }
}

fn none_words(l: Locale) -> String {
    l.pick("(không có)", "(none)").into()
}

fn period_targets_words(t: &PeriodTargets, l: Locale) -> String {
    let parts: Vec<String> = ReportingPeriod::ALL
        .into_iter()
        .filter_map(|p| {
            t.get(p)
                .map(|v| format!("{} {}", reporting_period_name(p, l), format_decimal(v)))
        })
        .collect();
    if parts.is_empty() {
        none_words(l)
    } else {
        parts.join(" · ")
    }
}

fn previous_years_words(h: &[YearValue], l: Locale) -> String {
    if h.is_empty() {
        return none_words(l);
    }
    h.iter()
        .map(|y| format!("{} {}", y.year, format_decimal(y.value)))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn standing_words(s: Option<IndexStanding>, l: Locale) -> String {
    s.map_or_else(|| none_words(l), |s| format!("{}/{}", s.position, s.of))
}

fn shown(text: &str, locale: Locale) -> String {
    if text.trim().is_empty() {
        locale.pick("(trống)", "(empty)").into()
    } else {
        excerpt(text, 60)
    }
}

fn shown_date(d: Option<NaiveDate>, locale: Locale) -> String {
    d.map_or_else(|| locale.pick("(trống)", "(none)").into(), format_vi_date)
}

fn arrow(before: impl std::fmt::Display, after: impl std::fmt::Display) -> String {
    format!("{before} → {after}")
}

fn change_line(change: &Change, subject: String, locale: Locale) -> DiffLine {
    DiffLine {
        sign: change.sign(),
        subject,
        text: change_text(change, locale),
    }
}

fn change_text(change: &Change, locale: Locale) -> String {
    let l = locale;
    let named = |name: &str, what: String| format!("{name}: {what}");
    match change {
        Change::Text {
            item,
            before,
            after,
        } => named(
            &text_item_name(*item, l),
            arrow(shown(before, l), shown(after, l)),
        ),
        Change::Note { item, after } => {
            let name = match item {
                NoteItem::Internal => l.pick("ghi chú nội bộ", "internal notes"),
                NoteItem::ForSuperior => {
                    l.pick("ghi chú gửi cấp trên", "notes for the superior unit")
                }
                NoteItem::DateNote => l.pick("ghi chú về ngày ban hành", "note on the issue date"),
            };
            if after.trim().is_empty() {
                format!("{name} {}", l.pick("đã xoá", "removed"))
            } else {
                format!(
                    "{name} {}: «{}»",
                    l.pick("đã sửa", "changed"),
                    excerpt(after, 80)
                )
            }
        }
        Change::Level { before, after } => named(
            l.pick("cấp đơn vị", "level"),
            arrow(level_name(*before, l), level_name(*after, l)),
        ),
        Change::Year { before, after } => named(l.pick("năm", "year"), arrow(before, after)),
        Change::Revision { before, after } => {
            format!(
                "{} {}",
                l.pick("phiên bản", "revision"),
                arrow(before, after)
            )
        }
        Change::Status { before, after } => named(
            l.pick("trạng thái", "status"),
            arrow(plan_status_name(*before, l), plan_status_name(*after, l)),
        ),
        Change::IssuedOn { before, after } => named(
            l.pick("ngày ban hành", "issue date"),
            arrow(shown_date(*before, l), shown_date(*after, l)),
        ),
        Change::Area { before, after } => named(
            l.pick("lĩnh vực cải cách", "reform area"),
            arrow(area_name(*before, l), area_name(*after, l)),
        ),
        Change::GoalKind { before, after } => named(
            l.pick("yêu cầu", "goal"),
            arrow(goal_text(before, l), goal_text(after, l)),
        ),
        Change::Rule {
            part,
            before,
            after,
        } => format!(
            "{}{}",
            part_prefix(*part, l),
            named(
                l.pick("ngưỡng", "threshold"),
                arrow(describe_rule(before, l), describe_rule(after, l))
            )
        ),
        Change::Measure {
            part,
            before,
            after,
        } => format!(
            "{}{}",
            part_prefix(*part, l),
            named(
                l.pick("cách đo", "measure"),
                arrow(measure_text(before, l), measure_text(after, l))
            )
        ),
        Change::Deadline { before, after } => named(
            l.pick("hạn", "deadline"),
            arrow(shown_date(*before, l), shown_date(*after, l)),
        ),
        Change::FieldAdded { name } => {
            named(l.pick("thêm lĩnh vực", "field added"), shown(name, l))
        }
        Change::FieldRemoved { name } => {
            named(l.pick("bỏ lĩnh vực", "field removed"), shown(name, l))
        }
        Change::Parent { before, after } => {
            let parent = |p: &Option<String>| match p {
                Some(label) => format!("«{}»", excerpt(label, 60)),
                None => l.pick("(không)", "(none)").into(),
            };
            named(
                l.pick("thuộc chỉ tiêu", "part of"),
                arrow(parent(before), parent(after)),
            )
        }
        Change::Suggested { after } => named(
            l.pick("ngưỡng", "threshold"),
            if *after {
                l.pick("là gợi ý của mẫu", "a template's suggestion")
            } else {
                l.pick("đã xác nhận theo kế hoạch", "confirmed for the plan")
            }
            .into(),
        ),
        Change::Tasks { before, after } => {
            let count = |c: &TaskCount| {
                l.pick(
                    format!("{} ({} hoàn thành)", c.total, c.done),
                    format!("{} ({} done)", c.total, c.done),
                )
            };
            named(
                l.pick("nhiệm vụ", "tasks"),
                arrow(count(before), count(after)),
            )
        }
        Change::ShortenedProcedures { before, after } => {
            let count = |(n, days): &(usize, Rational)| format!("{n} ({})", days_words(*days, l));
            named(
                l.pick("thủ tục rút ngắn thời gian", "shortened procedures"),
                arrow(count(before), count(after)),
            )
        }
        Change::ReportingCutoffs { before, after } => named(
            l.pick("ngày chốt số liệu", "report cut-off days"),
            arrow(cutoffs_words(before), cutoffs_words(after)),
        ),
        Change::Snapshots { before, after } => named(
            l.pick("số lần chốt số liệu", "frozen reviews"),
            if before == after {
                l.pick(
                    format!("{after} (nội dung khác)"),
                    format!("{after} (contents differ)"),
                )
            } else {
                arrow(before, after)
            },
        ),
        Change::Pace { before, after } => named(
            l.pick("cách tính tiến độ", "pacing"),
            arrow(pace_kind_words(*before, l), pace_kind_words(*after, l)),
        ),
        Change::PeriodTargets { before, after } => named(
            l.pick("chỉ tiêu theo kỳ báo cáo", "targets by report"),
            arrow(
                period_targets_words(before, l),
                period_targets_words(after, l),
            ),
        ),
        Change::PreviousYears { before, after } => named(
            l.pick("số liệu các năm trước", "previous years"),
            arrow(
                previous_years_words(before, l),
                previous_years_words(after, l),
            ),
        ),
        Change::Standing { before, after } => named(
            l.pick("xếp hạng", "rank"),
            arrow(standing_words(*before, l), standing_words(*after, l)),
        ),
        Change::Other => l
            .pick(
                "khác biệt khác (thứ tự, hoặc dữ liệu của phiên bản ứng dụng khác)",
                "other differences (order, or data from another version of the app)",
            )
            .into(),
    }
}

fn text_item_name(item: TextItem, l: Locale) -> String {
    let name = match item {
        TextItem::UnitCode => l.pick("mã đơn vị", "unit code"),
        TextItem::UnitName => l.pick("tên đơn vị", "unit name"),
        TextItem::Superior => l.pick("đơn vị cấp trên", "superior unit"),
        TextItem::SuperiorCode => l.pick("mã đơn vị cấp trên", "superior unit code"),
        TextItem::DocumentNumber => l.pick("số văn bản", "document number"),
        TextItem::TargetLabel => l.pick("nội dung chỉ tiêu", "wording"),
        TextItem::FieldName => l.pick("tên lĩnh vực", "field name"),
        TextItem::ConditionLabel(part) => {
            let name = l.pick("tên điều kiện", "name of condition");
            return match part {
                ConditionPart::Only => name.into(),
                ConditionPart::First => format!("{name} 1"),
                ConditionPart::Second => format!("{name} 2"),
            };
        }
    };
    name.into()
}

fn part_prefix(part: ConditionPart, l: Locale) -> String {
    let n = match part {
        ConditionPart::Only => return String::new(),
        ConditionPart::First => 1,
        ConditionPart::Second => 2,
    };
    format!("{} {n}, ", l.pick("điều kiện", "condition"))
}

/// A goal in a few words: its rule, or what kind of goal it is.
fn goal_text(goal: &Goal, l: Locale) -> String {
    match goal {
        Goal::Single {
            condition,
            breakdown,
        } => {
            let rule = describe_rule(condition, l);
            match breakdown.len() {
                0 => rule,
                n => l.pick(
                    format!("{rule}, từng lĩnh vực ({n} lĩnh vực)"),
                    format!("{rule} in every field ({n} fields)"),
                ),
            }
        }
        Goal::Compound { first, second } => format!(
            "{} {} {}",
            describe_rule(first, l),
            l.pick("và", "and"),
            describe_rule(second, l)
        ),
        Goal::Milestone { deadline: Some(d) } => {
            let d = format_vi_date(*d);
            l.pick(
                format!("mốc hoàn thành, hạn {d}"),
                format!("milestone due {d}"),
            )
        }
        Goal::Milestone { deadline: None } => l
            .pick("mốc hoàn thành, chưa có hạn", "milestone without deadline")
            .into(),
        Goal::FreeText => l.pick("theo dõi bằng nội dung", "tracked by notes").into(),
    }
}

fn measure_text(m: &Measure, l: Locale) -> String {
    match m {
        Measure::Ratio {
            numerator,
            denominator,
        } => format!(
            "{} «{}» / «{}»",
            l.pick("tỷ lệ", "ratio"),
            excerpt(numerator, 40),
            excerpt(denominator, 40)
        ),
        Measure::Value { unit } => {
            let name = lowercase(value_unit_name(unit, l));
            match unit {
                ValueUnit::Count { noun } if !noun.trim().is_empty() => {
                    format!("{name} ({})", excerpt(noun, 20))
                }
                _ => name,
            }
        }
    }
}

fn entry_line(
    change: &EntryChange,
    held_goal: &Goal,
    goal: &Goal,
    subject: &str,
    l: Locale,
) -> DiffLine {
    let (sign, text) = match change {
        EntryChange::Added(e) => {
            let (d, r) = (format_vi_date(e.date), reading_text(&e.reading, goal, l));
            let text = l.pick(
                format!("mục tiến độ mới ngày {d}: {r}"),
                format!("new progress entry of {d}: {r}"),
            );
            (DiffSign::Added, text)
        }
        EntryChange::Removed(e) => {
            let (d, r) = (
                format_vi_date(e.date),
                reading_text(&e.reading, held_goal, l),
            );
            let text = l.pick(
                format!("mục tiến độ bị xoá ngày {d}: {r}"),
                format!("progress entry of {d} removed: {r}"),
            );
            (DiffSign::Removed, text)
        }
        EntryChange::Changed { before, after } => {
            let mut parts = Vec::new();
            if before.date != after.date {
                let d = format_vi_date(after.date);
                parts.push(l.pick(format!("chuyển sang ngày {d}"), format!("moved to {d}")));
            }
            if before.reading != after.reading {
                parts.push(arrow(
                    reading_text(&before.reading, held_goal, l),
                    reading_text(&after.reading, goal, l),
                ));
            }
            if before.comment != after.comment {
                parts.push(l.pick("ghi chú đã sửa", "comment changed").into());
            }
            if parts.is_empty() {
                parts.push(
                    l.pick("dữ liệu khác đã thay đổi", "other data changed")
                        .into(),
                );
            }
            let d = format_vi_date(before.date);
            let text = format!(
                "{} {d}: {}",
                l.pick("mục tiến độ ngày", "progress entry of"),
                parts.join("; ")
            );
            (DiffSign::Changed, text)
        }
    };
    DiffLine {
        sign,
        subject: subject.to_string(),
        text,
    }
}

/// The figures of a reading: `9.156/17.087`, `98,97%`, `Hộ tịch: 5.214/5.214; …`.
fn reading_text(reading: &Reading, goal: &Goal, l: Locale) -> String {
    let single = match goal {
        Goal::Single { condition, .. } => Some(&condition.measure),
        _ => None,
    };
    match reading {
        Reading::Single { figure } => figure_text(figure, single, l),
        Reading::PerField { fields } => {
            let breakdown = goal.breakdown();
            let each: Vec<String> = fields
                .iter()
                .map(|f| {
                    let name = breakdown
                        .iter()
                        .find(|x| x.id == f.field)
                        .map_or(f.field.0.as_str(), |x| x.name.as_str());
                    format!("{name}: {}", figure_text(&f.figure, single, l))
                })
                .collect();
            excerpt(&each.join("; "), 160)
        }
        Reading::Pair { first, second } => {
            let (m1, m2) = match goal {
                Goal::Compound { first, second } => (Some(&first.measure), Some(&second.measure)),
                _ => (None, None),
            };
            format!(
                "{}; {}",
                figure_text(first, m1, l),
                figure_text(second, m2, l)
            )
        }
        Reading::Milestone { done_on, evidence } => {
            let done = match done_on {
                Some(d) => {
                    let d = format_vi_date(*d);
                    l.pick(format!("hoàn thành {d}"), format!("done on {d}"))
                }
                None => l.pick("chưa hoàn thành", "not done yet").into(),
            };
            if evidence.trim().is_empty() {
                done
            } else {
                format!("{done}, «{}»", excerpt(evidence, 60))
            }
        }
        Reading::Text { text } => format!("«{}»", excerpt(text, 80)),
    }
}

fn figure_text(figure: &Figure, measure: Option<&Measure>, l: Locale) -> String {
    match figure {
        Figure::Ratio {
            numerator,
            denominator,
        } => format!(
            "{}/{}",
            format_count(numerator.0),
            format_count(denominator.0)
        ),
        Figure::Value { value } => format!(
            "{}{}",
            format_decimal(*value),
            measure.map(|m| unit_suffix(m, l)).unwrap_or_default()
        ),
    }
}
