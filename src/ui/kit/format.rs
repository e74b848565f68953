//! Dates for people: the patient's own locale and time zone, through the browser's
//! `Intl.DateTimeFormat` in the language shown (formatters built once each a language;
//! building one costs far more than using it). Never formats a date by hand for display, but as a fallback.

use crate::domain::iso;
use crate::domain::number::fixed;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use wasm_bindgen::JsValue;

/// A date style, with its `Intl.DateTimeFormat` options.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Time,
    ShortDate,
    MonthYear,
    DayYear,
    Month,
    Weekday,
    DateTime,
    Day,
}

impl Style {
    fn options(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Style::Time => &[("timeStyle", "short")],
            Style::ShortDate => &[("day", "numeric"), ("month", "short")],
            Style::MonthYear => &[("month", "short"), ("year", "numeric")],
            Style::DayYear => &[("day", "numeric"), ("month", "short"), ("year", "numeric")],
            Style::Month => &[("month", "short")],
            Style::Weekday => &[("weekday", "narrow")],
            Style::DateTime => &[("dateStyle", "medium"), ("timeStyle", "short")],
            Style::Day => &[("weekday", "long"), ("day", "numeric"), ("month", "long"), ("year", "numeric")],
        }
    }
}

/// The locales dates are written in: the browser's own tags for the language shown (so a
/// patient in Mexico gets es-MX, one in Britain en-GB), else the language's code.
fn locales() -> js_sys::Array {
    locales_of(crate::i18n::lang())
}

fn locales_of(lang: crate::i18n::Lang) -> js_sys::Array {
    let own = web_sys::window().map(|w| w.navigator().languages()).map(|tags| {
        tags.iter()
            .filter(|t| t.as_string().and_then(|t| crate::i18n::Lang::parse(&t)) == Some(lang))
            .collect::<js_sys::Array>()
    });
    match own {
        Some(own) if own.length() > 0 => own,
        _ => js_sys::Array::of1(&JsValue::from_str(lang.code())),
    }
}

fn formatter(style: Style) -> Option<js_sys::Intl::DateTimeFormat> {
    let object = js_sys::Object::new();
    for (k, v) in style.options() {
        js_sys::Reflect::set(&object, &JsValue::from_str(k), &JsValue::from_str(v)).ok()?;
    }
    Some(js_sys::Intl::DateTimeFormat::new(&locales(), &object))
}

thread_local! {
    /// Formatters built so far, each for the language it was built in (a switch of
    /// language builds them again).
    static BUILT: std::cell::RefCell<Vec<(Style, crate::i18n::Lang, js_sys::Intl::DateTimeFormat)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn format_with(style: Style, millis: f64) -> Option<String> {
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    let lang = crate::i18n::lang();
    let built = BUILT
        .with(|b| b.borrow().iter().find(|(s, l, _)| *s == style && *l == lang).map(|(_, _, f)| f.clone()));
    let format = match built {
        Some(f) => f,
        None => {
            let f = formatter(style)?;
            BUILT.with(|b| b.borrow_mut().push((style, lang, f.clone())));
            f
        }
    };
    format.format().call1(&JsValue::UNDEFINED, &date).ok()?.as_string()
}

/// "21:04" (or "9:04 PM") in the patient's zone.
pub fn time_of_day(at: DateTime<Utc>) -> String {
    format_with(Style::Time, at.timestamp_millis() as f64).unwrap_or_else(|| iso::hour_minute(&at))
}

/// "25 Nov" for a calendar day.
pub fn short_day(day: NaiveDate) -> String {
    format_with(Style::ShortDate, local_noon(day)).unwrap_or_else(|| day.to_string())
}

/// "29 Nov 2016" for a calendar day.
pub fn day_with_year(day: NaiveDate) -> String {
    format_with(Style::DayYear, local_noon(day)).unwrap_or_else(|| day.to_string())
}

/// "Nov 2026" for a calendar day, for long time axes.
pub fn month_year(day: NaiveDate) -> String {
    format_with(Style::MonthYear, local_noon(day)).unwrap_or_else(|| iso::month(day))
}

/// "Nov" for a calendar day's month, for a year's labels.
pub fn month_short(day: NaiveDate) -> String {
    format_with(Style::Month, local_noon(day)).unwrap_or_else(|| day.month().to_string())
}

/// "M" for a calendar day's weekday, for a year's labels.
pub fn weekday_narrow(day: NaiveDate) -> String {
    format_with(Style::Weekday, local_noon(day)).unwrap_or_else(|| day.weekday().to_string())
}

fn local_noon(day: NaiveDate) -> f64 {
    // Noon local time is the same calendar day in every zone offset.
    let year = u32::try_from(day.year()).unwrap_or(1970);
    js_sys::Date::new_with_year_month_day_hr_min_sec(year, day.month0() as i32, day.day() as i32, 12, 0, 0)
        .get_time()
}

/// "25 Nov" in the patient's locale.
pub fn short_date(at: DateTime<Utc>) -> String {
    format_with(Style::ShortDate, at.timestamp_millis() as f64).unwrap_or_else(|| iso::day(at.date_naive()))
}

/// "25 Nov 2026, 21:04" in the patient's locale and zone.
pub fn date_time(at: DateTime<Utc>) -> String {
    format_with(Style::DateTime, at.timestamp_millis() as f64)
        .unwrap_or_else(|| format!("{} {}", iso::day(at.date_naive()), iso::hour_minute(&at)))
}

/// The patient's calendar day for `at`.
pub fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&chrono::Local).date_naive()
}

/// "Wednesday, 25 November 2026" for a calendar day.
pub fn day_heading(day: NaiveDate) -> String {
    format_with(Style::Day, local_noon(day)).unwrap_or_else(|| day.to_string())
}

/// A mean to one decimal, or a dash when there is none ("4,5" where the locale writes a
/// decimal comma).
pub fn one_decimal(v: Option<f64>) -> String {
    v.map(|v| decimal(&fixed(v, 1).to_string())).unwrap_or_else(|| "–".into())
}

/// A change to one decimal with its sign ("+1.5", "−0,5"), as [`one_decimal`].
pub fn signed_one_decimal(v: f64) -> String {
    let sign = if v > 0.0 { "+" } else { "" };
    decimal(&format!("{sign}{}", fixed(v, 1)))
}

/// `number` (written with a decimal point) as the patient reads it (see [`crate::i18n::decimal`]).
pub fn decimal(number: &str) -> String {
    learn_decimal_comma();
    crate::i18n::decimal(number)
}

thread_local! {
    /// Whether the Spanish locale's decimal separator is known yet.
    static COMMA_KNOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Learns, the first time a number is written in Spanish, whether the patient's Spanish
/// locale writes a decimal comma (es-ES, es-AR: yes; es-MX, es-US: no), for [`decimal`]
/// and the Markdown. Never at start: an English page that writes no Spanish number never
/// asks, and the first screen carries none of it.
pub fn learn_decimal_comma() {
    if crate::i18n::lang() != crate::i18n::Lang::Es || COMMA_KNOWN.with(std::cell::Cell::get) {
        return;
    }
    COMMA_KNOWN.with(|k| k.set(true));
    let format = js_sys::Intl::NumberFormat::new(&locales_of(crate::i18n::Lang::Es), &js_sys::Object::new());
    let comma = format
        .format()
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(1.5))
        .ok()
        .and_then(|written| written.as_string())
        .is_some_and(|written| written.contains(','));
    crate::i18n::set_spanish_decimal_comma(comma);
}

/// A time as a `datetime-local` field's value, in the patient's zone.
pub fn local_input(at: DateTime<Utc>) -> String {
    crate::domain::iso::minute(&at.with_timezone(&chrono::Local).naive_local())
}

/// A `datetime-local` field's value as a time (`None` if empty or not a time).
pub fn parse_local_input(value: &str) -> Option<DateTime<Utc>> {
    use chrono::TimeZone;
    let naive = crate::domain::iso::parse_minute(value)?;
    chrono::Local.from_local_datetime(&naive).earliest().map(|t| t.with_timezone(&Utc))
}
