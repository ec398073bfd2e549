//! The apps' HTML pages: each built app's page (its loader moved into a script file), and
//! the participant app's survey pages drawn on the server from the app's own components, so
//! a child on slow wifi sees the first question before the app's WebAssembly arrives.

use crate::routes::consultations::open_survey;
use crate::startup::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, get};
use base64::Engine;
use sha2::Digest;
use std::sync::Arc;
use tellus_app::browser::PRERENDERED_ID;
use tellus_app::prerender::{self, Rendered};
use tellus_app::state::PRELOADED_ID;
use tellus_core::api::SurveyPage;
use tellus_core::language::Language;

/// A built app's page with Trunk's inline loader moved into a script file, so that the
/// Content-Security-Policy can refuse every inline script.
#[derive(Debug, Clone)]
pub struct Shell {
    pub index_html: String,
    /// `(path, body)` of the loader script, when the page had one inline.
    pub boot: Option<(String, String)>,
}

impl Shell {
    /// Moves the first inline `<script type="module">` of the page into `/tellus-boot-HASH.js`.
    pub fn from_index(html: &str) -> Shell {
        const OPEN: &str = "<script type=\"module\">";
        let unchanged = || Shell {
            index_html: html.to_string(),
            boot: None,
        };
        let Some(start) = html.find(OPEN) else {
            return unchanged();
        };
        let body_start = start + OPEN.len();
        let Some(len) = html[body_start..].find("</script>") else {
            return unchanged();
        };
        let script = html[body_start..body_start + len].to_string();
        // Content-addressed, like Trunk's own files, so the service worker's cache stays right.
        let digest = sha2::Sha256::digest(script.as_bytes());
        let name: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        let path = format!("/tellus-boot-{name}.js");
        let index_html = format!(
            "{}<script type=\"module\" src=\"{path}\"></script>{}",
            &html[..start],
            &html[body_start + len + "</script>".len()..]
        );
        Shell {
            index_html,
            boot: Some((path, script)),
        }
    }

    /// The page, also asking the browser to fetch `api_path` at once, alongside the app's own
    /// files: the app asks for it as soon as it starts, and finds it already arriving.
    pub fn preloading(&self, api_path: &str) -> String {
        let link = format!(
            "<link rel=\"preload\" href=\"{api_path}\" as=\"fetch\" crossorigin=\"anonymous\">"
        );
        insert_before(&self.index_html, "</head>", &link)
    }

    /// The page with `rendered` drawn in its body, and `survey` written into it as JSON for the
    /// app to start from (no second request for it).
    pub fn prerendered(&self, rendered: &Rendered, survey: &SurveyPage) -> String {
        let language = rendered.language;
        let mut html = self.index_html.replacen(
            "<html lang=\"en\" dir=\"ltr\">",
            &format!(
                "<html lang=\"{}\" dir=\"{}\">",
                language.code(),
                language.dir()
            ),
            1,
        );
        if let Some(title) = &rendered.title {
            html = html.replacen(
                "<title>Tellus</title>",
                &format!("<title>{}</title>", escape_text(title)),
                1,
            );
        }
        // JSON inside a script element: `<` escaped, so no text can close the element.
        let json = serde_json::to_string(survey)
            .unwrap_or_default()
            .replace('<', "\\u003c");
        let body = format!(
            "<div id=\"{PRERENDERED_ID}\">{}</div>\
             <script type=\"application/json\" id=\"{PRELOADED_ID}\">{json}</script>",
            rendered.body
        );
        match html.find("<body>") {
            Some(at) => {
                let at = at + "<body>".len();
                format!("{}{body}{}", &html[..at], &html[at..])
            }
            None => html,
        }
    }

    /// `'sha256-…'` sources for the page's inline `<style>` elements, for the
    /// Content-Security-Policy (the build inlines the participant app's style sheet).
    pub fn style_hashes(&self) -> Vec<String> {
        let mut hashes = Vec::new();
        let mut rest = self.index_html.as_str();
        while let Some(open) = rest.find("<style") {
            let Some(start) = rest[open..].find('>').map(|i| open + i + 1) else {
                break;
            };
            let Some(len) = rest[start..].find("</style>") else {
                break;
            };
            let digest = sha2::Sha256::digest(&rest.as_bytes()[start..start + len]);
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{encoded}'"));
            rest = &rest[start + len..];
        }
        hashes
    }
}

fn insert_before(html: &str, marker: &str, insert: &str) -> String {
    match html.find(marker) {
        Some(at) => format!("{}{insert}{}", &html[..at], &html[at..]),
        None => html.to_string(),
    }
}

/// Text made safe to put between HTML tags.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A page of an app, as the browser gets it: HTML, checked again on every visit.
pub fn html_page(page: String) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        page,
    )
}

/// Which pages of a survey are drawn on the server: its start page and the questions a
/// device with no answers yet would be shown (a branch's follow-up depends on answers
/// only the device has). Check-your-answers and the rest depend on the device too.
fn drawn_on_server(survey: &SurveyPage, rest: Option<&str>) -> bool {
    match rest {
        None | Some("") => true,
        Some(rest) => rest
            .strip_prefix("q/")
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1))
            .is_some_and(|i| survey.survey.shown(&Default::default()).contains(&i)),
    }
}

/// The participant app's pages for a survey (`/s/{survey}/...`): the start page and first
/// questions drawn on the server with the survey written in; any other page, or a survey
/// that is not open, gets the app with the survey preloaded (the app then says what is wrong).
pub fn survey_page(shell: Arc<Shell>) -> MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>,
              Path(params): Path<std::collections::HashMap<String, String>>,
              headers: HeaderMap| {
            let shell = Arc::clone(&shell);
            async move {
                let Some(id) = params
                    .get("survey")
                    .filter(|id| tellus_core::survey::is_valid_id(id))
                else {
                    return html_page(shell.index_html.clone());
                };
                // The app with the survey fetched alongside: it draws the page itself.
                let plain = || html_page(shell.preloading(&format!("/api/surveys/{id}")));
                let rest = params.get("rest").map(String::as_str);
                let survey = open_survey(&state.store, id)
                    .ok()
                    .filter(|page| drawn_on_server(page, rest));
                let Some(survey) = survey else {
                    return plain();
                };
                let path = match rest {
                    Some(rest) if !rest.is_empty() => format!("/s/{id}/{rest}"),
                    _ => format!("/s/{id}"),
                };
                let preferred = headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Language::from_accept_language)
                    .unwrap_or_default();
                // A page the server cannot draw is still served: the app draws it instead.
                let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    prerender::render(&path, survey.clone(), preferred)
                }));
                match drawn {
                    Ok(rendered) => html_page(shell.prerendered(&rendered, &survey)),
                    Err(_) => {
                        tracing::error!(%path, "could not draw the page on the server");
                        plain()
                    }
                }
            }
        },
    )
}

/// The page of a built app (its loader moved into a script file) as a route, and the
/// route serving that loader.
pub fn shell_routes(
    dir: &std::path::Path,
) -> (Arc<Shell>, MethodRouter, Option<(String, MethodRouter)>) {
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap_or_default();
    let shell = Arc::new(Shell::from_index(&html));
    let page = shell.index_html.clone();
    let index = get(move || {
        let page = page.clone();
        async move { html_page(page) }
    });
    let boot = shell.boot.clone().map(|(path, script)| {
        let serve = get(move || {
            let script = script.clone();
            async move {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    script,
                )
            }
        });
        (path, serve)
    });
    (shell, index, boot)
}
