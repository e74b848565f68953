//! One stable sort for all of Afterglow. Every `sort_by` on a new element type or with a
//! new closure compiles to its own copy of the standard library's sort (about 4.5 KB of
//! wasm apiece); these helpers sort indices through one `dyn` comparator instead, so the
//! wasm carries that sort once, and each caller only a small rearranging loop. Measured
//! with `make sizes` when the last ten callers moved here (see the commit).
//!
//! Pure. Must never change an order: every helper is stable, like `slice::sort_by`, so
//! equal elements keep the order they came in.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// The stable order of `len` items under `cmp`, as indices: the one place that sorts.
pub(crate) fn stable_order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    #[allow(clippy::disallowed_methods, reason = "the one sort the others call")]
    order.sort_by(|a, b| cmp(*a, *b));
    order
}

/// `items` rearranged into `order` (a permutation of their indices), in place. The
/// swaps are worked out once, without knowing the element type; per type there is only
/// the loop that makes them.
pub(crate) fn permuted<T>(mut items: Vec<T>, order: &[usize]) -> Vec<T> {
    for (a, b) in swaps(order) {
        if a.max(b) < items.len() {
            items.swap(a, b);
        }
    }
    items
}

/// The swaps that put the item at `order[k]` into place `k` for every `k`: each cycle of
/// the permutation, followed from its smallest place. Indices outside `order` are left
/// alone (a permutation has none).
pub(crate) fn swaps(order: &[usize]) -> Vec<(usize, usize)> {
    let mut done = vec![false; order.len()];
    let mut out = Vec::with_capacity(order.len());
    for start in 0..order.len() {
        let mut at = start;
        while let (Some(false), Some(&next)) = (done.get(at).copied(), order.get(at)) {
            if let Some(d) = done.get_mut(at) {
                *d = true;
            }
            if next == start || next >= order.len() {
                break;
            }
            out.push((at, next));
            at = next;
        }
    }
    out
}

/// Sorts `items` by `cmp`, stably (as `slice::sort_by`).
#[allow(clippy::indexing_slicing, reason = "the comparator gets indices 0..len of the list it indexes")]
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| cmp(&items[a], &items[b]));
    *items = permuted(std::mem::take(items), &order);
}

/// Sorts `items` by `key`, stably (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably (as `slice::sort`).
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// A set of `items`, inserted one by one: `collect()` into a `BTreeSet` sorts them first,
/// with a copy of the sort for each element type.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// A map of `pairs`, inserted one by one (a later key replaces an earlier one, as with
/// `collect()`, which sorts them first with a copy of the sort for each pair type).
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(pairs);
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        let mut state = 11u64;
        let mut next = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 40) as u32 % 50
        };
        for len in [0, 1, 2, 3, 17, 300] {
            let items: Vec<(u32, usize)> = (0..len).map(|i| (next(), i)).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |(k, _)| *k);
            let mut std = items.clone();
            std.sort_by_key(|(k, _)| *k);
            assert_eq!(ours, std, "length {len}");
            let mut natural = items.clone();
            sort(&mut natural);
            let mut std = items;
            std.sort();
            assert_eq!(natural, std);
        }
    }

    #[test]
    fn sets_and_maps_match_collect() {
        let items = [5, 3, 5, 1, 9, 3];
        assert_eq!(set_of(items), items.into_iter().collect::<BTreeSet<_>>());
        let pairs = [(2, "b"), (1, "a"), (2, "c")];
        assert_eq!(map_of(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
    }

    #[test]
    fn permuted_puts_each_item_where_the_order_says() {
        let items: Vec<char> = "abcdefg".chars().collect();
        for order in [
            vec![0, 1, 2, 3, 4, 5, 6],
            vec![6, 5, 4, 3, 2, 1, 0],
            vec![1, 2, 0, 4, 3, 6, 5],
            vec![3, 0, 6, 1, 5, 2, 4],
        ] {
            let expected: Vec<char> = order.iter().map(|&i| items[i]).collect();
            assert_eq!(permuted(items.clone(), &order), expected, "{order:?}");
        }
        assert_eq!(permuted(Vec::<u8>::new(), &[]), Vec::<u8>::new());
    }

    #[test]
    fn sort_by_takes_any_comparator() {
        let mut words = vec!["pear", "Fig", "apple", "fig"];
        sort_by(&mut words, |a, b| a.to_ascii_lowercase().cmp(&b.to_ascii_lowercase()));
        assert_eq!(words, ["apple", "Fig", "fig", "pear"]);
    }
}
