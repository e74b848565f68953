//! The UI kit's list and condition in a real browser: `ui::kit::keyed` keeps an unchanged
//! row's element (with whatever the patient had open in it) and makes a new one for an
//! edited record, as Leptos's `<For>` did; `ui::kit::show::Show` follows its condition
//! and shows its fallback otherwise, as Leptos's `<Show>` did.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test web_kit` (headless
//! Chromium through wasm-bindgen-test-runner, .cargo/config.toml).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use afterglow::domain::{JournalEntry, Stage};
use afterglow::ui::kit::keyed::records;
use afterglow::ui::kit::show::Show;
use chrono::DateTime;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn entry(millis: i64, text: &str) -> JournalEntry {
    common::entry_in(Stage::Integration, millis, 7, text)
}

fn holder() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn items(holder: &web_sys::HtmlElement) -> Vec<web_sys::Element> {
    let list = holder.query_selector_all("li").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

#[wasm_bindgen_test]
async fn an_unchanged_row_keeps_its_element_and_an_edited_one_is_made_again() {
    let holder = holder();
    let entries = RwSignal::new(vec![entry(1_700_000_000_000, "first"), entry(1_700_000_100_000, "second")]);
    let _mounted = leptos::mount::mount_to(holder.clone(), move || {
        view! { <ul>{records(move || entries.get(), |e| view! { <li>{e.text.clone()}</li> }.into_any())}</ul> }
    });
    tick().await;
    let before = items(&holder);
    assert_eq!(before.iter().map(|li| li.text_content().unwrap()).collect::<Vec<_>>(), ["first", "second"]);

    entries.update(|list| {
        list[1].text = "second, edited".into();
        list[1].edited = DateTime::from_timestamp_millis(1_700_000_200_000).unwrap();
        list.push(entry(1_700_000_300_000, "third"));
    });
    tick().await;
    let after = items(&holder);
    let words: Vec<_> = after.iter().map(|li| li.text_content().unwrap()).collect();
    assert_eq!(words, ["first", "second, edited", "third"]);
    assert!(after[0].is_same_node(Some(&before[0])), "the unchanged row keeps its element");
    assert!(!after[1].is_same_node(Some(&before[1])), "the edited row is made again");

    entries.update(|list| {
        list.remove(0);
    });
    tick().await;
    let words: Vec<_> = items(&holder).iter().map(|li| li.text_content().unwrap()).collect();
    assert_eq!(words, ["second, edited", "third"]);
    holder.remove();
}

#[wasm_bindgen_test]
async fn show_follows_its_condition_and_shows_its_fallback_otherwise() {
    let holder = holder();
    let on = RwSignal::new(false);
    let _mounted = leptos::mount::mount_to(holder.clone(), move || {
        view! {
            <Show when=move || on.get() fallback=|| view! { <p class="off">"off"</p> }>
                <p class="on">"on"</p>
            </Show>
        }
    });
    tick().await;
    let shows = |class: &str| holder.query_selector(class).unwrap().is_some();
    assert!(shows(".off") && !shows(".on"));
    on.set(true);
    tick().await;
    assert!(shows(".on") && !shows(".off"));
    on.set(false);
    tick().await;
    assert!(shows(".off") && !shows(".on"));
    holder.remove();
}
