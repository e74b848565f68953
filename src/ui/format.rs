//! Dates for people: the patient's own locale and time zone, through the browser's
//! `Intl.DateTimeFormat` (one formatter, built once; building one costs far more than using
//! it). Never formats a date by hand for display.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

thread_local! {
    static ENTRY_TIME: Option<js_sys::Intl::DateTimeFormat> = {
        let options = js_sys::Object::new();
        let set = |k: &str, v: &str| js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v)).is_ok();
        (set("dateStyle", "medium") && set("timeStyle", "short"))
            .then(|| js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options))
    };
}

/// "25 Nov 2026, 21:04" in the patient's locale and zone; ISO 8601 if Intl is missing.
pub fn entry_time(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    ENTRY_TIME
        .with(|f| {
            f.as_ref()
                .and_then(|f| f.format().call1(&JsValue::UNDEFINED, &date).ok())
                .and_then(|s| s.as_string())
        })
        .unwrap_or_else(|| at.format("%Y-%m-%d %H:%M UTC").to_string())
}
