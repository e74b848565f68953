//! The journal's goals, ratings and links, read: lists, one goal, a goal's ratings, and
//! what a goal is linked to (links to deleted records left out, each record once). Pure.

use super::{Goal, GoalLink, GoalRating, LinkTarget};
use crate::domain::{Journal, Kind, RecordId};

impl Journal {
    /// Every goal, in the order set.
    pub fn goals(&self) -> &[Goal] {
        &self.records.goals
    }

    /// The goals being worked on.
    pub fn open_goals(&self) -> Vec<&Goal> {
        self.records.goals.iter().filter(|g| g.is_open()).collect()
    }

    /// One goal.
    pub fn goal(&self, id: &RecordId) -> Option<&Goal> {
        self.records.goals.iter().find(|g| &g.id == id)
    }

    /// Every rating, oldest first.
    pub fn goal_ratings(&self) -> &[GoalRating] {
        &self.records.goal_ratings
    }

    /// One goal's ratings, oldest first.
    pub fn ratings_of(&self, goal: &RecordId) -> Vec<&GoalRating> {
        self.records.goal_ratings.iter().filter(|r| &r.goal == goal).collect()
    }

    /// One goal's latest rating.
    pub fn latest_rating(&self, goal: &RecordId) -> Option<&GoalRating> {
        self.records.goal_ratings.iter().rev().find(|r| &r.goal == goal)
    }

    /// Every link, in the order made.
    pub fn goal_links(&self) -> &[GoalLink] {
        &self.records.goal_links
    }

    /// The ids of what `goal` is linked to of `target`'s kind, each once, in the order
    /// linked; links to records since deleted are left out.
    pub fn linked(&self, goal: &RecordId, target: LinkTarget) -> Vec<RecordId> {
        let mut out: Vec<RecordId> = Vec::new();
        for l in self.records.goal_links.iter().filter(|l| &l.goal == goal && l.target == target) {
            let exists = match target {
                LinkTarget::Intention => self.entry(&l.record).is_some_and(|e| e.intention),
                LinkTarget::Insight => self.insight(&l.record).is_some(),
                LinkTarget::Step => self.step(&l.record).is_some(),
            };
            if exists && !out.contains(&l.record) {
                out.push(l.record.clone());
            }
        }
        out
    }

    /// The links from any goal to one record (several, if two tabs linked it at once).
    pub fn links_to(&self, target: LinkTarget, record: &RecordId) -> Vec<&GoalLink> {
        self.records.goal_links.iter().filter(|l| l.target == target && &l.record == record).collect()
    }

    /// A goal and what is its own: its ratings (with the patient's sentences) and its
    /// links. What deleting the goal removes, and what undo brings back together.
    pub fn goal_and_its_own(&self, goal: &RecordId) -> Vec<(Kind, RecordId)> {
        let mut out = vec![(Kind::Goal, goal.clone())];
        out.extend(self.ratings_of(goal).into_iter().map(|r| (Kind::GoalRating, r.id.clone())));
        let links = self.records.goal_links.iter().filter(|l| &l.goal == goal);
        out.extend(links.map(|l| (Kind::GoalLink, l.id.clone())));
        out
    }

    /// The goals one record is linked to, each once, in the order set.
    pub fn goals_of(&self, target: LinkTarget, record: &RecordId) -> Vec<&Goal> {
        let links = self.links_to(target, record);
        self.records.goals.iter().filter(|g| links.iter().any(|l| l.goal == g.id)).collect()
    }
}
