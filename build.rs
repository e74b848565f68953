//! Puts the widget stylesheet together from its parts ([`SHEETS`]: the tokens and the kit
//! in `style/`, each feature's rules beside its code) in one fixed order, the cascade's,
//! and minifies it into OUT_DIR for `ui::shell::mount` to compile in: comments and layout
//! whitespace go, nothing else changes. The source stays readable and commented; the first screen carries about a
//! third fewer stylesheet bytes. Must never change a rule: only whitespace next to
//! `{ } ; , :` and runs of whitespace are touched, and the stylesheet's strings hold no
//! runs of spaces.

// A build script that cannot write its output must stop the build: it reads no journal data.
#![allow(clippy::expect_used)]

use std::{env, fs, path::Path};

#[path = "build/i18n.rs"]
mod i18n;
#[path = "build/lower.rs"]
mod lower;

fn minify(css: &str) -> String {
    // Comments out.
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start + 2..].split_once("*/").map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    // Whitespace runs to one space, then none beside punctuation that never needs it.
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        let tight = |c: char| matches!(c, '{' | '}' | ';' | ',');
        if pending_space
            && !out.is_empty()
            && !tight(c)
            && !out.ends_with(|p: char| tight(p) || p == ':' && c != ':')
        {
            out.push(' ');
        }
        pending_space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
    }
    out
}

/// The stylesheet's parts, in the order the cascade needs: tokens, then the kit, then the
/// features (a later rule of the same weight wins), and the phone's bar last. A new
/// feature's `style.css` is added here, beside its code.
const SHEETS: &[&str] = &[
    "style/tokens.css",
    "style/kit.css",
    "src/ui/shell/style.css",
    "src/ui/mood/style.css",
    "src/ui/share/style.css",
    "src/ui/session_day/style.css",
    "src/ui/goals/style.css",
    "src/ui/staying_well/style.css",
    "src/ui/follow_up/style.css",
    "src/ui/lock/style.css",
    "src/ui/mood/year/style.css",
    "src/ui/shell/bar.css",
];

fn main() {
    // Once any rerun-if-changed is printed Cargo watches only what is listed, not this
    // script: without these lines a change to build/ would reuse an older OUT_DIR.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");
    i18n::build();
    lower::build();
    let mut css = String::new();
    for sheet in SHEETS {
        println!("cargo:rerun-if-changed={sheet}");
        match fs::read_to_string(sheet) {
            Ok(text) => {
                css.push_str(&text);
                css.push('\n');
            }
            Err(e) => panic!("{sheet} is part of the stylesheet and could not be read: {e}"),
        }
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("afterglow.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}
