//! Recording progress: a form whose inputs follow the target's kind (two counts for a ratio,
//! a value, one pair per field, two figures for a compound target, a done date for a
//! milestone, text for a free-text target). While typing, a valid draft previews on the
//! gauge; Enter records it. Problems are shown next to the input they concern.

use cchc_domain::date::format_vi_date;
use cchc_domain::describe::unit_suffix;
use cchc_domain::draft::{
    build_date, build_reading, DraftErrors, DraftInput, EntryDraft, FigureDraft,
};
use cchc_domain::i18n::{draft_problem, Text};
use cchc_domain::plan::PlanId;
use cchc_domain::progress::{EntryId, ProgressEntry};
use cchc_domain::target::{Condition, FieldId, Goal, Measure, TargetId};
use leptos::prelude::*;

use crate::browser;
use crate::components::target_card::DraftPreview;
use crate::state::{Book, Lang, Today};

/// Which figure of the draft an input edits.
#[derive(Clone, PartialEq)]
enum Slot {
    Part(usize),
    Field(FieldId),
}

fn figure_mut<'a>(d: &'a mut EntryDraft, slot: &Slot) -> Option<&'a mut FigureDraft> {
    match slot {
        Slot::Part(0) => Some(&mut d.first),
        Slot::Part(_) => Some(&mut d.second),
        Slot::Field(id) => d.fields.iter_mut().find(|(f, _)| f == id).map(|(_, fd)| fd),
    }
}

fn figure_of(d: &EntryDraft, slot: &Slot) -> FigureDraft {
    match slot {
        Slot::Part(0) => d.first.clone(),
        Slot::Part(_) => d.second.clone(),
        Slot::Field(id) => d
            .fields
            .iter()
            .find(|(f, _)| f == id)
            .map(|(_, fd)| fd.clone())
            .unwrap_or_default(),
    }
}

fn inputs_of(slot: &Slot) -> (DraftInput, DraftInput, DraftInput) {
    match slot {
        Slot::Part(p) => (
            DraftInput::Numerator { part: *p },
            DraftInput::Denominator { part: *p },
            DraftInput::Value { part: *p },
        ),
        Slot::Field(id) => (
            DraftInput::FieldNumerator(id.clone()),
            DraftInput::FieldDenominator(id.clone()),
            DraftInput::FieldValue(id.clone()),
        ),
    }
}

#[component]
pub fn ProgressForm(
    plan_id: PlanId,
    target_id: TargetId,
    preview: DraftPreview,
    on_done: Callback<()>,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let today = expect_context::<Today>().0;
    let pid = StoredValue::new(plan_id);
    let tid = StoredValue::new(target_id);
    let goal = Memo::new(move |_| {
        book.0.with(|w| {
            w.plan(&pid.get_value())
                .and_then(|p| p.target(&tid.get_value()).map(|t| t.goal.clone()))
        })
    });
    let initial_fields = goal
        .get_untracked()
        .map(|g| {
            g.breakdown()
                .iter()
                .map(|f| (f.id.clone(), FigureDraft::default()))
                .collect()
        })
        .unwrap_or_default();
    let draft = RwSignal::new(EntryDraft {
        date: format_vi_date(today),
        fields: initial_fields,
        ..EntryDraft::default()
    });
    let submitted = RwSignal::new(false);

    let errors = Memo::new(move |_| {
        let Some(g) = goal.get() else {
            return DraftErrors::new();
        };
        let d = draft.get();
        let mut errs = build_date(&d).err().unwrap_or_default();
        if let Err(e) = build_reading(&g, &d) {
            errs.extend(e);
        }
        errs
    });
    // Live preview of a valid draft on the gauge.
    Effect::new(move |_| {
        let Some(g) = goal.get() else { return };
        let d = draft.get();
        let date = build_date(&d).unwrap_or(today);
        preview.set(build_reading(&g, &d).ok().map(|r| (date, r)));
    });

    let error_for = move |input: DraftInput, typed: String| {
        let show = submitted.get() || !typed.trim().is_empty();
        if !show {
            return None;
        }
        errors
            .get()
            .into_iter()
            .find(|(i, _)| *i == input)
            .map(|(_, p)| draft_problem(&p, &typed, lang.get()))
    };

    let text_input = move |label: Text,
                           testid: &'static str,
                           get: fn(&EntryDraft) -> String,
                           set: fn(&mut EntryDraft, String),
                           input: Option<DraftInput>,
                           placeholder: Option<Text>| {
        view! {
            <label class="field">
                <span class="field-label">{lang.t(label)}</span>
                <input type="text" data-testid=testid
                    placeholder=move || placeholder.map(|p| lang.t(p)).unwrap_or("")
                    value=get(&draft.get_untracked())
                    on:input:target=move |ev| { let v = ev.target().value(); draft.update(|d| set(d, v)); } />
                {move || input.clone().and_then(|i| error_for(i, get(&draft.get()))).map(|m| view! {
                    <span class="field-error" role="alert">{m}</span>
                })}
            </label>
        }
    };

    let figure_inputs = move |condition: Condition, slot: Slot, testid_prefix: String| {
        let (num_in, den_in, val_in) = inputs_of(&slot);
        let slot = StoredValue::new(slot);
        match condition.measure {
            Measure::Ratio {
                numerator,
                denominator,
            } => {
                let (pn, pd) = (testid_prefix.clone(), testid_prefix);
                view! {
                    <div class="ratio-inputs">
                        <label class="field field-number">
                            <span class="field-label">{lang.t(Text::Numerator)}</span>
                            <input type="text" inputmode="decimal" data-testid=format!("{pn}numerator")
                                title=numerator.clone()
                                on:input:target=move |ev| { let v = ev.target().value(); draft.update(|d| if let Some(f) = figure_mut(d, &slot.get_value()) { f.numerator = v; }); } />
                            {move || error_for(num_in.clone(), figure_of(&draft.get(), &slot.get_value()).numerator).map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
                        </label>
                        <span class="ratio-slash" aria-hidden="true">"/"</span>
                        <label class="field field-number">
                            <span class="field-label">{lang.t(Text::Denominator)}</span>
                            <input type="text" inputmode="decimal" data-testid=format!("{pd}denominator")
                                title=denominator.clone()
                                on:input:target=move |ev| { let v = ev.target().value(); draft.update(|d| if let Some(f) = figure_mut(d, &slot.get_value()) { f.denominator = v; }); } />
                            {move || error_for(den_in.clone(), figure_of(&draft.get(), &slot.get_value()).denominator).map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
                        </label>
                    </div>
                }
                .into_any()
            }
            Measure::Value { .. } => {
                let suffix = unit_suffix(&condition.measure, lang.get_untracked())
                    .trim()
                    .to_string();
                view! {
                    <label class="field field-number">
                        <span class="field-label">{lang.t(Text::Value)}</span>
                        <span class="input-with-unit">
                            <input type="text" inputmode="decimal" data-testid=format!("{testid_prefix}value")
                                on:input:target=move |ev| { let v = ev.target().value(); draft.update(|d| if let Some(f) = figure_mut(d, &slot.get_value()) { f.value = v; }); } />
                            <span class="unit">{suffix}</span>
                        </span>
                        {move || error_for(val_in.clone(), figure_of(&draft.get(), &slot.get_value()).value).map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
                    </label>
                }
                .into_any()
            }
        }
    };

    let body = move || {
        let Some(g) = goal.get() else {
            return ().into_any();
        };
        match g {
            Goal::Single { condition, breakdown } if breakdown.is_empty() => {
                figure_inputs(condition, Slot::Part(0), "entry-".into())
            }
            Goal::Single { condition, breakdown } => view! {
                <p class="muted small">{lang.t(Text::FieldNaHint)}</p>
                <div class="field-rows">
                    {breakdown.into_iter().map(|f| {
                        let c = condition.clone();
                        view! {
                            <div class="field-row" data-testid="entry-field-row">
                                <span class="field-row-name">{f.name.clone()}</span>
                                {figure_inputs(c, Slot::Field(f.id.clone()), "entry-field-".into())}
                            </div>
                        }
                    }).collect_view()}
                </div>
                {move || error_for(DraftInput::FieldNumerator(FieldId(String::new())), String::new()).map(|m| view! { <span class="field-error">{m}</span> })}
            }
            .into_any(),
            Goal::Compound { first, second } => {
                let t1 = if first.label.is_empty() { lang.t(Text::FirstCondition).to_string() } else { first.label.clone() };
                let t2 = if second.label.is_empty() { lang.t(Text::SecondCondition).to_string() } else { second.label.clone() };
                view! {
                    <fieldset class="sub-fieldset"><legend>{t1}</legend>{figure_inputs(first, Slot::Part(0), "entry-first-".into())}</fieldset>
                    <fieldset class="sub-fieldset"><legend>{t2}</legend>{figure_inputs(second, Slot::Part(1), "entry-second-".into())}</fieldset>
                }
                .into_any()
            }
            Goal::Milestone { .. } => view! {
                {text_input(Text::DoneOn, "entry-done-on", |d| d.done_on.clone(), |d, v| d.done_on = v, Some(DraftInput::DoneOn), Some(Text::DatePlaceholder))}
                <span class="field-hint">{lang.t(Text::DoneOnHint)}</span>
                {text_input(Text::Evidence, "entry-evidence", |d| d.evidence.clone(), |d, v| d.evidence = v, None, Some(Text::EvidencePlaceholder))}
            }
            .into_any(),
            Goal::FreeText => text_input(Text::TextEntry, "entry-text", |d| d.text.clone(), |d, v| d.text = v, None, None).into_any(),
        }
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let Some(g) = goal.get_untracked() else {
            return;
        };
        let d = draft.get_untracked();
        let (Ok(date), Ok(reading)) = (build_date(&d), build_reading(&g, &d)) else {
            return;
        };
        let entry = ProgressEntry {
            id: EntryId(browser::fresh_id("e")),
            date,
            reading,
            comment: d.comment.trim().to_string(),
            extra: Default::default(),
        };
        book.update_plan(&pid.get_value(), |p| {
            if let Some(t) = p.target_mut(&tid.get_value()) {
                t.entries.push(entry);
            }
        });
        on_done.run(());
    };

    view! {
        <form class="panel progress-form" data-testid="progress-form" on:submit=submit novalidate>
            <h3 class="panel-title">{lang.t(Text::RecordProgress)}</h3>
            <div class="form-row">
                {text_input(Text::EntryDate, "entry-date", |d| d.date.clone(), |d, v| d.date = v, Some(DraftInput::Date), Some(Text::DatePlaceholder))}
            </div>
            <div class="form-row">{body}</div>
            <div class="form-row">
                <label class="field field-wide">
                    <span class="field-label">{lang.t(Text::Comment)}</span>
                    <input type="text" data-testid="entry-comment"
                        on:input:target=move |ev| { let v = ev.target().value(); draft.update(|d| d.comment = v); } />
                </label>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" data-testid="entry-submit">{lang.t(Text::AddEntry)}</button>
                <button type="button" class="btn btn-quiet" on:click=move |_| on_done.run(())>{lang.t(Text::Cancel)}</button>
            </div>
        </form>
    }
}
