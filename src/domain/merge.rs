//! Two tabs' versions of one text, made from the same starting point, joined without
//! losing either: a side that did not change takes the other's; two changes that differ
//! are both kept, mine first. The rule entries follow, for the plans' answers. Pure.

/// Joins `mine` and `theirs`, both edited from `base`. Returns the text and whether both
/// changed it differently (then both are in it, apart).
pub fn three_way(base: &str, mine: &str, theirs: &str) -> (String, bool) {
    if mine == theirs || theirs == base {
        (mine.to_owned(), false)
    } else if mine == base || mine.trim().is_empty() {
        (theirs.to_owned(), false)
    } else if theirs.trim().is_empty() || mine.contains(theirs.trim()) {
        (mine.to_owned(), false)
    } else if theirs.contains(mine.trim()) {
        (theirs.to_owned(), false)
    } else {
        (format!("{}\n\n{}", mine.trim_end(), theirs.trim()), true)
    }
}

/// [`three_way`] for each of a plan's answers; whether any was changed on both sides.
#[allow(clippy::indexing_slicing, reason = "`from_fn` gives indices 0..N of arrays of length N")]
pub fn answers<const N: usize>(
    base: &[String; N],
    mine: &[String; N],
    theirs: &[String; N],
) -> ([String; N], bool) {
    let mut both = false;
    let joined = std::array::from_fn(|i| {
        let (text, conflict) = three_way(&base[i], &mine[i], &theirs[i]);
        both |= conflict;
        text
    });
    (joined, both)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_side_that_did_not_change_takes_the_other() {
        assert_eq!(three_way("a", "a", "b"), ("b".into(), false));
        assert_eq!(three_way("a", "b", "a"), ("b".into(), false));
        assert_eq!(three_way("a", "b", "b"), ("b".into(), false));
    }

    #[test]
    fn two_changes_keep_both_texts() {
        assert_eq!(three_way("walk", "walk the dog", "call Sam"), ("walk the dog\n\ncall Sam".into(), true));
        // One typed further than the other: the longer is taken, nothing lost.
        assert_eq!(three_way("", "Sleeping", "Sleeping past noon"), ("Sleeping past noon".into(), false));
    }

    #[test]
    fn each_answer_is_joined_on_its_own() {
        let base = [String::new(), String::new(), "x".to_owned()];
        let a = ["step one".to_owned(), String::new(), "x".to_owned()];
        let b = [String::new(), "step four".to_owned(), "y".to_owned()];
        let (joined, both) = answers(&base, &a, &b);
        assert_eq!(joined, ["step one".to_owned(), "step four".to_owned(), "y".to_owned()]);
        assert!(!both);
    }
}
