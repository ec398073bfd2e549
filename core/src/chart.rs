//! Charts of closed questions: how many chose each answer, per survey (so per audience).

use crate::language::Language;
use crate::response::{Answer, StoredResponse};
use crate::survey::{Consultation, Question, QuestionKind};
use serde::{Deserialize, Serialize};

/// One bar: an answer and how many gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bar {
    pub label: String,
    pub count: u64,
}

/// The answers to one closed question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionChart {
    pub question_id: String,
    pub question: String,
    /// How many responses answered it (a multiple-choice answer counts once here).
    pub answered: u64,
    pub bars: Vec<Bar>,
}

/// The charts of one survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyCharts {
    pub survey_id: String,
    pub title: String,
    pub audience_label: String,
    pub responses: u64,
    pub questions: Vec<QuestionChart>,
}

/// Whether a question has fixed answers that can be counted.
pub fn is_closed(question: &Question) -> bool {
    !matches!(
        question.kind,
        QuestionKind::FreeText { .. } | QuestionKind::Number { .. }
    )
}

/// A question's bars, each keyed by the answer that counts towards it.
type Tally = Vec<(Answer, Bar)>;

/// The bars of a question before counting: its options or scale points in display order,
/// then the special answers it offers.
fn empty_bars(q: &Question) -> Tally {
    let bar = |label: &str| Bar {
        label: label.to_string(),
        count: 0,
    };
    let mut bars: Tally = q
        .kind
        .options()
        .iter()
        .map(|o| (Answer::Choice(o.id.clone()), bar(&o.label)))
        .chain(
            q.kind
                .scale()
                .into_iter()
                .map(|(v, label)| (Answer::Scale(v), bar(label))),
        )
        .collect();
    if q.allow_dont_know {
        bars.push((Answer::DontKnow, bar(Language::English.words().dont_know)));
    }
    if q.allow_rather_not_say {
        bars.push((
            Answer::RatherNotSay,
            bar(Language::English.words().rather_not_say),
        ));
    }
    bars
}

/// Adds one answer to a question's bars: each chosen option once, a ranking by first place.
fn count(q: &Question, bars: &mut Tally, answer: &Answer) {
    let picked: Vec<Answer> = match answer {
        Answer::Choices(ids) if matches!(q.kind, QuestionKind::Ranking { .. }) => ids
            .first()
            .map(|id| Answer::Choice(id.clone()))
            .into_iter()
            .collect(),
        Answer::Choices(ids) => ids.iter().map(|id| Answer::Choice(id.clone())).collect(),
        other => vec![other.clone()],
    };
    for a in picked {
        if let Some((_, bar)) = bars.iter_mut().find(|(key, _)| *key == a) {
            bar.count += 1;
        }
    }
}

/// The chart of one closed question over the answers given to it.
pub fn question_chart<'a>(
    q: &Question,
    answers: impl IntoIterator<Item = &'a Answer>,
) -> QuestionChart {
    let mut bars = empty_bars(q);
    let mut answered = 0;
    for answer in answers {
        answered += 1;
        count(q, &mut bars, answer);
    }
    QuestionChart {
        question_id: q.id.clone(),
        // A ranking is charted by what people put first.
        question: match q.kind {
            QuestionKind::Ranking { .. } => format!("{} (put first)", q.text),
            _ => q.text.clone(),
        },
        answered,
        bars: bars.into_iter().map(|(_, b)| b).collect(),
    }
}

/// Counts the closed questions of every survey in `c` over `responses` (which the caller
/// has already limited to what the reader may see).
pub fn charts<'a>(
    c: &Consultation,
    responses: impl IntoIterator<Item = &'a StoredResponse>,
) -> Vec<SurveyCharts> {
    let responses: Vec<&StoredResponse> = responses.into_iter().collect();
    c.surveys
        .iter()
        .map(|s| {
            let mine: Vec<&StoredResponse> = responses
                .iter()
                .copied()
                .filter(|r| r.survey_id == s.id)
                .collect();
            SurveyCharts {
                survey_id: s.id.clone(),
                title: s.title.clone(),
                audience_label: s.audience.label().to_string(),
                responses: mine.len() as u64,
                questions: s
                    .questions
                    .iter()
                    .filter(|q| is_closed(q))
                    .map(|q| question_chart(q, mine.iter().filter_map(|r| r.answers.get(&q.id))))
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn closed_answers_are_counted_per_survey_in_display_order() {
        let c = crate::demo::consultation();
        let children = &c.surveys[0];
        let faces = children
            .questions
            .iter()
            .find(|q| matches!(q.kind, QuestionKind::Faces { .. }))
            .unwrap();
        let response = |n: u128, answer: Answer| StoredResponse {
            id: Uuid::from_u128(n),
            consultation_id: c.id.clone(),
            survey_id: children.id.clone(),
            answers: [(faces.id.clone(), answer)].into(),
            received_at: 0,
            language: Default::default(),
            flags: Vec::new(),
            reviews: Vec::new(),
        };
        let top = faces.kind.scale()[0].0;
        let rs = [
            response(1, Answer::Scale(top)),
            response(2, Answer::Scale(top)),
            response(3, Answer::Scale(1)),
        ];
        let charts = charts(&c, &rs);
        assert_eq!(charts.len(), c.surveys.len());
        assert_eq!(charts[0].responses, 3);
        assert_eq!(charts[1].responses, 0);
        let chart = charts[0]
            .questions
            .iter()
            .find(|q| q.question_id == faces.id)
            .unwrap();
        assert_eq!(chart.answered, 3);
        assert_eq!(chart.bars.first().unwrap().count, 2);
        assert_eq!(chart.bars.iter().map(|b| b.count).sum::<u64>(), 3);
        assert!(
            charts[0]
                .questions
                .iter()
                .all(|q| q.question_id != "what_helps"),
            "free text is not charted"
        );
    }
}
