use super::*;
use chrono::TimeZone;

fn result(instrument: Instrument, answers: &[u8]) -> QuestionnaireResult {
    let at = Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap();
    let given: Vec<Option<u8>> = answers.iter().map(|a| Some(*a)).collect();
    QuestionnaireResult::complete(RecordId::generate(1, 1), at, instrument, &given).unwrap()
}

#[test]
fn item_counts_answers_and_maxima() {
    let shape = |i: Instrument| (i.items().len(), i.max_answer(), i.max_score());
    assert_eq!(shape(Instrument::Phq9), (9, 3, 27));
    assert_eq!(shape(Instrument::Gad7), (7, 3, 21));
    assert_eq!(shape(Instrument::Who5), (5, 5, 100), "raw 0-25 times 4");
    assert_eq!(shape(Instrument::Pcl5), (20, 4, 80));
    assert!(Instrument::Phq9.items()[8].starts_with("Thoughts that you would be better off dead"));
    for i in Instrument::ALL {
        assert_eq!(Instrument::from_slug(i.slug()), Some(i));
        assert_eq!(i.bands()[0].0, 0, "{} bands start at 0", i.name());
        assert!(i.bands().windows(2).all(|w| w[0].0 < w[1].0));
        assert!(!i.attribution().is_empty());
    }
    assert_eq!(Instrument::DEFAULT, [Instrument::Phq9, Instrument::Gad7]);
}

#[test]
fn the_items_are_the_forms_own() {
    // Spot checks against tests/fixtures/questionnaire-sources/who5-pcl5.md.
    assert_eq!(Instrument::Who5.items()[3], "I woke up feeling fresh and rested");
    assert_eq!(Instrument::Who5.options()[0], (5, "All of the time"));
    assert_eq!(Instrument::Who5.options()[5], (0, "At no time"));
    assert_eq!(Instrument::Pcl5.items()[16], "Being \u{201c}superalert\u{201d} or watchful or on guard?");
    assert!(Instrument::Pcl5.items().iter().all(|i| i.ends_with('?')));
    assert!(Instrument::Pcl5.items()[8].contains("having thoughts such as: I am bad,"));
    assert_eq!(
        Instrument::Pcl5.options().iter().map(|(_, l)| *l).collect::<Vec<_>>(),
        ["Not at all", "A little bit", "Moderately", "Quite a bit", "Extremely"]
    );
    assert!(Instrument::Who5.attribution().contains("WHO Collaborating Center in Mental Health"));
    assert!(
        Instrument::Pcl5.attribution().contains("National Center for PTSD")
            || Instrument::Pcl5.attribution().contains("ptsd.va.gov")
    );
    assert!(Instrument::Who5.adapted() && Instrument::Pcl5.adapted() && !Instrument::Phq9.adapted());
}

#[test]
fn who5_is_the_raw_score_times_four_with_its_published_cut_offs() {
    // All of the time on every item: raw 25, 100.
    assert_eq!(result(Instrument::Who5, &[5, 5, 5, 5, 5]).score(), 100);
    assert_eq!(result(Instrument::Who5, &[0, 0, 0, 0, 0]).score(), 0);
    // Raw 13 (52): above 50. Raw 12 (48): the form's "below 13", low well-being.
    let r = result(Instrument::Who5, &[3, 3, 3, 2, 2]);
    assert_eq!((r.score(), r.band()), (52, Band::AboveLow));
    let r = result(Instrument::Who5, &[3, 3, 2, 2, 2]);
    assert_eq!((r.score(), r.band()), (48, Band::LowWellBeing));
    // 50 or less: the whole range down to 29; 28 or less (raw 7): likely depression.
    assert_eq!(Instrument::Who5.band(50), Band::LowWellBeing);
    assert_eq!(Instrument::Who5.band(29), Band::LowWellBeing);
    assert_eq!(Instrument::Who5.band(28), Band::LikelyDepression);
    let r = result(Instrument::Who5, &[2, 2, 1, 1, 1]);
    assert_eq!((r.score(), r.band()), (28, Band::LikelyDepression));
    assert!(Instrument::Who5.higher_is_better());
    // An answer above 5 is not one of the form's.
    let bad = [Some(6), Some(5), Some(5), Some(5), Some(5)];
    let at = Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap();
    assert!(QuestionnaireResult::complete(RecordId::generate(1, 1), at, Instrument::Who5, &bad).is_err());
}

#[test]
fn pcl5_sums_twenty_items_against_the_provisional_cut_off() {
    assert_eq!(result(Instrument::Pcl5, &[4; 20]).score(), 80);
    let mut answers = [1u8; 20];
    assert_eq!(result(Instrument::Pcl5, &answers).score(), 20);
    answers[..11].copy_from_slice(&[2; 11]);
    // 11 twos and 9 ones: 31, the bottom of the cut-off range.
    let r = result(Instrument::Pcl5, &answers);
    assert_eq!((r.score(), r.band()), (31, Band::AtCutoff));
    assert_eq!(Instrument::Pcl5.band(30), Band::BelowCutoff);
    assert_eq!(Instrument::Pcl5.band(33), Band::AtCutoff);
    assert_eq!(Instrument::Pcl5.band(34), Band::AboveCutoff);
    assert!(!Instrument::Pcl5.higher_is_better());
    let at = Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap();
    let five: Vec<Option<u8>> = (0..20).map(|i| Some(if i == 0 { 5 } else { 0 })).collect();
    assert!(QuestionnaireResult::complete(RecordId::generate(1, 1), at, Instrument::Pcl5, &five).is_err());
}

#[test]
fn phq9_and_gad7_keep_their_bands_and_only_phq9_item_9_calls_for_help() {
    assert_eq!(Instrument::Phq9.band(4), Band::Minimal);
    assert_eq!(Instrument::Phq9.band(15), Band::ModeratelySevere);
    assert_eq!(Instrument::Gad7.band(15), Band::Severe);
    let mut answers = vec![Some(0); 9];
    answers[8] = Some(1);
    assert!(needs_crisis_support(Instrument::Phq9, &answers));
    for other in [Instrument::Gad7, Instrument::Who5, Instrument::Pcl5] {
        let any: Vec<Option<u8>> = vec![Some(1); other.items().len()];
        assert!(!needs_crisis_support(other, &any), "{}", other.name());
    }
    // The readings of the new ones say they are screens and leave meaning to the team.
    for i in [Instrument::Who5, Instrument::Pcl5] {
        let text = i.reading().unwrap();
        assert!(text.contains("not a diagnosis") && text.contains("your team"), "{text}");
    }
}

#[test]
fn each_attribution_is_shown_once_whatever_the_clinics_order() {
    use Instrument::*;
    let named = attributions(&[Phq9, Who5, Gad7]);
    assert_eq!(named, [PHQ_ATTRIBUTION, WHO5_ATTRIBUTION], "PHQ-9 and GAD-7 share one, apart or not");
    assert_eq!(attributions(&[Pcl5, Gad7, Who5, Phq9]).len(), 3);
    assert_eq!(attributions(&[]), Vec::<&str>::new());
}

/// The items listed between `<!-- items:{name} -->` and `<!-- /items -->` in the sources file,
/// each without its "N. " number (which must run 1, 2, 3 ...).
fn listed_items(sources: &'static str, name: &str) -> Vec<&'static str> {
    let open = format!("<!-- items:{name} -->");
    let start = sources.find(&open).unwrap_or_else(|| panic!("the sources have no {open} block"));
    let block = &sources[start + open.len()..];
    let end = block.find("<!-- /items -->").unwrap_or_else(|| panic!("the {name} block is never closed"));
    block[..end]
        .lines()
        .filter(|line| !line.is_empty())
        .enumerate()
        .map(|(i, line)| {
            let number = format!("{}. ", i + 1);
            line.strip_prefix(&number)
                .unwrap_or_else(|| panic!("{name} line {} should start with {number:?}: {line:?}", i + 1))
        })
        .collect()
}

#[test]
fn every_who5_and_pcl5_item_is_word_for_word_the_sources() {
    const SOURCES: &str = include_str!("../../../tests/fixtures/questionnaire-sources/who5-pcl5.md");
    let who5 = listed_items(SOURCES, "who5");
    let pcl5 = listed_items(SOURCES, "pcl5");
    assert_eq!((who5.len(), pcl5.len()), (5, 20), "25 items in all");
    for (instrument, listed) in [(Instrument::Who5, who5), (Instrument::Pcl5, pcl5)] {
        assert_eq!(instrument.items(), listed.as_slice(), "{} items against the sources", instrument.name());
    }
}

/// The lines inside the sources file's fenced blocks: where it gives a stem, an answer
/// list, an instruction or an attribution as the proposed verbatim string.
fn fenced_lines(sources: &'static str) -> Vec<&'static str> {
    sources
        .split("```")
        .skip(1)
        .step_by(2)
        .flat_map(str::lines)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn in_spanish_every_phq9_gad7_and_who5_text_is_word_for_word_the_official_forms() {
    use crate::i18n::{read_table, with_table, Lang};
    use Instrument::*;
    const SOURCES: &str = include_str!("../../../tests/fixtures/questionnaire-sources/es-phq9-gad7-who5.md");
    let built = read_table(include_str!(concat!(env!("OUT_DIR"), "/es.txt"))).expect("the built table reads");
    let table: &'static [String] = Box::leak(built.into_boxed_slice());
    let fenced = fenced_lines(SOURCES);
    with_table(Lang::Es, Some(table), || {
        for (instrument, name, count) in [(Phq9, "phq9_es", 9), (Gad7, "gad7_es", 7), (Who5, "who5_es", 5)] {
            let mut listed = listed_items(SOURCES, name);
            assert_eq!(listed.len(), count);
            if instrument == Who5 {
                // The one change, marked on the form (`words_note`) as the WHO-5 site asks:
                // the official PDF's misprint "descandado" shown as "descansado".
                assert_eq!(listed[3], "Me he despertado fresco y descandado");
                listed[3] = "Me he despertado fresco y descansado";
                assert!(instrument.words_note().is_some_and(|n| n.contains("descandado")));
            }
            assert_eq!(instrument.items_shown(), listed, "{} items against the sources", instrument.name());
            assert!(fenced.contains(&instrument.stem_shown()), "{} stem", instrument.name());
            for (value, answer) in instrument.options_shown() {
                let line = format!("{value} = {answer}");
                assert!(fenced.contains(&line.as_str()), "{} answer {line}", instrument.name());
            }
            if let Some(instruction) = instrument.instruction_shown() {
                assert!(fenced.contains(&instruction), "{} instruction", instrument.name());
            }
            assert_eq!(instrument.lang_shown(), Lang::Es);
        }
        assert!(fenced.contains(&Phq9.attribution_shown()), "the Spanish forms' own footer");
        assert_eq!(Gad7.attribution_shown(), Phq9.attribution_shown());
        // The WHO-5's citation keeps its names, places and reference as published.
        assert!(Who5
            .attribution_shown()
            .contains("Psychiatric Research Unit, WHO Collaborating Center in Mental Health"));
        // No official Spanish PCL-5: it stays in its published English, and says so.
        assert_eq!(Pcl5.items_shown(), Pcl5.items());
        assert_eq!((Pcl5.stem_shown(), Pcl5.options_shown()), (Pcl5.stem(), Pcl5.options().to_vec()));
        assert_eq!((Pcl5.lang_shown(), Pcl5.attribution_shown()), (Lang::En, Pcl5.attribution()));
        assert!(Pcl5.words_note().is_some_and(|n| n.contains("inglés")));
        // Scores, bands and the item-9 rule are the language's business not at all.
        assert_eq!((Phq9.band(12), Phq9.band(12).label()), (Band::Moderate, "moderado"));
        assert!(needs_crisis_support(Phq9, &[Some(0); 8].into_iter().chain([Some(1)]).collect::<Vec<_>>()));
    });
    assert_eq!(Phq9.band(12).label(), "moderate");
}
