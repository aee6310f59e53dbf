//! Encoding: a plan as JSON text, written by hand so that keys come in a fixed, readable order
//! (identity first, the tag of every tagged object before its other keys) and the same plan
//! always gives the same text.
//!
//! [`Writer`] writes JSON either compact (`{"a":1}`, for [`super::plan_fingerprint`]) or
//! pretty, byte for byte as `serde_json::to_string_pretty` would (two spaces per level,
//! `"key": value`, empty lists as `[]`). It is not `serde_json::Value` plus `to_string_pretty`
//! because a `Value` object (without serde_json's `preserve_order` feature, which would bring
//! a hash map into the bundle) sorts its keys: `app` before `format`, a figure's `type` after
//! its counts.
//!
//! The shape written here is the one [`super::decode`] reads; `docs/plan-file-format.md`
//! describes it.

use chrono::NaiveDate;
use serde_json::Value;

use crate::date::format_iso_date;
use crate::extra::{
    Extra, ENTRY_KEYS, PLAN_KEYS, PROCEDURE_KEYS, REFERENCE_KEYS, SNAPSHOT_KEYS, TARGET_KEYS,
    TASK_KEYS, UNIT_KEYS,
};
use crate::notes::Notes;
use crate::number::Decimal;
use crate::plan::{Plan, PlanReference};
use crate::progress::{Figure, ProgressEntry, Reading};
use crate::reporting_period::ReportingPeriod;
use crate::snapshot::Snapshot;
use crate::target::{Comparator, Condition, Goal, Measure, Target, ValueUnit};
use crate::task::Task;
use crate::tracking::Tracking;
use crate::unit::Unit;
use crate::working_time::ShortenedProcedure;

/// JSON text being written. The caller opens and closes objects and lists in matching pairs;
/// [`Writer::key`] and [`Writer::item`] place the separators and indentation.
pub(crate) struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
    /// Whether the innermost open object or list has no member yet.
    empty: bool,
}

impl Writer {
    pub(crate) fn new(pretty: bool) -> Self {
        Writer {
            out: String::new(),
            pretty,
            depth: 0,
            empty: true,
        }
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }

    pub(crate) fn open_object(&mut self) {
        self.open('{');
    }

    pub(crate) fn close_object(&mut self) {
        self.close('}');
    }

    pub(crate) fn open_list(&mut self) {
        self.open('[');
    }

    pub(crate) fn close_list(&mut self) {
        self.close(']');
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth = self.depth.saturating_sub(1);
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    /// Starts the next member of a list.
    pub(crate) fn item(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.newline();
        self.empty = false;
    }

    /// Starts the member `key` of an object; its value comes next.
    pub(crate) fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
    }

    /// A JSON string, escaped as serde_json does: `"` and `\`, the control characters with
    /// short escapes, the others as `\u00XX`; everything else as it is.
    pub(crate) fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push('"');
        // Runs of characters that need no escape are copied whole: this is the hot path of
        // export and of the content hash.
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            if b >= 0x20 && b != b'"' && b != b'\\' {
                continue;
            }
            self.out.push_str(s.get(start..i).unwrap_or_default());
            start = i + 1;
            match b {
                b'"' => self.out.push_str("\\\""),
                b'\\' => self.out.push_str("\\\\"),
                b'\n' => self.out.push_str("\\n"),
                b'\r' => self.out.push_str("\\r"),
                b'\t' => self.out.push_str("\\t"),
                0x08 => self.out.push_str("\\b"),
                0x0c => self.out.push_str("\\f"),
                b => {
                    self.out.push_str("\\u00");
                    self.out.push(char::from(HEX[usize::from(b >> 4)]));
                    self.out.push(char::from(HEX[usize::from(b & 0xf)]));
                }
            }
        }
        self.out.push_str(s.get(start..).unwrap_or_default());
        self.out.push('"');
    }

    pub(crate) fn int(&mut self, n: i64) {
        self.out.push_str(&n.to_string());
    }

    fn count(&mut self, n: u64) {
        self.out.push_str(&n.to_string());
    }

    pub(crate) fn null(&mut self) {
        self.out.push_str("null");
    }

    /// Any JSON value (object keys in the value's own order).
    pub(crate) fn value(&mut self, v: &Value) {
        match v {
            Value::Null => self.null(),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => self.out.push_str(&n.to_string()),
            Value::String(s) => self.string(s),
            Value::Array(items) => {
                self.open_list();
                for item in items {
                    self.item();
                    self.value(item);
                }
                self.close_list();
            }
            Value::Object(members) => {
                self.open_object();
                for (k, item) in members {
                    self.key(k);
                    self.value(item);
                }
                self.close_object();
            }
        }
    }

    // Values of the model.

    fn text_field(&mut self, key: &str, s: &str) {
        self.key(key);
        self.string(s);
    }

    fn decimal_field(&mut self, key: &str, d: Decimal) {
        self.text_field(key, &d.to_plain_string());
    }

    fn date_field(&mut self, key: &str, d: Option<NaiveDate>) {
        self.key(key);
        match d {
            Some(d) => self.string(&format_iso_date(d)),
            None => self.null(),
        }
    }

    /// `"key": "value"` for the tag of a tagged object.
    fn tag(&mut self, key: &str, name: &str) {
        self.text_field(key, name);
    }
}

/// A JSON value as compact text cut to `max` characters (`…` marks a cut): for messages that
/// quote what a file holds.
pub(crate) fn json_excerpt(v: &Value, max: usize) -> String {
    let mut w = Writer::new(false);
    w.value(v);
    let text = w.finish();
    if text.chars().count() > max {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        text
    }
}

/// The plan, as the value of the envelope's `plan` key or on its own.
pub(crate) fn plan(w: &mut Writer, p: &Plan) {
    w.open_object();
    w.text_field("id", &p.id.0);
    w.key("unit");
    unit(w, &p.unit);
    w.key("year");
    w.int(i64::from(p.year));
    w.key("revision");
    w.int(i64::from(p.revision));
    w.text_field("status", p.status.as_str());
    w.key("reference");
    reference(w, &p.reference);
    notes(w, &p.notes);
    if !p.sources.is_empty() {
        w.key("sources");
        w.open_list();
        for s in &p.sources {
            w.item();
            w.open_object();
            w.text_field("plan", &s.plan.0);
            w.text_field("unit", &s.unit);
            w.text_field("unitId", &s.unit_id);
            w.key("revision");
            w.int(i64::from(s.revision));
            w.text_field("contentHash", &s.content_hash);
            w.close_object();
        }
        w.close_list();
    }
    if let Some(marker) = &p.template {
        w.key("template");
        w.open_object();
        w.text_field("id", &marker.id);
        w.key("version");
        w.int(i64::from(marker.version));
        w.text_field("name", &marker.name);
        w.close_object();
    }
    w.key("targets");
    w.open_list();
    for t in &p.targets {
        w.item();
        target(w, t);
    }
    w.close_list();
    if !p.tasks.is_empty() {
        w.key("tasks");
        w.open_list();
        for t in &p.tasks {
            w.item();
            task(w, t);
        }
        w.close_list();
    }
    if !p.shortened_procedures.is_empty() {
        w.key("shortenedProcedures");
        w.open_list();
        for sp in &p.shortened_procedures {
            w.item();
            procedure(w, sp);
        }
        w.close_list();
    }
    let cutoffs = &p.reporting.cutoffs;
    if !cutoffs.is_default() {
        w.key("reportingCutoffs");
        w.open_object();
        for (key, period) in CUTOFF_KEYS {
            w.text_field(key, &cutoffs.of(period).to_file_text());
        }
        w.close_object();
    }
    if !p.reporting.snapshots.is_empty() {
        w.key("snapshots");
        w.open_list();
        for s in &p.reporting.snapshots {
            w.item();
            snapshot(w, s);
        }
        w.close_list();
    }
    extra(w, &p.extra, PLAN_KEYS);
    w.close_object();
}

/// The keys of `reportingCutoffs` and `periodTargets`, and the report each names.
const CUTOFF_KEYS: [(&str, ReportingPeriod); 4] = [
    ("firstQuarter", ReportingPeriod::FirstQuarter),
    ("sixMonths", ReportingPeriod::SixMonths),
    ("thirdQuarter", ReportingPeriod::ThirdQuarter),
    ("year", ReportingPeriod::Year),
];

fn snapshot(w: &mut Writer, s: &Snapshot) {
    w.open_object();
    w.text_field("id", &s.id.0);
    w.text_field("period", s.period.as_str());
    w.date_field("takenOn", Some(s.taken_on));
    w.key("figures");
    w.open_list();
    for f in &s.figures {
        w.item();
        w.open_object();
        w.text_field("target", &f.target.0);
        w.text_field("label", &f.label);
        w.key("entry");
        match &f.entry {
            Some(e) => entry(w, e),
            None => w.null(),
        }
        w.text_field("status", f.status.as_str());
        w.text_field("pace", f.pace.key());
        w.close_object();
    }
    w.close_list();
    extra(w, &s.extra, SNAPSHOT_KEYS);
    w.close_object();
}

fn tracking(w: &mut Writer, t: &Tracking) {
    if let Some(kind) = t.pace {
        w.text_field("pace", kind.as_str());
    }
    if !t.period_targets.is_empty() {
        w.key("periodTargets");
        w.open_object();
        for (key, period) in &CUTOFF_KEYS[..3] {
            if let Some(v) = t.period_targets.get(*period) {
                w.decimal_field(key, v);
            }
        }
        w.close_object();
    }
    if !t.history.is_empty() {
        w.key("previousYears");
        w.open_list();
        for h in &t.history {
            w.item();
            w.open_object();
            w.key("year");
            w.int(i64::from(h.year));
            w.decimal_field("value", h.value);
            w.close_object();
        }
        w.close_list();
    }
    if let Some(s) = &t.standing {
        w.key("standing");
        w.open_object();
        w.key("position");
        w.int(i64::from(s.position));
        w.key("of");
        w.int(i64::from(s.of));
        if let Some(prev) = s.previous_position {
            w.key("previousPosition");
            w.int(i64::from(prev));
        }
        w.close_object();
    }
}

fn task(w: &mut Writer, t: &Task) {
    w.open_object();
    w.text_field("id", &t.id.0);
    w.text_field("title", &t.title);
    w.text_field("department", &t.department);
    w.date_field("deadline", t.deadline);
    w.text_field("output", &t.output);
    w.text_field("status", t.status.stage().as_str());
    if let Some(on) = t.status.done_on() {
        w.date_field("doneOn", Some(on));
    }
    w.key("targets");
    w.open_list();
    for id in &t.targets {
        w.item();
        w.string(&id.0);
    }
    w.close_list();
    extra(w, &t.extra, TASK_KEYS);
    w.close_object();
}

fn procedure(w: &mut Writer, p: &ShortenedProcedure) {
    w.open_object();
    w.text_field("id", &p.id.0);
    w.text_field("name", &p.name);
    w.decimal_field("standardDays", p.standard_days);
    w.decimal_field("newDays", p.new_days);
    extra(w, &p.extra, PROCEDURE_KEYS);
    w.close_object();
}

fn unit(w: &mut Writer, u: &Unit) {
    w.open_object();
    w.text_field("id", &u.id);
    w.text_field("name", &u.name);
    w.text_field("level", u.level.as_str());
    w.key("superior");
    w.open_object();
    w.text_field("id", &u.superior_id);
    w.text_field("name", &u.superior);
    w.close_object();
    extra(w, &u.extra, UNIT_KEYS);
    w.close_object();
}

/// The `notes` member, written only when there is a note.
fn notes(w: &mut Writer, n: &Notes) {
    if n.is_empty() {
        return;
    }
    w.key("notes");
    w.open_object();
    w.text_field("internal", &n.internal);
    w.text_field("forSuperior", &n.for_superior);
    w.close_object();
}

/// Keys read from a file that this version does not know, written back as they were read.
/// A key the record already wrote is skipped: a file never repeats a key, whatever the
/// model holds (the decoder never puts a known key there).
fn extra(w: &mut Writer, e: &Extra, known: &[&str]) {
    for (k, v) in e.0.iter().filter(|(k, _)| !known.contains(&k.as_str())) {
        w.key(k);
        w.value(v);
    }
}

fn reference(w: &mut Writer, r: &PlanReference) {
    w.open_object();
    w.text_field("number", &r.number);
    w.date_field("issuedOn", r.issued_on);
    if !r.date_note.is_empty() {
        w.text_field("dateNote", &r.date_note);
    }
    extra(w, &r.extra, REFERENCE_KEYS);
    w.close_object();
}

fn target(w: &mut Writer, t: &Target) {
    w.open_object();
    w.text_field("id", &t.id.0);
    w.text_field("area", t.area.as_str());
    w.text_field("label", &t.label);
    w.key("goal");
    goal(w, &t.goal);
    if let Some(parent) = &t.parent {
        w.text_field("parent", &parent.0);
    }
    if t.suggested {
        w.key("suggested");
        w.out.push_str("true");
    }
    tracking(w, &t.tracking);
    w.key("entries");
    w.open_list();
    for e in &t.entries {
        w.item();
        entry(w, e);
    }
    w.close_list();
    notes(w, &t.notes);
    extra(w, &t.extra, TARGET_KEYS);
    w.close_object();
}

fn goal(w: &mut Writer, g: &Goal) {
    w.open_object();
    w.tag("kind", g.kind_name());
    match g {
        Goal::Single {
            condition: c,
            breakdown,
        } => {
            w.key("condition");
            condition(w, c);
            if !breakdown.is_empty() {
                w.key("breakdown");
                w.open_list();
                for f in breakdown {
                    w.item();
                    w.open_object();
                    w.text_field("id", &f.id.0);
                    w.text_field("name", &f.name);
                    w.close_object();
                }
                w.close_list();
            }
        }
        Goal::Compound { first, second } => {
            w.key("first");
            condition(w, first);
            w.key("second");
            condition(w, second);
        }
        Goal::Milestone { deadline } => w.date_field("deadline", *deadline),
        Goal::FreeText => {}
    }
    w.close_object();
}

fn condition(w: &mut Writer, c: &Condition) {
    w.open_object();
    w.text_field("label", &c.label);
    w.key("measure");
    measure(w, &c.measure);
    w.key("comparator");
    comparator(w, &c.comparator);
    w.close_object();
}

fn measure(w: &mut Writer, m: &Measure) {
    w.open_object();
    match m {
        Measure::Ratio {
            numerator,
            denominator,
        } => {
            w.tag("type", "ratio");
            w.text_field("numerator", numerator);
            w.text_field("denominator", denominator);
        }
        Measure::Value { unit } => {
            w.tag("type", "value");
            w.text_field("unit", unit.as_str());
            if let ValueUnit::Count { noun } = unit {
                w.text_field("noun", noun);
            }
        }
    }
    w.close_object();
}

fn comparator(w: &mut Writer, c: &Comparator) {
    w.open_object();
    w.tag("rule", c.rule_name());
    match c {
        Comparator::Above { threshold }
        | Comparator::AtLeast { threshold }
        | Comparator::AtMost { threshold }
        | Comparator::Below { threshold } => w.decimal_field("threshold", *threshold),
        Comparator::Range { min, max, above } => {
            w.decimal_field("min", *min);
            w.decimal_field("max", *max);
            w.text_field("above", above.as_str());
        }
        Comparator::ReduceTo { low, high } => {
            w.decimal_field("low", *low);
            w.decimal_field("high", *high);
        }
        Comparator::AllItems => {}
        Comparator::PerPeriod { min, period } => {
            w.decimal_field("min", *min);
            w.text_field("period", period.as_str());
        }
        Comparator::HigherThanPrevious { previous } => match previous {
            Some(p) => w.decimal_field("previous", *p),
            None => {
                w.key("previous");
                w.null();
            }
        },
    }
    w.close_object();
}

fn entry(w: &mut Writer, e: &ProgressEntry) {
    w.open_object();
    w.text_field("id", &e.id.0);
    w.date_field("date", Some(e.date));
    w.key("reading");
    reading(w, &e.reading);
    w.text_field("comment", &e.comment);
    extra(w, &e.extra, ENTRY_KEYS);
    w.close_object();
}

fn reading(w: &mut Writer, r: &Reading) {
    w.open_object();
    match r {
        Reading::Single { figure: f } => {
            w.tag("shape", "single");
            w.key("figure");
            figure(w, f);
        }
        Reading::PerField { fields } => {
            w.tag("shape", "per_field");
            w.key("fields");
            w.open_list();
            for ff in fields {
                w.item();
                w.open_object();
                w.text_field("field", &ff.field.0);
                w.key("figure");
                figure(w, &ff.figure);
                w.close_object();
            }
            w.close_list();
        }
        Reading::Pair { first, second } => {
            w.tag("shape", "pair");
            w.key("first");
            figure(w, first);
            w.key("second");
            figure(w, second);
        }
        Reading::Milestone { done_on, evidence } => {
            w.tag("shape", "milestone");
            w.date_field("doneOn", *done_on);
            w.text_field("evidence", evidence);
        }
        Reading::Text { text } => {
            w.tag("shape", "text");
            w.text_field("text", text);
        }
    }
    w.close_object();
}

fn figure(w: &mut Writer, f: &Figure) {
    w.open_object();
    match f {
        Figure::Ratio {
            numerator,
            denominator,
        } => {
            w.tag("type", "ratio");
            w.key("numerator");
            w.count(numerator.0);
            w.key("denominator");
            w.count(denominator.0);
        }
        Figure::Value { value } => {
            w.tag("type", "value");
            w.decimal_field("value", *value);
        }
    }
    w.close_object();
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pretty(v: &Value) -> String {
        let mut w = Writer::new(true);
        w.value(v);
        w.finish()
    }

    #[test]
    fn writes_like_serde_json() {
        let v = json!({
            "a": [],
            "b": {},
            "c": [1, -2, 2.5, null, true, false, {"d": "x"}],
            "e": "quote \" backslash \\ newline \n tab \t bell \u{7} del \u{7f} é ỹ 😀 \u{8}\u{c}\r",
        });
        assert_eq!(pretty(&v), serde_json::to_string_pretty(&v).unwrap());
        let mut w = Writer::new(false);
        w.value(&v);
        assert_eq!(w.finish(), serde_json::to_string(&v).unwrap());
    }

    #[test]
    fn excerpts_are_cut() {
        assert_eq!(json_excerpt(&json!("9156"), 40), "\"9156\"");
        assert_eq!(json_excerpt(&json!([1, 2, 3]), 4), "[1,…");
        assert_eq!(json_excerpt(&json!(null), 4), "null");
    }
}

#[cfg(test)]
mod extra_tests {
    use super::*;
    use crate::example::example_plan_with_counter;

    #[test]
    fn an_unknown_key_list_never_repeats_a_known_key() {
        let mut plan = example_plan_with_counter();
        plan.extra.0.push(("id".into(), Value::from("forged")));
        plan.extra.0.push(("tasks".into(), Value::from(3)));
        plan.extra.0.push(("attachments".into(), Value::from(3)));
        let mut w = Writer::new(false);
        super::plan(&mut w, &plan);
        let text = w.finish();
        assert_eq!(text.matches("\"id\":\"forged\"").count(), 0);
        // `tasks` is a key this version knows: the plan has none, so none is written.
        assert_eq!(text.matches("\"tasks\"").count(), 0);
        assert!(text.ends_with(",\"attachments\":3}"));
    }
}
