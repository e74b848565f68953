//! The result: the snippet (or the iframe variant and the host element for the journal's
//! own page), the headers the origins must send, each with a Copy button, a download of
//! the whole as a small HTML file, and a pasted snippet read back into the form by the
//! widget's own reader ([`read_config`]). Must never drop a pasted part silently: what
//! the form has no place for is named.

use crate::config::setup::SetupForm;
use crate::ui::kit::files;
use crate::ui::kit::show::Show;
use crate::ui::shell::mount::{read_config, HOST_SELECTOR};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The result and the paste-back.
#[component]
pub fn Output(form: RwSignal<SetupForm>) -> impl IntoView {
    let iframe = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let notes = Memo::new(move |_| form.with(|f| f.raw().validate().1.len()));
    let unreadable = Memo::new(move |_| form.with(|f| f.unreadable().join(", ")));
    let copy = move |what: &'static str, text: String| {
        spawn_local(async move {
            status.set(match files::copy(&text).await {
                Ok(()) => format!("{what} copied."),
                Err(e) => format!(
                    "Could not copy the {}: {e}. Select the text and copy it yourself.",
                    what.to_lowercase()
                ),
            });
        });
    };
    let blocks = move || {
        form.with(|f| {
            if iframe.get() {
                vec![
                    ("On your clinic's page", "The iframe", f.iframe()),
                    (
                        "In the journal's own index.html, in place of its <div data-afterglow>",
                        "The host element",
                        f.host(),
                    ),
                ]
            } else {
                vec![("On your clinic's page", "The snippet", f.snippet())]
            }
        })
        .into_iter()
        .map(|(title, what, text)| {
            let copied = text.clone();
            view! {
                <figure class="setup-code">
                    <figcaption>{title}</figcaption>
                    <pre tabindex="0"><code>{text}</code></pre>
                    <button type="button" class="setup-button" on:click=move |_| copy(what, copied.clone())>
                        {format!("Copy {}", what.to_lowercase())}
                    </button>
                </figure>
            }
        })
        .collect_view()
    };
    let headers = move || {
        form.with(|f| f.headers(iframe.get()))
            .into_iter()
            .map(|(who, name, value)| {
                let line = format!("{name}: {value}");
                let copied = line.clone();
                view! {
                    <li>
                        <p>{format!("Sent by {who}:")}</p>
                        <pre tabindex="0"><code>{line}</code></pre>
                        <button type="button" class="setup-button" on:click=move |_| copy("The header", copied.clone())>
                            "Copy the header"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let download = move |_| {
        let page = form.with(|f| setup_file(f, iframe.get_untracked()));
        status.set(if files::download("afterglow-setup.html", "text/html", &page) {
            "afterglow-setup.html downloaded.".into()
        } else {
            "The browser did not save the file. Copy the snippet instead.".into()
        });
    };
    view! {
        <section class="setup-output" aria-labelledby="setup-output-title">
            <h2 id="setup-output-title">"Your snippet"</h2>
            <p class="setup-rule" role="status">
                {move || match notes.get() {
                    0 => "Every option is one the journal accepts.".to_owned(),
                    1 => "One option would be refused by the journal: it is marked in the form, and its default is used.".to_owned(),
                    n => format!("{n} options would be refused by the journal: they are marked in the form, and their defaults are used."),
                }}
            </p>
            <Show when=move || !unreadable.with(String::is_empty)>
                <p class="setup-problem" role="status">
                    {move || format!("Not in the snippet until its JSON is corrected: {}.", unreadable.get())}
                </p>
            </Show>
            <fieldset class="setup-toolbar">
                <legend>"How the journal goes on your page"</legend>
                <label>
                    <input type="radio" name="setup-variant" prop:checked=move || !iframe.get() on:change=move |_| iframe.set(false) />
                    " In the page (simplest, when the page runs no third-party scripts)"
                </label>
                <label>
                    <input type="radio" name="setup-variant" prop:checked=move || iframe.get() on:change=move |_| iframe.set(true) />
                    " In an iframe on an origin of its own (when it does)"
                </label>
            </fieldset>
            {blocks}
            <h3>"Headers"</h3>
            <ul class="setup-headers">{headers}</ul>
            <button type="button" class="setup-button" on:click=download>"Download all of it as a file"</button>
            <p class="setup-status" role="status" aria-live="polite">{move || status.get()}</p>
            <PasteBack form=form />
        </section>
    }
}

/// Reading an existing snippet back into the form.
#[component]
fn PasteBack(form: RwSignal<SetupForm>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let notes = RwSignal::new(Vec::<String>::new());
    let load = move |_| {
        let (files, page_origin) = form.with_untracked(|f| (f.files.clone(), f.page_origin.clone()));
        match read_snippet(&text.get_untracked(), &files) {
            Ok((mut loaded, left)) => {
                loaded.page_origin = page_origin;
                form.set(loaded);
                let mut said = vec!["The form now holds the pasted snippet.".to_owned()];
                said.extend(left);
                notes.set(said);
            }
            Err(why) => notes.set(vec![why]),
        }
    };
    view! {
        <h3>"Change an existing setup"</h3>
        <div class="setup-field">
            <label for="setup-paste">"Paste the snippet from your page"</label>
            <p class="setup-rule" id="setup-paste-rule">
                "The whole of it: the script and the element with data-afterglow. Nothing in it is run."
            </p>
            <textarea id="setup-paste" rows="5" spellcheck="false" aria-describedby="setup-paste-rule setup-paste-notes"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button type="button" class="setup-button" on:click=load>"Load it into the form"</button>
            <div id="setup-paste-notes" class="setup-problem" role="status" aria-live="polite">
                {move || notes.get().into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
            </div>
        </div>
    }
}

/// A snippet's host element read as the widget reads it, inert (parsed, never run).
fn read_snippet(text: &str, files: &str) -> Result<(SetupForm, Vec<String>), String> {
    let parser = web_sys::DomParser::new().map_err(|_| "This browser cannot read the snippet.".to_owned())?;
    let document = parser
        .parse_from_string(text, web_sys::SupportedType::TextHtml)
        .map_err(|_| "This browser cannot read the snippet.".to_owned())?;
    let host = document
        .query_selector(HOST_SELECTOR)
        .ok()
        .flatten()
        .ok_or("There is no element with data-afterglow in what was pasted, so the form is unchanged.")?;
    let files = document
        .query_selector("script[src*=\"afterglow.js\"]")
        .ok()
        .flatten()
        .and_then(|s| s.get_attribute("src"))
        .and_then(|src| src.find("afterglow.js").map(|at| src.get(..at).unwrap_or_default().to_owned()))
        .unwrap_or_else(|| files.to_owned());
    let (form, mut left) = SetupForm::from_raw(&read_config(&host), &files);
    let names = host.get_attribute_names();
    for name in
        (0..names.length()).filter_map(|i| names.get(i).as_string()).filter(|n| !n.starts_with("data-"))
    {
        left.push(format!("The attribute {name} is the page's own, not an Afterglow option, so the form has no place for it."));
    }
    let others =
        document.query_selector_all(HOST_SELECTOR).map(|l| l.length()).unwrap_or(1).saturating_sub(1);
    if others > 0 {
        left.push(format!(
            "Only the first element with data-afterglow was read; {others} more were left as they are."
        ));
    }
    Ok((form, left))
}

/// The whole result as a small page the clinic can keep or send on.
fn setup_file(form: &SetupForm, iframe: bool) -> String {
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut body = String::new();
    if iframe {
        body.push_str(&format!("<h2>On your clinic's page</h2>\n<pre>{}</pre>\n", escape(&form.iframe())));
        body.push_str(&format!(
            "<h2>In the journal's own index.html, in place of its &lt;div data-afterglow&gt;</h2>\n<pre>{}</pre>\n",
            escape(&form.host())
        ));
    } else {
        body.push_str(&format!("<h2>On your clinic's page</h2>\n<pre>{}</pre>\n", escape(&form.snippet())));
    }
    body.push_str("<h2>Headers</h2>\n<ul>\n");
    for (who, name, value) in form.headers(iframe) {
        body.push_str(&format!(
            "<li>Sent by {}: <code>{}: {}</code></li>\n",
            escape(who),
            name,
            escape(&value)
        ));
    }
    body.push_str("</ul>\n");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Afterglow setup</title>\n</head>\n<body>\n<h1>Afterglow setup</h1>\n{body}</body>\n</html>\n"
    )
}
