//! Hello, world in Leptos: the smallest page to compare Afterglow's size and start with.
//! Marks `ag:mounted` as Afterglow does, so the benchmark times both the same way.

use leptos::prelude::*;

fn main() {
    mount_to_body(|| view! { <p>"Hello, world"</p> });
    if let Some(p) = window().performance() {
        let _ = p.mark("ag:mounted");
    }
}
