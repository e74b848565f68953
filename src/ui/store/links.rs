//! Links between a goal and the intentions, insights and steps that serve it, made
//! where those are written or listed (the goal's page has its own list, `ui::goals`).
//! A link is its own record: linking never rewrites the intention, insight or step.
//!
//! Must never change a link without storage holding the change first (as every change
//! through the store).

use super::{new_id, now, JournalStore};
use crate::domain::{GoalLink, Kind, LinkTarget, RecordId};
use crate::i18n::{tr, tr_with, T};
use crate::storage::changes;
use leptos::prelude::*;

impl JournalStore {
    /// Links a record just made to `goal`. The record stands either way: when the link
    /// cannot be stored, the patient is told the record is saved and how to link it.
    pub fn link_new(&self, target: LinkTarget, record: &RecordId, goal: &RecordId) {
        let at = now();
        let link =
            GoalLink { id: new_id(at), goal: goal.clone(), target, record: record.clone(), edited: at };
        let result = self.change(|repo, j| changes::save(repo, j, link.into()));
        if let Err(e) = result {
            self.say(tr_with(T::store_link_failed, &[("why", &e.to_string())]), true);
        }
    }

    /// Makes `goal` the one goal `record` serves (`None`: no goal), replacing the link
    /// it had; says the outcome. Returns whether the change was stored.
    pub fn set_goal_of(&self, target: LinkTarget, record: &RecordId, goal: Option<&RecordId>) -> bool {
        let old: Vec<GoalLink> =
            self.journal.with_untracked(|j| j.links_to(target, record).into_iter().cloned().collect());
        if old.iter().map(|l| Some(&l.goal)).eq(std::iter::once(goal)) || (old.is_empty() && goal.is_none()) {
            return true;
        }
        let at = now();
        let result = self.change(|repo, j| {
            // The new link first: a failure half-way leaves the record linked twice, never
            // unlinked from what the patient chose.
            if let Some(goal) = goal {
                let link = GoalLink {
                    id: new_id(at),
                    goal: goal.clone(),
                    target,
                    record: record.clone(),
                    edited: at,
                };
                changes::save(repo, j, link.into())?;
            }
            for l in &old {
                changes::delete(repo, j, Kind::GoalLink, &l.id)?;
            }
            Ok(())
        });
        let name = goal.and_then(|g| self.journal.with_untracked(|j| j.goal(g).map(|g| g.text.clone())));
        match (self.told(result), name) {
            (None, _) => false,
            (Some(()), Some(name)) => {
                self.say(tr_with(T::store_linked, &[("name", &name)]), false);
                true
            }
            (Some(()), None) => {
                self.say(tr(T::store_unlinked), false);
                true
            }
        }
    }
}
