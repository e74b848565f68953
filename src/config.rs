//! Widget configuration: raw values read from the host element's attributes, validated
//! into a [`Config`]. A bad value is reported and replaced by its default; it never stops
//! the widget. Pure: the browser code in `main`/`ui` reads the attributes and passes them in.

use crate::domain::Stage;
use crate::storage::Namespace;

/// Attribute values as the host page wrote them (`data-namespace`, `data-stage`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawConfig {
    /// `data-namespace`: the storage namespace.
    pub namespace: Option<String>,
    /// `data-stage`: the stage a new journal starts in.
    pub stage: Option<String>,
    /// `data-questionnaire-days`: how often PHQ-9/GAD-7 are suggested, in days.
    pub questionnaire_days: Option<String>,
    /// `data-backup-days`: remind to back up when the last backup is older, in days.
    pub backup_days: Option<String>,
}

/// Validated configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Where this widget's journal lives in localStorage.
    pub namespace: Namespace,
    /// The stage a journal without saved settings starts in.
    pub default_stage: Stage,
    /// Days between suggested questionnaires (1 to 90).
    pub questionnaire_days: i64,
    /// Days after which a backup is suggested (1 to 90).
    pub backup_days: i64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            namespace: Namespace::default(),
            default_stage: Stage::default(),
            questionnaire_days: crate::domain::questionnaire::DEFAULT_EVERY_DAYS,
            backup_days: 14,
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
    /// Validates every value; problems come back alongside a usable config.
    pub fn validate(&self) -> (Config, Vec<ConfigProblem>) {
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
        for (attribute, raw, target) in [
            ("data-questionnaire-days", &self.questionnaire_days, &mut config.questionnaire_days),
            ("data-backup-days", &self.backup_days, &mut config.backup_days),
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
        (config, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_attributes_give_defaults_without_problems() {
        let (config, problems) = RawConfig::default().validate();
        assert_eq!(config, Config::default());
        assert_eq!(config.namespace.as_str(), "afterglow");
        assert!(problems.is_empty());
    }

    #[test]
    fn good_values_are_used() {
        let raw = RawConfig {
            namespace: Some(" clinic-a ".into()),
            stage: Some("integration".into()),
            questionnaire_days: Some("28".into()),
            backup_days: Some("7".into()),
        };
        let (config, problems) = raw.validate();
        assert_eq!(config.namespace.as_str(), "clinic-a");
        assert_eq!(config.default_stage, Stage::Integration);
        assert_eq!((config.questionnaire_days, config.backup_days), (28, 7));
        assert!(problems.is_empty());
    }

    #[test]
    fn bad_values_fall_back_and_are_reported() {
        let raw = RawConfig {
            namespace: Some("Clinic A!".into()),
            stage: Some("<script>".into()),
            questionnaire_days: Some("0".into()),
            backup_days: Some("-3".into()),
        };
        let (config, problems) = raw.validate();
        assert_eq!(config, Config::default());
        let attributes: Vec<_> = problems.iter().map(|p| p.attribute).collect();
        assert_eq!(
            attributes,
            ["data-namespace", "data-stage", "data-questionnaire-days", "data-backup-days"]
        );
        let (_, problems) =
            RawConfig { questionnaire_days: Some("two weeks".into()), ..RawConfig::default() }.validate();
        assert_eq!(problems.len(), 1);
    }
}
