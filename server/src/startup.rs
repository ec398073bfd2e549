//! Building the router and running the server.

use crate::routes;
use crate::storage::{StorageError, Store};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;
use thiserror::Error;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Largest request body accepted: a long survey's answers fit many times over.
pub const BODY_LIMIT: usize = 256 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
}

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

/// The whole application: API under `/api`, the app for every other path.
pub fn router(state: AppState, dist: Option<PathBuf>) -> Router {
    let api = routes::api()
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state);
    let mut app = Router::new().nest("/api", api);
    if let Some(dist) = dist {
        // Unknown paths get index.html so that links into the app (e.g. /s/some-survey) work.
        let spa = ServeDir::new(&dist).fallback(ServeFile::new(dist.join("index.html")));
        app = app.fallback_service(spa);
    }
    app.layer(SetResponseHeaderLayer::overriding(
        HeaderName::from_static("content-security-policy"),
        HeaderValue::from_static("frame-ancestors 'none'"),
    ))
    .layer(SetResponseHeaderLayer::overriding(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ))
    .layer(SetResponseHeaderLayer::overriding(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    ))
    .layer(CompressionLayer::new())
    .layer(TimeoutLayer::with_status_code(
        StatusCode::REQUEST_TIMEOUT,
        Duration::from_secs(30),
    ))
    .layer(TraceLayer::new_for_http())
}

/// Opens the store, binds, prints where to go, and serves until Ctrl-C or SIGTERM.
pub async fn run(config: Config) -> Result<(), StartupError> {
    let store = Store::open(&config.data)?;
    if config.demo && store.seed_demo_once()? {
        tracing::info!("loaded the demo consultation");
    }
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
    announce(addr, &store);
    if let Some(b) = config.backups.clone() {
        tracing::info!(dir = %b.dir.display(), minutes = b.every.as_secs() / 60, keep = b.keep, "automatic backups on");
        tokio::spawn(crate::backup::rolling(
            store.clone(),
            b.dir,
            b.every,
            b.keep,
        ));
    }

    let app = router(
        AppState {
            store: store.clone(),
        },
        dist,
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(StartupError::Serve)?;
    store.flush_blocking()?;
    tracing::info!("stopped; all data flushed");
    Ok(())
}

/// Tells the person at the terminal where Tellus is and what to open.
fn announce(addr: SocketAddr, store: &Store) {
    let base = format!("http://{addr}");
    println!("Tellus is running at {base}/");
    if let Ok(consultations) = store.consultations() {
        for c in consultations {
            println!("  {}:", c.title);
            for s in &c.surveys {
                println!("    {:<28} {base}/s/{}", s.audience.label(), s.id);
            }
            println!(
                "    {:<28} {base}/api/consultations/{}/summary",
                "Response counts (JSON)", c.id
            );
        }
    }
    println!(
        "Participants never sign in. Facilitator sign-in is not built yet, so the summary is open."
    );
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
