//! A stored object's fields, read by name through one serde visitor that every form
//! shares, in place of serde's derived `Deserialize` (a visitor of its own for each form,
//! 1.8 to 4 KB of wasm each: the kinds read first are on the first screen, and the others'
//! were most of the archive's chunk). The JSON is read as the derive read it: fields by
//! name in any order, unknown names skipped, a name given twice refused, a missing or
//! mistyped field refused by the form's reader, `null` taken as "none" only where the form
//! has an `Option`, and a fixed-size list refused at any other length. Only serde's array
//! form of a struct (`["id", 1, ...]`, also for a nested one), which Afterglow never wrote,
//! is no longer read.
//!
//! Pure: serde and the domain's day format only. Must never read a value into a field of
//! another type: a text is never a number, a number never a flag.

mod object;
mod value;

use crate::domain::iso;
use chrono::NaiveDate;
use object::{Flat, Kept, Nested, NestedNames, Object, Objects};
use serde::de::{DeserializeSeed, Deserializer};
use value::Value;

/// The fields of one stored object, each taken once by its reader.
#[derive(Debug)]
pub(crate) struct Fields {
    names: &'static [&'static str],
    values: Vec<Value>,
}

/// One item of a list field, read by the list's name.
#[derive(Debug)]
pub(crate) struct Item {
    name: &'static str,
    value: Value,
}

impl Fields {
    /// Reads the object in `json`, keeping the fields in `names`.
    pub(crate) fn read(json: &str, names: &'static [&'static str]) -> Result<Fields, String> {
        Fields::read_with(json, Object(Flat(names)))
    }

    /// Reads the object in `json`, keeping the fields in `names`; each field named in
    /// `nested` holds an object or a list of them, kept for the names given there (read
    /// with [`Fields::opt_object`] or [`Item::object`] and the same names).
    pub(crate) fn read_nested(
        json: &str,
        names: &'static [&'static str],
        nested: NestedNames,
    ) -> Result<Fields, String> {
        Fields::read_with(json, Object(Nested { names, nested }))
    }

    fn read_with<K: Kept>(json: &str, object: Object<K>) -> Result<Fields, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        let values = object.deserialize(&mut de).map_err(|e| e.to_string())?;
        de.end().map_err(|e| e.to_string())?;
        Ok(Fields { names: object.0.names(), values })
    }

    /// Reads the array of objects in `json`, each keeping the fields in `names`.
    pub(crate) fn read_list(json: &str, names: &'static [&'static str]) -> Result<Vec<Fields>, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        let list = de.deserialize_seq(Objects(Object(Flat(names)))).map_err(|e| e.to_string())?;
        de.end().map_err(|e| e.to_string())?;
        Ok(list.into_iter().map(|values| Fields { names, values }).collect())
    }

    fn take(&mut self, name: &str) -> Value {
        let at = self.names.iter().position(|n| *n == name);
        debug_assert!(at.is_some(), "`{name}` is read but not among the names kept");
        at.and_then(|i| self.values.get_mut(i)).map(std::mem::take).unwrap_or_default()
    }

    /// A required text.
    pub(crate) fn text(&mut self, name: &str) -> Result<String, String> {
        text(name, self.take(name))
    }

    /// A text that may be left out (`""` then).
    pub(crate) fn text_or_empty(&mut self, name: &str) -> Result<String, String> {
        match self.take(name) {
            Value::Absent => Ok(String::new()),
            other => text(name, other),
        }
    }

    /// A text that may be left out or `null`.
    pub(crate) fn opt_text(&mut self, name: &str) -> Result<Option<String>, String> {
        match self.take(name) {
            Value::Absent | Value::Null => Ok(None),
            other => text(name, other).map(Some),
        }
    }

    /// A list of texts that may be left out (empty then).
    pub(crate) fn texts(&mut self, name: &'static str) -> Result<Vec<String>, String> {
        self.list(name)?.unwrap_or_default().into_iter().map(Item::text).collect()
    }

    /// A required whole number, in `T`'s range.
    pub(crate) fn whole<T: TryFrom<i128>>(&mut self, name: &str) -> Result<T, String> {
        self.opt_whole(name)?.ok_or_else(|| missing(name))
    }

    /// A whole number that may be left out or `null`.
    pub(crate) fn opt_whole<T: TryFrom<i128>>(&mut self, name: &str) -> Result<Option<T>, String> {
        opt_whole(name, self.take(name))
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
        named(name, self.take(name), parse)
    }

    /// A stored name that may be left out (`T`'s default then), but not `null`.
    pub(crate) fn name_or_default<T: Default>(
        &mut self,
        name: &str,
        parse: fn(&str) -> Option<T>,
    ) -> Result<T, String> {
        match self.take(name) {
            Value::Absent => Ok(T::default()),
            other => named(name, other, parse),
        }
    }

    /// A stored name that may be left out or `null`.
    pub(crate) fn opt_name<T>(
        &mut self,
        name: &str,
        parse: fn(&str) -> Option<T>,
    ) -> Result<Option<T>, String> {
        match self.take(name) {
            Value::Absent | Value::Null => Ok(None),
            other => named(name, other, parse).map(Some),
        }
    }

    /// A required day, written `2026-12-01`.
    pub(crate) fn day(&mut self, name: &str) -> Result<NaiveDate, String> {
        day(name, self.take(name))
    }

    /// A day that may be left out or `null`.
    pub(crate) fn opt_day(&mut self, name: &str) -> Result<Option<NaiveDate>, String> {
        match self.take(name) {
            Value::Absent | Value::Null => Ok(None),
            other => day(name, other).map(Some),
        }
    }

    /// A list that may be left out (`None`), but not `null`.
    pub(crate) fn list(&mut self, name: &'static str) -> Result<Option<Vec<Item>>, String> {
        match self.take(name) {
            Value::Absent => Ok(None),
            other => items(name, other).map(Some),
        }
    }

    /// A list that may be left out or `null`.
    pub(crate) fn opt_list(&mut self, name: &'static str) -> Result<Option<Vec<Item>>, String> {
        match self.take(name) {
            Value::Absent | Value::Null => Ok(None),
            other => items(name, other).map(Some),
        }
    }

    /// A required list of exactly `N` items, each read by `read`.
    pub(crate) fn exactly<T, const N: usize>(
        &mut self,
        name: &'static str,
        read: fn(Item) -> Result<T, String>,
    ) -> Result<[T; N], String> {
        let list = self.list(name)?.ok_or_else(|| missing(name))?;
        sized(name, list, read)
    }

    /// A list of exactly `N` items that may be left out or `null`, each read by `read`.
    pub(crate) fn opt_exactly<T, const N: usize>(
        &mut self,
        name: &'static str,
        read: fn(Item) -> Result<T, String>,
    ) -> Result<Option<[T; N]>, String> {
        self.opt_list(name)?.map(|list| sized(name, list, read)).transpose()
    }

    /// A nested object that may be left out or `null`, keeping the fields in `names`.
    pub(crate) fn opt_object(
        &mut self,
        name: &'static str,
        names: &'static [&'static str],
    ) -> Result<Option<Fields>, String> {
        match self.take(name) {
            Value::Absent | Value::Null => Ok(None),
            other => Item { name, value: other }.object(names).map(Some),
        }
    }
}

impl Item {
    /// A text.
    pub(crate) fn text(self) -> Result<String, String> {
        text(self.name, self.value)
    }

    /// A whole number in `T`'s range.
    pub(crate) fn whole<T: TryFrom<i128>>(self) -> Result<T, String> {
        match self.value {
            Value::Null => Err(wrong(self.name, &Value::Null, "a whole number")),
            other => opt_whole(self.name, other)?.ok_or_else(|| missing(self.name)),
        }
    }

    /// A whole number in `T`'s range, or `null`.
    pub(crate) fn opt_whole<T: TryFrom<i128>>(self) -> Result<Option<T>, String> {
        opt_whole(self.name, self.value)
    }

    /// A stored name read by `parse`.
    pub(crate) fn name<T>(self, parse: fn(&str) -> Option<T>) -> Result<T, String> {
        named(self.name, self.value, parse)
    }

    /// An object, with the fields in `names`: the names its field was given in
    /// [`Fields::read_nested`] (a kept name given twice was refused there).
    pub(crate) fn object(self, names: &'static [&'static str]) -> Result<Fields, String> {
        match self.value {
            Value::Object(values) if values.len() == names.len() => Ok(Fields { names, values }),
            other => Err(wrong(self.name, &other, "an object")),
        }
    }
}

/// The refusal of a whole number beyond its field's type.
pub(crate) fn out_of_range(name: &str, n: i128) -> String {
    format!("field `{name}`: {} is out of range", value::whole_text(n))
}

fn missing(name: &str) -> String {
    format!("missing field `{name}`")
}

fn wrong(name: &str, value: &Value, expected: &str) -> String {
    format!("field `{name}`: invalid type: {}, expected {expected}", value.what())
}

fn text(name: &str, value: Value) -> Result<String, String> {
    match value {
        Value::Text(s) => Ok(s),
        Value::Absent => Err(missing(name)),
        other => Err(wrong(name, &other, "a string")),
    }
}

fn opt_whole<T: TryFrom<i128>>(name: &str, value: Value) -> Result<Option<T>, String> {
    match value {
        Value::Absent | Value::Null => Ok(None),
        Value::Whole(n) => T::try_from(n).map(Some).map_err(|_| out_of_range(name, n)),
        other => Err(wrong(name, &other, "a whole number")),
    }
}

fn named<T>(name: &str, value: Value, parse: fn(&str) -> Option<T>) -> Result<T, String> {
    let text = text(name, value)?;
    parse(&text).ok_or_else(|| format!("field `{name}`: unknown variant `{text}`"))
}

fn day(name: &str, value: Value) -> Result<NaiveDate, String> {
    let text = text(name, value)?;
    iso::parse_day(&text).ok_or_else(|| format!("field `{name}`: {text:?} is not a day like 2026-12-01"))
}

fn items(name: &'static str, value: Value) -> Result<Vec<Item>, String> {
    match value {
        Value::List(values) => Ok(values.into_iter().map(|value| Item { name, value }).collect()),
        other => Err(wrong(name, &other, "a sequence")),
    }
}

fn sized<T, const N: usize>(
    name: &str,
    list: Vec<Item>,
    read: fn(Item) -> Result<T, String>,
) -> Result<[T; N], String> {
    let len = list.len();
    let read: Vec<T> = list.into_iter().map(read).collect::<Result<_, _>>()?;
    read.try_into().map_err(|_| format!("field `{name}`: invalid length {len}, expected {N} items"))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
