//! Editing a target's definition in place: wording, reform area, kind, rule and thresholds,
//! unit, per-field breakdown, sub-target link, deadline, notes. Every change is written as it is
//! made; a number that cannot be read is shown with its problem and not written. Changes
//! that would orphan recorded progress are refused with the reason.

use cchc_domain::area::ReformArea;
use cchc_domain::date::{format_vi_date, parse_vi_date};
use cchc_domain::editing::{
    can_change_shape, can_remove_field, can_toggle_breakdown, change_shape, get_threshold,
    rule_kind, shape_of, slots, with_rule_kind, RuleKind, TargetShape, ThresholdSlot,
};
use cchc_domain::i18n::{
    above_range_name, area_name, date_error, number_error, period_label, rule_name, shape_name,
    value_unit_name, Text,
};
use cchc_domain::number::{format_decimal, parse_vi_number};
use cchc_domain::plan::PlanId;
use cchc_domain::target::{
    AboveRange, Comparator, Condition, Field, FieldId, Goal, Measure, Period, Target, TargetId,
    ValueUnit,
};
use leptos::prelude::*;

use crate::browser;
use crate::state::{Book, Lang};

/// Which condition of the goal an editor works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Single,
    First,
    Second,
}

fn condition(goal: &Goal, part: Part) -> Option<&Condition> {
    match (goal, part) {
        (Goal::Single { condition, .. }, Part::Single) => Some(condition),
        (Goal::Compound { first, .. }, Part::First) => Some(first),
        (Goal::Compound { second, .. }, Part::Second) => Some(second),
        _ => None,
    }
}

fn condition_mut(goal: &mut Goal, part: Part) -> Option<&mut Condition> {
    match (goal, part) {
        (Goal::Single { condition, .. }, Part::Single) => Some(condition),
        (Goal::Compound { first, .. }, Part::First) => Some(first),
        (Goal::Compound { second, .. }, Part::Second) => Some(second),
        _ => None,
    }
}

/// Writes to one target of one plan.
#[derive(Clone, Copy)]
struct TargetWriter {
    book: Book,
    pid: StoredValue<PlanId>,
    tid: StoredValue<TargetId>,
}

impl TargetWriter {
    fn edit(&self, f: impl FnOnce(&mut Target)) {
        let tid = self.tid.get_value();
        self.book.update_plan(&self.pid.get_value(), |p| {
            if let Some(t) = p.target_mut(&tid) {
                f(t);
            }
        });
    }
    fn edit_condition(&self, part: Part, f: impl FnOnce(&mut Condition)) {
        self.edit(|t| {
            if let Some(c) = condition_mut(&mut t.goal, part) {
                f(c);
            }
        });
    }
    /// A change of what the target demands: a threshold or deadline typed by the officer is
    /// the plan's own, no longer a template's suggestion.
    fn edit_demand(&self, part: Part, f: impl FnOnce(&mut Condition)) {
        self.edit(|t| {
            if let Some(c) = condition_mut(&mut t.goal, part) {
                f(c);
                t.suggested = false;
            }
        });
    }
}

#[component]
fn ThresholdInput(
    writer: TargetWriter,
    part: Part,
    which: ThresholdSlot,
    initial: String,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let slot = which;
    let text = RwSignal::new(initial);
    let label = match slot {
        ThresholdSlot::Main => Text::Threshold,
        ThresholdSlot::Min | ThresholdSlot::Low => Text::RangeFrom,
        ThresholdSlot::Max | ThresholdSlot::High => Text::RangeTo,
        ThresholdSlot::Previous => Text::PreviousValue,
    };
    let testid = match slot {
        ThresholdSlot::Main => "threshold",
        ThresholdSlot::Min | ThresholdSlot::Low => "threshold-min",
        ThresholdSlot::Max | ThresholdSlot::High => "threshold-max",
        ThresholdSlot::Previous => "threshold-previous",
    };
    let problem = move || {
        let t = text.get();
        if slot == ThresholdSlot::Previous && t.trim().is_empty() {
            return None;
        }
        parse_vi_number(&t)
            .err()
            .map(|e| number_error(&e, lang.get()))
    };
    view! {
        <label class="field field-number">
            <span class="field-label">{lang.t(label)}</span>
            <input type="text" inputmode="decimal" data-testid=testid
                value=text.get_untracked()
                on:input:target=move |ev| {
                    let v = ev.target().value();
                    text.set(v.clone());
                    let parsed = if slot == ThresholdSlot::Previous && v.trim().is_empty() {
                        Some(None)
                    } else {
                        parse_vi_number(&v).ok().map(Some)
                    };
                    if let Some(value) = parsed {
                        let set = |c: &mut Condition| cchc_domain::editing::set_threshold(&mut c.comparator, slot, value);
                        // Last year's value is a figure, not a demand: the suggestion stays.
                        if slot == ThresholdSlot::Previous {
                            writer.edit_condition(part, set);
                        } else {
                            writer.edit_demand(part, set);
                        }
                    }
                } />
            {(slot == ThresholdSlot::Previous).then(|| view! { <span class="field-hint">{lang.t(Text::PreviousHint)}</span> })}
            {move || problem().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
        </label>
    }
}

/// The parts of a condition that decide which inputs the editor shows.
#[derive(Clone, Debug, PartialEq)]
struct ConditionShape {
    ratio: bool,
    unit: &'static str,
    rule: RuleKind,
    locked: bool,
}

#[component]
fn ConditionEditor(writer: TargetWriter, part: Part) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let l = lang.get();
    let book = writer.book;
    let target = Memo::new(move |_| {
        book.0.with(|w| {
            w.plan(&writer.pid.get_value())
                .and_then(|p| p.target(&writer.tid.get_value()).cloned())
        })
    });
    let shape = Memo::new(move |_| {
        let t = target.get()?;
        let c = condition(&t.goal, part)?;
        Some(ConditionShape {
            ratio: matches!(c.measure, Measure::Ratio { .. }),
            unit: match &c.measure {
                Measure::Value { unit } => unit.as_str(),
                Measure::Ratio { .. } => "",
            },
            rule: rule_kind(&c.comparator),
            locked: !can_change_shape(&t),
        })
    });
    let fix_rule = |c: &mut Condition| {
        if !rule_kind(&c.comparator).fits(&c.measure) {
            c.comparator = with_rule_kind(&c.comparator, RuleKind::AtLeast);
        }
    };
    let set_measure_kind = move |ratio: bool| {
        writer.edit_condition(part, |c| {
            c.measure = if ratio {
                Measure::Ratio {
                    numerator: String::new(),
                    denominator: String::new(),
                }
            } else {
                Measure::Value {
                    unit: ValueUnit::Percent,
                }
            };
            fix_rule(c);
        });
    };
    let set_unit = move |key: String| {
        if let Some(u) = ValueUnit::from_name(&key, String::new()) {
            writer.edit_condition(part, |c| {
                c.measure = Measure::Value { unit: u };
                fix_rule(c);
            });
        }
    };

    // Rebuilt only when the measure kind, unit or rule changes, so typing never loses focus.
    let body = move || {
        let sh = shape.get()?;
        let c = target
            .get_untracked()
            .and_then(|t| condition(&t.goal, part).cloned())?;
        let compound = (part != Part::Single).then(|| view! {
            <div class="form-row">
                <label class="field field-wide">
                    <span class="field-label">{lang.t(Text::ConditionLabel)}</span>
                    <input type="text" data-testid="condition-label" value=c.label.clone()
                        on:input:target=move |ev| { let v = ev.target().value(); writer.edit_condition(part, |c| c.label = v); } />
                </label>
                <label class="field">
                    <span class="field-label">{lang.t(Text::MeasureLabel)}</span>
                    <select data-testid="condition-measure" disabled=sh.locked
                        on:change:target=move |ev| set_measure_kind(ev.target().value() == "ratio")>
                        <option value="ratio" selected=sh.ratio>{lang.t(Text::MeasureRatio)}</option>
                        <option value="value" selected=!sh.ratio>{lang.t(Text::MeasureValue)}</option>
                    </select>
                </label>
            </div>
        });
        let measure = match &c.measure {
            Measure::Ratio { numerator, denominator } => view! {
                <div class="form-row">
                    <label class="field field-wide">
                        <span class="field-label">{lang.t(Text::NumeratorMeaning)}</span>
                        <input type="text" data-testid="numerator-meaning" value=numerator.clone()
                            on:input:target=move |ev| { let v = ev.target().value(); writer.edit_condition(part, |c| if let Measure::Ratio { numerator, .. } = &mut c.measure { *numerator = v; }); } />
                    </label>
                    <label class="field field-wide">
                        <span class="field-label">{lang.t(Text::DenominatorMeaning)}</span>
                        <input type="text" data-testid="denominator-meaning" value=denominator.clone()
                            on:input:target=move |ev| { let v = ev.target().value(); writer.edit_condition(part, |c| if let Measure::Ratio { denominator, .. } = &mut c.measure { *denominator = v; }); } />
                    </label>
                </div>
            }.into_any(),
            Measure::Value { unit } => {
                let noun = match unit { ValueUnit::Count { noun } => Some(noun.clone()), _ => None };
                view! {
                    <div class="form-row">
                        <label class="field">
                            <span class="field-label">{lang.t(Text::UnitLabel)}</span>
                            <select data-testid="value-unit" on:change:target=move |ev| set_unit(ev.target().value())>
                                {ValueUnit::NAMES.into_iter().map(|k| {
                                    let name = ValueUnit::from_name(k, String::new()).map(|u| value_unit_name(&u, l)).unwrap_or("");
                                    view! { <option value=k selected=k == sh.unit>{name}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        {noun.map(|n| view! {
                            <label class="field">
                                <span class="field-label">{lang.t(Text::CountNoun)}</span>
                                <input type="text" data-testid="count-noun" value=n
                                    on:input:target=move |ev| { let v = ev.target().value(); writer.edit_condition(part, |c| c.measure = Measure::Value { unit: ValueUnit::Count { noun: v } }); } />
                            </label>
                        })}
                    </div>
                }.into_any()
            }
        };
        let thresholds = slots(&c.comparator)
            .iter()
            .map(|slot| {
                let initial = get_threshold(&c.comparator, *slot)
                    .map(format_decimal)
                    .unwrap_or_default();
                view! { <ThresholdInput writer=writer part=part which=*slot initial=initial /> }
            })
            .collect_view();
        let extra = match &c.comparator {
            Comparator::Range { above, .. } => Some(view! {
                <label class="field">
                    <span class="field-label">{lang.t(Text::AboveRangeLabel)}</span>
                    <select data-testid="above-range" on:change:target=move |ev| {
                        let a = if ev.target().value() == "out" { AboveRange::OutOfRange } else { AboveRange::MetExceeded };
                        writer.edit_condition(part, |c| if let Comparator::Range { above, .. } = &mut c.comparator { *above = a; });
                    }>
                        <option value="met" selected=*above == AboveRange::MetExceeded>{above_range_name(AboveRange::MetExceeded, l)}</option>
                        <option value="out" selected=*above == AboveRange::OutOfRange>{above_range_name(AboveRange::OutOfRange, l)}</option>
                    </select>
                </label>
            }.into_any()),
            Comparator::PerPeriod { period, .. } => {
                let current = *period;
                Some(view! {
                    <label class="field">
                        <span class="field-label">{lang.t(Text::PeriodLabel)}</span>
                        <select data-testid="period" on:change:target=move |ev| {
                            if let Some(p) = Period::from_str_opt(&ev.target().value()) {
                                writer.edit_condition(part, |c| if let Comparator::PerPeriod { period, .. } = &mut c.comparator { *period = p; });
                            }
                        }>
                            {Period::ALL.into_iter().map(|p| view! { <option value=p.as_str() selected=p == current>{period_label(p, l)}</option> }).collect_view()}
                        </select>
                    </label>
                }.into_any())
            }
            _ => None,
        };
        let rules = RuleKind::ALL
            .into_iter()
            .filter(|k| k.fits(&c.measure))
            .map(|k| view! { <option value=k.as_str() selected=k == sh.rule>{rule_name(k, l)}</option> })
            .collect_view();
        Some(view! {
            {compound}
            {measure}
            <div class="form-row">
                <label class="field">
                    <span class="field-label">{lang.t(Text::RuleLabel)}</span>
                    <select data-testid="rule" on:change:target=move |ev| {
                        if let Some(k) = RuleKind::from_str_opt(&ev.target().value()) {
                            writer.edit_demand(part, |c| c.comparator = with_rule_kind(&c.comparator, k));
                        }
                    }>{rules}</select>
                </label>
                {thresholds}
                {extra}
            </div>
        })
    };
    view! { <div class="condition-editor">{body}</div> }
}

#[component]
fn BreakdownEditor(writer: TargetWriter) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = writer.book;
    let target = Memo::new(move |_| {
        book.0.with(|w| {
            w.plan(&writer.pid.get_value())
                .and_then(|p| p.target(&writer.tid.get_value()).cloned())
        })
    });
    let fields = Memo::new(move |_| {
        target
            .get()
            .map(|t| t.goal.breakdown().to_vec())
            .unwrap_or_default()
    });
    let enabled = RwSignal::new(!fields.get_untracked().is_empty());
    let can_toggle = Memo::new(move |_| {
        target
            .get()
            .map(|t| can_toggle_breakdown(&t))
            .unwrap_or(false)
    });
    let new_name = RwSignal::new(String::new());
    let add = move || {
        let name = new_name.get_untracked().trim().to_string();
        if name.is_empty() {
            return;
        }
        let field = Field {
            id: FieldId(browser::fresh_id("f")),
            name,
        };
        writer.edit(|t| cchc_domain::editing::add_field(t, field));
        new_name.set(String::new());
    };
    let toggle = move |on: bool| {
        enabled.set(on);
        if !on {
            writer.edit(|t| {
                if let Goal::Single { breakdown, .. } = &mut t.goal {
                    breakdown.clear();
                }
            });
        }
    };
    view! {
        <div class="breakdown-editor">
            <label class="check">
                <input type="checkbox" data-testid="by-field" prop:checked=move || enabled.get() disabled=move || !can_toggle.get()
                    on:change:target=move |ev| toggle(ev.target().checked()) />
                <span>{lang.t(Text::ByField)}</span>
            </label>
            {move || (!can_toggle.get()).then(|| view! { <span class="field-hint">{lang.t(Text::BreakdownLocked)}</span> })}
            {move || enabled.get().then(|| view! {
                <ul class="field-list" data-testid="field-list">
                    <For each=move || fields.get() key=|f| f.id.clone() children=move |f| {
                        let id = f.id.clone();
                        let id2 = f.id.clone();
                        let removable = Signal::derive(move || target.get().map(|t| can_remove_field(&t, &id)).unwrap_or(false));
                        view! {
                            <li>
                                <input type="text" aria-label=lang.t(Text::FieldsTitle) value=f.name.clone()
                                    on:input:target=move |ev| {
                                        let v = ev.target().value();
                                        let id = id2.clone();
                                        writer.edit(|t| if let Goal::Single { breakdown, .. } = &mut t.goal {
                                            if let Some(x) = breakdown.iter_mut().find(|x| x.id == id) { x.name = v; }
                                        });
                                    } />
                                <button type="button" class="btn btn-small btn-quiet" disabled=move || !removable.get()
                                    title=move || if removable.get() { "" } else { lang.t(Text::FieldInUse) }
                                    on:click={
                                        let id = f.id.clone();
                                        move |_| {
                                            let id = id.clone();
                                            writer.edit(|t| if cchc_domain::editing::can_remove_field(t, &id) {
                                                if let Goal::Single { breakdown, .. } = &mut t.goal { breakdown.retain(|x| x.id != id); }
                                            });
                                        }
                                    }>
                                    {lang.t(Text::RemoveField)}
                                </button>
                            </li>
                        }
                    } />
                </ul>
                <div class="form-row">
                    <input type="text" data-testid="new-field-name" placeholder=lang.t(Text::NewFieldPlaceholder)
                        prop:value=new_name
                        on:input:target=move |ev| new_name.set(ev.target().value())
                        on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(); } />
                    <button type="button" class="btn btn-small btn-secondary" data-testid="add-field" on:click=move |_| add()>
                        {lang.t(Text::AddField)}
                    </button>
                </div>
            })}
        </div>
    }
}

#[component]
pub fn TargetEditor(plan_id: PlanId, target_id: TargetId) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let writer = TargetWriter {
        book,
        pid: StoredValue::new(plan_id),
        tid: StoredValue::new(target_id),
    };
    let target = Memo::new(move |_| {
        book.0.with(|w| {
            w.plan(&writer.pid.get_value())
                .and_then(|p| p.target(&writer.tid.get_value()).cloned())
        })
    });
    let shape = Memo::new(move |_| target.get().map(|t| shape_of(&t.goal)));
    let locked = Memo::new(move |_| target.get().map(|t| !can_change_shape(&t)).unwrap_or(true));
    let others = Memo::new(move |_| {
        book.0.with(|w| {
            w.plan(&writer.pid.get_value())
                .map(|p| {
                    p.targets
                        .iter()
                        .filter(|t| t.id != writer.tid.get_value() && t.parent.is_none())
                        .map(|t| (t.id.clone(), t.label.chars().take(70).collect::<String>()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let header = Memo::new(move |_| {
        let t = target.get();
        (
            shape.get(),
            locked.get(),
            t.as_ref().and_then(|t| t.parent.clone()),
            others.get(),
            t.map(|t| t.area),
        )
    });
    let deadline_text = RwSignal::new(
        target
            .get_untracked()
            .and_then(|t| match t.goal {
                Goal::Milestone { deadline } => deadline,
                _ => None,
            })
            .map(format_vi_date)
            .unwrap_or_default(),
    );
    let delete = move |_| {
        if browser::confirm(lang.t(Text::ConfirmDeleteTarget)) {
            let tid = writer.tid.get_value();
            book.update_plan(&writer.pid.get_value(), |p| {
                p.remove_target(&tid);
                for t in p.targets.iter_mut() {
                    if t.parent.as_ref() == Some(&tid) {
                        t.parent = None;
                    }
                }
            });
        }
    };

    view! {
        <div class="panel target-editor" data-testid="target-editor">
            <label class="field field-full">
                <span class="field-label">{lang.t(Text::TargetLabel)}</span>
                <textarea rows="2" data-testid="target-label-input" placeholder=lang.t(Text::TargetLabelPlaceholder)
                    prop:value=target.get_untracked().map(|t| t.label).unwrap_or_default()
                    on:input:target=move |ev| { let v = ev.target().value(); writer.edit(|t| t.label = v); }></textarea>
            </label>
            // Rebuilt only when the kind, its lock, the parent or the list of other targets
            // changes; typing in the wording above never rebuilds it.
            {move || {
                let (sh, lk, parent, list, area) = header.get();
                let l = lang.get();
                view! {
                    <div class="form-row">
                        <label class="field">
                            <span class="field-label">{lang.t(Text::AreaLabel)}</span>
                            <select data-testid="target-area" on:change:target=move |ev| {
                                if let Some(a) = ReformArea::from_str_opt(&ev.target().value()) { writer.edit(|t| t.area = a); }
                            }>
                                {ReformArea::ALL.into_iter().map(|a| view! {
                                    <option value=a.as_str() selected=Some(a) == area>{area_name(a, l)}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="field">
                            <span class="field-label">{lang.t(Text::KindLabel)}</span>
                            <select data-testid="target-kind" disabled=lk on:change:target=move |ev| {
                                if let Some(k) = TargetShape::from_str_opt(&ev.target().value()) { writer.edit(|t| { change_shape(t, k); }); }
                            }>
                                {TargetShape::ALL.into_iter().map(|k| view! {
                                    <option value=k.as_str() selected=sh == Some(k)>{shape_name(k, l)}</option>
                                }).collect_view()}
                            </select>
                            {lk.then(|| view! { <span class="field-hint">{lang.t(Text::ShapeLocked)}</span> })}
                        </label>
                        <label class="field">
                            <span class="field-label">{lang.t(Text::ParentLabel)}</span>
                            <select data-testid="target-parent" on:change:target=move |ev| {
                                let v = ev.target().value();
                                writer.edit(|t| t.parent = (!v.is_empty()).then_some(TargetId(v)));
                            }>
                                <option value="" selected=parent.is_none()>{lang.t(Text::NoParent)}</option>
                                {list.into_iter().map(|(id, label)| {
                                    let selected = parent.as_ref() == Some(&id);
                                    view! { <option value=id.0 selected=selected>{label}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                    </div>
                }
            }}
            {move || match shape.get() {
                Some(TargetShape::Ratio) | Some(TargetShape::Value) => view! {
                    <ConditionEditor writer=writer part=Part::Single />
                    <BreakdownEditor writer=writer />
                }.into_any(),
                Some(TargetShape::Compound) => view! {
                    <fieldset class="sub-fieldset"><legend>{lang.t(Text::FirstCondition)}</legend><ConditionEditor writer=writer part=Part::First /></fieldset>
                    <fieldset class="sub-fieldset"><legend>{lang.t(Text::SecondCondition)}</legend><ConditionEditor writer=writer part=Part::Second /></fieldset>
                }.into_any(),
                Some(TargetShape::Milestone) => view! {
                    <label class="field">
                        <span class="field-label">{lang.t(Text::Deadline)}</span>
                        <input type="text" data-testid="deadline" placeholder=lang.t(Text::DatePlaceholder)
                            value=deadline_text.get_untracked()
                            on:input:target=move |ev| {
                                let v = ev.target().value();
                                deadline_text.set(v.clone());
                                if v.trim().is_empty() {
                                    writer.edit(|t| if let Goal::Milestone { deadline } = &mut t.goal { *deadline = None; t.suggested = false; });
                                } else if let Ok(d) = parse_vi_date(&v) {
                                    writer.edit(|t| if let Goal::Milestone { deadline } = &mut t.goal { *deadline = Some(d); t.suggested = false; });
                                }
                            } />
                        {move || {
                            let v = deadline_text.get();
                            (!v.trim().is_empty()).then(|| parse_vi_date(&v).err()).flatten()
                                .map(|e| view! { <span class="field-error" role="alert">{date_error(&e, &v, lang.get())}</span> })
                        }}
                    </label>
                }.into_any(),
                _ => ().into_any(),
            }}
            <div class="form-row">
                <label class="field field-wide">
                    <span class="field-label">{lang.t(Text::InternalNotes)}</span>
                    <textarea rows="2" data-testid="target-notes-internal" placeholder=lang.t(Text::InternalNotesHint)
                        prop:value=target.get_untracked().map(|t| t.notes.internal).unwrap_or_default()
                        on:input:target=move |ev| { let v = ev.target().value(); writer.edit(|t| t.notes.internal = v); }></textarea>
                </label>
                <label class="field field-wide">
                    <span class="field-label">{lang.t(Text::NotesForSuperior)}</span>
                    <textarea rows="2" data-testid="target-notes-superior"
                        prop:value=target.get_untracked().map(|t| t.notes.for_superior).unwrap_or_default()
                        on:input:target=move |ev| { let v = ev.target().value(); writer.edit(|t| t.notes.for_superior = v); }></textarea>
                </label>
            </div>
            <div class="form-actions">
                <button type="button" class="btn btn-small btn-danger-quiet" data-testid="delete-target" on:click=delete>
                    {lang.t(Text::DeleteTarget)}
                </button>
            </div>
        </div>
    }
}
