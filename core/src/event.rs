//! Co-production events: people in a room join with a short code and take part in
//! activities the facilitator runs one at a time (an idea wall, dot-voting, a quick poll,
//! rating statements). What they post feeds the same themes as survey answers.
//!
//! Everything here is rules and results; the server stores contributions and streams them.

use crate::board::Comment;
use crate::chart::{Bar, QuestionChart};
use crate::response::{Answers, FieldError, grapheme_count, validate_answer};
use crate::survey::{Audience, Choice, DefinitionProblem, Question, QuestionKind, Survey};
pub use crate::symbol::Symbol;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;
use uuid::Uuid;

/// Longest note on an idea wall, in graphemes: a post-it, not an essay.
pub const NOTE_LIMIT: usize = 200;
/// Most dots anyone can be given.
pub const MAX_DOTS: u32 = 20;
/// Join codes are this many characters.
pub const CODE_LENGTH: usize = 6;

/// An event of a consultation: a workshop, drop-in or call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub consultation_id: String,
    pub title: String,
    /// ISO date, e.g. `2026-12-03`.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub place: String,
    /// Who is in the room; notes are themed as this audience's words.
    pub audience: Audience,
    /// What people type to join, e.g. `K7M2QX`.
    pub code: String,
    pub activities: Vec<Activity>,
    /// The activity on now, if any.
    #[serde(default)]
    pub current: Option<String>,
    /// Ended events take no one new and no more contributions.
    #[serde(default)]
    pub ended: bool,
}

/// One activity of an event's agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub kind: ActivityKind,
    #[serde(default)]
    pub phase: Phase,
    /// Whether participants' own devices show the results (the room's screen always does).
    #[serde(default)]
    pub revealed: bool,
}

/// Where an activity is in its run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Not started yet.
    #[default]
    Waiting,
    /// Taking contributions.
    Open,
    /// No more contributions.
    Closed,
}

/// What participants do in an activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ActivityKind {
    /// Short notes under one or more prompts, in words or a picture.
    IdeaWall { prompts: Vec<String> },
    /// Each person places up to `dots` dots on the options, at most `max_per_option` on one.
    DotVote {
        options: Vec<Choice>,
        dots: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_per_option: Option<u32>,
    },
    /// One closed question from the survey model.
    Poll { question: Question },
    /// Statements each rated on the same scale.
    Rating {
        statements: Vec<Choice>,
        scale: RatingScale,
    },
}

/// The scale statements are rated on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RatingScale {
    Faces { points: u8 },
    Agreement,
}

impl ActivityKind {
    /// What this kind of activity is called.
    pub fn label(&self) -> &'static str {
        match self {
            ActivityKind::IdeaWall { .. } => "Idea wall",
            ActivityKind::DotVote { .. } => "Dot-voting",
            ActivityKind::Poll { .. } => "Quick poll",
            ActivityKind::Rating { .. } => "Rating statements",
        }
    }
}

/// The questions a poll or rating asks, in the survey model's terms.
pub fn questions(kind: &ActivityKind) -> Vec<Question> {
    let question = |id: &str, text: &str, kind: QuestionKind| Question {
        id: id.to_string(),
        text: text.to_string(),
        hint: None,
        easy_read: None,
        required: false,
        allow_dont_know: false,
        allow_rather_not_say: false,
        show_if: None,
        kind,
    };
    match kind {
        ActivityKind::Poll { question } => vec![Question {
            required: true,
            show_if: None,
            ..question.clone()
        }],
        ActivityKind::Rating { statements, scale } => statements
            .iter()
            .map(|s| {
                let kind = match scale {
                    RatingScale::Faces { points } => QuestionKind::Faces { points: *points },
                    RatingScale::Agreement => QuestionKind::Agreement,
                };
                question(&s.id, &s.label, kind)
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A note someone posts on an idea wall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewNote {
    /// Chosen by the device, so sending again after a dropped connection never duplicates.
    pub id: Uuid,
    /// Which of the wall's prompts it answers.
    #[serde(default)]
    pub prompt: usize,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub symbol: Option<Symbol>,
}

/// A note as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: Uuid,
    pub event_id: String,
    pub activity_id: String,
    pub participant: Uuid,
    pub prompt: usize,
    pub text: String,
    #[serde(default)]
    pub symbol: Option<Symbol>,
    pub posted_at: u64,
    /// Hidden by the facilitator: off the wall and out of themes.
    #[serde(default)]
    pub hidden: bool,
    /// Held for the safeguarding lead: may disclose harm.
    #[serde(default)]
    pub held: bool,
    /// The phrases that made it held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub why: Vec<String>,
}

/// What a participant sends to an open activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Contribution {
    Note(NewNote),
    /// Dots per option id; replaces the person's earlier dots.
    Dots {
        dots: BTreeMap<String, u32>,
    },
    /// Answers to a poll or rating; replace the person's earlier answers.
    Answers {
        answers: Answers,
    },
}

/// A participant's vote as stored: one per person per activity, so nobody counts twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Vote {
    Dots { dots: BTreeMap<String, u32> },
    Answers { answers: Answers },
}

/// Why a contribution or an agenda change was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EventError {
    #[error("This activity has not started yet. Wait for the facilitator to open it")]
    NotOpen,
    #[error("This activity has closed, so nothing more can be added")]
    Closed,
    #[error("This event has ended. Thank you for taking part")]
    Ended,
    #[error("{0}")]
    Invalid(String),
    #[error("Some answers need changing")]
    Answers(Vec<FieldError>),
    #[error("That kind of contribution does not fit this activity")]
    WrongKind,
}

impl EventError {
    /// A stable code for the API.
    pub fn code(&self) -> &'static str {
        match self {
            EventError::NotOpen => "activity_not_open",
            EventError::Closed => "activity_closed",
            EventError::Ended => "event_ended",
            EventError::Invalid(_) => "invalid_contribution",
            EventError::Answers(_) => "invalid_answers",
            EventError::WrongKind => "wrong_kind",
        }
    }
}

fn invalid(message: impl Into<String>) -> EventError {
    EventError::Invalid(message.into())
}

/// Checks a contribution against the event and the activity it is for (open, right kind, within limits).
pub fn check(
    event: &Event,
    activity: &Activity,
    contribution: &Contribution,
) -> Result<(), EventError> {
    if event.ended {
        return Err(EventError::Ended);
    }
    match activity.phase {
        Phase::Waiting => return Err(EventError::NotOpen),
        Phase::Closed => return Err(EventError::Closed),
        Phase::Open => {}
    }
    match (&activity.kind, contribution) {
        (ActivityKind::IdeaWall { prompts }, Contribution::Note(note)) => {
            if note.prompt >= prompts.len() {
                return Err(invalid("Choose one of the wall's questions"));
            }
            let text = note.text.trim();
            if text.is_empty() && note.symbol.is_none() {
                return Err(invalid("Write your idea or choose a picture"));
            }
            if grapheme_count(text) > NOTE_LIMIT {
                return Err(invalid(format!(
                    "Notes can be up to {NOTE_LIMIT} characters. Make it shorter, or post two notes"
                )));
            }
            Ok(())
        }
        (
            ActivityKind::DotVote {
                options,
                dots,
                max_per_option,
            },
            Contribution::Dots { dots: placed },
        ) => {
            if let Some(unknown) = placed.keys().find(|k| !options.iter().any(|o| &o.id == *k)) {
                return Err(invalid(format!("'{unknown}' is not one of the options")));
            }
            let total: u64 = placed.values().map(|&n| u64::from(n)).sum();
            if total == 0 {
                return Err(invalid("Place at least one dot"));
            }
            if total > u64::from(*dots) {
                return Err(invalid(format!(
                    "You have {dots} dots and placed {total}. Take some off, then save"
                )));
            }
            if let Some(max) = max_per_option
                && let Some((id, _)) = placed.iter().find(|(_, n)| **n > *max)
            {
                let label = options
                    .iter()
                    .find(|o| &o.id == id)
                    .map_or("", |o| &o.label);
                return Err(invalid(format!(
                    "You can put at most {max} dots on one option: take some off \"{label}\""
                )));
            }
            Ok(())
        }
        (
            ActivityKind::Poll { .. } | ActivityKind::Rating { .. },
            Contribution::Answers { answers },
        ) => {
            let questions = questions(&activity.kind);
            if let Some(unknown) = answers
                .keys()
                .find(|k| !questions.iter().any(|q| &q.id == *k))
            {
                return Err(invalid(format!("'{unknown}' is not a question here")));
            }
            let problems: Vec<FieldError> = questions
                .iter()
                .filter_map(|q| validate_answer(q, answers.get(&q.id)).err())
                .collect();
            if !problems.is_empty() {
                return Err(EventError::Answers(problems));
            }
            if answers.is_empty() {
                return Err(invalid("Answer at least one statement"));
            }
            Ok(())
        }
        _ => Err(EventError::WrongKind),
    }
}

/// The vote a contribution stores, or None for a note.
pub fn vote(contribution: &Contribution) -> Option<Vote> {
    match contribution {
        Contribution::Note(_) => None,
        Contribution::Dots { dots } => Some(Vote::Dots {
            // Zero dots on an option are no dots: keep only what counts.
            dots: dots
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(k, n)| (k.clone(), *n))
                .collect(),
        }),
        Contribution::Answers { answers } => Some(Vote::Answers {
            answers: answers.clone(),
        }),
    }
}

/// What an agenda's facilitator asks for when adding an activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewActivity {
    pub title: String,
    #[serde(flatten)]
    pub kind: ActivityKind,
}

/// The details of an event, as created and edited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetails {
    pub title: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub place: String,
    pub audience: Audience,
}

impl EventDetails {
    /// Checks the details, reporting every problem by field.
    pub fn validate(&self) -> Result<(), Vec<DefinitionProblem>> {
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push(DefinitionProblem::new(
                "title",
                "Enter a title for the event",
            ));
        } else if self.title.chars().count() > 120 {
            problems.push(DefinitionProblem::new(
                "title",
                "The title can be up to 120 characters",
            ));
        }
        if let Some(date) = &self.date
            && !crate::manage::is_iso_date(date)
        {
            problems.push(DefinitionProblem::new(
                "date",
                "Enter the date as day, month and year",
            ));
        }
        if self.place.chars().count() > 200 {
            problems.push(DefinitionProblem::new(
                "place",
                "The place can be up to 200 characters",
            ));
        }
        if let Audience::Other(label) = &self.audience
            && label.trim().is_empty()
        {
            problems.push(DefinitionProblem::new(
                "audience",
                "Say who the event is for",
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

impl NewActivity {
    /// Checks an activity before it joins the agenda, reporting every problem by field.
    pub fn validate(&self) -> Result<(), Vec<DefinitionProblem>> {
        let mut problems = Vec::new();
        let mut problem =
            |path: &str, message: &str| problems.push(DefinitionProblem::new(path, message));
        if self.title.trim().is_empty() {
            problem("title", "Enter a title for the activity");
        }
        let check_options =
            |options: &[Choice], path: &str, problem: &mut dyn FnMut(&str, &str)| {
                if options.len() < 2 {
                    problem(path, "Add at least two, one per line");
                }
                if options.len() > 30 {
                    problem(path, "Up to 30, so everyone can read them");
                }
                if options.iter().any(|o| o.label.trim().is_empty()) {
                    problem(path, "Every line needs words");
                }
                let mut ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                ids.sort_unstable();
                if ids.windows(2).any(|w| w[0] == w[1]) {
                    problem(path, "Each one must be different");
                }
            };
        match &self.kind {
            ActivityKind::IdeaWall { prompts } => {
                if prompts.is_empty() || prompts.len() > 6 {
                    problem(
                        "prompts",
                        "Add one to six questions for the wall, one per line",
                    );
                }
                if prompts.iter().any(|p| p.trim().is_empty()) {
                    problem("prompts", "Every question needs words");
                }
            }
            ActivityKind::DotVote {
                options,
                dots,
                max_per_option,
            } => {
                check_options(options, "options", &mut problem);
                if *dots == 0 || *dots > MAX_DOTS {
                    problem(
                        "dots",
                        &format!("Give each person between 1 and {MAX_DOTS} dots"),
                    );
                }
                if max_per_option.is_some_and(|m| m == 0 || m > *dots) {
                    problem(
                        "max_per_option",
                        "The most on one option must be between 1 and the number of dots",
                    );
                }
            }
            ActivityKind::Poll { question } => {
                if !crate::chart::is_closed(question) {
                    problem(
                        "question",
                        "A quick poll needs answers to choose from, not free text or a number",
                    );
                }
                let survey = Survey {
                    id: "poll".into(),
                    audience: Audience::ParentsAndCarers,
                    title: "Poll".into(),
                    intro: String::new(),
                    child_mode: false,
                    translations: Default::default(),
                    questions: vec![question.clone()],
                };
                if let Err(found) = survey.validate() {
                    for p in found {
                        let path = p.path.replacen("questions[0]", "question", 1);
                        problem(&path, &p.message);
                    }
                }
            }
            ActivityKind::Rating { statements, scale } => {
                check_options(statements, "statements", &mut problem);
                if let RatingScale::Faces { points } = scale
                    && *points != 3
                    && *points != 5
                {
                    problem("scale", "Faces come in 3 or 5");
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// Options from lines of text, one per line, with ids made from their words.
pub fn choices_from_lines(text: &str) -> Vec<Choice> {
    let mut out: Vec<Choice> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let base = crate::survey::slugify(line);
        let base = if base.is_empty() {
            "option".to_string()
        } else {
            base
        };
        let mut id = base.clone();
        let mut n = 2;
        while out.iter().any(|c| c.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        out.push(Choice::new(&id, line));
    }
    out
}

/// A note on the wall as people in the room see it: no one's device id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WallNote {
    pub id: Uuid,
    pub text: String,
    pub symbol: Option<Symbol>,
    /// Only in the facilitator's view.
    #[serde(default)]
    pub hidden: bool,
}

/// One prompt of a wall and its notes, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WallColumn {
    pub prompt: String,
    pub notes: Vec<WallNote>,
}

/// An activity's results so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Results {
    Wall {
        columns: Vec<WallColumn>,
        /// Notes held for the safeguarding lead, counted but not shown.
        held: usize,
    },
    /// Dot-voting as one chart; polls and ratings as one chart per question.
    Charts { charts: Vec<QuestionChart> },
}

/// Who may see which notes in the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// The room's screen and participants: visible notes only.
    Room,
    /// The facilitator: hidden notes too, marked, so they can be shown again.
    Facilitator,
}

/// The results of an activity from its notes and votes.
pub fn results(activity: &Activity, notes: &[Note], votes: &[Vote], viewer: Viewer) -> Results {
    match &activity.kind {
        ActivityKind::IdeaWall { prompts } => {
            let mut columns: Vec<WallColumn> = prompts
                .iter()
                .map(|p| WallColumn {
                    prompt: p.clone(),
                    notes: Vec::new(),
                })
                .collect();
            let mut held = 0;
            let mut sorted: Vec<&Note> = notes.iter().collect();
            sorted.sort_by(|a, b| b.posted_at.cmp(&a.posted_at).then(a.id.cmp(&b.id)));
            for n in sorted {
                if n.held {
                    held += 1;
                    continue;
                }
                if n.hidden && viewer == Viewer::Room {
                    continue;
                }
                if let Some(column) = columns.get_mut(n.prompt) {
                    column.notes.push(WallNote {
                        id: n.id,
                        text: n.text.clone(),
                        symbol: n.symbol,
                        hidden: n.hidden,
                    });
                }
            }
            Results::Wall { columns, held }
        }
        ActivityKind::DotVote { options, .. } => {
            let mut bars: Vec<Bar> = options
                .iter()
                .map(|o| Bar {
                    label: o.label.clone(),
                    count: 0,
                })
                .collect();
            let mut voters = 0;
            for v in votes {
                if let Vote::Dots { dots } = v {
                    voters += 1;
                    for (id, n) in dots {
                        if let Some(i) = options.iter().position(|o| &o.id == id) {
                            bars[i].count += u64::from(*n);
                        }
                    }
                }
            }
            Results::Charts {
                charts: vec![QuestionChart {
                    question_id: activity.id.clone(),
                    question: format!("{} (dots)", activity.title),
                    answered: voters,
                    bars,
                }],
            }
        }
        ActivityKind::Poll { .. } | ActivityKind::Rating { .. } => {
            let answers = votes.iter().filter_map(|v| match v {
                Vote::Answers { answers } => Some(answers),
                Vote::Dots { .. } => None,
            });
            let answers: Vec<&Answers> = answers.collect();
            Results::Charts {
                charts: questions(&activity.kind)
                    .iter()
                    .map(|q| {
                        crate::chart::question_chart(q, answers.iter().filter_map(|a| a.get(&q.id)))
                    })
                    .collect(),
            }
        }
    }
}

/// Idea-wall notes as comments for the theme board: the event's audience's words, marked
/// as from an event. Hidden and held notes, and pictures without words, are left out.
pub fn comments(event: &Event, notes: &[Note]) -> Vec<Comment> {
    notes
        .iter()
        .filter(|n| !n.hidden && !n.held && !n.text.trim().is_empty())
        .filter_map(|n| {
            let activity = event.activities.iter().find(|a| a.id == n.activity_id)?;
            let ActivityKind::IdeaWall { prompts } = &activity.kind else {
                return None;
            };
            Some(Comment {
                key: format!("{}:note", n.id),
                response_id: n.id,
                survey_id: event.id.clone(),
                question_id: format!("{}:{}", activity.id, n.prompt),
                question: prompts.get(n.prompt).cloned().unwrap_or_default(),
                audience: event.audience.label().to_string(),
                text: n.text.trim().to_string(),
                event: Some(event.title.clone()),
            })
        })
        .collect()
}

/// A join code from random bits: six characters of Crockford's base 32.
pub fn join_code(random: u128) -> String {
    crate::response::crockford(random, CODE_LENGTH)
}

/// A typed join code in its canonical form, forgiving case, spaces, dashes and look-alike
/// letters; None if it cannot be a code.
pub fn normalise_code(input: &str) -> Option<String> {
    crate::response::normalise_crockford(input, CODE_LENGTH)
}

/// What a device sends to join an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Join {
    pub code: String,
    /// The table or group, if the room uses them; never a person's name.
    #[serde(default)]
    pub group: Option<String>,
    /// The id this device was given before, to carry on where it was.
    #[serde(default)]
    pub participant: Option<Uuid>,
}

/// The answer to joining.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Joined {
    pub code: String,
    pub participant: Uuid,
    /// Whether this device was already in the event.
    pub resumed: bool,
}

/// What a participant sends: who they are and what they contribute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribute {
    pub participant: Uuid,
    pub contribution: Contribution,
}

/// The current activity as a participant's device shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveActivity {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub kind: ActivityKind,
    pub phase: Phase,
    /// The results, when the facilitator has revealed them.
    #[serde(default)]
    pub results: Option<Results>,
}

/// What the room sees: the event and its current activity, streamed as it changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomState {
    pub code: String,
    pub title: String,
    pub consultation_id: String,
    /// For children and young people: devices show larger text and targets.
    #[serde(default)]
    pub children: bool,
    pub ended: bool,
    pub activity: Option<LiveActivity>,
}

/// A participant's own part in the current activity, to show what they already did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Mine {
    #[serde(default)]
    pub vote: Option<Vote>,
    #[serde(default)]
    pub notes: Vec<WallNote>,
}

/// The room's screen: the current activity with its live results, and who has joined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Presented {
    pub code: String,
    pub title: String,
    pub joined: u64,
    pub activity: Option<LiveActivity>,
    /// How many have voted or posted in the current activity.
    pub taking_part: u64,
}

/// One activity's results for the facilitator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityResults {
    pub id: String,
    /// How many people have voted, or posted a note.
    pub taking_part: u64,
    pub results: Results,
}

/// A note held for the safeguarding lead, shown only to roles that read flagged answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldNote {
    pub activity_id: String,
    pub prompt: String,
    pub note: WallNote,
    /// What in it matched the safeguarding phrase list.
    pub why: Vec<String>,
}

/// An event as its facilitator runs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventView {
    pub event: Event,
    pub joined: u64,
    pub activities: Vec<ActivityResults>,
    /// Notes waiting for the safeguarding lead (empty for roles that may not read them).
    pub held: Vec<HeldNote>,
}

/// A held note as the safeguarding queue lists it: where and when, and why (the text
/// itself is on the event's page, for leads only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldNoteListing {
    pub event_id: String,
    pub event_title: String,
    pub consultation_title: String,
    pub activity_title: String,
    pub posted_at: u64,
    pub why: Vec<String>,
}

/// Hide a note from the wall, or show it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteVisibility {
    pub activity: String,
    pub hidden: bool,
}

/// The safeguarding lead's decision on a held note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteRelease {
    pub activity: String,
    /// Why it is safe to show, for the audit log.
    pub note: String,
}

/// An event in a consultation's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventListing {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub place: String,
    pub audience: Audience,
    pub code: String,
    pub activities: usize,
    pub ended: bool,
}

impl From<&Event> for EventListing {
    fn from(e: &Event) -> Self {
        EventListing {
            id: e.id.clone(),
            title: e.title.clone(),
            date: e.date.clone(),
            place: e.place.clone(),
            audience: e.audience.clone(),
            code: e.code.clone(),
            activities: e.activities.len(),
            ended: e.ended,
        }
    }
}

/// The facilitator's controls on the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Control {
    /// Open this activity (closing whichever was open) and show it to the room.
    Open { activity: String },
    /// Stop taking contributions to this activity.
    Close { activity: String },
    /// Show this activity's results on participants' devices.
    Reveal { activity: String },
    /// Take the activity off the room's screens.
    Clear,
    /// End the event: nobody joins or adds anything more.
    End,
    /// Take the event up again after ending it.
    Reopen,
    /// Remove an activity that has not started.
    Remove { activity: String },
    /// Move an activity up or down the agenda.
    Move { activity: String, up: bool },
}

/// Applies a control to the event.
pub fn control(event: &mut Event, control: &Control) -> Result<(), EventError> {
    let find = |event: &mut Event, id: &str| -> Result<usize, EventError> {
        event
            .activities
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| invalid(format!("There is no activity '{id}' in this event")))
    };
    match control {
        Control::Open { activity } => {
            if event.ended {
                return Err(EventError::Ended);
            }
            let i = find(event, activity)?;
            for (j, a) in event.activities.iter_mut().enumerate() {
                if j != i && a.phase == Phase::Open {
                    a.phase = Phase::Closed;
                }
            }
            event.activities[i].phase = Phase::Open;
            event.current = Some(activity.clone());
        }
        Control::Close { activity } => {
            let i = find(event, activity)?;
            if event.activities[i].phase == Phase::Waiting {
                return Err(EventError::NotOpen);
            }
            event.activities[i].phase = Phase::Closed;
        }
        Control::Reveal { activity } => {
            let i = find(event, activity)?;
            if event.activities[i].phase == Phase::Waiting {
                return Err(EventError::NotOpen);
            }
            event.activities[i].revealed = true;
            event.current = Some(activity.clone());
        }
        Control::Clear => event.current = None,
        Control::End => {
            for a in &mut event.activities {
                if a.phase == Phase::Open {
                    a.phase = Phase::Closed;
                }
            }
            event.ended = true;
        }
        Control::Reopen => event.ended = false,
        Control::Remove { activity } => {
            let i = find(event, activity)?;
            if event.activities[i].phase != Phase::Waiting {
                return Err(invalid(
                    "Activities that have run keep their results and cannot be removed",
                ));
            }
            event.activities.remove(i);
        }
        Control::Move { activity, up } => {
            let i = find(event, activity)?;
            let j = if *up { i.checked_sub(1) } else { Some(i + 1) };
            match j {
                Some(j) if j < event.activities.len() => event.activities.swap(i, j),
                _ => {}
            }
        }
    }
    Ok(())
}

impl Event {
    /// The activity on now.
    pub fn current_activity(&self) -> Option<&Activity> {
        let id = self.current.as_ref()?;
        self.activities.iter().find(|a| &a.id == id)
    }

    /// An activity by id.
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    /// Adds an activity with an id unique in the event.
    pub fn add(&mut self, new: NewActivity) -> &Activity {
        let base = crate::survey::slugify(&new.title);
        let base = if base.is_empty() {
            "activity".to_string()
        } else {
            base
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.activities.iter().any(|a| a.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.activities.push(Activity {
            id,
            title: new.title.trim().to_string(),
            kind: new.kind,
            phase: Phase::Waiting,
            revealed: false,
        });
        self.activities.last().expect("just pushed")
    }
}

/// The room's view of an activity, with the results the caller chose to show.
pub fn live(activity: &Activity, results: Option<Results>) -> LiveActivity {
    LiveActivity {
        id: activity.id.clone(),
        title: activity.title.clone(),
        kind: activity.kind.clone(),
        phase: activity.phase,
        results,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::Answer;

    fn event(kind: ActivityKind) -> Event {
        let mut e = Event {
            id: "e".into(),
            consultation_id: "c".into(),
            title: "Parents' workshop".into(),
            date: None,
            place: String::new(),
            audience: Audience::ParentsAndCarers,
            code: join_code(42),
            activities: Vec::new(),
            current: None,
            ended: false,
        };
        e.add(NewActivity {
            title: "Activity".into(),
            kind,
        });
        e
    }

    fn dots() -> ActivityKind {
        ActivityKind::DotVote {
            options: choices_from_lines("Same therapist\nLess waiting\nTraining for schools"),
            dots: 3,
            max_per_option: Some(2),
        }
    }

    fn open(e: &mut Event) -> Activity {
        control(
            e,
            &Control::Open {
                activity: "activity".into(),
            },
        )
        .unwrap();
        e.activities[0].clone()
    }

    fn placed(pairs: &[(&str, u32)]) -> Contribution {
        Contribution::Dots {
            dots: pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect(),
        }
    }

    #[test]
    fn contributions_wait_for_the_activity_to_open_and_stop_when_it_closes() {
        let mut e = event(dots());
        let a = e.activities[0].clone();
        let c = placed(&[("less-waiting", 1)]);
        assert_eq!(check(&e, &a, &c), Err(EventError::NotOpen));
        let a = open(&mut e);
        assert_eq!(check(&e, &a, &c), Ok(()));
        control(
            &mut e,
            &Control::Close {
                activity: a.id.clone(),
            },
        )
        .unwrap();
        assert_eq!(check(&e, &e.activities[0], &c), Err(EventError::Closed));
        control(&mut e, &Control::End).unwrap();
        assert_eq!(check(&e, &e.activities[0], &c), Err(EventError::Ended));
    }

    #[test]
    fn dots_are_limited_in_total_per_option_and_to_known_options() {
        let mut e = event(dots());
        let a = open(&mut e);
        assert!(
            check(
                &e,
                &a,
                &placed(&[("same-therapist", 2), ("less-waiting", 1)])
            )
            .is_ok()
        );
        let too_many = check(
            &e,
            &a,
            &placed(&[("same-therapist", 2), ("less-waiting", 2)]),
        );
        assert!(
            matches!(too_many, Err(EventError::Invalid(m)) if m.contains("3 dots and placed 4"))
        );
        let one_option = check(&e, &a, &placed(&[("less-waiting", 3)]));
        assert!(matches!(one_option, Err(EventError::Invalid(m)) if m.contains("at most 2")));
        assert!(check(&e, &a, &placed(&[("nope", 1)])).is_err());
        assert!(check(&e, &a, &placed(&[])).is_err());
        let wrong = Contribution::Answers {
            answers: Answers::new(),
        };
        assert_eq!(check(&e, &a, &wrong), Err(EventError::WrongKind));
    }

    #[test]
    fn dot_results_sum_each_persons_latest_dots() {
        let mut e = event(dots());
        let a = open(&mut e);
        let votes: Vec<Vote> = [
            placed(&[("same-therapist", 2), ("less-waiting", 1)]),
            placed(&[("less-waiting", 2), ("training-for-schools", 0)]),
        ]
        .iter()
        .filter_map(vote)
        .collect();
        let Results::Charts { charts } = results(&a, &[], &votes, Viewer::Room) else {
            panic!("dot-voting is charted")
        };
        let counts: Vec<u64> = charts[0].bars.iter().map(|b| b.count).collect();
        assert_eq!(counts, vec![2, 3, 0]);
        assert_eq!(charts[0].answered, 2);
    }

    #[test]
    fn notes_need_words_or_a_picture_and_fit_on_a_post_it() {
        let mut e = event(ActivityKind::IdeaWall {
            prompts: vec!["What works well?".into(), "What should change?".into()],
        });
        let a = open(&mut e);
        let note = |prompt, text: &str, symbol| {
            Contribution::Note(NewNote {
                id: Uuid::from_u128(1),
                prompt,
                text: text.into(),
                symbol,
            })
        };
        assert!(check(&e, &a, &note(1, "Shorter waits", None)).is_ok());
        assert!(check(&e, &a, &note(0, "  ", Some(Symbol::Happy))).is_ok());
        assert!(check(&e, &a, &note(0, "   ", None)).is_err());
        assert!(
            check(&e, &a, &note(2, "Hello", None)).is_err(),
            "no third prompt"
        );
        // 200 emoji are 200 characters to a person, though 800 bytes.
        assert!(check(&e, &a, &note(0, &"👍".repeat(200), None)).is_ok());
        assert!(check(&e, &a, &note(0, &"a".repeat(201), None)).is_err());
    }

    #[test]
    fn the_wall_hides_hidden_and_held_notes_from_the_room_but_not_hidden_from_the_facilitator() {
        let mut e = event(ActivityKind::IdeaWall {
            prompts: vec!["What works well?".into()],
        });
        let a = open(&mut e);
        let note = |n: u128, text: &str, hidden, held| Note {
            id: Uuid::from_u128(n),
            event_id: e.id.clone(),
            activity_id: a.id.clone(),
            participant: Uuid::from_u128(100 + n),
            prompt: 0,
            text: text.into(),
            symbol: None,
            posted_at: n as u64,
            hidden,
            held,
            why: Vec::new(),
        };
        let notes = [
            note(1, "Friendly therapists", false, false),
            note(2, "Rude words", true, false),
            note(3, "Something worrying", false, true),
            note(4, "The same person each time", false, false),
        ];
        let Results::Wall { columns, held } = results(&a, &notes, &[], Viewer::Room) else {
            panic!("a wall")
        };
        let texts: Vec<&str> = columns[0].notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["The same person each time", "Friendly therapists"]
        );
        assert_eq!(held, 1);
        let Results::Wall { columns, .. } = results(&a, &notes, &[], Viewer::Facilitator) else {
            panic!("a wall")
        };
        assert_eq!(columns[0].notes.len(), 3);
        assert!(columns[0].notes.iter().any(|n| n.hidden));
        let themed = comments(&e, &notes);
        assert_eq!(themed.len(), 2);
        assert!(themed.iter().all(|c| c.audience == "Parents and carers"));
        assert_eq!(themed[0].event.as_deref(), Some("Parents' workshop"));
    }

    #[test]
    fn polls_and_ratings_use_the_survey_models_rules_and_charts() {
        let mut e = event(ActivityKind::Rating {
            statements: choices_from_lines("I see the same therapist\nI know what therapy is for"),
            scale: RatingScale::Faces { points: 3 },
        });
        let a = open(&mut e);
        let rate = |pairs: &[(&str, Answer)]| Contribution::Answers {
            answers: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        };
        assert!(
            check(
                &e,
                &a,
                &rate(&[("i-see-the-same-therapist", Answer::Scale(3))])
            )
            .is_ok()
        );
        assert!(matches!(
            check(
                &e,
                &a,
                &rate(&[("i-see-the-same-therapist", Answer::Scale(9))])
            ),
            Err(EventError::Answers(_))
        ));
        assert!(check(&e, &a, &rate(&[])).is_err());
        let votes: Vec<Vote> = [
            rate(&[("i-see-the-same-therapist", Answer::Scale(3))]),
            rate(&[
                ("i-see-the-same-therapist", Answer::Scale(1)),
                ("i-know-what-therapy-is-for", Answer::Scale(3)),
            ]),
        ]
        .iter()
        .filter_map(vote)
        .collect();
        let Results::Charts { charts } = results(&a, &[], &votes, Viewer::Room) else {
            panic!("charted")
        };
        assert_eq!(charts.len(), 2);
        assert_eq!(charts[0].answered, 2);
        assert_eq!(
            charts[0].bars.iter().map(|b| b.count).collect::<Vec<_>>(),
            vec![1, 0, 1]
        );
        assert_eq!(charts[1].answered, 1);
    }

    #[test]
    fn a_poll_must_be_a_closed_question() {
        let poll = |kind| NewActivity {
            title: "Poll".into(),
            kind: ActivityKind::Poll {
                question: Question {
                    id: "q".into(),
                    text: "Which matters most?".into(),
                    hint: None,
                    easy_read: None,
                    required: true,
                    allow_dont_know: false,
                    allow_rather_not_say: false,
                    show_if: None,
                    kind,
                },
            },
        };
        assert!(poll(QuestionKind::YesNo).validate().is_ok());
        assert!(
            poll(QuestionKind::FreeText {
                max_graphemes: None
            })
            .validate()
            .is_err()
        );
        let problems = poll(QuestionKind::SingleChoice { options: vec![] })
            .validate()
            .unwrap_err();
        assert!(
            problems.iter().any(|p| p.path.starts_with("question")),
            "{problems:?}"
        );
    }

    #[test]
    fn agenda_controls_run_one_activity_at_a_time() {
        let mut e = event(dots());
        e.add(NewActivity {
            title: "Activity".into(),
            kind: ActivityKind::IdeaWall {
                prompts: vec!["Ideas?".into()],
            },
        });
        assert_eq!(e.activities[1].id, "activity-2");
        control(
            &mut e,
            &Control::Open {
                activity: "activity".into(),
            },
        )
        .unwrap();
        control(
            &mut e,
            &Control::Open {
                activity: "activity-2".into(),
            },
        )
        .unwrap();
        assert_eq!(
            e.activities[0].phase,
            Phase::Closed,
            "opening one closes the other"
        );
        assert_eq!(e.current_activity().unwrap().id, "activity-2");
        assert!(
            control(
                &mut e,
                &Control::Remove {
                    activity: "activity".into()
                }
            )
            .is_err()
        );
        control(
            &mut e,
            &Control::Move {
                activity: "activity-2".into(),
                up: true,
            },
        )
        .unwrap();
        assert_eq!(e.activities[0].id, "activity-2");
        assert!(
            control(
                &mut e,
                &Control::Open {
                    activity: "nope".into()
                }
            )
            .is_err()
        );
    }

    #[test]
    fn join_codes_forgive_how_people_type_them() {
        let code = join_code(0x1234_5678_9abc);
        assert_eq!(code.len(), CODE_LENGTH);
        assert_eq!(normalise_code(&code.to_lowercase()), Some(code.clone()));
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert_eq!(normalise_code(&spaced), Some(code));
        assert_eq!(normalise_code("ABC"), None);
        assert_eq!(normalise_code("ABCDEU"), None, "U is not used");
        assert_eq!(normalise_code("oil123"), Some("011123".into()));
    }
}
