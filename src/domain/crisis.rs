//! Crisis resources: who to call or text right now. The defaults live here and only
//! here, tested, so a wrong number can never appear; a clinic may replace them with its
//! region's through configuration. Pure data.

use crate::i18n::Lang;

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

/// The defaults (United States): the 988 Suicide & Crisis Lifeline and 911, in the
/// patient's language. Both are compiled in, so they show even where the Spanish table
/// could not be fetched; in Spanish the lifeline's own Spanish service is named (press 2
/// on a call, text AYUDA).
pub fn default_resources(lang: Lang) -> Vec<CrisisResource> {
    let (lifeline, lifeline_about, emergency, emergency_about) = match lang {
        Lang::En => (
            "988 Suicide & Crisis Lifeline",
            "Free and confidential, 24 hours a day. Call or text 988.",
            "Emergency services",
            "If you or someone else is in immediate danger, call 911.",
        ),
        Lang::Es => (
            "988 Línea de Prevención del Suicidio y Crisis",
            "Gratuita y confidencial, las 24 horas. Llame al 988, marque 2 para español; envíe AYUDA por texto al 988.",
            "Emergencias",
            "Si usted u otra persona está en peligro inmediato, llame al 911.",
        ),
    };
    vec![
        CrisisResource {
            name: lifeline.into(),
            description: lifeline_about.into(),
            phone: Some("988".into()),
            text: Some("988".into()),
            url: Some(
                match lang {
                    Lang::En => "https://988lifeline.org",
                    Lang::Es => "https://988lifeline.org/es/home/",
                }
                .into(),
            ),
        },
        CrisisResource {
            name: emergency.into(),
            description: emergency_about.into(),
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
        let r = default_resources(Lang::En);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].call_href().as_deref(), Some("tel:988"));
        assert_eq!(r[0].text_href().as_deref(), Some("sms:988"));
        assert!(r[0].name.contains("988 Suicide & Crisis Lifeline"));
        assert_eq!(r[1].call_href().as_deref(), Some("tel:911"));
        assert_eq!(r[1].text_href(), None);
        assert!(r.iter().filter_map(|x| x.url.as_deref()).all(|u| u.starts_with("https://")));
    }

    #[test]
    fn the_spanish_defaults_are_988_press_2_text_ayuda_and_911() {
        let r = default_resources(Lang::Es);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].call_href().as_deref(), Some("tel:988"));
        assert_eq!(r[0].text_href().as_deref(), Some("sms:988"));
        assert!(r[0].name.starts_with("988 Línea"));
        assert!(r[0].description.contains("marque 2 para español"));
        assert!(r[0].description.contains("envíe AYUDA por texto al 988"));
        assert_eq!(r[1].call_href().as_deref(), Some("tel:911"));
        assert!(r[1].description.contains("llame al 911"));
        assert_eq!(r[0].url.as_deref(), Some("https://988lifeline.org/es/home/"));
        // The same ways to reach help in both languages.
        let ways = |l| default_resources(l).into_iter().map(|x| (x.phone, x.text)).collect::<Vec<_>>();
        assert_eq!(ways(Lang::Es), ways(Lang::En));
    }
}
