//! `iam-policy explain`: every code of the registry (`iam_policy_core::codes`) is listed and
//! explained, and nothing else is.

mod common;

use common::*;
use iam_policy_core::codes;

#[test]
fn explain_list_is_the_registry() {
    let list = run(&["explain", "--list"]);
    assert_eq!(list.status, 0);
    let (codes_part, _) = list
        .stdout
        .split_once("\n\nAccess Analyzer codes not reported")
        .expect("the codes, then the Access Analyzer codes left out");
    let listed: Vec<&str> = codes_part
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    let registry: Vec<&str> = codes::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(listed, registry);
    for code in codes::ALL {
        let run = run(&["explain", code.name()]);
        assert_eq!(run.status, 0, "{code}: {run:?}");
        assert!(
            run.stdout
                .starts_with(&format!("{}[{code}]: {}", code.severity(), code.summary())),
            "{code}: {}",
            run.stdout
        );
        for section in ["Example:", "Fix:"] {
            assert!(run.stdout.contains(section), "{code}: {}", run.stdout);
        }
    }
}

#[test]
fn explains_in_any_case() {
    let run = run(&["explain", "invalid-arn-prefix"]);
    assert_eq!(run.status, 0);
    assert!(
        run.stdout
            .starts_with("error[INVALID_ARN_PREFIX]: the resource is not an ARN"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\"Resource\": \"\""), "{}", run.stdout);
}

#[test]
fn unknown_codes_exit_2_with_a_suggestion() {
    let typo = run(&["explain", "INVALID_ARN_REGON"]);
    assert_eq!((typo.status, typo.stdout.as_str()), (2, ""));
    assert_eq!(
        typo.stderr,
        "error: unknown code `INVALID_ARN_REGON`\nhelp: did you mean `INVALID_ARN_REGION`?\n"
    );
    let stranger = run(&["explain", "E0308"]);
    assert_eq!(stranger.status, 2);
    assert!(
        stranger.stderr.contains("iam-policy explain --list"),
        "{}",
        stranger.stderr
    );
    assert_eq!(run(&["explain"]).status, 2);
}

/// `explain --list` ends with every Access Analyzer code that is not a code of the registry, and
/// why; with the registry, they cover AA's list (checked in `iam_policy_core::access_analyzer`).
#[test]
fn explain_list_says_which_access_analyzer_codes_are_left_out() {
    use iam_policy_core::access_analyzer::{LEFT_OUT, aa_codes};
    let list = run(&["explain", "--list"]);
    let (_, left_out) = list
        .stdout
        .split_once("Access Analyzer codes not reported under their own code, and why:\n")
        .expect("the section of codes left out");
    let lines: Vec<&str> = left_out.lines().collect();
    assert_eq!(lines.len(), LEFT_OUT.len(), "{left_out}");
    for (line, entry) in lines.iter().zip(LEFT_OUT) {
        assert!(line.starts_with(entry.code), "{line}");
        assert!(line.ends_with(entry.reason), "{line}");
    }
    assert!(
        left_out.contains("SCP_SYNTAX_ERROR_NOTRESOURCE") && left_out.contains("2025-09-19"),
        "{left_out}"
    );
    // Each AA code is either explained or in this section.
    let listed: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for (code, _) in aa_codes() {
        let explained = run(&["explain", code]).status == 0;
        assert!(
            explained != listed.contains(&code),
            "{code}: explained and left out, or neither"
        );
    }
}

/// The committed copy of Access Analyzer's list of checks is the project's reference one (CI has
/// `shared/` beside the repository; without it there is nothing to compare).
#[test]
fn access_analyzer_list_is_a_verbatim_copy() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let Ok(original) = std::fs::read_to_string(root.join("../shared/docs/aa-checks.tsv")) else {
        eprintln!("the reference list is absent: nothing to compare");
        return;
    };
    let copy = std::fs::read_to_string(root.join("core/catalog/aa-checks.tsv"))
        .expect("core/catalog/aa-checks.tsv");
    assert_eq!(
        copy, original,
        "core/catalog/aa-checks.tsv drifted from the reference list"
    );
}
