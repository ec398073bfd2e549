//! Building the router and running the server.

use crate::auth::Throttle;
use crate::routes;
use crate::storage::{StorageError, Store};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::routing::{MethodRouter, get};
use sha2::Digest;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use thiserror::Error;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Largest request body accepted: a long survey's answers fit many times over.
pub const BODY_LIMIT: usize = 256 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub auth: Arc<AuthSettings>,
    /// Who is watching which event, to send changes as they happen.
    pub live: Arc<crate::live::Live>,
}

/// How signing in behaves.
pub struct AuthSettings {
    /// Seconds a session lasts after signing in.
    pub session_ttl: u64,
    pub throttle: Throttle,
    /// Wrong receipt codes, per address: guessing a code should take lifetimes.
    pub withdrawals: Throttle,
}

impl Default for AuthSettings {
    /// Sessions last a working day; sign-in failures are throttled per account and address.
    fn default() -> Self {
        AuthSettings {
            session_ttl: 8 * 60 * 60,
            throttle: Throttle::default(),
            withdrawals: Throttle::new(60 * 60, usize::MAX, 10),
        }
    }
}

impl AppState {
    /// State over a store with the default sign-in settings.
    pub fn new(store: Store) -> Self {
        AppState {
            store,
            auth: Arc::new(AuthSettings::default()),
            live: Arc::default(),
        }
    }
}

/// The demo administrator's account, created with a random password on a new demo store.
pub const DEMO_ADMIN: &str = "admin@example.org";

/// The Content-Security-Policy on every response: no inline script or style, nothing
/// from other sites; wasm may be compiled.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; \
manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// How to run the server.
#[derive(Debug, Clone)]
pub struct Config {
    pub data: PathBuf,
    pub addr: SocketAddr,
    /// The built app (Trunk's `dist`); served with a single-page fallback when present.
    pub dist: PathBuf,
    /// Load the demo consultation into a new store.
    pub demo: bool,
    /// Rolling automatic backups, if any.
    pub backups: Option<Backups>,
}

/// Where and how often the server writes automatic backups.
#[derive(Debug, Clone)]
pub struct Backups {
    pub dir: PathBuf,
    pub every: Duration,
    pub keep: usize,
}

/// `data` -> `data-backups`, beside the data folder.
pub fn default_backup_dir(data: &std::path::Path) -> PathBuf {
    let name = data
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "data".into());
    data.with_file_name(format!("{name}-backups"))
}

/// Errors that stop the server starting or running.
#[derive(Debug, Error)]
pub enum StartupError {
    #[error("could not open the data folder: {0}")]
    Storage(#[from] StorageError),
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the server stopped with an error: {0}")]
    Serve(std::io::Error),
}

/// The app's page with Trunk's inline loader moved into a script file, so that the
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
        let Some(start) = html.find(OPEN) else {
            return Shell {
                index_html: html.to_string(),
                boot: None,
            };
        };
        let body_start = start + OPEN.len();
        let Some(len) = html[body_start..].find("</script>") else {
            return Shell {
                index_html: html.to_string(),
                boot: None,
            };
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
        match self.index_html.find("</head>") {
            Some(at) => format!("{}{link}{}", &self.index_html[..at], &self.index_html[at..]),
            None => self.index_html.clone(),
        }
    }
}

/// A page of the app, as the browser gets it: HTML, checked again on every visit.
fn html_page(page: String) -> impl axum::response::IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        page,
    )
}

/// The participant app's pages for a survey (`/s/{survey}/...`): the page, with the survey
/// preloaded when the path names a survey id (anything else is never written into the page).
fn survey_page(shell: Arc<Shell>) -> MethodRouter {
    get(
        move |Path(params): Path<std::collections::HashMap<String, String>>| {
            let shell = Arc::clone(&shell);
            async move {
                let page = match params.get("survey") {
                    Some(id) if tellus_core::survey::is_valid_id(id) => {
                        shell.preloading(&format!("/api/surveys/{id}"))
                    }
                    _ => shell.index_html.clone(),
                };
                html_page(page)
            }
        },
    )
}

/// The page of a built app (its loader moved into a script file) as a route, and the
/// route serving that loader.
fn shell_routes(
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

/// Apps built apart from the participant app, so participants download only what they use:
/// (where its files are served, and other page paths that show it).
const SUB_APPS: [(&str, &[&str]); 2] = [
    ("/manage", &[]),
    (
        "/event",
        &[
            "/join",
            "/join/{code}",
            "/you-said-we-did/{id}",
            "/results/{id}",
        ],
    ),
];

/// The whole application: API under `/api`, the app for every other path.
pub fn router(state: AppState, dist: Option<PathBuf>) -> Router {
    let api = routes::api()
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state);
    let mut app = Router::new().nest("/api", api);
    if let Some(dist) = dist {
        // The workspace and the events app first: each is its own app under its own path, when built.
        for (prefix, pages) in SUB_APPS {
            let dir = dist.join(&prefix[1..]);
            if !dir.join("index.html").is_file() {
                continue;
            }
            let (_, page, boot) = shell_routes(&dir);
            app = boot
                .into_iter()
                .fold(app, |app, (path, script)| app.route(&path, script));
            for path in pages {
                app = app.route(path, page.clone());
            }
            let files = ServeDir::new(&dir)
                .precompressed_br()
                .precompressed_gzip()
                .append_index_html_on_directories(false)
                .fallback(page);
            app = app.nest_service(prefix, files);
        }
        let (shell, page, boot) = shell_routes(&dist);
        app = boot
            .into_iter()
            .fold(app, |app, (path, script)| app.route(&path, script));
        // A survey's link is how most participants arrive: fetch the survey with the app
        // (and the list of surveys with the home page).
        let home = shell.preloading("/api/consultations");
        let survey = survey_page(shell);
        app = app
            .route(
                "/",
                get(move || std::future::ready(html_page(home.clone()))),
            )
            .route("/s/{survey}", survey.clone())
            .route("/s/{survey}/{*rest}", survey);
        // Every other app path gets the participant page, so links into the app (e.g. /s/some-survey) work.
        // Built files come with Brotli and gzip copies made once at build time (see xtask).
        let spa = ServeDir::new(&dist)
            .precompressed_br()
            .precompressed_gzip()
            .append_index_html_on_directories(false)
            .fallback(page.clone());
        app = app.route("/index.html", page).fallback_service(spa);
    }
    app.layer(SetResponseHeaderLayer::overriding(
        HeaderName::from_static("content-security-policy"),
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    ))
    .layer(SetResponseHeaderLayer::overriding(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ))
    .layer(SetResponseHeaderLayer::overriding(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    ))
    .layer(SetResponseHeaderLayer::overriding(
        HeaderName::from_static("x-frame-options"),
        HeaderValue::from_static("DENY"),
    ))
    .layer(CompressionLayer::new())
    .layer(TimeoutLayer::with_status_code(
        StatusCode::REQUEST_TIMEOUT,
        Duration::from_secs(30),
    ))
    .layer(TraceLayer::new_for_http())
}

/// Creates the demo administrator with a random password; returns the password to print once.
pub fn create_demo_admin(store: &Store) -> Result<Option<String>, StorageError> {
    if !store.users()?.is_empty() {
        return Ok(None);
    }
    let password = crate::auth::generate_password();
    let user = crate::storage::UserRecord {
        email: DEMO_ADMIN.into(),
        role: tellus_core::account::Role::Administrator,
        password_hash: crate::auth::hash_password(&password),
        created_at: crate::auth::now(),
    };
    Ok(store.add_user(&user)?.then_some(password))
}

/// Opens the store, binds, prints where to go, and serves until Ctrl-C or SIGTERM.
pub async fn run(config: Config) -> Result<(), StartupError> {
    let store = Store::open(&config.data)?;
    let mut demo_password = None;
    if config.demo && store.seed_demo_once()? {
        tracing::info!("loaded the demo consultation");
        demo_password = create_demo_admin(&store)?;
        store.flush_blocking()?;
    }
    store.prune_sessions(crate::auth::now())?;
    let dist = config
        .dist
        .join("index.html")
        .is_file()
        .then(|| config.dist.clone());
    if dist.is_none() {
        tracing::warn!(dist = %config.dist.display(), "the app is not built here; serving the API only");
    }
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| StartupError::Bind {
            addr: config.addr,
            source,
        })?;
    let addr = listener.local_addr().map_err(StartupError::Serve)?;
    announce(addr, &store, demo_password.as_deref());
    if let Some(b) = config.backups.clone() {
        tracing::info!(dir = %b.dir.display(), minutes = b.every.as_secs() / 60, keep = b.keep, "automatic backups on");
        tokio::spawn(crate::backup::rolling(
            store.clone(),
            b.dir,
            b.every,
            b.keep,
        ));
    }

    tokio::spawn(crate::commands::purge::daily(store.clone()));
    let state = AppState::new(store.clone());
    let live = Arc::clone(&state.live);
    let app = router(state, dist);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        // Live streams never end by themselves: end them so shutting down does not wait on phones.
        live.close();
        let _ = stop.send(true);
    });
    crate::workers::serve(listener, app, crate::workers::count(), stopped)
        .await
        .map_err(StartupError::Serve)?;
    store.flush_blocking()?;
    tracing::info!("stopped; all data flushed");
    Ok(())
}

/// Tells the person at the terminal where Tellus is and how to sign in.
fn announce(addr: SocketAddr, store: &Store, demo_password: Option<&str>) {
    let base = format!("http://{addr}");
    println!("Tellus is running at {base}/");
    if let Ok(consultations) = store.consultations() {
        for c in consultations
            .iter()
            .filter(|c| c.status == tellus_core::Status::Open)
        {
            println!("  {} (participants never sign in):", c.title);
            for s in &c.surveys {
                println!("    {:<28} {base}/s/{}", s.audience.label(), s.id);
            }
        }
    }
    println!("Facilitators sign in at {base}/manage");
    match demo_password {
        Some(password) => {
            println!("  Demo administrator: {DEMO_ADMIN}");
            println!("  Password:           {password}");
            println!("  (shown this once; set another with `tellus user password {DEMO_ADMIN}`)");
        }
        None => match store.users() {
            Ok(users) if users.is_empty() => {
                println!("  No accounts yet: create the first with `tellus user add --admin EMAIL`")
            }
            Ok(users) if users.iter().any(|u| u.email == DEMO_ADMIN) => println!(
                "  Demo administrator: {DEMO_ADMIN}, with the password printed when this data folder was \
                 created (forgotten? `tellus user password {DEMO_ADMIN}`)"
            ),
            _ => {}
        },
    }
    println!("Press Ctrl-C to stop.");
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
