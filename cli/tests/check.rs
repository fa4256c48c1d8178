//! `iam-policy check`: every output format, every exit status, bad input, the seed policies.

mod common;

use std::time::Instant;

use common::*;
use serde_json::Value;

const VALID_SEEDS: [&str; 6] = [
    "ex1_specific_instances.json",
    "ex2_instance_tags.json",
    "ex2c_two_tags.json",
    "ex3m1_username.json",
    "ex3m2d_both_tags.json",
    "ex4_admin.json",
];

const EMPTY_RESOURCE_SEEDS: [&str; 3] = [
    "ex3m2a_target_id_empty_resource.json",
    "ex3m2b_session_id_user_empty_resource.json",
    "ex3m2c_session_id_userid_empty_resource.json",
];

fn codes(findings: &Value) -> Vec<String> {
    findings
        .as_array()
        .expect("an array")
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

fn check_json(paths: &[&str]) -> (Run, Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(paths);
    let run = run_in(&seed_dir(), &args);
    let json = run.json();
    (run, json)
}

#[test]
fn valid_seed_policies_pass() {
    for seed in VALID_SEEDS {
        let run = run_in(&seed_dir(), &["check", seed]);
        assert_eq!(run.status, 0, "{seed}:\n{}{}", run.stdout, run.stderr);
        let (_, findings) = check_json(&[seed]);
        assert!(
            findings
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["severity"] != "error"),
            "{seed}: {findings:#}"
        );
    }
    let mut args = vec!["check"];
    args.extend_from_slice(&VALID_SEEDS);
    assert_eq!(run_in(&seed_dir(), &args).status, 0);
}

#[test]
fn empty_resource_seeds_fail_with_the_error_at_the_empty_string() {
    for seed in EMPTY_RESOURCE_SEEDS {
        let (run, findings) = check_json(&[seed]);
        assert_eq!(run.status, 1, "{seed}: {}", run.stdout);
        let errors: Vec<&Value> = findings
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        assert_eq!(errors.len(), 1, "{seed}: {findings:#}");
        let error = errors[0];
        assert_eq!(error["code"], "INVALID_ARN_PREFIX");
        assert_eq!(error["file"], seed);
        assert_eq!(
            (error["line"].as_u64(), error["column"].as_u64()),
            (Some(9), Some(25))
        );
        assert_eq!(
            (error["end_line"].as_u64(), error["end_column"].as_u64()),
            (Some(9), Some(27))
        );
        assert_eq!(error["path"], "Statement[0].Resource");
        assert_eq!(
            error["path_segments"],
            serde_json::json!(["Statement", 0, "Resource"])
        );
        assert!(
            error["message"].as_str().unwrap().contains("empty string"),
            "{error}"
        );
        assert!(error["help"].as_str().unwrap().contains("\"*\""), "{error}");
    }
}

#[test]
fn placeholder_seeds_fail_on_region_and_account() {
    let (run, findings) = check_json(&["ex0_live_documents_console.json"]);
    assert_eq!(run.status, 1);
    let found = codes(&findings);
    assert!(
        found.contains(&"INVALID_ARN_REGION".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(&"INVALID_ARN_ACCOUNT".to_owned()),
        "{found:?}"
    );

    let (run, findings) = check_json(&["ex2b_instance_tags_region_placeholder.json"]);
    assert_eq!(run.status, 1);
    let region: Vec<&Value> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "INVALID_ARN_REGION")
        .collect();
    assert_eq!(region.len(), 1, "{findings:#}");
    assert_eq!(
        (region[0]["line"].as_u64(), region[0]["column"].as_u64()),
        (Some(10), Some(17))
    );
    assert_eq!(region[0]["severity"], "error");
    assert_eq!(region[0]["path"], "Statement[0].Resource[0]");
}

#[test]
fn human_output_quotes_the_line_with_a_caret_under_the_value() {
    let run = run_in(
        &seed_dir(),
        &["check", "ex3m2a_target_id_empty_resource.json"],
    );
    assert_eq!(run.status, 1);
    let expected = "\
error[INVALID_ARN_PREFIX]: the resource is an empty string: a resource must be an ARN or `\"*\"`
 --> ex3m2a_target_id_empty_resource.json:9:25
  |
9 |             \"Resource\": \"\",
  |                         ^^ Statement[0].Resource
  |
  = help: ";
    assert!(run.stdout.starts_with(expected), "{}", run.stdout);
    assert!(
        !run.stdout.contains('\x1b'),
        "no colour when not on a terminal"
    );
    assert!(
        run.stdout.contains("\nchecked 1 file: 1 error, "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with(
            "    1  error       INVALID_ARN_PREFIX\nchecked as an identity policy (`--policy-type managed`, 6144 characters)\n"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn summary_counts_per_severity_and_per_code() {
    let run = run_in(&seed_dir().join(".."), &["check", "seed"]);
    assert_eq!(run.status, 1);
    let summary = &run.stdout[run.stdout.find("checked 11 files: ").expect("summary line")..];
    let mut lines = summary.lines();
    let head = lines.next().unwrap();
    assert!(head.starts_with("checked 11 files: 6 errors, "), "{head}");
    assert!(
        head.contains(" warning") && head.ends_with(" suggestions")
            || head.ends_with(" suggestion"),
        "{head}"
    );
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows.contains(&"    3  error       INVALID_ARN_PREFIX"),
        "{rows:?}"
    );
    assert!(
        rows.contains(&"    2  error       INVALID_ARN_REGION"),
        "{rows:?}"
    );
    assert!(
        rows.contains(&"    1  error       INVALID_ARN_ACCOUNT"),
        "{rows:?}"
    );
    // Files are reported in name order.
    let first = run.stdout.find("ex0_live").unwrap();
    let later = run.stdout.find("ex3m2a").unwrap();
    assert!(first < later);
}

#[test]
fn quiet_prints_only_findings() {
    let run = run_in(
        &seed_dir(),
        &[
            "check",
            "--quiet",
            "ex3m2a_target_id_empty_resource.json",
            "ex4_admin.json",
        ],
    );
    assert_eq!(run.status, 1);
    assert!(run.stdout.starts_with("error[INVALID_ARN_PREFIX]"));
    assert!(!run.stdout.contains("checked"), "{}", run.stdout);
    let run = run_in(&seed_dir(), &["check", "-q", "ex4_admin.json"]);
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
    // With JSON, the summary goes to stderr unless quiet.
    let run = run_in(
        &seed_dir(),
        &["check", "--format", "json", "ex4_admin.json"],
    );
    assert!(
        run.stderr.starts_with("checked 1 file: 0 errors"),
        "{}",
        run.stderr
    );
    let run = run_in(
        &seed_dir(),
        &["check", "--format", "json", "--quiet", "ex4_admin.json"],
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let seed = "ex3m2a_target_id_empty_resource.json";
    let plain = run_in(&seed_dir(), &["check", seed]);
    assert!(!plain.stdout.contains('\x1b'));
    let coloured = run_in(&seed_dir(), &["check", "--color", "always", seed]);
    assert!(
        coloured
            .stdout
            .contains("\x1b[1;31merror[INVALID_ARN_PREFIX]\x1b[0m"),
        "{}",
        coloured.stdout
    );
    let never = command(&seed_dir(), &["--color", "never", "check", seed])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\x1b'));
    // NO_COLOR: colour stays off in auto mode (here also because stdout is a pipe).
    let no_color = command(&seed_dir(), &["check", seed])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&no_color.stdout).contains('\x1b'));
}

#[test]
fn json_format_fields() {
    let (run, findings) = check_json(&["ex0_live_documents_console.json", "ex4_admin.json"]);
    assert_eq!(run.status, 1);
    let findings = findings.as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        assert_eq!(f["file"], "ex0_live_documents_console.json");
        for key in [
            "line",
            "column",
            "end_line",
            "end_column",
            "offset",
            "end_offset",
        ] {
            assert!(f[key].as_u64().is_some(), "{key}: {f}");
        }
        assert!(f["line"].as_u64().unwrap() >= 1 && f["column"].as_u64().unwrap() >= 1);
        assert!(
            ["error", "warning", "suggestion"].contains(&f["severity"].as_str().unwrap()),
            "{f}"
        );
        assert!(
            f["code"]
                .as_str()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '_')
        );
        assert!(f["message"].is_string());
        assert!(f["help"].is_string() || f["help"].is_null());
        assert!(f["path"].is_string() && f["path_segments"].is_array());
    }
    // No finding: an empty array.
    let (run, findings) = check_json(&["ex4_admin.json"]);
    assert_eq!(run.status, 0);
    assert!(
        findings
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["severity"] != "error")
    );
}

#[test]
fn sarif_format_for_code_scanning() {
    let run = run_in(
        &seed_dir().join(".."),
        &["check", "--format", "sarif", "seed"],
    );
    assert_eq!(run.status, 1);
    let log = run.json();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "iam-policy");
    assert!(
        driver["informationUri"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    let rules = driver["rules"].as_array().unwrap();
    let rule_ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for rule in rules {
        assert!(rule["shortDescription"]["text"].is_string(), "{rule}");
        assert!(
            ["error", "warning", "note"]
                .contains(&rule["defaultConfiguration"]["level"].as_str().unwrap())
        );
    }
    let results = runs[0]["results"].as_array().unwrap();
    assert_eq!(results.iter().filter(|r| r["level"] == "error").count(), 6);
    for result in results {
        let rule_id = result["ruleId"].as_str().unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rule_ids[index], rule_id);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("seed/") && uri.ends_with(".json"), "{uri}");
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(location["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
    let prefix = results
        .iter()
        .find(|r| r["ruleId"] == "INVALID_ARN_PREFIX")
        .unwrap();
    let location = &prefix["locations"][0];
    assert_eq!(location["physicalLocation"]["region"]["startLine"], 9);
    assert_eq!(location["physicalLocation"]["region"]["startColumn"], 25);
    assert_eq!(
        location["logicalLocations"][0]["fullyQualifiedName"],
        "Statement[0].Resource"
    );
    assert!(
        runs[0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
            .as_str()
            .unwrap()
            .starts_with("file:///")
    );
    assert_eq!(runs[0]["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn sarif_and_json_stay_valid_when_a_path_is_missing() {
    for format in ["json", "sarif"] {
        let run = run_in(
            &seed_dir(),
            &[
                "check",
                "--format",
                format,
                "ex4_admin.json",
                "missing.json",
            ],
        );
        assert_eq!(run.status, 2, "{format}");
        assert!(
            run.stderr
                .contains("cannot read `missing.json`: no such file or directory"),
            "{}",
            run.stderr
        );
        let json = run.json();
        if format == "sarif" {
            assert_eq!(
                json["runs"][0]["invocations"][0]["executionSuccessful"],
                false
            );
        }
    }
}

/// A policy of about `size` characters without white space.
fn policy_of_size(size: usize) -> String {
    let statement = r#"{"Effect":"Allow","Action":"ssm:StartSession","Resource":"arn:aws:ec2:*:*:instance/i-0123456789abc{n}"}"#;
    policy_of_statements(statement, size)
}

/// Copies of `statement` up to about `size` characters, each with its own number in place of
/// `{n}` (four digits), so that no copy is a REDUNDANT_STATEMENT of another.
fn policy_of_statements(statement: &str, size: usize) -> String {
    assert!(statement.contains("{n}"), "each copy must differ");
    let count = size / (statement.len() + 2) + 1;
    let copies: Vec<String> = (0..count)
        .map(|i| statement.replace("{n}", &format!("{i:04}")))
        .collect();
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        copies.join(",")
    )
}

#[test]
fn policy_type_picks_the_size_quota() {
    let dir = scratch("quota");
    let p3000 = write(&dir, "p3000.json", policy_of_size(3000));
    let p7000 = write(&dir, "p7000.json", policy_of_size(7000));
    let codes_of = |policy_type: &str, file: &std::path::Path| {
        let run = run_in(
            &dir,
            &[
                "check",
                "--format",
                "json",
                "--policy-type",
                policy_type,
                path_str(file),
            ],
        );
        (run.status, codes(&run.json()))
    };
    assert_eq!(codes_of("managed", &p3000), (0, vec![]));
    assert_eq!(codes_of("group", &p3000), (0, vec![]));
    assert_eq!(codes_of("role", &p7000), (0, vec![]));
    assert_eq!(
        codes_of("user", &p3000),
        (
            0,
            vec!["POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA".to_owned()]
        )
    );
    let trust3000 = write(
        &dir,
        "trust3000.json",
        policy_of_statements(
            r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/deploy{n}"},"Action":"sts:AssumeRole"}"#,
            3000,
        ),
    );
    assert_eq!(
        codes_of("trust", &trust3000),
        (
            0,
            vec!["POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA".to_owned()]
        )
    );
    // Each resource-based type has its service's quota; RCPs and endpoint policies are refused.
    let bucket = |size: usize| {
        policy_of_statements(
            r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::doc-bucket/{n}/*"}"#,
            size,
        )
    };
    let b9000 = write(&dir, "b9000.json", bucket(9000));
    let b21000 = write(&dir, "b21000.json", bucket(21000));
    let resource_quota = || {
        (
            0,
            vec!["POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA".to_owned()],
        )
    };
    assert_eq!(codes_of("s3-bucket", &b9000), (0, vec![]));
    assert_eq!(codes_of("s3-bucket", &b21000), resource_quota());
    // Each type checked with statements of its own service (another service's actions and ARNs
    // are UNSUPPORTED_ACTION_IN_POLICY and UNSUPPORTED_RESOURCE_ARN_IN_POLICY).
    let queue = write(
        &dir,
        "q9000.json",
        policy_of_statements(
            r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:orders-{n}"}"#,
            9000,
        ),
    );
    let key = write(
        &dir,
        "k21000.json",
        policy_of_statements(
            r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:111122223333:key/{n}"}"#,
            21000,
        ),
    );
    assert_eq!(codes_of("sqs-queue", &queue), resource_quota());
    assert_eq!(codes_of("kms-key", &key), (0, vec![]));
    assert_eq!(codes_of("resource", &b21000), (0, vec![]));
    assert_eq!(
        codes_of("vpc-endpoint", &b21000),
        (
            1,
            vec!["POLICY_SIZE_EXCEEDS_VPC_ENDPOINT_POLICY_QUOTA".to_owned()]
        )
    );
    let rcp = write(
        &dir,
        "rcp.json",
        policy_of_statements(
            r#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::bucket{n}/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#,
            6000,
        ),
    );
    assert_eq!(
        codes_of("rcp", &rcp),
        (1, vec!["POLICY_SIZE_EXCEEDS_RCP_QUOTA".to_owned()])
    );
    let session = write(&dir, "session.json", policy_of_size(3000));
    assert_eq!(
        codes_of("session", &session),
        (
            0,
            vec!["POLICY_SIZE_EXCEEDS_SESSION_POLICY_QUOTA".to_owned()]
        )
    );
    assert_eq!(
        codes_of("scp", &p7000),
        (1, vec!["POLICY_SIZE_EXCEEDS_SCP_QUOTA".to_owned()])
    );
    assert_eq!(codes_of("scp", &p3000), (0, vec![]));
    // The default is managed.
    let run = run_in(&dir, &["check", "-q", path_str(&p7000)]);
    assert!(
        run.stdout
            .contains("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("6144"), "{}", run.stdout);
    // A warning fails only with --deny-warnings.
    assert_eq!(run.status, 0);
    let run = run_in(&dir, &["check", "--deny-warnings", path_str(&p7000)]);
    assert_eq!(run.status, 1);
    // trust requires Principal, identity policies refuse it; the summary names the type.
    let trust = write(
        &dir,
        "trust.json",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
    );
    assert_eq!(codes_of("trust", &trust), (0, vec![]));
    assert_eq!(
        codes_of("managed", &trust),
        (
            1,
            vec![
                "MISSING_RESOURCE".to_owned(),
                "UNSUPPORTED_PRINCIPAL".to_owned()
            ]
        )
    );
    let run = run_in(&dir, &["check", "--policy-type", "trust", path_str(&trust)]);
    assert!(
        run.stdout
            .contains("checked as a role trust policy (`--policy-type trust`, 2048 characters)"),
        "{}",
        run.stdout
    );
    // Every type is accepted by name.
    for name in [
        "managed",
        "user",
        "group",
        "role",
        "session",
        "trust",
        "scp",
        "rcp",
        "vpc-endpoint",
        "resource",
        "s3-bucket",
        "kms-key",
        "sqs-queue",
        "sns-topic",
        "lambda-function",
        "secrets-manager-secret",
        "ecr-repository",
    ] {
        let run = run_in(
            &dir,
            &["check", "-q", "--policy-type", name, path_str(&trust)],
        );
        assert_ne!(run.status, 2, "{name}: {}", run.stderr);
    }
    // An unknown type is a usage error.
    assert_eq!(
        run_in(
            &dir,
            &["check", "--policy-type", "inline", path_str(&p3000)]
        )
        .status,
        2
    );
}

#[test]
fn deny_warnings() {
    let dir = scratch("deny-warnings");
    let file = write(
        &dir,
        "noversion.json",
        r#"{"Statement":[{"Effect":"Allow","Action":"ssm:StartSession","Resource":"*"}]}"#,
    );
    let run = run_in(&dir, &["check", path_str(&file)]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(
        run.stdout.starts_with("warning[MISSING_VERSION]"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run_in(&dir, &["check", "--deny-warnings", path_str(&file)]).status,
        1
    );
}

#[test]
fn missing_paths_and_directories_without_policies_are_usage_errors() {
    let dir = scratch("no-json");
    write(&dir, "notes.txt", "not a policy");
    write(&dir, "sub/readme.md", "# nothing");
    let run = run_in(&dir, &["check", "."]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr.contains("no `*.json` file in the directory `.`"),
        "{}",
        run.stderr
    );

    let run = run_in(&dir, &["check", "does-not-exist.json"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("cannot read `does-not-exist.json`: no such file or directory"),
        "{}",
        run.stderr
    );

    // The files that exist are still checked.
    write(&dir, "bad.json", "{");
    let run = run_in(&dir, &["check", "bad.json", "nope.json"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stdout.contains("error[JSON_SYNTAX_ERROR]"),
        "{}",
        run.stdout
    );
}

#[test]
fn directories_are_searched_recursively_for_json_files() {
    let dir = scratch("recursive");
    write(&dir, "policies/a.json", ALLOW_START);
    write(&dir, "policies/team/b.JSON", ALLOW_START);
    write(
        &dir,
        "policies/team/deep/c.json",
        r#"{"Version":"2012-10-17","Statement":[]}"#,
    );
    write(&dir, "policies/team/notes.txt", "{");
    write(&dir, "policies/.hidden/d.json", "{");
    let run = run_in(&dir, &["check", "--format", "json", "policies"]);
    assert_eq!(run.status, 1);
    let findings = run.json();
    let files: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["policies/team/deep/c.json"]);
    assert!(
        run.stderr.starts_with("checked 3 files: 1 error"),
        "{}",
        run.stderr
    );
    // A file named explicitly is checked whatever its extension.
    let run = run_in(&dir, &["check", "policies/team/notes.txt"]);
    assert_eq!(run.status, 1);
}

/// A file's name, its bytes, the code of its first finding, and that finding's line and column.
type Malformed = (&'static str, &'static [u8], &'static str, (u64, u64));

#[test]
fn malformed_documents_are_findings_not_crashes() {
    let dir = scratch("malformed");
    let cases: [Malformed; 7] = [
        (
            "truncated.json",
            b"{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\"Effect\": \"Al",
            "JSON_SYNTAX_ERROR",
            (4, 23),
        ),
        (
            "utf8.json",
            b"{\"Version\": \"2012-10-17\", \"Id\": \"caf\xe9\"}",
            "JSON_SYNTAX_ERROR",
            (1, 37),
        ),
        (
            "array.json",
            b"[{\"Version\": \"2012-10-17\"}]",
            "DATA_TYPE_MISMATCH",
            (1, 1),
        ),
        ("empty.json", b"", "JSON_SYNTAX_ERROR", (1, 1)),
        (
            "comment.json",
            b"// a policy\n{}",
            "JSON_SYNTAX_ERROR",
            (1, 1),
        ),
        ("string.json", b"\"policy\"", "DATA_TYPE_MISMATCH", (1, 1)),
        (
            "trailing.json",
            b"{\"Version\": \"2012-10-17\",}",
            "JSON_SYNTAX_ERROR",
            (1, 26),
        ),
    ];
    for (name, bytes, code, (line, column)) in cases {
        write(&dir, name, bytes);
        let run = run_in(&dir, &["check", "--format", "json", name]);
        assert_eq!(run.status, 1, "{name}: {run:?}");
        let findings = run.json();
        let first = &findings[0];
        assert_eq!(first["code"], code, "{name}: {findings:#}");
        assert_eq!(
            (first["line"].as_u64(), first["column"].as_u64()),
            (Some(line), Some(column)),
            "{name}: {first}"
        );
        // The human format quotes the line without failing either.
        let human = run_in(&dir, &["check", name]);
        assert_eq!(human.status, 1, "{name}: {human:?}");
        assert!(
            human.stdout.contains(&format!("error[{code}]")),
            "{name}: {}",
            human.stdout
        );
    }
    let run = run_in(&dir, &["check", "utf8.json"]);
    assert!(
        run.stdout.contains("not valid UTF-8: invalid byte 0xE9"),
        "{}",
        run.stdout
    );
}

#[test]
fn every_truncation_of_a_seed_is_reported_without_a_crash() {
    let dir = scratch("truncations");
    let text = std::fs::read(seed("ex2_instance_tags.json")).unwrap();
    for end in 0..text.len() - 1 {
        write(&dir, &format!("cut{end:04}.json"), &text[..end]);
    }
    for format in ["human", "json", "sarif"] {
        let run = run_in(&dir, &["check", "--format", format, "."]);
        assert_eq!(run.status, 1, "{format}: {}", run.stderr);
        if format != "human" {
            run.json();
        }
    }
    let run = run_in(&dir, &["check", "--format", "json", "-q", "."]);
    let findings = run.json();
    let files: std::collections::HashSet<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files.len(),
        text.len() - 1,
        "every truncated file has a finding"
    );
}

#[test]
fn a_ten_megabyte_policy() {
    let dir = scratch("big");
    let arn = |i: usize| format!("\"arn:aws:ec2:us-east-1:123456789012:instance/i-{i:017x}\"");
    let resources: Vec<String> = (0..160_000).map(arn).collect();
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"ssm:StartSession","Resource":[{}]}}]}}"#,
        resources.join(",")
    );
    assert!(text.len() > 10_000_000);
    write(&dir, "big.json", &text);
    let started = Instant::now();
    let run = run_in(&dir, &["check", "big.json"]);
    assert_eq!(
        run.status, 2,
        "over the default limit of 1 MiB: {}",
        run.stderr
    );
    let run = run_in(&dir, &["check", "--max-bytes", "20000000", "big.json"]);
    println!(
        "check of a {} MB policy: {:?}",
        text.len() / 1_000_000,
        started.elapsed()
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("warning[POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA]"),
        "{}",
        &run.stdout[..500.min(run.stdout.len())]
    );
    // The quoted line is cut around the value, not 10 MB long.
    assert!(
        run.stdout.len() < 2_000,
        "{} bytes of output",
        run.stdout.len()
    );
    // Truncated in the middle: a syntax error at the end, quoted in a short window.
    write(&dir, "cut.json", &text[..text.len() / 2]);
    let run = run_in(&dir, &["check", "--max-bytes", "20000000", "cut.json"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains("error[JSON_SYNTAX_ERROR]") && run.stdout.len() < 2_000,
        "{}",
        run.stdout
    );
}

#[test]
fn five_thousand_policies() {
    let dir = scratch("many");
    for i in 0..5_000 {
        let resource = if i % 500 == 0 {
            String::new()
        } else {
            format!("arn:aws:ec2:us-east-1:123456789012:instance/i-{i:017x}")
        };
        let policy = format!(
            r#"{{
    "Version": "2012-10-17",
    "Statement": [
        {{
            "Sid": "Start{i}",
            "Effect": "Allow",
            "Action": ["ssm:StartSession"],
            "Resource": "{resource}"
        }},
        {{
            "Effect": "Allow",
            "Action": "ssm:TerminateSession",
            "Resource": "arn:aws:ssm:*:*:session/${{aws:username}}-*"
        }}
    ]
}}
"#
        );
        write(&dir, &format!("team{}/policy{i:04}.json", i % 10), policy);
    }
    let started = Instant::now();
    let run = run_in(&dir, &["check", "."]);
    let elapsed = started.elapsed();
    println!("check of 5,000 policy files: {elapsed:?}");
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .contains("checked 5000 files: 10 errors, 0 warnings, 0 suggestions"),
        "{}",
        &run.stdout[run.stdout.len().saturating_sub(300)..]
    );
    // No progress line: stderr is not a terminal here.
    assert_eq!(run.stderr, "");
    let started = Instant::now();
    let run = run_in(&dir, &["check", "--format", "sarif", "."]);
    println!(
        "check of 5,000 policy files as SARIF: {:?}",
        started.elapsed()
    );
    assert_eq!(
        run.json()["runs"][0]["results"].as_array().unwrap().len(),
        10
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check"][..],
        &["check", "--format", "xml", "x.json"],
        &["check", "--no-such-flag", "x.json"],
        &["no-such-command"],
        &[],
    ] {
        let run = run(args);
        assert_eq!(run.status, 2, "{args:?}: {run:?}");
        assert!(!run.stderr.is_empty());
    }
}

/// A FIFO named `*.json` and `/dev/zero` are refused at once (a FIFO blocked `check` forever and
/// `/dev/zero` grew until the machine stopped it).
#[cfg(unix)]
#[test]
fn refuses_pipes_and_devices() {
    let dir = scratch("check-fifo");
    let fifo = dir.join("p.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let run = run_in(&dir, &["check", "p.json"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("`p.json` is not a regular file (a pipe, a device or a socket)"),
        "{}",
        run.stderr
    );
    let run = common::run(&["check", "/dev/zero"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr.contains("is not a regular file"),
        "{}",
        run.stderr
    );
}

/// A file over the limit is refused after reading no more than the limit.
#[test]
fn refuses_files_over_the_size_limit() {
    let dir = scratch("check-large");
    let statement = r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},"#;
    let mut text = String::from(r#"{"Version":"2012-10-17","Statement":["#);
    while text.len() <= 1 << 20 {
        text.push_str(statement);
    }
    text.push_str(r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#);
    write(&dir, "big.json", &text);
    let run = run_in(&dir, &["check", "big.json"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("`big.json` is over the limit of 1048576 bytes"),
        "{}",
        run.stderr
    );
}

/// The escape hatch for names newer than the catalog: `--extra-action`, `--extra-key` and
/// `--extras FILE` accept them and keep every other check; a declared name the catalog has is the
/// warning `EXTRA_NAME_IN_CATALOG`; a malformed declaration is a usage error naming it.
#[test]
fn extra_names_for_actions_newer_than_the_catalog() {
    let dir = scratch("check-extras");
    let policy = write(
        &dir,
        "p.json",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["newsvc:DoThing","ssm:StartSession","s3:GetObjekt"],"Resource":"*","Condition":{"StringEquals":{"newsvc:Color":"blue"}}}]}"#,
    );
    let file = path_str(&policy);
    let json = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json", file];
        args.extend_from_slice(extra);
        let run = run(&args);
        (run.status, codes(&run.json()))
    };
    let (status, found) = json(&[]);
    assert_eq!(status, 1);
    assert_eq!(
        found,
        [
            "INVALID_SERVICE_IN_ACTION",
            "INVALID_ACTION",
            // No service has the prefix `newsvc`: Access Analyzer's code for the key.
            "INVALID_SERVICE"
        ]
    );
    // With the service's action declared, only its key is unknown.
    let (_, found) = json(&["--extra-action", "newsvc:DoThing"]);
    assert_eq!(found, ["INVALID_ACTION", "INVALID_SERVICE_CONDITION_KEY"]);
    // Declared: only the misspelt s3 action is left, and the stale declaration warns.
    let (status, found) = json(&[
        "--extra-action",
        "newsvc:DoThing",
        "--extra-key",
        "newsvc:Color",
        "--extra-action",
        "ssm:StartSession",
    ]);
    assert_eq!(status, 1);
    assert_eq!(found, ["EXTRA_NAME_IN_CATALOG", "INVALID_ACTION"]);
    let extras = write(
        &dir,
        "extras.txt",
        "# released after the catalog\naction newsvc:DoThing\nkey newsvc:Color\n",
    );
    let (_, found) = json(&["--extras", path_str(&extras)]);
    assert_eq!(found, ["INVALID_ACTION"]);

    let bad = write(
        &dir,
        "bad.txt",
        "action newsvc:DoThing\nactoin newsvc:Other\n",
    );
    let refused = run(&["check", file, "--extras", path_str(&bad)]);
    assert_eq!(refused.status, 2, "{refused:?}");
    assert!(
        refused
            .stderr
            .contains("line 2: `actoin` is not a kind of declaration"),
        "{}",
        refused.stderr
    );
    let refused = run(&["check", file, "--extra-action", "newsvc:Do*"]);
    assert_eq!(refused.status, 2, "{refused:?}");
    assert!(
        refused.stderr.contains("has a wildcard"),
        "{}",
        refused.stderr
    );
}

/// The access policy Amazon SNS gives every new topic (`AWS:SourceOwner`, `__default_statement_ID`),
/// shared with the `policy!` and run-time tests.
fn sns_default_topic_policy() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/pass/fixtures/sns-default-topic-policy.json")
}

#[test]
fn sns_default_topic_policy_passes_as_a_topic_policy() {
    let file = sns_default_topic_policy();
    let checked = run(&[
        "check",
        "--policy-type",
        "sns-topic",
        "--deny-warnings",
        path_str(&file),
    ]);
    assert_eq!(checked.status, 0, "{}{}", checked.stdout, checked.stderr);
    assert!(
        checked
            .stdout
            .contains("checked 1 file: 0 errors, 0 warnings, 0 suggestions"),
        "{}",
        checked.stdout
    );
    // As an identity policy (the default type), its shape is wrong but its key is not.
    let identity = run(&["check", "--format", "json", path_str(&file)]);
    assert_eq!(identity.status, 1);
    assert_eq!(
        codes(&identity.json()),
        ["UNSUPPORTED_SID", "UNSUPPORTED_PRINCIPAL"]
    );
}

#[test]
fn a_misspelt_global_key_is_an_error_with_a_did_you_mean() {
    let dir = scratch("misspelt-global-key");
    let file = write(
        &dir,
        "topic.json",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sns:Publish",
            "Resource": "arn:aws:sns:us-east-2:111122223333:MyTopic",
            "Condition": {"StringEquals": {"aws:SourceAcount": "444455556666"}}}]}"#,
    );
    let run = run_in(&dir, &["check", "--policy-type", "sns-topic", "topic.json"]);
    assert_eq!(run.status, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "error[INVALID_GLOBAL_CONDITION_KEY]: the condition key `aws:SourceAcount` does not exist"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("= help: did you mean `aws:SourceAccount`?"),
        "{}",
        run.stdout
    );
    drop(file);
}
