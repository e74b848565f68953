//! The questionnaires' own words, kept apart from their rules: items verbatim from the
//! official forms, their answer labels, instructions and attributions. Sources, with
//! every variant seen, are in `tests/fixtures/questionnaire-sources/`.
//!
//! Where a paper form's instruction describes paper ("circle one of the numbers", "put a
//! tick in the box"), the screen's instruction is marked adapted (`T::q_adapted`); items
//! and answer labels are never changed.

/// PHQ-9 items (Pfizer's form).
pub const PHQ9_ITEMS: [&str; 9] = [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself \u{2014} or that you are a failure or have let yourself or your family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite \u{2014} being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
];

/// GAD-7 items.
pub const GAD7_ITEMS: [&str; 7] = [
    "Feeling nervous, anxious or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid, as if something awful might happen",
];

/// WHO-5 items (1998 version).
pub const WHO5_ITEMS: [&str; 5] = [
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
];

/// PCL-5 items (standard form, past month, 11 April 2018; unchanged on the 29 August 2023
/// form). Item 17's quotation marks are typographic (U+201C, U+201D), as in the copies taken
/// from the VA's PDF; the straight ones seen are re-typed reprints.
pub const PCL5_ITEMS: [&str; 20] = [
    "Repeated, disturbing, and unwanted memories of the stressful experience?",
    "Repeated, disturbing dreams of the stressful experience?",
    "Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?",
    "Feeling very upset when something reminded you of the stressful experience?",
    "Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?",
    "Avoiding memories, thoughts, or feelings related to the stressful experience?",
    "Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?",
    "Trouble remembering important parts of the stressful experience?",
    "Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?",
    "Blaming yourself or someone else for the stressful experience or what happened after it?",
    "Having strong negative feelings such as fear, horror, anger, guilt, or shame?",
    "Loss of interest in activities that you used to enjoy?",
    "Feeling distant or cut off from other people?",
    "Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?",
    "Irritable behavior, angry outbursts, or acting aggressively?",
    "Taking too many risks or doing things that could cause you harm?",
    "Being \u{201c}superalert\u{201d} or watchful or on guard?",
    "Feeling jumpy or easily startled?",
    "Having difficulty concentrating?",
    "Trouble falling or staying asleep?",
];

/// PHQ-9 and GAD-7 answers, 0 to 3, in the form's order.
pub const PHQ_OPTIONS: [(u8, &str); 4] =
    [(0, "Not at all"), (1, "Several days"), (2, "More than half the days"), (3, "Nearly every day")];

/// WHO-5 answers, in the form's order (5 first: higher numbers mean better well-being).
pub const WHO5_OPTIONS: [(u8, &str); 6] = [
    (5, "All of the time"),
    (4, "Most of the time"),
    (3, "More than half of the time"),
    (2, "Less than half of the time"),
    (1, "Some of the time"),
    (0, "At no time"),
];

/// PCL-5 answers, 0 to 4.
pub const PCL5_OPTIONS: [(u8, &str); 5] =
    [(0, "Not at all"), (1, "A little bit"), (2, "Moderately"), (3, "Quite a bit"), (4, "Extremely")];

/// PHQ-9 and GAD-7 attribution, shown with them.
pub const PHQ_ATTRIBUTION: &str = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.";

/// WHO-5 attribution (its source must be cited) and the review its cut-offs come from.
pub const WHO5_ATTRIBUTION: &str = "WHO-Five Well-Being Index (WHO-5), 1998 version. Psychiatric Research Unit, WHO Collaborating Center in Mental Health, Frederiksborg General Hospital, DK-3400 Hillerød, Denmark. Free to use; the source must be cited. Cut-offs: Topp, C.W., Østergaard, S.D., Søndergaard, S., & Bech, P. (2015). The WHO-5 Well-Being Index: A Systematic Review of the Literature. Psychotherapy and Psychosomatics, 84(3), 167-176.";

/// PCL-5 attribution (public domain, from the US National Center for PTSD).
pub const PCL5_ATTRIBUTION: &str = "Weathers, F. W., Litz, B. T., Keane, T. M., Palmieri, P. A., Marx, B. P., & Schnurr, P. P. (2013). The PTSD Checklist for DSM-5 (PCL-5) \u{2013} Standard [Measurement instrument]. Available from https://www.ptsd.va.gov/. In the public domain.";

/// WHO-5 instruction: the form's first paragraph, verbatim. Its example ("put a tick in
/// the box …") describes the paper form and is left out.
pub const WHO5_INSTRUCTION: &str = "Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks. Notice that higher numbers mean better well-being.";

/// PCL-5 instruction, adapted for a screen: "circle one of the numbers to the right"
/// becomes "choose one of the answers".
pub const PCL5_INSTRUCTION: &str = "Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then choose one of the answers to indicate how much you have been bothered by that problem in the past month.";
