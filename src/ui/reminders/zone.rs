//! The patient's time zone as this browser knows it, for a calendar file's `VTIMEZONE`:
//! its IANA name from `Intl`, and this year's changes found from the offsets `Date`
//! reports (a day at a time, then to the minute).
//!
//! Must never guess an offset the browser did not report.

use crate::export::ics::Zone;
use chrono::{DateTime, Datelike, NaiveDateTime};
use wasm_bindgen::JsValue;

const MINUTE: f64 = 60_000.0;
const DAY: f64 = 86_400_000.0;

/// Minutes east of UTC at `ms` (`Date` says minutes west).
fn offset_east(ms: f64) -> i32 {
    -(js_sys::Date::new(&JsValue::from_f64(ms)).get_timezone_offset() as i32)
}

fn zone_name() -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&format.resolved_options(), &JsValue::from_str("timeZone"))
        .ok()
        .and_then(|v| v.as_string())
        .filter(|n| !n.is_empty())
}

/// The zone this browser is in, with the changes of the year of `now`.
pub fn current(now: DateTime<chrono::Utc>) -> Zone {
    let start = js_sys::Date::utc(f64::from(now.year()), 0.0);
    let mut before = offset_east(start);
    let mut changes: Vec<(NaiveDateTime, i32, i32)> = Vec::new();
    for day in 1..=366 {
        let t = start + f64::from(day) * DAY;
        let after = offset_east(t);
        if after == before {
            continue;
        }
        // The first minute on the new offset.
        let (mut lo, mut hi) = (t - DAY, t);
        while hi - lo > MINUTE {
            let mid = lo + ((hi - lo) / MINUTE / 2.0).floor() * MINUTE;
            if offset_east(mid) == before {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        // The change as the clock before it reads it.
        let wall =
            DateTime::from_timestamp_millis(hi as i64 + i64::from(before) * 60_000).map(|d| d.naive_utc());
        if let Some(wall) = wall {
            changes.push((wall, before, after));
        }
        before = after;
    }
    Zone::from_transitions(&zone_name().unwrap_or_else(|| "Local".to_owned()), before, &changes)
}
