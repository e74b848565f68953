//! The serde visitors that read one stored object's kept fields by name ([`Object`]), a
//! list of such objects ([`Objects`]), and a field that holds objects (a nested form, or a
//! list of them), read with the names kept in them so their unknown names are skipped as
//! serde's derive skipped them.
//!
//! Pure: serde only. Must never read a name it does not keep as more than "some JSON":
//! serde_json skips such a value without checking the size of its numbers, the escapes
//! of its strings or its depth, and so must this (the derive did, so a record carrying
//! such a field, from a later version, still reads).

use super::value::{Value, ValueVisitor};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

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
