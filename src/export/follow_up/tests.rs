use super::*;
use crate::domain::follow_up::{GoalThen, Then};
use crate::domain::RecordId;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

fn dates() -> (impl Fn(NaiveDate) -> String, impl Fn(DateTime<Utc>) -> String) {
    (
        |d: NaiveDate| d.format("%Y-%m-%d").to_string(),
        |t: DateTime<Utc>| t.format("%Y-%m-%d %H:%M").to_string(),
    )
}

fn check(facts: Facts, noticed: &str, discuss: &str) -> FollowUpCheck {
    let at = Utc.with_ymd_and_hms(2026, 3, 4, 18, 30, 0).unwrap();
    FollowUpCheck {
        id: RecordId::generate(1, 1),
        at,
        facts,
        noticed: noticed.into(),
        discuss: discuss.into(),
        edited: at,
    }
}

#[test]
fn the_note_puts_the_patients_points_first_and_describes_the_figures() {
    let (day, moment) = dates();
    let style = DateStyle { day: &day, moment: &moment };
    let at = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
    let facts = Facts {
        weeks_since: Some(6),
        last_session: Some(4),
        phq9: Some(Then { then: (16, at(9)), now: Some((6, at(30))) }),
        mood_before: Some((30, 10)),
        mood_recent: Some((72, 1)),
        goals: vec![
            GoalThen {
                goal: RecordId::generate(2, 2),
                text: "Sleep *well*".into(),
                then: Some(2),
                now: Some(6),
            },
            GoalThen { goal: RecordId::generate(3, 3), text: "Walk".into(), then: None, now: None },
        ],
    };
    let md = markdown(
        &check(facts, "Sleeping better\n", "- Spacing the sessions\n# Work stress"),
        "# Things I want to discuss with my team",
        &style,
    );
    assert_eq!(
        md,
        "# Things I want to discuss with my team\n\n2026-03-04 18:30\n\n\
         ## Things I want to discuss with my team\n\n- \\- Spacing the sessions\n- \\# Work stress\n\n\
         ## What I notice\n\n- Sleeping better\n\n\
         ## Where I am\n\n\
         - Since my last session (session 4): 6 weeks\n\
         - PHQ-9: 16 at the baseline (2026-01-09), 6 most recently (2026-01-30)\n\
         - Mood (0-10): 3.0 in the 14 days before my first session (10 check-ins); 7.2 in the last 14 days (1 check-in)\n\
         - Goal “Sleep \\*well\\*”: 2 of 10 when set, 6 now\n\
         - Goal “Walk”: not rated\n\n\
         This note is for the conversation with my team; it decides nothing.\n\n"
    );
}

#[test]
fn an_empty_check_in_still_reads_plainly_and_advises_nothing() {
    let (day, moment) = dates();
    let style = DateStyle { day: &day, moment: &moment };
    let lines = fact_lines(&Facts::default(), &style);
    assert_eq!(
        lines,
        [
            "No session logged yet",
            "PHQ-9: none taken yet",
            "Mood (0-10): no check-ins in the 14 days before my first session; no check-ins in the last 14 days"
        ]
    );
    let md = markdown(&check(Facts::default(), "", ""), "### Follow-up check-in", &style);
    assert!(md.starts_with("### Follow-up check-in\n\n2026-03-04 18:30\n\n#### Where I am\n\n"), "{md}");
    for word in ["dose", "booster", "medic", "diagnos", "should"] {
        assert!(!md.to_lowercase().contains(word), "{word} in {md}");
    }
}
