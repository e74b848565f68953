//! Crisis resources: who to call or text right now. The defaults live here and only
//! here, tested, so a wrong number can never appear; a clinic may replace them with its
//! region's through configuration. Pure data.

/// One place to get help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrisisResource {
    /// Its name as people know it.
    pub name: String,
    /// What it is for, in a few plain words.
    pub description: String,
    /// A number to call, as dialled (digits, `+`).
    pub phone: Option<String>,
    /// A number to text, as dialled.
    pub text: Option<String>,
    /// A web page (https only).
    pub url: Option<String>,
}

/// The clinic's own contact, for "contact your clinic today" (from its config).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClinicContact {
    /// The clinic's name.
    pub name: String,
    /// A number to call, as dialled.
    pub phone: Option<String>,
    /// A web page (https only).
    pub url: Option<String>,
}

/// The defaults (United States): the 988 Suicide & Crisis Lifeline and 911.
pub fn default_resources() -> Vec<CrisisResource> {
    vec![
        CrisisResource {
            name: "988 Suicide & Crisis Lifeline".into(),
            description: "Free and confidential, 24 hours a day. Call or text 988.".into(),
            phone: Some("988".into()),
            text: Some("988".into()),
            url: Some("https://988lifeline.org".into()),
        },
        CrisisResource {
            name: "Emergency services".into(),
            description: "If you or someone else is in immediate danger, call 911.".into(),
            phone: Some("911".into()),
            text: None,
            url: None,
        },
    ]
}

impl CrisisResource {
    /// The `tel:` link for calling.
    pub fn call_href(&self) -> Option<String> {
        self.phone.as_ref().map(|p| format!("tel:{p}"))
    }

    /// The `sms:` link for texting.
    pub fn text_href(&self) -> Option<String> {
        self.text.as_ref().map(|t| format!("sms:{t}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_988_and_911() {
        let r = default_resources();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].call_href().as_deref(), Some("tel:988"));
        assert_eq!(r[0].text_href().as_deref(), Some("sms:988"));
        assert!(r[0].name.contains("988 Suicide & Crisis Lifeline"));
        assert_eq!(r[1].call_href().as_deref(), Some("tel:911"));
        assert_eq!(r[1].text_href(), None);
        assert!(r.iter().filter_map(|x| x.url.as_deref()).all(|u| u.starts_with("https://")));
    }
}
