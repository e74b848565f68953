//! Numbers behind the mood charts: daily means, a rolling average, downsampling that keeps
//! extremes, averages before the first session against the last two weeks, stage bands,
//! and the trend in words. Pure: the caller says which day a time falls on.

use super::checkin::{CheckIn, Metric};
#[cfg(test)]
use super::number::fixed;
use super::stage::Stage;
use crate::i18n::{tr_with, T};
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// One value on one day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// The patient's calendar day.
    pub day: NaiveDate,
    /// The value.
    pub value: f64,
}

/// The mean of `metric` per day, oldest first. `check_ins` must be oldest first.
pub fn daily_means(
    check_ins: &[CheckIn],
    metric: Metric,
    day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::new();
    let mut count = 0.0;
    for c in check_ins {
        let day = day_of(c.at);
        let v = f64::from(metric.of(c));
        match out.last_mut() {
            Some(last) if last.day == day => {
                count += 1.0;
                last.value += (v - last.value) / count;
            }
            _ => {
                out.push(Point { day, value: v });
                count = 1.0;
            }
        }
    }
    out
}

/// For each point, the mean of the points in the `days` calendar days ending on its day.
/// Linear time.
#[allow(
    clippy::indexing_slicing,
    reason = "`start` never passes `i`: point `i` is always within its own window"
)]
pub fn rolling_mean(points: &[Point], days: i64) -> Vec<Point> {
    let mut out = Vec::with_capacity(points.len());
    let (mut start, mut sum) = (0, 0.0);
    for (i, p) in points.iter().enumerate() {
        sum += p.value;
        while points[start].day <= p.day - Duration::days(days) {
            sum -= points[start].value;
            start += 1;
        }
        out.push(Point { day: p.day, value: sum / (i + 1 - start) as f64 });
    }
    out
}

/// At most about `2 * buckets` points: each bucket keeps its lowest and highest value, in
/// time order, so peaks and dips survive. Short series come back unchanged.
pub fn downsample(points: &[Point], buckets: usize) -> Vec<Point> {
    if buckets == 0 || points.len() <= 2 * buckets {
        return points.to_vec();
    }
    let mut out = Vec::with_capacity(2 * buckets + 1);
    for b in 0..buckets {
        let chunk =
            points.get(b * points.len() / buckets..(b + 1) * points.len() / buckets).unwrap_or_default();
        let lo = chunk.iter().enumerate().min_by(|a, b| a.1.value.total_cmp(&b.1.value));
        let hi = chunk.iter().enumerate().max_by(|a, b| a.1.value.total_cmp(&b.1.value));
        if let (Some((i, lo)), Some((j, hi))) = (lo, hi) {
            match i.cmp(&j) {
                std::cmp::Ordering::Less => out.extend([*lo, *hi]),
                std::cmp::Ordering::Greater => out.extend([*hi, *lo]),
                std::cmp::Ordering::Equal => out.push(*lo),
            }
        }
    }
    out
}

/// Mean values over a set of check-ins.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Averages {
    /// How many check-ins.
    pub count: usize,
    /// Mean mood.
    pub mood: Option<f64>,
    /// Mean anxiety.
    pub anxiety: Option<f64>,
    /// Mean energy.
    pub energy: Option<f64>,
    /// Mean hours of sleep, over check-ins that gave it.
    pub sleep: Option<f64>,
}

impl Averages {
    /// The averages of `check_ins`.
    pub fn of<'a>(check_ins: impl IntoIterator<Item = &'a CheckIn>) -> Self {
        let (mut n, mut sums, mut sleep, mut slept) = (0usize, [0.0; 3], 0.0, 0usize);
        for c in check_ins {
            n += 1;
            for (s, m) in sums.iter_mut().zip(Metric::ALL) {
                *s += f64::from(m.of(c));
            }
            if let Some(h) = c.sleep_hours() {
                sleep += h;
                slept += 1;
            }
        }
        let mean = |s: f64| (n > 0).then(|| s / n as f64);
        Averages {
            count: n,
            mood: mean(sums[0]),
            anxiety: mean(sums[1]),
            energy: mean(sums[2]),
            sleep: (slept > 0).then(|| sleep / slept as f64),
        }
    }

    /// The mean of one metric.
    pub fn get(&self, metric: Metric) -> Option<f64> {
        match metric {
            Metric::Mood => self.mood,
            Metric::Anxiety => self.anxiety,
            Metric::Energy => self.energy,
        }
    }
}

/// Averages in the 14 days before the first dosing session, and in the last 14 days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BeforeAfter {
    /// The 14 days before the first session.
    pub before: Averages,
    /// The 14 days up to now.
    pub recent: Averages,
}

/// The before/after comparison; `check_ins` in any order.
pub fn before_after(check_ins: &[CheckIn], first_session: DateTime<Utc>, now: DateTime<Utc>) -> BeforeAfter {
    let window = Duration::days(14);
    BeforeAfter {
        before: Averages::of(
            check_ins.iter().filter(|c| c.at < first_session && c.at >= first_session - window),
        ),
        recent: Averages::of(check_ins.iter().filter(|c| c.at <= now && c.at > now - window)),
    }
}

/// A run of days in one stage, from its first to its last check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageBand {
    /// The stage.
    pub stage: Stage,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

/// Consecutive check-ins (oldest first) in the same stage, as bands.
pub fn stage_bands(check_ins: &[CheckIn], day_of: impl Fn(DateTime<Utc>) -> NaiveDate) -> Vec<StageBand> {
    let mut bands: Vec<StageBand> = Vec::new();
    for c in check_ins {
        let day = day_of(c.at);
        match bands.last_mut() {
            Some(b) if b.stage == c.stage => b.to = day,
            _ => bands.push(StageBand { stage: c.stage, from: day, to: day }),
        }
    }
    bands
}

/// The trend of a rolling average in one sentence: "Mood (7-day average) rose from 4.2
/// to 6.1 between 1 Sep and 25 Nov." `date` formats a day for the reader.
/// `number` writes a value to one decimal as the patient reads it.
pub fn describe_trend(
    metric: Metric,
    rolling: &[Point],
    date: impl Fn(NaiveDate) -> String,
    number: impl Fn(f64) -> String,
) -> String {
    let (Some(first), Some(last)) = (rolling.first(), rolling.last()) else {
        return tr_with(T::trend_none, &[("metric", &super::lower::lower(metric.label()))]);
    };
    if rolling.len() < 2 {
        return tr_with(T::trend_one, &[("metric", metric.label()), ("value", &number(first.value))]);
    }
    let change = last.value - first.value;
    let key = if change.abs() < 0.5 {
        T::trend_same
    } else if change > 0.0 {
        T::trend_rose
    } else {
        T::trend_fell
    };
    tr_with(
        key,
        &[
            ("metric", metric.label()),
            ("from", &number(first.value)),
            ("to", &number(last.value)),
            ("start", &date(first.day)),
            ("end", &date(last.day)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(day: u32, value: f64) -> Point {
        Point { day: NaiveDate::from_ymd_opt(2026, 1, day).unwrap(), value }
    }

    #[test]
    fn rolling_mean_uses_calendar_days_not_points() {
        let points = [p(1, 2.0), p(2, 4.0), p(9, 10.0), p(10, 6.0)];
        let r: Vec<f64> = rolling_mean(&points, 7).iter().map(|x| x.value).collect();
        assert_eq!(r, [2.0, 3.0, 10.0, 8.0]);
    }

    #[test]
    fn downsampling_keeps_the_extremes_in_order() {
        let points: Vec<Point> = (0..1000).map(|i| p(1 + (i % 28) as u32, f64::from(i % 10))).collect();
        let mut spiky = points.clone();
        spiky[501].value = 99.0;
        spiky[733].value = -5.0;
        let out = downsample(&spiky, 50);
        assert!(out.len() <= 100);
        assert!(out.iter().any(|x| x.value == 99.0) && out.iter().any(|x| x.value == -5.0));
        assert_eq!(downsample(&points[..20], 50).len(), 20);
    }

    #[test]
    fn trends_are_put_in_words() {
        let d = |d: NaiveDate| d.format("%-d %b").to_string();
        let n = |v: f64| fixed(v, 1).to_string();
        assert_eq!(
            describe_trend(Metric::Mood, &[p(1, 4.2), p(20, 6.1)], d, n),
            "Mood (7-day average) rose from 4.2 to 6.1 between 1 Jan and 20 Jan."
        );
        assert!(
            describe_trend(Metric::Anxiety, &[p(1, 6.0), p(9, 3.0)], d, n).contains("fell from 6.0 to 3.0")
        );
        assert!(
            describe_trend(Metric::Energy, &[p(1, 5.0), p(9, 5.2)], d, n).contains("stayed about the same")
        );
        assert_eq!(describe_trend(Metric::Mood, &[], d, n), "No mood check-ins in this period.");
    }
}
