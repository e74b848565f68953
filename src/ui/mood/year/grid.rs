//! The year's picture: one square per day in Monday-first weeks, shaded by the day's mood
//! average, a ring on session days, the stages as patterned lines beside the weeks, and
//! the chosen day outlined. Weeks run across on a wide screen and down on a phone, so a
//! day is never drawn smaller than a fingertip can point at on a desktop or a phone can
//! show. Only lays out what `domain::year` computed: never decides what a day holds.

use crate::domain::number::fixed;
use crate::domain::year::{mood_step, Move, Year};
use crate::ui::kit::format::{month_short, weekday_narrow};
use chrono::NaiveDate;
use leptos::prelude::*;

/// Where the squares go, for one width.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct Layout {
    /// Weeks run across (columns) rather than down (rows).
    pub across: bool,
    pitch: f64,
    left: f64,
    top: f64,
    pub width: f64,
    pub height: f64,
}

const LABEL_ACROSS: f64 = 26.0;
const LABEL_DOWN: f64 = 36.0;
const HEAD: f64 = 16.0;
const BAND: f64 = 18.0;

impl Layout {
    /// The layout for a year of `weeks` weeks drawn `width` pixels wide.
    pub fn new(width: f64, weeks: usize) -> Self {
        let weeks_f = weeks.max(1) as f64;
        let across_pitch = (width - LABEL_ACROSS - 4.0) / weeks_f;
        if across_pitch >= 9.0 {
            let pitch = across_pitch.min(22.0);
            Layout {
                across: true,
                pitch,
                left: LABEL_ACROSS,
                top: HEAD,
                width,
                height: HEAD + 7.0 * pitch + BAND + 4.0,
            }
        } else {
            let pitch = ((width - LABEL_DOWN - BAND - 4.0) / 7.0).clamp(12.0, 22.0);
            Layout {
                across: false,
                pitch,
                left: LABEL_DOWN,
                top: HEAD,
                width: LABEL_DOWN + 7.0 * pitch + BAND + 4.0,
                height: HEAD + weeks_f * pitch + 4.0,
            }
        }
    }

    /// A day's square's side: its pitch less the gap between squares.
    fn size(&self) -> f64 {
        self.pitch - (self.pitch * 0.12).max(1.0)
    }

    /// The top left corner of a day's square.
    fn at(&self, week: usize, place: usize) -> (f64, f64) {
        let (col, row) = if self.across { (week, place) } else { (place, week) };
        (self.left + col as f64 * self.pitch, self.top + row as f64 * self.pitch)
    }

    /// The move an arrow key makes: along a week or from week to week, as drawn.
    pub fn arrow(&self, key: &str) -> Option<Move> {
        let (day_back, day_on, week_back, week_on) = if self.across {
            ("ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight")
        } else {
            ("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown")
        };
        Some(match key {
            k if k == day_back => Move::PreviousDay,
            k if k == day_on => Move::NextDay,
            k if k == week_back => Move::PreviousWeek,
            k if k == week_on => Move::NextWeek,
            "PageUp" => Move::PreviousMonth,
            "PageDown" => Move::NextMonth,
            "Home" => Move::First,
            "End" => Move::Last,
            _ => return None,
        })
    }
}

fn px(v: f64) -> String {
    fixed(v, 1).to_string()
}

/// Text safe inside SVG markup.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The picture's markup: days, sessions, labels and stage lines. Built as one string, not
/// as 366 reactive nodes: the picture changes only with the journal or the year, and as
/// markup it costs the views chunk a few KiB instead of many.
fn picture(year: &Year, l: &Layout) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(year.days.len() * 96);
    let size = l.size();
    for (i, day) in year.days.iter().enumerate() {
        let Some((week, place)) = year.place(i) else { continue };
        let (x, y) = l.at(week, place);
        let shade = day.mood.map(|m| format!(" ag-yday--{}", mood_step(m))).unwrap_or_default();
        let _ = write!(
            out,
            r#"<rect class="ag-yday{shade}" data-i="{i}" x="{}" y="{}" width="{}" height="{}" rx="2"/>"#,
            px(x),
            px(y),
            px(size),
            px(size)
        );
        if day.sessions > 0 {
            let _ = write!(
                out,
                r#"<circle class="ag-yday__session" cx="{}" cy="{}" r="{}"/>"#,
                px(x + size / 2.0),
                px(y + size / 2.0),
                px((size * 0.28).max(2.5))
            );
        }
    }
    for (month, week) in year.month_starts() {
        let label = NaiveDate::from_ymd_opt(year.year, month, 1).map(month_short).unwrap_or_default();
        let (x, y) = if l.across {
            (l.left + week as f64 * l.pitch, HEAD - 4.0)
        } else {
            (2.0, l.top + (week as f64 + 0.8) * l.pitch)
        };
        let _ =
            write!(out, r#"<text class="ag-axis" x="{}" y="{}">{}</text>"#, px(x), px(y), escaped(&label));
    }
    // Monday 1 January 2024 names the weekdays in the patient's language.
    for p in (0..7u32).filter(|p| !l.across || p % 2 == 0) {
        let name = NaiveDate::from_ymd_opt(2024, 1, 1 + p).map(weekday_narrow).unwrap_or_default();
        let (x, y) = l.at(0, p as usize);
        let (x, y, anchor) =
            if l.across { (2.0, y + l.pitch * 0.8, "start") } else { (x + size / 2.0, HEAD - 4.0, "middle") };
        let _ = write!(
            out,
            r#"<text class="ag-axis" x="{}" y="{}" text-anchor="{anchor}">{}</text>"#,
            px(x),
            px(y),
            escaped(&name)
        );
    }
    for (stage, from, to) in year.stage_runs() {
        let ((x1, y1), (x2, y2)) = if l.across {
            let y = l.top + 7.0 * l.pitch + BAND / 2.0;
            ((l.at(from, 0).0 + 1.0, y), (l.at(to, 0).0 + l.pitch - 2.0, y))
        } else {
            let x = l.left + 7.0 * l.pitch + BAND / 2.0;
            ((x, l.at(from, 0).1 + 1.0), (x, l.at(to, 0).1 + l.pitch - 2.0))
        };
        let letter = stage.label().chars().next().unwrap_or(' ');
        let (tx, ty) = if l.across { (x1, y1 + BAND / 2.0 + 1.0) } else { (x1 + 5.0, y1 + 9.0) };
        let _ = write!(
            out,
            r#"<line class="ag-yband ag-yband--{}" x1="{}" y1="{}" x2="{}" y2="{}"/><text class="ag-yband__letter" x="{}" y="{}">{letter}</text>"#,
            stage.slug(),
            px(x1),
            px(y1),
            px(x2),
            px(y2),
            px(tx),
            px(ty)
        );
    }
    out
}

/// The picture (decorative to assistive technology: the readout and the table carry it).
#[component]
pub(super) fn YearSvg(year: Memo<Year>, layout: Memo<Layout>, chosen: RwSignal<usize>) -> impl IntoView {
    let markup = Memo::new(move |_| year.with(|y| picture(y, &layout.get())));
    let outline = move || {
        let l = layout.get();
        let (week, place) = year.with(|y| y.place(chosen.get())).unwrap_or((0, 0));
        let (x, y) = l.at(week, place);
        let side = px(l.size() + 2.0);
        view! { <rect class="ag-yday__chosen" x=px(x - 1.0) y=px(y - 1.0) width=side.clone() height=side rx="3" /> }
    };
    view! {
        <svg
            class="ag-year__svg"
            aria-hidden="true"
            viewBox=move || { let l = layout.get(); format!("0 0 {} {}", fixed(l.width, 0), fixed(l.height, 0)) }
            width=move || fixed(layout.get().width, 0).to_string()
            on:click=move |ev| {
                let index = ev
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .and_then(|e| e.get_attribute("data-i"))
                    .and_then(|i| i.parse::<usize>().ok());
                if let Some(i) = index {
                    chosen.set(i);
                }
            }
        >
            <g inner_html=move || markup.get() />
            {outline}
        </svg>
    }
}
