//! Running the `iam-policy` binary as a user would, in scratch directories.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const BIN: &str = env!("CARGO_BIN_EXE_iam-policy");

/// The seed policies, kept verbatim in the workspace's `tests/seed` (shared with the other
/// integration tests) so that the tests do not depend on anything outside the repository.
pub fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/seed")
}

pub fn seed(name: &str) -> PathBuf {
    seed_dir().join(name)
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            // A crash (a panic exits 101, a signal has no code) must never look like a verdict.
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// `iam-policy ARGS` in `dir`, without colour-forcing variables, stdin closed.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    command(dir, args)
        .output()
        .map(Run::from)
        .expect("the binary runs")
}

pub fn run(args: &[&str]) -> Run {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .env_remove("NO_COLOR");
    command
}

/// A fresh, empty directory under Cargo's scratch directory for integration tests, removed when
/// the test ends.
pub fn scratch(name: &str) -> Scratch {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cli-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch directory");
    Scratch(dir)
}

/// A directory removed on drop.
#[derive(Debug)]
pub struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create the parent");
    }
    std::fs::write(&path, contents).expect("write a test file");
    path
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// A small valid policy.
pub const ALLOW_START: &str = r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Start",
            "Effect": "Allow",
            "Action": "ssm:StartSession",
            "Resource": "*"
        }
    ]
}
"#;
