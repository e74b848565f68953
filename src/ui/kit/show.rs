//! `<Show>`, compiled once. Leptos's `<Show>` is generic over its condition and its
//! children's view, so each of Afterglow's seventy was compiled again with its memo, its
//! branch and its view's erasure (about 560 bytes of wasm each, `make profile-owners`).
//! This one takes the condition boxed and the children erased, so there is one copy, and
//! each use adds only its own closures. Same props and behaviour: the condition is
//! memoized, and the children are made again only when it turns true.
//!
//! Must never hold state beyond its condition's memo.

use leptos::prelude::*;

/// Shows `children` while `when` is true, `fallback` (nothing by default) otherwise.
#[component]
pub fn Show(
    /// What is shown while the condition holds.
    children: ChildrenFn,
    /// The condition, tracked.
    when: impl Fn() -> bool + Send + Sync + 'static,
    /// What is shown otherwise.
    #[prop(optional, into)]
    fallback: ViewFn,
) -> impl IntoView {
    shown(Box::new(when), children, fallback)
}

fn shown(when: Box<dyn Fn() -> bool + Send + Sync>, children: ChildrenFn, fallback: ViewFn) -> AnyView {
    let when = ArcMemo::new(move |_| when());
    (move || if when.get() { children() } else { fallback.run() }).into_any()
}
