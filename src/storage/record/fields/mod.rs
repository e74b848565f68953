//! A stored object's fields, read by name through one serde visitor that every form
//! shares, in place of serde's derived `Deserialize` (a visitor of its own for each form,
//! 1.8 to 4 KB of wasm each, and the kinds read first are on the first screen). The JSON
//! is read as the derive read it: fields by name in any order, unknown names skipped, a
//! name given twice refused, a missing or mistyped field refused by the form's reader, and
//! `null` taken as "none" only where the form has an `Option`. Only serde's array form of
//! a struct (`["id", 1, ...]`), which Afterglow never wrote, is no longer read.
//!
//! Pure: serde only. Must never read a value into a field of another type: a text is never
//! a number, a number never a flag.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// One field's value as it was read.
#[derive(Clone, Debug, Default, PartialEq)]
enum Value {
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
    /// Anything else (an object, a fraction, a number beyond `i64`), by what serde calls it.
    Other(&'static str),
}

impl Value {
    /// What serde calls this kind of value, for the refusal.
    fn what(&self) -> String {
        match self {
            Value::Absent => "nothing".into(),
            Value::Null => "null".into(),
            Value::Flag(b) => format!("boolean `{b}`"),
            Value::Whole(n) => format!("integer `{n}`"),
            Value::Text(_) => "a string".into(),
            Value::List(_) => "sequence".into(),
            Value::Other(what) => (*what).into(),
        }
    }
}

/// The fields of one stored object, each taken once by its reader.
#[derive(Debug)]
pub(crate) struct Fields {
    names: &'static [&'static str],
    values: Vec<Value>,
}

impl Fields {
    /// Reads the object in `json`, keeping the fields in `names`.
    pub(crate) fn read(json: &str, names: &'static [&'static str]) -> Result<Fields, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        let values = Object(names).deserialize(&mut de).map_err(|e| e.to_string())?;
        de.end().map_err(|e| e.to_string())?;
        Ok(Fields { names, values })
    }

    /// Reads the array of objects in `json`, each keeping the fields in `names`.
    pub(crate) fn read_list(json: &str, names: &'static [&'static str]) -> Result<Vec<Fields>, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        let list = de.deserialize_seq(Objects(names)).map_err(|e| e.to_string())?;
        de.end().map_err(|e| e.to_string())?;
        Ok(list.into_iter().map(|values| Fields { names, values }).collect())
    }

    fn take(&mut self, name: &str) -> Value {
        let at = self.names.iter().position(|n| *n == name);
        at.and_then(|i| self.values.get_mut(i)).map(std::mem::take).unwrap_or_default()
    }

    /// A required text.
    pub(crate) fn text(&mut self, name: &str) -> Result<String, String> {
        match self.take(name) {
            Value::Text(s) => Ok(s),
            Value::Absent => Err(missing(name)),
            other => Err(wrong(name, &other, "a string")),
        }
    }

    /// A text that may be left out (`""` then).
    pub(crate) fn text_or_empty(&mut self, name: &str) -> Result<String, String> {
        match self.take(name) {
            Value::Absent => Ok(String::new()),
            Value::Text(s) => Ok(s),
            other => Err(wrong(name, &other, "a string")),
        }
    }

    /// A text that may be left out or `null`.
    pub(crate) fn opt_text(&mut self, name: &str) -> Result<Option<String>, String> {
        match self.take(name) {
            Value::Absent | Value::Null => Ok(None),
            Value::Text(s) => Ok(Some(s)),
            other => Err(wrong(name, &other, "a string")),
        }
    }

    /// A list of texts that may be left out (empty then).
    pub(crate) fn texts(&mut self, name: &str) -> Result<Vec<String>, String> {
        match self.take(name) {
            Value::Absent => Ok(Vec::new()),
            Value::List(items) => items
                .into_iter()
                .map(|item| match item {
                    Value::Text(s) => Ok(s),
                    other => Err(wrong(name, &other, "a string")),
                })
                .collect(),
            other => Err(wrong(name, &other, "a sequence")),
        }
    }

    /// A required whole number, in `T`'s range.
    pub(crate) fn whole<T: TryFrom<i64>>(&mut self, name: &str) -> Result<T, String> {
        self.opt_whole(name)?.ok_or_else(|| missing(name))
    }

    /// A whole number that may be left out or `null`.
    pub(crate) fn opt_whole<T: TryFrom<i64>>(&mut self, name: &str) -> Result<Option<T>, String> {
        match self.take(name) {
            Value::Absent | Value::Null => Ok(None),
            Value::Whole(n) => {
                T::try_from(n).map(Some).map_err(|_| format!("field `{name}`: {n} is out of range"))
            }
            other => Err(wrong(name, &other, "a whole number")),
        }
    }

    /// A flag that may be left out (`false` then).
    pub(crate) fn flag(&mut self, name: &str) -> Result<bool, String> {
        match self.take(name) {
            Value::Absent => Ok(false),
            Value::Flag(b) => Ok(b),
            other => Err(wrong(name, &other, "a boolean")),
        }
    }

    /// A stored name (`"follow-up"`) read by `parse`.
    pub(crate) fn name<T>(&mut self, name: &str, parse: fn(&str) -> Option<T>) -> Result<T, String> {
        self.opt_name(name, parse)?.ok_or_else(|| missing(name))
    }

    /// A stored name that may be left out (`T`'s default then), but not `null`.
    pub(crate) fn name_or_default<T: Default>(
        &mut self,
        name: &str,
        parse: fn(&str) -> Option<T>,
    ) -> Result<T, String> {
        match self.take(name) {
            Value::Absent => Ok(T::default()),
            Value::Text(text) => {
                parse(&text).ok_or_else(|| format!("field `{name}`: unknown variant `{text}`"))
            }
            other => Err(wrong(name, &other, "a string")),
        }
    }

    /// A stored name that may be left out or `null`.
    pub(crate) fn opt_name<T>(
        &mut self,
        name: &str,
        parse: fn(&str) -> Option<T>,
    ) -> Result<Option<T>, String> {
        match self.opt_text(name)? {
            None => Ok(None),
            Some(text) => {
                parse(&text).map(Some).ok_or_else(|| format!("field `{name}`: unknown variant `{text}`"))
            }
        }
    }
}

fn missing(name: &str) -> String {
    format!("missing field `{name}`")
}

fn wrong(name: &str, value: &Value, expected: &str) -> String {
    format!("field `{name}`: invalid type: {}, expected {expected}", value.what())
}

/// Reads one object's values for `names`.
struct Object(&'static [&'static str]);

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
struct Objects(&'static [&'static str]);

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
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Value::Other("map"))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
