//! Afterglow's own reflection prompts, written for this project: warm, plain, short.
//!
//! Ids are a promise: entries point at them, so an id is never reused for another
//! question. Dosing prompts come in three sets by time since the last session; the
//! same-day set asks for a word or a phrase at most. Pure data. The words are in
//! `crate::i18n` (the same id in every language, so an entry keeps pointing at its prompt).

use super::prompt::When;
use super::stage::Stage;
use crate::i18n::{Text, T};

/// (id, stage, when, the words' key in `crate::i18n`: English in `en.rs`, Spanish in `es.txt`).
pub(super) const BUILT_IN: &[(&str, Stage, When, Text)] = &[
    // Evaluation: history, symptoms, goals, and whether this fits.
    ("eval-why-now", Stage::Evaluation, When::Any, T::p_eval_why_now),
    ("eval-hard-days", Stage::Evaluation, When::Any, T::p_eval_hard_days),
    ("eval-tried", Stage::Evaluation, When::Any, T::p_eval_tried),
    ("eval-hope", Stage::Evaluation, When::Any, T::p_eval_hope),
    ("eval-worries", Stage::Evaluation, When::Any, T::p_eval_worries),
    ("eval-support", Stage::Evaluation, When::Any, T::p_eval_support),
    ("eval-strengths", Stage::Evaluation, When::Any, T::p_eval_strengths),
    ("eval-questions", Stage::Evaluation, When::Any, T::p_eval_questions),
    // Preparation: intentions as what one wants more of, blocks, openness, readiness.
    ("prep-more-of", Stage::Preparation, When::Any, T::p_prep_more_of),
    ("prep-blocked", Stage::Preparation, When::Any, T::p_prep_blocked),
    ("prep-open-to", Stage::Preparation, When::Any, T::p_prep_open_to),
    ("prep-safe", Stage::Preparation, When::Any, T::p_prep_safe),
    ("prep-intention", Stage::Preparation, When::Any, T::p_prep_intention),
    ("prep-let-go", Stage::Preparation, When::Any, T::p_prep_let_go),
    ("prep-after-plan", Stage::Preparation, When::Any, T::p_prep_after_plan),
    ("prep-difficult", Stage::Preparation, When::Any, T::p_prep_difficult),
    // Dosing, the same day: a word or a phrase is enough.
    ("dose-word", Stage::Dosing, When::SameDay, T::p_dose_word),
    ("dose-image", Stage::Dosing, When::SameDay, T::p_dose_image),
    ("dose-body", Stage::Dosing, When::SameDay, T::p_dose_body),
    ("dose-surprise", Stage::Dosing, When::SameDay, T::p_dose_surprise),
    ("dose-share", Stage::Dosing, When::SameDay, T::p_dose_share),
    ("dose-hardest", Stage::Dosing, When::SameDay, T::p_dose_hardest),
    ("dose-best", Stage::Dosing, When::SameDay, T::p_dose_best),
    ("dose-need", Stage::Dosing, When::SameDay, T::p_dose_need),
    // Dosing, the next one to three days.
    ("dose2-remember", Stage::Dosing, When::NextDays, T::p_dose2_remember),
    ("dose2-changed", Stage::Dosing, When::NextDays, T::p_dose2_changed),
    ("dose2-message", Stage::Dosing, When::NextDays, T::p_dose2_message),
    ("dose2-intention", Stage::Dosing, When::NextDays, T::p_dose2_intention),
    ("dose2-feelings", Stage::Dosing, When::NextDays, T::p_dose2_feelings),
    ("dose2-kind", Stage::Dosing, When::NextDays, T::p_dose2_kind),
    ("dose2-unclear", Stage::Dosing, When::NextDays, T::p_dose2_unclear),
    ("dose2-tell-therapist", Stage::Dosing, When::NextDays, T::p_dose2_tell_therapist),
    // Dosing, the following weeks.
    ("dose3-stayed", Stage::Dosing, When::Weeks, T::p_dose3_stayed),
    ("dose3-patterns", Stage::Dosing, When::Weeks, T::p_dose3_patterns),
    ("dose3-daily", Stage::Dosing, When::Weeks, T::p_dose3_daily),
    ("dose3-relationships", Stage::Dosing, When::Weeks, T::p_dose3_relationships),
    ("dose3-old-habit", Stage::Dosing, When::Weeks, T::p_dose3_old_habit),
    ("dose3-next", Stage::Dosing, When::Weeks, T::p_dose3_next),
    ("dose3-gratitude", Stage::Dosing, When::Weeks, T::p_dose3_gratitude),
    ("dose3-difficult", Stage::Dosing, When::Weeks, T::p_dose3_difficult),
    // Integration: meaning, the story disturbed, control, insight into action.
    ("int-story", Stage::Integration, When::Any, T::p_int_story),
    ("int-truest", Stage::Integration, When::Any, T::p_int_truest),
    ("int-repeat", Stage::Integration, When::Any, T::p_int_repeat),
    ("int-control", Stage::Integration, When::Any, T::p_int_control),
    ("int-action", Stage::Integration, When::Any, T::p_int_action),
    ("int-values", Stage::Integration, When::Any, T::p_int_values),
    ("int-compassion", Stage::Integration, When::Any, T::p_int_compassion),
    ("int-obstacle", Stage::Integration, When::Any, T::p_int_obstacle),
    // Follow-up: warning signs, what keeps one well, reaching out, maintenance.
    ("follow-signs", Stage::FollowUp, When::Any, T::p_follow_signs),
    ("follow-keeps-well", Stage::FollowUp, When::Any, T::p_follow_keeps_well),
    ("follow-reach-out", Stage::FollowUp, When::Any, T::p_follow_reach_out),
    ("follow-proud", Stage::FollowUp, When::Any, T::p_follow_proud),
    ("follow-maintain", Stage::FollowUp, When::Any, T::p_follow_maintain),
    ("follow-setback", Stage::FollowUp, When::Any, T::p_follow_setback),
    ("follow-compare", Stage::FollowUp, When::Any, T::p_follow_compare),
    ("follow-unresolved", Stage::FollowUp, When::Any, T::p_follow_unresolved),
];
