//! A target's pace beside its year-end verdict: on track, at risk or off track now, with
//! icon and words (never colour alone) and what it rests on (the figure and what was
//! expected by its date).

use cchc_domain::i18n::{pace_basis, pace_icon, pace_name};
use cchc_domain::locale::Locale;
use cchc_domain::pacing::{Pace, Pacing};
use leptos::prelude::*;

/// The badge, or nothing for a target that is not paced; `suffix` is the figure's unit.
pub fn pace_badge(p: &Pacing, suffix: &str, l: Locale) -> Option<impl IntoView> {
    if p.pace == Pace::NotPaced {
        return None;
    }
    let basis = pace_basis(p, suffix, l);
    Some(view! {
        <span class="pace" data-testid="pace" data-pace=p.pace.key()>
            <span class="pace-badge">
                <span class="pace-icon" aria-hidden="true">{pace_icon(p.pace)}</span>
                <span class="pace-word">{pace_name(p.pace, l)}</span>
            </span>
            {basis.map(|b| view! { <span class="pace-basis muted small">{b}</span> })}
        </span>
    })
}
