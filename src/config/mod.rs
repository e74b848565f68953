//! Widget configuration: raw values read from the host element's attributes and its JSON
//! child, validated into a [`Config`]. A bad value is reported and replaced by its
//! default; it never stops the widget. Pure: the browser code in `ui::shell::mount` reads the
//! attributes and passes them in.

pub mod clinic_data;
pub mod look;
pub mod session_day;
pub mod setup;
pub mod setup_items;

use crate::domain::{default_resources, CrisisResource, Instrument, PromptLibrary, Stage, Theme};
use crate::storage::Namespace;
use clinic_data::PromptMode;
use look::{Accent, Look, Rgb};

/// Every attribute a host element may carry, for the README and the unknown-attribute check.
pub const ATTRIBUTES: [&str; 14] = [
    "data-namespace",
    "data-clinic",
    "data-stage",
    "data-questionnaires",
    "data-questionnaire-days",
    "data-backup-days",
    "data-review-days",
    "data-theme",
    "data-accent",
    "data-accent-dark",
    "data-font",
    "data-radius",
    "data-vitals",
    "data-lang",
];

/// Attribute values as the host page wrote them (`data-namespace`, `data-stage`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawConfig {
    /// `data-namespace`: the storage namespace.
    pub namespace: Option<String>,
    /// `data-stage`: the stage a new journal starts in.
    pub stage: Option<String>,
    /// `data-questionnaires`: which questionnaires are offered (`phq9,gad7,who5,pcl5`).
    pub questionnaires: Option<String>,
    /// `data-questionnaire-days`: how often the questionnaires are suggested, in days.
    pub questionnaire_days: Option<String>,
    /// `data-backup-days`: remind to back up when the last backup is older, in days.
    pub backup_days: Option<String>,
    /// `data-review-days`: how often a goal review is suggested in follow-up, in days.
    pub review_days: Option<String>,
    /// `data-clinic`: the clinic's name, shown in the header and the summary.
    pub clinic: Option<String>,
    /// `data-theme`: `light`, `dark` or `auto`, the theme a new journal starts with.
    pub theme: Option<String>,
    /// `data-lang`: `en` or `es`, the language a patient who has chosen none sees
    /// (read before mounting by `ui::shell::lang`; checked here so a wrong one is named).
    pub lang: Option<String>,
    /// `data-accent`: the accent colour (`#rrggbb`) in the light theme.
    pub accent: Option<String>,
    /// `data-accent-dark`: the accent colour in the dark theme.
    pub accent_dark: Option<String>,
    /// `data-font`: a font-family list (fonts the host page already loads).
    pub font: Option<String>,
    /// `data-radius`: corner radius in pixels, 0 to 24.
    pub radius: Option<String>,
    /// `data-vitals`: `on` asks for blood pressure and pulse with after-effects.
    pub vitals: Option<String>,
    /// The text of the `<script type="application/json" data-afterglow-config>` child.
    pub json: Option<String>,
    /// `data-*` attributes on the host that Afterglow does not know (likely typos).
    pub unknown: Vec<String>,
}

/// Validated configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Where this widget's journal lives in localStorage.
    pub namespace: Namespace,
    /// The stage a journal without saved settings starts in.
    pub default_stage: Stage,
    /// The questionnaires offered, in the clinic's order (PHQ-9 and GAD-7 by default).
    pub questionnaires: Vec<Instrument>,
    /// Days between suggested questionnaires (1 to 90).
    pub questionnaire_days: i64,
    /// Days after which a backup is suggested (1 to 90).
    pub backup_days: i64,
    /// Days between goal reviews in follow-up (1 to 90).
    pub review_days: i64,
    /// The clinic's name, if given.
    pub clinic: Option<String>,
    /// The theme a journal without saved settings starts with.
    pub theme: Theme,
    /// Colours, font and radius for the widget root.
    pub look: Look,
    /// Who to call or text in a crisis.
    pub crisis: Vec<CrisisResource>,
    /// The prompts offered.
    pub library: PromptLibrary,
    /// The day-of checklist, the red flags and the clinic's contact, checked when first
    /// asked for.
    pub session_day: session_day::SessionDayConfig,
    /// Whether after-effects ask for blood pressure and pulse.
    pub vitals: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            namespace: Namespace::default(),
            default_stage: Stage::default(),
            questionnaires: Instrument::DEFAULT.to_vec(),
            questionnaire_days: crate::domain::questionnaire::DEFAULT_EVERY_DAYS,
            backup_days: 14,
            review_days: crate::domain::goal::review::DEFAULT_EVERY_DAYS,
            clinic: None,
            theme: Theme::Auto,
            look: Look::default(),
            crisis: default_resources(crate::i18n::asked()),
            library: PromptLibrary::built_in(),
            session_day: session_day::SessionDayConfig::default(),
            vitals: false,
        }
    }
}

/// A configuration value that was refused, for the clinic's developer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigProblem {
    /// The attribute.
    pub attribute: &'static str,
    /// What was wrong and what is used instead.
    pub message: String,
}

impl RawConfig {
    /// Validates every value; problems come back alongside a usable config (the session
    /// day's part checked too, as the setup page shows them).
    pub fn validate(&self) -> (Config, Vec<ConfigProblem>) {
        let (config, mut problems) = self.validate_first();
        problems.extend(config.session_day.get().problems.iter().cloned());
        (config, problems)
    }

    /// Validates what start-up needs: every value but the session day's part of the JSON
    /// child, which is checked when a view first asks for it.
    pub fn validate_first(&self) -> (Config, Vec<ConfigProblem>) {
        let mut config = Config::default();
        let mut problems = Vec::new();
        if let Some(raw) = &self.namespace {
            match Namespace::parse(raw.trim()) {
                Ok(ns) => config.namespace = ns,
                Err(e) => problems.push(ConfigProblem {
                    attribute: "data-namespace",
                    message: format!("{e}; using \"{}\"", config.namespace),
                }),
            }
        }
        if let Some(raw) = &self.stage {
            match Stage::from_slug(raw.trim()) {
                Some(stage) => config.default_stage = stage,
                None => problems.push(ConfigProblem {
                    attribute: "data-stage",
                    message: format!(
                        "unknown stage {raw:?}; expected one of evaluation, preparation, dosing, integration, follow-up; using \"{}\"",
                        config.default_stage.slug()
                    ),
                }),
            }
        }
        if let Some(raw) = &self.questionnaires {
            match questionnaires(raw) {
                Ok(list) => config.questionnaires = list,
                Err(e) => problems.push(problem("data-questionnaires", format!("{e}; using phq9,gad7"))),
            }
        }
        for (attribute, raw, target) in [
            ("data-questionnaire-days", &self.questionnaire_days, &mut config.questionnaire_days),
            ("data-backup-days", &self.backup_days, &mut config.backup_days),
            ("data-review-days", &self.review_days, &mut config.review_days),
        ] {
            let Some(raw) = raw else { continue };
            match raw.trim().parse::<i64>() {
                Ok(days) if (1..=90).contains(&days) => *target = days,
                _ => problems.push(ConfigProblem {
                    attribute,
                    message: format!("{raw:?} is not a number of days from 1 to 90; using {target}"),
                }),
            }
        }
        self.validate_look(&mut config, &mut problems);
        if let Some(raw) = &self.clinic {
            let name = raw.trim();
            if (1..=80).contains(&name.chars().count()) && !name.chars().any(char::is_control) {
                config.clinic = Some(name.to_owned());
            } else {
                problems.push(problem(
                    "data-clinic",
                    format!("{raw:?} must be 1 to 80 characters; no clinic name is shown"),
                ));
            }
        }
        if let Some(text) = &self.json {
            if let Some(data) = clinic_data::parse_first(text, &mut problems) {
                config.session_day = session_day::SessionDayConfig::new(text, config.clinic.as_deref());
                if let Some(crisis) = data.crisis {
                    config.crisis = crisis;
                }
                if let Some((mode, prompts)) = data.prompts {
                    config.library = match mode {
                        PromptMode::Add => PromptLibrary::built_in().with_added(prompts),
                        PromptMode::Replace => PromptLibrary::from_prompts(prompts),
                    };
                }
            }
        }
        if let Some(raw) = &self.vitals {
            match raw.trim() {
                "on" => config.vitals = true,
                "off" => config.vitals = false,
                _ => problems.push(problem("data-vitals", format!("{raw:?} is not on or off; using off"))),
            }
        }
        for attribute in &self.unknown {
            problems.push(problem("data-*", format!("unknown attribute {attribute:?} is ignored")));
        }
        (config, problems)
    }

    fn validate_look(&self, config: &mut Config, problems: &mut Vec<ConfigProblem>) {
        if let Some(raw) = &self.lang {
            if crate::i18n::Lang::parse(raw).is_none() || raw.trim().is_empty() {
                problems.push(problem(
                    "data-lang",
                    format!("{raw:?} is not en or es; using the browser's language"),
                ));
            }
        }
        if let Some(raw) = &self.theme {
            match raw.trim() {
                "light" => config.theme = Theme::Light,
                "dark" => config.theme = Theme::Dark,
                "auto" => config.theme = Theme::Auto,
                _ => problems
                    .push(problem("data-theme", format!("{raw:?} is not light, dark or auto; using auto"))),
            }
        }
        for (attribute, raw, dark) in
            [("data-accent", &self.accent, false), ("data-accent-dark", &self.accent_dark, true)]
        {
            let Some(raw) = raw else { continue };
            let checked = Rgb::parse_hex(raw)
                .ok_or_else(|| format!("{raw:?} is not a colour like #1b5e20"))
                .and_then(|rgb| Accent::checked(rgb, dark));
            match checked {
                Ok(accent) if dark => config.look.accent_dark = Some(accent),
                Ok(accent) => config.look.accent = Some(accent),
                Err(e) => problems.push(problem(attribute, format!("{e}; using Afterglow's accent"))),
            }
        }
        if let Some(raw) = &self.font {
            match look::parse_font(raw) {
                Some(font) => config.look.font = Some(font),
                None => problems.push(problem(
                    "data-font",
                    format!("{raw:?} is not a list of font family names; using the system font"),
                )),
            }
        }
        if let Some(raw) = &self.radius {
            match look::parse_radius(raw) {
                Some(r) => config.look.radius = Some(r),
                None => problems.push(problem(
                    "data-radius",
                    format!("{raw:?} is not a radius from 0 to {} pixels; using 12", look::MAX_RADIUS),
                )),
            }
        }
    }
}

/// `phq9,gad7,who5,pcl5`: each known once, at least one; any other word refuses the list.
fn questionnaires(raw: &str) -> Result<Vec<Instrument>, String> {
    let mut list = Vec::new();
    for word in raw.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        let instrument = Instrument::from_slug(&word.to_ascii_lowercase())
            .ok_or_else(|| format!("unknown questionnaire {word:?} (expected phq9, gad7, who5 or pcl5)"))?;
        if !list.contains(&instrument) {
            list.push(instrument);
        }
    }
    if list.is_empty() {
        return Err(format!("{raw:?} names no questionnaire"));
    }
    Ok(list)
}

fn problem(attribute: &'static str, message: String) -> ConfigProblem {
    ConfigProblem { attribute, message }
}

#[cfg(test)]
mod tests;
