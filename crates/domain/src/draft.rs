//! Turning what an officer types into a progress entry. A draft holds the raw text of every
//! input; [`build_reading`] parses it for the target's goal and says precisely what is wrong,
//! so the form can show the problem next to the input and the gauge can preview a valid draft
//! while the officer types.

use chrono::NaiveDate;

use crate::date::{parse_vi_date, DateError};
use crate::number::{parse_vi_count, parse_vi_number, Count, NumberError};
use crate::progress::{FieldFigure, Figure, Reading};
use crate::target::{Condition, FieldId, Goal, Measure};

/// The raw text of one figure: numerator and denominator for a ratio, or a value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FigureDraft {
    pub numerator: String,
    pub denominator: String,
    pub value: String,
}

impl FigureDraft {
    pub fn is_blank(&self) -> bool {
        self.numerator.trim().is_empty()
            && self.denominator.trim().is_empty()
            && self.value.trim().is_empty()
    }
}

/// The raw text of a whole progress entry form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryDraft {
    pub date: String,
    pub first: FigureDraft,
    pub second: FigureDraft,
    pub fields: Vec<(FieldId, FigureDraft)>,
    pub done_on: String,
    pub evidence: String,
    pub text: String,
    pub comment: String,
}

/// Which input of the form a problem belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftInput {
    Date,
    Numerator { part: usize },
    Denominator { part: usize },
    Value { part: usize },
    FieldNumerator(FieldId),
    FieldDenominator(FieldId),
    FieldValue(FieldId),
    DoneOn,
    Text,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    Number(NumberError),
    Date(DateError),
    /// More items done than exist (9.200 of 9.156).
    NumeratorAboveDenominator,
    /// A breakdown entry with no field filled in.
    NoFieldFilled,
}

pub type DraftErrors = Vec<(DraftInput, DraftProblem)>;

fn count(text: &str, input: DraftInput, errs: &mut DraftErrors) -> Option<u64> {
    match parse_vi_count(text) {
        Ok(n) => Some(n),
        Err(e) => {
            errs.push((input, DraftProblem::Number(e)));
            None
        }
    }
}

fn figure(
    condition: &Condition,
    draft: &FigureDraft,
    inputs: (DraftInput, DraftInput, DraftInput),
    errs: &mut DraftErrors,
) -> Option<Figure> {
    let (num_in, den_in, val_in) = inputs;
    match condition.measure {
        Measure::Ratio { .. } => {
            let n = count(&draft.numerator, num_in.clone(), errs);
            let d = count(&draft.denominator, den_in, errs);
            let (n, d) = (n?, d?);
            if n > d {
                errs.push((num_in, DraftProblem::NumeratorAboveDenominator));
                return None;
            }
            Some(Figure::Ratio {
                numerator: Count(n),
                denominator: Count(d),
            })
        }
        Measure::Value { .. } => match parse_vi_number(&draft.value) {
            Ok(v) => Some(Figure::Value { value: v }),
            Err(e) => {
                errs.push((val_in, DraftProblem::Number(e)));
                None
            }
        },
    }
}

fn part_inputs(part: usize) -> (DraftInput, DraftInput, DraftInput) {
    (
        DraftInput::Numerator { part },
        DraftInput::Denominator { part },
        DraftInput::Value { part },
    )
}

/// Parses the entry date.
pub fn build_date(draft: &EntryDraft) -> Result<NaiveDate, DraftErrors> {
    parse_vi_date(&draft.date).map_err(|e| vec![(DraftInput::Date, DraftProblem::Date(e))])
}

/// Parses the figures of a draft for a goal. A breakdown field left entirely blank has no
/// figures (its gauge waits for data); `0/0` means "no dossiers: not applicable".
pub fn build_reading(goal: &Goal, draft: &EntryDraft) -> Result<Reading, DraftErrors> {
    let mut errs = DraftErrors::new();
    let reading = match goal {
        Goal::Single {
            condition,
            breakdown,
        } if breakdown.is_empty() => figure(condition, &draft.first, part_inputs(0), &mut errs)
            .map(|f| Reading::Single { figure: f }),
        Goal::Single {
            condition,
            breakdown,
        } => {
            let mut fields = Vec::new();
            for field in breakdown {
                let Some((_, fd)) = draft.fields.iter().find(|(id, _)| *id == field.id) else {
                    continue;
                };
                if fd.is_blank() {
                    continue;
                }
                let inputs = (
                    DraftInput::FieldNumerator(field.id.clone()),
                    DraftInput::FieldDenominator(field.id.clone()),
                    DraftInput::FieldValue(field.id.clone()),
                );
                if let Some(f) = figure(condition, fd, inputs, &mut errs) {
                    fields.push(FieldFigure {
                        field: field.id.clone(),
                        figure: f,
                    });
                }
            }
            if fields.is_empty() && errs.is_empty() {
                errs.push((
                    DraftInput::FieldNumerator(
                        breakdown
                            .first()
                            .map(|f| f.id.clone())
                            .unwrap_or(FieldId(String::new())),
                    ),
                    DraftProblem::NoFieldFilled,
                ));
            }
            Some(Reading::PerField { fields })
        }
        Goal::Compound { first, second } => {
            let a = figure(first, &draft.first, part_inputs(0), &mut errs);
            let b = figure(second, &draft.second, part_inputs(1), &mut errs);
            match (a, b) {
                (Some(first), Some(second)) => Some(Reading::Pair { first, second }),
                _ => None,
            }
        }
        Goal::Milestone { .. } => {
            let done_on = if draft.done_on.trim().is_empty() {
                None
            } else {
                match parse_vi_date(&draft.done_on) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        errs.push((DraftInput::DoneOn, DraftProblem::Date(e)));
                        None
                    }
                }
            };
            Some(Reading::Milestone {
                done_on,
                evidence: draft.evidence.trim().to_string(),
            })
        }
        Goal::FreeText => Some(Reading::Text {
            text: draft.text.trim().to_string(),
        }),
    };
    match reading {
        Some(r) if errs.is_empty() => Ok(r),
        _ => Err(errs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::Decimal;
    use crate::target::{Comparator, Field};

    fn ratio_goal(fields: Vec<Field>) -> Goal {
        Goal::Single {
            condition: Condition {
                label: String::new(),
                measure: Measure::Ratio {
                    numerator: String::new(),
                    denominator: String::new(),
                },
                comparator: Comparator::Above {
                    threshold: Decimal::from_int(90),
                },
            },
            breakdown: fields,
        }
    }

    #[test]
    fn builds_a_ratio_from_vietnamese_counts() {
        let mut d = EntryDraft::default();
        d.first.numerator = "9.156".into();
        d.first.denominator = "17.087".into();
        assert_eq!(
            build_reading(&ratio_goal(vec![]), &d),
            Ok(Reading::Single {
                figure: Figure::Ratio {
                    numerator: Count(9156),
                    denominator: Count(17087)
                }
            })
        );
    }

    #[test]
    fn says_which_input_is_wrong() {
        let mut d = EntryDraft::default();
        d.first.numerator = "9.200".into();
        d.first.denominator = "9.156".into();
        assert_eq!(
            build_reading(&ratio_goal(vec![]), &d),
            Err(vec![(
                DraftInput::Numerator { part: 0 },
                DraftProblem::NumeratorAboveDenominator
            )])
        );
        d.first.numerator = "-3".into();
        let errs = build_reading(&ratio_goal(vec![]), &d).unwrap_err();
        assert_eq!(errs[0].1, DraftProblem::Number(NumberError::Negative));
        d.date = "30/02/2019".into();
        assert!(matches!(
            build_date(&d).unwrap_err()[0].1,
            DraftProblem::Date(DateError::NotACalendarDate { .. })
        ));
    }

    #[test]
    fn breakdown_skips_blank_fields() {
        let fields = vec![
            Field {
                id: FieldId("a".into()),
                name: "Hộ tịch".into(),
            },
            Field {
                id: FieldId("b".into()),
                name: "Đất đai".into(),
            },
        ];
        let mut d = EntryDraft {
            fields: vec![
                (
                    FieldId("a".into()),
                    FigureDraft {
                        numerator: "10".into(),
                        denominator: "10".into(),
                        value: String::new(),
                    },
                ),
                (FieldId("b".into()), FigureDraft::default()),
            ],
            ..EntryDraft::default()
        };
        let r = build_reading(&ratio_goal(fields.clone()), &d).unwrap();
        assert!(matches!(r, Reading::PerField { ref fields } if fields.len() == 1));
        d.fields[0].1 = FigureDraft::default();
        assert!(build_reading(&ratio_goal(fields), &d).is_err());
    }
}
