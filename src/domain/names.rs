//! How a unit enum is stored: each variant by one name (`"follow-up"`, `"iv-infusion"`).
//! [`stored_names!`] writes its `Serialize` and `Deserialize` from one table, in place of
//! serde's derive: the derived `Deserialize` of an enum is a visitor of its own (about
//! 1.4 KB of wasm per enum and reader), where this one reads a string with the reader's
//! string code, shared by every enum, and matches it. Every name Afterglow writes reads
//! the same either way; only serde's map form (`{"dark": null}`), which Afterglow never
//! wrote, is no longer read, and a value that is not a string is refused in other words.
//!
//! Pure. Must never change a stored name: the journal, backups and other tabs read them.

/// `Serialize` and `Deserialize` for the unit enum `$t`, each variant stored as `$name`.
/// Any other name is refused with serde's own words ("unknown variant `x`, expected one
/// of ...").
macro_rules! stored_names {
    ($t:ident { $($variant:ident = $name:literal,)* }) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(match self { $($t::$variant => $name,)* })
            }
        }

        impl $t {
            /// The variant stored as `name`, if any.
            #[allow(dead_code)]
            pub(crate) fn from_stored_name(name: &str) -> Option<$t> {
                match name {
                    $($name => Some($t::$variant),)*
                    _ => None,
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const NAMES: &[&str] = &[$($name),*];
                let name = <String as serde::Deserialize>::deserialize(d)?;
                $t::from_stored_name(&name)
                    .ok_or_else(|| <D::Error as serde::de::Error>::unknown_variant(&name, NAMES))
            }
        }
    };
}
pub(crate) use stored_names;

#[cfg(test)]
mod tests {
    use crate::domain::after_effects::{Level, Sleep};
    use crate::domain::journal::Theme;
    use crate::domain::prompt::When;
    use crate::domain::session::Route;
    use crate::domain::{Instrument, Stage};
    use serde::de::DeserializeOwned;
    use serde::Serialize;

    /// Each variant's JSON is its name as the derive wrote it, and reads back.
    fn names<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug + Copy>(pairs: &[(T, &str)]) {
        for &(value, name) in pairs {
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(json, format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
        }
        let err = serde_json::from_str::<T>("\"no-such\"").unwrap_err().to_string();
        assert!(err.starts_with("unknown variant `no-such`, expected one of"), "{err}");
        assert!(serde_json::from_str::<T>("3").is_err(), "a number is no name");
        assert!(serde_json::from_str::<T>("null").is_err());
    }

    #[test]
    fn every_stored_name_is_the_one_kept_before() {
        names(&[(Theme::Auto, "auto"), (Theme::Light, "light"), (Theme::Dark, "dark")]);
        names(&[
            (Stage::Evaluation, "evaluation"),
            (Stage::Preparation, "preparation"),
            (Stage::Dosing, "dosing"),
            (Stage::Integration, "integration"),
            (Stage::FollowUp, "follow-up"),
        ]);
        names(&[(Level::None, "none"), (Level::Mild, "mild"), (Level::Strong, "strong")]);
        names(&[
            (Sleep::Well, "well"),
            (Sleep::Some, "some"),
            (Sleep::Poorly, "poorly"),
            (Sleep::Hardly, "hardly"),
        ]);
        names(&[
            (Instrument::Phq9, "phq9"),
            (Instrument::Gad7, "gad7"),
            (Instrument::Who5, "who5"),
            (Instrument::Pcl5, "pcl5"),
        ]);
        names(&[
            (When::Any, "any"),
            (When::SameDay, "same-day"),
            (When::NextDays, "next-days"),
            (When::Weeks, "weeks"),
        ]);
        names(&[
            (Route::IvInfusion, "iv-infusion"),
            (Route::Intramuscular, "intramuscular"),
            (Route::SublingualLozenge, "sublingual-lozenge"),
            (Route::Intranasal, "intranasal"),
            (Route::Other, "other"),
        ]);
    }

    #[test]
    fn a_name_is_read_as_a_map_key_and_with_escapes() {
        let map: std::collections::BTreeMap<Stage, u8> = serde_json::from_str(r#"{"follow-up": 1}"#).unwrap();
        assert_eq!(map.get(&Stage::FollowUp), Some(&1));
        assert_eq!(serde_json::from_str::<Stage>(r#""follow\u002dup""#).unwrap(), Stage::FollowUp);
        assert_eq!(serde_json::to_string(&map).unwrap(), r#"{"follow-up":1}"#);
    }
}
