//! One field's value as [`super::Fields`] read it ([`Value`]), and the serde visitor that
//! reads any JSON value into one (an object in it only skipped: see `super::object` for
//! the objects a form keeps).
//!
//! Pure: serde only.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// One field's value as it was read.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) enum Value {
    /// Not in the object.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// `true` or `false`.
    Flag(bool),
    /// A whole number (`i128` holds every `i64` and `u64` JSON can give).
    Whole(i128),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Value>),
    /// An object read for the names it keeps (see [`Object`]), in their order.
    Object(Vec<Value>),
    /// Anything else (a fraction, an object where none is read), by what serde calls it.
    Other(&'static str),
}

impl Value {
    /// What serde calls this kind of value, for the refusal.
    pub(super) fn what(&self) -> String {
        match self {
            Value::Absent => "nothing".into(),
            Value::Null => "null".into(),
            Value::Flag(b) => format!("boolean `{b}`"),
            Value::Whole(n) => format!("integer `{}`", whole_text(*n)),
            Value::Text(_) => "a string".into(),
            Value::List(_) => "sequence".into(),
            Value::Object(_) => "map".into(),
            Value::Other(what) => (*what).into(),
        }
    }
}

/// A whole number as text. Every one read came from an `i64` or a `u64`, so it is written
/// through those: formatting an `i128` would bring its 128-bit division into the first
/// screen for an error message.
pub(super) fn whole_text(n: i128) -> String {
    match (i64::try_from(n), u64::try_from(n)) {
        (Ok(n), _) => n.to_string(),
        (_, Ok(n)) => n.to_string(),
        _ => String::from("beyond range"),
    }
}

impl<'de> de::Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

/// Reads any JSON value as a [`Value`].
pub(super) struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Flag(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Whole(n.into()))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Whole(n.into()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Value, E> {
        Ok(Value::Other("floating point"))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        Ok(Value::Text(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Value, E> {
        Ok(Value::Text(s))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Value::Other("map"))
    }
}
