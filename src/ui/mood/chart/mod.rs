//! The mood chart, drawn by the app as SVG: daily means and their 7-day rolling average
//! for mood, anxiety and energy; stage bands; dosing sessions as markers; ranges of two
//! weeks, three months or all. Lines differ in dash pattern as well as colour. The trend
//! is stated in words, and a table of the numbers is the alternative to the picture.
//!
//! Never draws more than about two points per horizontal pixel: long series are
//! downsampled keeping their extremes.

mod view;

pub use view::{MoodChart, RangeChart};

use crate::domain::number::fixed;
use crate::domain::stats::{daily_means, describe_trend, downsample, rolling_mean, stage_bands, Point};
use crate::domain::{Journal, Metric};
use crate::i18n::{tr, tr_with, T};
use crate::ui::kit::format::{day_with_year, local_day, month_year, short_day};
use crate::ui::store::today;
use chrono::{Duration, NaiveDate};
use std::collections::BTreeMap;

const H: f64 = 240.0;
const LEFT: f64 = 30.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 26.0;
const BOTTOM: f64 = 24.0;
/// Daily values are drawn for ranges up to this many days.
const DAILY_LINES_UP_TO_DAYS: i64 = 120;

/// Which stretch of time the chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    /// The last 14 days.
    TwoWeeks,
    /// The last 91 days.
    ThreeMonths,
    /// Since the first check-in.
    All,
}

impl Range {
    const ALL: [Range; 3] = [Range::TwoWeeks, Range::ThreeMonths, Range::All];

    fn label(self) -> &'static str {
        match self {
            Range::TwoWeeks => tr(T::chart_two_weeks),
            Range::ThreeMonths => tr(T::chart_three_months),
            Range::All => tr(T::chart_all),
        }
    }

    fn days(self) -> Option<i64> {
        match self {
            Range::TwoWeeks => Some(14),
            Range::ThreeMonths => Some(91),
            Range::All => None,
        }
    }
}

/// Maps days and 0-10 values to chart coordinates.
#[derive(Clone, Copy)]
struct Frame {
    start: NaiveDate,
    end: NaiveDate,
    width: f64,
}

impl Frame {
    fn x(&self, day: NaiveDate) -> f64 {
        let span = (self.end - self.start).num_days().max(1) as f64;
        LEFT + (day - self.start).num_days() as f64 / span * (self.width - LEFT - RIGHT)
    }

    fn y(&self, value: f64) -> f64 {
        TOP + (10.0 - value) / 10.0 * (H - TOP - BOTTOM)
    }

    /// The line through `points`. A single point is a line to itself: its round caps
    /// draw a dot, where a lone "move to" would draw nothing (a period with one day of
    /// check-ins).
    fn path(&self, points: &[Point]) -> String {
        let mut d = String::with_capacity(points.len() * 14 + 14);
        for (i, p) in points.iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            d.push_str(&format!("{} {}", fixed(self.x(p.day), 1), fixed(self.y(p.value), 1)));
        }
        if let [only] = points {
            d.push_str(&format!("L{} {}", fixed(self.x(only.day), 1), fixed(self.y(only.value), 1)));
        }
        d
    }
}

/// Everything the chart draws, computed once per journal change, range or width.
#[derive(Clone, PartialEq)]
struct Drawing {
    frame_width: f64,
    lines: Vec<(Metric, String, String)>,
    bands: Vec<(&'static str, &'static str, f64, f64)>,
    /// Session number, x, and whether there is room for its label.
    sessions: Vec<(u32, f64, bool)>,
    ticks: Vec<(String, f64)>,
    description: String,
    table: Vec<(NaiveDate, [Option<f64>; 3])>,
    days: usize,
}

impl Range {
    /// The first and last day shown.
    fn span(self, journal: &Journal) -> (NaiveDate, NaiveDate) {
        let end = today();
        let first = journal.check_ins().first().map(|c| local_day(c.at)).unwrap_or(end);
        let start = match self.days() {
            Some(d) => end - Duration::days(d - 1),
            None => first.min(end - Duration::days(6)),
        };
        (start, end)
    }
}

/// Everything to draw for `start..=end` at `width` pixels.
fn draw(journal: &Journal, start: NaiveDate, end: NaiveDate, width: f64, with_sessions: bool) -> Drawing {
    let check_ins = journal.check_ins();
    let frame = Frame { start, end, width };
    let plot_px = (width - LEFT - RIGHT).max(60.0) as usize;
    let long_range = (end - start).num_days() > 300;
    let mut lines = Vec::new();
    let mut sentences = Vec::new();
    let mut table: BTreeMap<NaiveDate, [Option<f64>; 3]> = BTreeMap::new();
    for (k, metric) in Metric::ALL.into_iter().enumerate() {
        let daily = daily_means(check_ins, metric, local_day);
        // The average is taken over all history, then cut, so its first days are right.
        let rolling: Vec<Point> = rolling_mean(&daily, 7).into_iter().filter(|p| p.day >= start).collect();
        let daily: Vec<Point> = daily.into_iter().filter(|p| p.day >= start).collect();
        sentences.push(if long_range {
            describe_trend(metric, &rolling, day_with_year, |v| crate::ui::kit::format::one_decimal(Some(v)))
        } else {
            describe_trend(metric, &rolling, short_day, |v| crate::ui::kit::format::one_decimal(Some(v)))
        });
        for p in &daily {
            if let Some(cell) = table.entry(p.day).or_default().get_mut(k) {
                *cell = Some(p.value);
            }
        }
        // Past about three months daily values are noise at this width; the average,
        // the words and the table carry them.
        let raw = if (end - start).num_days() <= DAILY_LINES_UP_TO_DAYS {
            frame.path(&downsample(&daily, plot_px / 2))
        } else {
            String::new()
        };
        lines.push((metric, raw, frame.path(&downsample(&rolling, plot_px / 2))));
    }
    let in_range: Vec<_> = check_ins.iter().filter(|c| local_day(c.at) >= start).cloned().collect();
    let bands = stage_bands(&in_range, local_day)
        .into_iter()
        .map(|b| (b.stage.slug(), b.stage.label(), frame.x(b.from) - 2.0, frame.x(b.to) + 2.0))
        .collect();
    let mut last_label = f64::NEG_INFINITY;
    let sessions: Vec<(u32, f64, bool)> = journal
        .sessions()
        .iter()
        .filter(|s| with_sessions && local_day(s.at) >= start && local_day(s.at) <= end)
        .map(|s| {
            let x = frame.x(local_day(s.at));
            let room = x - last_label >= 28.0;
            if room {
                last_label = x;
            }
            (s.number, x, room)
        })
        .collect();
    if !sessions.is_empty() {
        let numbers: Vec<String> = sessions.iter().map(|(n, ..)| n.to_string()).collect();
        sentences.push(tr_with(T::chart_sessions_marked, &[("numbers", &numbers.join(", "))]));
    }
    let ticks = [start, start + (end - start) / 2, end]
        .into_iter()
        .map(|d| (if long_range { month_year(d) } else { short_day(d) }, frame.x(d)))
        .collect();
    Drawing {
        frame_width: width,
        lines,
        bands,
        sessions,
        ticks,
        description: sentences.join(" "),
        days: table.len(),
        table: table.into_iter().rev().collect(),
    }
}
