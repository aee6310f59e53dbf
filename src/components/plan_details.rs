//! The plan's details, editable in place: unit and its code, level, superior unit and its
//! code, status, year, document number, issue date and notes; the revision is shown. Text is written to the plan as it is typed; a year or date that is not
//! valid is shown with its problem and not written.

use cchc_domain::date::{format_vi_date, parse_vi_date};
use cchc_domain::i18n::{date_error, level_name, plan_status_name, Text};
use cchc_domain::plan::{looks_like_document_number, parse_plan_year, Plan, PlanId, PlanStatus};
use cchc_domain::unit::UnitLevel;
use leptos::prelude::*;

use crate::state::{Book, Lang};

#[component]
pub fn PlanDetails(id: PlanId) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let l = lang.get();
    let pid = StoredValue::new(id);
    let Some(initial) = book.0.with_untracked(|w| w.plan(&pid.get_value()).cloned()) else {
        return ().into_any();
    };
    let update = move |f: Box<dyn FnOnce(&mut Plan)>| book.update_plan(&pid.get_value(), f);
    let year_text = RwSignal::new(initial.year.to_string());
    let date_text = RwSignal::new(
        initial
            .reference
            .issued_on
            .map(format_vi_date)
            .unwrap_or_default(),
    );
    let number_text = RwSignal::new(initial.reference.number.clone());
    let year_ok = move || parse_plan_year(&year_text.get());
    let date_problem = move || {
        let d = date_text.get();
        if d.trim().is_empty() {
            return None;
        }
        parse_vi_date(&d).err().map(|e| date_error(&e, &d, l))
    };
    let level = initial.unit.level;
    let note = initial.reference.date_note.clone();

    view! {
        <section class="card details" data-testid="plan-details">
            <h2 class="card-title">
                {lang.t(Text::PlanDetails)}
                <span class="card-title-aside" title=lang.t(Text::RevisionHint)>
                    {lang.t(Text::RevisionLabel)} " "
                    <span data-testid="plan-revision">{move || book.0.with(|w| w.plan(&pid.get_value()).map(|p| p.revision).unwrap_or(0))}</span>
                </span>
            </h2>
            <div class="form-grid">
                <label class="field field-wide">
                    <span class="field-label">{lang.t(Text::UnitName)}</span>
                    <input type="text" data-testid="plan-unit" value=initial.unit.name.clone()
                        on:input:target=move |ev| { let v = ev.target().value(); update(Box::new(move |p| p.unit.name = v)); } />
                </label>
                <label class="field">
                    <span class="field-label">{lang.t(Text::UnitCode)}</span>
                    <input type="text" data-testid="plan-unit-code" value=initial.unit.id.clone() title=lang.t(Text::UnitCodeHint)
                        on:input:target=move |ev| { let v = ev.target().value(); update(Box::new(move |p| p.unit.id = v)); } />
                </label>
                <label class="field field-wide">
                    <span class="field-label">{lang.t(Text::UnitLevelLabel)}</span>
                    <select data-testid="plan-level" on:change:target=move |ev| {
                        if let Some(lv) = UnitLevel::from_str_opt(&ev.target().value()) { update(Box::new(move |p| p.unit.level = lv)); }
                    }>
                        {UnitLevel::ALL.into_iter().map(|lv| view! {
                            <option value=lv.as_str() selected=level == lv>{level_name(lv, l)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{lang.t(Text::PlanStatusLabel)}</span>
                    <select data-testid="plan-status" on:change:target=move |ev| {
                        if let Some(s) = PlanStatus::from_str_opt(&ev.target().value()) { update(Box::new(move |p| p.status = s)); }
                    }>
                        {PlanStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=initial.status == s>{plan_status_name(s, l)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field field-wide">
                    <span class="field-label">{lang.t(Text::Superior)}</span>
                    <input type="text" data-testid="plan-superior" value=initial.unit.superior.clone()
                        on:input:target=move |ev| { let v = ev.target().value(); update(Box::new(move |p| p.unit.superior = v)); } />
                </label>
                <label class="field">
                    <span class="field-label">{lang.t(Text::SuperiorCode)}</span>
                    <input type="text" data-testid="plan-superior-code" value=initial.unit.superior_id.clone()
                        on:input:target=move |ev| { let v = ev.target().value(); update(Box::new(move |p| p.unit.superior_id = v)); } />
                </label>
                <label class="field">
                    <span class="field-label">{lang.t(Text::Year)}</span>
                    <input type="text" inputmode="numeric" data-testid="plan-year" value=initial.year.to_string()
                        on:input:target=move |ev| {
                            year_text.set(ev.target().value());
                            if let Some(y) = year_ok() { update(Box::new(move |p| p.year = y)); }
                        } />
                    {move || year_ok().is_none().then(|| view! { <span class="field-error" role="alert">{lang.t(Text::YearInvalid)}</span> })}
                </label>
                <label class="field">
                    <span class="field-label">{lang.t(Text::PlanNumber)}</span>
                    <input type="text" data-testid="plan-number" placeholder=lang.t(Text::PlanNumberPlaceholder)
                        value=initial.reference.number.clone()
                        on:input:target=move |ev| {
                            let v = ev.target().value();
                            number_text.set(v.clone());
                            update(Box::new(move |p| p.reference.number = v));
                        } />
                    {move || {
                        let n = number_text.get();
                        (!n.trim().is_empty() && !looks_like_document_number(n.trim()))
                            .then(|| view! { <span class="field-hint">{lang.t(Text::NumberHint)}</span> })
                    }}
                </label>
                <label class="field">
                    <span class="field-label">{lang.t(Text::IssueDate)}</span>
                    <input type="text" inputmode="numeric" data-testid="plan-date" placeholder=lang.t(Text::DatePlaceholder)
                        value=date_text.get_untracked()
                        on:input:target=move |ev| {
                            let v = ev.target().value();
                            date_text.set(v.clone());
                            if v.trim().is_empty() {
                                update(Box::new(|p| p.reference.issued_on = None));
                            } else if let Ok(d) = parse_vi_date(&v) {
                                update(Box::new(move |p| p.reference.issued_on = Some(d)));
                            }
                        } />
                    {move || date_problem().map(|m| view! { <span class="field-error" role="alert" data-testid="plan-date-error">{m}</span> })}
                </label>
            </div>
            <div class="form-grid notes-grid">
                <label class="field">
                    <span class="field-label">{lang.t(Text::InternalNotes)}</span>
                    <textarea rows="2" data-testid="plan-notes-internal" placeholder=lang.t(Text::InternalNotesHint)
                        on:input:target=move |ev| { let v = ev.target().value(); update(Box::new(move |p| p.notes.internal = v)); }
                    >{initial.notes.internal.clone()}</textarea>
                </label>
                <label class="field">
                    <span class="field-label">{lang.t(Text::NotesForSuperior)}</span>
                    <textarea rows="2" data-testid="plan-notes-superior"
                        on:input:target=move |ev| { let v = ev.target().value(); update(Box::new(move |p| p.notes.for_superior = v)); }
                    >{initial.notes.for_superior.clone()}</textarea>
                </label>
            </div>
            {(!note.is_empty()).then(|| view! {
                <p class="date-note" data-testid="date-note">
                    <strong>{lang.t(Text::DateNote)} ": "</strong>{note}
                </p>
            })}
        </section>
    }
    .into_any()
}
