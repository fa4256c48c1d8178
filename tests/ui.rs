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
//! project trybuild generates under `target/tests/trybuild/iam-policy-tests/`; so the fixtures are
//! named from there as `../../../../tests/...` (this assumes the default target directory).

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
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*/*.rs");
    t.pass("pass/*.rs");
}
