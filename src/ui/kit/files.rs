//! Files in and out, by the patient's own action only: downloads made in the browser
//! (Blob and object URL: no request leaves the device), the clipboard, the system share
//! sheet where there is one, and reading a chosen file's text.

use crate::i18n::T;
use wasm_bindgen::{JsCast, JsValue};

fn blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Saves `text` as a file named `name`. Returns whether the browser took it.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let (Some(document), Some(blob)) = (web_sys::window().and_then(|w| w.document()), blob(text, mime))
    else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let done = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        })
        .is_some();
    // Revoke after the click has been handled; the download keeps its own copy.
    let revoke = url.clone();
    leptos::prelude::set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&revoke)),
        std::time::Duration::from_secs(30),
    );
    done
}

/// Copies text to the clipboard. Errors (no permission, no clipboard) come back as text.
pub async fn copy(text: &str) -> Result<(), String> {
    let clipboard =
        web_sys::window().map(|w| w.navigator().clipboard()).ok_or_else(|| said(T::file_no_clipboard))?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| said(T::file_copy_refused))
}

/// A refusal in the language shown.
fn said(text: crate::i18n::Text) -> String {
    crate::i18n::tr(text).to_owned()
}

fn navigator_fn(name: &str) -> Option<(JsValue, js_sys::Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let f = js_sys::Reflect::get(&navigator, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    Some((navigator, f))
}

/// Whether this browser can share a file through the system share sheet.
pub fn can_share_files() -> bool {
    navigator_fn("share").is_some() && navigator_fn("canShare").is_some()
}

/// Opens the system share sheet with `text` as a file named `name`.
pub async fn share_file(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let blob = blob(text, mime).ok_or_else(|| said(T::file_not_prepared))?;
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let file = web_sys::File::new_with_blob_sequence_and_options(&js_sys::Array::of1(&blob), name, &options)
        .map_err(|_| said(T::file_not_prepared))?;
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("files"), &js_sys::Array::of1(&file));
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("title"), &JsValue::from_str(name));
    let (navigator, can_share) = navigator_fn("canShare").ok_or_else(|| said(T::file_share_unavailable))?;
    if !can_share.call1(&navigator, &data).map(|v| v.is_truthy()).unwrap_or(false) {
        return Err(said(T::file_cannot_share));
    }
    let (navigator, share) = navigator_fn("share").ok_or_else(|| said(T::file_share_unavailable))?;
    let promise = share.call1(&navigator, &data).map_err(|_| said(T::file_share_failed))?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map(|_| ())
        .map_err(|_| said(T::file_share_cancelled))
}

/// The text of the first file chosen in a file input.
pub async fn read_chosen(input: &web_sys::HtmlInputElement) -> Option<Result<String, String>> {
    let file = input.files()?.get(0)?;
    Some(
        wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| crate::i18n::tr(crate::i18n::T::file_unreadable).to_owned()),
    )
}
