//! The stored form of each record (unchanged since schema version 1), kept apart from the domain types:
//! these shapes are a compatibility promise, the domain types are free to change.
//!
//! Field names are short because a ten-year journal has thousands of records and the
//! smallest browser quota is about 5 MiB; times are epoch milliseconds. Optional fields
//! are left out when empty. Pure: serde only.

mod after_effects;
mod checkin;
mod entry;
mod fields;
mod follow_up;
mod forms;
mod goal;
mod insight;
mod iso_day;
mod plain;
mod safety_plan;
mod session;
mod session_day;
mod shared;
mod staying_well;

pub use forms::{FormDraft, FormsRecord};
pub use plain::{DraftRecord, EditDraftRecord, MetaRecord, PrefsRecord};

use crate::domain::{AnyRecord, Kind, Record, RecordId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 2;

/// Why a stored record could not become a domain value.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// Not JSON, or JSON of another shape.
    #[error("unreadable: {0}")]
    Malformed(String),
    /// Parsed, but a value breaks a rule (bad id, bad time, empty text).
    #[error("invalid: {0}")]
    Invalid(String),
    /// A kind read later, before its codec is in: nothing is wrong with the value.
    #[error("not read yet")]
    NotYet,
}

/// A domain record with a stored form under `{ns}:{TAG}:{id}`.
pub trait Stored: Record + Sized {
    /// The key tag of this kind of record.
    const TAG: char;
    /// The stored shape.
    type Form: Serialize;
    /// The stored shape in `json`, through [`fields`]' shared reader (serde's derive, a
    /// visitor per form, stays only for the tests that compare the two).
    fn read_form(json: &str) -> Result<Self::Form, String>;
    /// The stored shape of this record.
    fn to_form(&self) -> Self::Form;
    /// The record a stored shape holds, checked.
    fn from_form(form: Self::Form) -> Result<Self, RecordError>;

    /// Serializes the record for storage.
    fn to_json(&self) -> String {
        to_json(&self.to_form())
    }

    /// Parses and checks a stored value; `key_id` is the id part of its key.
    fn from_json(json: &str, key_id: &str) -> Result<Self, RecordError> {
        let form = Self::read_form(json).map_err(RecordError::Malformed)?;
        let record = Self::from_form(form)?;
        if record.id().as_str() == key_id {
            Ok(record)
        } else {
            Err(RecordError::Invalid("id does not match its key".into()))
        }
    }
}

/// What a time or day outside the years a journal holds is refused with, in words (never
/// the raw number a file or a wrong clock gave).
pub const OUT_OF_YEARS: &str = "a date or time outside the years 2000 to 2099";

/// A stored time, refused unless it falls in the years a journal holds
/// ([`crate::domain::when`]).
pub(crate) fn time(millis: i64) -> Result<DateTime<Utc>, RecordError> {
    crate::domain::when::instant(millis).map_err(|_| RecordError::Invalid(OUT_OF_YEARS.to_owned()))
}

/// A stored calendar day, refused unless it falls in the years a journal holds.
pub(crate) fn day(day: NaiveDate) -> Result<NaiveDate, RecordError> {
    crate::domain::when::checked_day(day).map_err(|_| RecordError::Invalid(OUT_OF_YEARS.to_owned()))
}

pub(crate) fn id(text: &str) -> Result<RecordId, RecordError> {
    RecordId::parse(text).map_err(|e| RecordError::Invalid(e.to_string()))
}

/// Serializes a record. Serializing these plain structs cannot fail; an empty object is
/// returned if it ever did, which a later load reports as unreadable rather than lost.
pub fn to_json<T: Serialize>(record: &T) -> String {
    serde_json::to_string(record).unwrap_or_else(|_| "{}".to_owned())
}

/// One kind's stored form: `$first` for a kind read first, `$later` for one read later.
macro_rules! when_read {
    (first, $first:expr, $later:expr) => {
        $first
    };
    (later, $first:expr, $later:expr) => {
        $later
    };
}

fn decode_form<T: Stored + Into<AnyRecord>>(json: &str) -> Result<AnyRecord, RecordError> {
    let form = T::read_form(json).map_err(RecordError::Malformed)?;
    Ok(T::from_form(form)?.into())
}

macro_rules! stored_kinds {
    ($( $(#[$doc:meta])* $variant:ident($ty:ty) in $list:ident as $file:literal called $label:literal read $when:ident, )*) => {
        /// The key tag of a kind of record.
        pub fn tag(kind: Kind) -> char {
            match kind { $( Kind::$variant => <$ty as Stored>::TAG, )* }
        }

        /// The kind whose key tag is `tag`.
        pub fn kind_of(tag: char) -> Option<Kind> {
            $( if tag == <$ty as Stored>::TAG { return Some(Kind::$variant); } )*
            None
        }

        /// Whether the kind is read later (see [`later`]): its stored form is not in the
        /// main module.
        pub fn read_later(kind: Kind) -> bool {
            match kind { $( Kind::$variant => when_read!($when, false, true), )* }
        }

        /// Parses and checks a stored value of `kind`; `key_id` is the id part of its key
        /// (`None`: a record from a backup file, which has no key). A kind read later is
        /// [`RecordError::NotYet`] until its codec is in.
        pub fn decode_checked(kind: Kind, json: &str, key_id: Option<&str>) -> Result<AnyRecord, RecordError> {
            let record = match kind {
                $( Kind::$variant => when_read!($when, decode_form::<$ty>(json), (later::codec()?.decode)(kind, json)), )*
            }?;
            match key_id {
                Some(k) if record.id().as_str() != k => Err(RecordError::Invalid("id does not match its key".into())),
                _ => Ok(record),
            }
        }

        /// A record's stored JSON. A kind read later before its codec is in gives `{}`,
        /// which every check refuses (no such record can exist before then).
        pub fn encode(record: &AnyRecord) -> String {
            match record {
                $( AnyRecord::$variant(r) => when_read!($when, r.to_json(), {
                    let _ = r;
                    later::codec().map_or_else(|_| "{}".to_owned(), |c| (c.encode)(record))
                }), )*
            }
        }

        /// The stored forms of the kinds read later: the only code that names them. Only
        /// [`later::register`] refers to these, so in the browser they live in the
        /// archive's chunk.
        mod later_forms {
            use super::*;

            pub(super) fn decode(kind: Kind, json: &str) -> Result<AnyRecord, RecordError> {
                match kind {
                    $( Kind::$variant => when_read!($when, Err(RecordError::Invalid("read first".into())), decode_form::<$ty>(json)), )*
                }
            }

            pub(super) fn encode(record: &AnyRecord) -> String {
                match record {
                    $( AnyRecord::$variant(r) => when_read!($when, { let _ = r; "{}".to_owned() }, r.to_json()), )*
                }
            }
        }
    };
}

crate::for_each_kind!(stored_kinds);

/// The codec of the kinds read later. The first screen needs only the kinds read first
/// (entries and sessions: the composer and the session button; every other kind
/// is shown only by the views and Today's cards, which wait for every record); every other kind's
/// stored form (its serde code and checks, most of what a kind weighs) is reached through
/// a codec registered by the archive's chunk, which start-up loads first and which reads
/// those values just after the first paint (`JournalRepo::read_later`), before any view
/// that lists everything opens. Natively (tests, tools) it is there from the start.
pub mod later {
    use super::{AnyRecord, Kind, RecordError};
    use std::cell::Cell;

    /// Decoding and encoding the kinds read later.
    #[derive(Clone, Copy)]
    pub struct Codec {
        /// Parses and checks a stored value of a kind read later.
        pub decode: fn(Kind, &str) -> Result<AnyRecord, RecordError>,
        /// A record's stored JSON.
        pub encode: fn(&AnyRecord) -> String,
    }

    fn full() -> Codec {
        Codec { decode: super::later_forms::decode, encode: super::later_forms::encode }
    }

    // In the browser nothing refers to `full` before the archive's chunk calls
    // `register`, so the forms stay out of the main module.
    #[cfg(target_arch = "wasm32")]
    fn at_start() -> Option<Codec> {
        None
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn at_start() -> Option<Codec> {
        Some(full())
    }

    thread_local! {
        static CODEC: Cell<Option<Codec>> = Cell::new(at_start());
    }

    /// The codec, once registered.
    pub fn codec() -> Result<Codec, RecordError> {
        CODEC.with(Cell::get).ok_or(RecordError::NotYet)
    }

    /// Registers the codec (the archive's chunk calls this as it comes in).
    pub fn register() {
        CODEC.with(|c| c.set(Some(full())));
    }

    /// Whether the codec is in.
    pub fn is_in() -> bool {
        CODEC.with(Cell::get).is_some()
    }

    /// Takes the codec out again, as a browser start has it before the archive's chunk
    /// (for tests of that start).
    pub fn forget() {
        CODEC.with(|c| c.set(None));
    }
}

/// Parses and checks a stored value of `kind`; `key_id` is the id part of its key.
pub fn decode(kind: Kind, json: &str, key_id: &str) -> Result<AnyRecord, RecordError> {
    decode_checked(kind, json, Some(key_id))
}

/// A record's stored shape as a JSON value (a backup's list item). Goes through the
/// stored JSON text, so the wasm carries one serializer per kind, not two.
pub fn to_value(record: &AnyRecord) -> serde_json::Value {
    serde_json::from_str(&encode(record)).unwrap_or_default()
}

/// A record of `kind` from its stored shape as a JSON value, checked (through the same
/// text parser as storage, for the same reason).
pub fn from_value(kind: Kind, value: serde_json::Value) -> Result<AnyRecord, RecordError> {
    decode_checked(kind, &value.to_string(), None)
}
