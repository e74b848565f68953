//! Afterglow's own reflection prompts, written for this project: warm, plain, short.
//!
//! Ids are a promise: entries point at them, so an id is never reused for another
//! question. Dosing prompts come in three sets by time since the last session; the
//! same-day set asks for a word or a phrase at most. Pure data.

use super::prompt::When;
use super::stage::Stage;

/// (id, stage, when, text).
pub(super) const BUILT_IN: &[(&str, Stage, When, &str)] = &[
    // Evaluation: history, symptoms, goals, and whether this fits.
    ("eval-why-now", Stage::Evaluation, When::Any, "What made you look into this treatment now?"),
    ("eval-hard-days", Stage::Evaluation, When::Any, "What does a hard day look like for you at the moment?"),
    (
        "eval-tried",
        Stage::Evaluation,
        When::Any,
        "What have you tried before, and what did each thing teach you?",
    ),
    ("eval-hope", Stage::Evaluation, When::Any, "If this goes well, what would be different in six months?"),
    (
        "eval-worries",
        Stage::Evaluation,
        When::Any,
        "Is there anything about the treatment you feel unsure or worried about?",
    ),
    (
        "eval-support",
        Stage::Evaluation,
        When::Any,
        "Who in your life knows you are doing this, and who would you like to?",
    ),
    (
        "eval-strengths",
        Stage::Evaluation,
        When::Any,
        "What has helped you get through difficult times so far?",
    ),
    (
        "eval-questions",
        Stage::Evaluation,
        When::Any,
        "What questions do you want to bring to your next appointment?",
    ),
    // Preparation: intentions as what one wants more of, blocks, openness, readiness.
    ("prep-more-of", Stage::Preparation, When::Any, "What do you want more of in your life?"),
    ("prep-blocked", Stage::Preparation, When::Any, "What has stood in the way of feeling better before?"),
    ("prep-open-to", Stage::Preparation, When::Any, "What are you open to learning about yourself?"),
    (
        "prep-safe",
        Stage::Preparation,
        When::Any,
        "What helps you feel safe and settled? Music, a blanket, a phrase?",
    ),
    (
        "prep-intention",
        Stage::Preparation,
        When::Any,
        "Put your intention into one sentence you could carry in with you.",
    ),
    (
        "prep-let-go",
        Stage::Preparation,
        When::Any,
        "Is there something you are ready to set down, even for an hour?",
    ),
    (
        "prep-after-plan",
        Stage::Preparation,
        When::Any,
        "How do you want the rest of your dosing days to look: who, where, what to eat, how to rest?",
    ),
    (
        "prep-difficult",
        Stage::Preparation,
        When::Any,
        "If something difficult comes up during a session, what would you like to remind yourself?",
    ),
    // Dosing, the same day: a word or a phrase is enough.
    ("dose-word", Stage::Dosing, When::SameDay, "One word for right now."),
    ("dose-image", Stage::Dosing, When::SameDay, "An image, colour or sound that stayed with you."),
    ("dose-body", Stage::Dosing, When::SameDay, "Where in your body do you feel something now?"),
    ("dose-surprise", Stage::Dosing, When::SameDay, "What surprised you?"),
    ("dose-share", Stage::Dosing, When::SameDay, "Who would you like to tell about this, if anyone?"),
    ("dose-hardest", Stage::Dosing, When::SameDay, "The hardest moment, in a few words."),
    ("dose-best", Stage::Dosing, When::SameDay, "The best moment, in a few words."),
    ("dose-need", Stage::Dosing, When::SameDay, "What do you need for the rest of today?"),
    // Dosing, the next one to three days.
    (
        "dose2-remember",
        Stage::Dosing,
        When::NextDays,
        "What do you remember most clearly now that a day has passed?",
    ),
    (
        "dose2-changed",
        Stage::Dosing,
        When::NextDays,
        "Has anything felt different since the session: sleep, mood, the way you see something?",
    ),
    (
        "dose2-message",
        Stage::Dosing,
        When::NextDays,
        "If the session had a message for you, what might it be?",
    ),
    (
        "dose2-intention",
        Stage::Dosing,
        When::NextDays,
        "How did the session meet the intention you brought in, or not?",
    ),
    ("dose2-feelings", Stage::Dosing, When::NextDays, "Which feelings have come back to visit since?"),
    ("dose2-kind", Stage::Dosing, When::NextDays, "What kind thing could you do for yourself today?"),
    ("dose2-unclear", Stage::Dosing, When::NextDays, "What still feels unclear or unfinished?"),
    (
        "dose2-tell-therapist",
        Stage::Dosing,
        When::NextDays,
        "What do you want to tell your therapist at the next session?",
    ),
    // Dosing, the following weeks.
    (
        "dose3-stayed",
        Stage::Dosing,
        When::Weeks,
        "Which part of the experience has stayed with you over the weeks?",
    ),
    ("dose3-patterns", Stage::Dosing, When::Weeks, "Do you notice the same themes across your sessions?"),
    (
        "dose3-daily",
        Stage::Dosing,
        When::Weeks,
        "Where has something from the sessions shown up in daily life?",
    ),
    (
        "dose3-relationships",
        Stage::Dosing,
        When::Weeks,
        "Has anything shifted in how you relate to the people close to you?",
    ),
    ("dose3-old-habit", Stage::Dosing, When::Weeks, "Is an old habit or thought loosening, or holding on?"),
    ("dose3-next", Stage::Dosing, When::Weeks, "What would you like to bring to your next session?"),
    ("dose3-gratitude", Stage::Dosing, When::Weeks, "What are you grateful for in this process so far?"),
    (
        "dose3-difficult",
        Stage::Dosing,
        When::Weeks,
        "What has been hard since the sessions began, and what has helped?",
    ),
    // Integration: meaning, the story disturbed, control, insight into action.
    ("int-story", Stage::Integration, When::Any, "Which story about yourself did the session unsettle?"),
    ("int-truest", Stage::Integration, When::Any, "What is the truest sentence you can write today?"),
    (
        "int-repeat",
        Stage::Integration,
        When::Any,
        "Is a theme coming back across sessions? What is it asking of you?",
    ),
    ("int-control", Stage::Integration, When::Any, "What is in your control this week, and what is not?"),
    (
        "int-action",
        Stage::Integration,
        When::Any,
        "What is one small thing you could do differently because of what you saw?",
    ),
    ("int-values", Stage::Integration, When::Any, "Which of your values feels clearer now?"),
    (
        "int-compassion",
        Stage::Integration,
        When::Any,
        "How would you speak to a friend who went through what you did?",
    ),
    (
        "int-obstacle",
        Stage::Integration,
        When::Any,
        "What gets in the way of living what you learned, and how could you meet it?",
    ),
    // Follow-up: warning signs, what keeps one well, reaching out, maintenance.
    ("follow-signs", Stage::FollowUp, When::Any, "What early signs tell you an old pattern is coming back?"),
    ("follow-keeps-well", Stage::FollowUp, When::Any, "What has been keeping you well lately?"),
    (
        "follow-reach-out",
        Stage::FollowUp,
        When::Any,
        "When would be the right moment to reach out for support, and to whom?",
    ),
    ("follow-proud", Stage::FollowUp, When::Any, "What are you quietly proud of since treatment began?"),
    (
        "follow-maintain",
        Stage::FollowUp,
        When::Any,
        "Which habit do you want to protect over the next month?",
    ),
    ("follow-setback", Stage::FollowUp, When::Any, "If a hard week comes, what will you do first?"),
    ("follow-compare", Stage::FollowUp, When::Any, "Looking back at your first entries, what has changed?"),
    (
        "follow-unresolved",
        Stage::FollowUp,
        When::Any,
        "What still feels unresolved, and who could help with it?",
    ),
];
