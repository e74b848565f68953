//! Minifies the widget stylesheet (style/afterglow.css) into OUT_DIR for
//! `ui::shell::mount` to compile in: comments and layout whitespace go, nothing else
//! changes. The source stays readable and commented; the first screen carries about a
//! third fewer stylesheet bytes. Must never change a rule: only whitespace next to
//! `{ } ; , :` and runs of whitespace are touched, and the stylesheet's strings hold no
//! runs of spaces.

use std::{env, fs, path::Path};

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

fn main() {
    let source = "style/afterglow.css";
    println!("cargo:rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("style/afterglow.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("afterglow.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}
