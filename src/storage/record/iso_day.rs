//! Calendar days in stored forms, as `YYYY-MM-DD` text: the same text chrono's serde
//! writes, read and written by [`crate::domain::iso`] instead of chrono's general parser
//! (its strftime machinery weighed about 11 KB raw in the archive's chunk, for three
//! fields). Strict: what Afterglow writes, four-digit years and two-digit months and days.
//!
//! Stored forms are read by [`super::fields`] (`Fields::day`), with the same check; the
//! readers here serve the tests' derived forms. Use with `#[serde(with = "iso_day")]`, or `iso_day::option` for an `Option` that is
//! left out when empty (`default` and `skip_serializing_if` beside it). Pure: serde only.

use crate::domain::iso;
use chrono::NaiveDate;
#[cfg(test)]
use serde::de::{Error, Unexpected};
use serde::Serializer;
#[cfg(test)]
use serde::{Deserialize, Deserializer};

/// Writes `day` as `2026-12-01`.
pub fn serialize<S: Serializer>(day: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&iso::day(*day))
}

/// Reads a day written as `2026-12-01`; anything else is an error naming the text. Only
/// the tests' derived readers use it: stored forms are read by [`super::fields`].
#[cfg(test)]
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(deserializer)?;
    iso::parse_day(&text)
        .ok_or_else(|| Error::invalid_value(Unexpected::Str(&text), &"a day like 2026-12-01"))
}

/// The same for an optional day.
pub mod option {
    use super::*;

    /// Writes a day that is there (an absent one is skipped by the field's
    /// `skip_serializing_if`; written anyway, it is `null`).
    pub fn serialize<S: Serializer>(day: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        match day {
            Some(day) => super::serialize(day, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Reads a day, or `null` as none (tests only, as above).
    #[cfg(test)]
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            Some(text) => iso::parse_day(&text)
                .map(Some)
                .ok_or_else(|| Error::invalid_value(Unexpected::Str(&text), &"a day like 2026-12-01")),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Form {
        #[serde(with = "super")]
        a: chrono::NaiveDate,
        #[serde(with = "super::option", default, skip_serializing_if = "Option::is_none")]
        b: Option<chrono::NaiveDate>,
    }

    #[test]
    fn days_read_and_write_as_chrono_wrote_them() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 2, 3).unwrap();
        let json = r#"{"a":"2026-02-03","b":"2026-02-03"}"#;
        let form: Form = serde_json::from_str(json).unwrap();
        assert_eq!(form, Form { a: day, b: Some(day) });
        assert_eq!(serde_json::to_string(&form).unwrap(), json);
        let short = Form { a: day, b: None };
        assert_eq!(serde_json::to_string(&short).unwrap(), r#"{"a":"2026-02-03"}"#);
        assert_eq!(serde_json::from_str::<Form>(r#"{"a":"2026-02-03"}"#).unwrap(), short);
        assert_eq!(serde_json::from_str::<Form>(r#"{"a":"2026-02-03","b":null}"#).unwrap(), short);
    }

    #[test]
    fn anything_but_a_day_is_refused_with_its_text() {
        for bad in [r#""2026-02-30""#, r#""2026-2-3""#, r#""3 Feb 2026""#, r#""""#, "20260203", "null"] {
            let json = format!(r#"{{"a":{bad}}}"#);
            let error = serde_json::from_str::<Form>(&json).unwrap_err().to_string();
            assert!(error.contains("invalid"), "{bad}: {error}");
        }
        let error = serde_json::from_str::<Form>(r#"{"a":"2026-02-03","b":"tomorrow"}"#).unwrap_err();
        assert!(error.to_string().contains(r#""tomorrow", expected a day like 2026-12-01"#), "{error}");
    }
}
