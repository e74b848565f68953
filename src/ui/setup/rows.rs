//! Boxes for a JSON section (crisis resources, the contact, checklist items, red flags,
//! prompts): one group of labelled fields an item, with add and remove, that rewrite the
//! section's JSON ([`crate::config::setup_items`]). A text the rows cannot show is named
//! and left to the JSON box. Must never hold a rule: the messages are the widget's own.

use crate::config::setup::SetupForm;
use crate::config::setup_items::{apply, field_text, read, rows, Edit, ItemField, Kind, Rows};
use crate::ui::kit::show::Show;
use leptos::prelude::*;

/// The rows of `section`, editing `form`'s text for it.
#[component]
pub fn SectionRows(section: &'static str, form: RwSignal<SetupForm>) -> impl IntoView {
    let Some(shape) = rows(section) else { return ().into_any() };
    let text = move || form.with(|f| f.section(section).to_owned());
    let shown = Memo::new(move |_| read(section, &text()).map(|(replace, items)| (replace, items.len())));
    let edit = move |e: Edit| {
        if let Some(next) = form.with_untracked(|f| apply(section, f.section(section), &e)) {
            form.update(|f| f.set_section(section, &next));
        }
    };
    // The contact is one item: its boxes are always there, and emptied they mean none.
    let count = Memo::new(move |_| shown.with(|s| s.map_or(0, |(_, n)| if shape.single { 1 } else { n })));
    let readable = Memo::new(move |_| shown.with(Option::is_some));
    let replace = Memo::new(move |_| shown.with(|s| s.is_some_and(|(r, _)| r)));
    let mode = move || {
        shape.modes.then(|| {
        let id = format!("setup-{section}-mode");
        view! {
            <div class="setup-subfield">
                <label for=id.clone()>"These items are"</label>
                <select id=id on:change=move |ev| edit(Edit::Replace(event_target_value(&ev) == "replace"))>
                    <option value="add" prop:selected=move || !replace.get()>"added to Afterglow's own"</option>
                    <option value="replace" prop:selected=move || replace.get()>"instead of Afterglow's own"</option>
                </select>
            </div>
        }
        })
    };
    let add_label = shape.add;
    view! {
        <Show
            when=move || readable.get()
            fallback=|| view! { <p class="setup-rule">"The boxes cannot show this text as it is: correct it in the JSON box below, or empty it to start again."</p> }
        >
            {mode}
            <For each=move || 0..count.get() key=|i| *i let:index>
                <Item section=section shape=shape index=index form=form edit=edit />
            </For>
            <Show when=move || !shape.single>
                <button type="button" class="setup-button" on:click=move |_| edit(Edit::Add)>{add_label}</button>
            </Show>
        </Show>
    }
    .into_any()
}

/// One item's fields, with its Remove button.
#[component]
fn Item(
    section: &'static str,
    shape: Rows,
    index: usize,
    form: RwSignal<SetupForm>,
    edit: impl Fn(Edit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let legend = if shape.single { shape.noun.to_owned() } else { format!("{} {}", shape.noun, index + 1) };
    let fields =
        shape.fields.iter().map(|field| item_field(section, index, field, form, edit)).collect_view();
    let remove = format!("Remove {}", legend.to_lowercase());
    view! {
        <fieldset class="setup-item">
            <legend>{legend}</legend>
            {fields}
            {(!shape.single).then(|| view! {
                <button type="button" class="setup-button" on:click=move |_| edit(Edit::Remove(index))>{remove.clone()}</button>
            })}
        </fieldset>
    }
}

fn item_field(
    section: &'static str,
    index: usize,
    field: &'static ItemField,
    form: RwSignal<SetupForm>,
    edit: impl Fn(Edit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = format!("setup-{section}-{index}-{}", field.key);
    let value = move || {
        form.with(|f| {
            read(section, f.section(section))
                .and_then(|(_, items)| items.get(index).map(|item| field_text(item, field.key)))
                .unwrap_or_default()
        })
    };
    let set = move |value: String| edit(Edit::Set { index, key: field.key, value });
    let control = match field.kind {
        Kind::Text => view! {
            <input id=id.clone() type="text" autocomplete="off" prop:value=value
                on:input=move |ev| set(event_target_value(&ev)) />
        }
        .into_any(),
        Kind::Flag => view! {
            <input id=id.clone() type="checkbox" prop:checked=move || value() == "true"
                on:change=move |ev| set(event_target_checked(&ev).to_string()) />
        }
        .into_any(),
        Kind::Choice(choices) => {
            let options = choices
                .iter()
                .map(|(v, label)| view! { <option value=*v prop:selected=move || value() == *v>{*label}</option> })
                .collect_view();
            let placeholder = (!choices.iter().any(|(v, _)| v.is_empty())).then(|| {
                view! { <option value="" prop:selected=move || value().is_empty() disabled=true>"Choose"</option> }
            });
            view! {
                <select id=id.clone() on:change=move |ev| set(event_target_value(&ev))>
                    {placeholder}
                    {options}
                </select>
            }
            .into_any()
        }
    };
    let flag = matches!(field.kind, Kind::Flag);
    view! {
        <div class=if flag { "setup-subfield setup-subfield--flag" } else { "setup-subfield" }>
            <label for=id>{field.label}</label>
            {control}
        </div>
    }
}
