//! The compile-time suite of `policy!` and `policy_file!`.
//!
//! - `ui/<area>/*.rs`: one defect each; must fail to compile with the diagnostic in the `.stderr`
//!   beside it (message, `[CODE]`, `help:` line, and the caret under the offending literal).
//!   Warnings and suggestions are tested through `#![deny(deprecated)]`, which turns them into errors.
//! - `pass/*.rs`: the valid Session Manager seed policies, pasted unchanged, and the ways of
//!   invoking the macros; each must compile (with `#![deny(warnings)]`) and its `main` must pass.
//!
//! A `.stderr` snapshot depends on how rustc renders diagnostics, so the suite runs only on the
//! toolchain the snapshots were taken with (see `SNAPSHOT_TOOLCHAIN`); on any other it prints a note
//! and passes. Regenerate the snapshots with
//! `TRYBUILD=overwrite cargo test -p iam-policy-tests --test ui`, then read every changed `.stderr`.
//!
//! `policy_file!` paths are relative to `CARGO_MANIFEST_DIR`, which for a trybuild test is the
//! project trybuild generates in the build directory (`<target>/tests/trybuild/iam-policy-tests/`).
//! So that the suite passes wherever the build directory is (`CARGO_TARGET_DIR`,
//! `build.target-dir`), the fixtures are copied there first, at their paths under `tests/`
//! (`ui/file/fixtures/...`, `pass/fixtures/...`, `seed/...`), and no snapshot holds a path of the machine.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `major.minor` of the rustc the `.stderr` snapshots were generated with.
const SNAPSHOT_TOOLCHAIN: &str = "1.95";

/// The `major.minor` of the rustc cargo will use, from `rustc --version` (`rustc 1.95.0 (...)`).
fn installed_toolchain() -> Option<String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = Command::new(rustc).arg("--version").output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let version = text.split_whitespace().nth(1)?;
    let mut parts = version.split('.');
    Some(format!("{}.{}", parts.next()?, parts.next()?))
}

#[test]
fn ui() {
    match installed_toolchain() {
        Some(version) if version == SNAPSHOT_TOOLCHAIN => {}
        other => {
            println!(
                "note: skipping the trybuild suite: its .stderr snapshots are for rustc {SNAPSHOT_TOOLCHAIN}, \
                 and the installed rustc is {}",
                other.as_deref().unwrap_or("unknown")
            );
            return;
        }
    }
    copy_fixtures();
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*/*.rs");
    t.pass("pass/*.rs");
}

/// The folders of fixtures that `policy_file!` tests name, relative to `tests/`.
const FIXTURES: &[&str] = &["ui/file/fixtures", "pass/fixtures", "seed"];

/// Copies the fixtures into the project trybuild generates, found as trybuild finds it: in the
/// target directory that `cargo metadata` reports.
fn copy_fixtures() {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = target_directory(manifest_dir).join("tests/trybuild/iam-policy-tests");
    for folder in FIXTURES {
        let from = manifest_dir.join(folder);
        let to = project.join(folder);
        std::fs::create_dir_all(&to)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", to.display()));
        let entries = std::fs::read_dir(&from)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", from.display()));
        for entry in entries {
            let path = entry.expect("a readable fixture folder").path();
            let target = to.join(path.file_name().expect("a file name"));
            std::fs::copy(&path, &target)
                .unwrap_or_else(|e| panic!("cannot copy {}: {e}", path.display()));
        }
    }
}

/// The build directory of the workspace, wherever `CARGO_TARGET_DIR` or `build.target-dir` put it.
fn target_directory(manifest_dir: &Path) -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(manifest_dir)
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let dir = metadata["target_directory"]
        .as_str()
        .expect("cargo metadata names the target directory");
    PathBuf::from(dir)
}
