//! The one table of record kinds. Everything that handles records of every kind (the
//! journal's lists, loading, other tabs' changes, undo, restore, backups) is generated
//! from [`for_each_kind!`] or loops over [`Kind::ALL`], so a new kind is one line here,
//! its domain file (the type and its `Record` impl) and its stored form.
//!
//! Pure: no I/O.

use super::record::{remove, upsert, upsert_all, Record, Upsert};
use super::RecordId;
use chrono::{DateTime, Utc};

/// Calls the macro `$m` with the table of record kinds: a variant name, the domain type,
/// the journal's list of them, the name of that list in a backup file, one of them in
/// words, and when a start reads it: `first` (the main module decodes it before the first
/// screen) or `later` (the archive's chunk does, just after the first paint, so the first
/// screen carries no code for its stored form; see `storage::record`).
///
/// Adding a kind: add a line here (`read later` unless the first screen itself shows it),
/// write the type and its [`Record`] impl (with `impl_record!`) in its domain file, and
/// its `Stored` form under `storage::record`.
#[macro_export]
macro_rules! for_each_kind {
    ($m:ident) => {
        $m! {
            /// A journal entry.
            Entry($crate::domain::JournalEntry) in entries as "entries" called "entry" read first,
            /// A dosing session.
            Session($crate::domain::DosingSession) in sessions as "sessions" called "dosing session" read first,
            /// An insight.
            Insight($crate::domain::Insight) in insights as "insights" called "insight" read later,
            /// An action step.
            Step($crate::domain::ActionStep) in steps as "steps" called "action step" read later,
            /// A mood check-in.
            CheckIn($crate::domain::CheckIn) in check_ins as "check_ins" called "check-in" read later,
            /// A questionnaire result.
            Result($crate::domain::QuestionnaireResult) in results as "questionnaires" called "questionnaire" read later,
            /// A session day: planned ahead, its checklist and medicines tick.
            SessionDay($crate::domain::SessionDay) in session_days as "session_days" called "session day" read later,
            /// A medicine on the patient's list.
            Medicine($crate::domain::Medicine) in medicines as "medicines" called "medicine" read later,
            /// An after-effects log.
            AfterEffects($crate::domain::AfterEffects) in after_effects as "after_effects" called "after-effects log" read later,
            /// The safety plan.
            SafetyPlan($crate::domain::SafetyPlan) in safety_plans as "safety_plans" called "safety plan" read later,
            /// A treatment goal.
            Goal($crate::domain::Goal) in goals as "goals" called "goal" read later,
            /// A rating of how close a goal is.
            GoalRating($crate::domain::GoalRating) in goal_ratings as "goal_ratings" called "goal rating" read later,
            /// A link from a goal to an intention, insight or step.
            GoalLink($crate::domain::GoalLink) in goal_links as "goal_links" called "link to a goal" read later,
            /// The plan for staying well (relapse prevention).
            StayingWellPlan($crate::domain::StayingWellPlan) in staying_well_plans as "relapse_plans" called "plan for staying well" read later,
            /// A follow-up check-in and its note for the team.
            FollowUpCheck($crate::domain::follow_up::FollowUpCheck) in follow_up_checks as "booster_checks" called "follow-up check-in" read later,
            /// A summary that left the app (when, the period, the sections, the way).
            SharedSummary($crate::domain::SharedSummary) in shared_summaries as "shared_summaries" called "shared summary" read later,
        }
    };
}

macro_rules! domain_kinds {
    ($( $(#[$doc:meta])* $variant:ident($ty:ty) in $list:ident as $file:literal called $label:literal read $when:ident, )*) => {
        /// One record of any kind.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum AnyRecord {
            $( $(#[$doc])* $variant($ty), )*
        }

        /// Which kind a record is.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $( $(#[$doc])* $variant, )*
        }

        impl Kind {
            /// Every kind, in the table's order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),*];

            /// The name of this kind's list in a backup file.
            pub fn file_name(self) -> &'static str {
                match self { $( Kind::$variant => $file, )* }
            }

            /// One record of this kind, in words ("check-in").
            pub fn label(self) -> &'static str {
                match self { $( Kind::$variant => $label, )* }
            }
        }

        impl AnyRecord {
            /// The record's kind.
            pub fn kind(&self) -> Kind {
                match self { $( AnyRecord::$variant(_) => Kind::$variant, )* }
            }
            /// The record's id.
            pub fn id(&self) -> &RecordId {
                match self { $( AnyRecord::$variant(r) => Record::id(r), )* }
            }
            /// When it was last changed.
            pub fn edited(&self) -> DateTime<Utc> {
                match self { $( AnyRecord::$variant(r) => Record::edited(r), )* }
            }
        }

        $( impl From<$ty> for AnyRecord {
            fn from(r: $ty) -> Self {
                AnyRecord::$variant(r)
            }
        } )*

        /// Every kind's records, each list in its kind's order.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub(super) struct Lists {
            $( pub(super) $list: Vec<$ty>, )*
        }

        /// Records gathered for `Journal::upsert_batch`, in any order, duplicates allowed.
        #[derive(Clone, Debug, Default)]
        pub struct Batch {
            $( $list: Vec<$ty>, )*
        }

        impl Batch {
            /// Adds one record.
            pub fn push(&mut self, record: AnyRecord) {
                match record { $( AnyRecord::$variant(r) => self.$list.push(r), )* }
            }
            /// Keeps only the records `keep` picks.
            pub fn retain(&mut self, keep: &mut dyn FnMut(Kind, &RecordId) -> bool) {
                $( self.$list.retain(|r| keep(Kind::$variant, r.id())); )*
            }
            /// Adds every record of `other`.
            pub fn extend(&mut self, other: Batch) {
                $( self.$list.extend(other.$list); )*
            }
            /// How many records were gathered.
            pub fn len(&self) -> usize {
                0 $( + self.$list.len() )*
            }
            /// Whether none were.
            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }
        }

        impl Lists {
            pub(super) fn upsert(&mut self, record: AnyRecord) -> Upsert {
                match record { $( AnyRecord::$variant(r) => upsert(&mut self.$list, r), )* }
            }
            pub(super) fn remove(&mut self, kind: Kind, id: &RecordId) -> Option<AnyRecord> {
                match kind { $( Kind::$variant => remove(&mut self.$list, id).map(AnyRecord::$variant), )* }
            }
            pub(super) fn get(&self, kind: Kind, id: &RecordId) -> Option<AnyRecord> {
                match kind {
                    $( Kind::$variant => self.$list.iter().find(|r| r.id() == id).cloned().map(AnyRecord::$variant), )*
                }
            }
            pub(super) fn remove_all(&mut self, ids: &std::collections::HashSet<(Kind, RecordId)>) {
                $( if ids.iter().any(|(k, _)| *k == Kind::$variant) {
                    self.$list.retain(|r| !ids.contains(&(Kind::$variant, r.id().clone())));
                } )*
            }
            pub(super) fn add(&mut self, batch: Batch) {
                $( upsert_all(&mut self.$list, batch.$list); )*
            }
            pub(super) fn count(&self, kind: Kind) -> usize {
                match kind { $( Kind::$variant => self.$list.len(), )* }
            }
            pub(super) fn each_where(&self, keep: &mut dyn FnMut(Kind, &RecordId) -> bool, f: &mut dyn FnMut(AnyRecord)) {
                $( for r in &self.$list {
                    if keep(Kind::$variant, r.id()) {
                        f(AnyRecord::$variant(r.clone()));
                    }
                } )*
            }
            pub(super) fn each_id(&self, f: &mut dyn FnMut(Kind, &RecordId, DateTime<Utc>)) {
                $( for r in &self.$list {
                    f(Kind::$variant, r.id(), Record::edited(r));
                } )*
            }
            pub(super) fn each(&self, kind: Kind, f: &mut dyn FnMut(AnyRecord)) {
                match kind { $( Kind::$variant => self.$list.iter().for_each(|r| f(AnyRecord::$variant(r.clone()))), )* }
            }
        }
    };
}

crate::for_each_kind!(domain_kinds);
