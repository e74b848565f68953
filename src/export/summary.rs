//! The therapist summary as data: what the patient chose to share for a date range, in
//! the order the summary is read. Renderers (Markdown, the printable view) only format
//! this. Private entries never get in, whatever is ticked. Pure.

use super::session_care::SessionCare;
use crate::domain::stats::{before_after, Averages};
use crate::domain::{
    Band, Instrument, Journal, JournalEntry, RecordId, RedFlag, Route, SafetyPlan, Stage, StayingWellPlan,
};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeSet;

/// What to put in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryOptions {
    /// The patient's title.
    pub title: String,
    /// First day, inclusive (patient's calendar).
    pub from: NaiveDate,
    /// Last day, inclusive.
    pub to: NaiveDate,
    /// Dosing sessions in the range.
    pub sessions: bool,
    /// Check-in averages and the change against the baseline.
    pub mood: bool,
    /// PHQ-9 and GAD-7 scores.
    pub questionnaires: bool,
    /// Intentions.
    pub intentions: bool,
    /// Insights and action steps.
    pub insights: bool,
    /// Treatment goals, their ratings and what is linked to them.
    pub goals: bool,
    /// Follow-up check-ins' notes for the team.
    pub follow_up: bool,
    /// Journal entries (non-private, minus those unticked).
    pub entries: bool,
    /// Stages each entry was written in, as headings.
    pub stages: bool,
    /// Entries the patient unticked.
    pub left_out: BTreeSet<RecordId>,
    /// Medicines and after-effects (off unless the patient ticks it).
    pub session_days: bool,
    /// The safety plan (off unless the patient ticks it).
    pub safety_plan: bool,
    /// The plan for staying well (off unless the patient ticks it).
    pub staying_well: bool,
    /// The red flags in use (the clinic's config), to name the ones a log raised.
    pub red_flags: Vec<RedFlag>,
}

impl SummaryOptions {
    /// Every section at its default (see [`Section::by_default`]), for `from..=to`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Self {
        let mut options = SummaryOptions {
            // Empty: the summary's own language's "Journal summary" is shown.
            title: String::new(),
            from,
            to,
            sessions: false,
            mood: false,
            questionnaires: false,
            intentions: false,
            insights: false,
            goals: false,
            follow_up: false,
            entries: false,
            stages: false,
            left_out: BTreeSet::new(),
            session_days: false,
            safety_plan: false,
            staying_well: false,
            red_flags: crate::domain::after_effects::default_red_flags(),
        };
        for &section in Section::ALL {
            options.tick(section, section.by_default());
        }
        options
    }
}

/// Declares the sections: the one table of what the patient can tick on Share, from
/// which the options, the checkboxes, the names a summary that left the app keeps, and
/// the tests all read.
macro_rules! sections {
    ($( $(#[$doc:meta])* $variant:ident => $name:literal, $label:ident, $field:ident, $default:literal; )*) => {
        /// A section the patient can tick on Share.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Section {
            $( $(#[$doc])* $variant, )*
        }

        impl Section {
            /// Every section, in Share's order.
            pub const ALL: &'static [Section] = &[ $( Section::$variant, )* ];

            /// Its name, kept with a summary that left the app (never changes).
            pub fn name(self) -> &'static str {
                match self { $( Section::$variant => $name, )* }
            }

            /// Its label on Share and in "Shared with your therapist".
            pub fn label(self) -> &'static str {
                match self { $( Section::$variant => crate::i18n::tr(crate::i18n::T::$label), )* }
            }

            /// Whether a new summary has it ticked.
            pub fn by_default(self) -> bool {
                match self { $( Section::$variant => $default, )* }
            }

            /// The section called `name`, if this build knows it.
            pub fn parse(name: &str) -> Option<Section> {
                match name { $( $name => Some(Section::$variant), )* _ => None }
            }
        }

        impl SummaryOptions {
            /// Whether `section` is ticked.
            pub fn is_ticked(&self, section: Section) -> bool {
                match section { $( Section::$variant => self.$field, )* }
            }

            /// Ticks or unticks `section`.
            pub fn tick(&mut self, section: Section, on: bool) {
                match section { $( Section::$variant => self.$field = on, )* }
            }
        }
    };
}

sections! {
    Sessions => "sessions", sum_section_sessions, sessions, true;
    Mood => "mood", sum_section_mood, mood, true;
    Questionnaires => "questionnaires", sum_section_questionnaires, questionnaires, true;
    Goals => "goals", sum_section_goals, goals, true;
    /// The follow-up check-ins' notes ("booster" is only its stored name).
    FollowUp => "booster", sum_section_follow_up, follow_up, true;
    Intentions => "intentions", sum_section_intentions, intentions, true;
    Insights => "insights", sum_section_insights, insights, true;
    Entries => "entries", sum_section_entries, entries, true;
    /// A way of grouping the entries, never a section of its own.
    Stages => "stages", sum_section_stages, stages, true;
    SessionDays => "session-days", sum_section_session_days, session_days, false;
    StayingWellPlan => "relapse-plan", sum_section_staying_well, staying_well, false;
    SafetyPlan => "safety-plan", sum_section_safety_plan, safety_plan, false;
}

/// The label of a section's name; a name this build does not know is shown as it is.
pub fn section_label(name: &str) -> &str {
    match Section::parse(name) {
        Some(section) => section.label(),
        None => name,
    }
}

impl SummaryOptions {
    /// Whether the section called `name` (see [`Section`]) is ticked.
    pub fn has(&self, name: &str) -> bool {
        Section::parse(name).is_some_and(|s| self.is_ticked(s))
    }

    /// Ticks or unticks the section called `name`; an unknown name changes nothing.
    pub fn set(&mut self, name: &str, on: bool) {
        if let Some(section) = Section::parse(name) {
            self.tick(section, on);
        }
    }

    /// The names of the ticked sections, in Share's order.
    pub fn ticked(&self) -> Vec<String> {
        Section::ALL.iter().filter(|&&s| self.is_ticked(s)).map(|s| s.name().to_owned()).collect()
    }
}

/// A session line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRow {
    /// When.
    pub at: DateTime<Utc>,
    /// Number in the course.
    pub number: u32,
    /// Route.
    pub route: Route,
    /// Mood before and after.
    pub mood: (Option<u8>, Option<u8>),
    /// Intention, if noted.
    pub intention: String,
}

/// A questionnaire line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreRow {
    /// Which questionnaire.
    pub instrument: Instrument,
    /// When.
    pub at: DateTime<Utc>,
    /// Total.
    pub score: u8,
    /// Band.
    pub band: Band,
    /// Change since the first result ever (the baseline), if this is not it.
    pub change: Option<i16>,
}

/// The attributions the scores need, each once, in the order the scores name them: the
/// instruments' names and the text (PHQ-9 and GAD-7 share theirs).
pub fn attributions(scores: &[ScoreRow]) -> Vec<(&'static str, &'static str)> {
    let mut named: Vec<(&'static str, &'static str)> = Vec::new();
    for s in scores {
        let names = match s.instrument {
            Instrument::Phq9 | Instrument::Gad7 => crate::i18n::tr(crate::i18n::T::sum_phq_gad),
            other => other.name(),
        };
        let text = s.instrument.attribution_shown();
        if !named.iter().any(|(_, t)| *t == text) {
            named.push((names, text));
        }
    }
    named
}

/// An action step line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepRow {
    /// What.
    pub text: String,
    /// Done or open.
    pub done: bool,
    /// Due date.
    pub due: Option<NaiveDate>,
    /// The area of life, if the patient chose one.
    pub area: Option<crate::domain::insight::Area>,
}

/// The summary, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Title.
    pub title: String,
    /// Range.
    pub from: NaiveDate,
    /// Range.
    pub to: NaiveDate,
    /// Sessions in range, if chosen.
    pub sessions: Option<Vec<SessionRow>>,
    /// (in range, baseline) averages, if chosen. The baseline is the 14 days before the
    /// first dosing session, when there was one.
    pub mood: Option<(Averages, Option<Averages>)>,
    /// Scores in range, if chosen.
    pub scores: Option<Vec<ScoreRow>>,
    /// Intentions, if chosen (from entries and sessions; never from private entries).
    pub intentions: Option<Vec<String>>,
    /// Insights (quote) in range, if chosen.
    pub insights: Option<Vec<String>>,
    /// Steps, if insights were chosen: open ones and those done in range.
    pub steps: Option<Vec<StepRow>>,
    /// Entries by stage (or all under one group when stages are off), oldest first.
    pub entries: Option<Vec<(Option<Stage>, Vec<JournalEntry>)>>,
    /// Goals, if chosen.
    pub goals: Option<Vec<super::goals::GoalRow>>,
    /// Follow-up check-ins in range, oldest first, if chosen.
    pub follow_up: Option<Vec<crate::domain::follow_up::FollowUpCheck>>,
    /// Which of a check-in's figures it carries: only those whose section is ticked.
    pub follow_up_shows: super::follow_up::Shown,
    /// Medicines and each session's after-effects, if ticked.
    pub session_care: Option<SessionCare>,
    /// The safety plan, if ticked and written.
    pub safety_plan: Option<SafetyPlan>,
    /// The plan for staying well, if ticked and written.
    pub staying_well: Option<StayingWellPlan>,
}

impl Summary {
    /// Builds the summary. `day_of` gives the patient's calendar day of a time.
    pub fn build(
        journal: &Journal,
        o: &SummaryOptions,
        day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
    ) -> Summary {
        let in_range = |at: DateTime<Utc>| {
            let d = day_of(at);
            d >= o.from && d <= o.to
        };
        let sessions = o.sessions.then(|| {
            journal
                .sessions()
                .iter()
                .filter(|s| in_range(s.at))
                .map(|s| SessionRow {
                    at: s.at,
                    number: s.number,
                    route: s.route,
                    mood: (s.mood_before, s.mood_after),
                    intention: s.intention.clone(),
                })
                .collect()
        });
        let mood = o.mood.then(|| {
            let range = Averages::of(journal.check_ins().iter().filter(|c| in_range(c.at)));
            let baseline =
                journal.first_session().map(|s| before_after(journal.check_ins(), s.at, s.at).before);
            (range, baseline.filter(|b| b.count > 0))
        });
        let scores = o.questionnaires.then(|| {
            let mut rows = Vec::new();
            for instrument in Instrument::ALL {
                let results = journal.results_of(instrument);
                let baseline = results.first().map(|r| (r.id.clone(), r.score()));
                for r in results.iter().filter(|r| in_range(r.at)) {
                    let change = baseline
                        .as_ref()
                        .filter(|(id, _)| *id != r.id)
                        .map(|(_, b)| i16::from(r.score()) - i16::from(*b));
                    rows.push(ScoreRow { instrument, at: r.at, score: r.score(), band: r.band(), change });
                }
            }
            rows
        });
        let intentions = o.intentions.then(|| {
            let mut list: Vec<String> = Vec::new();
            for e in journal.intentions().into_iter().rev().filter(|e| !e.private) {
                if !list.contains(&e.text) {
                    list.push(e.text.clone());
                }
            }
            for s in journal.sessions().iter().filter(|s| in_range(s.at) && !s.intention.is_empty()) {
                if !list.contains(&s.intention) {
                    list.push(s.intention.clone());
                }
            }
            list
        });
        let private_entries: BTreeSet<&RecordId> =
            crate::domain::order::set_of(journal.entries().iter().filter(|e| e.private).map(|e| &e.id));
        let insights = o.insights.then(|| {
            journal
                .insights()
                .iter()
                .rev()
                .filter(|i| in_range(i.created) && !private_entries.contains(&i.entry))
                .map(|i| i.quote.clone())
                .collect()
        });
        let steps = o.insights.then(|| {
            journal
                .steps()
                .iter()
                .filter(|s| s.done.is_none_or(in_range))
                .map(|s| StepRow { text: s.text.clone(), done: s.done.is_some(), due: s.due, area: s.area })
                .collect()
        });
        let entries = o.entries.then(|| {
            let chosen: Vec<&JournalEntry> = journal
                .entries()
                .iter()
                .rev()
                .filter(|e| !e.private && in_range(e.created) && !o.left_out.contains(&e.id))
                .collect();
            let mut groups: Vec<(Option<Stage>, Vec<JournalEntry>)> = Vec::new();
            if o.stages {
                for stage in Stage::ALL {
                    let list: Vec<JournalEntry> =
                        chosen.iter().filter(|e| e.stage == stage).map(|e| (*e).clone()).collect();
                    if !list.is_empty() {
                        groups.push((Some(stage), list));
                    }
                }
            } else if !chosen.is_empty() {
                groups.push((None, chosen.into_iter().cloned().collect()));
            }
            groups
        });
        let session_care =
            o.session_days.then(|| super::session_care::build(journal, &o.red_flags, in_range));
        let safety_plan = journal.safety_plan().filter(|p| o.safety_plan && !p.is_blank()).cloned();
        let follow_up = o
            .follow_up
            .then(|| journal.follow_up_checks().iter().filter(|c| in_range(c.at)).cloned().collect());
        let staying_well = journal.staying_well().filter(|p| o.staying_well && !p.is_blank()).cloned();
        let goals = o.goals.then(|| super::goals::build(journal, in_range, |at| day_of(at) < o.from));
        Summary {
            follow_up_shows: super::follow_up::Shown { scores: o.questionnaires, goals: o.goals },
            goals,
            session_care,
            safety_plan,
            staying_well,
            follow_up,
            title: o.title.trim().to_owned(),
            from: o.from,
            to: o.to,
            sessions,
            mood,
            scores,
            intentions,
            insights,
            steps,
            entries,
        }
    }
}

impl Summary {
    /// The names of the sections (see [`Section`]) this summary holds something in, in
    /// Share's order: what "Shared with your therapist" records. A ticked section with
    /// nothing in the period (a blank plan, no check-ins) is not among them, and "stages"
    /// is a way of grouping, never a section.
    pub fn held(&self) -> Vec<String> {
        let some = |n: Option<usize>| n.is_some_and(|n| n > 0);
        let holds = |section: Section| match section {
            Section::Sessions => some(self.sessions.as_ref().map(Vec::len)),
            Section::Mood => self.mood.as_ref().is_some_and(|(range, _)| range.count > 0),
            Section::Questionnaires => some(self.scores.as_ref().map(Vec::len)),
            Section::Goals => some(self.goals.as_ref().map(Vec::len)),
            Section::FollowUp => some(self.follow_up.as_ref().map(Vec::len)),
            Section::Intentions => some(self.intentions.as_ref().map(Vec::len)),
            Section::Insights => {
                some(self.insights.as_ref().map(Vec::len)) || some(self.steps.as_ref().map(Vec::len))
            }
            Section::Entries => some(self.entries.as_ref().map(Vec::len)),
            Section::Stages => false,
            Section::SessionDays => {
                self.session_care.as_ref().is_some_and(|c| !c.medicines.is_empty() || !c.sessions.is_empty())
            }
            Section::StayingWellPlan => self.staying_well.is_some(),
            Section::SafetyPlan => self.safety_plan.is_some(),
        };
        Section::ALL.iter().filter(|&&s| holds(s)).map(|s| s.name().to_owned()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_records_the_sections_it_held_not_those_ticked() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut o = SummaryOptions::new(day, day);
        o.staying_well = true;
        o.safety_plan = true;
        let mut journal = Journal::new(Stage::Integration);
        // A blank plan for staying well is ticked but holds nothing.
        let id = |n| RecordId::generate(1_764_000_000_000, n);
        let at = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 12, 2, 9, 0, 0).unwrap();
        journal.upsert_any(StayingWellPlan::start(id(1), at));
        let draft = crate::domain::EntryDraft { text: "A walk by the river".into(), ..Default::default() };
        journal.upsert_any(JournalEntry::new(id(2), at, Stage::Integration, draft).unwrap());
        let s = Summary::build(&journal, &o, |t| t.date_naive());
        assert_eq!(s.held(), ["entries"], "not stages, not a blank plan, not empty sections");
        o.entries = false;
        assert!(Summary::build(&journal, &o, |t| t.date_naive()).held().is_empty());
    }

    #[test]
    fn every_section_can_be_ticked_and_named() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut o = SummaryOptions::new(day, day);
        assert_eq!(
            o.ticked(),
            [
                "sessions",
                "mood",
                "questionnaires",
                "goals",
                "booster",
                "intentions",
                "insights",
                "entries",
                "stages"
            ]
        );
        for &section in Section::ALL {
            let (name, label) = (section.name(), section.label());
            o.set(name, false);
            assert!(!o.has(name), "{name}");
            o.set(name, true);
            assert!(o.has(name), "{name}");
            assert_eq!(section_label(name), label);
        }
        assert_eq!(o.ticked().len(), Section::ALL.len());
        o.set("fax", true);
        assert!(!o.has("fax"));
        assert_eq!(section_label("fax"), "fax");
    }
}
