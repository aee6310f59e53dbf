//! The form that creates a plan: unit, level, superior unit, year, the plan's document
//! number and issue date, and the template (*mẫu chỉ tiêu*) whose targets it starts with (a
//! built-in one, or one of the template library: template files brought in by the import).
//! An impossible date is refused with a message, never corrected.

use cchc_domain::date::{parse_vi_date, DateError};
use cchc_domain::i18n::{date_error, level_name, template_option, Text};
use cchc_domain::plan::{
    looks_like_document_number, parse_plan_year, Plan, PlanId, PlanReference, PlanStatus,
};
use cchc_domain::template::{targets_for_year, BuiltInTemplate, TemplateError};
use cchc_domain::template_library::TemplateLibrary;
use cchc_domain::unit::{Unit, UnitLevel};
use chrono::Datelike;
use leptos::prelude::*;

use crate::browser;
use crate::state::{Book, Lang, Nav, Screen, Today};
use crate::template_store;

/// The template chosen, from the value of its option: `""` (none), a built-in template's id,
/// or `lib:<id>#<version>` for one of the library.
fn chosen_template(choice: &str, library: &TemplateLibrary) -> Option<Result<Plan, TemplateError>> {
    if choice.is_empty() {
        return None;
    }
    if let Some(kept) = choice.strip_prefix("lib:") {
        let (id, version) = kept.rsplit_once('#')?;
        let version: u32 = version.parse().ok()?;
        return library.find(id, version).cloned().map(Ok);
    }
    BuiltInTemplate::from_id(choice).map(BuiltInTemplate::load)
}

/// The value of a library template's option.
fn library_value(t: &Plan) -> String {
    t.template
        .as_ref()
        .map(|m| format!("lib:{}#{}", m.id, m.version))
        .unwrap_or_default()
}

fn built_in_name(t: BuiltInTemplate) -> Text {
    match t {
        BuiltInTemplate::Commune2026 => Text::TemplateCommune2026,
        BuiltInTemplate::Department2026 => Text::TemplateDepartment2026,
        BuiltInTemplate::Legacy2019 => Text::TemplateLegacy2019,
    }
}

/// What is wrong with the form, field by field.
#[derive(Clone, Debug, Default, PartialEq)]
struct FormErrors {
    unit: Option<Text>,
    year: Option<Text>,
    level: Option<Text>,
    date: Option<(DateError, String)>,
}

impl FormErrors {
    fn any(&self) -> bool {
        self.unit.is_some() || self.year.is_some() || self.level.is_some() || self.date.is_some()
    }
}

#[component]
pub fn NewPlanForm(on_close: Callback<()>) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let book = expect_context::<Book>();
    let nav = expect_context::<Nav>();
    let today = expect_context::<Today>().0;

    let unit = RwSignal::new(String::new());
    let level = RwSignal::new(UnitLevel::Ward);
    let superior = RwSignal::new(String::new());
    let year = RwSignal::new(today.year().to_string());
    let number = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let submitted = RwSignal::new(false);
    let template = RwSignal::new(String::new());
    let template_error = RwSignal::new(None::<String>);
    // The library as it is when the form opens, and its templates as (option value, name).
    let library = StoredValue::new(template_store::load_library().0);
    let kept: Vec<(String, String)> = library.with_value(|lib| {
        lib.templates()
            .filter_map(|t| {
                let m = t.template.as_ref()?;
                Some((
                    library_value(t),
                    template_option(&m.name, m.version, lang.get()),
                ))
            })
            .collect()
    });

    let check = move || {
        let mut e = FormErrors::default();
        if unit.get().trim().is_empty() {
            e.unit = Some(Text::UnitNameRequired);
        }
        match parse_plan_year(&year.get()) {
            Some(y) if !level.get().exists_in(y) => e.level = Some(Text::DistrictAfter2025),
            Some(_) => {}
            None => e.year = Some(Text::YearInvalid),
        }
        let d = date.get();
        if !d.trim().is_empty() {
            if let Err(err) = parse_vi_date(&d) {
                e.date = Some((err, d));
            }
        }
        e
    };
    // Once the user has tried to submit, errors follow their typing.
    Effect::new(move |_| {
        let e = check();
        if submitted.get() {
            errors.set(e);
        }
    });
    // Date problems are shown as soon as a full date has been typed.
    let date_message = move || {
        let d = date.get();
        let show = submitted.get() || d.trim().len() >= 10;
        if !show || d.trim().is_empty() {
            return None;
        }
        parse_vi_date(&d)
            .err()
            .map(|err| date_error(&err, &d, lang.get()))
    };
    let number_hint = move || {
        let n = number.get();
        (!n.trim().is_empty() && !looks_like_document_number(n.trim()))
            .then(|| lang.t(Text::NumberHint))
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let e = check();
        errors.set(e.clone());
        if e.any() {
            return;
        }
        let issued_on = parse_vi_date(&date.get_untracked()).ok();
        let year = parse_plan_year(&year.get_untracked()).unwrap_or(today.year());
        let chosen = library.with_value(|lib| chosen_template(&template.get_untracked(), lib));
        let template = match chosen {
            Some(Ok(t)) => Some(t),
            Some(Err(e)) => {
                template_error.set(Some(e.message(lang.get_untracked())));
                return;
            }
            None => None,
        };
        let mut superior = superior.get_untracked().trim().to_string();
        let mut superior_id = String::new();
        // A template saved by the superior unit names it: the plan goes to that unit.
        if let Some(t) = template.as_ref().filter(|_| superior.is_empty()) {
            superior = t.unit.superior.clone();
            superior_id = t.unit.superior_id.clone();
        }
        let plan = Plan {
            id: PlanId(browser::fresh_id("plan")),
            unit: Unit {
                id: String::new(),
                name: unit.get_untracked().trim().to_string(),
                level: level.get_untracked(),
                superior,
                superior_id,
                extra: Default::default(),
            },
            year,
            // Revision 1 is open: the plan's first edits belong to it.
            revision: 1,
            status: PlanStatus::Draft,
            reference: PlanReference {
                number: number.get_untracked().trim().to_string(),
                issued_on,
                ..Default::default()
            },
            notes: Default::default(),
            sources: Vec::new(),
            targets: template
                .as_ref()
                .map(|t| targets_for_year(t, year))
                .unwrap_or_default(),
            tasks: Vec::new(),
            shortened_procedures: Vec::new(),
            reporting: Default::default(),
            extra: Default::default(),
            template: None,
        };
        let new_id = book.edit(|w| {
            w.add(plan, || PlanId(browser::fresh_id("plan")))
                .id()
                .clone()
        });
        if let Some(id) = new_id {
            book.mark_open(&id);
            nav.0.set(Screen::Plan(id));
        }
        on_close.run(());
    };

    view! {
        <form class="card form new-plan" on:submit=submit novalidate data-testid="new-plan-form">
            <h2 class="card-title">{lang.t(Text::NewPlanTitle)}</h2>
            <div class="form-grid">
                <label class="field field-wide">
                    <span class="field-label">{lang.t(Text::UnitName)}</span>
                    <input
                        type="text"
                        data-testid="new-plan-unit"
                        placeholder=lang.t(Text::UnitNamePlaceholder)
                        on:input:target=move |ev| unit.set(ev.target().value())
                        aria-invalid=move || errors.get().unit.is_some().to_string()
                    />
                    {move || errors.get().unit.map(|t| view! { <span class="field-error" role="alert">{lang.t(t)}</span> })}
                </label>
                <label class="field">
                    <span class="field-label">{lang.t(Text::UnitLevelLabel)}</span>
                    <select
                        data-testid="new-plan-level"
                        on:change:target=move |ev| {
                            if let Some(l) = UnitLevel::from_str_opt(&ev.target().value()) {
                                level.set(l);
                            }
                        }
                    >
                        {UnitLevel::ALL
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <option value=l.as_str() selected=l == UnitLevel::Ward>
                                        {level_name(l, lang.get())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    {move || errors.get().level.map(|t| view! { <span class="field-error" role="alert">{lang.t(t)}</span> })}
                </label>
                <label class="field field-wide">
                    <span class="field-label">{lang.t(Text::Superior)}</span>
                    <input
                        type="text"
                        data-testid="new-plan-superior"
                        placeholder=lang.t(Text::SuperiorPlaceholder)
                        on:input:target=move |ev| superior.set(ev.target().value())
                    />
                </label>
                <label class="field">
                    <span class="field-label">{lang.t(Text::Year)}</span>
                    <input
                        type="text"
                        inputmode="numeric"
                        data-testid="new-plan-year"
                        value=year.get_untracked()
                        on:input:target=move |ev| year.set(ev.target().value())
                    />
                    {move || errors.get().year.map(|t| view! { <span class="field-error" role="alert">{lang.t(t)}</span> })}
                </label>
                <label class="field">
                    <span class="field-label">{lang.t(Text::PlanNumber)}</span>
                    <input
                        type="text"
                        data-testid="new-plan-number"
                        placeholder=lang.t(Text::PlanNumberPlaceholder)
                        on:input:target=move |ev| number.set(ev.target().value())
                    />
                    {move || number_hint().map(|t| view! { <span class="field-hint">{t}</span> })}
                </label>
                <label class="field">
                    <span class="field-label">{lang.t(Text::IssueDate)}</span>
                    <input
                        type="text"
                        inputmode="numeric"
                        data-testid="new-plan-date"
                        placeholder=lang.t(Text::DatePlaceholder)
                        on:input:target=move |ev| date.set(ev.target().value())
                    />
                    {move || {
                        date_message()
                            .map(|m| {
                                view! {
                                    <span class="field-error" role="alert" data-testid="new-plan-date-error">{m}</span>
                                }
                            })
                    }}
                </label>
                <label class="field field-wide">
                    <span class="field-label">{lang.t(Text::TemplateLabel)}</span>
                    <select data-testid="new-plan-template"
                        on:change:target=move |ev| { template.set(ev.target().value()); template_error.set(None); }>
                        <option value="">{lang.t(Text::TemplateNone)}</option>
                        {BuiltInTemplate::ALL.into_iter().map(|t| view! {
                            <option value=t.id()>{lang.t(built_in_name(t))}</option>
                        }).collect_view()}
                        {(!kept.is_empty()).then(|| view! {
                            <optgroup label=lang.t(Text::TemplateImported)>
                                {kept.into_iter().map(|(value, name)| view! { <option value=value>{name}</option> }).collect_view()}
                            </optgroup>
                        })}
                    </select>
                    <span class="field-hint">{lang.t(Text::TemplateHint)}</span>
                    {move || template_error.get().map(|m| view! {
                        <span class="field-error" role="alert" data-testid="new-plan-template-error">{m}</span>
                    })}
                </label>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" data-testid="new-plan-submit">
                    {lang.t(Text::Create)}
                </button>
                <button type="button" class="btn btn-quiet" on:click=move |_| on_close.run(())>
                    {lang.t(Text::Cancel)}
                </button>
            </div>
        </form>
    }
}
