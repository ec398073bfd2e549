//! `cargo xtask run` and `cargo xtask test`: set up a fresh machine, build, serve, test.
//!
//! Every step checks what is already installed (by version, not just presence) and
//! installs only what is missing, so second runs are fast.

mod cmd;
mod setup;
mod web;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Errors are reported as sentences; the step that failed says what to do.
pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  run     install what is missing, build the app, and serve Tellus on http://127.0.0.1:8080
  test    install what is missing, then run every test: unit, API and browser
  setup   only install what is missing (add --browser for the browser test tools)
  build   only build the app into dist/";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("test") => test(),
        Some("setup") => setup::ensure_all(args.iter().any(|a| a == "--browser")).map(|_| ()),
        Some("build") => setup::ensure_all(false).and_then(|tools| web::build(&tools)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the folder above `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn run(extra: &[String]) -> Result {
    let tools = setup::ensure_all(false)?;
    web::build(&tools)?;
    cmd::step("Building the server (release)");
    cmd::run(cmd::cargo().args(["build", "--release", "--package", "tellus"]))?;
    let root = root();
    let binary = root.join("target/release/tellus");
    cmd::step("Starting Tellus");
    let mut serve = std::process::Command::new(binary);
    serve.current_dir(&root).args([
        "serve",
        "--data",
        "data",
        "--addr",
        "127.0.0.1:8080",
        "--dist",
        "dist",
    ]);
    serve.args(extra);
    cmd::run(&mut serve)
}

fn test() -> Result {
    let tools = setup::ensure_all(true)?;
    let root = root();

    cmd::step("Checking formatting");
    cmd::run(cmd::cargo().args(["fmt", "--all", "--", "--check"]))?;
    cmd::step("Linting (clippy, warnings are errors)");
    cmd::run(cmd::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ]))?;

    cmd::step("Unit and API tests");
    cmd::run(cmd::cargo().args(["test", "--workspace"]))?;

    web::build(&tools)?;
    cmd::step("Building the server for browser tests");
    cmd::run(cmd::cargo().args(["build", "--package", "tellus"]))?;

    cmd::step("Browser tests (headless Chromium, axe-core)");
    let mut node = std::process::Command::new("node");
    node.current_dir(root.join("tests"))
        .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .arg("browser/")
        .env("TELLUS_BIN", root.join("target/debug/tellus"))
        .env("TELLUS_DIST", root.join("dist"))
        .env("CHROMIUM", &tools.chromium);
    cmd::run(&mut node)
}
