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
    )?;
    precompress()
}

/// Writes `FILE.br` and `FILE.gz` beside each built script, style sheet, picture and
/// WebAssembly file in `dist/`, compressed at the highest levels (too slow to do per
/// request): the server sends these to browsers that accept them. Brotli at level 11
/// makes the participant app's WebAssembly about a fifth smaller than on-the-fly Brotli.
pub fn precompress() -> Result {
    cmd::step("Compressing the built apps (Brotli 11 and gzip 9)");
    let mut files = Vec::new();
    let mut folders = vec![root().join("dist")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            let kind = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            if path.is_dir() {
                folders.push(path);
            } else if ["wasm", "js", "css", "svg"].contains(&kind) {
                files.push(path);
            }
        }
    }
    // One thread per file: the big WebAssembly files take seconds each at level 11.
    std::thread::scope(|scope| {
        let jobs: Vec<_> = files
            .iter()
            .map(|path| scope.spawn(move || compress(path)))
            .collect();
        jobs.into_iter()
            .map(|job| job.join().map_err(|_| "a compression thread panicked")?)
            .collect::<std::result::Result<Vec<()>, String>>()
    })?;
    Ok(())
}

fn compress(path: &std::path::Path) -> std::result::Result<(), String> {
    use std::io::Write;
    let fail = |e: std::io::Error| format!("{}: {e}", path.display());
    let bytes = std::fs::read(path).map_err(fail)?;
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut bytes.as_slice(), &mut br, &params).map_err(fail)?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bytes).map_err(fail)?;
    let gz = gz.finish().map_err(fail)?;
    let with = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        std::path::PathBuf::from(name)
    };
    std::fs::write(with(".br"), br).map_err(fail)?;
    std::fs::write(with(".gz"), gz).map_err(fail)
}

fn trunk(tools: &Tools, args: &[&str]) -> Result {
    let mut trunk = Command::new("trunk");
    // Size over speed for what children download (the workspace's release profile is for
    // the server).
    trunk
        .current_dir(root())
        .args(args)
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "z");
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
                // Smaller downloads (about 6% of the survey app): no panic messages, source
                // locations or `Debug` text in release builds, none of which participants
                // ever see. Needs std built from source, so only on this route.
                .env(
                    "RUSTFLAGS",
                    "-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort",
                )
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
