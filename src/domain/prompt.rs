//! Reflection prompts: the library and the choice of which prompt to offer.
//!
//! The library is data with stable ids so that an entry can keep pointing at the prompt it
//! answered, and so a clinic can later add to or replace it. Never does I/O.

use super::stage::Stage;
use serde::{Deserialize, Serialize};

/// One reflection prompt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prompt {
    /// Stable id, unique within a library (`prep-more-of`). Entries refer to it.
    pub id: String,
    /// The stage this prompt is written for.
    pub stage: Stage,
    /// The question itself, as the patient reads it.
    pub text: String,
}

/// Built-in prompts: (id, stage, text). Written for Afterglow; warm, plain, short.
const BUILT_IN: &[(&str, Stage, &str)] = &[
    ("eval-why-now", Stage::Evaluation, "What made you look into this treatment now?"),
    ("eval-hard-days", Stage::Evaluation, "What does a hard day look like for you at the moment?"),
    ("eval-tried", Stage::Evaluation, "What have you tried before, and what did each thing teach you?"),
    ("eval-hope", Stage::Evaluation, "If this goes well, what would be different in six months?"),
    (
        "eval-worries",
        Stage::Evaluation,
        "Is there anything about the treatment you feel unsure or worried about?",
    ),
    ("prep-more-of", Stage::Preparation, "What do you want more of in your life?"),
    ("prep-blocked", Stage::Preparation, "What has stood in the way of feeling better before?"),
    ("prep-open-to", Stage::Preparation, "What are you open to learning about yourself?"),
    ("prep-safe", Stage::Preparation, "What helps you feel safe and settled? Music, a blanket, a phrase?"),
    (
        "prep-intention",
        Stage::Preparation,
        "Put your intention into one sentence you could carry in with you.",
    ),
    ("dose-word", Stage::Dosing, "One word for right now."),
    ("dose-image", Stage::Dosing, "An image, colour or sound that stayed with you."),
    ("dose-body", Stage::Dosing, "Where in your body do you feel something now?"),
    ("dose-surprise", Stage::Dosing, "What surprised you?"),
    ("dose-share", Stage::Dosing, "Who would you like to tell about this, if anyone?"),
    ("int-story", Stage::Integration, "Which story about yourself did the session unsettle?"),
    ("int-truest", Stage::Integration, "What is the truest sentence you can write today?"),
    ("int-repeat", Stage::Integration, "Is a theme coming back across sessions? What is it asking of you?"),
    ("int-control", Stage::Integration, "What is in your control this week, and what is not?"),
    (
        "int-action",
        Stage::Integration,
        "What is one small thing you could do differently because of what you saw?",
    ),
    ("follow-signs", Stage::FollowUp, "What early signs tell you an old pattern is coming back?"),
    ("follow-keeps-well", Stage::FollowUp, "What has been keeping you well lately?"),
    (
        "follow-reach-out",
        Stage::FollowUp,
        "When would be the right moment to reach out for support, and to whom?",
    ),
    ("follow-proud", Stage::FollowUp, "What are you quietly proud of since treatment began?"),
    ("follow-maintain", Stage::FollowUp, "Which habit do you want to protect over the next month?"),
];

/// A set of prompts, in a stable order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PromptLibrary {
    prompts: Vec<Prompt>,
}

impl PromptLibrary {
    /// Afterglow's own library.
    pub fn built_in() -> Self {
        let prompts = BUILT_IN
            .iter()
            .map(|(id, stage, text)| Prompt { id: (*id).to_owned(), stage: *stage, text: (*text).to_owned() })
            .collect();
        Self { prompts }
    }

    /// The prompts written for `stage`, in library order.
    pub fn for_stage(&self, stage: Stage) -> impl Iterator<Item = &Prompt> {
        self.prompts.iter().filter(move |p| p.stage == stage)
    }

    /// The prompt with this id, if the library has it.
    pub fn get(&self, id: &str) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id)
    }

    /// The prompt to offer first for `stage`.
    pub fn first_for(&self, stage: Stage) -> Option<&Prompt> {
        self.for_stage(stage).next()
    }

    /// The prompt after `current` within `stage`, wrapping round. When `current` is not a
    /// prompt of that stage, the stage's first prompt.
    pub fn next_for(&self, stage: Stage, current: Option<&str>) -> Option<&Prompt> {
        let stage_prompts: Vec<&Prompt> = self.for_stage(stage).collect();
        let position = current.and_then(|id| stage_prompts.iter().position(|p| p.id == id));
        match position {
            Some(i) => stage_prompts.get((i + 1) % stage_prompts.len()).copied(),
            None => stage_prompts.first().copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn built_in_ids_are_unique_and_every_stage_has_prompts() {
        let library = PromptLibrary::built_in();
        let ids: HashSet<&str> = library.prompts.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), library.prompts.len(), "duplicate prompt id");
        for stage in Stage::ALL {
            assert!(library.for_stage(stage).count() >= 5, "{stage:?} has too few prompts");
        }
    }

    #[test]
    fn next_cycles_within_the_stage() {
        let library = PromptLibrary::built_in();
        let stage = Stage::Preparation;
        let all: Vec<&str> = library.for_stage(stage).map(|p| p.id.as_str()).collect();
        let mut current = library.first_for(stage).map(|p| p.id.clone());
        let mut seen = vec![current.clone().unwrap()];
        for _ in 1..all.len() {
            current = library.next_for(stage, current.as_deref()).map(|p| p.id.clone());
            seen.push(current.clone().unwrap());
        }
        assert_eq!(seen, all);
        let wrapped = library.next_for(stage, current.as_deref()).unwrap();
        assert_eq!(wrapped.id, all[0]);
    }

    #[test]
    fn next_from_another_stage_starts_at_the_first() {
        let library = PromptLibrary::built_in();
        let next = library.next_for(Stage::Dosing, Some("prep-more-of")).unwrap();
        assert_eq!(next.stage, Stage::Dosing);
        assert_eq!(Some(next), library.first_for(Stage::Dosing));
    }
}
