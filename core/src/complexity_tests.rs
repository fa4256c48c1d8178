//! Complexity regression tests: each input that was once quadratic, at three sizes, with the work
//! counted by [`crate::work`] (never seconds). Each test prints its figures.

use crate::diagnostic::TextDiagnostic;
use crate::validate::{self, Options};
use crate::work::{Counter, assert_linear, measure};

fn statements(count: usize, statement: impl Fn(usize) -> String) -> String {
    let body: Vec<String> = (0..count).map(statement).collect();
    format!(
        "{{\"Version\": \"2012-10-17\", \"Statement\": [\n{}\n]}}",
        body.join(",\n")
    )
}

fn validate_text(text: &str, options: &Options) -> crate::diagnostic::Diagnostics {
    let root = crate::json::parse(text).expect("test policies are JSON");
    validate::validate(&root, options).diagnostics
}

/// One misspelt element per statement: asking whether `Resource` was misspelt is one look-up per
/// statement, not a scan of every misspelling reported so far.
#[test]
fn misspelt_elements_are_looked_up_not_scanned() {
    let sizes = [2_000u64, 8_000, 32_000];
    let options = Options {
        catalog: false,
        ..Options::default()
    };
    let counts: Vec<u64> = sizes
        .iter()
        .map(|&n| {
            let text = statements(n as usize, |_| {
                r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resources": "*"}"#.to_owned()
            });
            measure(Counter::ElementLookups, || {
                let found = validate_text(&text, &options);
                assert!(found.len() >= n as usize, "one finding per statement");
            })
        })
        .collect();
    assert_linear(
        "misspelt-element look-ups by statements",
        &sizes,
        &counts,
        1.1,
    );
}

/// A condition error per statement: whether a condition added an error is asked after each one
/// (its key is then left out of the catalog checks), from a count kept as findings come, not by
/// passing over every finding so far (N² steps for N such conditions).
#[test]
fn errors_are_counted_not_scanned() {
    let options = Options::default();
    let sizes = [1_000u64, 4_000, 16_000];
    for &n in &sizes {
        let text = statements(n as usize, |i| {
            format!(
                r#"{{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {{"NumericEquals": {{"s3:max-keys": "x{i}"}}}}}}"#
            )
        });
        let mut errors = 0;
        let scans = measure(Counter::FindingScans, || {
            errors = validate_text(&text, &options).error_count();
        });
        assert_eq!(errors as u64, n, "one error per statement");
        assert!(scans <= n, "{n} statements: {scans} findings passed over");
        println!("{n} erroneous conditions: {scans} findings passed over");
    }
}

/// Placing findings at line and column indexes the text once (it scanned from the start for each
/// finding), on many lines or on one long line of non-ASCII text.
#[test]
fn findings_are_placed_in_one_pass() {
    let sizes = [2_000u64, 8_000, 32_000];
    for one_line in [false, true] {
        let counts: Vec<u64> = sizes
            .iter()
            .map(|&n| {
                let mut text = statements(n as usize, |i| {
                    format!(r#"{{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Bogus": "é{i}"}}"#)
                });
                if one_line {
                    text = text.replace('\n', " ");
                }
                let options = Options {
                    catalog: false,
                    ..Options::default()
                };
                let found = validate_text(&text, &options);
                assert!(found.len() >= n as usize);
                let count = found.len();
                measure(Counter::PositionSteps, || {
                    let placed = TextDiagnostic::place(&text, found);
                    assert_eq!(placed.len(), count);
                })
            })
            .collect();
        let what = if one_line {
            "position steps by findings, one line"
        } else {
            "position steps by findings, one per line"
        };
        assert_linear(what, &sizes, &counts, 1.1);
    }
}

/// One statement with N actions and N resources: each resource is compared with the templates of
/// its own service, once (it expanded every action again for each resource).
#[cfg(feature = "catalog")]
#[test]
fn resources_against_actions_is_linear() {
    let catalog = crate::catalog::catalog();
    let names: Vec<(&str, String)> = catalog
        .services()
        .flat_map(|s| {
            let prefix = s.prefix();
            s.actions()
                .map(move |a| (prefix, format!("{prefix}:{}", a.name())))
        })
        .take(500)
        .collect();
    let sizes = [500u64, 1_000, 2_000];
    let counts: Vec<u64> = sizes
        .iter()
        .map(|&n| {
            let n = n as usize;
            // Each resource an ARN of its action's service, so that it meets that service's templates.
            // The same 500 actions over and over: the work per resource stays that of one service.
            let actions: Vec<String> = names.iter().cycle().take(n).map(|(_, a)| format!("\"{a}\"")).collect();
            let resources: Vec<String> = names
                .iter()
                .cycle()
                .take(n)
                .enumerate()
                .map(|(i, (service, _))| format!("\"arn:aws:{service}:us-east-1:123456789012:thing/{i}\""))
                .collect();
            let text = format!(
                r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Action": [{}], "Resource": [{}]}}]}}"#,
                actions.join(","),
                resources.join(",")
            );
            measure(Counter::ResourceFits, || {
                validate_text(&text, &Options::default());
            })
        })
        .collect();
    assert_linear(
        "resource fits by actions and resources",
        &sizes,
        &counts,
        1.25,
    );
}
