//! Afterglow's words in each language it speaks: English, compiled in (`en.rs`, the one
//! table of every key), and Spanish, written beside it in `es.txt`.
//!
//! Spanish is not compiled into the journal. `build.rs` checks `es.txt` against the
//! English table (a missing, extra or repeated key, or a `{placeholder}` that differs,
//! fails the build), writes its texts in the table's order, one a line, and names the file
//! by a hash of its content; every visit fetches that file, whatever the language (the
//! network never learns which one the patient reads), and an English-speaking patient's
//! first screen carries none of it. [`tr`] answers in the language set with [`use_table`].
//!
//! Pure: no browser, no storage. Must never show a key in place of words: a table that
//! does not fit the English one is refused whole, and English is shown.

mod en;
mod placeholders;

pub use placeholders::placeholders;

pub use en::T;

/// One text: its place in every language's table and its English (see [`T`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    index: u16,
    english: &'static str,
}

impl Text {
    const fn new(index: u16, english: &'static str) -> Text {
        Text { index, english }
    }

    /// The English words.
    pub fn english(self) -> &'static str {
        self.english
    }
}
use std::cell::RefCell;

/// A language Afterglow speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English, compiled in.
    #[default]
    En,
    /// Spanish, from the fetched table.
    Es,
}

impl Lang {
    /// Every language, in the order the choice lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// Reads a language tag as a browser or a clinic writes it (`es`, `es-MX`, `EN-us`);
    /// `None` for a language Afterglow does not speak.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else if primary.eq_ignore_ascii_case("es") {
            Some(Lang::Es)
        } else {
            None
        }
    }

    /// The tag written in storage, in `data-lang` and in `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, as a choice lists it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The first of the browser's languages (most preferred first) that Afterglow speaks.
    pub fn first_spoken<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().find_map(Lang::parse)
    }
}

/// Why a fetched table was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadTable(pub String);

/// Reads a built table (`build.rs`' output: one text a line, in the table's order, `\n`
/// and `\\` escaped). Refuses a table whose count differs: it was built for another
/// version, and a shifted table would show the wrong words.
pub fn read_table(text: &str) -> Result<Vec<String>, BadTable> {
    let values: Vec<String> = text.lines().map(unescape).collect();
    if values.len() != T::COUNT {
        return Err(BadTable(format!("it has {} texts where this version has {}", values.len(), T::COUNT)));
    }
    if let Some(at) = values.iter().position(|v| v.trim().is_empty()) {
        return Err(BadTable(format!("text {} is empty", at + 1)));
    }
    Ok(values)
}

/// `\n` to a line break and `\\` to a backslash; any other escape is kept as written.
pub fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

thread_local! {
    /// The language shown, and its texts when it is not English (leaked once: a page
    /// holds one table for its lifetime, a few dozen KiB).
    static CURRENT: RefCell<(Lang, Option<&'static [String]>)> = const { RefCell::new((Lang::En, None)) };
    /// The language asked for, even when its table could not be used.
    static ASKED: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// Shows `lang` from now on, with its texts (`None` for English). Views read words as they
/// render, so a change shows once the widgets are mounted again.
pub fn use_table(lang: Lang, texts: Option<&'static [String]>) {
    let current = match (lang, texts) {
        (Lang::Es, Some(texts)) if texts.len() == T::COUNT => (Lang::Es, Some(texts)),
        _ => (Lang::En, None),
    };
    CURRENT.with(|c| *c.borrow_mut() = current);
    ASKED.with(|a| a.set(lang));
}

/// Runs `f` with the words of `lang` (its `texts`; `None` for English), then puts the
/// page's language back: for what is written in a language other than the page's (the
/// CSV, always in English; a summary in the language the patient chose for it).
pub fn with_table<R>(lang: Lang, texts: Option<&'static [String]>, f: impl FnOnce() -> R) -> R {
    let (current, asked) = (CURRENT.with(|c| *c.borrow()), asked());
    use_table(lang, texts);
    let out = f();
    CURRENT.with(|c| *c.borrow_mut() = current);
    ASKED.with(|a| a.set(asked));
    out
}

/// A language with its texts, to write something in it whatever the page shows (a
/// summary in the language the patient chose for their therapist).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    /// The language.
    pub lang: Lang,
    /// Its texts (`None` for English).
    pub texts: Option<&'static [String]>,
}

impl Words {
    /// The words of the page as it is shown.
    pub fn shown() -> Words {
        CURRENT.with(|c| {
            let (lang, texts) = *c.borrow();
            Words { lang, texts }
        })
    }

    /// Runs `f` in these words (see [`with_table`]).
    pub fn run<R>(self, f: impl FnOnce() -> R) -> R {
        with_table(self.lang, self.texts, f)
    }
}

/// [`with_table`] in English: for files that must read the same whatever the language.
pub fn in_english<R>(f: impl FnOnce() -> R) -> R {
    with_table(Lang::En, None, f)
}

/// The built Spanish table as [`Words`], for tests that read a text in Spanish (leaked
/// once a test, like a page's table).
#[cfg(test)]
pub(crate) fn spanish() -> Words {
    let built = read_table(include_str!(concat!(env!("OUT_DIR"), "/es.txt"))).expect("the built table reads");
    Words { lang: Lang::Es, texts: Some(Box::leak(built.into_boxed_slice())) }
}

thread_local! {
    /// Whether each language's numbers are written with a decimal comma where the patient
    /// lives (learned from the browser's locale at start; English never).
    static DECIMAL_COMMA: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Says whether Spanish numbers take a decimal comma for this patient (es-ES yes, es-MX no).
pub fn set_spanish_decimal_comma(comma: bool) {
    DECIMAL_COMMA.with(|c| c.set(comma));
}

/// `number`, written with a decimal point, as the patient reads it in the language shown:
/// "4,5" in Spanish where the locale writes a decimal comma, "4.5" otherwise.
pub fn decimal(number: &str) -> String {
    if lang() == Lang::Es && DECIMAL_COMMA.with(std::cell::Cell::get) {
        number.replace('.', ",")
    } else {
        number.to_owned()
    }
}

/// The language asked for: what the words compiled in for both languages follow (the
/// crisis lines), even where the asked language's table could not be fetched.
pub fn asked() -> Lang {
    ASKED.with(std::cell::Cell::get)
}

/// The language being shown.
pub fn lang() -> Lang {
    CURRENT.with(|c| c.borrow().0)
}

/// The words for `key` in the language being shown.
pub fn tr(key: Text) -> &'static str {
    CURRENT.with(|c| match c.borrow().1 {
        Some(texts) => texts.get(usize::from(key.index)).map_or(key.english, String::as_str),
        None => key.english,
    })
}

/// [`tr`] with each `{name}` replaced by its value, in one pass (a value is never read
/// for placeholders itself).
pub fn tr_with(key: Text, values: &[(&str, &str)]) -> String {
    fill(tr(key), values)
}

/// `one` for a count of one, else `other`, with `{n}` filled in: the one way a count is
/// worded (a text of one may leave the number out: "One record…").
pub fn tr_count(n: usize, one: Text, other: Text) -> String {
    tr_with(if n == 1 { one } else { other }, &[("n", &n.to_string())])
}

/// `{name}` in `text` replaced by its value; an unknown `{name}` is kept as written.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let name_end = after.find('}');
        let value = name_end.and_then(|end| {
            let name = after.get(..end)?;
            values.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v, end))
        });
        match value {
            Some((value, end)) => {
                out.push_str(value);
                rest = after.get(end + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
