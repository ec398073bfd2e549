//! The theme review screen: themes with counts per audience and quotes; approve, rename,
//! merge, split and delete them; change any answer's themes.

use super::consultation::{consultation_resource, with_consultation};
use super::session::Auth;
use crate::api::{self, Change, ClientError};
use crate::browser;
use crate::components::form::{Notice, Problems};
use leptos::prelude::*;
use tellus_core::Consultation;
use tellus_core::board::{Board, BoardComment, BoardTheme, Edit, ThemesPage};
use tellus_core::theme::Source;

fn source_words(source: Source) -> &'static str {
    match source {
        Source::Codebook => "From the codebook",
        Source::Learned => "Learnt from your coding",
        Source::Discovered => "Found in the answers",
        Source::Person => "Made by a person",
    }
}

/// `/manage/c/:id/themes`.
#[component]
pub fn ThemesReviewPage() -> impl IntoView {
    let (_, resource) = consultation_resource();
    with_consultation(resource, move |c| {
        browser::set_title(&format!("Themes: {}", c.title));
        browser::focus_page();
        view! { <ThemesView c=c/> }
    })
}

/// What the page shares with its parts: the latest board and how to change it.
#[derive(Clone, Copy)]
struct Review {
    page: RwSignal<Option<Result<ThemesPage, ClientError>>>,
    problems: Problems,
    notice: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
}

impl Review {
    /// Sends one decision and shows the board that comes back.
    fn make(&self, id: String, edit: Edit, done: String) {
        let this = *self;
        let auth = expect_context::<Auth>();
        leptos::task::spawn_local(async move {
            let url = format!("/api/manage/consultations/{id}/themes/edit");
            match api::send::<_, ThemesPage>(Change::Post, &url, &edit).await {
                Ok(page) => {
                    this.problems.clear();
                    this.page.set(Some(Ok(page)));
                    this.notice.set(Some(done));
                }
                Err(e) => {
                    auth.check(&e);
                    this.problems.show_error(&e, "themes-heading", "Themes");
                }
            }
        });
    }
}

#[component]
fn ThemesView(c: Consultation) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let review = Review {
        page: RwSignal::new(None),
        problems: Problems::new(),
        notice: RwSignal::new(None),
        busy: RwSignal::new(false),
    };
    provide_context(review);
    let id = c.id.clone();
    {
        let id = id.clone();
        leptos::task::spawn_local(async move {
            let url = format!("/api/manage/consultations/{id}/themes");
            review.page.set(Some(auth.get::<ThemesPage>(&url).await));
        });
    }
    let find = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            review.busy.set(true);
            review.notice.set(None);
            leptos::task::spawn_local(async move {
                let url = format!("/api/manage/consultations/{id}/themes/find");
                match api::send::<_, ThemesPage>(Change::Post, &url, &()).await {
                    Ok(page) => {
                        let n = page.board.as_ref().map_or(0, |b| b.themes.len());
                        review.page.set(Some(Ok(page)));
                        review
                            .notice
                            .set(Some(format!("Found {n} themes. Your decisions are kept.")));
                    }
                    Err(e) => {
                        auth.check(&e);
                        review.problems.show_error(&e, "find-themes", "Themes");
                    }
                }
                review.busy.set(false);
            });
        }
    };
    let base = format!("/manage/c/{}", c.id);
    view! {
        <a href=base.clone() class="back-link">{format!("Back to {}", c.title)}</a>
        <span class="caption">{c.title.clone()}</span>
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"Themes"</h1>
        <p class="body">"Tellus suggests themes from your codebook, from answers you have coded, and from groups it finds among the rest. You decide: approve the themes to publish, rename, merge or split them, and change any answer's themes. Answers held for the safeguarding lead are never here."</p>
        {review.problems.summary()}
        <Notice message=review.notice/>
        {move || match review.page.get() {
            None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <div class="notification" role="alert"><p class="body">{e.to_string()}</p></div> }.into_any(),
            Some(Ok(page)) => {
                let find = find.clone();
                let words = match (&page.board, page.new_answers) {
                    (None, _) => "Find themes".to_string(),
                    (Some(_), 0) => "Find themes again".to_string(),
                    (Some(_), 1) => "Find themes again (1 new answer)".to_string(),
                    (Some(_), n) => format!("Find themes again ({n} new answers)"),
                };
                view! {
                    <div class="button-group">
                        <button type="button" class="button" id="find-themes" on:click=find disabled=move || review.busy.get()>{words}</button>
                        {move || review.busy.get().then(|| view! { <progress class="busy" aria-label="Finding themes"></progress> })}
                        <a class="link-button" href=format!("{base}/summary")>"What you told us"</a>
                    </div>
                    {match page.board {
                        None => view! { <p class="body">{format!("{} answers are ready to theme.", page.new_answers)}</p> }.into_any(),
                        Some(board) => view! { <BoardView id=c.id.clone() board=board/> }.into_any(),
                    }}
                }.into_any()
            }
        }}
    }
}

#[component]
fn BoardView(id: String, board: Board) -> impl IntoView {
    let audiences = board.audiences.clone();
    let unthemed = board
        .comments
        .iter()
        .filter(|c| c.codings.is_empty())
        .count();
    view! {
        <h2 class="heading-l" id="themes-heading">{format!("{} themes", board.themes.len())}</h2>
        <p class="body">{format!("{} answers; {unthemed} have no theme yet.", board.comments.len())}</p>
        {board.themes.iter().map(|t| view! {
            <ThemeCard id=id.clone() theme=t.clone() board=board.clone() audiences=audiences.clone()/>
        }).collect_view()}
        <Answers id=id.clone() board=board.clone()/>
    }
}

/// One theme: counts per audience, quotes, and what can be done to it.
#[component]
fn ThemeCard(id: String, theme: BoardTheme, board: Board, audiences: Vec<String>) -> impl IntoView {
    let review = expect_context::<Review>();
    let t = theme.clone();
    let tid = t.id.clone();
    let heading_id = format!("theme-{}", t.id);
    let labelled_by = heading_id.clone();
    let quotes: Vec<String> = t
        .quotes
        .iter()
        .filter_map(|key| board.comments.iter().find(|c| c.comment.key == *key))
        .map(|c| c.comment.text.clone())
        .collect();
    let label = RwSignal::new(t.label.clone());
    let merge_into = RwSignal::new(String::new());
    let split_label = RwSignal::new(String::new());
    let split_keys = RwSignal::new(Vec::<String>::new());
    let confirm_delete = RwSignal::new(false);
    let others: Vec<(String, String)> = board
        .themes
        .iter()
        .filter(|o| o.id != t.id)
        .map(|o| (o.id.clone(), o.label.clone()))
        .collect();
    let members: Vec<BoardComment> = board
        .comments
        .iter()
        .filter(|c| c.codings.iter().any(|k| k.theme == t.id))
        .cloned()
        .collect();
    let act = {
        let id = id.clone();
        move |edit: Edit, done: String| review.make(id.clone(), edit, done)
    };
    let approve = {
        let (act, tid, approved, name) = (act.clone(), tid.clone(), t.approved, t.label.clone());
        move |_| {
            let done = if approved {
                format!("{name} is no longer approved.")
            } else {
                format!("Approved {name}.")
            };
            act(
                Edit::Approve {
                    theme: tid.clone(),
                    approved: !approved,
                },
                done,
            )
        }
    };
    let rename = {
        let (act, tid) = (act.clone(), tid.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            act(
                Edit::Rename {
                    theme: tid.clone(),
                    label: label.get_untracked(),
                },
                format!("Renamed to {}.", label.get_untracked()),
            )
        }
    };
    let merge = {
        let (act, tid, name) = (act.clone(), tid.clone(), t.label.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let into = merge_into.get_untracked();
            if into.is_empty() {
                review.problems.show_local(
                    &[("themes-heading", "Choose the theme to merge into")],
                    "Themes",
                );
                return;
            }
            act(
                Edit::Merge {
                    from: vec![tid.clone()],
                    into,
                },
                format!("Merged {name}."),
            )
        }
    };
    let split = {
        let (act, tid) = (act.clone(), tid.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            act(
                Edit::Split {
                    theme: tid.clone(),
                    label: split_label.get_untracked(),
                    comments: split_keys.get_untracked(),
                },
                format!("Made the theme {}.", split_label.get_untracked()),
            )
        }
    };
    let delete = {
        let (act, tid, name) = (act.clone(), tid.clone(), t.label.clone());
        move |_| {
            if !confirm_delete.get_untracked() {
                confirm_delete.set(true);
                return;
            }
            act(
                Edit::Delete { theme: tid.clone() },
                format!("Deleted {name}; its answers are still listed below."),
            )
        }
    };
    let slug = t.id.clone();
    view! {
        <section class="theme-card" aria-labelledby=labelled_by>
            <h3 class="heading-m" id=heading_id>{t.label.clone()}
                {t.approved.then(|| view! { " " <strong class="tag tag--green">"Approved"</strong> })}</h3>
            <p class="hint">{format!("{} · {} answers", source_words(t.source), t.count)}
                {(t.suggested > 0).then(|| format!(", {} suggested", t.suggested))}</p>
            {(!t.description.is_empty()).then(|| view! { <p class="body">{t.description.clone()}</p> })}
            <dl class="audience-counts">
                {audiences.iter().map(|a| view! {
                    <div><dt>{a.clone()}</dt><dd>{t.per_audience.get(a).copied().unwrap_or(0)}</dd></div>
                }).collect_view()}
            </dl>
            <ul class="quotes">
                {quotes.into_iter().map(|q| view! { <li><blockquote class="quote">{q}</blockquote></li> }).collect_view()}
            </ul>
            <div class="button-group">
                <button type="button" class="button button--secondary button--small" on:click=approve>
                    {if t.approved { "Unapprove" } else { "Approve" }}<span class="visually-hidden">{format!(" {}", t.label)}</span></button>
                <button type="button" class="button button--warning button--small" on:click=delete>
                    {move || if confirm_delete.get() { "Confirm delete" } else { "Delete" }}<span class="visually-hidden">{format!(" {}", t.label)}</span></button>
            </div>
            <details class="details">
                <summary class="details__summary">"Rename" <span class="visually-hidden">{format!(" {}", t.label)}</span></summary>
                <form class="details__text inline-form" novalidate on:submit=rename>
                    <label class="label label--s" for=format!("rename-{slug}")>"New name"</label>
                    <input class="input" id=format!("rename-{slug}") type="text" prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))/>
                    <button class="button button--secondary button--small" type="submit">"Save name"</button>
                </form>
            </details>
            {(!others.is_empty()).then(|| view! {
                <details class="details">
                    <summary class="details__summary">"Merge into another theme" <span class="visually-hidden">{format!(": {}", t.label)}</span></summary>
                    <form class="details__text inline-form" novalidate on:submit=merge>
                        <label class="label label--s" for=format!("merge-{slug}")>"Merge into"</label>
                        <select class="select" id=format!("merge-{slug}") on:change=move |ev| merge_into.set(event_target_value(&ev))>
                            <option value="">"Choose a theme"</option>
                            {others.iter().map(|(oid, olabel)| view! { <option value=oid.clone()>{olabel.clone()}</option> }).collect_view()}
                        </select>
                        <button class="button button--secondary button--small" type="submit">"Merge"</button>
                    </form>
                </details>
            })}
            {(members.len() > 1).then(|| view! {
                <details class="details">
                    <summary class="details__summary">"Split some answers into a new theme" <span class="visually-hidden">{format!(": {}", t.label)}</span></summary>
                    <form class="details__text" novalidate on:submit=split>
                        <fieldset class="fieldset form-group">
                            <legend class="fieldset__legend label--s">"Answers to move"</legend>
                            {members.iter().enumerate().map(|(i, m)| {
                                let key = m.comment.key.clone();
                                let input_id = format!("split-{slug}-{i}");
                                view! {
                                    <div class="checkboxes__item checkboxes__item--small">
                                        <input class="checkboxes__input" type="checkbox" id=input_id.clone()
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let key = key.clone();
                                                split_keys.update(|k| if on { k.push(key) } else { k.retain(|x| *x != key) });
                                            }/>
                                        <label class="checkboxes__label" for=input_id>{m.comment.text.clone()}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                        <label class="label label--s" for=format!("split-name-{slug}")>"Name of the new theme"</label>
                        <input class="input" id=format!("split-name-{slug}") type="text" prop:value=move || split_label.get() on:input=move |ev| split_label.set(event_target_value(&ev))/>
                        <button class="button button--secondary button--small" type="submit">"Split"</button>
                    </form>
                </details>
            })}
        </section>
    }
}

/// Every answer with its themes; any answer can be given different themes.
#[component]
fn Answers(id: String, board: Board) -> impl IntoView {
    let show = RwSignal::new("all".to_string());
    let themes: Vec<(String, String)> = board
        .themes
        .iter()
        .map(|t| (t.id.clone(), t.label.clone()))
        .collect();
    let comments = board.comments.clone();
    let labels = themes.clone();
    view! {
        <h2 class="heading-l" id="answers">"Answers"</h2>
        <div class="form-group">
            <label class="label label--s" for="show-answers">"Show"</label>
            <select class="select" id="show-answers" on:change=move |ev| show.set(event_target_value(&ev))>
                <option value="all">"All answers"</option>
                <option value="none">"Answers with no theme"</option>
                {themes.iter().map(|(tid, label)| view! { <option value=tid.clone()>{format!("Answers about: {label}")}</option> }).collect_view()}
            </select>
        </div>
        <ol class="answer-list">
            {move || {
                let filter = show.get();
                comments.iter().enumerate().filter(|(_, c)| match filter.as_str() {
                    "all" => true,
                    "none" => c.codings.is_empty(),
                    tid => c.codings.iter().any(|k| k.theme == tid),
                }).map(|(i, c)| view! { <AnswerItem id=id.clone() index=i comment=c.clone() themes=labels.clone()/> }).collect_view()
            }}
        </ol>
    }
}

#[component]
fn AnswerItem(
    id: String,
    index: usize,
    comment: BoardComment,
    themes: Vec<(String, String)>,
) -> impl IntoView {
    let review = expect_context::<Review>();
    let chosen = RwSignal::new(
        comment
            .codings
            .iter()
            .map(|k| k.theme.clone())
            .collect::<Vec<_>>(),
    );
    let label_of = |tid: &str| {
        themes
            .iter()
            .find(|(i, _)| i == tid)
            .map(|(_, l)| l.clone())
            .unwrap_or_default()
    };
    let tags: Vec<(String, bool)> = comment
        .codings
        .iter()
        .map(|k| (label_of(&k.theme), k.suggested))
        .collect();
    let key = comment.comment.key.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        review.make(
            id.clone(),
            Edit::Recode {
                comment: key.clone(),
                themes: chosen.get_untracked(),
            },
            "Saved this answer's themes.".into(),
        );
    };
    view! {
        <li class="answer">
            <p class="answer__text">{comment.comment.text.clone()}</p>
            <p class="hint">{format!("{} · {} · {}", comment.comment.audience, comment.comment.question, comment.tone.as_str())}</p>
            <p class="answer__themes">
                {if tags.is_empty() { view! { <span class="hint">"No theme"</span> }.into_any() } else {
                    tags.into_iter().map(|(label, suggested)| view! {
                        <strong class="tag tag--blue">{label}{suggested.then_some(" (suggested)")}</strong>" "
                    }).collect_view().into_any()
                }}
            </p>
            <details class="details">
                <summary class="details__summary">"Change themes" <span class="visually-hidden">{format!(" of answer {}", index + 1)}</span></summary>
                <form class="details__text" novalidate on:submit=save>
                    <fieldset class="fieldset form-group">
                        <legend class="fieldset__legend label--s">"Themes for this answer"</legend>
                        {themes.iter().map(|(tid, label)| {
                            let input_id = format!("answer-{index}-{tid}");
                            let tid = tid.clone();
                            let checked = { let tid = tid.clone(); move || chosen.with(|c| c.contains(&tid)) };
                            view! {
                                <div class="checkboxes__item checkboxes__item--small">
                                    <input class="checkboxes__input" type="checkbox" id=input_id.clone() prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let tid = tid.clone();
                                            chosen.update(|c| if on { if !c.contains(&tid) { c.push(tid) } } else { c.retain(|x| *x != tid) });
                                        }/>
                                    <label class="checkboxes__label" for=input_id>{label.clone()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <button class="button button--secondary button--small" type="submit">"Save themes" <span class="visually-hidden">{format!(" of answer {}", index + 1)}</span></button>
                </form>
            </details>
        </li>
    }
}
