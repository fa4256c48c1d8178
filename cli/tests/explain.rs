//! `iam-policy explain`: every code of the registry (`iam_policy_core::codes`) is listed and
//! explained, and nothing else is; then the IAM Access Analyzer codes left out, as the registry's
//! `LEFT_OUT` table says.

mod common;

use common::*;
use iam_policy_core::codes;

#[test]
fn explain_list_is_the_registry() {
    let list = run(&["explain", "--list"]);
    assert_eq!(list.status, 0);
    let (declared, left_out) = list
        .stdout
        .split_once("\nAccess Analyzer codes not reported, and why:\n")
        .expect("the codes left out follow the registry");
    let listed: Vec<&str> = declared
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    let registry: Vec<&str> = codes::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(listed, registry);
    let left: Vec<&str> = left_out
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    let table: Vec<&str> = codes::LEFT_OUT.iter().map(|(name, _)| *name).collect();
    assert_eq!(left, table);
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
        "error: unknown code `INVALID_ARN_REGON`\n  help: did you mean `INVALID_ARN_REGION`?\n"
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

/// With the codes left out, the registry covers Access Analyzer's whole list: each AA code is
/// either explained or listed as left out, never both.
#[test]
fn every_access_analyzer_code_is_explained_or_left_out() {
    use iam_policy_core::access_analyzer::aa_codes;
    let list = run(&["explain", "--list"]);
    let (_, left_out) = list
        .stdout
        .split_once("\nAccess Analyzer codes not reported, and why:\n")
        .expect("the section of codes left out");
    let listed: Vec<&str> = left_out
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(
        listed.contains(&"SCP_SYNTAX_ERROR_NOTRESOURCE"),
        "{left_out}"
    );
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
