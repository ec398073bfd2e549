//! "You said, we did": for each approved theme, what will happen (decision, owner,
//! status, date), published as a public page and an easy-read version with pictures.

use crate::board::Board;
use crate::survey::{Consultation, DefinitionProblem};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What will happen about one theme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// What was decided, in plain words.
    pub decision: String,
    /// Who is responsible: a team or role, not a person's private details.
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub status: ActionStatus,
    /// When it will be (or was) done, as an ISO date.
    #[serde(default)]
    pub date: Option<String>,
}

/// Actions by theme id.
pub type Actions = BTreeMap<String, Action>;

/// Checks actions before saving, every problem by path (`{theme id}.decision`).
pub fn validate(actions: &Actions) -> Result<(), Vec<DefinitionProblem>> {
    let mut problems = Vec::new();
    for (theme, a) in actions {
        let at = |field: &str| format!("{theme}.{field}");
        if a.decision.chars().count() > 2000 {
            problems.push(DefinitionProblem::new(
                at("decision"),
                "Keep the decision under 2,000 characters",
            ));
        }
        if a.owner.chars().count() > 200 {
            problems.push(DefinitionProblem::new(
                at("owner"),
                "Keep who is responsible under 200 characters",
            ));
        }
        if let Some(date) = &a.date
            && !crate::manage::is_iso_date(date)
        {
            problems.push(DefinitionProblem::new(
                at("date"),
                "Enter the date as day, month and year",
            ));
        }
        if a.decision.trim().is_empty() && (!a.owner.trim().is_empty() || a.date.is_some()) {
            problems.push(DefinitionProblem::new(
                at("decision"),
                "Say what was decided, or clear the owner and date",
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// One line of the public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub theme_id: String,
    /// "You said": the theme.
    pub you_said: String,
    /// Who said it: the audiences that raised the theme.
    pub audiences: Vec<String>,
    /// "We did".
    pub decision: String,
    pub owner: String,
    pub status: ActionStatus,
    pub date: Option<String>,
}

/// The public "you said, we did" page of a consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YouSaidWeDid {
    pub consultation_id: String,
    pub title: String,
    pub items: Vec<Item>,
    pub published_at: Option<u64>,
}

/// "You said, we did" as it stands, for the facilitator's editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionsPage {
    /// Approved themes a decision can be recorded for, most mentioned first: (id, label).
    pub themes: Vec<(String, String)>,
    pub actions: Actions,
    /// The page as it would be published now.
    pub preview: YouSaidWeDid,
    pub published: bool,
}

/// The page from the approved themes that have a decision, most mentioned first.
pub fn you_said_we_did(c: &Consultation, board: &Board, actions: &Actions) -> YouSaidWeDid {
    let mut themes: Vec<_> = board.themes.iter().filter(|t| t.approved).collect();
    themes.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    let items = themes
        .into_iter()
        .filter_map(|t| {
            let a = actions.get(&t.id)?;
            if a.decision.trim().is_empty() {
                return None;
            }
            Some(Item {
                theme_id: t.id.clone(),
                you_said: t.label.clone(),
                audiences: board
                    .audiences
                    .iter()
                    .filter(|aud| t.per_audience.get(*aud).is_some_and(|n| *n > 0))
                    .cloned()
                    .collect(),
                decision: a.decision.trim().to_string(),
                owner: a.owner.trim().to_string(),
                status: a.status,
                date: a.date.clone(),
            })
        })
        .collect();
    YouSaidWeDid {
        consultation_id: c.id.clone(),
        title: c.title.clone(),
        items,
        published_at: None,
    }
}

/// Status words of a "you said, we did" action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    NotPossible,
}

impl ActionStatus {
    /// Every status, in the order a decision moves through them.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::NotPossible,
    ];

    /// The status in plain words.
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Planned => "Planned",
            ActionStatus::InProgress => "Started",
            ActionStatus::Done => "Done",
            ActionStatus::NotPossible => "We cannot do this",
        }
    }

    /// The status in easy-read words.
    pub fn easy(self) -> &'static str {
        match self {
            ActionStatus::Planned => "We will do this",
            ActionStatus::InProgress => "We have started",
            ActionStatus::Done => "We did this",
            ActionStatus::NotPossible => "We cannot do this. We explain why",
        }
    }

    /// The picture that goes with the status in the easy-read version.
    pub fn picture(self) -> &'static str {
        match self {
            ActionStatus::Planned => "/public/symbols/planned.svg",
            ActionStatus::InProgress => "/public/symbols/started.svg",
            ActionStatus::Done => "/public/symbols/done.svg",
            ActionStatus::NotPossible => "/public/symbols/cannot.svg",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::BoardTheme;
    use crate::theme::Source;

    fn theme(
        id: &str,
        label: &str,
        count: usize,
        approved: bool,
        audiences: &[(&str, usize)],
    ) -> BoardTheme {
        BoardTheme {
            id: id.into(),
            label: label.into(),
            description: String::new(),
            source: Source::Codebook,
            approved,
            count,
            suggested: 0,
            per_audience: audiences.iter().map(|(a, n)| (a.to_string(), *n)).collect(),
            quotes: Vec::new(),
        }
    }

    #[test]
    fn only_approved_themes_with_a_decision_are_published_most_mentioned_first() {
        let c = crate::demo::consultation();
        let board = Board {
            themes: vec![
                theme(
                    "waiting",
                    "Waiting times",
                    4,
                    true,
                    &[("Parents and carers", 4)],
                ),
                theme(
                    "same",
                    "Same therapist",
                    9,
                    true,
                    &[("Parents and carers", 3), ("Children and young people", 6)],
                ),
                theme("draft", "Not approved", 20, false, &[]),
                theme("quiet", "No decision yet", 2, true, &[]),
            ],
            comments: Vec::new(),
            audiences: vec![
                "Children and young people".into(),
                "Parents and carers".into(),
            ],
            built_at: 0,
        };
        let mut actions = Actions::new();
        let act = |decision: &str, status| Action {
            decision: decision.into(),
            owner: "Therapies commissioner".into(),
            status,
            date: Some("2027-03-31".into()),
        };
        actions.insert(
            "waiting".into(),
            act("Publish waiting times each month", ActionStatus::InProgress),
        );
        actions.insert(
            "same".into(),
            act(
                "Keep the same therapist for a school year",
                ActionStatus::Planned,
            ),
        );
        actions.insert("draft".into(), act("Should not show", ActionStatus::Done));
        actions.insert("quiet".into(), act("  ", ActionStatus::Planned));
        let page = you_said_we_did(&c, &board, &actions);
        let said: Vec<&str> = page.items.iter().map(|i| i.you_said.as_str()).collect();
        assert_eq!(said, vec!["Same therapist", "Waiting times"]);
        assert_eq!(
            page.items[0].audiences,
            vec!["Children and young people", "Parents and carers"]
        );
        assert_eq!(page.items[1].status, ActionStatus::InProgress);
    }

    #[test]
    fn actions_are_checked_by_path() {
        let mut actions = Actions::new();
        actions.insert(
            "t".into(),
            Action {
                decision: String::new(),
                owner: "SEND team".into(),
                status: ActionStatus::Planned,
                date: Some("31/03/2027".into()),
            },
        );
        let problems = validate(&actions).unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, vec!["t.date", "t.decision"]);
    }
}
