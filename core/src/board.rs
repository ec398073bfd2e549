//! The theme board of a consultation: every free-text answer, the themes found in them,
//! and the facilitator's decisions (rename, approve, merge, split, delete, recode).
//!
//! The machine's work ([`Generated`]) and the person's ([`Edits`]) are kept apart and
//! combined on reading ([`apply`]), so finding themes again for new answers never undoes
//! a decision, and nothing is lost: an answer whose themes are all deleted is still listed.

use crate::privacy;
use crate::survey::{Consultation, QuestionKind};
use crate::theme::codebook::Codebook;
use crate::theme::{Options, Source, analyse};
use crate::tone::Tone;
use crate::{Answer, StoredResponse};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use thiserror::Error;
use uuid::Uuid;

/// One free-text answer: a response's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// `{response id}:{question id}`, stable across re-theming.
    pub key: String,
    pub response_id: Uuid,
    pub survey_id: String,
    pub question_id: String,
    pub question: String,
    /// The audience's label, e.g. "Parents and carers".
    pub audience: String,
    pub text: String,
    /// The event's title, for notes posted at an event rather than survey answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

/// Every non-empty free-text answer of the responses given (the caller leaves out those
/// held for safeguarding), in response order then question order.
pub fn comments(c: &Consultation, responses: &[StoredResponse]) -> Vec<Comment> {
    let mut out = Vec::new();
    for r in responses {
        let Some(survey) = c.survey(&r.survey_id) else {
            continue;
        };
        for q in &survey.questions {
            if !matches!(q.kind, QuestionKind::FreeText { .. }) {
                continue;
            }
            if let Some(Answer::Text(text)) = r.answers.get(&q.id)
                && !text.trim().is_empty()
            {
                out.push(Comment {
                    key: format!("{}:{}", r.id, q.id),
                    response_id: r.id,
                    survey_id: survey.id.clone(),
                    question_id: q.id.clone(),
                    question: q.text.clone(),
                    audience: survey.audience.label().to_string(),
                    text: text.trim().to_string(),
                    event: None,
                });
            }
        }
    }
    out
}

/// A theme on the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeDef {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    pub source: Source,
}

/// One theme on one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coding {
    pub theme: String,
    pub source: Source,
    pub confidence: f32,
    /// Waiting for a person: a learned or discovered suggestion.
    pub suggested: bool,
}

/// What the machine found, stored until themes are found again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Generated {
    pub comments: Vec<Comment>,
    pub themes: Vec<ThemeDef>,
    /// Per comment, its codings.
    pub codes: Vec<Vec<Coding>>,
    pub tones: Vec<Tone>,
    /// Per theme, comment indexes that show it best.
    pub quotes: Vec<Vec<usize>>,
    /// Seconds since the Unix epoch.
    pub built_at: u64,
}

/// What the facilitator decided; applied over whatever the machine finds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edits {
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    #[serde(default)]
    pub approved: BTreeSet<String>,
    /// Theme id -> the theme it was merged into.
    #[serde(default)]
    pub merged: BTreeMap<String, String>,
    #[serde(default)]
    pub deleted: BTreeSet<String>,
    /// Themes people made (by splitting).
    #[serde(default)]
    pub added: Vec<(String, String)>,
    /// Comment key -> the theme ids a person chose (replacing the machine's).
    #[serde(default)]
    pub codes: BTreeMap<String, Vec<String>>,
}

/// One decision, as the review screen sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    Rename {
        theme: String,
        label: String,
    },
    Approve {
        theme: String,
        approved: bool,
    },
    /// Every answer of `from` moves to `into`; `from` goes.
    Merge {
        from: Vec<String>,
        into: String,
    },
    /// The listed answers move from `theme` to a new theme called `label`.
    Split {
        theme: String,
        label: String,
        comments: Vec<String>,
    },
    /// The theme goes; its answers keep their other themes (or none).
    Delete {
        theme: String,
    },
    /// The answer gets exactly these themes.
    Recode {
        comment: String,
        themes: Vec<String>,
    },
}

/// Why a decision could not be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BoardError {
    #[error("There is no theme '{0}'; it may have been merged or deleted")]
    NoTheme(String),
    #[error("There is no answer '{0}'")]
    NoComment(String),
    #[error("Enter a name for the theme")]
    NoLabel,
    #[error("Choose at least one other theme to merge")]
    NothingToMerge,
    #[error("Choose the answers to move to the new theme")]
    NothingToSplit,
}

/// A theme as the review screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardTheme {
    pub id: String,
    pub label: String,
    pub description: String,
    pub source: Source,
    pub approved: bool,
    /// Answers with the theme (suggestions included).
    pub count: usize,
    /// Of those, how many are suggestions nobody has accepted.
    pub suggested: usize,
    pub per_audience: BTreeMap<String, usize>,
    /// Keys of answers that show it best.
    pub quotes: Vec<String>,
}

/// An answer as the review screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardComment {
    #[serde(flatten)]
    pub comment: Comment,
    pub tone: Tone,
    pub codings: Vec<Coding>,
}

/// The board: themes with counts, and every answer with its themes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub themes: Vec<BoardTheme>,
    pub comments: Vec<BoardComment>,
    /// Audiences in the consultation's order.
    pub audiences: Vec<String>,
    pub built_at: u64,
}

/// Finds themes: the codebook's, ones learnt from the person's own coding, and groups
/// among the rest. Answers a person coded keep exactly their codes.
pub fn generate(
    comments: Vec<Comment>,
    codebook: &Codebook,
    previous: Option<&Generated>,
    edits: &Edits,
    now: u64,
) -> Generated {
    // A person's codes are given to the engine by label; their ids are found again after.
    let label_of = |id: &str| -> Option<String> {
        edits.labels.get(id).cloned().or_else(|| {
            edits
                .added
                .iter()
                .find(|(a, _)| a == id)
                .map(|(_, l)| l.clone())
                .or_else(|| {
                    previous.and_then(|p| {
                        p.themes
                            .iter()
                            .find(|t| t.id == id)
                            .map(|t| t.label.clone())
                    })
                })
        })
    };
    let mut id_of_label: HashMap<String, String> = HashMap::new();
    let codes: Vec<Vec<String>> = comments
        .iter()
        .map(|c| {
            edits
                .codes
                .get(&c.key)
                .map(|ids| {
                    ids.iter()
                        .filter_map(|id| {
                            let label = label_of(id)?;
                            id_of_label.insert(label.trim().to_lowercase(), id.clone());
                            Some(label)
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let texts: Vec<&str> = comments.iter().map(|c| c.text.as_str()).collect();
    let analysis = analyse(
        &texts,
        &Options {
            codebook: Some(codebook),
            codes: codes
                .iter()
                .any(|c| !c.is_empty())
                .then_some(codes.as_slice()),
            discover: true,
            skip: None,
        },
    );
    let themes: Vec<ThemeDef> = analysis
        .themes
        .iter()
        .map(|t| ThemeDef {
            id: match t.source {
                Source::Learned => id_of_label
                    .get(&t.label.trim().to_lowercase())
                    .cloned()
                    .unwrap_or_else(|| t.id.clone()),
                _ => t.id.clone(),
            },
            label: t.label.clone(),
            description: t.description.clone(),
            source: t.source,
        })
        .collect();
    let codes = analysis
        .rows
        .iter()
        .map(|row| {
            row.assignments
                .iter()
                .map(|a| Coding {
                    theme: themes[a.theme].id.clone(),
                    source: a.source,
                    confidence: a.confidence,
                    suggested: a.suggested,
                })
                .collect()
        })
        .collect();
    Generated {
        tones: analysis.rows.iter().map(|r| r.tone).collect(),
        quotes: analysis.quotes,
        themes,
        codes,
        comments,
        built_at: now,
    }
}

impl Edits {
    /// Where a theme's answers go now: through merges; None once deleted.
    fn resolve<'a>(&'a self, mut id: &'a str) -> Option<&'a str> {
        for _ in 0..=self.merged.len() {
            if self.deleted.contains(id) {
                return None;
            }
            match self.merged.get(id) {
                Some(into) => id = into,
                None => return Some(id),
            }
        }
        Some(id)
    }

    /// Makes one decision, checked against the board as it stands.
    pub fn make(&mut self, edit: Edit, board: &Board) -> Result<(), BoardError> {
        let exists = |id: &str| board.themes.iter().any(|t| t.id == id);
        let need = |id: &str| {
            if exists(id) {
                Ok(())
            } else {
                Err(BoardError::NoTheme(id.to_string()))
            }
        };
        match edit {
            Edit::Rename { theme, label } => {
                need(&theme)?;
                let label = label.trim();
                if label.is_empty() {
                    return Err(BoardError::NoLabel);
                }
                self.labels.insert(theme, label.to_string());
            }
            Edit::Approve { theme, approved } => {
                need(&theme)?;
                if approved {
                    self.approved.insert(theme);
                } else {
                    self.approved.remove(&theme);
                }
            }
            Edit::Merge { from, into } => {
                need(&into)?;
                let from: Vec<String> = from.into_iter().filter(|f| *f != into).collect();
                if from.is_empty() {
                    return Err(BoardError::NothingToMerge);
                }
                for f in &from {
                    need(f)?;
                }
                for f in from {
                    // Person codes name themes directly: move them too.
                    for ids in self.codes.values_mut() {
                        for id in ids.iter_mut().filter(|id| **id == f) {
                            *id = into.clone();
                        }
                        ids.dedup();
                    }
                    self.merged.insert(f, into.clone());
                }
            }
            Edit::Split {
                theme,
                label,
                comments,
            } => {
                need(&theme)?;
                let label = label.trim().to_string();
                if label.is_empty() {
                    return Err(BoardError::NoLabel);
                }
                if comments.is_empty() {
                    return Err(BoardError::NothingToSplit);
                }
                let base = format!("{}-{}", theme, crate::theme::slug(&label));
                let mut id = base.clone();
                let mut n = 2;
                while exists(&id) || self.added.iter().any(|(a, _)| *a == id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                for key in &comments {
                    let c = board
                        .comments
                        .iter()
                        .find(|c| c.comment.key == *key)
                        .ok_or_else(|| BoardError::NoComment(key.clone()))?;
                    let mut themes: Vec<String> = c
                        .codings
                        .iter()
                        .map(|k| k.theme.clone())
                        .filter(|t| *t != theme)
                        .collect();
                    themes.push(id.clone());
                    self.codes.insert(key.clone(), themes);
                }
                self.added.push((id, label));
            }
            Edit::Delete { theme } => {
                need(&theme)?;
                for ids in self.codes.values_mut() {
                    ids.retain(|id| *id != theme);
                }
                self.deleted.insert(theme);
            }
            Edit::Recode { comment, themes } => {
                if !board.comments.iter().any(|c| c.comment.key == comment) {
                    return Err(BoardError::NoComment(comment));
                }
                for t in &themes {
                    need(t)?;
                }
                let mut themes = themes;
                themes.dedup();
                self.codes.insert(comment, themes);
            }
        }
        Ok(())
    }
}

/// The board: the machine's themes with the person's decisions applied, over the answers
/// of `visible` responses only (so an answer withdrawn, deleted or held for safeguarding
/// since themes were found is gone from the board at once).
pub fn apply(
    generated: &Generated,
    edits: &Edits,
    consultation: &Consultation,
    visible: &BTreeSet<Uuid>,
) -> Board {
    let mut defs: Vec<ThemeDef> = generated.themes.clone();
    for (id, label) in &edits.added {
        defs.push(ThemeDef {
            id: id.clone(),
            label: label.clone(),
            description: String::new(),
            source: Source::Person,
        });
    }
    // Themes a person coded with that the machine did not find this time still exist.
    for ids in edits.codes.values() {
        for id in ids {
            if !defs.iter().any(|d| d.id == *id) {
                defs.push(ThemeDef {
                    id: id.clone(),
                    label: id.clone(),
                    description: String::new(),
                    source: Source::Person,
                });
            }
        }
    }
    defs.retain(|d| edits.resolve(&d.id) == Some(d.id.as_str()));

    let comments: Vec<BoardComment> = generated
        .comments
        .iter()
        .enumerate()
        .filter(|(_, c)| visible.contains(&c.response_id))
        .map(|(i, c)| {
            let mut codings: Vec<Coding> = match edits.codes.get(&c.key) {
                Some(ids) => ids
                    .iter()
                    .filter_map(|id| edits.resolve(id))
                    .map(|id| Coding {
                        theme: id.to_string(),
                        source: Source::Person,
                        confidence: 1.0,
                        suggested: false,
                    })
                    .collect(),
                None => generated.codes[i]
                    .iter()
                    .filter_map(|k| {
                        edits.resolve(&k.theme).map(|id| Coding {
                            theme: id.to_string(),
                            ..k.clone()
                        })
                    })
                    .collect(),
            };
            let mut seen = BTreeSet::new();
            codings.retain(|k| seen.insert(k.theme.clone()));
            BoardComment {
                comment: c.clone(),
                tone: generated.tones.get(i).copied().unwrap_or(Tone::Neutral),
                codings,
            }
        })
        .collect();

    let themes = defs
        .into_iter()
        .map(|d| {
            let with: Vec<&BoardComment> = comments
                .iter()
                .filter(|c| c.codings.iter().any(|k| k.theme == d.id))
                .collect();
            let mut per_audience = BTreeMap::new();
            for c in &with {
                *per_audience.entry(c.comment.audience.clone()).or_insert(0) += 1;
            }
            let suggested = with
                .iter()
                .filter(|c| c.codings.iter().any(|k| k.theme == d.id && k.suggested))
                .count();
            // The engine's best examples that still have the theme, then any others.
            let mut quotes: Vec<String> = generated
                .themes
                .iter()
                .enumerate()
                .filter(|(_, t)| edits.resolve(&t.id) == Some(d.id.as_str()))
                .flat_map(|(t, _)| generated.quotes.get(t).cloned().unwrap_or_default())
                .filter_map(|i| generated.comments.get(i).map(|c| c.key.clone()))
                .filter(|key| with.iter().any(|c| c.comment.key == *key))
                .collect();
            for c in &with {
                if quotes.len() >= 3 {
                    break;
                }
                if !quotes.contains(&c.comment.key) {
                    quotes.push(c.comment.key.clone());
                }
            }
            quotes.truncate(3);
            BoardTheme {
                label: edits.labels.get(&d.id).cloned().unwrap_or(d.label),
                approved: edits.approved.contains(&d.id),
                count: with.len(),
                suggested,
                per_audience,
                quotes,
                id: d.id,
                description: d.description,
                source: d.source,
            }
        })
        .collect();
    let mut audiences: Vec<String> = Vec::new();
    for s in &consultation.surveys {
        let label = s.audience.label().to_string();
        if !audiences.contains(&label) {
            audiences.push(label);
        }
    }
    Board {
        themes,
        comments,
        audiences,
        built_at: generated.built_at,
    }
}

/// The theme review screen's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemesPage {
    /// None until themes are first found.
    pub board: Option<Board>,
    /// Answers given since themes were last found.
    pub new_answers: usize,
    pub doc: SummaryDoc,
    pub published: bool,
}

/// `POST .../what-you-told-us/publish`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publish {
    pub publish: bool,
}

/// Counts below this are shown as "fewer than" it in anything shared, unless set otherwise.
pub const DEFAULT_THRESHOLD: u32 = 5;

/// A count as shared with others: exact, or "fewer than N" when it could identify someone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    /// "12", "0" or "fewer than 5".
    pub text: String,
    /// Whole-number percentage of the audience, when the count is not suppressed.
    pub percent: Option<u32>,
    pub suppressed: bool,
}

/// How a count is shown to others: small non-zero counts are suppressed.
pub fn shown(n: usize, of: usize, threshold: u32) -> Shown {
    let suppressed = n > 0 && (n as u64) < threshold as u64;
    Shown {
        text: if suppressed {
            format!("fewer than {threshold}")
        } else {
            n.to_string()
        },
        percent: (!suppressed && of > 0).then(|| ((n as f64 / of as f64) * 100.0).round() as u32),
        suppressed,
    }
}

/// What the facilitator writes around the themes, and whether it is published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryDoc {
    pub intro: String,
    /// Theme id -> "what we will do" ("you said, we did").
    #[serde(default)]
    pub actions: BTreeMap<String, String>,
    pub threshold: u32,
    #[serde(default)]
    pub published_at: Option<u64>,
}

impl Default for SummaryDoc {
    fn default() -> Self {
        SummaryDoc {
            intro: String::new(),
            actions: BTreeMap::new(),
            threshold: DEFAULT_THRESHOLD,
            published_at: None,
        }
    }
}

/// A quote for others: personal data removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub audience: String,
    pub text: String,
}

/// One theme's row of "What you told us".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryTheme {
    pub id: String,
    pub label: String,
    /// What will be done about it, if the facilitator said.
    pub action: String,
    /// Per audience, in [`WhatYouToldUs::audiences`] order.
    pub cells: Vec<Shown>,
    pub total: Shown,
    pub quotes: Vec<Quote>,
}

/// One audience's column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceColumn {
    pub label: String,
    /// People in this audience who wrote any answer.
    pub people: Shown,
}

/// "What you told us": approved themes side by side by audience, with counts,
/// percentages and quotes, small numbers suppressed and personal data removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhatYouToldUs {
    pub consultation_id: String,
    pub title: String,
    pub intro: String,
    pub audiences: Vec<AudienceColumn>,
    pub themes: Vec<SummaryTheme>,
    pub threshold: u32,
    pub published_at: Option<u64>,
}

/// Lays out "What you told us" from the approved themes, most mentioned first.
pub fn what_you_told_us(c: &Consultation, board: &Board, doc: &SummaryDoc) -> WhatYouToldUs {
    let threshold = doc.threshold.max(1);
    let people = |audience: Option<&str>| {
        board
            .comments
            .iter()
            .filter(|k| audience.is_none_or(|a| k.comment.audience == a))
            .map(|k| k.comment.response_id)
            .collect::<BTreeSet<_>>()
    };
    let per_audience_people: Vec<usize> = board
        .audiences
        .iter()
        .map(|a| people(Some(a)).len())
        .collect();
    let everyone = people(None).len();
    let mut themes: Vec<&BoardTheme> = board.themes.iter().filter(|t| t.approved).collect();
    themes.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    let themes = themes
        .into_iter()
        .map(|t| {
            // People, not answers: someone who says it twice counts once.
            let with: Vec<&BoardComment> = board
                .comments
                .iter()
                .filter(|k| k.codings.iter().any(|x| x.theme == t.id))
                .collect();
            let count_in = |audience: Option<&str>| {
                with.iter()
                    .filter(|k| audience.is_none_or(|a| k.comment.audience == a))
                    .map(|k| k.comment.response_id)
                    .collect::<BTreeSet<_>>()
                    .len()
            };
            let cells = board
                .audiences
                .iter()
                .zip(&per_audience_people)
                .map(|(a, &of)| shown(count_in(Some(a)), of, threshold))
                .collect();
            // Up to two quotes per audience, best examples first.
            let mut quotes: Vec<Quote> = Vec::new();
            let ordered = t
                .quotes
                .iter()
                .filter_map(|key| with.iter().find(|k| k.comment.key == *key).copied())
                .chain(with.iter().copied());
            let mut used = BTreeSet::new();
            for k in ordered {
                let n = quotes
                    .iter()
                    .filter(|q| q.audience == k.comment.audience)
                    .count();
                if n < 2 && used.insert(k.comment.key.clone()) {
                    let found = privacy::find(&k.comment.text, &c.school_names);
                    quotes.push(Quote {
                        audience: k.comment.audience.clone(),
                        text: privacy::redact(&k.comment.text, &found),
                    });
                }
            }
            SummaryTheme {
                id: t.id.clone(),
                label: t.label.clone(),
                action: doc.actions.get(&t.id).cloned().unwrap_or_default(),
                cells,
                total: shown(count_in(None), everyone, threshold),
                quotes,
            }
        })
        .collect();
    WhatYouToldUs {
        consultation_id: c.id.clone(),
        title: c.title.clone(),
        intro: doc.intro.clone(),
        audiences: board
            .audiences
            .iter()
            .zip(&per_audience_people)
            .map(|(a, &n)| AudienceColumn {
                label: a.clone(),
                people: shown(n, everyone, threshold),
            })
            .collect(),
        themes,
        threshold,
        published_at: doc.published_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;

    fn response(n: u128, survey: &str, question: &str, text: &str) -> StoredResponse {
        StoredResponse {
            id: Uuid::from_u128(n),
            consultation_id: "therapies-review".into(),
            survey_id: survey.into(),
            answers: [(question.to_string(), Answer::Text(text.into()))].into(),
            received_at: 0,
            language: Default::default(),
            flags: Vec::new(),
            reviews: Vec::new(),
        }
    }

    fn sample() -> (Consultation, Generated) {
        let c = demo::consultation();
        let children = &c.surveys[0];
        let parents = &c.surveys[1];
        let free = |s: &crate::Survey| {
            s.questions
                .iter()
                .find(|q| matches!(q.kind, QuestionKind::FreeText { .. }))
                .unwrap()
                .id
                .clone()
        };
        let (cq, pq) = (free(children), free(parents));
        let texts = [
            (1, &children.id, &cq, "I waited a long time for my therapy"),
            (2, &children.id, &cq, "the waiting list is too long"),
            (
                3,
                &parents.id,
                &pq,
                "We waited over a year on the waiting list",
            ),
            (
                4,
                &parents.id,
                &pq,
                "My son Jamie never sees the same therapist twice",
            ),
            (
                5,
                &parents.id,
                &pq,
                "a different therapist every time, no continuity",
            ),
            (
                6,
                &parents.id,
                &pq,
                "not enough therapy sessions, only six a year",
            ),
        ];
        let responses: Vec<_> = texts
            .iter()
            .map(|(n, s, q, t)| response(*n, s, q, t))
            .collect();
        let comments = comments(&c, &responses);
        assert_eq!(comments.len(), 6);
        (
            c.clone(),
            generate(comments, &Codebook::starter(), None, &Edits::default(), 7),
        )
    }

    fn all(g: &Generated) -> BTreeSet<Uuid> {
        g.comments.iter().map(|c| c.response_id).collect()
    }

    fn theme_of<'a>(board: &'a Board, words: &str) -> &'a BoardTheme {
        board
            .themes
            .iter()
            .find(|t| t.label.to_lowercase().contains(words))
            .unwrap_or_else(|| {
                panic!(
                    "no theme about {words}: {:?}",
                    board.themes.iter().map(|t| &t.label).collect::<Vec<_>>()
                )
            })
    }

    #[test]
    fn merging_renaming_and_recoding_survive_finding_themes_again() {
        let (c, generated) = sample();
        let mut edits = Edits::default();
        let board = apply(&generated, &edits, &c, &all(&generated));
        let waiting = theme_of(&board, "wait").id.clone();
        let same = theme_of(&board, "same therapist").id.clone();
        edits
            .make(
                Edit::Merge {
                    from: vec![same.clone()],
                    into: waiting.clone(),
                },
                &board,
            )
            .unwrap();
        edits
            .make(
                Edit::Rename {
                    theme: waiting.clone(),
                    label: "Waiting and continuity".into(),
                },
                &board,
            )
            .unwrap();
        let board = apply(&generated, &edits, &c, &all(&generated));
        assert!(board.themes.iter().all(|t| t.id != same), "merged away");
        let merged = board.themes.iter().find(|t| t.id == waiting).unwrap();
        assert_eq!(merged.label, "Waiting and continuity");
        assert!(merged.count >= 5, "{merged:?}");

        let key = board.comments[5].comment.key.clone();
        edits
            .make(
                Edit::Recode {
                    comment: key.clone(),
                    themes: vec![waiting.clone()],
                },
                &board,
            )
            .unwrap();
        let again = generate(
            generated.comments.clone(),
            &Codebook::starter(),
            Some(&generated),
            &edits,
            8,
        );
        let board = apply(&again, &edits, &c, &all(&again));
        let recoded = board
            .comments
            .iter()
            .find(|k| k.comment.key == key)
            .unwrap();
        assert_eq!(recoded.codings.len(), 1);
        assert_eq!(
            (recoded.codings[0].theme.as_str(), recoded.codings[0].source),
            (waiting.as_str(), Source::Person)
        );
        assert!(
            board.themes.iter().all(|t| t.id != same),
            "a merge holds after finding themes again"
        );
        assert_eq!(
            board.themes.iter().find(|t| t.id == waiting).unwrap().label,
            "Waiting and continuity"
        );
    }

    #[test]
    fn splitting_and_deleting_lose_no_answer() {
        let (c, generated) = sample();
        let mut edits = Edits::default();
        let board = apply(&generated, &edits, &c, &all(&generated));
        let waiting = theme_of(&board, "wait").id.clone();
        let child_keys: Vec<String> = board
            .comments
            .iter()
            .filter(|k| k.comment.audience == "Children and young people")
            .map(|k| k.comment.key.clone())
            .collect();
        edits
            .make(
                Edit::Split {
                    theme: waiting.clone(),
                    label: "Children waiting".into(),
                    comments: child_keys.clone(),
                },
                &board,
            )
            .unwrap();
        let board = apply(&generated, &edits, &c, &all(&generated));
        let split = theme_of(&board, "children waiting");
        assert_eq!(split.count, 2);
        assert_eq!(split.source, Source::Person);
        assert_eq!(
            board
                .themes
                .iter()
                .find(|t| t.id == waiting)
                .unwrap()
                .per_audience
                .get("Children and young people"),
            None
        );
        edits
            .make(
                Edit::Delete {
                    theme: split.id.clone(),
                },
                &board,
            )
            .unwrap();
        let board = apply(&generated, &edits, &c, &all(&generated));
        assert_eq!(
            board.comments.len(),
            6,
            "answers stay when their theme goes"
        );
        let mut fewer = all(&generated);
        fewer.remove(&Uuid::from_u128(1));
        assert_eq!(
            apply(&generated, &edits, &c, &fewer).comments.len(),
            5,
            "a withdrawn response leaves the board"
        );
        assert!(
            edits
                .make(
                    Edit::Rename {
                        theme: "nope".into(),
                        label: "x".into()
                    },
                    &board
                )
                .is_err()
        );
        assert_eq!(
            edits.make(
                Edit::Merge {
                    from: vec![waiting.clone()],
                    into: waiting.clone()
                },
                &board
            ),
            Err(BoardError::NothingToMerge)
        );
    }

    #[test]
    fn what_you_told_us_counts_people_suppresses_small_numbers_and_redacts() {
        let (c, generated) = sample();
        let mut edits = Edits::default();
        let board = apply(&generated, &edits, &c, &all(&generated));
        for t in &board.themes {
            edits
                .make(
                    Edit::Approve {
                        theme: t.id.clone(),
                        approved: true,
                    },
                    &board,
                )
                .unwrap();
        }
        let board = apply(&generated, &edits, &c, &all(&generated));
        let summary = what_you_told_us(
            &c,
            &board,
            &SummaryDoc {
                threshold: 3,
                ..SummaryDoc::default()
            },
        );
        assert_eq!(summary.audiences[0].label, "Children and young people");
        assert_eq!(summary.audiences[1].people.text, "4");
        let waiting = summary
            .themes
            .iter()
            .find(|t| t.label.to_lowercase().contains("wait"))
            .unwrap();
        assert_eq!(waiting.cells[0].text, "fewer than 3", "two children");
        assert_eq!(waiting.cells[0].percent, None);
        assert_eq!(waiting.cells[1].text, "fewer than 3");
        assert_eq!(waiting.total.text, "3");
        assert_eq!(waiting.total.percent, Some(50));
        let all_quotes: Vec<&str> = summary
            .themes
            .iter()
            .flat_map(|t| t.quotes.iter().map(|q| q.text.as_str()))
            .collect();
        assert!(
            all_quotes.iter().all(|q| !q.contains("Jamie")),
            "{all_quotes:?}"
        );
        assert_eq!(shown(0, 10, 5).text, "0");
        assert_eq!(
            shown(5, 10, 5),
            Shown {
                text: "5".into(),
                percent: Some(50),
                suppressed: false
            }
        );
    }
}
