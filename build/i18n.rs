//! The Spanish table, checked and built (see `src/i18n/mod.rs`): reads the keys of
//! `src/i18n/en.rs` and the texts of `src/i18n/es.txt`, refuses a build where a key is
//! missing, extra or repeated, a text is empty, or a `{placeholder}` differs from the
//! English, and writes the texts in the English table's order, one a line, as
//! `afterglow-es-<hash>.txt` (FNV-1a 64 of the content): into OUT_DIR for the native
//! tests and into `target/i18n/` for `.ci/post-build.mjs` to put beside the journal's
//! files. The journal learns the name through `AFTERGLOW_ES_FILE`.

#[path = "../src/i18n/placeholders.rs"]
mod placeholders;

use placeholders::placeholders;
use std::collections::BTreeMap;
use std::{env, fs, path::Path};

const EN: &str = "src/i18n/en.rs";
const ES: &str = "src/i18n/es.txt";

/// `(key, English as written in Rust)` in the table's order.
fn english(source: &str) -> Vec<(String, String)> {
    let table =
        source.split_once("texts! {").map(|(_, t)| t).unwrap_or_else(|| panic!("{EN}: no `texts! {{` table"));
    let mut keys = Vec::new();
    for line in table.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//") || line == "}" {
            continue;
        }
        let (key, rest) =
            line.split_once(" = \"").unwrap_or_else(|| panic!("{EN}: not `key = \"English\",`: {line}"));
        let text = rest
            .strip_suffix("\",")
            .unwrap_or_else(|| panic!("{EN}: one entry a line, ending in `\",`: {line}"));
        assert!(
            key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{EN}: key {key:?}"
        );
        keys.push((key.to_owned(), text.to_owned()));
    }
    keys
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

pub fn build() {
    println!("cargo:rerun-if-changed={EN}");
    println!("cargo:rerun-if-changed={ES}");
    let en = english(&fs::read_to_string(EN).expect("src/i18n/en.rs is readable"));
    let es_text = fs::read_to_string(ES).expect("src/i18n/es.txt is readable");
    let mut es: BTreeMap<&str, &str> = BTreeMap::new();
    let mut problems = Vec::new();
    for (n, line) in es_text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, text)) = line.split_once(" = ") else {
            problems.push(format!("line {}: not `key = texto`", n + 1));
            continue;
        };
        if text.trim().is_empty() {
            problems.push(format!("{key}: empty"));
        }
        if es.insert(key.trim(), text).is_some() {
            problems.push(format!("{key}: written twice"));
        }
    }
    let mut out = String::new();
    for (key, english) in &en {
        match es.get(key.as_str()) {
            None => problems.push(format!("{key}: missing")),
            Some(text) => {
                if placeholders(english) != placeholders(text) {
                    problems.push(format!(
                        "{key}: placeholders {:?} where English has {:?}",
                        placeholders(text),
                        placeholders(english)
                    ));
                }
                out.push_str(text);
                out.push('\n');
            }
        }
    }
    for key in es.keys() {
        if !en.iter().any(|(k, _)| k == key) {
            problems.push(format!("{key}: not a key of en.rs"));
        }
    }
    assert!(problems.is_empty(), "{ES} does not fit {EN}:\n  {}", problems.join("\n  "));
    let name = format!("afterglow-es-{:016x}.txt", fnv1a(out.as_bytes()));
    println!("cargo:rustc-env=AFTERGLOW_ES_FILE={name}");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("es.txt"), &out).expect("OUT_DIR is writable");
    let shared = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("target/i18n");
    fs::create_dir_all(&shared).expect("target/i18n can be made");
    fs::write(shared.join(&name), &out).expect("target/i18n is writable");
}
