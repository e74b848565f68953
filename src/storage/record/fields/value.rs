//! The values [`super::Fields`] reads, and the serde visitors that read them: one object's
//! kept fields by name, a list of such objects, and any JSON value kept as a [`Value`].
//! A field that holds objects (a nested form, or a list of them) is read with the names
//! kept in them, so their unknown names are skipped as serde's derive skipped them.
//!
//! Pure: serde only. Must never read a name it does not keep as more than "some JSON":
//! serde_json skips such a value without checking the size of its numbers, the escapes
//! of its strings or its depth, and so must this (the derive did, so a record carrying
//! such a field, from a later version, still reads).

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

/// The names kept in the objects a field holds, by the field's name.
pub(super) type NestedNames = &'static [(&'static str, &'static [&'static str])];

/// What an [`Object`] keeps, and how it reads a kept field's value.
pub(super) trait Kept: Copy {
    /// The names kept.
    fn names(&self) -> &'static [&'static str];
    /// Reads the value of the kept field `name`.
    fn value<'de, A: MapAccess<'de>>(&self, name: &str, map: &mut A) -> Result<Value, A::Error>;
}

/// Fields of plain values only (every form read before the first screen): no nested
/// reading is compiled into the main module.
#[derive(Clone, Copy)]
pub(super) struct Flat(pub(super) &'static [&'static str]);

impl Kept for Flat {
    fn names(&self) -> &'static [&'static str] {
        self.0
    }

    fn value<'de, A: MapAccess<'de>>(&self, _: &str, map: &mut A) -> Result<Value, A::Error> {
        map.next_value()
    }
}

/// Fields among which those named in `nested` hold an object or a list of them, read for
/// the names given there.
#[derive(Clone, Copy)]
pub(super) struct Nested {
    pub(super) names: &'static [&'static str],
    pub(super) nested: NestedNames,
}

impl Kept for Nested {
    fn names(&self) -> &'static [&'static str] {
        self.names
    }

    fn value<'de, A: MapAccess<'de>>(&self, name: &str, map: &mut A) -> Result<Value, A::Error> {
        match self.nested.iter().find(|(n, _)| *n == name) {
            Some((_, inner)) => map.next_value_seed(Holder(inner)),
            None => map.next_value(),
        }
    }
}

/// Reads one object's values for the names `K` keeps.
#[derive(Clone, Copy)]
pub(super) struct Object<K>(pub(super) K);

impl<'de, K: Kept> DeserializeSeed<'de> for Object<K> {
    type Value = Vec<Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Value>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, K: Kept> Visitor<'de> for Object<K> {
    type Value = Vec<Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<Value>, A::Error> {
        let names = self.0.names();
        let mut values = vec![Value::Absent; names.len()];
        while let Some(at) = map.next_key_seed(Key(names))? {
            match at.and_then(|i| values.get_mut(i).map(|slot| (i, slot))) {
                Some((i, slot)) => {
                    let name = names.get(i).copied().unwrap_or_default();
                    if *slot != Value::Absent {
                        return Err(de::Error::duplicate_field(name));
                    }
                    *slot = self.0.value(name, &mut map)?;
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
pub(super) struct Objects<K>(pub(super) Object<K>);

impl<'de, K: Kept> Visitor<'de> for Objects<K> {
    type Value = Vec<Vec<Value>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Vec<Value>>, A::Error> {
        let mut out = Vec::new();
        while let Some(values) = seq.next_element_seed(self.0)? {
            out.push(values);
        }
        Ok(out)
    }
}

/// A field that holds an object or a list of objects, each read for `names`; any other
/// value is read as a [`Value`], for its reader to refuse.
struct Holder(&'static [&'static str]);

impl Holder {
    fn object(&self) -> Object<Flat> {
        Object(Flat(self.0))
    }
}

impl<'de> DeserializeSeed<'de> for Holder {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Holder {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object or a list of objects")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
        self.object().visit_map(map).map(Value::Object)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Value, A::Error> {
        let list = Objects(self.object()).visit_seq(seq)?;
        Ok(Value::List(list.into_iter().map(Value::Object).collect()))
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        ValueVisitor.visit_bool(b)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value, E> {
        ValueVisitor.visit_i64(n)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value, E> {
        ValueVisitor.visit_u64(n)
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Value, E> {
        ValueVisitor.visit_f64(n)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        ValueVisitor.visit_str(s)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        ValueVisitor.visit_unit()
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
