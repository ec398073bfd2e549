//! Building the router and running the server.

use crate::auth::Throttle;
use crate::storage::{StorageError, Store};
use crate::{pages, routes};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::routing::get;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use thiserror::Error;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate, SizeAbove};
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
    /// Tells safeguarding leads when something is held.
    pub alerts: Arc<crate::alerts::Alerts>,
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
    /// State over a store with the default sign-in settings, alerting leads by the
    /// workspace's count only.
    pub fn new(store: Store) -> Self {
        AppState {
            store,
            auth: Arc::new(AuthSettings::default()),
            live: Arc::default(),
            alerts: crate::alerts::Alerts::badge_only(),
        }
    }
}

/// The demo administrator's account, created with a random password on a new demo store.
pub const DEMO_ADMIN: &str = "admin@example.org";

/// The Content-Security-Policy on every response: no inline script, no inline style but
/// the built style sheets named by `style_hashes`, nothing from other sites; wasm may be
/// compiled.
pub fn content_security_policy(style_hashes: &[String]) -> String {
    let styles: String = style_hashes.iter().map(|h| format!(" {h}")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'{styles}; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; \
         manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// The API's replies are data, never a page: nothing may load from them or frame them.
pub const API_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

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
    /// Email settings for alerting safeguarding leads; without them, the count alone.
    pub mail: Option<crate::alerts::MailSettings>,
    /// The address people use to reach Tellus (for links in emails); default: `http://addr`.
    pub public_url: Option<String>,
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
    #[error("could not set up email alerts: {0}")]
    Alerts(#[from] crate::alerts::AlertError),
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
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("content-security-policy"),
            HeaderValue::from_static(API_CONTENT_SECURITY_POLICY),
        ))
        .with_state(state.clone());
    let mut app = Router::new().nest("/api", api);
    let mut style_hashes = Vec::new();
    if let Some(dist) = dist {
        // The workspace and the events app first: each is its own app under its own path, when built.
        for (prefix, pages) in SUB_APPS {
            let dir = dist.join(&prefix[1..]);
            if !dir.join("index.html").is_file() {
                continue;
            }
            let (_, page, boot) = pages::shell_routes(&dir);
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
        let (shell, page, boot) = pages::shell_routes(&dist);
        style_hashes = shell.style_hashes();
        app = boot
            .into_iter()
            .fold(app, |app, (path, script)| app.route(&path, script));
        // A survey's link is how most participants arrive: its pages come drawn, with the
        // survey written in (and the home page fetches the list of surveys with the app).
        let home = shell.preloading("/api/consultations");
        let survey = pages::survey_page(shell).with_state(state);
        app = app
            .route(
                "/",
                get(move || std::future::ready(pages::html_page(home.clone()))),
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
    // The app's policy for its pages and files; the API sets its own.
    app.layer(SetResponseHeaderLayer::if_not_present(
        HeaderName::from_static("content-security-policy"),
        HeaderValue::from_str(&content_security_policy(&style_hashes))
            .expect("the policy is plain ASCII"),
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
    // Not small replies such as a response's receipt: a packet either way, and starting a
    // compressor costs more than it saves.
    .layer(CompressionLayer::new().compress_when(DefaultPredicate::new().and(SizeAbove::new(1024))))
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
    // Triage's learnt model trains in about a second: before listening, so no answer waits.
    tokio::task::spawn_blocking(tellus_core::safeguarding::warm_up)
        .await
        .expect("training the triage model does not panic");
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
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"));
    let alerts = match &config.mail {
        Some(mail) => crate::alerts::Alerts::by_email(mail, &public_url)?,
        None => crate::alerts::Alerts::badge_only(),
    };
    announce(addr, &store, demo_password.as_deref(), config.mail.as_ref());
    tokio::spawn(Arc::clone(&alerts).run(store.clone()));
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
    let state = AppState {
        alerts,
        ..AppState::new(store.clone())
    };
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
fn announce(
    addr: SocketAddr,
    store: &Store,
    demo_password: Option<&str>,
    mail: Option<&crate::alerts::MailSettings>,
) {
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
    match mail {
        Some(m) => println!(
            "Safeguarding leads are emailed within a minute when an answer is held (via {}:{}).",
            m.host, m.port
        ),
        None => println!(
            "Safeguarding alerts: no email (start with --smtp-host to email leads); leads see a count in the workspace."
        ),
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
