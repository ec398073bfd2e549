//! The themed result of a batch of answers, as written by `tellus theme`: themes with
//! counts and quotes, and one row per answer with its themes, tone and flags.

use crate::privacy::{self, FLAG_PERSONAL_DATA};
use crate::safeguarding::Checker;
use crate::safeguarding::FLAG_SAFEGUARDING;
use crate::text::Corpus;
use crate::theme::{Analysis, Options, Source, analyse_corpus};
use crate::tone::Tone;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeReport {
    pub themes: Vec<ReportTheme>,
    pub rows: Vec<ReportRow>,
}

/// One theme with how many answers have it and a few of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportTheme {
    pub id: String,
    pub label: String,
    /// `codebook`, `learned` or `discovered`.
    pub source: Source,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub count: usize,
    /// Representative answers, with personal data redacted.
    pub quotes: Vec<String>,
    /// Counts per group (for example per audience), when groups were given.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub groups: BTreeMap<String, usize>,
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRow {
    /// 0-based position among the data rows.
    pub row: usize,
    /// The answer's own id, when an id column was given.
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Theme ids: given codes, rule matches, suggestions and discovered groups.
    pub themes: Vec<String>,
    /// Theme ids that are suggestions awaiting a person's decision (a subset of `themes`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggested: Vec<String>,
    pub tone: Tone,
    /// `safeguarding` and/or `personal-data`.
    pub flags: Vec<String>,
}

/// One answer to theme.
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub text: String,
    pub id: Option<String>,
    pub group: Option<String>,
    /// A person's codes; empty when not coded.
    pub codes: Vec<String>,
}

/// Themes a batch of answers and lays out the report.
pub fn build(
    inputs: &[Input],
    options: &Options,
    safeguarding: &Checker,
    schools: &[String],
) -> ThemeReport {
    let texts: Vec<&str> = inputs.iter().map(|i| i.text.as_str()).collect();
    let corpus = Corpus::build(&texts);
    let flagged: Vec<bool> = safeguarding
        .check_all(&texts)
        .iter()
        .map(|f| !f.is_empty())
        .collect();
    let personal: Vec<Vec<privacy::Found>> =
        texts.iter().map(|t| privacy::find(t, schools)).collect();
    let codes: Vec<Vec<String>> = inputs.iter().map(|i| i.codes.clone()).collect();
    let any_codes = codes.iter().any(|c| !c.is_empty());
    let options = Options {
        codes: if any_codes {
            Some(&codes)
        } else {
            options.codes
        },
        skip: Some(&flagged),
        ..options.clone()
    };
    let analysis: Analysis = analyse_corpus(&texts, &corpus, &options);
    let counts = analysis.counts();

    let themes = analysis
        .themes
        .iter()
        .enumerate()
        .map(|(t, theme)| {
            let mut groups = BTreeMap::new();
            for (i, row) in analysis.rows.iter().enumerate() {
                if let Some(g) = &inputs[i].group
                    && row.assignments.iter().any(|a| a.theme == t)
                {
                    *groups.entry(g.clone()).or_default() += 1;
                }
            }
            ReportTheme {
                id: theme.id.clone(),
                label: theme.label.clone(),
                source: theme.source,
                description: theme.description.clone(),
                count: counts[t],
                quotes: analysis.quotes[t]
                    .iter()
                    .map(|&i| privacy::redact(texts[i].trim(), &personal[i]))
                    .collect(),
                groups,
            }
        })
        .collect();
    let rows = analysis
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut flags = Vec::new();
            if flagged[i] {
                flags.push(FLAG_SAFEGUARDING.to_string());
            }
            if !personal[i].is_empty() {
                flags.push(FLAG_PERSONAL_DATA.to_string());
            }
            ReportRow {
                row: i,
                id: inputs[i].id.clone(),
                group: inputs[i].group.clone(),
                themes: row
                    .assignments
                    .iter()
                    .map(|a| analysis.themes[a.theme].id.clone())
                    .collect(),
                suggested: row
                    .assignments
                    .iter()
                    .filter(|a| a.suggested)
                    .map(|a| analysis.themes[a.theme].id.clone())
                    .collect(),
                tone: row.tone,
                flags,
            }
        })
        .collect();
    ThemeReport { themes, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::safeguarding::PhraseList;
    use crate::theme::codebook::Codebook;

    fn input(text: &str, group: &str) -> Input {
        Input {
            text: text.into(),
            id: None,
            group: Some(group.into()),
            codes: Vec::new(),
        }
    }

    #[test]
    fn flagged_rows_are_held_back_and_personal_data_is_redacted_in_quotes() {
        let inputs = vec![
            input(
                "We waited two years on the waiting list for my son Alfie",
                "parents",
            ),
            input("The waiting list is far too long", "parents"),
            input("the waiting list is long and my dad hits me", "children"),
        ];
        let book = Codebook::starter();
        let report = build(
            &inputs,
            &Options {
                codebook: Some(&book),
                ..Default::default()
            },
            &PhraseList::default().checker(),
            &[],
        );
        assert_eq!(report.rows[0].flags, ["personal-data"]);
        assert_eq!(report.rows[2].flags, ["safeguarding"]);
        assert!(report.rows[2].themes.is_empty());
        let waiting = report
            .themes
            .iter()
            .find(|t| t.id == "waiting-times")
            .unwrap();
        assert_eq!(waiting.count, 2);
        assert_eq!(waiting.groups.get("parents"), Some(&2));
        assert!(
            waiting
                .quotes
                .iter()
                .all(|q| !q.contains("Alfie") && !q.contains("hits"))
        );
        assert!(waiting.quotes.iter().any(|q| q.contains("[name removed]")));
    }

    #[test]
    fn json_has_the_documented_shape() {
        let report = build(
            &[input("too long a wait", "p")],
            &Options::default(),
            &PhraseList::default().checker(),
            &[],
        );
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["rows"][0]["row"], 0);
        assert_eq!(json["rows"][0]["id"], serde_json::Value::Null);
        assert_eq!(json["rows"][0]["tone"], "negative");
        assert!(json["rows"][0]["flags"].as_array().unwrap().is_empty());
        assert!(json["themes"].as_array().unwrap().is_empty());
    }
}
