//! The setup form: every option of the README's tables, grouped the way a clinic thinks,
//! each with its rule in plain words and, as it is typed, what the journal would make of
//! it (the widget's own messages). A refused accent gets the nearest colour that passes.
//! Must never hold a rule of its own: every check is `config`'s.

use crate::config::look::Rgb;
use crate::config::setup::{nearest_accent, section_problems, SetupForm};
use crate::config::ConfigProblem;
use crate::ui::setup::rows::SectionRows;
use leptos::prelude::*;

/// How an option is typed.
enum Input {
    /// One line of text, with an example.
    Text(&'static str),
    /// One of a few values; the empty one is the journal's default.
    Choice(&'static [(&'static str, &'static str)]),
    /// A JSON section of the configuration child, with an example.
    Json(&'static str),
}

/// One option.
struct Field {
    /// The attribute or JSON key.
    name: &'static str,
    label: &'static str,
    rule: &'static str,
    input: Input,
}

/// Options that belong together.
struct Group {
    title: &'static str,
    fields: &'static [Field],
}

const STAGES: &[(&str, &str)] = &[
    ("", "Afterglow's default (evaluation)"),
    ("evaluation", "Evaluation"),
    ("preparation", "Preparation"),
    ("dosing", "Dosing"),
    ("integration", "Integration"),
    ("follow-up", "Follow-up"),
];
const THEMES: &[(&str, &str)] = &[
    ("", "Afterglow's default (the device's)"),
    ("auto", "The device's"),
    ("light", "Light"),
    ("dark", "Dark"),
];
const LANGS: &[(&str, &str)] =
    &[("", "The patient's browser's (English where it is neither)"), ("en", "English"), ("es", "Español")];
const ON_OFF: &[(&str, &str)] = &[("", "Afterglow's default (off)"), ("on", "On"), ("off", "Off")];

const GROUPS: &[Group] = &[
    Group {
        title: "Your clinic",
        fields: &[
            Field { name: "data-clinic", label: "Clinic name", rule: "1 to 80 characters. Shown in the journal's header and its privacy line.", input: Input::Text("Riverside Clinic") },
            Field { name: "data-namespace", label: "Journal name in the browser's storage", rule: "1 to 32 of a-z, 0-9, - and _. Two journals on one page need two names. Empty: afterglow.", input: Input::Text("riverside") },
            Field { name: "data-stage", label: "Stage a new journal starts in", rule: "Patients can change it themselves.", input: Input::Choice(STAGES) },
            Field { name: "data-lang", label: "Language", rule: "What a patient who has not chosen one sees. Patients can change it in Settings.", input: Input::Choice(LANGS) },
        ],
    },
    Group {
        title: "Look",
        fields: &[
            Field { name: "data-theme", label: "Theme a new journal starts with", rule: "Patients can change it in Settings.", input: Input::Choice(THEMES) },
            Field { name: "data-accent", label: "Accent colour, light theme", rule: "#rgb or #rrggbb, readable at 4.5:1 or more on the journal's light backgrounds. Empty: #7d3f70.", input: Input::Text("#1b5e20") },
            Field { name: "data-accent-dark", label: "Accent colour, dark theme", rule: "The same, on the dark backgrounds. Empty: #e3a8d6.", input: Input::Text("#a5d6a7") },
            Field { name: "data-font", label: "Font", rule: "Font family names only, separated by commas, of fonts your page already loads; Afterglow fetches none. Empty: the device's fonts.", input: Input::Text("Atkinson Hyperlegible, sans-serif") },
            Field { name: "data-radius", label: "Corner radius", rule: "Of cards and fields, 0 to 24 pixels. Empty: 12.", input: Input::Text("8") },
        ],
    },
    Group {
        title: "Crisis and contact",
        fields: &[
            Field { name: "crisis", label: "Crisis resources for your region", rule: "Replaces 988 and 911. Up to 8, each with a name and at least one way to reach it: a phone or text number (+, digits, spaces, - ( ) .) or an https: link.", input: Input::Json("[\n  { \"name\": \"Samaritans\", \"description\": \"Any time, day or night\",\n    \"phone\": \"116 123\", \"url\": \"https://www.samaritans.org\" }\n]") },
            Field { name: "contact", label: "Your clinic's contact for worrying after-effects", rule: "\"tel:...\", \"https://...\" or { \"name\", \"phone\", \"url\" }. Without it the journal asks the patient to use the number their clinic gave them.", input: Input::Json("{ \"name\": \"Riverside on-call\", \"phone\": \"+1 555 0100\" }") },
        ],
    },
    Group {
        title: "Session days",
        fields: &[
            Field { name: "data-vitals", label: "Ask for blood pressure and pulse", rule: "On: after-effects ask for them before and after a session.", input: Input::Choice(ON_OFF) },
            Field { name: "checklist", label: "Day-of checklist", rule: "Added to Afterglow's six, or { \"mode\": \"replace\", \"items\": [...] }. Each item up to 160 characters, with an optional id of a-z, 0-9 and - so ticks are kept.", input: Input::Json("[{ \"id\": \"driver\", \"text\": \"My driver knows when to pick me up\" }]") },
            Field { name: "red_flags", label: "Signs that mean \"contact your clinic today\"", rule: "Added to Afterglow's four, which stay. Each with a text and an id; \"urgent\": true also shows the crisis lines.", input: Input::Json("[{ \"id\": \"fainting\", \"text\": \"I fainted\", \"urgent\": true }]") },
        ],
    },
    Group {
        title: "Questionnaires and reminders",
        fields: &[
            Field { name: "data-questionnaires", label: "Questionnaires offered", rule: "In order, separated by commas: phq9, gad7, who5, pcl5. Empty: phq9,gad7.", input: Input::Text("phq9,gad7,who5") },
            Field { name: "data-questionnaire-days", label: "Suggest each questionnaire again after", rule: "1 to 90 days. Empty: 14.", input: Input::Text("14") },
            Field { name: "data-review-days", label: "In follow-up, suggest reviewing goals every", rule: "1 to 90 days. Empty: 30.", input: Input::Text("30") },
            Field { name: "data-backup-days", label: "Remind to back up after", rule: "1 to 90 days since the last backup. Empty: 14.", input: Input::Text("14") },
        ],
    },
    Group {
        title: "Prompts",
        fields: &[
            Field { name: "prompts", label: "Your clinic's prompts", rule: "Added to Afterglow's, or { \"mode\": \"replace\", \"items\": [...] }. Each with a stage and a text of up to 300 characters, an optional id (kept stable so entries keep pointing at it) and, for dosing, \"when\": same-day, next-days or weeks.", input: Input::Json("[{ \"stage\": \"integration\", \"text\": \"What did the music bring up?\" }]") },
        ],
    },
];

/// Every group of the form.
#[component]
pub fn Groups(form: RwSignal<SetupForm>) -> impl IntoView {
    let problems = Memo::new(move |_| {
        form.with(|f| {
            let mut raw = f.raw();
            raw.json = None;
            raw.validate().1
        })
    });
    let groups = GROUPS
        .iter()
        .map(|g| {
            let id = format!("setup-group-{}", g.title.to_ascii_lowercase().replace(' ', "-"));
            let fields = g.fields.iter().map(|f| field(f, form, problems)).collect_view();
            let labelled = id.clone();
            view! {
                <section class="setup-group" aria-labelledby=labelled>
                    <h2 id=id>{g.title}</h2>
                    {fields}
                </section>
            }
        })
        .collect_view();
    view! {
        {groups}
        <Place form=form />
    }
}

fn field(f: &'static Field, form: RwSignal<SetupForm>, problems: Memo<Vec<ConfigProblem>>) -> impl IntoView {
    let json = matches!(f.input, Input::Json(_));
    let id = format!("setup-{}", f.name);
    let (rule_id, problem_id) = (format!("{id}-rule"), format!("{id}-problem"));
    let value = move || form.with(|s| if json { s.section(f.name) } else { s.attribute(f.name) }.to_owned());
    let set = move |text: String| {
        form.update(|s| if json { s.set_section(f.name, &text) } else { s.set_attribute(f.name, &text) })
    };
    let messages = Memo::new(move |_| {
        if json {
            form.with(|s| section_problems(f.name, s.section(f.name)))
        } else {
            problems.with(|p| p.iter().filter(|p| p.attribute == f.name).map(|p| p.message.clone()).collect())
        }
    });
    let described = format!("{rule_id} {problem_id}");
    let invalid = move || if messages.with(Vec::is_empty) { "false" } else { "true" };
    let control_id = id.clone();
    let control = match f.input {
        Input::Text(example) => view! {
            <input id=control_id type="text" autocomplete="off" spellcheck="false" placeholder=example
                aria-describedby=described aria-invalid=invalid
                prop:value=value on:input=move |ev| set(event_target_value(&ev)) />
        }
        .into_any(),
        Input::Choice(choices) => {
            let options = choices
                .iter()
                .map(|(v, label)| view! { <option value=*v prop:selected=move || value() == *v>{*label}</option> })
                .collect_view();
            view! {
                <select id=control_id aria-describedby=described aria-invalid=invalid
                    on:change=move |ev| set(event_target_value(&ev))>{options}</select>
            }
            .into_any()
        }
        Input::Json(example) => {
            let messages_view =
                move || messages.get().into_iter().map(|m| view! { <p>{m}</p> }).collect_view();
            let label_for = control_id.clone();
            return view! {
                <fieldset class="setup-field setup-json">
                    <legend>{f.label}</legend>
                    <p class="setup-rule" id=rule_id>{f.rule}</p>
                    <SectionRows section=f.name form=form />
                    <details class="setup-details">
                        <summary>"As JSON (for developers)"</summary>
                        <label for=label_for>{format!("{} as JSON", f.label)}</label>
                        <textarea id=control_id rows="5" spellcheck="false" autocomplete="off" placeholder=example
                            aria-describedby=described aria-invalid=invalid
                            prop:value=value on:input=move |ev| set(event_target_value(&ev))></textarea>
                    </details>
                    <div class="setup-problem" id=problem_id aria-live="polite">{messages_view}</div>
                </fieldset>
            }
            .into_any();
        }
    };
    let suggestion = move || accent_suggestion(f.name, &value(), !messages.with(Vec::is_empty));
    view! {
        <div class="setup-field">
            <label for=id>{f.label}</label>
            <p class="setup-rule" id=rule_id>{f.rule}</p>
            {control}
            <div class="setup-problem" id=problem_id aria-live="polite">
                {move || messages.get().into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
                {move || suggestion().map(|hex| {
                    let use_it = hex.clone();
                    view! {
                        <p>
                            {format!("The nearest colour that passes is {hex}. ")}
                            <button type="button" class="setup-button" on:click=move |_| set(use_it.clone())>
                                {format!("Use {hex}")}
                            </button>
                        </p>
                    }
                })}
            </div>
        </div>
    }
    .into_any()
}

/// For a refused accent that is a colour: the nearest that passes, as `#rrggbb`.
fn accent_suggestion(name: &str, value: &str, refused: bool) -> Option<String> {
    let dark = match name {
        "data-accent" => false,
        "data-accent-dark" => true,
        _ => return None,
    };
    if !refused {
        return None;
    }
    let color = Rgb::parse_hex(value)?;
    nearest_accent(color, dark).map(Rgb::hex)
}

/// Where the journal's files are served, and the clinic page's address: what the
/// snippet's script and the headers name.
#[component]
fn Place(form: RwSignal<SetupForm>) -> impl IntoView {
    view! {
        <section class="setup-group" aria-labelledby="setup-group-where">
            <h2 id="setup-group-where">"Where it runs"</h2>
            <div class="setup-field">
                <label for="setup-files">"Address of the folder with Afterglow's files"</label>
                <p class="setup-rule" id="setup-files-rule">
                    "Where you copied the release folder, ending in /: a path on your site (/afterglow/) or a whole address on another origin."
                </p>
                <input id="setup-files" type="text" spellcheck="false" autocomplete="off" aria-describedby="setup-files-rule"
                    prop:value=move || form.with(|f| f.files.clone())
                    on:input=move |ev| form.update(|f| f.files = event_target_value(&ev)) />
            </div>
            <div class="setup-field">
                <label for="setup-origin">"Your clinic page's address"</label>
                <p class="setup-rule" id="setup-origin-rule">
                    "Only for the iframe, or files on another origin: the page that shows the journal (https://www.clinic.example)."
                </p>
                <input id="setup-origin" type="text" spellcheck="false" autocomplete="off" aria-describedby="setup-origin-rule"
                    placeholder="https://www.clinic.example"
                    prop:value=move || form.with(|f| f.page_origin.clone())
                    on:input=move |ev| form.update(|f| f.page_origin = event_target_value(&ev)) />
            </div>
        </section>
    }
}
