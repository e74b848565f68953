//! `{ns}:forms:{tab}`: what one tab has typed in its forms and not saved yet (a plan, a
//! goal review, a follow-up check-in's words), by form, each field by name. A form is
//! left out once its words are saved; an empty record is removed. Pure: serde only.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One form's fields in progress, by field name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraft {
    /// Each field's text so far.
    #[serde(rename = "f")]
    pub fields: BTreeMap<String, String>,
}

impl FormDraft {
    /// Whether nothing is typed in any field.
    pub fn is_blank(&self) -> bool {
        self.fields.values().all(|v| v.trim().is_empty())
    }
}

/// Every form of one tab in progress, by form name (`"well"`, `"review"`).
pub type FormsRecord = BTreeMap<String, FormDraft>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_round_trips_in_its_short_shape() {
        let mut forms = FormsRecord::new();
        let mut draft = FormDraft::default();
        draft.fields.insert("0".into(), "Sleeping badly".into());
        forms.insert("well".into(), draft);
        let json = serde_json::to_string(&forms).unwrap();
        assert_eq!(json, r#"{"well":{"f":{"0":"Sleeping badly"}}}"#);
        assert_eq!(serde_json::from_str::<FormsRecord>(&json).unwrap(), forms);
    }

    #[test]
    fn blank_means_only_whitespace() {
        let mut draft = FormDraft::default();
        assert!(draft.is_blank());
        draft.fields.insert("a".into(), "  \n".into());
        assert!(draft.is_blank());
        draft.fields.insert("b".into(), "x".into());
        assert!(!draft.is_blank());
    }
}
