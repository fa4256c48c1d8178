//! `iam-policy test` over the project's decision test files (tests/cases/, the AWS doc cases
//! among them): every case passes through the command as a user runs it.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn the_project_case_files_all_pass() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    assert!(
        files.iter().any(|f| f.ends_with("aws-doc-cases.jsonl")),
        "{files:?}"
    );
    let expected: usize = files
        .iter()
        .map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count()
        })
        .sum();
    let output = Command::new(env!("CARGO_BIN_EXE_iam-policy"))
        .arg("test")
        .args(&files)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let last = stdout.lines().last().unwrap_or_default();
    assert_eq!(last, format!("{expected} passed, 0 failed"));
}
