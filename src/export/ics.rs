//! Calendar files (RFC 5545) for reminders the patient's own calendar keeps (issue 36):
//! a `VCALENDAR` of `VEVENT`s with their alarms (`VALARM`), a repeating one's `RRULE`,
//! stable `UID`s (importing again updates rather than duplicates), and the patient's time
//! zone as a `TZID` with its `VTIMEZONE`, built from the offsets the browser reports
//! ([`Zone::from_transitions`]).
//!
//! Pure: the caller passes the time zone's name, its transitions and the moment of
//! writing. Lines end CRLF and are folded at 75 octets without splitting a character;
//! text is escaped (`\`, `;`, `,`, new lines), never interpreted.
//!
//! Must never write a line longer than 75 octets, nor text that is not escaped.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc, Weekday};
use std::fmt::Write as _;

/// A yearly rule for a time-zone change: the `nth` (1-4, or -1 for the last) `weekday`
/// of `month`, at `at` local time (before the change).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearlyRule {
    /// 1-12.
    pub month: u32,
    /// The weekday the change falls on.
    pub weekday: Weekday,
    /// Which one in the month: 1 to 4, or -1 for the last.
    pub nth: i8,
    /// The local time of the change, on the clock before it.
    pub at: NaiveTime,
}

impl YearlyRule {
    /// The rule a change on `local` (the clock before it) follows: its weekday's place in
    /// the month, counted as the last when no later one fits in the month (Europe's last
    /// Sunday of March), else from the start (the second Sunday of March in the US).
    pub fn of(local: NaiveDateTime) -> Self {
        let date = local.date();
        let nth = if date.day() + 7 > days_in_month(date.year(), date.month()) {
            -1
        } else {
            i8::try_from((date.day() - 1) / 7 + 1).unwrap_or(1)
        };
        YearlyRule { month: date.month(), weekday: date.weekday(), nth, at: local.time() }
    }

    /// The date the rule gives in `year`.
    pub fn date_in(&self, year: i32) -> Option<NaiveDate> {
        if self.nth < 0 {
            let last = NaiveDate::from_ymd_opt(year, self.month, days_in_month(year, self.month))?;
            let back = (7 + last.weekday().num_days_from_monday() - self.weekday.num_days_from_monday()) % 7;
            return last.checked_sub_days(chrono::Days::new(u64::from(back)));
        }
        let n = u8::try_from(self.nth).ok()?;
        NaiveDate::from_weekday_of_month_opt(year, self.month, self.weekday, n)
    }

    fn rrule(&self) -> String {
        format!("FREQ=YEARLY;BYMONTH={};BYDAY={}{}", self.month, self.nth, day_code(self.weekday))
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(31, |d| d.day())
}

/// One observance of a zone: standard time or daylight time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observance {
    /// Daylight (summer) time, else standard.
    pub daylight: bool,
    /// Minutes east of UTC before the change.
    pub offset_from: i32,
    /// Minutes east of UTC after it.
    pub offset_to: i32,
    /// When it starts each year; `None` for a zone that never changes.
    pub rule: Option<YearlyRule>,
}

/// The patient's time zone, as a `VTIMEZONE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    /// Its IANA name (`America/Chicago`), as the browser reports it.
    pub id: String,
    /// Standard time, and daylight time where the zone has it.
    pub observances: Vec<Observance>,
}

impl Zone {
    /// A zone from the changes of one year, each the local time on the clock before it
    /// with the offsets before and after (minutes east of UTC); `offset` is the offset
    /// when there is no change at all. More than two changes in a year (a zone that
    /// moved its rules) keep the last two.
    pub fn from_transitions(id: &str, offset: i32, changes: &[(NaiveDateTime, i32, i32)]) -> Self {
        let observances = match changes {
            [] => vec![Observance { daylight: false, offset_from: offset, offset_to: offset, rule: None }],
            _ => changes
                .iter()
                .rev()
                .take(2)
                .rev()
                .map(|&(local, from, to)| Observance {
                    daylight: to > from,
                    offset_from: from,
                    offset_to: to,
                    rule: Some(YearlyRule::of(local)),
                })
                .collect(),
        };
        Zone { id: id.to_owned(), observances }
    }
}

/// How an event repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repeat {
    /// Every day.
    Daily,
    /// On these weekdays.
    Weekly(Vec<Weekday>),
}

/// One event, at local times in the calendar's zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Stable across downloads: importing again updates the event.
    pub uid: String,
    /// The title the calendar (and a lock screen) shows.
    pub summary: String,
    /// Longer words, if any.
    pub description: Option<String>,
    /// When it starts, local time in the calendar's zone.
    pub start: NaiveDateTime,
    /// How long it lasts, in minutes.
    pub minutes: u32,
    /// How it repeats, if it does.
    pub repeat: Option<Repeat>,
    /// An alert this many minutes before the start (0: at the start).
    pub alarm_before: Option<u32>,
}

/// A calendar of `events` in `zone`, written at `stamp`.
pub fn write(zone: &Zone, events: &[Event], stamp: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Afterglow//Reminders//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VTIMEZONE".to_owned(),
        format!("TZID:{}", escape(&zone.id)),
    ];
    for o in &zone.observances {
        let kind = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
        let start = o.rule.and_then(|r| r.date_in(1970).map(|d| d.and_time(r.at))).unwrap_or_else(|| {
            NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default().and_time(NaiveTime::MIN)
        });
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("DTSTART:{}", local(start)));
        lines.push(format!("TZOFFSETFROM:{}", offset(o.offset_from)));
        lines.push(format!("TZOFFSETTO:{}", offset(o.offset_to)));
        if let Some(rule) = o.rule {
            lines.push(format!("RRULE:{}", rule.rrule()));
        }
        lines.push(format!("END:{kind}"));
    }
    lines.push("END:VTIMEZONE".to_owned());
    for e in events {
        lines.push("BEGIN:VEVENT".to_owned());
        lines.push(format!("UID:{}", escape(&e.uid)));
        lines.push(format!("DTSTAMP:{}Z", local(stamp.naive_utc())));
        lines.push(format!("DTSTART;TZID={}:{}", escape(&zone.id), local(e.start)));
        lines.push(format!("DURATION:PT{}M", e.minutes));
        lines.push(format!("SUMMARY:{}", escape(&e.summary)));
        if let Some(d) = &e.description {
            lines.push(format!("DESCRIPTION:{}", escape(d)));
        }
        match &e.repeat {
            Some(Repeat::Daily) => lines.push("RRULE:FREQ=DAILY".to_owned()),
            Some(Repeat::Weekly(days)) if !days.is_empty() => {
                let days: Vec<&str> = days.iter().map(|d| day_code(*d)).collect();
                lines.push(format!("RRULE:FREQ=WEEKLY;BYDAY={}", days.join(",")));
            }
            _ => {}
        }
        if let Some(before) = e.alarm_before {
            lines.push("BEGIN:VALARM".to_owned());
            lines.push("ACTION:DISPLAY".to_owned());
            lines.push(format!("DESCRIPTION:{}", escape(&e.summary)));
            lines.push(format!("TRIGGER:-PT{before}M"));
            lines.push("END:VALARM".to_owned());
        }
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in lines {
        fold(&mut out, &line);
    }
    out
}

/// The patient's reminders as a calendar: ten-minute events that alert at their start,
/// each with a UID made of its key and `namespace`, so importing again updates them.
pub fn reminders(
    zone: &Zone,
    list: &[crate::domain::reminders::Reminder],
    namespace: &str,
    stamp: DateTime<Utc>,
) -> String {
    let events: Vec<Event> = list
        .iter()
        .map(|r| Event {
            uid: format!("{}.{namespace}@afterglow.invalid", r.key),
            summary: r.text.clone(),
            description: None,
            start: r.at,
            minutes: 10,
            repeat: match r.every.len() {
                0 => None,
                7 => Some(Repeat::Daily),
                _ => Some(Repeat::Weekly(r.every.clone())),
            },
            alarm_before: Some(0),
        })
        .collect();
    write(zone, &events, stamp)
}

/// `YYYYMMDDTHHMMSS`, written by hand: chrono's formatter would bring its whole
/// machinery into the chunk for one shape.
fn local(at: NaiveDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

fn offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}{:02}", m / 60, m % 60)
}

fn day_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// TEXT as RFC 5545 writes it: backslash, semicolon and comma escaped, line breaks as
/// `\n`, other control characters dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (a CRLF and a space before each continuation),
/// never inside a character.
fn fold(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        // A continuation line's leading space counts toward its 75.
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests;
