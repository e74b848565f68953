//! The plan for staying well as Markdown: a page of its own (downloaded, printed) and a
//! section of the therapist summary when the patient ticks it. Its thresholds are stated
//! as the patient's own ("show me this plan when …"), never as advice. Pure.

use super::markdown::points_or_unwritten;
use crate::domain::staying_well::PARTS;
use crate::domain::StayingWellPlan;
use crate::i18n::{tr, tr_with, T};
use std::fmt::Write;

/// The thresholds in words, one a line ("My 7-day mood stays below 4 for 5 days").
pub fn thresholds(plan: &StayingWellPlan) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(m) = plan.mood {
        let words = if m.days == 1 { T::well_mood_days_one } else { T::well_mood_days_other };
        out.push(tr_with(words, &[("below", &m.below.to_string()), ("days", &m.days.to_string())]));
    }
    if let Some(n) = plan.phq9 {
        out.push(tr_with(T::well_phq9_at, &[("n", &n.to_string())]));
    }
    out
}

/// The plan under `heading` ("# …" or "## …"): a heading per part (empty parts say so),
/// then the thresholds, if any.
pub fn markdown(plan: &StayingWellPlan, heading: &str) -> String {
    let sub = if heading.starts_with("##") { "###" } else { "##" };
    let mut md = format!("{heading}\n\n");
    for (part, text) in PARTS.iter().zip(&plan.parts) {
        let _ = writeln!(md, "{sub} {}\n", part.title());
        points_or_unwritten(&mut md, text);
    }
    let when = thresholds(plan);
    if !when.is_empty() {
        let _ = writeln!(md, "{sub} {}\n", tr(T::well_shows_me));
        for line in when {
            let _ = writeln!(md, "- {line}");
        }
        md.push('\n');
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{MoodThreshold, RecordId};
    use chrono::{TimeZone, Utc};

    #[test]
    fn the_plan_reads_as_the_patient_wrote_it() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let mut plan = StayingWellPlan::start(RecordId::generate(1, 1), at);
        plan.parts[0] = "Sleeping badly\n\n  # not a heading".into();
        plan.parts[2] = "Sam: 555 0100".into();
        assert_eq!(
            markdown(&plan, "## My plan for staying well"),
            "## My plan for staying well\n\n\
             ### My early warning signs\n\n- Sleeping badly\n- \\# not a heading\n\n\
             ### What helps\n\nNot written yet.\n\n\
             ### People I can contact\n\n- Sam: 555 0100\n\n\
             ### When I will call my clinic\n\nNot written yet.\n\n"
        );
        plan.mood = Some(MoodThreshold { below: 4, days: 5 });
        plan.phq9 = Some(10);
        let md = markdown(&plan, "# My plan for staying well");
        assert!(md.starts_with("# My plan for staying well\n\n## My early warning signs\n\n"));
        assert!(md.ends_with(
            "## When Afterglow shows me this plan\n\n- My 7-day mood stays below 4 for 5 days in a row\n- My PHQ-9 is 10 or more\n\n"
        ));
        plan.mood = Some(MoodThreshold { below: 3, days: 1 });
        assert_eq!(thresholds(&plan)[0], "My 7-day mood stays below 3 for a day");
    }
}
