//! The values [`super::Fields`] reads, and the serde visitors that read them: one object's
//! kept fields by name, a list of such objects, and any JSON value kept as a [`Value`].
//!
//! Pure: serde only. Must never allocate for a name it does not keep.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
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
    /// A whole number.
    Whole(i64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Value>),
    /// An object, its names and values in the order written.
    Map(Vec<(String, Value)>),
    /// Anything else (a fraction, a number beyond `i64`), by what serde calls it.
    Other(&'static str),
}

impl Value {
    /// What serde calls this kind of value, for the refusal.
    pub(super) fn what(&self) -> String {
        match self {
            Value::Absent => "nothing".into(),
            Value::Null => "null".into(),
            Value::Flag(b) => format!("boolean `{b}`"),
            Value::Whole(n) => format!("integer `{n}`"),
            Value::Text(_) => "a string".into(),
            Value::List(_) => "sequence".into(),
            Value::Map(_) => "map".into(),
            Value::Other(what) => (*what).into(),
        }
    }
}

/// Reads one object's values for `names`.
pub(super) struct Object(pub(super) &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Object {
    type Value = Vec<Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Value>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Object {
    type Value = Vec<Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<Value>, A::Error> {
        let mut values = vec![Value::Absent; self.0.len()];
        while let Some(at) = map.next_key_seed(Key(self.0))? {
            match at.and_then(|i| values.get_mut(i).map(|slot| (i, slot))) {
                Some((i, slot)) => {
                    if *slot != Value::Absent {
                        return Err(de::Error::duplicate_field(self.0.get(i).copied().unwrap_or_default()));
                    }
                    *slot = map.next_value()?;
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(values)
    }
}

/// Reads an array of objects.
pub(super) struct Objects(pub(super) &'static [&'static str]);

impl<'de> Visitor<'de> for Objects {
    type Value = Vec<Vec<Value>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Vec<Value>>, A::Error> {
        let mut out = Vec::new();
        while let Some(values) = seq.next_element_seed(Object(self.0))? {
            out.push(values);
        }
        Ok(out)
    }
}

/// A key's place among the names kept, or `None` for a name skipped; never allocates.
struct Key(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|n| *n == key))
    }
}

impl<'de> de::Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Flag(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Whole(n))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value, E> {
        Ok(i64::try_from(n).map_or(Value::Other("an integer beyond range"), Value::Whole))
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
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Value::Map(entries))
    }
}
