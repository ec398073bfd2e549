//! Building the Leptos apps to WebAssembly with Trunk: the participant app into `dist/`,
//! the facilitator workspace into `dist/manage/` (served under `/manage`) and the events
//! app into `dist/event/` (served at `/join`, `/event/...` and `/you-said-we-did/...`).

use crate::setup::{Tools, WasmRoute};
use crate::{Result, cmd, root};
use std::process::Command;

/// Builds the three apps in release mode. The participant app goes first: Trunk replaces
/// the whole of `dist/`, and the others live inside it.
pub fn build(tools: &Tools) -> Result {
    cmd::step("Building the participant app (WebAssembly, release)");
    trunk(tools, &["build", "--release"])?;
    cmd::step("Building the facilitator workspace (WebAssembly, release)");
    trunk(
        tools,
        &[
            "build",
            "app/manage.html",
            "--dist",
            "dist/manage",
            "--public-url",
            "/manage/",
            "--release",
        ],
    )?;
    cmd::step("Building the events app (WebAssembly, release)");
    trunk(
        tools,
        &[
            "build",
            "app/event.html",
            "--dist",
            "dist/event",
            "--public-url",
            "/event/",
            "--release",
        ],
    )
}

fn trunk(tools: &Tools, args: &[&str]) -> Result {
    let mut trunk = Command::new("trunk");
    trunk.current_dir(root()).args(args);
    let path = std::env::var("PATH").unwrap_or_default();
    match tools.wasm {
        WasmRoute::Rustup => {
            trunk.env("PATH", format!("{}:{path}", tools.node_bin.display()));
        }
        WasmRoute::DebianBuildStd => {
            // Debian's compiler first on PATH, std built from its sources, and a target
            // directory of its own so the two compilers never invalidate each other.
            trunk
                .env(
                    "PATH",
                    format!("{}:/usr/bin:{path}", tools.node_bin.display()),
                )
                .env("RUSTC_BOOTSTRAP", "1")
                .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
                .env("CARGO_TARGET_DIR", root().join("target/web"));
            for var in [
                "RUSTUP_TOOLCHAIN",
                "CARGO",
                "RUSTC",
                "RUSTDOC",
                "RUSTC_WRAPPER",
                "CARGO_MANIFEST_DIR",
            ] {
                trunk.env_remove(var);
            }
        }
    }
    cmd::run(&mut trunk)
}
