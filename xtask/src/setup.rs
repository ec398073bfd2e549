//! Installing what Tellus needs on a fresh Debian machine, and skipping what is there.
//!
//! The wasm32 standard library normally comes from `rustup target add`. Where that is
//! not possible (no route to the Rust project's servers) we build std from source with
//! Debian's `rustc-web` toolchain, which ships the library sources: see `web.rs`.

use crate::cmd::{self, first_line};
use crate::{Result, root};
use std::path::PathBuf;
use std::process::Command;

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132";
/// The SMTP server the alert tests start (Python's aiosmtpd).
const AIOSMTPD_VERSION: &str = "1.4.6";
const DEBIAN_WASM_TOOLCHAIN: [&str; 4] =
    ["rustc-web", "cargo-web", "rust-web-src", "rust-web-llvm"];

/// How the wasm32 standard library is provided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WasmRoute {
    /// rustup has the prebuilt wasm32 target: the normal route.
    Rustup,
    /// Debian's rustc-web builds std from source (`-Zbuild-std`).
    DebianBuildStd,
}

/// What the build and tests need to know about the installed tools.
pub struct Tools {
    pub wasm: WasmRoute,
    /// `node_modules/.bin` holding wasm-opt and the browser test tools.
    pub node_bin: PathBuf,
    /// The Chromium binary for browser tests (empty when not needed).
    pub chromium: PathBuf,
}

/// Installs whatever is missing; `browser` adds Chromium for the browser tests.
pub fn ensure_all(browser: bool) -> Result<Tools> {
    cmd::step("Checking tools (installing only what is missing)");
    let mut apt = Apt::default();
    let wasm = ensure_wasm_std(&mut apt)?;
    ensure_node(&mut apt)?;
    ensure_cargo_tool(
        "trunk",
        TRUNK_VERSION,
        &[
            "install",
            "--locked",
            &format!("trunk@{TRUNK_VERSION}"),
            "--no-default-features",
            "--features",
            "rustls",
        ],
    )?;
    let bindgen = wasm_bindgen_version()?;
    // Without --locked: wasm-bindgen-cli's lockfile names a crate version the registry lacks.
    ensure_cargo_tool(
        "wasm-bindgen",
        &bindgen,
        &["install", "wasm-bindgen-cli", "--version", &bindgen],
    )?;
    let node_bin = ensure_npm_packages()?;
    let chromium = if browser {
        ensure_python_packages(&mut apt)?;
        ensure_chromium(&mut apt)?
    } else {
        PathBuf::new()
    };
    Ok(Tools {
        wasm,
        node_bin,
        chromium,
    })
}

/// Runs `apt-get update` at most once, before the first install.
#[derive(Default)]
struct Apt {
    updated: bool,
}

impl Apt {
    fn install(&mut self, packages: &[&str]) -> Result {
        let root_user = first_line("id", &["-u"]).as_deref() == Some("0");
        let apt = |args: &[&str]| {
            let mut command = if root_user {
                Command::new("apt-get")
            } else {
                Command::new("sudo")
            };
            if !root_user {
                command.arg("apt-get");
            }
            command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            command
        };
        if !self.updated {
            cmd::run(&mut apt(&["update", "-q"]))?;
            self.updated = true;
        }
        let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
        args.extend_from_slice(packages);
        cmd::run(&mut apt(&args))
            .map_err(|e| format!("{e}: could not install {packages:?} with apt-get").into())
    }
}

fn debian_package_installed(name: &str) -> bool {
    first_line("dpkg-query", &["-W", "-f=${Status}", name]).as_deref()
        == Some("install ok installed")
}

fn ensure_wasm_std(apt: &mut Apt) -> Result<WasmRoute> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output();
    if let Ok(output) = installed
        && String::from_utf8_lossy(&output.stdout)
            .lines()
            .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("wasm32 target: rustup (prebuilt)");
        return Ok(WasmRoute::Rustup);
    }
    let missing: Vec<&str> = DEBIAN_WASM_TOOLCHAIN
        .iter()
        .copied()
        .filter(|p| !debian_package_installed(p))
        .collect();
    if !missing.is_empty() {
        println!(
            "Installing Debian's Rust toolchain with std sources, to build std for wasm32: {missing:?}"
        );
        apt.install(&missing)?;
    }
    ensure_rust_lld(apt)?;
    println!("wasm32 target: std built from source with Debian's rustc-web");
    Ok(WasmRoute::DebianBuildStd)
}

/// rustc-web links wasm with `/usr/bin/rust-lld`, a link to a versioned `lld-N` that the
/// package does not pull in: install the package the link names.
fn ensure_rust_lld(apt: &mut Apt) -> Result {
    const RUST_LLD: &str = "/usr/bin/rust-lld";
    if first_line(RUST_LLD, &["-flavor", "wasm", "--version"]).is_some() {
        return Ok(());
    }
    let target = std::fs::read_link(RUST_LLD)
        .map_err(|e| format!("{RUST_LLD} is missing ({e}); reinstall rustc-web"))?;
    let package = target
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or("rust-lld links to an unexpected path")?
        .to_string();
    println!("Installing {package}, the wasm linker behind {RUST_LLD}");
    apt.install(&[&package])?;
    first_line(RUST_LLD, &["-flavor", "wasm", "--version"])
        .map(|_| ())
        .ok_or_else(|| format!("{RUST_LLD} still does not run after installing {package}").into())
}

fn ensure_node(apt: &mut Apt) -> Result {
    let major = first_line("node", &["--version"]).and_then(|v| {
        v.trim_start_matches('v')
            .split('.')
            .next()
            .and_then(|m| m.parse::<u32>().ok())
    });
    match major {
        Some(m) if m >= 18 => Ok(()),
        _ => {
            println!("Installing Node.js (for wasm-opt and the browser tests)");
            apt.install(&["nodejs", "npm"])
        }
    }
}

/// Installs a cargo tool unless `<tool> --version` already reports exactly `version`.
fn ensure_cargo_tool(tool: &str, version: &str, install_args: &[&str]) -> Result {
    let found = first_line(tool, &["--version"]);
    if found
        .as_deref()
        .and_then(|line| line.split_whitespace().nth(1))
        == Some(version)
    {
        println!("{tool} {version}: installed");
        return Ok(());
    }
    println!(
        "Installing {tool} {version} (found: {}); this takes several minutes once",
        found.as_deref().unwrap_or("none")
    );
    cmd::run(cmd::cargo().args(install_args))
}

/// The version of package `name` in a Cargo.lock's text.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    lock.split("[[package]]")
        .find(|block| {
            block
                .lines()
                .any(|l| l.trim() == format!("name = \"{name}\""))
        })
        .and_then(|block| {
            block
                .lines()
                .find_map(|l| l.trim().strip_prefix("version = \""))
        })
        .map(|v| v.trim_end_matches('"').to_string())
}

/// The wasm-bindgen version in Cargo.lock, which the CLI and Trunk.toml must equal.
fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))?;
    let version =
        locked_version(&lock, "wasm-bindgen").ok_or("Cargo.lock has no wasm-bindgen package")?;
    let trunk_toml = std::fs::read_to_string(root().join("Trunk.toml"))?;
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")) {
        return Err(format!(
            "Trunk.toml must pin wasm_bindgen = \"{version}\" to match Cargo.lock"
        )
        .into());
    }
    Ok(version)
}

/// Installs the npm packages in `tests/` (wasm-opt, Playwright, axe-core) when the lockfile changed.
fn ensure_npm_packages() -> Result<PathBuf> {
    let tests = root().join("tests");
    let lock = std::fs::read(tests.join("package-lock.json"))?;
    let marker = tests.join("node_modules/.tellus-installed-lock");
    let wasm_opt = tests.join("node_modules/.bin/wasm-opt");
    let current = std::fs::read(&marker)
        .map(|installed| installed == lock)
        .unwrap_or(false);
    let wasm_opt_ok = first_line(&wasm_opt.to_string_lossy(), &["--version"])
        .is_some_and(|v| v.contains(&format!("version {BINARYEN_VERSION}")));
    if current && wasm_opt_ok {
        println!(
            "npm packages (binaryen {BINARYEN_VERSION}, playwright-core, axe-core): installed"
        );
    } else {
        println!("Installing npm packages from tests/package-lock.json");
        cmd::run(
            Command::new("npm")
                .current_dir(&tests)
                .args(["ci", "--no-audit", "--no-fund"]),
        )?;
        std::fs::write(&marker, &lock)?;
    }
    Ok(tests.join("node_modules/.bin"))
}

/// Installs aiosmtpd for the tests that email safeguarding leads through a real SMTP server.
fn ensure_python_packages(apt: &mut Apt) -> Result {
    let version = || {
        first_line(
            "python3",
            &["-c", "import aiosmtpd; print(aiosmtpd.__version__)"],
        )
    };
    if version().as_deref() == Some(AIOSMTPD_VERSION) {
        println!("aiosmtpd {AIOSMTPD_VERSION}: installed");
        return Ok(());
    }
    if first_line("python3", &["-m", "pip", "--version"]).is_none() {
        println!("Installing Python's pip (for the SMTP server the tests start)");
        apt.install(&["python3", "python3-pip"])?;
    }
    println!("Installing aiosmtpd {AIOSMTPD_VERSION} (the SMTP server the alert tests start)");
    let package = format!("aiosmtpd=={AIOSMTPD_VERSION}");
    let pip = |extra: &[&str]| {
        let mut c = Command::new("python3");
        c.args(["-m", "pip", "install", "-q", &package]).args(extra);
        cmd::run(&mut c)
    };
    // Debian's own Python refuses installs outside a virtual environment unless told.
    if pip(&[]).is_err() {
        pip(&["--break-system-packages"])?;
    }
    match version() {
        Some(v) if v == AIOSMTPD_VERSION => Ok(()),
        found => Err(format!("aiosmtpd did not install (found {found:?})").into()),
    }
}

fn ensure_chromium(apt: &mut Apt) -> Result<PathBuf> {
    let path = PathBuf::from("/usr/bin/chromium");
    if first_line("/usr/bin/chromium", &["--version"]).is_none() {
        println!("Installing Chromium for the browser tests");
        apt.install(&["chromium", "fonts-liberation"])?;
    }
    let version = first_line("/usr/bin/chromium", &["--version"])
        .ok_or("Chromium did not start after installing it")?;
    println!("{version}: installed");
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn finds_the_exact_package_not_one_with_a_longer_name() {
        let lock = r#"
[[package]]
name = "wasm-bindgen-macro"
version = "0.2.999"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
"#;
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(lock, "trunk"), None);
    }

    #[test]
    fn the_workspace_lock_pins_the_version_trunk_uses() {
        let lock = std::fs::read_to_string(crate::root().join("Cargo.lock")).unwrap();
        let version = locked_version(&lock, "wasm-bindgen").unwrap();
        let trunk = std::fs::read_to_string(crate::root().join("Trunk.toml")).unwrap();
        assert!(
            trunk.contains(&format!("wasm_bindgen = \"{version}\"")),
            "Trunk.toml and Cargo.lock disagree"
        );
    }
}
